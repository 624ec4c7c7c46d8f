"""Aiken: the simplest multiple-choice format Moodle imports (and many other tools).

A question is its text on one line, one line per option (`A. …`), then `ANSWER: A`. It
has one right option and nothing else: no feedback, no proof, no source, so a teacher
who wants the quotes in Moodle should use GIFT. Questions of any other shape are left out
and counted on stderr.

Aiken has no escapes. Line breaks inside a text are written as spaces (Moodle shows the
text as HTML, where they are spaces anyway); a question whose text Moodle would read as
something else (a line that starts like an option, `A.`/`B)`, or like `ANSWER:`), with
an empty option or more than 26 options, is left out rather than imported wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.formats._common import collapse, letter
from quiz.formats.base import Format, LeftOut, Made, Rendered
from quiz.packs.model import Pack
from quiz.question import Figure, Many, One, Order, Question, Text

# Moodle reads a line as an option when it starts with a capital letter and ')' or '.'
# (qformat_aiken: /^[A-Z][).][ \t]?/), and as the key when it starts with ANSWER:.
_LOOKS_LIKE_OPTION = re.compile(r"[A-Z][).]")
MAX_OPTIONS = 26


def _problem(q: Question) -> str | None:
    prompt = collapse(q.prompt)
    if len(prompt.encode()) < 2:
        return "the question text is too short for Aiken (Moodle skips such lines)"
    if _LOOKS_LIKE_OPTION.match(prompt) or prompt.startswith("ANSWER:"):
        return "its text starts like an Aiken option or answer line"
    if len(q.options) > MAX_OPTIONS:
        return f"Aiken letters only {MAX_OPTIONS} options"
    if any(not collapse(o) for o in q.options):
        return "an empty option cannot be written in Aiken"
    return None


def question(q: Question) -> str | LeftOut:
    problem = _problem(q)
    if problem:
        return LeftOut(q, problem)
    assert isinstance(q.key, One)
    lines = [collapse(q.prompt)]
    lines += [f"{letter(i)}. {collapse(o)}" for i, o in enumerate(q.options)]
    lines.append(f"ANSWER: {letter(q.key.right)}")
    return "\n".join(lines)


def _render(pack: Pack, questions: Sequence[Question], made: Made | None = None) -> Rendered:
    blocks: list[str] = []
    written: list[Question] = []
    left: list[LeftOut] = []
    for q in questions:
        block = question(q)
        if isinstance(block, LeftOut):
            left.append(block)
        else:
            blocks.append(block)
            written.append(q)
    text = "\n\n".join(blocks) + "\n" if blocks else ""
    return Rendered(text, tuple(written), tuple(left))


_ONE_RIGHT = "Aiken holds only questions with exactly one right option"
FORMAT = Format(
    name="aiken",
    summary="Aiken (Moodle and others): one-answer choice and true/false only, no feedback",
    suffix=".txt",
    render=_render,
    cannot_hold={
        Many: _ONE_RIGHT,
        Order: "Aiken has no ordering questions",
        Text: "Aiken has no typed answers",
        Figure: "Aiken has no number answers",
    },
)
