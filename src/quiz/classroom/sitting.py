"""Sitting a paper: a new sitting, one resumed after a crash, or one closed as it stood.

A player sits a paper once. A finished sitting is shown, never sat again; an
unfinished one (the program was killed, the computer crashed) is resumed with
the answers already given and the clock still counting from its first start, or
closed as it stands. Nothing here lets a sitting start over for a better score.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from quiz import rounds
from quiz.classroom.marking import Marked, given_of, mark_row
from quiz.clock import Clock
from quiz.papers import Paper, PaperError
from quiz.question import InvalidResponse
from quiz.round.codes import EndReason
from quiz.session import Phase, Session
from quiz.store.recorder import Recorder
from quiz.store.records import Player, SittingRow
from quiz.store.review import parse_iso
from quiz.store.sittings import sittings
from quiz.store.sql import SqlStore

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Before:
    """This player's sittings of the paper so far."""

    finished: SittingRow | None
    unfinished: SittingRow | None


def before(store: SqlStore, player: Player, paper: Paper) -> Before:
    rows = sittings(store, paper.code, player.id) if player.id else []
    finished = next((r for r in rows if r.finished), None)
    unfinished = next((r for r in reversed(rows) if not r.finished), None)
    return Before(finished, unfinished)


class Resuming(Enum):
    """What happens to an unfinished sitting, decided here for every front end."""

    EXPIRED = "expired"  # its time ran out meanwhile: it ends as it stands, nothing to ask
    SILENT = "silent"  # nothing answered yet: resumed without asking (the input is answers)
    ASK = "ask"  # resume it, or hand it in as it stands: the player chooses


@dataclass(frozen=True)
class Unfinished:
    """An unfinished sitting as the player is told of it."""

    row: SittingRow
    answered: int
    count: int
    left: float | None  # seconds left on its clock; None without a time limit
    how: Resuming


def unfinished(paper: Paper, row: SittingRow, clock: Clock) -> Unfinished:
    limit = paper.spec.time_limit
    left = None
    if limit is not None:
        left = max(0.0, limit - (clock.now() - parse_iso(row.started_at)).total_seconds())
    if left == 0:
        how = Resuming.EXPIRED
    elif not row.answers:
        how = Resuming.SILENT
    else:
        how = Resuming.ASK
    return Unfinished(row, len(row.answers), paper.spec.count, left, how)


def begin(
    paper: Paper, store: SqlStore, player: Player, clock: Clock, on_problem: Warn | None = None
) -> tuple[Session, Recorder]:
    """A new sitting, kept (and its clock running) from now, before the first answer."""
    session, recorder = rounds.start(
        paper.spec, paper.pack, store, player, clock=clock, on_problem=on_problem, paper=paper.code
    )
    if session.questions:
        session.start()
    return session, recorder


def resume(
    paper: Paper,
    row: SittingRow,
    store: SqlStore,
    player: Player,
    clock: Clock,
    on_problem: Warn | None = None,
) -> tuple[Session, Recorder]:
    """The unfinished sitting again, at its next question, on the same record. If its time
    ran out meanwhile it ends at once (unanswered questions count as wrong)."""
    recorder = Recorder(
        store, player, on_problem, paper=paper.code, round_id=row.round_id, uid=row.uid
    )
    session = Session(paper.spec, paper.pack, clock=clock, listeners=[recorder])
    try:
        session.restore(given_of(row), parse_iso(row.started_at))
    except (InvalidResponse, ValueError) as exc:
        raise PaperError(
            f"the unfinished sitting of {paper.code} cannot be resumed: {exc}"
        ) from None
    if session.phase is not Phase.FINISHED and session.time_left() == 0:
        session.expire()
    return session, recorder


def close(
    paper: Paper,
    row: SittingRow,
    store: SqlStore,
    player: Player,
    clock: Clock,
    on_problem: Warn | None = None,
) -> tuple[Session, Recorder]:
    """The unfinished sitting ended as it stands: what was answered counts, the rest is wrong."""
    session, recorder = resume(paper, row, store, player, clock, on_problem)
    session.leave(EndReason.CLOSED)
    return session, recorder


def result(paper: Paper, row: SittingRow) -> Marked:
    """A finished sitting, marked: what a player who has sat the paper is shown."""
    from quiz.generate import round_questions

    return mark_row(row, paper.spec, paper.pack, round_questions(paper.pack, paper.spec))
