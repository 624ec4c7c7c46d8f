"""The one registry of question kinds: what each is called, the shape of its answer, how a
player answers it in each front end, and whether it asks for recall.

Grading lives on the key (`quiz.question`), so a kind is a name, words and a key
type. The full-screen game, the line mode, the home screen, `quiz check`, the
exporters and the command line all read this table; none keeps its own list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.question import Figure, InvalidResponse, Key, Many, One, Order, Question, Response, Text
from quiz.text import fold


@dataclass(frozen=True)
class KindInfo:
    name: str
    label: str  # as the home screen and help name it
    key: type[Key]
    recall: bool  # the player must produce or pick the fact, not only judge a statement
    plain_hint: str  # how to answer in the line mode
    key_hint: str  # how to answer with the full-screen game's keys


_REGISTRY = (
    KindInfo(
        "choice",
        "Multiple choice",
        One,
        True,
        "Answer with the option's number (or its words).",
        "Press 1–9, or choose with ↑ ↓ and Enter.",
    ),
    KindInfo(
        "true_false",
        "True or false",
        One,
        False,
        "Answer 1 for True or 2 for False.",
        "Press 1 for True or 2 for False.",
    ),
    KindInfo(
        "typed",
        "Typed answer",
        Text,
        True,
        "Type your answer (or ? if you don't know).",
        "Type your answer, then Enter. Case and accents do not matter.",
    ),
    KindInfo(
        "number",
        "Number",
        Figure,
        True,
        "Type a number (or ? if you don't know).",
        "Type a number, then Enter.",
    ),
    KindInfo(
        "multi",
        "Select all that apply",
        Many,
        True,
        "Select all that apply: numbers or letters separated by commas (e.g. 1,3).",
        "Select all that apply: 1–9 or Space ticks an option, Enter submits.",
    ),
    KindInfo(
        "order",
        "Time order",
        Order,
        True,
        "Give the order, earliest first: numbers separated by commas (e.g. 3,1,4,2).",
        "Earliest first: move the highlighted event with [ ] or Shift+↑ ↓, then Enter.",
    ),
    KindInfo(
        "evidence",
        "Which sentence proves it?",
        One,
        False,
        "Answer with the number of the sentence that proves it.",
        "Press the number of the sentence that proves it.",
    ),
)

KINDS: dict[str, KindInfo] = {k.name: k for k in _REGISTRY}
KIND_NAMES: tuple[str, ...] = tuple(KINDS)
RECALL_KINDS: frozenset[str] = frozenset(k.name for k in _REGISTRY if k.recall)

_TOKEN = re.compile(r"[\s,;]+")


def parse_line(question: Question, line: str) -> Response:
    """A line typed in the line mode as a response: a number, numbers or letters, or text."""
    text = line.strip()
    key = question.key
    if isinstance(key, Text | Figure):
        return text
    if isinstance(key, One):
        folded = [fold(o) for o in question.options]
        if fold(text) and fold(text) in folded:  # the option's own words: "Estonia"
            return folded.index(fold(text))
    tokens = [t for t in _TOKEN.split(text.lower()) if t]
    if not tokens:
        raise InvalidResponse("no answer given")
    picks = []
    for token in tokens:
        if token.isdigit() and len(token) <= 3:
            picks.append(int(token) - 1)
        elif question.kind == "true_false" and token in ("true", "false", "t", "f"):
            # before letters: "f" is False here, not a sixth option
            picks.append(0 if token.startswith("t") else 1)
        elif len(token) == 1 and "a" <= token <= "z":
            picks.append(ord(token) - ord("a"))
        else:
            shown = token if len(token) <= 20 else token[:20] + "…"
            raise InvalidResponse(f"not an option: {shown!r}")
    if isinstance(key, Many | Order):
        return tuple(picks)
    if len(picks) != 1:
        raise InvalidResponse("choose one option")
    return picks[0]


def response_json(response: Response) -> int | list[int] | str:
    return list(response) if isinstance(response, tuple) else response


def response_from_json(question: Question, raw: object) -> Response:
    """A stored or imported response, checked against the question (InvalidResponse if it
    does not fit): imported files are untrusted."""
    if isinstance(raw, list):
        raw = tuple(raw)
    return question.normalize(raw)
