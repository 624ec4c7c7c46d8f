"""The web server of `quiz serve`: textual-serve's, with a door, a limit and a clock.

textual-serve starts one process per browser tab (an `AppService`) and relays its terminal
over a websocket; this subclass keeps that and adds what a classroom needs:

- the door (quiz.web.access): the token on every request (page, static files, websocket,
  downloads), the Host header on loopback, the Origin of a websocket;
- a page of its own (templates/), with nothing fetched from another host: the font is the
  Roboto Mono that textual-serve's wheel ships (Apache-2.0), else the system's monospace;
- a limit on tabs at once, with a page that says so when the class is full;
- an end to every tab's process: when its websocket closes, when the game quits, or after
  the idle timeout; a process that will not quit is killed;
- each tab's process started from an argument list (never through a shell), with the store's
  address in its environment, not on its command line where `ps` would show a password.

This module imports aiohttp and textual-serve, never Textual: the server stays small.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import escape
from aiohttp import WSMsgType, web

from quiz.lang import from_accept_language, translations
from quiz.web.access import Access
from quiz.web.forks import ForkServerContext, context, fork
from quiz.web.textual_serve_adapter import STATICS, ForkedAppService, Server, TabProcess
from quiz.words import websocket_only

TEMPLATES = Path(__file__).parent / "templates"
COOKIE = "quiz_token"
MAX_MESSAGE = 64 * 1024  # a websocket message from a tab: keys, a paste, a resize
QUIT_GRACE = 5.0  # seconds a tab's game has to quit before it is killed
TERMINAL_SIZE = (20, 500)  # columns or rows a browser may ask for, at least and at most

log = logging.getLogger("quiz.serve")


@dataclass(frozen=True)
class TabCommand:
    """What each tab runs: quiz.web.tab's arguments, and what to add to its environment."""

    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    language: str | None = None  # every tab's (quiz --lang …); None: each browser's own


@dataclass(frozen=True)
class Limits:
    max_sessions: int = 40
    idle_timeout: float = 1800.0


class Tab(ForkedAppService):
    """One browser tab's game process: textual-serve's AppService, the process forked from the
    warm fork server (quiz.web.forks) rather than started through a shell."""

    def __init__(
        self, command: TabCommand, forks: ForkServerContext, language: str = "en", **kwargs: Any
    ) -> None:
        super().__init__("quiz.web.tab " + " ".join(command.args), **kwargs)
        self.tab_command = command
        self.language = language
        self.forks = forks
        self.last_input = time.monotonic()
        self.pid: int | None = None
        self.why_ended = "tab closed"

    async def open_process(self, environment: dict[str, str]) -> TabProcess:
        environment.update(self.tab_command.env)
        environment["QUIZ_LANG"] = self.language  # not the server's locale: the tab's player's
        process = await fork(self.forks, self.tab_command.args, environment)
        self.pid = process.pid
        return process

    async def end(self) -> None:
        """Ask the game to quit; kill it if it has not within QUIT_GRACE seconds."""
        process = self.process
        with suppress(Exception):  # timed out or failed: whatever happened, it ends below
            await asyncio.wait_for(self.stop(), QUIT_GRACE)
        if process is None:
            return
        if process.returncode is None:
            with suppress(ProcessLookupError):
                process.kill()
        try:
            await asyncio.wait_for(process.wait(), QUIT_GRACE)
        except TimeoutError:
            log.warning("tab process %s did not end", process.pid)


class QuizServer(Server):
    def __init__(
        self,
        command: TabCommand,
        *,
        host: str,
        port: int,
        access: Access,
        limits: Limits,
        say: Callable[[str], None] = print,
    ) -> None:
        super().__init__(
            "quiz", host, port, title="quiz", statics_path=STATICS, templates_path=TEMPLATES
        )
        self.tab_command = command
        self.forks: ForkServerContext | None = None  # started with the server
        self.access = access
        self.limits = limits
        self.say = say
        self.tabs: dict[str, Tab] = {}
        self.pages = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            enable_async=False,
            extensions=["jinja2.ext.i18n"],  # {{ _("…") }}: each page in its browser's language
        )
        self.cookie = f"{COOKIE}_{port}"  # cookies do not tell ports apart; tokens differ

    # -- the aiohttp application ------------------------------------------------------

    async def web_app(self) -> web.Application:
        """The aiohttp application (textual-serve's Server makes its own in a private
        `_make_app`, for its `serve()`, which quiz does not use: `run` serves this one)."""
        app = web.Application(middlewares=[self._door], client_max_size=MAX_MESSAGE)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
                web.get("/favicon.ico", _no_content),  # asked for by every browser
            ]
        )
        app.on_response_prepare.append(_headers)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _door(self, request: web.Request, handler: Any) -> web.StreamResponse:
        from_address = request.query.get("token")
        if not self.access.admits(request.host, from_address, request.cookies.get(self.cookie)):
            return self._page(
                "forbidden.html", 403, self.language_of(request), token=self.access.required
            )
        if request.path == "/ws" and not self.access.same_origin(
            request.headers.get("Origin"), request.host
        ):
            return self._page(
                "forbidden.html", 403, self.language_of(request), token=self.access.required
            )
        response: web.StreamResponse = await handler(request)
        if self.access.required and from_address and not response.prepared:
            # The address carried the token: the cookie carries it for the page's own
            # requests (its script, its websocket), never to another site.
            response.set_cookie(
                self.cookie, from_address, httponly=True, samesite="Strict", path="/"
            )
        return response

    def language_of(self, request: web.Request) -> str:
        """The teacher's language for every tab (--lang), else this browser's."""
        return self.tab_command.language or from_accept_language(
            request.headers.get("Accept-Language")
        )

    def _page(self, name: str, status: int, language: str = "en", **context: Any) -> web.Response:
        said = translations(language)
        # Jinja marks a translation safe before it fills in the values: the translation is
        # escaped here first, so a catalogue's text is text in the page, never HTML.
        self.pages.install_gettext_callables(  # type: ignore[attr-defined]
            lambda message: escape(said.gettext(message)),
            lambda one, many, n: escape(said.ngettext(one, many, n)),
            newstyle=True,
        )
        text = self.pages.get_template(name).render(lang=language, **context)
        response = web.Response(text=text, status=status, content_type="text/html")
        response.headers["Content-Security-Policy"] = CSP
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_index(self, request: web.Request) -> web.Response:
        language = self.language_of(request)
        if len(self.tabs) >= self.limits.max_sessions:
            return self._page("full.html", 503, language, most=self.limits.max_sessions)
        scheme = "wss" if request.secure else "ws"
        return self._page(
            "index.html",
            200,
            language,
            websocket_url=f"{scheme}://{request.host}/ws",
            font_size=_number(request.query.get("fontsize"), 16, (8, 48)),
        )

    # -- one tab ----------------------------------------------------------------------

    async def handle_websocket(  # type: ignore[override]
        self, request: web.Request
    ) -> web.StreamResponse:
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        if not websocket.can_prepare(request).ok:  # a plain GET: no tab, no traceback
            return web.Response(status=400, text=websocket_only())
        language = self.language_of(request)
        if len(self.tabs) >= self.limits.max_sessions:
            return self._page("full.html", 503, language, most=self.limits.max_sessions)
        width = _number(request.query.get("width"), 80, TERMINAL_SIZE)
        height = _number(request.query.get("height"), 24, TERMINAL_SIZE)
        assert self.forks is not None
        tab = Tab(
            self.tab_command,
            self.forks,
            language,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.tabs[tab.app_service_id] = tab  # counted before the first await: no overshoot
        idle: asyncio.Task[None] | None = None
        try:
            await websocket.prepare(request)
            await tab.start(width, height)
            self.say(f"tab opened (process {tab.pid}; {len(self.tabs)} of {self._most} at once)")
            idle = asyncio.create_task(self._close_when_idle(tab, websocket))
            await self._relay(websocket, tab)
        except asyncio.CancelledError:
            tab.why_ended = "server stopping"
        except Exception:  # noqa: BLE001 - one tab's failure is logged, never the server's
            log.exception("tab %s failed", tab.pid)
        finally:
            if idle is not None:
                idle.cancel()
            await tab.end()
            self.tabs.pop(tab.app_service_id, None)
            if not websocket.closed:
                await websocket.close()
            if tab.pid is not None:
                self.say(f"tab closed (process {tab.pid}; {tab.why_ended}; {len(self.tabs)} open)")
        return websocket

    @property
    def _most(self) -> int:
        return self.limits.max_sessions

    async def _relay(self, websocket: web.WebSocketResponse, tab: Tab) -> None:
        """The browser's messages to the game: keys, resizes, focus, pings. Anything else,
        or anything malformed, is dropped."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                tab.last_input = time.monotonic()
                await tab.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await tab.set_terminal_size(
                    _number(data.get("width"), 80, TERMINAL_SIZE),
                    _number(data.get("height"), 24, TERMINAL_SIZE),
                )
            elif kind == "ping" and isinstance(data, str) and len(data) < 64:
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await tab.blur()
            elif kind == "focus":
                await tab.focus()
        if tab.relay_ended:
            tab.why_ended = "game quit"

    async def _close_when_idle(self, tab: Tab, websocket: web.WebSocketResponse) -> None:
        timeout = self.limits.idle_timeout
        while True:
            left = tab.last_input + timeout - time.monotonic()
            if left <= 0:
                break
            await asyncio.sleep(min(left, 60.0))
        tab.why_ended = f"no key pressed for {timeout:g} s"
        await tab.end()
        await websocket.close()

    # -- start and stop ---------------------------------------------------------------

    async def on_shutdown(self, app: web.Application) -> None:
        for tab in list(self.tabs.values()):
            tab.why_ended = "server stopping"
        await asyncio.gather(*(tab.end() for tab in list(self.tabs.values())))

    async def run(self, started: Callable[[int], None]) -> None:
        """Serve until SIGINT or SIGTERM; `started(port)` once listening (port 0 picks one)."""
        logging.basicConfig(level=logging.WARNING, format="quiz serve: %(message)s")
        self.forks = context(self.tab_command.env)
        runner = web.AppRunner(await self.web_app(), handle_signals=False, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            port = self.port or _bound_port(runner)
            self.cookie = f"{COOKIE}_{port}"
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            started(port)
            await stop.wait()
        finally:
            await runner.cleanup()


# Every download: nothing loaded from anywhere (a screenshot's styles are inline, its
# images data:), no script, and the type as sent.
DOWNLOAD_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "sandbox",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    """Headers every response carries, set as it starts (a streamed response, such as a
    download or the websocket's handshake, cannot take them once under way). A download (a
    tab's screenshot, made by textual-serve's handler) may load nothing and run nothing."""
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if request.path.startswith("/download/"):
        response.headers.update(DOWNLOAD_HEADERS)


async def _no_content(request: web.Request) -> web.Response:
    return web.Response(status=204)


def _number(value: object, default: int, bounds: tuple[int, int]) -> int:
    try:
        n = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return max(bounds[0], min(bounds[1], n))


def _bound_port(runner: web.AppRunner) -> int:
    """The port the system chose for --port 0."""
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return 0
