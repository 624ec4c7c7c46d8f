"""`quiz`: the full-screen game from its home screen."""

from __future__ import annotations

import argparse

from quiz.commands import EXIT_OK, services_of


def run(args: argparse.Namespace) -> int:
    from quiz.tui import make_app

    make_app(services_of(args, open_now=False)).run()  # packs and store load once drawn
    return EXIT_OK
