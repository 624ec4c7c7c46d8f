"""The whole source, scrolled to the passage, the passage highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.packs.model import Pack, Quote
from quiz.packs.quotes import paragraphs
from quiz.tui.literal import literal
from quiz.tui.widgets.passage import highlighted


def is_heading(block: str) -> bool:
    """A short block with no closing punctuation reads as a heading (as the sentence
    splitter in quiz.packs.quotes treats it)."""
    return (
        len(block) < 120
        and "\n" not in block
        and not block.rstrip().endswith((".", "!", "?", "”", '"'))
    )


class SourceScreen(Screen[None]):
    BINDINGS = [Binding("escape,s,q,enter", "app.pop_screen", "Back to the game")]

    def __init__(self, pack: Pack, quote: Quote) -> None:
        super().__init__()
        self.source = pack.sources[quote.source]
        self.quote = quote

    def compose(self) -> ComposeResult:
        s = self.source
        byline = s.publisher + (f", {s.date}" if s.date else "")
        with VerticalScroll(id="article"):
            yield Static(literal(s.title), classes="source-title")
            yield Static(literal(byline), classes="byline")
            for para in paragraphs(s.text):
                start = max(self.quote.start, para.start) - para.start
                end = min(self.quote.end, para.end) - para.start
                body = s.text[para.start : para.end]
                holds = para.start < self.quote.end and self.quote.start < para.end
                content = highlighted(body, start, end) if holds else highlighted(body, 0, 0)
                kind = "heading" if is_heading(body) else "para"
                yield Static(content, classes=f"{kind} quoted" if holds else kind)
        yield Footer()

    def on_mount(self) -> None:
        target = self.query(".quoted").first()
        self.call_after_refresh(
            lambda: self.query_one("#article").scroll_to_widget(target, animate=False, top=True)
        )
