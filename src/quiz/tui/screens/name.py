"""The first screen of a served browser tab: who is playing? The name is checked like any
name (quiz.services.check_name: no control characters, at most MAX_NAME characters) and
shown literally, never as markup."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from quiz.lang import _
from quiz.limits import MAX_NAME
from quiz.services import check_name
from quiz.tui.literal import literal
from quiz.tui.widgets.footer import QuizFooter


class NameScreen(Screen[str]):
    """Dismissed with the player's name, checked."""

    def __init__(self, paper: str | None = None) -> None:
        super().__init__()
        self.paper = paper

    def compose(self) -> ComposeResult:
        then = (
            _("Then the paper {code} starts.").format(code=self.paper)
            if self.paper
            else _("Then choose a pack and start a round.")
        )
        # Not a scrolling container: that would take the focus from the name when the player
        # clicks into the page (in a browser, the first thing most do), and the keys with it.
        with Vertical(id="name-box"):
            yield Static(_("quiz — learn from the source, every answer quoted"), classes="title")
            yield Static(_("Who is playing? Type your name, then Enter."), id="name-ask")
            yield Input(placeholder=_("your name"), id="name", max_length=MAX_NAME)
            yield Static("", id="name-problem", classes="warning", markup=False)
            yield Static(
                literal(
                    then
                    + " "
                    + _(
                        "Your answers are kept under this name on this server: type the "
                        "same name next time to carry on where you left off."
                    )
                ),
                classes="hint",
            )
        yield QuizFooter()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _named(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            name = check_name(event.value)
        except ValueError as exc:
            self.query_one("#name-problem", Static).update(f"{str(exc).capitalize()}.")
            return
        self.dismiss(name)
