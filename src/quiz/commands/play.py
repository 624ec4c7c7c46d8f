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
    from quiz.session import Session
    from quiz.spec import RoundSpec


def run(args: argparse.Namespace) -> int:
    if args.paper is not None:
        from quiz.commands import sit

        return sit.run(args)
    args.count = args.count or 10
    if args.plain or args.mode == "review":
        return _now(args)
    need_terminal()
    from quiz.services import Later

    # The pack, the spec and the round's questions are made on a thread while the main one
    # imports Textual and the round's screen: the two share the interpreter, but not every
    # moment of it (module files are read, the pack cache is hashed, without the GIL).
    made = Later(lambda: _practice_round(args)).start()
    from quiz.tui import make_app
    from quiz.tui.screens.play import PlayScreen  # noqa: F401 - the first screen, loaded now

    session, services = made.get()  # a pack or topic that does not exist is raised here
    make_app(services, session).run()
    return EXIT_OK


def _practice_round(args: argparse.Namespace) -> tuple[Session, Services]:
    """A practice round for the full-screen game (its store opens after the first frame)."""
    from quiz import rounds
    from quiz.scoring import Rules
    from quiz.session import Session

    pack = pack_of(args)
    services = services_of(args, open_now=False)
    rules = Rules(speed_bonus=args.speed_bonus, streak_bonus=not args.no_streak)
    kinds, topics = tuple_or_none(args.kinds), tuple_or_none(args.topics)
    spec = rounds.practice_spec(pack, args.count, kinds, topics, rules, args.seed)
    session = Session(spec, pack, clock=services.clock)
    if not session.questions:
        raise no_questions(pack, bool(kinds or topics))
    return session, services


def _now(args: argparse.Namespace) -> int:
    """A review round, or any round in plain lines: both need the store before they start."""
    from quiz import rounds
    from quiz.scoring import Rules

    if not args.plain:
        need_terminal()
    pack = pack_of(args)
    services = services_of(args)
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
