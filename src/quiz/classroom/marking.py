"""A sitting marked against its paper: one mark for every question, answered or not.

Marks are never read from the store or a file: the answers are replayed into a
fresh Session of the paper's questions, so a sitting is graded by the same code
whether it is shown at the end of the exam, resumed after a crash, imported from
another computer or counted in the class's results.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from quiz import words
from quiz.clock import Clock, SystemClock
from quiz.packs.model import Pack
from quiz.papers import RULES
from quiz.question import Question, Response
from quiz.session import Given, Outcome, Session
from quiz.spec import RoundSpec
from quiz.store.records import SittingRow
from quiz.store.review import iso, parse_iso


@dataclass(frozen=True)
class Mark:
    number: int  # the question's place on the paper, from 1
    question: Question
    response: Response | None  # None: not answered
    credit: float
    points: int
    seconds: float | None
    note: str = ""

    @property
    def answered(self) -> bool:
        return self.response is not None

    @property
    def result(self) -> str:
        """right, partial (partly right), wrong or blank: one vocabulary in the results, the
        report and the review, and a blank is never counted as wrong."""
        if self.response is None:
            return "blank"
        if self.credit >= 1.0:
            return "right"
        return "partial" if self.credit > 0 else "wrong"

    @property
    def response_text(self) -> str:
        if self.response is None:
            return words.no_answer()
        return self.question.response_text(self.response)


@dataclass(frozen=True)
class Marked:
    """A sitting with its marks: what the results, the report and the review show."""

    uid: str
    player: str
    paper: str
    started_at: str
    ended_at: str | None
    status: str
    marks: tuple[Mark, ...]
    time_limit: int | None = None
    answered_times: tuple[str, ...] = ()  # ISO-8601, of the answers given

    @property
    def score(self) -> int:
        return sum(m.points for m in self.marks)

    @property
    def out_of(self) -> int:
        return RULES.base * len(self.marks)

    def count(self, result: str) -> int:
        return sum(m.result == result for m in self.marks)

    @property
    def right(self) -> int:
        return self.count("right")

    @property
    def partial(self) -> int:
        return self.count("partial")

    @property
    def blank(self) -> int:
        """Questions left without an answer (they score nothing, as a wrong answer does, but
        are counted apart from wrong answers everywhere)."""
        return self.count("blank")

    @property
    def wrong(self) -> int:
        """Wrong answers: never the blanks, counted apart (`blank`)."""
        return self.count("wrong")

    @property
    def percent(self) -> float:
        return 100 * self.score / self.out_of if self.marks else 0.0

    @property
    def seconds(self) -> float:
        """How long the sitting took: to its end, or to its last answer when it was cut off;
        never more than its time limit."""
        start = parse_iso(self.started_at)
        if self.ended_at and self.status != "closed":
            end = parse_iso(self.ended_at)
        else:
            end = max([start, *map(parse_iso, self.answered_times)])
        spent = max(0.0, (end - start).total_seconds())
        return min(spent, self.time_limit) if self.time_limit else spent

    @property
    def status_words(self) -> str:
        return words.status(self.status)


def marks_of(session: Session) -> tuple[Mark, ...]:
    """Every question of the session's paper: its outcome, or blank."""
    done = {o.index: o for o in session.outcomes}
    return tuple(_mark(i, q, done.get(i)) for i, q in enumerate(session.questions))


def _mark(i: int, q: Question, o: Outcome | None) -> Mark:
    if o is None or o.response is None:
        return Mark(i + 1, q, None, 0.0, 0, None)
    note = words.note(o.grade.note) if o.grade.note else ""
    return Mark(i + 1, q, o.response, o.grade.credit, o.total, o.seconds, note)


def given_of(row: SittingRow) -> list[Given]:
    """The answers kept of a sitting, as a session can take them back."""
    return [
        Given(
            None if a.response is None else json.loads(a.response),
            a.seconds,
            parse_iso(a.answered_at),
        )
        for a in row.answers
    ]


def replay(
    spec: RoundSpec,
    pack: Pack,
    questions: Sequence[Question],
    given: Sequence[Given],
    started_at: dt.datetime,
    clock: Clock | None = None,
) -> Session:
    """A session of the paper with these answers put back (InvalidResponse if one does not fit
    its question), listened to by nobody yet."""
    session = Session(spec, pack, clock=clock or SystemClock(), questions=questions)
    session.restore(given, started_at)
    return session


def mark_row(row: SittingRow, spec: RoundSpec, pack: Pack, questions: Sequence[Question]) -> Marked:
    """A kept sitting marked afresh against the paper's questions."""
    session = replay(spec, pack, questions, given_of(row), parse_iso(row.started_at))
    return Marked(
        row.uid,
        row.player,
        row.paper,
        row.started_at,
        row.ended_at,
        row.status,
        marks_of(session),
        spec.time_limit,
        tuple(a.answered_at for a in row.answers if a.response is not None),
    )


def marked_session(session: Session, player: str, paper: str, uid: str = "") -> Marked:
    """The sitting just played, marked (for the review at its end)."""
    ended = session.clock.now() if session.end_reason is not None else None
    return Marked(
        uid,
        player,
        paper,
        iso(session.started_at),
        iso(ended) if ended else None,
        session.end_reason.value if session.end_reason is not None else "open",
        marks_of(session),
        session.spec.time_limit,
        tuple(iso(o.answered_at) for o in session.outcomes if o.response is not None),
    )
