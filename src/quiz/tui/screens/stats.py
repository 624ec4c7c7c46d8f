"""The stats screen: rounds played, accuracy over time, mastery per topic, the weakest facts
with their quotes, and the source shaded by how well the player knows each paragraph."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from quiz import words
from quiz.packs.model import Pack
from quiz.stats import Stats
from quiz.text import plural
from quiz.tui.literal import literal, literal_cell
from quiz.tui.widgets.chart import bars
from quiz.words import forecast_line, today_line

MAX_BARS = 90  # the latest rounds that fit on one line


def shade_class(accuracy: float | None) -> str:
    """Paragraph shading in four steps, so the colours come from the theme."""
    if accuracy is None:
        return "unseen"
    if accuracy < 0.5:
        return "weak"
    if accuracy < 0.8:
        return "fair"
    return "strong"


class StatsScreen(Screen[str | None]):
    """Dismissed with "history" to see the player's past rounds, else None (back)."""

    BINDINGS = [
        Binding("escape,q,t", "dismiss(None)", "Back"),
        Binding("y", "dismiss('history')", "History"),
    ]

    def __init__(self, stats: Stats, pack: Pack, now: dt.datetime) -> None:
        super().__init__()
        self.stats = stats
        self.pack = pack
        self.now = now  # when the stats were taken: "the next review in 8 minutes"

    def compose(self) -> ComposeResult:
        st = self.stats
        p = st.packs[0] if st.packs else None
        with VerticalScroll(id="stats"):
            yield Static(literal(f"{st.player} · {self.pack.title}"), classes="title")
            if p is None or not p.answers:
                yield Static("No answers yet on this pack: play a round first.")
                yield Footer()
                return
            yield Static(
                f"{plural(p.rounds, 'round')} · {plural(p.answers, 'answer')} · {p.correct} right "
                f"({100 * p.correct / p.answers:.0f}%) · {p.due_words(self.now)}",
                id="stats-totals",
                markup=False,
            )
            today = self.now.astimezone().date()
            yield Static(
                forecast_line(((d.date, d.due) for d in p.forecast), today),
                id="stats-forecast",
                markup=False,
            )
            yield Static(today_line(st.today, st.limits), id="stats-today", markup=False)
            yield Static(
                "Accuracy per round, oldest first (▁ none right, █ all right)", classes="label"
            )
            yield Static(
                bars([r.accuracy for r in p.history[-MAX_BARS:]]), id="history", markup=False
            )
            yield Static("Mastery by topic", classes="title")
            table: DataTable[str] = DataTable(id="mastery", cursor_type="none", zebra_stripes=True)
            table.add_columns("Topic", "Level", "Facts met", "Right")
            for t in p.topics:
                table.add_row(
                    literal_cell(t.topic),  # type: ignore[arg-type]
                    t.mastery,
                    f"{t.attempted} of {t.facts}",
                    f"{100 * t.accuracy:.0f}%" if t.attempted else "–",
                )
            yield table
            if p.weakest:
                yield Static("Weakest facts", classes="title")
            for w in p.weakest:
                # the bullet apart, as in the summary: wrapped lines keep their indent
                with Horizontal(classes="missed weak-fact"):
                    yield Static("•", classes="bullet")
                    yield Static(
                        literal(
                            f"{w.statement} ({w.rights} of {w.attempts} right)\n"
                            f"The {self.pack.noun}: “{w.quote}”"
                        ),
                        classes="missed-text",
                    )
            yield Static(
                literal(f"The {self.pack.noun}, shaded by how well you know it"), classes="title"
            )
            yield Static(words.shade_key(), classes="label", markup=False)
            for shade in p.shades:
                text = self.pack.sources[shade.source].text[shade.start : shade.end]
                yield Static(literal(text), classes=f"para shade-{shade_class(shade.accuracy)}")
        yield Footer()
