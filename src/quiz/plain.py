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
import textwrap
from collections.abc import Callable
from typing import TextIO

from quiz.kinds import KINDS, parse_line
from quiz.present import answer_text, quote_in_context, quotes_of, summary_lines, why_not
from quiz.question import InvalidResponse, Question
from quiz.safe import visible
from quiz.session import Outcome, Phase, Session
from quiz.text import plural

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
) -> int:
    """Play the round; the summary (and the `epilogue`: the personal best) is printed however
    it ends (all answered, end of input, Ctrl+C)."""

    say = _writer(out)
    status = 0
    who = f" · player {player}" if player else ""
    mode = " (review)" if session.spec.mode == "review" else ""
    count = plural(session.total, "question")
    say(f"{session.pack.title}{mode} — {count}, seed {session.seed}{who}")
    if session.spec.questions is None and session.total < session.spec.count:
        say(f"(only {count} match these kinds and topics, not {session.spec.count})")
    prompt = PROMPT if stdin.isatty() and out.isatty() else ""
    try:
        _play(session, stdin, say, lambda: print(prompt, end="", file=out, flush=True))
    except KeyboardInterrupt:
        say("")
        say("(interrupted)")
        status = 130
    session.leave()
    say("")
    for line in summary_lines(session):
        say(line)
    for line in epilogue() if epilogue else ():
        say(line)
    return status


def _play(
    session: Session, stdin: TextIO, say: Callable[[str], None], ask: Callable[[], None]
) -> None:
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
        outcome = _ask(session, q, stdin, say, ask)
        if outcome is None:
            say("")
            say("(end of input)")
            return
        if session.shows_feedback:
            for line in feedback_lines(session, outcome):
                say(line)
            session.next()


def _ask(
    session: Session,
    q: Question,
    stdin: TextIO,
    say: Callable[[str], None],
    ask: Callable[[], None],
) -> Outcome | None:
    """Read lines until one is a valid answer; None at end of input."""
    while True:
        ask()
        try:
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
        lines.append(f"Not quite.{partial}" if partial else "Wrong.")
    lines.append(f"Answer: {answer_text(q)}")
    lines.append(q.explanation)
    why = why_not(o)
    if why is not None:
        lines.append(f"Why not {o.response_text}: {why.statement} The article: “{why.quote.text}”")
    lines.extend(quote_in_context(session.pack, x, mark=("»", "«")) for x in quotes_of(q))
    return lines
