"""One browser tab's game: the program `quiz serve` starts for each tab (`python -m
quiz.web.tab`), speaking to the server through textual-serve's driver on stdin and stdout.

A tab is served mode (`Services.served`): it asks the player's name first (or sits the paper
given), keeps its settings in memory (a theme chosen in one tab is not every student's), never
names other players, and writes to the same store as the terminal game (QUIZ_DB, set by the
server in the environment rather than on the command line, where `ps` would show it).

The parsed-pack cache stays shared (QUIZ_CACHE_DIR, else the user's cache folder): it holds
packs, the same for every player, keyed by the bytes of the pack and of the code, and written
atomically, so sharing it only spares each tab the parse.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quiz.web.tab")
    parser.add_argument("--packs", action="append", type=Path, default=[], metavar="DIR")
    parser.add_argument("--paper", metavar="CODE")
    args = parser.parse_args(argv)
    _end_with_parent()

    from quiz.services import make_services
    from quiz.settings import Settings
    from quiz.tui import make_app

    services = make_services(packs=args.packs, settings=Settings(None, {}))
    services.served = True
    services.paper = args.paper
    make_app(services).run()
    return 0


def _end_with_parent(every: float = 1.0) -> None:
    """If the server dies without ending its tabs (SIGKILL, a crash), the tab notices that its
    parent is gone and exits, instead of playing on for nobody."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)  # every answer is committed as it is given: nothing is lost

    threading.Thread(target=watch, daemon=True, name="quiz-parent").start()


if __name__ == "__main__":
    sys.exit(main())
