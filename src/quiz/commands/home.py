"""`quiz`: the full-screen game from its home screen."""

from __future__ import annotations

import argparse

from quiz.commands import EXIT_OK, after_screen, need_terminal, services_of, settle


def run(args: argparse.Namespace) -> int:
    need_terminal()
    services = services_of(args, open_now=False)
    # A returning player's first frame names the pack from its remembered title
    # (quiz.packs.titles) and the player from the store's file (quiz.store.glance): the
    # packs and the store then load after it, when the flow asks for them. Otherwise they
    # load on threads while Textual is imported, so the first frame can already show them.
    from quiz.lang import language
    from quiz.packs.titles import cached

    glance = None
    if cached(services.packs, language()) is None:
        services.start_loading()
    else:
        from quiz.services import Later
        from quiz.tui.choices import home_glance

        glance = Later(lambda: home_glance(services)).start()
    from quiz.tui import make_app

    make_app(services, glance=glance).run()
    after_screen(services)
    settle(services)
    return EXIT_OK
