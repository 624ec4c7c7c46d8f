"""History (quiz.history, `quiz history`): past rounds listed from the store, and one opened
again with the very questions it asked, or a plain statement of why they cannot be shown."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import MOON
from helpers import run_quiz
from quiz import history, rounds
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.store import open_store
from quiz.store.sql import SqlStore


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


def played(store: SqlStore, pack: Pack, name: str, seed: int, picks: list[int]) -> int:
    """A practice round really played (a Session with the store listening): option `pick`
    (or the typed right answer) for each question in turn; the round's id."""
    player = store.player(name)
    store.set_last_player(name)
    spec = rounds.practice_spec(pack, len(picks), kinds=("choice",), seed=seed)
    session, recorder = rounds.start(spec, pack, store, player)
    for pick in picks:
        session.answer(pick)
        session.next()
    assert recorder.round_id is not None
    return recorder.round_id


def test_rounds_are_listed_newest_first_with_their_figures(tmp_path: Path, moon: Pack) -> None:
    store = open_store(str(tmp_path / "p.db"))
    first = played(store, moon, "Ann", 1, [0, 0, 0])
    second = played(store, moon, "Ann", 2, [1, 1])
    played(store, moon, "Bo", 3, [0])
    ann = store.find_player("Ann")
    assert ann is not None
    rows = history.rounds(store, ann.id)
    assert [r.id for r in rows] == [second, first]  # Bo's round is not Ann's
    assert [(r.count, r.answers, r.mode, r.status) for r in rows] == [
        (2, 2, "practice", "done"),
        (3, 3, "practice", "done"),
    ]
    assert history.rounds(store, ann.id, "another-pack") == []


def test_an_opened_round_shows_the_questions_as_asked(tmp_path: Path, moon: Pack) -> None:
    store = open_store(str(tmp_path / "p.db"))
    round_id = played(store, moon, "Ann", 7, [0, 1, 2])
    kept = store.past_round(round_id)
    assert kept is not None
    # what the session asked, made again here by hand from the same spec
    spec = rounds.practice_spec(moon, 3, kinds=("choice",), seed=7)
    from quiz.generate import round_questions

    asked = round_questions(moon, spec)
    opened = history.open_round(store, kept, {moon.id: moon})
    assert opened.unshown is None
    assert [m.question.id for m in opened.marks] == [q.id for q in asked]
    assert [m.question.prompt for m in opened.marks] == [q.prompt for q in asked]
    assert [m.response for m in opened.marks] == [0, 1, 2]
    given = [a.result for a in store.given_answers(round_id)]
    assert [m.result for m in opened.marks] == given
    lines = "\n".join(history.opened_lines(opened))
    for q in asked:
        assert q.prompt in lines and q.answer_text() in lines
        assert f"»{q.quote.text}«" in lines  # the passage, with the quoted words marked


def test_a_round_of_another_pack_version_is_not_shown_with_other_questions(
    tmp_path: Path, moon: Pack
) -> None:
    store = open_store(str(tmp_path / "p.db"))
    round_id = played(store, moon, "Ann", 7, [0, 1])
    kept = store.past_round(round_id)
    assert kept is not None
    edited = shutil.copytree(MOON.parent, tmp_path / "packs")
    path = edited / MOON.name
    path.write_text(path.read_text(encoding="utf-8").replace("version:", "version: 9", 1))
    newer = load_pack(path)
    assert newer.digest != moon.digest
    opened = history.open_round(store, kept, {moon.id: newer})
    assert opened.marks == () and opened.unshown is not None
    assert "cannot be shown" in opened.unshown
    lines = history.opened_lines(opened)
    for a in opened.kept:  # each answer as kept: its question's id and its result
        assert any(a.question_id in line for line in lines)
    missing = history.open_round(store, kept, {})
    assert missing.marks == () and "not installed" in (missing.unshown or "")


def test_quiz_history_lists_and_opens(tmp_path: Path, moon: Pack) -> None:
    db = tmp_path / "p.db"
    store = open_store(str(db))
    round_id = played(store, moon, "[bold]Ann[/]", 5, [0, 0])
    store.close()
    common = ("--db", str(db), "--packs", str(MOON.parent))
    listed = run_quiz("history", *common)
    assert listed.returncode == 0, listed.stderr
    assert "[bold]Ann[/]'s rounds" in listed.stdout  # the last player, by name as typed
    assert f"\n{round_id} " in listed.stdout and "moon" in listed.stdout
    doc = json.loads(run_quiz("history", *common, "--format", "json").stdout)
    assert doc["format"] == "quiz-history/1"
    assert [(r["round"], r["questions"], r["answered"], r["mode"]) for r in doc["rounds"]] == [
        (round_id, 2, 2, "practice")
    ]
    opened = run_quiz("history", *common, "--round", str(round_id), "--format", "json")
    assert opened.returncode == 0, opened.stderr
    one = json.loads(opened.stdout)
    assert one["shown"] is True and len(one["answers"]) == 2
    assert all(a["prompt"] and a["answer"] and a["quotes"] for a in one["answers"])
    text = run_quiz("history", *common, "--round", str(round_id))
    assert text.returncode == 0 and one["answers"][0]["prompt"] in text.stdout


def test_quiz_history_errors_are_one_line(tmp_path: Path, moon: Pack) -> None:
    db = tmp_path / "p.db"
    store = open_store(str(db))
    played(store, moon, "Ann", 5, [0])
    store.player("Bo")
    store.close()
    for args, said in [
        (("--player", "Nobody"), "no player 'Nobody'"),
        (("--round", "99"), "no round 99 of Ann"),
        (("--player", "Bo", "--round", "1"), "no round 1 of Bo"),  # Ann's round is not Bo's
        (("--round", "x"), "not a whole number"),
    ]:
        done = run_quiz("history", "--db", str(db), *args)
        assert done.returncode == 2, args
        assert done.stderr.count("\n") == 1 and said in done.stderr, done.stderr
    empty = run_quiz("history", "--db", str(db), "--player", "Bo")
    assert empty.returncode == 0 and "no rounds yet" in empty.stdout


def test_a_reading_command_on_a_store_nobody_played_says_so(tmp_path) -> None:
    """Not "no player None": a new progress file has nobody to read about yet."""
    import subprocess
    import sys

    for command in ("stats", "history"):
        done = subprocess.run(
            [sys.executable, "-m", "quiz", command, "--db", str(tmp_path / "new.db")],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        assert done.stderr.strip() == (
            f"quiz: nobody has played yet with the progress in {tmp_path / 'new.db'}"
        )
