"""Snapshots of the main screens (pytest-textual-snapshot), 80×24, fixed seed, moon pack.

Refresh the SVGs after a deliberate change of the look with
`pytest tests/test_snapshots.py --snapshot-update`, then look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from apps import start, until
from conftest import MOON
from helpers import Seen
from quiz.packs import registry
from quiz.packs.loader import load_pack
from quiz.services import make_services
from quiz.session import Session
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.play import PlayScreen
from test_tui import answer_right

SIZE = (80, 24)
SEED = 27  # a round opening with a choice the pack can say more about, and says it (no later
# question is answered by why the wrong option is wrong)
SnapCompare = Callable[..., bool]


def round_app() -> QuizApp:
    # A fixed player name: the snapshot must not show whoever runs the tests.
    return QuizApp(make_services(player="Ada"), start(load_pack(MOON), 3, SEED))


async def round_ready(pilot: Pilot[Any]) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, PlayScreen))


def session(pilot: Pilot[Any]) -> Session:
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    return screen.session


async def answer_first_wrong(pilot: Pilot[Any]) -> None:
    """Choose a wrong option the pack can explain (why it is wrong)."""
    await round_ready(pilot)
    q = session(pilot).current
    assert q.kind == "choice"
    wrong, _ = q.origin.why_wrong[0]
    await pilot.press(str(wrong + 1))


async def play_round(pilot: Pilot[Any]) -> None:
    """One wrong answer, then the rest right: a summary with a missed question."""
    await answer_first_wrong(pilot)
    s = session(pilot)
    await pilot.press("enter")
    while s.index < s.total:
        await answer_right(pilot, Seen(s.current))
        await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, PlayScreen))


def test_question_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(round_app(), terminal_size=SIZE, run_before=round_ready)


def test_feedback_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(round_app(), terminal_size=SIZE, run_before=answer_first_wrong)


def test_summary_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(round_app(), terminal_size=SIZE, run_before=play_round)


async def home_loaded(pilot: Pilot[Any]) -> None:
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, HomeScreen) and pilot.app.screen.data is not None,
    )
    await pilot.pause()


def test_home_screen(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the test pack: the snapshot does not change when the bundled pack grows.
    monkeypatch.setattr(registry, "bundled_dir", lambda: tmp_path / "none")
    app = QuizApp(make_services(packs=[MOON], player="Ada"))
    assert snap_compare(app, terminal_size=SIZE, run_before=home_loaded)


# -- a Lithuanian session: the interface and the pack both in Lithuanian ----------------------

LT_PACK = Path(__file__).parent / "data" / "nato-lt.yaml"
LT_SEED = 6  # a choice first (with a wrong option the pack explains), then an order, a number


@pytest.fixture
def lithuanian() -> Any:
    from quiz import lang

    lang.set_language("lt")
    yield
    lang.set_language(None)


def lt_round_app() -> QuizApp:
    return QuizApp(make_services(player="Ada"), start(load_pack(LT_PACK), 3, LT_SEED))


@pytest.mark.usefixtures("lithuanian")
def test_question_screen_in_lithuanian(snap_compare: SnapCompare) -> None:
    assert snap_compare(lt_round_app(), terminal_size=SIZE, run_before=round_ready)


@pytest.mark.usefixtures("lithuanian")
def test_feedback_screen_in_lithuanian(snap_compare: SnapCompare) -> None:
    assert snap_compare(lt_round_app(), terminal_size=SIZE, run_before=answer_first_wrong)


@pytest.mark.usefixtures("lithuanian")
def test_summary_screen_in_lithuanian(snap_compare: SnapCompare) -> None:
    assert snap_compare(lt_round_app(), terminal_size=SIZE, run_before=play_round)


@pytest.mark.usefixtures("lithuanian")
def test_home_screen_in_lithuanian(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "bundled_dir", lambda: tmp_path / "none")
    app = QuizApp(make_services(packs=[LT_PACK], player="Ada"))
    assert snap_compare(app, terminal_size=SIZE, run_before=home_loaded)
