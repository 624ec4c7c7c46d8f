"""The whole article, scrolled to the passage, the passage highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.packs.model import Pack, Quote
from quiz.packs.quotes import paragraphs
from quiz.tui.widgets.passage import highlighted


class SourceScreen(Screen[None]):
    BINDINGS = [Binding("escape,s,q,enter", "app.pop_screen", "Back to the game")]

    def __init__(self, pack: Pack, quote: Quote) -> None:
        super().__init__()
        self.source = pack.sources[quote.source]
        self.quote = quote

    def compose(self) -> ComposeResult:
        s = self.source
        byline = f"{s.title}\n{s.publisher}" + (f", {s.date}" if s.date else "")
        with VerticalScroll(id="article"):
            yield Static(byline, classes="byline", markup=False)
            for para in paragraphs(s.text):
                start = max(self.quote.start, para.start) - para.start
                end = min(self.quote.end, para.end) - para.start
                body = s.text[para.start : para.end]
                holds = para.start < self.quote.end and self.quote.start < para.end
                content = highlighted(body, start, end) if holds else highlighted(body, 0, 0)
                yield Static(content, classes="para quoted" if holds else "para")
        yield Footer()

    def on_mount(self) -> None:
        target = self.query(".quoted").first()
        self.call_after_refresh(
            lambda: self.query_one("#article").scroll_to_widget(target, animate=False, top=True)
        )
