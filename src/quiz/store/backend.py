"""The one place that knows which database is underneath.

The store's SQL is written once, portable between SQLite and PostgreSQL: `?`
placeholders, ISO-8601 text timestamps, INTEGER 0/1 for booleans, `INSERT …
ON CONFLICT`, `RETURNING`. A backend supplies the connection, the transaction
(SQLite's `BEGIN IMMEDIATE`, so a read-then-write never deadlocks) and the few
words of DDL that differ (`{id}`, the auto-numbered key).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, Protocol

from quiz.lang import _

Row = tuple[Any, ...]


class StoreError(Exception):
    """The store cannot do what was asked (disk full, read-only, locked, corrupt).

    `passing` marks a failure that goes away by itself (a lost connection, a server
    restarting, a lock, a full disk, no connection slot): a write that failed so is kept and
    sent again, where any other failure is final."""

    def __init__(self, message: str, *, passing: bool = False) -> None:
        super().__init__(message)
        self.passing = passing


class RoundClosed(StoreError):
    """The round was ended elsewhere: a paper handed in from another window or terminal
    while this one was still open. Nothing more is kept for it, and nothing overwrites how
    it ended."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "this sitting was handed in from another window or terminal, so answers given "
                "here after that are not kept"
            )
        )


class TakenOver(StoreError):
    """Another window holds the sitting now (this one was silent past its lease): its answers
    from here are not kept."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "this sitting was taken over in another window or tab, so answers given here are "
                "not kept"
            )
        )


class Backend(Protocol):
    dialect: str
    where: str  # what to call it in messages: a path or a database name

    def ddl(self, sql: str) -> str: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """The rows of a long read, a batch at a time (a migration's million answers)."""
        ...

    def transaction(self) -> Any: ...

    def tables(self) -> set[str]: ...

    def lock_schema(self) -> None:
        """Inside the migration's transaction: keep other processes out until it commits."""
        ...

    def patience(self, seconds: float) -> Any:
        """A context in which a lock is waited for `seconds` at most, not the usual while."""
        ...

    def close(self) -> None: ...


class DbApiBackend:
    """Shared by the adapters: a DB-API connection used by one thread at a time."""

    dialect = "sql"
    where = ""
    ID = "INTEGER PRIMARY KEY"
    BEGIN = "BEGIN"
    errors: tuple[type[BaseException], ...] = ()

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self._lock = threading.RLock()
        self._depth = 0

    def ddl(self, sql: str) -> str:
        return sql.replace("{id}", self.ID)

    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._lock:
            if not self._depth:
                self._ready()
            try:
                cur = self.conn.execute(self._sql(sql), tuple(params))
                rows = cur.fetchall() if cur.description else []
            except self.errors as exc:
                raise StoreError(_reason(exc), passing=self.passing(exc)) from exc
            return [tuple(r) for r in rows]

    def _ready(self) -> None:
        """Before a statement outside a transaction: a backend whose connection can break
        (a server restarted) connects again here."""

    def passing(self, exc: BaseException) -> bool:
        """Whether the driver's error `exc` goes away by itself (see StoreError)."""
        return False

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One unit of work, committed at the end (or rolled back on any error); nested
        calls join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self.execute(self.BEGIN)
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                with suppress(StoreError):
                    self.execute("ROLLBACK")
                raise
            self._depth = 0
            self.execute("COMMIT")

    def lock_schema(self) -> None:
        """Most backends need nothing more than their write transaction (SQLite's BEGIN
        IMMEDIATE already lets one writer in at a time)."""

    @contextmanager
    def patience(self, seconds: float) -> Iterator[None]:
        """A server's own lock timeout already bounds the wait (PostgreSQL: 5 s)."""
        yield

    def tables(self) -> set[str]:
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {str(r[0]) for r in rows}

    def close(self) -> None:
        with self._lock, suppress(Exception):  # closing a broken connection is best effort
            self.conn.close()

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 5000) -> Iterator[Row]:
        """The rows of a read a batch at a time, never all in memory at once (a migration
        replays a million answers). The connection stays this thread's until the last row."""
        with self._lock:
            try:
                cur = self._stream_cursor()
                try:
                    cur.execute(self._sql(sql), tuple(params))
                    while batch := cur.fetchmany(size):
                        yield from batch  # rows are tuples on both adapters
                finally:
                    cur.close()
            except self.errors as exc:
                raise StoreError(_reason(exc)) from exc

    def _stream_cursor(self) -> Any:
        """A cursor whose rows come a batch at a time (SQLite's always do)."""
        return self.conn.cursor()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
