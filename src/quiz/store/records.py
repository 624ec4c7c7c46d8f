"""What the store hands back: small immutable rows, no database types."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.session import Outcome


@dataclass(frozen=True)
class Player:
    id: int
    name: str
    created_at: str


@dataclass(frozen=True)
class AnswerRecord:
    seq: int
    question_id: str
    kind: str
    facts: tuple[str, ...]
    response: str | None  # JSON of the canonical response; None when time ran out
    result: str  # right, partial or wrong
    credit: float
    exact: bool
    points: int  # answer points plus streak bonus
    seconds: float
    answered_at: str  # ISO-8601 UTC
    fact_results: tuple[str, ...] = ()  # each fact's own result; empty: the answer's

    def result_of(self, i: int) -> str:
        return self.fact_results[i] if i < len(self.fact_results) else self.result

    @classmethod
    def of(cls, o: Outcome) -> AnswerRecord:
        from quiz.kinds import response_json
        from quiz.store.review import iso

        return cls(
            seq=o.index,
            question_id=o.question.id,
            kind=o.question.kind,
            facts=o.facts,
            response=None if o.response is None else json.dumps(response_json(o.response)),
            result=o.result,
            credit=o.grade.credit,
            exact=o.grade.exact,
            points=o.total,
            seconds=round(o.seconds, 3),
            answered_at=iso(o.answered_at),
            fact_results=o.question.fact_results(o.response, o.grade),
        )


@dataclass(frozen=True)
class RoundRow:
    id: int
    pack_id: str
    mode: str
    count: int
    custom: int
    started_at: str
    ended_at: str | None
    status: str  # open (still going, or cut off), done, left, timeout
    score: int
    answers: int
    right: int

    @property
    def accuracy(self) -> float:
        return self.right / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class PastRound:
    """A round as History lists it: who played it, on which pack (and which version of it,
    so its questions are regenerated only from the same pack), how it went."""

    id: int
    player: str
    pack_id: str
    pack_version: str
    pack_digest: str
    mode: str
    count: int
    spec: str  # the round spec as JSON
    started_at: str
    ended_at: str | None
    status: str
    score: int
    answers: int
    right: int
    paper: str | None


@dataclass(frozen=True)
class GivenAnswer:
    """One answer of a round as kept: the response as JSON text (None: time ran out)."""

    seq: int
    question_id: str
    response: str | None
    result: str
    credit: float
    points: int
    seconds: float


@dataclass(frozen=True)
class TopScore:
    player: str
    score: int
    started_at: str
    round_id: int


@dataclass(frozen=True)
class FactProgress:
    fact_id: str
    attempts: int
    rights: int
    last_result: str
    last_kind: str
    last_at: str
    mastered: bool
    due: str

    @property
    def accuracy(self) -> float:
        return self.rights / self.attempts if self.attempts else 0.0


@dataclass(frozen=True)
class KeptAnswer:
    """An answer of a sitting as kept: the response as JSON text (None: no answer)."""

    seq: int
    question_id: str
    response: str | None
    seconds: float
    answered_at: str


@dataclass(frozen=True)
class SittingRow:
    """One sitting of an exam paper: who, which paper, when, how it ended, every answer."""

    round_id: int
    uid: str
    player: str
    paper: str
    spec: str  # the round spec as JSON
    started_at: str
    ended_at: str | None
    status: str  # open (going on, or cut off by a crash), done, timeout, left, closed
    score: int
    answers: tuple[KeptAnswer, ...]
    # How it is kept: `status` above is how it counts when read (an open sitting past its
    # time limit counts as timed out, one of a closed paper as closed, whoever reads it);
    # `kept_status` is what the store holds until someone resumes or closes it.
    kept_status: str = ""
    elapsed: float = 0.0  # seconds of its clock used when read (the store's, see sittings.py)
    holder: str | None = None  # the window playing it, while its lease runs
    lease_until: str | None = None

    @property
    def finished(self) -> bool:
        return self.status != "open"

    @property
    def kept_open(self) -> bool:
        """Open in the store: a window may resume it (and close it, if its time is up)."""
        return (self.kept_status or self.status) == "open"
