"""The home screen's form: the choices of a round, filled from the player's last ones.

Kept apart from the screen so its widgets (and their imports) come after the first frame.
"""

from __future__ import annotations

from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)

from quiz.kinds import KINDS
from quiz.limits import MAX_COUNT
from quiz.packs.model import Pack
from quiz.packs.registry import DEFAULT_PACK
from quiz.tui.lifecycle import being_removed
from quiz.tui.literal import literal
from quiz.tui.screens.home import HomeChoice, HomeData


class HomeForm(Vertical):
    def __init__(self, data: HomeData) -> None:
        super().__init__(id="home-form")
        self.data = data

    def compose(self) -> ComposeResult:
        packs = self.data.catalog.packs
        with Horizontal(classes="row", id="pack-row"):  # one line each: the form fits 80×24
            yield Label("Pack:", id="pack-label")
            yield Select[str](
                [(literal(p.title), p.id) for p in packs],
                id="pack",
                allow_blank=not packs,
                prompt="No packs found" if not packs else "Choose a pack",
                value=self._default_pack(),
                compact=True,
            )
        yield Static(id="pack-info", markup=False)
        # a grid, so that on a narrow screen Scoring moves under Mode (the screen's -narrow)
        with Grid(id="round-row"):
            with Vertical(id="mode-box"):
                yield Label("Mode")
                with RadioSet(id="mode", compact=True):
                    yield RadioButton("Practice", value=True, id="mode-practice")
                    yield RadioButton("Review what is due", id="mode-review")
            with Vertical(classes="small"):
                yield Label("Questions")
                yield Input("10", type="integer", id="count", max_length=3, compact=True)
            with Vertical(classes="small"):
                yield Label("Seed")
                yield Input(
                    placeholder="random",
                    type="integer",
                    id="seed",
                    max_length=18,
                    compact=True,
                    valid_empty=True,  # empty is a random seed, not a mistake
                )
            with Vertical(id="scoring"):
                yield Label("Scoring")
                yield Checkbox("Streak bonus", True, id="streak", compact=True)
                yield Checkbox("Speed bonus", False, id="speed", compact=True)
        with Horizontal(classes="row"):
            with Vertical():
                yield Label("Question kinds", id="kinds-label")
                yield SelectionList[str](
                    *((KINDS[k].label, k, True) for k in KINDS), id="kinds", compact=True
                )
            with Vertical():
                yield Label("Topics: all", id="topics-label")
                yield SelectionList[str](id="topics", compact=True)
        with Grid(id="paper-row"):  # on a narrow screen the report's button wraps
            with Horizontal(id="paper-field"):
                yield Label("Paper:", id="paper-label")
                yield Input(placeholder="code from your teacher", id="paper", compact=True)
            yield Button("Sit it (Ctrl+N)", id="do-paper", compact=True)
            if not self.data.served:  # the class's results are the teacher's, never a tab's
                yield Button("Class report (Ctrl+G)", id="do-report", compact=True)
        with Horizontal(classes="row buttons"):
            yield Button("Start (Ctrl+S)", variant="primary", id="do-start", compact=True)
            yield Button("Stats (Ctrl+R)", id="do-stats", compact=True)
            if not self.data.served:  # a browser tab is one player's
                yield Button("Player (Ctrl+O)", id="do-players", compact=True)

    def on_mount(self) -> None:
        if being_removed(self):  # its screen closed as it was drawn: its widgets never came
            return
        self._restore(self.data.prefs)
        self._show_pack()
        # Enter starts a round at once (after the screen's own first focus, which this beats);
        # a screen too short for the form still opens at its top, the pack and the mode
        start = self.query_one("#do-start", Button)
        if self.data.typed_paper is not None:  # a code that did not open: there to correct
            field = self.query_one("#paper", Input)
            field.value = self.data.typed_paper[:40]
            field.select_on_focus = False  # the cursor at its end: Backspace takes one character
            self.call_after_refresh(field.focus)
            return
        self.call_after_refresh(start.focus, scroll_visible=False)

    def _default_pack(self) -> str | Any:
        ids = [p.id for p in self.data.catalog.packs]
        wanted = self.data.prefs.get("pack")
        if wanted in ids:
            return wanted
        if DEFAULT_PACK in ids:
            return DEFAULT_PACK
        return ids[0] if ids else Select.BLANK

    def _restore(self, prefs: dict[str, Any]) -> None:
        count = prefs.get("count")
        if isinstance(count, int) and 1 <= count <= MAX_COUNT:
            self.query_one("#count", Input).value = str(count)
        kinds = prefs.get("kinds")
        if isinstance(kinds, list) and kinds:
            chooser = self.query_one("#kinds", SelectionList)
            chooser.deselect_all()
            for k in kinds:
                if k in KINDS:
                    chooser.select(k)
        if isinstance(prefs.get("paper"), str):
            self.query_one("#paper", Input).value = prefs["paper"][:40]
        if prefs.get("mode") == "review":
            self.query_one("#mode-review", RadioButton).value = True
        for key, box in (("streak_bonus", "#streak"), ("speed_bonus", "#speed")):
            if isinstance(prefs.get(key), bool):
                self.query_one(box, Checkbox).value = prefs[key]

    def pack(self) -> Pack | None:
        value = self.query_one("#pack", Select).value
        return self.data.catalog.find(value) if isinstance(value, str) else None

    @on(Select.Changed, "#pack")
    def _show_pack(self) -> None:
        if being_removed(self):  # a Changed queued as the form was taken down
            return
        pack = self.pack()
        topics = self.query_one("#topics", SelectionList)
        topics.clear_options()
        info = self.query_one("#pack-info", Static)
        if pack is None:
            info.update("No pack chosen.")
            return
        source = next(iter(pack.sources.values()))
        info.update(literal(f"{len(pack.facts)} facts · from “{source.title}”, {source.publisher}"))
        remembered = self.data.prefs.get("topics", [])
        remembered = remembered if pack.id == self.data.prefs.get("pack") else []
        topics.add_options([(literal(t), t, t in remembered) for t in pack.topics])
        self._show_ticks()

    @on(SelectionList.SelectedChanged)
    def _show_ticks(self) -> None:
        """The labels say what the ticks mean, so 'nothing ticked' is not a puzzle."""
        if being_removed(self):
            return
        topics = self.query_one("#topics", SelectionList)
        n, total = len(topics.selected), topics.option_count
        self.query_one("#topics-label", Label).update(
            "Topics: all" if n in (0, total) else f"Topics: {n} of {total}"
        )
        kinds = self.query_one("#kinds", SelectionList)
        k = len(kinds.selected)
        self.query_one("#kinds-label", Label).update(
            "Question kinds: all" if k == len(KINDS) else f"Question kinds: {k} of {len(KINDS)}"
        )

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """The buttons do what the screen's keys do (Ctrl+S, Ctrl+R, Ctrl+O)."""
        from quiz.tui.screens.home import HomeScreen

        screen = self.screen
        action = (event.button.id or "").removeprefix("do-")
        if isinstance(screen, HomeScreen) and action in (
            "start",
            "stats",
            "players",
            "paper",
            "report",
        ):
            getattr(screen, f"action_{action}")()

    @on(Input.Submitted, "#paper")
    def _sit(self, event: Input.Submitted) -> None:
        from quiz.tui.screens.home import HomeScreen

        event.stop()
        if isinstance(self.screen, HomeScreen):
            self.screen.action_paper()

    def paper_choice(self, action: Literal["paper", "report"]) -> HomeChoice | None:
        """The paper code typed, or None (with a notice) when there is none to sit; a class
        report without a code is the flow's to find (the one paper sat here, if one)."""
        field = self.query_one("#paper", Input)
        code = field.value.strip()
        if not code and action == "report":
            return HomeChoice(action)
        if not code:
            self.notify("Type the paper code first.", severity="warning")
            field.focus()
            return None
        return HomeChoice(action, paper=code)

    def choice(self, action: Literal["start", "stats"]) -> HomeChoice | None:
        """What the player chose, or None (with a notice) if it is not a round."""
        pack = self.pack()
        if pack is None:
            self.notify("Choose a pack first.", severity="warning")
            return None
        try:
            count = int(self.query_one("#count", Input).value)
        except ValueError:
            count = 0
        if not 1 <= count <= MAX_COUNT:
            self.notify(f"Questions: a number from 1 to {MAX_COUNT}.", severity="warning")
            return None
        seed_text = self.query_one("#seed", Input).value.strip()
        seed = int(seed_text) if seed_text.isdigit() else None
        if seed_text and seed is None:
            self.notify("Seed: a whole number, or empty for a random one.", severity="warning")
            return None
        kinds = tuple(self.query_one("#kinds", SelectionList).selected)
        if not kinds:
            self.notify("Choose at least one kind of question.", severity="warning")
            return None
        mode = "review" if self.query_one("#mode-review", RadioButton).value else "practice"
        return HomeChoice(
            action,
            pack.id,
            mode,
            count,
            kinds if set(kinds) != set(KINDS) else None,
            tuple(self.query_one("#topics", SelectionList).selected) or None,
            seed,
            self.query_one("#streak", Checkbox).value,
            self.query_one("#speed", Checkbox).value,
            self.query_one("#paper", Input).value.strip() or None,
        )
