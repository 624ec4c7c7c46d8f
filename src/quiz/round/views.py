"""What a front end shows of a round, as data: a question, the feedback on an answer, the
summary. The driver makes them from the session (quiz.round.viewing); the full-screen game,
the line mode and a served tab render the same views through the same wording
(`quiz.words`), so they cannot say different things about one answer.

Pack text travels as it is (untrusted): each front end makes it literal or visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.packs.model import Quote
from quiz.round.codes import EndReason, Note, Shape, Verdict


@dataclass(frozen=True)
class Passage:
    """A quote inside its paragraph: the paragraph's text and where the quote is in it.
    `main` marks the question's own proof among several passages; `after_gap` says the
    source goes on between the passage shown before and this one (front ends put the
    editor's mark of a cut there, so two paragraphs never read as one stretch)."""

    paragraph: str
    start: int
    end: int
    quote: Quote
    main: bool = True
    after_gap: bool = False

    @property
    def before(self) -> str:
        return self.paragraph[: self.start]

    @property
    def marked(self) -> str:
        return self.paragraph[self.start : self.end]

    @property
    def after(self) -> str:
        return self.paragraph[self.end :]

    def in_marks(self, left: str = "»", right: str = "«") -> str:
        """The paragraph with the quoted words between two marks, for plain text."""
        return f"{self.before}{left}{self.marked}{right}{self.after}"


@dataclass(frozen=True)
class QuestionView:
    index: int  # from 0
    total: int
    kind: str
    shape: Shape
    prompt: str
    options: tuple[str, ...]
    score: int
    streak: int
    exam: bool  # no verdict, score or streak until the end
    timed: bool  # the round has a time limit: the time left is shown
    speed: bool  # the speed bonus counts the seconds on each question
    review: bool = False  # a review round (of the facts due), said in its header


@dataclass(frozen=True)
class WhyNot:
    """The fact a wrong option really belongs to."""

    given: str
    statement: str
    noun: str
    quote: str


@dataclass(frozen=True)
class Speed:
    seconds: float
    grace: float
    limit: float


@dataclass(frozen=True)
class FeedbackView:
    index: int
    total: int
    verdict: Verdict
    points: int
    streak_bonus: int
    note: Note | None
    speed: Speed | None  # how the speed rule counted a right answer (None: rule off)
    given: str  # what the player answered, written like the answer
    answer: str
    explanation: str
    why_not: WhyNot | None
    noun: str  # what the pack calls the source of the main passage
    passages: tuple[Passage, ...]
    score: int
    streak: int


@dataclass(frozen=True)
class MissedView:
    prompt: str
    given: str
    answer: str
    noun: str
    quotes: tuple[str, ...]  # every passage that proves the answer (a time order's: each event's)


@dataclass(frozen=True)
class TopicView:
    topic: str
    right: int
    asked: int


@dataclass(frozen=True)
class SummaryView:
    review: bool  # a review round (spaced repetition), not practice
    exam: bool
    end: EndReason
    score: int
    right: int
    partial: int
    asked: int
    total: int
    percent: int
    best_streak: int
    seed: int
    topics: tuple[TopicView, ...]
    topics_overlap: bool  # a question on several topics counts under each
    missed: tuple[MissedView, ...]
