"""A one-line chart of shares (0 to 1), one character a value, on a fixed scale.

Textual's Sparkline scales to its data, so a single round at 0 % would draw a
full bar; accuracy needs an absolute scale: an empty round is low, a perfect
one is full, whatever came before.
"""

from __future__ import annotations

from collections.abc import Sequence

BARS = "▁▂▃▄▅▆▇█"


def bars(values: Sequence[float]) -> str:
    return "".join(BARS[round(max(0.0, min(1.0, v)) * (len(BARS) - 1))] for v in values)
