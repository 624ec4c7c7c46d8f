"""The full-screen game (Textual). Imported only by commands that draw."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from quiz.first_view import FirstView
    from quiz.papers import Paper
    from quiz.services import Later, Services
    from quiz.session import Session
    from quiz.tui.app import QuizApp
    from quiz.tui.choices import HomeGlance


def make_app(
    services: Services,
    session: Session | None = None,
    paper: Paper | None = None,
    glance: Later[HomeGlance | None] | None = None,
    first_view: FirstView | None = None,
    make_round: Callable[[], Session] | None = None,
    keep_first: Callable[[FirstView], None] | None = None,
) -> QuizApp:
    from quiz.tui.app import QuizApp

    return QuizApp(services, session, paper, glance, first_view, make_round, keep_first)
