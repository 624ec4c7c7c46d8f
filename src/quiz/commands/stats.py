"""`quiz stats`: a player's rounds, accuracy, mastery by topic and reviews due, as a table or
as JSON (format quiz-stats/1)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

from quiz import lang, words
from quiz.commands import EXIT_OK, known_player, services_of
from quiz.lang import _, ngettext
from quiz.packs.errors import PackError
from quiz.packs.registry import resolve
from quiz.safe import visible
from quiz.stats import player_stats
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
        _(
            "Player {name}: {rounds}, {answers}, {right} right ({percent}), {due} due for review"
        ).format(
            name=stats.player,
            rounds=ngettext("{n} round", "{n} rounds", stats.rounds).format(n=stats.rounds),
            answers=ngettext("{n} answer", "{n} answers", stats.answers).format(n=stats.answers),
            right=stats.correct,
            percent=lang.percent(100 * stats.accuracy),
            due=stats.due,
        ),
        words.today_line(stats.today, stats.limits),
    ]
    for p in stats.packs:
        lines.append("")
        lines.append(
            f"{p.title} ({p.pack}): "
            + ngettext("{n} round", "{n} rounds", p.rounds).format(n=p.rounds)
            + ", "
            + ngettext("{n} answer", "{n} answers", p.answers).format(n=p.answers)
            + f", {p.due_words(now)}"
        )
        today = now.astimezone().date()
        lines.append("  " + forecast_line(((d.date, d.due) for d in p.forecast), today))
        if not p.topics:
            lines.append("  " + _("(the pack is not installed here: no topics to show)"))
        width = max((len(t.topic) for t in p.topics), default=5)
        for t in p.topics:
            right = lang.percent(100 * t.accuracy) if t.attempted else "-"
            met = _("{n} of {of} facts met").format(n=f"{t.attempted:>3}", of=f"{t.facts:<3}")
            lines.append(f"  {t.topic:<{width}}  {_(t.mastery):<11}  {met}  {right:>4}")
        if p.weakest:
            lines.append("  " + _("Weakest facts:"))
            lines += [f"    {w.statement} ({w.rights}/{w.attempts})" for w in p.weakest]
    return lines
