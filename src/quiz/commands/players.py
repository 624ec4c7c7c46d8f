"""`quiz players [list | rename OLD NEW | merge FROM INTO | delete NAME]`: the players this
store keeps, those who play on this computer apart from those who only came in with a
class's imported results, and changing them.

Names are found as the game finds them (quiz.names.name_key: case, spacing and look-alike
letters aside) and a new name is checked as a typed one is (quiz.services.check_name).
Merge and delete say what they will change and do it only with --yes; rename says what it
did. Names are untrusted text: every line goes out through quiz.safe.visible.
"""

from __future__ import annotations

import argparse
import shlex

from quiz import words
from quiz.commands import EXIT_DATA, EXIT_OK, UsageError, say_store_notices, services_of
from quiz.safe import visible
from quiz.services import check_name
from quiz.store.players import Plan, PlayerError, Problem, carry_out, plan, roster
from quiz.store.sql import SqlStore


def run(args: argparse.Namespace) -> int:
    store = services_of(args, strict=True).store.get()
    say_store_notices(store)
    action = getattr(args, "players_command", None) or "list"
    if action == "list":
        return show(store)
    if action == "rename":
        change = _plan(store, "rename", args.old, _checked(args.new))
    elif action == "merge":
        change = _plan(store, "merge", args.name, args.into)
    else:
        change = _plan(store, "delete", args.name)
    print(visible(describe(change)))
    if action != "rename" and not args.yes:
        command = shlex.join(["quiz", "players", action, *_names(args)])
        print(visible(words.add_yes(command)))
        return EXIT_DATA
    carry_out(store, change)
    print(visible(done(change)))
    return EXIT_OK


def show(store: SqlStore) -> int:
    """The players who play here, then those only in imported results, one line each."""
    everyone = roster(store)
    if not everyone:
        print(words.no_players())
        return EXIT_OK
    here = [r for r in everyone if r.plays_here]
    only_imported = [r for r in everyone if not r.plays_here]
    for heading, group in ((words.players_here(), here), (words.players_imported(), only_imported)):
        if not group:
            continue
        print(heading)
        for r in group:
            counts = words.player_counts(r.rounds, r.imported, r.facts, r.last_played)
            print(visible(f"  {r.player.name}  ({counts})"))
    return EXIT_OK


def describe(change: Plan) -> str:
    """What the change will do, in a sentence (the confirmation, here and on screen)."""
    who = change.player
    name = who.player.name
    if change.action == "rename":
        return words.will_rename(name, change.new_name, who.rounds, who.imported)
    if change.action == "merge":
        assert change.into is not None
        into = change.into
        return words.will_merge(name, into.player.name, who.rounds, who.imported, into.rounds)
    return words.will_delete(name, who.rounds, who.imported, who.facts)


def done(change: Plan) -> str:
    name = change.player.player.name
    if change.action == "rename":
        return words.renamed(name, change.new_name)
    if change.action == "merge":
        assert change.into is not None
        return words.merged(name, change.into.player.name)
    return words.deleted(name)


def refusal(store: SqlStore, exc: PlayerError) -> str:
    """Why a change cannot be made, in one line."""
    if exc.problem is Problem.NO_SUCH:
        known = ", ".join(r.player.name for r in roster(store))
        return words.no_such_player(exc.name, known)
    if exc.problem is Problem.TAKEN:
        return words.name_taken(exc.name)
    return words.same_player(exc.name)


def _plan(store: SqlStore, action: str, name: str, other: str = "") -> Plan:
    try:
        return plan(store, action, name, other)
    except PlayerError as exc:
        raise UsageError(refusal(store, exc)) from None


def _checked(name: str) -> str:
    try:
        return check_name(name)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _names(args: argparse.Namespace) -> list[str]:
    """The command again, as typed (the store named too, if it was)."""
    names = [args.name, args.into] if args.players_command == "merge" else [args.name]
    return [*names, *(["--db", args.db] if args.db else [])]
