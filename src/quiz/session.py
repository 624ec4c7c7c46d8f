"""A round as a state machine: asking → feedback → … → finished.

The Textual app and the plain line mode both drive this object and only
display what it says; neither grades nor counts. The clock is injectable so
tests of the speed bonus need no sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from quiz.generate import WhyWrong, generate
from quiz.generate.question import Question
from quiz.packs.model import Pack
from quiz.scoring import Grade, Response, Rules, grade, points


class Phase(Enum):
    ASKING = "asking"
    FEEDBACK = "feedback"
    FINISHED = "finished"


@dataclass(frozen=True)
class Outcome:
    question: Question
    response: Response
    grade: Grade
    points: int
    streak_bonus: int
    streak: int
    seconds: float

    @property
    def correct(self) -> bool:
        return self.grade.correct

    @property
    def total(self) -> int:
        return self.points + self.streak_bonus

    @property
    def why_wrong(self) -> WhyWrong | None:
        """For a wrong choice: the fact the chosen option really belongs to."""
        q = self.question
        if self.correct or not isinstance(self.response, int) or not q.options:
            return None
        return q.why_wrong.get(q.options[self.response])

    @property
    def response_text(self) -> str:
        q, r = self.question, self.response
        if isinstance(r, str):
            return r
        if isinstance(r, int):
            return q.options[r]
        return ", ".join(q.options[i] for i in r)


@dataclass(frozen=True)
class TopicResult:
    topic: str
    right: int
    asked: int


@dataclass(frozen=True)
class Summary:
    score: int
    right: int
    asked: int
    best_streak: int
    topics: tuple[TopicResult, ...]
    missed: tuple[Outcome, ...]

    @property
    def accuracy(self) -> float:
        return self.right / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class RoundSpec:
    """What a round is made of; kept so 'play again' can draw a fresh round like it."""

    pack: Pack
    count: int = 10
    kinds: tuple[str, ...] | None = None
    topics: tuple[str, ...] | None = None
    rules: Rules = field(default_factory=Rules)

    def start(self, seed: int, clock: Callable[[], float] = time.monotonic) -> Session:
        questions = generate(self.pack, seed, self.count, self.kinds, self.topics)
        return Session(questions, self.rules, clock, spec=self, seed=seed)


@dataclass
class Session:
    questions: Sequence[Question]
    rules: Rules = field(default_factory=Rules)
    clock: Callable[[], float] = time.monotonic
    spec: RoundSpec | None = None
    seed: int | None = None
    retry: bool = False  # a round of missed questions, smaller than spec.count on purpose
    index: int = 0
    score: int = 0
    streak: int = 0
    best_streak: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    phase: Phase = Phase.ASKING
    _shown_at: float = 0.0

    def __post_init__(self) -> None:
        if not self.questions:
            self.phase = Phase.FINISHED
        self._shown_at = self.clock()

    @property
    def pack(self) -> Pack | None:
        return self.spec.pack if self.spec else None

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
        """Answers given but the round not finished: quitting now would lose them."""
        return self.phase is not Phase.FINISHED and bool(self.outcomes)

    def answer(self, response: Response) -> Outcome:
        """Grade the current question; InvalidResponse leaves the state untouched."""
        if self.phase is not Phase.ASKING:
            raise RuntimeError(f"cannot answer during {self.phase.value}")
        g = grade(self.current, response)
        seconds = self.clock() - self._shown_at
        self.streak = self.streak + 1 if g.correct else 0
        self.best_streak = max(self.best_streak, self.streak)
        earned, bonus = points(self.rules, g, self.streak, seconds)
        outcome = Outcome(self.current, response, g, earned, bonus, self.streak, seconds)
        self.score += outcome.total
        self.outcomes.append(outcome)
        self.phase = Phase.FEEDBACK
        return outcome

    def next(self) -> None:
        if self.phase is not Phase.FEEDBACK:
            raise RuntimeError(f"cannot move on during {self.phase.value}")
        self.index += 1
        if self.index >= self.total:
            self.phase = Phase.FINISHED
        else:
            self.phase = Phase.ASKING
            self._shown_at = self.clock()

    def summary(self) -> Summary:
        by_topic: dict[str, list[int]] = {}
        for o in self.outcomes:
            for t in o.question.topics:
                tally = by_topic.setdefault(t, [0, 0])
                tally[0] += o.correct
                tally[1] += 1
        return Summary(
            score=self.score,
            right=sum(o.correct for o in self.outcomes),
            asked=len(self.outcomes),
            best_streak=self.best_streak,
            topics=tuple(TopicResult(t, r, a) for t, (r, a) in sorted(by_topic.items())),
            missed=tuple(o for o in self.outcomes if not o.correct),
        )

    def retry_missed(self) -> Session:
        """A new round of the questions missed in this one, same rules."""
        missed = [o.question for o in self.outcomes if not o.correct]
        return Session(missed, self.rules, self.clock, spec=self.spec, seed=self.seed, retry=True)
