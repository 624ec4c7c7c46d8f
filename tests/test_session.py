"""A round as a state machine (quiz.session): score, streak, speed, phases, summary, retry."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import MOON
from quiz.generate import generate
from quiz.generate.question import Question
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack, Quote
from quiz.packs.registry import resolve
from quiz.scoring import InvalidResponse, Response, Rules
from quiz.session import Outcome, Phase, RoundSpec, Session

QUOTE = Quote("article", "x", 0, 1)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


def choice(n: int, topics: tuple[str, ...] = ("t",)) -> Question:
    """A choice question whose right answer is option 0 ("right")."""
    return Question(
        id=f"q{n}",
        fact=f"f{n}",
        kind="choice",
        prompt=f"Question {n}?",
        options=("right", "wrong", "also wrong"),
        answer="right",
        explanation="",
        quote=QUOTE,
        topics=topics,
    )


MULTI = Question(
    id="m",
    fact="m",
    kind="multi",
    prompt="Select all",
    options=("A", "B", "C"),
    answer=("A", "B"),
    explanation="",
    quote=QUOTE,
    topics=("t",),
)


def session(questions: list[Question], rules: Rules | None = None) -> tuple[Session, Clock]:
    clock = Clock()
    return Session(questions, rules or Rules(), clock), clock


def play(s: Session, responses: list[object]) -> list[Outcome]:
    outcomes = []
    for r in responses:
        outcomes.append(s.answer(r))  # type: ignore[arg-type]
        s.next()
    return outcomes


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


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
    assert s.answer([0, 2]).response_text == "A, C"


def test_why_wrong_only_for_a_wrong_choice_the_pack_explains(moon: Pack) -> None:
    from quiz.generate import all_questions

    q = next(
        q for q in all_questions(moon) if q.kind == "choice" and q.why_wrong and not q.hand_written
    )
    wrong = next(i for i, o in enumerate(q.options) if o in q.why_wrong)
    s, _ = session([q, q])
    o = s.answer(wrong)
    assert o.why_wrong is q.why_wrong[q.options[wrong]]
    s.next()
    assert s.answer(q.options.index(str(q.answer))).why_wrong is None


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
    assert (summary.right, summary.asked) == (2, 2)
    assert s.phase is Phase.ASKING


def test_retry_missed_is_a_fresh_round_of_the_missed_questions() -> None:
    rules = Rules(streak_bonus=False)
    s, clock = session([choice(i) for i in range(5)], rules)
    play(s, [1, 0, 2, 0, 1])
    again = s.retry_missed()
    assert [q.id for q in again.questions] == ["q0", "q2", "q4"]
    assert again.rules is rules
    assert again.clock is clock
    assert (again.score, again.streak, again.index, again.outcomes) == (0, 0, 0, [])
    assert again.phase is Phase.ASKING
    play(again, [0, 0, 0])
    assert again.phase is Phase.FINISHED
    assert again.score == 3000
    assert again.retry_missed().phase is Phase.FINISHED  # nothing left to retry


# -- RoundSpec --------------------------------------------------------------------


def test_round_spec_draws_the_same_questions_as_generate(moon: Pack) -> None:
    spec = RoundSpec(moon, 6)
    s = spec.start(3)
    assert list(s.questions) == generate(moon, 3, 6)
    assert list(spec.start(3).questions) == list(s.questions)
    assert s.spec is spec and s.seed == 3 and s.pack is moon
    assert s.total == 6
    assert [q.id for q in spec.start(4).questions] != [q.id for q in s.questions]


def test_round_spec_passes_kinds_topics_and_rules(moon: Pack) -> None:
    rules = Rules(speed_bonus=True)
    spec = RoundSpec(moon, 4, kinds=("choice", "typed"), topics=("places",), rules=rules)
    s = spec.start(11, clock=Clock())
    assert list(s.questions) == generate(moon, 11, 4, ("choice", "typed"), ("places",))
    assert {q.kind for q in s.questions} <= {"choice", "typed"}
    assert all("places" in q.topics for q in s.questions)
    assert s.rules is rules


def test_round_spec_on_the_bundled_pack() -> None:
    pack = resolve("lithuania-nato")
    s = RoundSpec(pack, 10).start(1)
    assert list(s.questions) == generate(pack, 1, 10)
    assert len({q.id for q in s.questions}) == 10


def test_a_session_can_be_played_with_right_answers_from_the_question(moon: Pack) -> None:
    """Every generated kind can be answered right through Session alone."""
    s = RoundSpec(moon, 100).start(5, clock=Clock())
    kinds = set()
    while s.phase is not Phase.FINISHED:
        q = s.current
        kinds.add(q.kind)
        o = s.answer(right_response(q))
        assert o.correct, q
        s.next()
    assert kinds == {"choice", "true_false", "typed", "number", "multi", "order", "evidence"}
    assert s.best_streak == s.total
    assert s.score == 1000 * s.total + sum(min(100 * i, 500) for i in range(s.total))


def right_response(q: Question) -> Response:
    if q.kind in ("typed", "number"):
        return str(q.answer)
    if q.kind == "multi":
        return [q.options.index(a) for a in q.answers]
    if q.kind == "order":
        return [q.options.index(a) for a in q.answers]
    return q.options.index(str(q.answer))


def test_session_does_not_depend_on_question_identity() -> None:
    """Two equal questions are two turns; the session keeps them apart."""
    q = choice(0)
    s, _ = session([q, replace(q)])
    play(s, [0, 1])
    assert [o.correct for o in s.outcomes] == [True, False]
