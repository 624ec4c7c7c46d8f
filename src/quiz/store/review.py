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

from quiz.daily import Today
from quiz.limits import MAX_COUNT as MAX_ROUND

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


@dataclass(frozen=True)
class Plan:
    """A review round's questions, and what today's limits held back."""

    ids: list[str]
    held: int = 0  # facts due now that today's review limit keeps for another day
    new: int = 0  # of the questions, how many bring a fact never answered before


def plan(
    questions: Iterable[Question],
    due: Sequence[Due],
    seed: int,
    count: int | None,
    kinds: Iterable[str] | None = None,
    *,
    fresh: Sequence[str] = (),
    room: Today | None = None,
) -> Plan:
    """A review round: one question per due fact, most overdue first, each of a kind other
    than the one the fact was last asked with whenever the pack allows; then facts never
    answered (`fresh`, in the pack's order), while the round has room. `room` is what today's
    limits still allow (None: no limit); `count` None asks every due fact the room allows,
    what "review until nothing is due" asks for."""
    wanted = set(kinds) if kinds else None
    by_fact: dict[str, list[Question]] = {}
    for q in questions:
        if wanted is not None and q.kind not in wanted:
            continue
        for fact in q.facts:
            by_fact.setdefault(fact, []).append(q)
    chosen: list[str] = []
    covered: set[str] = set()  # facts a chosen question asks (a time order asks four)
    full = (lambda: len(chosen) >= count) if count is not None else (lambda: False)

    def pick(fact: str, last_kind: str) -> bool:
        options = by_fact.get(fact, [])
        alone = [q for q in options if len(q.facts) == 1] or options
        fresh_kind = [q for q in alone if q.kind != last_kind] or alone
        unused = [q for q in fresh_kind if q.id not in chosen]
        if not unused:
            return False
        rng = random.Random(f"{seed}|review|{fact}")
        question = rng.choice(sorted(unused, key=lambda q: q.id))
        chosen.append(question.id)
        covered.update(question.facts)
        return True

    reviews_left = room.reviews if room is not None else None
    held = 0
    for item in sorted(due, key=lambda d: (d.due, d.fact_id)):
        if item.fact_id not in by_fact or item.fact_id in covered:
            continue
        if full() or reviews_left == 0:
            held += reviews_left == 0
            continue
        if pick(item.fact_id, item.last_kind) and reviews_left is not None:
            reviews_left -= 1
    before = len(chosen)
    new_left = room.new if room is not None else len(fresh)
    for fact in fresh:
        if full() or new_left <= 0:
            break
        if fact in by_fact and fact not in covered and pick(fact, ""):
            new_left -= 1
    return Plan(chosen[:MAX_ROUND], held, max(0, min(len(chosen), MAX_ROUND) - before))


def questions_of(pack: Pack) -> list[Question]:
    """Every question the pack can ask (seed 0): what a review can choose from."""
    from quiz.generate import all_questions

    return all_questions(pack, seed=0)
