"""Small dialogs: confirm quitting, the rules, and 'terminal too small'."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Static


class ConfirmQuit(ModalScreen[bool]):
    """Asked before quitting in the middle of a round."""

    BINDINGS = [
        Binding("escape,n", "dismiss(False)", "Keep playing"),
        Binding("y,q", "dismiss(True)", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        with Grid(id="confirm"):
            yield Label(
                "Quit in the middle of the round? Your answers so far are not kept.",
                id="confirm-question",
            )
            yield Button("Quit (y)", variant="error", id="yes")
            yield Button("Keep playing (n)", variant="primary", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class HelpScreen(ModalScreen[None]):
    """The rules and keys, from help.md."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # markdown-it and friends: only when asked for

        text = resources.files("quiz.tui").joinpath("help.md").read_text(encoding="utf-8")
        with VerticalScroll(id="help"):
            yield Markdown(text)


class TooSmall(Screen[None]):
    """Shown instead of the game while the terminal is smaller than the game needs."""

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small")

    def on_mount(self) -> None:
        self.update_message()

    def on_resize(self) -> None:
        self.update_message()

    def update_message(self) -> None:
        from quiz.tui.app import MIN_SIZE

        w, h = self.app.size
        self.query_one("#too-small", Static).update(
            f"The terminal is too small ({w}×{h}).\nMake it at least {MIN_SIZE[0]}×{MIN_SIZE[1]}."
        )
