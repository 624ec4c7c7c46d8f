"""Driving `quiz serve` from tests and benchmarks: the server as a real process, and players
that speak textual-serve's websocket protocol (what the page's script does) and read the
screen through a terminal emulator (pyte), as a browser's terminal would draw it.

Traffic goes to loopback only; every wait has a deadline.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

import pyte

from quiz.kinds import KINDS
from quiz.question import Figure, Key, Many, Order, Text
from quiz.words import key_hint

URL = re.compile(r"http://\S+")
OPENED = re.compile(r"tab opened \(process (\d+);")
CLOSED = re.compile(r"tab closed \(process (\d+); ([^;]+);")
SIZE = (100, 30)
ENTER, CTRL_S, ESCAPE = "\r", "\x13", "\x1b"


class Served:
    """`quiz serve` in a process of its own; `url` is the address it printed (with its token).
    Its output is read on a thread, so the lines about tabs opening and closing can be waited
    for."""

    def __init__(self, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
        import threading

        self.proc = subprocess.Popen(
            [sys.executable, "-m", "quiz", "serve", "--port", "0", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, **(env or {})},
            cwd=cwd,
        )
        self.lines: list[str] = []
        self._seen = threading.Condition()
        self._ended = False  # its output has ended
        threading.Thread(target=self._read, daemon=True).start()
        line = self.wait_line(URL, 30)
        match = URL.search(line)
        assert match, line
        self.url = match.group(0)
        self.base = self.url.split("?")[0].rstrip("/")
        self.token = self.url.split("token=", 1)[1] if "token=" in self.url else None

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._seen:
                self.lines.append(line.rstrip("\n"))
                self._seen.notify_all()
        with self._seen:
            self._ended = True
            self._seen.notify_all()

    def wait_line(self, pattern: re.Pattern[str], seconds: float, start: int = 0) -> str:
        deadline = time.monotonic() + seconds
        with self._seen:
            while True:
                for line in self.lines[start:]:
                    if pattern.search(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or self._ended:
                    raise AssertionError(f"no {pattern.pattern!r} in: {self.lines}")
                self._seen.wait(min(left, 0.2))

    def ws_url(self, size: tuple[int, int] = SIZE) -> str:
        ws = self.base.replace("http://", "ws://", 1)
        query = f"width={size[0]}&height={size[1]}"
        return f"{ws}/ws?{query}" + (f"&token={self.token}" if self.token else "")

    def stop(self) -> str:
        """Ctrl+C, as a teacher stops it; the output."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return "\n".join(self.lines)

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Player:
    """One browser tab without the browser: the websocket, and the screen as pyte draws it."""

    def __init__(self, session: Any, url: str, size: tuple[int, int] = SIZE) -> None:
        self.session, self.url, self.size = session, url, size
        self.screen = pyte.Screen(*size)
        self.stream = pyte.ByteStream(self.screen)
        self.ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()
        self.closed = False
        self.messages: list[Any] = []  # the server's text messages (JSON): downloads, URLs

    async def open(self) -> Player:
        self.ws = await self.session.ws_connect(self.url, max_msg_size=0)
        await self.ws.send_json(["resize", {"width": self.size[0], "height": self.size[1]}])
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        import aiohttp

        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.stream.feed(message.data)
                self._changed.set()
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.messages.append(json.loads(message.data))
                self._changed.set()
        self.closed = True
        self._changed.set()

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    async def until(self, ready: Callable[[str], Any], seconds: float = 30.0) -> Any:
        """Wait until `ready(screen text)` is truthy; its value. Fails after `seconds`."""
        deadline = time.monotonic() + seconds
        while True:
            found = ready(self.text())
            if found:
                return found
            left = deadline - time.monotonic()
            if left <= 0 or self.closed:
                raise AssertionError(f"not on screen after {seconds} s:\n{self.text()}")
            self._changed.clear()
            with suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(left, 1.0))

    async def see(self, *words: str, seconds: float = 30.0) -> str:
        """Wait until one of `words` is on screen; which one."""
        return str(
            await self.until(lambda text: next((w for w in words if w in text), None), seconds)
        )

    async def keys(self, *keys: str) -> None:
        for key in keys:
            await self.ws.send_json(["stdin", key])

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await asyncio.wait_for(self._reader, 10)


# -- a short game, the same for tests and benchmarks -------------------------------------------

FEEDBACK = ("✔ Right!", "✘ Wrong", "◐ Partly right")


def question_kind(screen: str) -> type[Key] | None:
    """The key type of the question on screen (told by its key hint, as quiz.kinds words it),
    or None while no question is asked."""
    if any(f in screen for f in FEEDBACK):
        return None
    for kind in KINDS.values():  # the hint names the digits of the question's options
        if any(key_hint(kind.name, n) in screen for n in range(1, 10)):
            return kind.key
    return None


TYPED = re.compile(r"▊ *(1+) *▎")  # the answer box, drawn, holding the "1"s typed
BACKSPACE = "\x7f"
FIRST_OPTION = re.compile(r"▊ 1\. (.*?)\s*▎")


def first_option(screen: str) -> str | None:
    found = FIRST_OPTION.search(screen)
    return found.group(1) if found else None


ROUND_UP = re.compile(r"Question \d+ of \d+")


async def sign_in_and_start(player: Player, name: str, seconds: float = 60.0) -> None:
    """Name the player, then start a round from the home screen. Ctrl+S is pressed again
    until the round is up: in a loaded run a key can reach the tab in the instant its home
    screen is drawn but not yet listening (as `answer` does for a question's first key)."""
    await player.see("Who is playing?", seconds=seconds)
    await player.keys(name, ENTER)
    await player.see("Start (Ctrl+S)", seconds=seconds)
    deadline = time.monotonic() + seconds
    while True:
        await player.keys(CTRL_S)
        try:  # the round's own header, not the home screen gone (a redraw can hide it)
            await player.until(ROUND_UP.search, 5.0)
            return
        except AssertionError:
            if player.closed or time.monotonic() >= deadline:
                raise
            if "Start (Ctrl+S)" not in player.text():  # started, not drawn yet: no key more
                await player.until(ROUND_UP.search, max(1.0, deadline - time.monotonic()))
                return


async def answer(player: Player, seconds: float = 60.0) -> tuple[str, float]:
    """Answer the question on screen, whatever its kind; the verdict shown and the seconds
    from the last key to the feedback on screen (the answer is committed before that).

    A question's hint can be drawn a moment before its answer widget has the focus, and a
    key pressed in that moment goes nowhere. So each first key is pressed again until its
    effect shows (the typed text in its box, the tick, the moved event, the feedback): a
    choice's or a tick's key can land twice without changing what is answered, and a typed
    answer's extra "1"s are rubbed out. Enter, which would
    go on to the next question once the feedback is up, is pressed once, after that."""
    deadline = time.monotonic() + seconds
    kind = await player.until(question_kind, seconds)

    async def press_until(key: str, ready: Callable[[str], object], every: float) -> float:
        while True:
            await player.keys(key)
            pressed = time.monotonic()
            left = deadline - pressed
            try:
                await player.until(ready, max(0.1, min(every, left)))
                return pressed
            except AssertionError:
                if player.closed or time.monotonic() >= deadline:
                    raise

    def feedback(text: str) -> bool:
        return any(f in text for f in FEEDBACK)

    if kind in (Text, Figure):  # a typed answer (most likely wrong: graded all the same)
        # the box's own text, not the placeholder gone: the hint is drawn before the box
        await press_until("1", TYPED.search, 5.0)
        typed = TYPED.search(player.text())
        if typed and len(typed.group(1)) > 1:  # a key pressed again landed after all
            await player.keys(BACKSPACE * (len(typed.group(1)) - 1))
            await player.until(lambda t: (m := TYPED.search(t)) and m.group(1) == "1", 10.0)
    elif kind is Many:  # tick the first option
        await press_until("1", lambda t: "[x]" in t, 10.0)
    elif kind is Order:  # move the first event down one
        before = first_option(player.text())
        await press_until("]", lambda t: first_option(t) not in (None, before), 5.0)
    if kind in (Text, Figure, Many, Order):
        await player.keys(ENTER)
        sent = time.monotonic()
    else:  # pick one: choice, true or false, which sentence proves it
        sent = await press_until("1", feedback, 5.0)
    verdict = await player.see(*FEEDBACK, seconds=max(1.0, deadline - time.monotonic()))
    return verdict, time.monotonic() - sent


async def next_question(player: Player) -> None:
    await player.keys(ENTER)
    await player.until(lambda text: not any(f in text for f in FEEDBACK), 60.0)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is gone as far as anyone playing is concerned
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False
