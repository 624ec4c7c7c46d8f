"""`quiz host`: a live class. The teacher's terminal runs the game full screen (to be
projected); students join from any browser by the address or the QR code it shows.

Before the screen opens it checks what would otherwise fail in front of the class: the web
extra is installed, the store opens and keeps answers (the class's results must land
somewhere), the paper (given, or made here as `quiz paper new` makes one) has questions.
"""

from __future__ import annotations

import argparse

from quiz import words
from quiz.commands import EXIT_OK, UsageError, no_questions, pack_of, paper_of
from quiz.lang import N_, _

WEB_EXTRA = N_("host needs the web extra: pip install 'quiz[web]' (aiohttp, segno)")


SEND_BEHIND = 30.0  # seconds the end of a game waits for answers still on their way


def run(args: argparse.Namespace) -> int:
    try:
        import aiohttp  # noqa: F401
        import segno  # noqa: F401
    except ImportError:
        raise UsageError(_(WEB_EXTRA)) from None
    from quiz.commands.serve import _check_store, addresses
    from quiz.live.game import LiveGame, keep_with, live_paper
    from quiz.live.server import LiveServer, Writer
    from quiz.papers import PaperError
    from quiz.store import open_store
    from quiz.web.access import Access

    if args.player:
        raise UsageError(
            _("host: each student gives a name on their phone; --player is not for host")
        )
    try:
        access = Access.for_host(args.host, args.token)
    except ValueError as exc:
        raise UsageError(_("--token: {reason}").format(reason=exc)) from None
    if args.paper:
        if args.pack or args.kinds or args.topics or args.count:
            raise UsageError(_("--paper: the paper says the pack, kinds, topics and count"))
        paper = paper_of(args, args.paper)
    else:
        pack = pack_of(args)
        try:
            paper = live_paper(pack, args.count or 10, args.kinds, args.topics)
        except PaperError as exc:
            raise UsageError(str(exc)) from None
    target = _check_store(args.db)
    try:
        game = LiveGame(paper, seconds=args.seconds, max_players=args.max_players)
    except ValueError:
        raise no_questions(paper.pack, bool(paper.spec.kinds or paper.spec.topics)) from None
    store = open_store(target)
    writer = Writer(keep_with(store))
    server = LiveServer(
        game,
        host=args.host,
        port=args.port,
        access=access,
        writer=writer,
        language=getattr(args, "lang", None),  # fixed by the teacher, else each phone's own
    )

    from quiz.tui.screens.live_host import HostApp

    app = HostApp(server, lambda port: addresses(args.host, port, access.token))
    try:
        app.run()
    finally:
        # A database across the network takes the class's answers behind the game (kept on
        # this computer first): they are given time to land before `quiz results` is run.
        if store.saver.answers_waiting:
            print("quiz: " + words.sending_behind(store.saver.answers_waiting), flush=True)
        lost = store.saver.close(timeout=SEND_BEHIND)
        waiting = store.saver.answers_waiting
        store.close()
    if app.problem:
        raise UsageError(app.problem)
    print(words.live_played(paper.code, len(game.students)))
    if lost:
        print("quiz: " + words.answers_lost(lost))
        return 1
    if waiting:
        print("quiz: " + words.waiting_at_exit(waiting))
    return EXIT_OK
