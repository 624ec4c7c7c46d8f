"""`quiz join URL`: a student in a terminal plays a live game through the server, driven with
Textual's Pilot; the address given is checked."""

from __future__ import annotations

import pytest

from helpers import moon, run_quiz
from quiz.clock import ManualClock
from quiz.commands import UsageError
from quiz.commands.join import ws_url
from quiz.live.game import LiveGame, Phase, live_paper
from quiz.live.server import LiveServer
from quiz.question import Many, One, Order, Text
from quiz.tui.screens.live_join import JoinApp
from quiz.web.access import Access


def test_the_address_shown_leads_to_the_games_websocket():
    assert (
        ws_url("http://10.0.0.5:8000/?token=abc-123_x") == "ws://10.0.0.5:8000/ws?token=abc-123_x"
    )
    assert ws_url("https://quiz.school.example/") == "wss://quiz.school.example/ws"
    for bad in ("ftp://x/", "10.0.0.5:8000", "http:///"):
        with pytest.raises(UsageError):
            ws_url(bad)


def test_join_refuses_a_bad_name_in_one_line():
    r = run_quiz("join", "http://127.0.0.1:9/", "--name", "a\x1bb")
    assert r.returncode == 2 and r.stderr.startswith("quiz: --name:")
    assert "Traceback" not in r.stderr


async def test_a_student_plays_in_the_terminal():
    clock = ManualClock()
    # the first seed whose paper is one answer to pick, typed, select-all, time order (which
    # seed gives it changes with the rounds' rules)
    wanted = [One, Text, Many, Order]
    seed = next(
        s
        for s in range(500)
        if [type(q.key) for q in LiveGame(live_paper(moon(), 4, seed=s)).questions] == wanted
    )
    game = LiveGame(live_paper(moon(), 4, seed=seed), clock=clock)
    server = LiveServer(game, access=Access.for_host("127.0.0.1", "join-token-1"), pin="112233")
    await server.start()
    try:
        app = JoinApp(ws_url(server.url()), None, None)
        async with app.run_test(size=(100, 40)) as pilot:

            async def until(ready, what: str) -> None:
                for _ in range(200):
                    await pilot.pause(0.02)
                    if ready():
                        return
                raise AssertionError(f"waited for {what}; the screen: {app.shown.plain!r}")

            await until(lambda: app.asking == "pin", "the PIN asked")
            await pilot.press(*"112233", "enter")
            await until(lambda: app.asking == "name", "the name asked")
            await pilot.press(*"Tom", "enter")
            await until(lambda: game.find("Tom") is not None, "Tom in the game")
            tom = game.find("Tom")
            assert tom is not None

            await server.act(game.advance)
            first = game.current
            await until(lambda: first.prompt in app.shown.plain, "the first question")
            assert isinstance(first.key, One)
            await pilot.press(str(first.key.right + 1))
            await until(lambda: game.phase is Phase.REVEAL, "the answer")  # everyone answered
            await until(lambda: "Right!" in app.shown.plain, "the reveal")
            assert first.quote.text in app.shown.plain

            await server.act(game.advance)
            await server.act(game.advance)
            typed = game.current
            assert isinstance(typed.key, Text)
            await until(lambda: app.asking == "answer", "the answer's field")
            await pilot.press(*typed.key.answer, "enter")
            await until(lambda: game.phase is Phase.REVEAL, "the typed answer")

            await server.act(game.advance)
            await server.act(game.advance)
            many = game.current
            assert isinstance(many.key, Many)
            await until(lambda: many.prompt in app.shown.plain, "the select-all")
            await pilot.press(*(str(i + 1) for i in sorted(many.key.right)), "enter")
            await until(lambda: game.phase is Phase.REVEAL, "the select-all's answer")
            assert all(a.grade.correct for a in tom.answers.values())

            await server.act(game.advance)
            await server.act(game.advance)
            order = game.current
            assert isinstance(order.key, Order)
            await until(lambda: order.prompt in app.shown.plain, "the time order")
            await pilot.press("1", "backspace")  # a slip, started again
            await pilot.press(*(str(i + 1) for i in order.key.order), "enter")
            await until(lambda: game.phase is Phase.REVEAL, "the order")

            await server.act(game.advance)
            await server.act(game.advance)
            await until(lambda: "Podium" in app.shown.plain, "the podium")
            assert "Tom" in app.shown.plain
    finally:
        await server.stop()


async def test_a_name_given_on_the_command_line_plays_by_digits_at_once():
    """No field asked for, none focused: the first key is the answer (the field, hidden,
    must not swallow it)."""
    game = LiveGame(live_paper(moon(), 1, seed=3), clock=ManualClock())
    server = LiveServer(game)
    await server.start()
    try:
        app = JoinApp(ws_url(server.url()), "Una", None)
        async with app.run_test(size=(100, 40)) as pilot:
            for _ in range(200):
                await pilot.pause(0.02)
                if game.find("Una") is not None:
                    break
            await server.act(game.advance)
            q = game.current
            for _ in range(200):
                await pilot.pause(0.02)
                if q.prompt in app.shown.plain:
                    break
            assert isinstance(q.key, One)
            await pilot.press(str(q.key.right + 1))
            for _ in range(200):
                await pilot.pause(0.02)
                if game.phase is Phase.REVEAL:
                    break
            una = game.find("Una")
            assert una is not None and una.answers[0].grade.correct
    finally:
        await server.stop()
