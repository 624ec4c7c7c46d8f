"""Time-ordering questions: put events in order, never two that tie at the precision shown.

The groups of events do not depend on the seed: a group's id is derived from
its facts, so the same question keeps the same id in every round and release.
"""

from __future__ import annotations

import hashlib
import random

from quiz.packs.model import Fact, Pack, When
from quiz.question import Order, Origin, Question

ITEMS = 4


def events(pack: Pack) -> list[Fact]:
    """Facts that read as dated events, earliest first."""
    dated = [
        f for f in pack.facts if "event" in f.relation.templates and isinstance(f.object, When)
    ]
    return sorted(dated, key=lambda f: (f.object.key, f.id))


def _ties(a: Fact, b: Fact) -> bool:
    assert isinstance(a.object, When) and isinstance(b.object, When)
    return a.object.same_time(b.object) or a.relation.render(
        "event", a.subject
    ) == b.relation.render("event", b.subject)


def _spread(fact: Fact) -> str:
    """A fixed pseudo-random rank, so groups mix periods without depending on any seed."""
    return hashlib.sha256(fact.id.encode()).hexdigest()


def groups(pack: Pack) -> list[list[Fact]]:
    """Disjoint sets of ITEMS events with no ties, covering as many events as possible."""
    pending = sorted(events(pack), key=_spread)
    out: list[list[Fact]] = []
    while pending:
        group: list[Fact] = []
        rest = []
        for fact in pending:
            if len(group) < ITEMS and not any(_ties(fact, g) for g in group):
                group.append(fact)
            else:
                rest.append(fact)
        if len(group) < 3:
            break
        out.append(group)
        pending = rest
    return out


def group_id(group: list[Fact]) -> str:
    digest = hashlib.sha256("|".join(sorted(f.id for f in group)).encode()).hexdigest()[:10]
    return f"order-{digest}:order"


def order(pack: Pack, group: list[Fact], rng: random.Random) -> Question:
    chrono = sorted(group, key=lambda f: f.object.key)
    label = {f.id: f.relation.render("event", f.subject) for f in group}
    shown = list(chrono)
    while shown == chrono:
        rng.shuffle(shown)
    timeline = "; ".join(f"{f.object.display}: {label[f.id]}" for f in chrono)
    return Question(
        id=group_id(group),
        kind="order",
        prompt="Put these events in time order, earliest first.",
        options=tuple(label[f.id] for f in shown),
        topics=tuple(dict.fromkeys(t for f in chrono for t in f.topics)),
        key=Order(tuple(shown.index(f) for f in chrono)),
        origin=Origin(
            facts=tuple(f.id for f in chrono),
            quotes=tuple(dict.fromkeys(q for f in chrono for q in f.evidence)),
            explanation=f"In time order: {timeline}.",
        ),
    )
