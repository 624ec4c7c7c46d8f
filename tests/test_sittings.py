"""Sittings that count (issue 17): one sitting per player and paper whatever races, held by
one window at a time; names as identities; the teacher's close, reopen, delete, release and
closing time; a clock the store keeps, so setting the computer's clock back gives no time
back; and results files from a computer whose clock jumped."""

from __future__ import annotations

import datetime as dt
import io
import json
import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from classroom import line_for, moon_paper, quiz
from conftest import MOON
from helpers import moon, old_player, right_response
from quiz.classroom import sitting
from quiz.classroom.results import class_results
from quiz.classroom.transfer import (
    Papers,
    ResultsFileError,
    export_doc,
    read_results,
)
from quiz.clock import ManualClock
from quiz.commands import sit as sit_command
from quiz.generate import round_questions
from quiz.names import name_key
from quiz.services import check_name, make_services
from quiz.session import Phase
from quiz.store import open_store
from quiz.store.schema import migrate
from quiz.store.sittings import (
    LEASE,
    Busy,
    PaperClosed,
    claim,
    paper_state,
    set_closes,
    sittings,
)
from quiz.store.sql import SqlStore

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


# -- one sitting per player and paper, under a race ------------------------------------------


def _racer(target: str, code: str, barrier: Any, players: int, out: Any) -> None:
    """One of two processes: for each player, wait for the other, then both claim the
    player's sitting at the same instant (a window each)."""
    from quiz.papers import decode
    from quiz.store.holder import new_holder

    paper = decode(code, [moon()])
    store = open_store(target)
    assert store.problem is None, store.problem
    holder, said = new_holder(), []
    for k in range(players):
        barrier.wait(timeout=60)
        try:
            player = store.player(f"Player {k}")
            claimed = claim(store, player.id, paper.code, paper.spec, holder, store.clock.now())
            said.append("new" if claimed is not None and claimed.new else "resumed")
        except Busy:
            said.append("busy")
    barrier.wait(timeout=60)  # neither lets go before both are done: a clean count of refusals
    out.put(said)
    store.close()


@pytest.mark.parametrize("store_target", ["sqlite", "postgresql"], indirect=True)
def test_two_processes_starting_one_sitting_at_once_make_one(store_target: str) -> None:
    """Measured on main: two terminals starting one paper within ~10 ms gave 18 of 20
    players two sittings. Here two processes claim each of ten players' sittings at the
    same instant: each player ends with one sitting, started by one process, and the other
    is told it is open in another window."""
    paper = moon_paper(count=3)
    open_store(store_target).close()  # migrated once, before the race
    ctx = multiprocessing.get_context("spawn")
    barrier, out, players = ctx.Barrier(2), ctx.Queue(), 10
    procs = [
        ctx.Process(target=_racer, args=(store_target, paper.code, barrier, players, out))
        for _ in range(2)
    ]
    for p in procs:
        p.start()
    said = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    store = open_store(store_target)
    rows = sittings(store, paper.code)
    assert len(store.players()) == players  # the names raced too: added once each
    assert sorted(r.player for r in rows) == sorted(f"Player {k}" for k in range(players))
    for k in range(players):
        assert sorted([said[0][k], said[1][k]]) == ["busy", "new"]


def test_a_second_window_is_refused_until_the_first_lets_go_or_its_lease_lapses(
    tmp_path: Path,
) -> None:
    clock = ManualClock(T0)
    paper = moon_paper(count=3)
    store = open_store(str(tmp_path / "p.db"), clock)
    ann = store.player("Ann")
    first = sitting.take(store, ann, paper, clock, "here/1/a")
    assert first.new and first.unfinished is not None
    session, _ = sitting.resume(paper, first.unfinished, store, ann, clock, None, "here/1/a")
    session.answer(right_response(session.current))
    with pytest.raises(Busy, match="open in another window"):
        sitting.take(store, ann, paper, clock, "here/1/b")
    clock.tick(LEASE - 1)  # quiet, but not for long enough
    with pytest.raises(Busy):
        sitting.take(store, ann, paper, clock, "here/1/b")
    clock.tick(2)  # the first window has been silent past its lease: the second takes over
    second = sitting.take(store, ann, paper, clock, "here/1/b")
    assert second.unfinished is not None and not second.new
    assert len(second.unfinished.answers) == 1  # the same sitting, resumed
    warned: list[str] = []
    held = next(x for x in session.listeners if isinstance(x, sitting.Held))
    held.on_problem = warned.append
    session.answer(right_response(session.current))  # the first window wakes up and answers
    assert warned and "taken over" in warned[0]
    (row,) = sittings(store, paper.code)
    assert len(row.answers) == 1  # nothing interleaved from the window that lost it


def test_a_window_that_ends_lets_go_at_once(tmp_path: Path) -> None:
    clock = ManualClock(T0)
    paper = moon_paper(count=3)
    store = open_store(str(tmp_path / "p.db"), clock)
    ann = store.player("Ann")
    row = sitting.take(store, ann, paper, clock, "here/1/a").unfinished
    assert row is not None
    session, _ = sitting.resume(paper, row, store, ann, clock, None, "here/1/a")
    sitting.let_go_of(session)  # the program stops with the sitting open
    assert sitting.take(store, ann, paper, clock, "here/1/b").unfinished is not None


# -- names are identities ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Eve Again", "eve  again"),
        ("Zoé", "Zoe\u0301"),  # é composed, then decomposed
        ("Anna", "\u0410nna"),  # a Cyrillic А
        ("Paul", "ＰＡＵＬ"),  # fullwidth
    ],
)
def test_look_alike_names_are_one_player_who_sits_once(
    tmp_path: Path, first: str, again: str
) -> None:
    clock = ManualClock(T0)
    paper = moon_paper(count=2)
    lines = "".join(line_for(q) + "\n" for q in round_questions(paper.pack, paper.spec))

    def sit_as(name: str) -> str:
        out = io.StringIO()
        services = make_services(packs=[MOON], db=str(tmp_path / "p.db"), player=name, clock=clock)
        assert sit_command.plain(paper, services, io.StringIO(lines), out) == 0
        return out.getvalue()

    assert "score 2000 of 2000" in sit_as(first)
    text = sit_as(check_name(again))
    assert "a paper is sat once" in text and f"{first} sat paper" in text  # shown as first typed
    store = open_store(str(tmp_path / "p.db"), clock)
    assert [p.name for p in store.players()] == [first]
    assert len(sittings(store, paper.code)) == 1


FILLERS = ["\u3164", "\u115f", "\u1160", "\u2800", "\u200b", "\u2060", "\ufeff", "\u00ad",
           "\u034f", "\ufe0f", "\U000e0041"]  # fmt: skip


@pytest.mark.parametrize("filler", FILLERS)
def test_invisible_fillers_are_refused_with_a_sentence(filler: str) -> None:
    with pytest.raises(ValueError, match=r"cannot hold invisible characters \(U\+"):
        check_name(f"Eve{filler}")
    with pytest.raises(ValueError, match="invisible"):
        check_name(f"{filler}{filler}")


def test_the_key_folds_case_form_spacing_and_look_alikes_but_not_letters() -> None:
    assert name_key("EVE  AGAIN") == name_key("Eve Again") == name_key("eve again")
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("陈伟") != name_key("王芳")
    assert name_key("Ann") != name_key("Anne") and name_key("ail") != name_key("all")


def test_players_who_collide_in_an_old_store_are_both_kept(tmp_path: Path) -> None:
    """An old store may hold "Eve" and a Cyrillic "Еve" as two players, and two sittings of
    one paper by one player (two windows raced). The migration keeps all of it readable:
    the first Eve gets the key and is found by any look-alike; the second is found by her
    exact name; both sittings stay, and the player sits no third time."""
    from quiz.store.sqlite import SqliteBackend

    paper = moon_paper(count=2)
    db = SqliteBackend(tmp_path / "old.db")
    old = SqlStore.__new__(SqlStore)
    old.db, old.clock, old.problem, old.notice = db, ManualClock(T0), None, None
    migrate(old, target=5)
    eve, other = old_player(db, "Eve"), old_player(db, "\u0415ve")
    for uid in ("a", "b"):
        db.execute(
            "INSERT INTO rounds (player_id, pack_id, pack_version, pack_digest, mode, count, "
            "custom, spec, started_at, ended_at, status, paper, uid) VALUES "
            "(?, ?, ?, ?, 'exam', 2, 0, ?, ?, ?, 'left', ?, ?)",
            (eve.id, paper.pack.id, paper.pack.version, paper.pack.digest, paper.spec.dumps(),
             T0.isoformat(), T0.isoformat(), paper.code, uid),
        )  # fmt: skip
    db.close()
    store = open_store(str(tmp_path / "old.db"), ManualClock(T0))
    assert sorted(p.name for p in store.players()) == sorted(["Eve", "\u0415ve"])
    assert store.find_player("EVE") == store.find_player("Eve")
    found = store.find_player("\u0415ve")
    assert found is not None and found.id == other.id  # the exact name first
    assert len(sittings(store, paper.code)) == 2
    assert sitting.take(store, eve, paper, store.clock, "h").finished is not None


# -- the teacher: close, reopen, delete, release, a closing time --------------------------------


def test_close_reopen_and_delete_a_sitting(tmp_path: Path) -> None:
    db, paper = tmp_path / "t.db", moon_paper(count=3, time_limit=900)
    store = open_store(str(db))
    ann = store.player("Ann")
    row = sitting.take(store, ann, paper, store.clock, "gone/1/a").unfinished
    assert row is not None
    session, _ = sitting.resume(paper, row, store, ann, store.clock, None, "gone/1/a")
    session.answer(right_response(session.current))  # then the tab is closed
    store.close()

    def results(*args: str) -> Any:
        return quiz("results", *args, "--paper", paper.code, "--db", str(db))

    done = results("close", "--player", "ann")
    assert done.returncode == 0 and "Ann's sitting" in done.stdout and "closed" in done.stdout
    assert results("close", "--player", "Ann").returncode == 2  # nothing open now
    (row,) = sittings(open_store(str(db)), paper.code)
    assert row.status == "closed" and len(row.answers) == 1
    assert results("reopen", "--player", "Ann").returncode == 0
    (row,) = sittings(open_store(str(db)), paper.code)
    assert row.status == "open" and row.holder is None
    refused = results("delete", "--player", "Ann")
    assert refused.returncode == 2 and "add --yes" in refused.stderr
    assert len(sittings(open_store(str(db)), paper.code)) == 1
    assert results("delete", "--player", "Ann", "--yes").returncode == 0
    store = open_store(str(db))
    assert sittings(store, paper.code) == [] and store.answer_counts(ann.id) == (0, 0)
    nobody = results("close", "--player", "Zed")
    assert nobody.returncode == 2 and "no player 'Zed'" in nobody.stderr


def test_release_and_closing_time_are_kept_in_the_store(tmp_path: Path) -> None:
    db, paper = tmp_path / "t.db", moon_paper(count=3)
    made = quiz("paper", "new", "moon", "--packs", str(MOON), "--count", "3", "--seed", "3",
                "--closes", "2099-06-01T15:00+00:00", "--db", str(db))  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "Closes 2099-06-01 15:00 UTC" in made.stdout
    code = made.stdout.split()[-1]

    def shown(code: str) -> str:
        said = quiz("paper", "show", code, "--packs", str(MOON), "--db", str(db))
        assert said.returncode == 0, said.stderr
        return said.stdout

    assert "Closes 2099-06-01 15:00 UTC; until then served students see no marks" in shown(code)
    store = open_store(str(db))
    assert paper_state(store, code).closes_at == "2099-06-01T15:00:00.000000+00:00"
    assert not paper_state(store, code).key_shown(store.clock.now())
    past = quiz("paper", "new", "moon", "--packs", str(MOON), "--count", "3",
                "--closes", "2001-01-01T00:00", "--db", str(db))  # fmt: skip
    assert past.returncode == 2 and "passed already" in past.stderr
    bad = quiz("paper", "new", "moon", "--packs", str(MOON), "--closes", "friday")
    assert bad.returncode == 2 and "ISO date and time" in bad.stderr
    other = quiz("paper", "new", "moon", "--packs", str(MOON), "--count", "3", "--seed", "4")
    unclosed = other.stdout.split()[-1]
    assert "Open: served students see no marks until quiz paper release" in shown(unclosed)
    released = quiz("paper", "release", paper.code, "--packs", str(MOON), "--db", str(db))
    assert released.returncode == 0 and "answers released" in released.stdout
    again = quiz("paper", "release", paper.code, "--packs", str(MOON), "--db", str(db))
    assert "released already" in again.stdout
    assert "Answers released " in shown(paper.code)
    assert paper_state(open_store(str(db)), paper.code).key_shown(dt.datetime.now(dt.UTC))


def test_a_closed_paper_takes_no_new_sitting_and_closes_an_open_one(tmp_path: Path) -> None:
    clock = ManualClock(T0)
    paper = moon_paper(count=3)
    store = open_store(str(tmp_path / "p.db"), clock)
    ann, ben = store.player("Ann"), store.player("Ben")
    assert sitting.take(store, ann, paper, clock, "gone/1/a").unfinished is not None
    set_closes(store, paper.code, T0 + dt.timedelta(minutes=30))
    clock.advance(minutes=31)
    (row,) = sittings(store, paper.code)
    assert row.status == "closed" and row.kept_status == "open"  # counts as closed, unwritten
    with pytest.raises(PaperClosed, match="can no longer be sat"):
        sitting.take(store, ben, paper, clock, "gone/1/b")
    with pytest.raises(PaperClosed):
        sitting.take(store, ann, paper, clock, "gone/1/a")
    (row,) = sittings(store, paper.code)
    assert row.kept_status == "closed"  # written now, as it stood


# -- the clock the store keeps --------------------------------------------------------------------


def test_a_clock_set_back_gives_no_time_back(tmp_path: Path) -> None:
    """Measured on main: setting the clock back before resuming gave a fresh time limit."""
    clock = ManualClock(T0)
    paper = moon_paper(count=3, time_limit=600)
    store = open_store(str(tmp_path / "p.db"), clock)
    ann = store.player("Ann")
    row = sitting.take(store, ann, paper, clock, "gone/1/a").unfinished
    assert row is not None
    session, _ = sitting.resume(paper, row, store, ann, clock, None, "gone/1/a")
    clock.advance(minutes=5)
    session.answer(right_response(session.current))  # 300 s used, kept with the answer
    sitting.let_go_of(session)
    back = ManualClock(T0 - dt.timedelta(hours=2))  # the computer's clock, set back
    store2 = open_store(str(tmp_path / "p.db"), back)
    row = sitting.take(store2, ann, paper, back, "gone/1/b").unfinished
    assert row is not None
    found = sitting.unfinished(paper, row, back)
    assert found.left == pytest.approx(300, abs=1)  # not 600 again
    again, _ = sitting.resume(paper, row, store2, ann, back, None, "gone/1/b")
    assert again.time_left() == pytest.approx(300, abs=1)


def test_a_sitting_past_its_time_limit_counts_as_timed_out_everywhere(tmp_path: Path) -> None:
    """Measured on main: a closed tab's 15-minute paper still read "not finished" twenty
    minutes later. Read after its time, it is timed out, in the results too, unwritten; the
    student coming back finds it ended, and then it is written so."""
    clock = ManualClock(T0)
    paper = moon_paper(count=3, time_limit=900)
    store = open_store(str(tmp_path / "p.db"), clock)
    ann = store.player("Ann")
    row = sitting.take(store, ann, paper, clock, "gone/1/a").unfinished
    assert row is not None
    session, _ = sitting.resume(paper, row, store, ann, clock, None, "gone/1/a")
    session.answer(right_response(session.current))
    clock.advance(minutes=20)  # the tab was closed long ago
    (marked,) = class_results(store, paper).sittings
    assert marked.status == "timeout" and marked.status_words == "time ran out"
    (row,) = sittings(store, paper.code)
    assert row.kept_status == "open" and row.elapsed == 900
    row = sitting.take(store, ann, paper, clock, "gone/1/b").unfinished
    assert row is not None and sitting.unfinished(paper, row, clock).how is sitting.Resuming.EXPIRED
    ended, _ = sitting.resume(paper, row, store, ann, clock, None, "gone/1/b")
    assert ended.phase is Phase.FINISHED
    assert sittings(store, paper.code)[0].kept_status == "timeout"


def _exported(tmp_path: Path, shift: dt.timedelta, seconds: float) -> Path:
    """A results file of a whole sitting whose wall clock moved by `shift` after the first
    answer, each answer having taken `seconds` on the monotonic clock."""
    clock = ManualClock(T0)
    paper = moon_paper(count=3, time_limit=600)
    store = open_store(str(tmp_path / "student.db"), clock)
    ann = store.player("Ann")
    row = sitting.take(store, ann, paper, clock, "gone/1/a").unfinished
    assert row is not None
    session, _ = sitting.resume(paper, row, store, ann, clock, None, "gone/1/a")
    for i in range(3):
        clock.tick(seconds)
        session.answer(right_response(session.current))
        if i == 0:
            clock._now += shift  # the wall clock jumps; the monotonic one does not
    (row,) = sittings(store, paper.code)
    doc = export_doc([row], paper, round_questions(paper.pack, paper.spec), clock.now())
    path = tmp_path / "results.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_an_honest_file_from_a_computer_whose_clock_jumped_imports(tmp_path: Path) -> None:
    """Measured on main: a jump during an honest sitting made its results file impossible
    to import. A clock set back an hour mid-sitting: its answers seem to come before the
    start and it seems to end before it began, yet each answer's seconds fit the limit."""
    path = _exported(tmp_path, -dt.timedelta(hours=1), 60)
    (incoming,) = read_results(path, Papers([moon()]))
    assert incoming.score == 3000


def test_a_file_whose_answers_outlast_the_time_limit_is_still_refused(tmp_path: Path) -> None:
    path = _exported(tmp_path, dt.timedelta(0), 60)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sittings"][0]["answers"][2]["seconds"] = 590.0  # 60 + 60 + 590 > 600
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ResultsFileError, match=r"answers\[2\]\.seconds: after the paper's time"):
        read_results(path, Papers([moon()]))
    doc["sittings"][0]["answers"][2]["seconds"] = 60.0
    doc["sittings"][0]["ended_at"] = "2026-02-27T09:00:00+00:00"  # days before it started
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ResultsFileError, match="before the sitting started"):
        read_results(path, Papers([moon()]))


def test_closing_a_sitting_past_its_limit_keeps_it_as_timed_out(tmp_path: Path) -> None:
    from quiz.store import sittings as kept

    clock = ManualClock(T0)
    paper = moon_paper(count=3, time_limit=900)
    store = open_store(str(tmp_path / "p.db"), clock)
    ann = store.player("Ann")
    assert sitting.take(store, ann, paper, clock, "gone/1/a").unfinished is not None
    clock.advance(minutes=5)
    assert kept.close(store, paper.code, ann.id, clock.now()) == 1
    assert sittings(store, paper.code)[0].kept_status == "closed"  # within its time: closed
    assert kept.reopen(store, paper.code, ann.id, clock.now()) == 1
    clock.advance(minutes=30)  # reopened with 10 minutes left, then abandoned again
    assert kept.close(store, paper.code, ann.id, clock.now()) == 1
    (row,) = sittings(store, paper.code)
    assert row.kept_status == "timeout" and row.elapsed == 900
