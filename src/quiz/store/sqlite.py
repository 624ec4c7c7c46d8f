"""The SQLite adapter: the embedded default, one file in the user's data folder.

WAL lets readers and one writer work at once; `synchronous=NORMAL` in WAL mode
keeps every committed answer through a crash or SIGKILL of the program (only a
power cut can cost the last commits) at well under a millisecond a commit. A
busy timeout lets six players on one file wait for each other instead of failing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from quiz.lang import _
from quiz.store.backend import DbApiBackend, StoreError

BUSY_TIMEOUT_MS = 10_000


class NotADatabase(StoreError):
    """The file exists but is not a readable SQLite database."""


class SqliteBackend(DbApiBackend):
    dialect = "sqlite"
    ID = "INTEGER PRIMARY KEY"
    BEGIN = "BEGIN IMMEDIATE"
    errors = (sqlite3.Error,)

    def __init__(self, path: Path | str) -> None:
        self.where = str(path)
        try:
            conn = sqlite3.connect(
                str(path),
                isolation_level=None,  # we say when transactions begin and end
                check_same_thread=False,  # opened off the UI thread, used on it; we lock
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
        except sqlite3.Error as exc:
            raise StoreError(
                _("cannot open {file}: {reason}").format(file=path, reason=exc)
            ) from exc
        super().__init__(conn)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise NotADatabase(str(exc)) from exc
            raise StoreError(
                _("cannot use {file}: {reason}").format(file=path, reason=exc)
            ) from exc
        self.journal = str(mode[0]) if mode else ""

    def passing(self, exc: BaseException) -> bool:
        """A lock held too long, a full disk, a folder or file that cannot be reached now."""
        text = str(exc).lower()
        return isinstance(exc, sqlite3.OperationalError) and any(
            w in text for w in ("locked", "busy", "full", "disk i/o", "unable to open")
        )

    def tables(self) -> set[str]:
        return {
            str(r[0]) for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }

    @contextmanager
    def patience(self, seconds: float) -> Iterator[None]:
        """Wait for another program's lock `seconds` at most (not BUSY_TIMEOUT_MS): a write a
        player waits on (their name, added at start) gives up as soon as an answer would, and
        the game goes on with the answers kept on this computer."""
        with self._lock:
            self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
            try:
                yield
            finally:
                with suppress(sqlite3.Error):
                    self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @classmethod
    def memory(cls) -> SqliteBackend:
        return cls(":memory:")
