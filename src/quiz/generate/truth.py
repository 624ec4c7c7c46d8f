"""What the bank proves: a claim holds, or a closed relation proves it false.

The bank is open-world: a value missing from an open relation is unknown, not
false. Only a closed relation (the bank lists every value the source gives)
can prove a wrong option wrong, and not even a closed one proves false what
the author marked as true in the world (`also_true`: NATO's later decisions
the source could not know).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quiz.generate.index import Direction, index_of
from quiz.packs.model import Pack, Relation, Value, same_value

__all__ = ["Direction", "answers_for", "disproved", "holds", "proven_false"]


def answers_for(pack: Pack, relation: Relation, direction: Direction, anchor: Value) -> list[Value]:
    """Every value the bank gives for the asked side, given the other side."""
    return index_of(pack).answers(relation, direction, anchor)


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
        return index_of(pack).answer_set(relation, direction, anchor).holds(value)
    return any(same_value(value, v) for v in answers)


def proven_false(
    pack: Pack,
    relation: Relation,
    direction: Direction,
    anchor: Value,
    value: Value,
    answers: Sequence[Value] | None = None,
) -> bool:
    if answers is None:
        return disproved(pack, relation, direction, anchor)(value)
    if not relation.closed:
        return False
    if direction == "forward" and any(same_value(value, t) for t in relation.also_true):
        return False
    return not holds(pack, relation, direction, anchor, value, answers)


def disproved(
    pack: Pack, relation: Relation, direction: Direction, anchor: Value
) -> Callable[[Value], bool]:
    """`proven_false` of one anchor's values, for weighing many (a question's candidate wrong
    options): the bank's answers and the relation's `also_true` are looked up once."""
    if not relation.closed:
        return _never
    answers = index_of(pack).answer_set(relation, direction, anchor)
    also_true = relation.also_true if direction == "forward" else ()

    def false(value: Value) -> bool:
        for t in also_true:
            if same_value(value, t):
                return False
        return not answers.holds(value)

    return false


def _never(value: Value) -> bool:
    return False
