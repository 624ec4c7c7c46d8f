"""The cyclic garbage collector paused while questions are built.

A generation makes hundreds of thousands of short-lived objects (candidate values, folded
strings, refusals), nearly all freed by reference counting the moment they are dropped;
the collector's young passes over them found little and were about a twentieth of building
every question of the bundled pack (`benchmarks/bench_load.py --only generate`: 52 ms with
it running, 49–50 ms paused, the same run). Paused, not off: whatever cycles a build leaves
are collected after it, and a collector someone else paused stays paused.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def collector_paused(build: Callable[P, R]) -> Callable[P, R]:
    @wraps(build)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return build(*args, **kwargs)
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            gc.enable()

    return paused
