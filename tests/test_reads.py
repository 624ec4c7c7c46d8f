"""Every command that reads what is kept fails in one line when the store cannot be read: it
names the store and the cause, exits 2, and never prints an empty result, overwrites a
report with an empty one, or sets a damaged file aside without a word."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from classroom import moon_paper, quiz
from helpers import right_response
from quiz import cli
from quiz.classroom import sitting
from quiz.clock import ManualClock
from quiz.store import StoreError, open_store, open_to_read


def nothing_listening() -> str:
    """A postgresql:// URL on a local port nobody listens on: PostgreSQL is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql://teacher:secret@127.0.0.1:{port}/school"


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def sat(tmp_path: Path) -> dict[str, Any]:
    """A store holding one finished sitting of a paper."""
    paper = moon_paper(seed=5, count=3)
    clock = ManualClock()
    db = tmp_path / "class.db"
    store = open_store(str(db), clock)
    session, _ = sitting.begin(paper, store, store.player("Ann"), clock)
    for q in session.questions:
        clock.tick(5)
        session.answer(right_response(q))
    store.close()
    return {"paper": paper, "db": db}


READS = {
    "results csv": ["results", "--format", "csv"],
    "results by question": ["results", "--by", "question"],
    "results json --out": ["results", "--format", "json", "--out", "{out}"],
    "report --out": ["report", "--out", "{out}"],
    "report on stdout": ["report"],
    "results export": ["results", "export", "--player", "Ann"],
}


@pytest.mark.parametrize("case", sorted(READS))
def test_postgresql_down_is_one_line_naming_the_store(
    case: str, sat: dict[str, Any], tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    out = work / "last-week.html"
    out.write_text("last week's report", encoding="utf-8")
    url = nothing_listening()
    args = [a.replace("{out}", str(out)) for a in READS[case]]
    done = quiz(*args, "--paper", sat["paper"].code, "--db", url, cwd=work)
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert line.startswith("quiz: ") and url.replace("teacher:secret", "teacher") in line
    assert "secret" not in line  # the password is never shown
    assert done.stdout == ""  # no header-only CSV, no report of "0 sittings"
    assert out.read_text(encoding="utf-8") == "last week's report"
    assert [p.name for p in work.iterdir()] == ["last-week.html"]  # no results file either


def test_stats_and_import_with_postgresql_down(tmp_path: Path) -> None:
    url = nothing_listening()
    stats = quiz("stats", "--player", "Hist", "--db", url)
    assert stats.returncode == 2 and "127.0.0.1" in one_line(stats.stderr)
    assert ":memory:" not in stats.stderr
    imported = quiz("results", "import", str(tmp_path / "x.json"), "--db", url)
    assert imported.returncode == 2 and "127.0.0.1" in one_line(imported.stderr)


@pytest.mark.parametrize(
    "command",
    [
        ["stats", "--player", "Hist"],
        ["results", "--paper", "{code}"],
        ["report", "--paper", "{code}", "--out", "r.md"],
        ["results", "import", "nothing.json"],
    ],
)
def test_a_damaged_file_is_named_and_left_as_it_is_by_a_read(
    command: list[str], sat: dict[str, Any], tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    db = work / "damaged.db"
    junk = b"\x00not a database" * 300
    db.write_bytes(junk)
    args = [a.replace("{code}", sat["paper"].code) for a in command]
    done = quiz(*args, "--db", str(db), cwd=work)
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert str(db) in line and "not a readable progress file" in line
    assert db.read_bytes() == junk  # a read sets nothing aside
    assert [p.name for p in work.iterdir()] == ["damaged.db"]


def test_a_command_that_sets_a_file_aside_names_the_copy_on_stderr(
    sat: dict[str, Any], tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    db = work / "damaged.db"
    db.write_bytes(b"\x00garbage" * 100)
    code = sat["paper"].code
    done = quiz("play", "--plain", "--paper", code, "--db", str(db), "--player", "Zed")
    (kept,) = [p for p in work.iterdir() if ".damaged-" in p.name]
    assert f"kept as {kept.name}" in done.stderr and "Traceback" not in done.stderr


def test_a_report_is_never_replaced_by_an_empty_one(sat: dict[str, Any], tmp_path: Path) -> None:
    """The store is there but holds no sitting of the paper (the wrong --db, say): the report
    of last week stays, and the teacher is told why nothing was written."""
    out = tmp_path / "report.html"
    good = quiz("report", "--paper", sat["paper"].code, "--db", str(sat["db"]), "--out", str(out))
    assert good.returncode == 0, good.stderr
    before = out.read_text(encoding="utf-8")
    assert "1 sitting" in before
    empty = tmp_path / "empty.db"
    for command in (["report"], ["results", "--format", "csv"]):
        done = quiz(*command, "--paper", sat["paper"].code, "--db", str(empty), "--out", str(out))
        assert done.returncode == 2
        line = one_line(done.stderr)
        assert "no sitting of paper" in line and str(empty) in line and str(out) in line
        assert out.read_text(encoding="utf-8") == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_open_to_read_never_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="a-file"):
        open_to_read(str(blocker / "progress.db"))
    with pytest.raises(StoreError, match="is a folder"):
        open_to_read(str(tmp_path))
    assert open_store(str(blocker / "progress.db")).problem  # the game's store still plays


def test_a_store_error_no_command_caught_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The last resort in cli.main: whatever StoreError escapes a command is one line naming
    the store, exit 2, never a traceback."""
    import quiz.commands.stats as stats

    def broken(args: Any) -> int:
        raise StoreError("database is locked")

    monkeypatch.setattr(stats, "run", broken)
    db = tmp_path / "p.db"
    assert cli.main(["stats", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert one_line(err) == f"quiz: {db}: database is locked"


def test_the_full_screen_game_says_a_file_set_aside_on_stderr_once_it_has_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The game shows the notice on screen; the screen is cleared when it ends, so the line
    is said again on stderr, where it stays (after_screen, run after every full-screen
    command)."""
    from quiz.commands import after_screen
    from quiz.services import make_services

    db = tmp_path / "work" / "p.db"
    db.parent.mkdir()
    db.write_bytes(b"\x00garbage" * 100)
    services = make_services(db=str(db), open_now=False)
    after_screen(services)  # the store never opened (the game quit at once): nothing to say
    assert capsys.readouterr().err == ""
    services.store.get()
    after_screen(services)
    (kept,) = [p for p in db.parent.iterdir() if ".damaged-" in p.name]
    assert one_line(capsys.readouterr().err) == (
        f"quiz: {db} was not a readable progress file; kept as {kept.name}, started anew"
    )
