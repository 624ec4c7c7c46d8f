"""Turning a pack into questions, deterministically.

Every question the pack can produce has a slot with a stable id, derived from
its facts and its kind and never from a seed, so history, exam papers and
imported results can name a question across rounds and releases. A slot is
built with its own random generator seeded by (seed, slot id), so the same
question comes out the same whether it is exported with --all, drawn into a
round or named in a review, on any machine and under any hash seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from quiz.generate import from_facts, order
from quiz.generate.evidence import evidence
from quiz.generate.hand import hand
from quiz.generate.truth import Direction
from quiz.kinds import KIND_NAMES
from quiz.packs.model import Fact, Pack
from quiz.question import Question
from quiz.spec import RoundSpec

__all__ = ["Slot", "slots", "all_questions", "generate", "by_ids", "round_questions"]

DIRECTIONS: tuple[Direction, ...] = ("forward", "reverse")


@dataclass(frozen=True)
class Slot:
    id: str
    kind: str
    facts: tuple[str, ...]
    topics: tuple[str, ...]
    make: Callable[[random.Random], Question | None]

    def build(self, seed: int) -> Question | None:
        return self.make(random.Random(f"{seed}|{self.id}"))


def slots(pack: Pack) -> list[Slot]:
    """Every question the pack can ask, before it is built (some may turn out impossible)."""
    out: list[Slot] = []

    def add(
        sid: str,
        kind: str,
        facts: Sequence[Fact],
        make: Callable[[random.Random], Question | None],
    ) -> None:
        topics = tuple(dict.fromkeys(t for f in facts for t in f.topics))
        out.append(Slot(sid, kind, tuple(f.id for f in facts), topics, make))

    for f in pack.facts:
        for d in DIRECTIONS:
            add(f"{f.id}:choice:{d}", "choice", [f], partial(from_facts.choice, pack, f, d))
            add(f"{f.id}:typed:{d}", "typed", [f], partial(from_facts.typed, pack, f, d))
        for truth in (True, False):
            add(
                f"{f.id}:true_false:{'true' if truth else 'false'}",
                "true_false",
                [f],
                partial(from_facts.true_false, pack, f, truth),
            )
        add(f"{f.id}:number", "number", [f], partial(from_facts.number, pack, f))
        add(f"{f.id}:evidence", "evidence", [f], partial(evidence, pack, f))
    for d in DIRECTIONS:
        for group in _shared(pack, d):
            add(
                f"{group[0].id}:multi:{d}",
                "multi",
                group,
                partial(from_facts.multi, pack, group, d),
            )
    for group in order.groups(pack):
        add(order.group_id(group), "order", group, partial(order.order, pack, group))
    for q in pack.questions:
        out.append(Slot(f"{q.id}:{q.kind}", q.kind, (q.id,), q.topics, partial(hand, q)))
    return out


def _shared(pack: Pack, direction: Direction) -> list[list[Fact]]:
    """Facts grouped by relation and given value: the sets a select-all question asks about."""
    groups: dict[tuple[object, ...], list[Fact]] = {}
    for f in pack.facts:
        if f"{direction}_all" in f.relation.templates:
            anchor = f.subject if direction == "forward" else f.object
            groups.setdefault((f.relation.id, anchor.key), []).append(f)
    return list(groups.values())


def _select(
    candidates: Iterable[Slot], kinds: Iterable[str] | None, topics: Iterable[str] | None
) -> list[Slot]:
    wanted_kinds = set(kinds) if kinds else set(KIND_NAMES)
    wanted_topics = set(topics) if topics else None
    return [
        s
        for s in candidates
        if s.kind in wanted_kinds and (wanted_topics is None or wanted_topics & set(s.topics))
    ]


def all_questions(
    pack: Pack,
    seed: int = 0,
    kinds: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
) -> list[Question]:
    """Every question the pack can produce, in pack order."""
    built = (s.build(seed) for s in _select(slots(pack), kinds, topics))
    return [q for q in built if q is not None]


def generate(
    pack: Pack,
    seed: int,
    count: int,
    kinds: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
) -> list[Question]:
    """A round of `count` questions, spread over as many facts as possible."""
    pool = sorted(_select(slots(pack), kinds, topics), key=lambda s: s.id)
    rng = random.Random(f"{seed}|round")
    rng.shuffle(pool)
    chosen: list[Question] = []
    used_facts: set[str] = set()
    for fresh_only in (True, False):
        for slot in pool:
            if len(chosen) >= count:
                return chosen
            if any(q.id == slot.id for q in chosen):
                continue
            if fresh_only and used_facts & set(slot.facts):
                continue
            question = slot.build(seed)
            if question is not None:
                chosen.append(question)
                used_facts.update(slot.facts)
    return chosen


def by_ids(pack: Pack, seed: int, ids: Sequence[str]) -> list[Question]:
    """The named questions, in the order named; ids the pack can no longer build are skipped
    (a fact removed in a newer version of the pack)."""
    index = {s.id: s for s in slots(pack)}
    built = (index[i].build(seed) for i in dict.fromkeys(ids) if i in index)
    return [q for q in built if q is not None]


def round_questions(pack: Pack, spec: RoundSpec) -> list[Question]:
    """The questions a spec stands for."""
    if spec.questions is not None:
        return by_ids(pack, spec.seed, spec.questions)[: spec.count]
    return generate(pack, spec.seed, spec.count, spec.kinds, spec.topics)
