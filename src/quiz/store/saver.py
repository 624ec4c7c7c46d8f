"""Every write of a round reaches the store, in order, or waits on this computer until it can.

The recorder hands each write to the saver and waits for it, as it always did: the answer is
on the store the moment the player sees "Right!". When the store falters for a reason that
passes (a connection lost, a server restarting, a lock, a full disk, no connection slot) or
does not answer within `PATIENCE`, the write and every one after it go to the outbox (a file
on this computer) and the player is told once: saving paused. One thread sends what waits, in
order, with a growing pause between tries, and says "saved again" when nothing is left. A
write that can never land (a sitting handed in elsewhere) is dropped and said.

Sending twice is safe (see quiz.store.writes), so a write that timed out here but landed
there changes nothing when it is sent again.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol

from quiz.lang import _
from quiz.store.backend import StoreError
from quiz.store.events import Dropped, Paused, Resumed, SaveEvent
from quiz.store.outbox import Outbox
from quiz.store.writes import RecordAnswer, Write


class Target(Protocol):
    """The store as the saver sees it (quiz.store.sql.SqlStore)."""

    def write_all(self, ws: Sequence[Write]) -> list[int | StoreError]: ...
    def close(self) -> None: ...


PATIENCE = 3.0  # seconds an answer waits for the store before it is kept here instead
FIRST_RETRY, LAST_RETRY = 0.25, 8.0  # the pause between tries doubles from the first to the last
BATCH = 200  # writes waiting together are sent in one commit, at most this many


Watcher = Callable[[SaveEvent], None]


@dataclass(eq=False)
class _Item:
    write: Write
    entry: int | None = None  # its row in the outbox, once kept there
    round_id: int | None = None
    error: StoreError | None = None
    kept: bool = False  # handed to the outbox (or memory) to be sent later
    settled: threading.Event = field(default_factory=threading.Event)
    # Told when the store refuses the write for good after it was kept (nobody waits then).
    refused: Callable[[StoreError], None] | None = None


class Saver:
    def __init__(
        self,
        outbox: Outbox,
        store: Target | None = None,
        connect: Callable[[], Target] | None = None,
        patience: float = PATIENCE,
        paused: str | None = None,
    ) -> None:
        self.outbox = outbox
        self._store = store
        self._connect = connect  # how to reach the store when it could not be opened at first
        self.patience = patience
        self._queue: deque[_Item] = deque()
        self._cond = threading.Condition()
        self._watchers: list[Watcher] = []
        self._thread: threading.Thread | None = None
        self._closed = False
        # Paused from the start when the store could not be reached at first (`paused` says
        # why): the first watcher hears it at once.
        self.paused = Paused(paused, outbox.path is not None) if paused else None
        for entry, w in outbox.waiting():  # left by an earlier run: sent first
            self._queue.append(_Item(w, entry, kept=True))
        if self._queue:
            self._start()

    def watch(self, watcher: Watcher) -> None:
        """`watcher` is told of pauses and resumes, from whichever thread notices them."""
        self._watchers.append(watcher)
        if self.paused is not None:
            watcher(self.paused)

    @property
    def waiting(self) -> int:
        """Writes not yet on the store."""
        return len(self._queue)

    @property
    def answers_waiting(self) -> int:
        """Answers among them (what the player is told of)."""
        return sum(isinstance(i.write, RecordAnswer) for i in list(self._queue))

    def send(self, w: Write, refused: Callable[[StoreError], None] | None = None) -> int | None:
        """Store `w` now: the round's id. Kept to send later: None (watchers were told why).
        StoreError when the store refuses it for good now; `refused` when it does so later,
        once the write had been kept."""
        outcome = self.send_all([w], refused)[0]
        if isinstance(outcome, StoreError):
            raise outcome
        return outcome

    def send_all(
        self, ws: Sequence[Write], refused: Callable[[StoreError], None] | None = None
    ) -> list[int | None | StoreError]:
        """Several writes handed over at once (a class's answers to a live game), so they can
        share a commit: for each, as `send` says, the StoreError returned, not raised."""
        items = [_Item(w, refused=refused) for w in ws]
        with self._cond:
            self._enqueue(items)
            # behind what waits already: straight to the outbox
            events = self._pause(self.paused.reason) if self.paused is not None else []
        self._tell(events)
        if not items[-1].settled.wait(self.patience):  # settled in order: the last is enough
            with self._cond:
                events = (
                    []
                    if items[-1].settled.is_set()
                    else self._pause(_("the store does not answer"))
                )
            self._tell(events)
        return [item.error if item.error is not None else item.round_id for item in items]

    def keep_all(
        self, ws: Sequence[Write], refused: Callable[[StoreError], None] | None = None
    ) -> None:
        """Keep `ws` on this computer at once, in one commit, and send them to the store
        behind: for a live class on a database across the network, where each answer is
        many round trips but the outbox is one local flush for them all. A refusal for good
        comes later, through `refused` (and watchers hear it). When the outbox cannot be
        written, they are sent as `send_all` sends them, and refusals raise here."""
        entries = self.outbox.add_all(ws)
        if entries is None:
            for outcome in self.send_all(ws, refused):
                if isinstance(outcome, StoreError):
                    raise outcome
            return
        with self._cond:
            self._enqueue(
                [
                    _Item(w, entry, kept=True, refused=refused)
                    for w, entry in zip(ws, entries, strict=True)
                ]
            )

    def falter(self, reason: str) -> None:
        """The store failed, for a reason that passes, at something other than a write (a
        new player's row): what comes next waits here, and watchers are told now."""
        with self._cond:
            events = self._pause(reason)
        self._tell(events)

    def settle(self, timeout: float) -> bool:
        """Wait until nothing waits (True), or `timeout` seconds (False)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue, timeout)

    def close(self, timeout: float = 2.0) -> int:
        """Stop after what waits is sent or `timeout` passes; how many answers are lost (held
        only in memory because the outbox could not be written either)."""
        self.settle(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            lost = sum(isinstance(i.write, RecordAnswer) and i.entry is None for i in self._queue)
        if self._connect is not None and self._store is not None:
            self._store.close()  # the store it reached itself
        return lost

    # -- the sending thread ------------------------------------------------------------

    def _enqueue(self, items: list[_Item]) -> None:
        """Under the lock: `items` in line, and the sending thread woken (started if need be)."""
        self._queue.extend(items)
        self._start()
        self._cond.notify_all()

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="quiz-saver", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        delay = FIRST_RETRY
        alone = 0  # writes to send one at a time: a batch failed for good, so find which
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._closed)
                if self._closed:
                    return
                batch = list(islice(self._queue, 1 if alone else BATCH))
            try:
                target = self._reach()
            except Exception as exc:  # noqa: BLE001 - not reached yet: that passes, as a lost
                # connection does (the store was out of reach when the program began; a
                # refusal now, even one that names no passing cause, refuses no write)
                delay = self._wait_out(str(exc), delay)
                continue
            try:
                outcomes = target.write_all([item.write for item in batch])
            except Exception as exc:  # noqa: BLE001 - the thread must outlive any one write
                if not isinstance(exc, StoreError):
                    exc = StoreError(f"{type(exc).__name__}: {exc}")
                if exc.passing:
                    delay = self._wait_out(str(exc), delay)
                    continue
                if len(batch) > 1:
                    alone = len(batch)
                    continue
                outcomes = [exc]
            delay = FIRST_RETRY
            alone = max(0, alone - len(batch))
            self._done(batch, outcomes)

    def _wait_out(self, reason: str, delay: float) -> float:
        """Keep what waits, tell the watchers why, pause `delay`: the next, longer pause."""
        with self._cond:
            events = self._pause(reason)
        self._tell(events)
        with self._cond:
            self._cond.wait_for(lambda: self._closed, delay)
        return min(delay * 2, LAST_RETRY)

    def _reach(self) -> Target:
        if self._store is None:
            assert self._connect is not None
            self._store = self._connect()
        return self._store

    def _done(self, batch: list[_Item], outcomes: Sequence[int | StoreError]) -> None:
        """The first writes in line are sent (or refused for good): say so, then let them
        go, so whoever waits for `settle` hears the news before it returns."""
        events: list[SaveEvent] = []
        with self._cond:
            for item, outcome in zip(batch, outcomes, strict=True):
                if isinstance(outcome, StoreError):
                    item.error = outcome
                    if item.kept:  # nobody waits for it: say it
                        events.append(Dropped(str(outcome)))
                else:
                    item.round_id = outcome
                item.settled.set()
            if len(self._queue) == len(batch) and self.paused is not None:
                self.paused = None
                events.append(Resumed())
            entries = [item.entry for item in batch if item.entry is not None]
        self.outbox.drop(*entries)
        self._tell(events)
        for item in batch:
            if item.error is not None and item.kept and item.refused is not None:
                item.refused(item.error)
        with self._cond:
            for _item in batch:
                self._queue.popleft()
            self._cond.notify_all()

    def _pause(self, reason: str) -> list[SaveEvent]:
        """Under the lock: keep everything waiting (each caller then stops waiting for its
        write); the event to tell, outside the lock, when the pause is new or changed."""
        for item in self._queue:
            if not item.kept and not item.settled.is_set():  # (a settled one is being let go)
                item.entry = self.outbox.add(item.write)
                item.kept = True
                item.settled.set()
        paused = Paused(reason, all(i.entry is not None for i in self._queue))
        if paused == self.paused:
            return []
        self.paused = paused
        return [paused]

    def _tell(self, events: list[SaveEvent]) -> None:
        for event in events:
            for watcher in list(self._watchers):
                watcher(event)
