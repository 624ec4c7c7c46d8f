"""Choosing wrong options: same type as the key, plausible, and proven false.

Candidates come from the pack's values of the key's type, those used by the
same relation first (they are the most plausible); dates and numbers may add
near neighbours of the key. Each is kept only if a closed relation proves it
false, it reads differently from every other option after folding, and it does
not appear in the prompt.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from quiz.generate.truth import Direction, answers_for, proven_false
from quiz.packs.model import Entity, Number, Pack, Relation, Value, When
from quiz.text import contains_phrase, fold


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
    limit: int | None = None,
) -> list[Value]:
    """Usable wrong options beside the right ones (`keys`): all, or the first `limit`, most
    plausible first, shuffled within each rank. Each is written like one of the keys."""
    side = "object" if direction == "forward" else "subject"
    related_keys = {getattr(f, side).key for f in pack.facts_by_relation.get(relation.id, ())}
    pool = pack.pool(asked_type(relation, direction))
    near = _neighbours(keys[0], pack)
    related = [v for v in pool if v.key in related_keys]
    others = [v for v in pool if v.key not in related_keys] + near
    rng.shuffle(related)
    rng.shuffle(others)
    taken = {fold(n) for v in (*keys, anchor) for n in v.names}
    answers = answers_for(pack, relation, direction, anchor)
    out = []
    for value in related + others:
        if not any(_alike(key, value) for key in keys):
            continue
        names = {fold(n) for n in value.names}
        if names & taken or any(contains_phrase(prompt, n) for n in value.names):
            continue
        if not proven_false(pack, relation, direction, anchor, value, answers):
            continue
        taken |= names
        out.append(value)
        if len(out) == limit:
            break
    return out


def _alike(key: Value, value: Value) -> bool:
    """Written the same way as the key, so no option stands out by its form alone."""
    if isinstance(key, When):
        return isinstance(value, When) and value.precision == key.precision
    if isinstance(key, Number):
        return (
            isinstance(value, Number)
            and value.approx == key.approx
            and value.in_words == key.in_words
        )
    if isinstance(key, Entity) and key.group is not None:
        return isinstance(value, Entity) and value.group == key.group
    return True


def _neighbours(key: Value, pack: Pack) -> list[Value]:
    """Nearby dates and numbers, for when the bank holds too few of the type."""
    latest = _source_year(pack)
    if isinstance(key, When):
        years = [key.year + d for d in (-3, -2, -1, 1, 2, 3)]
        return [
            When(y, key.month, key.day)
            for y in years
            if (latest is None or y <= latest) and _real_date(y, key.month, key.day)
        ]
    if isinstance(key, Number) and not key.approx and isinstance(key.value, int):
        n = key.value
        steps = (-2, -1, 1, 2, 3) if n < 20 else (-n // 2, -n // 4, n // 4, n // 2)
        return [key.like(n + d) for d in steps if n + d > 0]
    return []


def _real_date(year: int, month: int | None, day: int | None) -> bool:
    """False for a neighbour of 29 February that does not exist (29 February 2003)."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _source_year(pack: Pack) -> int | None:
    years = [int(s.date[:4]) for s in pack.sources.values() if s.date and s.date[:4].isdigit()]
    return max(years) if years else None


def sort_if_ordered(values: list[Value]) -> list[Value] | None:
    """Dates and numbers are shown in order (an item-writing rule); others are not sortable."""
    if all(isinstance(v, When) for v in values) or all(isinstance(v, Number) for v in values):
        return sorted(values, key=lambda v: v.key)
    return None
