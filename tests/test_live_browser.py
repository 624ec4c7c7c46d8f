"""A phone plays the live game: headless Chromium (Debian's, at /usr/bin/chromium, driven by
Playwright's Python package) with a phone's viewport and touch, joining and answering by role
and name, as assistive technology would. The server asks for a token and a PIN (a token given
is asked on loopback too: the door of a class on 0.0.0.0, without opening a port)."""

from __future__ import annotations

import pytest

from helpers import moon
from quiz.clock import ManualClock
from quiz.live.game import LiveGame, live_paper
from quiz.live.server import LiveServer
from quiz.question import One, Text
from quiz.web.access import Access
from test_live_game import right
from test_serve_browser import ARGS, CHROMIUM, _why_not

pytestmark = pytest.mark.skipif(_why_not() is not None, reason=str(_why_not()))


async def test_a_phone_joins_and_answers_by_role_and_name():
    from playwright.async_api import async_playwright, expect

    clock = ManualClock()
    game = LiveGame(live_paper(moon(), 2, seed=3), clock=clock)
    first, second = game.questions
    assert isinstance(first.key, One) and isinstance(second.key, Text)  # seed 3's questions
    server = LiveServer(game, access=Access.for_host("127.0.0.1", "phone-token-1"), pin="246810")
    await server.start()
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = await browser.new_context(
                viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True
            )
            page = await context.new_page()
            await page.goto(server.url())
            await page.get_by_role("textbox", name="Name").fill("Ana <i>")
            await page.get_by_role("textbox", name="PIN").fill("111111")
            await page.get_by_role("button", name="Join").click()
            await expect(page.get_by_role("alert")).to_have_text("Wrong PIN.")
            await page.get_by_role("textbox", name="PIN").fill("246810")
            await page.get_by_role("button", name="Join").click()
            await expect(page.get_by_role("heading", name="You are in!")).to_be_visible()
            await expect(page.get_by_text("Ana <i> · 0 points")).to_be_visible()  # as text

            await server.act(game.advance)
            await expect(page.get_by_role("heading", name=first.prompt)).to_be_visible()
            option = first.options[first.key.right]
            await page.get_by_role("button", name=option, exact=True).tap()
            await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
            await expect(page.locator("mark")).to_have_text(first.quote.text)
            await server.act(game.advance)
            await expect(page.get_by_role("heading", name="Leaderboard")).to_be_visible()

            await server.act(game.advance)
            await page.get_by_role("textbox", name="Answer").fill(str(right(second)))
            await page.get_by_role("button", name="Send").tap()
            await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
            await expect(page.get_by_text("The answer: " + second.answer_text())).to_be_visible()

            await (
                page.reload()
            )  # a phone that locked: back with its name and score (a streak bonus in it)
            await expect(page.get_by_text("Ana <i> · 2100 points")).to_be_visible()
            await server.act(game.advance)
            await server.act(game.advance)
            await expect(page.get_by_role("heading", name="Podium")).to_be_visible()
            await browser.close()
    finally:
        await server.stop()
