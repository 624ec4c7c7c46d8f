"""End of round: score, accuracy, personal best and the pack's top five, results per topic,
the missed questions. Dismissed with what the player wants next; the flow does it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from quiz.present import TOPICS_NOTE, answer_text, noun_of
from quiz.rounds import Standing
from quiz.session import Session
from quiz.tui.literal import literal, literal_cell


class SummaryScreen(Screen[str]):
    """Dismissed with "retry", "again", "stats", "home" or "quit"."""

    BINDINGS = [
        Binding("r", "choose('retry')", "Retry missed"),
        Binding("n", "choose('again')", "Play again"),
        Binding("t", "choose('stats')", "Stats"),
        Binding("h", "choose('home')", "Home"),
        Binding("q,escape", "leave", "Quit"),
    ]

    LEAVE = "quit"  # what q and Escape do

    def __init__(self, session: Session, standing: Standing | None) -> None:
        super().__init__()
        self.session = session
        self.standing = standing

    def compose(self) -> ComposeResult:
        s = self.session.summary()
        spec = self.session.spec
        title = "Review over" if spec.mode == "review" else "Round over"
        with VerticalScroll(id="summary"):
            yield Static(title, classes="title")
            yield Static(
                f"Score {s.score} · {s.right} of {s.asked} right ({100 * s.accuracy:.0f}%) · "
                f"best streak {s.best_streak} · seed {spec.seed}",
                id="totals",
                markup=False,
            )
            yield from self._standing(s.score)
            table: DataTable[str] = DataTable(id="topics", cursor_type="none", zebra_stripes=True)
            table.add_columns("Topic", "Right", "Asked")
            for t in s.topics:
                # Rich Text: literal (a str cell would be parsed as markup) and, unlike
                # Content, measured by DataTable, so long topic names are not cut.
                table.add_row(literal_cell(t.topic), str(t.right), str(t.asked))  # type: ignore[arg-type]
            yield table
            if sum(t.asked for t in s.topics) > s.asked:
                yield Static(f"({TOPICS_NOTE}.)", classes="hint")
            if s.missed:
                yield Static(f"Missed ({len(s.missed)})", classes="title")
            for o in s.missed:
                q = o.question
                # The bullet in a column of its own: wrapped lines keep their indent.
                with Horizontal(classes="missed"):
                    yield Static("•", classes="bullet")
                    yield Static(
                        literal(
                            f"{q.prompt}\nYou answered: {o.response_text}\n"
                            f"Answer: {answer_text(q)}\n"
                            f"The {noun_of(self.session.pack, q.quote)}: “{q.quote.text}”"
                        ),
                        classes="missed-text",
                    )
        yield Footer()

    def _standing(self, score: int) -> ComposeResult:
        st = self.standing
        if st is None:
            return
        line = st.best_line(score)
        if line:
            yield Static(literal(line), id="best", classes="best" if st.is_best else "")
        if st.top:
            rows = [f"{i}. {t.player} — {t.score}" for i, t in enumerate(st.top, 1)]
            yield Static(
                literal("Top scores on this computer (rounds of this length):\n" + "\n".join(rows)),
                id="top",
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("retry",):
            return bool(self.session.summary().missed)
        return True

    def action_choose(self, what: str) -> None:
        self.dismiss(what)

    def action_leave(self) -> None:
        self.dismiss(self.LEAVE)


class HomeSummaryScreen(SummaryScreen):
    """The summary of a round started from the home screen: q and Escape go back home (Ctrl+Q
    still quits)."""

    BINDINGS = [
        Binding("h", "choose('home')", "Home", show=False),  # q says it once in the footer
        Binding("q,escape", "leave", "Home"),
    ]
    LEAVE = "home"
