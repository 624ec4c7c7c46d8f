"""Starting and closing rounds the same way from every front end.

The line mode, the full-screen app and (later) a served browser tab all make a
round here: the spec, the session with the store listening, the review round
of what is due, and afterwards the personal best and the pack's top scores.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.round.codes import EndReason
from quiz.scoring import Rules
from quiz.spec import Mode, PackRef, RoundSpec

if TYPE_CHECKING:  # the store loads only when a round is kept, after the first frame
    from quiz.clock import Clock
    from quiz.daily import Limits
    from quiz.packs.model import Pack
    from quiz.session import Session
    from quiz.store.recorder import Recorder
    from quiz.store.records import Player, TopScore
    from quiz.store.sql import SqlStore


def new_seed() -> int:
    return random.SystemRandom().randrange(10**6)


def practice_spec(
    pack: Pack,
    count: int,
    kinds: tuple[str, ...] | None = None,
    topics: tuple[str, ...] | None = None,
    rules: Rules | None = None,
    seed: int | None = None,
    mode: Mode = "practice",
) -> RoundSpec:
    return RoundSpec(
        PackRef.of(pack),
        new_seed() if seed is None else seed,
        count,
        kinds or None,
        topics or None,
        rules or Rules(),
        mode=mode,
    )


@dataclass(frozen=True)
class NothingDue:
    """A review asked for when it has nothing to ask today."""

    next_due: dt.datetime | None  # None: nothing has been answered on this pack yet
    held: int = 0  # facts due now that today's review limit keeps for tomorrow
    limits: Limits | None = None  # the limits that held them (None: no limit was reached)


def review_spec(
    store: SqlStore,
    player: Player,
    pack: Pack,
    now: dt.datetime,
    count: int | None,
    kinds: tuple[str, ...] | None = None,
    rules: Rules | None = None,
    seed: int | None = None,
    limits: Limits | None = None,
) -> RoundSpec | NothingDue:
    """A round of the facts due for review, most overdue first, then facts never answered,
    within the player's daily limits (their own, or `limits`; a day's study on every pack
    counts against them, as a day's workload is what they protect); `count` None reviews
    until nothing is due. Or why there is nothing to ask."""
    from quiz import daily
    from quiz.store import review

    limits = limits or daily.Limits.of(store.prefs(player.id))
    due = store.due(player.id, pack.id, review.iso(now))
    today = store.studied(player.id, review.iso(daily.day_start(now)))
    seen = store.seen_facts(player.id, pack.id)
    fresh = [f.id for f in pack.facts if f.id not in seen]
    seed = new_seed() if seed is None else seed
    made = review.plan(
        review.questions_of(pack), due, seed, count, kinds, fresh=fresh, room=today.left(limits)
    )
    if not made.ids:
        nxt = store.next_due(player.id, pack.id)
        reached = bool(made.held) or bool(fresh and not today.left(limits).new)
        return NothingDue(
            review.parse_iso(nxt) if nxt else None, made.held, limits if reached else None
        )
    return RoundSpec(
        PackRef.of(pack),
        seed,
        len(made.ids),
        kinds or None,
        None,
        rules or Rules(),
        mode="review",
        questions=tuple(made.ids),
    )


def start(
    spec: RoundSpec,
    pack: Pack,
    store: SqlStore,
    player: Player,
    *,
    clock: Clock | None = None,
    on_problem: Callable[[str], None] | None = None,
    paper: str | None = None,
) -> tuple[Session, Recorder]:
    """A session of `spec` whose every answer goes to the store (as a sitting of `paper`)."""
    from quiz.session import Session
    from quiz.store.recorder import Recorder

    recorder = Recorder(store, player, on_problem, paper=paper)
    session = Session(spec, pack, clock=clock, listeners=[recorder])
    return session, recorder


@dataclass(frozen=True)
class Standing:
    """Where a finished round stands: the player's best and the pack's top scores, among
    rounds of the same pack, length and scoring (speed bonus or not, streak bonus or not)."""

    best_before: int | None  # the player's best before this round (same pack, length, rules)
    is_best: bool
    top: tuple[TopScore, ...]
    counts: bool  # a practice round of the usual kind (reviews and retries are not ranked)
    speed: bool = False  # the round scored the speed bonus (said with the top five)


def standing(store: SqlStore, recorder: Recorder, session: Session) -> Standing | None:
    """None when the round was not kept (the store failed, or it ended before an answer)."""
    if recorder.round_id is None or recorder.problem is not None:
        return None
    spec = session.spec
    done = session.end_reason is EndReason.DONE
    counts = spec.mode == "practice" and spec.questions is None and done
    scoring = (spec.rules.speed_bonus, spec.rules.streak_bonus)
    try:
        best = store.best(
            recorder.player.id, spec.pack.id, spec.count, before=recorder.round_id, rules=scoring
        )
        top = store.top(spec.pack.id, spec.count, rules=scoring) if counts else []
    except Exception:  # noqa: BLE001 - a store that fails now only costs the ranking
        return None
    is_best = counts and (best is None or session.score > best)
    return Standing(best, is_best, tuple(top), counts, spec.rules.speed_bonus)
