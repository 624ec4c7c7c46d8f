"""The full-screen game (Textual). Imported only by commands that draw."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.papers import Paper
    from quiz.services import Services
    from quiz.session import Session
    from quiz.tui.app import QuizApp


def make_app(
    services: Services, session: Session | None = None, paper: Paper | None = None
) -> QuizApp:
    from quiz.tui.app import QuizApp

    return QuizApp(services, session, paper)
