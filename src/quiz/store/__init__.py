"""Where progress is kept: open the store (SQLite, or PostgreSQL for a school), and never let it
stop a game.

`open_store` always returns a working store. A file that is not a database is
set aside (its bytes kept, renamed beside it) and a new one started; a folder
that cannot be written, or a database that cannot be opened, gives an
in-memory store whose `problem` says why progress is not being saved, so the
game still plays and says so.

`open_to_read` is for the commands that only read (results, report, stats): an
empty in-memory store would give them an empty answer that looks like a true one
("0 sittings"), so it raises StoreError instead, naming the store and the cause,
and it never sets a damaged file aside (a read changes nothing).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.lang import _
from quiz.store.backend import StoreError

if TYPE_CHECKING:
    from quiz.clock import Clock
    from quiz.store.backend import Backend
    from quiz.store.sql import SqlStore

__all__ = ["SqlStore", "StoreError", "open_store", "open_to_read", "default_target"]


def __getattr__(name: str) -> Any:
    """SqlStore loads on first use (PEP 562): a recorder can be made before the store."""
    if name == "SqlStore":
        from quiz.store.sql import SqlStore

        return SqlStore
    raise AttributeError(f"module 'quiz.store' has no attribute {name!r}")


def default_target() -> str:
    """--db, else QUIZ_DB, else progress.db in the user's data folder."""
    env = os.environ.get("QUIZ_DB")
    if env:
        return env
    from quiz.folders import data_dir

    return str(data_dir() / "progress.db")


def open_store(target: str | None = None, clock: Clock | None = None) -> SqlStore:
    """The store at `target`: a file path (SQLite) or a postgresql:// URL."""
    from quiz.store.postgres import PostgresBackend, is_postgres, redacted

    target = target or default_target()

    def reach(saving: bool = True) -> SqlStore:
        if is_postgres(target):
            return _open(PostgresBackend(target), clock, saving)
        return _open_file(Path(target), clock, saving)

    try:
        return reach()
    except StoreError as exc:
        store = _memory(clock)
        if not exc.passing:
            store.problem = _("progress is not being saved: {reason}").format(reason=exc)
            return store
        # It may be back in a moment (a server restarting, no connection slot free): the
        # game plays on this stand-in, and its writes wait here until the store is reached.
        # The store it reaches later sends nothing of its own: this saver does, once.
        from quiz.store.outbox import Outbox
        from quiz.store.saver import Saver

        where = redacted(target) if is_postgres(target) else target
        store.saver = Saver(
            Outbox.of_store(where), connect=lambda: reach(saving=False), paused=str(exc)
        )
        return store


def open_to_read(target: str | None = None, clock: Clock | None = None) -> SqlStore:
    """The store at `target` as it is, or StoreError (one line naming it, and why): never
    an in-memory stand-in, never a damaged file set aside."""
    from quiz.store.postgres import PostgresBackend, is_postgres, redacted

    target = target or default_target()
    try:
        if is_postgres(target):
            return _open(PostgresBackend(target), clock)
        return _read_file(Path(target), clock)
    except StoreError as exc:
        where = redacted(target) if is_postgres(target) else target
        if where in str(exc):
            raise
        raise StoreError(f"{where}: {exc}") from None


def _read_file(path: Path, clock: Clock | None) -> SqlStore:
    from quiz.store.sqlite import NotADatabase, SqliteBackend

    if path.is_dir():
        raise StoreError(_("{file} is a folder, not a progress file").format(file=path))
    if not path.exists():
        # Nothing kept there yet: an empty store is the true answer, made as any run makes it.
        return _open_file(path, clock)
    try:
        backend = SqliteBackend(path)
    except NotADatabase as exc:
        raise StoreError(
            _(
                "{file} is not a readable progress file ({reason}); left as it is "
                "(quiz play sets it aside and starts anew)"
            ).format(file=path, reason=exc)
        ) from None
    return _open(backend, clock)


def _memory(clock: Clock | None) -> SqlStore:
    from quiz.store.sql import SqlStore
    from quiz.store.sqlite import SqliteBackend

    return SqlStore(SqliteBackend.memory(), clock)


def _open_file(path: Path, clock: Clock | None, saving: bool = True) -> SqlStore:
    from quiz.store.sql import SqlStore
    from quiz.store.sqlite import NotADatabase, SqliteBackend

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            _("cannot create {folder}: {reason}").format(
                folder=path.parent, reason=exc.strerror or exc
            )
        ) from None
    try:
        backend = SqliteBackend(path)
    except NotADatabase:
        kept = _set_aside(path)
        backend = SqliteBackend(path)
        store = SqlStore(backend, clock, saving=saving)
        store.notice = _(
            "{file} was not a readable progress file; kept as {kept}, started anew"
        ).format(file=path, kept=kept.name)
        return store
    return _open(backend, clock, saving)


def _open(backend: Backend, clock: Clock | None, saving: bool = True) -> SqlStore:
    from quiz.store.sql import SqlStore

    try:
        return SqlStore(backend, clock, saving=saving)
    except StoreError:
        backend.close()
        raise


def _set_aside(path: Path) -> Path:
    """Rename a damaged file (and its WAL companions) beside itself; never delete a byte."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise StoreError(
            _("{file} is not a database and cannot be set aside: {reason}").format(
                file=path, reason=exc
            )
        ) from None
    return target
