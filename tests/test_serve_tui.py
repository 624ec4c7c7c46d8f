"""A served browser tab's game (served mode), driven in-process: it asks who is playing and
checks the name, then shows that player only: no switching or listing players, no other
names among the top scores, nothing of other players' stats; its settings stay in memory;
and `quiz serve --paper` checks its code as a tab with --paper decodes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, Static

from apps import started, until
from conftest import MOON
from quiz import rounds
from quiz.limits import MAX_NAME
from quiz.packs.loader import load_pack
from quiz.question import One
from quiz.scoring import Rules
from quiz.seat import BROWSER_TAB
from quiz.services import make_services
from quiz.settings import Settings
from quiz.store import open_store
from quiz.tui.app import QuizApp
from quiz.tui.screens.exam import ExamReviewScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.name import NameScreen
from quiz.tui.screens.play import PlayScreen
from quiz.tui.screens.players import PlayersScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.summary import SummaryScreen
from test_tui_progress import loaded_home, play_round_from_home


def served(db: Path, paper: str | None = None) -> QuizApp:
    """A tab as quiz.web.tab makes it: memory-only settings, served, the paper if any."""
    services = make_services(packs=[MOON], db=str(db), settings=Settings(None, {}))
    services.seat, services.paper = BROWSER_TAB, paper
    return QuizApp(services)


async def type_text(pilot, text: str) -> None:  # noqa: ANN001 - a Pilot
    for ch in text:
        await pilot.press({" ": "space", "[": "left_square_bracket"}.get(ch, ch))


async def sign_in(pilot, name: str) -> None:  # noqa: ANN001
    await until(pilot, lambda: isinstance(pilot.app.screen, NameScreen))
    await type_text(pilot, name)
    await pilot.press("enter")


def offered(app: QuizApp, action: str) -> bool:
    return any(b.binding.action == action and b.enabled for b in app.active_bindings.values())


def problem(app: QuizApp) -> str:
    return str(app.screen.query_one("#name-problem", Static).render())


async def test_a_tab_asks_the_name_first_and_checks_it(tmp_path: Path) -> None:
    app = served(tmp_path / "p.db")
    async with started(app) as pilot:
        assert isinstance(app.screen, NameScreen)
        await pilot.press("enter")  # nothing typed
        await until(pilot, lambda: "cannot be empty" in problem(app))
        app.screen.query_one("#name", Input).value = "Ann\x1b[31m"  # a pasted escape code
        await pilot.press("enter")
        await until(pilot, lambda: "control characters" in problem(app))
        app.screen.query_one("#name", Input).value = "a" * (MAX_NAME + 1)  # past max_length
        await pilot.press("enter")
        await until(pilot, lambda: f"at most {MAX_NAME}" in problem(app))
        assert isinstance(app.screen, NameScreen)
        name = "[bold]Zoë[/] [@click=app.quit]"
        app.screen.query_one("#name", Input).value = ""
        await type_text(pilot, name)
        await pilot.press("enter")
        home = await loaded_home(pilot)
        assert str(home.query_one("#player", Static).render()) == f"Player: {name}"  # literal
        assert app.return_code is None
    store = open_store(str(tmp_path / "p.db"))
    assert [p.name for p in store.players()] == [name]
    assert store.last_player() is None  # a tab never becomes the terminal's last player


async def test_a_tab_never_lists_or_switches_to_other_players(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    open_store(str(db)).player("Other pupil")
    app = served(db)
    async with started(app) as pilot:
        await sign_in(pilot, "Ann")
        home = await loaded_home(pilot)
        assert not home.query("#do-players")  # no Player button
        # a paper may be sat from a tab; the class report and other players are not offered
        buttons = sorted(b.id or "" for b in home.query(Button))
        assert buttons == ["do-paper", "do-start", "do-stats"]
        assert not offered(app, "players")  # Ctrl+O neither shown in the footer nor active
        await pilot.press("ctrl+o")
        await pilot.pause(0.2)
        home.action_players()  # even called directly, nothing happens
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen)
        assert not any(isinstance(s, PlayersScreen) for s in app.screen_stack)
        assert str(home.query_one("#player", Static).render()) == "Player: Ann"
        assert not offered(app, "report")  # nor the class report (Ctrl+G)
        from quiz.tui.screens.report import ReportScreen

        home.query_one("#paper", Input).value = "any code"
        await pilot.press("ctrl+g")
        home.action_report()
        await pilot.pause(0.3)
        assert not any(isinstance(s, ReportScreen) for s in app.screen_stack)


async def test_the_terminal_game_still_offers_players(tmp_path: Path) -> None:
    """The check above can fail: outside a tab, Ctrl+O and the button are there."""
    app = QuizApp(make_services(packs=[MOON], db=str(tmp_path / "p.db"), player="Ann"))
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        assert home.query("#do-players") and offered(app, "players")
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, PlayersScreen))


async def test_a_tab_shows_its_own_best_but_no_other_names(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    pack = load_pack(MOON)
    store = open_store(str(db))
    rival = store.player("Rival")
    spec = rounds.practice_spec(pack, 2, ("choice", "true_false"), None, Rules(), 1)
    rid = store.start_round(rival.id, spec, "2026-01-01T00:00:00+00:00")
    store.finish_round(rid, "done", "2026-01-01T00:01:00+00:00", 9999)
    app = served(db)
    async with started(app) as pilot:
        await sign_in(pilot, "Ann")
        await play_round_from_home(pilot, 2)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "personal best" in str(summary.query_one("#best", Static).render())
        assert not summary.query("#top")  # the pack's top five names other players
        shown = " ".join(str(s.render()) for s in summary.query(Static))
        assert "Rival" not in shown and "9999" not in shown
        await pilot.press("t")  # stats: this player's own
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        stats = app.screen
        assert isinstance(stats, StatsScreen) and stats.stats.player == "Ann"
        assert "Rival" not in " ".join(str(s.render()) for s in stats.query(Static))


async def test_the_same_round_outside_a_tab_shows_the_top_five(tmp_path: Path) -> None:
    """The check above can fail: the terminal game lists the rival."""
    db = tmp_path / "p.db"
    store = open_store(str(db))
    rival = store.player("Rival")
    pack = load_pack(MOON)
    spec = rounds.practice_spec(pack, 2, ("choice", "true_false"), None, Rules(), 1)
    rid = store.start_round(rival.id, spec, "2026-01-01T00:00:00+00:00")
    store.finish_round(rid, "done", "2026-01-01T00:01:00+00:00", 9999)
    app = QuizApp(make_services(packs=[MOON], db=str(db), player="Ann"))
    async with started(app) as pilot:
        await play_round_from_home(pilot, 2)
        assert "Rival — 9999" in str(app.screen.query_one("#top", Static).render())


async def test_a_tabs_theme_stays_in_the_tab(tmp_path: Path) -> None:
    app = served(tmp_path / "p.db")
    async with started(app) as pilot:
        await sign_in(pilot, "Ann")
        await loaded_home(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause(0.1)
        assert app.services.settings.file is None
    assert not (Path(str(tmp_path)) / "config").exists()  # QUIZ_CONFIG_DIR untouched


def test_the_servers_paper_check_decodes_real_codes() -> None:
    """`quiz serve --paper` checks its code at start through the same decoding as a tab."""
    from argparse import Namespace

    from classroom import moon_paper
    from quiz.commands import UsageError
    from quiz.commands.serve import _check_packs

    paper = moon_paper()
    _check_packs(Namespace(packs=[MOON], paper=paper.code))  # a code of these packs: served
    with pytest.raises(UsageError, match="--paper: paper code 'ABC-123' is too short"):
        _check_packs(Namespace(packs=[MOON], paper="ABC-123"))


async def sit_served(pilot, session_of, answers: int) -> None:  # noqa: ANN001 - a Pilot
    """Answer `answers` questions of the served paper on screen, right."""
    from helpers import right_response

    session = session_of()
    for n in range(1, answers + 1):
        q = session.current
        one = isinstance(q.key, One)
        await pilot.press(str(right_response(q) + 1) if one else "1")
        if not one:
            await pilot.press("enter")  # typed "1", the first tick, the order as shown
        await until(pilot, lambda n=n: len(session.outcomes) == n)


def shown(app: QuizApp) -> str:
    return " ".join(str(s.render()) for s in app.screen.query(Static))


async def test_a_tab_with_a_paper_sits_it_after_the_name(tmp_path: Path) -> None:
    """After the name, the tab sits the paper under exam rules, and the sitting is kept.
    Handed in, the student sees that it is, and the answers given: no marks, no right
    answers (a test that counts keeps its key until the teacher releases it); q ends the
    tab, with no practice home after it."""
    from classroom import moon_paper
    from quiz.tui.screens.exam import HandedInScreen

    paper = moon_paper(count=2)
    app = served(tmp_path / "p.db", paper=paper.code)
    async with started(app) as pilot:
        assert f"paper {paper.code}" in shown(app)
        await sign_in(pilot, "Ann")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        session = app.screen.session  # type: ignore[attr-defined]
        assert session.spec == paper.spec and not session.shows_feedback  # exam rules
        await sit_served(pilot, lambda: session, 2)
        await until(pilot, lambda: isinstance(app.screen, HandedInScreen))
        text = shown(app)
        assert "is handed in" in text and "Your answer:" in text
        assert all(q.prompt in text for q in session.questions)  # what was asked, answered
        assert "Answer:" not in text and not app.screen.query("#exam-score")  # no key, no score
        await pilot.press("q")
        await until(pilot, lambda: app.return_code is not None or not app.is_running)
    store = open_store(str(tmp_path / "p.db"))
    ann = store.find_player("Ann")
    assert ann is not None and store.answer_counts(ann.id)[0] == 2


async def test_a_throwaway_name_hands_in_at_once_and_sees_no_key(tmp_path: Path) -> None:
    """The old hole: any name, q, y showed the review with every answer. Now the hand-in
    shows the (empty) answers given; the review waits for `quiz paper release`, and then
    the same student signing in again sees it whole."""
    from classroom import moon_paper
    from quiz.store.sittings import release
    from quiz.tui.screens.exam import HandedInScreen
    from quiz.tui.screens.modals import ConfirmQuit

    paper = moon_paper(count=2)
    app = served(tmp_path / "p.db", paper=paper.code)
    async with started(app) as pilot:
        await sign_in(pilot, "Throwaway")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmQuit))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, HandedInScreen))
        assert not app.screen.query(ExamReviewScreen)
        assert "Answer:" not in shown(app) and "(no answer)" in shown(app)
    # the same name again, before the release: still only the answers
    app = served(tmp_path / "p.db", paper=paper.code)
    async with started(app) as pilot:
        await sign_in(pilot, "throwaway")  # the same student, however typed
        await until(pilot, lambda: isinstance(app.screen, HandedInScreen))
    store = open_store(str(tmp_path / "p.db"))
    assert release(store, paper.code, store.clock.now())
    app = served(tmp_path / "p.db", paper=paper.code)
    async with started(app) as pilot:
        await sign_in(pilot, "Throwaway")
        await until(pilot, lambda: isinstance(app.screen, ExamReviewScreen))
        assert "Answer:" in shown(app)
    # released: the paper is closed to a new name (its key is out)
    app = served(tmp_path / "p.db", paper=paper.code)
    async with started(app) as pilot:
        await sign_in(pilot, "Newcomer")
        await until(pilot, lambda: "can no longer be sat" in shown(app))


async def test_a_second_tab_on_one_name_is_refused_while_the_first_plays(
    tmp_path: Path,
) -> None:
    """Two tabs on one name would interleave answers into one sitting: the second is told
    the sitting is open in another window, and ends."""
    from classroom import moon_paper

    paper = moon_paper(count=3)
    first = served(tmp_path / "p.db", paper=paper.code)
    async with started(first) as pilot:
        await sign_in(pilot, "Ann")
        await until(pilot, lambda: isinstance(first.screen, PlayScreen))
        second = served(tmp_path / "p.db", paper=paper.code)
        async with started(second) as other:
            await sign_in(other, "ANN")
            await until(other, lambda: "open in another window" in shown(second))
            assert not isinstance(second.screen, PlayScreen)


async def test_a_tab_with_a_paper_that_cannot_be_sat_says_why(tmp_path: Path) -> None:
    app = served(tmp_path / "p.db", paper="ABC-123")
    async with started(app) as pilot:
        await sign_in(pilot, "Ann")
        await loaded_home(pilot)  # home, where the player can still practise
        assert any("is too short" in n for n in pilot.notes.texts())
