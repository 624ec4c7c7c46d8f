"""`quiz stats`: a player's rounds, accuracy, mastery by topic and reviews due, as a table or
as JSON (format quiz-stats/1)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

from quiz import words
from quiz.commands import EXIT_OK, known_player, services_of
from quiz.packs.errors import PackError
from quiz.packs.registry import resolve
from quiz.safe import visible
from quiz.stats import player_stats
from quiz.text import plural
from quiz.words import forecast_line

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.stats import Stats


def run(args: argparse.Namespace) -> int:

    services = services_of(args, strict=True)
    store = services.store.get()
    player = known_player(store, args.player)
    played = store.packs_played(player.id)
    packs: dict[str, Pack | None] = {}
    for name in [args.pack] if args.pack else played:
        try:
            pack = resolve(name, args.packs)
        except PackError:
            if name not in played:
                raise
            packs[name] = None  # played here once, not installed now: figures only
        else:
            packs[pack.id] = pack
    now = services.clock.now()
    stats = player_stats(store, player, now, packs)
    if args.format == "json":
        print(json.dumps(stats.to_json(), ensure_ascii=False, indent=2))
    else:
        print(visible("\n".join(table(stats, now))))
    return EXIT_OK


def table(stats: Stats, now: dt.datetime) -> list[str]:
    lines = [
        f"Player {stats.player}: {plural(stats.rounds, 'round')}, "
        f"{plural(stats.answers, 'answer')}, {stats.correct} right "
        f"({100 * stats.accuracy:.0f}%), {stats.due} due for review",
        words.today_line(stats.today, stats.limits),
    ]
    for p in stats.packs:
        lines.append("")
        lines.append(
            f"{p.title} ({p.pack}): {plural(p.rounds, 'round')}, "
            f"{plural(p.answers, 'answer')}, {p.due_words(now)}"
        )
        today = now.astimezone().date()
        lines.append("  " + forecast_line(((d.date, d.due) for d in p.forecast), today))
        if not p.topics:
            lines.append("  (the pack is not installed here: no topics to show)")
        width = max((len(t.topic) for t in p.topics), default=5)
        for t in p.topics:
            right = f"{100 * t.accuracy:.0f}%" if t.attempted else "-"
            lines.append(
                f"  {t.topic:<{width}}  {t.mastery:<11}  {t.attempted:>3} of {t.facts:<3} "
                f"facts met  {right:>4}"
            )
        if p.weakest:
            lines.append("  Weakest facts:")
            lines += [f"    {w.statement} ({w.rights}/{w.attempts})" for w in p.weakest]
    return lines
