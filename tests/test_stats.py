"""A player's stats (quiz.stats, `quiz stats`) from a scripted history: the figures are
worked out by hand here, not by the code under test."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import MOON
from helpers import run_quiz
from quiz.clock import ManualClock
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.spec import PackRef, RoundSpec
from quiz.stats import level, player_stats
from quiz.store import open_store
from quiz.store.records import AnswerRecord, FactProgress
from quiz.store.sql import SqlStore

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


def scripted(store: SqlStore, pack: Pack, name: str, rounds: list[tuple[str, list]]) -> None:
    """Rounds of (mode, [(fact ids, result)]), one minute apart; right answers score 1000."""
    player = store.player(name)
    when = T0
    for n, (mode, answers) in enumerate(rounds):
        spec = RoundSpec(PackRef.of(pack), n, len(answers), mode=mode)  # type: ignore[arg-type]
        round_id = store.start_round(player.id, spec, when.isoformat())
        score = 0
        for seq, (facts, result) in enumerate(answers):
            when += dt.timedelta(minutes=1)
            points = 1000 if result == "right" else 0
            score += points
            store.record_answer(
                round_id,
                AnswerRecord(
                    seq,
                    f"{facts[0]}:choice:forward",
                    "choice",
                    tuple(facts),
                    "0",
                    result,
                    1.0 if result == "right" else 0.0,
                    True,
                    points,
                    3.0,
                    when.isoformat(timespec="microseconds"),
                ),
            )
        store.finish_round(round_id, "done", when.isoformat(), score)


HISTORY = [
    (
        "practice",
        [
            (["a11-armstrong"], "right"),
            (["a11-aldrin"], "wrong"),
            (["a11-landing"], "right"),
            (["a11-site"], "right"),
        ],
    ),
    (
        "practice",
        [
            (["a11-aldrin"], "right"),
            (["a12-site"], "wrong"),
            (["a11-landing", "a12-landing", "a11-return"], "right"),  # a time-order question
        ],
    ),
    ("review", [(["a11-armstrong"], "right"), (["a11-landing"], "right")]),
]


@pytest.fixture
def store(tmp_path: Path, moon: Pack) -> SqlStore:
    s = open_store(str(tmp_path / "p.db"), ManualClock(T0))
    scripted(s, moon, "Ann", HISTORY)
    return s


def test_totals(store: SqlStore, moon: Pack) -> None:
    ann = store.player("Ann")
    stats = player_stats(store, ann, T0 + dt.timedelta(minutes=10), {"moon": moon})
    assert (stats.rounds, stats.answers, stats.correct) == (3, 9, 7)
    assert stats.accuracy == pytest.approx(7 / 9)
    (p,) = stats.packs
    assert [r.accuracy for r in p.history] == [0.75, pytest.approx(2 / 3), 1.0]
    assert [r.score for r in p.history] == [3000, 2000, 2000]


def test_mastery_by_topic(store: SqlStore, moon: Pack) -> None:
    stats = player_stats(store, store.player("Ann"), T0, {"moon": moon})
    topics = {t.topic: t for t in stats.packs[0].topics}
    # crew: armstrong (latest right, right again in review: mastered), aldrin (latest right);
    # 2 of the topic's 6 (5 facts and the hand-written question a11-orbit) right: 33 %, so
    # attempted, though both facts met were right (the share is of the topic, not of those met).
    assert (topics["crew"].attempted, topics["crew"].right, topics["crew"].facts) == (2, 2, 6)
    assert topics["crew"].mastery == "attempted"
    # dates: a11-landing (mastered in review), a12-landing and a11-return (right once): all 3
    # of the topic's facts right, not all right again in a review: proficient.
    assert (topics["dates"].attempted, topics["dates"].right, topics["dates"].facts) == (3, 3, 3)
    assert topics["dates"].mastery == "proficient"
    # places: a11-site right, a12-site wrong: 1 of 2 = 50 % < 70 %.
    assert (topics["places"].attempted, topics["places"].right) == (2, 1)
    assert topics["places"].mastery == "attempted"


def _p(result: str, mastered: bool = False) -> FactProgress:
    return FactProgress("f", 1, 1, result, "choice", "", mastered, "")


@pytest.mark.parametrize(
    ("facts", "topic", "expected"),
    [
        ([], 11, "not started"),
        ([_p("wrong")], 1, "attempted"),
        ([_p("right")], 11, "attempted"),  # 1 of 11: met right once is not proficient
        ([_p("right"), _p("wrong")], 2, "attempted"),  # 50 %
        ([_p("right")] * 7 + [_p("wrong")] * 3, 10, "familiar"),  # 70 %
        ([_p("right")] * 7, 10, "familiar"),  # 70 % of the topic, 3 facts not met
        ([_p("right")] * 9 + [_p("wrong")], 10, "familiar"),  # 90 %
        ([_p("right", True)] * 9, 10, "familiar"),  # mastered facts, one not met
        ([_p("right"), _p("right", True)], 2, "proficient"),
        ([_p("right", True), _p("right", True)], 2, "mastered"),
    ],
)
def test_levels(facts: list[FactProgress], topic: int, expected: str) -> None:
    assert level(facts, topic) == expected


def test_weakest_facts_come_with_their_quotes(store: SqlStore, moon: Pack) -> None:
    stats = player_stats(store, store.player("Ann"), T0, {"moon": moon})
    weakest = stats.packs[0].weakest
    # Missed last time first (a12-site), then right now but missed before (a11-aldrin).
    assert [w.fact for w in weakest] == ["a12-site", "a11-aldrin"]
    site = moon.fact_by_id["a12-site"]
    assert weakest[0].statement == site.statement and weakest[0].quote == site.quote.text


def test_paragraphs_are_shaded_by_the_facts_they_hold(store: SqlStore, moon: Pack) -> None:
    stats = player_stats(store, store.player("Ann"), T0, {"moon": moon})
    shades = stats.packs[0].shades
    text = moon.sources["article"].text
    progress = {p.fact_id: p for p in store.progress(store.player("Ann").id, "moon")}
    for shade in shades:
        held = [
            progress[f.id]
            for f in moon.facts
            if f.id in progress
            and any(q.start < shade.end and shade.start < q.end for q in f.evidence)
        ]
        if not held:
            assert shade.accuracy is None and shade.facts == 0
        else:
            attempts = sum(p.attempts for p in held)
            assert shade.accuracy == pytest.approx(sum(p.rights for p in held) / attempts)
        assert text[shade.start : shade.end].strip()
    assert any(s.accuracy is not None and s.accuracy < 1 for s in shades)


def test_due_counts_what_the_schedule_says(store: SqlStore, moon: Pack) -> None:
    ann = store.player("Ann")
    now = T0 + dt.timedelta(minutes=30)
    # a12-site was missed last (back after ten minutes); a11-aldrin was missed, then right.
    assert player_stats(store, ann, now, {"moon": moon}).due == 1
    later = T0 + dt.timedelta(days=400)
    assert player_stats(store, ann, later, {"moon": moon}).due == 7  # every fact met


def test_quiz_stats_json(tmp_path: Path, moon: Pack) -> None:
    db = tmp_path / "p.db"
    scripted(open_store(str(db)), moon, "Ann", HISTORY)
    done = run_quiz(
        "stats", "--db", str(db), "--player", "Ann", "--pack", str(MOON), "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["format"] == "quiz-stats/1"
    assert doc.keys() >= {"player", "rounds", "answers", "correct", "accuracy", "due", "topics"}
    assert (doc["player"], doc["rounds"], doc["answers"], doc["correct"]) == ("Ann", 3, 9, 7)
    assert doc["accuracy"] == round(7 / 9, 4)
    mastery = {t["topic"]: t["mastery"] for t in doc["topics"]}
    assert mastery == {"crew": "attempted", "dates": "proficient", "places": "attempted"}


def test_stats_json_of_nothing_answered_says_null_not_zero(store: SqlStore, moon: Pack) -> None:
    bo = store.player("Bo")
    doc = player_stats(store, bo, T0, {"moon": moon}).to_json()
    assert (doc["answers"], doc["accuracy"]) == (0, None)
    assert doc["topics"] and all(t["accuracy"] is None for t in doc["topics"])


def test_quiz_stats_table_and_errors(tmp_path: Path, moon: Pack) -> None:
    db = tmp_path / "p.db"
    scripted(open_store(str(db)), moon, "[bold]Ann[/]", HISTORY)
    done = run_quiz("stats", "--db", str(db), "--player", "[bold]Ann[/]")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Player [bold]Ann[/]: 3 rounds, 9 answers, 7 right (78%)")
    assert "not installed" in done.stdout  # the moon pack is not among the installed ones
    missing = run_quiz("stats", "--db", str(db), "--player", "Nobody")
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "no player 'Nobody'" in missing.stderr
