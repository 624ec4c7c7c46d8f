"""`quiz check` beyond loading: relations too small to make a choice question."""

from __future__ import annotations

from pathlib import Path

from conftest import MOON
from helpers import write_pack
from quiz.check import check_pack
from quiz.generate import all_questions


def test_a_closed_relation_with_too_few_values_is_a_warning_with_its_fix(tmp_path: Path) -> None:
    """Nothing false can come of it (the builder makes no such question): the pack passes,
    and the warning says what to add."""
    text = MOON.read_text(encoding="utf-8")
    # Only two missions in the pack: "During which mission …?" cannot have two wrong options.
    small = text.replace("  apollo-13: {type: operation, name: Apollo 13}\n", "")
    assert small != text
    path = write_pack(tmp_path, small)
    report = check_pack(path)
    assert report.problems == []
    messages = [str(p) for p in report.few_values]
    line = small.splitlines().index("  walked_on_moon:") + 1
    assert any(
        f"pack.yaml:{line}:" in m
        and "warning: relation 'walked_on_moon': only 2 operation values" in m
        and "add 1 more `operation` entity (an entity used only as a wrong option needs no fact)"
        in m
        for m in messages
    ), messages
    reverse = [q for q in all_questions(report.pack) if q.id.endswith(":choice:reverse")]
    assert reverse == []  # and indeed no such question is made


def test_too_few_values_counts_the_answers_group(tmp_path: Path) -> None:
    """Wrong options share the answers' group: three operations of which two are crewed
    missions make no choice question, and the warning says which group to add to (an
    author added an entity of the type, not the group, and the warning went away)."""
    text = MOON.read_text(encoding="utf-8")
    grouped = text.replace(
        "apollo-11: {type: operation,", "apollo-11: {type: operation, group: mission,"
    ).replace("apollo-12: {type: operation,", "apollo-12: {type: operation, group: mission,")
    assert grouped.count("group: mission") == 2
    report = check_pack(write_pack(tmp_path, grouped))
    messages = [str(p) for p in report.few_values]
    assert any(
        "only 2 operation values of group `mission`" in m
        and "add 1 more `operation` entity of group `mission`" in m
        for m in messages
    ), messages


def test_the_moon_pack_checks_clean() -> None:
    report = check_pack(MOON)
    assert report.problems == []
    assert sum(report.questions.values()) > 0


def _checked(tmp_path: Path, old: str, new: str) -> tuple[str, list[str], str]:
    text = MOON.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    changed = text.replace(old, new)
    report = check_pack(write_pack(tmp_path, changed))
    summary = report.summary() if report.pack is not None and not report.problems else ""
    return changed, [str(p) for p in report.problems], summary


def test_a_prompt_word_only_the_right_option_shares_is_a_giveaway(tmp_path: Path) -> None:
    """ "Which popular movement of Estonia …?" with one option naming Estonia."""
    changed, messages, _ = _checked(
        tmp_path,
        "    prompt: Who stayed in orbit during Apollo 11?",
        "    prompt: Which Michael stayed in orbit during Apollo 11?",
    )
    line = changed.splitlines().index("  - id: a11-orbit") + 1
    assert any(
        f"pack.yaml:{line}:" in m and "'michael'" in m and "give-away" in m for m in messages
    ), messages


def test_a_question_asked_twice_is_reported(tmp_path: Path) -> None:
    """A hand-written question that repeats a generated one word for word."""
    extra = (
        "  - id: a11-site-hand\n    kind: typed\n    prompt: Where did Apollo 11 land?\n"
        "    answer: Sea of Tranquility\n    topics: [places]\n"
        '    evidence: {quote: "in the Sea of Tranquility"}\n'
    )
    _, messages, _ = _checked(tmp_path, "questions:\n", "questions:\n" + extra)
    assert any("a11-site-hand:typed" in m and "repeats question" in m for m in messages), messages


def test_facts_without_a_recall_question_are_listed(tmp_path: Path) -> None:
    """An open relation makes only true statements and evidence: nothing to recall."""
    _, messages, summary = _checked(
        tmp_path, "object: place\n    closed: true", "object: place\n    closed: false"
    )
    assert messages == []
    line = next(x for x in summary.splitlines() if "no recall" in x)
    assert "a11-site" in line and "a12-site" in line and "a11-landing" not in line
    assert "no recall" not in check_pack(MOON).summary()


def test_background_facts_are_listed_and_never_asked(tmp_path: Path) -> None:
    _, messages, summary = _checked(
        tmp_path,
        "  - id: a12-site\n    subject: apollo-12",
        "  - id: a12-site\n    background: true\n    subject: apollo-12",
    )
    assert messages == []
    assert "background facts (never asked): 1: a12-site" in summary


def test_a_figures_text_left_empty_is_refused_where_it_stands(tmp_path: Path) -> None:
    """`{number: 3, text: }` (null) passed the loader though the schema refuses it (Hypothesis
    found it): refused on its line, and the message shows single braces."""
    text = MOON.read_text(encoding="utf-8").replace(
        "object: {number: 3, text: three}", "object: {number: 3, text: }"
    )
    assert "text: }" in text
    report = check_pack(write_pack(tmp_path, text))
    assert report.problems
    first = report.problems[0]
    assert first.line == 1 + text[: text.index("text: }")].count("\n")
    assert "{number: N, text: optional words" in str(first) and "{{" not in str(first)
