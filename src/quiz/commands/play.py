"""`quiz play`: a round now, full screen or as plain lines, kept in the player's history."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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
from quiz.lang import _

if TYPE_CHECKING:
    from quiz.first_view import FirstView
    from quiz.packs.model import Pack
    from quiz.services import Services
    from quiz.session import Session
    from quiz.spec import RoundSpec


def run(args: argparse.Namespace) -> int:
    if args.paper is not None:
        from quiz.commands import sit

        return sit.run(args)
    if args.until_done:
        _check_until_done(args)
    args.count = args.count or 10
    if not args.plain:
        need_terminal()
    from quiz.first_view import key_of
    from quiz.lang import language

    key = key_of(args, language())
    if key is not None:
        from quiz.first_view import cached

        view = cached(key)
        if view is not None:  # the round is made once its first question is drawn
            return _from_memory(args, key, view)
    from quiz import rounds, words
    from quiz.scoring import Rules

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
            print(said + " " + _("For a practice round: quiz play {pack}").format(pack=pack.id))
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
    keep = _keeper(key, lambda: pack)
    if keep is not None:  # kept before the game starts, for the next run with these arguments
        from quiz.first_view import first_view

        shown = first_view(session)
        if shown is not None:
            keep(shown)
    make_app(services, session).run()
    after_screen(services)
    settle(services)
    return EXIT_OK


def _check_until_done(args: argparse.Namespace) -> None:
    from quiz import words

    if args.mode != "review":
        raise UsageError(words.until_done_needs_review())
    if args.count:
        raise UsageError(words.until_done_no_count())


def _from_memory(args: argparse.Namespace, key: dict[str, Any], view: FirstView) -> int:
    """The round's first question drawn from what an earlier run kept (quiz.first_view): the
    pack is loaded and the round made once it is on screen, as `run` would make them (an
    error then is said as it would have been, once the screen has gone)."""
    from quiz.tui import make_app

    services = services_of(args, open_now=False)
    made: list[Pack] = []

    def make() -> Session:  # on a thread, once the first question is drawn
        from quiz.rounds import practice_spec
        from quiz.scoring import Rules
        from quiz.session import Session

        pack = pack_of(args)
        made.append(pack)
        rules = Rules(speed_bonus=args.speed_bonus, streak_bonus=not args.no_streak)
        kinds, topics = tuple_or_none(args.kinds), tuple_or_none(args.topics)
        spec = practice_spec(pack, args.count, kinds, topics, rules, args.seed)
        session = Session(spec, pack, clock=services.clock)
        if not session.questions:
            raise no_questions(pack, bool(kinds or topics))
        return session

    app = make_app(
        services, first_view=view, make_round=make, keep_first=_keeper(key, lambda: made[0])
    )
    app.run()
    if app.first_failure is not None:
        raise app.first_failure
    after_screen(services)
    settle(services)
    return EXIT_OK


def _keeper(
    key: dict[str, Any] | None, pack: Callable[[], Pack]
) -> Callable[[FirstView], None] | None:
    """What keeps the round's first frame for the next run with the same arguments (the app
    calls it on a thread once that frame is drawn); None when these arguments are not kept."""
    if key is None:
        return None

    def keep(view: FirstView) -> None:
        from quiz.first_view import remember

        played = pack()
        remember(key, view, played.path, [s.file for s in played.sources.values() if s.file])

    return keep


def _plain(spec: RoundSpec, pack: Pack, services: Services) -> int:
    from quiz import plain, rounds, words

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
