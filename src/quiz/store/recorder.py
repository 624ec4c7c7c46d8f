"""The store as a session listener: each answer is committed the moment it is given.

Light to import (the store's modules load with the first answer), so a round started from
the command line can be given its recorder before its first question is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.session import Listener, Outcome, Session

if TYPE_CHECKING:
    from quiz.store.records import Player
    from quiz.store.sql import SqlStore


class Recorder(Listener):
    """Writes a round to the store. A write that fails is reported once through `on_problem`
    and never interrupts the game."""

    def __init__(
        self,
        store: SqlStore | None,
        player: Player | None,
        on_problem: Callable[[str], None] | None = None,
        resolve: Callable[[], tuple[SqlStore, Player]] | None = None,
        *,
        paper: str | None = None,
        round_id: int | None = None,
    ) -> None:
        self._store = store
        self._player = player
        self._resolve = resolve
        self.on_problem = on_problem
        self.paper = paper  # the paper code of an exam's sitting
        # Set when the round is kept already: a sitting resumed after a crash goes on there.
        self.round_id: int | None = round_id
        self.problem: str | None = None

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

    def started(self, session: Session) -> None:
        if self.round_id is None:
            self._try(lambda: self._start(session))

    def _start(self, session: Session) -> None:
        from quiz.store.review import iso

        self.round_id = self.store.start_round(
            self.player.id, session.spec, iso(session.started_at), paper=self.paper
        )

    def answered(self, session: Session, outcome: Outcome) -> None:
        if self.round_id is not None:
            round_id = self.round_id
            from quiz.store.records import AnswerRecord

            self._try(lambda: self.store.record_answer(round_id, AnswerRecord.of(outcome)))

    def finished(self, session: Session) -> None:
        from quiz.store.review import iso

        if self.round_id is not None:
            round_id = self.round_id
            self._try(
                lambda: self.store.finish_round(
                    round_id, _status(session), iso(session.clock.now()), session.score
                )
            )

    def _try(self, write: Callable[[], None]) -> None:
        from quiz.store.backend import StoreError

        try:
            write()
        except StoreError as exc:
            if self.problem is None:
                self.problem = f"progress is not being saved: {exc}"
                if self.on_problem is not None:
                    self.on_problem(self.problem)


def _status(session: Session) -> str:
    """The round's status as the store keeps it."""
    return session.end_reason.value if session.end_reason is not None else "open"
