"""What the home screen is shown (HomeData) and what the player chose there (HomeChoice):
plain data shared by the screen, its form and the flow, so none of them imports another
for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from quiz.packs.places import DEFAULT_PACK
from quiz.seat import TERMINAL, Seat

if TYPE_CHECKING:
    from quiz.packs.registry import Catalog
    from quiz.services import Services
    from quiz.store.records import Player
    from quiz.store.sql import SqlStore


@dataclass(frozen=True)
class HomeData:
    catalog: Catalog
    player: str
    prefs: dict[str, Any]
    problem: str | None = None
    check_command: str = "quiz check"  # what shows the problems of the packs skipped
    seat: Seat = TERMINAL
    typed_paper: str | None = None  # a code that did not open, shown again to be corrected
    due: str = ""  # what is due for review now, and when the next fact is (one sentence)


@dataclass(frozen=True)
class HomeGlance:
    """What the home screen's first frame shows before the packs are loaded: the player and
    the title of the pack the form will choose (from the titles remembered for these very
    pack files, quiz.packs.titles). Enough to start a round; the form comes a frame later."""

    player: str
    pack_title: str


def chosen_pack(ids: list[str], wanted: object) -> str | None:
    """The pack the home form shows: the player's last one if it is still there, else the
    default pack, else the first; None when there is no pack at all."""
    if isinstance(wanted, str) and wanted in ids:
        return wanted
    if DEFAULT_PACK in ids:
        return DEFAULT_PACK
    return ids[0] if ids else None


def home_glance(services: Services) -> HomeGlance | None:
    """The first frame's player and pack title, without loading the packs; None when the
    titles are not remembered for the pack files there now (the home screen then waits for
    the packs, `home_data`). Reads the store's file without opening it when it can
    (quiz.store.glance), else waits for the store and the player: call it on a thread."""
    from quiz.lang import language
    from quiz.packs.titles import cached

    titles = cached(services.packs, language())
    if not titles:
        return None
    glanced = None
    if services.glance_db is not None:  # the store file, read without opening the store
        from quiz.store.glance import remembered

        glanced = remembered(services.glance_db, services.player_name)
    if glanced is not None:
        name, prefs = glanced
    else:
        store = services.store.get()
        player = services.player()
        name, prefs = player.name, store.prefs(player.id) if player.id else {}
    chosen = chosen_pack([pid for pid, _ in titles], prefs.get("pack"))
    title = dict(titles).get(chosen or "")
    return HomeGlance(name, title) if title is not None else None


def due_line(store: SqlStore, player: Player, catalog: Catalog, now: dt.datetime) -> str:
    """The home screen's sentences on reviews ("" for a player not kept, or a store that
    cannot say): the facts due now by pack, when the next one falls due, and what today's
    limits allow."""
    if not player.id:
        return ""
    from quiz import words
    from quiz.daily import Limits, day_start
    from quiz.store.review import iso, parse_iso

    # The store's own count, not quiz.stats (the statistics screen's module, with the pack
    # model's quotes): the line is drawn with the home screen's first frame.
    try:
        due, next_due = store.due_by_pack(player.id, iso(now))
        limits = Limits.of(store.prefs(player.id))
        today = store.studied(player.id, iso(day_start(now)))
    except Exception:  # noqa: BLE001 - a store that fails here only costs the line
        return ""
    titles = {p.id: p.title for p in catalog.packs}
    packs = [(titles.get(pid, pid), n) for pid, n in due.items()]
    later = parse_iso(next_due) if next_due else None
    return (
        f"{words.home_due(sum(due.values()), packs, later, now)} {words.today_line(today, limits)}"
    )


def home_data(services: Services) -> HomeData:
    """What the first home screen shows (blocks until the packs, store and player are
    loaded: call it on a thread)."""
    store = services.store.get()
    player = services.player()
    remember_titles(services)
    return HomeData(
        catalog=services.catalog.get(),
        player=player.name,
        prefs=store.prefs(player.id) if player.id else {},
        problem=store.problem,
        check_command=services.check_command(),
        seat=services.seat,
        due=due_line(store, player, services.catalog.get(), services.clock.now()),
    )


def remember_titles(services: Services) -> None:
    """The loaded packs' titles, for the next start's first frame (quiz.packs.titles)."""
    from quiz.lang import language
    from quiz.packs.titles import remember

    remember(services.catalog.get(), services.packs, language())


@dataclass(frozen=True)
class HomeChoice:
    action: Literal["start", "stats", "history", "players", "limits", "paper", "report", "language"]
    pack: str | None = None
    mode: str = "practice"
    count: int = 10
    kinds: tuple[str, ...] | None = None
    topics: tuple[str, ...] | None = None
    seed: int | None = None  # None: a new random seed
    streak_bonus: bool = True
    speed_bonus: bool = False
    paper: str | None = None  # the code typed, for "paper" (sit it) and "report" (or None:
    # the only paper sat here, if there is one)

    def prefs(self) -> dict[str, Any]:
        """What the home screen remembers for the player next time (not the seed: a seed is
        for one round, and remembering it would replay the same questions)."""
        return {
            "pack": self.pack,
            "mode": self.mode,
            "count": self.count,
            "kinds": list(self.kinds or ()),
            "topics": list(self.topics or ()),
            "streak_bonus": self.streak_bonus,
            "speed_bonus": self.speed_bonus,
            "paper": self.paper or "",
        }
