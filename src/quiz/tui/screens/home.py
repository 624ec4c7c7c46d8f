"""The home screen: who is playing, which pack, a mode, how many questions, which kinds and
topics. It only says what the player chose; the flow decides what happens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
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
from quiz.packs.registry import DEFAULT_PACK

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.packs.registry import Catalog

MODES = ("practice", "review")


@dataclass(frozen=True)
class HomeData:
    catalog: Catalog
    player: str
    prefs: dict[str, Any]
    problem: str | None = None


@dataclass(frozen=True)
class HomeChoice:
    action: Literal["start", "stats", "players"]
    pack: str | None = None
    mode: str = "practice"
    count: int = 10
    kinds: tuple[str, ...] | None = None
    topics: tuple[str, ...] | None = None

    def prefs(self) -> dict[str, Any]:
        """What the home screen remembers for the player next time."""
        return {
            "pack": self.pack,
            "mode": self.mode,
            "count": self.count,
            "kinds": list(self.kinds or ()),
            "topics": list(self.topics or ()),
        }


class HomeScreen(Screen[HomeChoice | None]):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", priority=True),
        Binding("ctrl+r", "stats", "Stats", priority=True),
        Binding("ctrl+o", "players", "Player", priority=True),
        Binding("escape", "leave", "Quit"),
    ]

    def __init__(self, data: HomeData | None) -> None:
        super().__init__()
        self.data: HomeData | None = None  # what the screen shows, once filled
        self._pending = data
        self._mounted = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home"):
            yield Static("quiz — learn from the source, every answer quoted", classes="title")
            yield Static("", id="player", markup=False)
            yield Static("", id="problems", classes="warning empty", markup=False)
            yield Label("Pack")
            yield Select[str]([], id="pack", allow_blank=True, prompt="Loading packs…")
            yield Static(id="pack-info", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Mode")
                    with RadioSet(id="mode"):
                        yield RadioButton("Practice", value=True, id="mode-practice")
                        yield RadioButton("Review what is due", id="mode-review")
                with Vertical():
                    yield Label("Questions")
                    yield Input("10", type="integer", id="count", max_length=3)
            yield Label("Question kinds")
            yield SelectionList[str](*((KINDS[k].label, k, True) for k in KINDS), id="kinds")
            yield Label("Topics (none selected: all)")
            yield SelectionList[str](id="topics")
            with Horizontal(classes="row"):
                yield Button("Start  (Ctrl+S)", variant="primary", id="start")
                yield Button("Stats  (Ctrl+R)", id="stats")
                yield Button("Player  (Ctrl+O)", id="players")
        yield Footer()

    def on_mount(self) -> None:
        self._mounted = True
        if self._pending is not None:
            self.call_after_refresh(self._fill, self._pending)

    def show_data(self, data: HomeData) -> None:
        """Fill the screen once packs and the player are known (they load off the UI thread,
        and may arrive before the screen's widgets are up: then on_mount fills it)."""
        self._pending = data
        if self._mounted:
            self.call_after_refresh(self._fill, data)

    def _fill(self, data: HomeData) -> None:
        self.data = data
        self.query_one("#player", Static).update(f"Player: {data.player}")
        problems = []
        if data.catalog.problems:
            problems.append(
                f"{len(data.catalog.problems)} problem(s) in pack files were skipped; "
                "run `quiz check` to see them."
            )
        if data.problem:
            problems.append(data.problem)
        shown = self.query_one("#problems", Static)
        shown.update("\n".join(problems))
        shown.set_class(not problems, "empty")
        packs = data.catalog.packs
        wanted = data.prefs.get("pack")
        ids = [p.id for p in packs]
        default = wanted if wanted in ids else DEFAULT_PACK if DEFAULT_PACK in ids else None
        select = self.query_one("#pack", Select)
        select.set_options([(Content(p.title), p.id) for p in packs])
        select.prompt = "Choose a pack" if packs else "No packs found"
        if default or ids:
            select.value = default or ids[0]
        self._restore(data.prefs)
        self._show_pack()

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
        if prefs.get("mode") == "review":
            self.query_one("#mode-review", RadioButton).value = True

    def _pack(self) -> Pack | None:
        value = self.query_one("#pack", Select).value
        if self.data is None or not isinstance(value, str):
            return None
        return self.data.catalog.find(value)

    @on(Select.Changed, "#pack")
    def _show_pack(self) -> None:
        pack = self._pack()
        topics = self.query_one("#topics", SelectionList)
        topics.clear_options()
        info = self.query_one("#pack-info", Static)
        if pack is None:
            info.update("" if self.data is None else "No pack chosen.")
            return
        source = next(iter(pack.sources.values()))
        info.update(f"{len(pack.facts)} facts · from “{source.title}”, {source.publisher}")
        remembered = self.data.prefs.get("topics", []) if self.data else []
        topics.add_options([(Content(t), t, t in remembered) for t in pack.topics])

    def _choice(self, action: Literal["start", "stats"]) -> HomeChoice | None:
        pack = self._pack()
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
        )

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        choice = self._choice("start")
        if choice is not None:
            self.dismiss(choice)

    @on(Button.Pressed, "#stats")
    def action_stats(self) -> None:
        choice = self._choice("stats")
        if choice is not None:
            self.dismiss(choice)

    @on(Button.Pressed, "#players")
    def action_players(self) -> None:
        if self.data is not None:
            self.dismiss(HomeChoice("players"))

    def action_leave(self) -> None:
        self.dismiss(None)
