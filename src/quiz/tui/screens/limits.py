"""The daily limits of the player, changed from the home screen (Ctrl+L): how many new facts
and reviews a day review rounds bring. The same setting as `quiz limits`, kept with the
player in the store."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from quiz import words
from quiz.daily import Limits
from quiz.limits import MAX_PER_DAY


class LimitsScreen(ModalScreen[Limits | None]):
    """Two numbers and Save; Enter in either field saves, Escape keeps the limits as they
    were."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Back")]

    def __init__(self, limits: Limits) -> None:
        super().__init__()
        self.limits = limits

    def compose(self) -> ComposeResult:
        with Vertical(id="limits"):
            yield Label(words.limits_title(), id="limits-title")
            for label, value, name in (
                (words.limits_new_label(), self.limits.new, "limit-new"),
                (words.limits_reviews_label(), self.limits.reviews, "limit-reviews"),
            ):
                with Horizontal(classes="limit"):
                    yield Label(label)
                    yield Input(str(value), type="integer", id=name, max_length=4, compact=True)
            with Horizontal(id="limits-buttons"):
                yield Button(words.save_label(), variant="primary", id="limits-save")
                yield Button(words.back_label(), id="limits-back")

    def on_mount(self) -> None:
        self.query_one("#limit-new", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#limits-save")
    def _save(self) -> None:
        chosen = []
        for field in ("#limit-new", "#limit-reviews"):
            text = self.query_one(field, Input).value.strip()
            if not text.isdigit() or int(text) > MAX_PER_DAY:
                self.notify(words.limit_must_be(MAX_PER_DAY), severity="warning", markup=False)
                self.query_one(field, Input).focus()
                return
            chosen.append(int(text))
        self.dismiss(Limits(*chosen))

    @on(Button.Pressed, "#limits-back")
    def _back(self) -> None:
        self.dismiss(None)
