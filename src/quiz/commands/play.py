"""`quiz play`: a round now, full screen or as plain lines, kept in the player's history."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from quiz import words
from quiz.commands import (
    EXIT_OK,
    UsageError,
    after_screen,
    need_terminal,
    no_questions,
    pack_of,
    services_of,
    settle,
    store_and_player,
    tuple_or_none,
    warn,
)

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.services import Services
    from quiz.spec import RoundSpec


def run(args: argparse.Namespace) -> int:
    from quiz import rounds
    from quiz.scoring import Rules

    if args.paper is not None:
        from quiz.commands import sit

        return sit.run(args)
    if args.until_done and args.mode != "review":
        raise UsageError(words.until_done_needs_review())
    if args.until_done and args.count:
        raise UsageError(words.until_done_no_count())
    args.count = args.count or 10
    if not args.plain:
        need_terminal()
    pack = pack_of(args)
    services = services_of(args, open_now=args.mode == "review" or args.plain)
    rules = Rules(speed_bonus=args.speed_bonus, streak_bonus=not args.no_streak)
    kinds, topics = tuple_or_none(args.kinds), tuple_or_none(args.topics)
    if args.mode == "review":
        store, player = services.store.get(), services.player()
        now = services.clock.now()
        count = None if args.until_done else args.count
        made = rounds.review_spec(store, player, pack, now, count, kinds, rules, args.seed)
        if isinstance(made, rounds.NothingDue):
            said = words.nothing_due(made.next_due, now, made.held, made.limits)
            print(f"{said} For a practice round: quiz play {pack.id}")
            return EXIT_OK
        spec = made
    else:
        spec = rounds.practice_spec(pack, args.count, kinds, topics, rules, args.seed)
    if args.plain:
        return _plain(spec, pack, services)
    from quiz.session import Session
    from quiz.tui import make_app

    session = Session(spec, pack, clock=services.clock)
    if not session.questions:
        raise no_questions(pack, bool(kinds or topics))
    make_app(services, session).run()
    after_screen(services)
    settle(services)
    return EXIT_OK


def _plain(spec: RoundSpec, pack: Pack, services: Services) -> int:
    from quiz import plain, rounds

    store, player = store_and_player(services)
    session, recorder = rounds.start(
        spec, pack, store, player, clock=services.clock, on_problem=warn
    )
    if not session.questions:
        raise no_questions(pack, bool(spec.kinds or spec.topics))

    def epilogue() -> list[str]:
        standing = rounds.standing(store, recorder, session)
        if standing is None:
            return []
        lines = [words.best(standing.counts, standing.is_best, standing.best_before)]
        if standing.top:
            lines.append(words.top_title(standing.speed))
            lines += ["  " + line for line in words.top((t.player, t.score) for t in standing.top)]
        return [line for line in lines if line]

    status = plain.run(session, sys.stdin, sys.stdout, player=player.name, epilogue=epilogue)
    settle(services)
    return status
