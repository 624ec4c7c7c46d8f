"""Everything quiz serve takes from textual-serve, and the only place that reaches past its
public API.

textual-serve runs each browser tab's app as `asyncio.create_subprocess_shell(command)` and
offers no other way to start it. quiz forks each tab from a warm process instead
(quiz.web.forks), so `ForkedAppService` replaces that one step, which means using private
names of `AppService`. Each is marked below with why; all were checked against textual-serve
1.1.3, and pyproject.toml keeps textual-serve below 2 (a new major version is checked here
before it is allowed). The rest of quiz.web imports textual-serve only through this module.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Protocol

import textual_serve
from textual_serve.app_service import AppService
from textual_serve.server import Server

__all__ = ["STATICS", "ForkedAppService", "TabProcess", "Server"]

# The files textual-serve's wheel ships for its page (its script, xterm.js's CSS, the Roboto
# Mono font), which quiz's own page uses: a folder of the package, not an API (1.1.3).
STATICS = Path(textual_serve.__file__).parent / "static"


class TabProcess(Protocol):
    """What AppService uses of its subprocess (an asyncio Process), and quiz of a tab's."""

    pid: int
    stdin: asyncio.StreamWriter
    stdout: asyncio.StreamReader
    stderr: asyncio.StreamReader

    @property
    def returncode(self) -> int | None: ...

    def kill(self) -> None: ...

    async def wait(self) -> int: ...


class ForkedAppService(AppService):
    """textual-serve's AppService (the relay between a websocket and an app's streams), its
    process made by `open_process` rather than a shell command."""

    async def open_process(self, environment: dict[str, str]) -> TabProcess:
        """Start the tab's process with this environment (textual-serve's, for a web app)."""
        raise NotImplementedError

    # Private (1.1.3): `start()` calls `_open_app_process(width, height)` and then `run()`;
    # this override is the one way to start the process otherwise.
    async def _open_app_process(self, width: int = 80, height: int = 24) -> TabProcess:  # type: ignore[override]
        # Private (1.1.3): `_build_environment` is the environment textual-serve gives every
        # app it serves (its web driver, colours, the terminal's size): a tab gets the same.
        environment = self._build_environment(width=width, height=height)
        process = await self.open_process(environment)
        # Private (1.1.3): `run()` reads the process's output from `_process`, and
        # `send_bytes`/`send_meta` write to `_stdin` (through the public `stdin`).
        self._process = process  # type: ignore[assignment]
        self._stdin = process.stdin
        return process

    @property
    def process(self) -> TabProcess | None:
        """The tab's process, once started (private `_process`, 1.1.3: no public accessor)."""
        return self._process  # type: ignore[return-value]

    @property
    def relay_ended(self) -> bool:
        """Whether the relay of the process's output has finished, as it does when the game
        quits (private `_task`, 1.1.3: the task `start()` made of `run()`)."""
        return self._task is not None and self._task.done()
