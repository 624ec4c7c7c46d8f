"""Managing the players a store keeps: who plays on this computer and who only came in with a
class's results, and renaming, merging and deleting a player.

A player *plays here* when they have a round that was played on this computer: a round
without a paper, or a paper's sitting started here (a sitting started here keeps its clock,
`elapsed`; one taken in by `quiz results import` never has one), or no round at all yet
(a name just typed in). A name that only came in with imported sittings belongs to the
teacher's class results, not to the home screen's player picker.

Names are compared by their key (quiz.names.name_key), as the store finds players: a rename
to a name that keys like another player's is refused (merge them instead), a rename that
only changes case or spacing is allowed. Each change is one transaction; `plan` says what a
change would do, in numbers, so a confirmation can say it before it is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from quiz.store.records import Player
from quiz.store.sql import SqlStore

# A round played on this computer: any round but an imported sitting.
_HERE = "(r.paper IS NULL OR r.elapsed IS NOT NULL)"


class Problem(Enum):
    NO_SUCH = "no such player"
    TAKEN = "the new name is another player's"
    SAME = "the same player"


class PlayerError(ValueError):
    """A change that cannot be made; `problem` says why, `name` which name (quiz.words says
    it in a sentence)."""

    def __init__(self, problem: Problem, name: str) -> None:
        super().__init__(f"{problem.value}: {name}")
        self.problem, self.name = problem, name


@dataclass(frozen=True)
class Roster:
    """A player and what the store holds of them."""

    player: Player
    rounds: int  # rounds played here (practice, review and sittings started here)
    imported: int  # paper sittings taken in from results files
    facts: int  # facts with progress kept
    last_played: str | None  # when their latest round started (ISO), if any

    @property
    def plays_here(self) -> bool:
        return self.rounds > 0 or self.imported == 0


def roster(store: SqlStore) -> list[Roster]:
    """Every player, by name, with their counts: one read."""
    rows = store.db.execute(
        "SELECT p.id, p.name, p.created_at, "
        f"(SELECT COUNT(*) FROM rounds r WHERE r.player_id = p.id AND {_HERE}), "
        f"(SELECT COUNT(*) FROM rounds r WHERE r.player_id = p.id AND NOT {_HERE}), "
        "(SELECT COUNT(*) FROM fact_progress f WHERE f.player_id = p.id), "
        "(SELECT MAX(r.started_at) FROM rounds r WHERE r.player_id = p.id) "
        "FROM players p ORDER BY p.name, p.id"
    )
    return [
        Roster(
            Player(int(i), str(name), str(created)),
            int(here),
            int(imported),
            int(facts),
            None if last is None else str(last),
        )
        for i, name, created, here, imported, facts, last in rows
    ]


def local_players(store: SqlStore) -> list[Player]:
    """The players who play on this computer (the player picker's list), by name."""
    return [r.player for r in roster(store) if r.plays_here]


def _one(store: SqlStore, name: str) -> Roster:
    found = store.find_player(name)
    if found is None:
        raise PlayerError(Problem.NO_SUCH, name)
    return next(r for r in roster(store) if r.player.id == found.id)


@dataclass(frozen=True)
class Plan:
    """What a change will do, before it is done (a confirmation says it)."""

    action: str  # "rename", "merge" or "delete"
    player: Roster  # the player renamed, merged away or deleted
    into: Roster | None = None  # merge: the player who keeps the rounds
    new_name: str = ""  # rename: the name as it will be kept


def plan(store: SqlStore, action: str, name: str, other: str = "") -> Plan:
    """The change asked for, checked and counted; PlayerError when it cannot be made.
    `other` is the new name (rename) or the player merged into (merge), checked already
    by quiz.services.check_name."""
    who = _one(store, name)
    if action == "delete":
        return Plan(action, who)
    if action == "merge":
        into = _one(store, other)
        if into.player.id == who.player.id:
            raise PlayerError(Problem.SAME, other)
        return Plan(action, who, into=into)
    assert action == "rename", action
    taken = store.find_player(other)
    if taken is not None and taken.id != who.player.id:
        raise PlayerError(Problem.TAKEN, taken.name)
    return Plan(action, who, new_name=other)


def carry_out(store: SqlStore, change: Plan) -> None:
    """Make the change `plan` described, in one transaction (all of it or none)."""
    {"rename": _rename, "merge": _merge, "delete": _delete}[change.action](store, change)


def _rename(store: SqlStore, change: Plan) -> None:
    from quiz.names import name_key

    old, new = change.player.player, change.new_name
    with store.db.transaction():
        store.db.execute(
            "UPDATE players SET name = ?, name_key = ? WHERE id = ?",
            (new, name_key(new), old.id),
        )
        _follow_last(store, old.name, new)


def _merge(store: SqlStore, change: Plan) -> None:
    """Every round of one player becomes the other's; their progress is replayed from the
    answers (the one player's facts and the other's are the same facts). A paper sat by
    both keeps the other's sitting as the player's sitting; this one's stays, as a second
    sitting (as an import keeps one)."""
    assert change.into is not None
    gone, into = change.player.player, change.into.player
    db = store.db
    with db.transaction():
        papers = db.execute(
            "SELECT id, paper FROM rounds WHERE player_id = ? AND sitting_key IS NOT NULL",
            (gone.id,),
        )
        for round_id, paper in papers:
            key = f"{into.id}/{paper}"
            taken = db.execute("SELECT 1 FROM rounds WHERE sitting_key = ?", (key,))
            db.execute(
                "UPDATE rounds SET sitting_key = ? WHERE id = ?",
                (None if taken else key, round_id),
            )
        db.execute("UPDATE rounds SET player_id = ? WHERE player_id = ?", (into.id, gone.id))
        db.execute("DELETE FROM fact_progress WHERE player_id = ?", (gone.id,))
        db.execute("DELETE FROM players WHERE id = ?", (gone.id,))
        _follow_last(store, gone.name, into.name)
    store.rebuild_progress()


def _delete(store: SqlStore, change: Plan) -> None:
    who = change.player.player
    db = store.db
    with db.transaction():
        rounds = "SELECT id FROM rounds WHERE player_id = ?"
        answers = f"SELECT id FROM answers WHERE round_id IN ({rounds})"
        db.execute(f"DELETE FROM answer_facts WHERE answer_id IN ({answers})", (who.id,))
        db.execute(f"DELETE FROM answers WHERE round_id IN ({rounds})", (who.id,))
        db.execute("DELETE FROM rounds WHERE player_id = ?", (who.id,))
        db.execute("DELETE FROM fact_progress WHERE player_id = ?", (who.id,))
        db.execute("DELETE FROM players WHERE id = ?", (who.id,))
        _follow_last(store, who.name, None)


def _follow_last(store: SqlStore, old: str, new: str | None) -> None:
    """The last player (who the game opens as) follows a rename or merge, and is forgotten
    with a deleted player."""
    if store.last_player() != old:
        return
    if new is None:
        store.db.execute("DELETE FROM meta WHERE key = 'last_player'")
    else:
        store.db.execute("UPDATE meta SET value = ? WHERE key = 'last_player'", (new,))
