"""The pack model: typed values, relations, facts with their evidence, and the pack itself.

Everything here is immutable and free of any user interface, so the same pack
object can serve the game, the checker, the exporters and (later) the store,
which keys progress to `Fact.id`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from typing import Literal, TypeVar

from quiz.languages import Language
from quiz.languages import get as language_of
from quiz.numbers import TENS, UNITS, format_number, plain_digits, written_like
from quiz.packs.errors import Problem
from quiz.text import capitalize_first, fold

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
TEMPLATE_KEYS = (
    "forward",
    "reverse",
    "forward_all",
    "reverse_all",
    "forward_any",
    "reverse_any",
    "statement",
    "event",
    "year",
)
T = TypeVar("T")
DEFAULT_NOUN = "text"  # what prompts call a source that does not say what it is

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
    # Roles the entity plays (ally, theatre, …): a wrong option must carry every one the
    # right answer carries, so "which ally …?" never offers a country outside the alliance.
    attributes: tuple[str, ...] = ()
    # Other entities whose names answer for this one in a typed answer: the pack keeps "cyber
    # attacks" (a challenge of hybrid warfare) apart from "cyber security" (an emerging
    # challenge), yet "cyber attacks" names that challenge as well as its own words do.
    covers: tuple[str, ...] = ()
    # What anyone types without reading ("Vilnius" for a city of an article about Lithuania):
    # never the answer of a typed question, only one option among near misses.
    guessable: bool = False

    @property
    def display(self) -> str:
        return self.name

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @cached_property
    def folded_names(self) -> tuple[str, ...]:
        """The names as compared (`quiz.text.fold`), worked out once per entity."""
        return tuple(fold(n) for n in self.names)

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
    # the pack's language, which writes the date ("29 March 2004", "2004 m. kovo 29 d."):
    # not part of the date, so two packs' dates still compare equal
    language: str = field(default="en", compare=False)

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
        return language_of(self.language).date(self.year, self.month, self.day)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.display,)

    @cached_property
    def folded_names(self) -> tuple[str, ...]:
        return tuple(fold(n) for n in self.names)

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


NUMBER_WORDS = (*UNITS, TENS[0])  # zero to twenty, as a fact's number may be written


@dataclass(frozen=True)
class Number:
    value: int | float
    text: str | None = None
    approx: bool = False
    language: str = field(default="en", compare=False)  # the pack's: how digits are grouped

    type = "number"

    @property
    def lang(self) -> Language:
        return language_of(self.language)

    @property
    def display(self) -> str:
        if self.text:
            return self.text
        # 2,000,000 (2 000 000 in Lithuanian), never 2e+06 nor 2000000.0
        return format_number(self.value, self.lang.numbers)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.display, plain_digits(self.value))

    @cached_property
    def folded_names(self) -> tuple[str, ...]:
        return tuple(fold(n) for n in self.names)

    @property
    def in_words(self) -> bool:
        """Written as one of the language's number words of zero to twenty ("six", "šeši")."""
        if self.text is None:
            return False
        words = self.lang.numbers
        said = words.prepare(self.text)
        return said in {words.prepare(n) for n in words.names} or (
            words.fold and said in words.units
        )

    def like(self, value: int) -> Number:
        """Another number written the way this one is (words or digits, and "two million"
        with its scale word: "three million", "1.5 million"), so the key does not stand out
        among its wrong options by its form."""
        words = self.lang.numbers
        if self.in_words and 0 <= value < len(words.names):
            return Number(value, words.names[value], language=self.language)
        written = written_like(self.text or "", value, words)
        if written:
            return Number(value, written, language=self.language)
        return Number(value, language=self.language)

    @property
    def key(self) -> tuple[str, float]:
        return ("number", float(self.value))


Value = Entity | When | Number


@lru_cache(maxsize=256)
def _content_language(code: str, frames: tuple[tuple[str, str], ...]) -> Language:
    """One Language object per language and set of frames: the generator's tables that are
    keyed by it (`quiz.generate.wording`) are shared by the packs that speak alike."""
    return language_of(code).with_frames(dict(frames))


def same_value(a: Value, b: Value) -> bool:
    """Whether two values cannot be told apart, so one may not disprove the other."""
    if isinstance(a, When) and isinstance(b, When):
        return a.same_time(b)
    return a.key == b.key


_PLACEHOLDER = re.compile(r"\{(subject|object)\}")


@lru_cache(maxsize=1024)
def _template_parts(template: str) -> tuple[str, ...]:
    """A template split at its placeholders (`Relation.render`), once per template: a
    relation's templates are filled for each of its facts, many times a question."""
    return tuple(_PLACEHOLDER.split(template))


@dataclass(frozen=True)
class Relation:
    id: str
    subject_type: str
    object_type: str
    closed: bool
    templates: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # True only as of the source's date ("Germany leads the force"): prompts say so.
    time_bound: bool = False
    unit: str | None = None  # what a number object counts ("years"): the same quantity only
    # Values true in the world though the source does not give them: never offered as wrong.
    also_true: tuple[Value, ...] = field(default=(), hash=False, compare=False)

    def render(self, template: str, subject: Value | None = None, obj: Value | None = None) -> str:
        """Fill a template; only {subject} and {object} exist, so pack text cannot reach code."""
        values = {"subject": subject, "object": obj}
        # the template's own words and its placeholders' names in turn: words, name, words …
        parts = list(_template_parts(self.templates[template]))
        for i in range(1, len(parts), 2):
            value = values[parts[i]]
            assert value is not None, f"template {template} needs {parts[i]}"
            shown = value.display
            # a date that ends in an abbreviation ("2004 m. kovo 29 d.") before the
            # template's full stop: one stop, not "29 d.."
            if isinstance(value, When) and shown.endswith(".") and parts[i + 1][:1] == ".":
                shown = shown[:-1]
            parts[i] = shown
        return capitalize_first("".join(parts))


@dataclass(frozen=True)
class Quote:
    """A verbatim passage: the W3C TextQuoteSelector plus the offsets it resolved to."""

    source: str
    text: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""


# the kinds of question asked of one fact alone (a select-all or a time order holds a group)
ONE_FACT_KINDS = ("choice", "typed", "true_false", "number", "evidence")


@dataclass(frozen=True)
class Fact:
    id: str
    subject: Value
    relation: Relation
    object: Value
    topics: tuple[str, ...]
    evidence: tuple[Quote, ...]
    explanation: str | None = None
    background: bool = False  # general knowledge the bank needs but does not ask about
    # other right names of the object, typed for this fact alone: "interim President of
    # Mexico" for Ceballos's office, which Santa Anna's fact shares and he did not hold so
    accept: tuple[str, ...] = ()
    # kinds of question on this fact alone that the author keeps out: a kind that makes it
    # trivial ("Afghanistan" among three countries for a NATO reconstruction team is picked
    # without reading, readers 35–38 found; typed, it is still recalled)
    not_asked: frozenset[str] = frozenset()

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
    noun: str = DEFAULT_NOUN  # what the source is: article, chapter, handout, speech …
    as_of: int | None = None  # the year the source speaks for (its date's, unless it says)


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
    frames: tuple[tuple[str, str], ...] = ()  # the pack's own wording of the generator's frames
    description: str = ""
    digest: str = ""  # SHA-256 of the pack file and its sources: what a round spec names
    warnings: tuple[Problem, ...] = ()  # what `quiz check` says without failing the pack

    def build_indexes(self) -> None:
        """Fill every lookup a question uses. The loader calls this before a pack is cached,
        so a pack read back from the parsed-pack cache arrives with them, and a round on a
        textbook-sized pack costs what it costs on a small one."""
        for e in self.entities.values():
            _ = e.key, e.folded_names
        _ = self.fact_by_id, self._pools, self.facts_about, self.topics, self._name_starts
        _ = self._positions
        for rid in self.facts_by_relation:
            for side in ("subject", "object"):
                self._sides(rid, side)
                self.values_on(rid, side)

    def moved(self, path: str, warnings: tuple[Problem, ...]) -> Pack:
        """This pack as loaded from `path` with these warnings (a parsed-pack cache hit for
        a copy in another folder, or its warnings' files named as seen from here): a new
        Pack, made by `dataclasses.replace`, that keeps the lookup tables `build_indexes`
        filled, since they depend only on the pack's content, which is the same. (Not what
        other code derived, `derived`: that may point at this pack.)"""
        moved = replace(self, path=path, warnings=warnings)
        names = {f.name for f in fields(self)} | {"_derived"}
        tables = {k: v for k, v in self.__dict__.items() if k not in names}
        moved.__dict__.update(tables)  # as cached_property stores them: not a field
        return moved

    def derived(self, make: Callable[[Pack], T]) -> T:
        """What code outside the model works out from this pack once and then looks up for
        every question (the generator's tables, `quiz.generate.index`): `make(self)` on first
        use, then the same object. It is kept with this pack and dropped with it, so no
        module keeps a table of packs; `make` must not hold the pack strongly (a cycle would
        wait for the collector). Never pickled: a pack read from the parsed-pack cache, or
        one made by `dataclasses.replace`, works its own out."""
        found = self._derived.get(make)
        if found is None:
            found = self._derived[make] = make(self)
        return found  # type: ignore[return-value]  # (no cast(): a call per question)

    @cached_property
    def _derived(self) -> dict[Callable[[Pack], object], object]:
        return {}

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_derived", None)
        return state

    def values_on(self, relation_id: str, side: str) -> tuple[Value, ...]:
        """The distinct values a relation has on one side ('subject' or 'object') in the facts
        the pack asks about (a background fact's values are not what the source discusses)."""
        tables = self._side_values
        found = tables.get((relation_id, side))
        if found is None:
            seen: dict[object, Value] = {}
            for f in self.facts_by_relation.get(relation_id, ()):
                if f.background:
                    continue
                v = getattr(f, side)
                seen.setdefault(v.key, v)
            found = tables[(relation_id, side)] = tuple(seen.values())
        return found

    @cached_property
    def _side_values(self) -> dict[tuple[str, str], tuple[Value, ...]]:
        return {}

    def common_name_words(self, type_name: str) -> tuple[frozenset[str], frozenset[str]]:
        """(first words, last words), folded, that two or more names of a type share and that
        are written capitalised in them ('NATO' opens many names of units, 'Summit' ends
        several of events): such a word tells no value of the type from another."""
        return self._common_words.get(type_name, (frozenset(), frozenset()))

    @cached_property
    def _common_words(self) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        counts: dict[tuple[str, int], dict[str, int]] = {}
        for e in self.entities.values():
            words = e.name.split()
            if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
                words = words[1:]
            if len(words) < 2:
                continue
            for end, word in ((0, words[0]), (1, words[-1])):
                if word[:1].isupper():
                    found = counts.setdefault((e.type, end), {})
                    found[fold(word)] = found.get(fold(word), 0) + 1
        out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        for type_name in {t for t, _ in counts}:
            firsts, lasts = (
                frozenset(w for w, n in counts.get((type_name, end), {}).items() if n > 1)
                for end in (0, 1)
            )
            out[type_name] = (firsts, lasts)
        return out

    def named_from(self, type_name: str, folded: str) -> frozenset[str]:
        """The entities of a type with a name (or a name without its shared first words) that
        begins with these folded words: who else a short answer could mean."""
        return self._name_starts.get((type_name, folded), frozenset())

    @cached_property
    def _name_starts(self) -> dict[tuple[str, str], frozenset[str]]:
        found: dict[tuple[str, str], set[str]] = {}
        for e in self.entities.values():
            firsts, _ = self.common_name_words(e.type)
            for folded in e.folded_names:
                words = folded.split()
                start = 0
                while start < len(words) - 1 and words[start] in firsts:
                    start += 1
                for begin in {0, start}:
                    for end in range(begin + 1, len(words) + 1):
                        key = (e.type, " ".join(words[begin:end]))
                        found.setdefault(key, set()).add(e.id)
        return {k: frozenset(v) for k, v in found.items()}

    @property
    def noun(self) -> str:
        """What the pack's sources are called, when they agree ("source" when they do not)."""
        nouns = {s.noun for s in self.sources.values()}
        if len(nouns) == 1:
            return nouns.pop()
        return "source" if self.lang.code == "en" else self.lang.noun

    @property
    def lang(self) -> Language:
        """The language of the pack's content (`quiz.languages`), with the pack's own frames:
        what the generator adds to the author's words and what marking reads. The loader
        has refused a pack whose language has none. Looked up, never kept in the pack, so
        the parsed-pack cache pickles none of it."""
        return _content_language(self.language, self.frames)

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
        return [f.object for f in self.facts_with(relation.id, "subject", subject)]

    def subjects_of(self, relation: Relation, obj: Value) -> list[Value]:
        return [f.subject for f in self.facts_with(relation.id, "object", obj)]

    def facts_with(self, relation_id: str, side: str, value: Value) -> list[Fact]:
        """The facts of a relation whose `side` ('subject' or 'object') cannot be told apart
        from `value`, in pack order: lookups, not a scan, so a question costs the same in a
        pack of any size. A date matches at the coarser of two precisions: 2004 finds 29
        March 2004 and the reverse."""
        exact, finer = self._sides(relation_id, side)
        if not isinstance(value, When):
            return list(exact.get(value.key, ()))
        lists = [exact.get(value.key, ())]
        if value.precision != "year":  # the same time written more coarsely
            lists.append(exact.get(When(value.year).key, ()))
        if value.precision == "day":
            lists.append(exact.get(When(value.year, value.month).key, ()))
        if value.precision == "year":  # … and more finely
            lists.append(finer.get((value.year,), ()))
        elif value.precision == "month":
            lists.append(finer.get((value.year, value.month or 0), ()))
        found = [f for facts in lists for f in facts]
        if sum(1 for facts in lists if facts) > 1:
            order = self._positions
            found.sort(key=lambda f: order[f.id])
        return found

    def _sides(
        self, relation_id: str, side: str
    ) -> tuple[dict[object, list[Fact]], dict[tuple[int, ...], list[Fact]]]:
        tables = self._side_tables
        found = tables.get((relation_id, side))
        if found is None:
            exact: dict[object, list[Fact]] = {}
            finer: dict[tuple[int, ...], list[Fact]] = {}  # a date under its year and month
            for f in self.facts_by_relation.get(relation_id, ()):
                v = getattr(f, side)
                exact.setdefault(v.key, []).append(f)
                if isinstance(v, When) and v.month is not None:
                    finer.setdefault((v.year,), []).append(f)
                    if v.day is not None:
                        finer.setdefault((v.year, v.month), []).append(f)
            found = tables[(relation_id, side)] = (exact, finer)
        return found

    @cached_property
    def _side_tables(
        self,
    ) -> dict[tuple[str, str], tuple[dict[object, list[Fact]], dict[tuple[int, ...], list[Fact]]]]:
        return {}

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {f.id: i for i, f in enumerate(self.facts)}

    def pool(self, type_name: str) -> tuple[Value, ...]:
        """Every distinct value of a type the pack knows: the candidates for distractors."""
        return self._pools.get(type_name, ())

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
