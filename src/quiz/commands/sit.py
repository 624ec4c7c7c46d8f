"""`quiz play --paper CODE`: sit an exam paper, full screen or as plain lines.

Once per player: a paper already sat shows its result; an unfinished sitting
(the program was killed) is resumed or handed in as it stands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from quiz import plain as line_mode
from quiz import words
from quiz.classroom import sitting
from quiz.classroom.marking import marked_session
from quiz.classroom.review import hand_in_line, review_lines
from quiz.commands import (
    EXIT_OK,
    UsageError,
    after_screen,
    need_terminal,
    paper_of,
    services_of,
    settle,
    store_and_player,
    warn,
)
from quiz.papers import PaperError
from quiz.plain import read_line
from quiz.safe import visible

if TYPE_CHECKING:
    from quiz.papers import Paper
    from quiz.services import Services
    from quiz.session import Session
    from quiz.store.recorder import Recorder
    from quiz.store.records import SittingRow


def run(args: argparse.Namespace) -> int:
    given = {
        "PACK": args.pack,
        "--count": args.count,
        "--seed": args.seed is not None,
        "--kinds": args.kinds,
        "--topics": args.topics,
        "--mode review": args.mode != "practice",
        "--until-done": args.until_done,
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
    after_screen(services)
    settle(services)
    return EXIT_OK


def plain(paper: Paper, services: Services, stdin: TextIO, out: TextIO) -> int:

    def say(text: str = "") -> None:
        print(visible(text), file=out, flush=True)

    from quiz.store.backend import StoreError
    from quiz.store.sittings import Busy, PaperClosed

    store, player = store_and_player(services)
    try:
        before = sitting.take(store, player, paper, services.clock, services.holder)
    except (Busy, PaperClosed) as exc:
        raise UsageError(str(exc)) from None
    except StoreError as exc:
        raise UsageError(f"{store.where}: {exc}") from None
    if before.finished is not None:
        row = before.finished
        say(words.sat_once(player.name, paper.code, row.started_at))
        say("")
        marked = sitting.result(paper, row)
        for line in [*review_lines(paper.pack, marked), "", hand_in_line(paper.pack, marked)]:
            say(line)
        return EXIT_OK
    try:
        if before.unfinished is not None and before.new:
            session, recorder = sitting.resume(
                paper, before.unfinished, store, player, services.clock, warn, services.holder
            )
        elif before.unfinished is not None:
            session, recorder = _resume(paper, before.unfinished, services, stdin, say, warn)
        else:  # a store that keeps nothing: played all the same, and it says so
            session, recorder = sitting.begin(paper, store, player, services.clock, warn)
    except PaperError as exc:
        raise UsageError(str(exc)) from None
    if not session.questions:
        raise UsageError("this paper has no questions with the pack installed here")

    def review() -> list[str]:
        marked = marked_session(session, player.name, paper.code)
        lines = [*review_lines(paper.pack, marked), "", hand_in_line(paper.pack, marked)]
        return lines if recorder.stored() else [words.not_final_yet(), "", *lines]

    if session.end_reason is not None:  # time ran out meanwhile, or closed as it stood
        for line in review():
            say(line)
        return EXIT_OK
    try:
        return line_mode.run(
            session, stdin, out, player=player.name, epilogue=review, paper=paper.code
        )
    finally:
        sitting.let_go_of(session)  # ended or not, this terminal no longer holds it
        settle(services)


def _resume(
    paper: Paper,
    row: SittingRow,
    services: Services,
    stdin: TextIO,
    say: Callable[[str], None],
    warn: Callable[[str], None],
) -> tuple[Session, Recorder]:
    """Resume the unfinished sitting or hand it in as it stands, as `sitting.unfinished`
    decides and, when it asks, as the player answers."""

    store, player, clock = services.store.get(), services.player(), services.clock
    holder = services.holder
    found = sitting.unfinished(paper, row, clock)
    say(words.unfinished(player.name, paper.code, row.started_at, found.answered, found.count))
    if found.how is sitting.Resuming.EXPIRED:
        say(words.ran_out_meanwhile())
        return sitting.resume(paper, row, store, player, clock, warn, holder)
    if found.left is not None:
        say(words.clock_kept_running(found.left))
    if found.how is sitting.Resuming.SILENT:  # the first line is an answer, not a choice
        say(words.resumed())
        return sitting.resume(paper, row, store, player, clock, warn, holder)
    say(words.resume_or_hand_in())
    if _choice(stdin).startswith("h"):
        return sitting.close(paper, row, store, player, clock, warn, holder)
    return sitting.resume(paper, row, store, player, clock, warn, holder)


def _choice(stdin: TextIO) -> str:
    """One line, read the way the line mode reads answers (the same buffer, the same bound)."""

    try:
        line = read_line(stdin)
    except UnicodeDecodeError:
        return ""
    return line.strip().lower() if isinstance(line, str) else ""
