"""The store as a session listener: each answer is committed the moment it is given.

Each write goes through the store's saver (quiz.store.saver): stored at once, or kept on
this computer and sent when the store is back, the player told either way. Light to import
(the store's modules load with the first answer), so a round started from the command line
can be given its recorder before its first question is drawn.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.lang import _
from quiz.session import Listener, Outcome, Session
from quiz.store.backend import StoreError, TakenOver

if TYPE_CHECKING:
    from quiz.store.records import Player
    from quiz.store.sql import SqlStore
    from quiz.store.writes import Write


class Recorder(Listener):
    """Writes a round to the store. A write the store refuses for good is reported once
    through `on_problem` and never interrupts the game; one that waits for the store is told
    by the saver to whoever watches it."""

    def __init__(
        self,
        store: SqlStore | None,
        player: Player | None,
        on_problem: Callable[[str], None] | None = None,
        resolve: Callable[[], tuple[SqlStore, Player]] | None = None,
        *,
        paper: str | None = None,
        round_id: int | None = None,
        uid: str | None = None,
    ) -> None:
        self._store = store
        self._player = player
        self._resolve = resolve
        self.on_problem = on_problem
        self.paper = paper  # the paper code of an exam's sitting
        # Set when the round is kept already: a sitting resumed after a crash goes on there.
        self.round_id: int | None = round_id
        self.resumed = uid is not None
        self.uid = uid or str(uuid.uuid4())  # the round's name on every store and computer
        self.problem: str | None = None
        self.holder: str | None = None  # the window holding this sitting, when one does
        self.taken_over = False  # another window holds the sitting now

    @classmethod
    def later(
        cls,
        resolve: Callable[[], tuple[SqlStore, Player]],
        on_problem: Callable[[str], None] | None = None,
    ) -> Recorder:
        """A recorder for a round made before the store was open: `resolve` is called when
        the first answer comes (by then the store has long been opened on its thread)."""
        return cls(None, None, on_problem, resolve)

    @property
    def store(self) -> SqlStore:
        self._ensure()
        assert self._store is not None
        return self._store

    @property
    def player(self) -> Player:
        self._ensure()
        assert self._player is not None
        return self._player

    def _ensure(self) -> None:
        if self._resolve is not None:
            resolve, self._resolve = self._resolve, None
            self._store, self._player = resolve()

    # The writes, the records and their dates are imported where a write is made, not with
    # this module: a round started from the command line gets its recorder before its first
    # question is drawn, and these (a sixth of the time quiz adds to that frame) can wait.
    def started(self, session: Session) -> None:
        from quiz.store.review import iso
        from quiz.store.writes import StartRound

        if not self.resumed:
            self._try(
                lambda: StartRound.of(
                    self.uid, self.player.name, session.spec, iso(session.started_at), self.paper
                )
            )

    def answered(self, session: Session, outcome: Outcome) -> None:
        from quiz.store.records import AnswerRecord
        from quiz.store.writes import Hold, RecordAnswer

        held = None if self.holder is None else Hold(self.holder, session.elapsed())
        self._try(lambda: RecordAnswer(self.uid, AnswerRecord.of(outcome), held))

    def finished(self, session: Session) -> None:
        from quiz.store.review import iso
        from quiz.store.writes import FinishRound

        self._try(
            lambda: FinishRound(self.uid, _status(session), iso(session.clock.now()), session.score)
        )

    def stored(self) -> bool:
        """Whether no write of this round waits on this computer for the store (one refused
        for good was said already, through `on_problem`)."""
        return self.store.saver.waiting == 0

    def _try(self, write: Callable[[], Write]) -> None:
        if self.problem is not None:
            return  # refused for good once: nothing after it can be kept either
        try:
            round_id = self.store.saver.send(write(), self._refused)
        except StoreError as exc:
            self._refused(exc)
            return
        if round_id is not None:
            self.round_id = round_id

    def _refused(self, exc: StoreError) -> None:
        """The store refused a write of this round for good (now, or later when a kept one
        was sent): nothing after it is kept, and the player is told once."""
        if self.problem is not None:
            return
        self.taken_over = isinstance(exc, TakenOver)
        self.problem = (
            str(exc)
            if self.taken_over
            else _("progress is not being saved: {reason}").format(reason=exc)
        )
        if self.on_problem is not None and not self.taken_over:  # its holder says that
            self.on_problem(self.problem)


def _status(session: Session) -> str:
    """The round's status as the store keeps it."""
    return session.end_reason.value if session.end_reason is not None else "open"
