"""The home screen's light first frame: what it reads before the packs and the store are
loaded (the remembered pack titles, the store's file read-only), that it shows the truth or
nothing, and that Start works from it. Behaviour only: no timings."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from textual.widgets import Button, Select

from apps import started, until
from helpers import moon_folder
from quiz.packs import titles
from quiz.packs.places import cache_dir
from quiz.packs.registry import Catalog, catalog
from quiz.services import Later, Services, make_services
from quiz.store import open_store
from quiz.store.glance import remembered
from quiz.tui.app import QuizApp
from quiz.tui.choices import HomeGlance, home_glance, remember_titles
from quiz.tui.screens.home import HomeLight, HomeScreen
from quiz.tui.screens.play import PlayScreen

# -- the remembered titles ------------------------------------------------------------


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    return moon_folder(tmp_path / "packs")


def remembered_for(folder: Path, language: str = "en") -> list[tuple[str, str]] | None:
    return titles.cached([folder], language)


def test_the_titles_of_a_whole_catalog_are_remembered_in_its_order(packs: Path) -> None:
    assert remembered_for(packs) is None  # nothing kept yet
    found = catalog([packs])
    titles.remember(found, [packs], "en")
    assert remembered_for(packs) == [(p.id, p.title) for p in found.packs]
    assert "moon" in dict(remembered_for(packs) or [])


@pytest.mark.parametrize(
    "change",
    ["pack edited", "source edited", "pack added", "pack removed", "other language", "no folder"],
)
def test_any_change_to_what_the_titles_were_read_from_is_a_miss(packs: Path, change: str) -> None:
    titles.remember(catalog([packs]), [packs], "en")
    language = "en"
    if change == "pack edited":
        text = (packs / "moon.yaml").read_text(encoding="utf-8")
        (packs / "moon.yaml").write_text(text + "\n# edited\n", encoding="utf-8")
    elif change == "source edited":
        with open(packs / "sources" / "moon.txt", "a", encoding="utf-8") as fh:
            fh.write("\nMore.\n")
    elif change == "pack added":
        shutil.copy(packs / "moon.yaml", packs / "another.yaml")
    elif change == "pack removed":
        (packs / "moon.yaml").unlink()
    elif change == "other language":
        language = "lt"
    else:
        shutil.rmtree(packs)
    assert titles.cached([packs], language) is None


def test_a_catalog_with_a_broken_pack_is_not_remembered(packs: Path) -> None:
    (packs / "broken.yaml").write_text("id: [not, a, pack\n", encoding="utf-8")
    found = catalog([packs])
    assert found.broken
    titles.remember(found, [packs], "en")
    assert remembered_for(packs) is None
    folder = cache_dir()
    assert folder is None or not (folder / titles.FILE).exists()


@pytest.mark.parametrize(
    "damage", ["", "not json", "[]", '{"key": 1}', '{"key": {}, "sources": 1, "titles": 2}']
)
def test_a_damaged_titles_file_is_a_miss_and_is_replaced(packs: Path, damage: str) -> None:
    found = catalog([packs])
    titles.remember(found, [packs], "en")
    folder = cache_dir()
    assert folder is not None
    (folder / titles.FILE).write_text(damage, encoding="utf-8")
    assert remembered_for(packs) is None
    titles.remember(found, [packs], "en")  # the next full load writes it again
    assert remembered_for(packs) == [(p.id, p.title) for p in found.packs]


def test_a_cache_folder_that_cannot_be_written_is_a_miss_not_an_error(
    packs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(blocker))  # its packs/ folder cannot be made
    titles.remember(catalog([packs]), [packs], "en")
    assert remembered_for(packs) is None
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_with_caching_off_nothing_is_read_or_written(
    packs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_NO_CACHE", "1")
    titles.remember(catalog([packs]), [packs], "en")
    assert remembered_for(packs) is None
    monkeypatch.delenv("QUIZ_NO_CACHE")
    assert remembered_for(packs) is None  # nothing was written meanwhile


# -- the store's file, read without opening the store ---------------------------------


def kept_store(target: Path) -> None:
    """A store with two players, Ann the last one, each with home-screen choices."""
    store = open_store(str(target))
    ann = store.player("Ann")
    bob = store.player("Bob")
    store.save_prefs(ann.id, {"pack": "moon", "count": 3})
    store.save_prefs(bob.id, {"pack": "other"})
    store.set_last_player("Ann")
    store.close()


def test_the_last_player_and_their_choices_are_read(tmp_path: Path) -> None:
    target = tmp_path / "progress.db"
    kept_store(target)
    assert remembered(str(target), None) == ("Ann", {"pack": "moon", "count": 3})
    assert remembered(str(target), "Bob") == ("Bob", {"pack": "other"})


def test_reading_changes_nothing_and_makes_nothing(tmp_path: Path) -> None:
    """The database is only read (SQLite's own -wal and -shm files aside, which any reader
    of a WAL database makes), and a store that does not exist is not made."""
    target = tmp_path / "progress.db"
    kept_store(target)
    before = target.read_bytes()
    remembered(str(target), None)
    assert target.read_bytes() == before
    assert remembered(str(tmp_path / "none.db"), None) is None
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize(
    "case", ["new player", "no last player", "other schema", "not a database", "postgres"]
)
def test_anything_unusual_is_left_to_the_store(tmp_path: Path, case: str) -> None:
    target = tmp_path / "progress.db"
    kept_store(target)
    asked: str | None = None
    if case == "new player":
        asked = "Carol"
    elif case == "no last player":
        with sqlite3.connect(target) as conn:
            conn.execute("DELETE FROM meta WHERE key = 'last_player'")
    elif case == "other schema":
        with sqlite3.connect(target) as conn:
            conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema'")
    elif case == "not a database":
        target.write_bytes(b"not a database at all" * 100)
    where = "postgresql://nobody@localhost/quiz" if case == "postgres" else str(target)
    assert remembered(where, asked) is None


# -- the home screen drawn from them ----------------------------------------------------


def returning_player(packs: Path) -> None:
    """What an earlier `quiz` leaves: Ann's choices in the store, the titles remembered."""
    services = make_services(packs=[packs])
    store = services.store.get()
    ann = store.player("Ann")
    store.save_prefs(ann.id, {"pack": "moon", "count": 3, "mode": "practice"})
    store.set_last_player("Ann")
    remember_titles(services)
    store.close()


def light_home(services: Services) -> QuizApp:
    """The game as `quiz` starts it: the home screen's glance taken before the app is made."""
    glance = Later(lambda: home_glance(services)).start()
    glance.get()
    return QuizApp(services, glance=glance)


def test_the_glance_names_the_player_and_the_pack_the_form_will_show(packs: Path) -> None:
    returning_player(packs)
    moon = catalog([packs]).find("moon")
    assert moon is not None
    assert home_glance(make_services(packs=[packs])) == HomeGlance("Ann", moon.title)
    os.utime(packs / "moon.yaml", ns=(1, 1))  # changed since: not named from memory
    assert home_glance(make_services(packs=[packs])) is None


async def test_start_on_the_light_frame_starts_the_remembered_round(packs: Path) -> None:
    """Enter pressed on the first frame, before the packs have loaded, is kept and acted on
    once they are: never lost, never a notice to wait."""
    returning_player(packs)
    services = make_services(packs=[packs])
    go = threading.Event()

    def held() -> Catalog:  # the packs load only when the test says so
        go.wait(10)
        return catalog([packs])

    services.catalog = Later(held)
    app = light_home(services)
    async with started(app) as pilot:
        light = app.screen
        assert isinstance(light, HomeLight)  # the app's default screen
        assert light.glance.player == "Ann"
        assert app.focused is not None and app.focused.id == "light-start"
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.screen is light  # kept, not acted on yet: the packs are still held
        assert light.pending == "start"
        assert not [n for n in pilot.notes if "loading" in str(n.message)]  # type: ignore[attr-defined]
        go.set()
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        session = app.screen.session  # type: ignore[attr-defined]
        assert session.pack is not None and session.pack.id == "moon"
        assert session.total == 3  # Ann's remembered count


async def test_the_form_takes_the_light_frames_place_with_start_focused(packs: Path) -> None:
    returning_player(packs)
    app = light_home(make_services(packs=[packs]))
    async with started(app) as pilot:
        assert isinstance(app.screen, HomeLight)
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        home = app.screen
        assert isinstance(home, HomeScreen)
        await until(pilot, lambda: home.data is not None)
        assert home.query_one("#pack", Select).value == "moon"
        assert app.focused is home.query_one("#do-start", Button)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))


def test_the_titles_file_is_json_a_person_can_read(packs: Path) -> None:
    titles.remember(catalog([packs]), [packs], "en")
    folder = cache_dir()
    assert folder is not None
    kept = json.loads((folder / titles.FILE).read_text(encoding="utf-8"))
    assert ["moon", catalog([packs]).packs[-1].title] in kept["titles"]


async def test_escape_on_the_light_frame_quits(packs: Path) -> None:
    returning_player(packs)
    app = light_home(make_services(packs=[packs]))
    async with started(app) as pilot:
        assert isinstance(app.screen, HomeLight)
        await pilot.press("escape")
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 0


def test_pack_folders_that_cannot_be_listed_are_a_miss_never_an_error(
    packs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The titles memory only saves time: a folder gone unreadable between two starts costs
    the remembered titles, never the start."""
    from quiz.packs import places

    def unreadable(extra: list[Path] | None) -> list[list[object]]:
        raise PermissionError("denied")

    monkeypatch.setattr(places, "pack_listing", unreadable)
    titles.remember(catalog([packs]), [packs], "en")  # does not raise
    assert titles.cached([packs], "en") is None
