"""The registry of export formats and `quiz export --format` as a user runs it: where the text
goes, what is said on stderr about questions left out, and one-line errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from exports import HOSTILE, hostile, questions
from helpers import bundled, moon, run_quiz
from quiz import formats
from quiz.generate import all_questions
from quiz.kinds import KINDS
from quiz.question import Figure, Many, One, Order, Text

SHAPES = (One, Many, Order, Text, Figure)


def test_registry_lists_each_module_as_a_format() -> None:
    assert set(formats.names()) >= {"json", "gift", "aiken", "anki-csv", "markdown"}
    for name in formats.names():
        fmt = formats.get(name)
        assert fmt.name == name and fmt.summary and fmt.suffix.startswith(".")
    with pytest.raises(formats.UnknownFormat, match="choose from"):
        formats.get("docx")


@pytest.mark.parametrize("name", formats.names())
def test_every_question_is_written_or_left_out_with_a_reason(name: str) -> None:
    qs = all_questions(moon(), 0)
    assert {type(q.key) for q in qs} == set(SHAPES)
    done = formats.get(name).export(moon(), qs)
    if formats.get(name).binary:
        assert done.text == "" and done.data and done.data.startswith(b"PK")  # a zip file
    else:
        assert done.text.endswith("\n") and done.data is None
    ids = [q.id for q in done.written] + [x.question.id for x in done.left_out]
    assert sorted(ids) == sorted(q.id for q in qs)
    assert all(x.reason for x in done.left_out)
    fmt = formats.get(name)
    for x in done.left_out:  # a shape the format holds is only refused for a stated cause
        assert not fmt.holds(type(x.question.key)) or x.reason


def test_the_kinds_registry_decides_what_a_round_can_hold() -> None:
    """--count draws only kinds whose key type the format holds, read from quiz.kinds."""
    aiken = formats.get("aiken")
    held = {k for k, info in KINDS.items() if aiken.holds(info.key)}
    assert held == {k for k, info in KINDS.items() if info.key is One}


def test_json_stays_quiz_export_2_and_names_the_sources() -> None:
    result = run_quiz("export", "--count", "3", "--seed", "2")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["format"] == "quiz-export/2"
    (source,) = bundled().sources.values()
    assert doc["sources"]["article"]["title"] == source.title
    assert doc["sources"]["article"]["publisher"] == source.publisher


def test_out_writes_the_same_bytes_and_replaces_the_file(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "paper.md"
    target.write_text("an older paper", encoding="utf-8")
    args = ("export", str(HOSTILE), "--all", "--format", "markdown")
    to_file = run_quiz(*args, "--out", str(target))
    assert to_file.returncode == 0, to_file.stderr
    assert to_file.stdout == ""
    assert f"to {target}" in to_file.stderr
    to_stdout = run_quiz(*args)
    assert target.read_bytes() == to_stdout.stdout.encode("utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["paper.md"], "a temporary file was left"
    assert os.stat(target).st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_out_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    result = run_quiz("export", "--all", "--format", "gift", "--out", str(tmp_path / "no" / "x"))
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "cannot write" in line


def test_left_out_questions_are_counted_with_the_reason() -> None:
    result = run_quiz("export", str(HOSTILE), "--all", "--format", "gift")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    total = len(questions("hostile"))
    assert lines[0] == f"quiz: gift: {total - 1} of {total} questions written; left out:"
    assert lines[1].startswith("  1 Typed answer: ") and "->" in lines[1]


def test_a_format_that_holds_none_of_the_kinds_is_a_one_line_error() -> None:
    for args in (["--all"], ["--count", "5"]):
        result = run_quiz("export", "--format", "aiken", "--kinds", "typed,number", *args)
        assert result.returncode == 2, result.stderr
        assert result.stdout == "" and "Traceback" not in result.stderr
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("quiz: aiken can hold none")


def test_unknown_format_is_one_line() -> None:
    result = run_quiz("export", "--all", "--format", "docx")
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "--format" in line and "gift" in line


def test_stdout_is_utf8_whatever_the_locale() -> None:
    result = run_quiz(
        "export", str(HOSTILE), "--all", "--format", "gift", env={"PYTHONIOENCODING": "latin-1"}
    )
    assert result.returncode == 0, result.stderr
    assert "“" in result.stdout  # the quotes' typographic marks, not '?' or an error
    assert hostile().title.split()[0] in result.stdout
