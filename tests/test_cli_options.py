"""The play-test's command-line list: each command's --help shows only the options it uses, a
misspelt option is matched only against the options the command takes, a --db in a folder
that does not exist is refused (never made silently), and a --packs folder that does not exist
is refused by every command alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz import cli

# Each command with the least it needs to get past its own usage checks.
COMMANDS = {
    "play": ["--plain"],
    "check": [],
    "export": ["--count", "1"],
    "new": ["notes.txt", "--id", "x"],
    "schema": [],
    "packs": [],
    "try": ["q", "a"],
    "stats": [],
    "history": [],
    "players": [],
    "limits": [],
    "paper": ["show", "CODE"],
    "results": ["--paper", "CODE"],
    "report": ["--paper", "CODE"],
    "serve": [],
    "host": [],
    "join": ["http://127.0.0.1:1/"],
}
KEEPS_NOTHING = {"check", "export", "new", "schema", "packs", "try", "join"}
PLAYS_AS_NOBODY = KEEPS_NOTHING | {"paper", "report", "players", "serve", "host"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = cli.main(list(argv))
    except SystemExit as exc:  # --help and argparse's usage errors
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_every_command_is_listed_here() -> None:
    assert set(COMMANDS) == {c for c in cli.COMMANDS if c is not None}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_lists_only_the_options_used(command: str, capsys: pytest.CaptureFixture) -> None:
    status, out, _ = run(capsys, command, "--help")
    assert status == 0
    assert ("--db" in out) is (command not in KEEPS_NOTHING), out
    assert ("--player" in out) is (command not in PLAYS_AS_NOBODY), out


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_missing_packs_folder_is_refused_by_every_command(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    nowhere = tmp_path / "nowhere"
    status, out, err = run(capsys, command, *COMMANDS[command], "--packs", str(nowhere))
    assert status == 2 and out == ""
    assert err == f"quiz: --packs {nowhere}: no such folder or file\n"


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["--bogus"], ""),  # the top parser has no --out, so it suggests none
        (["--ou"], ""),
        (["--plaer"], " (did you mean --player?)"),
        (["play", "--cont", "3"], " (did you mean --count?)"),
        (["export", "--all", "--ot", "x"], " (did you mean --out?)"),
        (["schema", "--out", "x"], ""),  # schema has no --out: not suggested back
        (["players", "delete", "Ann", "--ys"], " (did you mean --yes?)"),
    ],
)
def test_suggestions_are_options_the_command_takes(
    argv: list[str], hint: str, capsys: pytest.CaptureFixture
) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    said = err.strip()
    assert said.startswith("quiz: unrecognized arguments: ") and "Traceback" not in said
    assert said.endswith(f"{hint} (see quiz --help)"), said


@pytest.mark.parametrize("command", ["stats", "players", "play"])
def test_a_db_in_a_missing_folder_is_refused(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = tmp_path / "no" / "such" / "x.db"
    status, out, err = run(capsys, command, *COMMANDS[command], "--db", str(db))
    assert status == 2 and out == ""
    assert err == f"quiz: --db {db}: no folder {db.parent} (make it first, or name another file)\n"
    assert not (tmp_path / "no").exists(), "no folder made"


def test_an_out_in_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "no" / "x.json"
    status, printed, err = run(capsys, "export", "--count", "1", "--out", str(out))
    assert status == 2 and printed == ""
    assert err.startswith(f"quiz: {out}: cannot write: ") and len(err.splitlines()) == 1
    assert not (tmp_path / "no").exists(), "no folder made"
