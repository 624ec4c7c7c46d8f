"""`quiz play --plain`: the round as numbered lines, one answer per line on stdin.

For screen readers, scripts and terminals without full-screen support. It
drives the same Session as the Textual app, so scoring and explanations are
identical; end of input ends the round with the summary (exit status 0).

Input is untrusted like any other: a line is read up to a bound (the rest of an
over-long line is skipped, never stored or echoed), bytes that are not UTF-8
get a plain word, and every line written goes through `visible`.
"""

from __future__ import annotations

import shutil
import signal
import textwrap
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from quiz.kinds import KINDS, parse_line
from quiz.present import (
    answer_text,
    clock_text,
    noun_of,
    quote_in_context,
    quotes_of,
    summary_lines,
    why_not,
)
from quiz.question import InvalidResponse, Question
from quiz.safe import visible
from quiz.session import Outcome, Phase, Session, TimeUp
from quiz.text import plural

NOTHING_READ = (
    "No answers read: the paper is not handed in; sit it again with your answers on standard input."
)
MAX_LINE = 1000  # characters in one answer line; an answer is a few words
PROMPT = "> "


class _TooLong:
    def __init__(self, length: int) -> None:
        self.length = length


def read_line(stdin: TextIO, limit: int = MAX_LINE) -> str | _TooLong | None:
    """One line of input (None at its end). A longer line is read to its end in pieces and
    dropped; bytes that are not UTF-8 raise UnicodeDecodeError."""
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # a text stream (tests): same bound
        line = stdin.readline()
        if not line:
            return None
        return _TooLong(len(line)) if len(line.rstrip("\n")) > limit else line
    data = raw.readline(limit * 4 + 2)  # UTF-8: at most 4 bytes a character
    if not data:
        return None
    if not data.endswith(b"\n") and len(data) > limit * 4:
        length = len(data)
        while chunk := raw.readline(65536):  # skip the rest of the line
            length += len(chunk.rstrip(b"\n"))
            if chunk.endswith(b"\n"):
                break
        return _TooLong(length)
    text = data.decode("utf-8")
    return _TooLong(len(text)) if len(text.rstrip("\n")) > limit else text


def _writer(out: TextIO) -> Callable[[str], None]:
    """`say`: one line, made visible, and wrapped to the terminal with a hanging indent when
    a person reads it (a script or a pipe gets each line whole)."""
    width = shutil.get_terminal_size().columns if out.isatty() else 0

    def say(text: str = "") -> None:
        text = visible(text)
        if width > 20 and len(text) > width:
            lead = len(text) - len(text.lstrip(" "))
            text = "\n".join(
                textwrap.fill(part, width, subsequent_indent=" " * (lead + 2))
                for part in text.split("\n")
            )
        print(text, file=out, flush=True)

    return say


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

    say = _writer(out)
    status = 0
    who = f" · player {player}" if player else ""
    count = plural(session.total, "question")
    if paper is not None:
        limit = session.spec.time_limit
        timed = f", time limit {clock_text(limit)}" if limit else ""
        say(f"{session.pack.title} — paper {paper}: {count}{timed}{who}")
        say("Answers are marked at the end; each answer is final.")
    else:
        mode = " (review)" if session.spec.mode == "review" else ""
        say(f"{session.pack.title}{mode} — {count}, seed {session.seed}{who}")
    short = session.spec.shortfall(session.total)
    if short:
        say(f"({short})")
    prompt = PROMPT if stdin.isatty() and out.isatty() else ""
    answered_before = len(session.outcomes)
    try:
        ran_out = _play(session, stdin, say, lambda: print(prompt, end="", file=out, flush=True))
    except KeyboardInterrupt:
        say("")
        status = 130
        if paper is not None and session.phase is not Phase.FINISHED:
            say(f"(interrupted: your answers are kept; `quiz play --paper {paper}` resumes the")
            say(" sitting, and its clock keeps running)")
            return status
        say("(interrupted)")
    else:
        if ran_out and paper is not None:
            read = len(session.outcomes) - answered_before
            say("")
            if read == 0:  # an empty or forgotten input must not use up the one sitting
                timed = " (its clock keeps running)" if session.time_left() is not None else ""
                say(NOTHING_READ.removesuffix(".") + timed + ".")
                return status  # 0: nothing went wrong, nothing was given
            say(_handed_in_short(len(session.outcomes), session.total))
        elif ran_out:
            say("")
            say("(end of input)")
    session.leave()
    say("")
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


def _handed_in_short(answered: int, total: int) -> str:
    left = total - answered
    rest = "it counts" if left == 1 else f"the other {left} count"
    return (
        f"End of input: the paper is handed in with {answered} of {total} answered; "
        f"{rest} as unanswered (wrong)."
    )


def _play(
    session: Session, stdin: TextIO, say: Callable[[str], None], ask: Callable[[], None]
) -> bool:
    """True when the input ended before the round did."""
    try:
        return _questions(session, stdin, say, ask)
    except TimeUp:
        session.expire()
        say("")
        say("Time is up: the questions not answered count as wrong.")
        return False


def _questions(
    session: Session, stdin: TextIO, say: Callable[[str], None], ask: Callable[[], None]
) -> bool:
    while session.phase is Phase.ASKING:
        q = session.current
        say("")
        say(_header(session))
        say(q.prompt)
        for i, option in enumerate(q.options, 1):
            say(f"  {i}. {option}")
        say(KINDS[q.kind].plain_hint)
        outcome = _ask(session, q, stdin, say, ask)
        if outcome is None:
            return True
        if session.shows_feedback:
            for line in feedback_lines(session, outcome):
                say(line)
            session.next()
    return False


def _ask(
    session: Session,
    q: Question,
    stdin: TextIO,
    say: Callable[[str], None],
    ask: Callable[[], None],
) -> Outcome | None:
    """Read lines until one is a valid answer; None at end of input. TimeUp when the time
    runs out, even while waiting for a line."""
    while True:
        ask()
        try:
            with _deadline(session.time_left()):
                line = read_line(stdin)
        except UnicodeDecodeError:
            say("  (that line is not UTF-8 text; try again)")
            continue
        if line is None:
            return None
        if isinstance(line, _TooLong):
            say(f"  (that line is {line.length:,} characters long; an answer is a few words)")
            continue
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
        refused = f" ({o.grade.note})" if o.grade.note else ""
        lines.append(f"Not quite.{partial}" if partial else f"Wrong.{refused}")
    lines.append(f"Answer: {answer_text(q)}")
    lines.append(q.explanation)
    why = why_not(o)
    if why is not None:
        said = f"The {noun_of(session.pack, why.quote)}: “{why.quote.text}”"
        lines.append(f"Why not {o.response_text}: {why.statement} {said}")
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
