"""The whole source, scrolled to the passage, the passage highlighted. A bar above it keeps
the source's title and where the reader is (paragraph 3 of 12, and the quote's paragraph)
in sight however far it scrolls: scrolled to the passage, the title at the top of the text
is out of view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quiz import words
from quiz.lang import N_
from quiz.packs.model import Pack, Quote
from quiz.packs.quotes import paragraphs
from quiz.tui.literal import literal
from quiz.tui.widgets.footer import QuizFooter
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
    BINDINGS = [Binding("escape,s,q,enter", "app.pop_screen", N_("Back to the game"))]

    def __init__(self, pack: Pack, quote: Quote) -> None:
        super().__init__()
        self.source = pack.sources[quote.source]
        self.quote = quote

    def compose(self) -> ComposeResult:
        s = self.source
        byline = s.publisher + (f", {s.date}" if s.date else "")
        yield Static(id="source-bar", markup=False)
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
        yield QuizFooter()

    def on_mount(self) -> None:
        target = self.query(".quoted").first()
        article = self.query_one("#article", VerticalScroll)
        self.show_position()
        self.watch(article, "scroll_y", lambda _: self.show_position(), init=False)
        self.call_after_refresh(lambda: article.scroll_to_widget(target, animate=False, top=True))

    def blocks(self) -> list[Static]:
        return list(self.query(".para, .heading").results(Static))

    def position(self) -> tuple[int, int, int]:
        """(the first paragraph in view, how many there are, the quote's), from 1."""
        blocks = self.blocks()
        top = self.query_one("#article", VerticalScroll).scroll_y
        shown = next(
            (i for i, b in enumerate(blocks, 1) if b.virtual_region.bottom > top), len(blocks)
        )
        quoted = next((i for i, b in enumerate(blocks, 1) if b.has_class("quoted")), 0)
        return shown, len(blocks), quoted

    def show_position(self) -> None:
        shown, total, quoted = self.position()
        where = words.source_position(shown, total, quoted)
        self.query_one("#source-bar", Static).update(literal(f"{self.source.title} · {where}"))
