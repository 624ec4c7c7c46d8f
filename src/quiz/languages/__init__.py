"""The languages a pack may be written in, by code: `get("lt")` (see `base.Language`).

Each language is a module here (`en`, `lt`) that builds one `Language`. A pack whose
`language` has no module is refused when it loads, naming what to add, never quietly
read as English.
"""

from __future__ import annotations

import re

from quiz.languages import en, lt
from quiz.languages.base import ENDS_WITH, FRAMES, Language, frame_problem

__all__ = [
    "ENDS_WITH",
    "FRAMES",
    "Language",
    "UnknownLanguage",
    "english",
    "find",
    "frame_problem",
    "get",
    "known",
    "unknown_message",
]

_REGISTRY: dict[str, Language] = {lang.code: lang for lang in (en.LANGUAGE, lt.LANGUAGE)}


class UnknownLanguage(ValueError):
    """A pack's `language` names a language without a module here."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(unknown_message(code))


def unknown_message(code: str) -> str:
    from quiz.lang import _  # the loader's message, in the interface's language

    base = _base(code) or code
    return _(
        "no language {code} — add quiz/languages/{base}.py (true/false words, prompt frames, "
        "stopwords, number words, months, stemmer); known: {known}"
    ).format(code=repr(code), base=base, known=", ".join(known()))


def _base(code: str) -> str:
    """'lt-LT', 'lt_LT', 'LT' → 'lt'."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


def known() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))


def get(code: str) -> Language:
    """The language of a pack's `language` code; UnknownLanguage if it has no module. A
    code that is already a base code ("en", as every value of a pack carries it) is found
    without `_base`'s split: dates and numbers ask for their language many times a question."""
    found = _REGISTRY.get(code) or _REGISTRY.get(_base(code))
    if found is None:
        raise UnknownLanguage(code)
    return found


def find(code: str) -> Language | None:
    """The language of a code, or None (marking a key of a code no pack could load)."""
    return _REGISTRY.get(_base(code))


ENGLISH_CODE = "en"


def english() -> Language:
    return _REGISTRY[ENGLISH_CODE]
