"""The store as a session listener: each answer is committed the moment it is given."""

from __future__ import annotations

from collections.abc import Callable

from quiz.session import Listener, Outcome, Session
from quiz.store.backend import StoreError
from quiz.store.records import AnswerRecord, Player
from quiz.store.review import iso
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
        self.round_id = self.store.start_round(
            self.player.id, session.spec, iso(session.started_at), paper=self.paper
        )

    def answered(self, session: Session, outcome: Outcome) -> None:
        if self.round_id is not None:
            round_id = self.round_id
            self._try(lambda: self.store.record_answer(round_id, AnswerRecord.of(outcome)))

    def finished(self, session: Session) -> None:
        if self.round_id is not None:
            round_id = self.round_id
            self._try(
                lambda: self.store.finish_round(
                    round_id, session.end_reason, iso(session.clock.now()), session.score
                )
            )

    def _try(self, write: Callable[[], None]) -> None:
        try:
            write()
        except StoreError as exc:
            if self.problem is None:
                self.problem = f"progress is not being saved: {exc}"
                if self.on_problem is not None:
                    self.on_problem(self.problem)
