"""A real PostgreSQL server for the tests: a throw-away cluster in a temporary folder, reached
only through a Unix socket in that folder (no TCP port at all).

`QUIZ_TEST_PG` (a postgresql:// URL to an admin database) uses a server you run yourself.
Otherwise, where `initdb` and `pg_ctl` are installed (Debian's `postgresql` package; `.ci/run`
installs it), the tests start their own and stop it at the end. As root, PostgreSQL runs as
the `postgres` user, which it requires.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def _tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in _BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    return None


def why_not() -> str | None:
    """None when a server can be had, else why not (the reason a test is skipped)."""
    if os.environ.get("QUIZ_TEST_PG"):
        return None
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'quiz[postgres]')"
    if not (_tool("initdb") and _tool("pg_ctl")):
        return "PostgreSQL's initdb/pg_ctl are not installed (apt-get install postgresql)"
    if os.geteuid() == 0 and not (shutil.which("runuser") and _has_user("postgres")):
        return "running as root without a postgres user to run the server"
    return None


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


class Server:
    """A cluster for one test session; `database()` gives each test its own database."""

    def __init__(self) -> None:
        self._names = itertools.count(1)
        self.folder: Path | None = None
        url = os.environ.get("QUIZ_TEST_PG")
        if url:
            self.admin = url
            return
        self.folder = Path(tempfile.mkdtemp(prefix="quiz-pg-"))
        self.folder.chmod(0o777)
        data = self.folder / "data"
        self._run(_tool("initdb"), "-D", str(data), "-A", "trust", "-U", "quiz", "-E", "UTF8")
        self.start()
        self.admin = f"postgresql://quiz@/postgres?host={self.folder}"

    def start(self) -> None:
        assert self.folder is not None
        data, log = self.folder / "data", self.folder / "log"
        self._run(
            _tool("pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o",
            f"-c listen_addresses='' -k {self.folder} -c fsync=off", "start",
        )  # fmt: skip

    def halt(self) -> None:
        """Stop the server as an administrator restarting it would (`-m fast`: every
        connection is cut); `start` brings it back with its data."""
        assert self.folder is not None
        self._run(_tool("pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def _run(self, *argv: str | None) -> None:
        command = [str(a) for a in argv]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def database(self) -> str:
        """A new, empty database; its URL."""
        import psycopg

        name = f"quiz_test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        base, _, query = self.admin.partition("?")
        base = base.rsplit("/", 1)[0]
        return f"{base}/{name}" + (f"?{query}" if query else "")

    def stop(self) -> None:
        if self.folder is None:
            return
        try:
            self._run(_tool("pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
