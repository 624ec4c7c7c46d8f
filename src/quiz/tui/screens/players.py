"""Choose who is playing, add a player, or rename, merge or delete one. Names are shown and
kept literally.

The screen only asks: it is dismissed with the name chosen, or with a `Manage` request
(rename, merge or delete the highlighted player), which the flow checks against the store,
confirms in a sentence that says what will change, carries out and then shows this screen
again. The list holds the players who play on this computer (quiz.store.players), not the
names a class's imported results brought in.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from quiz import words
from quiz.lang import N_
from quiz.limits import MAX_NAME
from quiz.services import check_name
from quiz.tui.literal import literal


@dataclass(frozen=True)
class Manage:
    """Rename, merge or delete `name` (`other`: the new name, or the player merged into)."""

    action: str
    name: str
    other: str = ""


class PlayersScreen(ModalScreen[str | Manage | None]):
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("f2", "manage('rename')", N_("Rename")),
        Binding("f3", "manage('merge')", N_("Merge")),
        Binding("delete", "manage('delete')", N_("Delete")),
    ]

    def __init__(self, names: list[str], current: str) -> None:
        super().__init__()
        self.names = names
        self.current = current
        self.pending: tuple[str, str] | None = None  # (rename or merge, whose), while typed

    def compose(self) -> ComposeResult:
        with Vertical(id="players"):
            yield Label(words.who_is_playing(), classes="title")
            options = [Option(literal(n), id=str(i)) for i, n in enumerate(self.names)]
            yield OptionList(*options, id="player-list")
            yield Label(words.player_keys(), id="player-keys")
            yield Label(words.or_a_new_player(), id="new-player-label")
            # not selected on focus: the first letter typed in the list is in it already
            yield Input(
                placeholder=words.name_then_enter(),
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

    def _highlighted(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        return self.names[index] if index is not None and self.names else None

    def action_manage(self, action: str) -> None:
        """Delete asks the flow at once (it confirms); rename and merge first take a name in
        the field below the list, whose label says what it is for."""
        name = self._highlighted()
        if name is None:
            return
        if action == "delete":
            self.dismiss(Manage("delete", name))
            return
        self.pending = (action, name)
        label = words.rename_to(name) if action == "rename" else words.merge_into(name)
        self.query_one("#new-player-label", Label).update(literal(label))
        field = self.query_one("#new-player", Input)
        field.value = ""
        field.focus()

    def action_back(self) -> None:
        """Escape leaves a rename or merge half-typed first, then the screen."""
        if self.pending is None:
            self.dismiss(None)
            return
        self.pending = None
        self.query_one("#new-player-label", Label).update(words.or_a_new_player())
        self.query_one("#new-player", Input).value = ""
        self.query_one(OptionList).focus()

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
        if self.pending is not None:
            action, whose = self.pending
            self.dismiss(Manage(action, whose, name))
            return
        self.dismiss(name)
