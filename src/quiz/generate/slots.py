"""Slots: every question a pack can ask, named before it is built.

A slot's id comes from its facts and its kind (`fact:kind:direction`, one
`order-<hash>:order` per group of events), never from a seed. Some questions
belong to a group of facts rather than one: the select-all question of a
subject, its one false statement, its one evidence question per proving
sentence. The group's first fact (in pack order) owns such a slot, so the same
question is never made twice under two ids.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from quiz.generate import from_facts, order, typed
from quiz.generate.evidence import evidence
from quiz.generate.hand import hand
from quiz.generate.index import index_of
from quiz.generate.refusal import Refusal, missing, not_closed, said
from quiz.generate.truth import Direction
from quiz.kinds import KIND_NAMES
from quiz.lang import N_
from quiz.packs.model import LITERAL_TYPES, ONE_FACT_KINDS, Fact, HandQuestion, Pack, Relation
from quiz.question import Question

DIRECTIONS: tuple[Direction, ...] = ("forward", "reverse")


@dataclass(frozen=True)
class Slot:
    id: str
    kind: str
    facts: tuple[str, ...]
    topics: tuple[str, ...]
    make: Callable[[random.Random], Question | Refusal]
    # the side a recall question asks (a round weighs its answer before building it)
    direction: Direction = "forward"

    def build(self, seed: int) -> Question | None:
        made = self.attempt(seed)
        return made if isinstance(made, Question) else None

    def attempt(self, seed: int) -> Question | Refusal:
        """The question, or the builder's reason for not making it."""
        return self.make(SeededOnFirstDraw(seed, self.id))


def seed_of(seed: int, slot_id: str) -> int:
    """The slot's own random seed: the same on any machine and under any hash seed (a
    string seed costs a SHA-512 in Python per question; a BLAKE2 digest is cheaper)."""
    digest = hashlib.blake2b(f"{seed}|{slot_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class SeededOnFirstDraw(random.Random):
    """`random.Random(seed_of(seed, slot_id))`, seeded when the builder first draws from it.
    Most builders refuse before they draw (about three in four slots of a first
    `all_questions` of the bundled pack), and working out the seed and seeding a Mersenne
    Twister are most of what an unused generator costs. Every draw goes through `random` or
    `getrandbits` (shuffle, choice, randrange … are built on them), so the draws are the same
    as the plain generator's; once seeded, the generator's own methods answer directly."""

    def __init__(self, seed: int, slot_id: str) -> None:  # not seeded yet: see _first_draw
        self._wanted = (seed, slot_id)

    def seed(self, a: Any = None, version: int = 2) -> None:
        super().seed(a, version)
        # seeded (by the deferred seed or any other): the generator's own methods from now on,
        # found on the instance before the ones below
        vars(self).update(random=super().random, getrandbits=super().getrandbits)

    def _first_draw(self) -> None:
        if "random" not in vars(self):
            self.seed(seed_of(*self._wanted))

    def random(self) -> float:
        self._first_draw()
        return super().random()

    def getrandbits(self, k: int, /) -> int:
        self._first_draw()
        return super().getrandbits(k)

    def getstate(self) -> Any:
        self._first_draw()
        return super().getstate()

    def setstate(self, state: Any) -> None:
        self._first_draw()
        super().setstate(state)


def _topics(facts: Sequence[Fact]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for f in facts for t in f.topics))


# -- one slot at a time (rounds draw these) ----------------------------------------------


BACKGROUND = Refusal(
    said(N_("the fact is marked background: it proves and explains, but no question asks it")),
    said(N_("remove `background: true` to ask it")),
)


def per_fact(pack: Pack, kind: str, variant: str, fact: Fact) -> Slot | Refusal:
    """The slot of one fact's question of a kind ('forward', 'true', '' …), or of the group
    it belongs to (`variants` says which kinds the relation can ask at all)."""
    if fact.background:
        return BACKGROUND
    if kind in fact.not_asked:
        return Refusal(
            said(N_("the fact is marked not to be asked as {kind}"), kind=kind),
            said(N_("remove {kind} from `not_asked` to ask it"), kind=kind),
        )
    direction: Direction = "reverse" if variant.startswith("reverse") else "forward"
    if kind == "choice":
        make = partial(from_facts.choice, pack, fact, direction)
        return Slot(f"{fact.id}:choice:{variant}", kind, (fact.id,), fact.topics, make, direction)
    if kind == "typed" and variant.endswith("_any"):
        return any_slot(pack, fact, direction)
    if kind == "typed":
        make = partial(typed.typed, pack, fact, direction)
        return Slot(f"{fact.id}:typed:{variant}", kind, (fact.id,), fact.topics, make, direction)
    if kind == "true_false":
        truth = variant == "true"
        make = partial(from_facts.true_false, pack, fact, truth)
        return Slot(f"{fact.id}:true_false:{variant}", kind, (fact.id,), fact.topics, make)
    if kind == "number":
        return Slot(
            f"{fact.id}:number",
            kind,
            (fact.id,),
            fact.topics,
            partial(from_facts.number, pack, fact),
        )
    if kind == "evidence":
        return Slot(
            f"{fact.id}:evidence", kind, (fact.id,), fact.topics, partial(evidence, pack, fact)
        )
    if kind == "multi":
        return multi_slot(pack, fact, direction)
    raise ValueError(kind)


def multi_slot(pack: Pack, fact: Fact, direction: Direction) -> Slot | Refusal:
    """The select-all slot of the group of facts that share the fact's given value."""
    anchor = fact.subject if direction == "forward" else fact.object
    group = [f for f in index_of(pack).facts_for(fact.relation, direction, anchor)]
    group = [f for f in group if not f.background]
    if not group:
        return BACKGROUND
    head = group[0]
    make = partial(from_facts.multi, pack, group, direction)
    return Slot(
        f"{head.id}:multi:{direction}", "multi", tuple(f.id for f in group), _topics(group), make
    )


def any_slot(pack: Pack, fact: Fact, direction: Direction) -> Slot | Refusal:
    """The "name one" typed slot of the group of facts that share the fact's given value."""
    anchor = fact.subject if direction == "forward" else fact.object
    group = [f for f in index_of(pack).facts_for(fact.relation, direction, anchor)]
    group = [f for f in group if not f.background]
    if len(group) < 2:
        return typed.one_value(fact, direction)
    make = partial(typed.typed_any, pack, group, direction)
    sid = f"{group[0].id}:typed:{direction}_any"
    return Slot(sid, "typed", tuple(f.id for f in group), _topics(group), make, direction)


def order_slot(pack: Pack, group: list[Fact]) -> Slot:
    make = partial(order.order, pack, group)
    return Slot(order.group_id(group), "order", tuple(f.id for f in group), _topics(group), make)


def hand_slot(pack: Pack, q: HandQuestion) -> Slot:
    return Slot(f"{q.id}:{q.kind}", q.kind, (q.id,), q.topics, partial(hand, pack, q))


# Every variant of each kind built from facts, in the order a fact's slots are listed.
VARIANTS: dict[str, tuple[str, ...]] = {
    "choice": DIRECTIONS,
    "typed": (*DIRECTIONS, "forward_any", "reverse_any"),
    "true_false": ("true", "false"),
    "number": ("",),
    "evidence": ("",),
    "multi": DIRECTIONS,
}


def variants(relation: Relation, kind: str) -> tuple[str, ...]:
    """The variants of a per-fact kind the relation can ask at all (before any fact is tried)."""
    return tuple(v for v in VARIANTS.get(kind, ()) if _why_not(relation, kind, v) is None)


def can_ask(relation: Relation, kind: str, variant: str) -> Refusal | None:
    """Why a relation can never ask a kind in a variant, whatever its facts (None if it can)."""
    why = _why_not(relation, kind, variant)
    return None if why is None else why()


def _why_not(relation: Relation, kind: str, variant: str) -> Callable[[], Refusal] | None:
    """`can_ask`'s rules, with the refusal not yet worded (None if the relation can ask it):
    `variants` only asks whether, for every relation and kind of the pack."""
    t = relation.templates
    if kind == "evidence" or (kind == "true_false" and variant == "true"):
        return None
    if kind == "typed":
        asked = relation.subject_type if variant.startswith("reverse") else relation.object_type
        if asked in LITERAL_TYPES:
            return lambda: Refusal(_typed_literal(asked))
    if kind == "number":
        uncounted = _can_count(relation)
        if uncounted is not None:
            return uncounted
    if not relation.closed:
        what = "a false statement" if kind == "true_false" else "an option"
        return partial(not_closed, relation, what)
    template = {"choice": variant, "typed": variant, "multi": f"{variant}_all"}.get(kind)
    if template is not None and template not in t:
        return partial(missing, relation, template)
    return None


def _can_count(relation: Relation) -> Callable[[], Refusal] | None:
    """A number question asks a year (a `year` template, or `forward` of a year) or a count:
    None if the relation can ask one, else its refusal, not yet worded (`_why_not`)."""
    t, object_type = relation.templates, relation.object_type
    if object_type == "number" or (object_type == "year" and "year" not in t):
        return None if "forward" in t else partial(missing, relation, "forward")
    if object_type in ("date", "year"):
        return None if "year" in t else partial(missing, relation, "year")
    return lambda: Refusal(
        said(
            N_("number questions ask a year or a count; the object's type is {type}"),
            type=object_type,
        )
    )


def _typed_literal(asked: str) -> str:
    if asked[:1] in "aeiou":
        return said(
            N_("typed answers are names; an {type} is asked as a number question"), type=asked
        )
    return said(N_("typed answers are names; a {type} is asked as a number question"), type=asked)


PER_FACT = ONE_FACT_KINDS


# -- every slot (for --all, by_ids, quiz check) -----------------------------------------


def slots(pack: Pack) -> list[Slot]:
    """Every question the pack can ask, in pack order, before it is built (some may turn
    out impossible)."""
    out: list[Slot] = []
    allowed = {
        r.id: {k: variants(r, k) for k in (*PER_FACT, "multi")} for r in pack.relations.values()
    }
    order_of = {
        "choice": DIRECTIONS,
        "typed": (*DIRECTIONS, "forward_any", "reverse_any"),
        "true_false": ("true", "false"),
    }
    for f in pack.facts:
        if f.background:
            continue
        can = allowed[f.relation.id]
        for kind in PER_FACT:
            for variant in order_of.get(kind, ("",)):
                if variant not in can[kind]:
                    continue
                slot = per_fact(pack, kind, variant, f)
                if isinstance(slot, Slot) and f.id == slot.facts[0]:  # a group's slot, once
                    out.append(slot)
    seen: set[str] = set()
    for f in pack.facts:
        for d in allowed.get(f.relation.id, {}).get("multi", ()) if not f.background else ():
            slot = multi_slot(pack, f, d)  # type: ignore[arg-type]
            if isinstance(slot, Slot) and slot.id not in seen:
                seen.add(slot.id)
                out.append(slot)
    out.extend(order_slot(pack, g) for g in order.groups(pack))
    out.extend(hand_slot(pack, q) for q in pack.questions)
    return out


def select(
    candidates: Iterable[Slot], kinds: Iterable[str] | None, topics: Iterable[str] | None
) -> list[Slot]:
    wanted_kinds = set(kinds) if kinds else set(KIND_NAMES)
    wanted_topics = set(topics) if topics else None
    return [
        s
        for s in candidates
        if s.kind in wanted_kinds and (wanted_topics is None or wanted_topics & set(s.topics))
    ]
