#!/usr/bin/env python
"""Migrating an old store (issue 17): a report, not a test.

    python benchmarks/bench_migrate.py                    # 1,000,000 answers
    python benchmarks/bench_migrate.py --answers 200000   # a smaller history

Builds (untimed) a SQLite store at schema version 1, the first quiz's, holding N answers
in rounds of ten by 200 players on the bundled pack, a fifth of the answers testing two
facts: written with `executemany` in one transaction. Then opens it with today's quiz in
a fresh process (`quiz.store.open_store`, which migrates it to the current version) and
reports that process's wall time and peak resident size (`resource.getrusage`), against
a fresh process that only imports the store and opens an empty file (the cost of Python
and the imports). Then it opens the migrated store again: with nothing due, the version
is read without a write lock, so a second opener is not held up.

Goals: the migration in < 10 s and < 300 MB peak. Everything is written to a temporary
folder. Exit 0 whatever the verdicts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME_GOAL_S = 10.0
MEMORY_GOAL_MB = 300.0
PLAYERS = 200
PER_ROUND = 10

PROBE = """
import resource, sys, time
t = time.perf_counter()
from quiz.store import open_store
store = open_store(sys.argv[1])
took = time.perf_counter() - t
assert store.problem is None, store.problem
version = store.db.execute("SELECT value FROM meta WHERE key = 'schema'")[0][0]
use = resource.getrusage(resource.RUSAGE_SELF)
print(took, use.ru_maxrss, version, use.ru_utime + use.ru_stime)
"""


def build(path: Path, answers: int, seed: int = 1) -> None:
    """A schema-v1 store, as the first quiz wrote it, with `answers` answers."""
    from quiz.packs.registry import resolve
    from quiz.spec import PackRef, RoundSpec
    from quiz.store.schema import V1

    pack = resolve("lithuania-nato")
    facts = sorted(f.id for f in pack.facts)
    spec = RoundSpec(PackRef.of(pack), seed=0, count=PER_ROUND).dumps()
    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    for statement in V1:
        conn.execute(statement.replace("{id}", "INTEGER PRIMARY KEY"))
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema', '1')")
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    conn.executemany(
        "INSERT INTO players (id, name, created_at) VALUES (?, ?, ?)",
        [(p + 1, f"player {p + 1}", start.isoformat()) for p in range(PLAYERS)],
    )
    rounds, rows, links = [], [], []
    answer_id = 0
    for r in range(answers // PER_ROUND):
        player = r % PLAYERS + 1
        began = start + dt.timedelta(minutes=7 * r + rng.random())
        rounds.append(
            (r + 1, player, pack.id, pack.version, pack.digest, "practice", PER_ROUND, 0, spec,
             began.isoformat(timespec="microseconds"), None, "done", 0)
        )  # fmt: skip
        for seq in range(PER_ROUND):
            answer_id += 1
            result = rng.choice(("right", "right", "wrong", "partial"))
            at = began + dt.timedelta(seconds=20 * seq + rng.random() * 10)
            rows.append(
                (answer_id, r + 1, seq, f"q{seq}", "choice", json.dumps(rng.randrange(4)), result,
                 1.0 if result == "right" else 0.0, 1, 1000 if result == "right" else 0,
                 rng.random() * 20, at.isoformat(timespec="microseconds"))
            )  # fmt: skip
            for fact in rng.sample(facts, 2 if rng.random() < 0.2 else 1):
                links.append((answer_id, fact))
        if len(rows) >= 100_000:
            flush(conn, rounds, rows, links)
    flush(conn, rounds, rows, links)
    conn.execute("COMMIT")
    conn.close()


def flush(conn: sqlite3.Connection, rounds: list, rows: list, links: list) -> None:  # type: ignore[type-arg]
    conn.executemany(f"INSERT INTO rounds VALUES ({', '.join('?' * 13)})", rounds)
    conn.executemany(f"INSERT INTO answers VALUES ({', '.join('?' * 12)})", rows)
    conn.executemany("INSERT INTO answer_facts VALUES (?, ?)", links)
    rounds.clear()
    rows.clear()
    links.clear()


def probe(path: Path) -> tuple[float, float, float, str, float]:
    """(wall seconds of the process, seconds of the open in it, peak MB, schema version, CPU
    seconds of the process: on a machine shared with other work, the wall time counts the
    time the process waited for a CPU as well)."""
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"the probe failed:\n{done.stderr}")
    took, peak_kb, version, cpu = done.stdout.split()
    return wall, float(took), int(peak_kb) / 1024, version, float(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quiz-bench-migrate-") as folder:
        old = Path(folder) / "old.db"
        began = time.perf_counter()
        build(old, args.answers)
        size = old.stat().st_size / 2**20
        print(
            f"built a schema-v1 store: {args.answers:,} answers, {size:.0f} MB, "
            f"in {time.perf_counter() - began:.1f} s (untimed)"
        )
        _, _, base_mb, _, base_cpu = probe(Path(folder) / "empty.db")
        wall, took, peak, version, cpu = probe(old)
        print(
            f"baseline (import, open an empty store): peak {base_mb:.0f} MB, CPU {base_cpu:.2f} s"
        )
        verdict = "PASS" if took < TIME_GOAL_S else "MISS"
        print(
            f"migrate 1 → {version}: {took:.2f} s in process ({wall:.2f} s with the start; "
            f"CPU {cpu:.2f} s)  goal < {TIME_GOAL_S:.0f} s  {verdict}"
        )
        verdict = "PASS" if peak < MEMORY_GOAL_MB else "MISS"
        print(f"peak resident size: {peak:.0f} MB  goal < {MEMORY_GOAL_MB:.0f} MB  {verdict}")
        _, again, _, _, _ = probe(old)
        print(f"opening it again (nothing due, no write lock): {1000 * again:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
