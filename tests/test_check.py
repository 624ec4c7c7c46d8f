"""`quiz check` beyond loading: relations too small to make a choice question."""

from __future__ import annotations

from pathlib import Path

from conftest import MOON
from helpers import write_pack
from quiz.check import check_pack


def test_a_closed_relation_with_too_few_values_is_reported_at_its_line(tmp_path: Path) -> None:
    text = MOON.read_text(encoding="utf-8")
    # Only two missions in the pack: "During which mission …?" cannot have two wrong options.
    small = text.replace("  apollo-13: {type: operation, name: Apollo 13}\n", "")
    assert small != text
    path = write_pack(tmp_path, small)
    report = check_pack(path)
    messages = [str(p) for p in report.problems]
    line = small.splitlines().index("  walked_on_moon:") + 1
    assert any(
        f"pack.yaml:{line}:" in m and "'walked_on_moon': only 2 operation" in m for m in messages
    ), messages


def test_the_moon_pack_checks_clean() -> None:
    report = check_pack(MOON)
    assert report.problems == []
    assert sum(report.questions.values()) > 0
