"""`quiz play --plain`: the round as numbered lines, one answer per line on stdin.

For screen readers, scripts and terminals without full-screen support. It
drives the same Session as the Textual app, so scoring and explanations are
identical; end of input ends the round with the summary (exit status 0).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from quiz.kinds import KINDS, parse_line
from quiz.present import (
    answer_text,
    clock_text,
    quote_in_context,
    quotes_of,
    summary_lines,
    why_not,
)
from quiz.question import InvalidResponse, Question
from quiz.session import Outcome, Phase, Session, TimeUp


def run(
    session: Session,
    stdin: TextIO,
    out: TextIO,
    *,
    player: str | None = None,
    epilogue: Callable[[], list[str]] | None = None,
    paper: str | None = None,
) -> int:
    """Play the round; the summary (and the `epilogue`: the personal best, or an exam's
    review) is printed however it ends (all answered, end of input, time up, Ctrl+C). An
    exam (`paper`) interrupted by Ctrl+C stays open, to be resumed."""

    def say(text: str = "") -> None:
        print(text, file=out, flush=True)

    status = 0
    who = f" · player {player}" if player else ""
    if paper is not None:
        limit = session.spec.time_limit
        timed = f", time limit {clock_text(limit)}" if limit else ""
        say(f"{session.pack.title} — paper {paper}: {session.total} questions{timed}{who}")
        say("Answers are marked at the end; each answer is final.")
    else:
        mode = " (review)" if session.spec.mode == "review" else ""
        say(f"{session.pack.title}{mode} — {session.total} questions, seed {session.seed}{who}")
    try:
        _play(session, stdin, say)
    except KeyboardInterrupt:
        say()
        status = 130
        if paper is not None and session.phase is not Phase.FINISHED:
            say(f"(interrupted: your answers are kept; `quiz play --paper {paper}` resumes the")
            say(" sitting, and its clock keeps running)")
            return status
        say("(interrupted)")
    session.leave()
    say()
    if paper is None:
        for line in summary_lines(session):
            say(line)
    for line in epilogue() if epilogue else ():
        say(line)
    return status


def _header(session: Session) -> str:
    head = f"Question {session.index + 1} of {session.total}"
    left = session.time_left()
    timed = f" · time left {clock_text(left)}" if left is not None else ""
    if not session.shows_feedback:  # an exam: no score or streak to give answers away
        return head + timed
    return f"{head} · score {session.score} · streak {session.streak}{timed}"


def _play(session: Session, stdin: TextIO, say: Callable[[str], None]) -> None:
    try:
        _questions(session, stdin, say)
    except TimeUp:
        session.expire()
        say("")
        say("Time is up: the questions not answered count as wrong.")


def _questions(session: Session, stdin: TextIO, say: Callable[[str], None]) -> None:
    while session.phase is Phase.ASKING:
        q = session.current
        say("")
        say(_header(session))
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
    """Read lines until one is a valid answer; None at end of input. TimeUp when the time
    runs out, even while waiting for a line."""
    while True:
        with _deadline(session.time_left()):
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


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise TimeUp in the waiting read when the time runs out (an alarm signal, where the
    platform has one and this is the main thread; elsewhere the answer after the limit is
    refused by the session instead)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds is None or not usable:
        yield
        return
    if seconds <= 0:
        raise TimeUp("time is up")

    def ring(signum: int, frame: object) -> None:
        raise TimeUp("time is up")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
