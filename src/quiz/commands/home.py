"""`quiz`: the full-screen game from its home screen."""

from __future__ import annotations

import argparse

from quiz.commands import EXIT_OK, need_terminal, services_of


def run(args: argparse.Namespace) -> int:
    from quiz.tui import make_app

    need_terminal()
    make_app(services_of(args, open_now=False)).run()  # packs and store load once drawn
    return EXIT_OK
