"""Pausing Python's cycle collector around work that builds many small acyclic objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Parsing a pack and building every question of one make many small objects kept to the
    end and free of cycles: the collector walking the growing heap again and again costs more
    than the work and finds nothing to free (it made both grow faster than the pack)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
