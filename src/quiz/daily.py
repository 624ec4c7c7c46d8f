"""A player's daily limits and what today has used: the workload a review round keeps to, as
flashcard tools count it. Plain values (no store, no questions), so the wording layer and the
command line can name them without importing the scheduler."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from quiz.limits import MAX_PER_DAY, NEW_PER_DAY, REVIEWS_PER_DAY


@dataclass(frozen=True)
class Limits:
    """How much a player studies a day, on all packs together, as flashcard tools count it:
    facts met for the first time (new) and facts brought back (reviews). Anki's defaults:
    enough to learn a pack of this size in a few days without a pile of reviews later."""

    new: int = NEW_PER_DAY
    reviews: int = REVIEWS_PER_DAY

    @classmethod
    def of(cls, prefs: dict[str, Any]) -> Limits:
        """The limits a player set (kept in their prefs), each a whole number from 0 to 9999;
        anything else in the file is the default."""
        kept = prefs.get("limits")
        kept = kept if isinstance(kept, dict) else {}
        found = {
            name: value
            for name in ("new", "reviews")
            if isinstance(value := kept.get(name), int)
            and not isinstance(value, bool)
            and 0 <= value <= MAX_PER_DAY
        }
        return cls(**found)

    def to_prefs(self) -> dict[str, int]:
        return {"new": self.new, "reviews": self.reviews}


@dataclass(frozen=True)
class Today:
    """What the player has studied since the day began (local midnight): facts answered for
    the first time, and facts answered again in a review round."""

    new: int = 0
    reviews: int = 0

    def left(self, limits: Limits) -> Today:
        """What today's limits still allow."""
        return Today(max(0, limits.new - self.new), max(0, limits.reviews - self.reviews))


def day_start(now: dt.datetime) -> dt.datetime:
    """Midnight of the player's day (the computer's time zone), in UTC: where 'today' begins
    for the daily limits."""
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)
