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

from conftest import MOON
from quiz.packs import registry
from quiz.packs.loader import load_pack
from quiz.session import RoundSpec, Session
from quiz.tui.app import QuizApp
from quiz.tui.screens.play import PlayScreen

SIZE = (80, 24)
SEED = 0  # a round that opens with a choice question the pack can say more about
SnapCompare = Callable[..., bool]


def round_app() -> QuizApp:
    return QuizApp(session=RoundSpec(load_pack(MOON), 3).start(SEED))


def session(pilot: Pilot[Any]) -> Session:
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    return screen.session


async def answer_first_wrong(pilot: Pilot[Any]) -> None:
    """Choose a wrong option the pack can explain (why it is wrong)."""
    q = session(pilot).current
    assert q.kind == "choice"
    wrong = next(i for i, o in enumerate(q.options) if o in q.why_wrong)
    await pilot.press(str(wrong + 1))


async def play_round(pilot: Pilot[Any]) -> None:
    """One wrong answer, then the rest right: a summary with a missed question."""
    await answer_first_wrong(pilot)
    s = session(pilot)
    await pilot.press("enter")
    while s.index < s.total:
        q = s.current
        await pilot.press(str(q.options.index(str(q.answer)) + 1), "enter")


def test_question_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(round_app(), terminal_size=SIZE)


def test_feedback_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(round_app(), terminal_size=SIZE, run_before=answer_first_wrong)


def test_summary_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(round_app(), terminal_size=SIZE, run_before=play_round)


def test_home_screen(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the test pack: the snapshot does not change when the bundled pack grows.
    monkeypatch.setattr(registry, "bundled_dir", lambda: tmp_path / "none")
    assert snap_compare(QuizApp(extra_packs=[MOON]), terminal_size=SIZE)
