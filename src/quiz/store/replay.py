"""A fact's whole history replayed through FSRS in memory, fast: what the schema migration that
rebuilds every player's progress from the answers kept (step 2) runs a million times.

`fsrs.Scheduler.review_card` is the reference, and costs about 6 µs an answer even with
a quick copy of its card (quiz.store.review.next_card): most of an old store's migration.
This module is the same arithmetic for the one scheduler quiz uses
(`quiz.store.review._scheduler`: one learning and one relearning step, no fuzzing, ratings
Again, Hard and Good), on a plain tuple instead of a Card: the same expressions in the same
order, so the same floats, bit for bit, and the same card once written as JSON.

`kit()` proves that on a fixed history of every state and rating, against the installed
fsrs, once per process; if they differ in anything (another fsrs, another scheduler) it
hands back fsrs itself: slower, never different.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from functools import cache
from typing import Any

from quiz.store import review

# (state: 1 learning, 2 review, 3 relearning; step; stability; difficulty; due; last review)
Card = tuple[int, int | None, float | None, float | None, dt.datetime | None, dt.datetime | None]
NEW: Card = (1, 0, None, None, None, None)
RATINGS = {"Again": 1, "Hard": 2, "Good": 3}

Advance = Callable[[Any, str, bool, dt.datetime], Any]
Finish = Callable[[Any], tuple[str, str]]


class Fast:
    """The scheduler's arithmetic with its parameters read once."""

    def __init__(self, scheduler: Any) -> None:
        self.p = tuple(scheduler.parameters)
        self.decay = -self.p[20]
        self.factor = 0.9 ** (1 / self.decay) - 1
        self.retention = scheduler.desired_retention
        self.maximum = scheduler.maximum_interval
        (self.learning,) = scheduler.learning_steps  # one step each: what this port knows
        (self.relearning,) = scheduler.relearning_steps
        # _initial_difficulty(Easy, clamp=False), which _next_difficulty works out each time
        self.easy_difficulty = self.p[4] - (math.e ** (self.p[5] * (4 - 1))) + 1

    def advance(self, card: Card | None, result: str, exact: bool, at: dt.datetime) -> Card:
        r = RATINGS[review.rating_name(result, exact)]
        state, step, s, d, _, last = card if card is not None else NEW
        days = (at - last).days if last else None
        if state == 2:
            assert s is not None and d is not None
            if days is not None and days < 1:
                s = self._short_term(s, r)
            else:
                s = self._next_stability(d, s, self._retrievability(last, s, at), r)
            d = self._next_difficulty(d, r)
            if r == 1:
                state, step, interval = 3, 0, self.relearning
            else:
                interval = dt.timedelta(days=self._interval(s))
        else:  # learning (1) or relearning (3): the same rules, each with its own step
            steps = self.learning if state == 1 else self.relearning
            assert step is not None
            if s is None or d is None:
                s = max(self.p[r - 1], 0.001)
                d = min(max(self.p[4] - (math.e ** (self.p[5] * (r - 1))) + 1, 1.0), 10.0)
            elif days is not None and days < 1:
                s, d = self._short_term(s, r), self._next_difficulty(d, r)
            else:
                s = self._next_stability(d, s, self._retrievability(last, s, at), r)
                d = self._next_difficulty(d, r)
            if r == 1:
                step, interval = 0, steps
            elif r == 2:
                interval = steps * 1.5 if step == 0 else steps
            else:  # Good on the last (only) step
                state, step, interval = 2, None, dt.timedelta(days=self._interval(s))
        return (state, step, s, d, at + interval, at)

    def _retrievability(self, last: dt.datetime | None, s: float, at: dt.datetime) -> float:
        if last is None or s is None:
            return 0
        elapsed = max(0, (at - last).days)
        return (1 + self.factor * elapsed / s) ** self.decay

    def _interval(self, s: float) -> int:
        days = (s / self.factor) * ((self.retention ** (1 / self.decay)) - 1)
        return min(max(round(days), 1), self.maximum)

    def _short_term(self, s: float, r: int) -> float:
        p = self.p
        increase = (math.e ** (p[17] * (r - 3 + p[18]))) * (s ** -p[19])
        if r in (2, 3):
            increase = max(increase, 1.0)
        return max(s * increase, 0.001)

    def _next_difficulty(self, d: float, r: int) -> float:
        p = self.p
        delta = -(p[6] * (r - 3))
        damped = d + (10.0 - d) * delta / 9.0
        return min(max(p[7] * self.easy_difficulty + (1 - p[7]) * damped, 1.0), 10.0)

    def _next_stability(self, d: float, s: float, retrievability: float, r: int) -> float:
        p = self.p
        if r == 1:
            long_term = (
                p[11]
                * (d ** -p[12])
                * (((s + 1) ** (p[13])) - 1)
                * (math.e ** ((1 - retrievability) * p[14]))
            )
            short_term = s / (math.e ** (p[17] * p[18]))
            following = min(long_term, short_term)
        else:
            hard_penalty = p[15] if r == 2 else 1
            easy_bonus = 1
            following = s * (
                1
                + (math.e ** (p[8]))
                * (11 - d)
                * (s ** -p[9])
                * ((math.e ** ((1 - retrievability) * p[10])) - 1)
                * hard_penalty
                * easy_bonus
            )
        return max(following, 0.001)

    @staticmethod
    def finish(card: Card) -> tuple[str, str]:
        """The card as the store keeps it: fsrs writes the JSON, so it is fsrs's own."""
        from fsrs import Card as FsrsCard
        from fsrs import State

        state, step, s, d, due, last = card
        return review.card_row(
            FsrsCard(
                card_id=1, state=State(state), step=step, stability=s, difficulty=d, due=due,
                last_review=last,
            )
        )  # fmt: skip


def history(seed: int = 2026, answers: int = 400) -> list[tuple[int, str, bool, dt.datetime]]:
    """Answers to a handful of facts at gaps from seconds to months, every result and
    tolerance: every state and branch of the scheduler is met."""
    rng = random.Random(seed)
    at = dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.UTC)
    out = []
    for _ in range(answers):
        gap = rng.choice([5, 40, 600, 3_000, 20_000, 90_000, 400_000, 3_000_000, 20_000_000])
        at += dt.timedelta(seconds=gap * rng.random())
        out.append(
            (rng.randrange(6), rng.choice(["right", "wrong", "partial"]), rng.random() < 0.8, at)
        )
    return out


def same_as_fsrs(fast: Fast, answers: list[tuple[int, str, bool, dt.datetime]]) -> bool:
    """Whether the port and fsrs give the same cards, as JSON, after every answer."""
    mine: dict[int, Any] = {}
    theirs: dict[int, Any] = {}
    for fact, result, exact, at in answers:
        mine[fact] = fast.advance(mine.get(fact), result, exact, at)
        theirs[fact] = review.next_card(theirs.get(fact), result, exact, at)
        if fast.finish(mine[fact]) != review.card_row(theirs[fact]):
            return False
    return True


@cache
def kit() -> tuple[Advance, Finish]:
    """(advance a card by an answer, the card as the store keeps it): the port when it gives
    fsrs's cards exactly, else fsrs itself."""
    try:
        fast = Fast(review._scheduler())
        if same_as_fsrs(fast, history()):
            return fast.advance, fast.finish
    except (ValueError, TypeError, AttributeError, ArithmeticError, AssertionError):
        pass  # a scheduler this port does not know
    return review.next_card, review.card_row
