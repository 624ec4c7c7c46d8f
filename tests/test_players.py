"""Managing players (quiz.store.players, `quiz players`): who plays on this computer apart from
names that only came in with a class's results, and renaming, merging and deleting a player,
on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from classroom import moon_paper, quiz
from helpers import moon
from quiz.clock import ManualClock
from quiz.store import open_store
from quiz.store.players import (
    PlayerError,
    Problem,
    carry_out,
    local_players,
    plan,
    roster,
)
from quiz.store.records import AnswerRecord
from quiz.store.sittings import add_sitting, claim, sittings
from quiz.store.sql import SqlStore
from test_store_contract import play

T0 = dt.datetime(2026, 4, 1, 9, 0, tzinfo=dt.UTC)
UID = "1" * 8 + "-1111-4111-8111-" + "1" * 12


def class_store(target: str) -> SqlStore:
    """Ann plays here; Ben only came in with an imported sitting; Cat sat the paper here
    (and Ann's import of the same paper came in too); Dan typed his name and has not played."""
    store = open_store(target, ManualClock(T0))
    session, _ = play(store, moon(), "Ann", seed=1, right={0, 1})
    answers = [AnswerRecord.of(o) for o in session.outcomes]
    paper = moon_paper(count=3)
    for name, uid in (("Ben", UID), ("Ann", UID.replace("1", "2"))):
        kept = add_sitting(
            store, name, paper.spec, paper.code, uid, T0.isoformat(), T0.isoformat(), "done",
            answers[:3],
        )  # fmt: skip
        assert kept is not None
    claim(store, store.player("Cat").id, paper.code, paper.spec, "window-1", T0)
    store.player("Dan")
    store.set_last_player("Ben")
    return store


def test_the_picker_lists_who_plays_here(store_target: str) -> None:
    store = class_store(store_target)
    assert [p.name for p in local_players(store)] == ["Ann", "Cat", "Dan"]
    counts = {r.player.name: (r.rounds, r.imported, r.plays_here) for r in roster(store)}
    assert counts == {
        "Ann": (1, 1, True),
        "Ben": (0, 1, False),
        "Cat": (1, 0, True),
        "Dan": (0, 0, True),
    }


def test_rename_by_key_and_refused_onto_another(store_target: str) -> None:
    store = class_store(store_target)
    carry_out(store, plan(store, "rename", "ben", "Ben Jones"))  # found by its key
    assert store.find_player("ben jones") is not None and store.find_player("Ben") is None
    assert store.last_player() == "Ben Jones", "the last player follows the rename"
    carry_out(store, plan(store, "rename", "Ann", "ANN"))  # only the case: the same player
    assert [p.name for p in store.players()][:2] == ["ANN", "Ben Jones"]
    with pytest.raises(PlayerError) as caught:
        plan(store, "rename", "Cat", "ann")
    assert caught.value.problem is Problem.TAKEN and caught.value.name == "ANN"
    with pytest.raises(PlayerError) as caught:
        plan(store, "rename", "Zed", "Zoe")
    assert caught.value.problem is Problem.NO_SUCH


def test_merge_moves_rounds_and_keeps_both_sittings(store_target: str) -> None:
    store = class_store(store_target)
    paper = moon_paper(count=3)
    ann = store.find_player("Ann")
    assert ann is not None
    before = {p.fact_id: p.attempts for p in store.progress(ann.id, "moon")}
    change = plan(store, "merge", "Ben", "ann")
    assert (change.player.imported, change.into and change.into.rounds) == (1, 1)
    carry_out(store, change)
    assert store.find_player("Ben") is None
    mine = sittings(store, paper.code, ann.id)
    assert len(mine) == 2, "Ann's sitting and Ben's, neither lost to the unique sitting key"
    after = {p.fact_id: p.attempts for p in store.progress(ann.id, "moon")}
    assert sum(after.values()) == sum(before.values()) + 3, "Ben's answers count for Ann"
    assert store.last_player() == "Ann"
    with pytest.raises(PlayerError) as caught:
        plan(store, "merge", "Ann", "ANN")
    assert caught.value.problem is Problem.SAME


def test_delete_removes_the_player_and_only_theirs(store_target: str) -> None:
    store = class_store(store_target)
    ann = store.find_player("Ann")
    assert ann is not None
    carry_out(store, plan(store, "delete", "Ann"))
    assert store.find_player("Ann") is None
    for table in ("rounds", "fact_progress"):
        rows = store.db.execute(f"SELECT COUNT(*) FROM {table} WHERE player_id = ?", (ann.id,))
        assert int(rows[0][0]) == 0, table
    orphans = "SELECT COUNT(*) FROM answers WHERE round_id NOT IN (SELECT id FROM rounds)"
    assert int(store.db.execute(orphans)[0][0]) == 0
    left = {r.player.name: (r.rounds, r.imported) for r in roster(store)}
    assert left == {"Ben": (0, 1), "Cat": (1, 0), "Dan": (0, 0)}


def test_the_command_confirms_merge_and_delete(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    class_store(str(db)).close()
    listed = quiz("players", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    here, imported = listed.stdout.split("Only in imported class results")
    assert "Ann" in here and "Dan" in here and "Ben" not in here
    assert "Ben" in imported and "1 imported sitting" in imported

    asked = quiz("players", "merge", "Ben", "Ann", "--db", str(db))
    assert asked.returncode == 2
    assert "Ann (who has 1 round) takes over Ben's 0 rounds and 1 imported sitting" in (
        asked.stdout
    )
    assert "--yes" in asked.stdout
    assert "Ben" in quiz("players", "list", "--db", str(db)).stdout, "nothing changed"
    done = quiz("players", "merge", "Ben", "Ann", "--db", str(db), "--yes")
    assert done.returncode == 0 and "Merged Ben into Ann." in done.stdout

    gone = quiz("players", "delete", "Cat", "--db", str(db), "--yes")
    assert gone.returncode == 0, gone.stderr
    assert "Delete Cat for good: their 1 round" in gone.stdout and "Deleted Cat." in gone.stdout

    for args, said in (
        (("delete", "Zed"), "no player is called Zed (players: Ann, Dan)"),
        (("rename", "Dan", "Ann"), "Ann is another player's name"),
        (("rename", "Dan", "D\x1b[31man"), "control characters"),
    ):
        refused = quiz("players", *args, "--db", str(db))
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
        assert len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr
