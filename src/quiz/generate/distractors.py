"""Choosing wrong options: the key's role and form, plausible, and proven false.

A wrong option must be a near miss, not a stranger: an entity of the key's
group carrying every attribute the key carries (allies for an allied role,
summits for a summit), a year a few years from the key's, a number of the same
quantity. Values the same relation uses come first (the source pairs them with
this very question); then the rest of the pool; dates and numbers may add near
neighbours. Each is kept only if a closed relation proves it false, it reads
differently from every other option after folding, and the prompt does not
name it. Pools are sampled, not shuffled whole, so a question costs the same
in a pack of any size.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from typing import cast

from quiz.generate.index import index_of, shuffled
from quiz.generate.truth import Direction, disproved
from quiz.generate.wording import STOPWORDS, names_in
from quiz.languages import Language
from quiz.numbers import format_number
from quiz.packs.model import Entity, Number, Pack, Relation, Value, When
from quiz.packs.quotes import sentences
from quiz.text import fold

YEARS_AROUND = 4  # wrong years stay this close to the key's year
PREFER_AMONG = 24  # candidates looked at to find ones sharing a prompt word


def asked_type(relation: Relation, direction: Direction) -> str:
    return relation.object_type if direction == "forward" else relation.subject_type


def candidates(
    pack: Pack,
    relation: Relation,
    direction: Direction,
    anchor: Value,
    keys: Sequence[Value],
    prompt: str,
    rng: random.Random,
    limit: int,
    prefer: Sequence[str] = (),
    shown: bool = False,
) -> list[Value]:
    """Up to `limit` wrong options beside the right ones (`keys`), most plausible first.
    Values whose names hold one of the `prefer` words come before all others (so a prompt
    word the key shares is shared by the wrong options too). `shown`: the values are options
    shown beside the key (not a false statement's value), so wrong dates must not point to
    the key by their pattern. A wrong date never falls on the other side of an event the
    prompt (or a false statement) names: "Before the two signed their first treaty, Gadsden
    and Santa Anna held a meeting on 25 April 1854" is ruled out by the treaty's date, which
    another question's feedback shows (the twenty-sixth reading)."""
    taken = {n for v in (*keys, anchor) for n in v.folded_names}
    folded_prompt = fold(prompt)
    out: list[Value] = []
    ranked = _ranked(pack, relation, direction, keys, rng, shown)
    if prefer:  # among the first candidates, those sharing the words go first
        head = list(itertools.islice(_unique(ranked), PREFER_AMONG))
        first = [
            v for v in head if any(f" {w} " in f" {n} " for n in v.folded_names for w in prefer)
        ]
        firsts = {id(v) for v in first}
        later = [v for v in head if id(v) not in firsts]
        ranked = itertools.chain(first, later, ranked)
    only = keys[0] if len(keys) == 1 else None
    latest = source_date(pack)
    in_prompt = _PromptNames(pack, prompt, anchor)
    dated = shown and isinstance(only, When) and only.precision != "year"
    sides_of = _prompt_dates(pack, in_prompt(), anchor, only) if isinstance(only, When) else []
    wanted = limit
    if dated:
        limit = limit * 4  # more to choose from: see _one_pattern
    # the same for every value tried
    stems, lang = _stems_of(keys), pack.lang
    false = disproved(pack, relation, direction, anchor)
    tried: set[object] = set()  # each value once (`_unique`, inline: a loop per value tried)
    for value in ranked:
        key = value.key
        if key in tried:
            continue
        tried.add(key)
        if isinstance(value, When):
            if after(value, latest):
                continue  # the source cannot speak of a later date: no near miss, a guess
            if not all(_before(value, d) == earlier for d, earlier in sides_of):
                continue  # the prompt names an event the key falls before (or after): so must it
        if not (alike(only, value) if only is not None else any(alike(k, value) for k in keys)):
            continue
        names = set(value.folded_names)
        if names & taken or names_in(folded_prompt, value):
            continue
        if rules_itself_out(pack, value, in_prompt) or _derived_from(value, stems):
            continue
        if shown and any(twins(value, other) for other in out):
            continue  # two wrong options named alike: the odd one out is the key
        if shown and _first_name_shared(value, out, keys):
            continue  # "William Lane", "William Marcy" beside "Christopher Ward"
        if not false(value):
            continue
        if not all(outside_bound(k, value, lang) for k in keys):
            continue  # the source must say the opposite, not merely less: 5,000 is "over 1,000"
        taken |= names
        out.append(in_key_style(only, value))
        if len(out) == limit:
            break
    if dated and isinstance(only, When):
        return _one_pattern(only, out, wanted)
    return out


def _within_year(value: When) -> tuple[int | None, int | None]:
    return (value.month, value.day)


def _one_pattern(key: When, found: list[Value], limit: int) -> list[Value]:
    """Wrong dates that do not point to the key: either none shares the key's day and month
    (its month, for a month) or all do, so only the year is asked. A mix points to the key:
    "25 September 1851" beside "25 September 1853" and two other days, and the key is the
    one whose day and month repeat. Other days first (the source's dates, near days of the
    same period), in the order found; year-shifted twins only when they fill the options."""
    other: list[Value] = [
        v for v in found if isinstance(v, When) and _within_year(v) != _within_year(key)
    ]
    same: list[Value] = [
        v for v in found if isinstance(v, When) and _within_year(v) == _within_year(key)
    ]
    if len(other) >= limit or len(other) >= len(same):
        return other[:limit]
    return same[:limit]


def _before(value: When, other: When) -> bool | None:
    """Whether a date falls before another, at the coarser of their precisions (None when
    they are the same there: neither before nor after)."""
    n = min(len(value.truncated(value.precision)), len(other.truncated(other.precision)))
    a, b = value.truncated(value.precision)[:n], other.truncated(other.precision)[:n]
    return None if a == b else a < b


def _prompt_dates(
    pack: Pack, in_prompt: set[str], anchor: Value, key: When
) -> list[tuple[When, bool | None]]:
    """The dates of the events a prompt names besides its anchor ("before the two signed
    their first treaty": 30 December 1853), each with whether the key falls before it. A
    wrong date on the other side is ruled out by the prompt itself, for a student who knows
    when that event was."""
    out: list[tuple[When, bool | None]] = []
    for entity_id in sorted(in_prompt):
        entity = pack.entities.get(entity_id)
        if entity is None or entity.key == anchor.key:
            continue
        for f in pack.facts_about.get(entity.key, ()):
            if f.subject.key == entity.key and isinstance(f.object, When) and not f.background:
                side = _before(key, f.object)
                if side is not None:
                    out.append((f.object, side))
    return out


NAME_WORDS = 5  # the longest name looked for inside a text, in words


def _names(pack: Pack) -> dict[str, frozenset[str]]:
    """Folded name or alias → the entities that bear it, made once per pack."""
    memo = index_of(pack).memo
    found = memo.get(("entity names",))
    if not isinstance(found, dict):
        built: dict[str, set[str]] = {}
        for e in pack.entities.values():
            for n in e.folded_names:
                if n:
                    built.setdefault(n, set()).add(e.id)
        found = memo[("entity names",)] = {k: frozenset(v) for k, v in built.items()}
    return found


def _name_lengths(pack: Pack) -> dict[str, tuple[int, ...]]:
    """First folded word of a name → the lengths, in words (up to NAME_WORDS), of the names
    it opens: a text's words are looked up in this, so only the word windows that could be a
    name are joined and looked up, not every window of every length. Made once per pack."""
    memo = index_of(pack).memo
    found = memo.get(("name lengths",))
    if not isinstance(found, dict):
        lengths: dict[str, set[int]] = {}
        for name in _names(pack):
            words = name.split()
            # a name that is not its words joined by single spaces is no window of a text
            if words and " ".join(words) == name and len(words) <= NAME_WORDS:
                lengths.setdefault(words[0], set()).add(len(words))
        found = memo[("name lengths",)] = {w: tuple(sorted(n)) for w, n in lengths.items()}
    return found


def named_entities(pack: Pack, text: str) -> frozenset[str]:
    """The ids of the entities a text names (a name as whole words, up to NAME_WORDS long),
    worked out once per text: the same prompts and names come back for many questions."""
    memo = index_of(pack).memo
    key = ("named entities", text)
    cached = memo.get(key)
    if isinstance(cached, frozenset):
        return cached
    memo[key] = result = entity_namer(pack)(text)
    return result


def entity_namer(pack: Pack) -> Callable[[str], frozenset[str]]:
    """`named_entities` without its memo, the pack's tables looked up once: for a pass over
    many texts each read once (every sentence of a source, every template of every fact)."""
    names, lengths = _names(pack), _name_lengths(pack)

    def named(text: str) -> frozenset[str]:
        words = fold(text).split()
        found: set[str] = set()
        for i, word in enumerate(words):
            for n in lengths.get(word, ()):  # a name may start here: its lengths, shortest first
                if n == 1:
                    found |= names[word]
                elif i + n <= len(words):
                    found |= names.get(" ".join(words[i : i + n]), frozenset())
                else:
                    break  # the longer names run past the text's end too
        return frozenset(found)

    return named


class _PromptNames:
    """The ids of the entities a prompt names, and its anchor's, read on first use: few wrong
    options hold another entity's name (`rules_itself_out`), and each prompt is read once, so
    reading every prompt beforehand was about a twentieth of a generation."""

    def __init__(self, pack: Pack, prompt: str, anchor: Value) -> None:
        self._pack, self._prompt, self._anchor = pack, prompt, anchor
        self._ids: set[str] | None = None

    def __call__(self) -> set[str]:
        if self._ids is None:
            self._ids = set(named_entities(self._pack, self._prompt))
            if isinstance(self._anchor, Entity):
                self._ids.add(self._anchor.id)
        return self._ids


def rules_itself_out(pack: Pack, value: Value, in_prompt: Callable[[], set[str]]) -> bool:
    """A wrong option that names, inside its own name, another of a kind the prompt already
    fixed ("the Popular Front of Latvia" when the prompt asks about a Lithuanian movement):
    a student rules it out without knowing anything. `in_prompt` gives the ids the prompt
    names, asked only for a value whose name holds another's."""
    if not isinstance(value, Entity) or " " not in value.display.strip():
        return False  # a one-word name holds no other name
    inner = named_entities(pack, value.display) - {value.id}
    if not inner:
        return False
    named = in_prompt()
    fixed = {pack.entities[i].type for i in named if i in pack.entities}
    for i in inner:
        e = pack.entities.get(i)
        if e is not None and e.type in fixed and i not in named:
            return True
    return False


def derived_from(value: Value, keys: Sequence[Value]) -> bool:
    """A wrong option named after a right one ("the Baltic air policing augmentation" beside
    "the Baltic Air Policing Mission"): it holds all of the key's name but its last word, of
    two words or more, so it presupposes the key, later or lesser, and rules itself out."""
    return _derived_from(value, _stems_of(keys))


def twins(a: Value, b: Value) -> bool:
    """Whether one value is named after the other (`derived_from`, either way): two wrong
    options "the Baltic Air Policing Mission" and "the Baltic air policing augmentation"
    beside "NATO enhanced Forward Presence" pair off, and the one left is the key (the
    nineteenth reading)."""
    return _derived_from(a, _stems_of([b])) or _derived_from(b, _stems_of([a]))


def _first_name_shared(value: Value, taken: Sequence[Value], keys: Sequence[Value]) -> bool:
    """Whether a person offered as a wrong option has the first name of one already offered
    that no key has: two Williams beside Christopher Ward point to him (the twenty-third and
    twenty-fourth readings)."""
    if not isinstance(value, Entity) or value.type != "person" or len(value.name.split()) < 2:
        return False
    first = fold(value.name).split()[0]
    if any(isinstance(k, Entity) and fold(k.name).split()[:1] == [first] for k in keys):
        return False
    return any(
        isinstance(o, Entity) and o.type == "person" and fold(o.name).split()[:1] == [first]
        for o in taken
    )


def _stems_of(keys: Sequence[Value]) -> list[str]:
    """The keys' names but their last word, padded, that a wrong option must not hold."""
    return [s for key in keys if isinstance(key, Entity) and (s := _name_stem(key.display))]


@lru_cache(maxsize=4096)  # every value tried is weighed against the options taken (`twins`)
def _name_stem(display: str) -> str:
    """A name but its last word, padded, or "" where that is no stem: two words of substance
    ("Secretary of" is none, so the Secretary of the Treasury is another office beside the
    Secretary of State, not one named after it)."""
    stem = [w for w in fold(display).split() if w not in ("the", "a", "an")][:-1]
    said = [w for w in stem if w not in STOPWORDS]
    return f" {' '.join(stem)} " if len(said) >= 2 else ""


def _derived_from(value: Value, stems: list[str]) -> bool:
    """`derived_from` with the keys' stems worked out once (`_stems_of`) for many values."""
    if not stems or not isinstance(value, Entity):
        return False
    mine = f" {fold(value.display)} "
    return any(stem in mine for stem in stems)


def _unique(values: Iterable[Value]) -> Iterator[Value]:
    seen: set[object] = set()
    for v in values:
        if v.key not in seen:
            seen.add(v.key)
            yield v


def _ranked(
    pack: Pack,
    relation: Relation,
    direction: Direction,
    keys: Sequence[Value],
    rng: random.Random,
    shown: bool = False,
) -> Iterator[Value]:
    """Candidates in the order they are tried: same relation, then the pool, then neighbours."""
    index = index_of(pack)
    key = keys[0]
    side = "object" if direction == "forward" else "subject"
    if isinstance(key, When):
        low, high = key.year - YEARS_AROUND, key.year + YEARS_AROUND
        if key.month is not None and key.day is None:
            # a month and its year: one wrong option in the same year, so the month is
            # asked too ("July 2016" was the only 2016 option, a reader found)
            yield from islice(shuffled(_same_year(key, pack), rng), 1)
        elif key.day is not None and (shown or _day_of_two(pack, key)):
            # a day among options: first the source's days of the same year, then two near
            # days of it, so the year alone does not find it ("30 December 1853", the
            # original treaty, was the only 1853 option beside three of 1854, a reader found)
            same = _dates_between(pack, asked_type(relation, direction), key.year, key.year)
            days = [d for d in _same_period(key) if d.year == key.year]
            yield from shuffled([d for d in same if d.key != key.key], rng)
            yield from islice(shuffled(days, rng), 2)
        yield from shuffled(index.dates_of(relation, side, low, high), rng)
        yield from shuffled(_dates_between(pack, asked_type(relation, direction), low, high), rng)
        if shown:  # near days of the same period before year-shifted twins (see _one_pattern)
            latest = source_date(pack)
            yield from shuffled([d for d in _same_period(key) if not after(d, latest)], rng)
        yield from shuffled(_neighbours_of(key, pack), rng)
    elif isinstance(key, Number):
        figures = list(shuffled(index.numbers(relation), rng))
        yield from figures
        taken = [v for v in figures if v.value != key.value]
        yield from _either_side(key, _neighbours_of(key, pack), rng, taken[:WRONG_FIGURES])
    elif all(isinstance(k, Entity) for k in keys):
        # only the values `alike` could take, worked out once per pack: most of a group are
        # not alike a key with attributes (of some 30 countries, two are "operation theatre
        # 2004-2014"), and each was drawn only to be refused (half the values tried)
        group = cast(Entity, key).group
        sides, pool = _alike_only(pack, relation, side, asked_type(relation, direction), keys)
        yield from shuffled(sides, rng)
        # the key's neighbours in the source first: a country named with Estonia twice or more
        # (Latvia, Lithuania) is a nearer miss for "where is Ämari?" than Albania
        places = index.pool_places(asked_type(relation, direction), group)
        near = sorted(places[k] for k in together(pack, key) if k in places)  # in pool order
        whole = index.group_pool(asked_type(relation, direction), group)
        sieved = {v.key for v in pool}
        yield from shuffled([whole[i] for i in near if whole[i].key in sieved], rng)
        peers = _peers(index.memo, pool, sides, cast(Entity, key))
        yield from islice(shuffled(peers, rng), 1)
        yield from shuffled(pool, rng)
    else:
        yield from shuffled(index.side_values(relation, side), rng)
        yield from shuffled(index.group_pool(asked_type(relation, direction), None), rng)


def _alike_only(
    pack: Pack, relation: Relation, side: str, type_name: str, keys: Sequence[Value]
) -> tuple[tuple[Value, ...], tuple[Value, ...]]:
    """The relation's values on the side and the type's pool, in their order, kept only where
    they could be `alike` one of the entity keys: of a key's group (any key's) and carrying
    the attributes every key carries. A sieve only: `candidates` still asks `alike`."""
    entities = cast(Sequence[Entity], keys)
    groups = frozenset(k.group for k in entities)
    attrs = frozenset(entities[0].attributes).intersection(*(k.attributes for k in entities))

    def could(v: Value) -> bool:
        return (
            isinstance(v, Entity)
            and (None in groups or v.group in groups)
            and attrs.issubset(v.attributes)
        )

    index = index_of(pack)
    memo = index.memo
    sides_key = ("alike sides", relation.id, side, groups, attrs)
    sides = memo.get(sides_key)
    if not isinstance(sides, tuple):
        sides = memo[sides_key] = tuple(v for v in index.side_values(relation, side) if could(v))
    pool_key = ("alike pool", type_name, entities[0].group, groups, attrs)
    pool = memo.get(pool_key)
    if not isinstance(pool, tuple):
        whole = index.group_pool(type_name, entities[0].group)
        pool = memo[pool_key] = tuple(v for v in whole if could(v))
    return sides, pool


def _peers(
    memo: dict[object, object], pool: tuple[Value, ...], sides: tuple[Value, ...], key: Entity
) -> tuple[Value, ...]:
    """The values of a pool that carry no attribute the key lacks and that the relation does
    not take (those are mostly right answers), once per pool, relation and key attributes.
    One goes among the wrong options where the pool has one: with every wrong option a
    framework nation or a post-communist ally, the Netherlands was the one Western European
    country among its options, and a test-wise student picked it (reader 31b). None where
    every value of the pool is a peer: any draw shows one."""
    memo_key = ("peers", id(pool), id(sides), key.attributes)  # both live in the memo too
    found = memo.get(memo_key)
    if not isinstance(found, tuple):
        mine, taken = frozenset(key.attributes), {v.key for v in sides}
        alike = [mine.issuperset(cast(Entity, v).attributes) for v in pool]
        found = memo[memo_key] = (
            ()
            if all(alike)
            else tuple(
                v for v, peer in zip(pool, alike, strict=True) if peer and v.key not in taken
            )
        )
    return found


TOGETHER = 2  # sentences naming two values before one is a near miss for the other


def together(pack: Pack, key: Value) -> frozenset[object]:
    """The values the sources name beside the key in TOGETHER sentences or more, worked out
    once per pack (the names of every sentence are read once)."""
    memo = index_of(pack).memo
    found = memo.get(("named together",))
    if not isinstance(found, dict):
        named_in = entity_namer(pack)
        # every ordered pair of entities each sentence names, counted in one pass
        pairs = Counter(
            itertools.chain.from_iterable(
                itertools.permutations(named_in(source.text[span.start : span.end]), 2)
                for source in pack.sources.values()
                for span in sentences(source.text)
            )
        )
        near_of: dict[object, set[object]] = {}
        for (a, b), n in pairs.items():
            if n >= TOGETHER:
                near_of.setdefault(("entity", a), set()).add(("entity", b))
        found = memo[("named together",)] = {k: frozenset(v) for k, v in near_of.items()}
    near = found.get(key.key, frozenset())
    return near if isinstance(near, frozenset) else frozenset()


def in_key_style(key: Value | None, value: Value) -> Value:
    """A wrong figure written as the key is ("$10 million" beside "$15 million", "10 million"
    beside "15 million", not "10,000,000"), so no option stands out by its form; the value
    itself is unchanged."""
    if (
        isinstance(key, Number)
        and isinstance(value, Number)
        and not key.approx
        and not key.in_words
        and isinstance(value.value, int)
    ):
        styled = key.like(value.value)
        return styled if styled.value == value.value else value
    return value


WRONG_FIGURES = 3  # wrong options of a number question


def _either_side(
    key: Number, near: Sequence[Value], rng: random.Random, taken: Sequence[Number] = ()
) -> Iterator[Value]:
    """Made-up figures for the places the source's own (`taken`) leave, a random number of
    them below the key and the rest above: drawn evenly from both sides, the key would stand
    in the middle of the sorted options; all on one side of two source figures below it
    ("$10 million", "$15 million" beside "$50 million"), mostly at the top, a reader found."""
    below = list(shuffled([v for v in near if isinstance(v, Number) and v.value < key.value], rng))
    above = list(shuffled([v for v in near if isinstance(v, Number) and v.value > key.value], rng))
    free = WRONG_FIGURES - len(taken)
    k = rng.randint(0, free)
    # never one above as far as one below: the key would be the midpoint of three evenly
    # spaced options (20,770, 29,670, 38,570: reader 31c), rounding to its roundness can
    # make such a mirror of uneven factors (10 and 20 million about 15)
    mirrors = {2 * key.value - v.value for v in below[:k]}
    first = [*below[:k], *[v for v in above if v.value not in mirrors][: free - k]]
    yield from first
    yield from (v for v in [*below, *above] if v not in first)


def _day_of_two(pack: Pack, key: When) -> bool:
    """Whether the source gives the key's day for two facts or more: a false statement
    shifting its year keeps the famous day and month ("The Baltic Air Policing Mission began
    on 29 March 2002", the day Lithuania joined NATO two years early: readers 37d and 38d),
    so it takes another day of the year, as options do."""
    memo = index_of(pack).memo
    days = memo.get("days of facts")
    if not isinstance(days, Counter):
        days = memo["days of facts"] = Counter(
            f.object.key for f in pack.facts if isinstance(f.object, When) and f.object.day
        )
    return days[key.key] > 1


def _dates_between(pack: Pack, type_name: str, low: int, high: int) -> Sequence[When]:
    dates, years = index_of(pack).dates(type_name)
    return dates[bisect.bisect_left(years, low) : bisect.bisect_right(years, high)]


def alike(key: Value, value: Value) -> bool:
    """Written the same way as the key and playing its role, so no option stands out by its
    form or its kind alone: dates of the key's precision, numbers written alike, entities of
    the key's group that carry every attribute the key carries."""
    if isinstance(key, Entity):  # the most usual key first
        return (
            isinstance(value, Entity)
            and (key.group is None or value.group == key.group)
            and all(map(value.attributes.__contains__, key.attributes))
        )
    if isinstance(key, When):
        return isinstance(value, When) and value.precision == key.precision
    if isinstance(key, Number):
        return (
            isinstance(value, Number)
            and value.approx == key.approx
            and value.in_words == key.in_words
        )
    return True


def _neighbours_of(key: Value, pack: Pack) -> list[Value]:
    """`_neighbours`, made once per value: the same dates come back for many questions."""
    memo = index_of(pack).memo
    memo_key = ("neighbours", key.key, key.display)  # "2,000,000" and "two million" apart
    found = memo.get(memo_key)
    if not isinstance(found, list):
        found = memo[memo_key] = _neighbours(key, pack)
    return found


# Days from a day's key to its made-up neighbours of the same period: uneven, a few weeks to
# a few months either way, so each has another day and mostly another month than the key.
_NEAR_DAYS = (-109, -74, -47, -23, 19, 44, 71, 102)
_NEAR_MONTHS = (-5, -3, 2, 4)  # the same for a month's key


def _same_period(key: When) -> list[When]:
    """Made-up dates near the key, of its precision, none sharing its day and month (its
    month): near misses of the same period, where a year-shifted twin points to the key."""
    if key.day is not None and key.month is not None:
        day = dt.date(key.year, key.month, key.day)
        shifted = (day + dt.timedelta(days=d) for d in _NEAR_DAYS)
        return [replace(key, year=x.year, month=x.month, day=x.day) for x in shifted]
    if key.month is not None:
        out = []
        for d in _NEAR_MONTHS:
            year, month = divmod(key.year * 12 + key.month - 1 + d, 12)
            out.append(replace(key, year=year, month=month + 1))
        return out
    return []


def _same_year(key: When, pack: Pack) -> list[When]:
    """The key's year with another month, a season or more away (never after the source)."""
    assert key.month is not None
    latest = source_date(pack)
    months = [m for m in range(1, 13) if abs(m - key.month) >= 3]
    return [d for m in months if not after(d := replace(key, month=m), latest)]


def _neighbours(key: Value, pack: Pack) -> list[Value]:
    """Nearby dates and numbers, for when the bank holds too few of the type."""
    latest = source_date(pack)
    if isinstance(key, When):
        years = [key.year + d for d in (-3, -2, -1, 1, 2, 3)]
        near = [
            replace(key, year=y)  # the pack's language stays with the date
            for y in years
            if _real_date(y, key.month, key.day)
        ]
        return [d for d in near if not after(d, latest)]
    if isinstance(key, Number) and key.approx:
        # "about 1,000": wrong figures far enough off that none could be it; on the side a
        # bound rules out ("over 1,000" is not about 250, but may be about 3,000)
        n = key.value
        factors = _FAR_OFF.get(bound_of(key, pack.lang), _FAR_OFF[None])
        return [
            about(Number(m, approx=True, language=key.language), pack.lang)
            for m in (round(n * f) for f in factors)
            if m > 0
        ]
    if isinstance(key, Number) and not key.approx and isinstance(key.value, int):
        n = key.value
        if n < 20:
            return [key.like(n + d) for d in (-3, -2, -1, 1, 2, 3) if n + d > 0]
        return [key.like(m) for m in near_figures(n)]
    return []


# Factors of an approximate key ("about 1,000") a made-up figure is far off by, on the side
# the source's bound rules out: below "over 1,000", above "under 50", either side of "about"
_FAR_OFF: dict[str | None, tuple[float, ...]] = {
    None: (0.25, 3, 5, 10),
    "lower": (0.1, 0.25, 0.5),
    "upper": (2, 4, 10),
}

# Factors of the key a made-up figure is near: uneven, so none reads as a half or a double
# of the key, and as many below as above, so the key is not the one in the middle; no two
# the same distance either side, so two of them never frame the key as the midpoint of
# three evenly spaced figures (20,770, 29,670, 38,570: reader 31c)
_NEAR = (0.6, 0.7, 0.85, 1.2, 1.35, 1.45)


def near_figures(n: int) -> list[int]:
    """Plausible wrong figures for an exact whole number of 20 or more: near it, of its
    roundness (29,670 → 20,770, 35,600, …; 15,000,000 → 8, 13, 18 million), none the key.
    A key with a single significant digit (3,000) is given half-steps (2,500, 3,500)."""
    step = 10 ** (len(str(n)) - len(str(n).rstrip("0")))
    if n // step < 10:
        step = max(1, step // 2) if n // step > 1 else max(1, step // 10)
    out: list[int] = []
    for f in _NEAR:
        m = max(step, round(n * f / step) * step)
        if m != n and m not in out:
            out.append(m)
    return out


def about(value: Value, lang: Language | None = None) -> Value:
    """An approximate figure as a choice shows it: "about 1,000", whatever the source's words
    ("over 1,000"), so the right option reads like the wrong ones; in the pack's language
    ("apie 1 000") when the figure is in one."""
    if isinstance(value, Number) and value.approx:
        lang = lang or value.lang
        shown = f"{value.value:,}" if isinstance(value.value, int) else f"{value.value:g}"
        if lang.numbers.decimal_comma:
            shown = format_number(value.value, lang.numbers)
        return Number(value.value, lang.about(shown), approx=True, language=value.language)
    return value


def outside_bound(key: Value, value: Value, lang: Language) -> bool:
    """Whether the source's figure rules the value out when it is a bound: below "over
    1,000" (250), above "under 50". A figure given plainly or "about" rules out any other
    value (the wrong ones are far from it); other values always pass."""
    if not (isinstance(key, Number) and isinstance(value, Number)):
        return True
    bound = bound_of(key, lang)
    if bound == "upper":
        return value.value > key.value
    if bound == "lower":
        return value.value < key.value
    return True


def bound_of(key: Value, lang: Language) -> str | None:
    """ "lower" for a figure the source gives as a lower bound ("over 1,000"), "upper" for
    an upper one ("under 50"), else None."""
    if not (isinstance(key, Number) and key.text):
        return None
    said = " ".join(fold(key.text).split())
    if any(said.startswith(f"{w} ") for w in lang.upper_bounds):
        return "upper"
    if any(said.startswith(f"{w} ") for w in lang.lower_bounds):
        return "lower"
    return None


def _real_date(year: int, month: int | None, day: int | None) -> bool:
    """False for a neighbour of 29 February that does not exist (29 February 2003)."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def source_date(pack: Pack) -> tuple[int, int, int] | None:
    """The latest day the pack's sources speak for, as (year, month, day): a source's
    `date` when it is of its `as_of` year, else the end of the `as_of` year. A wrong date
    after it ("September 2018" in an article of March 2018) is a guess no one could make
    from the source, so no option falls after it, at the precision of the option. Worked
    out once per pack (it is asked for every question with options)."""
    memo = index_of(pack).memo
    if ("source date",) in memo:
        return cast("tuple[int, int, int] | None", memo[("source date",)])
    found: list[tuple[int, int, int]] = []
    for s in pack.sources.values():
        day = _parse_day(s.date)
        if day is not None and (s.as_of is None or s.as_of == day[0]):
            found.append(day)
        elif s.as_of is not None:
            found.append((s.as_of, 12, 31))
    latest = memo[("source date",)] = max(found) if found else None
    return latest


def after(value: When, latest: tuple[int, int, int] | None) -> bool:
    """Whether a date falls after `latest` at the date's own precision: "September 2018"
    is after 29 March 2018, "2018" is not."""
    if latest is None:
        return False
    mine = value.truncated(value.precision)
    return mine > latest[: len(mine)]


def _parse_day(text: str | None) -> tuple[int, int, int] | None:
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return (day.year, day.month, day.day)


def sort_if_ordered(values: list[Value]) -> list[Value] | None:
    """Dates and numbers are shown in order (an item-writing rule); others are not sortable."""
    if all(isinstance(v, When) for v in values) or all(isinstance(v, Number) for v in values):
        return sorted(values, key=lambda v: v.key)
    return None
