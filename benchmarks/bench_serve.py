#!/usr/bin/env python
"""`quiz serve` under a class's load: a report, not a test.

    python benchmarks/bench_serve.py                      # 30 sessions, 3 answers each
    python benchmarks/bench_serve.py --sessions 40 --answers 5
    python benchmarks/bench_serve.py --backends sqlite     # skip PostgreSQL

For each store (a SQLite file; a throw-away PostgreSQL server, as the tests start one, when
initdb and psycopg are there), one `quiz serve` on loopback, and:

1. Baseline: one session alone answers 8 questions (or --answers, if more).
2. Load: N sessions at once, each a real tab's game process, driven over textual-serve's
   websocket protocol (tests/served.py) like the page's script does: name, start a round,
   answer, next.

For every answer it prints: answers given (feedback seen), committed (rows in the store) and
lost (given, not committed: must be 0); the time from the answer's key to its row being
visible to another connection (a poller reads the store every 5 ms, so figures carry up to
5 ms of polling), median and 95th percentile, and the ratio of the load's median to the
baseline's; and the memory of each tab's process while all N are open (RSS, PSS: shared pages
split between the processes sharing them, USS: its own pages), with the fork server's.

Traffic goes to loopback only; every wait has a deadline; everything is written to a
temporary folder. Exit 0 whatever the figures; non-zero only if it cannot run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

POLL = 0.005  # seconds between two reads of the store
BASELINE_ANSWERS = 8  # answers of the session alone (a round has 10 questions)


class CommitWatch:
    """Reads the store every POLL seconds on a connection of its own; notes when each
    player's n-th answer first becomes visible."""

    def __init__(self, target: str) -> None:
        from quiz.store import open_store

        self.store = open_store(target)
        self.seen: dict[tuple[str, int], float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        sql = (
            "SELECT p.name, COUNT(a.id) FROM players p JOIN rounds r ON r.player_id = p.id "
            "JOIN answers a ON a.round_id = r.id GROUP BY p.name"
        )
        while not self.stop.is_set():
            now = time.monotonic()
            for name, count in self.store.db.execute(sql):
                for n in range(1, int(count) + 1):
                    self.seen.setdefault((str(name), n), now)
            time.sleep(POLL)

    def __enter__(self) -> CommitWatch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(10)


def memory(pid: int) -> dict[str, float]:
    """RSS, PSS and USS of a process, in MB (Linux's smaps_rollup)."""
    fields: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, *rest = line.split()
            if rest and rest[0].isdigit():
                fields[key.rstrip(":")] = int(rest[0]) / 1024
    except OSError:
        return {}
    uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"rss": fields.get("Rss", 0), "pss": fields.get("Pss", 0), "uss": uss}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def play(session, server, name, answers, sent, feedback, hold):  # noqa: ANN001
    from served import Player, answer, next_question, sign_in_and_start

    player = await Player(session, server.ws_url()).open()
    try:
        await sign_in_and_start(player, name, seconds=180)
        for n in range(1, answers + 1):
            if n > 1:
                await next_question(player)
            _, took = await answer(player, seconds=180)
            sent[(name, n)] = time.monotonic() - took  # when the last key went
            feedback.append(took)
        await asyncio.wait_for(hold.wait(), 300)  # stay open until memory is read
    finally:
        await player.close()


async def phase(server, target, prefix, sessions, answers, measure_memory):  # noqa: ANN001
    import aiohttp

    from served import OPENED

    sent: dict[tuple[str, int], float] = {}
    feedback: list[float] = []
    hold = asyncio.Event()
    start_line = len(server.lines)
    names = [f"{prefix} {n:02}" for n in range(1, sessions + 1)]
    mem: list[dict[str, float]] = []
    with CommitWatch(target) as watch:
        started = time.monotonic()
        async with aiohttp.ClientSession() as http:
            tasks = [
                asyncio.create_task(play(http, server, name, answers, sent, feedback, hold))
                for name in names
            ]
            deadline = time.monotonic() + 600
            while len(sent) < sessions * answers and time.monotonic() < deadline:
                failed = [t for t in tasks if t.done() and t.exception()]
                if failed:
                    raise failed[0].exception()  # type: ignore[misc]
                await asyncio.sleep(0.1)
            wall = time.monotonic() - started
            if measure_memory:
                pids = [
                    int(m.group(1))
                    for line in server.lines[start_line:]
                    if (m := OPENED.search(line))
                ]
                mem = [m for m in (memory(pid) for pid in pids) if m]
            hold.set()
            await asyncio.gather(*tasks)
        await asyncio.sleep(0.3)  # the poller's last look
    commit = [watch.seen[key] - at for key, at in sent.items() if key in watch.seen]
    counted = watch.store.db.execute(
        "SELECT COUNT(*) FROM answers a JOIN rounds r ON r.id = a.round_id "
        "JOIN players p ON p.id = r.player_id WHERE p.name LIKE ?",
        (f"{prefix} %",),
    )
    return {
        "given": len(sent),
        "committed": int(counted[0][0]),
        "lost": sum(1 for key in sent if key not in watch.seen),
        "commit": commit,
        "feedback": feedback,
        "wall": wall,
        "memory": mem,
    }


def report(name: str, base: dict, load: dict, sessions: int, forkserver: dict) -> None:  # type: ignore[type-arg]
    ms = 1000.0
    print(f"\n== {name}: {sessions} sessions at once on one host ==")
    print(
        f"answers given {load['given']}, committed {load['committed']}, lost {load['lost']} "
        f"({'PASS' if load['lost'] == 0 and load['committed'] == load['given'] else 'MISS'}: "
        "none lost)"
    )
    for label, key in (("answer to commit", "commit"), ("answer to feedback", "feedback")):
        b, lo = base[key], load[key]
        if not (b and lo):
            continue
        ratio = statistics.median(lo) / statistics.median(b)
        print(
            f"{label:<20} baseline (1 session) median {statistics.median(b) * ms:7.1f} ms · "
            f"load median {statistics.median(lo) * ms:7.1f} ms, p95 {p95(lo) * ms:7.1f} ms "
            f"(×{ratio:.1f} the baseline)"
        )
    print(f"all sessions signed in and answered in {load['wall']:.1f} s")
    if load["memory"]:
        for k in ("rss", "pss", "uss"):
            values = [m[k] for m in load["memory"]]
            print(
                f"memory per session {k.upper()}: median {statistics.median(values):5.1f} MB "
                f"(min {min(values):.1f}, max {max(values):.1f}; {len(values)} tabs)"
            )
    if forkserver:
        print(
            f"the fork server the tabs come from: RSS {forkserver['rss']:.1f} MB, "
            f"PSS {forkserver['pss']:.1f} MB"
        )


def forkserver_memory(server_pid: int) -> dict[str, float]:
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = (entry / "status").read_text()
        except OSError:
            continue
        ppid = next(
            (line.split()[1] for line in status.splitlines() if line.startswith("PPid")), ""
        )
        if "multiprocessing.forkserver" in cmd and ppid == str(server_pid):
            return memory(int(entry.name))
    return {}


async def bench(backend: str, target: str, sessions: int, answers: int) -> None:
    from served import Served

    with Served("--db", target, "--max-sessions", str(max(sessions, 1))) as server:
        # The baseline answers more (up to a round of 10), so its median is not three samples.
        base = await phase(server, target, "Alone", 1, max(answers, BASELINE_ANSWERS), False)
        load = await phase(server, target, "Pupil", sessions, answers, True)
        report(backend, base, load, sessions, forkserver_memory(server.proc.pid))


def run_backend(
    parser: argparse.ArgumentParser, backend: str, folder: Path, sessions: int, answers: int
) -> None:
    if backend == "sqlite":
        asyncio.run(bench("SQLite", str(folder / "class.db"), sessions, answers))
    elif backend == "postgresql":
        from pg import Server, why_not

        reason = why_not()
        if reason:
            print(f"\n== PostgreSQL: not measured: {reason} ==")
            return
        pg = Server()
        try:
            asyncio.run(bench("PostgreSQL", pg.database(), sessions, answers))
        finally:
            pg.stop()
    else:
        parser.error(f"unknown backend {backend!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--answers", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    if not 1 <= args.sessions <= 200 or not 1 <= args.answers <= 10:
        parser.error("--sessions 1..200, --answers 1..10 (a round from home has 10 questions)")
    folder = Path(tempfile.mkdtemp(prefix="quiz-bench-serve-"))
    for var, sub in (("QUIZ_DATA_DIR", "data"), ("QUIZ_CACHE_DIR", "cache")):
        os.environ[var] = str(folder / sub)
    os.environ["QUIZ_CONFIG_DIR"] = str(folder / "config")
    print(
        f"quiz serve load: {args.sessions} sessions × {args.answers} answers, {os.cpu_count()} CPUs"
    )
    try:
        for backend in args.backends.split(","):
            run_backend(parser, backend, folder, args.sessions, args.answers)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
