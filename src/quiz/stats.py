"""A player's progress, read from the store and the pack: the figures `quiz stats` prints and
the stats screen draws.

Mastery per topic, in the style of Khan Academy, by the share of ALL the topic's
facts whose latest answer was right (a fact not met yet is not known: one right
answer in a topic of eleven facts is not proficiency):

- not started: none of them met;
- attempted: under 70 % of them right;
- familiar: 70–99 %;
- proficient: all of them right;
- mastered: proficient, and every one of them was answered right again in a
  review round after an earlier right answer.

Levels can drop: a wrong answer takes a fact out of "mastered".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from quiz.daily import Limits, Today, day_start
from quiz.lang import N_, _, ngettext
from quiz.packs.model import Pack
from quiz.packs.quotes import paragraphs
from quiz.store.records import FactProgress, Player, RoundRow
from quiz.store.review import iso
from quiz.store.sql import SqlStore

FORMAT = "quiz-stats/1"
# in English (the stats file holds them), shown with _()
LEVELS = (N_("not started"), N_("attempted"), N_("familiar"), N_("proficient"), N_("mastered"))
WEAKEST = 5
HISTORY = 200  # rounds kept in the accuracy-over-time series
FORECAST_DAYS = 7


def level(progress: list[FactProgress], facts: int) -> str:
    """The level of a topic of `facts` facts, of which `progress` are those met."""
    if not progress or facts <= 0:
        return "not started"
    right = sum(p.last_result == "right" for p in progress)
    share = right / max(facts, len(progress))
    if share < 0.7:
        return "attempted"
    if share < 1:
        return "familiar"
    return "mastered" if all(p.mastered for p in progress) else "proficient"


@dataclass(frozen=True)
class TopicStat:
    pack: str
    topic: str
    facts: int
    attempted: int
    right: int  # attempted facts whose latest answer was right
    mastery: str

    @property
    def accuracy(self) -> float:
        return self.right / self.attempted if self.attempted else 0.0


@dataclass(frozen=True)
class WeakFact:
    pack: str
    fact: str
    statement: str
    quote: str
    attempts: int
    rights: int
    last_result: str


@dataclass(frozen=True)
class Shade:
    """A paragraph of the source and the player's accuracy on the facts it holds."""

    source: str
    start: int
    end: int
    facts: int  # facts quoted in it that the player has answered
    accuracy: float | None  # None: none of its facts answered yet


@dataclass(frozen=True)
class DayDue:
    """How many facts fall due on one day (this computer's calendar), after now."""

    date: dt.date
    due: int


def forecast(
    store: SqlStore, player_id: int, pack_id: str | None, now: dt.datetime
) -> tuple[DayDue, ...]:
    """The facts falling due on each of the next seven days, today first (today: those due
    later today; the ones due already are `due`, apart), by this computer's calendar."""
    from quiz.store.review import parse_iso

    today = now.astimezone().date()
    days = [0] * FORECAST_DAYS
    # a day's margin past the last midnight: the local offset may change (summer time)
    until = now + dt.timedelta(days=FORECAST_DAYS + 1)
    for due in store.due_until(player_id, pack_id, iso(until)):
        at = parse_iso(due)
        day = (at.astimezone().date() - today).days
        if at > now and 0 <= day < FORECAST_DAYS:
            days[day] += 1
    return tuple(DayDue(today + dt.timedelta(days=i), n) for i, n in enumerate(days))


@dataclass(frozen=True)
class PackStats:
    pack: str
    title: str
    rounds: int
    answers: int
    correct: int
    due: int
    next_due: str | None
    topics: tuple[TopicStat, ...]
    weakest: tuple[WeakFact, ...]
    shades: tuple[Shade, ...]
    history: tuple[RoundRow, ...]
    forecast: tuple[DayDue, ...] = ()

    def due_words(self, now: dt.datetime) -> str:
        """ "3 facts due for review", or when the next one is."""
        from quiz.store.review import parse_iso
        from quiz.words import due_in

        if self.due:
            return ngettext("{n} fact due for review", "{n} facts due for review", self.due).format(
                n=self.due
            )
        if self.next_due is None:
            return _("nothing to review yet")
        return _("the next review {when}").format(when=due_in(parse_iso(self.next_due), now))


@dataclass(frozen=True)
class Stats:
    player: str
    packs: tuple[PackStats, ...]
    today: Today = Today()  # what the player studied today, on every pack
    limits: Limits = Limits()  # their daily limits, which review rounds keep to

    @property
    def rounds(self) -> int:
        return sum(p.rounds for p in self.packs)

    @property
    def answers(self) -> int:
        return sum(p.answers for p in self.packs)

    @property
    def correct(self) -> int:
        return sum(p.correct for p in self.packs)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0

    @property
    def due(self) -> int:
        return sum(p.due for p in self.packs)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "player": self.player,
            "rounds": self.rounds,
            "answers": self.answers,
            "correct": self.correct,
            "accuracy": _ratio(self.correct, self.answers),
            "due": self.due,
            "today": {"new": self.today.new, "reviews": self.today.reviews},
            "limits": self.limits.to_prefs(),
            "topics": [
                {**asdict(t), "accuracy": _ratio(t.right, t.attempted)}
                for p in self.packs
                for t in p.topics
            ],
            "packs": [_pack_json(p) for p in self.packs],
        }


def _ratio(part: int, whole: int) -> float | None:
    """A share for JSON: null when nothing was answered, so 0/0 is not read as 0 % right."""
    return round(part / whole, 4) if whole else None


def _pack_json(p: PackStats) -> dict[str, Any]:
    return {
        "pack": p.pack,
        "title": p.title,
        "rounds": p.rounds,
        "answers": p.answers,
        "correct": p.correct,
        "accuracy": _ratio(p.correct, p.answers),
        "due": p.due,
        "next_due": p.next_due,
        "forecast": [{"date": d.date.isoformat(), "due": d.due} for d in p.forecast],
        "weakest": [asdict(w) for w in p.weakest],
        "history": [
            {
                "started": r.started_at,
                "mode": r.mode,
                "score": r.score,
                "answers": r.answers,
                "right": r.right,
                "accuracy": _ratio(r.right, r.answers),
            }
            for r in p.history
        ],
        "paragraphs": [
            {
                "source": s.source,
                "start": s.start,
                "end": s.end,
                "facts": s.facts,
                "accuracy": None if s.accuracy is None else round(s.accuracy, 4),
            }
            for s in p.shades
        ],
    }


def pack_stats(
    store: SqlStore, player: Player, pack_id: str, pack: Pack | None, now: dt.datetime
) -> PackStats:
    """The figures of one pack. Without the pack itself (not installed here) only what the
    store knows: rounds, answers and reviews, no topics or passages."""
    progress = {p.fact_id: p for p in store.progress(player.id, pack_id)}
    played, answers, correct = store.totals(player.id, pack_id)
    history = store.rounds(player.id, pack_id, latest=HISTORY)
    due = store.due(player.id, pack_id, iso(now))
    return PackStats(
        pack=pack_id,
        title=pack.title if pack else pack_id,
        rounds=played,
        answers=answers,
        correct=correct,
        due=len(due),
        next_due=store.next_due(player.id, pack_id),
        topics=_topics(pack, progress) if pack else (),
        weakest=_weakest(pack, progress) if pack else (),
        shades=_shades(pack, progress) if pack else (),
        history=tuple(history),
        forecast=forecast(store, player.id, pack_id, now),
    )


def player_stats(
    store: SqlStore,
    player: Player,
    now: dt.datetime,
    packs: Mapping[str, Pack | None],
) -> Stats:
    """Stats on the packs named (id → the pack, or None where it is not installed)."""
    return Stats(
        player.name,
        tuple(pack_stats(store, player, pid, pack, now) for pid, pack in packs.items()),
        store.studied(player.id, iso(day_start(now))),
        Limits.of(store.prefs(player.id)),
    )


def _topics(pack: Pack, progress: dict[str, FactProgress]) -> tuple[TopicStat, ...]:
    members: dict[str, list[str]] = {t: [] for t in pack.topics}
    for f in pack.facts:
        for t in f.topics:
            members[t].append(f.id)
    for q in pack.questions:
        for t in q.topics:
            members[t].append(q.id)
    out = []
    for topic, ids in members.items():
        seen = [progress[i] for i in ids if i in progress]
        right = sum(p.last_result == "right" for p in seen)
        out.append(TopicStat(pack.id, topic, len(ids), len(seen), right, level(seen, len(ids))))
    return tuple(out)


def _weakest(pack: Pack, progress: dict[str, FactProgress]) -> tuple[WeakFact, ...]:
    weak = [
        p
        for p in progress.values()
        if p.fact_id in pack.fact_by_id and (p.last_result != "right" or p.rights < p.attempts)
    ]
    weak.sort(key=lambda p: (p.last_result == "right", p.accuracy, -p.attempts, p.fact_id))
    out = []
    for p in weak[:WEAKEST]:
        fact = pack.fact_by_id[p.fact_id]
        out.append(
            WeakFact(
                pack.id,
                fact.id,
                fact.statement,
                fact.quote.text,
                p.attempts,
                p.rights,
                p.last_result,
            )
        )
    return tuple(out)


def _shades(pack: Pack, progress: dict[str, FactProgress]) -> tuple[Shade, ...]:
    out = []
    for source in pack.sources.values():
        quoted = [
            (q.start, q.end, progress[f.id])
            for f in pack.facts
            if f.id in progress
            for q in f.evidence
            if q.source == source.id
        ]
        for para in paragraphs(source.text):
            held = {id(p): p for s, e, p in quoted if s < para.end and para.start < e}.values()
            attempts = sum(p.attempts for p in held)
            accuracy = sum(p.rights for p in held) / attempts if attempts else None
            out.append(Shade(source.id, para.start, para.end, len(held), accuracy))
    return tuple(out)
