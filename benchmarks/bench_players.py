#!/usr/bin/env python
"""A class on one store (the "nothing acknowledged is lost" issue): a report, not a test.

    python benchmarks/bench_players.py                       # 100 players, SQLite and PostgreSQL
    python benchmarks/bench_players.py --players 40 --think 0.5 --stores sqlite

Each player is a thread of its own with its own connection to the store, as a process per
student would have: it opens the store, plays a round of `--answers` questions of the moon
test pack with `--think` seconds (±50 %) before each answer, and counts the answers the game
acknowledged (the answer call returned: "Right!" would be on screen). At the end each
player's saver is given time to send what waits; then the store is read afresh and the
answers kept are counted, per round. The goal: every acknowledged answer kept exactly once
(lost 0, twice 0), however many players find no connection slot at first (PostgreSQL's
default is 100 connections: with 100 players and the benchmark's own connection some are
refused, wait in the outbox, and are sent when a slot frees).

Reported per store: players, answers acknowledged, kept, lost, kept twice; players who started
without a connection (paused from the start); the median and the slowest acknowledgement
(an answer's commit seen from the game, through the saver), against the median of a bare
`SqlStore.record_answer` on the same store in the same run (the ratio is the saver's cost).

PostgreSQL: `QUIZ_TEST_PG` (an admin URL) or a throw-away server started as the tests do
(tests/pg.py: Debian's postgresql package). Everything else goes to a temporary folder.
Exit 0 whatever the verdicts.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def play(target: str, name: str, answers: int, think: float, out: dict) -> None:
    from helpers import right_response
    from quiz.packs.loader import load_pack
    from quiz.rounds import practice_spec, start
    from quiz.session import Phase
    from quiz.store import open_store

    pack = load_pack(ROOT / "tests" / "data" / "moon.yaml")
    store = open_store(target)
    out["paused_at_start"] = store.saver.paused is not None
    session, recorder = start(
        practice_spec(pack, answers, seed=hash(name) % 1000), pack, store, store.player(name)
    )
    acks: list[float] = []
    while session.phase is not Phase.FINISHED:
        time.sleep(think * random.uniform(0.5, 1.5))
        t0 = time.perf_counter()
        session.answer(right_response(session.current))
        acks.append(time.perf_counter() - t0)
        session.next()
    out["acknowledged"] = len(acks)
    out["acks"] = acks
    out["uid"] = recorder.uid
    out["settled"] = store.saver.settle(120)
    store.close()


def bare_commit(target: str, n: int = 30) -> float:
    """Median seconds of SqlStore.record_answer on this store (no saver in between)."""
    from quiz.spec import PackRef, RoundSpec
    from quiz.store import open_store
    from quiz.store.records import AnswerRecord

    store = open_store(target)
    player = store.player("bench-bare")
    at = "2026-01-01T00:00:00.000000+00:00"
    round_id = store.start_round(player.id, RoundSpec(PackRef("moon", "1", "d"), 1, n), at)
    times = []
    for seq in range(n):
        answer = AnswerRecord(seq, "q", "choice", ("f",), "0", "right", 1.0, True, 10, 1.0, at)
        t0 = time.perf_counter()
        store.record_answer(round_id, answer)
        times.append(time.perf_counter() - t0)
    store.close()
    return statistics.median(times)


def run(label: str, target: str, players: int, answers: int, think: float) -> None:
    from quiz.store import open_store

    open_store(target).close()  # the schema, made once
    bare = bare_commit(target)
    results: list[dict] = [{} for _ in range(players)]
    threads = [
        threading.Thread(target=play, args=(target, f"p{i}", answers, think, results[i]))
        for i in range(players)
    ]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    store = open_store(target)
    acknowledged = kept = lost = twice = 0
    for r in results:
        if "uid" not in r:
            continue
        acknowledged += r["acknowledged"]
        rows = store.db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT seq) FROM answers a JOIN rounds r "
            "ON r.id = a.round_id WHERE r.uid = ?",
            (r["uid"],),
        )
        n, distinct = rows[0]
        kept += int(distinct)
        twice += int(n) - int(distinct)
        lost += r["acknowledged"] - int(distinct)
    store.close()
    acks = [a for r in results for a in r.get("acks", [])]
    crashed = sum("uid" not in r for r in results)
    paused = sum(bool(r.get("paused_at_start")) for r in results)
    med = statistics.median(acks) if acks else float("nan")
    print(f"\n{label}: {players} players × {answers} answers, think {think:.2f} s, {wall:.1f} s")
    print(f"  acknowledged {acknowledged}, kept {kept}, lost {lost}, kept twice {twice}, "
          f"players that failed {crashed}, started without a connection {paused}")  # fmt: skip
    slow = sum(a > 1.0 for a in acks)
    waited = [a for r in results if r.get("paused_at_start") for a in r.get("acks", [])]
    if waited:
        print(
            f"  (players without a connection at first: median acknowledgement "
            f"{statistics.median(waited) * 1000:.1f} ms, {sum(a > 1.0 for a in waited)} over 1 s)"
        )
    print(f"  acknowledgement: median {med * 1000:.1f} ms, slowest {max(acks) * 1000:.0f} ms, "
          f"{slow} over 1 s; "
          f"bare record_answer median {bare * 1000:.2f} ms (ratio {med / bare:.1f}×)")  # fmt: skip
    verdict = "PASS" if lost == 0 and twice == 0 and crashed == 0 else "MISS"
    print(f"  goal: every acknowledged answer kept exactly once ... {verdict}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--players", type=int, default=100)
    ap.add_argument("--answers", type=int, default=10)
    ap.add_argument("--think", type=float, default=0.3)
    ap.add_argument("--stores", default="sqlite,postgresql")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="quiz-bench-players-"))
    os.environ["QUIZ_DATA_DIR"] = str(folder / "data")  # the outbox too: never the user's
    stores = args.stores.split(",")
    if "sqlite" in stores:
        run("SQLite", str(folder / "class.db"), args.players, args.answers, args.think)
    if "postgresql" in stores:
        from pg import Server, why_not

        reason = why_not()
        if reason:
            print(f"\nPostgreSQL: not run ({reason})")
            return 0
        server = Server()
        try:
            run("PostgreSQL", server.database(), args.players, args.answers, args.think)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
