"""The store: players, rounds, every answer, and each player's progress per fact.

All SQL is portable (see backend.py) and every write is one short transaction,
so each answer is on disk the moment it is given and several players can share
one database. Read-then-write work (a new player, a fact's schedule) happens
inside the same transaction, which the backend opens for writing at once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from quiz.clock import Clock, SystemClock
from quiz.daily import Today
from quiz.lang import _
from quiz.store import review
from quiz.store.backend import Backend, RoundClosed, StoreError, TakenOver
from quiz.store.holder import LEASE
from quiz.store.outbox import Outbox
from quiz.store.records import (
    AnswerRecord,
    FactProgress,
    GivenAnswer,
    PastRound,
    Player,
    RoundRow,
    TopScore,
)
from quiz.store.saver import PATIENCE, Saver
from quiz.store.schema import migrate
from quiz.store.writes import Hold, RecordAnswer, StartRound, Write

ScoringKey = tuple[bool, bool]  # (speed bonus, streak bonus): the rules that change a score
DEFAULT_SCORING: ScoringKey = (False, True)


def scoring_of(spec: str) -> ScoringKey | None:
    """The scoring a kept round was played under (None: a spec that cannot be read). Read
    from the JSON as kept, with the defaults of quiz.scoring.Rules for what it leaves out."""
    try:
        rules = json.loads(spec).get("rules", {})
        speed, streak = rules.get("speed_bonus", False), rules.get("streak_bonus", True)
    except (ValueError, AttributeError):
        return None
    if not isinstance(speed, bool) or not isinstance(streak, bool):
        return None
    return speed, streak


class SqlStore:
    def __init__(self, db: Backend, clock: Clock | None = None, *, saving: bool = True) -> None:
        """`saving=False`: a store reached by another's saver (a stand-in's, see open_store),
        whose own saver must not send the outbox a second time."""
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self.problem: str | None = None  # why progress is not being kept, when it is not
        self.notice: str | None = None  # something the player should know once (a file set aside)
        migrate(self)
        self.saver = Saver(Outbox.of_store(db.where) if saving else Outbox(db.where, None), self)

    @property
    def where(self) -> str:
        return self.db.where

    def close(self) -> None:
        self.saver.close()
        self.db.close()

    # -- players --------------------------------------------------------------------

    def player(self, name: str) -> Player:
        """The player of that name, added if new. Found by the name's key (quiz.names), so
        "eve again" is the "Eve Again" typed first, whose name is kept as typed. Two hosts
        adding the same name at once both get the one row: the insert yields to the unique
        name and key. A player kept already is only read: a returning player's game never
        waits on another's write lock."""
        from quiz.names import name_key

        found = self.find_player(name)
        if found is not None:
            return found
        with self.db.patience(PATIENCE), self.db.transaction():  # no longer than an answer
            found = self.find_player(name)
            if found is not None:
                return found
            self.db.execute(
                "INSERT INTO players (name, created_at, name_key) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (name, review.iso(self.clock.now()), name_key(name)),
            )
            found = self.find_player(name)
            assert found is not None
            return found

    def players(self) -> list[Player]:
        rows = self.db.execute("SELECT id, name, created_at FROM players ORDER BY name")
        return [Player(*r) for r in rows]

    def find_player(self, name: str) -> Player | None:
        """The player of exactly this name, else the one whose name looks the same (its key:
        case, spacing, normal form and look-alike letters aside)."""
        rows = self.db.execute("SELECT id, name, created_at FROM players WHERE name = ?", (name,))
        if not rows:  # the name as typed is not kept: the one that looks the same, if any.
            # (Only now: the key's transliteration library costs a returning player's start
            # some 30 ms to import.)
            from quiz.names import name_key

            rows = self.db.execute(
                "SELECT id, name, created_at FROM players WHERE name_key = ? ORDER BY id",
                (name_key(name),),
            )
        return Player(int(rows[0][0]), str(rows[0][1]), str(rows[0][2])) if rows else None

    def last_player(self) -> str | None:
        rows = self.db.execute("SELECT value FROM meta WHERE key = 'last_player'")
        return str(rows[0][0]) if rows else None

    def set_last_player(self, name: str) -> None:
        if self.last_player() == name:
            return  # the same player again: no write (and no wait on a lock)
        with self.db.patience(PATIENCE), self.db.transaction():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES ('last_player', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (name,),
            )

    def prefs(self, player_id: int) -> dict[str, Any]:
        rows = self.db.execute("SELECT prefs FROM players WHERE id = ?", (player_id,))
        try:
            data = json.loads(rows[0][0]) if rows else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def save_prefs(self, player_id: int, prefs: dict[str, Any]) -> None:
        with self.db.transaction():
            self.db.execute(
                "UPDATE players SET prefs = ? WHERE id = ?", (json.dumps(prefs), player_id)
            )

    # -- rounds and answers -----------------------------------------------------------

    def start_round(
        self,
        player_id: int,
        spec: Any,
        started_at: str,
        *,
        paper: str | None = None,
        uid: str | None = None,
    ) -> int:
        """A new round (an exam paper's sitting when `paper` is its code); `uid` is the id
        it keeps on every computer (a new one unless the round comes from a results file)."""
        import uuid

        w = StartRound.of(uid or str(uuid.uuid4()), "", spec, started_at, paper)
        return self._add_round(player_id, w)

    def _add_round(self, player_id: int, w: StartRound) -> int:
        """The round's id; a uid kept already gives that round's: sending twice adds one."""
        with self.db.transaction():
            rows = self.db.execute(
                "INSERT INTO rounds (player_id, pack_id, pack_version, pack_digest, mode, count, "
                "custom, spec, started_at, paper, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (uid) DO NOTHING RETURNING id",
                (
                    player_id,
                    w.pack_id,
                    w.pack_version,
                    w.pack_digest,
                    w.mode,
                    w.count,
                    int(w.custom),
                    w.spec,
                    w.started_at,
                    w.paper,
                    w.round,
                ),
            )
            return int(rows[0][0]) if rows else self._round_id(w.round)

    def _round_id(self, uid: str) -> int:
        rows = self.db.execute("SELECT id FROM rounds WHERE uid = ?", (uid,))
        if not rows:
            raise StoreError(_("no round {uid} in {where}").format(uid=uid, where=self.where))
        return int(rows[0][0])

    def write(self, w: Write) -> int:
        """Apply one of a round's writes (see quiz.store.writes); the round's id."""
        if isinstance(w, StartRound):
            with self.db.transaction():
                return self._add_round(self.player(w.player).id, w)
        round_id = self._round_id(w.round)
        if isinstance(w, RecordAnswer):
            self.record_answer(round_id, w.answer, w.held)
        else:
            self.finish_round(round_id, w.status, w.ended_at, w.score)
        return round_id

    def write_all(self, ws: Sequence[Write]) -> list[int | StoreError]:
        """Apply several writes in one commit, so a class answering at once costs the disk one
        flush, not one each: each write's round id, or the StoreError that refused it for good,
        which undoes that write alone. A failure that passes undoes them all and is raised."""
        if len(ws) == 1:  # a player's one answer: its own commit undoes it, no savepoint
            try:
                return [self.write(ws[0])]
            except StoreError as exc:
                if exc.passing:
                    raise
                return [exc]
        out: list[int | StoreError] = []
        with self.db.transaction():
            for w in ws:
                self.db.execute("SAVEPOINT quiz_write")
                try:
                    out.append(self.write(w))
                except StoreError as exc:
                    if exc.passing:
                        raise
                    self.db.execute("ROLLBACK TO SAVEPOINT quiz_write")
                    out.append(exc)
                self.db.execute("RELEASE SAVEPOINT quiz_write")
        return out

    def record_answer(self, round_id: int, a: AnswerRecord, held: Hold | None = None) -> None:
        """The answer, the round's score so far and the schedule of every fact it tests, in
        one commit; for a sitting held by a window (`held`), its hold renewed in that commit,
        or TakenOver when another window holds it now."""
        with self.db.transaction():
            player_id, pack_id, mode, status = self.db.execute(
                "SELECT player_id, pack_id, mode, status FROM rounds WHERE id = ?", (round_id,)
            )[0]
            if self.db.execute(
                "SELECT 1 FROM answers WHERE round_id = ? AND seq = ?", (round_id, a.seq)
            ):
                return  # kept already: this is a write sent again
            if status != "open":
                raise RoundClosed
            if held is not None and not self.renew(round_id, held, review.parse_iso(a.answered_at)):
                raise TakenOver
            # Sent twice at once (two programs sending one outbox): the second yields here.
            inserted = self.db.execute(
                "INSERT INTO answers (round_id, seq, question_id, kind, response, result, credit, "
                "exact, points, seconds, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (round_id, seq) DO NOTHING RETURNING id",
                (
                    round_id,
                    a.seq,
                    a.question_id,
                    a.kind,
                    a.response,
                    a.result,
                    a.credit,
                    int(a.exact),
                    a.points,
                    a.seconds,
                    a.answered_at,
                ),
            )
            if not inserted:
                return
            row = inserted[0]
            done: set[str] = set()
            for i, fact in enumerate(a.facts):
                if fact in done:
                    continue
                done.add(fact)
                result = a.result_of(i)
                self.db.execute(
                    "INSERT INTO answer_facts (answer_id, fact_id, result) VALUES (?, ?, ?)",
                    (row[0], fact, result),
                )
                self._progress(player_id, pack_id, fact, mode, a, result)
            # the status again, in the write itself: a round ended by another process since
            # the read above (PostgreSQL reads committed rows) rolls this answer back whole
            kept = self.db.execute(
                "UPDATE rounds SET score = score + ?, answered = answered + 1, "
                "correct = correct + ? WHERE id = ? AND status = 'open' RETURNING id",
                (a.points, int(a.result == "right"), round_id),
            )
            if not kept:
                raise RoundClosed

    def renew(self, round_id: int, held: Hold, at: dt.datetime) -> bool:
        """Inside a write transaction: the sitting's hold renewed for `held.holder` as of `at`
        (a touch's now, or an answer's own time when it is sent later from the outbox) and its
        clock kept. Neither moves back: a clock kept further already stays (the time since is
        counted from when it was kept), and a lease is extended only to `at` + LEASE, so an
        answer sent late neither gives time back nor locks another window out. False when
        another window holds the sitting now."""
        stamp, lease = review.iso(at), review.iso(at + dt.timedelta(seconds=LEASE))
        kept = self.db.execute(
            "UPDATE rounds SET "
            "lease_until = CASE WHEN lease_until IS NULL OR lease_until < ? THEN ? "
            "ELSE lease_until END, "
            "touched_at = CASE WHEN elapsed IS NULL OR elapsed < ? THEN ? ELSE touched_at END, "
            "elapsed = CASE WHEN elapsed IS NULL OR elapsed < ? THEN ? ELSE elapsed END "
            "WHERE id = ? AND status = 'open' AND (holder = ? OR holder IS NULL) RETURNING id",
            (
                lease,
                lease,
                held.elapsed,
                stamp,
                held.elapsed,
                held.elapsed,
                round_id,
                held.holder,
            ),
        )
        if kept:
            return True
        rows = self.db.execute("SELECT status, holder FROM rounds WHERE id = ?", (round_id,))
        return not rows or rows[0][0] != "open" or rows[0][1] == held.holder

    def finish_round(self, round_id: int, status: str, ended_at: str, score: int) -> None:
        with self.db.transaction():
            ended = self.db.execute(
                "UPDATE rounds SET status = ?, ended_at = ?, score = ? "
                "WHERE id = ? AND status = 'open' RETURNING id",
                (status, ended_at, score, round_id),
            )
            if ended:
                return
            (now,) = self.db.execute(
                "SELECT status, ended_at FROM rounds WHERE id = ?", (round_id,)
            )
            if tuple(now) != (status, ended_at):  # ended elsewhere first: that stands
                raise RoundClosed

    def _progress(
        self, player_id: int, pack_id: str, fact: str, mode: str, a: AnswerRecord, result: str
    ) -> None:
        """One fact's tally and schedule after an answer that gave it `result`."""
        rows = self.db.execute(
            "SELECT attempts, rights, last_result, mastered, card FROM fact_progress "
            "WHERE player_id = ? AND pack_id = ? AND fact_id = ?",
            (player_id, pack_id, fact),
        )
        attempts, rights, last, mastered, card = rows[0] if rows else (0, 0, "", 0, None)
        right = result == "right"
        if not right:
            mastered = 0
        elif mode == "review" and last == "right":
            mastered = 1
        card, due = review.schedule(card, result, a.exact, review.parse_iso(a.answered_at))
        self.db.execute(
            "INSERT INTO fact_progress (player_id, pack_id, fact_id, attempts, rights, "
            "last_result, last_kind, last_at, mastered, card, due) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (player_id, pack_id, fact_id) DO UPDATE SET "
            "attempts = excluded.attempts, rights = excluded.rights, "
            "last_result = excluded.last_result, last_kind = excluded.last_kind, "
            "last_at = excluded.last_at, mastered = excluded.mastered, card = excluded.card, "
            "due = excluded.due",
            (
                player_id,
                pack_id,
                fact,
                attempts + 1,
                rights + right,
                result,
                a.kind,
                a.answered_at,
                mastered,
                card,
                due,
            ),
        )

    def rebuild_progress(self, per_fact: bool = True) -> None:
        """Every player's progress replayed from the answers kept (schema step 2), with the
        same rules as `_progress` applies to each answer as it is given.
        `per_fact=False` for a database from before each fact kept its own result.

        A million answers replay in one pass: the answers are read a batch at a time in the
        order they were given (never all in memory), each fact's tally and FSRS card are
        kept in memory (one per player, pack and fact, a few thousand; FSRS replayed by
        quiz.store.replay, fsrs's arithmetic without its Card), and the rows are written once
        at the end: one statement per fact, not two per answer."""
        from quiz.store import replay

        advance, finish = replay.kit()
        parse = dt.datetime.fromisoformat  # review.parse_iso, without the call around it
        each = "af.result" if per_fact else "NULL"  # schema step 5 added each fact's own result
        state: dict[tuple[int, str, str], list[Any]] = {}
        with self.db.transaction():
            self.db.execute("DELETE FROM fact_progress")
            # each round's player, pack and whether it reviewed: one small read, so the
            # sorted stream of answers stays narrow
            rounds = {
                int(i): (int(p), str(pack), mode == "review")
                for i, p, pack, mode in self.db.execute(
                    "SELECT id, player_id, pack_id, mode FROM rounds"
                )
            }
            rows = self.db.stream(
                f"SELECT a.round_id, a.kind, a.result, a.exact, a.answered_at, af.fact_id, {each} "
                "FROM answers a JOIN answer_facts af ON af.answer_id = a.id "
                "ORDER BY a.answered_at, a.id, af.fact_id"
            )
            for round_id, kind, answer_result, exact, at, fact, own in rows:
                player_id, pack_id, reviewing = rounds[round_id]
                result = own or answer_result
                key = (player_id, pack_id, fact)
                # attempts, rights, last result, last kind, last time, mastered, card
                row = state.get(key)
                if row is None:
                    row = state[key] = [0, 0, "", "", "", 0, None]
                right = result == "right"
                if not right:
                    row[5] = 0
                elif reviewing and row[2] == "right":
                    row[5] = 1
                row[0] += 1
                row[1] += right
                row[2] = result
                row[3] = kind
                row[4] = at
                row[6] = advance(row[6], result, exact, parse(at))
            for (player_id, pack_id, fact), row in state.items():
                card, due = finish(row[6])
                self.db.execute(
                    "INSERT INTO fact_progress (player_id, pack_id, fact_id, attempts, rights, "
                    "last_result, last_kind, last_at, mastered, card, due) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (player_id, pack_id, fact, *row[:6], card, due),
                )

    # -- reading ----------------------------------------------------------------------

    def rounds(
        self, player_id: int, pack_id: str | None = None, latest: int | None = None
    ) -> list[RoundRow]:
        """The player's rounds with at least one answer, oldest first (only the `latest` ones
        when asked). Each round row keeps its own tallies, so this never reads the answers."""
        where, params = _answered_rounds(player_id, pack_id)
        sql = (
            "SELECT id, pack_id, mode, count, custom, started_at, ended_at, status, score, "
            f"answered, correct FROM rounds WHERE {where} ORDER BY started_at DESC, id DESC"
        )
        if latest is not None:
            sql += " LIMIT ?"
            params.append(latest)
        return [RoundRow(*r) for r in reversed(self.db.execute(sql, params))]

    def totals(self, player_id: int, pack_id: str | None = None) -> tuple[int, int, int]:
        """(rounds with an answer, answers, right answers) of a player, on one pack or all."""
        where, params = _answered_rounds(player_id, pack_id)
        (row,) = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(answered), 0), COALESCE(SUM(correct), 0) "
            f"FROM rounds WHERE {where}",
            params,
        )
        return int(row[0]), int(row[1]), int(row[2])

    def best(
        self,
        player_id: int,
        pack_id: str,
        count: int,
        before: int | None = None,
        rules: ScoringKey = DEFAULT_SCORING,
    ) -> int | None:
        """The player's best finished practice score for this pack, round length and scoring
        (speed bonus, streak bonus: scores under other rules do not compare), counting only
        rounds other than `before`. Reviews, retries and papers are never ranked."""
        scores = [
            score
            for pid, _, score, _, rid in self._ranked(pack_id, count, rules)
            if pid == player_id and rid != before
        ]
        return max(scores, default=None)

    def top(
        self, pack_id: str, count: int, limit: int = 5, rules: ScoringKey = DEFAULT_SCORING
    ) -> list[TopScore]:
        """The best `limit` players for this pack, round length and scoring: each player once,
        with their best score (the earliest round of it)."""
        seen: set[int] = set()
        out = []
        for pid, name, score, started, rid in self._ranked(pack_id, count, rules):
            if pid not in seen:
                seen.add(pid)
                out.append(TopScore(name, score, started, rid))
        return out[:limit]

    def _ranked(
        self, pack_id: str, count: int, rules: ScoringKey
    ) -> list[tuple[int, str, int, str, int]]:
        """The finished practice rounds of this pack and length scored under `rules`, best
        first: (player id, name, score, started, round id). The scoring is read from each
        round's kept spec (so rounds kept before this was asked count too)."""
        rows = self.db.execute(
            "SELECT r.player_id, p.name, r.score, r.started_at, r.id, r.spec FROM rounds r "
            "JOIN players p ON p.id = r.player_id WHERE r.pack_id = ? AND r.count = ? "
            "AND r.mode = 'practice' AND r.custom = 0 AND r.status = 'done' "
            "AND r.paper IS NULL ORDER BY r.score DESC, r.started_at, r.id",
            (pack_id, count),
        )
        return [
            (int(pid), str(name), int(score), str(started), int(rid))
            for pid, name, score, started, rid, spec in rows
            if scoring_of(str(spec)) == rules
        ]

    def progress(self, player_id: int, pack_id: str) -> list[FactProgress]:
        rows = self.db.execute(
            "SELECT fact_id, attempts, rights, last_result, last_kind, last_at, mastered, due "
            "FROM fact_progress WHERE player_id = ? AND pack_id = ? ORDER BY fact_id",
            (player_id, pack_id),
        )
        return [
            FactProgress(str(f), int(n), int(k), str(res), str(kind), str(at), bool(m), str(due))
            for f, n, k, res, kind, at, m, due in rows
        ]

    def due(self, player_id: int, pack_id: str, now: str) -> list[review.Due]:
        rows = self.db.execute(
            "SELECT fact_id, due, last_kind FROM fact_progress "
            "WHERE player_id = ? AND pack_id = ? AND due <= ? ORDER BY due, fact_id",
            (player_id, pack_id, now),
        )
        return [review.Due(str(f), review.parse_iso(d), str(k)) for f, d, k in rows]

    def studied(self, player_id: int, since: str) -> Today:
        """What the player studied, on every pack, since `since` (ISO, UTC): facts first
        answered then, and facts answered then in a review round that had been answered
        before (each fact once, however often it came back)."""
        rows = self.db.execute(
            "SELECT MIN(a.answered_at), "
            "MAX(CASE WHEN r.mode = 'review' AND a.answered_at >= ? THEN 1 ELSE 0 END) "
            "FROM answer_facts af JOIN answers a ON a.id = af.answer_id "
            "JOIN rounds r ON r.id = a.round_id WHERE r.player_id = ? "
            "GROUP BY r.pack_id, af.fact_id HAVING MAX(a.answered_at) >= ?",
            (since, player_id, since),
        )
        new = sum(1 for first, _ in rows if str(first) >= since)
        reviews = sum(1 for first, again in rows if str(first) < since and int(again))
        return Today(new, reviews)

    def seen_facts(self, player_id: int, pack_id: str) -> set[str]:
        """The pack's facts the player has answered at least once."""
        rows = self.db.execute(
            "SELECT fact_id FROM fact_progress WHERE player_id = ? AND pack_id = ?",
            (player_id, pack_id),
        )
        return {str(r[0]) for r in rows}

    def next_due(self, player_id: int, pack_id: str) -> str | None:
        rows = self.db.execute(
            "SELECT MIN(due) FROM fact_progress WHERE player_id = ? AND pack_id = ?",
            (player_id, pack_id),
        )
        return None if not rows or rows[0][0] is None else str(rows[0][0])

    def past_rounds(
        self, player_id: int, pack_id: str | None = None, latest: int | None = None
    ) -> list[PastRound]:
        """The player's rounds with at least one answer, newest first (the `latest` ones when
        asked): what History lists."""
        sql = f"{_PAST} WHERE r.player_id = ? AND r.answered > 0"
        params: list[Any] = [player_id]
        if pack_id is not None:
            sql += " AND r.pack_id = ?"
            params.append(pack_id)
        sql += " ORDER BY r.started_at DESC, r.id DESC"
        if latest is not None:
            sql += " LIMIT ?"
            params.append(latest)
        return [_past(r) for r in self.db.execute(sql, params)]

    def past_round(self, round_id: int) -> PastRound | None:
        rows = self.db.execute(f"{_PAST} WHERE r.id = ?", (round_id,))
        return _past(rows[0]) if rows else None

    def given_answers(self, round_id: int) -> list[GivenAnswer]:
        """A round's answers as kept, in the order given."""
        rows = self.db.execute(
            "SELECT seq, question_id, response, result, credit, points, seconds FROM answers "
            "WHERE round_id = ? ORDER BY seq",
            (round_id,),
        )
        return [
            GivenAnswer(
                int(s), str(q), None if r is None else str(r), str(res), float(c), int(p), float(t)
            )
            for s, q, r, res, c, p, t in rows
        ]

    def due_until(self, player_id: int, pack_id: str | None, until: str) -> list[str]:
        """When each of the player's facts falls due, of those due by `until` (ISO, UTC),
        soonest first: what a forecast counts."""
        sql = "SELECT due FROM fact_progress WHERE player_id = ? AND due <= ?"
        params: list[Any] = [player_id, until]
        if pack_id is not None:
            sql += " AND pack_id = ?"
            params.append(pack_id)
        return [str(r[0]) for r in self.db.execute(sql + " ORDER BY due", params)]

    def due_by_pack(self, player_id: int, now: str) -> tuple[dict[str, int], str | None]:
        """The facts due now on each pack (those with any), and when the next one after now
        falls due on any pack (None: nothing else is scheduled)."""
        rows = self.db.execute(
            "SELECT pack_id, COUNT(*) FROM fact_progress WHERE player_id = ? AND due <= ? "
            "GROUP BY pack_id ORDER BY pack_id",
            (player_id, now),
        )
        (later,) = self.db.execute(
            "SELECT MIN(due) FROM fact_progress WHERE player_id = ? AND due > ?", (player_id, now)
        )
        return {str(p): int(n) for p, n in rows}, None if later[0] is None else str(later[0])

    def answer_counts(self, player_id: int, pack_id: str | None = None) -> tuple[int, int]:
        """(answers, right answers) of a player, on one pack or all."""
        _, answers, right = self.totals(player_id, pack_id)
        return answers, right

    def packs_played(self, player_id: int) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT pack_id FROM rounds WHERE player_id = ? ORDER BY pack_id",
            (player_id,),
        )
        return [str(r[0]) for r in rows]


_PAST = (
    "SELECT r.id, p.name, r.pack_id, r.pack_version, r.pack_digest, r.mode, r.count, r.spec, "
    "r.started_at, r.ended_at, r.status, r.score, r.answered, r.correct, r.paper "
    "FROM rounds r JOIN players p ON p.id = r.player_id"
)


def _past(r: Any) -> PastRound:
    return PastRound(
        int(r[0]),
        str(r[1]),
        str(r[2]),
        str(r[3]),
        str(r[4]),
        str(r[5]),
        int(r[6]),
        str(r[7]),
        str(r[8]),
        None if r[9] is None else str(r[9]),
        str(r[10]),
        int(r[11]),
        int(r[12]),
        int(r[13]),
        None if r[14] is None else str(r[14]),
    )


def _answered_rounds(player_id: int, pack_id: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) of a player's rounds with an answer."""
    where = "player_id = ? AND answered > 0"
    params: list[Any] = [player_id]
    if pack_id is not None:
        where += " AND pack_id = ?"
        params.append(pack_id)
    return where, params
