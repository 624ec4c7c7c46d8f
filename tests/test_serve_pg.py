"""Several hosts, one database: two `quiz serve` processes on two loopback ports, both on one
PostgreSQL database (the throw-away server of tests/pg.py), and 12 players at once spread over
them, each in a tab of its own (a real game process) driven over textual-serve's websocket.

Every answer a player saw the feedback of is in the database, exactly once, under that
player's one id, in that player's round; `quiz stats` finds every player. Cost: 12 game
processes on the machine at once (a class of 100 is benchmarks/bench_players.py's, not a
test's: 30 here took a quarter of the suite's time on two cores).
"""

from __future__ import annotations

import asyncio
import io
import json
from contextlib import redirect_stdout

import aiohttp

from quiz.cli import main
from quiz.store import open_store
from served import Player, Served, answer, next_question, sign_in_and_start

PLAYERS = 12  # six a host, all at once
ANSWERS = 2  # each: a short game


async def play(session: aiohttp.ClientSession, server: Served, name: str) -> list[str]:
    player = await Player(session, server.ws_url()).open()
    try:
        await sign_in_and_start(player, name, seconds=120)
        verdicts = []
        for n in range(ANSWERS):
            if n:
                await next_question(player)
            verdict, _ = await answer(player, seconds=120)
            verdicts.append(verdict)
        return verdicts
    finally:
        await player.close()


async def test_two_hosts_on_one_postgresql_lose_no_answer(pg_server) -> None:  # noqa: ANN001
    db = pg_server.database()
    names = [f"Pupil {n:02}" for n in range(1, PLAYERS + 1)]
    hosts = [Served("--db", db, "--max-sessions", str(PLAYERS)) for _ in range(2)]
    try:
        assert hosts[0].base != hosts[1].base
        async with aiohttp.ClientSession() as session:
            played = await asyncio.gather(
                *(play(session, hosts[i % 2], name) for i, name in enumerate(names))
            )
    finally:
        outputs = [host.stop() for host in hosts]
    for output in outputs:  # each host served its half
        assert output.count("tab opened") == PLAYERS // 2, output

    store = open_store(db)
    assert store.problem is None
    players = {p.name: p.id for p in store.players()}
    assert sorted(players) == names
    assert len(set(players.values())) == PLAYERS  # one id each, none shared
    rows = store.db.execute(
        "SELECT p.name, r.id, r.player_id, a.seq, a.result, a.round_id "
        "FROM answers a JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = r.player_id "
        "ORDER BY p.name, a.seq"
    )
    assert len(rows) == PLAYERS * ANSWERS  # none lost, none twice
    by_player: dict[str, list[tuple]] = {}
    for row in rows:
        by_player.setdefault(row[0], []).append(row)
    for name, verdicts in zip(names, played, strict=True):
        mine = by_player[name]
        assert {r[2] for r in mine} == {players[name]}  # the round is this player's
        assert len({r[1] for r in mine}) == 1  # one round
        assert [r[3] for r in mine] == list(range(ANSWERS))  # each answer once, in order
        right = sum(r[4] == "right" for r in mine)
        assert right == verdicts.count("✔ Right!"), (name, verdicts, [r[4] for r in mine])
    rounds = store.db.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM rounds")
    assert rounds == [(PLAYERS, PLAYERS)]

    for name in names:  # the terminal's own command sees everyone
        out = io.StringIO()
        with redirect_stdout(out):
            assert main(["stats", "--db", db, "--player", name, "--format", "json"]) == 0
        assert json.loads(out.getvalue())["answers"] == ANSWERS
