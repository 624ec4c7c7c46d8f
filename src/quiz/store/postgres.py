"""The PostgreSQL adapter: one database for a school, shared by several hosts.

The store's SQL is the same as on SQLite; this adapter only translates `?`
placeholders to psycopg's `%s`, names the auto-numbered key, and takes a
transaction-scoped advisory lock while the schema is migrated, so two hosts
starting at once never both create the tables. Needs `pip install 'quiz[postgres]'`
(psycopg 3).
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from quiz.lang import _
from quiz.store.backend import DbApiBackend, StoreError

SCHEMES = ("postgresql://", "postgres://")
MIGRATION_LOCK = 0x7175697A  # "quiz": the advisory lock held while migrating
# A statement waiting on a lock, or running, gives up after these: the write is then kept and
# sent again later (see quiz.store.saver) instead of freezing the game. Migrations lift both.
TIMEOUTS = (
    "-c lock_timeout=5000 -c statement_timeout=15000 -c idle_in_transaction_session_timeout=60000"
)


def is_postgres(target: str) -> bool:
    return target.startswith(SCHEMES)


class PostgresBackend(DbApiBackend):
    dialect = "postgresql"
    ID = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    BEGIN = "BEGIN"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError(_("PostgreSQL needs psycopg: pip install 'quiz[postgres]'")) from None
        self.errors = (psycopg.Error,)
        self._passing_errors = (psycopg.OperationalError, psycopg.InterfaceError)
        self.where = redacted(url)
        self._url = url
        super().__init__(self._connect())

    def _connect(self) -> Any:
        import psycopg

        try:
            return psycopg.connect(self._url, autocommit=True, connect_timeout=10, options=TIMEOUTS)
        except psycopg.Error as exc:
            raise StoreError(
                _("cannot connect to {where}: {reason}").format(
                    where=self.where, reason=_first_line(exc)
                ),
                passing=self.passing(exc),
            ) from None

    def _ready(self) -> None:
        """A connection lost (the server restarted, the network dropped) is made again."""
        if self.conn.closed or self.conn.broken:
            with suppress(Exception):
                self.conn.close()
            self.conn = self._connect()

    def passing(self, exc: BaseException) -> bool:
        """Connection lost or refused, no slot free, server shutting down, a lock or
        statement timeout, a full disk: PostgreSQL's operational errors."""
        return isinstance(exc, self._passing_errors)

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _stream_cursor(self) -> Any:
        """Inside a transaction, a server-side cursor: psycopg's ordinary one would fetch the
        whole result (a migration's million answers) into memory before the first row."""
        return self.conn.cursor(name="quiz_stream") if self._depth else self.conn.cursor()

    def lock_schema(self) -> None:
        # a long migration, or one waiting for another host's, is not a frozen game
        self.execute("SET LOCAL statement_timeout = 0")
        self.execute("SET LOCAL lock_timeout = 0")
        self.execute(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, _, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at:
        return url
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}@{host}" if user else f"{scheme}://{host}"


def _first_line(exc: Any) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
