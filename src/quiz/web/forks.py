"""Tab processes forked from one warm process instead of each starting Python afresh.

A tab's game is a whole Python process: started from nothing, it spends about half its first
second importing Textual and the game, and holds its own copy of all that code. Here one
process (multiprocessing's fork server) imports them once (quiz.web.warm), and every tab is
a fork of it: the imports are already done, and the pages they fill are shared between tabs
until one writes to them. The tab's stdin, stdout and stderr are socket pairs handed over
with the fork; the server reads and writes its ends as asyncio streams, as textual-serve does
with a subprocess's pipes.

Standard library only: the server never imports Textual (the fork server does, on its own).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import socket
from multiprocessing.context import ForkServerContext
from typing import Any

# What textual-serve puts in a tab's environment and Textual reads once, when it is imported:
# the fork server must import it with these already set.
TEXTUAL_ENV = {
    "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
    "TEXTUAL_FPS": "60",
    "TEXTUAL_COLOR_SYSTEM": "truecolor",
    "TERM_PROGRAM": "textual",
}


def context(env: dict[str, str]) -> ForkServerContext:
    """The fork server, started now (its imports take a moment: before the first tab, not
    during it), with `env` (and Textual's settings) in its environment."""
    ctx = multiprocessing.get_context("forkserver")
    assert isinstance(ctx, ForkServerContext)
    os.environ.update({**TEXTUAL_ENV, **env})  # inherited by the fork server as it starts
    ctx.set_forkserver_preload(["quiz.web.warm"])
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return ctx


class Forked:
    """A forked tab as textual-serve's AppService sees a subprocess: stdout and stderr to read,
    a pid, a return code, kill() and wait()."""

    def __init__(self, process: Any, stdin: asyncio.StreamWriter, streams: list[Any]) -> None:
        self.process = process
        self.pid: int = process.pid
        self.stdin = stdin
        self.stdout: asyncio.StreamReader = streams[0][0]
        self.stderr: asyncio.StreamReader = streams[1][0]
        self._writers = [stdin, streams[0][1], streams[1][1]]
        self._code: int | None = None  # once ended and closed
        self._ended: asyncio.Future[int] | None = None

    @property
    def returncode(self) -> int | None:
        if self._code is not None:
            return self._code
        code = self.process.exitcode
        return None if code is None else int(code)

    def kill(self) -> None:
        if self.returncode is None:
            self.process.kill()

    async def wait(self) -> int:
        """Wait for the process to end (its sentinel becomes readable), then close our ends.
        Any number of callers may wait at once: they share one watch on the sentinel."""
        if self._ended is None:
            self._ended = asyncio.ensure_future(self._watch())
        return await asyncio.shield(self._ended)

    async def _watch(self) -> int:
        loop = asyncio.get_running_loop()
        if self.process.exitcode is None:
            ended: asyncio.Future[None] = loop.create_future()
            fd = self.process.sentinel

            def readable() -> None:
                if not ended.done():
                    ended.set_result(None)

            loop.add_reader(fd, readable)
            try:
                await ended
            finally:
                loop.remove_reader(fd)
        self._code = int(self.process.exitcode or 0)
        for writer in self._writers:
            writer.close()
        self.process.close()
        return self._code


async def fork(ctx: ForkServerContext, argv: list[str], env: dict[str, str]) -> Forked:
    """A tab's game, forked, running `quiz.web.tab.main(argv)` with `env` as its environment."""
    from multiprocessing import forkserver

    from quiz.web.tab import forked

    forkserver.ensure_running()  # a fork server that died (killed, out of memory) starts again
    pairs = [socket.socketpair() for _ in range(3)]
    process = ctx.Process(
        target=forked, args=(*(child for _, child in pairs), argv, env), daemon=True
    )
    try:
        process.start()  # a few milliseconds: the fork server answers with the pid
    finally:
        for _, child in pairs:
            child.close()
    _, stdin = await asyncio.open_unix_connection(sock=pairs[0][0])
    streams = [await asyncio.open_unix_connection(sock=ours) for ours, _ in pairs[1:]]
    return Forked(process, stdin, streams)
