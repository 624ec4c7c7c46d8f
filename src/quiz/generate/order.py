"""Time-ordering questions: put events in order, never two that tie at the precision shown.

The groups of events do not depend on the seed: a group's id is derived from
its facts, so the same question keeps the same id in every round and release.
Each group is a few steps of one fixed walk through the pack's events. No two
groups share more than two events (one set of events would be asked twice), so
groups are made in turn, once per pack. No group holds two events that logic
orders (one thing's start and end, a mission and its augmentation: `_by_logic`).
Facts of one relation with one date
("Latvia / Slovakia / … becomes a member of NATO", all 29 March 2004) are one
event, told by the first of them: otherwise every group would hold one of them,
always in the same place.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Callable
from functools import partial

from quiz.generate.evidence import content_words
from quiz.generate.index import index_of
from quiz.generate.refusal import Refusal, missing, said
from quiz.generate.wording import passages
from quiz.lang import N_
from quiz.languages import english
from quiz.packs.model import Fact, Pack, Relation, When
from quiz.question import Order, Origin, Question

ITEMS = 4
SHARED = 2  # the most events two groups may have in common
PROMPT = english().frames["order"]  # the same for every group (a pack's: `pack.lang`)


def can_order(relation: Relation) -> Refusal | None:
    """Why a relation's facts are never put in time order (None if they may be)."""
    why = _why_not(relation)
    return None if why is None else why()


def _why_not(relation: Relation) -> Callable[[], Refusal] | None:
    """`can_order`'s rules, with the refusal not yet worded (None if the relation may be
    ordered): `events` only asks whether, for every relation of the pack."""
    if relation.object_type not in ("date", "year"):
        return lambda: Refusal(said(N_("time order asks facts whose object is a date or year")))
    if "event" not in relation.templates:
        return partial(missing, relation, "event")
    return None


def events(pack: Pack) -> list[Fact]:
    """Facts that read as dated events, in pack order, relation by relation: one fact for
    each relation and date (the first)."""
    out: list[Fact] = []
    for r in pack.relations.values():
        if _why_not(r) is None:
            seen: set[object] = set()
            for f in pack.facts_by_relation.get(r.id, ()):
                if f.background or f.object.key in seen:
                    continue
                seen.add(f.object.key)
                out.append(f)
    return out


def _label(fact: Fact) -> str:
    return fact.relation.render("event", fact.subject)


def _ties(a: Fact, b: Fact, labels: dict[str, str]) -> bool:
    """Two events that cannot be put in order: the same time, or the same words."""
    assert isinstance(a.object, When) and isinstance(b.object, When)
    return a.object.same_time(b.object) or labels[a.id] == labels[b.id]


def _stride(n: int) -> int:
    """A step through n events that visits each once and lands far from the last: the
    group's events come from all over the pack, so they mix periods and subjects."""
    step = max(1, round(n * 0.618))
    while math.gcd(step, n) != 1:
        step += 1
    return step


def group_count(pack: Pack) -> int:
    """How many walks are tried: one from each event (a group that would share more than
    SHARED events with an earlier one is none)."""
    return len(events(pack))


def group(pack: Pack, number: int, dated: list[Fact] | None = None) -> list[Fact] | None:
    """Group `number`: the events at its ITEMS places of a fixed walk through all events,
    skipping any that ties with one already taken or would make it share more than SHARED
    events with an earlier group (then walking on a little). None if fewer than three
    remain. The groups are made once per pack, in turn, and only as far as one is asked
    for: a round that draws group 5 walks six times, not once from every event."""
    if dated is not None:
        return _all_groups(pack, dated)[number] if 0 <= number < group_count(pack) else None
    memo = index_of(pack).memo
    walks = memo.get(("order walks",))
    if not isinstance(walks, _Walks):
        walks = memo[("order walks",)] = _Walks(pack, events(pack))
    return walks.group(number)


def _all_groups(pack: Pack, dated: list[Fact]) -> list[list[Fact] | None]:
    walks = _Walks(pack, dated)
    walks.group(len(dated) - 1)
    return walks.made


class _Walks:
    """The groups of a list of events, made in turn as far as one is asked for."""

    def __init__(self, pack: Pack, dated: list[Fact]) -> None:
        self.dated = dated
        self.step = _stride(len(dated)) if dated else 1
        self.stop = pack.lang.stopwords
        self.made: list[list[Fact] | None] = []
        # the earlier groups each fact is in, so a candidate's overlap with them is counted
        # from its own few facts rather than by comparing it with every earlier group (that
        # grew with the square of the pack's events)
        self.groups_of: dict[str, list[int]] = {}
        self.kept = 0
        self.labels: dict[str, str] = {}  # an event's label is the same in every walk
        self.words: dict[str, frozenset[str]] = {}

    def group(self, number: int) -> list[Fact] | None:
        if not 0 <= number < len(self.dated):
            return None
        while len(self.made) <= number:
            self._walk(len(self.made))
        return self.made[number]

    def _walk(self, number: int) -> None:
        dated, n, labels = self.dated, len(self.dated), self.labels
        chosen: list[Fact] = []
        for k in range(n):
            fact = dated[((number * ITEMS + k) * self.step) % n]
            if fact.background or not isinstance(fact.object, When):
                continue
            if fact.id not in labels:
                labels[fact.id] = _label(fact)
            if any(
                _ties(fact, g, labels) or _by_logic(fact, g, labels, self.words, self.stop)
                for g in chosen
            ):
                continue
            ids = {g.id for g in chosen} | {fact.id}
            shared: dict[int, int] = {}
            for i in ids:
                for e in self.groups_of.get(i, ()):
                    shared[e] = shared.get(e, 0) + 1
            if any(c > SHARED for c in shared.values()):
                continue
            chosen.append(fact)
            if len(chosen) == ITEMS:
                break
        if len(chosen) >= 3:
            self.made.append(chosen)
            for f in {f.id for f in chosen}:
                self.groups_of.setdefault(f, []).append(self.kept)
            self.kept += 1
        else:
            self.made.append(None)


def _by_logic(
    a: Fact,
    b: Fact,
    labels: dict[str, str],
    words: dict[str, frozenset[str]],
    stop: frozenset[str],
) -> bool:
    """Two events whose order follows without knowing either date: one thing's start and end
    ("Lithuania begins leading a … team" / "Lithuania's leadership of a … team ends"), a
    mission and its augmentation. Told by their words: two events of different relations
    whose labels share more than half the content words of the shorter. (Two of one relation,
    "The Wales Summit takes place" / "The Warsaw Summit takes place", share the template's
    words and are two things of a kind, so they are not compared.)
    Each label's content words are worked out once, in `words`, for all the walks."""
    if a.relation.id == b.relation.id:
        return False
    for f in (a, b):
        if f.id not in words:
            words[f.id] = content_words(labels[f.id], stop)
    wa, wb = words[a.id], words[b.id]
    return 2 * len(wa & wb) > min(len(wa), len(wb))


def groups(pack: Pack) -> list[list[Fact]]:
    """Every group, each once (two walks that meet on the same events make one question)."""
    found: dict[str, list[Fact]] = {}
    for number in range(group_count(pack)):
        g = group(pack, number)
        if g is not None:
            found.setdefault(group_id(g), g)
    return list(found.values())


def unplaced(pack: Pack) -> dict[str, Refusal]:
    """Why each dated event that no group holds is left out of every time-order question."""
    asked = [f for f in events(pack) if not f.background and isinstance(f.object, When)]
    placed = {f.id for g in groups(pack) for f in g}
    labels = {f.id: _label(f) for f in asked}
    out: dict[str, Refusal] = {}
    for f in asked:
        if f.id in placed:
            continue
        if len(asked) < 3:
            out[f.id] = Refusal(
                said(N_("time order needs three dated events; the pack has {n}"), n=len(asked)),
                said(
                    N_("add dated facts, or `event` templates to more relations with a date object")
                ),
            )
            continue
        twin = next((g for g in asked if g is not f and _ties(f, g, labels)), None)
        reason = said(N_("no time-order group could place it"))
        if twin is not None:
            reason = said(
                N_(
                    "no time-order group could place it: it ties with fact '{id}' ({date}) at "
                    "the dates shown"
                ),
                id=twin.id,
                date=twin.object.display,
            )
        out[f.id] = Refusal(
            reason, said(N_("add more dated events, or give the dates more precisely"))
        )
    return out


def group_id(group: list[Fact]) -> str:
    digest = hashlib.sha256("|".join(sorted(f.id for f in group)).encode()).hexdigest()[:10]
    return f"order-{digest}:order"


def order(pack: Pack, group: list[Fact], rng: random.Random) -> Question:
    chrono = sorted(group, key=lambda f: f.object.key)
    label = {f.id: _label(f) for f in group}
    shown = list(chrono)
    while shown == chrono:
        rng.shuffle(shown)
    timeline = "; ".join(f"{f.object.display}: {label[f.id]}" for f in chrono)
    return Question(
        id=group_id(group),
        kind="order",
        prompt=pack.lang.frame("order"),
        options=tuple(label[f.id] for f in shown),
        topics=tuple(dict.fromkeys(t for f in chrono for t in f.topics)),
        key=Order(tuple(shown.index(f) for f in chrono)),
        origin=Origin(
            facts=tuple(f.id for f in chrono),
            quotes=passages(pack, [q for f in chrono for q in f.evidence]),
            explanation=pack.lang.frame("order_explanation", timeline=timeline),
        ),
    )
