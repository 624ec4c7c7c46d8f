"""Time, passed in: a monotonic clock for durations and a wall clock for timestamps.

The session, the store and the review scheduler take a Clock so tests can run
weeks of reviews, a speed bonus or an expiring exam without sleeping.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now(self) -> dt.datetime:
        """Timezone-aware UTC."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class ManualClock:
    """A clock a test (or a simulation) moves by hand; both readings move together."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._now = start or dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)
        self._mono = 1000.0

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> dt.datetime:
        return self._now

    def tick(self, seconds: float) -> None:
        self._mono += seconds
        self._now += dt.timedelta(seconds=seconds)

    def advance(self, **delta: float) -> None:
        self.tick(dt.timedelta(**delta).total_seconds())
