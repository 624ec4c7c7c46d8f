"""Spaced repetition (quiz.store.review): ratings, schedules over simulated weeks with a
fixed clock, review rounds of what is due, and mastery."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import MOON
from helpers import right_response, wrong_response
from quiz import words
from quiz.clock import ManualClock
from quiz.daily import Limits, Today, day_start
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.rounds import NothingDue, practice_spec, review_spec, start
from quiz.session import Phase
from quiz.spec import RoundSpec
from quiz.store import open_store
from quiz.store.review import (
    Due,
    iso,
    parse_iso,
    plan,
    rating_name,
    schedule,
)
from quiz.store.sql import SqlStore

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    return open_store(str(tmp_path / "p.db"), ManualClock(T0))


def answer_all(store: SqlStore, pack: Pack, spec: RoundSpec, wrong: set[int] = frozenset()):
    player = store.player("Ann")
    session, _ = start(spec, pack, store, player, clock=store.clock)
    while session.phase is not Phase.FINISHED:
        q = session.current
        session.answer(wrong_response(q) if session.index in wrong else right_response(q))
        session.next()
    return session


@pytest.mark.parametrize(
    ("result", "exact", "rating"),
    [
        ("wrong", True, "Again"),
        ("right", True, "Good"),
        ("right", False, "Hard"),  # accepted through a typo or a missing accent
        ("partial", True, "Hard"),
    ],
)
def test_ratings_follow_anki_habits(result: str, exact: bool, rating: str) -> None:
    assert rating_name(result, exact) == rating


def test_good_waits_longer_than_hard_and_again_comes_back_soonest() -> None:
    card, _ = schedule(None, "right", True, T0)
    later = T0 + dt.timedelta(days=3)
    dues = {
        name: parse_iso(schedule(card, result, exact, later)[1])
        for name, (result, exact) in {
            "again": ("wrong", True),
            "hard": ("right", False),
            "good": ("right", True),
        }.items()
    }
    assert dues["again"] < dues["hard"] < dues["good"]
    assert dues["again"] - later <= dt.timedelta(minutes=10)


def test_the_same_answers_give_the_same_schedule() -> None:
    a, due_a = schedule(None, "right", True, T0)
    b, due_b = schedule(None, "right", True, T0)
    assert (a, due_a) == (b, due_b)  # no fuzzing: reproducible on every machine


DUE_ONLY = Limits(new=0)  # what is due and nothing else: the schedule's own tests


def test_nothing_due_before_anything_is_answered(store: SqlStore, moon: Pack) -> None:
    made = review_spec(store, store.player("Ann"), moon, T0, 10, limits=DUE_ONLY)
    assert isinstance(made, NothingDue) and made.next_due is None
    said = words.nothing_due(made.next_due, T0, made.held, made.limits)
    assert said == "Nothing to review: your limits bring no new facts (quiz limits --new N)."


def test_a_first_review_meets_new_facts_in_the_pack_order(store: SqlStore, moon: Pack) -> None:
    """A player who has answered nothing is not turned away: a review brings facts they have
    not met, in the author's order, as many as the round and the day's new limit allow."""
    player = store.player("Ann")
    made = review_spec(store, player, moon, T0, 10, limits=Limits(new=4), seed=1)
    assert isinstance(made, RoundSpec) and made.mode == "review" and made.count == 4
    from quiz.generate import by_ids

    asked = [f for q in by_ids(moon, made.seed, made.questions or ()) for f in q.facts]
    order = [f.id for f in moon.facts]
    assert asked == sorted(asked, key=order.index) and asked == order[: len(asked)]


def test_missed_facts_come_back_first_and_in_another_kind(store: SqlStore, moon: Pack) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    session = answer_all(store, moon, practice_spec(moon, 6, seed=1), wrong={1, 3})
    missed = [session.questions[i] for i in (1, 3)]
    player = store.player("Ann")

    made = review_spec(store, player, moon, clock.now(), 10, limits=DUE_ONLY)
    assert isinstance(made, NothingDue)  # a missed fact comes back after a short step, not now
    assert made.next_due is not None and made.next_due > clock.now()
    assert "in 10 minutes" in words.nothing_due(made.next_due, clock.now())

    clock.advance(minutes=15)
    made = review_spec(store, player, moon, clock.now(), 10, seed=9, limits=DUE_ONLY)
    assert isinstance(made, RoundSpec) and made.mode == "review"
    assert made.questions is not None and made.count == len(made.questions)
    from quiz.generate import by_ids

    asked = by_ids(moon, made.seed, made.questions)
    asked_facts = {f for q in asked for f in q.facts}
    for q in missed:  # every missed fact is asked again …
        assert set(q.facts) <= asked_facts
    kinds_before = {f: q.kind for q in missed for f in q.facts}
    for q in asked:  # … each fact in another kind when the pack has one (a hand-written
        for f in q.facts:  # question is its own fact, asked in its own kind only)
            if f in kinds_before and len(q.facts) == 1 and f in moon.fact_by_id:
                assert q.kind != kinds_before[f], (f, q.kind)
    due = store.due(player.id, "moon", iso(clock.now()))
    order = [d.fact_id for d in due]
    assert order == sorted(order, key=lambda f: (dict((d.fact_id, d.due) for d in due)[f], f))


def test_weeks_of_right_answers_space_the_reviews_out(store: SqlStore, moon: Pack) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    answer_all(store, moon, practice_spec(moon, 5, seed=7))
    player = store.player("Ann")
    gaps: list[dt.timedelta] = []
    last_review: dt.datetime | None = None
    for _day in range(60):  # two months, checked once a day
        clock.advance(days=1)
        made = review_spec(store, player, moon, clock.now(), 50, limits=DUE_ONLY)
        if isinstance(made, NothingDue):
            assert made.next_due is not None and made.next_due > clock.now()
            continue
        due = {d.fact_id for d in store.due(player.id, "moon", iso(clock.now()))}
        from quiz.generate import by_ids

        for q in by_ids(moon, made.seed, made.questions or ()):
            assert due & set(q.facts), q.id  # each question asks about a fact that is due
        answer_all(store, moon, made)
        if last_review is not None:
            gaps.append(clock.now() - last_review)
        last_review = clock.now()
    assert len(gaps) >= 2
    # right answers push the next review further away
    assert gaps == sorted(gaps) and gaps[-1] > 2 * gaps[0]
    progress = store.progress(player.id, "moon")
    assert progress and all(p.mastered for p in progress if p.attempts >= 2)


def test_a_wrong_answer_in_review_takes_mastery_away(store: SqlStore, moon: Pack) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    answer_all(store, moon, practice_spec(moon, 3, seed=2))
    player = store.player("Ann")
    clock.advance(days=5)
    made = review_spec(store, player, moon, clock.now(), 10)
    assert isinstance(made, RoundSpec)
    answer_all(store, moon, made)
    mastered = [p for p in store.progress(player.id, "moon") if p.mastered]
    assert mastered, "right in practice, right again in a review: mastered"
    clock.advance(days=20)
    made = review_spec(store, player, moon, clock.now(), 10)
    assert isinstance(made, RoundSpec)
    answer_all(store, moon, made, wrong=set(range(made.count)))
    assert not any(p.mastered for p in store.progress(player.id, "moon"))


def test_practice_rounds_never_make_mastery(store: SqlStore, moon: Pack) -> None:
    for seed in range(3):
        answer_all(store, moon, practice_spec(moon, 8, seed=seed))
    assert not any(p.mastered for p in store.progress(store.player("Ann").id, "moon"))


def test_review_keeps_to_the_kinds_asked_for(store: SqlStore, moon: Pack) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    answer_all(store, moon, practice_spec(moon, 8, seed=3))
    clock.advance(days=10)
    made = review_spec(store, store.player("Ann"), moon, clock.now(), 10, kinds=("true_false",))
    assert isinstance(made, RoundSpec)
    from quiz.generate import by_ids

    assert {q.kind for q in by_ids(moon, made.seed, made.questions or ())} == {"true_false"}


def test_the_day_counts_new_facts_and_reviews_each_once(store: SqlStore, moon: Pack) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    player = store.player("Ann")
    first = answer_all(store, moon, practice_spec(moon, 4, seed=5), wrong={0})
    met = len({f for q in first.questions for f in q.facts})
    today = store.studied(player.id, iso(day_start(clock.now())))
    assert today == Today(new=met, reviews=0)  # practice brings new facts; it reviews none
    clock.advance(days=30)
    alone = ("choice", "true_false")  # no time order, which would ask the missed fact again
    made = review_spec(store, player, moon, clock.now(), 50, alone, limits=DUE_ONLY)
    assert isinstance(made, RoundSpec)
    answer_all(store, moon, made, wrong={0})
    clock.advance(minutes=11)  # the one missed again is due again: asked again, counted once
    again = review_spec(store, player, moon, clock.now(), 50, alone, limits=DUE_ONLY)
    assert isinstance(again, RoundSpec)
    answer_all(store, moon, again)
    reviewed = {f for q in by_ids_of(moon, made) for f in q.facts}
    assert store.studied(player.id, iso(day_start(clock.now()))) == Today(0, len(reviewed))


def by_ids_of(pack: Pack, spec: RoundSpec) -> list:
    from quiz.generate import by_ids

    return by_ids(pack, spec.seed, spec.questions or ())


def test_the_review_limit_holds_the_rest_for_tomorrow(store: SqlStore, moon: Pack) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    player = store.player("Ann")
    answer_all(store, moon, practice_spec(moon, 8, seed=3))
    clock.advance(days=30)  # everything answered is due
    due = len(store.due(player.id, "moon", iso(clock.now())))
    assert due >= 5
    made = review_spec(store, player, moon, clock.now(), 50, limits=Limits(new=0, reviews=3))
    assert isinstance(made, RoundSpec) and made.count == 3
    answer_all(store, moon, made)
    made = review_spec(store, player, moon, clock.now(), 50, limits=Limits(new=0, reviews=3))
    assert isinstance(made, NothingDue) and made.held == due - 3
    said = words.nothing_due(made.next_due, clock.now(), made.held, made.limits)
    assert said.startswith("Today's reviews are done (3 a day is your limit):")
    assert f"{due - 3} more facts are due and wait for tomorrow" in said
    clock.advance(days=1)  # a new day: the limit is whole again
    made = review_spec(store, player, moon, clock.now(), 50, limits=Limits(new=0, reviews=3))
    assert isinstance(made, RoundSpec) and made.count == 3


def test_the_new_limit_counts_what_practice_brought(store: SqlStore, moon: Pack) -> None:
    player = store.player("Ann")
    first = answer_all(store, moon, practice_spec(moon, 2, seed=4))
    met = len({f for q in first.questions for f in q.facts})
    limits = Limits(new=met + 2)
    made = review_spec(store, player, moon, T0, 10, limits=limits)  # nothing due yet
    assert isinstance(made, RoundSpec) and made.count == 2  # two new facts are left today
    answer_all(store, moon, made)
    made = review_spec(store, player, moon, T0, 10, limits=limits)
    assert isinstance(made, NothingDue) and made.limits == limits and not made.held
    said = words.nothing_due(made.next_due, T0, made.held, made.limits)
    assert said.startswith(f"Nothing due now, and today's {met + 2} new facts are done")


def test_until_nothing_is_due_asks_every_fact_the_day_allows(store: SqlStore, moon: Pack) -> None:
    clock = store.clock
    assert isinstance(clock, ManualClock)
    player = store.player("Ann")
    answer_all(store, moon, practice_spec(moon, 8, seed=3))
    clock.advance(days=30)
    due = store.due(player.id, "moon", iso(clock.now()))
    made = review_spec(store, player, moon, clock.now(), None, limits=Limits(new=2))
    assert isinstance(made, RoundSpec) and made.count == len(made.questions or ())
    asked = [f for q in by_ids_of(moon, made) for f in q.facts]
    assert {d.fact_id for d in due} <= set(asked)  # every fact due, then new ones
    new = set(asked) - {d.fact_id for d in due}
    assert 1 <= len(new) <= 2 + 3  # up to two new, and what a time order asks with them
    answer_all(store, moon, made)
    assert store.due(player.id, "moon", iso(clock.now())) == []  # nothing is due


class Asked(NamedTuple):
    """What a plan reads of a question."""

    id: str
    kind: str
    facts: tuple[str, ...]


def test_plan_keeps_to_the_room_left() -> None:
    questions = [Asked(f"q{i}", "choice", (f"f{i}",)) for i in range(6)]
    due = [Due(f"f{i}", T0 + dt.timedelta(minutes=i), "choice") for i in range(4)]
    made = plan(questions, due, 1, None, fresh=("f4", "f5"), room=Today(new=1, reviews=2))
    assert made.ids == ["q0", "q1", "q4"] and made.held == 2 and made.new == 1
    made = plan(questions, due, 1, 3, fresh=("f4", "f5"), room=None)  # count first, no limit
    assert made.ids == ["q0", "q1", "q2"] and made.held == 0 and made.new == 0


@pytest.mark.parametrize(
    ("kept", "limits"),
    [
        ({}, Limits()),
        ({"limits": {"new": 5}}, Limits(new=5)),
        ({"limits": {"new": -1, "reviews": True}}, Limits()),  # a broken file: the defaults
        ({"limits": {"reviews": 10**9}}, Limits()),
        ({"limits": [1, 2]}, Limits()),
    ],
)
def test_limits_read_from_a_players_prefs(kept: dict, limits: Limits) -> None:
    assert Limits.of(kept) == limits
