"""History: the player's past rounds (date, pack, mode, questions, score), and one of them
opened: every question as it was asked, the answer given, the right answer and the quote.
The flow reads the store and opens a round (quiz.history); these screens only show."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz import words
from quiz.history import Opened, mode_of, when
from quiz.lang import N_
from quiz.store.records import PastRound
from quiz.tui.literal import literal, literal_cell
from quiz.tui.widgets.footer import QuizFooter


class HistoryScreen(Screen[int | None]):
    """Dismissed with the id of the round to open, or None to go back."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", N_("Back"))]

    def __init__(self, player: str, rows: list[PastRound], at: int | None = None) -> None:
        super().__init__()
        self.player = player
        self.rows = rows
        self.at = at  # the round opened last: the cursor goes back to it

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="history"):
            if not self.rows:
                yield Static(literal(words.history_empty(self.player)), id="history-title")
            else:
                yield Static(
                    literal(words.history_title(self.player)), id="history-title", classes="title"
                )
                table: DataTable[object] = DataTable(
                    id="rounds", cursor_type="row", zebra_stripes=True
                )
                table.add_columns(*words.history_columns())
                for r in self.rows:
                    table.add_row(
                        str(r.id),
                        when(r.started_at),
                        literal_cell(r.pack_id),
                        words.history_mode(mode_of(r)),
                        words.history_asked(r.answers, r.count),
                        words.history_score(r.score, r.right, r.answers),
                        key=str(r.id),
                    )
                yield table
        yield QuizFooter()

    def on_mount(self) -> None:
        if not self.rows:
            return
        table = self.query_one("#rounds", DataTable)
        ids = [r.id for r in self.rows]
        if self.at in ids:
            table.move_cursor(row=ids.index(self.at))
        table.focus()

    @on(DataTable.RowSelected, "#rounds")
    def _open(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        if key is not None:
            self.dismiss(int(key))


class PastRoundScreen(Screen[None]):
    """One past round: every question with the answer given, the right answer and the
    passages (the quoted words between » «), or why its questions cannot be shown."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", N_("Back"))]

    def __init__(self, opened: Opened) -> None:
        super().__init__()
        self.opened = opened

    def compose(self) -> ComposeResult:
        from quiz.classroom.review import mark_said

        o, r = self.opened, self.opened.round
        with VerticalScroll(id="past-round"):
            yield Static(
                literal(
                    words.history_round_heading(r.id, when(r.started_at), r.pack_id, mode_of(r))
                ),
                classes="title",
            )
            yield Static(literal(words.history_score(r.score, r.right, r.answers)), id="past-score")
            if o.unshown is not None or o.pack is None:
                kept = [
                    words.history_kept_answer(a.seq + 1, a.question_id, words.mark_result(a.result))
                    for a in o.kept
                ]
                yield Static(literal("\n".join([o.unshown or "", *kept])), id="past-unshown")
            else:
                for m in o.marks:
                    yield Static(literal(f"{m.number}. {m.question.prompt}"), classes="past-prompt")
                    yield Static(literal("\n".join(mark_said(o.pack, m))), classes="past-said")
        yield QuizFooter()
