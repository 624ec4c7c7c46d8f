"""End of round: score, accuracy, best streak, results per topic, the missed questions."""

from __future__ import annotations

import random

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from quiz.present import answer_text
from quiz.session import Session


class SummaryScreen(Screen[None]):
    BINDINGS = [
        Binding("r", "retry", "Retry missed"),
        Binding("n", "again", "Play again"),
        Binding("q,escape", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session.summary()
        seed = f" · seed {self.session.seed}" if self.session.seed is not None else ""
        with VerticalScroll(id="summary"):
            yield Static("Round over", classes="title")
            yield Static(
                f"Score {s.score} · {s.right} of {s.asked} right ({100 * s.accuracy:.0f} %) · "
                f"best streak {s.best_streak}{seed}",
                id="totals",
                markup=False,
            )
            table: DataTable[str] = DataTable(id="topics", cursor_type="none", zebra_stripes=True)
            table.add_columns("Topic", "Right", "Asked")
            for t in s.topics:
                # Rich Text: literal (a str cell would be parsed as markup) and, unlike
                # Content, measured by DataTable, so long topic names are not cut.
                table.add_row(Text(t.topic), str(t.right), str(t.asked))  # type: ignore[arg-type]
            yield table
            if s.missed:
                yield Static(f"Missed ({len(s.missed)})", classes="title")
            for o in s.missed:
                q = o.question
                yield Static(
                    Content(
                        f"• {q.prompt}\n  Answer: {answer_text(q)}\n  The article: “{q.quote.text}”"
                    ),
                    classes="missed",
                )
            keys = (
                "r: retry the missed · n: play again · q: quit"
                if s.missed
                else "n: play again · q: quit"
            )
            yield Static(keys, classes="hint")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.session.summary().missed)
        if action == "again":
            return self.session.spec is not None
        return True

    def action_retry(self) -> None:
        from quiz.tui.screens.play import PlayScreen

        self.app.switch_screen(PlayScreen(self.session.retry_missed()))

    def action_again(self) -> None:
        from quiz.tui.screens.play import PlayScreen

        assert self.session.spec is not None
        seed = random.SystemRandom().randrange(10**6)
        self.app.switch_screen(PlayScreen(self.session.spec.start(seed)))
