"""Small dialogs: a yes/no question, confirm leaving, the rules, and 'terminal too small'."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.events import Key
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Static

from quiz.lang import N_, _
from quiz.tui.literal import literal

MIN_SIZE = (60, 18)  # the smallest screen the game is drawn on (columns, rows)


class Confirm(ModalScreen[bool]):
    """A yes/no question; y or Enter on the first button says yes, n or Escape says no."""

    BINDINGS = [
        Binding("escape,n", "dismiss(False)", N_("No")),
        Binding("y", "dismiss(True)", N_("Yes")),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Grid(id="confirm"):
            yield Label(literal(self.question), id="confirm-question")
            yield Button(f"{self.yes} (y)", variant="error", id="yes")
            yield Button(f"{self.no} (n)", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class ConfirmQuit(Confirm):
    """Asked before leaving a round, or quitting, once answers are given (in an exam, always:
    leaving hands the paper in, quitting leaves the sitting open to be resumed)."""

    def __init__(self, quit_app: bool = False, exam: bool = False) -> None:
        if exam and quit_app:
            super().__init__(
                _(
                    "Quit quiz? Your answers are kept and the sitting stays open: sit the same "
                    "paper again to resume it. Its clock keeps running."
                ),
                _("Quit"),
                _("Keep going"),
            )
        elif exam:
            super().__init__(
                _(
                    "Hand in your paper now? Questions not answered are left blank and score "
                    "nothing, and a paper is sat only once."
                ),
                _("Hand in"),
                _("Keep going"),
            )
        elif quit_app:
            super().__init__(
                _("Quit quiz in the middle of the round? Your answers so far are kept."),
                _("Quit"),
                _("Keep playing"),
            )
        else:
            super().__init__(
                _("Leave the round? Your answers so far are kept."), _("Leave"), _("Keep playing")
            )


class Choose(ModalScreen[str | None]):
    """A question with a few answers, one button each (1, 2, … press them); Escape answers
    None."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Back"))]

    def __init__(self, question: str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question, self.answers = question, answers

    def compose(self) -> ComposeResult:
        with Grid(id="choose"):
            yield Label(literal(self.question), id="choose-question")
            for i, (label, value) in enumerate(self.answers, 1):
                yield Button(literal(f"{label} ({i})"), id=f"choose-{value}", compact=True)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_key(self, event: Key) -> None:
        if event.character and event.character.isdigit():
            i = int(event.character) - 1
            if 0 <= i < len(self.answers):
                event.stop()
                self.dismiss(self.answers[i][1])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choose-"))


class HelpScreen(ModalScreen[None]):
    """The rules and keys, from help.md."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", N_("Close"))]

    def compose(self) -> ComposeResult:
        from importlib import resources  # only when asked for, like the Markdown below

        from textual.widgets import Markdown  # markdown-it and friends: only when asked for

        from quiz.lang import language

        # help.md, or its translation beside it (help.lt.md) in the interface's language
        folder = resources.files("quiz.tui")
        page = folder.joinpath(f"help.{language()}.md")
        text = (page if page.is_file() else folder.joinpath("help.md")).read_text(encoding="utf-8")
        with VerticalScroll(id="help"):
            yield Markdown(text)


class TooSmall(Screen[None]):
    """Shown instead of the game while the terminal is smaller than the game needs. Escape
    and Ctrl+Q quit from here too (asking first in the middle of a round)."""

    BINDINGS = [Binding("escape", "app.quit", N_("Quit"))]
    # Its own styles: it may be the first thing drawn, before any stylesheet but the first
    # screen's is read (see first.tcss).
    DEFAULT_CSS = """
    TooSmall { align: center middle; }
    #too-small { width: auto; max-width: 100%; text-align: center; color: $text-warning; }
    #too-small:light { color: $foreground; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small")

    def on_mount(self) -> None:
        self.update_message()

    def on_resize(self) -> None:
        self.update_message()

    def on_screen_resume(self) -> None:
        """Back on top after a dialog that was opened over it (Esc's "quit?"): the terminal
        may have grown meanwhile, and the resize then went to the dialog (play-test)."""
        self.app.call_after_refresh(self.app.guard_size)  # type: ignore[attr-defined]

    def update_message(self) -> None:
        w, h = self.app.size
        shown = self.query("#too-small")  # a resize can come before the notice is composed
        if not shown:
            return
        # short lines: the notice is read on the small screen it complains about (40 wide)
        shown.first(Static).update(
            _(
                "The terminal is too small ({size}).\nMake it at least {least},\n"
                "or press Esc to quit."
            ).format(size=f"{w}×{h}", least=f"{MIN_SIZE[0]}×{MIN_SIZE[1]}")
        )
