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
from enum import Enum
from typing import TextIO

from quiz import words
from quiz.kinds import parse_line
from quiz.question import InvalidResponse
from quiz.round.driver import (
    Answered,
    Driver,
    Event,
    QuestionShown,
    Refused,
    RoundEnded,
    SelfPaced,
    TimeRanOut,
)
from quiz.round.views import FeedbackView, QuestionView, SummaryView
from quiz.safe import visible
from quiz.session import Phase, Session, TimeUp
from quiz.words import Part

MAX_LINE = 1000  # characters in one answer line; an answer is a few words
PROMPT = "> "


class _Alarm(Enum):
    RANG = "rang"  # what `_read` returns when the time ran out while it waited


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
    driver = SelfPaced(session)
    who = f" · {words.player(player)}" if player else ""
    if paper is not None:
        limit = session.spec.time_limit
        say(words.paper_title(session.pack.title, paper, session.total, limit) + who)
        say(words.exam_rules())
    else:
        review = session.spec.mode == "review"
        say(words.round_title(session.pack.title, review, session.total, session.seed) + who)
    short = session.spec.shortfall(session.total)
    if short is not None:
        say(f"({words.shortfall(short)})")
    prompt = PROMPT if stdin.isatty() and out.isatty() else ""
    answered_before = len(session.outcomes)
    status = 0
    line_mode = LineMode(driver, stdin, say, lambda: print(prompt, end="", file=out, flush=True))
    try:
        line_mode.play()
    except KeyboardInterrupt:
        say("")
        if paper is not None and session.phase is not Phase.FINISHED:
            say(words.interrupted_paper(paper))
            return 130
        say(words.interrupted())
        status = 130
    else:
        if line_mode.input_ended and paper is not None:
            read = len(session.outcomes) - answered_before
            say("")
            if read == 0:  # an empty or forgotten input must not use up the one sitting
                say(words.nothing_read(session.time_left() is not None))
                return 0  # nothing went wrong, nothing was given
            say(words.handed_in_short(len(session.outcomes), session.total))
        elif line_mode.input_ended:
            say("")
            say(words.end_of_input())
    driver.leave()
    say("")
    if paper is None and line_mode.summary is not None:
        for line in words.summary(line_mode.summary):
            say(line)
    for line in epilogue() if epilogue else ():
        say(line)
    return status


class LineMode:
    """The round's events as lines, and the player's lines as answers."""

    def __init__(
        self, driver: Driver, stdin: TextIO, say: Callable[[str], None], ask: Callable[[], None]
    ) -> None:
        self.driver, self.stdin, self.say, self.ask = driver, stdin, say, ask
        self.input_ended = False
        self.summary: SummaryView | None = None
        self.asking: QuestionView | None = None
        driver.subscribe(self.show)

    def show(self, event: Event) -> None:
        say = self.say
        if isinstance(event, QuestionShown):
            self.asking = v = event.view
            say("")
            say(words.header(v, self.driver.time_left()))
            say(v.prompt)
            for i, option in enumerate(v.options, 1):
                say(f"  {i}. {option}")
            say(words.plain_hint(v.kind))
        elif isinstance(event, Refused):
            say(f"  ({words.try_again(words.refusal(event.error))})")
        elif isinstance(event, Answered):
            self.asking = None
            if event.feedback is not None:
                self._feedback(event.feedback)
        elif isinstance(event, TimeRanOut):
            self.asking = None
            say("")
            say(words.time_up())
        elif isinstance(event, RoundEnded):
            self.asking = None
            self.summary = event.summary

    def _feedback(self, fb: FeedbackView) -> None:
        marked = iter(fb.passages)
        for part, line in words.feedback(fb):
            if part is Part.PASSAGE:  # the quoted words between » and «, in their paragraph
                line = next(marked).in_marks()
            self.say(line)

    def play(self) -> None:
        driver = self.driver
        driver.start()
        while self.summary is None:
            if self.asking is None:  # feedback is on screen: the next line moves on
                driver.next()
                continue
            line = self._read()
            if line is None:
                self.input_ended = True
                return
            if line is _Alarm.RANG:  # the driver has ended the round, or will at the next read
                continue
            try:
                response = parse_line(self.asking, line)
            except InvalidResponse as exc:
                self.show(Refused(exc))
                continue
            driver.answer(response)

    def _read(self) -> str | _Alarm | None:
        """One line; None at end of input, _Alarm.RANG when the time ran out while waiting (the
        alarm only wakes the read: the driver decides whether the round is over)."""
        while True:
            self.ask()
            try:
                with _deadline(self.driver.time_left()):
                    line = read_line(self.stdin)
            except TimeUp:
                self.driver.tick()
                return _Alarm.RANG
            except UnicodeDecodeError:
                self.say(f"  ({words.try_again(words.not_utf8())})")
                continue
            if line is None:
                return None
            if isinstance(line, _TooLong):
                self.say(f"  ({words.line_too_long(line.length)})")
                continue
            return line


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
