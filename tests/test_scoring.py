"""The rules of a round (quiz.scoring): grading a response and turning it into points."""

from __future__ import annotations

from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MOON
from helpers import make_question as question
from quiz.generate import all_questions
from quiz.packs.loader import load_pack
from quiz.question import Figure, Grade, InvalidResponse, Question
from quiz.scoring import Rules, points
from quiz.words import note as words_note


def grade(q: Question, response: object) -> Grade:
    return q.grade(response)


CHOICE = question("choice", ("Ann", "Bob", "Cid"), "Bob")
# Right options: A, C, E; wrong: B, D.
MULTI = question("multi", ("A", "B", "C", "D", "E"), ("A", "C", "E"))
# The right order is W, X, Y, Z; shown as Y, W, Z, X.
ORDER = question("order", ("Y", "W", "Z", "X"), ("W", "X", "Y", "Z"))
RIGHT_ORDER = [1, 3, 0, 2]


# -- grading ------------------------------------------------------------------------


def test_choice_right_and_wrong() -> None:
    assert grade(CHOICE, 1) == Grade(1.0)
    assert grade(CHOICE, 1).correct
    assert grade(CHOICE, 0).credit == 0.0
    assert not grade(CHOICE, 2).correct


@pytest.mark.parametrize("response", [-1, 3, 99, [1], "Bob", "2"])
def test_choice_rejects_responses_that_do_not_fit(response: object) -> None:
    with pytest.raises(InvalidResponse):
        grade(CHOICE, response)  # type: ignore[arg-type]


@pytest.mark.parametrize("response", ["abc", "2005 or so", "about", "", "   "])
def test_a_number_question_asks_again_for_text(response: str) -> None:
    """Text that is no number is not an answer (asked again), not a wrong one. A number
    said as people say it ("about 2005", issue 18) is an answer, marked by its number."""
    q = question("number", (), 2004)
    with pytest.raises(InvalidResponse):
        grade(q, response)
    assert grade(q, "2004").correct
    assert not grade(q, "2005").correct
    assert not grade(q, "about 2005").correct


def test_true_false() -> None:
    q = question("true_false", ("True", "False"), "False")
    assert grade(q, 1).correct
    assert not grade(q, 0).correct
    with pytest.raises(InvalidResponse):
        grade(q, 2)


@pytest.mark.parametrize(
    ("picks", "credit"),
    [
        ([0, 2, 4], 1.0),  # all three right
        ([4, 2, 0], 1.0),  # order of picks does not matter
        ([0, 2], 2 / 3),  # two of three, none wrong
        ([0], 1 / 3),
        ([0, 2, 1], 1 / 3),  # (2 right - 1 wrong) / 3
        ([0, 2, 4, 1], 2 / 3),  # all right plus one wrong is not full credit
        ([0, 1], 0.0),  # (1 - 1) / 3
        ([0, 1, 3], 0.0),  # (1 - 2) / 3 is floored at 0
        ([1, 3], 0.0),
    ],
)
def test_multi_partial_credit(picks: list[int], credit: float) -> None:
    g = grade(MULTI, picks)
    assert g.credit == pytest.approx(credit)
    assert g.correct is (credit == 1.0)


@pytest.mark.parametrize("response", [0, "A", [0, 5], [0, -1], [0, 0], [2, 2, 4], []])
def test_multi_rejects_bad_picks(response: object) -> None:
    with pytest.raises(InvalidResponse):
        grade(MULTI, response)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("picks", "credit"),
    [
        (RIGHT_ORDER, 1.0),
        ([2, 0, 3, 1], 0.0),  # Z, Y, X, W: fully reversed
        ([3, 1, 0, 2], 5 / 6),  # X, W, Y, Z: one adjacent swap breaks one pair of six
        ([1, 0, 3, 2], 5 / 6),  # W, Y, X, Z: only (X, Y) is out of order
        ([1, 2, 3, 0], 4 / 6),  # W, Z, X, Y: Z is before X and Y
        ([0, 1, 2, 3], 0.0),  # as shown (Y W Z X, half the pairs in order): nothing moved
    ],
)
def test_order_partial_credit_is_the_share_of_pairs_in_order(
    picks: list[int], credit: float
) -> None:
    g = grade(ORDER, picks)
    assert g.credit == pytest.approx(credit)
    assert g.correct is (credit == 1.0)


def test_order_credit_matches_a_brute_force_pair_count() -> None:
    rank = {t: i for i, t in enumerate(("W", "X", "Y", "Z"))}
    for perm in permutations(range(4)):
        ranks = [rank[ORDER.options[i]] for i in perm]
        good = sum(ranks[i] < ranks[j] for i in range(4) for j in range(i + 1, 4))
        unmoved = list(perm) == [0, 1, 2, 3]
        assert grade(ORDER, list(perm)).credit == pytest.approx(0 if unmoved else good / 6)


def test_submitting_the_order_as_shown_scores_nothing() -> None:
    """The events are never shown in the right order, so not moving them earns nothing,
    however many pairs happen to stand right."""
    g = grade(ORDER, [0, 1, 2, 3])
    assert g.credit == 0 and words_note(g.note) == "nothing was moved"


@pytest.mark.parametrize("response", [0, [0, 1, 2], [0, 1, 2, 3, 3], [0, 1, 2, 4], "1,2,3,4"])
def test_order_rejects_incomplete_or_bad_orders(response: object) -> None:
    with pytest.raises(InvalidResponse):
        grade(ORDER, response)  # type: ignore[arg-type]


def test_typed_and_number_need_text() -> None:
    moon = load_pack(MOON)
    typed = next(q for q in all_questions(moon) if q.kind == "typed")
    number = next(q for q in all_questions(moon) if q.kind == "number")
    assert grade(typed, typed.answer_text()).correct
    assert grade(typed, typed.answer_text().upper()).correct
    assert not grade(typed, "nothing like it").correct
    assert isinstance(number.key, Figure)
    assert grade(number, str(number.key.value)).correct
    assert not grade(number, str(int(number.key.value) + 1)).correct
    for q in (typed, number):  # "?" is "I don't know": shown the answer, counted wrong
        assert grade(q, "?").credit == 0 and words_note(grade(q, " ? ").note) == "not answered"
    for q in (typed, number):
        with pytest.raises(InvalidResponse):
            grade(q, 0)
        with pytest.raises(InvalidResponse):
            grade(q, [0])


# -- points ---------------------------------------------------------------------------

RIGHT, HALF, NONE = Grade(1.0), Grade(0.5), Grade(0.0)


def test_base_points() -> None:
    assert points(Rules(), RIGHT, 1, 3.0) == (1000, 0)
    assert points(Rules(), NONE, 0, 3.0) == (0, 0)
    assert points(Rules(base=200), RIGHT, 1, 3.0) == (200, 0)


@pytest.mark.parametrize(
    ("streak", "bonus"), [(1, 0), (2, 100), (3, 200), (5, 400), (6, 500), (7, 500), (40, 500)]
)
def test_streak_bonus_is_100_per_answer_after_the_first_capped_at_500(
    streak: int, bonus: int
) -> None:
    assert points(Rules(), RIGHT, streak, 1.0) == (1000, bonus)


def test_streak_bonus_can_be_turned_off() -> None:
    assert points(Rules(streak_bonus=False), RIGHT, 6, 1.0) == (1000, 0)


def test_partial_credit_scales_points_and_earns_no_streak_bonus() -> None:
    assert points(Rules(), HALF, 3, 1.0) == (500, 0)
    assert points(Rules(), Grade(2 / 3), 0, 1.0) == (667, 0)
    assert points(Rules(), Grade(1 / 3), 0, 1.0) == (333, 0)


def test_speed_bonus_is_off_by_default() -> None:
    assert not Rules().speed_bonus
    assert points(Rules(), RIGHT, 1, 0.1) == points(Rules(), RIGHT, 1, 29.9) == (1000, 0)


@pytest.mark.parametrize(
    ("seconds", "earned"),
    [
        (0.0, 1000),
        (0.5, 1000),  # the grace period: full points
        (0.6, 990),  # round((1 - (0.6 / 30) / 2) * 1000)
        (3.0, 950),
        (15.0, 750),
        (29.0, 517),
        (30.0, 500),  # at the time limit: half points
        (300.0, 500),  # never less than half
    ],
)
def test_speed_bonus_follows_kahoot(seconds: float, earned: int) -> None:
    rules = Rules(speed_bonus=True)
    assert points(rules, RIGHT, 1, seconds) == (earned, 0)
    expected = 1000 if seconds <= 0.5 else round((1 - (min(seconds, 30) / 30) / 2) * 1000)
    assert earned == expected


def test_speed_bonus_with_partial_credit_and_streak() -> None:
    rules = Rules(speed_bonus=True)
    assert points(rules, HALF, 0, 15.0) == (375, 0)
    assert points(rules, RIGHT, 3, 15.0) == (750, 200)  # the streak bonus is not scaled
    assert points(rules, NONE, 0, 0.0) == (0, 0)


# -- properties ---------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 4), unique=True, min_size=1))
def test_multi_credit_is_within_0_and_1_and_full_only_for_exactly_the_right_set(
    picks: list[int],
) -> None:
    g = grade(MULTI, picks)
    assert 0.0 <= g.credit <= 1.0
    assert g.correct is (set(picks) == {0, 2, 4})


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(4)))
def test_order_credit_full_only_for_the_right_order(perm: list[int]) -> None:
    g = grade(ORDER, list(perm))
    assert 0.0 <= g.credit <= 1.0
    assert g.correct is (list(perm) == RIGHT_ORDER)
    if list(perm) == [0, 1, 2, 3]:
        assert g.credit == 0.0


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0, 100, allow_nan=False),
    st.floats(0, 100, allow_nan=False),
    st.floats(0, 1, allow_nan=False),
)
def test_faster_never_scores_less(a: float, b: float, credit: float) -> None:
    rules = Rules(speed_bonus=True)
    fast, slow = sorted((a, b))
    assert points(rules, Grade(credit), 1, fast)[0] >= points(rules, Grade(credit), 1, slow)[0]
    assert 0 <= points(rules, Grade(credit), 1, slow)[0] <= 1000
