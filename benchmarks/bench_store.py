#!/usr/bin/env python
"""Store benchmarks (progress issue): a report, not a test.

    python benchmarks/bench_store.py              # 100,000 answers, 2,000 commits
    python benchmarks/bench_store.py --answers 20000 --commits 500

1. Committing an answer. `SqlStore.record_answer` (the answer, its facts, the
   round's score and each fact's FSRS schedule, in one transaction) against a
   bare `INSERT` + `COMMIT` of one row into a one-table SQLite file with the
   same settings (WAL, synchronous=NORMAL), interleaved, in the same run.
   Goal: median ≤ 1 ms.
2. `quiz stats --format json` for a player with N answers (default 100,000,
   in rounds of 10, on the bundled pack): wall time of the command in a fresh
   process, against `quiz --help` in the same run (the cost of starting
   Python and the CLI). Goal: < 200 ms. The time of the stats alone, in
   process, is printed too.
3. Memory of the stats screen for that player: peak resident size of a
   headless app showing the stats screen, against the same app showing the
   home screen only, each in a fresh process.

Everything is written to a temporary folder. Exit 0 whatever the verdicts.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMIT_GOAL_MS = 1.0
STATS_GOAL_MS = 200.0

MEMORY_PROBE = """
import asyncio, resource, sys
from quiz.services import make_services
from quiz.tui.app import QuizApp
from quiz.packs.registry import resolve
from quiz.stats import player_stats
from quiz.tui.screens.stats import StatsScreen

async def main(show_stats):
    app = QuizApp(make_services(db=sys.argv[1], player="bench"))
    async with app.run_test(size=(100, 40)) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if getattr(app.screen, "data", None) is not None:
                break
        traced = 0
        if show_stats:
            import tracemalloc

            store = app.services.store.get()
            pack = resolve("lithuania-nato")
            player = store.find_player("bench")
            tracemalloc.start()
            stats = player_stats(store, player, app.services.clock.now(), {pack.id: pack})
            app.push_screen(StatsScreen(stats, pack, app.services.clock.now()))
            await pilot.pause(0.5)
            traced = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, traced)

asyncio.run(main(sys.argv[2] == "stats"))
"""


def line(name: str, value: str, ratio: str, goal: str, verdict: str) -> None:
    print(f"{name:<48} {value:>12}  {ratio:>9}  goal {goal:<10} {verdict}")


def fill(db: Path, answers: int) -> None:
    """A long history for the player 'bench' on the bundled pack, written fast (one
    transaction), then each fact's progress rebuilt as the store would have kept it."""
    from quiz.packs.registry import resolve
    from quiz.spec import PackRef, RoundSpec
    from quiz.store import open_store

    pack = resolve("lithuania-nato")
    store = open_store(str(db))
    player = store.player("bench")
    facts = [f.id for f in pack.facts]
    spec = RoundSpec(PackRef.of(pack), 1, 10).dumps()
    conn = sqlite3.connect(db)
    t0 = 1_700_000_000
    with conn:
        for r in range(answers // 10):
            started = time.strftime("%Y-%m-%dT%H:%M:%S.000000+00:00", time.gmtime(t0 + r * 600))
            cur = conn.execute(
                "INSERT INTO rounds (player_id, pack_id, pack_version, pack_digest, mode, count, "
                "custom, spec, started_at, ended_at, status, score, answered, correct) "
                "VALUES (?, ?, ?, ?, 'practice', 10, 0, ?, ?, ?, 'done', 7000, 10, 7)",
                (player.id, pack.id, pack.version, pack.digest, spec, started, started),
            )
            round_id = cur.lastrowid
            for seq in range(10):
                n = r * 10 + seq
                at = time.strftime(
                    "%Y-%m-%dT%H:%M:%S.000000+00:00", time.gmtime(t0 + r * 600 + seq * 20)
                )
                result = "right" if n % 10 < 7 else "wrong"
                a = conn.execute(
                    "INSERT INTO answers (round_id, seq, question_id, kind, response, result, "
                    "credit, exact, points, seconds, answered_at) "
                    "VALUES (?, ?, ?, 'choice', '0', ?, ?, 1, ?, 5.0, ?)",
                    (
                        round_id,
                        seq,
                        f"{facts[n % len(facts)]}:choice:forward",
                        result,
                        1.0 if result == "right" else 0.0,
                        1000 if result == "right" else 0,
                        at,
                    ),
                )
                conn.execute(
                    "INSERT INTO answer_facts (answer_id, fact_id) VALUES (?, ?)",
                    (a.lastrowid, facts[n % len(facts)]),
                )
    conn.close()
    store.rebuild_progress()
    store.close()


def bench_commit(folder: Path, commits: int) -> None:
    from quiz.spec import PackRef, RoundSpec
    from quiz.store import open_store
    from quiz.store.records import AnswerRecord

    store = open_store(str(folder / "commit.db"))
    player = store.player("bench")
    round_id = store.start_round(
        player.id, RoundSpec(PackRef("p", "1", "0" * 64), 1, 10), "2026-01-01T00:00:00+00:00"
    )
    bare = sqlite3.connect(folder / "bare.db", isolation_level=None)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = NORMAL")
    bare.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    ours: list[float] = []
    base: list[float] = []
    for i in range(commits):
        record = AnswerRecord(
            i,
            f"q{i}",
            "choice",
            (f"f{i % 50}",),
            "0",
            "right",
            1.0,
            True,
            1000,
            1.0,
            f"2026-01-01T00:{i // 3600 % 60:02d}:{i % 60:02d}.{i:06d}+00:00",
        )
        t = time.perf_counter()
        store.record_answer(round_id, record)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("INSERT INTO t VALUES (?, ?)", (i, "x"))
        bare.execute("COMMIT")
        base.append(time.perf_counter() - t)
    o, b = statistics.median(ours) * 1000, statistics.median(base) * 1000
    p95 = sorted(ours)[int(len(ours) * 0.95)] * 1000
    line("bare INSERT + COMMIT (WAL, NORMAL)", f"{b:.3f} ms", "baseline", "", "")
    line(
        f"record_answer, median of {commits} (p95 {p95:.2f} ms)",
        f"{o:.3f} ms",
        f"{o / b:.1f}×",
        f"≤ {COMMIT_GOAL_MS} ms",
        "PASS" if o <= COMMIT_GOAL_MS else "MISS",
    )


def wall(argv: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def bench_stats(db: Path, answers: int, env: dict[str, str], rounds: int) -> None:
    from quiz.packs.registry import resolve
    from quiz.stats import player_stats
    from quiz.store import open_store

    quiz = [sys.executable, "-m", "quiz"]
    stats_cmd = [*quiz, "stats", "--db", str(db), "--player", "bench", "--format", "json"]
    help_cmd = [*quiz, "--help"]
    out = subprocess.run(stats_cmd, env=env, check=True, capture_output=True, text=True).stdout
    doc = json.loads(out)
    assert doc["answers"] == answers, doc["answers"]
    wall(help_cmd, env)
    times: dict[str, list[float]] = {"stats": [], "help": []}
    for r in range(rounds):
        pair = [("stats", stats_cmd), ("help", help_cmd)]
        for key, cmd in pair if r % 2 == 0 else reversed(pair):
            times[key].append(wall(cmd, env))
    s, h = statistics.median(times["stats"]) * 1000, statistics.median(times["help"]) * 1000
    store = open_store(str(db))
    player = store.find_player("bench")
    assert player is not None
    pack = resolve("lithuania-nato")
    inner = []
    for _ in range(rounds):
        t = time.perf_counter()
        stats = player_stats(store, player, store.clock.now(), {pack.id: pack})
        json.dumps(stats.to_json())
        inner.append(time.perf_counter() - t)
    line("quiz --help (start-up)", f"{h:.0f} ms", "baseline", "", "")
    line(
        f"quiz stats --format json, {answers:,} answers",
        f"{s:.0f} ms",
        f"{s / h:.1f}×",
        f"< {STATS_GOAL_MS:.0f} ms",
        "PASS" if s < STATS_GOAL_MS else "MISS",
    )
    line(
        "  of which the stats themselves (in process)",
        f"{statistics.median(inner) * 1000:.0f} ms",
        "",
        "(info)",
        "",
    )


def bench_memory(db: Path, env: dict[str, str]) -> None:
    def measure(which: str) -> tuple[int, int]:
        done = subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE, str(db), which],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        rss, traced = done.stdout.strip().splitlines()[-1].split()
        return int(rss), int(traced)

    (home, _), (stats, traced) = measure("home"), measure("stats")
    line("headless app, home screen: peak RSS", f"{home / 1024:.0f} MiB", "baseline", "", "")
    line(
        "headless app, then the stats screen: peak RSS",
        f"{stats / 1024:.0f} MiB",
        f"+{(stats - home) / 1024:.1f} MiB",
        "(stated)",
        "",
    )
    line(
        "  allocated for that player's stats and screen",
        f"{traced / 2**20:.1f} MiB",
        "",
        "(stated)",
        "",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="store benchmarks")
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--commits", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quiz-bench-store-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ)
        env.update(
            QUIZ_CONFIG_DIR=str(folder / "config"),
            QUIZ_CACHE_DIR=str(folder / "cache"),
            QUIZ_DATA_DIR=str(folder / "data"),
        )
        os.environ.update(
            {k: env[k] for k in ("QUIZ_CONFIG_DIR", "QUIZ_CACHE_DIR", "QUIZ_DATA_DIR")}
        )
        print(f"python {sys.version.split()[0]}, cpus {os.cpu_count()}")
        bench_commit(folder, args.commits)
        db = folder / "history.db"
        t = time.perf_counter()
        fill(db, args.answers)
        print(f"(a history of {args.answers:,} answers written in {time.perf_counter() - t:.1f} s)")
        bench_stats(db, args.answers, env, args.rounds)
        bench_memory(db, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
