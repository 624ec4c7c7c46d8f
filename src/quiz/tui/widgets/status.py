"""The round's header: score, streak, question k of n and a progress bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, ProgressBar

from quiz import words


class StatusBar(Horizontal):
    score: reactive[int] = reactive(0)
    streak: reactive[int] = reactive(0)
    # (the question's number, how many questions, how many answered)
    position: reactive[tuple[int, int, int]] = reactive((0, 0, 0))
    clock: reactive[str] = reactive("")  # the seconds on a question, or the time left
    review: reactive[bool] = reactive(False)  # a review round: the position says so

    def compose(self) -> ComposeResult:
        yield Label(id="score")
        yield Label(id="streak")
        yield Label(id="position")
        yield Label(id="clock")
        yield ProgressBar(show_eta=False, show_percentage=False, id="progress")

    def watch_clock(self, clock: str) -> None:
        label = self.query_one("#clock", Label)
        label.update(clock)
        label.display = bool(clock)

    def watch_score(self, score: int) -> None:
        self.query_one("#score", Label).update(words.score(score))

    def watch_streak(self, streak: int) -> None:
        self.query_one("#streak", Label).update(words.streak(streak))

    def watch_position(self, position: tuple[int, int, int]) -> None:
        number, total, done = position
        self.query_one("#position", Label).update(words.position(number, total, self.review))
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)
