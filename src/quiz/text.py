"""Text folding shared by answer matching, duplicate checks and prompt checks.

Folding is how the program decides that two spellings are "the same" for a
player: case, accents, typographic quotes and a leading article do not count.
It never changes stored text; it only builds comparison keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import compress
from operator import not_

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})
_WORD = re.compile(r"\w+")
_ARTICLES = frozenset({"the", "a", "an"})


# letters that are not a base letter plus an accent, so NFKD keeps them: typed without
# their stroke or ligature by anyone without the key ("Oresund" for Øresund)
_UNDECOMPOSED = str.maketrans(
    {"Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th",
     "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "ß": "ss"}
)  # fmt: skip


def visible_only(text: str) -> str:
    """The text without its invisible format characters (Unicode category Cf: a soft hyphen
    U+00AD a web page leaves inside a word, zero-width spaces and joiners U+200B-U+200D,
    the word joiner U+2060, a byte-order mark): "Vil\u00adnius" is the word "Vilnius" to a
    reader, and so to every comparison. Only for comparing: stored text keeps them, so a
    quote's offsets stay true."""
    if text.isascii() or "Cf" not in map(unicodedata.category, text):
        return text
    # (map and compress: every character is weighed in C, not by a generator in Python)
    return "".join(compress(text, map("Cf".__ne__, map(unicodedata.category, text))))


def strip_marks(text: str) -> str:
    """The text without its accents and marks, and nothing else changed: canonical
    decomposition (NFD), so "šeši" is "sesi" but "10²" stays "10²" — a number read after
    folding must not turn a superscript into a digit (NFKD would read "10²" as 102)."""
    if text.isascii():
        return text
    return _without_combining(unicodedata.normalize("NFD", text.translate(_UNDECOMPOSED)))


def strip_accents(text: str) -> str:
    if text.isascii():  # nothing to strip: most prompts and names
        return text
    return _without_combining(unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)))


def _without_combining(text: str) -> str:
    """The text without its combining marks (what a decomposition splits off a letter),
    every character weighed in C (map and compress), not by a generator in Python."""
    if not any(map(unicodedata.combining, text)):
        return text
    return "".join(compress(text, map(not_, map(unicodedata.combining, text))))


@lru_cache(maxsize=16384)  # the generator folds the same names and sentences many times
def fold(text: str) -> str:
    """The comparison key of a name: 'The Šiauliai  Air-Base' → 'siauliai air base'. Always
    its words (runs of word characters) joined by single spaces, so `.split()` gives them."""
    return fold_keeping_accents(strip_accents(text))


def fold_keeping_accents(text: str) -> str:
    """Like `fold`, but 'Šiauliai' and 'Siauliai' stay apart: whether a typed answer needed
    the accent tolerance."""
    key = visible_only(text)
    if not key.isascii():  # every character _QUOTES changes is outside ASCII
        key = key.translate(_QUOTES)
    # the words joined by single spaces: punctuation and every run of spaces are one space
    key = " ".join(_WORD.findall(key.casefold()))
    first, space, rest = key.partition(" ")
    return rest if space and first in _ARTICLES else key  # a leading article dropped


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether the folded needle stands in the folded haystack as whole words. Folded text is
    words joined by single spaces, so padding both with spaces marks the word boundaries."""
    folded = fold(needle)
    return bool(folded) and f" {folded} " in f" {fold(haystack)} "


def fold_quotes(text: str) -> str:
    """Typographic quotes, dashes and no-break spaces made plain; the length never changes."""
    return text.translate(_QUOTES)


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 question', '2 questions'; `many` for a word that does not just take an s."""
    return f"{n} {word if n == 1 else many or word + 's'}"
