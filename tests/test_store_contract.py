"""The store's contract, run on every backend: SQLite, and a real PostgreSQL server (the
same SQL, the same migrations; nothing here knows which one it is talking to)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from conftest import MOON
from helpers import old_player, right_response, wrong_response
from quiz.clock import ManualClock
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.rounds import practice_spec, review_spec, standing, start
from quiz.session import Phase
from quiz.spec import RoundSpec
from quiz.stats import player_stats
from quiz.store import open_store
from quiz.store.backend import RoundClosed
from quiz.store.records import AnswerRecord
from quiz.store.schema import VERSION, migrate
from quiz.store.sql import SqlStore

T0 = dt.datetime(2026, 4, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


def play(store: SqlStore, pack: Pack, name: str, seed: int, right: set[int], count: int = 4):
    player = store.player(name)
    session, recorder = start(practice_spec(pack, count, seed=seed), pack, store, player,
                              clock=store.clock)  # fmt: skip
    while session.phase is not Phase.FINISHED:
        q = session.current
        session.answer(right_response(q) if session.index in right else wrong_response(q))
        session.next()
    assert recorder.problem is None, recorder.problem
    return session, recorder


def test_opens_migrated_and_empty(store_target: str) -> None:
    store = open_store(store_target)
    assert store.problem is None, store.problem
    assert migrate(store) == VERSION  # already at the latest: nothing to do
    assert store.players() == [] and store.last_player() is None


def test_players_are_found_again_and_kept_literally(store_target: str) -> None:
    store = open_store(store_target, ManualClock(T0))
    name = "[bold]Zoë[/] ‮ q"
    first = store.player(name)
    assert store.player(name) == first
    assert [p.name for p in store.players()] == [name]
    store.set_last_player(name)
    store.save_prefs(first.id, {"count": 5, "kinds": ["choice"]})
    again = open_store(store_target)
    assert again.last_player() == name
    assert again.prefs(first.id) == {"count": 5, "kinds": ["choice"]}


def test_a_round_is_kept_with_its_tallies_and_standing(store_target: str, moon: Pack) -> None:
    store = open_store(store_target, ManualClock(T0))
    first, rec = play(store, moon, "Ann", 1, right={0, 1})
    ann = store.find_player("Ann")
    assert ann is not None
    (row,) = store.rounds(ann.id, "moon")
    assert (row.answers, row.right, row.score, row.status) == (4, 2, first.score, "done")
    assert store.totals(ann.id) == (1, 4, 2)
    st = standing(store, rec, first)
    assert st is not None and st.is_best and st.best_before is None
    second, rec2 = play(store, moon, "Ann", 2, right={0, 1, 2, 3})
    st = standing(store, rec2, second)
    assert st is not None and st.is_best and st.best_before == first.score
    play(store, moon, "Bo", 3, right=set())
    top = store.top("moon", 4)
    assert [t.player for t in top] == ["Ann", "Bo"]  # one line a player, with their best
    assert [t.score for t in top] == sorted((t.score for t in top), reverse=True)


def test_review_schedules_and_stats(store_target: str, moon: Pack) -> None:
    clock = ManualClock(T0)
    store = open_store(store_target, clock)
    session, _ = play(store, moon, "Ann", 5, right={0, 2})
    ann = store.find_player("Ann")
    assert ann is not None
    clock.advance(minutes=11)
    made = review_spec(store, ann, moon, clock.now(), 10)
    assert isinstance(made, RoundSpec)
    # the facts of the questions on one fact answered wrong (a select-all or time order
    # answered wrong schedules the facts it missed, not every fact it holds)
    missed = {
        f
        for i in (1, 3)
        if len(session.questions[i].facts) == 1
        for f in session.questions[i].facts
    }
    assert missed
    due = {d.fact_id for d in store.due(ann.id, "moon", clock.now().isoformat())}
    assert missed <= due
    stats = player_stats(store, ann, clock.now(), {"moon": moon})
    assert (stats.rounds, stats.answers, stats.correct) == (1, 4, 2)
    assert stats.due == len(due)


def test_a_first_schema_database_is_migrated_keeping_its_answers(
    store_target: str, moon: Pack
) -> None:
    backend = open_store(store_target).db  # only to pick the backend; rebuilt below
    backend.close()
    from quiz.store.postgres import PostgresBackend, is_postgres
    from quiz.store.sqlite import SqliteBackend

    db = PostgresBackend(store_target) if is_postgres(store_target) else SqliteBackend(store_target)
    for table in (
        "answer_facts",
        "answers",
        "fact_progress",
        "rounds",
        "players",
        "meta",
        "papers",
    ):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    old = SqlStore.__new__(SqlStore)
    old.db, old.clock, old.problem, old.notice = db, ManualClock(T0), None, None
    migrate(old, target=1)
    ann = old_player(db, "Ann")
    (round_id,) = db.execute(  # what the first schema's quiz wrote
        "INSERT INTO rounds (player_id, pack_id, pack_version, pack_digest, mode, count, custom, "
        "spec, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (ann.id, "moon", moon.version, moon.digest, "practice", 1, 0,
         practice_spec(moon, 1, seed=1).dumps(), T0.isoformat()),
    )[0]  # fmt: skip
    (answer_id,) = db.execute(
        "INSERT INTO answers (round_id, seq, question_id, kind, response, result, credit, "
        "exact, points, seconds, answered_at) VALUES (?, 0, 'a11-site:choice:forward', "
        "'choice', '0', 'right', 1.0, 1, 1000, 2.0, ?) RETURNING id",
        (round_id, T0.isoformat()),
    )[0]
    db.execute("INSERT INTO answer_facts VALUES (?, 'a11-site')", (answer_id,))
    db.close()
    store = open_store(store_target)
    assert store.problem is None, store.problem
    assert store.totals(ann.id) == (1, 1, 1)  # step 3's tallies, filled from the answers
    (progress,) = store.progress(ann.id, "moon")  # step 2's progress, rebuilt
    assert (progress.fact_id, progress.last_result) == ("a11-site", "right")
    ((uid, paper),) = store.db.execute("SELECT uid, paper FROM rounds")  # step 4's own id
    assert len(uid) == 36 and paper is None


WRITER = """
import sys
from quiz.store import open_store
from quiz.store.records import AnswerRecord
from quiz.spec import PackRef, RoundSpec
target, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = open_store(target)
assert store.problem is None, store.problem
player = store.player(name)
spec = RoundSpec(PackRef("moon", "1", "0" * 64), 1, n)
round_id = store.start_round(player.id, spec, "2026-01-01T00:00:00.000000+00:00")
for i in range(n):
    store.record_answer(round_id, AnswerRecord(
        i, f"q{i}", "choice", (f"f{i % 7}",), "0", "right", 1.0, True, 1000, 1.0,
        f"2026-01-01T00:{i // 60:02d}:{i % 60:02d}.000000+00:00"))
store.finish_round(round_id, "done", "2026-01-01T01:00:00.000000+00:00", n * 1000)
print("ok")
"""


def test_six_writers_at_once_lose_nothing(store_target: str) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, store_target, f"player{k % 3}", "50"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(6)  # two processes per player name: the name is added once
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and out.strip() == "ok", err
    store = open_store(store_target)
    assert sorted(p.name for p in store.players()) == ["player0", "player1", "player2"]
    for player in store.players():
        assert store.totals(player.id) == (2, 100, 100)
    assert store.db.execute("SELECT COUNT(*) FROM answers") == [(300,)]


def test_a_failed_write_rolls_back_whole(store_target: str) -> None:
    from quiz.spec import PackRef
    from quiz.store.backend import StoreError

    store = open_store(store_target)
    player = store.player("Ann")
    at = T0.isoformat()
    round_id = store.start_round(player.id, RoundSpec(PackRef("p", "1", "d"), 1, 2), at)
    answer = AnswerRecord(0, "q", "choice", ("f",), "0", "right", 1.0, True, 10, 1.0, at)
    store.record_answer(round_id, answer)
    broken = AnswerRecord(1, "r", "choice", ("g", None), "0", "right", 1.0, True, 10, 1.0, at)  # type: ignore[arg-type]
    with pytest.raises(StoreError):  # its second fact breaks NOT NULL after the first is in
        store.record_answer(round_id, broken)
    assert store.totals(player.id) == (1, 1, 1)  # the tallies did not move
    assert store.db.execute("SELECT COUNT(*) FROM answer_facts") == [(1,)]
    assert store.db.execute("SELECT COUNT(*) FROM answers") == [(1,)]


def test_every_write_of_a_round_sent_twice_is_kept_once(store_target: str) -> None:
    """The outbox sends a write again when it cannot know whether the first one landed (the
    connection broke during COMMIT): a round by its uid, an answer by (round, seq) and an end
    as asked are each kept once, with tallies and schedules moved once."""
    from quiz.spec import PackRef
    from quiz.store.writes import FinishRound, RecordAnswer, StartRound

    store = open_store(store_target)
    at = T0.isoformat()
    spec = RoundSpec(PackRef("p", "1", "d"), 1, 2)
    start = StartRound.of("u-1", "Ann", spec, at)
    answer = AnswerRecord(0, "q", "choice", ("f",), "0", "right", 1.0, True, 10, 1.0, at)
    finish = FinishRound("u-1", "done", at, 10)
    for w in (start, start, RecordAnswer("u-1", answer), RecordAnswer("u-1", answer)):
        round_id = store.write(w)
    assert store.write(finish) == round_id
    assert store.write(finish) == round_id
    player = store.find_player("Ann")
    assert player is not None
    assert store.totals(player.id) == (1, 1, 1)
    assert store.db.execute("SELECT COUNT(*), MAX(attempts) FROM fact_progress") == [(1, 1)]
    with pytest.raises(RoundClosed):  # ended otherwise already: how it ended stands
        store.write(FinishRound("u-1", "left", at, 0))


def test_writes_sent_together_share_a_commit_and_a_refusal_undoes_only_its_own(
    store_target: str,
) -> None:
    """A live class's answers go to the store together (one commit, not one disk flush
    each). An answer refused for good among them (its round ended elsewhere) is undone alone:
    the others are kept, each once, and the refusal is handed back in its place."""
    from quiz.spec import PackRef
    from quiz.store.writes import FinishRound, RecordAnswer, StartRound

    store = open_store(store_target)
    at = T0.isoformat()
    spec = RoundSpec(PackRef("p", "1", "d"), 1, 2)
    store.write_all([StartRound.of(u, n, spec, at) for u, n in (("u-a", "Ann"), ("u-b", "Bo"))])
    store.write(FinishRound("u-b", "done", at, 0))  # Bo's round ended in another window

    def answer(seq: int) -> AnswerRecord:
        return AnswerRecord(seq, f"q{seq}", "choice", ("f",), "0", "right", 1.0, True, 10, 1.0, at)

    batch = [RecordAnswer("u-a", answer(0)), RecordAnswer("u-b", answer(0)),
             RecordAnswer("u-a", answer(1)), RecordAnswer("u-a", answer(1))]  # fmt: skip
    out = store.write_all(batch)
    assert isinstance(out[1], RoundClosed)
    assert out[0] == out[2] == out[3] and isinstance(out[0], int)
    counts = store.db.execute(
        "SELECT r.uid, COUNT(a.id) FROM rounds r LEFT JOIN answers a ON a.round_id = r.id "
        "GROUP BY r.uid ORDER BY r.uid"
    )
    assert [tuple(row) for row in counts] == [("u-a", 2), ("u-b", 0)]
    ann = store.find_player("Ann")
    assert ann is not None and store.totals(ann.id) == (1, 2, 2)


def test_a_round_ended_elsewhere_takes_no_more_answers(store_target: str) -> None:
    """Two windows sat one paper: one handed it in, the other went on answering. Its answers
    and its end must not reopen or rewrite the sitting (found in a play-test: the raw UNIQUE
    error reached the student, and the sitting's status and score were overwritten)."""
    from quiz.spec import PackRef
    from quiz.store.backend import RoundClosed

    store = open_store(store_target)
    player = store.player("Eve")
    at = T0.isoformat()
    round_id = store.start_round(player.id, RoundSpec(PackRef("p", "1", "d"), 1, 2), at)
    answer = AnswerRecord(0, "q", "choice", ("f",), "0", "right", 1.0, True, 1000, 1.0, at)
    store.record_answer(round_id, answer)
    store.finish_round(round_id, "left", at, 1000)  # handed in from the other window
    later = AnswerRecord(1, "r", "choice", ("g",), "0", "right", 1.0, True, 1000, 1.0, at)
    with pytest.raises(RoundClosed, match="handed in from another window"):
        store.record_answer(round_id, later)
    with pytest.raises(RoundClosed):
        store.finish_round(round_id, "done", at, 2000)
    assert store.db.execute("SELECT status, score FROM rounds WHERE id = ?", (round_id,)) == [
        ("left", 1000)
    ]


def test_exam_sittings_are_kept_resumed_and_taken_in_once(store_target: str, moon: Pack) -> None:
    """The classroom's SQL on every backend: a sitting kept with its paper and id from the
    start, resumed on the same record, found by paper, and a sitting from a file added once."""
    from classroom import moon_paper
    from quiz.classroom import sitting
    from quiz.classroom.results import class_results
    from quiz.store.sittings import add_sitting, sittings

    clock = ManualClock(T0)
    store = open_store(store_target, clock)
    paper = moon_paper(count=3, time_limit=600)
    ann = store.player("Ann")
    session, recorder = sitting.begin(paper, store, ann, clock)
    session.answer(right_response(session.current))
    row = sitting.before(store, ann, paper).unfinished
    assert row is not None and row.paper == paper.code and len(row.uid) == 36
    again, recorder2 = sitting.resume(paper, row, store, ann, clock)
    assert recorder2.round_id == recorder.round_id
    while again.phase is not Phase.FINISHED:
        again.answer(wrong_response(again.current))
    (kept,) = sittings(store, paper.code)
    assert kept.status == "done" and [a.seq for a in kept.answers] == [0, 1, 2]
    answers = [AnswerRecord.of(o) for o in again.outcomes]  # as a file brings them
    args = (paper.spec, paper.code, "1" * 8 + "-1111-4111-8111-" + "1" * 12, T0.isoformat(),
            T0.isoformat(), "done", answers)  # fmt: skip
    assert add_sitting(store, "Ben", *args) is not None
    assert add_sitting(store, "Ben", *args) is None  # the same id: nothing added
    results = class_results(store, paper)
    assert results.problems == ()
    assert {m.player: m.right for m in results.sittings} == {"Ann": 1, "Ben": 1}
