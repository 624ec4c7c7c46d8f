"""Time-ordering questions: put events in order, never two that tie at the precision shown."""

from __future__ import annotations

import hashlib
import random

from quiz.generate.question import Question
from quiz.packs.model import Fact, Pack, When

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


def groups(pack: Pack, rng: random.Random) -> list[list[Fact]]:
    """Disjoint sets of ITEMS events with no ties, covering as many events as possible."""
    pending = events(pack)
    rng.shuffle(pending)
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
    return f"order-{digest}"


def order(pack: Pack, group: list[Fact], rng: random.Random) -> Question:
    chrono = sorted(group, key=lambda f: f.object.key)
    label = {f.id: f.relation.render("event", f.subject) for f in group}
    shown = list(chrono)
    while shown == chrono:
        rng.shuffle(shown)
    timeline = "; ".join(f"{f.object.display}: {label[f.id]}" for f in chrono)
    return Question(
        id=f"{group_id(group)}:order",
        fact=chrono[0].id,
        kind="order",
        prompt="Put these events in time order, earliest first.",
        options=tuple(label[f.id] for f in shown),
        answer=tuple(label[f.id] for f in chrono),
        explanation=f"In time order: {timeline}.",
        quote=chrono[0].quote,
        topics=tuple(dict.fromkeys(t for f in chrono for t in f.topics)),
        facts=tuple(f.id for f in chrono),
        values=tuple(f.object for f in shown),
    )
