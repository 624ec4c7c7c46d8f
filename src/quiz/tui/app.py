"""The Textual app: themes, help, the command palette, and the too-small guard."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.geometry import Size
from textual.screen import Screen

from quiz import settings
from quiz.scoring import Rules
from quiz.session import Session
from quiz.tui.screens.modals import ConfirmQuit, HelpScreen, TooSmall

MIN_SIZE = (60, 18)
THEMES = ("textual-dark", "textual-light")


class QuizApp(App[None]):
    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
    ]

    def __init__(
        self,
        session: Session | None = None,
        extra_packs: list[Path] | None = None,
        rules: Rules | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.extra_packs = extra_packs or []
        self.rules = rules or (session.rules if session else Rules())
        saved = settings.load().get("theme")
        if saved in self.available_themes:
            self.theme = saved

    def on_mount(self) -> None:
        if self.session is not None:
            from quiz.tui.screens.play import PlayScreen

            self.push_screen(PlayScreen(self.session))
        else:
            from quiz.packs.registry import catalog
            from quiz.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen(catalog(self.extra_packs), self.rules))
        self._guard_size()

    def watch_theme(self, theme: str) -> None:
        settings.save(theme=theme)

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    async def action_quit(self) -> None:
        """Ctrl+Q: mid-round, ask first, as q does."""
        from quiz.tui.screens.play import PlayScreen

        screen = self.screen
        if isinstance(screen, PlayScreen) and screen.session.in_progress:

            def done(confirmed: bool | None) -> None:
                if confirmed:
                    self.exit()

            self.push_screen(ConfirmQuit(), done)
        else:
            self.exit()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
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
