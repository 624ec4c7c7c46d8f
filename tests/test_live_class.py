"""A whole live class, as the issue asks: the teacher's screen driven with Pilot, three
students in headless Chromium with a phone's viewport, and one `quiz join` in a real
terminal (tmux), from the lobby to the podium; then `quiz results` agrees with what each
did."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from helpers import moon
from quiz.classroom.results import class_results
from quiz.clock import ManualClock
from quiz.live.game import LiveGame, Phase, keep_with, live_paper
from quiz.live.server import LiveServer, Writer
from quiz.question import One, Text
from quiz.store import open_store
from quiz.tui.screens.live_host import HostApp
from test_live_browser import ARGS, CHROMIUM, _why_not
from test_terminal import TMUX, Tmux

pytestmark = [
    pytest.mark.skipif(_why_not() is not None, reason=str(_why_not())),
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed: `quiz join` runs in it"),
]


async def test_a_class_plays_from_the_lobby_to_the_podium(tmp_path: Path):
    from playwright.async_api import async_playwright, expect

    store = open_store(str(tmp_path / "class.db"), ManualClock())
    game = LiveGame(live_paper(moon(), 2, seed=3), clock=ManualClock())
    tf, typed = game.questions
    assert isinstance(tf.key, One) and isinstance(typed.key, Text)
    wrong_tf = 1 - tf.key.right
    server = LiveServer(game, writer=Writer(keep_with(store)))
    app = HostApp(server)
    tmux = Tmux(tmp_path)
    env = {k: v for k, v in os.environ.items() if k.startswith(("QUIZ_", "XDG_"))}
    try:
        async with app.run_test(size=(120, 60)) as pilot, async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            pages = []
            for name in ("Ana", "Ben", "Cy"):
                context = await browser.new_context(
                    viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True
                )
                page = await context.new_page()
                await page.goto(server.url())
                await page.get_by_role("textbox", name="Name").fill(name)
                await page.get_by_role("button", name="Join").click()
                await expect(page.get_by_role("heading", name="You are in!")).to_be_visible()
                pages.append(page)
            ana, ben, cy = pages
            command = [sys.executable, "-m", "quiz", "join", server.url(), "--name", "Jo"]
            tmux.start(command, env, tmp_path / "status")
            while game.find("Jo") is None:
                await pilot.pause(0.05)
            assert "4 joined" in app.shown.plain

            await pilot.press("enter")  # the true/false question
            right_tf, wrong_text = tf.options[tf.key.right], tf.options[wrong_tf]
            await ana.get_by_role("button", name=right_tf, exact=True).tap()
            await ben.get_by_role("button", name=wrong_text, exact=True).tap()
            await cy.get_by_role("button", name=right_tf, exact=True).tap()
            await asyncio.to_thread(tmux.wait_for, "the question", lambda s: "1 ▲" in s)
            tmux.keys(str(tf.key.right + 1))
            while game.phase is not Phase.REVEAL:  # everyone answered: it closes
                await pilot.pause(0.05)
            await pilot.pause(0.1)
            assert "Right 3 · partly right 0 · wrong 1 · no answer 0" in app.shown.plain
            await expect(ben.get_by_role("heading", name="Wrong")).to_be_visible()
            await asyncio.to_thread(tmux.wait_for, "the reveal", lambda s: "Right!" in s)

            await pilot.press("enter", "enter")  # the leaderboard, the typed question
            await ana.get_by_role("textbox", name="Answer").fill(typed.key.answer)
            await ana.get_by_role("button", name="Send").tap()
            await ben.get_by_role("textbox", name="Answer").fill("Ocean of Storms")
            await ben.get_by_role("button", name="Send").tap()
            await asyncio.to_thread(tmux.wait_for, "the typed question", lambda s: "Type" in s)
            tmux.keys(typed.key.answer, "Enter")
            while game.answered_count() < 3:
                await pilot.pause(0.05)
            await pilot.press("enter")  # Cy never answers: the teacher ends it
            await pilot.press("enter", "enter")  # the leaderboard, the podium
            await expect(cy.get_by_role("heading", name="Podium")).to_be_visible()
            await asyncio.to_thread(tmux.wait_for, "the podium", lambda s: "Podium" in s)
            assert "Podium" in app.shown.plain
            await browser.close()
    finally:
        tmux.kill()
    marks = {s.player: s for s in class_results(store, game.paper).sittings}
    assert {n: (m.right, m.wrong, m.blank) for n, m in marks.items()} == {
        "Ana": (2, 0, 0),
        "Ben": (0, 2, 0),
        "Cy": (1, 0, 1),
        "Jo": (2, 0, 0),
    }
    assert all(m.status == "done" for m in marks.values())
    store.close()
