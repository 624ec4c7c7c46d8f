"""Exam mode: no feedback until the end, a visible clock that ends the sitting when it runs out,
one sitting per player, and a sitting cut off by a crash resumed (or closed) as it stood."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from classroom import line_for, moon_paper, quiz_env, sit
from conftest import MOON
from helpers import right_response, wrong_response
from quiz import plain
from quiz.classroom import sitting
from quiz.classroom.marking import marked_session
from quiz.classroom.results import class_results
from quiz.clock import ManualClock, SystemClock
from quiz.commands import sit as sit_command
from quiz.generate import round_questions
from quiz.question import InvalidResponse
from quiz.round.codes import EndReason
from quiz.services import make_services
from quiz.session import Phase, TimeUp
from quiz.store import open_store
from quiz.store.sittings import sittings


def store_and_player(tmp_path: Path, name: str = "Ann", clock: ManualClock | None = None):
    store = open_store(str(tmp_path / "p.db"), clock or ManualClock())
    return store, store.player(name)


# -- the clock --------------------------------------------------------------------------


def test_an_expired_timer_ends_the_sitting_and_counts_the_rest_wrong(tmp_path: Path) -> None:
    clock = ManualClock()
    paper = moon_paper(count=5, time_limit=300)
    store, ann = store_and_player(tmp_path, clock=clock)
    session, recorder = sitting.begin(paper, store, ann, clock)
    assert recorder.round_id is not None  # kept from the start, before any answer
    session.answer(right_response(session.current))
    clock.tick(120)
    assert session.time_left() == pytest.approx(180)
    session.answer(wrong_response(session.current))
    clock.tick(181)
    assert session.time_left() == 0
    with pytest.raises(TimeUp):
        session.answer(right_response(session.current))
    assert session.phase is Phase.FINISHED and session.end_reason is EndReason.TIMEOUT
    (row,) = sittings(store, paper.code)
    assert row.status == "timeout" and row.paper == paper.code and row.player == "Ann"
    results = class_results(store, paper)
    (marked,) = results.sittings
    assert (marked.right, marked.wrong, marked.blank) == (1, 1, 3)  # a blank is not wrong
    assert marked.score == 1000 and marked.seconds == 300  # never more than the limit


class TickingInput(io.StringIO):
    """Standard input of a student who takes `seconds` over each answer."""

    def __init__(self, text: str, clock: ManualClock, seconds: float) -> None:
        super().__init__(text)
        self.clock, self.seconds = clock, seconds

    def readline(self, *args: object) -> str:  # type: ignore[override]
        self.clock.tick(self.seconds)
        return super().readline()


def test_the_line_mode_shows_the_time_left_and_nothing_marked_until_the_end(
    tmp_path: Path,
) -> None:
    clock = ManualClock()
    paper = moon_paper(count=4, time_limit=200)
    store, ann = store_and_player(tmp_path, clock=clock)
    session, _ = sitting.begin(paper, store, ann, clock)
    questions = list(session.questions)
    answers = [line_for(q, right=i % 2 == 0) for i, q in enumerate(questions)]
    stdin, out = TickingInput("\n".join(answers) + "\n", clock, 60), io.StringIO()

    def review() -> list[str]:
        from quiz.classroom.review import review_lines

        return review_lines(paper.pack, marked_session(session, "Ann", paper.code))

    assert plain.run(session, stdin, out, player="Ann", epilogue=review, paper=paper.code) == 0
    text = out.getvalue()
    during, _, after = text.partition("Time is up")
    assert "time left 3:20" in during and "time left 2:20" in during and "time left 0:20" in during
    assert "score" not in during.lower() and "Right!" not in text and "Wrong" not in text
    # The fourth answer came after 240 s of a 200 s paper: refused, counted wrong.
    assert session.end_reason is EndReason.TIMEOUT
    assert "score 2000 of 4000" in after and "2 of 4 right" in after
    for q in questions:  # the full review: every question, its answer and its passage
        assert q.prompt in after and q.answer_text() in after
        assert f"»{q.quote.text}«" in after


def test_the_time_runs_out_while_the_student_is_thinking(tmp_path: Path) -> None:
    """The real clock: nothing is typed, and the sitting still ends when its time is up."""
    paper = moon_paper(count=3, time_limit=1)
    store, ann = store_and_player(tmp_path)
    session, _ = sitting.begin(paper, store, ann, SystemClock())
    read, write = os.pipe()  # an input that never brings a line
    started = time.monotonic()
    with os.fdopen(read, encoding="utf-8") as stdin:
        plain.run(session, stdin, io.StringIO(), paper=paper.code)
    os.close(write)
    assert 0.9 < time.monotonic() - started < 10
    assert session.end_reason is EndReason.TIMEOUT
    assert sittings(store, paper.code)[0].status == "timeout"


# -- once per player --------------------------------------------------------------------


def services(tmp_path: Path, name: str, clock: ManualClock):
    return make_services(packs=[MOON], db=str(tmp_path / "p.db"), player=name, clock=clock)


def test_a_paper_is_sat_once_the_second_time_shows_the_result(tmp_path: Path) -> None:
    clock = ManualClock()
    paper = moon_paper(count=3)
    lines = "".join(line_for(q) + "\n" for q in round_questions(paper.pack, paper.spec))
    first = io.StringIO()
    svc = services(tmp_path, "Ann", clock)
    assert sit_command.plain(paper, svc, io.StringIO(lines), first) == 0
    assert "score 3000 of 3000" in first.getvalue()
    hand_in = f"To hand it in: quiz results export --paper {paper.code} --player Ann --packs "
    assert hand_in in first.getvalue()  # the moon pack is not installed: its folder is named
    again = io.StringIO()
    wrong = "".join("1\n" for _ in range(3))
    assert (
        sit_command.plain(paper, services(tmp_path, "Ann", clock), io.StringIO(wrong), again) == 0
    )
    text = again.getvalue()
    assert "a paper is sat once" in text and "score 3000 of 3000" in text and hand_in in text
    assert "Question 1 of" not in text  # nothing asked
    store = open_store(str(tmp_path / "p.db"))
    assert len(sittings(store, paper.code)) == 1


def test_an_empty_input_leaves_the_paper_open_to_be_sat_with_answers(tmp_path: Path) -> None:
    """`quiz play --paper CODE --plain < /dev/null` must not use up the one sitting."""
    clock = ManualClock()
    paper = moon_paper(count=3)
    out = io.StringIO()
    assert sit_command.plain(paper, services(tmp_path, "Zed", clock), io.StringIO(""), out) == 0
    text = out.getvalue()
    assert (
        "No answers read: the paper is not handed in; sit it again with your answers on "
        "standard input." in text
    )
    assert "score" not in text and "handed in early" not in text and "To hand it in" not in text
    store = open_store(str(tmp_path / "p.db"))
    (row,) = sittings(store, paper.code)
    assert not row.finished
    # Sat again with the answers: the first line is the first answer, not a resume choice.
    lines = "".join(line_for(q) + "\n" for q in round_questions(paper.pack, paper.spec))
    again = io.StringIO()
    svc = services(tmp_path, "Zed", clock)
    assert sit_command.plain(paper, svc, io.StringIO(lines), again) == 0
    assert "score 3000 of 3000" in again.getvalue() and "sat once" not in again.getvalue()
    assert "0 of 3 questions answered.\nIt is resumed." in again.getvalue()
    (row,) = sittings(open_store(str(tmp_path / "p.db")), paper.code)
    assert row.finished


def test_an_input_that_ends_part_way_hands_the_paper_in_and_says_so(tmp_path: Path) -> None:
    clock = ManualClock()
    paper = moon_paper(count=4)
    first = round_questions(paper.pack, paper.spec)[0]
    out = io.StringIO()
    svc = services(tmp_path, "Zed", clock)
    assert sit_command.plain(paper, svc, io.StringIO(line_for(first) + "\n"), out) == 0
    text = out.getvalue()
    assert (
        "End of input: the paper is handed in with 1 of 4 answered; the other 3 are left "
        "blank and score nothing." in text
    )
    assert "score 1000 of 4000" in text and "No answers read" not in text
    (row,) = sittings(open_store(str(tmp_path / "p.db")), paper.code)
    assert row.finished


# -- a sitting cut off ------------------------------------------------------------------


def test_a_resumed_sitting_keeps_its_answers_and_its_clock(tmp_path: Path) -> None:
    clock = ManualClock()
    paper = moon_paper(count=5, time_limit=600)
    store, ann = store_and_player(tmp_path, clock=clock)
    first, recorder = sitting.begin(paper, store, ann, clock)
    first.answer(right_response(first.current))
    first.answer(wrong_response(first.current))
    clock.tick(100)  # the computer crashes; it comes back 100 s later
    before = sitting.before(store, ann, paper)
    assert before.finished is None and before.unfinished is not None
    assert len(before.unfinished.answers) == 2
    again, recorder2 = sitting.resume(paper, before.unfinished, store, ann, clock)
    assert recorder2.round_id == recorder.round_id
    assert again.index == 2 and [o.response for o in again.outcomes] == [
        o.response for o in first.outcomes
    ]
    assert again.score == first.score == 1000
    assert again.time_left() == pytest.approx(500)
    while again.phase is not Phase.FINISHED:
        again.answer(right_response(again.current))
    (row,) = sittings(store, paper.code)  # the same record, not a second sitting
    assert row.status == "done" and len(row.answers) == 5
    assert [a.seq for a in row.answers] == list(range(5))
    assert sitting.before(store, ann, paper).finished is not None


def test_a_sitting_can_be_closed_as_it_stood(tmp_path: Path) -> None:
    clock = ManualClock()
    paper = moon_paper(count=4)
    store, ann = store_and_player(tmp_path, clock=clock)
    first, _ = sitting.begin(paper, store, ann, clock)
    first.answer(right_response(first.current))
    row = sitting.before(store, ann, paper).unfinished
    assert row is not None
    closed, _ = sitting.close(paper, row, store, ann, clock)
    assert closed.end_reason is EndReason.CLOSED
    (marked,) = class_results(store, paper).sittings
    assert marked.status == "closed" and (marked.right, marked.wrong, marked.blank) == (1, 0, 3)


def test_a_sitting_whose_time_ran_out_while_cut_off_is_over(tmp_path: Path) -> None:
    clock = ManualClock()
    paper = moon_paper(count=4, time_limit=60)
    store, ann = store_and_player(tmp_path, clock=clock)
    first, _ = sitting.begin(paper, store, ann, clock)
    first.answer(right_response(first.current))
    clock.tick(3600)
    row = sitting.before(store, ann, paper).unfinished
    assert row is not None
    again, _ = sitting.resume(paper, row, store, ann, clock)
    assert again.end_reason is EndReason.TIMEOUT
    assert sittings(store, paper.code)[0].status == "timeout"


def _read_until(proc: subprocess.Popen[str], marker: str, seconds: float = 30) -> str:
    seen = ""
    deadline = time.monotonic() + seconds
    assert proc.stdout is not None
    while marker not in seen:
        assert time.monotonic() < deadline, seen
        line = proc.stdout.readline()
        assert line, seen
        seen += line
    return seen


@pytest.mark.parametrize("choice", ["r", "h"])
def test_a_sitting_killed_mid_way_is_resumed_or_closed(tmp_path: Path, choice: str) -> None:
    paper = moon_paper(count=5, time_limit=3600)
    questions = round_questions(paper.pack, paper.spec)
    db = tmp_path / "p.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", "--plain", "--paper", paper.code]
        + ["--packs", str(MOON), "--db", str(db), "--player", "Kim"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=quiz_env(),
    )
    assert proc.stdin is not None
    _read_until(proc, "Question 1 of 5")
    for q in questions[:2]:
        proc.stdin.write(line_for(q) + "\n")
        proc.stdin.flush()
    _read_until(proc, "Question 3 of 5")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    store = open_store(str(db))
    (row,) = sittings(store, paper.code)
    assert row.status == "open" and len(row.answers) == 2
    started = row.started_at
    store.close()

    rest = [line_for(q, right=False) for q in questions[2:]]
    done = sit(paper.code, db, "Kim", [choice, *rest])
    assert done.returncode == 0, done.stderr
    assert "unfinished sitting" in done.stdout and "2 of 5 questions answered" in done.stdout
    store = open_store(str(db))
    (row,) = sittings(store, paper.code)
    assert row.started_at == started  # the clock counts from the first start
    (marked,) = class_results(store, paper).sittings
    if choice == "r":
        assert "Question 3 of 5" in done.stdout and "Question 1 of 5" not in done.stdout
        assert row.status == "done" and (marked.right, marked.wrong) == (2, 3)
    else:
        assert "Question 3 of 5" not in done.stdout
        assert row.status == "closed" and (marked.right, marked.blank) == (2, 3)
    assert "score 2000 of 5000" in done.stdout
    again = sit(paper.code, db, "Kim", [line_for(q) for q in questions])
    assert "a paper is sat once" in again.stdout and "score 2000 of 5000" in again.stdout


def test_restoring_tells_the_listeners_nothing_and_refuses_a_played_round() -> None:
    from quiz.session import Given, Listener, Session

    class Ear(Listener):
        def __init__(self) -> None:
            self.heard: list[str] = []

        def started(self, session: Session) -> None:
            self.heard.append("started")

        def answered(self, session: Session, outcome: object) -> None:
            self.heard.append("answered")

        def finished(self, session: Session) -> None:
            self.heard.append("finished")

    clock, paper, ear = ManualClock(), moon_paper(count=3, time_limit=100), Ear()
    session = Session(paper.spec, paper.pack, clock=clock, listeners=[ear])
    first = session.questions[0]
    started = clock.now()
    clock.tick(30)
    session.restore([Given(right_response(first), 4.0, started)], started)
    assert ear.heard == [] and session.index == 1 and session.score == 1000
    assert session.time_left() == pytest.approx(70)
    session.answer(wrong_response(session.current))
    assert ear.heard == ["answered"]  # only what happens from now on
    with pytest.raises(RuntimeError):
        session.restore([], started)
    fresh = Session(paper.spec, paper.pack, clock=clock)
    with pytest.raises(InvalidResponse):  # a kept answer that no longer fits its question
        fresh.restore([Given({"x": 1}, 1.0, started)], started)
