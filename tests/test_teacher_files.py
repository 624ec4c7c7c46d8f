"""Files and figures a teacher can use: results files named with the student's own letters,
never one student's file over another's; blanks counted as lost marks in every shading; one
vocabulary (right, partly right, wrong, blank; wrong never includes blank) in the table, the
CSV, the JSON, the report and the app's report screen."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from classroom import moon_paper, quiz
from helpers import right_response, wrong_response
from quiz.classroom import report, report_html, report_md, sitting
from quiz.classroom.results import QUESTION_COLUMNS, STUDENT_COLUMNS, class_results
from quiz.clock import ManualClock
from quiz.commands.results import slug
from quiz.papers import Paper

NAMES = ["陈伟", "王芳", "Šarūnas Žukauskas", "Ann Lee", "Ann_Lee"]


def sit_all(db: Path, paper: Paper, answers: dict[str, list[str]]) -> None:
    """Each student answers question i 'right', 'wrong' or leaves it 'blank' (the sitting
    is then handed in with the rest unanswered)."""
    from quiz.round.codes import EndReason
    from quiz.store import open_store

    clock = ManualClock()
    store = open_store(str(db), clock)
    for name, plan in answers.items():
        session, _ = sitting.begin(paper, store, store.player(name), clock)
        for how in plan:
            clock.tick(9)
            q = session.current
            if how == "blank":
                break
            session.answer(right_response(q) if how == "right" else wrong_response(q))
        if session.end_reason is None:
            session.leave(EndReason.LEFT)
    store.close()


@pytest.fixture(scope="module")
def paper() -> Paper:
    return moon_paper(seed=4, count=4)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory, paper: Paper) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("class") / "class.db"
    plans = {name: ["right", "wrong", "right", "right"] for name in NAMES}
    plans["Ben"] = ["wrong", "blank"]  # one wrong answer, three blanks
    sit_all(db, paper, plans)
    return {"db": db, "plans": plans}


def export(classroom: dict[str, Any], paper: Paper, name: str, folder: Path, *extra: str):
    return quiz(
        "results", "export", "--paper", paper.code, "--db", str(classroom["db"]), "--player",
        name, *extra, cwd=folder,
    )  # fmt: skip


def test_file_names_keep_the_students_letters_and_never_clash(
    classroom: dict[str, Any], paper: Paper, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "handed-in"
    tmp_path.mkdir()
    for name in NAMES:
        done = export(classroom, paper, name, tmp_path)
        assert done.returncode == 0, done.stderr
    files = sorted(p.name for p in tmp_path.glob("results-*.json"))
    assert len(files) == len(NAMES)  # nobody's file written over another's
    assert f"results-{paper.code}-陈伟.json" in files
    assert f"results-{paper.code}-王芳.json" in files
    assert f"results-{paper.code}-Šarūnas_Žukauskas.json" in files
    owners = {json.loads(p.read_text("utf-8"))["sittings"][0]["player"] for p in tmp_path.iterdir()}
    assert owners == set(NAMES)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Ann Lee", "Ann_Lee"), ("Ann Lee", "ann lee"), ("Zoë", "Zoe\u0308"), ("a/b", "a\\b")],
)
def test_names_that_look_alike_get_different_file_names(one: str, other: str) -> None:
    assert slug(one) != slug(other)
    for name in (one, other):
        assert "/" not in slug(name) and "\\" not in slug(name) and slug(name)


def test_another_students_file_is_never_overwritten(
    classroom: dict[str, Any], paper: Paper, tmp_path: Path
) -> None:
    """A file of that name that is not this student's (another student whose name makes the
    same file name on a case-blind disk, a file copied in) stays; the export goes beside it,
    and says so. The student's own earlier file is replaced."""
    tmp_path = tmp_path / "handed-in"
    tmp_path.mkdir()
    theirs = tmp_path / f"results-{paper.code}-{slug('陈伟')}.json"
    theirs.write_text('{"sittings": [{"player": "Chen Wei"}]}', encoding="utf-8")
    done = export(classroom, paper, "陈伟", tmp_path)
    assert done.returncode == 0, done.stderr
    beside = tmp_path / f"results-{paper.code}-{slug('陈伟')}-2.json"
    assert beside.exists() and theirs.read_text("utf-8").startswith('{"sittings": [{"player": "C')
    assert f"{theirs.name} holds another student's results and is kept" in done.stderr
    again = export(classroom, paper, "陈伟", tmp_path)
    assert again.returncode == 0 and sorted(tmp_path.iterdir()) == sorted([theirs, beside])
    named = export(classroom, paper, "王芳", tmp_path, "--out", str(beside))
    assert named.returncode == 2 and "holds another student's results" in named.stderr
    assert json.loads(beside.read_text("utf-8"))["sittings"][0]["player"] == "陈伟"


def test_one_vocabulary_and_a_blank_is_never_wrong(classroom: dict[str, Any], paper: Paper):
    db = str(classroom["db"])
    assert STUDENT_COLUMNS[3:7] == ("right", "partly_right", "wrong", "blank")
    assert QUESTION_COLUMNS[6:10] == ("right", "partly_right", "wrong", "blank")
    out = quiz("results", "--paper", paper.code, "--db", db, "--format", "csv")
    ben = next(r for r in csv.DictReader(io.StringIO(out.stdout)) if r["name"] == "Ben")
    assert (ben["right"], ben["wrong"], ben["blank"]) == ("0", "1", "3")
    doc = json.loads(quiz("results", "--paper", paper.code, "--db", db, "--format", "json").stdout)
    assert doc["format"] == "quiz-class-results/2"
    ben_json = next(r for r in doc["rows"] if r["name"] == "Ben")
    assert (ben_json["wrong"], ben_json["blank"]) == (1, 3)
    table = quiz("results", "--paper", paper.code, "--db", db).stdout
    assert "right  partly right  wrong  blank" in table
    by_question = quiz("results", "--paper", paper.code, "--db", db, "--by", "question").stdout
    assert "right  partly right  wrong  blank" in by_question
    made = report.build(class_results(_store(db), paper))
    for text in (report_html.render(made), report_md.render(made)):
        assert "Partly right" in text and "Blank" in text and "Of which blank" not in text


def _store(db: str):  # noqa: ANN202
    from quiz.store import open_store

    return open_store(db)


def test_a_question_nobody_got_wrong_shows_a_dash(tmp_path: Path, paper: Paper) -> None:
    db = tmp_path / "c.db"
    sit_all(db, paper, {"Ann": ["right"] * 4, "Ben": ["right", "wrong", "right", "right"]})
    table = quiz("results", "--paper", paper.code, "--db", str(db), "--by", "question").stdout
    rows = [line for line in table.splitlines()[3:] if line.strip()]
    assert len(rows) == 4
    assert [("  – · " in r) for r in rows] == [True, False, True, True]
    out = quiz("results", "--paper", paper.code, "--db", str(db), "--by", "question",
               "--format", "csv").stdout  # fmt: skip
    tops = [r["top_wrong"] for r in csv.DictReader(io.StringIO(out))]
    assert tops[0] == tops[2] == tops[3] == "–" and tops[1] not in ("", "–")


def test_blanks_count_as_lost_marks_in_the_shading(tmp_path: Path, paper: Paper) -> None:
    """One student in four answers right, three leave it blank: 25 % right is a weak
    paragraph, not a green one (blanks were left out of the shading before)."""
    db = tmp_path / "c.db"
    plans = {"Ann": ["right"] * 4, "Ben": ["blank"], "Cleo": ["blank"], "Dan": ["blank"]}
    sit_all(db, paper, plans)
    made = report.build(class_results(_store(str(db)), paper))
    asked = [p for p in made.paragraphs if p.error is not None]
    assert asked
    for p in asked:
        assert p.error == pytest.approx(0.75) and p.shade == "weak"
        assert p.blank == 3 * len(p.questions) and "blank" in p.asked
    html = report_html.render(made)
    assert 'border-left-color: #2f7d32"' not in html  # nothing shaded green
    assert "a blank loses every mark" in html and "a blank loses every mark" in report_md.render(
        made
    )
