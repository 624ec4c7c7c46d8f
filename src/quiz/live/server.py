"""The live game's web server: one asyncio process serves the students' page and carries the
game to every phone over a websocket (JSON messages), whatever the size of the class.

- GET / is a light page (page/): no terminal emulator, nothing loaded from another host (its
  Content-Security-Policy allows only this server), made for a 360×640 touch screen.
- The door is `quiz serve`'s (quiz.web.access): on loopback nothing is asked but a Host
  header naming this computer; on any other address the token (in the address, then a
  cookie) and, to join, the game's PIN. A websocket opened by another site's page is refused.
- Names and answers are untrusted: the game checks names as every player name is checked,
  answers are graded by the question's key, and the page writes every text with textContent.
- The game (quiz.live.game) is only touched on the event loop; the store's writes run on one
  thread of their own, in order, and an answer is acknowledged once its write is kept (on
  the store, or in its outbox until the store is back).

This module imports aiohttp, never Textual: the teacher's screen (quiz.live.host_app) runs
this server on its own loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gettext
import hmac
import json
import logging
import queue
import re
import secrets
import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from quiz.lang import N_, _, speaking
from quiz.live.game import Answer, LiveGame, Phase, Refused, StoreKeeper, Student
from quiz.question import InvalidResponse, Question
from quiz.round.codes import Shape
from quiz.store.saver import BATCH
from quiz.store.writes import Write
from quiz.web.access import Access

PAGE = Path(__file__).parent / "page"
MAX_MESSAGE = 4 * 1024  # a join or an answer: a name, a PIN, a typed answer of 200 characters
TICK = 0.1  # seconds between looks at the question's clock
PIN_DIGITS = 6

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
FILES = {
    "/": ("page.html", "text/html"),
    "/page.js": ("page.js", "text/javascript"),
    "/page.css": ("page.css", "text/css"),
}
# The page's own messages, as page.js asks for them: _("…") and ngettext("…", "…", n).
_JS_MESSAGE = re.compile(r'\b_\("((?:[^"\\]|\\.)*)"')
_JS_PLURAL = re.compile(r'\bngettext\("((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"')

log = logging.getLogger("quiz.live")


def words_js(code: str) -> str:
    """`window.QUIZ_WORDS`: page.js's messages translated into `code` (those the catalogue
    has), each plural with its forms, as a script the page's policy lets it load."""
    from quiz.lang import translations

    catalogue = translations(code)
    source = (PAGE / "page.js").read_text(encoding="utf-8")
    said: dict[str, str] = {}
    for raw in _JS_MESSAGE.findall(source):
        message = json.loads(f'"{raw}"')
        if catalogue.gettext(message) != message:
            said[message] = catalogue.gettext(message)
    plurals: dict[str, list[str]] = {}
    forms = 3 if code == "lt" else 2
    for one, many in _JS_PLURAL.findall(source):
        one, many = json.loads(f'"{one}"'), json.loads(f'"{many}"')
        found = [catalogue.ngettext(one, many, n) for n in (1, 2, 10)[:forms]]
        if found != [one, many][:forms]:
            plurals[one] = found
    words = {"lang": code if said or plurals else "en", "words": said, "plurals": plurals}
    # "</" and U+2028 cannot end or break the script: json.dumps escapes non-ASCII
    return "window.QUIZ_WORDS = " + json.dumps(words).replace("</", "<\\/") + ";\n"


def new_pin() -> str:
    return f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"


class Writer:
    """The store's writes of a live game, on a thread of their own, so a slow store never
    holds up the game's loop; each write's future says when it is kept. The writes that wait
    together (a class answering within the same moments) go to the store together, in one
    commit, so the thousandth student's answer does not wait for 999 disk flushes."""

    def __init__(self, keep: StoreKeeper) -> None:
        self._keep = keep
        self._queue: queue.Queue[tuple[Write, concurrent.futures.Future[None]] | None] = (
            queue.Queue()
        )
        self._thread = threading.Thread(target=self._run, name="live-writer", daemon=True)
        self._thread.start()
        self.last: concurrent.futures.Future[None] | None = None
        self.failed = 0  # writes the store refused for good

    def put(self, w: Write) -> None:
        future: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._queue.put((w, future))
        self.last = future

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch, last = [first], False
            while len(batch) < BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    last = True
                    break
                batch.append(item)
            refusals: list[Exception | None]
            try:
                refusals = list(self._keep.all([w for w, _ in batch]))
            except Exception as exc:  # noqa: BLE001 - told to whoever waits on it, and counted
                refusals = [exc] * len(batch)
            for (_w, future), refusal in zip(batch, refusals, strict=True):
                if refusal is None:
                    future.set_result(None)
                else:
                    self.failed += 1
                    future.set_exception(refusal)
            if last:
                return

    def close(self, timeout: float = 10.0) -> None:
        """Wait for what is queued (at most `timeout` seconds), then stop."""
        self._queue.put(None)
        self._thread.join(timeout)


class LiveServer:
    def __init__(
        self,
        game: LiveGame,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        access: Access | None = None,
        pin: str | None = None,
        writer: Writer | None = None,
        say: Callable[[str], None] | None = None,
        language: str | None = None,
    ) -> None:
        self.game = game
        self.language = language  # the teacher's --lang; None: each browser's own
        self.host = host
        self.port = port
        self.access = access or Access.for_host(host)
        self.pin = pin or new_pin()
        self.writer = writer
        if writer is not None:
            game.keep = writer.put
        self.say = say
        self.sockets: dict[str, set[web.WebSocketResponse]] = {}  # by student key
        self.watchers: list[Callable[[], None]] = []  # told after each change (the host screen)
        self.cookie = "quiz_live_token"
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._seen = game.version
        self._stage = game.stage
        self._removed = len(game.removed)

    @property
    def listening(self) -> bool:
        return self._runner is not None

    @property
    def pin_required(self) -> bool:
        """The PIN is asked wherever the token is: on any address but loopback."""
        return self.access.required

    # -- the application ------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._door], client_max_size=MAX_MESSAGE)
        app.add_routes(
            [web.get(path, self.handle_file) for path in FILES]
            + [web.get("/words.js", self.handle_words)]
            + [web.get("/ws", self.handle_websocket), web.get("/favicon.ico", _no_content)]
        )
        app.on_response_prepare.append(_headers)
        return app

    @web.middleware
    async def _door(self, request: web.Request, handler: Any) -> web.StreamResponse:
        from_address = request.query.get("token")
        if not self.access.admits(request.host, from_address, request.cookies.get(self.cookie)):
            said = self.words_for(request).gettext(
                N_("This game needs the address with its token.")
            )
            return web.Response(status=403, text=said)
        if request.path == "/ws" and not self.access.same_origin(
            request.headers.get("Origin"), request.host
        ):
            return web.Response(
                status=403, text=self.words_for(request).gettext(N_("Not from this page."))
            )
        response: web.StreamResponse = await handler(request)
        if self.access.required and from_address and not response.prepared:
            response.set_cookie(
                self.cookie, from_address, httponly=True, samesite="Strict", path="/"
            )
        return response

    async def handle_file(self, request: web.Request) -> web.Response:
        name, kind = FILES[request.path]
        return web.Response(body=(PAGE / name).read_bytes(), content_type=kind, charset="utf-8")

    def language_of(self, request: web.Request) -> str:
        """The teacher's language (--lang), else this browser's."""
        from quiz.lang import from_accept_language

        return self.language or from_accept_language(request.headers.get("Accept-Language"))

    def words_for(self, request: web.Request) -> gettext.NullTranslations:
        from quiz.lang import translations

        return translations(self.language_of(request))

    async def handle_words(self, request: web.Request) -> web.Response:
        """The page's words in the teacher's language (--lang), else the browser's."""
        code = self.language_of(request)
        return web.Response(text=words_js(code), content_type="text/javascript", charset="utf-8")

    async def start(self) -> int:
        """Listen (port 0: one the system picks) and keep the question's clock: the port."""
        self._runner = web.AppRunner(self.app(), handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if not self.port:
            for address in self._runner.addresses:
                if isinstance(address, tuple) and len(address) >= 2:
                    self.port = int(address[1])
        self.cookie = f"quiz_live_token_{self.port}"  # cookies do not tell ports apart
        self._ticker = asyncio.create_task(self._tick())
        return self.port

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with suppress(asyncio.CancelledError):
                await self._ticker
        for group in list(self.sockets.values()):
            for ws in list(group):
                with suppress(Exception):
                    await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.writer is not None:
            await asyncio.to_thread(self.writer.close)

    def url(self, host: str | None = None) -> str:
        """The address students open (with the token when one is asked)."""
        shown = host or self.host
        if ":" in shown:
            shown = f"[{shown}]"
        base = f"http://{shown}:{self.port}/"
        return f"{base}?token={self.access.token}" if self.access.token else base

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            try:
                self.game.tick()
                await self.changed()
            except Exception:  # noqa: BLE001 - the clock goes on whatever one send did
                log.exception("live game tick failed")

    # -- the teacher's keys ------------------------------------------------------------------

    async def act(self, action: Callable[[], object]) -> str | None:
        """Run a teacher's action on the game and show the room what changed: None, or what
        the game refused."""
        try:
            action()
        except Refused as exc:
            return str(exc)
        finally:
            await self.changed()
        return None

    async def changed(self) -> None:
        """Tell the watchers (the teacher's screen) of any change, and send every student
        their view when the game's state has moved on (a join or an answer alone sends
        nothing to the others: see LiveGame._changed)."""
        if self.game.version == self._seen:
            return
        self._seen = self.game.version
        for watcher in list(self.watchers):
            watcher()
        if len(self.game.removed) != self._removed:
            self._removed = len(self.game.removed)
            await self._close_removed()
        if self.game.stage == self._stage:
            return
        self._stage = self.game.stage
        await asyncio.gather(
            *(
                self._send_state(key, ws)
                for key, group in list(self.sockets.items())
                for ws in list(group)
            ),  # fmt: skip
            return_exceptions=True,
        )

    async def _close_removed(self) -> None:
        for key in list(self.sockets):
            if key not in self.game.students:  # removed by the teacher
                for ws in self.sockets.pop(key):
                    with suppress(Exception):
                        await ws.send_json({"type": "removed"})
                        await ws.close()

    async def _send_state(self, key: str, ws: web.WebSocketResponse) -> None:
        student = self.game.students.get(key)
        if student is not None and not ws.closed:
            await ws.send_str(json.dumps(state_for(self.game, student)))

    # -- one phone ----------------------------------------------------------------------------

    @staticmethod
    async def _refuse(ws: web.WebSocketResponse, refused: Refused, phone: str) -> None:
        """Tell a phone what it asked is refused, in its own language."""
        with speaking(phone):
            said = refused.worded()
        await ws.send_json({"type": "refused", "code": refused.code, "message": said})

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(heartbeat=20, max_msg_size=MAX_MESSAGE)
        if not ws.can_prepare(request).ok:
            said = self.words_for(request).gettext(N_("This address is for the game's websocket."))
            return web.Response(status=400, text=said)
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "pin": self.pin_required, "code": self.game.code})
        phone = self.language_of(request)  # what this phone is told is in its language
        student: Student | None = None
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(message.data)
                except ValueError:
                    continue
                if not isinstance(data, dict):
                    continue
                kind = data.get("type")
                if kind == "join" and student is None:
                    student = await self._join(ws, data, phone)
                elif kind == "answer" and student is not None:
                    await self._answer(ws, student, data, phone)
        finally:
            if student is not None:
                group = self.sockets.get(student.key)
                if group is not None:
                    group.discard(ws)
        return ws

    async def _join(
        self, ws: web.WebSocketResponse, data: dict[str, Any], phone: str
    ) -> Student | None:
        name, secret, pin = data.get("name"), data.get("secret"), data.get("pin")
        if self.pin_required and not (
            isinstance(pin, str) and hmac.compare_digest(pin.strip().encode(), self.pin.encode())
        ):
            await self._refuse(ws, Refused("pin"), phone)
            return None
        if not isinstance(name, str) or len(name) > 200:
            with speaking(phone):
                said = _("a name please")
            await ws.send_json({"type": "refused", "code": "name", "message": said})
            return None
        try:
            with speaking(phone):  # a name refused says why in the phone's language
                student = self.game.join(name, secret if isinstance(secret, str) else None)
        except Refused as exc:
            await self._refuse(ws, exc, phone)
            return None
        self.sockets.setdefault(student.key, set()).add(ws)
        await ws.send_json({"type": "joined", "name": student.name, "secret": student.secret})
        await ws.send_str(json.dumps(state_for(self.game, student)))
        await self.changed()  # the lobby's count, the teacher's list
        return student

    async def _answer(
        self, ws: web.WebSocketResponse, student: Student, data: dict[str, Any], phone: str
    ) -> None:
        i = data.get("question")
        if i != self.game.index:
            await self._refuse(ws, Refused("closed"), phone)
            return
        try:
            given = self.game.answer(student, data.get("response"))
        except Refused as exc:
            await self._refuse(ws, exc, phone)
            await self.changed()
            return
        except InvalidResponse as exc:
            with speaking(phone):  # worded when said (str), so said in the phone's language
                said = str(exc)
            await ws.send_json({"type": "refused", "code": "invalid", "message": said})
            return
        kept = self.writer.last if self.writer is not None else None
        if kept is not None:
            try:
                await asyncio.wrap_future(kept)
            except Exception as exc:  # noqa: BLE001 - the store refused it: the phone is told
                with speaking(phone):
                    said = str(exc)
                await ws.send_json({"type": "refused", "code": "store", "message": said})
                return
        await ws.send_json({"type": "ack", "question": i, "seconds": round(given.seconds, 3)})
        await self.changed()


# -- what each phone is sent -------------------------------------------------------------------


def question_json(q: Question) -> dict[str, Any]:
    return {"prompt": q.prompt, "options": list(q.options), "shape": q.shape.value}


def state_for(game: LiveGame, student: Student) -> dict[str, Any]:
    """One student's view of the game now, as JSON-ready data (text as it is: the page
    writes it with textContent)."""
    out: dict[str, Any] = {
        "type": "state",
        "phase": game.phase.value,
        "name": student.name,
        "score": student.score,
        "index": game.index,
        "total": game.total,
        "players": len(game.students),
    }
    if game.phase is Phase.QUESTION:
        out.update(question_json(game.current))
        out["left"] = round(game.remaining(), 1)
        out["seconds"] = game.seconds
        out["paused"] = game.paused
        out["answered"] = game.index in student.answers
    elif game.phase is Phase.REVEAL:
        out.update(_feedback(game, student))
    elif game.phase in (Phase.LEADERBOARD, Phase.PODIUM):
        board = game.podium() if game.phase is Phase.PODIUM else game.leaderboard()
        out["board"] = [
            {"name": s.name, "score": s.score, "rank": s.rank, "climbed": s.climbed} for s in board
        ]
        out["rank"] = game.rank_of(student)
    return out


def _feedback(game: LiveGame, student: Student) -> dict[str, Any]:
    q = game.current
    given: Answer | None = student.answers.get(game.index)
    noun, main = game.quote()
    verdict = "blank" if given is None else given.grade.verdict.value
    return {
        "prompt": q.prompt,
        "shape": q.shape.value,
        "verdict": verdict,
        "given": (
            q.response_text(given.response)
            if given is not None and given.response is not None
            else None
        ),
        "points": 0 if given is None else given.points,
        "bonus": 0 if given is None else given.bonus,
        "answer": q.answer_text(),
        "rank": game.rank_of(student),
        "noun": noun,
        "quote": (
            {"before": main.before, "marked": main.marked, "after": main.after} if main else None
        ),
        "explanation": q.explanation,
        "numeric": q.shape is Shape.NUMBER,
    }


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)


async def _no_content(request: web.Request) -> web.Response:
    return web.Response(status=204)
