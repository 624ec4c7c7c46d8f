"""The PostgreSQL adapter: one database for a school, shared by several hosts.

The store's SQL is the same as on SQLite; this adapter only translates `?`
placeholders to psycopg's `%s`, names the auto-numbered key, and takes a
transaction-scoped advisory lock while the schema is migrated, so two hosts
starting at once never both create the tables. Needs `pip install 'quiz[postgres]'`
(psycopg 3).
"""

from __future__ import annotations

from typing import Any

from quiz.store.backend import DbApiBackend, StoreError

SCHEMES = ("postgresql://", "postgres://")
MIGRATION_LOCK = 0x7175697A  # "quiz": the advisory lock held while migrating


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
            raise StoreError("PostgreSQL needs psycopg: pip install 'quiz[postgres]'") from None
        self.errors = (psycopg.Error,)
        self.where = redacted(url)
        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.where}: {_first_line(exc)}") from None
        super().__init__(conn)

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _stream_cursor(self) -> Any:
        """Inside a transaction, a server-side cursor: psycopg's ordinary one would fetch the
        whole result (a migration's million answers) into memory before the first row."""
        return self.conn.cursor(name="quiz_stream") if self._depth else self.conn.cursor()

    def lock_schema(self) -> None:
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
