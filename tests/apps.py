"""Helpers for tests of the full-screen game: a round or the home screen, started for real
(the flow pushes its first screen from a worker), and the notices it shows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from textual.app import App
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.screen import Screen

from quiz.packs.model import Pack
from quiz.question import Question
from quiz.services import make_services
from quiz.session import Session
from quiz.spec import PackRef, RoundSpec
from quiz.tui.app import QuizApp

SIZE = (100, 30)


def start(pack: Pack, count: int, seed: int, **spec: object) -> Session:
    """A round like `quiz play` makes it."""
    return Session(RoundSpec(PackRef.of(pack), seed, count, **spec), pack)  # type: ignore[arg-type]


def session_with(pack: Pack, questions: list[Question]) -> Session:
    """A round of exactly these questions."""
    spec = RoundSpec(PackRef.of(pack), 0, len(questions), questions=tuple(q.id for q in questions))
    return Session(spec, pack, questions=questions)


def app_with(session: Session | None = None, packs: list[Path] | None = None) -> QuizApp:
    return QuizApp(make_services(packs=packs), session)


class Notes(list[Notification]):
    def texts(self) -> list[str]:
        return [str(n.message) for n in self]


@asynccontextmanager
async def started(app: QuizApp, size: tuple[int, int] = SIZE) -> AsyncIterator[Pilot[None]]:
    """Run the app until its first screen is up; `pilot.notes` collects its notifications."""
    notes = Notes()

    def hook(message: object) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification)

    async with app.run_test(size=size, message_hook=hook) as pilot:
        pilot.notes = notes  # type: ignore[attr-defined]
        await until(pilot, lambda: type(app.screen) is not Screen)
        yield pilot


async def until(pilot: Pilot[None], ready: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the app work (threads, workers) until `ready()` holds and the screen on top is
    mounted; fail after `seconds`. A pushed screen is `app.screen` at once, before its compose
    has run: a test that waited only for `isinstance(app.screen, X)` and then queried X's
    widgets failed now and then in full runs (NoMatches '#exam-score')."""
    for _ in range(int(seconds / 0.02)):
        if ready() and _mounted(pilot.app):
            return
        await pilot.pause(0.02)
    raise AssertionError("the app did not get there in time")


def _mounted(app: App[object]) -> bool:
    """Whether the screen on top has its widgets (True when the app has no screen left)."""
    if not app.is_running or not app.screen_stack:
        return True
    return app.screen.is_mounted
