"""Sittings of exam papers in the store: find them, and add one that came as a file.

A sitting is a round with a paper code. Its `uid` goes with it to other
computers, so a results file imported twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quiz.store.records import AnswerRecord, KeptAnswer, SittingRow
from quiz.store.sql import SqlStore

_COLUMNS = (
    "r.id, r.uid, p.name, r.paper, r.spec, r.started_at, r.ended_at, r.status, r.score "
    "FROM rounds r JOIN players p ON p.id = r.player_id"
)


def sittings(store: SqlStore, paper: str, player_id: int | None = None) -> list[SittingRow]:
    """Every sitting of a paper (of one player), oldest first, with its answers."""
    where = "r.paper = ?"
    params: list[Any] = [paper]
    if player_id is not None:  # one player's answers only, not the whole class's
        where += " AND r.player_id = ?"
        params.append(player_id)
    return _rows(store, where, params)


def sitting_by_uid(store: SqlStore, uid: str) -> SittingRow | None:
    """The sitting kept with this id (the one a results file carries), if any."""
    found = _rows(store, "r.uid = ?", [uid])
    return found[0] if found else None


def _rows(store: SqlStore, where: str, params: list[Any]) -> list[SittingRow]:
    rounds = store.db.execute(
        f"SELECT {_COLUMNS} WHERE {where} ORDER BY r.started_at, r.id", params
    )
    if not rounds:
        return []
    answers: dict[int, list[KeptAnswer]] = {}
    rows = store.db.execute(
        "SELECT a.round_id, a.seq, a.question_id, a.response, a.seconds, a.answered_at "
        f"FROM answers a JOIN rounds r ON r.id = a.round_id WHERE {where} "
        "ORDER BY a.round_id, a.seq",
        params,
    )
    for round_id, seq, qid, response, seconds, at in rows:
        answers.setdefault(int(round_id), []).append(
            KeptAnswer(int(seq), str(qid), response, float(seconds), str(at))
        )
    return [
        SittingRow(
            int(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4]),
            str(r[5]),
            None if r[6] is None else str(r[6]),
            str(r[7]),
            int(r[8]),
            tuple(answers.get(int(r[0]), ())),
        )
        for r in rounds
    ]


def has_uid(store: SqlStore, uid: str) -> bool:
    return bool(store.db.execute("SELECT 1 FROM rounds WHERE uid = ?", (uid,)))


def add_sitting(
    store: SqlStore,
    player: str,
    spec: Any,
    paper: str,
    uid: str,
    started_at: str,
    ended_at: str,
    status: str,
    answers: Sequence[AnswerRecord],
) -> int | None:
    """Keep a finished sitting from elsewhere, all of it or (on any error) none of it; None
    when a sitting with this uid is kept already."""
    with store.db.transaction():
        if has_uid(store, uid):
            return None
        player_id = store.player(player).id
        round_id = store.start_round(player_id, spec, started_at, paper=paper, uid=uid)
        for a in answers:
            store.record_answer(round_id, a)
        score = sum(a.points for a in answers)
        store.finish_round(round_id, status, ended_at, score)
        return round_id
