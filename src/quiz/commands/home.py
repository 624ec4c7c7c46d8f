"""`quiz`: the full-screen game from its home screen."""

from __future__ import annotations

import argparse

from quiz.commands import EXIT_OK, after_screen, need_terminal, services_of, settle


def run(args: argparse.Namespace) -> int:
    need_terminal()
    services = services_of(args, open_now=False)
    # The packs, the store and the player load on threads while Textual is imported, so the
    # home screen's first frame can already show them.
    services.start_loading()
    from quiz.tui import make_app

    make_app(services).run()
    after_screen(services)
    settle(services)
    return EXIT_OK
