"""What the flow of screens needs of the app, and what the exam's steps need of the flow: the
app builds the flow and the flow calls the exam's steps, and neither is imported back."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.notifications import SeverityLevel
from textual.screen import Screen

if TYPE_CHECKING:  # the store and the packs load when the flow first needs them
    from quiz.first_view import FirstView
    from quiz.packs.registry import Catalog
    from quiz.papers import Paper
    from quiz.services import Services
    from quiz.session import Session
    from quiz.store import SqlStore
    from quiz.store.recorder import Recorder
    from quiz.store.records import Player
    from quiz.tui.screens.first import FirstQuestionScreen
    from quiz.tui.screens.home import HomeLight

T = TypeVar("T")


class Next(Enum):
    """Where a step of the flow leaves the player."""

    HOME = "home"
    QUIT = "quit"


class AfterRound(Enum):
    """What the player wants once a round's summary is up."""

    RETRY = "retry"  # the questions missed, again
    AGAIN = "again"  # a new round like this one
    STATS = "stats"
    HOME = "home"
    QUIT = "quit"


class Host(Protocol):
    """The app, as the flow drives it (quiz.tui.app.QuizApp)."""

    services: Services
    first_round: Session | None
    first_paper: Paper | None
    first_recorder: Recorder | None
    first_screen: tuple[Screen[Any], asyncio.Future[Any]] | None
    make_round: Callable[[], Session] | None  # the first round, drawn from memory meanwhile
    first_made: FirstView | None
    keep_first: Callable[[FirstView], None] | None
    first_question: FirstQuestionScreen | None
    first_home: HomeLight | None
    first_failure: BaseException | None

    def listen_first(self, session: Session) -> Recorder: ...

    async def show(self, screen: Screen[T]) -> T | None: ...
    async def in_thread(self, make: Callable[[], T]) -> T: ...
    def warn(self, message: str) -> None: ...
    def follow_saving(self, store: SqlStore) -> None: ...
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
    def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None: ...


@dataclass
class Loaded:
    """What the flow loads once, off the UI loop: the packs, the store and who plays."""

    catalog: Catalog
    store: SqlStore
    player: Player
    notices: list[str] = field(default_factory=list)


class Steps(Protocol):
    """The flow, as a step of it (the exam's, quiz.tui.exam) uses it."""

    app: Host
    services: Services

    async def load(self) -> Loaded: ...
