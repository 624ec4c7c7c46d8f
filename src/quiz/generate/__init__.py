"""Turning a pack into questions, deterministically.

Every question the pack can produce has a slot with a stable id. A slot is
built with its own random generator seeded by (seed, slot id), so the same
question comes out the same whether it is exported with --all or drawn into a
round, on any machine and under any hash seed. A round picks slots with a
generator seeded by (seed, "round") and avoids asking about one fact twice.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from quiz.generate import from_facts, order
from quiz.generate.evidence import evidence
from quiz.generate.hand import hand
from quiz.generate.question import KINDS, Kind, Question, WhyWrong
from quiz.generate.truth import Direction
from quiz.packs.model import Fact, Pack

__all__ = ["KINDS", "Kind", "Question", "WhyWrong", "Slot", "slots", "all_questions", "generate"]

DIRECTIONS: tuple[Direction, ...] = ("forward", "reverse")


@dataclass(frozen=True)
class Slot:
    id: str
    kind: Kind
    facts: tuple[str, ...]
    topics: tuple[str, ...]
    make: Callable[[random.Random], Question | None]

    def build(self, seed: int) -> Question | None:
        return self.make(random.Random(f"{seed}|{self.id}"))


def slots(pack: Pack, seed: int = 0) -> list[Slot]:
    """Every question the pack can ask, before it is built (some may turn out impossible)."""
    out: list[Slot] = []

    def add(
        sid: str,
        kind: Kind,
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
    for group in order.groups(pack, random.Random(f"{seed}|order")):
        add(f"{order.group_id(group)}:order", "order", group, partial(order.order, pack, group))
    for q in pack.questions:
        out.append(
            Slot(
                f"{q.id}:{q.kind}",
                q.kind,  # type: ignore[arg-type]
                (q.id,),
                q.topics,
                partial(hand, q),
            )
        )
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
    wanted_kinds = set(kinds) if kinds else set(KINDS)
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
    built = (s.build(seed) for s in _select(slots(pack, seed), kinds, topics))
    return [q for q in built if q is not None]


def generate(
    pack: Pack,
    seed: int,
    count: int,
    kinds: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
) -> list[Question]:
    """A round of `count` questions, spread over as many facts as possible."""
    pool = sorted(_select(slots(pack, seed), kinds, topics), key=lambda s: s.id)
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
