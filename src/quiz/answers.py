"""Deciding whether a player's free answer is right.

Typed answers are compared folded (case, accents, a leading "the" and
punctuation do not count), so "siauliai" matches "Šiauliai". A small typo is
forgiven only when the key is the single closest value of its pool: "Latvia"
typed for "Lativa"-like keys must never pass because another country is as
close. Number answers accept digits or number words, within the question's
stated tolerance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.question import Figure, Text
from quiz.packs.model import NUMBER_WORDS
from quiz.text import fold, fold_keeping_accents

TYPO_CUTOFF = 85.0  # rapidfuzz ratio (0-100) a typo must reach
MIN_TYPO_LENGTH = 5  # shorter answers must be exact after folding


@dataclass(frozen=True)
class Verdict:
    correct: bool
    exact: bool  # False when accepted only through typo, accent or number tolerance
    note: str = ""


def check_typed(key: Text, text: str) -> Verdict:
    given = fold(text)
    if not given:
        return Verdict(False, True, "no answer")
    accepted = {fold(a) for a in key.accepted}
    if given in accepted:
        with_accents = {fold_keeping_accents(a) for a in key.accepted}
        if fold_keeping_accents(text) in with_accents:
            return Verdict(True, True)
        return Verdict(True, False, f"accepted without its accents: {key.answer}")
    rivals = {fold(r) for r in key.rivals} - accepted
    if given in rivals or len(given) < MIN_TYPO_LENGTH:
        return Verdict(False, True)
    from rapidfuzz import fuzz  # only typed answers need it: keeps start-up light

    best_key = max(fuzz.ratio(given, a, processor=None) for a in accepted)
    if best_key < TYPO_CUTOFF:
        return Verdict(False, True)
    best_rival = max((fuzz.ratio(given, r, processor=None) for r in rivals), default=0.0)
    if best_rival >= best_key:
        return Verdict(False, True, "too close to another answer to accept as a typo")
    return Verdict(True, False, f"accepted as a typo of {key.answer}")


# digits, with separators only between groups of three: "1,000" and "1 000", not "1,," or "20 04"
_NUMBER = re.compile(r"^[-+]?(\d{1,3}(?:([,_ ])\d{3})(?:\2\d{3})*|\d+)(\.\d+)?$")


def parse_number(text: str) -> float | None:
    """'2004', '1,000', '8' or 'eight' → a number; anything else → None."""
    t = text.strip().lower()
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS.index(t))
    if _NUMBER.match(t):
        return float(re.sub(r"[,_ ]", "", t))
    return None


def check_number(key: Figure, text: str) -> Verdict:
    value = parse_number(text)
    if value is None:
        return Verdict(False, True, "not a number")
    diff = abs(value - key.value)
    if diff == 0:
        return Verdict(True, True)
    if diff <= key.tolerance:
        return Verdict(True, False, f"within {key.tolerance:g} of {key.value:g}")
    return Verdict(False, True)
