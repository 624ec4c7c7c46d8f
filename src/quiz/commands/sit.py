"""`quiz play --paper CODE`: sit an exam paper, full screen or as plain lines.

Once per player: a paper already sat shows its result; an unfinished sitting
(the program was killed) is resumed or handed in as it stands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from quiz.commands import (
    EXIT_OK,
    UsageError,
    need_terminal,
    paper_of,
    services_of,
    store_and_player,
    warn,
)

if TYPE_CHECKING:
    from quiz.papers import Paper
    from quiz.services import Services
    from quiz.session import Session
    from quiz.store.records import SittingRow


def run(args: argparse.Namespace) -> int:
    given = {
        "PACK": args.pack,
        "--count": args.count,
        "--seed": args.seed is not None,
        "--kinds": args.kinds,
        "--topics": args.topics,
        "--mode review": args.mode != "practice",
        "--speed-bonus": args.speed_bonus,
        "--no-streak": args.no_streak,
    }
    clash = [name for name, value in given.items() if value]
    if clash:
        raise UsageError(f"a paper sets its questions and rules: leave out {', '.join(clash)}")
    paper = paper_of(args, args.paper)
    services = services_of(args)
    if args.plain:
        return plain(paper, services, sys.stdin, sys.stdout)
    need_terminal()
    from quiz.tui import make_app

    make_app(services, paper=paper).run()
    return EXIT_OK


def plain(paper: Paper, services: Services, stdin: TextIO, out: TextIO) -> int:
    from quiz import plain as line_mode
    from quiz.classroom import sitting
    from quiz.classroom.marking import marked_session
    from quiz.classroom.review import hand_in_line, review_lines
    from quiz.papers import PaperError
    from quiz.safe import visible

    def say(text: str = "") -> None:
        print(visible(text), file=out, flush=True)

    store, player = store_and_player(services)
    before = sitting.before(store, player, paper)
    if before.finished is not None:
        row = before.finished
        when = _when(row.started_at)
        say(f"{player.name} sat paper {paper.code} on {when}: a paper is sat once.")
        say("")
        marked = sitting.result(paper, row)
        for line in [*review_lines(paper.pack, marked), "", hand_in_line(paper.pack, marked)]:
            say(line)
        return EXIT_OK
    try:
        if before.unfinished is not None:
            session = _resume(paper, before.unfinished, services, stdin, say, warn)
        else:
            session = sitting.begin(paper, store, player, services.clock, warn)[0]
    except PaperError as exc:
        raise UsageError(str(exc)) from None
    if not session.questions:
        raise UsageError("this paper has no questions with the pack installed here")

    def review() -> list[str]:
        marked = marked_session(session, player.name, paper.code)
        return [*review_lines(paper.pack, marked), "", hand_in_line(paper.pack, marked)]

    if session.end_reason is not None:  # time ran out meanwhile, or closed as it stood
        for line in review():
            say(line)
        return EXIT_OK
    return line_mode.run(session, stdin, out, player=player.name, epilogue=review, paper=paper.code)


def _resume(
    paper: Paper,
    row: SittingRow,
    services: Services,
    stdin: TextIO,
    say: Callable[[str], None],
    warn: Callable[[str], None],
) -> Session:
    """Ask whether to resume the unfinished sitting or hand it in as it stands (no question
    when its time ran out meanwhile: then it is over; nor when nothing was answered yet, as
    after an empty input: then the input is the answers)."""
    from quiz.classroom import sitting
    from quiz.store.review import parse_iso

    store, player, clock = services.store.get(), services.player(), services.clock
    say(
        f"{player.name} has an unfinished sitting of paper {paper.code}, started "
        f"{_when(row.started_at)}: {len(row.answers)} of {paper.spec.count} questions answered."
    )
    limit = paper.spec.time_limit
    if limit is not None:
        spent = (clock.now() - parse_iso(row.started_at)).total_seconds()
        if spent >= limit:
            say("Its time ran out meanwhile: the questions not answered count as wrong.")
            return sitting.resume(paper, row, store, player, clock, warn)[0]
        say(f"Its clock kept running: {_minutes(limit - spent)} left.")
    if not row.answers:  # nothing to hand in: the first line is an answer, not a choice
        say("It is resumed.")
        return sitting.resume(paper, row, store, player, clock, warn)[0]
    say("Resume it (r, or just Enter) or hand it in as it stands (h)?")
    if _choice(stdin).startswith("h"):
        return sitting.close(paper, row, store, player, clock, warn)
    return sitting.resume(paper, row, store, player, clock, warn)[0]


def _choice(stdin: TextIO) -> str:
    """One line, read the way the line mode reads answers (the same buffer, the same bound)."""
    from quiz.plain import read_line

    try:
        line = read_line(stdin)
    except UnicodeDecodeError:
        return ""
    return line.strip().lower() if isinstance(line, str) else ""


def _minutes(seconds: float) -> str:
    from quiz.words import minutes

    return minutes(max(0.0, seconds))


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ") + " UTC"
