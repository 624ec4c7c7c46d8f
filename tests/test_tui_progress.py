"""The full-screen game remembers: players, the home screen's choices, personal bests, the
stats screen, review rounds; and one flow decides where each screen leads."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, OptionList, SelectionList, Static

from apps import app_with, start, started, until
from conftest import MOON
from helpers import right_response, wrong_response
from quiz.packs.loader import load_pack
from quiz.services import make_services
from quiz.store import open_store
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.modals import Confirm
from quiz.tui.screens.play import PlayScreen
from quiz.tui.screens.players import PlayersScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.summary import SummaryScreen


def home_app(player: str | None = "Ann", db: Path | None = None) -> QuizApp:
    return QuizApp(make_services(packs=[MOON], player=player, db=str(db) if db else None))


async def loaded_home(pilot) -> HomeScreen:  # noqa: ANN001 - a Pilot
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data is not None)
    assert isinstance(app.screen, HomeScreen)
    return app.screen


async def play_round_from_home(pilot, count: int, right: bool = True) -> None:  # noqa: ANN001
    home = await loaded_home(pilot)
    home.query_one("#pack").value = "moon"  # type: ignore[attr-defined]
    home.query_one("#count", Input).value = str(count)
    kinds = home.query_one("#kinds", SelectionList)
    kinds.deselect_all()
    kinds.select("choice")
    kinds.select("true_false")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(pilot.app.screen, PlayScreen))
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    s = screen.session
    while s.total > len(s.outcomes):
        q = s.current
        response = right_response(q) if right else wrong_response(q)
        await pilot.press(str(response + 1))
        await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen))


async def test_the_home_screen_shows_the_player_and_remembers_their_choices() -> None:
    app = home_app()
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        assert str(home.query_one("#player", Static).render()) == "Player: Ann"
        await play_round_from_home(pilot, 3)
        await pilot.press("escape")  # Escape (and h) go home, wherever the round started
        home = await loaded_home(pilot)
        assert home.query_one("#count", Input).value == "3"
        assert set(home.query_one("#kinds", SelectionList).selected) == {"choice", "true_false"}
        assert home.query_one("#pack").value == "moon"  # type: ignore[attr-defined]
        assert app.return_code is None
    # Another run of the program, same player: the same choices.
    again = home_app()
    async with started(again) as pilot:
        home = await loaded_home(pilot)
        assert home.query_one("#count", Input).value == "3"
    # Another player starts from the defaults.
    other = home_app(player="Bo")
    async with started(other) as pilot:
        home = await loaded_home(pilot)
        assert home.query_one("#count", Input).value == "10"


async def test_enter_as_soon_as_home_is_drawn_starts_the_remembered_round(tmp_path: Path) -> None:
    """The home screen comes drawn with the player's pack and Start focused; Enter at once
    (before the options below the buttons are up) starts a round of the pack shown, with the
    player's last choices, as the options will show them."""
    db = tmp_path / "p.db"
    store = open_store(str(db))
    ann = store.player("Ann")
    last = {"pack": "moon", "count": 3, "kinds": ["true_false"], "speed_bonus": True}
    store.save_prefs(ann.id, last)
    store.close()
    app = home_app(db=db)

    def ready() -> bool:
        # the player's pack and Start, as the first frame shows them when the packs load
        # within the home's patience (a cold cache on a loaded machine can take longer, and
        # then "Loading packs…" comes first): Enter is pressed the moment Start has the focus
        screen = app.screen
        return (
            isinstance(screen, HomeScreen)
            and screen.is_mounted
            and screen.focused is not None
            and screen.focused.id == "do-start"
        )

    async with app.run_test() as pilot:
        await until(pilot, ready)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#pack").value == "moon"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        s = screen.session
        assert s.pack.id == "moon" and s.total == 3
        assert {q.kind for q in s.questions} == {"true_false"}
        assert s.rules.speed_bonus and s.rules.streak_bonus
    # The options, once up, show the same choices.
    again = home_app(db=db)
    async with started(again) as pilot:
        home = await loaded_home(pilot)
        assert home.query_one("#count", Input).value == "3"
        assert home.query_one("#kinds", SelectionList).selected == ["true_false"]


async def test_the_home_form_answers_with_the_last_choices_before_its_options_are_up() -> None:
    """Start works from the first frame: until the options below the buttons are mounted (a
    frame later), the form's choice is the player's last one, the same the options show."""
    from textual.app import App

    from quiz.packs.registry import Catalog
    from quiz.tui.choices import HomeChoice, HomeData
    from quiz.tui.widgets.home_form import HomeForm

    moon = load_pack(MOON)
    prefs = {"pack": "moon", "count": 4, "kinds": ["choice", "bogus"], "topics": ["crew"]}
    prefs |= {"mode": "review", "streak_bonus": False, "paper": "ABC-123"}
    data = HomeData(catalog=Catalog(packs=[moon]), player="Ann", prefs=prefs)
    expected = HomeChoice("start", "moon", "review", 4, ("choice",), ("crew",), None)
    expected = replace(expected, streak_bonus=False, paper="ABC-123")
    early: list[tuple[bool, HomeChoice | None]] = []

    class Probe(HomeScreen):
        def on_mount(self) -> None:  # (HomeScreen's own on_mount runs too, after this one)
            form = self.query_one(HomeForm)
            early.append((form.filled, form.choice("start")))

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(Probe(data))

    app = Host()
    async with app.run_test() as pilot:
        await until(pilot, lambda: isinstance(app.screen, Probe) and app.screen.data is not None)
        assert early == [(False, expected)]
        form = app.screen.query_one(HomeForm)
        assert form.filled and form.choice("start") == expected


async def test_a_slow_store_shows_the_home_screen_first_then_its_form(monkeypatch) -> None:  # noqa: ANN001
    """When the packs and the store take longer than the app waits, the home screen comes
    first with "Loading packs…", and its form (Start focused) once they are there."""
    import quiz.tui.app

    monkeypatch.setattr(quiz.tui.app, "HOME_PATIENCE", 0)
    app = home_app()
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        assert str(home.query_one("#player", Static).render()) == "Player: Ann"
        assert home.focused is not None and home.focused.id == "do-start"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))


async def test_a_summary_says_personal_best_and_shows_the_top_five() -> None:
    app = home_app()
    async with started(app) as pilot:
        await play_round_from_home(pilot, 2)
        best = str(pilot.app.screen.query_one("#best", Static).render())
        assert "personal best" in best
        top = str(pilot.app.screen.query_one("#top", Static).render())
        assert "1. Ann — 2100" in top
        await pilot.press("n")  # play again, all wrong this time
        await until(pilot, lambda: isinstance(pilot.app.screen, PlayScreen))
        s = pilot.app.screen.session  # type: ignore[attr-defined]
        while s.total > len(s.outcomes):
            await pilot.press(str(wrong_response(s.current) + 1), "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen))
        best = str(pilot.app.screen.query_one("#best", Static).render())
        assert best == "Your best for rounds of this length and scoring: 2100."


async def test_switching_and_adding_players_keeps_names_literal() -> None:
    app = home_app()
    async with started(app) as pilot:
        await loaded_home(pilot)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, PlayersScreen))
        app.screen.query_one("#new-player", Input).focus()
        name = "[bold]Zoë[/] [@click=app.quit]"
        for ch in name:
            await pilot.press(ch if ch != " " else "space")
        await pilot.press("enter")
        home = await loaded_home(pilot)
        await until(pilot, lambda: name in str(home.query_one("#player", Static).render()))
        assert app.return_code is None
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, PlayersScreen))
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(2)] == ["Ann", name]
        await pilot.press("enter")  # the highlighted one is the current player
        await loaded_home(pilot)
    assert open_store().last_player() == name


async def test_a_new_player_name_is_typed_as_soon_as_the_dialog_opens() -> None:
    """Found in a play-test: the letters went to the list of players until Tab."""
    app = home_app()
    async with started(app) as pilot:
        await loaded_home(pilot)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, PlayersScreen))
        await pilot.press("B", "o", "space", "K", "enter")
        home = await loaded_home(pilot)
        await until(
            pilot, lambda: "Player: Bo K" in str(home.query_one("#player", Static).render())
        )
        await pilot.press("ctrl+o")  # the list still has the arrows and Enter
        await until(pilot, lambda: isinstance(app.screen, PlayersScreen))
        await pilot.press("up", "enter")
        home = await loaded_home(pilot)
        await until(pilot, lambda: "Player: Ann" in str(home.query_one("#player", Static).render()))


async def test_stats_from_home_and_from_the_summary() -> None:
    app = home_app()
    async with started(app) as pilot:
        await play_round_from_home(pilot, 2, right=False)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        totals = str(app.screen.query_one("#stats-totals", Static).render())
        assert totals == "1 round · 2 answers · 0 right (0%) · the next review in 10 minutes"
        assert app.screen.query(".weak-fact")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        shown = [b.binding.key for b in app.screen.active_bindings.values() if b.binding.show]
        homes = {
            b.binding.action
            for b in app.screen.active_bindings.values()
            if b.binding.show and b.binding.description == "Home"
        }
        assert homes == {"choose('home')"}, shown  # the footer says Home once (Escape too)
        await pilot.press("h")
        await loaded_home(pilot)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        assert app.screen.query(".shade-weak")  # the missed facts' paragraphs stand out


async def test_review_with_nothing_due_offers_practice(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    store = open_store(str(db))
    ann = store.player("Ann")
    store.save_prefs(ann.id, {"limits": {"new": 0, "reviews": 200}})  # no new facts to meet
    store.close()
    app = home_app(db=db)
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        home.query_one("#pack").value = "moon"  # type: ignore[attr-defined]
        home.query_one("#mode-review").value = True  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        said = str(app.screen.query_one("#confirm-question").render())
        assert "your limits bring no new facts" in said
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        assert app.screen.session.spec.mode == "practice"  # type: ignore[attr-defined]


async def test_review_asks_what_is_due(tmp_path: Path) -> None:
    """Missed facts are due ten minutes later; a review round asks exactly those."""
    import datetime as dt

    from quiz.clock import ManualClock
    from quiz.rounds import practice_spec
    from quiz.rounds import start as start_session

    db = tmp_path / "p.db"
    clock = ManualClock(dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC))
    store = open_store(str(db), clock)
    moon = load_pack(MOON)
    session, _ = start_session(
        practice_spec(moon, 3, seed=1), moon, store, store.player("Ann"), clock=clock
    )
    missed = set()
    while session.total > len(session.outcomes):
        q = session.current
        if session.index == 1:
            missed |= set(q.facts)
            session.answer(wrong_response(q))
        else:
            session.answer(right_response(q))
        session.next()
    clock.advance(minutes=11)
    services = make_services(packs=[MOON], player="Ann", db=str(db), clock=clock)
    app = QuizApp(services)
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        home.query_one("#pack").value = "moon"  # type: ignore[attr-defined]
        home.query_one("#mode-review").value = True  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        s = app.screen.session  # type: ignore[attr-defined]
        assert s.spec.mode == "review"
        assert {f for q in s.questions for f in q.facts} >= missed


async def test_a_round_from_the_command_line_is_kept_too() -> None:
    moon = load_pack(MOON)
    session = start(moon, 2, 4)
    app = app_with(session)
    async with started(app) as pilot:
        from test_tui import answer_right

        s = session
        for _ in range(s.total):  # each question answered right, whatever its kind
            await answer_right(pilot, s.current)
            await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("q")  # q quits, wherever the round started
    assert app.return_code == 0
    store = open_store()
    (rnd,) = store.rounds(store.find_player(store.last_player() or "").id, "moon")  # type: ignore[union-attr]
    assert (rnd.answers, rnd.status) == (2, "done")


async def test_a_damaged_progress_file_is_reported_on_screen(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    db.write_bytes(b"not a database" * 10)
    app = home_app(db=db)
    async with started(app) as pilot:
        await loaded_home(pilot)
        await until(pilot, lambda: any("kept as" in n for n in pilot.notes.texts()))  # type: ignore[attr-defined]


async def test_the_summary_leaves_the_same_way_wherever_the_round_started() -> None:
    """A play-test found q going home after a round from the home screen and quitting after
    one from `quiz play`: now Escape and h go home, q quits, from both."""
    moon = load_pack(MOON)
    session = start(moon, 2, 4)
    app = app_with(session)
    async with started(app) as pilot:
        from test_tui import answer_right

        for _ in range(session.total):  # each answered right, whatever its kind (a number
            await answer_right(pilot, session.current)  # refuses "x": this loop once hung)
            await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        from_command_line = _leaving_keys(app.screen)
        await pilot.press("escape")  # home, not out
        await loaded_home(pilot)
        assert app.return_code is None
    app = home_app()
    async with started(app) as pilot:
        await play_round_from_home(pilot, 2)
        assert _leaving_keys(app.screen) == from_command_line
        await pilot.press("q")
        await until(pilot, lambda: app.return_code is not None)
    assert from_command_line == {
        "h": "choose('home')",
        "escape": "choose('home')",
        "q": "choose('quit')",
    }


def _leaving_keys(screen) -> dict[str, str]:  # noqa: ANN001 - a SummaryScreen
    leaving = ("choose('home')", "choose('quit')")
    return {
        key: b.binding.action
        for key, b in screen.active_bindings.items()
        if b.binding.action in leaving and b.node is screen
    }


async def test_review_all_that_is_due_from_home_asks_the_days_new_facts(tmp_path: Path) -> None:
    """A first review, until nothing is due: the day's new facts (the limit, 3 here), not the
    count in the form; and the home screen says what today's limits allow."""
    db = tmp_path / "p.db"
    store = open_store(str(db))
    store.save_prefs(store.player("Ann").id, {"limits": {"new": 3, "reviews": 200}})
    store.close()
    app = home_app(db=db)
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        assert "Today: 0/200 reviews, 0/3 new facts." in str(home.query_one("#due").render())
        home.query_one("#pack").value = "moon"  # type: ignore[attr-defined]
        home.query_one("#count", Input).value = "10"
        await until(pilot, lambda: bool(home.query("#mode-review-all")))
        home.query_one("#mode-review-all").value = True  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        spec = app.screen.session.spec  # type: ignore[attr-defined]
        assert spec.mode == "review" and spec.count <= 3
    prefs = open_store(str(db)).prefs(1)
    assert prefs["mode"] == "review-all" and prefs["limits"] == {"new": 3, "reviews": 200}


async def test_the_daily_limits_are_changed_from_home(tmp_path: Path) -> None:
    from quiz.tui.screens.limits import LimitsScreen

    db = tmp_path / "p.db"
    app = home_app(db=db)
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        assert "Today: 0/200 reviews, 0/20 new facts." in str(home.query_one("#due").render())
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LimitsScreen))
        new = app.screen.query_one("#limit-new", Input)
        assert app.screen.focused is new or app.screen.focused is None
        new.value = "99999"  # refused: more than four digits is not a limit
        new.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LimitsScreen)
        new.value = "5"
        new.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        home = app.screen
        await until(pilot, lambda: "0/5 new facts" in str(home.query_one("#due").render()))
    assert open_store(str(db)).prefs(1)["limits"] == {"new": 5, "reviews": 200}
