"""The store (quiz.store): every answer kept, migrations, damaged files, read-only folders,
several writers at once, personal bests, and the recorder that listens to a session."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from apps import start as start_round
from conftest import MOON
from helpers import right_response, run_quiz, wrong_response
from quiz import words
from quiz.clock import ManualClock
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.rounds import practice_spec, standing
from quiz.rounds import start as start_session
from quiz.session import Phase
from quiz.store import open_store
from quiz.store.records import AnswerRecord
from quiz.store.schema import MIGRATIONS, VERSION, migrate
from quiz.store.sql import SqlStore
from quiz.store.sqlite import SqliteBackend


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


def play(store: SqlStore, pack: Pack, name: str, seed: int, right: set[int], count: int = 4):
    """A round of `count` questions answered right at the positions in `right`."""
    player = store.player(name)
    spec = practice_spec(pack, count, seed=seed)
    session, recorder = start_session(spec, pack, store, player, clock=store.clock)
    while session.phase is not Phase.FINISHED:
        q = session.current
        session.answer(right_response(q) if session.index in right else wrong_response(q))
        session.next()
    return session, recorder


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql))


# -- what is kept ---------------------------------------------------------------------


def test_a_round_and_every_answer_are_kept(tmp_path: Path, moon: Pack) -> None:
    db = tmp_path / "p.db"
    store = open_store(str(db), ManualClock())
    session, recorder = play(store, moon, "Ann", 3, right={0, 2})
    assert store.problem is None and recorder.problem is None
    (rnd,) = rows(db, "SELECT pack_id, mode, count, status, score, spec FROM rounds")
    assert rnd[:5] == ("moon", "practice", 4, "done", session.score)
    assert json.loads(rnd[5]) == session.spec.to_json()
    answers = rows(db, "SELECT seq, question_id, result, points FROM answers ORDER BY seq")
    assert [a[1] for a in answers] == [q.id for q in session.questions]
    assert [a[2] for a in answers] == [o.result for o in session.outcomes]
    assert sum(a[3] for a in answers) == session.score
    facts = rows(db, "SELECT fact_id FROM answer_facts")
    assert sorted(f for (f,) in facts) == sorted(f for q in session.questions for f in q.facts)


def test_a_question_on_several_facts_credits_each(tmp_path: Path, moon: Pack) -> None:
    store = open_store(str(tmp_path / "p.db"), ManualClock())
    player = store.player("Ann")
    spec = practice_spec(moon, 1, kinds=("order",), seed=2)
    session, _ = start_session(spec, moon, store, player, clock=store.clock)
    q = session.current
    assert len(q.facts) >= 3
    session.answer(right_response(q))
    progress = {p.fact_id: p for p in store.progress(player.id, "moon")}
    assert set(progress) == set(q.facts)
    assert all(p.last_result == "right" and p.last_kind == "order" for p in progress.values())


def test_a_select_all_credits_each_fact_by_its_own_tick(tmp_path: Path, moon: Pack) -> None:
    """Ticking one right option of two: that option's fact is right, the missed one wrong,
    and so it stays when progress is replayed from the answers (as a migration does)."""
    store = open_store(str(tmp_path / "p.db"), ManualClock())
    player = store.player("Ann")
    spec = practice_spec(moon, 1, kinds=("multi",), seed=2)
    session, _ = start_session(spec, moon, store, player, clock=store.clock)
    q = session.current
    ticked, missed = q.origin.fact_options[0], q.origin.fact_options[1:]
    assert missed and ticked in q.key.right  # type: ignore[union-attr]
    grade = session.answer((ticked,)).grade
    assert grade.result == "partial"
    options = zip(q.facts, q.origin.fact_options, strict=True)
    want = {f: "right" if i == ticked else "wrong" for f, i in options}
    assert list(want.values()).count("right") == 1
    progress = {p.fact_id: p.last_result for p in store.progress(player.id, "moon")}
    assert progress == want
    store.rebuild_progress()
    assert {p.fact_id: p.last_result for p in store.progress(player.id, "moon")} == want


def test_personal_best_and_top_five(tmp_path: Path, moon: Pack) -> None:
    store = open_store(str(tmp_path / "p.db"), ManualClock())
    first, rec1 = play(store, moon, "Ann", 1, right={0, 1})
    st = standing(store, rec1, first)
    assert st is not None and st.is_best and st.best_before is None
    worse, rec2 = play(store, moon, "Ann", 2, right={0})
    st = standing(store, rec2, worse)
    assert st is not None and not st.is_best and st.best_before == first.score
    better, rec3 = play(store, moon, "Ann", 3, right={0, 1, 2, 3})
    st = standing(store, rec3, better)
    assert st is not None and st.is_best and st.best_before == first.score
    assert "new personal best" in words.best(st.counts, st.is_best, st.best_before).lower()
    for i, name in enumerate(["Bo", "Cy", "Di", "Ed"]):
        play(store, moon, name, 10 + i, right=set(range(i)))
    top = store.top("moon", 4)
    assert len(top) == 5
    assert [t.score for t in top] == sorted((t.score for t in top), reverse=True)
    assert top[0].player == "Ann" and top[0].score == better.score
    assert store.best(store.player("Ann").id, "moon", 5) is None  # another round length


def test_player_preferences_are_kept_per_player(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "p.db"))
    ann, bo = store.player("Ann"), store.player("Bo")
    store.save_prefs(ann.id, {"pack": "moon", "count": 5})
    assert store.prefs(ann.id) == {"pack": "moon", "count": 5}
    assert store.prefs(bo.id) == {}
    store.set_last_player("Bo")
    assert open_store(str(tmp_path / "p.db")).last_player() == "Bo"


def test_names_are_stored_as_typed(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "p.db"))
    name = "[bold]Zoë[/] [@click=app.quit]q[/]"
    assert store.player(name).name == name
    assert store.player(name).id == store.player(name).id  # found again, not added twice
    assert [p.name for p in store.players()] == [name]


# -- failures never lose bytes and never stop the game ----------------------------------------


def test_a_damaged_file_is_set_aside_and_a_new_store_started(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    junk = b"this is not a database\n" * 100
    db.write_bytes(junk)
    store = open_store(str(db))
    assert store.problem is None
    assert store.notice and "kept as" in store.notice
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("progress.db.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == junk  # every byte kept
    assert kept[0].name in store.notice
    store.player("Ann")
    assert open_store(str(db)).find_player("Ann") is not None


def test_the_command_line_says_so_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    db.write_bytes(b"\x00garbage" * 50)
    done = run_quiz("play", str(MOON), "--plain", "--count", "1", "--db", str(db))
    assert done.returncode == 0
    notes = [line for line in done.stderr.splitlines() if line]
    assert len(notes) == 1 and "kept as progress.db.damaged-" in notes[0], done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders anyway")
def test_a_read_only_folder_plays_with_a_notice(tmp_path: Path) -> None:  # pragma: no cover
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        store = open_store(str(folder / "progress.db"))
        assert store.problem and "not being saved" in store.problem
        store.player("Ann")  # still works, in memory
    finally:
        folder.chmod(stat.S_IRWXU)


def test_an_unwritable_place_plays_with_a_notice(tmp_path: Path, moon: Pack) -> None:
    """Where the store cannot be made (here: its folder is a file, which stops root too), the
    game still plays, in memory, and says why progress is not kept."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    store = open_store(str(blocker / "progress.db"))
    assert store.problem and "not being saved" in store.problem and "not-a-folder" in store.problem
    session, recorder = play(store, moon, "Ann", 1, right={0})
    assert recorder.problem is None and session.phase is Phase.FINISHED
    done = run_quiz("play", str(MOON), "--plain", "--count", "1", "--db", str(blocker / "p.db"))
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "progress is not being saved" in done.stderr


def test_a_write_that_fails_mid_round_is_reported_once_and_the_round_goes_on(
    tmp_path: Path, moon: Pack
) -> None:
    store = open_store(str(tmp_path / "p.db"))
    player = store.player("Ann")
    problems: list[str] = []
    session, recorder = start_session(
        practice_spec(moon, 3, seed=1), moon, store, player, on_problem=problems.append
    )
    session.answer(right_response(session.current))
    session.next()
    store.db.execute("DROP TABLE answer_facts")  # the next write fails inside its transaction
    session.answer(right_response(session.current))
    session.next()
    session.answer(right_response(session.current))
    session.next()
    assert session.phase is Phase.FINISHED and session.summary().right == 3
    assert len(problems) == 1 and "not being saved" in problems[0]
    kept = store.db.execute("SELECT COUNT(*) FROM answers")[0][0]
    assert kept == 1  # the failed answer's transaction was rolled back whole


def test_a_newer_schema_is_refused_not_damaged(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    open_store(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    before = db.read_bytes()
    store = open_store(str(db))
    assert store.problem and "newer quiz" in store.problem
    assert db.read_bytes() == before


# -- migrations ---------------------------------------------------------------------------


def test_every_version_migrates_to_the_latest_keeping_history(tmp_path: Path, moon: Pack) -> None:
    """A database made by the first schema, with answers in it, opens in today's quiz: the
    answers are kept, step 2 rebuilds each fact's progress from them and step 3 gives the
    round an id of its own."""
    db = tmp_path / "old.db"
    backend = SqliteBackend(db)
    store = SqlStore.__new__(SqlStore)  # an old quiz: only the first schema
    store.db, store.clock, store.problem, store.notice = backend, ManualClock(), None, None
    migrate(store, target=1)
    assert rows(db, "SELECT value FROM meta WHERE key = 'schema'") == [("1",)]
    from helpers import old_player

    ann = old_player(backend, "Ann")
    spec = practice_spec(moon, 2, seed=4)
    (row,) = backend.execute(  # what version 1 wrote
        "INSERT INTO rounds (player_id, pack_id, pack_version, pack_digest, mode, count, custom, "
        "spec, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (ann.id, "moon", "1.0.0", moon.digest, "practice", 2, 0, spec.dumps(), "2026-01-01T09"),
    )
    round_id = row[0]
    session = start_round(moon, 2, 4)
    db_answers = []
    for i, q in enumerate(session.questions):
        db_answers.append(
            AnswerRecord(
                i,
                q.id,
                q.kind,
                q.facts,
                "0",
                "wrong" if i else "right",
                1.0 - i,
                True,
                1000 * (1 - i),
                2.0,
                f"2026-01-01T09:00:0{i}.000000+00:00",
            )
        )
    for a in db_answers:  # what version 1 wrote: answers, no progress table
        backend.execute(
            "INSERT INTO answers (round_id, seq, question_id, kind, response, result, credit, "
            "exact, points, seconds, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                round_id,
                a.seq,
                a.question_id,
                a.kind,
                a.response,
                a.result,
                a.credit,
                1,
                a.points,
                a.seconds,
                a.answered_at,
            ),
        )
        (answer_id,) = backend.execute("SELECT MAX(id) FROM answers")[0]
        for f in a.facts:
            backend.execute("INSERT INTO answer_facts VALUES (?, ?)", (answer_id, f))
    assert "fact_progress" not in backend.tables()
    backend.close()

    reopened = open_store(str(db), ManualClock())
    assert reopened.problem is None
    assert rows(db, "SELECT value FROM meta WHERE key = 'schema'") == [(str(VERSION),)]
    assert reopened.answer_counts(ann.id) == (2, 1)
    progress = {p.fact_id: p for p in reopened.progress(ann.id, "moon")}
    first, second = session.questions
    assert {f: progress[f].last_result for f in first.facts} == dict.fromkeys(first.facts, "right")
    assert all(progress[f].last_result == "wrong" for f in second.facts)
    ((uid, paper),) = rows(db, "SELECT uid, paper FROM rounds")
    assert len(uid) == 36 and paper is None
    assert len(MIGRATIONS) == VERSION >= 3


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    open_store(str(db)).player("Ann")
    store = open_store(str(db))
    assert migrate(store) == VERSION  # already up to date: nothing to do
    assert [p.name for p in store.players()] == ["Ann"]


# -- crashes and concurrent players -------------------------------------------------------------


def test_sigkill_mid_round_keeps_every_answer_given(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", str(MOON), "--plain", "--count", "5"]
        + ["--seed", "3", "--db", str(db), "--player", "Kim"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdin is not None and proc.stdout is not None

    def read_until(prefix: str) -> None:
        while not (line := proc.stdout.readline()).startswith(prefix):  # type: ignore[union-attr]
            assert line, "the round ended early"

    for _ in range(2):
        read_until("Question ")  # asked …
        proc.stdin.write("1\n")
        proc.stdin.flush()
        read_until("Answer: ")  # … answered and graded
    proc.kill()  # SIGKILL: no handler, no clean-up
    proc.wait(timeout=20)
    assert rows(db, "SELECT COUNT(*) FROM answers") == [(2,)]
    assert rows(db, "SELECT status FROM rounds") == [("open",)]


# Several writers at once: tests/test_store_contract.py, on SQLite and PostgreSQL alike.
