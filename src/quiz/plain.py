"""`quiz play --plain`: the round as numbered lines, one answer per line on stdin.

For screen readers, scripts and terminals without full-screen support. It
drives the same Session as the Textual app, so scoring and explanations are
identical; end of input ends the round with the summary (exit status 0).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from quiz.kinds import KINDS, parse_line
from quiz.present import answer_text, quote_in_context, quotes_of, summary_lines, why_not
from quiz.question import InvalidResponse, Question
from quiz.session import Outcome, Phase, Session


def run(
    session: Session,
    stdin: TextIO,
    out: TextIO,
    *,
    player: str | None = None,
    epilogue: Callable[[], list[str]] | None = None,
) -> int:
    """Play the round; the summary (and the `epilogue`: the personal best) is printed however
    it ends (all answered, end of input, Ctrl+C)."""

    def say(text: str = "") -> None:
        print(text, file=out, flush=True)

    status = 0
    who = f" · player {player}" if player else ""
    mode = " (review)" if session.spec.mode == "review" else ""
    say(f"{session.pack.title}{mode} — {session.total} questions, seed {session.seed}{who}")
    try:
        _play(session, stdin, say)
    except KeyboardInterrupt:
        say()
        say("(interrupted)")
        status = 130
    session.leave()
    say()
    for line in summary_lines(session):
        say(line)
    for line in epilogue() if epilogue else ():
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
        say(KINDS[q.kind].plain_hint)
        outcome = _ask(session, q, stdin, say)
        if outcome is None:
            say("")
            say("(end of input)")
            return
        if session.shows_feedback:
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
            return session.answer(parse_line(q, line))
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
    why = why_not(o)
    if why is not None:
        lines.append(f"Why not {o.response_text}: {why.statement} The article: “{why.quote.text}”")
    lines.extend(quote_in_context(session.pack, x, mark=("»", "«")) for x in quotes_of(q))
    return lines
