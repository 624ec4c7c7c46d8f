"""Shared fixtures: keep the developer's own data and cache folders out of every test."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
MOON = DATA / "moon.yaml"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("QUIZ_CONFIG_DIR", str(tmp_path / "config"))


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
