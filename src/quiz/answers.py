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

from quiz.generate.question import Question
from quiz.packs.model import NUMBER_WORDS
from quiz.text import fold

TYPO_CUTOFF = 85.0  # rapidfuzz ratio (0-100) a typo must reach
MIN_TYPO_LENGTH = 5  # shorter answers must be exact after folding


@dataclass(frozen=True)
class Verdict:
    correct: bool
    exact: bool  # False when accepted only through typo or number tolerance
    note: str = ""


def check_typed(question: Question, text: str) -> Verdict:
    given = fold(text)
    if not given:
        return Verdict(False, True, "no answer")
    accepted = {fold(a) for a in question.accepted}
    if given in accepted:
        return Verdict(True, True)
    rivals = {fold(r) for r in question.rivals} - accepted
    if given in rivals or len(given) < MIN_TYPO_LENGTH:
        return Verdict(False, True)
    from rapidfuzz import fuzz  # only typed answers need it: keeps start-up light

    best_key = max(fuzz.ratio(given, a, processor=None) for a in accepted)
    if best_key < TYPO_CUTOFF:
        return Verdict(False, True)
    best_rival = max((fuzz.ratio(given, r, processor=None) for r in rivals), default=0.0)
    if best_rival >= best_key:
        return Verdict(False, True, "too close to another answer to accept as a typo")
    return Verdict(True, False, f"accepted as a typo of {question.answer}")


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


def check_number(question: Question, text: str) -> Verdict:
    value = parse_number(text)
    if value is None:
        return Verdict(False, True, "not a number")
    assert isinstance(question.answer, int | float)
    diff = abs(value - question.answer)
    if diff == 0:
        return Verdict(True, True)
    if diff <= question.tolerance:
        return Verdict(True, False, f"within {question.tolerance:g} of {question.answer}")
    return Verdict(False, True)
