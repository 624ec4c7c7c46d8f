"""The player screen manages players as `quiz players` does: the picker lists who plays on this
computer, and a rename, merge or delete is confirmed in a sentence that says what changes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, OptionList, Static

from apps import started, until
from quiz.store import open_store
from quiz.tui.screens.modals import Confirm
from quiz.tui.screens.players import PlayersScreen
from test_players import class_store
from test_tui_progress import home_app, loaded_home


def listed(app) -> list[str]:  # noqa: ANN001 - a QuizApp
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def confirm(pilot, says: str, answer: str = "y") -> None:  # noqa: ANN001 - a Pilot
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, Confirm))
    question = str(app.screen.query_one("#confirm-question", Label).render())
    assert says in " ".join(question.split()), question
    await pilot.press(answer)
    await until(pilot, lambda: isinstance(app.screen, PlayersScreen))


async def test_rename_delete_and_merge_from_the_player_screen(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    class_store(str(db)).close()
    app = home_app("Ann", db)
    async with started(app) as pilot:
        await loaded_home(pilot)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, PlayersScreen))
        assert listed(app) == ["Ann", "Cat", "Dan"], "Ben only came in with a class's results"

        await pilot.press("down", "f2")  # rename Cat
        label = str(app.screen.query_one("#new-player-label", Label).render())
        assert label == "New name for Cat, then Enter:"
        await pilot.press("K", "a", "t", "enter")
        await confirm(pilot, "Rename Cat to Kat, keeping their 1 round.", answer="n")
        assert listed(app) == ["Ann", "Cat", "Dan"], "cancelled: nothing changed"
        await pilot.press("down", "f2", "K", "a", "t", "enter")
        await confirm(pilot, "Rename Cat to Kat")
        await until(pilot, lambda: listed(app) == ["Ann", "Dan", "Kat"])

        await pilot.press("down", "delete")  # Dan, highlighted again after the list came back
        await confirm(pilot, "Delete Dan for good: their 0 rounds")
        await until(pilot, lambda: listed(app) == ["Ann", "Kat"])

        await pilot.press("delete")  # the current player (highlighted) is not deleted
        await until(pilot, lambda: listed(app) == ["Ann", "Kat"])
        assert not isinstance(app.screen, Confirm)

        await pilot.press("f3", "B", "e", "n", "enter")  # Ann into Ben: play on as Ben
        await confirm(pilot, "Merge Ann into Ben: Ben (who has 0 rounds) takes over Ann's 1 round")
        await until(pilot, lambda: listed(app) == ["Ben", "Kat"])
        await pilot.press("escape")
        home = await loaded_home(pilot)
        await until(pilot, lambda: "Player: Ben" in str(home.query_one("#player", Static).render()))
    store = open_store(str(db))
    assert [p.name for p in store.players()] == ["Ben", "Kat"]
