"""Typed numbers as students write them beside the figure: a bound ("over 1,000") and a
date for a year question ("July 2016"), each checked against what the fact says."""

from __future__ import annotations

import pytest

from helpers import bundled, gadsden, moon
from quiz.figures import check_number
from quiz.generate import all_questions
from quiz.packs.model import When
from quiz.question import Figure, InvalidResponse
from quiz.round.codes import Refusal

OVER = Figure(1000, unit="troops", bound="lower", shown="over 1,000")


@pytest.mark.parametrize("answer", ["over 1,000", "more than 1000 troops", "1000", "Over 1000"])
def test_the_sources_bound_is_a_right_answer(answer: str) -> None:
    assert check_number(OVER, answer).correct


@pytest.mark.parametrize("answer", ["under 1000", "over 1200", "fewer than 1,000", "999"])
def test_another_bound_or_figure_is_wrong(answer: str) -> None:
    assert not check_number(OVER, answer).correct


def test_a_bound_the_source_does_not_give_is_wrong() -> None:
    eight = Figure(8, unit="years")
    assert check_number(eight, "eight years").correct
    assert not check_number(eight, "over 8").correct
    assert not check_number(eight, "more than eight years").correct
    # a cap is the figure itself ("up to $50 million" for the highest offer), not a bound
    assert check_number(Figure(50_000_000), "up to 50 million").correct


def test_the_answer_shown_for_a_bound_is_the_sources() -> None:
    assert OVER.answer_text(()) == "over 1,000 troops"
    assert Figure(8, unit="years").answer_text(()) == "8 years"


JULY = Figure(2016, year=True, month=7)


@pytest.mark.parametrize("answer", ["2016", "July 2016", "in July 2016", "Jul 2016", "2016."])
def test_a_year_given_with_the_facts_month_is_right(answer: str) -> None:
    assert check_number(JULY, answer).correct


@pytest.mark.parametrize("answer", ["May 2016", "July 2015", "2015"])
def test_a_wrong_month_or_year_is_wrong(answer: str) -> None:
    assert not check_number(JULY, answer).correct


@pytest.mark.parametrize(
    ("key", "answer"),
    [
        (JULY, "8 July 2016"),  # the fact has no day: a day cannot be checked
        (JULY, "summer 2016"),
        (Figure(2004, year=True), "1 May 2004"),  # the fact has the year only
        (Figure(2004, year=True), "March 2004"),
    ],
)
def test_a_date_the_fact_cannot_check_asks_for_the_year(key: Figure, answer: str) -> None:
    with pytest.raises(InvalidResponse) as raised:
        key.normalize((), answer)
    assert raised.value.reason is Refusal.NOT_A_YEAR


def test_a_full_date_is_checked_to_the_day_in_each_language() -> None:
    march = Figure(2004, year=True, month=3, day=29)
    assert check_number(march, "29 March 2004").correct
    assert check_number(march, "March 29th, 2004").correct
    assert not check_number(march, "30 March 2004").correct
    assert not check_number(march, "1 May 2004").correct
    lt = Figure(2004, language="lt", year=True, month=3, day=29)
    assert check_number(lt, "2004 m. kovo 29 d.").correct
    assert not check_number(lt, "2004 m. gegužės 1 d.").correct


@pytest.mark.parametrize("which", ["moon", "bundled", "gadsden"])
def test_what_the_game_shows_as_the_answer_is_marked_right(which: str) -> None:
    """The answer shown after a number question ("over 1,000 troops"), and a year's date as
    the pack's language writes it ("29 March 2004"), are right answers themselves."""
    pack = {"moon": moon, "bundled": bundled, "gadsden": gadsden}[which]()
    questions = all_questions(pack, 0, kinds=["number"])
    assert questions
    for q in questions:
        assert isinstance(q.key, Figure) and q.origin.claim is not None
        assert check_number(q.key, q.key.answer_text(q.options)).correct, q.id
        for value in q.origin.claim.values:
            if isinstance(value, When):
                written = pack.lang.date(value.year, value.month, value.day)
                assert check_number(q.key, written).correct, (q.id, written)


@pytest.mark.parametrize("answer", ["1.000", "1.000 troops", "over 1.000"])
def test_a_thousands_dot_is_asked_again_never_marked(answer: str) -> None:
    """ "1.000" in an English pack reads as one: the student meant a thousand with a
    continental thousands dot, so it is sent back, neither wrong nor right."""
    key = Figure(1000, unit="troops", bound="lower")
    with pytest.raises(InvalidResponse) as caught:
        key.grade((), answer)
    assert caught.value.reason is Refusal.THOUSANDS_DOT
    assert answer in str(caught.value)


@pytest.mark.parametrize("answer", ["2.000", "1.5", "1.0001"])
def test_another_figure_with_a_dot_is_marked(answer: str) -> None:
    assert Figure(1000, bound="lower").grade((), answer).result == "wrong"


def test_a_dot_that_is_the_decimal_sign_stays_a_decimal() -> None:
    assert Figure(1.0).grade((), "1.000").result == "right"  # one, as written
    with pytest.raises(InvalidResponse) as caught:
        Figure(15_000_000).grade((), "15.000.000")
    assert caught.value.reason is Refusal.THOUSANDS_DOT
