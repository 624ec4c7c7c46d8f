"""Sittings of exam papers in the store: one per player and paper, held by one window at a
time, on a clock the store keeps; and what the teacher decides about a paper.

A sitting is a round with a paper code. Its `uid` goes with it to other computers, so a
results file imported twice adds nothing the second time.

One sitting per player and paper is the store's to enforce, not the front end's: `claim`
reads and creates in one write transaction, and the unique `sitting_key` (schema step 6)
turns a race the transaction does not serialise (PostgreSQL reads committed rows) into a
conflict that `claim` retries, finding the sitting the other window made. An open sitting
is *held*: `holder` names the window playing it and `lease_until` how long it stays held
without a word from that window (LEASE); each answer and a periodic touch renew it. A second
window is refused (`Busy`) until the first lets go or its lease lapses, and then takes it
over.

Time: an open sitting's clock is the seconds it has used (`elapsed`, kept at each touch)
plus the wall-clock time since that touch, never less (see `clock_used`), so a clock set
back before resuming gives no time back. Read here, an open sitting past its time limit
counts as timed out, and one of a closed paper as closed, though nobody resumed it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quiz.store.backend import StoreError
from quiz.store.holder import LEASE, gone
from quiz.store.records import AnswerRecord, KeptAnswer, SittingRow
from quiz.store.review import iso, parse_iso
from quiz.store.sql import SqlStore
from quiz.store.writes import Hold

TOUCH_EVERY = 30.0  # how often a window playing a sitting says it still is

_COLUMNS = (
    "r.id, r.uid, p.name, r.paper, r.spec, r.started_at, r.ended_at, r.status, r.score, "
    "r.elapsed, r.touched_at, r.holder, r.lease_until "
    "FROM rounds r JOIN players p ON p.id = r.player_id"
)


class Busy(Exception):
    """The sitting is open in another window or tab, whose lease runs until `free_at`."""

    def __init__(self, code: str, free_at: str) -> None:
        from quiz import words

        super().__init__(words.open_elsewhere(code, free_at))
        self.code, self.free_at = code, free_at


class PaperClosed(Exception):
    """The paper closed (its closing time passed, or its answers were released): no new
    sitting, and no open one goes on."""

    def __init__(self, code: str, closed: str) -> None:
        from quiz import words

        super().__init__(words.paper_closed(code, closed))
        self.code, self.closed = code, closed


# -- the teacher's decisions about a paper ------------------------------------------------


@dataclass(frozen=True)
class PaperState:
    """What the teacher decided about a paper (kept in the store, beside its sittings: the
    code is what students type and holds the questions, not the paper's calendar)."""

    code: str
    closes_at: str | None = None
    released_at: str | None = None

    def closed_at(self, now: dt.datetime) -> str | None:
        """When it closed, if it has: released, or its closing time passed."""
        times = [t for t in (self.released_at, self.closes_at) if t and parse_iso(t) <= now]
        return min(times, key=parse_iso) if times else None

    def key_shown(self, now: dt.datetime) -> bool:
        """The marks and right answers may be shown to a served student."""
        return self.closed_at(now) is not None


def paper_state(store: SqlStore, code: str) -> PaperState:
    rows = store.db.execute("SELECT closes_at, released_at FROM papers WHERE code = ?", (code,))
    if not rows:
        return PaperState(code)
    closes, released = rows[0]
    return PaperState(code, closes and str(closes), released and str(released))


def set_closes(store: SqlStore, code: str, closes_at: dt.datetime) -> None:
    with store.db.transaction():
        store.db.execute(
            "INSERT INTO papers (code, closes_at) VALUES (?, ?) "
            "ON CONFLICT (code) DO UPDATE SET closes_at = excluded.closes_at",
            (code, iso(closes_at)),
        )


def release(store: SqlStore, code: str, now: dt.datetime) -> bool:
    """Release the paper's answers now (False: released already, and when stays)."""
    with store.db.transaction():
        if paper_state(store, code).released_at:
            return False
        store.db.execute(
            "INSERT INTO papers (code, released_at) VALUES (?, ?) "
            "ON CONFLICT (code) DO UPDATE SET released_at = excluded.released_at",
            (code, iso(now)),
        )
        return True


# -- reading --------------------------------------------------------------------------


def clock_used(
    elapsed: float | None, touched_at: str | None, started_at: str, now: dt.datetime
) -> float:
    """Seconds of a sitting's clock used by `now`: what it had used at its last touch, plus
    the wall-clock time since, counted only forward. A sitting from before the store kept
    its clock counts from its start."""
    since = parse_iso(touched_at or started_at)
    return (elapsed or 0.0) + max(0.0, (now - since).total_seconds())


def _time_limit(spec: str) -> int | None:
    try:
        limit = json.loads(spec).get("time_limit")
    except (ValueError, AttributeError):
        return None
    return limit if isinstance(limit, int) and limit > 0 else None


def sittings(store: SqlStore, paper: str, player_id: int | None = None) -> list[SittingRow]:
    """Every sitting of a paper (of one player), oldest first, with its answers, each as it
    counts now (see the module's docstring)."""
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
    now = store.clock.now()
    closing = {
        code: paper_state(store, code).closed_at(now) for code in {str(r[3]) for r in rounds}
    }
    out = []
    for r in rounds:
        kept, started, ended = str(r[7]), str(r[5]), None if r[6] is None else str(r[6])
        until = now if kept == "open" or ended is None else parse_iso(ended)
        used = clock_used(r[9], r[10], started, until)
        limit = _time_limit(str(r[4]))
        status = kept
        if kept == "open" and limit is not None and used >= limit:
            status = "timeout"
        elif kept == "open" and closing[str(r[3])] is not None:
            status = "closed"
        out.append(
            SittingRow(
                int(r[0]),
                str(r[1]),
                str(r[2]),
                str(r[3]),
                str(r[4]),
                started,
                ended,
                status,
                int(r[8]),
                tuple(answers.get(int(r[0]), ())),
                kept_status=kept,
                elapsed=min(used, limit) if limit is not None else used,
                holder=None if r[11] is None else str(r[11]),
                lease_until=None if r[12] is None else str(r[12]),
            )
        )
    return out


def has_uid(store: SqlStore, uid: str) -> bool:
    return bool(store.db.execute("SELECT 1 FROM rounds WHERE uid = ?", (uid,)))


# -- one sitting per player and paper, held by one window ----------------------------------


def sitting_key(player_id: int, paper: str) -> str:
    return f"{player_id}/{paper}"


@dataclass(frozen=True)
class Claimed:
    round_id: int
    new: bool  # started just now (else an open sitting, resumed)


def claim(
    store: SqlStore, player_id: int, paper: str, spec: Any, holder: str, now: dt.datetime
) -> Claimed | None:
    """Make this window (`holder`) the one playing the player's sitting of the paper: the open
    one, held here from now, or a new one started now. None when the player has a finished
    sitting (shown, never sat again). Busy when another window holds the open one; PaperClosed
    when the paper has closed (an open sitting is then closed as it stands)."""
    for attempt in range(3):
        try:
            return _claim(store, player_id, paper, spec, holder, now)
        except StoreError as exc:
            # A sitting made meanwhile by another window (the unique key refused this one's)
            # is found on the next try; a store that falters is said at once.
            if exc.passing or attempt == 2:
                raise
    raise AssertionError("unreachable")


def _claim(
    store: SqlStore, player_id: int, paper: str, spec: Any, holder: str, now: dt.datetime
) -> Claimed | None:
    db = store.db
    lease = iso(now + dt.timedelta(seconds=LEASE))
    ended: str | None = None
    with db.transaction():
        rows = db.execute(
            "SELECT id, status, holder, lease_until FROM rounds WHERE player_id = ? AND "
            "paper = ? ORDER BY started_at, id",
            (player_id, paper),
        )
        if any(r[1] != "open" for r in rows):
            return None
        closed = paper_state(store, paper).closed_at(now)
        if rows:
            round_id, _, held_by, until = rows[-1]
            if closed is not None:  # closed as it stands (and that kept), then said
                _end(store, int(round_id), "closed", now)
                ended = closed
            elif (
                held_by
                and held_by != holder
                and until
                and parse_iso(str(until)) > now
                and not gone(str(held_by))
            ):
                raise Busy(paper, str(until))
            else:
                db.execute(
                    "UPDATE rounds SET holder = ?, lease_until = ? WHERE id = ?",
                    (holder, lease, round_id),
                )
                return Claimed(int(round_id), new=False)
        else:
            if closed is not None:
                raise PaperClosed(paper, closed)
            round_id = store.start_round(player_id, spec, iso(now), paper=paper)
            db.execute(
                "UPDATE rounds SET sitting_key = ?, holder = ?, lease_until = ?, elapsed = 0, "
                "touched_at = ? WHERE id = ?",
                (sitting_key(player_id, paper), holder, lease, iso(now), round_id),
            )
            return Claimed(round_id, new=True)
    assert ended is not None
    raise PaperClosed(paper, ended)


def touch(store: SqlStore, round_id: int, holder: str, elapsed: float, now: dt.datetime) -> bool:
    """The window still plays the sitting: its lease renewed and its clock kept (never moved
    back). False when another window has taken it over (this one's lease had lapsed)."""
    with store.db.transaction():
        return store.renew(round_id, Hold(holder, elapsed), now)


def let_go(store: SqlStore, round_id: int, holder: str) -> None:
    """The window is done with the sitting (it ended): another may open it at once."""
    with store.db.transaction():
        store.db.execute(
            "UPDATE rounds SET holder = NULL, lease_until = NULL WHERE id = ? AND holder = ?",
            (round_id, holder),
        )


# -- the teacher's hand on a sitting --------------------------------------------------------


def _end(store: SqlStore, round_id: int, status: str, now: dt.datetime) -> None:
    """End an open sitting as it stands, its clock kept as it was then; one whose time limit
    had passed ends as timed out, however it was ended."""
    rows = store.db.execute(
        "SELECT elapsed, touched_at, started_at, spec FROM rounds WHERE id = ?", (round_id,)
    )
    used = clock_used(rows[0][0], rows[0][1], str(rows[0][2]), now)
    limit = _time_limit(str(rows[0][3]))
    if limit is not None and used >= limit:
        status, used = "timeout", float(limit)
    store.db.execute(
        "UPDATE rounds SET status = ?, ended_at = ?, holder = NULL, lease_until = NULL, "
        "elapsed = ?, touched_at = ? WHERE id = ? AND status = 'open'",
        (status, iso(now), used, iso(now), round_id),
    )


def close(store: SqlStore, paper: str, player_id: int, now: dt.datetime) -> int:
    """Close the player's open sittings of the paper as they stand (an abandoned tab's):
    what was answered counts, the rest is unanswered. The number closed."""
    with store.db.transaction():
        rows = store.db.execute(
            "SELECT id FROM rounds WHERE paper = ? AND player_id = ? AND status = 'open'",
            (paper, player_id),
        )
        for (round_id,) in rows:
            _end(store, int(round_id), "closed", now)
        return len(rows)


def reopen(store: SqlStore, paper: str, player_id: int, now: dt.datetime) -> int:
    """Open the player's latest finished sitting of the paper again, its clock where it
    stopped (the time it had left, it has again). The number reopened: 0 or 1."""
    with store.db.transaction():
        rows = store.db.execute(
            "SELECT id, elapsed, touched_at, started_at, ended_at FROM rounds "
            "WHERE paper = ? AND player_id = ? ORDER BY started_at DESC, id DESC",
            (paper, player_id),
        )
        if not rows or any(r[4] is None for r in rows):  # none, or one open already
            return 0
        round_id, elapsed, touched, started, ended = rows[0]
        used = clock_used(elapsed, touched, str(started), parse_iso(str(ended)))
        store.db.execute(
            "UPDATE rounds SET status = 'open', ended_at = NULL, holder = NULL, "
            "lease_until = NULL, elapsed = ?, touched_at = ? WHERE id = ?",
            (used, iso(now), round_id),
        )
        return 1


def delete(store: SqlStore, paper: str, player_id: int) -> int:
    """Delete the player's sittings of the paper, with their answers; the player's progress
    per fact is counted again from the answers left. The number deleted."""
    db = store.db
    with db.transaction():
        ids = [
            int(r[0])
            for r in db.execute(
                "SELECT id FROM rounds WHERE paper = ? AND player_id = ?", (paper, player_id)
            )
        ]
        for round_id in ids:
            db.execute(
                "DELETE FROM answer_facts WHERE answer_id IN "
                "(SELECT id FROM answers WHERE round_id = ?)",
                (round_id,),
            )
            db.execute("DELETE FROM answers WHERE round_id = ?", (round_id,))
            db.execute("DELETE FROM rounds WHERE id = ?", (round_id,))
        if ids:
            store.rebuild_progress()
        return len(ids)


# -- results files ----------------------------------------------------------------------------


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
    when a sitting with this uid is kept already. It takes the player's sitting key when it
    is the first of that player and paper here; a second one (two students of one name, a
    paper sat twice elsewhere) is kept without it, and the import says so."""
    with store.db.transaction():
        if has_uid(store, uid):
            return None
        player_id = store.player(player).id
        round_id = store.start_round(player_id, spec, started_at, paper=paper, uid=uid)
        for a in answers:
            store.record_answer(round_id, a)
        score = sum(a.points for a in answers)
        store.finish_round(round_id, status, ended_at, score)
        key = sitting_key(player_id, paper)
        store.db.execute(
            "UPDATE rounds SET sitting_key = ? WHERE id = ? AND NOT EXISTS "
            "(SELECT 1 FROM rounds r WHERE r.sitting_key = ?)",
            (key, round_id, key),
        )
        return round_id
