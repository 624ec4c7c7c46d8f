"""Spaced repetition per fact (FSRS, through the `fsrs` package) and the choice of what to ask.

Cards are keyed to fact ids, never to question text, so rewording a template or
adding a kind keeps a player's schedule. Ratings follow what Anki users do: a
wrong answer is Again, a right one Good; a right answer accepted only through
typo or accent tolerance, or a partly right one, is Hard.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.question import Question


@dataclass(frozen=True)
class Due:
    fact_id: str
    due: dt.datetime
    last_kind: str


def rating_name(result: str, exact: bool) -> str:
    if result == "wrong":
        return "Again"
    if result == "partial" or not exact:
        return "Hard"
    return "Good"


# A quiz question is already a test, not a first look at a card: one short learning step, so a
# right answer graduates at once (next review in days) and a miss comes back in ten minutes.
STEP = dt.timedelta(minutes=10)


@cache
def _scheduler() -> Any:
    from fsrs import Scheduler

    # No fuzzing: the same answers on the same days give the same schedule on every machine.
    return Scheduler(learning_steps=(STEP,), relearning_steps=(STEP,), enable_fuzzing=False)


def schedule(card_json: str | None, result: str, exact: bool, at: dt.datetime) -> tuple[str, str]:
    """(the card after this answer, as JSON; its next due time, ISO-8601 UTC)."""
    from fsrs import Card

    return card_row(next_card(Card.from_json(card_json) if card_json else None, result, exact, at))


def next_card(card: Any | None, result: str, exact: bool, at: dt.datetime) -> Any:
    """The FSRS card (None: a fact never answered) after an answer: what `schedule` does,
    without the JSON each way, for replaying a whole history in memory."""
    cls, ratings = _card_kit()
    card = card if card is not None else cls(card_id=1)  # fixed id: we key cards
    rating = ratings[rating_name(result, exact)]
    card, _ = _scheduler().review_card(card, rating, review_datetime=at)
    return card


@cache
def _card_kit() -> tuple[type, dict[str, Any]]:
    """fsrs's Card, copied the quick way, and its ratings by name. `review_card` copies the
    card it is given with `copy.copy`, whose generic path (`__reduce_ex__`) was a third of
    the time of replaying a million answers; the copy is the same, field for field."""
    from fsrs import Card, Rating

    class QuickCard(Card):
        def __copy__(self) -> QuickCard:
            new = object.__new__(type(self))
            new.__dict__.update(self.__dict__)
            return new

    return QuickCard, {r.name: r for r in Rating}


def card_row(card: Any) -> tuple[str, str]:
    """(a card as the store keeps it, as JSON; its next due time, ISO-8601 UTC)."""
    return card.to_json(), iso(card.due)


def iso(moment: dt.datetime) -> str:
    """Timestamps as the store keeps them: UTC, microseconds, so text order is time order."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def parse_iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def plan(
    questions: Iterable[Question],
    due: Sequence[Due],
    seed: int,
    count: int,
    kinds: Iterable[str] | None = None,
) -> list[str]:
    """Question ids for a review round: one per due fact, most overdue first, each of a kind
    other than the one the fact was last asked with whenever the pack allows."""
    wanted = set(kinds) if kinds else None
    by_fact: dict[str, list[Question]] = {}
    for q in questions:
        if wanted is not None and q.kind not in wanted:
            continue
        for fact in q.facts:
            by_fact.setdefault(fact, []).append(q)
    chosen: list[str] = []
    for item in sorted(due, key=lambda d: (d.due, d.fact_id)):
        options = by_fact.get(item.fact_id, [])
        alone = [q for q in options if len(q.facts) == 1] or options
        fresh = [q for q in alone if q.kind != item.last_kind] or alone
        fresh = [q for q in fresh if q.id not in chosen]
        if not fresh:
            continue
        rng = random.Random(f"{seed}|review|{item.fact_id}")
        chosen.append(rng.choice(sorted(fresh, key=lambda q: q.id)).id)
        if len(chosen) == count:
            break
    return chosen


def questions_of(pack: Pack) -> list[Question]:
    """Every question the pack can ask (seed 0): what a review can choose from."""
    from quiz.generate import all_questions

    return all_questions(pack, seed=0)
