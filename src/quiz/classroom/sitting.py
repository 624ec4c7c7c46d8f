"""Sitting a paper: a new sitting, one resumed after a crash, or one closed as it stood.

A player sits a paper once. A finished sitting is shown, never sat again; an
unfinished one (the program was killed, the computer crashed, the tab was closed) is
resumed with the answers already given and its clock as the store kept it, or closed as it
stands. Nothing here lets a sitting start over for a better score.

Which sitting is the player's, and which window plays it, the store decides
(quiz.store.sittings.claim): a second window or tab on the same sitting is refused while
the first holds it, and `Held` keeps the first's hold (and the sitting's clock) with each
answer and every TOUCH_EVERY seconds.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from quiz import rounds
from quiz.classroom.marking import Marked, given_of, mark_row
from quiz.clock import Clock
from quiz.lang import _
from quiz.papers import Paper, PaperError
from quiz.question import InvalidResponse
from quiz.round.codes import EndReason
from quiz.session import Listener, Outcome, Phase, Session
from quiz.store.backend import StoreError
from quiz.store.recorder import Recorder
from quiz.store.records import Player, SittingRow
from quiz.store.review import parse_iso
from quiz.store.sittings import TOUCH_EVERY, claim, let_go, paper_state, sittings, touch
from quiz.store.sql import SqlStore

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Before:
    """This player's sittings of the paper so far."""

    finished: SittingRow | None
    unfinished: SittingRow | None
    new: bool = False  # the unfinished one was started just now, by this window


def before(store: SqlStore, player: Player, paper: Paper) -> Before:
    """What the store holds, read only (a teacher's view; a player's window uses `take`)."""
    rows = sittings(store, paper.code, player.id) if player.id else []
    finished = next((r for r in rows if not r.kept_open), None)
    unfinished = next((r for r in reversed(rows) if r.kept_open), None)
    return Before(finished, unfinished)


def take(store: SqlStore, player: Player, paper: Paper, clock: Clock, holder: str) -> Before:
    """The player's sitting of the paper, held by this window (`holder`): the finished one,
    else the open one, else a new one started now (as an unfinished sitting with nothing
    answered). Busy when another window holds it, PaperClosed when the paper has closed
    (quiz.store.sittings); StoreError when the store cannot say. A store that keeps nothing
    (no player id) has nothing to hold: Before(None, None), and `begin` plays unkept.
    While saving is paused (the store cannot be reached, a lock, no slot) a sitting is not
    started: its one-per-player check and its hold live on the store, so StoreError says to
    try again in a moment rather than let answers wait for a sitting the store never made."""
    paused = store.saver.paused
    if paused is not None:
        from quiz import words

        raise StoreError(words.paper_needs_store(paper.code, paused.reason), passing=True)
    if not player.id:
        return Before(None, None)
    claimed = claim(store, player.id, paper.code, paper.spec, holder, clock.now())
    rows = sittings(store, paper.code, player.id)
    finished = next((r for r in rows if not r.kept_open), None)
    if finished is not None or claimed is None:
        return Before(finished, None)
    unfinished = next((r for r in rows if r.round_id == claimed.round_id), None)
    return Before(None, unfinished, claimed.new)


def key_withheld(store: SqlStore, paper: Paper, clock: Clock) -> bool:
    """A served sitting's marks and right answers wait for the teacher: until the paper's
    answers are released (quiz paper release) or its closing time has passed."""
    return not paper_state(store, paper.code).key_shown(clock.now())


class Held(Listener):
    """The store's recorder, for a window that holds the sitting: each answer renews the hold
    and keeps the clock in the commit that records it (through the saver, so a store that
    falters delays neither); a thread touches the sitting every
    TOUCH_EVERY seconds between answers. If another window has taken the sitting over (this
    one was silent past its lease: suspended, cut off), nothing more is recorded from here
    and the player is told once."""

    def __init__(
        self,
        store: SqlStore,
        round_id: int,
        holder: str,
        recorder: Recorder,
        on_problem: Warn | None = None,
    ) -> None:
        self.store, self.round_id, self.holder = store, round_id, holder
        self.recorder, self.on_problem = recorder, on_problem
        recorder.holder = holder  # each answer renews the hold in its own commit
        self.lost = False
        self._stop = threading.Event()

    def keep(self, session: Session) -> bool:
        """Renew the hold now; False once the sitting is another window's."""
        from quiz.store.backend import StoreError

        if self.lost:
            return False
        if self.store.saver.paused is not None:
            return True  # the store falters: the hold stands, and the answers wait in order
        try:
            held = touch(
                self.store, self.round_id, self.holder, session.elapsed(), session.clock.now()
            )
        except StoreError:
            return True  # the store falters: the recorder says so, and the hold stands
        if not held:
            self._lose()
        return held

    def _lose(self) -> None:
        from quiz import words

        self.lost = True
        self._stop.set()
        if self.on_problem is not None:
            self.on_problem(words.taken_over())

    def watch(self, session: Session) -> None:
        """Touch the sitting every TOUCH_EVERY seconds until it ends (a daemon thread: a
        window that dies takes it along, and its hold lapses)."""

        def loop() -> None:
            while not self._stop.wait(TOUCH_EVERY):
                if session.phase is Phase.FINISHED or self.lost:
                    return
                try:
                    self.keep(session)
                except Exception:  # noqa: BLE001 - a touch is best effort; the next one tries
                    continue

        if session.phase is not Phase.FINISHED:
            threading.Thread(target=loop, daemon=True, name="quiz-sitting-touch").start()

    def release(self) -> None:
        """This window lets go of the sitting without ending it (the program stops, the
        input ended): it stays open, and another window may resume it at once."""
        from quiz.store.backend import StoreError

        self._stop.set()
        # While saving is paused the hold stays until its lease lapses: letting go now could
        # overtake the answers that wait, and would wait on the faltering store itself.
        if not self.lost and self.store.saver.paused is None:
            with contextlib.suppress(StoreError):  # if the store falters, the lease lapses
                let_go(self.store, self.round_id, self.holder)

    def started(self, session: Session) -> None:
        self.recorder.started(session)

    def answered(self, session: Session, outcome: Outcome) -> None:
        if self.lost:
            return
        self.recorder.answered(session, outcome)  # the hold renewed in the answer's commit
        if self.recorder.taken_over:
            self._lose()

    def finished(self, session: Session) -> None:
        if not self.lost:
            self.recorder.finished(session)
        self.release()


def let_go_of(session: Session) -> None:
    """The window is closing with the sitting still open: let another resume it now rather
    than after its lease lapses."""
    for listener in session.listeners:
        if isinstance(listener, Held):
            listener.release()


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
    """How an open sitting is resumed. Its time left is counted on the clock the store
    kept (row.elapsed), so a wall clock set back before resuming gives no time back."""
    limit = paper.spec.time_limit
    left = None
    if limit is not None:
        left = max(0.0, limit - row.elapsed)
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
    """A sitting on a store that keeps nothing (take gave Before(None, None)): played, its
    recorder reporting why nothing is kept."""
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
    holder: str = "",
) -> tuple[Session, Recorder]:
    """The unfinished sitting again, at its next question, on the same record, held by
    `holder`. If its time ran out meanwhile it ends at once (unanswered questions count as
    wrong)."""
    recorder = Recorder(
        store, player, on_problem, paper=paper.code, round_id=row.round_id, uid=row.uid
    )
    held = Held(store, row.round_id, holder, recorder, on_problem)
    session = Session(paper.spec, paper.pack, clock=clock, listeners=[held])
    try:
        session.restore(given_of(row), parse_iso(row.started_at), elapsed=row.elapsed)
    except (InvalidResponse, ValueError) as exc:
        raise PaperError(
            _("the unfinished sitting of {code} cannot be resumed: {reason}").format(
                code=paper.code, reason=exc
            )
        ) from None
    if session.phase is not Phase.FINISHED and session.time_left() == 0:
        session.expire()
    held.watch(session)
    return session, recorder


def close(
    paper: Paper,
    row: SittingRow,
    store: SqlStore,
    player: Player,
    clock: Clock,
    on_problem: Warn | None = None,
    holder: str = "",
) -> tuple[Session, Recorder]:
    """The unfinished sitting ended as it stands: what was answered counts, the rest is wrong."""
    session, recorder = resume(paper, row, store, player, clock, on_problem, holder)
    session.leave(EndReason.CLOSED)
    return session, recorder


def result(paper: Paper, row: SittingRow) -> Marked:
    """A finished sitting, marked: what a player who has sat the paper is shown."""
    from quiz.generate import round_questions

    return mark_row(row, paper.spec, paper.pack, round_questions(paper.pack, paper.spec))
