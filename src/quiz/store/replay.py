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

Advance = Callable[[Any, str, bool, dt.datetime], Any]
Finish = Callable[[Any], tuple[str, str]]


class Fast:
    """The scheduler's arithmetic with its parameters read once, and every term that depends
    only on them (or on the rating) worked out once: the same operations on the same values,
    so the same floats. Python's max(a, b) is `b if a < b else a` and min(a, b) is `b if
    a > b else a`; the clamps below are written that way."""

    def __init__(self, scheduler: Any) -> None:
        p = self.p = tuple(scheduler.parameters)
        self.decay = -p[20]
        self.factor = 0.9 ** (1 / self.decay) - 1
        self.maximum = scheduler.maximum_interval
        (self.learning,) = scheduler.learning_steps  # one step each: what this port knows
        (self.relearning,) = scheduler.relearning_steps
        self.hard_step = self.learning * 1.5, self.relearning * 1.5
        # _next_interval: (s / factor) * this
        self.interval_scale = (scheduler.desired_retention ** (1 / self.decay)) - 1
        # _next_difficulty: p7 · _initial_difficulty(Easy, clamp=False) + (1 − p7) · damped
        self.reverted = p[7] * (p[4] - (math.e ** (p[5] * (4 - 1))) + 1)
        self.kept = 1 - p[7]
        self.delta = {r: -(p[6] * (r - 3)) for r in (1, 2, 3)}
        # _short_term_stability: gain(r) · s^-p19
        self.short_gain = {r: math.e ** (p[17] * (r - 3 + p[18])) for r in (1, 2, 3)}
        self.recall_gain = math.e ** (p[8])
        self.forget_short = math.e ** (p[17] * p[18])
        # _initial_stability and _initial_difficulty (clamped)
        self.first = {r: (self._s(p[r - 1]), self._d(p[4] - (math.e ** (p[5] * (r - 1))) + 1))
                      for r in (1, 2, 3)}  # fmt: skip

    @staticmethod
    def _s(s: float) -> float:
        return 0.001 if s < 0.001 else s

    @staticmethod
    def _d(d: float) -> float:
        d = 1.0 if d < 1.0 else d
        return 10.0 if d > 10.0 else d

    def advance(self, card: Card | None, result: str, exact: bool, at: dt.datetime) -> Card:
        # review.rating_name, as numbers (Again 1, Hard 2, Good 3); kit() checks they agree
        r = 1 if result == "wrong" else 2 if result == "partial" or not exact else 3
        state, step, s, d, _, last = card if card is not None else NEW
        if s is None or d is None:  # a new card (learning, step 0)
            s, d = self.first[r]
        else:
            assert last is not None
            days = (at - last).days
            if days < 1:
                increase = self.short_gain[r] * (s ** -self.p[19])
                if r != 1:
                    increase = 1.0 if increase < 1.0 else increase
                s = s * increase
            else:
                s = self._next_stability(d, s, (1 + self.factor * days / s) ** self.decay, r)
            s = 0.001 if s < 0.001 else s
            damped = d + (10.0 - d) * self.delta[r] / 9.0
            d = self._d(self.reverted + self.kept * damped)
        if state == 2:
            if r == 1:
                return (3, 0, s, d, at + self.relearning, at)
        elif r == 1:
            steps = self.learning if state == 1 else self.relearning
            return (state, 0, s, d, at + steps, at)
        elif r == 2:
            assert step is not None
            if step == 0:
                interval = self.hard_step[0] if state == 1 else self.hard_step[1]
            else:
                interval = self.learning if state == 1 else self.relearning
            return (state, step, s, d, at + interval, at)
        days_next = round((s / self.factor) * self.interval_scale)
        days_next = 1 if days_next < 1 else days_next
        days_next = self.maximum if self.maximum < days_next else days_next
        return (2, None, s, d, at + dt.timedelta(days=days_next), at)

    def _next_stability(self, d: float, s: float, retrievability: float, r: int) -> float:
        p = self.p
        if r == 1:
            long_term = (
                p[11]
                * (d ** -p[12])
                * (((s + 1) ** (p[13])) - 1)
                * (math.e ** ((1 - retrievability) * p[14]))
            )
            short_term = s / self.forget_short
            return short_term if short_term < long_term else long_term
        growth = (
            self.recall_gain
            * (11 - d)
            * (s ** -p[9])
            * ((math.e ** ((1 - retrievability) * p[10])) - 1)
        )
        if r == 2:
            growth = growth * p[15]
        return s * (1 + growth)

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
