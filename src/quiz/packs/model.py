"""The pack model: typed values, relations, facts with their evidence, and the pack itself.

Everything here is immutable and free of any user interface, so the same pack
object can serve the game, the checker, the exporters and (later) the store,
which keys progress to `Fact.id`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from quiz.packs.errors import Problem
from quiz.text import capitalize_first

ENTITY_TYPES = (
    "country",
    "place",
    "person",
    "organisation",
    "operation",
    "unit",
    "event",
    "equipment",
    "concept",
)
LITERAL_TYPES = ("date", "year", "number")
VALUE_TYPES = ENTITY_TYPES + LITERAL_TYPES
TEMPLATE_KEYS = ("forward", "reverse", "forward_all", "reverse_all", "statement", "event")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    group: str | None = None  # a finer kind within the type (air base, summit, threat …)

    @property
    def display(self) -> str:
        return self.name

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @cached_property
    def key(self) -> tuple[str, str]:
        return ("entity", self.id)


Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class When:
    """A date known to a precision: 29 March 2004, September 2015, or 2014."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def type(self) -> str:
        return "year" if self.precision == "year" else "date"

    @cached_property
    def display(self) -> str:
        if self.precision == "year":
            return str(self.year)
        assert self.month is not None
        month = MONTHS[self.month - 1]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.display,)

    @cached_property
    def key(self) -> tuple[str, int, int, int]:
        return ("when", self.year, self.month or 0, self.day or 0)

    def truncated(self, precision: Precision) -> tuple[int, ...]:
        if precision == "year":
            return (self.year,)
        if precision == "month":
            return (self.year, self.month or 0)
        return (self.year, self.month or 0, self.day or 0)

    def same_time(self, other: When) -> bool:
        """Indistinguishable at the coarser of the two precisions (2004 vs 29 March 2004)."""
        order = ("year", "month", "day")
        coarse = min(order.index(self.precision), order.index(other.precision))
        return self.truncated(order[coarse]) == other.truncated(order[coarse])  # type: ignore[arg-type]


NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)


@dataclass(frozen=True)
class Number:
    value: int | float
    text: str | None = None
    approx: bool = False

    type = "number"

    @property
    def display(self) -> str:
        if self.text:
            return self.text
        return (
            f"{self.value:,}"
            if isinstance(self.value, int) and self.value >= 10000
            else str(self.value)
        )

    @property
    def names(self) -> tuple[str, ...]:
        return (self.display, str(self.value))

    @property
    def in_words(self) -> bool:
        return self.text is not None and self.text.lower() in NUMBER_WORDS

    def like(self, value: int) -> Number:
        """Another number written the way this one is (words or digits)."""
        if self.in_words and 0 <= value < len(NUMBER_WORDS):
            return Number(value, NUMBER_WORDS[value])
        return Number(value)

    @property
    def key(self) -> tuple[str, float]:
        return ("number", float(self.value))


Value = Entity | When | Number


def same_value(a: Value, b: Value) -> bool:
    """Whether two values cannot be told apart, so one may not disprove the other."""
    if isinstance(a, When) and isinstance(b, When):
        return a.same_time(b)
    return a.key == b.key


_PLACEHOLDER = re.compile(r"\{(subject|object)\}")


@dataclass(frozen=True)
class Relation:
    id: str
    subject_type: str
    object_type: str
    closed: bool
    templates: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def render(self, template: str, subject: Value | None = None, obj: Value | None = None) -> str:
        """Fill a template; only {subject} and {object} exist, so pack text cannot reach code."""
        values = {"subject": subject, "object": obj}

        def fill(m: re.Match[str]) -> str:
            value = values[m.group(1)]
            assert value is not None, f"template {template} needs {m.group(1)}"
            return value.display

        text = _PLACEHOLDER.sub(fill, self.templates[template])
        return capitalize_first(text)


@dataclass(frozen=True)
class Quote:
    """A verbatim passage: the W3C TextQuoteSelector plus the offsets it resolved to."""

    source: str
    text: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Fact:
    id: str
    subject: Value
    relation: Relation
    object: Value
    topics: tuple[str, ...]
    evidence: tuple[Quote, ...]
    explanation: str | None = None

    @property
    def quote(self) -> Quote:
        return self.evidence[0]

    @property
    def statement(self) -> str:
        return self.relation.render("statement", self.subject, self.object)


@dataclass(frozen=True)
class HandQuestion:
    """A question written by the author; the quote rule still applies."""

    id: str
    kind: str
    prompt: str
    answer: str
    wrong: tuple[str, ...]
    accept: tuple[str, ...]
    topics: tuple[str, ...]
    evidence: tuple[Quote, ...]
    explanation: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    text: str
    sha256: str
    title: str
    publisher: str
    date: str | None = None
    date_note: str | None = None
    url: str | None = None
    license: str | None = None


@dataclass(frozen=True, eq=False)
class Pack:
    id: str
    title: str
    version: str
    path: str
    sources: dict[str, Source]
    entities: dict[str, Entity]
    relations: dict[str, Relation]
    facts: tuple[Fact, ...]
    questions: tuple[HandQuestion, ...] = ()
    language: str = "en"
    description: str = ""
    digest: str = ""  # SHA-256 of the pack file and its sources: what a round spec names
    warnings: tuple[Problem, ...] = ()  # what `quiz check` says without failing the pack

    @cached_property
    def facts_by_relation(self) -> dict[str, tuple[Fact, ...]]:
        grouped: dict[str, list[Fact]] = {}
        for fact in self.facts:
            grouped.setdefault(fact.relation.id, []).append(fact)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def fact_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    @cached_property
    def topics(self) -> tuple[str, ...]:
        seen = {t for f in self.facts for t in f.topics} | {
            t for q in self.questions for t in q.topics
        }
        return tuple(sorted(seen))

    def objects_of(self, relation: Relation, subject: Value) -> list[Value]:
        return [
            f.object
            for f in self.facts_by_relation.get(relation.id, ())
            if same_value(f.subject, subject)
        ]

    def subjects_of(self, relation: Relation, obj: Value) -> list[Value]:
        return [
            f.subject
            for f in self.facts_by_relation.get(relation.id, ())
            if same_value(f.object, obj)
        ]

    def pool(self, type_name: str) -> list[Value]:
        """Every distinct value of a type the pack knows: the candidates for distractors."""
        return list(self._pools.get(type_name, ()))

    @cached_property
    def _pools(self) -> dict[str, tuple[Value, ...]]:
        found: dict[str, dict[object, Value]] = {}
        for e in self.entities.values():
            found.setdefault(e.type, {})[e.key] = e
        for fact in self.facts:
            for v in (fact.subject, fact.object):
                if not isinstance(v, Entity):
                    found.setdefault(v.type, {}).setdefault(v.key, v)
        return {t: tuple(sorted(vs.values(), key=lambda v: v.key)) for t, vs in found.items()}

    @cached_property
    def facts_about(self) -> dict[object, tuple[Fact, ...]]:
        """The facts each value takes part in, by the value's key."""
        index: dict[object, list[Fact]] = {}
        for f in self.facts:
            index.setdefault(f.subject.key, []).append(f)
            if f.object.key != f.subject.key:
                index.setdefault(f.object.key, []).append(f)
        return {k: tuple(v) for k, v in index.items()}
