"""Shared fixtures: keep the developer's own data, settings and cache folders out of every test.

The README invites a player to set `QUIZ_DB` to their progress file, and the game reads
`QUIZ_*` and the XDG folders (through platformdirs). A suite run from that shell must neither
write test players into that file nor fail because of what is in it: every `QUIZ_*` and
`XDG_*` variable of the environment the run starts in is removed, and the folders the game
may use are pointed at private ones, first for the whole run (before collection and any
module-scoped fixture, which run before a test's own fixtures) and then for each test (its
tmp_path). Subprocesses, tmux and served games inherit os.environ as it is when they start,
so they see the cleaned environment too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
MOON = DATA / "moon.yaml"

# The suite's own settings, which the game never reads: a PostgreSQL server to test against.
SUITE_SETTINGS = frozenset({"QUIZ_TEST_PG"})
# Where each variable points during a run, under a private folder. The folders are only
# named, never made (the game makes what it needs): a test that lists its tmp_path finds
# only what it made there.
FOLDERS = {
    "QUIZ_DATA_DIR": "data",
    "QUIZ_CACHE_DIR": "cache",
    "QUIZ_CONFIG_DIR": "config",
    "XDG_DATA_HOME": "xdg/data",
    "XDG_CONFIG_HOME": "xdg/config",
    "XDG_CACHE_HOME": "xdg/cache",
    "XDG_STATE_HOME": "xdg/state",
    "XDG_DOWNLOAD_DIR": "xdg/downloads",  # screenshots go to Downloads when it exists
}
# XDG_RUNTIME_DIR (sockets, nothing kept) must exist, owned and 0700: one for the whole run.
RUNTIME = "XDG_RUNTIME_DIR"


def foreign(environ: Mapping[str, str]) -> list[str]:
    """The variables of `environ` that could lead the game to a user's data or settings."""
    return sorted(k for k in environ if k.startswith(("QUIZ_", "XDG_")) and k not in SUITE_SETTINGS)


# The environment's locale chooses the interface's language (quiz.lang): a run from a shell or
# a CI machine with LANG=lt_LT must not turn the suite's English into Lithuanian. QUIZ_LANG=en
# comes before the locale and the settings file; a test of the choice sets its own.
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES")


def isolate(monkeypatch: pytest.MonkeyPatch, base: Path, runtime: Path) -> None:
    """Remove every QUIZ_* and XDG_* variable, then point the game's folders under `base`;
    the interface in English whatever the locale."""
    for name in foreign(os.environ):
        monkeypatch.delenv(name)
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QUIZ_LANG", "en")
    for name, folder in FOLDERS.items():
        monkeypatch.setenv(name, str(base / folder))
    monkeypatch.setenv(RUNTIME, str(runtime))


_RUN = pytest.StashKey[tuple[pytest.MonkeyPatch, Path]]()


def pytest_configure(config: pytest.Config) -> None:
    """The private environment for the whole run, set before any test module is imported."""
    patch, base = pytest.MonkeyPatch(), Path(tempfile.mkdtemp(prefix="quiz-tests-"))
    (base / "runtime").mkdir(mode=0o700)
    isolate(patch, base, base / "runtime")
    config.stash[_RUN] = (patch, base)


def pytest_unconfigure(config: pytest.Config) -> None:
    patch, base = config.stash[_RUN]
    patch.undo()
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """Each test its own folders, and no QUIZ_* left by whatever ran before it."""
    isolate(monkeypatch, tmp_path, request.config.stash[_RUN][1] / "runtime")
    from quiz.lang import set_language

    set_language(None)  # English, whatever a test before this one chose in this process


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session (see tests/pg.py), or a skip saying why not."""
    from pg import Server, why_not

    reason = why_not()
    if reason:
        pytest.skip(f"PostgreSQL not available: {reason}")
    server = Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a contract test's store lives: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "progress.db")
    return request.getfixturevalue("pg_server").database()


@pytest.fixture(autouse=True)
def _keys_at_test_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pilot presses keys faster than a person can: the app's guard against an Enter that
    belongs to the previous question (AnswerList.SETTLE) is off, except where a test turns
    it back on to check it."""
    from quiz.tui.widgets.answers import AnswerList

    monkeypatch.setattr(AnswerList, "SETTLE", 0.0)


@pytest.fixture(autouse=True)
def _keys_wait_for_the_round(monkeypatch: pytest.MonkeyPatch) -> None:
    """The play screen hands each key's work to its round's own thread (an answer's commit
    never holds up the screen). A pilot's key or click then waits, as a player's eyes do,
    until the round has answered and the screen has shown it, so a test reads the screen the
    key led to."""
    import asyncio

    from textual.pilot import Pilot

    from quiz.tui.screens.play import PlayScreen

    async def settle(pilot: Pilot[Any]) -> None:
        for _ in range(2000):  # 10 s at most
            screens = [s for s in pilot.app.screen_stack if isinstance(s, PlayScreen)]
            if not any(s.busy for s in screens):
                break
            await asyncio.sleep(0.005)
        await pilot.pause()

    press, click = Pilot.press, Pilot.click

    async def pressed(self: Pilot[Any], *keys: str) -> None:
        await press(self, *keys)
        await settle(self)

    async def clicked(self: Pilot[Any], *args: Any, **kwargs: Any) -> bool:
        done = await click(self, *args, **kwargs)
        await settle(self)
        return done

    monkeypatch.setattr(Pilot, "press", pressed)
    monkeypatch.setattr(Pilot, "click", clicked)
