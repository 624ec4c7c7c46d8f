"""A quote shown inside its paragraph with the quoted words highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quiz.round import views
from quiz.tui.literal import literal

HIGHLIGHT = "bold reverse"


def highlighted(text: str, start: int, end: int) -> Content:
    """Literal text (never markup: pack text is untrusted) with one span highlighted."""
    return literal(text).stylize(HIGHLIGHT, start, end)


class Passage(Static):
    """The paragraph holding a quote; the quote itself stands out."""

    def __init__(self, passage: views.Passage, **kwargs: object) -> None:
        highlight = highlighted(passage.paragraph, passage.start, passage.end)
        super().__init__(highlight, **kwargs)  # type: ignore[arg-type]
