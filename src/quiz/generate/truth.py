"""What the bank proves: a claim holds, or a closed relation proves it false.

The bank is open-world: a value missing from an open relation is unknown, not
false. Only a closed relation (the bank lists every value the source gives)
can prove a wrong option wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from quiz.packs.model import Pack, Relation, Value, same_value

Direction = Literal["forward", "reverse"]


def answers_for(pack: Pack, relation: Relation, direction: Direction, anchor: Value) -> list[Value]:
    """Every value the bank gives for the asked side, given the other side."""
    if direction == "forward":
        return pack.objects_of(relation, anchor)
    return pack.subjects_of(relation, anchor)


def holds(
    pack: Pack,
    relation: Relation,
    direction: Direction,
    anchor: Value,
    value: Value,
    answers: Sequence[Value] | None = None,
) -> bool:
    """The bank states (or cannot be told apart from stating) this claim.

    `answers` may pass `answers_for(...)` computed once for many values.
    """
    if answers is None:
        answers = answers_for(pack, relation, direction, anchor)
    return any(same_value(value, v) for v in answers)


def proven_false(
    pack: Pack,
    relation: Relation,
    direction: Direction,
    anchor: Value,
    value: Value,
    answers: Sequence[Value] | None = None,
) -> bool:
    return relation.closed and not holds(pack, relation, direction, anchor, value, answers)
