"""Whether a passage states a value: the check that ties a fact to the words it quotes.

A fact's object is its answer key. A key the quoted sentence does not state is a typo in
the pack at best and a false question at worst ("The stone came from Dunmore" keyed
false because the fact says Kelburn), so the loader refuses it, and the evidence
questions' verifier asks the same of the sentence it offers as proof.
"""

from __future__ import annotations

import os
import re

from quiz.languages import get as language_of
from quiz.numbers import numbers_in
from quiz.packs.model import Number, Value, When
from quiz.text import strip_accents, visible_only

ORDINALS = ("st", "nd", "rd", "th")  # "14th anniversary" states 14 years
# "Belgian" names Belgium, "German-led" Germany, "Italian" Italy: a word of the text that
# differs from a name's word only in its ending (at most this many letters of the name's
# word, one more of the text's), and shares four letters at least; "Australia" is not Austria
ENDING = 2
# small words a name may hold that a source can leave out ("the Sea of Tranquility")
_SMALL = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def words(text: str) -> list[str]:
    """The words of a text as compared: accents stripped, case folded, punctuation gone, and
    no invisible character inside a word ("Vil\u00adnius" is Vilnius)."""
    return re.findall(r"[^\W_]+", strip_accents(visible_only(text)).casefold())


def names(text: str, value: Value) -> bool:
    """The text states the value: a name as whole words; a date's year, month and day; a
    number in digits or as written."""
    said = " " + " ".join(words(text)) + " "
    if isinstance(value, When):
        ok = f" {value.year} " in said
        if value.month is not None:
            # a form of the month in the date's language ("March"; "kovo", "kovas", "kovą"),
            # where the language writes it in a date (language.states_month)
            ok = ok and language_of(value.language).states_month(text, value.month)
        if value.day is not None:
            endings = language_of(value.language).ordinals
            ok = ok and any(f" {value.day}{s} " in said for s in ("", *endings))
        return ok
    if isinstance(value, Number):
        forms = [value.display, str(value.value), *(f"{value.value}{s}" for s in ORDINALS)]
        if any(" " + " ".join(words(f)) + " " in said for f in forms):
            return True
        # as people write it: "two million", "2 million", "2,000,000", "1.5 million"
        return float(value.value) in numbers_in(visible_only(text), value.lang.numbers)
    return any(" " + " ".join(_unarticled(words(n))) + " " in said for n in value.names)


def _unarticled(name: list[str]) -> list[str]:
    """A name without its leading article: "the Mary Lane" is stated by "the schooner Mary
    Lane" (an author's trial found the proof refused for that)."""
    return name[1:] if len(name) > 1 and name[0] in ("the", "a", "an") else name


def mentions(text: str, value: Value) -> bool:
    """Looser than `names` for a name only: every word of one of its names (but the small
    ones) is a word of the text but for its ending, so an adjective ("Belgian Air Force"), a
    hyphened form ("German-led") or a shared head word ("cyber, information attacks")
    counts, and another name does not."""
    if names(text, value) or isinstance(value, When | Number):
        return names(text, value)
    said = set(words(text))
    for name in value.names:
        wanted = [w for w in words(name) if w not in _SMALL] or words(name)
        if wanted and all(any(_alike(w, s) for s in said) for w in wanted):
            return True
    return False


def _alike(name_word: str, word: str) -> bool:
    if name_word == word:
        return True
    common = len(os.path.commonprefix([name_word, word]))
    return common >= 4 and len(name_word) - common <= ENDING and len(word) - common <= ENDING + 1
