"""The one registry of question kinds: what each is called, the shape of its answer, how a
player answers it in each front end, and whether it asks for recall.

Grading lives on the key (`quiz.question`), so a kind is a name, words and a key
type. The full-screen game, the line mode, the home screen, `quiz check`, the
exporters and the command line all read this table; none keeps its own list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from quiz.kind_labels import KIND_LABELS
from quiz.lang import _
from quiz.numbers import number
from quiz.question import Figure, InvalidResponse, Key, Many, One, Order, Question, Response, Text
from quiz.round.codes import Refusal, Shape
from quiz.text import fold


@dataclass(frozen=True)
class KindInfo:
    name: str
    english: str  # as the home screen and help name it, in English (the catalogue's key)
    key: type[Key]
    recall: bool  # the player must produce or pick the fact, not only judge a statement

    @property
    def label(self) -> str:
        """The kind's name in the interface's language (looked up when shown: a served tab
        learns its language after this table is made)."""
        return _(self.english)


# The key type of each kind; the names, their order, labels and recall are quiz.kind_labels's.
_KEYS: dict[str, type[Key]] = {
    "choice": One,
    "true_false": One,
    "typed": Text,
    "number": Figure,
    "multi": Many,
    "order": Order,
    "evidence": One,
}
_REGISTRY = tuple(
    KindInfo(name, label, _KEYS[name], recall) for name, (label, recall) in KIND_LABELS.items()
)

KINDS: dict[str, KindInfo] = {k.name: k for k in _REGISTRY}
KIND_NAMES: tuple[str, ...] = tuple(KINDS)
RECALL_KINDS: frozenset[str] = frozenset(k.name for k in _REGISTRY if k.recall)

_TOKEN = re.compile(r"[\s,;]+")


class Asked(Protocol):
    """A question as the player sees it (a Question, or a front end's view of one)."""

    @property
    def kind(self) -> str: ...
    @property
    def shape(self) -> Shape: ...
    @property
    def options(self) -> tuple[str, ...]: ...


def parse_line(question: Asked, line: str) -> Response:
    """A line typed in the line mode as a response: a number, numbers or letters, or text."""
    text = line.strip()
    shape = question.shape
    if shape in (Shape.TEXT, Shape.NUMBER):
        return text
    if shape is Shape.ONE:
        folded = [fold(o) for o in question.options]
        if fold(text) and fold(text) in folded:  # the option's own words: "Estonia"
            return folded.index(fold(text))
        at = _figure_option(question.options, text)
        if at is not None:
            return at
    if shape in (Shape.MANY, Shape.ORDER):
        named = _options_named(question.options, text)
        if named is not None:
            return named
    tokens = [t for t in _TOKEN.split(text.lower()) if t]
    if not tokens:
        raise InvalidResponse(Refusal.NO_ANSWER)
    picks = []
    for token in tokens:
        if token.isdecimal() and len(token) <= 3:  # ("²" is a digit, but no number)
            picks.append(int(token) - 1)
        elif question.kind == "true_false" and token in ("true", "false", "t", "f"):
            # before letters: "f" is False here, not a sixth option
            picks.append(0 if token.startswith("t") else 1)
        elif len(token) == 1 and "a" <= token <= "z":
            picks.append(ord(token) - ord("a"))
        else:
            raise InvalidResponse(Refusal.NOT_AN_OPTION, text=_shown(token))
    if shape in (Shape.MANY, Shape.ORDER):
        return tuple(picks)
    if len(picks) != 1:
        raise InvalidResponse(Refusal.ONE_OPTION)
    return picks[0]


def _options_named(options: tuple[str, ...], text: str) -> tuple[int, ...] | None:
    """The options a line names by their words, split at ";" or ",": "Albania; Croatia" for a
    select-all, as `quiz try` says it takes them (reader 39b found it asked again). None
    unless every part is an option's words (an option may hold a comma: ";" is tried first);
    where others are, the part that is not is refused by name."""
    folded = [fold(o) for o in options]
    for mark in (";", ","):
        parts = [fold(p) for p in text.split(mark) if p.strip()]
        # a bare number is the option's place ("2"), never its words
        if parts and all(p in folded and not p.isdecimal() for p in parts):
            return tuple(folded.index(p) for p in parts)
    for mark in (";", ","):
        parts = [p.strip() for p in text.split(mark) if p.strip()]
        if any(fold(p) in folded for p in parts):
            # options named by their words but one: that one is what is not an option
            # ("Poland, Lithuania" named "poland", the first word, reader 42b)
            wrong = next((p for p in parts if fold(p) not in folded and not p.isdecimal()), None)
            if wrong is not None:
                raise InvalidResponse(Refusal.NOT_AN_OPTION, text=_shown(wrong))
    return None


def _shown(text: str) -> str:
    """What a refusal quotes of a word that is no option: its first 20 characters."""
    return text if len(text) <= 20 else text[:20] + "…"


def _figure_option(options: tuple[str, ...], text: str) -> int | None:
    """The option whose figure the text is, where that is what it must mean: "6" among
    "three, four, six, eight" is "six" (there is no sixth option), and so is "six years" (the
    figure and its unit; reader 34b). Where a bare number is both an option's place and
    another option's figure, it is asked again: "3" was read as option 3, "six", and marked
    right for a reader who meant "three" (reader 32b)."""
    said = [number(option) for option in options]
    if text.isdecimal():
        n = int(text)
        figures = [i for i, figure in enumerate(said) if figure == n]
        if not figures:
            return None
        if not 1 <= n <= len(options):
            return figures[0]
        if n - 1 in figures:
            return n - 1
        raise InvalidResponse(Refusal.PLACE_OR_FIGURE, n=n, text=options[figures[0]])
    figure, _, _unit = text.rpartition(" ")
    value = number(figure) if figure else None
    figures = [i for i, f in enumerate(said) if value is not None and f == value]
    return figures[0] if len(figures) == 1 else None


def response_json(response: Response) -> int | list[int] | str:
    return list(response) if isinstance(response, tuple) else response


def response_from_json(question: Question, raw: object) -> Response:
    """A stored or imported response, checked against the question (InvalidResponse if it
    does not fit): imported files are untrusted."""
    if isinstance(raw, list):
        raw = tuple(raw)
    return question.normalize(raw)
