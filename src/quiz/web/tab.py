"""One browser tab's game: the program `quiz serve` starts for each tab (`python -m
quiz.web.tab`), speaking to the server through textual-serve's driver on stdin and stdout.

A tab sits at `quiz.seat.BROWSER_TAB`: it asks the player's name first (or sits the paper
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
import socket
import sys
import threading
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quiz.web.tab")
    parser.add_argument("--packs", action="append", type=Path, default=[], metavar="DIR")
    parser.add_argument("--paper", metavar="CODE")
    args = parser.parse_args(argv)
    _end_with_server()
    from quiz.lang import from_environment, set_language

    set_language(from_environment())  # QUIZ_LANG: the server chose it for this tab

    from quiz.seat import BROWSER_TAB
    from quiz.services import make_services
    from quiz.settings import Settings
    from quiz.tui import make_app

    services = make_services(packs=args.packs, settings=Settings(None, {}))
    services.seat = BROWSER_TAB
    services.paper = args.paper
    make_app(services).run()
    return 0


def forked(
    stdin: socket.socket, stdout: socket.socket, stderr: socket.socket, argv: list[str], env: dict
) -> None:
    """A tab forked from the warm process (quiz.web.forks): the server's sockets become its
    standard streams, `env` its environment, and it runs as `main(argv)` would."""
    os.setsid()  # its own session: Ctrl+C in the teacher's terminal is for the server
    for sock, fd in ((stdin, 0), (stdout, 1), (stderr, 2)):
        os.dup2(sock.fileno(), fd)
        sock.close()
    # Textual's web driver reads and writes the original streams' descriptors.
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        stream = open(fd, mode, encoding="utf-8", closefd=False)  # noqa: SIM115
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)
    os.environ.clear()
    os.environ.update(env)
    code = main(argv)
    sys.stdout.flush()
    sys.exit(code)


def _end_with_server() -> None:
    """If the server dies without ending its tabs (SIGKILL, a crash), its end of the tab's
    stdin closes: the tab sees the hang-up (without reading: the game's driver reads) and
    exits, instead of playing on for nobody. Every answer is committed as it is given."""
    import select

    hang_up = select.POLLHUP | getattr(select, "POLLRDHUP", 0)

    def watch() -> None:
        poll = select.poll()
        poll.register(0, hang_up)
        while True:
            if any(events & hang_up for _, events in poll.poll()):
                os._exit(0)

    threading.Thread(target=watch, daemon=True, name="quiz-server-watch").start()


if __name__ == "__main__":
    sys.exit(main())
