"""`quiz limits [--player NAME] [--new N] [--reviews N]`: a player's daily limits, shown with
what today has used, or set. They live with the player in the store (so a player's limits
follow them to any computer on the same store) and apply to review rounds on every pack."""

from __future__ import annotations

import argparse
from dataclasses import replace

from quiz import words
from quiz.commands import EXIT_OK, UsageError, known_player, say_store_notices, services_of
from quiz.daily import Limits, day_start
from quiz.safe import visible
from quiz.store.review import iso


def run(args: argparse.Namespace) -> int:
    services = services_of(args, strict=True)
    store = services.store.get()
    say_store_notices(store)
    if args.new is None and args.reviews is None:
        player = known_player(store, args.player)
    else:  # setting them is a player's first act as well as any other
        name = args.player or store.last_player()
        if not name:
            raise UsageError(words.name_the_player())
        player = store.player(name)
    prefs = store.prefs(player.id)
    limits = Limits.of(prefs)
    if args.new is not None or args.reviews is not None:
        limits = replace(
            limits,
            new=limits.new if args.new is None else args.new,
            reviews=limits.reviews if args.reviews is None else args.reviews,
        )
        store.save_prefs(player.id, {**prefs, "limits": limits.to_prefs()})
    today = store.studied(player.id, iso(day_start(services.clock.now())))
    print(visible(words.limits_are(player.name, limits)))
    print(words.today_line(today, limits))
    print(words.limits_how())
    return EXIT_OK
