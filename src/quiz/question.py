"""A question in three parts: what the player sees, the key that grades it, where it came from.

The key is typed by the *shape* of the answer (one option, several options, an
order, free text, a number), and each key grades its own responses, so the
game, the line mode, exams and imported results all grade alike. Formats and
front ends dispatch on the key's type, never on the kind's name: a new kind
with an existing shape needs no change outside its builder and `kinds.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

from quiz import words
from quiz.answers import check_typed
from quiz.figures import check_number, figure_value, thousands_dot, wants_whole_figure
from quiz.numbers import format_number as _format_number
from quiz.packs.model import Quote, Value
from quiz.round.codes import Note, NoteCode, Refusal, Shape, Verdict

Response = int | tuple[int, ...] | str
Result = Literal["right", "partial", "wrong"]  # Verdict's values, as stored


class InvalidResponse(ValueError):
    """The response does not fit the question (option 7 of 4): ask again, score nothing. It
    carries a code and its numbers; `quiz.words.refusal` says it."""

    def __init__(self, reason: Refusal, n: int = 0, text: str = "") -> None:
        self.reason, self.n, self.text = reason, n, text
        super().__init__(reason.value)

    def __str__(self) -> str:
        return words.refusal(self)


NOT_ANSWERED = Note(NoteCode.NOT_ANSWERED)


@dataclass(frozen=True)
class Grade:
    credit: float  # 0..1
    note: Note | None = None
    exact: bool = True  # False when accepted only through typo, accent or number tolerance

    @property
    def correct(self) -> bool:
        return self.credit >= 1.0

    @property
    def result(self) -> Result:
        return self.verdict.value

    @property
    def verdict(self) -> Verdict:
        if self.correct:
            return Verdict.RIGHT
        return Verdict.PARTIAL if self.credit > 0 else Verdict.WRONG


def _index(response: object, n: int) -> int:
    if isinstance(response, bool) or not isinstance(response, int) or not 0 <= response < n:
        raise InvalidResponse(Refusal.OPTION_RANGE, n)
    return response


def _indices(response: object, n: int) -> tuple[int, ...]:
    if isinstance(response, int | str) or not isinstance(response, Sequence):
        raise InvalidResponse(Refusal.PICK_LIST)
    picks = tuple(response)
    if any(isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < n for i in picks) or len(
        set(picks)
    ) != len(picks):
        raise InvalidResponse(Refusal.PICKS_RANGE, n)
    return picks


DONT_KNOW = "?"  # typed or chosen instead of an answer: shows the answer, counts as wrong


MAX_ANSWER = 200  # characters in a typed answer: longer is no answer to any question here


def _text(response: object) -> str:
    if not isinstance(response, str) or not response.strip():
        raise InvalidResponse(Refusal.EMPTY)
    if len(response) > MAX_ANSWER:
        raise InvalidResponse(Refusal.TOO_LONG, MAX_ANSWER)
    return response.strip() if response.strip() == DONT_KNOW else response


@dataclass(frozen=True)
class One:
    """Exactly one option is right: multiple choice, true/false, which sentence proves it."""

    right: int

    def normalize(self, options: Sequence[str], response: object) -> Response:
        return _index(response, len(options))

    def grade(self, options: Sequence[str], response: object) -> Grade:
        return Grade(1.0 if _index(response, len(options)) == self.right else 0.0)

    def answer_text(self, options: Sequence[str]) -> str:
        return options[self.right]

    def rights(self) -> frozenset[int]:
        return frozenset({self.right})


@dataclass(frozen=True)
class Many:
    """Select all that apply. Partial credit: (right picks − wrong picks) ÷ right options."""

    right: frozenset[int]

    def normalize(self, options: Sequence[str], response: object) -> Response:
        picks = _indices(response, len(options))
        if not picks:
            raise InvalidResponse(Refusal.TICK_ONE)
        return tuple(sorted(picks))

    def grade(self, options: Sequence[str], response: object) -> Grade:
        picks = set(self.normalize(options, response))  # type: ignore[arg-type]
        hits, misses = len(picks & self.right), len(picks - self.right)
        credit = max(0.0, (hits - misses) / len(self.right))
        return Grade(credit, Note(NoteCode.PICKS, n=hits, of=len(self.right), wrong=misses))

    def answer_text(self, options: Sequence[str]) -> str:
        return "; ".join(options[i] for i in sorted(self.right))

    def rights(self) -> frozenset[int]:
        return self.right


@dataclass(frozen=True)
class Order:
    """Put the options in order. Credit: the share of pairs in the right relative order; the
    order as shown (nothing moved) scores nothing, since it is never the right one."""

    order: tuple[int, ...]  # option indices, first to last

    def normalize(self, options: Sequence[str], response: object) -> Response:
        picks = _indices(response, len(options))
        if len(picks) != len(options):
            raise InvalidResponse(Refusal.ORDER_ALL, len(options))
        return picks

    def grade(self, options: Sequence[str], response: object) -> Grade:
        picks = self.normalize(options, response)
        assert isinstance(picks, tuple)
        if picks == tuple(range(len(options))):
            return Grade(0.0, Note(NoteCode.NOTHING_MOVED))
        rank = {index: i for i, index in enumerate(self.order)}
        pairs = list(combinations([rank[i] for i in picks], 2))
        good = sum(1 for a, b in pairs if a < b)
        return Grade(good / len(pairs), Note(NoteCode.PAIRS, n=good, of=len(pairs)))

    def answer_text(self, options: Sequence[str]) -> str:
        return " → ".join(options[i] for i in self.order)

    def rights(self) -> frozenset[int]:
        return frozenset()


@dataclass(frozen=True)
class Text:
    """A typed answer: case and accents ignored, a typo forgiven only when unambiguous, other
    words of the same meaning accepted (`quiz.answers`). `language` is the pack's, for word
    forms; `qualifiers` are names that may stand beside a right spelling without making it
    wrong (the country of a city: "Vilnius, Lithuania")."""

    answer: str
    accepted: tuple[str, ...]
    rivals: tuple[str, ...] = ()
    language: str = "en"
    qualifiers: tuple[tuple[str, str], ...] = ()  # (a right spelling, what may stand beside it)
    # the question's own words and the sentences it quotes: a right name followed by the
    # prompt's head noun or the article's complement is still right ("cyber defence
    # capabilities")
    prompt: str = ""
    quotes: tuple[str, ...] = ()
    # the titles the source gives the answer ("Governor of New Mexico" for William Lane):
    # typed alone they describe the answer rather than name something else
    titles: tuple[str, ...] = ()
    # whether the answer is a person (the pack's type): a middle name may stand inside a
    # right "First Last" ("William Carr Lane"), which inside a place's name adds something
    person: bool = False
    # the pack's source texts: a describing word a student adds to a right concept must be
    # one the source uses ("peacetime air policing", `quiz.modifiers`)
    source: tuple[str, ...] = ()
    # an office's title that is right typed alone ("Governor" for the Governor of New
    # Mexico, no other office being a governor), and only alone: never a name to add words
    # to ("Governor of Mexico")
    alone: tuple[str, ...] = ()
    # for "Name one …": each right value's names apart ("defence budget", "military
    # spending" one way, "armed forces" another), so an answer that lies inside two values'
    # names, naming neither ("military", "modernising"), is told apart from one that names one
    values: tuple[tuple[str, ...], ...] = ()

    def normalize(self, options: Sequence[str], response: object) -> Response:
        return _text(response)

    def grade(self, options: Sequence[str], response: object) -> Grade:
        text = _text(response)
        if text == DONT_KNOW:
            return Grade(0.0, NOT_ANSWERED)
        verdict = check_typed(self, text)
        return Grade(1.0 if verdict.correct else 0.0, verdict.note, verdict.exact)

    def answer_text(self, options: Sequence[str]) -> str:
        return self.answer

    def rights(self) -> frozenset[int]:
        return frozenset()


@dataclass(frozen=True)
class Figure:
    """A number typed in digits or words, within a stated tolerance, in a stated unit."""

    value: int | float
    tolerance: float = 0.0
    unit: str = ""
    language: str = "en"  # the pack's: which number words and which decimal sign are read
    year: bool = False  # the year of a date: "in 2004", "29 March 2004" give the year
    # "lower" for a figure the source gives as a lower bound ("over 1,000"), "upper" for an
    # upper one: an answer with the same bound word is the source's own answer
    bound: str = ""
    shown: str = ""  # the figure as the source writes it, when its digits alone mislead
    month: int | None = None  # a year's date, when the fact has it: "July 2016" is checked
    day: int | None = None

    def normalize(self, options: Sequence[str], response: object) -> Response:
        text = _text(response)
        if text != DONT_KNOW and thousands_dot(self, text):  # before: "15.000.000" reads as none
            raise InvalidResponse(Refusal.THOUSANDS_DOT, text=text.strip()[:20])
        if text != DONT_KNOW and figure_value(self, text) is None:
            raise InvalidResponse(Refusal.NOT_A_YEAR if self.year else Refusal.NOT_A_NUMBER)
        if text != DONT_KNOW and wants_whole_figure(self, text):
            raise InvalidResponse(Refusal.WHOLE_FIGURE, text=text.strip()[:20])
        return text

    def grade(self, options: Sequence[str], response: object) -> Grade:
        text = str(self.normalize(options, response))
        if text == DONT_KNOW:
            return Grade(0.0, NOT_ANSWERED)
        verdict = check_number(self, text)
        return Grade(1.0 if verdict.correct else 0.0, verdict.note, verdict.exact)

    def answer_text(self, options: Sequence[str]) -> str:
        number = self.shown or _format_in(self.value, self.language)
        return f"{number} {self.unit}" if self.unit else number

    def rights(self) -> frozenset[int]:
        return frozenset()


Key = One | Many | Order | Text | Figure


def _format_in(value: int | float, language: str) -> str:
    """The number as the language writes it ("3.5"; "3,5" in Lithuanian)."""
    from quiz.languages import find

    lang = find(language)
    return _format_number(value, lang.numbers) if lang is not None else format_number(value)


_SHAPES: dict[type, Shape] = {
    One: Shape.ONE,
    Many: Shape.MANY,
    Order: Shape.ORDER,
    Text: Shape.TEXT,
    Figure: Shape.NUMBER,
}


def format_number(value: int | float) -> str:
    """2004, 12,000 or 2.5: never '1e+04' (`quiz.numbers.format_number`)."""
    return _format_number(value)


@dataclass(frozen=True)
class WhyWrong:
    """The fact a wrong option really belongs to, so the game can say why it is wrong."""

    fact: str
    statement: str
    quote: Quote


@dataclass(frozen=True)
class Claim:
    """What the question claims of the bank, for `verify`: a relation read in one direction
    from a given value, and the value each option (or the typed key, or the statement)
    stands for."""

    relation: str
    direction: Literal["forward", "reverse"]
    anchor: Value
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Origin:
    """Where a question came from: every fact it tests, the passages that prove its answer
    (the first is the main one), and what to say about it."""

    facts: tuple[str, ...]
    quotes: tuple[Quote, ...]
    explanation: str
    why_wrong: tuple[tuple[int, WhyWrong], ...] = ()  # (option index, its fact)
    claim: Claim | None = None
    hand_written: bool = False
    # Select-all: the option each fact stands for (aligned with `facts`), so each fact is
    # credited for its own tick, not with the question's partial result.
    fact_options: tuple[int, ...] = ()


@dataclass(frozen=True)
class Question:
    """Immutable: a round, an exam paper and a re-scored import all see the same object."""

    id: str
    kind: str
    prompt: str
    options: tuple[str, ...]
    topics: tuple[str, ...]
    key: Key
    origin: Origin = field(compare=False)

    @property
    def facts(self) -> tuple[str, ...]:
        return self.origin.facts

    @property
    def fact(self) -> str:
        """The first fact (or hand-written question) it tests: where `quiz check` points."""
        return self.origin.facts[0]

    @property
    def quote(self) -> Quote:
        return self.origin.quotes[0]

    @property
    def explanation(self) -> str:
        return self.origin.explanation

    @property
    def shape(self) -> Shape:
        """How it is answered: front ends choose their widget by this, not by the kind."""
        return _SHAPES[type(self.key)]

    def grade(self, response: object) -> Grade:
        return self.key.grade(self.options, response)

    def normalize(self, response: object) -> Response:
        """The response in its canonical form (sorted picks, a tuple), or InvalidResponse."""
        return self.key.normalize(self.options, response)

    def answer_text(self) -> str:
        return self.key.answer_text(self.options)

    def response_text(self, response: Response) -> str:
        """What the player answered, written like the answer it is compared with."""
        if isinstance(response, str):
            return words.dont_know() if response.strip() == DONT_KNOW else response
        if isinstance(response, int):
            return self.options[response]
        joint = " → " if isinstance(self.key, Order) else "; "
        return joint.join(self.options[i] for i in response)

    def fact_results(self, response: Response | None, grade: Grade) -> tuple[Result, ...]:
        """The result for each fact the question tests (aligned with `facts`): the question's
        own, except in a select-all, where a fact is right when its option was ticked."""
        picks = response if isinstance(response, tuple) else None
        options = self.origin.fact_options
        if picks is None or not isinstance(self.key, Many) or len(options) != len(self.facts):
            return (grade.result,) * len(self.facts)
        return tuple("right" if i in picks else "wrong" for i in options)

    def why_wrong(self, option: int) -> WhyWrong | None:
        return dict(self.origin.why_wrong).get(option)
