"""The store's schema as numbered migrations, applied in order inside one transaction each.

A database remembers its version in `meta`; opening a store brings it up to
date and never goes backwards (a file written by a newer quiz is refused, not
damaged). Each step is plain, portable DDL; `{id}` is the backend's
auto-numbered primary key. Step 2 is a data migration: the per-fact progress
it adds is rebuilt from the answers already kept, so no history is lost. Step 4
gives every round kept so far its own id; step 6 keys players and sittings (see _keys).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from quiz.lang import _
from quiz.store.backend import Backend, StoreError


class Migrating(Protocol):
    """The store as its migrations use it (quiz.store.sql.SqlStore, which calls `migrate`):
    the schema knows nothing more of it, so the two modules do not import each other."""

    @property
    def db(self) -> Backend: ...

    def rebuild_progress(self, per_fact: bool = True) -> None: ...


V1 = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE players (
        id {id},
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        prefs TEXT NOT NULL DEFAULT '{}'
    )""",
    """CREATE TABLE rounds (
        id {id},
        player_id BIGINT NOT NULL REFERENCES players(id),
        pack_id TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        pack_digest TEXT NOT NULL,
        mode TEXT NOT NULL,
        count INTEGER NOT NULL,
        custom INTEGER NOT NULL,
        spec TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        status TEXT NOT NULL DEFAULT 'open',
        score INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX rounds_by_player ON rounds (player_id, pack_id, started_at)",
    """CREATE TABLE answers (
        id {id},
        round_id BIGINT NOT NULL REFERENCES rounds(id),
        seq INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        response TEXT,
        result TEXT NOT NULL,
        credit DOUBLE PRECISION NOT NULL,
        exact INTEGER NOT NULL,
        points INTEGER NOT NULL,
        seconds DOUBLE PRECISION NOT NULL,
        answered_at TEXT NOT NULL,
        UNIQUE (round_id, seq)
    )""",
    """CREATE TABLE answer_facts (
        answer_id BIGINT NOT NULL REFERENCES answers(id),
        fact_id TEXT NOT NULL,
        PRIMARY KEY (answer_id, fact_id)
    )""",
]

V2 = [
    """CREATE TABLE fact_progress (
        player_id BIGINT NOT NULL REFERENCES players(id),
        pack_id TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        rights INTEGER NOT NULL,
        last_result TEXT NOT NULL,
        last_kind TEXT NOT NULL,
        last_at TEXT NOT NULL,
        mastered INTEGER NOT NULL,
        card TEXT NOT NULL,
        due TEXT NOT NULL,
        PRIMARY KEY (player_id, pack_id, fact_id)
    )""",
    "CREATE INDEX progress_due ON fact_progress (player_id, pack_id, due)",
]

# Each round keeps its own tallies, so stats of a long history never read every answer.
V3 = [
    "ALTER TABLE rounds ADD COLUMN answered INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE rounds ADD COLUMN correct INTEGER NOT NULL DEFAULT 0",
    "UPDATE rounds SET answered = (SELECT COUNT(*) FROM answers a WHERE a.round_id = rounds.id), "
    "correct = (SELECT COUNT(*) FROM answers a WHERE a.round_id = rounds.id "
    "AND a.result = 'right')",
]

# Exam papers: the sitting's paper code, and an id of its own that stays with it when it
# travels as a results file to another computer (imports skip an id already kept).
V4 = [
    "ALTER TABLE rounds ADD COLUMN paper TEXT",
    "ALTER TABLE rounds ADD COLUMN uid TEXT",
    "CREATE UNIQUE INDEX rounds_uid ON rounds (uid)",
    "CREATE INDEX rounds_by_paper ON rounds (paper, player_id)",
]

Step = list[str] | Callable[[Migrating], None]


def _rebuild_progress(store: Migrating) -> None:
    store.rebuild_progress(per_fact=False)  # step 5 is yet to add each fact's own result


def _give_uids(store: Migrating, chunk: int = 100) -> None:
    """A new id for every round without one: the ids read a chunk at a time, each chunk set
    in one statement (a statement a round was most of this step's time on 100,000 rounds)."""
    import uuid

    db, last = store.db, None
    while True:
        after = "" if last is None else " AND id > ?"
        ids = [
            int(r[0])
            for r in db.execute(
                f"SELECT id FROM rounds WHERE uid IS NULL{after} ORDER BY id LIMIT {chunk}",
                () if last is None else (last,),
            )
        ]
        if not ids:
            return
        cases = " ".join("WHEN ? THEN ?" for _ in ids)
        params: list[object] = []
        for round_id in ids:
            params += [round_id, str(uuid.uuid4())]
        marks = ", ".join("?" for _ in ids)
        db.execute(
            f"UPDATE rounds SET uid = CASE id {cases} END WHERE id IN ({marks})", [*params, *ids]
        )
        last = ids[-1]


# Each fact of an answer keeps its own result (a select-all credits each tick on its own);
# answers from before keep NULL there, meaning the answer's result.
V5 = ["ALTER TABLE answer_facts ADD COLUMN result TEXT"]

# Sittings that count (issue 17). Players are found by their name's key (quiz.names), kept
# beside the name as typed. A sitting of a paper gets `sitting_key` (player id/paper code),
# unique, so a second sitting of one player and paper cannot be added however two windows
# race; `holder` and `lease_until` say which window plays an open sitting; `elapsed` and
# `touched_at` keep its clock so a wall clock set back gives no time back. `papers` holds
# what a teacher decided about a paper: when it closes, when its answers were released.
V6 = [
    "ALTER TABLE players ADD COLUMN name_key TEXT",
    "ALTER TABLE rounds ADD COLUMN sitting_key TEXT",
    "ALTER TABLE rounds ADD COLUMN holder TEXT",
    "ALTER TABLE rounds ADD COLUMN lease_until TEXT",
    "ALTER TABLE rounds ADD COLUMN elapsed DOUBLE PRECISION",
    "ALTER TABLE rounds ADD COLUMN touched_at TEXT",
    """CREATE TABLE papers (
        code TEXT PRIMARY KEY,
        closes_at TEXT,
        released_at TEXT
    )""",
]
V6_INDEXES = [
    "CREATE UNIQUE INDEX players_by_key ON players (name_key)",
    "CREATE UNIQUE INDEX rounds_sitting ON rounds (sitting_key)",
]


def _keys(store: Migrating) -> None:
    """Every player's name key, and every sitting's key, before their unique indexes.

    Players: two kept players whose names now key alike (an "Eve" and a Cyrillic "Еve" of
    an old store) are both kept; the first (lowest id) gets the key and is found by it, the
    other keeps a NULL key and is still found by its exact name. Sittings: the first
    sitting of each player and paper gets the key; a second one an old store may hold (two
    windows raced before this step) keeps NULL: both stay readable, marked nowhere else,
    and the results show both as before.
    """
    from quiz.names import name_key

    db = store.db
    taken: set[str] = set()
    for player_id, name in db.execute("SELECT id, name FROM players ORDER BY id"):
        key = name_key(str(name))
        if key not in taken:
            taken.add(key)
            db.execute("UPDATE players SET name_key = ? WHERE id = ?", (key, player_id))
    db.execute(
        "UPDATE rounds SET sitting_key = CAST(player_id AS TEXT) || '/' || paper "
        "WHERE paper IS NOT NULL AND id = (SELECT MIN(r.id) FROM rounds r "
        "WHERE r.paper = rounds.paper AND r.player_id = rounds.player_id)"
    )


MIGRATIONS: list[list[Step]] = [
    [V1],
    [V2, _rebuild_progress],
    [V3],
    [V4, _give_uids],
    [V5],
    [V6, _keys, V6_INDEXES],
]
VERSION = len(MIGRATIONS)


def version(db: Backend) -> int:
    """The schema version of an open database (0 for a new, empty one)."""
    tables = db.tables()
    if "meta" not in tables:
        if tables:
            raise StoreError(_("{where} holds tables that are not quiz's").format(where=db.where))
        return 0
    rows = db.execute("SELECT value FROM meta WHERE key = 'schema'")
    try:
        return int(rows[0][0])
    except (IndexError, ValueError):
        raise StoreError(
            _("{where} has no readable schema version").format(where=db.where)
        ) from None


def migrate(store: Migrating, target: int = VERSION) -> int:
    """Bring the database up to `target`; return the version it was at.

    The version is read first without a write lock: a store that is up to date (every
    open but the first after an upgrade) takes no lock at all, so opening it never waits
    behind a writer, never fails on a read-only file, and never blocks the players already
    at it. Only when a step is due is the write transaction taken, and the version read
    again under it: another process may have migrated in the meantime."""
    db = store.db
    start = _checked(db)
    if start >= target:
        return start
    with db.transaction():
        db.lock_schema()
        start = _checked(db)
        for number in range(start + 1, target + 1):
            for step in MIGRATIONS[number - 1]:
                if callable(step):
                    step(store)
                else:
                    for statement in step:
                        db.execute(db.ddl(statement))
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(number),),
            )
    return start


def _checked(db: Backend) -> int:
    """The version, refused when a newer quiz wrote it (it is never touched then)."""
    start = version(db)
    if start > VERSION:
        raise StoreError(
            _(
                "{where} was written by a newer quiz (schema {start}, this one knows "
                "{known}); update quiz to use it"
            ).format(where=db.where, start=start, known=VERSION)
        )
    return start
