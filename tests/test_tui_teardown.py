"""Screens taken down while they are being drawn: no NoMatches from a widget whose children
Textual never mounted.

The home form is mounted whenever the packs have loaded on a thread, so the player may leave
or quit, or press Ctrl+S, in the moment it is drawn. Textual then refuses to mount the
children of a widget it is removing, yet runs its on_mount: the form's look-ups failed with
NoMatches '#pack' (seen as a flaky test_starting_in_a_small_terminal in full runs, where the
test's end closed the app as the form came). Each test here failed before the fix.
"""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot

from apps import app_with, started, until
from conftest import MOON
from quiz.tui.app import QuizApp
from quiz.tui.choices import HomeData
from quiz.tui.screens.home import HomeScreen
from quiz.tui.widgets.home_form import HomeForm


async def _loaded(pilot: Pilot[None], app: QuizApp) -> HomeData:
    """The data of the home screen drawn at start, once the packs have loaded."""
    await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data is not None)
    data = app.screen.data  # type: ignore[attr-defined]
    assert isinstance(data, HomeData)
    return data


async def _filling(app: QuizApp, data: HomeData) -> HomeScreen:
    """A home screen whose form is registered but not yet drawn: the packs have just come."""
    screen = HomeScreen(None)
    await app.push_screen(screen)
    screen.show_data(data)
    for _ in range(10_000):  # the form is added on the next refresh
        if screen.query(HomeForm):
            break
        await asyncio.sleep(0)
    form = screen.query_one(HomeForm)
    assert not form.is_mounted
    return screen


async def test_leaving_home_as_its_form_is_drawn() -> None:
    app = app_with(packs=[MOON])
    async with started(app) as pilot:
        data = await _loaded(pilot, app)
        screen = await _filling(app, data)
        app.pop_screen()  # as Esc dismisses it
        await until(pilot, lambda: screen not in app.screen_stack and not screen.is_attached)
    # an error in the app (NoMatches) is raised here, as the test's own


async def test_quitting_as_the_home_form_is_drawn() -> None:
    app = app_with(packs=[MOON])
    async with started(app) as pilot:
        data = await _loaded(pilot, app)
        await _filling(app, data)
    # leaving the block closes the app at once, as Ctrl+Q does


async def test_a_home_screen_closed_before_it_is_drawn() -> None:
    """Its on_mount found no form (its compose was refused) and filled it in after a
    refresh: NoMatches '#player' on a screen already gone."""
    app = app_with(packs=[MOON])
    async with started(app) as pilot:
        data = await _loaded(pilot, app)
        for pending in (data, None):
            screen = HomeScreen(pending)
            app.push_screen(screen)
            screen.show_data(data)
            app.pop_screen()
            await until(pilot, lambda s=screen: not s.is_attached)  # type: ignore[misc]
        assert isinstance(app.screen, HomeScreen)


async def test_start_pressed_as_the_form_is_drawn_waits_for_it() -> None:
    app = app_with(packs=[MOON])
    async with started(app) as pilot:
        data = await _loaded(pilot, app)
        screen = await _filling(app, data)
        screen.action_start()  # Ctrl+S: the form is there, its fields not yet
        notes = pilot.notes  # type: ignore[attr-defined]
        await until(pilot, lambda: "The packs are still loading." in notes.texts())
        assert screen in app.screen_stack
        await until(pilot, lambda: screen.query_one(HomeForm).is_mounted)
        screen.action_start()  # drawn: it starts
        await until(pilot, lambda: screen not in app.screen_stack)
