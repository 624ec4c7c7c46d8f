"""One module per command; each has `run(args) -> exit status`. Shared here: exit codes, the
one-line usage error, and how a command finds its pack and its services."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quiz.lang import _

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.papers import Paper
    from quiz.services import Services
    from quiz.store import SqlStore
    from quiz.store.records import Player

EXIT_OK, EXIT_DATA, EXIT_INTERRUPTED = 0, 2, 130


class UsageError(Exception):
    """A bad option value or an impossible request: one line on stderr, exit status 2."""


def fail(problems: Sequence[object]) -> int:
    for p in problems:
        print(p, file=sys.stderr)
    return EXIT_DATA


def pack_of(args: argparse.Namespace) -> Pack:
    """The pack named on the command line, with its topics checked."""
    from quiz.packs.registry import resolve

    pack = resolve(args.pack, args.packs)
    unknown = sorted(set(getattr(args, "topics", None) or ()) - set(pack.topics))
    if unknown:
        raise UsageError(
            _("unknown topic {topics}; the pack's topics: {known}").format(
                topics=", ".join(unknown), known=", ".join(pack.topics)
            )
        )
    return pack


def paper_of(args: argparse.Namespace, code: str) -> Paper:
    """The paper a code stands for, decoded against every installed pack (and --packs)."""
    from quiz.packs.registry import catalog
    from quiz.papers import PaperError, decode

    try:
        return decode(code, catalog(args.packs).packs)
    except PaperError as exc:
        raise UsageError(str(exc)) from None


def services_of(
    args: argparse.Namespace, *, open_now: bool = True, strict: bool = False
) -> Services:
    """The services of this run. A command that reads the class's results (or takes files
    into them) passes `strict`: a store that cannot be opened is then a StoreError (one
    line, exit 2), not an empty store in memory whose empty answer would look true."""
    from quiz.services import make_services

    return make_services(
        packs=args.packs, db=args.db, player=args.player, open_now=open_now, strict=strict
    )


def warn(message: str) -> None:
    """A notice on stderr (progress not saved, a file set aside): one line, shown not obeyed."""
    from quiz.safe import visible

    print(visible(f"quiz: {message}"), file=sys.stderr)


def say_store_notices(store: SqlStore) -> None:
    """What a command must say about its store before anything else: a damaged file set
    aside (naming the copy kept) or why progress is not being saved. Said once, on stderr."""
    for notice in (store.notice, store.problem):
        if notice:
            warn(notice)


def after_screen(services: Services) -> None:
    """Once the full-screen game has gone: what it said of the store on screen (a damaged
    file set aside, naming the copy kept; progress not saved), said again on stderr, where
    it stays in the terminal after the screen is cleared."""
    store = _opened(services)
    if store is not None:
        say_store_notices(store)


def _opened(services: Services) -> SqlStore | None:
    """The store if this run opened it (one that failed to open was said already)."""
    if not services.store.ready() or services.store.failed():
        return None
    return services.store.get()


def nothing_read(store: SqlStore, code: str, out: object) -> UsageError:
    """A file is never replaced by an empty report or table: when no sitting of the paper
    could be read, the file the teacher named is left as it is."""
    from quiz import words

    return UsageError(words.no_sitting_read(code, store.where, str(out)))


def known_player(store: SqlStore, name: str | None) -> Player:
    """The player a reading command is about (`--player`, else the last one to play here),
    who must have played here: a command that only reads never adds a player."""
    name = name or store.last_player()
    player = store.find_player(name) if name else None
    if player is None:
        known = ", ".join(p.name for p in store.players())
        if not known:
            raise UsageError(
                _("nobody has played yet with the progress in {where}").format(where=store.where)
            )
        who = (
            _("no player {name}").format(name=repr(name))
            if name
            else _("no player named (--player NAME)")
        )
        raise UsageError(
            _("{who} in {where} (players: {known})").format(who=who, where=store.where, known=known)
        )
    return player


def store_and_player(services: Services) -> tuple[SqlStore, Player]:
    """The store and the player of a command that plays, with any notice about the store
    said once on stderr."""
    from quiz import words

    store, player = services.store.get(), services.player()
    say_store_notices(store)
    store.saver.watch(lambda event: warn(words.saving_news(event)))
    return store, player


def settle(services: Services) -> None:
    """Before the program ends: what waits for the store is sent now, or said to wait on
    this computer (or, held only in memory, to be lost)."""
    store = _opened(services)
    if store is None:
        return
    from quiz import words
    from quiz.store.saver import PATIENCE

    lost = store.saver.close(timeout=PATIENCE)
    if lost:
        warn(words.unsaved_at_exit(lost))
    elif store.saver.answers_waiting:
        warn(words.waiting_at_exit(store.saver.answers_waiting))


def need_terminal() -> None:
    """The full-screen game draws on a terminal and reads its keys: say so at once when
    there is none (output to a file, input from a pipe) instead of writing escape codes into
    the file and waiting for keys that never come."""
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        raise UsageError(
            _(
                "standard output is not a terminal, and the full-screen game needs one; "
                "for lines you can pipe or save, use: quiz play --plain"
            )
            if not sys.stdout.isatty()
            else _(
                "standard input is not a terminal, and the full-screen game needs one; "
                "for lines you can pipe or save, use: quiz play --plain"
            )
        )


def no_questions(pack: Pack, filtered: bool) -> UsageError:
    """Nothing to ask: say whether the filters or the pack itself is why (a new pack has no
    facts yet; its author wants `quiz check --explain`, not a hint about topics)."""
    if filtered and (pack.facts or pack.questions):
        return UsageError(_("no questions match these kinds and topics"))
    from pathlib import Path

    from quiz.packs.errors import display_path

    where = display_path(Path(pack.path))
    if not pack.facts:
        return UsageError(
            _(
                "pack {pack} asks no questions: it has no facts yet (quiz check {where} "
                "--coverage lists the sentences to write them from)"
            ).format(pack=repr(pack.id), where=where)
        )
    return UsageError(
        _(
            "pack {pack} asks no questions: none of its facts can be asked (quiz check "
            "{where} --explain says why)"
        ).format(pack=repr(pack.id), where=where)
    )


def tuple_or_none(items: list[str] | None) -> tuple[str, ...] | None:
    return tuple(items) if items else None
