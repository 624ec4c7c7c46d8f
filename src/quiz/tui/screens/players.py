"""Choose who is playing, or add a player. Names are shown and kept literally."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from quiz.limits import MAX_NAME
from quiz.services import check_name
from quiz.tui.literal import literal


class PlayersScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Back")]

    def __init__(self, names: list[str], current: str) -> None:
        super().__init__()
        self.names = names
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="players"):
            yield Label("Who is playing?", classes="title")
            options = [Option(literal(n), id=str(i)) for i, n in enumerate(self.names)]
            yield OptionList(*options, id="player-list")
            yield Label("Or a new player:")
            # not selected on focus: the first letter typed in the list is in it already
            yield Input(
                placeholder="name, then Enter",
                id="new-player",
                max_length=MAX_NAME,
                select_on_focus=False,
            )

    def on_mount(self) -> None:
        chooser = self.query_one(OptionList)
        if not self.names:
            self.query_one("#new-player", Input).focus()
            return
        if self.current in self.names:
            chooser.highlighted = self.names.index(self.current)
        chooser.focus()

    def on_key(self, event: events.Key) -> None:
        """Typing a name straight away goes into the new-player field (the list keeps the
        arrows and Enter): a letter typed into the list did nothing until Tab."""
        field = self.query_one("#new-player", Input)
        if field.has_focus or not event.is_printable or not event.character:
            return
        event.stop()
        event.prevent_default()
        field.focus()
        field.insert_text_at_cursor(event.character)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])

    @on(Input.Submitted, "#new-player")
    def _new(self, event: Input.Submitted) -> None:
        try:
            name = check_name(event.value)
        except ValueError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.dismiss(name)
