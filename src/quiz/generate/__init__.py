"""Turning a pack into questions, deterministically.

Every question the pack can produce has a slot with a stable id, derived from
its facts and its kind and never from a seed, so history, exam papers and
imported results can name a question across rounds and releases. A slot is
built with its own random generator seeded by (seed, slot id), so the same
question comes out the same whether it is exported with --all, drawn into a
round or named in a review, on any machine and under any hash seed.

A round does not build every slot: it draws slots at random, kind by kind, and
builds only those it keeps (see `rounds`), so a round costs about the same in a
pack of any size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quiz.generate.collector import collector_paused
from quiz.generate.rounds import generate
from quiz.generate.slots import Slot, select, slots
from quiz.packs.model import Pack
from quiz.question import Question
from quiz.spec import RoundSpec

__all__ = ["Slot", "slots", "all_questions", "generate", "by_ids", "round_questions"]


@collector_paused
def all_questions(
    pack: Pack,
    seed: int = 0,
    kinds: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
) -> list[Question]:
    """Every question the pack can produce, in pack order. A select-all draws which of its
    right answers to show, and whether the bank proves enough options false beside them may
    hang on that draw: one that makes nothing at this seed is built at the next few, so what
    a round may ask (`quiz export --all`, `quiz check`'s counts) lists it."""
    built = (_build(s, seed) for s in select(slots(pack), kinds, topics))
    return [q for q in built if q is not None]


MULTI_TRIES = 8  # seeds a select-all is built at before it is left out


def _build(slot: Slot, seed: int) -> Question | None:
    for k in range(seed, seed + MULTI_TRIES) if slot.kind == "multi" else (seed,):
        question = slot.build(k)
        if question is not None:
            return question
    return None


def by_ids(pack: Pack, seed: int, ids: Sequence[str]) -> list[Question]:
    """The named questions, in the order named; ids the pack can no longer build are skipped
    (a fact removed in a newer version of the pack)."""
    index = {s.id: s for s in slots(pack)}
    built = (_build(index[i], seed) for i in dict.fromkeys(ids) if i in index)
    return [q for q in built if q is not None]


def round_questions(pack: Pack, spec: RoundSpec) -> list[Question]:
    """The questions a spec stands for."""
    if spec.questions is not None:
        return by_ids(pack, spec.seed, spec.questions)[: spec.count]
    return generate(pack, spec.seed, spec.count, spec.kinds, spec.topics)
