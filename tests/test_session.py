"""A round as a state machine (quiz.session): score, streak, speed, phases, listeners,
summary, retry, time limits, and the round spec it is built from."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import MOON
from helpers import bundled, make_question, right_response
from quiz.clock import ManualClock
from quiz.generate import generate
from quiz.kinds import KIND_NAMES
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.packs.registry import resolve
from quiz.question import InvalidResponse, Question
from quiz.round.codes import EndReason
from quiz.scoring import Rules
from quiz.session import Listener, Outcome, Phase, Session, TimeUp
from quiz.spec import PackRef, RoundSpec, SpecError


class Clock(ManualClock):
    """The tests' clock: tick(seconds) moves both readings."""


def choice(n: int, topics: tuple[str, ...] = ("t",)) -> Question:
    """A choice question whose right answer is option 0 ("right")."""
    return make_question(
        "choice",
        ("right", "wrong", "also wrong"),
        "right",
        qid=f"q{n}",
        facts=(f"f{n}",),
        topics=topics,
        prompt=f"Question {n}?",
    )


MULTI = make_question("multi", ("A", "B", "C"), ("A", "B"), qid="m", facts=("m1", "m2"))


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


def _spec(pack: Pack | None = None, **kw: object) -> RoundSpec:
    ref = PackRef.of(pack) if pack is not None else PackRef("test", "1", "0" * 64)
    return RoundSpec(ref, kw.pop("seed", 1), **kw)  # type: ignore[arg-type]


class _NoPack:
    id, version, digest, title = "test", "1", "0" * 64, "test"


def session(
    questions: list[Question], rules: Rules | None = None, **spec: object
) -> tuple[Session, Clock]:
    clock = Clock()
    s = Session(
        _spec(rules=rules or Rules(), **spec),  # type: ignore[arg-type]
        _NoPack(),  # type: ignore[arg-type]
        clock=clock,
        questions=questions,
    )
    return s, clock


def play(s: Session, responses: list[object]) -> list[Outcome]:
    outcomes = []
    for r in responses:
        outcomes.append(s.answer(r))
        if s.phase is Phase.FEEDBACK:
            s.next()
    return outcomes


# -- score and streak ---------------------------------------------------------------


def test_right_answers_in_a_row_earn_a_growing_streak_bonus() -> None:
    s, _ = session([choice(i) for i in range(8)])
    outcomes = play(s, [0] * 8)
    assert [o.streak_bonus for o in outcomes] == [0, 100, 200, 300, 400, 500, 500, 500]
    assert [o.points for o in outcomes] == [1000] * 8
    assert [o.streak for o in outcomes] == list(range(1, 9))
    assert s.score == 8000 + 2500
    assert s.streak == s.best_streak == 8


def test_a_miss_resets_the_streak_and_scores_nothing() -> None:
    s, _ = session([choice(i) for i in range(6)])
    outcomes = play(s, [0, 0, 0, 1, 0, 0])
    assert [o.total for o in outcomes] == [1000, 1100, 1200, 0, 1000, 1100]
    assert [o.streak for o in outcomes] == [1, 2, 3, 0, 1, 2]
    assert s.score == 5400
    assert s.streak == 2
    assert s.best_streak == 3
    assert [o.correct for o in outcomes] == [True, True, True, False, True, True]


def test_no_streak_rule() -> None:
    s, _ = session([choice(i) for i in range(4)], Rules(streak_bonus=False))
    play(s, [0, 0, 0, 0])
    assert s.score == 4000
    assert s.streak == 4  # the streak is still counted, only not rewarded


def test_partial_credit_scores_but_is_not_right_and_breaks_the_streak() -> None:
    s, _ = session([choice(0), choice(1), MULTI, choice(2)])
    outcomes = play(s, [0, 0, [0], 0])
    partial = outcomes[2]
    assert partial.points == 500  # one of two right picks
    assert partial.streak_bonus == 0
    assert not partial.correct
    assert partial.streak == 0
    assert outcomes[3].streak == 1 and outcomes[3].streak_bonus == 0
    assert s.score == 1000 + 1100 + 500 + 1000
    summary = s.summary()
    assert summary.right == 3
    assert [o.question.id for o in summary.missed] == ["m"]


def test_multi_fully_right_continues_the_streak() -> None:
    s, _ = session([choice(0), MULTI])
    outcomes = play(s, [0, [1, 0]])
    assert outcomes[1].correct
    assert outcomes[1].total == 1100


# -- speed --------------------------------------------------------------------------


def test_speed_bonus_off_by_default_ignores_the_clock() -> None:
    s, clock = session([choice(0), choice(1)])
    clock.tick(25)
    o = s.answer(0)
    assert o.seconds == 25
    assert o.points == 1000


def test_speed_bonus_counts_from_when_the_question_is_shown() -> None:
    s, clock = session([choice(i) for i in range(4)], Rules(speed_bonus=True, streak_bonus=False))
    clock.tick(0.4)
    assert s.answer(0).points == 1000  # within the grace period
    clock.tick(500)  # reading the feedback does not count
    s.next()
    clock.tick(15)
    assert s.answer(0).points == 750
    s.next()
    clock.tick(60)
    assert s.answer(0).points == 500
    s.next()
    clock.tick(3)
    assert s.answer(1).points == 0  # a slow or fast miss is still a miss
    assert s.score == 2250


def test_invalid_response_time_keeps_running() -> None:
    s, clock = session([choice(0)], Rules(speed_bonus=True))
    clock.tick(10)
    with pytest.raises(InvalidResponse):
        s.answer(7)
    clock.tick(5)
    o = s.answer(0)
    assert o.seconds == 15
    assert o.points == 750


# -- invalid answers and phases -------------------------------------------------------


@pytest.mark.parametrize("response", [3, -1, [0], "right", 1.5])
def test_invalid_response_leaves_the_state_unchanged(response: object) -> None:
    s, _ = session([choice(0), choice(1), choice(2)])
    play(s, [0])
    before = (s.index, s.score, s.streak, s.best_streak, list(s.outcomes), s.phase)
    with pytest.raises(InvalidResponse):
        s.answer(response)  # type: ignore[arg-type]
    assert (s.index, s.score, s.streak, s.best_streak, list(s.outcomes), s.phase) == before
    assert s.phase is Phase.ASKING
    assert s.answer(0).total == 1100  # and the question can still be answered


def test_phase_transitions() -> None:
    s, _ = session([choice(0), choice(1)])
    assert s.phase is Phase.ASKING and s.index == 0 and s.total == 2
    assert not s.in_progress
    assert s.last is None
    with pytest.raises(RuntimeError):
        s.next()
    o = s.answer(0)
    assert s.phase is Phase.FEEDBACK
    assert s.last is o
    assert s.current.id == "q0"  # the question stays current during feedback
    assert s.in_progress
    with pytest.raises(RuntimeError):
        s.answer(0)
    s.next()
    assert s.phase is Phase.ASKING and s.index == 1 and s.current.id == "q1"
    s.answer(1)
    s.next()
    assert s.phase is Phase.FINISHED
    assert not s.in_progress
    with pytest.raises(RuntimeError):
        s.current  # noqa: B018
    with pytest.raises(RuntimeError):
        s.answer(0)
    with pytest.raises(RuntimeError):
        s.next()


def test_an_empty_round_is_finished_at_once() -> None:
    s, _ = session([])
    assert s.phase is Phase.FINISHED
    assert s.total == 0
    summary = s.summary()
    assert (summary.score, summary.asked, summary.accuracy) == (0, 0, 0.0)


# -- outcome details ----------------------------------------------------------------


def test_outcome_says_what_was_answered() -> None:
    s, _ = session([choice(0), MULTI])
    assert s.answer(2).response_text == "also wrong"
    s.next()
    assert s.answer([0, 2]).response_text == "A; C"  # written like the answer it is compared with


def test_why_wrong_only_for_a_wrong_choice_the_pack_explains(moon: Pack) -> None:
    from quiz.generate import all_questions
    from quiz.round.viewing import why_not

    q = next(q for q in all_questions(moon) if q.kind == "choice" and q.origin.why_wrong)
    wrong, reason = q.origin.why_wrong[0]
    s, _ = session([q, q])
    o = s.answer(wrong)
    assert why_not(o, moon) is reason
    s.next()
    assert why_not(s.answer(right_response(q)), moon) is None


# -- summary and retry --------------------------------------------------------------


def test_summary_per_topic() -> None:
    questions = [
        choice(0, ("crew",)),
        choice(1, ("dates",)),
        choice(2, ("crew", "places")),
        choice(3, ("crew",)),
    ]
    s, _ = session(questions)
    play(s, [0, 1, 0, 2])
    summary = s.summary()
    assert summary.score == 1000 + 0 + 1000 + 0
    assert (summary.right, summary.asked) == (2, 4)
    assert summary.accuracy == 0.5
    assert summary.best_streak == 1
    topics = {t.topic: (t.right, t.asked) for t in summary.topics}
    assert topics == {"crew": (2, 3), "dates": (0, 1), "places": (1, 1)}
    assert [t.topic for t in summary.topics] == ["crew", "dates", "places"]
    assert [o.question.id for o in summary.missed] == ["q1", "q3"]


def test_summary_of_a_round_left_early_counts_only_answered_questions() -> None:
    s, _ = session([choice(i) for i in range(5)])
    play(s, [0, 0])
    summary = s.summary()
    assert (summary.right, summary.asked, summary.total) == (2, 2, 5)
    assert s.phase is Phase.ASKING
    s.leave()
    assert s.phase is Phase.FINISHED and s.end_reason is EndReason.LEFT
    assert s.summary().asked == 2


def test_retry_spec_names_the_missed_questions(moon: Pack) -> None:
    rules = Rules(streak_bonus=False)
    spec = _spec(moon, count=6, seed=3, rules=rules)
    s = Session(spec, moon, clock=Clock())
    missed = []
    while s.phase is not Phase.FINISHED:
        q = s.current
        if s.index % 2:
            s.answer(right_response(q))
        else:
            from helpers import wrong_response

            s.answer(wrong_response(q))
            missed.append(q.id)
        s.next()
    retry = s.retry_spec()
    assert retry is not None and retry.questions == tuple(missed)
    assert retry.rules is rules and retry.mode == "practice"
    again = Session(retry, moon, clock=Clock())
    assert [q.id for q in again.questions] == missed
    assert [q for q in again.questions] == [q for q in s.questions if q.id in missed]
    for q in again.questions:
        again.answer(right_response(q))
        again.next()
    assert again.retry_spec() is None  # nothing left to retry


# -- RoundSpec ----------------------------------------------------------------------


def test_round_spec_draws_the_same_questions_as_generate(moon: Pack) -> None:
    spec = _spec(moon, count=6, seed=3)
    s = Session(spec, moon)
    assert list(s.questions) == generate(moon, 3, 6)
    assert list(Session(spec, moon).questions) == list(s.questions)
    assert s.spec is spec and s.seed == 3 and s.pack is moon
    assert s.total == 6
    other = Session(spec.again(4), moon)
    assert [q.id for q in other.questions] != [q.id for q in s.questions]


def test_round_spec_passes_kinds_topics_and_rules(moon: Pack) -> None:
    rules = Rules(speed_bonus=True)
    spec = _spec(moon, count=4, seed=11, kinds=("choice", "typed"), topics=("places",), rules=rules)
    s = Session(spec, moon, clock=Clock())
    assert list(s.questions) == generate(moon, 11, 4, ("choice", "typed"), ("places",))
    assert {q.kind for q in s.questions} <= {"choice", "typed"}
    assert all("places" in q.topics for q in s.questions)
    assert s.rules is rules


def test_round_spec_on_the_bundled_pack() -> None:
    pack = resolve("lithuania-nato")
    s = Session(_spec(pack, count=10, seed=1), pack)
    assert list(s.questions) == generate(pack, 1, 10)
    assert len({q.id for q in s.questions}) == 10


def test_round_spec_is_plain_data_that_survives_json(moon: Pack) -> None:
    spec = RoundSpec(
        PackRef.of(moon),
        seed=42,
        count=7,
        kinds=("choice", "order"),
        topics=("crew",),
        rules=Rules(speed_bonus=True, streak_bonus=False),
        mode="exam",
        feedback="end",
        time_limit=600,
        questions=None,
    )
    text = json.dumps(spec.to_json())
    again = RoundSpec.from_json(json.loads(text))
    assert again == spec
    assert RoundSpec.loads(spec.dumps()) == spec
    assert again.pack.digest == moon.digest and len(moon.digest) == 64
    # the same spec gives the same questions, options in the same order
    assert Session(again, moon).questions == Session(spec, moon).questions


@pytest.mark.parametrize(
    "broken",
    [
        "[]",
        "{}",
        '{"pack": {"id": "x", "version": "1", "digest": "d"}}',
        '{"pack": {"id": "x", "version": "1", "digest": "d"}, "seed": "7"}',
        '{"pack": {"id": "x", "version": "1", "digest": "d"}, "seed": 7, "count": 0}',
        '{"pack": {"id": "x", "version": "1", "digest": "d"}, "seed": 7, "count": 999}',
        '{"pack": {"id": "x", "version": "1", "digest": "d"}, "seed": 7, "mode": "cheat"}',
        '{"pack": {"id": "x", "version": "1", "digest": "d"}, "seed": 7, "kinds": ["essay"]}',
        '{"pack": {"id": "x", "version": "1", "digest": "d"}, "seed": 7, "rules": {"base": -5}}',
        '{"pack": {"id": "x", "version": "1", "digest": "d"}, "seed": 7, "time_limit": 0}',
        "not json",
    ],
)
def test_a_malformed_spec_is_refused_with_a_reason(broken: str) -> None:
    with pytest.raises(SpecError):
        RoundSpec.loads(broken)


def test_a_spec_names_its_pack_and_version(moon: Pack) -> None:
    spec = _spec(moon)
    spec.check_pack(moon)  # no error
    with pytest.raises(SpecError, match="not"):
        replace(spec, pack=replace(spec.pack, id="other")).check_pack(moon)
    with pytest.raises(SpecError, match="installed"):
        replace(spec, pack=replace(spec.pack, digest="f" * 64)).check_pack(moon)


def test_a_session_can_be_played_with_right_answers_from_the_question(tmp_path: Path) -> None:
    """Every generated kind can be answered right through Session alone."""
    # the moon pack makes no evidence question (its claims name missions only their answers
    # name, so one word would find them): the bundled pack's are answered instead
    moon = load_pack(MOON)
    for kind in KIND_NAMES:
        pack = bundled() if kind == "evidence" else moon
        s = Session(_spec(pack, count=100, seed=5, kinds=(kind,)), pack, clock=Clock())
        assert s.total > 0, kind
        while s.phase is not Phase.FINISHED:
            q = s.current
            assert q.kind == kind
            o = s.answer(right_response(q))
            assert o.correct, q
            s.next()
        assert s.best_streak == s.total
        assert s.score == 1000 * s.total + sum(min(100 * i, 500) for i in range(s.total))


def test_session_does_not_depend_on_question_identity() -> None:
    """Two equal questions are two turns; the session keeps them apart."""
    q = choice(0)
    s, _ = session([q, replace(q)])
    play(s, [0, 1])
    assert [o.correct for o in s.outcomes] == [True, False]


# -- listeners and outcomes ------------------------------------------------------------


class Log(Listener):
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def started(self, session: Session) -> None:
        self.events.append(("started", session.total))

    def answered(self, session: Session, outcome: Outcome) -> None:
        self.events.append(("answered", outcome))

    def finished(self, session: Session) -> None:
        self.events.append(("finished", session.end_reason.value if session.end_reason else None))


def test_listeners_hear_every_outcome_with_every_fact_and_the_time() -> None:
    s, clock = session([choice(0), MULTI])
    log = Log()
    s.subscribe(log)
    assert log.events == []  # nothing is published before the first answer
    clock.tick(4)
    s.answer(0)
    s.next()
    clock.tick(2.5)
    s.answer((0,))
    s.next()
    kinds = [e[0] for e in log.events]
    assert kinds == ["started", "answered", "answered", "finished"]
    first, second = log.events[1][1], log.events[2][1]
    assert isinstance(first, Outcome) and isinstance(second, Outcome)
    assert (first.question_id, first.facts, first.result, first.seconds) == (
        "q0",
        ("f0",),
        "right",
        4,
    )
    assert second.facts == ("m1", "m2")  # a question on two facts speaks for both
    assert second.result == "partial" and second.response == (0,)
    assert second.answered_at == Clock().now() + dt.timedelta(seconds=6.5)
    assert second.answered_at.tzinfo is dt.UTC
    assert log.events[-1] == ("finished", "done")


def test_responses_are_kept_in_canonical_form() -> None:
    s, _ = session([MULTI, MULTI])
    assert s.answer([1, 0]).response == (0, 1)  # picks sorted, a tuple
    s.next()
    with pytest.raises(InvalidResponse):
        s.answer([])


def test_questions_of_a_session_cannot_be_changed() -> None:
    s, _ = session([choice(0)])
    assert isinstance(s.questions, tuple)
    with pytest.raises(AttributeError):
        s.questions[0].prompt = "changed"  # type: ignore[misc]


# -- feedback at the end and time limits -------------------------------------------------


def test_feedback_at_the_end_moves_straight_to_the_next_question() -> None:
    s, _ = session([choice(0), choice(1)], feedback="end")
    s.answer(1)
    assert s.phase is Phase.ASKING and s.index == 1
    s.answer(0)
    assert s.phase is Phase.FINISHED and s.end_reason is EndReason.DONE


def test_time_left_counts_down_and_an_answer_after_it_closes_the_round() -> None:
    s, clock = session([choice(i) for i in range(4)], time_limit=60)
    log = Log()
    s.subscribe(log)
    assert s.time_left() == 60
    clock.tick(20)
    s.answer(0)
    s.next()
    assert s.time_left() == 40
    clock.tick(45)
    assert s.time_left() == 0
    with pytest.raises(TimeUp):
        s.answer(0)
    assert s.phase is Phase.FINISHED and s.end_reason is EndReason.TIMEOUT
    assert [o.result for o in s.outcomes] == ["right", "wrong", "wrong", "wrong"]
    assert [o.response for o in s.outcomes[1:]] == [None, None, None]
    assert s.summary().asked == 4  # unanswered questions count as wrong
    assert log.events[-1] == ("finished", "timeout")


def test_expire_during_feedback_keeps_the_answer_given() -> None:
    s, _ = session([choice(0), choice(1)], time_limit=10)
    s.answer(0)
    s.expire()
    assert [o.result for o in s.outcomes] == ["right", "wrong"]


def test_no_time_limit_means_no_countdown() -> None:
    s, _ = session([choice(0)])
    assert s.time_left() is None
