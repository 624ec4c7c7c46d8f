"""The home screen: who is playing, which pack, a mode, how many questions, which kinds and
topics, the seed and the scoring. It only says what the player chose; the flow decides.

The app builds the screen once the packs, the store and the player have loaded (they start
loading on threads before Textual is even imported, see Services.start_loading), so its
first frame is the one a player can use: the pack shown, Start focused, Enter starts a
round. A returning player's first frame is lighter still (HomeLight: the player, the
pack's remembered title and a focused Start, drawn before the packs load, as the app's
default screen); this screen covers it a moment later, laid out the same, and a Start
pressed before then is kept and acted on as soon as this screen is up. Only when the data
takes long (a slow store) does the screen come first, with a "Loading packs…" line, and
the form when they are there (`show_data`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.lazy import Lazy
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from quiz.lang import N_, _, ngettext
from quiz.tui.choices import HomeChoice, HomeData, HomeGlance
from quiz.tui.lifecycle import being_removed
from quiz.tui.literal import literal

if TYPE_CHECKING:
    from quiz.tui.widgets.home_form import HomeForm


class HomeScreen(Screen[HomeChoice | None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (78, "-wide")]  # the form's columns need 76
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # 24 rows show 7 topics, no more
    BINDINGS = [
        Binding("ctrl+s", "start", N_("Start"), priority=True),
        Binding("ctrl+r", "stats", N_("Stats"), priority=True),
        Binding("ctrl+o", "players", N_("Player"), priority=True),
        Binding("ctrl+y", "history", N_("History"), priority=True),
        Binding("ctrl+l", "limits", N_("Limits"), priority=True, show=False),  # no room: ? help
        # The paper row's buttons name these keys; the footer has no room for them.
        Binding("ctrl+n", "paper", N_("Sit paper"), priority=True, show=False),
        Binding("ctrl+g", "report", N_("Class report"), priority=True, show=False),
        Binding("ctrl+k", "language", N_("Language"), priority=True, show=False),
        Binding("escape", "leave", N_("Quit")),
    ]

    AUTO_FOCUS = ""  # the screen focuses Start itself, once, without scrolling to it

    def __init__(
        self, data: HomeData | None, pending: Literal["start", "stats"] | None = None
    ) -> None:
        super().__init__(classes=self._breakpoint_classes())
        self.shown: HomeData | None = data  # what the screen shows (None: still loading)
        self.data: HomeData | None = None  # the same, once the whole form is up
        self._pending = pending if data is not None else None  # pressed on HomeLight
        self._mounted = False

    def _breakpoint_classes(self) -> str:
        """The breakpoint classes for the terminal's present size. Textual sets them when the
        screen gets its first size, and then styles every widget of the first frame again;
        set from the start, they are already right then, and nothing is restyled."""
        try:
            width, height = self.app.size
        except RuntimeError:  # made outside a running app (Textual's NoActiveAppError)
            return ""
        classes = []
        for size, points in (
            (width, self.HORIZONTAL_BREAKPOINTS or []),
            (height, self.VERTICAL_BREAKPOINTS or []),
        ):
            reached = [name for at, name in sorted(points) if size >= at]
            classes += reached[-1:]
        return " ".join(classes)

    def compose(self) -> ComposeResult:
        data = self.shown  # known already (the usual case): no "Loading packs…" frame
        with VerticalScroll(id="home", can_focus=False):  # focus lands on a field, in sight
            yield Static(_("quiz — learn from the source, every answer quoted"), classes="title")
            if data is None:
                with Horizontal(id="who"):
                    yield Static(_("Loading packs…"), id="player", markup=False)
                    yield Static("", id="due", classes="empty", markup=False)
                yield Static("", id="problems", classes="warning empty", markup=False)
            else:
                from quiz.tui.widgets.home_form import HomeForm

                yield from self._top(data)
                yield HomeForm(data)
        from quiz.tui.widgets.footer import LateFooter

        # The keys come a frame later: styling the footer and its keys would delay the form.
        yield Lazy(LateFooter())

    def _top(self, data: HomeData) -> list[Widget]:
        """The lines above the form: who plays and what is due (one row: the form must fit
        80×24 whole), then any problems with the pack files or the store."""
        problems = self._problems(data)
        who = Horizontal(
            Static(literal(_("Player: {name}").format(name=data.player)), id="player"),
            Static(literal(data.due), id="due", classes="" if data.due else "empty"),
            id="who",
        )
        shown = Static(
            literal("\n".join(problems)),
            id="problems",
            classes="warning" if problems else "warning empty",
        )
        return [who, shown]

    def on_mount(self) -> None:
        self._mounted = True
        data = self.shown
        if data is None:  # the form (and its imports) come with the data, in show_data
            return
        if self.query("#home-form"):  # composed with its form: usable from this first frame
            self._focus_first(data)
            if self._pending is not None:  # Start (or Stats) pressed on HomeLight
                self.call_after_refresh(self._choose, self._pending)
        else:  # the data came between compose and mount
            self.call_after_refresh(self._fill, data)

    def on_home_form_filled(self) -> None:
        self.data = self.shown

    def _focus_first(self, data: HomeData) -> None:
        """Start, so Enter starts a round; or the paper code that did not open, to correct.
        Without scrolling: a screen too short for the form still opens at its top."""
        wanted = self.query("#paper" if data.typed_paper is not None else "#do-start")
        if wanted:  # (not when the screen is being closed before its form was up)
            self.set_focus(wanted.first(), scroll_visible=False)

    @staticmethod
    def _problems(data: HomeData) -> list[str]:
        """What is wrong with the pack files and the store, shown above the form."""
        problems = []
        if data.catalog.problems:
            problems.append(
                ngettext(
                    "{n} problem in pack files: those packs are left out. To see where and "
                    "why, run: {command}",
                    "{n} problems in pack files: those packs are left out. To see where and "
                    "why, run: {command}",
                    len(data.catalog.problems),
                ).format(n=len(data.catalog.problems), command=data.check_command)
            )
        if data.problem:
            problems.append(data.problem)
        return problems

    def _show_lines(self, data: HomeData) -> None:
        """The player and any problems with the pack files, above the form."""
        self.query_one("#player", Static).update(
            literal(_("Player: {name}").format(name=data.player))
        )
        due = self.query_one("#due", Static)
        due.update(literal(data.due))
        due.set_class(not data.due, "empty")
        problems = self._problems(data)
        shown = self.query_one("#problems", Static)
        shown.update(literal("\n".join(problems)))
        shown.set_class(not problems, "empty")

    def show_data(self, data: HomeData) -> None:
        """Fill the screen drawn before packs and the player were known (they load off the
        UI thread, and may arrive before the screen's widgets are up: then on_mount fills
        it). A screen composed with its data ignores this."""
        if self.shown is not None:
            return
        self.shown = data
        if self._mounted:
            self.call_after_refresh(self._fill, data)

    async def _fill(self, data: HomeData) -> None:
        from quiz.tui.lifecycle import being_removed
        from quiz.tui.widgets.home_form import HomeForm

        if self.query(HomeForm) or not self.is_attached or being_removed(self):
            return
        self._show_lines(data)
        await self.query_one("#home", VerticalScroll).mount(HomeForm(data))
        if self.is_attached:  # not left (Escape) while the form was mounting
            self._focus_first(data)

    def _form(self) -> HomeForm | None:
        from quiz.tui.widgets.home_form import HomeForm

        found = self.query(HomeForm)  # registered at once, its widgets only once mounted
        return found.first() if found and found.first().is_mounted else None

    def _choose(self, action: Literal["start", "stats"]) -> None:
        if being_removed(self):
            return
        form = self._form()
        if form is None:
            self.notify(_("The packs are still loading."), severity="warning")
            return
        choice = form.choice(action)
        if choice is not None:
            self.dismiss(choice)

    def on_home_form_asked(self, message: HomeForm.Asked) -> None:
        """A button of the form: what its key does. (By name: the form's module loads only
        when there is a form to show.)"""
        message.stop()
        getattr(self, f"action_{message.action}")()

    def action_start(self) -> None:
        self._choose("start")

    def action_stats(self) -> None:
        self._choose("stats")

    def action_paper(self) -> None:
        self._paper("paper")

    def action_report(self) -> None:
        if self.shown is not None and self.shown.seat.class_report:
            self._paper("report")

    def _paper(self, action: Literal["paper", "report"]) -> None:
        form = self._form()
        if form is None:
            self.notify(_("The packs are still loading."), severity="warning")
            return
        choice = form.paper_choice(action)
        if choice is not None:
            self.dismiss(choice)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A browser tab lists no other players, becomes none, and never opens the class
        report (the teacher's, with every student's results)."""
        if action == "players":
            return not self.shown or self.shown.seat.lists_players
        if action == "report":
            return not self.shown or self.shown.seat.class_report
        return True

    def action_players(self) -> None:
        if self.shown is not None and self.shown.seat.lists_players:
            self.dismiss(HomeChoice("players"))

    def action_history(self) -> None:
        """The player's past rounds (the flow reads them; no form needed)."""
        self.dismiss(HomeChoice("history"))

    def action_language(self) -> None:
        """Ctrl+K (kalba): the interface's language, remembered in the settings (a served
        tab's own), and the home screen drawn again in it."""
        from quiz.lang import LANGUAGES, set_language
        from quiz.tui.screens.modals import Choose

        def chosen(code: str | None) -> None:
            if code and code in LANGUAGES:
                set_language(code)
                self.app.services.settings.save(language=code)  # type: ignore[attr-defined]
                if self.is_attached:
                    self.dismiss(HomeChoice("language"))

        answers = [(name, code) for code, name in LANGUAGES.items()]
        self.app.push_screen(Choose(_("The game's language"), answers), chosen)

    def action_limits(self) -> None:
        """The player's daily limits (kept with the player; no form needed)."""
        self.dismiss(HomeChoice("limits"))

    def action_leave(self) -> None:
        self.dismiss(None)


class HomeLight(Screen[None]):
    """A returning player's first frame: who plays, the pack and Start, each on the line
    where the home screen's form shows it, with as few widgets and rules as that takes (each
    costs the first frame time to style and lay out). It is the app's default screen, so
    no other is drawn before it; the flow puts the home screen, with its form, over it once
    the packs are loaded, and hands it what was pressed here meanwhile (`pending`, `left`)."""

    BINDINGS = [
        Binding("ctrl+s", "start", N_("Start"), priority=True),
        Binding("ctrl+r", "stats", N_("Stats"), priority=True),
        Binding("escape", "leave", N_("Quit")),
    ]
    AUTO_FOCUS = ""

    def __init__(self, glance: HomeGlance) -> None:
        super().__init__()
        self.glance = glance
        self.pending: Literal["start", "stats"] | None = None  # for the home screen to do
        self.left = False  # Escape: the game ends once the flow looks

    def compose(self) -> ComposeResult:
        glance = self.glance
        with VerticalScroll(id="home", can_focus=False):
            yield Static(_("quiz — learn from the source, every answer quoted"), classes="title")
            yield Static(literal(_("Player: {name}").format(name=glance.player)), id="player")
            pack = _("Pack:") + " " + glance.pack_title  # as the form's label and Select say
            yield Static(literal(pack), id="light-pack")
            yield Static("", id="light-info", markup=False)
            yield Button(_("Start (Ctrl+S)"), variant="primary", id="light-start", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#light-start"), scroll_visible=False)

    @on(Button.Pressed, "#light-start")
    def _start(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        self.pending = self.pending or "start"

    def action_stats(self) -> None:
        self.pending = self.pending or "stats"

    def action_leave(self) -> None:
        self.left = True
