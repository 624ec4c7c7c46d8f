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
    import gc

    from quiz.tui.app import QuizApp

    # Everything made so far (modules, the pack, the round) lives as long as the app:
    # keep the garbage collector from walking it again and again while the screen draws.
    gc.freeze()
    return QuizApp(services, session, paper)
