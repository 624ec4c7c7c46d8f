"""The wording layer: every sentence a round says is in quiz.words, and each is a message a
translator's tools can extract (a literal, never an f-string built before translation)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from quiz import words
from quiz.round.codes import EndReason, Note, NoteCode, Refusal

WORDS = Path(words.__file__)


def calls() -> list[ast.Call]:
    tree = ast.parse(WORDS.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("_", "ngettext")
    ]


def test_every_message_is_a_literal_a_catalogue_can_hold() -> None:
    found = calls()
    assert len(found) > 100  # the layer holds the round's sentences, not a handful
    for call in found:
        wanted = 1 if call.func.id == "_" else 2  # type: ignore[attr-defined]
        literal = [a for a in call.args[:wanted] if isinstance(a, ast.Constant)]
        assert len(literal) == wanted and all(isinstance(a.value, str) for a in literal), (
            f"line {call.lineno}: a message must be a string literal"
        )


@pytest.mark.parametrize("code", list(NoteCode))
def test_every_grade_note_has_words(code: NoteCode) -> None:
    said = words.note(Note(code, name="Vilnius", n=1, of=2, wrong=1, value=2004, tolerance=1))
    assert said and "{" not in said


@pytest.mark.parametrize("reason", list(Refusal))
def test_every_refusal_has_words(reason: Refusal) -> None:
    class Refused:
        def __init__(self) -> None:
            self.reason, self.n, self.text = reason, 4, "zz"

    said = words.refusal(Refused())
    assert said and "{" not in said


def test_plurals_and_end_reasons() -> None:
    assert words.questions(1) == "1 question" and words.questions(3) == "3 questions"
    assert words.note(Note(NoteCode.PAIRS, n=1, of=1)) == "1 of 1 pair in the right order"
    assert words.note(Note(NoteCode.PAIRS, n=2, of=3)) == "2 of 3 pairs in the right order"
    assert {words.end_reason(e) for e in EndReason} == {
        "finished",
        "time ran out",
        "handed in early",
        "interrupted, closed",
    }
    assert words.status("open") == "not finished" and words.status("later") == "later"
