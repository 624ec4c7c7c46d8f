"""Judging free answers: typed names (folding, typos, rivals) and numbers (forms, tolerance)."""

from __future__ import annotations

import pytest

from helpers import bundled, moon
from quiz.answers import check_number, check_typed, parse_number
from quiz.generate import Question, all_questions
from quiz.packs import Quote

QUOTE = Quote("article", "x", 0, 1)


def typed(answer: str, *aliases: str, rivals: tuple[str, ...] = ()) -> Question:
    return Question(
        id="t",
        fact="t",
        kind="typed",
        prompt="Where?",
        options=(),
        answer=answer,
        explanation="",
        quote=QUOTE,
        topics=(),
        accepted=(answer, *aliases),
        rivals=rivals,
    )


def number(answer: int | float, tolerance: float = 0) -> Question:
    return Question(
        id="n",
        fact="n",
        kind="number",
        prompt="How many?",
        options=(),
        answer=answer,
        explanation="",
        quote=QUOTE,
        topics=(),
        tolerance=tolerance,
    )


COUNTRIES = ("Latvia", "Estonia", "Slovenia", "Slovakia", "Romania", "Bulgaria", "Croatia")
SIAULIAI = typed(
    "Šiauliai Air Base", "Šiauliai", rivals=("Ämari Air Base", "Amari", "Vilnius", "Rukla")
)


# -- typed: folding -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "given",
    [
        "Šiauliai",
        "siauliai",
        "SIAULIAI",
        "Siauliai air base",
        "  šiauliai   AIR-base ",
        "the Šiauliai",
    ],
)
def test_accents_case_and_spacing_do_not_count(given: str) -> None:
    verdict = check_typed(SIAULIAI, given)
    assert verdict.correct and verdict.exact, given


def test_leading_the_does_not_count() -> None:
    q = typed("the Netherlands", rivals=("Norway", "Belgium"))
    for given in ("Netherlands", "the netherlands", "The Netherlands"):
        assert check_typed(q, given).correct, given


def test_empty_answer_is_wrong() -> None:
    assert not check_typed(SIAULIAI, "   ").correct
    assert not check_typed(SIAULIAI, "").correct


def test_a_different_place_is_wrong() -> None:
    assert not check_typed(SIAULIAI, "Vilnius").correct
    assert not check_typed(SIAULIAI, "Kaunas").correct


# -- typed: typos -------------------------------------------------------------------------


def test_small_typo_accepted_and_marked_not_exact() -> None:
    verdict = check_typed(SIAULIAI, "Siauliai Air Bsae")
    assert verdict.correct
    assert not verdict.exact
    assert "Šiauliai Air Base" in verdict.note


def test_typo_in_a_long_name_accepted() -> None:
    q = typed("Bosnia and Herzegovina", rivals=COUNTRIES)
    verdict = check_typed(q, "Bosnia and Herzegowina")
    assert verdict.correct and not verdict.exact


def test_a_big_mistake_is_not_a_typo() -> None:
    q = typed("Bosnia and Herzegovina", rivals=COUNTRIES)
    assert not check_typed(q, "Bosnia").correct
    assert not check_typed(q, "Serbia and Montenegro").correct


def test_near_miss_that_is_another_pool_value_rejected() -> None:
    q = typed("Slovakia", rivals=COUNTRIES)
    verdict = check_typed(q, "Slovenia")
    assert not verdict.correct
    q = typed("Austria", rivals=("Australia", "Germany"))
    assert not check_typed(q, "Australia").correct


def test_typo_equally_close_to_a_rival_rejected() -> None:
    # 'Slovania' is one letter from Slovakia and one from Slovenia: it could be either
    q = typed("Slovakia", rivals=COUNTRIES)
    verdict = check_typed(q, "Slovania")
    assert not verdict.correct
    # the same typo is forgiven when no rival is as close
    alone = typed("Slovakia", rivals=("Latvia", "Estonia"))
    assert check_typed(alone, "Slovania").correct


def test_typo_closer_to_a_rival_rejected() -> None:
    q = typed("Austria", rivals=("Australia",))
    assert not check_typed(q, "Austrlia").correct


def test_short_answers_need_exact() -> None:
    q = typed("Iraq", rivals=("Iran", "Oman"))
    assert check_typed(q, "iraq").correct
    assert not check_typed(q, "Irak").correct
    assert not check_typed(q, "Iran").correct
    ghor = typed("Ghor", rivals=("Vilnius",))
    assert not check_typed(ghor, "Gohr").correct


# -- typed: generated questions --------------------------------------------------------------


def _typed_questions(pack) -> list[Question]:
    return [q for q in all_questions(pack, 0, kinds=["typed"]) if not q.hand_written]


@pytest.mark.parametrize("which", ["moon", "bundled"])
def test_generated_typed_questions_judge_their_own_values(which: str) -> None:
    pack = moon() if which == "moon" else bundled()
    qs = _typed_questions(pack)
    assert qs, "no typed question"
    for q in qs:
        for spelling in q.accepted:
            assert check_typed(q, spelling).correct, (q.id, spelling)
            assert check_typed(q, spelling.upper()).correct, (q.id, spelling)
        for rival in q.rivals:
            assert not check_typed(q, rival).correct, (q.id, rival)


def test_generated_typed_accent_free_spelling() -> None:
    """A typed question of the bundled pack whose key has accents accepts it without them."""
    import unicodedata

    accented = [
        q
        for q in _typed_questions(bundled())
        if unicodedata.normalize("NFKD", q.answer) != q.answer
    ]
    for q in accented:
        bare = "".join(
            c for c in unicodedata.normalize("NFKD", q.answer) if not unicodedata.combining(c)
        )
        verdict = check_typed(q, bare.lower())
        assert verdict.correct and verdict.exact, (q.id, bare)


def test_moon_typed_from_the_generator() -> None:
    (q,) = [q for q in _typed_questions(moon()) if q.answer == "Sea of Tranquility"]
    assert check_typed(q, "the sea of tranquility").exact
    verdict = check_typed(q, "Sea of Tranquilty")
    assert verdict.correct and not verdict.exact
    assert not check_typed(q, "Ocean of Storms").correct


# -- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2004", 2004),
        (" 2004 ", 2004),
        ("1,000", 1000),
        ("1 000", 1000),
        ("eight", 8),
        ("Eight", 8),
        ("zero", 0),
        ("twenty", 20),
        ("3.5", 3.5),
        ("-2", -2),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["", "many", "2004 or 2005", "1,,", "8 eight", "twenty-one?", "20 04", "2004, 2005"]
)
def test_parse_number_refuses_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_exact_number() -> None:
    q = number(2004)
    assert check_number(q, "2004") == check_number(q, "2,004")
    verdict = check_number(q, "2004")
    assert verdict.correct and verdict.exact
    assert not check_number(q, "2005").correct
    assert not check_number(q, "2003").correct
    assert not check_number(q, "abc").correct


def test_number_words() -> None:
    q = number(8)
    assert check_number(q, "eight").correct
    assert check_number(q, "8").correct
    assert not check_number(q, "seven").correct


def test_thousands_separator() -> None:
    q = number(1000, tolerance=100)
    verdict = check_number(q, "1,000")
    assert verdict.correct and verdict.exact


def test_tolerance_for_approximate_values() -> None:
    q = number(1000, tolerance=100)
    near = check_number(q, "1,080")
    assert near.correct and not near.exact
    assert check_number(q, "900").correct
    assert not check_number(q, "1,101").correct
    assert not check_number(q, "850").correct


def test_no_tolerance_for_exact_values() -> None:
    q = number(14)
    assert not check_number(q, "15").correct


@pytest.mark.parametrize("which", ["moon", "bundled"])
def test_generated_number_questions(which: str) -> None:
    pack = moon() if which == "moon" else bundled()
    qs = all_questions(pack, 0, kinds=["number"])
    assert qs, "no number question"
    for q in qs:
        assert check_number(q, str(q.answer)).correct, q.id
        assert check_number(q, f"{q.answer:,}").correct, q.id
        off = q.tolerance + max(1, abs(q.answer) * 0.2)
        assert not check_number(q, str(q.answer + off)).correct, q.id
        for value in q.values:  # the figure as the pack writes it ('eight', '1,000')
            if parse_number(value.display) is not None:
                assert check_number(q, value.display).correct, (q.id, value)
        if q.tolerance:
            assert check_number(q, str(q.answer + q.tolerance)).correct, q.id


def test_an_approximate_figure_is_never_a_number_question() -> None:
    """'over 1,000' has no single right number (nor a provably wrong one): number questions
    ask exact counts and years only, with tolerance 0."""
    pack = bundled()
    approx = [f.id for f in pack.facts if getattr(f.object, "approx", False)]
    assert approx, "the bundled pack should hold a rounded figure to test this"
    questions = all_questions(pack, 0, kinds=["number"])
    assert not {q.fact for q in questions} & set(approx)
    assert all(q.tolerance == 0 for q in questions)
