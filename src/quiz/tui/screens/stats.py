"""The stats screen: rounds played, accuracy over time, mastery per topic, the weakest facts
with their quotes, and the source shaded by how well the player knows each paragraph."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz import lang, words
from quiz.lang import N_, _, ngettext
from quiz.packs.model import Pack
from quiz.round.viewing import noun_of
from quiz.stats import Stats
from quiz.tui.literal import literal, literal_cell
from quiz.tui.widgets.chart import bars
from quiz.tui.widgets.footer import QuizFooter
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
        Binding("escape,q,t", "dismiss(None)", N_("Back")),
        Binding("y", "dismiss('history')", N_("History")),
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
                yield Static(_("No answers yet on this pack: play a round first."))
                yield QuizFooter()
                return
            yield Static(
                " · ".join(
                    [
                        ngettext("{n} round", "{n} rounds", p.rounds).format(n=p.rounds),
                        ngettext("{n} answer", "{n} answers", p.answers).format(n=p.answers),
                        _("{n} right ({percent})").format(
                            n=p.correct, percent=lang.percent(100 * p.correct / p.answers)
                        ),
                        p.due_words(self.now),
                    ]
                ),
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
                _("Accuracy per round, oldest first (▁ none right, █ all right)"), classes="label"
            )
            yield Static(
                bars([r.accuracy for r in p.history[-MAX_BARS:]]), id="history", markup=False
            )
            yield Static(_("Mastery by topic"), classes="title")
            table: DataTable[str] = DataTable(id="mastery", cursor_type="none", zebra_stripes=True)
            table.add_columns(_("Topic"), _("Level"), _("Facts met"), _("Right"))
            for t in p.topics:
                table.add_row(
                    literal_cell(t.topic),  # type: ignore[arg-type]
                    _(t.mastery),
                    _("{n} of {of}").format(n=t.attempted, of=t.facts),
                    lang.percent(100 * t.accuracy) if t.attempted else "–",
                )
            yield table
            if p.weakest:
                yield Static(_("Weakest facts"), classes="title")
            for w in p.weakest:
                # the bullet apart, as in the summary: wrapped lines keep their indent
                with Horizontal(classes="missed weak-fact"):
                    yield Static("•", classes="bullet")
                    yield Static(
                        literal(
                            _("{statement} ({n} of {of} right)\nThe {noun}: “{quote}”").format(
                                statement=w.statement,
                                n=w.rights,
                                of=w.attempts,
                                noun=noun_of(self.pack),
                                quote=w.quote,
                            )
                        ),
                        classes="missed-text",
                    )
            yield Static(
                literal(
                    _("The {noun}, shaded by how well you know it").format(noun=noun_of(self.pack))
                ),
                classes="title",
            )
            yield Static(words.shade_key(), classes="label", markup=False)
            for shade in p.shades:
                text = self.pack.sources[shade.source].text[shade.start : shade.end]
                yield Static(literal(text), classes=f"para shade-{shade_class(shade.accuracy)}")
        yield QuizFooter()
