"""A round as a state machine: asking → feedback → … → finished.

The session is built from a spec and a pack, keeps its questions immutable and
publishes what happens to listeners: the store is one, a test another. It knows
nothing of any user interface; the Textual app and the line mode only show
what it says, and neither grades nor counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from quiz import words
from quiz.clock import Clock, SystemClock
from quiz.kinds import response_from_json
from quiz.packs.model import Pack
from quiz.question import NOT_ANSWERED, Grade, Question, Response, Result
from quiz.round.codes import EndReason, Note, NoteCode
from quiz.scoring import Rules, points
from quiz.spec import RoundSpec


class Phase(Enum):
    ASKING = "asking"
    FEEDBACK = "feedback"
    FINISHED = "finished"


class TimeUp(RuntimeError):
    """An answer came after the round's time limit: the round has been closed."""


@dataclass(frozen=True)
class Outcome:
    """One answered (or, when time ran out, unanswered) question, as the store keeps it."""

    index: int  # the question's place in the round, from 0
    question: Question
    response: Response | None  # None: not answered before the time ran out
    grade: Grade
    points: int
    streak_bonus: int
    streak: int
    seconds: float
    answered_at: dt.datetime  # wall clock, UTC

    @property
    def question_id(self) -> str:
        return self.question.id

    @property
    def facts(self) -> tuple[str, ...]:
        """Every fact the answer speaks for (all four events of a time-order question)."""
        return self.question.facts

    @property
    def result(self) -> Result:
        return self.grade.result

    @property
    def correct(self) -> bool:
        return self.grade.correct

    @property
    def total(self) -> int:
        return self.points + self.streak_bonus

    @property
    def response_text(self) -> str:
        if self.response is None:
            return words.no_answer()
        return self.question.response_text(self.response)


@dataclass(frozen=True)
class Given:
    """An answer given in an earlier run of the same round (a sitting resumed after a crash,
    or one re-scored from a file): the raw response as stored, None for no answer."""

    response: object
    seconds: float
    answered_at: dt.datetime


class Listener:
    """What a session tells the world. Override what you need; each call comes after the
    session's own state has changed."""

    def started(self, session: Session) -> None:
        pass

    def answered(self, session: Session, outcome: Outcome) -> None:
        pass

    def finished(self, session: Session) -> None:
        """The round ended: every question answered, time up, or the player left."""


@dataclass(frozen=True)
class TopicResult:
    topic: str
    right: int
    asked: int


@dataclass(frozen=True)
class Summary:
    score: int
    right: int
    partial: int
    wrong: int
    asked: int
    total: int
    best_streak: int
    seconds: float
    topics: tuple[TopicResult, ...]
    missed: tuple[Outcome, ...]

    @property
    def accuracy(self) -> float:
        return self.right / self.asked if self.asked else 0.0


class Session:
    def __init__(
        self,
        spec: RoundSpec,
        pack: Pack,
        *,
        clock: Clock | None = None,
        questions: Sequence[Question] | None = None,
        listeners: Iterable[Listener] = (),
    ) -> None:
        from quiz.generate import round_questions  # the generator only when a round is built

        self.spec = spec
        self.pack = pack
        self.clock: Clock = clock or SystemClock()
        self.questions: tuple[Question, ...] = tuple(
            questions if questions is not None else round_questions(pack, spec)
        )
        self.listeners: list[Listener] = list(listeners)
        self.index = 0
        self.score = 0
        self.streak = 0
        self.best_streak = 0
        self.outcomes: list[Outcome] = []
        self.phase = Phase.ASKING if self.questions else Phase.FINISHED
        self.started_at = self.clock.now()
        self._started = self.clock.monotonic()
        self._shown_at = self._started
        self._announced = False
        self.end_reason: EndReason | None = None  # None while the round goes on

    # -- reading --------------------------------------------------------------------

    @property
    def seed(self) -> int:
        return self.spec.seed

    @property
    def rules(self) -> Rules:
        return self.spec.rules

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def current(self) -> Question:
        if self.phase is Phase.FINISHED:
            raise RuntimeError("the round is over")
        return self.questions[self.index]

    @property
    def last(self) -> Outcome | None:
        return self.outcomes[-1] if self.outcomes else None

    @property
    def in_progress(self) -> bool:
        """Answers given but the round not finished."""
        return self.phase is not Phase.FINISHED and bool(self.outcomes)

    @property
    def shows_feedback(self) -> bool:
        return self.spec.feedback == "each"

    def seconds_on_question(self) -> float:
        """Seconds since the current question was shown (what the speed rule counts)."""
        return self.clock.monotonic() - self._shown_at

    def elapsed(self) -> float:
        """Seconds of the round's clock used so far (a resumed sitting's include the time it
        had used before), on the monotonic clock: a wall clock set back changes nothing."""
        return self.clock.monotonic() - self._started

    def time_left(self) -> float | None:
        """Seconds left in a timed round (never below 0), or None without a limit."""
        if self.spec.time_limit is None:
            return None
        return max(0.0, self.spec.time_limit - (self.clock.monotonic() - self._started))

    # -- playing --------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def start(self) -> None:
        """Tell the listeners the round has begun (once); answering does it if nobody did."""
        if not self._announced:
            self._announced = True
            for listener in self.listeners:
                listener.started(self)

    def answer(self, response: object) -> Outcome:
        """Grade the current question. InvalidResponse leaves the state untouched; an answer
        after the time limit closes the round (TimeUp)."""
        if self.phase is not Phase.ASKING:
            raise RuntimeError(f"cannot answer during {self.phase.value}")
        if self.time_left() == 0:
            self.expire()
            raise TimeUp("time is up")
        q = self.current
        canonical = q.normalize(response)
        g = q.grade(canonical)
        seconds = self.clock.monotonic() - self._shown_at
        self.streak = self.streak + 1 if g.correct else 0
        self.best_streak = max(self.best_streak, self.streak)
        earned, bonus = points(self.rules, g, self.streak, seconds)
        outcome = Outcome(
            self.index, q, canonical, g, earned, bonus, self.streak, seconds, self.clock.now()
        )
        self._record(outcome)
        self.phase = Phase.FEEDBACK
        if not self.shows_feedback:
            self.next()
        return outcome

    def next(self) -> None:
        if self.phase is not Phase.FEEDBACK:
            raise RuntimeError(f"cannot move on during {self.phase.value}")
        self.index += 1
        if self.index >= self.total:
            self._finish(EndReason.DONE)
        else:
            self.phase = Phase.ASKING
            self._shown_at = self.clock.monotonic()

    def expire(self) -> None:
        """The time is up: every question not answered counts as wrong, and the round ends."""
        if self.phase is Phase.FINISHED:
            return
        start = self.index + (1 if self.phase is Phase.FEEDBACK else 0)
        for i in range(start, self.total):
            self.index = i
            self.streak = 0
            self._record(
                Outcome(
                    i,
                    self.questions[i],
                    None,
                    Grade(0.0, Note(NoteCode.TIME_RAN_OUT)),
                    0,
                    0,
                    0,
                    0.0,
                    self.clock.now(),
                )
            )
        self._finish(EndReason.TIMEOUT)

    def leave(self, reason: EndReason = EndReason.LEFT) -> None:
        """The player left before the end: what was answered stays answered. (An exam
        interrupted by a crash is closed as it stood: EndReason.CLOSED.)"""
        if self.phase is not Phase.FINISHED:
            self._finish(reason)

    def restore(
        self, given: Sequence[Given], started_at: dt.datetime, elapsed: float | None = None
    ) -> None:
        """Put back the answers of an earlier run of this round, re-graded here, without
        telling the listeners (they heard of each when it was given): the round goes on at
        the next question, its clock having used `elapsed` seconds (as the store kept them),
        else the wall-clock time since `started_at`. InvalidResponse if an answer does not
        fit its question; a round with every question answered finishes."""
        if self.outcomes or self.phase is not Phase.ASKING:
            raise RuntimeError("only a fresh round can be restored")
        if len(given) > self.total:
            raise ValueError(f"{len(given)} answers for {self.total} questions")
        self._announced = True  # the listeners know this round already
        self.started_at = started_at
        if elapsed is None:
            elapsed = max(0.0, (self.clock.now() - started_at).total_seconds())
        self._started = self.clock.monotonic() - elapsed
        for i, g in enumerate(given):
            q = self.questions[i]
            if g.response is None:
                canonical, grade = None, Grade(0.0, NOT_ANSWERED)
            else:
                canonical = response_from_json(q, g.response)
                grade = q.grade(canonical)
            self.streak = self.streak + 1 if grade.correct else 0
            self.best_streak = max(self.best_streak, self.streak)
            earned, bonus = points(self.rules, grade, self.streak, g.seconds)
            o = Outcome(
                i, q, canonical, grade, earned, bonus, self.streak, g.seconds, g.answered_at
            )
            self.score += o.total
            self.outcomes.append(o)
        self.index = len(given)
        self._shown_at = self.clock.monotonic()
        if self.index >= self.total:
            self._finish(EndReason.DONE)

    def _record(self, outcome: Outcome) -> None:
        self.start()
        self.score += outcome.total
        self.outcomes.append(outcome)
        for listener in self.listeners:
            listener.answered(self, outcome)

    def _finish(self, reason: EndReason) -> None:
        self.phase = Phase.FINISHED
        self.end_reason = reason
        if self._announced:
            for listener in self.listeners:
                listener.finished(self)

    # -- after ----------------------------------------------------------------------

    def summary(self) -> Summary:
        by_topic: dict[str, list[int]] = {}
        for o in self.outcomes:
            for t in o.question.topics:
                tally = by_topic.setdefault(t, [0, 0])
                tally[0] += o.correct
                tally[1] += 1
        results = [o.result for o in self.outcomes]
        return Summary(
            score=self.score,
            right=results.count("right"),
            partial=results.count("partial"),
            wrong=results.count("wrong"),
            asked=len(self.outcomes),
            total=self.total,
            best_streak=self.best_streak,
            seconds=self.clock.monotonic() - self._started,
            topics=tuple(TopicResult(t, r, a) for t, (r, a) in sorted(by_topic.items())),
            missed=tuple(o for o in self.outcomes if not o.correct),
        )

    def retry_spec(self) -> RoundSpec | None:
        """A practice round of the questions missed in this one (None if none were)."""
        missed = tuple(dict.fromkeys(o.question.id for o in self.outcomes if not o.correct))
        if not missed:
            return None
        return replace(
            self.spec,
            questions=missed,
            count=len(missed),
            mode="practice",
            feedback="each",
            time_limit=None,
        )
