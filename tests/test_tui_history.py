"""The History screens under Pilot: from home (Ctrl+Y) and from stats (y), the past rounds
listed, one opened with its questions, answers and quotes, and back."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from apps import started, until
from quiz.tui.screens.history import HistoryScreen, PastRoundScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.play import PlayScreen
from quiz.tui.screens.stats import StatsScreen
from test_tui_progress import home_app, loaded_home, play_round_from_home


async def test_history_from_home_opens_a_round_with_its_quotes() -> None:
    app = home_app(player="[red]Ann[/]")
    async with started(app) as pilot:
        await play_round_from_home(pilot, 2, right=False)
        asked = [o.question for o in app.screen.session.outcomes]  # type: ignore[attr-defined]
        await pilot.press("h")  # back home
        await loaded_home(pilot)
        await pilot.press("ctrl+y")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        title = str(app.screen.query_one("#history-title", Static).render())
        assert title == "[red]Ann[/]'s rounds, newest first"  # the name literal, not markup
        table = app.screen.query_one("#rounds", DataTable)
        assert table.row_count == 1
        row = [str(c) for c in table.get_row_at(0)]
        assert row[2] == "moon" and row[3] == "practice" and row[4] == "2"
        assert row[5] == "0 points, 0 of 2 answers right"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PastRoundScreen))
        prompts = [str(s.render()) for s in app.screen.query(".past-prompt").results(Static)]
        assert prompts == [f"{i}. {q.prompt}" for i, q in enumerate(asked, 1)]
        said = "\n".join(str(s.render()) for s in app.screen.query(".past-said").results(Static))
        for q in asked:
            assert f"Answer: {q.answer_text()}" in said and f"»{q.quote.text}«" in said
        assert said.count("— wrong") == 2
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("escape")
        await loaded_home(pilot)


async def test_history_from_stats_lists_that_pack_and_comes_back_home() -> None:
    app = home_app()
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        home.query_one("#pack").value = "moon"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        said = str(app.screen.query_one("#history-title", Static).render())
        assert said == "Ann has no rounds yet: play one, and it is kept here."
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert not isinstance(app.screen, PlayScreen)
