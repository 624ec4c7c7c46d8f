"""Text from a pack, a player or a file, made ready for the screen: never markup, and no
control character that the terminal could obey (see quiz.safe)."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from quiz.safe import visible


def literal(text: str) -> Content:
    return Content(visible(text))


def literal_cell(text: str) -> Text:
    """For DataTable cells: Rich Text is literal and, unlike Content, measured by the table."""
    return Text(visible(text))
