"""A returning player's last home-screen choices, read without opening the store.

Opening the store imports its records, writes and saver and checks its schema (some 20 ms
of CPU), which the home screen's first frame would wait for only to name the player and
their pack. This reads just that, from a SQLite file, read-only, in one short connection:
the last player (or the one asked for) and their remembered choices. Anything unusual is
None, and the home screen opens the store as before: a PostgreSQL store, a file that is
missing, damaged, locked or of another schema version, a player not kept yet (a new one,
or a name kept under another spelling). It only reads: it never makes a store that is not
there, and never sets a damaged file aside (opening the store does that); like any reader
of a WAL database, SQLite may make its -wal and -shm files beside it.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote


def remembered(target: str, asked: str | None) -> tuple[str, dict[str, Any]] | None:
    """(player name, their remembered choices) from the SQLite store at `target`, or None."""
    if "://" in target or target == ":memory:" or not os.path.isfile(target):
        return None
    import sqlite3

    from quiz.store.schema import VERSION

    try:
        conn = sqlite3.connect(f"file:{quote(os.path.abspath(target))}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA busy_timeout = 100")  # a writer's lock: open the store instead
        meta = dict(
            conn.execute("SELECT key, value FROM meta WHERE key IN ('schema', 'last_player')")
        )
        if str(meta.get("schema")) != str(VERSION):
            return None
        name = asked or meta.get("last_player")
        if not isinstance(name, str) or not name:
            return None
        row = conn.execute("SELECT prefs FROM players WHERE name = ?", (name,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if row is None:
        return None
    try:
        prefs = json.loads(row[0]) if row[0] else {}
    except (TypeError, ValueError):
        prefs = {}
    return name, prefs if isinstance(prefs, dict) else {}
