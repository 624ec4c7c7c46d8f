"""Migrations (quiz.store.schema.migrate) take a write lock only when a step is due, and the
progress rebuilt from a whole history (schema step 2, quiz.store.replay) is exactly what the
answers gave as they were given. How fast an old store migrates is measured by
benchmarks/bench_migrate.py, not here: tests never assert timings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MOON
from helpers import right_response, wrong_response
from quiz.clock import ManualClock
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.rounds import practice_spec
from quiz.rounds import start as start_session
from quiz.session import Phase
from quiz.store import open_store, replay, review, schema
from quiz.store.schema import VERSION, migrate
from quiz.store.sql import SqlStore


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


def test_an_up_to_date_store_opens_while_another_process_writes(tmp_path: Path) -> None:
    """Opening a store at the current version takes no write lock: a writer holding one (a
    long import, a migration on another host) does not stop the game or a teacher's read."""
    db = tmp_path / "p.db"
    open_store(str(db)).player("Ann")
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the write lock, held
    try:
        store = open_store(str(db))
        assert store.problem is None
        assert [p.name for p in store.players()] == ["Ann"]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_store_behind_checks_its_version_again_under_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first read (without a lock) said a step was due, but another process migrated
    before this one got the lock: the version read under the lock is the one that counts,
    and no step runs twice."""
    store = open_store(str(tmp_path / "p.db"))
    reads = iter([VERSION - 1])  # a stale first read; every read after it is real
    real = schema.version
    monkeypatch.setattr(schema, "version", lambda db: next(reads, None) or real(db))
    ran: list[int] = []
    steps = [[lambda s, n=n: ran.append(n)] for n in range(1, VERSION + 1)]
    monkeypatch.setattr(schema, "MIGRATIONS", steps)
    assert migrate(store) == VERSION
    assert ran == []


def test_a_step_due_is_taken_under_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = open_store(str(tmp_path / "p.db"))
    store.db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(VERSION - 1),))
    locked: list[bool] = []
    monkeypatch.setattr(store.db, "lock_schema", lambda: locked.append(True))
    steps = [*schema.MIGRATIONS[:-1], [lambda s: locked.append(False)]]
    monkeypatch.setattr(schema, "MIGRATIONS", steps)
    assert migrate(store) == VERSION - 1
    assert locked == [True, False]  # the lock, then the step
    assert store.db.execute("SELECT value FROM meta WHERE key = 'schema'") == [(str(VERSION),)]


def play_rounds(store: SqlStore, pack: Pack, rounds: int = 12) -> None:
    """Practice and review rounds by two players, right and wrong mixed, hours to weeks
    apart: the progress each answer wrote as it was given is the reference."""
    clock = store.clock
    assert isinstance(clock, ManualClock)
    for n in range(rounds):
        player = store.player("Ann" if n % 3 else "Ben")
        spec = practice_spec(pack, 6, seed=n % 4)  # the same facts come back
        if n % 4 == 3:
            spec = dataclasses.replace(spec, mode="review")
        session, _ = start_session(spec, pack, store, player, clock=clock)
        while session.phase is not Phase.FINISHED:
            clock.tick(7 + n)
            q = session.current
            right = (session.index + n) % 3 != 0
            session.answer(right_response(q) if right else wrong_response(q))
            session.next()
        clock.tick(3600 * (1 + 40 * (n % 5)))


def progress_rows(store: SqlStore) -> list[tuple[Any, ...]]:
    return store.db.execute("SELECT * FROM fact_progress ORDER BY player_id, pack_id, fact_id")


def test_progress_rebuilt_from_the_answers_is_what_they_gave(store_target: str, moon: Pack):
    """On both stores: the rebuild streams the answers, keeps each fact's card in memory and
    writes once, and ends with every row as the answers wrote it one by one."""
    store = open_store(store_target, ManualClock())
    assert store.problem is None
    play_rounds(store, moon)
    before = progress_rows(store)
    assert len(before) > 10 and {r[5] for r in before} >= {"right", "wrong"}
    store.rebuild_progress()
    assert progress_rows(store) == before
    store.close()


def test_the_replay_is_fsrs_to_the_last_bit_on_a_long_history() -> None:
    fast = replay.Fast(review._scheduler())
    for seed in range(5):
        assert replay.same_as_fsrs(fast, replay.history(seed, 500))
    advance, _ = replay.kit()
    assert advance == fast.advance or advance.__qualname__ == "Fast.advance"


moments = st.integers(min_value=1, max_value=40_000_000).map(lambda s: dt.timedelta(seconds=s))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.sampled_from(["right", "wrong", "partial"]),
            st.booleans(),
            moments,
        ),
        min_size=1,
        max_size=60,
    )
)
def test_the_replay_is_fsrs_on_any_history(answers: list[tuple[int, str, bool, Any]]) -> None:
    at = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    history = []
    for fact, result, exact, gap in answers:
        at += gap
        history.append((fact, result, exact, at))
    assert replay.same_as_fsrs(replay.Fast(review._scheduler()), history)


def test_a_port_that_differs_from_fsrs_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another fsrs, other arithmetic: the replay falls back to fsrs itself, never a card
    that fsrs would not have given."""
    real = replay.Fast._d
    monkeypatch.setattr(replay.Fast, "_d", staticmethod(lambda d: real(d) + 1e-9))
    advance, finish = replay.kit.__wrapped__()
    assert (advance, finish) == (review.next_card, review.card_row)


def test_a_long_read_streams_inside_a_transaction_and_outside(store_target: str) -> None:
    """Backend.stream, on both stores (PostgreSQL: a server-side cursor in a transaction, its
    batches fetched as they are read), gives every row, in order, and a bad query is a
    StoreError like any other."""
    from quiz.store import StoreError

    store = open_store(store_target)
    for name in ("Ann", "Ben", "Cleo"):
        store.player(name)
    sql = "SELECT name FROM players ORDER BY name"
    assert list(store.db.stream(sql)) == [("Ann",), ("Ben",), ("Cleo",)]
    with store.db.transaction():
        assert [r[0] for r in store.db.stream(sql)] == ["Ann", "Ben", "Cleo"]
        store.player("Dan")  # the connection is free again once the rows are read
    with pytest.raises(StoreError):
        list(store.db.stream("SELECT nothing FROM nowhere"))
    assert [p.name for p in store.players()] == ["Ann", "Ben", "Cleo", "Dan"]
    store.close()


def test_step_4_gives_every_round_an_id_of_its_own(store_target: str, moon: Pack) -> None:
    """Rounds kept before step 4 get a new id each, a chunk of rounds a statement, on both
    stores; a round that has one keeps it."""
    store = open_store(store_target, ManualClock())
    ann = store.player("Ann")
    spec = practice_spec(moon, 2, seed=1)
    made = [store.start_round(ann.id, spec, f"2026-01-01T09:{m:02d}:00+00:00") for m in range(7)]
    (kept,) = store.db.execute("SELECT uid FROM rounds WHERE id = ?", (made[0],))[0]
    store.db.execute("UPDATE rounds SET uid = NULL WHERE id <> ?", (made[0],))
    schema._give_uids(store, chunk=3)
    uids = dict(store.db.execute("SELECT id, uid FROM rounds"))
    assert uids[made[0]] == kept
    assert len(set(uids.values())) == 7 and all(len(u) == 36 for u in uids.values())
    store.close()
