"""End of round: score, accuracy, personal best and the pack's top five, results per topic,
the missed questions. Dismissed with what the player wants next; the flow does it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz import words
from quiz.lang import N_
from quiz.round.viewing import summary_view
from quiz.rounds import Standing
from quiz.session import Session
from quiz.tui.host import AfterRound
from quiz.tui.literal import literal, literal_cell
from quiz.tui.widgets.footer import QuizFooter


class SummaryScreen(Screen[AfterRound]):
    """Dismissed with what the player wants next. The keys that leave are the same wherever
    the round started (the home screen or `quiz play`): h and Escape go to the home screen,
    q quits. (A play-test found q going home after one round and quitting after another.)"""

    BINDINGS = [
        Binding("r", "choose('retry')", N_("Retry missed")),
        Binding("n", "choose('again')", N_("Play again")),
        Binding("t", "choose('stats')", N_("Stats")),
        Binding("h,escape", "choose('home')", N_("Home"), key_display="h"),
        Binding("q", "choose('quit')", N_("Quit")),
    ]

    def __init__(self, session: Session, standing: Standing | None) -> None:
        super().__init__()
        self.session = session
        self.standing = standing

    def compose(self) -> ComposeResult:
        view = summary_view(self.session)
        with VerticalScroll(id="summary"):
            yield Static(words.summary_title(view), classes="title", markup=False)
            yield Static(words.totals(view), id="totals", markup=False)
            yield from self._standing(view.score)
            table: DataTable[str] = DataTable(id="topics", cursor_type="none", zebra_stripes=True)
            table.add_columns(*words.topic_columns())
            for t in view.topics:
                # Rich Text: literal (a str cell would be parsed as markup) and, unlike
                # Content, measured by DataTable, so long topic names are not cut.
                table.add_row(literal_cell(t.topic), str(t.right), str(t.asked))  # type: ignore[arg-type]
            yield table
            if view.topics_overlap:
                yield Static(words.topics_note(), classes="hint", markup=False)
            if view.missed:
                yield Static(words.missed_title(len(view.missed)), classes="title", markup=False)
            for lines in words.missed(view):
                # The bullet in a column of its own: wrapped lines keep their indent.
                with Horizontal(classes="missed"):
                    yield Static("•", classes="bullet")
                    yield Static(literal("\n".join(lines)), classes="missed-text")
        yield QuizFooter()

    def _standing(self, score: int) -> ComposeResult:
        st = self.standing
        if st is None:
            return
        line = words.best(st.counts, st.is_best, st.best_before)
        if line:
            yield Static(literal(line), id="best", classes="best" if st.is_best else "")
        if st.top:
            rows = words.top((t.player, t.score) for t in st.top)
            yield Static(
                literal(words.top_title(st.speed) + "\n" + "\n".join(rows)),
                id="top",
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("retry",):
            return bool(self.session.summary().missed)
        return True

    def action_choose(self, what: str) -> None:
        self.dismiss(AfterRound(what))
