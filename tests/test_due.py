"""What is due, said where a learner looks: the home screen (facts due now by pack, and when
the next one is), `quiz stats` (a seven-day forecast), and a review round that says it is
one in its header. The times are worked out here from FSRS's first steps (a miss comes back
in ten minutes), not read from the code under test."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from textual.widgets import Label, Static

from apps import started, until
from conftest import MOON
from helpers import right_response, run_quiz, wrong_response
from quiz import words
from quiz.clock import ManualClock
from quiz.packs.loader import load_pack
from quiz.rounds import practice_spec
from quiz.rounds import start as start_session
from quiz.services import make_services
from quiz.stats import forecast
from quiz.store import open_store
from quiz.store.review import iso
from quiz.store.sql import SqlStore
from quiz.tui.app import QuizApp
from quiz.tui.screens.play import PlayScreen
from test_tui_progress import loaded_home

T0 = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """This computer's calendar is UTC here, so "later today" is a fixed day."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def missed_one(store: SqlStore, clock: ManualClock, name: str = "Ann") -> set[str]:
    """A round of three choice questions: the second missed, the others right; its facts."""
    moon = load_pack(MOON)
    spec = practice_spec(moon, 3, kinds=("choice",), seed=1)
    session, _ = start_session(spec, moon, store, store.player(name), clock=clock)
    store.set_last_player(name)
    missed: set[str] = set()
    while session.total > len(session.outcomes):
        q = session.current
        if session.index == 1:
            missed |= set(q.facts)
            session.answer(wrong_response(q))
        else:
            session.answer(right_response(q))
        session.next()
    return missed


def test_due_now_and_the_forecast(tmp_path: Path) -> None:
    clock = ManualClock(T0)
    store = open_store(str(tmp_path / "p.db"), clock)
    missed = missed_one(store, clock)
    ann = store.find_player("Ann")
    assert ann is not None
    # now: nothing due yet; the miss comes back in ten minutes, later today
    assert store.due_by_pack(ann.id, iso(T0))[0] == {}
    days = forecast(store, ann.id, "moon", T0)
    assert [d.date for d in days] == [T0.date() + dt.timedelta(days=i) for i in range(7)]
    assert days[0].due == len(missed)
    # the right answers come back days later, within the week; nothing counted twice
    facts = len(store.progress(ann.id, "moon"))
    assert sum(d.due for d in days) <= facts and sum(d.due for d in days[1:]) >= 1
    later = T0 + dt.timedelta(minutes=11)
    assert store.due_by_pack(ann.id, iso(later))[0] == {"moon": len(missed)}
    assert forecast(store, ann.id, "moon", later)[0].due == 0  # due already: not "later"


async def test_home_says_what_is_due_and_a_review_says_it_is_one(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    clock = ManualClock(T0)
    missed = missed_one(open_store(str(db), clock), clock)

    services = make_services(packs=[MOON], player="Ann", db=str(db), clock=clock)
    app = QuizApp(services)
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        said = str(home.query_one("#due", Static).render())
        met = len(open_store(str(db), clock).progress(1, "moon"))  # every fact answered today
        assert said == (
            "Nothing due now; the next review in 10 minutes. "
            f"Today: 0/200 reviews, {met}/20 new facts."
        )
    clock.advance(minutes=11)
    app = QuizApp(make_services(packs=[MOON], player="Ann", db=str(db), clock=clock))
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        said = str(home.query_one("#due", Static).render())
        n = len(missed)
        assert said.startswith(f"Due for review: {n} fact{'s' if n > 1 else ''} now (")
        assert "The Moon landings" in said
        home.query_one("#pack").value = "moon"  # type: ignore[attr-defined]
        home.query_one("#mode-review").value = True  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        position = str(app.screen.query_one("#position", Label).render())
        assert position.startswith("Review: question 1 of ")


def test_quiz_stats_has_the_forecast(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    clock = ManualClock(dt.datetime.now(dt.UTC))
    missed = missed_one(open_store(str(db), clock), clock)
    common = ("--db", str(db), "--packs", str(MOON.parent))
    doc = json.loads(run_quiz("stats", *common, "--format", "json").stdout)
    days = doc["packs"][0]["forecast"]
    # the miss, in ten minutes: later today, or tomorrow just before midnight
    assert len(days) == 7 and days[0]["due"] + days[1]["due"] >= len(missed)
    table = run_quiz("stats", *common)
    assert table.returncode == 0, table.stderr
    assert "Due in the next seven days: later today" in table.stdout


def test_words_of_what_is_due() -> None:
    today = T0.date()
    line = words.forecast_line([(today, 2), (today + dt.timedelta(days=1), 0)], today)
    assert line == "Due in the next seven days: later today 2 · tomorrow 0"
    assert words.home_due(1, [("Moon", 1)], None, T0) == "Due for review: 1 fact now (Moon 1)."
    later = T0 + dt.timedelta(hours=3)
    assert words.home_due(3, [("A", 2), ("B", 1)], later, T0) == (
        "Due for review: 3 facts now (A 2, B 1); the next in 3 hours."
    )
    assert words.home_due(0, [], None, T0) == "Nothing due yet."
    view_line = words.position(2, 5, review=True)
    assert view_line == "Review: question 2 of 5" and words.position(2, 5) == "Question 2 of 5"
