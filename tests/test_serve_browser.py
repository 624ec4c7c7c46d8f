"""A real browser plays a served game: headless Chromium (Debian's, at /usr/bin/chromium, driven
by Playwright's Python package; Playwright's own browser download is neither used nor needed).

The server is started with `--token` on 127.0.0.1: a token given is required on any address,
loopback too, so this is the door a class on 0.0.0.0 gets, without opening a port to the
network during the tests (127.0.0.2 would not do: it is loopback, and would ask no token).

The page draws the terminal on a canvas, so what the tab shows is read from what the browser
received on its websocket, drawn by a terminal emulator (pyte), as xterm.js draws it.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyte
import pytest

from quiz.question import Figure, Many, Order, Text
from quiz.store import open_store
from served import FEEDBACK, TYPED, Served, first_option, question_kind

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "class-7b-token"


def _why_not() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python package is not installed (pip install playwright)"
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=str(_why_not()))


class Tab:
    """What the page's terminal shows: the websocket's frames, drawn by pyte."""

    def __init__(self, page) -> None:  # noqa: ANN001
        self.page = page
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        page.on("websocket", self._socket)

    def _socket(self, ws) -> None:  # noqa: ANN001
        query = parse_qs(urlsplit(ws.url).query)  # the size the page asked for at first
        self.resize(int(query["width"][0]), int(query["height"][0]))
        ws.on("framereceived", self._received)
        ws.on("framesent", self._sent)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.stream.feed(payload)

    def _sent(self, payload: str | bytes) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size = json.loads(payload)[1]
            self.resize(size["width"], size["height"])

    def resize(self, columns: int, rows: int) -> None:
        self.screen.resize(rows, columns)

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def until(self, ready, seconds: float = 60.0):  # noqa: ANN001, ANN201
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = ready(self.text())
            if found:
                return found
            self.page.wait_for_timeout(100)  # lets Playwright deliver the frames
        raise AssertionError(f"not on the page after {seconds} s:\n{self.text()}")

    def press_until(self, key: str, ready, every: float = 5.0, seconds: float = 30.0) -> None:  # noqa: ANN001
        """Press `key` until `ready(screen)`, again every `every` seconds."""
        deadline = time.monotonic() + seconds
        while True:
            self.page.keyboard.press(key)
            try:
                self.until(ready, min(every, max(0.1, deadline - time.monotonic())))
                return
            except AssertionError:
                if time.monotonic() >= deadline:
                    raise

    def see(self, *words: str, seconds: float = 30.0) -> str:
        return str(self.until(lambda t: next((w for w in words if w in t), None), seconds))


def test_a_browser_plays_a_served_game(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    db = tmp_path / "class.db"
    with Served("--token", TOKEN, "--db", str(db)) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            # Without the token: 403, and a page that says what is missing.
            refused = browser.new_page()
            response = refused.goto(server.base + "/")
            assert response is not None and response.status == 403
            assert "access token" in refused.inner_text("body")
            refused.close()

            page = browser.new_page(viewport={"width": 1280, "height": 800})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            tab = Tab(page)
            response = page.goto(server.url)
            assert response is not None and response.status == 200
            tab.see("Who is playing?")
            # No click first: the page gives the terminal the keyboard, the game the name.
            focused = page.evaluate("document.activeElement.className")
            assert "xterm-helper-textarea" in focused, focused
            page.keyboard.type("Ada")
            page.keyboard.press("Enter")
            tab.see("Player: Ada")
            tab.see("Start (Ctrl+S)")
            page.keyboard.press("Enter")  # Start has the focus on the home screen
            kind = tab.until(question_kind)
            # As a player does (see served.answer): a key pressed again until it shows.
            if kind in (Text, Figure):
                tab.press_until("1", TYPED.search)
            elif kind is Many:
                tab.press_until("1", lambda t: "[x]" in t)
            elif kind is Order:
                before = first_option(tab.text())
                tab.press_until("]", lambda t: first_option(t) not in (None, before))
            if kind in (Text, Figure, Many, Order):
                page.keyboard.press("Enter")
            else:
                tab.press_until("1", lambda t: any(f in t for f in FEEDBACK))
            verdict = tab.see(*FEEDBACK)
            assert "The article says:" in tab.until(lambda t: "The article says:" in t and t)
            page.screenshot(path=str(tmp_path / "feedback.png"))

            origin = server.base.split("://", 1)[1]
            elsewhere = [u for u in requests if u.split("://", 1)[1].split("/")[0] != origin]
            assert elsewhere == [], elsewhere
            assert any(u.endswith(".ttf") for u in requests)  # the font, from the server
            csp = [m for m in problems if "Content Security Policy" in m]
            assert csp == [], csp
        finally:
            browser.close()
    store = open_store(str(db))
    ada = store.find_player("Ada")
    assert ada is not None
    answers, right = store.answer_counts(ada.id)
    assert answers == 1 and right == (1 if verdict == "✔ Right!" else 0)
