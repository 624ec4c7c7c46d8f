"""Every screen of the full-screen game, the live class's screens and pages, drawn in
Lithuanian: no message they look up is missing from the Lithuanian catalogue (test_lang.Spy
records each one that would fall back to English). One app run walks many screens."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from textual.widgets import Input, SelectionList, Static

from apps import started, until
from conftest import MOON
from helpers import moon, right_response, wrong_response
from quiz import lang
from quiz.clock import ManualClock
from quiz.kind_labels import KIND_LABELS
from quiz.live.game import LiveGame, Phase, keep_with, live_paper
from quiz.live.server import LiveServer, Writer, words_js
from quiz.packs.registry import DEFAULT_PACK, resolve
from quiz.papers import Paper, encode, paper_spec
from quiz.services import make_services
from quiz.session import Session
from quiz.settings import Settings
from quiz.spec import PackRef, RoundSpec
from quiz.store import open_store
from quiz.tui.app import QuizApp
from quiz.tui.screens.history import HistoryScreen, PastRoundScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.limits import LimitsScreen
from quiz.tui.screens.modals import Choose, HelpScreen
from quiz.tui.screens.play import PlayScreen
from quiz.tui.screens.players import PlayersScreen
from quiz.tui.screens.report import ReportScreen
from quiz.tui.screens.source import SourceScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.web.access import Access
from test_lang import Spy
from test_tui import answer_right
from test_tui_exam import ExamReviewScreen, answer_all


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    """Lithuanian, spied on, once the language is set (the home screen's Ctrl+L or lt)."""
    real = lang.set_language
    found = Spy(lang.catalogue())

    def spied(code: str | None) -> str:
        chosen = real(code)
        if chosen == "lt":
            found.real = lang._catalogue
            monkeypatch.setattr(lang, "_catalogue", found)
        return chosen

    monkeypatch.setattr(lang, "set_language", spied)
    yield found
    real(None)


def seed_with_every_kind() -> int:
    pack = resolve(DEFAULT_PACK)  # the moon pack has no evidence questions
    for seed in range(300):
        kinds = {q.kind for q in Session(RoundSpec(PackRef.of(pack), seed, 7), pack).questions}
        if kinds == set(KIND_LABELS):
            return seed
    raise AssertionError("no seed gives every kind in 7 questions")


def texts(app: QuizApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static).results(Static))


async def test_the_whole_game_in_lithuanian_chosen_on_the_home_screen(
    spy: Spy, tmp_path: Path
) -> None:
    seed = seed_with_every_kind()
    app = QuizApp(make_services(packs=[MOON], player="Ann", db=str(tmp_path / "p.db")))
    async with started(app, size=(100, 34)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        await pilot.press("ctrl+k")  # the language (kalba), chosen here and remembered
        await until(pilot, lambda: isinstance(app.screen, Choose))
        await pilot.press("2")
        await until(
            pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data is not None
        )
        assert lang.language() == "lt" and Settings.load().get("language") == "lt"
        home = app.screen
        assert "Žaidėjas: Ann" in texts(app)
        home.query_one("#pack").value = DEFAULT_PACK  # type: ignore[attr-defined]
        home.query_one("#count", Input).value = "7"
        home.query_one("#seed", Input).value = str(seed)
        home.query_one("#kinds", SelectionList).select_all()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        s = screen.session
        first = True
        while s.total > len(s.outcomes):
            q = s.current
            if first and q.kind in ("choice", "true_false", "evidence"):
                await pilot.press(str(wrong_response(q) + 1))  # a wrong answer's feedback
            elif q.kind == "typed" and first:
                await pilot.press(*"zzz", "enter")
            else:
                await answer_right(pilot, q)
            if first:
                first = False
                await pilot.press("s")
                await until(pilot, lambda: isinstance(app.screen, SourceScreen))
                await pilot.press("escape")
                await pilot.press("question_mark")
                await until(pilot, lambda: isinstance(app.screen, HelpScreen))
                assert "Taškai" in app.screen.query_one("Markdown").source  # type: ignore[attr-defined]
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, PlayScreen))
            await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert "Raundas baigtas" in texts(app)
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        assert "Temų įvaldymas" in texts(app)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PastRoundScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, PlayersScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LimitsScreen))
        assert "Naujų faktų per dieną" in texts(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        footer = "\n".join(str(k.description) for k in app.screen.query("FooterKey"))
        assert "Pradėti" in footer or not footer
    assert spy.asked > 100 and spy.missing == set()


async def test_a_paper_sat_and_its_class_report_in_lithuanian(spy: Spy, tmp_path: Path) -> None:
    lang.set_language("lt")
    pack = moon()
    spec = paper_spec(pack, 8, 3, ("choice", "true_false"), time_limit=600)
    paper = Paper(encode(spec, pack), spec, pack)
    services = make_services(packs=[MOON], db=str(tmp_path / "p.db"), player="Ann",
                             clock=ManualClock())  # fmt: skip
    app = QuizApp(services)
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        app.screen.query_one("#paper", Input).value = paper.code
        await pilot.pause()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        assert "Liko laiko" in texts(app)
        await answer_all(pilot, right=False)
        await until(pilot, lambda: isinstance(app.screen, ExamReviewScreen))
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        app.screen.query_one("#paper", Input).value = paper.code
        await pilot.pause()
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, ReportScreen))
        assert "Klasės ataskaita" in texts(app)
    assert spy.missing == set()


async def test_the_live_class_in_lithuanian(spy: Spy, tmp_path: Path) -> None:
    """The teacher's screen and a student's terminal, and the phone page's words."""
    from quiz.commands.join import ws_url
    from quiz.tui.screens.live_host import HostApp
    from quiz.tui.screens.live_join import JoinApp

    lang.set_language("lt")
    store = open_store(str(tmp_path / "live.db"), ManualClock())
    game = LiveGame(live_paper(moon(), 2, seed=3), clock=ManualClock(), seconds=20)
    server = LiveServer(game, access=Access.for_host("127.0.0.1", "live-token-1"), pin="135790",
                        writer=Writer(keep_with(store)))  # fmt: skip
    host = HostApp(server)
    async with host.run_test(size=(120, 50)) as pilot:
        assert "Žaidimo PIN kodas: 135790" in str(host.query_one("#top").render())
        student = JoinApp(ws_url(server.url()), "Ona", "135790")
        async with student.run_test(size=(100, 40)) as phone:
            for _ in range(200):
                await phone.pause(0.02)
                if game.find("Ona") is not None:
                    break
            await pilot.press("enter")  # the first question
            await phone.pause(0.1)
            q = game.current
            await phone.press(str(right_response(q) + 1))
            for _ in range(200):
                await phone.pause(0.02)
                if game.phase is Phase.REVEAL:
                    break
            await pilot.pause(0.1)
            assert "Teisingai" in student.shown.plain
            await pilot.press("enter")  # the leaderboard
            await phone.pause(0.1)
            await pilot.pause(0.1)
            assert "Rezultatų lentelė" in host.shown.plain
    said = words_js("lt")
    assert "Siųsti" in said.encode().decode("unicode_escape") and '"lang": "lt"' in said
    assert words_js("en") == 'window.QUIZ_WORDS = {"lang": "en", "words": {}, "plurals": {}};\n'
    assert '"plurals": {"{n} point": ["{n} ta' in said.encode().decode("unicode_escape")
    assert spy.missing == set()


async def test_served_pages_and_the_live_page_follow_the_browser_unless_fixed() -> None:
    """quiz serve's page and each tab (QUIZ_LANG in its environment), and the live page's
    words.js: the browser's Accept-Language, unless the teacher gave --lang."""
    from aiohttp.test_utils import TestClient, TestServer, make_mocked_request

    from quiz.web.server import Limits, QuizServer, TabCommand

    def served(language: str | None) -> QuizServer:
        command = TabCommand([], {}, language=language)
        door = Access.for_host("127.0.0.1")
        return QuizServer(command, host="127.0.0.1", port=0, access=door, limits=Limits())

    lithuanian = {"Accept-Language": "lt-LT,lt;q=0.9,en;q=0.5"}
    async with TestClient(TestServer(await served(None).web_app())) as client:
        page = await (await client.get("/", headers=lithuanian)).text()
        assert '<html lang="lt">' in page and "paleidžiamas jūsų žaidimas" in page
        page = await (await client.get("/", headers={"Accept-Language": "en-GB"})).text()
        assert '<html lang="en">' in page and "starting your game" in page
    fixed = served("en")
    assert fixed.language_of(make_mocked_request("GET", "/ws", headers=lithuanian)) == "en"
    assert served(None).language_of(make_mocked_request("GET", "/ws", headers=lithuanian)) == "lt"

    game = LiveGame(live_paper(moon(), 1, seed=3), clock=ManualClock())
    for language, header, expected in ((None, "lt", "Siųsti"), ("en", "lt", None)):
        live = LiveServer(game, language=language)
        await live.start()
        try:
            async with aiohttp.ClientSession() as web:
                got = await web.get(f"{live.url()}words.js", headers={"Accept-Language": header})
                said = (await got.text()).encode().decode("unicode_escape")
        finally:
            await live.stop()
        assert (expected in said) if expected else '"words": {}' in said
