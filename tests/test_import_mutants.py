"""`quiz results import` over files mangled every way a disk, a student or an editor can: each
file is refused in one line naming it or taken whole, the next one is always read, and every
good file in the batch is kept, whatever came before it.

The mutants come from a seeded mutator (the same 200 files on every run): dates, numbers,
nesting, truncation, types, unicode, structure and bytes; the cases measured on main that
stopped the batch with a traceback (0001-01-01, 9999-12-31, 1e400, 100,000 nested `[`) are
among them by name.
"""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from classroom import moon_paper, quiz
from helpers import right_response, wrong_response
from quiz.classroom import sitting
from quiz.classroom.transfer import export_doc
from quiz.clock import ManualClock
from quiz.generate import round_questions
from quiz.round.codes import EndReason
from quiz.store import open_store
from quiz.store.sittings import sittings

RAW = "@@raw:"  # a string the writer swaps for raw JSON text (1e400, deep nesting)


def sit_and_export(folder: Path, name: str, right: set[int], pace: float) -> dict[str, Any]:
    """A student's finished sitting of the paper, as the results file they hand in."""
    paper = moon_paper(seed=7, count=5, time_limit=1800)
    questions = round_questions(paper.pack, paper.spec)
    clock = ManualClock()
    store = open_store(str(folder / f"{name}.db"), clock)
    player = store.player(name)
    session, _ = sitting.begin(paper, store, player, clock)
    for i, q in enumerate(session.questions):
        clock.tick(pace + 1.37 * i)
        session.answer(right_response(q) if i in right else wrong_response(q))
    doc = export_doc(sittings(store, paper.code, player.id), paper, questions, clock.now())
    store.close()
    return doc


def dump(doc: Any) -> bytes:
    text = json.dumps(doc, indent=1)
    while f'"{RAW}' in text:  # raw JSON spliced in where the mutator asked for it
        start = text.index(f'"{RAW}')
        end = text.index('"', start + 1)
        text = text[:start] + text[start + len(RAW) + 1 : end] + text[end + 1 :]
    return text.encode("utf-8", "surrogatepass")


def paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the document a value stands."""
    found = [at] if at else []
    if isinstance(node, dict):
        for k, v in node.items():
            found += paths(v, (*at, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += paths(v, (*at, i))
    return found


def put(doc: Any, at: tuple[Any, ...], value: Any) -> None:
    node = doc
    for step in at[:-1]:
        node = node[step]
    node[at[-1]] = value


def get(doc: Any, at: tuple[Any, ...]) -> Any:
    for step in at:
        doc = doc[step]
    return doc


DATES = [
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59+00:00",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-01:00",
    "1999-12-31T23:59:59+00:00",
    "2101-01-01T00:00:00Z",
    "2026-02-30T09:00:00Z",
    "2026-01-01T25:00:00Z",
    "yesterday",
]
NUMBERS = [
    f"{RAW}1e400",
    f"{RAW}-1e400",
    f"{RAW}1" + "0" * 5000,
    f"{RAW}NaN",
    -1,
    0.5,
    1e308,
    2**63,
    True,
]
VALUES = [None, "x", 0, [], {}, [1, 2], {"a": 1}, False, "", "x" * 100_000]
MARKS = ["\x00", "\x1b[31m", "\u202e", "\ud800", "\u2028", "e\u0301", "😀", "\x7f", "\ufeff"]


def mutate(good: dict[str, Any], rng: random.Random, kind: str) -> bytes:
    doc = copy.deepcopy(good)
    places = paths(doc)
    leaves = [p for p in places if not isinstance(get(doc, p), dict | list)]
    stamps = [p for p in leaves if str(p[-1]).endswith("_at")]
    numbers = [p for p in leaves if isinstance(get(doc, p), int | float)]
    strings = [p for p in leaves if isinstance(get(doc, p), str)]
    if kind == "date":
        put(doc, rng.choice(stamps), rng.choice(DATES))
    elif kind == "number":
        put(doc, rng.choice(numbers), rng.choice(NUMBERS))
    elif kind == "nesting":
        depth = rng.choice([100_000, 20_000, 3_000, 990, 60])
        put(doc, rng.choice(places), f"{RAW}{'[' * depth}{']' * depth}")
    elif kind == "truncation":
        text = dump(doc)
        return text[: rng.randrange(len(text))]
    elif kind == "type":
        put(doc, rng.choice(places), rng.choice(VALUES))
    elif kind == "unicode":
        at = rng.choice(strings)
        text, mark = get(doc, at), rng.choice(MARKS)
        cut = rng.randrange(len(text) + 1)
        put(doc, at, text[:cut] + mark + text[cut:])
    elif kind == "structure":
        sit = doc["sittings"][0]
        change = rng.randrange(6)
        if change == 0:
            del sit[rng.choice(sorted(sit))]
        elif change == 1:
            sit[rng.choice(["bonus", "grade", "id2"])] = 1
        elif change == 2:
            doc["sittings"] = []
        elif change == 3:
            doc["sittings"] = doc["sittings"] * rng.choice([2, 3000])
        elif change == 4:
            rng.shuffle(sit["answers"])
            sit["answers"].append(copy.deepcopy(sit["answers"][0]))
        else:
            return dump(doc).replace(b'"status"', b'"status": "done", "status"', 1)
    elif kind == "bytes":
        data = bytearray(dump(doc))
        at = rng.randrange(len(data))
        change = rng.randrange(3)
        if change == 0:
            data[at] = 0xFF
        elif change == 1:
            return b"\xef\xbb\xbf" + bytes(data)
        else:
            data[at:at] = b"\x00"
        return bytes(data)
    return dump(doc)


KINDS = ["date", "number", "nesting", "truncation", "type", "unicode", "structure", "bytes"]
MEASURED = [  # the files that stopped the batch on main, by name
    ("date", ("sittings", 0, "started_at"), "0001-01-01T00:00:00+00:00"),
    ("date", ("sittings", 0, "ended_at"), "9999-12-31T23:59:59+00:00"),
    ("number", ("sittings", 0, "spec", "rules", "base"), f"{RAW}1e400"),
    ("nesting", ("sittings", 0, "spec"), f"{RAW}{'[' * 100_000}{']' * 100_000}"),
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("mutants")
    homes = root / "students"
    homes.mkdir()
    names = ["Ann", "Ben", "Cleo", "Dara", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea"]
    good = {
        name: sit_and_export(homes, name, set(range(i % 6)), pace=3.0 + 2.1 * i)
        for i, name in enumerate(names)
    }
    files = root / "handed-in"
    files.mkdir()
    rng = random.Random(17)
    mutants: list[Path] = []
    source = good["Ann"]
    for n, (kind, at, value) in enumerate(MEASURED):
        doc = copy.deepcopy(source)
        put(doc, at, value)
        mutants.append(files / f"measured-{n}-{kind}.json")
        mutants[-1].write_bytes(dump(doc))
    while len(mutants) < 200:
        kind = KINDS[len(mutants) % len(KINDS)]
        mutants.append(files / f"mutant-{len(mutants):03d}-{kind}.json")
        mutants[-1].write_bytes(mutate(source, rng, kind))
    order = list(mutants)
    rng.shuffle(order)
    goods = []
    for name, doc in good.items():  # the good files come among the bad, and after them all
        path = files / f"results-{name}.json"
        path.write_bytes(dump(doc))
        goods.append(path)
    for i, path in enumerate(goods):
        order.insert(len(order) if i >= 8 else rng.randrange(len(order)), path)
    db = root / "teacher.db"
    done = quiz("results", "import", *map(str, order), "--db", str(db), timeout=300)
    return {"done": done, "order": order, "good": good, "goods": goods, "db": db}


def test_no_traceback_and_the_batch_reads_every_file(batch: dict[str, Any]) -> None:
    done = batch["done"]
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert done.returncode == 2  # some were refused, after every good one was kept
    taken = {line.split(":", 1)[0] for line in done.stdout.splitlines()}
    stderr = done.stderr.splitlines()
    for line in stderr:
        assert line.startswith("quiz: ") and len(line) < 400, line
        assert not any(ch in line for ch in "\x00\x1b\x7f\u202e")  # shown, never obeyed
    refused = 0
    for path in batch["order"]:
        if path.name in taken:
            continue
        said = [line for line in stderr if line.startswith(f"quiz: {path.name}:")]
        assert len(said) == 1, (path.name, said)  # one line for each refused file
        refused += 1
    assert refused >= 150  # the mutator makes far more bad files than harmless ones
    measured = [p for p in batch["order"] if p.name.startswith("measured-")]
    assert len(measured) == 4 and not any(p.name in taken for p in measured)


def test_every_good_file_is_kept(batch: dict[str, Any]) -> None:
    taken = batch["done"].stdout.splitlines()
    for path in batch["goods"]:
        assert any(line.startswith(f"{path.name}: ") for line in taken), path.name
    store = open_store(str(batch["db"]))
    kept = {uid for (uid,) in store.db.execute("SELECT uid FROM rounds")}
    for doc in batch["good"].values():
        assert doc["sittings"][0]["id"] in kept
    players = {p.name for p in store.players()}
    assert set(batch["good"]) <= players


# -- each thing the importer reports, on its own ----------------------------------------------


def handed_in(tmp_path: Path, doc: Any, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(dump(doc))
    return path


@pytest.fixture
def ann(tmp_path: Path) -> dict[str, Any]:
    home = tmp_path / "home"
    home.mkdir()
    return sit_and_export(home, "Ann", {0, 2}, pace=4.0)


@pytest.mark.parametrize(
    ("at", "value", "says"),
    [
        (("started_at",), "0001-01-01T00:00:00+00:00", r"started_at: a date outside 2000–2100"),
        (("ended_at",), "9999-12-31T23:59:59+00:00", r"ended_at: a date outside 2000–2100"),
        (("answers", 1, "answered_at"), "2101-01-01T00:00:00Z", r"a date outside 2000–2100"),
        (("answers", 0, "response"), "Vil\x00nius", r"response: a response cannot hold control"),
        (("answers", 0, "response"), "\x1b]52;c;eA==\x07", r"cannot hold control characters"),
        (("spec", "rules", "base"), f"{RAW}1e400", r"the number '1e400' is too large"),
        (("spec",), f"{RAW}{'[' * 100_000}{']' * 100_000}", r"nested deeper than a results"),
    ],
    ids=["year 1", "year 9999", "year 2101", "NUL", "escape", "1e400", "nesting"],
)
def test_each_bad_thing_refuses_the_file_in_one_line_and_the_next_is_read(
    tmp_path: Path, ann: dict[str, Any], at: tuple[Any, ...], value: Any, says: str
) -> None:
    bad = copy.deepcopy(ann)
    put(bad, ("sittings", 0, *at), value)
    files = [handed_in(tmp_path, bad, "bad.json"), handed_in(tmp_path, ann, "ann.json")]
    done = quiz("results", "import", *map(str, files), "--db", str(tmp_path / "t.db"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("quiz: bad.json") and re.search(says, line), line
    assert done.stdout == "ann.json: 1 sitting added (Ann 2000)\n"


def test_a_timeout_on_a_paper_without_a_time_limit_is_refused(tmp_path: Path) -> None:
    paper = moon_paper(seed=7, count=5)  # no time limit
    clock = ManualClock()
    store = open_store(str(tmp_path / "s.db"), clock)
    player = store.player("Ann")
    session, _ = sitting.begin(paper, store, player, clock)
    clock.tick(30)
    session.answer(right_response(session.current))
    session.leave(EndReason.CLOSED)
    doc = export_doc(
        sittings(store, paper.code, player.id),
        paper,
        round_questions(paper.pack, paper.spec),
        clock.now(),
    )
    doc["sittings"][0]["status"] = "timeout"
    done = quiz("results", "import", str(handed_in(tmp_path, doc, "ann.json")))
    assert done.returncode == 2
    assert done.stderr == (
        f"quiz: ann.json: sittings[0].status: timeout, but paper {paper.code} has no time limit "
        "to run out\n"
    )


def test_a_claimed_score_that_differs_is_said_and_the_recomputed_one_kept(
    tmp_path: Path, ann: dict[str, Any]
) -> None:
    ann["sittings"][0]["score"] = 5000
    done = quiz("results", "import", str(handed_in(tmp_path, ann, "ann.json")))
    assert done.returncode == 0
    assert done.stderr == (
        "quiz: ann.json: Ann's file claims a score of 5000; recomputed here it is 2000, and "
        "2000 is kept\n"
    )
    assert "Ann 2000" in done.stdout


def test_a_sitting_id_again_with_other_content_is_said(tmp_path: Path, ann: dict[str, Any]) -> None:
    db = str(tmp_path / "t.db")
    first = quiz("results", "import", str(handed_in(tmp_path, ann, "ann.json")), "--db", db)
    assert first.returncode == 0, first.stderr
    same = quiz("results", "import", str(handed_in(tmp_path, ann, "again.json")), "--db", db)
    assert same.returncode == 0 and same.stderr == "" and "1 already here" in same.stdout
    changed = copy.deepcopy(ann)
    s = changed["sittings"][0]
    s["player"] = "Anna"
    s["answers"][1]["answered_at"] = s["answers"][0]["answered_at"]
    other = quiz("results", "import", str(handed_in(tmp_path, changed, "anna.json")), "--db", db)
    assert other.returncode == 0
    uid = s["id"]
    assert other.stderr == (
        f"quiz: anna.json: sitting {uid} (Anna) is here already with a different player, "
        "answers: the one kept first stands\n"
    )


def test_a_huge_file_a_pipe_and_a_device_are_refused_in_one_line(
    tmp_path: Path, ann: dict[str, Any]
) -> None:
    import os

    huge = tmp_path / "huge.json"
    huge.write_bytes(b"[" + b" " * (9 * 2**20) + b"]")
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)  # nobody writes to it: reading it would wait for ever
    good = handed_in(tmp_path, ann, "ann.json")
    done = quiz("results", "import", str(huge), str(pipe), "/dev/zero", str(good))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "quiz: huge.json: larger than 8 MB: not a results file",
        "quiz: pipe.json: not a regular file: not a results file",
        "quiz: zero: not a regular file: not a results file",
    ]
    assert done.stdout == "ann.json: 1 sitting added (Ann 2000)\n"
