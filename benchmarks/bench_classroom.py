#!/usr/bin/env python
"""The teacher's commands on a class of 30 who sat a 20-question paper: a report, not a test.

    python benchmarks/bench_classroom.py             # 7 rounds (the default)
    python benchmarks/bench_classroom.py --rounds 11 --students 60

Set-up (untimed): a paper of the bundled pack (20 questions, 30-minute limit), and a store
holding one sitting per student, each answered at random (seeded), as `quiz play --paper`
would keep them. The same sittings are also exported, one results file per student.

Measured, each command a fresh process, as a teacher runs it:

- `quiz results --paper CODE` (the class table), `--format csv --by question`,
  `quiz report --paper CODE --out report.html`, and `quiz results import` of every
  student's file into an empty store (schema check, regenerated paper, re-marking);
- the baseline, in the same run: `quiz paper show CODE`, which starts quiz, finds the
  installed packs and decodes the code — everything those commands do before they read
  the store. The ratio is what marking the class adds on top.

Rounds interleave the commands (the order rotates) and the figures are medians, so a
busy machine weighs on all alike. Goals: results and report ≤ 2× the baseline, the import
of 30 files ≤ 4×. Exit status 0 whatever the figures; non-zero only if it cannot run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOALS = {"results": 2.0, "results csv by question": 2.0, "report html": 2.0, "import": 4.0}


def build(folder: Path, students: int) -> tuple[str, Path, list[Path]]:
    """The paper's code, the teacher's store and one results file per student."""
    import json

    from quiz.classroom import sitting
    from quiz.classroom.transfer import export_doc
    from quiz.clock import ManualClock
    from quiz.generate import round_questions
    from quiz.packs.registry import resolve
    from quiz.papers import Paper, encode, paper_spec
    from quiz.store import open_store
    from quiz.store.sittings import sittings

    pack = resolve("lithuania-nato")
    spec = paper_spec(pack, 7, 20, time_limit=1800)
    paper = Paper(encode(spec, pack), spec, pack)
    questions = round_questions(pack, spec)
    clock = ManualClock()
    db = folder / "teacher.db"
    store = open_store(str(db), clock)
    rng = random.Random(1)
    for n in range(students):
        player = store.player(f"Student {n + 1:02d}")
        session, _ = sitting.begin(paper, store, player, clock)
        for q in questions:
            clock.tick(rng.uniform(5, 60))
            session.answer(_response(q, rng))
    files = []
    for row in sittings(store, paper.code):
        path = folder / f"{row.player}.json"
        doc = export_doc([row], paper, questions, clock.now())
        path.write_text(json.dumps(doc), encoding="utf-8")
        files.append(path)
    store.close()
    return paper.code, db, files


def _response(q, rng: random.Random):  # noqa: ANN001, ANN202 - a Question, a response
    from quiz.question import Figure, Many, One, Order, Text

    key = q.key
    if isinstance(key, One):
        return key.right if rng.random() < 0.6 else rng.randrange(len(q.options))
    if isinstance(key, Many):
        return tuple(sorted(key.right)) if rng.random() < 0.5 else (0,)
    if isinstance(key, Order):
        return key.order if rng.random() < 0.5 else tuple(range(len(q.options)))[::-1]
    if isinstance(key, Text):
        return key.answer if rng.random() < 0.5 else "no idea"
    assert isinstance(key, Figure)
    return str(key.value) if rng.random() < 0.5 else "1"


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, env=env, timeout=300
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"quiz {' '.join(args)} failed: {done.stderr.decode()[-500:]}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--students", type=int, default=30)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as tmp:
        folder = Path(tmp)
        for name in ("QUIZ_DATA_DIR", "QUIZ_CACHE_DIR", "QUIZ_CONFIG_DIR"):
            os.environ[name] = str(folder / name.lower())
        env = dict(os.environ)
        code, db, files = build(folder, opts.students)
        commands = {
            "baseline": ["paper", "show", code],
            "results": ["results", "--paper", code, "--db", str(db)],
            "results csv by question": [
                "results",
                "--paper",
                code,
                "--db",
                str(db),
                "--format",
                "csv",
                "--by",
                "question",
            ],  # fmt: skip
            "report html": [
                "report",
                "--paper",
                code,
                "--db",
                str(db),
                "--out",
                str(folder / "report.html"),
            ],  # fmt: skip
        }
        timed(commands["baseline"], env)  # warm-up: the pack cache, bytecode
        times: dict[str, list[float]] = {name: [] for name in [*commands, "import"]}
        names = list(times)
        for r in range(opts.rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                if name == "import":
                    target = folder / f"import-{r}.db"
                    args = ["results", "import", *map(str, files), "--db", str(target)]
                    times[name].append(timed(args, env))
                else:
                    times[name].append(timed(commands[name], env))
        base = times["baseline"]
        print(f"class of {opts.students}, 20 questions, {opts.rounds} rounds; paper {code}")
        print(f"{'baseline (quiz paper show)':34} {1000 * statistics.median(base):7.0f} ms")
        for name, goal in GOALS.items():
            ratio = statistics.median(t / b for t, b in zip(times[name], base, strict=True))
            verdict = "PASS" if ratio <= goal else "MISS"
            median = 1000 * statistics.median(times[name])
            print(f"{name:34} {median:7.0f} ms  {ratio:5.2f}×  goal ≤ {goal}×  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
