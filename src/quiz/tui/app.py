"""The Textual app: one flow decides what comes next; screens only report what the player chose.

Home → round → summary → home, driven by one worker coroutine (`run_flow`)
that pushes a screen and waits for its result. Everything slow (packs, the
store, a round's questions) is made off the UI thread. The first screen is the
one a player can use: the home screen waits for its data (loading since the
program started) rather than drawing a placeholder first, unless that takes
long (HOME_PATIENCE).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.geometry import Size
from textual.screen import Screen

from quiz.lang import N_, _
from quiz.safe import visible
from quiz.tui.screens.modals import MIN_SIZE, ConfirmQuit, HelpScreen, TooSmall

if TYPE_CHECKING:  # not imported for the home screen's first frame: it draws sooner
    from textual.notifications import SeverityLevel

    from quiz.first_view import FirstView
    from quiz.papers import Paper
    from quiz.services import Later, Services
    from quiz.session import Session
    from quiz.store.events import SaveEvent
    from quiz.store.recorder import Recorder
    from quiz.store.saver import Saver
    from quiz.store.sql import SqlStore
    from quiz.tui.choices import HomeGlance
    from quiz.tui.screens.first import FirstQuestionScreen
    from quiz.tui.screens.home import HomeLight

# Seconds the home screen waits for its data before it is drawn without it ("Loading packs…").
HOME_PATIENCE = 0.5


def screenshot_folder() -> Path:
    """Downloads when there is one, else quiz's own data folder."""

    import platformdirs

    downloads = platformdirs.user_downloads_path()
    if downloads.is_dir():
        return downloads
    from quiz.folders import data_dir

    return data_dir() / "screenshots"


THEMES = ("textual-dark", "textual-light")
T = TypeVar("T")


class QuizApp(App[None]):
    # The first frame parses only the rules it needs (first.tcss says how the styles are
    # split): a round's first question its own (PLAY_CSS), any other first screen CSS_PATH;
    # the rest are read once it is drawn (_load_styles).
    CSS_PATH = "first.tcss"
    PLAY_CSS = "screens/play.tcss"  # (PlayScreen's own CSS_PATH too)
    LATER_CSS = (
        Path(__file__).with_name("first.tcss"),
        Path(__file__).parent / "screens" / "play.tcss",
        Path(__file__).with_name("home.tcss"),
        Path(__file__).with_name("quiz.tcss"),
    )
    TITLE = "quiz"
    BINDINGS = [
        Binding("question_mark", "help", N_("Help"), key_display="?"),
        Binding("ctrl+t", "toggle_theme", N_("Theme"), show=False),
    ]

    def __init__(
        self,
        services: Services,
        session: Session | None = None,
        paper: Paper | None = None,
        glance: Later[HomeGlance | None] | None = None,
        first_view: FirstView | None = None,
        make_round: Callable[[], Session] | None = None,
        keep_first: Callable[[FirstView], None] | None = None,
    ) -> None:
        plays = session is not None or first_view is not None
        super().__init__(css_path=self.PLAY_CSS if plays else None)
        # `quiz play`'s first question from memory, and how to make its round meanwhile (the
        # flow makes it, on a thread, once that question is drawn): see screens/first.py.
        self.first_view = first_view
        self.make_round = make_round
        self.first_made: FirstView | None = None  # the first frame of the round made here
        self.keep_first = keep_first  # keeps it for the next run (quiz.first_view.remember)
        self.first_failure: BaseException | None = None  # why making that round failed
        self.first_question: FirstQuestionScreen | None = None  # that question, drawn
        self.first_home: HomeLight | None = None  # a returning player's light home frame
        # The home screen's light first frame, read on a thread while Textual was imported
        # (`quiz` for a returning player): see _open_home.
        self.first_glance = glance
        self.services = services
        self.first_round = session  # a round started from the command line
        self.first_paper = paper  # a paper to sit, from the command line
        # The screen drawn at start and what it will be dismissed with; the flow takes it.
        self.first_screen: tuple[Screen[Any], asyncio.Future[Any]] | None = None
        self.first_recorder: Any = None  # the store's listener on the first round
        self._flow_started = False
        self._watched: list[Saver] = []  # the savers whose pauses the player is told of
        saved = services.settings.get("theme")
        if saved in self.available_themes:
            self.theme = saved

    def on_mount(self) -> None:
        # The first screen is drawn before the flow (and what it imports) starts; the flow
        # then waits for it like for any other screen.
        first: Screen[Any]
        if self.first_question is not None or self.first_home is not None:
            self.call_after_refresh(self.start_flow)  # the default screen: drawn already
            return
        if self.first_round is not None:
            from quiz.tui.screens.play import PlayScreen

            self.first_recorder = self._recorder_for(self.first_round)  # from the first key
            first = PlayScreen(self.first_round)
        elif self.services.seat.asks_name:  # who is playing comes first
            from quiz.tui.screens.name import NameScreen

            first = NameScreen(self.services.paper)
        elif self.first_paper is not None:  # the flow starts the exam at once, over a home
            from quiz.tui.screens.home import HomeScreen  # screen it fills for afterwards

            first = HomeScreen(None)
        else:
            self._open_home()
            return
        self._show_first(first)

    def get_default_screen(self) -> Screen[Any]:
        """`quiz play`'s first question from memory, or a returning player's light home
        frame, is the first screen itself: no other screen is made, styled or drawn before
        it (the flow covers it with the round's or the home screen)."""
        if self.first_view is not None and self.make_round is not None:
            from quiz.tui.screens.first import FirstQuestionScreen

            self.first_question = FirstQuestionScreen(self.first_view)
            return self.first_question
        glance = self._glance()
        if glance is not None:
            from quiz.tui.screens.home import HomeLight

            self.first_home = HomeLight(glance)
            return self.first_home
        return super().get_default_screen()

    def _glance(self) -> HomeGlance | None:
        """The light home frame's player and pack, if read already (they are read on a
        thread from before Textual was imported, and take a few milliseconds)."""
        glance = self.first_glance
        plain_home = self.first_round is None and self.first_paper is None
        if not plain_home or self.services.seat.asks_name:
            return None
        if glance is None or not glance.ready() or glance.failed():
            return None  # not read (yet): the home screen is drawn as _open_home says
        return glance.get()

    def _show_first(self, first: Screen[Any]) -> None:
        """Push the first screen, for the flow to take and wait for once it starts."""
        result: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.first_screen = (first, result)

        def dismissed(value: Any) -> None:
            result.set_result(value)
            self.start_flow()  # in case it was dismissed before it was even drawn

        self._push(first, dismissed)
        self.call_after_refresh(self.start_flow)

    @work(group="first-screen")
    async def _open_home(self) -> None:
        """The home screen, drawn once with what it shows (packs, player, their last choices):
        a player can use its first frame. A returning player's first frame is lighter
        (HomeLight, usually the default screen; pushed here when its data, `home_glance`,
        was not read yet when the app started). Otherwise the data has been
        loading since the program started, so this rarely waits; when it does for long (a
        slow store), the screen comes first with a "Loading packs…" line, and the flow
        fills it."""
        from quiz.tui.choices import home_data
        from quiz.tui.screens.home import HomeScreen

        # A returning player's usual start: the player and the pack's remembered title, with
        # Start, drawn before the packs load (the rest of the form follows, from the flow).
        glance: HomeGlance | None = None
        with contextlib.suppress(Exception):  # a failing store is the flow's to report
            if self.first_glance is not None:
                glance = await self.in_thread(self.first_glance.get)
        if glance is not None:
            from quiz.tui.screens.home import HomeLight

            self.first_home = HomeLight(glance)
            self._push(self.first_home)
            self.call_after_refresh(self.start_flow)
            return
        loading = asyncio.ensure_future(self.in_thread(lambda: home_data(self.services)))
        # A failure here is the flow's to report: it loads the same data again (and meets it).
        loading.add_done_callback(lambda f: f.cancelled() or f.exception())
        done, _pending = await asyncio.wait({loading}, timeout=HOME_PATIENCE)
        ok = done and not loading.cancelled() and loading.exception() is None
        if ok:
            self._load_styles()  # the form is in this first frame
        self._show_first(HomeScreen(loading.result() if ok else None))

    def listen_first(self, session: Session) -> Recorder:
        """The round made once its first question was drawn from memory: the app's first
        round, listened to by the store from its first answer on."""
        self.first_round = session
        self.first_recorder = self._recorder_for(session)
        return self.first_recorder

    def _recorder_for(self, session: Session) -> Any:
        """A round made before the app started: the store listens from its first answer on
        (the store itself opens once the first frame is drawn, or at that answer)."""
        from quiz.store.recorder import Recorder

        def resolve() -> Any:
            store = self.services.store.get()
            self.follow_saving(store)
            for notice in (store.notice, store.problem):
                if notice:
                    self.warn(notice)
            return store, self.services.player()

        recorder = Recorder.later(resolve, self.warn)
        session.subscribe(recorder)
        return recorder

    def start_flow(self) -> None:
        """Once the first screen is drawn (or dismissed): the rest of the styles, then the
        flow (which shows every other screen)."""
        if not self._flow_started:
            self._flow_started = True
            self._load_styles()
            self.run_flow()

    def _load_styles(self) -> None:
        """Read the styles the first frame did without (LATER_CSS, in order) and restyle what
        is up: the same public calls Textual makes for a screen's own CSS_PATH when the
        screen is first shown (App._load_screen_css)."""
        new = [p for p in self.LATER_CSS if not self.stylesheet.has_source(str(p), "")]
        for path in new:
            self.stylesheet.read(path)
        if new:
            self.stylesheet.reparse()
            self.stylesheet.update(self)

    @work(exclusive=True, group="flow")
    async def run_flow(self) -> None:
        from quiz.tui.flow import Flow

        await Flow(self).run()

    async def show(self, screen: Screen[T]) -> T | None:
        """Push a screen and wait for what it is dismissed with."""
        return await self._push(screen, wait=True)

    def _push(
        self, screen: Screen[Any], callback: Callable[[Any], None] | None = None, wait: bool = False
    ) -> Any:
        """Push a screen; the 'too small' notice, if up, stays on top of it."""
        if isinstance(self.screen, TooSmall):
            self.pop_screen()
        result = self.push_screen(screen, callback, wait_for_dismiss=wait)  # type: ignore[call-overload]
        self.guard_size()
        return result

    async def in_thread(self, make: Callable[[], T]) -> T:
        """Run slow work on a thread, leaving the UI free to draw."""
        worker = self.run_worker(make, thread=True, group="slow", exit_on_error=False)
        await worker.wait()
        return worker.result  # type: ignore[return-value]

    def warn(self, message: str) -> None:
        """A notice the player must not miss (progress not saved, a file set aside)."""
        self.call_from_thread_or_now(
            lambda: self.notify(visible(message), severity="warning", timeout=10, markup=False)
        )

    def follow_saving(self, store: SqlStore) -> None:
        """Tell the player when saving pauses and resumes (once per store, from any thread)."""
        if store.saver not in self._watched:
            self._watched.append(store.saver)
            store.saver.watch(self._saving)

    def _saving(self, event: SaveEvent) -> None:
        from quiz import words
        from quiz.store.events import Resumed

        message = visible(words.saving_news(event))
        severity: SeverityLevel = "information" if isinstance(event, Resumed) else "warning"
        with contextlib.suppress(RuntimeError):  # the app has closed meanwhile
            self.call_from_thread_or_now(
                lambda: self.notify(message, severity=severity, timeout=20, markup=False)
            )

    def call_from_thread_or_now(self, fn: Callable[[], Any]) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            self.call_from_thread(fn)
        else:
            fn()

    def watch_theme(self, theme: str) -> None:
        """Remember the theme, and which dark and which light theme the player last chose, so
        Ctrl+T goes back to the one picked in the palette rather than to a default."""
        side = "light_theme" if self.current_theme.dark is False else "dark_theme"
        self.services.settings.save(theme=theme, **{side: theme})

    def action_toggle_theme(self) -> None:
        settings = self.services.settings
        if self.current_theme.dark:
            wanted = settings.get("light_theme") or THEMES[1]
        else:
            wanted = settings.get("dark_theme") or THEMES[0]
        fallback = THEMES[1] if self.current_theme.dark else THEMES[0]
        self.theme = wanted if wanted in self.available_themes else fallback

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save the screen as SVG where it can be found, and say where (or why not). The SVG
        loads nothing from elsewhere (quiz.tui.screenshot): Textual's would fetch its fonts
        from a CDN wherever it is opened."""
        from quiz.tui.screenshot import file_name, self_contained

        name = filename or file_name(self.title, time_format)
        svg = self_contained(self.export_screenshot())
        if self.is_web:  # a browser tab downloads it (the server adds a CSP that says so too)
            return self.deliver_text(
                io.StringIO(svg),
                save_filename=name,
                open_method="browser",
                mime_type="image/svg+xml",
                name="screenshot",
            )
        folder = Path(path) if path else screenshot_folder()
        saved = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved.write_text(svg, encoding="utf-8")
        except OSError as exc:
            self.notify(
                visible(
                    _("Could not save the screenshot in {folder}: {reason}").format(
                        folder=folder, reason=exc.strerror or exc
                    )
                ),
                title=_("Screenshot"),
                severity="error",
                markup=False,
            )
            return None
        self.notify(
            visible(_("Saved {file}").format(file=saved)), title=_("Screenshot"), markup=False
        )
        return str(saved)

    def _playing(self) -> Any:
        """The round on screen, under any dialog or notice, or None."""
        from quiz.tui.screens.play import PlayScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, PlayScreen):
                return screen
        return None

    async def action_quit(self) -> None:
        """Ctrl+Q: mid-round, ask first (also from the 'too small' notice or the help). An
        exam's sitting stays open, as after a crash, to be resumed with the same code."""
        playing = self._playing()
        if playing is not None and playing.exam and playing.session.end_reason is None:
            if isinstance(self.screen, ConfirmQuit):
                return
            self.push_screen(
                ConfirmQuit(quit_app=True, exam=True), lambda yes: self.exit() if yes else None
            )
        elif playing is not None and playing.session.in_progress:
            if isinstance(self.screen, ConfirmQuit):
                return

            def done(confirmed: bool | None) -> None:
                if confirmed:  # the round is closed (and kept) before the app goes
                    playing.ask(playing.driver.leave).add_done_callback(
                        lambda _: self.call_from_thread(self.exit)
                    )

            self.push_screen(ConfirmQuit(quit_app=True), done)
        else:
            self.exit()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the interface's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            palette = CommandPalette(placeholder=_("Search for commands…"), id="--command-palette")
            self.push_screen(palette)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):  # Textual's, in our language
            yield command._replace(
                title=_(command.title), help=_(command.help) if command.help else ""
            )  # _("") is the catalogue's header, not an empty text
        yield SystemCommand(_("Help: rules and keys"), _("How scoring works"), self.action_help)
        yield SystemCommand(
            _("Toggle light/dark theme"),
            _("Switch between the light and dark theme"),
            self.action_toggle_theme,
        )

    def on_resize(self, event: Resize) -> None:
        # This handler runs before App._on_resize records the new size: use the event's.
        self.guard_size(event.size)

    def guard_size(self, size: Size | None = None) -> None:
        width, height = size or self.size
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        if small and not isinstance(self.screen, TooSmall):
            self.push_screen(TooSmall())
        elif not small and isinstance(self.screen, TooSmall):
            self.pop_screen()
