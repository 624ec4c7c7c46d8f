"""The home screen: who is playing, which pack, a mode, how many questions, which kinds and
topics, the seed and the scoring. It only says what the player chose; the flow decides.

The screen draws at once with its title; the form (and the widgets it needs) comes when the
packs and the player have loaded on a thread, so the first frame never waits for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.text import plural
from quiz.tui.literal import literal

if TYPE_CHECKING:
    from quiz.packs.registry import Catalog
    from quiz.tui.widgets.home_form import HomeForm


@dataclass(frozen=True)
class HomeData:
    catalog: Catalog
    player: str
    prefs: dict[str, Any]
    problem: str | None = None
    check_command: str = "quiz check"  # what shows the problems of the packs skipped
    served: bool = False  # a browser tab: no other players to switch to (quiz.web)
    typed_paper: str | None = None  # a code that did not open, shown again to be corrected


@dataclass(frozen=True)
class HomeChoice:
    action: Literal["start", "stats", "players", "paper", "report"]
    pack: str | None = None
    mode: str = "practice"
    count: int = 10
    kinds: tuple[str, ...] | None = None
    topics: tuple[str, ...] | None = None
    seed: int | None = None  # None: a new random seed
    streak_bonus: bool = True
    speed_bonus: bool = False
    paper: str | None = None  # the code typed, for "paper" (sit it) and "report" (or None:
    # the only paper sat here, if there is one)

    def prefs(self) -> dict[str, Any]:
        """What the home screen remembers for the player next time (not the seed: a seed is
        for one round, and remembering it would replay the same questions)."""
        return {
            "pack": self.pack,
            "mode": self.mode,
            "count": self.count,
            "kinds": list(self.kinds or ()),
            "topics": list(self.topics or ()),
            "streak_bonus": self.streak_bonus,
            "speed_bonus": self.speed_bonus,
            "paper": self.paper or "",
        }


class HomeScreen(Screen[HomeChoice | None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (78, "-wide")]  # the form's columns need 76
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # 24 rows show 7 topics, no more
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", priority=True),
        Binding("ctrl+r", "stats", "Stats", priority=True),
        Binding("ctrl+o", "players", "Player", priority=True),
        # The paper row's buttons name these keys; the footer has no room for them.
        Binding("ctrl+n", "paper", "Sit paper", priority=True, show=False),
        Binding("ctrl+g", "report", "Class report", priority=True, show=False),
        Binding("escape", "leave", "Quit"),
    ]

    def __init__(self, data: HomeData | None) -> None:
        super().__init__()
        self.data: HomeData | None = None  # what the screen shows, once filled
        self._pending = data
        self._mounted = False

    def compose(self) -> ComposeResult:
        data = self._pending  # known already when coming back: no "Loading packs…" frame
        with VerticalScroll(id="home"):
            yield Static("quiz — learn from the source, every answer quoted", classes="title")
            yield Static("Loading packs…", id="player", markup=False)
            yield Static("", id="problems", classes="warning empty", markup=False)
            if data is not None:
                from quiz.tui.widgets.home_form import HomeForm

                yield HomeForm(data)
        yield Footer()

    def on_mount(self) -> None:
        self._mounted = True
        if self._pending is None:  # the first frame: the form (and its imports) come later
            return
        from quiz.tui.widgets.home_form import HomeForm

        if self.query(HomeForm):  # composed with its form
            self._show_lines(self._pending)
            self.data = self._pending
        else:  # the data came between compose and mount
            self.call_after_refresh(self._fill, self._pending)

    def _show_lines(self, data: HomeData) -> None:
        """The player and any problems with the pack files, above the form."""
        self.query_one("#player", Static).update(literal(f"Player: {data.player}"))
        problems = []
        if data.catalog.problems:
            problems.append(
                f"{plural(len(data.catalog.problems), 'problem')} in pack files: those packs "
                f"are left out. To see where and why, run: {data.check_command}"
            )
        if data.problem:
            problems.append(data.problem)
        shown = self.query_one("#problems", Static)
        shown.update(literal("\n".join(problems)))
        shown.set_class(not problems, "empty")

    def show_data(self, data: HomeData) -> None:
        """Fill the screen once packs and the player are known (they load off the UI thread,
        and may arrive before the screen's widgets are up: then on_mount fills it)."""
        self._pending = data
        if self._mounted:
            self.call_after_refresh(self._fill, data)

    async def _fill(self, data: HomeData) -> None:
        from quiz.tui.lifecycle import being_removed
        from quiz.tui.widgets.home_form import HomeForm

        if self.data is not None or self.query(HomeForm) or being_removed(self):
            return
        self._show_lines(data)
        await self.query_one("#home", VerticalScroll).mount(HomeForm(data))
        self.data = data  # now the form is up

    def _form(self) -> HomeForm | None:
        from quiz.tui.widgets.home_form import HomeForm

        found = self.query(HomeForm)  # registered at once, its widgets only once mounted
        return found.first() if found and found.first().is_mounted else None

    def _choose(self, action: Literal["start", "stats"]) -> None:
        form = self._form()
        if form is None:
            self.notify("The packs are still loading.", severity="warning")
            return
        choice = form.choice(action)
        if choice is not None:
            self.dismiss(choice)

    def action_start(self) -> None:
        self._choose("start")

    def action_stats(self) -> None:
        self._choose("stats")

    def action_paper(self) -> None:
        self._paper("paper")

    def action_report(self) -> None:
        if self.data is not None and not self.data.served:
            self._paper("report")

    def _paper(self, action: Literal["paper", "report"]) -> None:
        form = self._form()
        if form is None:
            self.notify("The packs are still loading.", severity="warning")
            return
        choice = form.paper_choice(action)
        if choice is not None:
            self.dismiss(choice)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A browser tab lists no other players, becomes none, and never opens the class
        report (the teacher's, with every student's results)."""
        if action in ("players", "report"):
            data = self.data or self._pending
            return not (data and data.served)
        return True

    def action_players(self) -> None:
        if self.data is not None and not self.data.served:
            self.dismiss(HomeChoice("players"))

    def action_leave(self) -> None:
        self.dismiss(None)
