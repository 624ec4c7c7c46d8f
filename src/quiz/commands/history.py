"""`quiz history`: a player's past rounds (date, pack, mode, questions, score), or one of them
opened with `--round N`: every question as it was asked, the answer given, the right answer
and the quote. As a table or as JSON (format quiz-history/1). Reads the store only."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quiz import words
from quiz.commands import EXIT_OK, UsageError, known_player, services_of
from quiz.history import list_json, list_lines, open_round, opened_json, opened_lines, rounds
from quiz.packs.errors import PackError
from quiz.packs.model import Pack
from quiz.safe import visible


def run(args: argparse.Namespace) -> int:
    services = services_of(args, strict=True)
    store = services.store.get()
    player = known_player(store, args.player)
    if args.round is None:
        rows = rounds(store, player.id, args.pack)
        if args.format == "json":
            out: object = list_json(player.name, rows)
        else:
            out = list_lines(player.name, rows)
    else:
        kept = store.past_round(args.round)
        if kept is None or kept.player != player.name:
            raise UsageError(words.no_round(args.round, player.name, store.where))
        opened = open_round(store, kept, _installed(kept.pack_id, args.packs))
        out = opened_json(opened) if args.format == "json" else opened_lines(opened)
    if isinstance(out, list):
        print(visible("\n".join(out)))
    else:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return EXIT_OK


def _installed(pack_id: str, folders: list[Path]) -> dict[str, Pack]:
    """The pack a round was played on, if it is installed here (else none: the round is shown
    with its figures only)."""
    from quiz.packs.registry import resolve

    try:
        pack = resolve(pack_id, folders)
    except PackError:
        return {}
    return {pack.id: pack}
