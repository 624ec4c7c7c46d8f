"""Where sentences end: abbreviations, initials and Lithuanian dates do not cut a sentence;
a full stop before an opener, a capital or a year does."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.quotes import sentences

DATA = Path(__file__).parent / "data" / "sources"


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Attempting to defuse the situation, U.S. President Franklin Pierce sent James Gadsden.",
        "The U.K. Government and the U.S.S.R. Foreign Ministry met.",
        "Dr. Smith and Mrs. Brown met Mr. Jones at St. Paul's.",
        "Prof. J. F. Kennedy spoke at 9 a.m. Eastern time.",
        "Many allies, e.g. Lithuania, i.e. a Baltic state, joined.",
        "It was listed as No. 5 in the register.",
        "Acme Inc. Directors met in Vilnius.",
        "2004 m. kovo 29 d. Lietuva tapo NATO nare.",
        "Jį pasirašė prof. Vytautas Landsbergis ir dr. Jonas Jonaitis.",
        "XX a. Lietuvos istorija buvo sudėtinga.",
    ],
)
def test_an_abbreviation_or_initial_does_not_end_a_sentence(text: str) -> None:
    assert _split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was part of the U.S. The next year it grew.", 2),
        ("He was born in 1953. Gadsden went south.", 2),
        ("Kelias prasidėjo anksčiau. 1994 m. sausio 27 d. jis pasirašė laišką.", 2),
        ("Lietuva įstojo 2004 m. Tai buvo didžiausia plėtra.", 2),
        ("Did it work? Šiauliai says yes! “Indeed,” he said.", 3),
        ("It ended in World War I. The treaty followed.", 2),
        ("The firm was Smith & Co. It closed in 1900.", 2),
    ],
)
def test_a_full_stop_before_an_opener_a_capital_or_a_year_ends_one(
    text: str, expected: int
) -> None:
    assert len(_split(text)) == expected


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert _split("He said “no.” Then he left.") == ["He said “no.”", "Then he left."]


def test_the_lithuanian_test_source_has_its_dated_sentences_whole() -> None:
    text = (DATA / "nato-lt.txt").read_text(encoding="utf-8")
    split = _split(text)
    assert "2004 m. kovo 29 d. Lietuva tapo Šiaurės Atlanto sutarties organizacijos nare." in split
    assert "Kelias į Aljansą prasidėjo gerokai anksčiau." in split
    assert not [s for s in split if s.endswith((" m.", " d."))]
