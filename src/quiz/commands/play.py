"""`quiz play`: a round now, full screen or as plain lines, kept in the player's history."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from quiz.commands import (
    EXIT_OK,
    need_terminal,
    no_questions,
    pack_of,
    services_of,
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
        made = rounds.review_spec(store, player, pack, now, args.count, kinds, rules, args.seed)
        if isinstance(made, rounds.NothingDue):
            print(f"{made.message(now)} For a practice round: quiz play {pack.id}")
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
        lines = [standing.best_line(session.score)]
        if standing.top:
            lines.append("Top scores on this computer (rounds of this length):")
            lines += [f"  {i}. {t.player} — {t.score}" for i, t in enumerate(standing.top, 1)]
        return [line for line in lines if line]

    return plain.run(session, sys.stdin, sys.stdout, player=player.name, epilogue=epilogue)
