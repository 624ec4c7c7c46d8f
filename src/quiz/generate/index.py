"""What the builders look up for every question, worked out once per pack.

Building one question must not scan the whole bank, or generating every
question of a textbook-sized pack grows with the square of its facts. Each
table here is built on first use, from one pass over the part of the pack it
covers, and kept for as long as the pack object lives: the pack holds its Index
(`Pack.derived`), so a reloaded pack gets fresh tables, a dropped one frees them,
and no module keeps a table of packs.
"""

from __future__ import annotations

import bisect
import random
import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from quiz.packs.model import Entity, Fact, Number, Pack, Precision, Relation, Value, When
from quiz.packs.quotes import sentences

Direction = Literal["forward", "reverse"]
T = TypeVar("T")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source: where it stands (its start is its id) and its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int


class SourceIndex:
    """A source's paragraphs and sentences, found around an offset: only the paragraphs a
    question touches are ever looked at, so a round costs the same in a source of any length.
    A paragraph is named by its start offset; it is split into sentences as
    `quiz.packs.quotes.sentences` splits the whole source."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._bounds: dict[int, tuple[int, int]] = {}  # an offset seen → its paragraph
        self._split: dict[int, tuple[Sentence, ...]] = {}
        self._starting: dict[int, Sentence] = {}  # the sentences split so far, by their start

    def bounds(self, offset: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding offset, trimmed as `paragraphs` trims."""
        found = self._bounds.get(offset)
        if found is None:
            text = self.text
            m = _BREAK.search(text, offset)
            end = m.start() if m else len(text)
            start = 0
            pos = offset
            while True:
                j = text.rfind("\n", 0, pos)
                if j <= 0:
                    break
                k = text.rfind("\n", 0, j)
                if k >= 0 and not text[k + 1 : j].strip(" \t\xa0"):
                    start = j + 1  # a blank line ends the paragraph before this one
                    break
                pos = j
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            found = self._bounds[offset] = (start, end)
        return found

    def paragraph(self, offset: int) -> int:
        return self.bounds(offset)[0]

    def neighbours(self, paragraph: int) -> tuple[int, ...]:
        """The paragraphs just before and after one (by their starts)."""
        text = self.text
        start, end = self.bounds(paragraph)
        out = []
        before = start - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        if before >= 0:
            out.append(self.paragraph(before))
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        if after < len(text):
            out.append(self.paragraph(after))
        return tuple(out)

    def sentences_in(self, paragraph: int) -> tuple[Sentence, ...]:
        """The sentences of the paragraph starting at `paragraph` (none for a heading)."""
        found = self._split.get(paragraph)
        if found is None:
            start, end = self.bounds(paragraph)
            block = self.text[start:end]
            found = self._split[paragraph] = tuple(
                Sentence(start + s.start, start + s.end, block[s.start : s.end], start)
                for s in sentences(block)
            )
            self._starting.update((s.start, s) for s in found)
        return found

    def sentence(self, start: int, end: int) -> Sentence | None:
        """The one sentence holding the passage, or None if it spans several (or none)."""
        for s in self.sentences_in(self.paragraph(start)):
            if s.start <= start and end <= s.end:
                return s
        return None

    def at(self, start: int) -> Sentence | None:
        """The sentence a sentence id (its start) stands for: looked up once its paragraph is
        split (an evidence question weighs dozens of sentences by their ids)."""
        found = self._starting.get(start)
        if found is not None:
            return found
        for s in self.sentences_in(self.paragraph(start)):
            if s.start == start:
                return s
        return None


_BREAK = re.compile(r"\n[ \t\xa0]*\n")  # where `quiz.packs.quotes.paragraphs` splits


def _at(starts: Sequence[int], offset: int) -> int:
    """Index of the last span starting at or before offset (-1 if none)."""
    return bisect.bisect_right(starts, offset) - 1


class Index:
    """The tables of one pack. Use `index_of(pack)`."""

    def __init__(self, pack: Pack) -> None:
        # Weak: the pack holds its index (Pack.derived), and a pack and its index in a cycle
        # would wait for the cycle collector to be freed.
        self._pack = weakref.ref(pack)
        self._groups: dict[tuple[str, str | None], tuple[Value, ...]] = {}
        self._places: dict[tuple[str, str | None], dict[object, int]] = {}
        self._numbers: dict[str, tuple[Number, ...]] = {}
        self._dates: dict[str, tuple[tuple[When, ...], list[int]]] = {}
        self._sources: dict[str, SourceIndex] = {}
        self._side_dates: dict[tuple[str, str], tuple[tuple[When, ...], list[int]]] = {}
        self._answer_sets: dict[tuple[str, str, object], AnswerSet] = {}
        self.memo: dict[object, object] = {}  # builders' own per-pack results (see `memo`)

    @property
    def pack(self) -> Pack:
        pack = self._pack()
        assert pack is not None, "the pack of this index is gone"
        return pack

    # -- the bank's answers -----------------------------------------------------------

    def answers(self, relation: Relation, direction: Direction, anchor: Value) -> list[Value]:
        """Every value the bank gives for the asked side, given the other side."""
        if direction == "forward":
            return self.pack.objects_of(relation, anchor)
        return self.pack.subjects_of(relation, anchor)

    def answer_set(self, relation: Relation, direction: Direction, anchor: Value) -> AnswerSet:
        """The answers for an anchor, for asking many times whether a value is one of them."""
        key = (relation.id, direction, anchor.key)
        found = self._answer_sets.get(key)
        if found is None:
            found = self._answer_sets[key] = AnswerSet(self.answers(relation, direction, anchor))
        return found

    def facts_for(self, relation: Relation, direction: Direction, anchor: Value) -> list[Fact]:
        """The facts of a relation that share one value on the given side, in pack order."""
        side = "subject" if direction == "forward" else "object"
        return self.pack.facts_with(relation.id, side, anchor)

    def side_values(self, relation: Relation, side: str) -> tuple[Value, ...]:
        """The distinct values a relation has on one side ('subject' or 'object')."""
        return self.pack.values_on(relation.id, side)

    def dates_of(self, relation: Relation, side: str, low: int, high: int) -> Sequence[When]:
        """The dates a relation has on one side from year `low` to `high`, in time order."""
        key = (relation.id, side)
        found = self._side_dates.get(key)
        if found is None:
            ordered = sorted(
                (v for v in self.side_values(relation, side) if isinstance(v, When)),
                key=lambda v: v.key,
            )
            found = self._side_dates[key] = (tuple(ordered), [d.year for d in ordered])
        dates, years = found
        return dates[bisect.bisect_left(years, low) : bisect.bisect_right(years, high)]

    # -- pools of wrong options -------------------------------------------------------

    def group_pool(self, type_name: str, group: str | None) -> tuple[Value, ...]:
        """Values of a type, only those of one group when the key has a group."""
        key = (type_name, group)
        found = self._groups.get(key)
        if found is None:
            pool = self.pack.pool(type_name)
            if group is not None:
                pool = tuple(v for v in pool if isinstance(v, Entity) and v.group == group)
            found = self._groups[key] = pool
        return found

    def pool_places(self, type_name: str, group: str | None) -> dict[object, int]:
        """Each value's place in `group_pool`, by its key (a pool's values are distinct): the
        values of a pool among a few keys are found in pool order without a pass over it."""
        key = (type_name, group)
        found = self._places.get(key)
        if found is None:
            pool = self.group_pool(type_name, group)
            found = self._places[key] = {v.key: i for i, v in enumerate(pool)}
        return found

    def numbers(self, relation: Relation) -> tuple[Number, ...]:
        """The numbers of the same quantity: relations with the same unit, or this relation."""
        key = relation.unit or f"relation:{relation.id}"
        found = self._numbers.get(key)
        if found is None:
            seen: dict[object, Number] = {}
            related = (
                [r for r in self.pack.relations.values() if r.unit == relation.unit]
                if relation.unit
                else [relation]
            )
            for r in related:
                for f in self.pack.facts_by_relation.get(r.id, ()):
                    if isinstance(f.object, Number):
                        seen.setdefault(f.object.key, f.object)
            found = self._numbers[key] = tuple(sorted(seen.values(), key=lambda n: n.key))
        return found

    def dates(self, type_name: str) -> tuple[tuple[When, ...], list[int]]:
        """The dates of a type in time order, and their years (for a binary search)."""
        found = self._dates.get(type_name)
        if found is None:
            dates = tuple(v for v in self.pack.pool(type_name) if isinstance(v, When))
            found = self._dates[type_name] = (dates, [d.year for d in dates])
        return found

    # -- sources ----------------------------------------------------------------------

    def source(self, source_id: str) -> SourceIndex:
        found = self._sources.get(source_id)
        if found is None:
            found = self._sources[source_id] = SourceIndex(self.pack.sources[source_id].text)
        return found


_LEVELS: tuple[Precision, ...] = ("year", "month", "day")


class AnswerSet:
    """Whether a value is one of some answers, in constant time: `same_value` without a loop
    (a date matches an answer at the coarser of their two precisions)."""

    def __init__(self, values: Sequence[Value]) -> None:
        self.keys = {v.key for v in values if not isinstance(v, When)}
        # (the answer's precision, a level no finer) -> the answers cut to that level
        self.cuts: dict[tuple[int, int], set[tuple[int, ...]]] = {}
        for v in values:
            if isinstance(v, When):
                top = _LEVELS.index(v.precision)
                for level in range(top + 1):
                    self.cuts.setdefault((top, level), set()).add(v.truncated(_LEVELS[level]))

    def holds(self, value: Value) -> bool:
        if not isinstance(value, When):
            return value.key in self.keys
        mine = _LEVELS.index(value.precision)
        for top, level in self.cuts:
            if level == min(top, mine) and value.truncated(_LEVELS[level]) in self.cuts[top, level]:
                return True
        return False


def index_of(pack: Pack) -> Index:
    """The pack's Index, made on first use and kept by the pack itself."""
    return pack.derived(Index)


def shuffled(items: Sequence[T], rng: random.Random) -> Iterator[T]:
    """The items in a random order, drawn lazily (a Fisher-Yates shuffle that swaps only the
    places it reaches): a builder that needs three wrong options from a pool of thousands
    draws a few numbers, not thousands (a full shuffle per question made generation grow with
    the square of the pack). Deterministic for a given rng."""
    n = len(items)
    moved: dict[int, int] = {}
    for i in range(n):
        j = i
        if i < n - 1:  # rng.randrange(i, n), drawn as CPython draws it, without its checks
            width = n - i
            k = width.bit_length()
            # rng.getrandbits looked up at each draw, not kept: a slot's generator is seeded
            # on its first draw (`slots.SeededOnFirstDraw`), and from then on its own
            # getrandbits answers directly, without the wrapper that seeds it
            r = rng.getrandbits(k)
            while r >= width:
                r = rng.getrandbits(k)
            j += r
        pick = moved.get(j, j)
        moved[j] = moved.get(i, i)
        yield items[pick]
