"""A quote shown inside its paragraph with the quoted words highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quiz.packs.model import Pack, Quote
from quiz.packs.quotes import in_context
from quiz.tui.literal import literal

HIGHLIGHT = "bold reverse"


def highlighted(text: str, start: int, end: int) -> Content:
    """Literal text (never markup: pack text is untrusted) with one span highlighted."""
    return literal(text).stylize(HIGHLIGHT, start, end)


class Passage(Static):
    """The paragraph holding a quote; the quote itself stands out."""

    def __init__(self, pack: Pack, quote: Quote, **kwargs: object) -> None:
        text, start, end = in_context(pack.sources[quote.source].text, quote.start, quote.end)
        super().__init__(highlighted(text, start, end), **kwargs)  # type: ignore[arg-type]
