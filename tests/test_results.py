"""Results that travel: students on their own computers sit one code, hand in files, and the
teacher's computer takes them in, re-marks every answer and shows the class. Nothing a file
claims is trusted."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from classroom import line_for, moon_paper, quiz, sit
from helpers import moon, right_response
from quiz.classroom.results import QUESTION_COLUMNS, STUDENT_COLUMNS, class_results
from quiz.classroom.transfer import Papers, ResultsFileError, fingerprint, keep, read_results
from quiz.generate import round_questions
from quiz.store import open_store
from quiz.store.sittings import sittings

STUDENTS = {  # who answers which questions right (by position)
    "Ann": {0, 1, 2, 3, 4},
    "Ben": {0, 2},
    "Cleo": set(),
}


def printed_questions(stdout: str) -> list[str]:
    """The prompts a student was shown, in order (the line after each 'Question k of n')."""
    lines = stdout.splitlines()
    return [lines[i + 1] for i, line in enumerate(lines) if line.startswith("Question ")]


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Three students, each on a computer of their own (a store each), sit one paper and
    export their results; the files are what they hand in."""
    root = tmp_path_factory.mktemp("class")
    paper = moon_paper(seed=11, count=5, time_limit=1800)
    questions = round_questions(paper.pack, paper.spec)
    seen, files, finals = {}, {}, {}
    for name, right in STUDENTS.items():
        computer = root / name
        computer.mkdir()
        lines = [line_for(q, right=i in right) for i, q in enumerate(questions)]
        done = sit(paper.code, computer / "p.db", name, lines)
        assert done.returncode == 0, done.stderr
        seen[name] = printed_questions(done.stdout)
        finals[name] = next(x for x in done.stdout.splitlines() if x.startswith("Paper "))
        exported = quiz(
            "results", "export", "--paper", paper.code, "--db", str(computer / "p.db"),
            "--player", name, cwd=computer,
        )  # fmt: skip
        assert exported.returncode == 0, exported.stderr
        (files[name],) = computer.glob("results-*.json")
    return {"paper": paper, "questions": questions, "seen": seen, "files": files,
            "finals": finals, "root": root}  # fmt: skip


def test_three_students_sitting_one_code_get_the_same_paper(classroom: dict[str, Any]) -> None:
    prompts = [q.prompt for q in classroom["questions"]]
    assert [classroom["seen"][n] for n in STUDENTS] == [prompts] * 3


def test_sittings_from_other_computers_arrive_as_files_and_are_rescored(
    classroom: dict[str, Any], tmp_path: Path
) -> None:
    paper, files = classroom["paper"], classroom["files"]
    teacher = tmp_path / "teacher.db"
    done = quiz("results", "import", *map(str, files.values()), "--db", str(teacher))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("1 sitting added") == 3
    table = quiz("results", "--paper", paper.code, "--db", str(teacher), "--format", "json")
    rows = {r["name"]: r for r in json.loads(table.stdout)["rows"]}
    assert sorted(rows) == sorted(STUDENTS)
    for name, right in STUDENTS.items():
        assert rows[name]["right"] == len(right) and rows[name]["score"] == 1000 * len(right)
        assert rows[name]["wrong"] == 5 - len(right) and rows[name]["status"] == "done"
        # what the student saw at the end of the sitting is what the teacher sees
        assert f"score {1000 * len(right)} of 5000" in classroom["finals"][name]
    again = quiz("results", "import", str(files["Ann"]), "--db", str(teacher))
    assert again.returncode == 0 and "0 sittings added" in again.stdout
    assert "1 already here" in again.stdout
    store = open_store(str(teacher))
    assert len(sittings(store, paper.code)) == 3


def test_results_by_student_and_by_question_as_csv(classroom: dict[str, Any], tmp_path: Path):
    paper, files = classroom["paper"], classroom["files"]
    teacher = tmp_path / "teacher.db"
    taken = quiz("results", "import", *map(str, files.values()), "--db", str(teacher))
    assert taken.returncode == 0
    students = quiz("results", "--paper", paper.code, "--db", str(teacher), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(students.stdout)))
    assert tuple(rows[0]) == STUDENT_COLUMNS and [r["name"] for r in rows] == ["Ann", "Ben", "Cleo"]
    assert [int(r["right"]) for r in rows] == [5, 2, 0]
    assert [r["status"] for r in rows] == ["finished"] * 3  # the report's words, not "done"
    by_q = quiz("results", "--paper", paper.code, "--db", str(teacher), "--format", "csv",
                "--by", "question")  # fmt: skip
    qrows = list(csv.DictReader(io.StringIO(by_q.stdout)))
    assert tuple(qrows[0]) == QUESTION_COLUMNS and len(qrows) == 5
    questions = classroom["questions"]
    for i, (row, q) in enumerate(zip(qrows, questions, strict=True)):
        right = sum(i in r for r in STUDENTS.values())
        assert float(row["share_right"]) == pytest.approx(right / 3, abs=1e-3)
        assert row["question"] == q.id and row["sat"] == "3"
        if q.options and q.kind != "order" and right < 3:  # a wrong option was chosen
            assert row["top_wrong"] in q.options and row["top_wrong"] not in q.answer_text()
            assert int(row["top_wrong_count"]) == 3 - right


# -- what a file claims is not trusted ----------------------------------------------------


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write(folder: Path, doc: Any, name: str = "in.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


def take(path: Path, db: Path):
    store = open_store(str(db))
    papers = Papers([moon()])
    incoming = read_results(path, papers)
    for s in incoming:
        keep(store, s)
    return store, incoming


def test_a_claimed_score_and_claimed_results_are_ignored(classroom: dict[str, Any], tmp_path):
    doc = load(classroom["files"]["Cleo"])
    sitting = doc["sittings"][0]
    sitting["score"], sitting["total"] = 5000, 5
    for a in sitting["answers"]:
        a["result"], a["points"] = "right", 1000
    store, (incoming,) = take(write(tmp_path, doc), tmp_path / "t.db")
    assert incoming.score == 0 and all(a.result != "right" for a in incoming.answers)
    (marked,) = class_results(store, classroom["paper"]).sittings
    assert (marked.score, marked.right) == (0, 0)
    assert store.db.execute("SELECT score FROM rounds")[0][0] == 0


def tampered(classroom: dict[str, Any], change) -> dict[str, Any]:  # noqa: ANN001
    doc = copy.deepcopy(load(classroom["files"]["Ben"]))
    change(doc, doc["sittings"][0])
    return doc


def _option_out_of_range(doc, s) -> None:  # noqa: ANN001
    i = next(i for i, a in enumerate(s["answers"]) if isinstance(a["response"], int))
    s["answers"][i]["response"] = 99


CASES = {
    "an option that does not exist": (
        _option_out_of_range,
        r"answers\[\d\]\.response: does not fit",
    ),
    "a response of the wrong shape": (
        lambda d, s: s["answers"][0].update(response={"x": 1}),
        r"answers\[0\]\.response: not a response",
    ),
    "a question of another paper": (
        lambda d, s: s["answers"][1].update(question="other:choice:forward"),
        r"answers\[1\]\.question: not question 2",
    ),
    "a question worded otherwise": (
        lambda d, s: s["answers"][1].update(fingerprint="0" * 16),
        r"answers\[1\]\.fingerprint: question 2 differs",
    ),
    "answers out of order": (
        lambda d, s: s["answers"].reverse(),
        r"answers\[0\]\.seq: expected 0",
    ),
    "a spec changed to give bonuses": (
        lambda d, s: s["spec"]["rules"].update(streak_bonus=True),
        r"sittings\[0\]\.spec: is not the spec of paper",
    ),
    "a mistyped paper code": (
        lambda d, s: s.update(paper=s["paper"][:-1] + ("0" if s["paper"][-1] != "0" else "1")),
        r"sittings\[0\]\.paper: paper code .* is mistyped",
    ),
    "a name with control characters": (
        lambda d, s: s.update(player="Ben\x1b[31m"),
        r"sittings\[0\]\.player: a player name cannot hold control characters",
    ),
    "a name too long": (
        lambda d, s: s.update(player="B" * 41),
        r"sittings\[0\]\.player: longer than 40",
    ),
    "an answer after the time limit": (
        lambda d, s: (
            s["answers"][0].update(answered_at="2099-01-01T00:00:00+00:00"),
            s.update(ended_at="2099-01-01T00:00:00+00:00"),
        ),
        r"answers\[0\]\.answered_at: after the paper's time limit",
    ),
    "a score hidden in an extra field": (
        lambda d, s: s.update(bonus=1000),
        r"sittings\[0\]: unexpected field 'bonus'",
    ),
    "a field missing": (lambda d, s: s.pop("answers"), r"sittings\[0\]: missing field 'answers'"),
    "a finished sitting short of answers": (
        lambda d, s: s["answers"].pop(),
        r"sittings\[0\]\.status: done, but not every question",
    ),
    "another format": (lambda d, s: d.update(format="quiz-export/2"), r"format: not a results"),
    "a bad id": (lambda d, s: s.update(id="../../etc"), r"sittings\[0\]\.id: not in the expected"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_tampered_file_is_refused_whole_with_one_line(
    classroom: dict[str, Any], tmp_path: Path, case: str
) -> None:
    change, says = CASES[case]
    path = write(tmp_path, tampered(classroom, change), "ben.json")
    with pytest.raises(ResultsFileError, match=r"^ben\.json: .*" + says) as caught:
        take(path, tmp_path / "t.db")
    assert "\n" not in str(caught.value) and "\x1b" not in str(caught.value)
    assert open_store(str(tmp_path / "t.db")).db.execute("SELECT COUNT(*) FROM rounds") == [(0,)]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{", r"^bad\.json:1:2: not JSON"),
        ('{"format": "quiz-results/1", "format": "x", "sittings": []}', "given twice"),
        ('{"format": "quiz-results/1", "sittings": [{"seconds": NaN}]}', "NaN"),
        ("[]", r"\(the file\): expected object"),
        ("\xff", "not UTF-8"),
    ],
)
def test_a_malformed_file_is_one_line(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(text.encode("latin-1") if text == "\xff" else text.encode())
    with pytest.raises(ResultsFileError, match=says):
        read_results(path, Papers([moon()]))


def test_one_bad_file_does_not_stop_the_others(classroom: dict[str, Any], tmp_path: Path):
    bad = write(tmp_path, "not json", "bad.json")
    done = quiz(
        "results", "import", str(bad), str(classroom["files"]["Ann"]), "--db",
        str(tmp_path / "t.db"),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().startswith("quiz: bad.json:1:1: not JSON")
    assert len(done.stderr.strip().splitlines()) == 1 and "1 sitting added" in done.stdout


def test_a_duplicate_sitting_in_two_files_is_kept_once(classroom: dict[str, Any], tmp_path):
    doc = load(classroom["files"]["Ann"])
    a, b = write(tmp_path, doc, "a.json"), write(tmp_path, doc, "b.json")
    done = quiz("results", "import", str(a), str(b), "--db", str(tmp_path / "t.db"))
    assert done.returncode == 0 and "1 already here" in done.stdout
    assert len(sittings(open_store(str(tmp_path / "t.db")), classroom["paper"].code)) == 1


def shifted(stamp: str, minutes: int) -> str:
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return (moment + dt.timedelta(minutes=minutes)).isoformat()


@pytest.mark.parametrize("shift", [0, 37])
def test_a_file_copied_under_another_name_is_flagged(
    classroom: dict[str, Any], tmp_path: Path, shift: int
) -> None:
    """A student handed in a classmate's file with the name changed, a new id and (to hide it)
    every time shifted: taken (a file cannot prove who sat it), but the teacher is told whose
    answers it matches, at the same pace."""
    doc = copy.deepcopy(load(classroom["files"]["Ann"]))
    s = doc["sittings"][0]
    s["player"] = "Finn"
    s["id"] = "00000000-0000-4000-8000-000000000000"
    s["started_at"], s["ended_at"] = shifted(s["started_at"], shift), shifted(s["ended_at"], shift)
    for a in s["answers"]:
        a["answered_at"] = shifted(a["answered_at"], shift)
    own, copied = (
        write(tmp_path, load(classroom["files"]["Ann"]), "ann.json"),
        write(tmp_path, doc, "finn.json"),
    )
    done = quiz("results", "import", str(own), str(copied), "--db", str(tmp_path / "t.db"))
    assert done.returncode == 0, done.stderr
    assert (
        "quiz: finn.json: Finn's answers match Ann's answer for answer, at the same pace: one "
        "file may be a copy of another" in done.stderr
    )
    honest = quiz(
        "results", "import", str(classroom["files"]["Ben"]), "--db", str(tmp_path / "t.db")
    )
    assert honest.returncode == 0 and "copy" not in honest.stderr


def test_names_and_prompts_cannot_become_spreadsheet_formulas(
    classroom: dict[str, Any], tmp_path: Path
) -> None:
    doc = load(classroom["files"]["Ann"])
    doc["sittings"][0]["player"] = '=HYPERLINK("http://x","y")'
    take(write(tmp_path, doc), tmp_path / "t.db")
    out = quiz(
        "results", "--paper", classroom["paper"].code, "--db", str(tmp_path / "t.db"),
        "--format", "csv",
    )  # fmt: skip
    (row,) = list(csv.DictReader(io.StringIO(out.stdout)))
    assert row["name"] == "'" + doc["sittings"][0]["player"]


def test_the_fingerprint_changes_with_what_the_student_sees(classroom: dict[str, Any]) -> None:
    from dataclasses import replace

    q = classroom["questions"][0]
    assert fingerprint(q) == fingerprint(replace(q))
    assert fingerprint(q) != fingerprint(replace(q, prompt=q.prompt + " "))
    if q.options:
        assert fingerprint(q) != fingerprint(replace(q, options=tuple(reversed(q.options))))


def test_an_unfinished_sitting_is_not_exported(tmp_path: Path) -> None:
    from quiz.classroom import sitting
    from quiz.clock import ManualClock

    paper = moon_paper(count=3)
    store = open_store(str(tmp_path / "p.db"), ManualClock())
    ann = store.player("Ann")
    sitting.begin(paper, store, ann, ManualClock())
    store.close()
    done = quiz("results", "export", "--paper", paper.code, "--db", str(tmp_path / "p.db"),
                "--player", "Ann", "--out", str(tmp_path / "x.json"))  # fmt: skip
    assert done.returncode == 2 and "no finished sitting" in done.stderr
    assert "not finished and is left out" in done.stderr and not (tmp_path / "x.json").exists()


def test_the_csv_says_the_status_in_the_words_the_table_and_report_use(tmp_path: Path) -> None:
    """Found in a play-test: the CSV said done/left where the table and the report said
    finished / handed in early. The JSON keeps its machine values."""
    from quiz.classroom import sitting
    from quiz.clock import ManualClock
    from quiz.commands.results import render, table
    from quiz.round.codes import EndReason
    from quiz.session import Phase
    from quiz.words import status

    clock = ManualClock()
    paper = moon_paper(count=3)
    store = open_store(str(tmp_path / "p.db"), clock)
    early, _ = sitting.begin(paper, store, store.player("Ann"), clock)
    early.answer(right_response(early.current))
    early.leave()  # handed in early
    whole, _ = sitting.begin(paper, store, store.player("Ben"), clock)
    while whole.phase is not Phase.FINISHED:
        whole.answer(right_response(whole.current))
    results = class_results(store, paper)
    rows = list(csv.DictReader(io.StringIO(render(results, "student", "csv"))))
    assert [(r["name"], r["status"]) for r in rows] == [
        ("Ann", "handed in early"),
        ("Ben", "finished"),
    ]
    shown = table(results, "student")
    assert all(r["status"] in shown for r in rows)
    said = {status(code) for code in ("open", *(e.value for e in EndReason))}
    assert all(r["status"] in said for r in rows)
    doc = json.loads(render(results, "student", "json"))
    assert [r["status"] for r in doc["rows"]] == ["left", "done"]
