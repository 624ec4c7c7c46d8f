"""The Aiken export read back by a reader written here from Moodle's published description of
the format (docs.moodle.org, "Aiken format"), not from the exporter:

  - the question must be all on one line;
  - each answer must start with a single uppercase letter, followed by a period '.' or a
    bracket ')', then a space;
  - the answer line must immediately follow, starting with "ANSWER: " and then the letter;
  - UTF-8. (Moodle's importer also reads any line that starts with a capital and '.' or ')'
    as an answer, so a question text must not start that way.)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pytest

from exports import cli_export, norm, pack, questions
from helpers import run_quiz
from quiz.formats import get
from quiz.kinds import KINDS
from quiz.question import One, Question

OPTION = re.compile(r"([A-Z])[.)] (.*)")
ANSWER = re.compile(r"ANSWER: ([A-Z])")
LIKE_OPTION = re.compile(r"[A-Z][.)]")


@dataclass
class Read:
    prompt: str
    options: list[str]
    answer: int


def read_aiken(text: str) -> list[Read]:
    """Strict: a question line, options lettered A, B, C … in order, then its ANSWER line."""
    out: list[Read] = []
    current: Read | None = None
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            assert current is None, f"line {n}: a blank line inside a question"
            continue
        if current is None:
            assert not LIKE_OPTION.match(line), f"line {n}: a question that reads as an answer"
            assert not line.startswith("ANSWER:"), f"line {n}: an answer line without a question"
            current = Read(line, [], -1)
            continue
        option, answer = OPTION.fullmatch(line), ANSWER.fullmatch(line)
        if option:
            assert option.group(1) == chr(ord("A") + len(current.options)), f"line {n}: letter"
            current.options.append(option.group(2))
        elif answer:
            current.answer = ord(answer.group(1)) - ord("A")
            assert len(current.options) >= 2, f"line {n}: fewer than two answers"
            assert current.answer < len(current.options), f"line {n}: no such answer"
            out.append(current)
            current = None
        else:
            raise AssertionError(f"line {n}: neither an answer nor ANSWER: {line!r}")
    assert current is None, "the last question has no ANSWER line"
    return out


def expected(name: str) -> tuple[list[Question], list[Question]]:
    """(written, left out): Aiken holds one right option, on questions Moodle can read."""
    fits = [
        q
        for q in questions(name)
        if isinstance(q.key, One)
        and not LIKE_OPTION.match(norm(q.prompt))
        and all(norm(o) for o in q.options)
    ]
    return fits, [q for q in questions(name) if q not in fits]


def check_round_trip(name: str, text: str) -> None:
    written, _ = expected(name)
    read = read_aiken(text)
    assert len(read) == len(written)
    for got, q in zip(read, written, strict=True):
        assert isinstance(q.key, One)
        assert got.prompt == norm(q.prompt)
        assert got.options == [norm(o) for o in q.options]
        assert got.answer == q.key.right


def test_bundled_all_round_trips() -> None:
    text, stderr = cli_export("bundled", "aiken")
    check_round_trip("bundled", text)
    _, left = expected("bundled")
    # Counted on stderr with the reason, one line per kind: "  12 Number: Aiken has …".
    counts = Counter(KINDS[q.kind].label for q in left)
    for label, n in counts.items():
        assert re.search(rf"^  {n} {re.escape(label)}: \S", stderr, re.M), (label, stderr)
    written, _ = expected("bundled")
    assert f"{len(written)} of {len(questions('bundled'))} questions written" in stderr


def test_hostile_text_round_trips() -> None:
    rendered = get("aiken").export(pack("hostile"), questions("hostile"))
    check_round_trip("hostile", rendered.text)
    written, left = expected("hostile")
    assert [q.id for q in rendered.written] == [q.id for q in written]
    assert {x.question.id for x in rendered.left_out} == {q.id for q in left}
    # The hand-written statement "B) looks like …" would read as an option: left out.
    assert any(x.question.id == "a11-option-like:true_false" for x in rendered.left_out)


def test_reader_is_able_to_fail() -> None:
    with pytest.raises(AssertionError):
        read_aiken("A question?\nA. one\nC. two\nANSWER: A\n")
    with pytest.raises(AssertionError):
        read_aiken("A question?\nA. one\nB. two\n")


def test_a_round_is_drawn_from_the_kinds_aiken_holds(tmp_path) -> None:
    result = run_quiz("export", "--format", "aiken", "--count", "12", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert len(read_aiken(result.stdout)) == 12
    assert "drawing from the others" in result.stderr
