"""Bests that mean something: a personal best and the top five compare rounds of the same
pack, length and scoring only (a speed-bonus round scores more for the same answers), list
each player once, and review rounds are never ranked."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MOON
from quiz import rounds, words
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.scoring import Rules
from quiz.store import open_store
from quiz.store.sql import SqlStore

T = "2026-01-01T00:0{}:00+00:00"


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


def kept(store: SqlStore, pack: Pack, name: str, score: int, n: int, **how: object) -> int:
    """A finished round of `name` with this score, started at minute `n`; `how`: its spec's
    rules (speed=…, streak=…), mode or questions."""
    rules = Rules(speed_bonus=bool(how.get("speed")), streak_bonus=bool(how.get("streak", True)))
    spec = rounds.practice_spec(pack, 4, rules=rules, seed=n, mode=how.get("mode", "practice"))  # type: ignore[arg-type]
    rid = store.start_round(store.player(name).id, spec, T.format(n))
    store.finish_round(rid, "done", T.format(n + 1), score)
    return rid


def test_top_five_lists_each_player_once_with_their_best(tmp_path: Path, moon: Pack) -> None:
    store = open_store(str(tmp_path / "p.db"))
    kept(store, moon, "Ann", 3000, 1)
    kept(store, moon, "Ann", 3500, 2)
    kept(store, moon, "Ann", 3200, 3)
    kept(store, moon, "Bo", 3400, 4)
    top = store.top("moon", 4)
    assert [(t.player, t.score) for t in top] == [("Ann", 3500), ("Bo", 3400)]


def test_scoring_rules_and_reviews_keep_apart(tmp_path: Path, moon: Pack) -> None:
    store = open_store(str(tmp_path / "p.db"))
    kept(store, moon, "Ann", 2000, 1)
    kept(store, moon, "Bo", 5000, 2, speed=True)  # more points for the same answers
    kept(store, moon, "Cy", 2500, 3, streak=False)
    kept(store, moon, "Di", 9000, 4, mode="review")
    plain = [(t.player, t.score) for t in store.top("moon", 4)]
    assert plain == [("Ann", 2000)]
    assert [(t.player, t.score) for t in store.top("moon", 4, rules=(True, True))] == [("Bo", 5000)]
    assert [(t.player, t.score) for t in store.top("moon", 4, rules=(False, False))] == [
        ("Cy", 2500)
    ]
    bo = store.player("Bo").id
    assert store.best(bo, "moon", 4) is None  # Bo's only round had the speed bonus
    assert store.best(bo, "moon", 4, rules=(True, True)) == 5000
    assert store.best(store.player("Di").id, "moon", 4) is None  # reviews are not ranked


def test_a_review_round_has_no_best_and_no_top_five(tmp_path: Path, moon: Pack) -> None:
    store = open_store(str(tmp_path / "p.db"))
    kept(store, moon, "Ann", 2000, 1)
    spec = rounds.practice_spec(moon, 2, kinds=("choice",), seed=5, mode="review")
    session, recorder = rounds.start(spec, moon, store, store.player("Bo"))
    while session.total > len(session.outcomes):
        session.answer(0)
        session.next()
    st = rounds.standing(store, recorder, session)
    assert st is not None and not st.counts and not st.is_best and st.top == ()
    assert words.best(st.counts, st.is_best, st.best_before) == ""


def test_a_speed_round_stands_among_speed_rounds(tmp_path: Path, moon: Pack) -> None:
    store = open_store(str(tmp_path / "p.db"))
    kept(store, moon, "Ann", 9000, 1)  # no speed bonus: another table
    spec = rounds.practice_spec(moon, 2, kinds=("choice",), seed=5, rules=Rules(speed_bonus=True))
    session, recorder = rounds.start(spec, moon, store, store.player("Bo"))
    while session.total > len(session.outcomes):
        session.answer(0)
        session.next()
    st = rounds.standing(store, recorder, session)
    assert st is not None and st.counts and st.is_best and st.best_before is None
    assert [t.player for t in st.top] == ["Bo"] and st.speed
    assert "with the speed bonus" in words.top_title(st.speed)
