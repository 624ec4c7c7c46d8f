"""`quiz host`: the teacher's screen driven with Textual's Pilot while two students play by
websocket, from the lobby to the podium; the QR code drawn in the terminal; the command's
refusals."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import segno

from helpers import moon, run_quiz
from quiz.clock import ManualClock
from quiz.live.game import LiveGame, Phase, keep_with, live_paper
from quiz.live.qr import QUIET, qr_lines
from quiz.live.server import LiveServer, Writer
from quiz.store import open_store
from quiz.tui.screens.live_host import HostApp
from quiz.web.access import Access
from test_live_game import right
from test_live_server import phone


def test_the_qr_code_drawn_is_the_code_of_the_address():
    url = "http://192.168.1.20:8000/?token=abcdEFGH1234"
    lines = qr_lines(url)
    rows: list[list[bool]] = []
    for line in lines:
        rows.append([ch in "▀█" for ch in line])
        rows.append([ch in "▄█" for ch in line])
    expected = [
        [bool(m) for m in row] for row in segno.make(url, error="m").matrix_iter(border=QUIET)
    ]
    assert rows[: len(expected)] == expected
    assert all(not any(row) for row in rows[len(expected) :])  # the half line's padding


async def test_the_host_screen_runs_a_game_with_two_phones(tmp_path: Path):
    store = open_store(str(tmp_path / "live.db"), ManualClock())
    clock = ManualClock()
    game = LiveGame(live_paper(moon(), 2, seed=3), clock=clock, seconds=20)
    server = LiveServer(
        game, access=Access.for_host("127.0.0.1", "host-token-1"), pin="135790",
        writer=Writer(keep_with(store)),
    )  # fmt: skip
    app = HostApp(server)
    async with app.run_test(size=(120, 60)) as pilot:
        assert "Game PIN: 135790" in str(app.query_one("#top").render())
        assert app.urls == [f"http://127.0.0.1:{server.port}/?token=host-token-1"]
        assert app.urls[0] in app.shown.plain and "▀" in app.shown.plain  # the QR code
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as session:
            await session.get(app.urls[0])
            ana, ben = await phone(session, f"http://127.0.0.1:{server.port}/ws"), None
            await ana.send(type="join", name="Ana [b]x[/b]", pin="135790")
            await ana.next("joined")
            ben = await phone(session, f"http://127.0.0.1:{server.port}/ws")
            await ben.send(type="join", name="Ben", pin="135790")
            await ben.next("joined")
            cy = await phone(session, f"http://127.0.0.1:{server.port}/ws")
            await cy.send(type="join", name="Cy", pin="135790")
            await cy.next("joined")
            await pilot.pause()
            assert "3 joined" in app.shown.plain
            assert "Ana [b]x[/b]" in app.shown.plain  # shown as typed, never as markup
            await pilot.press("x")  # the teacher removes a name
            await pilot.pause()
            await pilot.press(*"cy", "enter")
            await cy.next("removed")
            await pilot.pause()
            assert "2 joined" in app.shown.plain and "Cy" not in app.shown.plain

            await pilot.press("enter")
            await ana.next("state", phase="question", index=0)
            assert game.current.prompt in app.shown.plain and "0 of 2 answered" in app.shown.plain
            await pilot.press("p")
            await pilot.pause()
            assert "PAUSED" in app.shown.plain
            await pilot.press("p")
            await ana.send(type="answer", question=0, response=right(game.current))
            await ana.next("ack")
            await pilot.pause()
            assert "1 of 2 answered" in app.shown.plain
            await pilot.press("enter")  # ends it early: Ben did not answer
            await ben.next("state", phase="reveal")
            shown = app.shown.plain
            assert "The answer: " + game.current.answer_text() in shown
            assert game.current.quote.text in shown and "no answer 1" in shown

            await pilot.press("enter")
            await pilot.pause()
            assert game.phase is Phase.LEADERBOARD and "Leaderboard" in app.shown.plain
            await pilot.press("enter")
            await ben.next("state", phase="question", index=1)
            await pilot.press("s")  # the last question skipped: the podium
            await ana.next("state", phase="podium")
            assert "Podium" in app.shown.plain and "Ana [b]x[/b]" in app.shown.plain
        await pilot.press("q")
    store.close()


def test_host_refuses_what_it_cannot_do(tmp_path: Path):
    r = run_quiz("host", "--player", "Ana", "--db", str(tmp_path / "t.db"))
    assert r.returncode == 2 and "--player is not for host" in r.stderr
    r = run_quiz("host", "--token", "no", "--db", str(tmp_path / "t.db"))
    assert r.returncode == 2 and r.stderr.startswith("quiz: --token:")
    assert "Traceback" not in r.stderr


async def test_quitting_mid_game_hands_the_sittings_in_and_tells_the_phones(tmp_path: Path):
    store = open_store(str(tmp_path / "live.db"), ManualClock())
    game = LiveGame(live_paper(moon(), 3, seed=3), clock=ManualClock())
    server = LiveServer(game, writer=Writer(keep_with(store)))
    app = HostApp(server)
    async with aiohttp.ClientSession() as session:
        async with app.run_test(size=(120, 60)) as pilot:
            ana = await phone(session, f"http://127.0.0.1:{server.port}/ws")
            await ana.send(type="join", name="Ana")
            await ana.next("joined")
            await pilot.press("enter")
            await ana.send(type="answer", question=0, response=right(game.current))
            await ana.next("ack")
            await pilot.press("q")
        await ana.next("state", phase="podium")  # told as the screen closed
    assert game.phase is Phase.PODIUM
    rows = store.db.execute("SELECT status FROM rounds WHERE paper = ?", (game.code,))
    assert rows == [("left",)]
    store.close()
