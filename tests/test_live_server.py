"""The live game's server: a whole game played by websocket clients (aiohttp's), the door
(token, PIN, Host, Origin), the page's headers, rejoining with the page's secret, and the
results kept as a paper's sittings."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from helpers import moon
from quiz import lang
from quiz.classroom.results import class_results
from quiz.clock import ManualClock
from quiz.live.game import LiveGame, Phase, keep_with, live_paper
from quiz.live.server import LiveServer, Writer
from quiz.round.codes import Shape
from quiz.store import open_store
from quiz.web.access import Access
from test_live_game import right, wrong_option


class Phone:
    """A student's websocket, as the page uses it."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.states: list[dict[str, Any]] = []

    async def next(self, kind: str, **match: Any) -> dict[str, Any]:
        """The next message of this type (and these values); states are kept as they come."""
        while True:
            m = json.loads((await asyncio.wait_for(self.ws.receive(), 10)).data)
            if m["type"] == "state":
                self.states.append(m)
            if m["type"] == kind and all(m.get(k) == v for k, v in match.items()):
                return m

    async def send(self, **m: Any) -> None:
        await self.ws.send_str(json.dumps(m))


async def phone(session: aiohttp.ClientSession, url: str) -> Phone:
    p = Phone(await session.ws_connect(url))
    await p.next("hello")
    return p


@pytest.fixture
async def served(tmp_path: Path):
    store = open_store(str(tmp_path / "live.db"), ManualClock())
    clock = ManualClock()
    game = LiveGame(live_paper(moon(), 4, seed=3), clock=clock, seconds=20)
    server = LiveServer(game, writer=Writer(keep_with(store)))
    await server.start()
    yield server, clock, store
    await server.stop()
    store.close()


async def test_a_whole_game_played_by_websockets(served):
    server, clock, store = served
    game = server.game
    url = f"http://127.0.0.1:{server.port}/ws"
    async with aiohttp.ClientSession() as session:
        ana, ben = await phone(session, url), await phone(session, url)
        await ana.send(type="join", name="Ana")
        joined = await ana.next("joined")
        assert joined["name"] == "Ana" and joined["secret"]
        await ben.send(type="join", name="ana")
        refused = await ben.next("refused")
        assert refused["code"] == "taken"
        await ben.send(type="join", name="Ben")
        await ben.next("joined")
        assert await server.act(game.advance) is None  # the teacher starts
        for _ in range(game.total):
            q = game.current
            state = await ana.next("state", phase="question", index=game.index)
            assert state["prompt"] == q.prompt and state["options"] == list(q.options)
            clock.tick(1)
            await ana.send(type="answer", question=game.index, response=right(q))
            ack = await ana.next("ack")
            assert ack["question"] == game.index and ack["seconds"] == 1
            wrong: object = wrong_option(q) if q.shape is Shape.ONE else None
            if wrong is not None:
                await ben.send(type="answer", question=game.index, response=wrong)
                await ben.next("ack")
            else:
                await server.act(game.advance)  # the teacher ends it for Ben
            shown = await ana.next("state", phase="reveal")
            assert shown["verdict"] == "right" and shown["points"] == 975
            assert shown["answer"] == q.answer_text()
            assert shown["quote"]["marked"] == q.quote.text
            theirs = await ben.next("state", phase="reveal")
            assert theirs["verdict"] == ("wrong" if wrong is not None else "blank")
            await server.act(game.advance)
            board = await ana.next("state", phase="leaderboard")
            assert board["board"][0]["name"] == "Ana" and board["rank"] == 1
            await server.act(game.advance)
        podium = await ben.next("state", phase="podium")
        assert [s["name"] for s in podium["board"]] == ["Ana", "Ben"]
    assert game.phase is Phase.PODIUM
    await asyncio.to_thread(server.writer.close)
    results = class_results(store, game.paper)
    marks = {s.player: s for s in results.sittings}
    assert marks["Ana"].right == game.total and marks["Ana"].status == "done"
    assert marks["Ben"].right == 0


async def test_a_phone_that_reconnects_gets_its_score_back(served):
    server, clock, _ = served
    game = server.game
    url = f"http://127.0.0.1:{server.port}/ws"
    async with aiohttp.ClientSession() as session:
        ana = await phone(session, url)
        await ana.send(type="join", name="Ana")
        secret = (await ana.next("joined"))["secret"]
        await phone(session, url)  # someone who never joins: the question waits for Ana only
        await server.act(game.advance)
        await ana.send(type="answer", question=0, response=right(game.current))
        await ana.next("ack")
        await ana.ws.close()
        again = await phone(session, url)
        await again.send(type="join", name="ana", secret="not the secret")
        assert (await again.next("refused"))["code"] == "taken"
        await again.send(type="join", name="Ana", secret=secret)
        await again.next("joined")
        state = await again.next("state")
        assert state["score"] == 1000 and state["phase"] == "reveal"


async def test_bad_messages_are_dropped_and_bad_answers_refused(served):
    server, _, _ = served
    url = f"http://127.0.0.1:{server.port}/ws"
    async with aiohttp.ClientSession() as session:
        ana = await phone(session, url)
        await ana.ws.send_str("not json")
        await ana.ws.send_str("[1, 2]")
        await ana.send(type="answer", question=0, response=0)  # not joined: ignored
        await ana.send(type="join", name="<b>Ana</b>\u200b")
        assert (await ana.next("refused"))["code"] == "name"
        await ana.send(type="join", name="<b>Ana</b>")
        assert (await ana.next("joined"))["name"] == "<b>Ana</b>"  # text, shown as text
        await server.act(server.game.advance)
        await ana.send(type="answer", question=0, response={"x": 1})
        assert (await ana.next("refused"))["code"] == "invalid"
        await ana.send(type="answer", question=3, response=0)
        assert (await ana.next("refused"))["code"] == "closed"


async def test_the_page_loads_nothing_from_elsewhere(served):
    server, _, _ = served
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{server.port}/") as r:
            page = await r.text()
            csp = r.headers["Content-Security-Policy"]
        assert r.status == 200 and "default-src 'none'" in csp and "http" not in csp
        assert "http" not in page and '<script src="page.js"' in page
        async with session.get(f"http://127.0.0.1:{server.port}/page.js") as r:
            script = await r.text()
        assert "innerHTML" not in script and "textContent" in script
        # A name that only resolves here (DNS rebinding) is not this computer.
        async with session.get(
            f"http://127.0.0.1:{server.port}/", headers={"Host": "evil.example"}
        ) as r:
            assert r.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(
                f"http://127.0.0.1:{server.port}/ws", headers={"Origin": "http://evil.example"}
            )
        assert refused.value.status == 403


async def test_any_other_address_needs_the_token_and_the_pin(tmp_path: Path):
    game = LiveGame(live_paper(moon(), 2, seed=3), clock=ManualClock())
    # A token given is asked on loopback too: the door of a class on 0.0.0.0, tested without
    # opening a port to the network.
    server = LiveServer(game, access=Access.for_host("127.0.0.1", "class-token-1"), pin="123456")
    await server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        # (a jar that keeps an IP address's cookies, as a browser does)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with session.get(f"{base}/") as r:
                assert r.status == 403
            async with session.get(f"{base}/?token=wrong-token") as r:
                assert r.status == 403
            async with session.get(f"{base}/?token=class-token-1") as r:
                assert r.status == 200  # and the cookie carries the token from here on
            ana = await phone(session, f"{base}/ws")
            await ana.send(type="join", name="Ana", pin="654321")
            assert (await ana.next("refused"))["code"] == "pin"
            await ana.send(type="join", name="Ana", pin="123456")
            assert (await ana.next("joined"))["name"] == "Ana"
        assert server.url().endswith("?token=class-token-1")
    finally:
        await server.stop()


async def test_each_phone_is_refused_in_its_own_language(served):
    """The teacher's terminal speaks English; a Lithuanian phone's refusals are Lithuanian,
    an English phone's English, from the same server at the same time."""
    server, _, _ = served
    url = f"http://127.0.0.1:{server.port}/ws"
    async with aiohttp.ClientSession() as lt, aiohttp.ClientSession() as en:
        jonas = Phone(await lt.ws_connect(url, headers={"Accept-Language": "lt-LT,lt;q=0.9"}))
        await jonas.next("hello")
        ann = await phone(en, url)
        await jonas.send(type="join", name="Jonas")
        await jonas.next("joined")
        await ann.send(type="join", name="jonas")  # the same name: taken
        assert (await ann.next("refused"))["message"] == (
            "Jonas is in this game already: choose another name."
        )
        await jonas.send(type="answer", question=3, response=0)
        said = (await jonas.next("refused"))["message"]
        lithuanian = lang.translations("lt").gettext("No question is open.")
        assert said == lithuanian != "No question is open."
        await server.act(server.game.advance)
        await jonas.send(type="answer", question=0, response={"x": 1})  # no answer at all
        unreadable = (await jonas.next("refused", code="invalid"))["message"]
        await ann.send(type="join", name="Ann")
        await ann.next("joined")
        await ann.send(type="answer", question=0, response={"x": 1})
        assert (await ann.next("refused", code="invalid"))["message"] != unreadable
