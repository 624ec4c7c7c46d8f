"""The outbox: a round's writes the store could not take yet, kept on this computer.

A SQLite file in the user's data folder (never beside the store: a store whose disk is full,
or a server that is away, must not take its outbox with it). Each entry names the store it is
for, so the next program that opens that store sends what waits, in the order it was given.
When even this file cannot be written (the same disk is full), the writes are held in memory,
and `durable` says so: the player is told to keep the game open until saving resumes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from quiz.store import writes
from quiz.store.writes import Write

FILE = "outbox.db"


class Outbox:
    def __init__(self, store: str, path: Path | None) -> None:
        self.store = store  # the store's name as messages give it (no password)
        self.path = path
        self.durable = path is not None
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def of_store(cls, where: str) -> Outbox:
        """The outbox of the store named `where` (a file path or a PostgreSQL address without
        its password), in the user's data folder. A file is named by its absolute path, so
        the same relative --db in another folder is another store; a store in memory has
        no outbox file (what waits is held in memory)."""
        from quiz.folders import data_dir
        from quiz.store.postgres import is_postgres

        if where == ":memory:":
            return cls(where, None)
        key = where if is_postgres(where) else str(Path(where).resolve())
        return cls(key, data_dir() / FILE)

    def add(self, w: Write) -> int | None:
        """Keep `w`; its entry, or None when it could only be held in memory."""
        entries = self.add_all([w])
        return entries[0] if entries else None

    def add_all(self, ws: Sequence[Write]) -> list[int] | None:
        """Keep every write of `ws` in one commit (one flush to the disk for a class's
        answers); their entries, or None when they could not be kept here."""
        entries: list[int] = []
        try:
            with self._db() as db, _transaction(db):
                for w in ws:
                    cur = db.execute(
                        "INSERT INTO waiting (store, body) VALUES (?, ?)",
                        (self.store, writes.dumps(w)),
                    )
                    assert cur.lastrowid is not None  # an INSERT into a rowid table sets it
                    entries.append(cur.lastrowid)
        except (sqlite3.Error, OSError):
            self.durable = False
            return None
        self.durable = True
        return entries

    def waiting(self) -> list[tuple[int, Write]]:
        """What waits for this store, oldest first (left by this program or an earlier one)."""
        if self.path is None or not self.path.exists():
            return []
        try:
            with self._db() as db:
                rows = db.execute(
                    "SELECT id, body FROM waiting WHERE store = ? ORDER BY id", (self.store,)
                ).fetchall()
        except (sqlite3.Error, OSError):
            return []
        kept = []
        for entry, body in rows:
            try:
                kept.append((int(entry), writes.loads(body)))
            except (ValueError, KeyError, TypeError):  # not ours, or damaged: leave it be
                continue
        return kept

    def drop(self, *entries: int) -> None:
        """The store has them: forget them, in one commit (best effort: sent again, a write
        changes nothing)."""
        if not entries:
            return
        with suppress(sqlite3.Error, OSError), self._db() as db, _transaction(db):
            db.executemany("DELETE FROM waiting WHERE id = ?", [(e,) for e in entries])

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        if self.path is None:
            raise OSError("no folder for the outbox")
        with self._lock:
            if self._conn is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    str(self.path), isolation_level=None, check_same_thread=False, timeout=5
                )
                conn.execute("PRAGMA synchronous = FULL")  # it is the one copy: on disk first
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS waiting (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                    "store TEXT NOT NULL, body TEXT NOT NULL)"
                )
                self._conn = conn
            yield self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """Several statements in one commit (the connection commits each alone otherwise)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
