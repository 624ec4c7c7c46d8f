"""`quiz check` and `quiz export` as a user runs them: a real process, real exit status."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from conftest import DATA, MOON
from helpers import LOCATED, MOON_SHA, bundled, run_quiz, where, write_pack
from quiz.kinds import KIND_NAMES as KINDS

BROKEN = f"""\
format: quiz-pack/1
id: broken
title: Broken
version: "1"
sources:
  article:
    file: sources/moon.txt
    sha256: {MOON_SHA}
    title: Apollo 11
    publisher: Example Press
entities:
  apollo-11: {{type: operation, name: Apollo 11}}
relations:
  crew:
    subject: operation
    object: number
    statement: "{{subject}} had {{object}}."
facts:
  - id: a11-crew
    subject: apollo-11
    relation: crew
    object: {{number: three}}
    topics: [crew]
    evidense: {{quote: "Its crew of three"}}
"""


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture
def moon_copy(tmp_path: Path) -> Path:
    """The moon pack copied into the working folder of the test."""
    shutil.copy(MOON, tmp_path / "moon.yaml")
    shutil.copytree(DATA / "sources", tmp_path / "sources")
    return tmp_path / "moon.yaml"


# -- quiz check -----------------------------------------------------------------------------


def test_check_takes_an_installed_packs_id_as_other_commands_do(tmp_path: Path) -> None:
    """`quiz check lithuania-nato` read the id as a file that cannot be read (reader 40b)."""
    result = run_quiz("check", "lithuania-nato", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "pack lithuania-nato" in result.stdout
    missing = run_quiz("check", "no-such-pack", cwd=tmp_path)
    assert missing.returncode == 2 and "no-such-pack" in missing.stderr


def test_check_good_pack_prints_summary(moon_copy: Path) -> None:
    result = run_quiz("check", "moon.yaml", cwd=moon_copy.parent)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "moon.yaml: ok" in out
    assert "pack moon 1.0.0" in out
    assert "10 facts" in out
    assert "questions:" in out and "choice" in out
    assert "source sentences quoted by a fact:" in out


def test_check_broken_pack(tmp_path: Path) -> None:
    write_pack(tmp_path, BROKEN, "broken.yaml")
    result = run_quiz("check", "broken.yaml", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
    lines = error_lines(result)
    assert lines, "no error printed"
    for line in lines:
        m = LOCATED.match(line)
        assert m, f"not file:line:col: message — {line!r}"
        assert m["file"] == "broken.yaml"
    text = "\n".join(lines)
    line, col = where(BROKEN, "evidense")
    assert f"broken.yaml:{line}:{col}: unknown key 'evidense' in a fact" in text
    line, col = where(BROKEN, "{number: three}")
    assert f"broken.yaml:{line}:{col}: a number is" in text
    assert result.stdout == ""


def test_broken_pack_does_not_stop_the_others(tmp_path: Path, moon_copy: Path) -> None:
    write_pack(tmp_path, BROKEN, "broken.yaml")
    for order in (["broken.yaml", "moon.yaml"], ["moon.yaml", "broken.yaml"]):
        result = run_quiz("check", *order, cwd=tmp_path)
        no_traceback(result)
        assert result.returncode == 2
        assert "moon.yaml: ok" in result.stdout
        assert all(LOCATED.match(line) for line in error_lines(result))
        assert any(line.startswith("broken.yaml:") for line in error_lines(result))


BAD_INPUTS = {
    "tabs.yaml": b"format: quiz-pack/1\nsources:\n\tarticle: x\n",
    "latin1.yaml": "format: quiz-pack/1\nid: caf\xe9\n".encode("latin-1"),
    "python.yaml": b"format: quiz-pack/1\nid: !!python/object/apply:os.system ['touch RAN']\n",
    "bomb.yaml": (
        b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + b"".join(
            f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n".encode()
            for a, b in zip("abcdefgh", "bcdefghi", strict=True)
        )
    ),
    "deep.yaml": b"format: quiz-pack/1\nfacts: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
    "syntax.yaml": b"format: quiz-pack/1\ntitle: [unclosed\nid: x\n",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_check_bad_input_one_line_no_traceback(tmp_path: Path, name: str) -> None:
    write_pack(tmp_path, BAD_INPUTS[name], name)
    started = time.perf_counter()
    result = run_quiz("check", name, cwd=tmp_path)
    assert time.perf_counter() - started < 20
    no_traceback(result)
    assert result.returncode == 2
    lines = error_lines(result)
    assert len(lines) == 1, lines
    m = LOCATED.match(lines[0])
    assert m and m["file"] == name, lines[0]
    assert not (tmp_path / "RAN").exists()


def test_check_fifty_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.write(b"format: quiz-pack/1\ndescription: |\n")
        line = b"  " + b"x" * 1022 + b"\n"
        for _ in range(50 * 1024):
            fh.write(line)
    started = time.perf_counter()
    result = run_quiz("check", "huge.yaml", cwd=tmp_path)
    assert time.perf_counter() - started < 20
    no_traceback(result)
    assert result.returncode == 2
    (line,) = error_lines(result)
    assert line.startswith("huge.yaml:1:1: ") and "MiB" in line


def test_check_missing_file(tmp_path: Path) -> None:
    result = run_quiz("check", "nowhere.yaml", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
    (line,) = error_lines(result)
    assert line.startswith("nowhere.yaml:") and "cannot read" in line


def test_check_bundled_packs_by_default() -> None:
    """`quiz check` with no path checks every bundled pack: the bundled pack must pass."""
    result = run_quiz("check")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert f"pack {bundled().id} " in result.stdout
    assert "source sentences quoted by a fact:" in result.stdout


# -- quiz export ----------------------------------------------------------------------------

QUESTION_FIELDS = {"id", "facts", "kind", "prompt", "options", "answer", "explanation", "quote"}


def export(*args: str, cwd: Path | None = None) -> dict:
    result = run_quiz("export", *args, cwd=cwd)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_export_json_documented_fields(moon_copy: Path) -> None:
    doc = export("moon.yaml", "--format", "json", "--all", cwd=moon_copy.parent)
    assert doc["format"] == "quiz-export/2"
    assert doc["pack"] == {"id": "moon", "title": "The Moon landings", "version": "1.0.0"}
    source = (moon_copy.parent / "sources" / "moon.txt").read_text(encoding="utf-8")
    questions = doc["questions"]
    assert questions
    assert len({q["id"] for q in questions}) == len(questions)
    for q in questions:
        assert q.keys() >= QUESTION_FIELDS, q
        assert q["kind"] in KINDS
        assert isinstance(q["prompt"], str) and q["prompt"]
        assert isinstance(q["options"], list)
        assert isinstance(q["explanation"], str)
        quote = q["quote"]
        assert set(quote) == {"source", "text", "start", "end"}
        assert quote["source"] == "article"
        assert source[quote["start"] : quote["end"]] == quote["text"]
        kind, answer = q["kind"], q["answer"]
        if kind in ("multi", "order"):
            assert isinstance(answer, list) and set(answer) <= set(q["options"])
        elif kind == "true_false":
            assert answer in ("True", "False") and q["options"] == ["True", "False"]
        elif kind == "typed":
            assert isinstance(answer, str) and q["options"] == []
        elif kind == "number":
            assert isinstance(answer, int | float) and not isinstance(answer, bool)
            assert q["options"] == []
        else:
            assert isinstance(answer, str) and answer in q["options"]
        for option, why in q.get("why_wrong", {}).items():
            assert option in q["options"] and option != answer
            assert source[why["quote"]["start"] : why["quote"]["end"]] == why["quote"]["text"]


def test_export_all_lists_all_seven_kinds_on_the_bundled_pack() -> None:
    doc = export("--format", "json", "--all")
    assert doc["pack"]["id"] == bundled().id
    kinds = {q["kind"] for q in doc["questions"]}
    assert kinds == set(KINDS), f"missing kinds: {sorted(set(KINDS) - kinds)}"


def test_export_has_all_seven_kinds(moon_copy: Path) -> None:
    # the moon pack asks six: its statements are trimmed copies of their sentences, and one
    # said in other words ("Apollo 12 touched down …") names a mission only its answer
    # sentence names, so one word would find it: no evidence question
    text = moon_copy.read_text(encoding="utf-8")
    old = 'statement: "{subject} landed on the Moon on {object}."'
    assert old in text
    moon_copy.write_text(
        text.replace(old, 'statement: "{subject} touched down on the Moon on {object}."'),
        encoding="utf-8",
    )
    doc = export("moon.yaml", "--all", cwd=moon_copy.parent)
    assert {q["kind"] for q in doc["questions"]} == set(KINDS) - {"evidence"}
    doc = export("lithuania-nato", "--all", cwd=moon_copy.parent)
    assert {q["kind"] for q in doc["questions"]} == set(KINDS)


def test_export_count_seed_kinds(moon_copy: Path) -> None:
    doc = export(
        "moon.yaml", "--count", "5", "--seed", "7", "--kinds", "choice,typed", cwd=moon_copy.parent
    )
    questions = doc["questions"]
    assert len(questions) == 5
    assert {q["kind"] for q in questions} <= {"choice", "typed"}
    assert len({q["id"] for q in questions}) == 5


def test_export_by_pack_id(tmp_path: Path) -> None:
    doc = export(bundled().id, "--count", "3", "--seed", "1", cwd=tmp_path)
    assert doc["pack"]["id"] == bundled().id
    assert len(doc["questions"]) == 3


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--all", "--kinds", "choice,essay"], "unknown kind essay"),
        (["--all", "--kinds", ","], "unknown kind"),
        (["--count", "0"], "--count"),
        (["--count", "-3"], "--count"),
        (["--count", "many"], "--count"),
        (["--count", "3", "--seed", "x"], "--seed"),
    ],
)
def test_export_bad_option_is_one_line(moon_copy: Path, args: list[str], fragment: str) -> None:
    result = run_quiz("export", "moon.yaml", *args, cwd=moon_copy.parent)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = error_lines(result)
    assert any(fragment in line for line in lines), lines
    assert len(lines) == 1, f"expected a one-line error, got {lines}"


def test_export_unknown_pack_id(tmp_path: Path) -> None:
    result = run_quiz("export", "no-such-pack", "--all", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = error_lines(result)
    assert "no-such-pack" in line and "no pack" in line


def test_export_broken_pack(tmp_path: Path) -> None:
    write_pack(tmp_path, BROKEN, "broken.yaml")
    result = run_quiz("export", "broken.yaml", "--all", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = error_lines(result)
    assert lines and all(LOCATED.match(line) for line in lines)


def test_export_missing_pack_file(tmp_path: Path) -> None:
    result = run_quiz("export", "gone.yaml", "--all", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
    (line,) = error_lines(result)
    assert line.startswith("gone.yaml")


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["play", "--pack", "moon.yaml"], "(name the pack without an option: quiz play PACK)"),
        (["play", "--cont", "3"], "(did you mean --count?)"),
    ],
)
def test_an_abbreviated_or_misspelt_option_is_refused_with_a_hint(
    args: list[str], hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--pack x.yaml` once passed as an abbreviation of --packs, and played another pack."""
    from quiz.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"unrecognized arguments: {args[1]} {hint}" in err
