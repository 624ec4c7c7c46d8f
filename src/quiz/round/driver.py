"""The round driver: between a Session and every front end, it owns the clock, the deadline
and moving on, and tells the front ends what happened as a stream of typed events.

A front end does three things: it subscribes, it passes on what the player does (`answer`,
`next`, `leave`), and it calls `tick` now and then (a timer in the full-screen game, the
alarm of a waiting read in the line mode) so the driver can end a timed round. Everything it
shows comes from the events' views; it never asks the session whether the time is up, nor
decides when the round moves on.

`SelfPaced` is the player's own round: their key moves it on. A conducted round (the teacher
moves the whole class on) is another `Driver`: `player_paces` is False, the player's `next`
does nothing, and the teacher's side emits `QuestionShown` for everyone at once. The screens
need no change for it: they show each `QuestionShown` they are sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from quiz.question import InvalidResponse, Response
from quiz.round.codes import EndReason
from quiz.round.viewing import feedback_view, question_view, summary_view
from quiz.round.views import FeedbackView, QuestionView, SummaryView
from quiz.session import Outcome, Phase, Session, TimeUp


@dataclass(frozen=True)
class QuestionShown:
    view: QuestionView


@dataclass(frozen=True)
class Refused:
    """The response does not fit the question: nothing was scored; answer again."""

    error: InvalidResponse


@dataclass(frozen=True)
class Answered:
    """An answer was kept. `feedback` is None where nothing is shown until the end (an exam)."""

    index: int
    feedback: FeedbackView | None


@dataclass(frozen=True)
class TimeRanOut:
    """The round's time limit passed: the questions not answered count as wrong."""


@dataclass(frozen=True)
class RoundEnded:
    summary: SummaryView


Event = QuestionShown | Refused | Answered | TimeRanOut | RoundEnded
Subscriber = Callable[[Event], None]


class Driver(Protocol):
    """What a front end may ask of a round, whoever paces it."""

    session: Session

    @property
    def player_paces(self) -> bool:
        """True when the player's own key moves the round on after feedback."""

    @property
    def current(self) -> QuestionView | None:
        """The question being asked, or None (feedback on screen, or the round over)."""

    def subscribe(self, subscriber: Subscriber) -> None: ...
    def start(self) -> None: ...
    def answer(self, response: Response) -> None: ...
    def next(self) -> None: ...
    def leave(self) -> None: ...
    def tick(self) -> bool: ...
    def time_left(self) -> float | None: ...
    def seconds_on_question(self) -> float: ...


class SelfPaced:
    """The player's own round: answer, see why (unless it is an exam), press on."""

    player_paces = True

    def __init__(self, session: Session) -> None:
        self.session = session
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def _emit(self, *events: Event) -> None:
        for event in events:
            for subscriber in list(self._subscribers):
                subscriber(event)

    # -- what the front end reads --------------------------------------------------------

    def time_left(self) -> float | None:
        return self.session.time_left()

    def seconds_on_question(self) -> float:
        return self.session.seconds_on_question()

    @property
    def current(self) -> QuestionView | None:
        s = self.session
        return question_view(s) if s.phase is Phase.ASKING else None

    # -- what the player does ------------------------------------------------------------

    def start(self) -> None:
        """Show where the round stands: its question, or its end (a resumed sitting whose
        every answer is in, or whose time ran out meanwhile)."""
        if self.session.phase is Phase.FINISHED:
            self._emit(RoundEnded(summary_view(self.session)))
        elif self.tick():
            return
        elif self.session.phase is Phase.ASKING:
            self._emit(QuestionShown(question_view(self.session)))

    def answer(self, response: Response) -> None:
        s = self.session
        if s.phase is not Phase.ASKING:
            return  # a key that arrived after the question was answered, or the round ended
        try:
            outcome = s.answer(response)
        except InvalidResponse as exc:
            self._emit(Refused(exc))
            return
        except TimeUp:  # the session has closed the round
            self._ran_out()
            return
        self._emit(Answered(outcome.index, self._feedback(outcome)))
        if not s.shows_feedback:  # nothing to read: straight on
            self._moved_on()

    def _feedback(self, outcome: Outcome) -> FeedbackView | None:
        return feedback_view(self.session, outcome) if self.session.shows_feedback else None

    def next(self) -> None:
        if self.session.phase is not Phase.FEEDBACK:
            return
        self.session.next()
        self._moved_on()

    def _moved_on(self) -> None:
        s = self.session
        if s.phase is Phase.FINISHED:
            self._emit(RoundEnded(summary_view(s)))
        else:
            self._emit(QuestionShown(question_view(s)))

    def leave(self) -> None:
        """The player leaves: what was answered is kept (an exam is handed in)."""
        if self.session.phase is not Phase.FINISHED:
            self.session.leave(EndReason.LEFT)
            self._emit(RoundEnded(summary_view(self.session)))

    def tick(self) -> bool:
        """End the round if its time is up (True then). The one place that decides it."""
        s = self.session
        if s.phase is Phase.FINISHED or s.time_left() != 0:
            return False
        s.expire()
        self._ran_out()
        return True

    def _ran_out(self) -> None:
        self._emit(TimeRanOut(), RoundEnded(summary_view(self.session)))
