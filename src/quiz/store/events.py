"""What the saver tells the front ends: saving paused, resumed, or a write refused for good.

A leaf module (dataclasses only), so the wording layer can name these without loading the
store.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paused:
    """Saving paused; `durable`: what waits is in the outbox file (else in memory only)."""

    reason: str
    durable: bool


@dataclass(frozen=True)
class Resumed:
    """Everything that waited is on the store."""


@dataclass(frozen=True)
class Dropped:
    """A write the store refused for good (it is not kept anywhere)."""

    reason: str


SaveEvent = Paused | Resumed | Dropped
