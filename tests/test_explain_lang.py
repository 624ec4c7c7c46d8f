"""`quiz check --explain` in Lithuanian: the question builders' reasons and fixes are worded in
the interface's language when shown, whichever language was in use when they were made (a
reason is made while questions are built, and some are kept with the pack), and English stays
the builders' own text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quiz import cli, lang
from quiz.authoring.explain import explain
from quiz.generate.refusal import Said, missing, too_few_wrong, worded
from quiz.packs import load_pack
from quiz.packs.registry import resolve


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    lang.set_language(None)
    yield
    lang.set_language(None)


def _english_reasons(path: str) -> set[str]:
    """Every reason and fix the builders give for the pack's facts, in English."""
    explained = explain(load_pack(path))
    return {
        text
        for e in explained
        for m in e.missing
        for text in (m.refusal.reason, m.refusal.fix)
        if text
    }


@pytest.mark.parametrize("view", [["--explain"], ["--explain", "all"]])
def test_explain_in_lithuanian_says_no_reason_in_english(
    view: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(resolve("lithuania-nato").path)
    english = _english_reasons(path)
    assert len(english) > 20  # the bundled pack leaves plenty of kinds unasked
    code = cli.main(["--lang", "lt", "check", path, *view])
    out = capsys.readouterr().out
    assert code == 0
    leaked = sorted(text for text in english if text in out)
    assert leaked == []
    for phrase in ("the statement", "paraphrase the", "nothing to change", "the bank proves"):
        assert phrase not in out
    assert "teiginys yra sutrumpinta jį įrodančio sakinio kopija" in out
    assert "perfrazuokite sąryšio 'joined_nato_on' šabloną `statement`" in out


def test_a_reason_made_in_english_is_worded_in_the_language_it_is_shown_in() -> None:
    """A Refusal kept from a build in English (the index memo, a module's constant) is worded
    when shown: its `reason` stays the English text every rule reads."""
    path = str(resolve("lithuania-nato").path)
    relation = load_pack(path).relations["joined_nato_on"]
    refused = missing(relation, "reverse_any")
    assert refused.reason == "relation 'joined_nato_on' has no `reverse_any` template"
    lang.set_language("lt")
    assert worded(refused.reason) == "sąryšis 'joined_nato_on' neturi šablono `reverse_any`"
    assert worded(refused.fix) == (
        "pridėkite `reverse_any:` (įrašomas „Įvardykite vieną …“ iš objekto subjektų)"
    )
    assert refused.reason == "relation 'joined_nato_on' has no `reverse_any` template"


@pytest.mark.parametrize(
    ("needed", "english", "lithuanian"),
    [
        (1, "needs one wrong option", "reikia 1 klaidingo varianto"),
        (2, "needs 2 wrong options", "reikia 2 klaidingų variantų"),
        (21, "needs 21 wrong options", "reikia 21 klaidingo varianto"),
    ],
)
def test_a_counted_reason_takes_the_plural_of_the_language_it_is_shown_in(
    needed: int, english: str, lithuanian: str
) -> None:
    pack = load_pack(str(resolve("lithuania-nato").path))
    fact = pack.facts[0]
    reason = too_few_wrong(fact.relation, fact.object, 0, needed).reason
    assert isinstance(reason, Said) and reason.startswith(english)
    lang.set_language("lt")
    assert worded(reason).startswith(lithuanian)
