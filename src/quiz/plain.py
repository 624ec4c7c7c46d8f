"""`quiz play --plain`: the round as numbered lines, one answer per line on stdin.

For screen readers, scripts and terminals without full-screen support. It
drives the same Session as the Textual app, so scoring and explanations are
identical; end of input ends the round with the summary (exit status 0).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TextIO

from quiz.generate.question import Question
from quiz.present import answer_text, quote_in_context, quotes_of, summary_lines
from quiz.scoring import InvalidResponse, Response
from quiz.session import Outcome, Phase, Session
from quiz.text import fold

# How to answer in this mode (the full-screen game has its own key hints).
HOW_TO_ANSWER = {
    "choice": "Answer with the option's number (or its words).",
    "true_false": "Answer 1 for True or 2 for False.",
    "evidence": "Answer with the number of the sentence that proves it.",
    "multi": "Select all that apply: numbers or letters separated by commas (e.g. 1,3).",
    "order": "Give the order, earliest first: numbers separated by commas (e.g. 3,1,4,2).",
    "typed": "Type your answer.",
    "number": "Type a number.",
}

_TOKEN = re.compile(r"[\s,;]+")


def parse(question: Question, line: str) -> Response:
    """A line of input as a response: a number, a list of numbers or letters, or text."""
    text = line.strip()
    if question.kind in ("typed", "number"):
        return text
    if question.kind in ("choice", "true_false", "evidence"):
        folded = [fold(o) for o in question.options]
        if fold(text) in folded:  # the option's own words: "Estonia"
            return folded.index(fold(text))
    tokens = [t for t in _TOKEN.split(text.lower()) if t]
    if not tokens:
        raise InvalidResponse("no answer given")
    picks = []
    for token in tokens:
        if token.isdigit():
            picks.append(int(token) - 1)
        elif question.kind == "true_false" and token in ("true", "false", "t", "f"):
            # before letters: "f" is False here, not a sixth option
            picks.append(0 if token.startswith("t") else 1)
        elif len(token) == 1 and "a" <= token <= "z":
            picks.append(ord(token) - ord("a"))
        else:
            raise InvalidResponse(f"not an option: {token!r}")
    if question.kind in ("multi", "order"):
        return picks
    if len(picks) != 1:
        raise InvalidResponse("choose one option")
    return picks[0]


def run(session: Session, stdin: TextIO, out: TextIO) -> int:
    """Play the round; the summary is printed however it ends (all answered, EOF, Ctrl+C)."""

    def say(text: str = "") -> None:
        print(text, file=out, flush=True)

    status = 0
    if session.pack is not None:
        seed = f", seed {session.seed}" if session.seed is not None else ""
        say(f"{session.pack.title} — {session.total} questions{seed}")
    try:
        _play(session, stdin, say)
    except KeyboardInterrupt:
        say()
        say("(interrupted)")
        status = 130
    say()
    for line in summary_lines(session):
        say(line)
    return status


def _play(session: Session, stdin: TextIO, say: Callable[[str], None]) -> None:
    while session.phase is Phase.ASKING:
        q = session.current
        say("")
        say(
            f"Question {session.index + 1} of {session.total} · score {session.score} · "
            f"streak {session.streak}"
        )
        say(q.prompt)
        for i, option in enumerate(q.options, 1):
            say(f"  {i}. {option}")
        say(HOW_TO_ANSWER[q.kind])
        outcome = _ask(session, q, stdin, say)
        if outcome is None:
            say("")
            say("(end of input)")
            return
        for line in feedback_lines(session, outcome):
            say(line)
        session.next()


def _ask(
    session: Session, q: Question, stdin: TextIO, say: Callable[[str], None]
) -> Outcome | None:
    """Read lines until one is a valid answer; None at end of input."""
    while True:
        line = stdin.readline()
        if not line:
            return None
        try:
            return session.answer(parse(q, line))
        except InvalidResponse as exc:
            say(f"  ({exc}; try again)")


def feedback_lines(session: Session, o: Outcome) -> list[str]:
    q = o.question
    lines = []
    if o.correct:
        bonus = f" (+{o.streak_bonus} streak bonus)" if o.streak_bonus else ""
        note = f" — {o.grade.note}" if o.grade.note else ""
        lines.append(f"Right! +{o.points}{bonus}{note}")
    else:
        partial = f" +{o.points} partial credit ({o.grade.note})" if o.points else ""
        lines.append(f"Not quite.{partial}" if partial else "Wrong.")
    lines.append(f"Answer: {answer_text(q)}")
    lines.append(q.explanation)
    why = o.why_wrong
    if why is not None:
        lines.append(f"Why not {o.response_text}: {why.statement} The article: “{why.quote.text}”")
    if session.pack is not None:
        lines.extend(
            quote_in_context(session.pack, x, mark=("»", "«")) for x in quotes_of(session.pack, q)
        )
    return lines
