"""A round's first question, drawn from memory (quiz.first_view) while the round is made.

`quiz play --seed S` with the same arguments as an earlier run shows its first question at
once, from what that run kept, without loading the pack or making the round first. It is
drawn as the play screen draws it (the same ids and styles, the same options widget and
keys), with the status line's words but not yet its progress bar. It is the app's default
screen (App.get_default_screen), so nothing is drawn before it. The round is made
meanwhile; the flow then puts the real play screen over this one. An answer given here is
kept and handed to the round, but only if the round's first question is the one that was
drawn (same prompt, same options, answered the same way); otherwise the round's question
is shown and the key is not taken for it. Escape or q leaves, as on the play screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.lang import N_
from quiz.tui.literal import literal
from quiz.tui.widgets.answers import AnswerList, Mode

if TYPE_CHECKING:
    from quiz.first_view import FirstView
    from quiz.question import Response


class FirstStatus(Static):
    """The status line's words, as StatusBar shows them (play.tcss), in one widget: the
    score in its style, three cells between labels; the bar comes with the round."""

    def __init__(self, view: FirstView) -> None:
        score = Content.styled(view.score, "$text-accent bold")
        gap = Content("   ")
        super().__init__(Content.assemble(score, gap, view.streak, gap, view.position))


class FirstQuestionScreen(Screen[None]):
    """The first question, until the round's own screen covers it (`left`: the player left
    before that, with Escape or q)."""

    CSS_PATH = "play.tcss"
    BINDINGS = [Binding("q,escape", "leave", N_("Leave round"))]

    def __init__(self, view: FirstView) -> None:
        super().__init__()
        self.view = view
        self.pending: Response | None = None  # an answer given here, for the round
        self.left = False

    def compose(self) -> ComposeResult:
        view = self.view
        yield FirstStatus(view)
        with VerticalScroll(id="body"):
            yield Static(literal(view.prompt), id="prompt")
            yield Static(view.hint, id="hint", markup=False)
            with Vertical(id="answer"):
                mode: Mode = view.mode  # type: ignore[assignment]  # checked when read
                yield AnswerList(view.options, mode, preselect=True, id="options")

    def on_mount(self) -> None:
        self.query_one(AnswerList).focus(scroll_visible=False)

    @on(AnswerList.Answered)
    def _answered(self, event: AnswerList.Answered) -> None:
        event.stop()
        if self.pending is None:  # one answer per question, as on the play screen
            self.pending = event.response

    def action_leave(self) -> None:
        """The app ends once the round is made (the flow finds `left`): until then it has
        nothing to close, and the round's making cannot be interrupted safely."""
        self.left = True
