"""The Textual app: one flow decides what comes next; screens only report what the player chose.

Home → round → summary → home, driven by one worker coroutine (`run_flow`)
that pushes a screen and waits for its result. Everything slow (packs, the
store, a round's questions) is made off the UI thread, so the first frame is
never kept waiting.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.geometry import Size
from textual.screen import Screen

from quiz.papers import Paper
from quiz.services import Services
from quiz.session import Session
from quiz.tui.screens.modals import ConfirmQuit, HelpScreen, TooSmall

MIN_SIZE = (60, 18)
THEMES = ("textual-dark", "textual-light")
T = TypeVar("T")


class QuizApp(App[None]):
    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
    ]

    def __init__(
        self, services: Services, session: Session | None = None, paper: Paper | None = None
    ) -> None:
        super().__init__()
        self.services = services
        self.first_round = session  # a round started from the command line
        self.first_paper = paper  # a paper to sit, from the command line
        # The screen drawn at start and what it will be dismissed with; the flow takes it.
        self.first_screen: tuple[Screen[Any], asyncio.Future[Any]] | None = None
        self._flow_started = False
        saved = services.settings.get("theme")
        if saved in self.available_themes:
            self.theme = saved

    def on_mount(self) -> None:
        # The first screen is drawn before the flow (and what it imports) starts; the flow
        # then waits for it like for any other screen.
        first: Screen[Any]
        if self.first_round is not None:
            from quiz.tui.screens.play import PlayScreen

            first = PlayScreen(self.first_round)
        else:
            from quiz.tui.screens.home import HomeScreen

            first = HomeScreen(None)
        result: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.first_screen = (first, result)

        def dismissed(value: Any) -> None:
            result.set_result(value)
            self.start_flow()  # in case it was dismissed before it was even drawn

        self._push(first, dismissed)
        self.call_after_refresh(self.start_flow)

    def start_flow(self) -> None:
        if not self._flow_started:
            self._flow_started = True
            self.run_flow()

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
        self._guard_size()
        return result

    async def in_thread(self, make: Callable[[], T]) -> T:
        """Run slow work on a thread, leaving the UI free to draw."""
        worker = self.run_worker(make, thread=True, group="slow", exit_on_error=False)
        await worker.wait()
        return worker.result  # type: ignore[return-value]

    def warn(self, message: str) -> None:
        """A notice the player must not miss (progress not saved, a file set aside)."""
        self.call_from_thread_or_now(
            lambda: self.notify(message, severity="warning", timeout=10, markup=False)
        )

    def call_from_thread_or_now(self, fn: Callable[[], Any]) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            self.call_from_thread(fn)
        else:
            fn()

    def watch_theme(self, theme: str) -> None:
        self.services.settings.save(theme=theme)

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    async def action_quit(self) -> None:
        """Ctrl+Q: mid-round, ask first."""
        from quiz.tui.screens.play import PlayScreen

        screen = self.screen
        if isinstance(screen, PlayScreen) and screen.exam and not screen.session.end_reason:
            # The sitting stays open (as after a crash), to be resumed with the same code.
            self.push_screen(
                ConfirmQuit(quit_app=True, exam=True), lambda yes: self.exit() if yes else None
            )
        elif isinstance(screen, PlayScreen) and screen.session.in_progress:

            def done(confirmed: bool | None) -> None:
                if confirmed:
                    screen.session.leave()
                    self.exit()

            self.push_screen(ConfirmQuit(quit_app=True), done)
        else:
            self.exit()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: rules and keys", "How scoring works", self.action_help)
        yield SystemCommand(
            "Toggle light/dark theme",
            "Switch between the light and dark theme",
            self.action_toggle_theme,
        )

    def on_resize(self, event: Resize) -> None:
        # This handler runs before App._on_resize records the new size: use the event's.
        self._guard_size(event.size)

    def _guard_size(self, size: Size | None = None) -> None:
        width, height = size or self.size
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        if small and not isinstance(self.screen, TooSmall):
            self.push_screen(TooSmall())
        elif not small and isinstance(self.screen, TooSmall):
            self.pop_screen()
