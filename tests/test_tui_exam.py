"""Exam papers in the full-screen game: sat from the home screen's code field or `quiz play
--paper`, with the time left always shown, nothing marked until the review at the end, one
sitting per player (an unfinished one resumed or handed in), and the class report."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Static

from apps import started, until
from conftest import MOON
from helpers import moon, right_response, wrong_response
from quiz.classroom import sitting
from quiz.clock import ManualClock
from quiz.papers import Paper, encode, paper_spec
from quiz.services import make_services
from quiz.store import open_store
from quiz.store.sittings import sittings
from quiz.tui.app import QuizApp
from quiz.tui.screens.exam import ExamReviewScreen, ReviewItem
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.modals import Choose, ConfirmQuit, HelpScreen
from quiz.tui.screens.play import ExamScreen, PlayScreen
from quiz.tui.screens.report import ReportScreen
from quiz.tui.screens.source import SourceScreen
from quiz.tui.widgets.status import StatusBar

KINDS = ("choice", "true_false")  # answered with one key press


def a_paper(count: int = 3, time_limit: int | None = 600) -> Paper:
    pack = moon()
    spec = paper_spec(pack, 8, count, KINDS, time_limit=time_limit)
    return Paper(encode(spec, pack), spec, pack)


def app_for(db: Path, clock: ManualClock, paper: Paper | None = None) -> QuizApp:
    services = make_services(packs=[MOON], db=str(db), player="Ann", clock=clock)
    return QuizApp(services, paper=paper)


async def home_with_code(pilot, code: str) -> None:  # noqa: ANN001 - a Pilot
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data is not None)
    app.screen.query_one("#paper", Input).value = code
    await pilot.pause()


async def answer_all(pilot, right: bool = True) -> None:  # noqa: ANN001
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    s = screen.session
    while s.total > len(s.outcomes):
        q = s.current
        await pilot.press(str((right_response(q) if right else wrong_response(q)) + 1))
        await pilot.pause()


async def test_a_paper_sat_from_the_home_screen_then_reviewed(tmp_path: Path) -> None:
    paper, clock = a_paper(), ManualClock()
    app = app_for(tmp_path / "p.db", clock)
    async with started(app) as pilot:
        await home_with_code(pilot, paper.code.lower())
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        screen = app.screen
        assert isinstance(screen, ExamScreen) and screen.exam
        assert screen.active_bindings["q"].binding.description == "Hand in"
        bar = screen.query_one(StatusBar)
        assert not bar.query_one("#score").display and not bar.query_one("#streak").display
        assert str(bar.query_one("#clock").render()) == "Time left 10:00"
        questions = screen.session.questions
        q = screen.session.current
        await pilot.press(str(wrong_response(q) + 1))
        await pilot.pause()
        # No verdict, no feedback, no source: the next question at once.
        assert screen.session.index == 1 and not screen.query(".verdict")
        assert not screen.check_action("source", ())
        await answer_all(pilot)
        await until(pilot, lambda: isinstance(app.screen, ExamReviewScreen))
        review = app.screen
        score = str(review.query_one("#exam-score", Static).render())
        assert "score 2000 of 3000" in score and "2 of 3 right" in score
        hand_in = str(review.query_one("#exam-hand-in", Static).render())
        assert f"quiz results export --paper {paper.code} --player" in hand_in
        items = list(review.query(ReviewItem))
        assert [i.mark.question for i in items] == list(questions)
        assert items[0].mark.result == "wrong" and items[1].mark.result == "right"
        items[0].focus()
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, SourceScreen))
        assert app.screen.quote == questions[0].quote
        await pilot.press("escape")
        await pilot.press("h")
        await home_with_code(pilot, paper.code)
        await pilot.press("ctrl+n")  # once only: the result again, not a new sitting
        await until(pilot, lambda: isinstance(app.screen, ExamReviewScreen))
        assert "a paper is sat once" in str(app.screen.query_one("#exam-note", Static).render())
        await pilot.press("h")
        await home_with_code(pilot, paper.code)
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, ReportScreen))
        students = app.screen.query_one("#report-students", DataTable)
        assert students.row_count == 1 and str(students.get_row_at(0)[0]) == "Ann"
        # every prompt is there whole, wrapped within a table no wider than the screen
        table = app.screen.query_one("#report-questions", DataTable)
        await pilot.pause()
        assert table.virtual_size.width <= app.size.width - 4, table.virtual_size
        shown = " ".join(str(table.get_row_at(i)[4]) for i in range(table.row_count))
        assert all(q.prompt in shown for q in questions)
    assert len(sittings(open_store(str(tmp_path / "p.db")), paper.code)) == 1


async def test_i_dont_know_in_a_paper_promises_no_answer(tmp_path: Path) -> None:
    """Nothing is shown until the end of a paper: the button must not say it shows the
    answer."""
    pack = moon()
    spec = paper_spec(pack, 8, 2, ("typed", "number"), time_limit=None)
    paper = Paper(encode(spec, pack), spec, pack)
    app = app_for(tmp_path / "p.db", ManualClock(), paper)
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        await until(pilot, lambda: bool(app.screen.query("#dont-know")))  # composed
        button = app.screen.query_one("#dont-know", Button)
        assert str(button.label) == "I don't know"
        await until(pilot, lambda: button.region.width > 0)  # laid out: a click lands
        await pilot.click("#dont-know")
        await until(pilot, lambda: app.screen.session.index == 1)  # type: ignore[attr-defined]
        assert not app.screen.query(".verdict")
        assert str(app.screen.query_one("#dont-know", Button).label) == "I don't know"


async def test_the_time_running_out_ends_the_sitting(tmp_path: Path) -> None:
    paper, clock = a_paper(time_limit=60), ManualClock()
    app = app_for(tmp_path / "p.db", clock, paper)  # quiz play --paper CODE
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        await pilot.press(str(right_response(app.screen.session.current) + 1))
        clock.tick(59)
        # the status bar reads the clock four times a second: wait for it, not for a time
        await until(pilot, lambda: str(app.screen.query_one("#clock").render()) == "Time left 0:01")
        await pilot.press("question_mark")  # the rules are open when the time runs out
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        clock.tick(2)
        await until(pilot, lambda: isinstance(app.screen, ExamReviewScreen))
        assert "time ran out" in str(app.screen.query_one("#exam-score", Static).render())
        assert not any(isinstance(s, PlayScreen | HelpScreen) for s in app.screen_stack)
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
    (row,) = sittings(open_store(str(tmp_path / "p.db")), paper.code)
    assert row.status == "timeout" and len(row.answers) == 3  # two of them "no answer"


async def test_an_unfinished_sitting_is_resumed_from_where_it_stopped(tmp_path: Path) -> None:
    paper, clock = a_paper(), ManualClock()
    store = open_store(str(tmp_path / "p.db"), clock)
    session, _ = sitting.begin(paper, store, store.player("Ann"), clock)
    session.answer(right_response(session.current))  # then the computer crashed
    clock.tick(200)
    store.close()
    app = app_for(tmp_path / "p.db", clock)
    async with started(app) as pilot:
        await home_with_code(pilot, paper.code)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, Choose))
        asked = app.screen.question
        assert "1 of 3 questions answered" in asked and "6:40 left" in asked
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        assert app.screen.session.index == 1
        await answer_all(pilot, right=False)
        await until(pilot, lambda: isinstance(app.screen, ExamReviewScreen))
    (row,) = sittings(open_store(str(tmp_path / "p.db")), paper.code)
    assert row.status == "done" and len(row.answers) == 3


async def test_an_unfinished_sitting_can_be_handed_in_as_it_stands(tmp_path: Path) -> None:
    paper, clock = a_paper(time_limit=None), ManualClock()
    store = open_store(str(tmp_path / "p.db"), clock)
    session, _ = sitting.begin(paper, store, store.player("Ann"), clock)
    session.answer(right_response(session.current))
    store.close()
    app = app_for(tmp_path / "p.db", clock)
    async with started(app) as pilot:
        await home_with_code(pilot, paper.code)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, Choose))
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, ExamReviewScreen))
        assert "closed" in str(app.screen.query_one("#exam-score", Static).render())
    assert sittings(open_store(str(tmp_path / "p.db")), paper.code)[0].status == "closed"


async def test_leaving_an_exam_hands_it_in_and_quitting_keeps_it_open(tmp_path: Path) -> None:
    paper, clock = a_paper(), ManualClock()
    app = app_for(tmp_path / "p.db", clock, paper)
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        await pilot.press("q")  # even before any answer: it asks
        await until(pilot, lambda: isinstance(app.screen, ConfirmQuit))
        assert "Hand in" in app.screen.question
        await pilot.press("n")
        await pilot.press(str(right_response(app.screen.session.current) + 1))
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmQuit))
        assert "stays open" in app.screen.question
        await pilot.press("y")
    # read on the game's clock: on today's, a sitting of 2026-01-01 is long out of time
    (row,) = sittings(open_store(str(tmp_path / "p.db"), clock), paper.code)
    assert row.status == "open" and len(row.answers) == 1

    app = app_for(tmp_path / "p.db", clock, paper)
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, Choose))
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmQuit))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ExamReviewScreen))
        assert "handed in early" in str(app.screen.query_one("#exam-score", Static).render())
    assert sittings(open_store(str(tmp_path / "p.db")), paper.code)[0].status == "left"


async def test_a_mistyped_code_is_a_notice_on_the_home_screen(tmp_path: Path) -> None:
    paper, clock = a_paper(), ManualClock()
    app = app_for(tmp_path / "p.db", clock)
    async with started(app) as pilot:
        typo = paper.code[:-1] + ("0" if paper.code[-1] != "0" else "1")
        await home_with_code(pilot, typo)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: any("mistyped" in n for n in pilot.notes.texts()))

        def field() -> Input | None:
            screen = app.screen
            if not isinstance(screen, HomeScreen) or screen.data is None:
                return None
            return screen.query_one("#paper", Input)

        # The code typed is still there, focused, to fix one character rather than retype.
        await until(pilot, lambda: (f := field()) is not None and f.has_focus)
        assert (shown := field()) is not None and shown.value == typo
        await pilot.press("backspace", paper.code[-1].lower(), "ctrl+n")  # not all selected
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))


async def test_the_class_report_without_a_code_is_of_the_one_paper_sat(tmp_path: Path) -> None:
    paper, clock = a_paper(), ManualClock()
    store = open_store(str(tmp_path / "p.db"), clock)
    session, _ = sitting.begin(paper, store, store.player("Bea"), clock)
    session.answer(right_response(session.current))
    app = app_for(tmp_path / "p.db", clock)
    async with started(app) as pilot:
        await home_with_code(pilot, "")
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, ReportScreen))
        students = app.screen.query_one("#report-students", DataTable)
        assert students.row_count == 1 and str(students.get_row_at(0)[0]) == "Bea"


async def test_the_class_report_without_a_code_names_the_papers_sat(tmp_path: Path) -> None:
    clock = ManualClock()
    app = app_for(tmp_path / "p.db", clock)
    async with started(app) as pilot:  # none sat yet: the code is asked for
        await home_with_code(pilot, "")
        await pilot.press("ctrl+g")
        await until(pilot, lambda: "Type the paper code first." in pilot.notes.texts())
    store = open_store(str(tmp_path / "p.db"), clock)
    papers = [a_paper(), a_paper(count=2)]
    for paper in papers:
        sitting.begin(paper, store, store.player("Bea"), clock)
    app = app_for(tmp_path / "p.db", clock)
    async with started(app) as pilot:
        await home_with_code(pilot, "")
        await pilot.press("ctrl+g")
        codes = sorted(p.code for p in papers)
        told = f"Type the paper code first. Papers sat here: {codes[0]}, {codes[1]}."
        await until(pilot, lambda: told in pilot.notes.texts())
        assert isinstance(app.screen, HomeScreen)


def test_the_help_names_the_paper_keys_the_home_screen_has() -> None:
    from importlib import resources

    text = resources.files("quiz.tui").joinpath("help.md").read_text(encoding="utf-8")
    keys = {key for b in HomeScreen.BINDINGS for key in b.key.split(",")}  # type: ignore[union-attr]
    for key, action in (("ctrl+n", "paper"), ("ctrl+g", "report")):
        assert key in keys and any(b.action == action for b in HomeScreen.BINDINGS)  # type: ignore[union-attr]
        assert f"`Ctrl+{key[-1].upper()}`" in text


async def test_an_enter_left_over_from_the_last_answer_chooses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In an exam answers are final and the next question follows at once: an Enter pressed
    out of habit (it goes on after feedback in practice) must not pick the next question's
    first option. Found in a play-test."""
    from quiz.tui.widgets.answers import AnswerList

    monkeypatch.setattr(AnswerList, "SETTLE", 0.4)
    paper = a_paper(count=3, time_limit=None)
    app = app_for(tmp_path / "p.db", ManualClock(), paper=paper)
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        session = app.screen.session  # type: ignore[attr-defined]
        for options in app.screen.query(AnswerList):
            assert options.highlighted is None  # nothing is chosen for the student
        await pilot.press("enter")  # at once, as the tail of a previous answer: ignored
        await pilot.pause(0.5)
        await pilot.press("enter")  # later, nothing highlighted: a word, not an answer
        await pilot.pause(0.1)
        assert session.outcomes == []
