#!/usr/bin/env python
"""`quiz host`'s game server under a class, a year group, an assembly: a report, not a test.

    python benchmarks/bench_live.py                       # 30, 200 and 1000 students
    python benchmarks/bench_live.py --students 200 --questions 5
    python benchmarks/bench_live.py --store postgresql     # the school's database

For each size N, one live game server (quiz.live.server, with a SQLite store in a temporary
folder, or with `--store postgresql` a database of a throw-away PostgreSQL server started
as the tests start one: tests/pg.py, Debian's postgresql package) runs in a process of its
own, as `quiz host` runs it, without the teacher's screen;
this process plays N students, each its own websocket (aiohttp's client), as the phone's page
does: join by name, then for each question wait for it, answer after a pause of 0 to 2 s
(spread as a class's taps are), wait for the acknowledgement. The teacher's key is a line
sent to the server's process, which notes the time it acted on it.

Reported for each N:
- tap→ack: from an answer sent to its acknowledgement (the answer graded and handed to the
  store's saver: on the store, or in its outbox), median and 95th percentile;
- key→question: from the teacher's key to the question on every student's socket, median and
  95th percentile over every student and question (both processes read the same monotonic
  clock);
- memory per student: the server process's resident memory after the game less before the
  first join, divided by N;
- answers lost: acknowledged but not in the store afterwards (must be 0).

Each figure is printed with PASS or MISS against the issue's goals (tap→ack p95 ≤ 100 ms,
key→question p95 ≤ 500 ms, ≤ 1 MB a student, 0 lost). Memory per student is a difference of
resident sizes divided by N: at 30 students it is mostly the server's own first allocations.

Traffic goes to loopback only; every wait has a deadline; everything is written to a
temporary folder. Exit 0 whatever the figures; non-zero only if it cannot run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEADLINE = 120.0  # seconds any one wait may take


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# -- the server's process -------------------------------------------------------------------


async def serve(db: str, questions: int, seconds: float) -> None:
    from quiz.live.game import LiveGame, keep_with, live_paper
    from quiz.live.server import LiveServer, Writer
    from quiz.packs.registry import resolve
    from quiz.store import open_store

    store = open_store(db)
    game = LiveGame(
        live_paper(resolve("lithuania-nato"), questions, seed=7),
        seconds=seconds,
        max_players=10_000,
    )
    server = LiveServer(game, writer=Writer(keep_with(store)))
    port = await server.start()
    print(json.dumps({"port": port, "code": game.code, "rss": rss_kb()}), flush=True)
    loop = asyncio.get_running_loop()
    while True:
        line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
        if line == "advance":
            t = time.monotonic()
            await server.act(game.advance)
            print(json.dumps({"key": t, "phase": game.phase.value}), flush=True)
        elif line == "rss":
            print(json.dumps({"rss": rss_kb()}), flush=True)
        else:  # "quit", or the bench went away
            break
    game.stop()
    await server.stop()
    lost = store.saver.close(30.0)
    store.close()
    print(json.dumps({"stopped": True, "lost_in_saver": lost}), flush=True)


# -- the students ---------------------------------------------------------------------------


class Server:
    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    async def said(self) -> dict:
        assert self.proc.stdout is not None
        line = await asyncio.wait_for(self.proc.stdout.readline(), DEADLINE)
        if not line:
            raise SystemExit("the server's process ended")
        return json.loads(line)

    async def tell(self, line: str) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode())
        await self.proc.stdin.drain()
        return await self.said()


def response_for(state: dict) -> object:
    shape = state["shape"]
    if shape == "one":
        return random.randrange(len(state["options"]))
    if shape == "many":
        return [0]
    if shape == "order":
        return list(reversed(range(len(state["options"]))))
    return "Vilnius" if shape == "text" else "1"


async def student(
    session, url: str, i: int, questions: int, joined: asyncio.Event, counts: dict, out: dict
) -> None:
    import aiohttp

    ws = await session.ws_connect(url, max_msg_size=1 << 20)
    try:

        async def next_of(kind: str, **match: object) -> tuple[dict, float]:
            while True:
                msg = await asyncio.wait_for(ws.receive(), DEADLINE)
                if msg.type != aiohttp.WSMsgType.TEXT:
                    raise RuntimeError(f"socket closed: {msg.type}")
                m = json.loads(msg.data)
                if m["type"] == kind and all(m.get(k) == v for k, v in match.items()):
                    return m, time.monotonic()

        await next_of("hello")
        await ws.send_str(json.dumps({"type": "join", "name": f"Student {i}"}))
        await next_of("joined")
        counts["joined"] += 1
        if counts["joined"] == counts["n"]:
            joined.set()
        for q in range(questions):
            state, seen = await next_of("state", phase="question", index=q)
            out["seen"].setdefault(q, []).append(seen)
            await asyncio.sleep(random.uniform(0.0, 2.0))
            sent = time.monotonic()
            await ws.send_str(
                json.dumps({"type": "answer", "question": q, "response": response_for(state)})
            )
            _, acked = await next_of("ack", question=q)
            out["taps"].append(acked - sent)
            counts["acked"] += 1
            if counts["acked"] == counts["n"] * (q + 1):
                counts["all_answered"][q].set()
    finally:
        await ws.close()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else 0.0


async def run_size(n: int, questions: int, folder: Path, db: str) -> dict:
    import aiohttp

    from quiz.store import open_store

    env = dict(os.environ)
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[var] = str(folder / var.lower())
    proc = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--serve", db, str(questions),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env=env,
    )  # fmt: skip
    server = Server(proc)
    hello = await server.said()
    url = f"http://127.0.0.1:{hello['port']}/ws"
    counts: dict = {"n": n, "joined": 0, "acked": 0}
    counts["all_answered"] = [asyncio.Event() for _ in range(questions)]
    out: dict = {"seen": {}, "taps": []}
    joined = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [
            asyncio.create_task(student(session, url, i, questions, joined, counts, out))
            for i in range(n)
        ]
        await asyncio.wait_for(joined.wait(), DEADLINE)
        keys = []
        for q in range(questions):
            said = await server.tell("advance")  # start, or the next question
            keys.append(said["key"])
            await asyncio.wait_for(counts["all_answered"][q].wait(), DEADLINE)
            await server.tell("advance")  # everyone answered, so it closed: the leaderboard
        await server.tell("advance")  # the podium
        rss_after = (await server.tell("rss"))["rss"]
        await asyncio.gather(*tasks)
    stopped = await server.tell("quit")
    await proc.wait()
    key_to_question = [t - keys[q] for q, seen in out["seen"].items() for t in seen]
    store = open_store(db)
    kept = store.db.execute(
        "SELECT COUNT(*) FROM answers a JOIN rounds r ON r.id = a.round_id "
        "WHERE r.paper = ? AND a.response IS NOT NULL",
        (hello["code"],),
    )[0][0]
    store.close()
    return {
        "students": n,
        "questions": questions,
        "answers_acked": counts["acked"],
        "answers_kept": int(kept),
        "answers_lost": counts["acked"] - int(kept) + int(stopped.get("lost_in_saver", 0)),
        "tap_ack_median_ms": round(1000 * statistics.median(out["taps"]), 1),
        "tap_ack_p95_ms": round(1000 * pct(out["taps"], 95), 1),
        "key_question_median_ms": round(1000 * statistics.median(key_to_question), 1),
        "key_question_p95_ms": round(1000 * pct(key_to_question, 95), 1),
        "memory_per_student_kb": round((rss_after - hello["rss"]) / n, 1),
        "server_rss_mb": round(rss_after / 1024, 1),
    }


GOALS = "the issue's (19) figures for 1,000 students, held at every size"


def verdicts(r: dict) -> list[tuple[str, bool]]:
    return [
        (f"tap→ack p95 {r['tap_ack_p95_ms']} ms ≤ 100 ms", r["tap_ack_p95_ms"] <= 100),
        (
            f"key→question p95 {r['key_question_p95_ms']} ms ≤ 500 ms",
            r["key_question_p95_ms"] <= 500,
        ),
        (
            f"memory per student {r['memory_per_student_kb']} KB ≤ 1 MB",
            r["memory_per_student_kb"] <= 1024,
        ),
        (f"answers lost {r['answers_lost']} = 0", r["answers_lost"] == 0),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, nargs="*", default=[30, 200, 1000])
    parser.add_argument("--questions", type=int, default=3)
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--serve", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.serve:
        asyncio.run(serve(args.serve[0], int(args.serve[1]), seconds=60.0))
        return 0
    server = None
    if args.store == "postgresql":
        sys.path.insert(0, str(ROOT / "tests"))
        from pg import Server, why_not

        reason = why_not()
        if reason:
            print(f"PostgreSQL: not run ({reason})")
            return 0
        server = Server()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-live-") as tmp:
            for n in args.students:
                db = server.database() if server else str(Path(tmp) / f"live-{n}.db")
                result = asyncio.run(run_size(n, args.questions, Path(tmp), db))
                print(json.dumps({"store": args.store, **result}), flush=True)
                for what, ok in verdicts(result):
                    print(f"    {'PASS' if ok else 'MISS'} {what}", flush=True)
    finally:
        if server:
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
