"""What a front end is given rather than builds: packs, the store, settings, a clock, a player.

The command line makes one Services and hands it to the full-screen app or the
line mode, and tests hand them their own. Slow parts start in the background as
soon as they are made: the store opens on a thread of its own while Textual is
still importing, and whoever needs it first waits only for what is left. The home
screen needs the packs, the store and the player for its first usable frame, so
`quiz` starts all three at once (`start_loading`).
"""

from __future__ import annotations

import contextlib
import getpass
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from quiz.clock import Clock, SystemClock
from quiz.lang import _
from quiz.limits import MAX_NAME
from quiz.seat import TERMINAL, Seat
from quiz.settings import Settings

if TYPE_CHECKING:
    from quiz.packs.registry import Catalog
    from quiz.store import SqlStore
    from quiz.store.records import Player

T = TypeVar("T")


class Later(Generic[T]):
    """A value made on a background thread; `get()` waits for it (and re-raises its error)."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._value: T | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._started = False
        self._lock = threading.Lock()

    def start(self) -> Later[T]:
        with self._lock:
            if not self._started:
                self._started = True
                threading.Thread(target=self._run, daemon=True, name="quiz-later").start()
        return self

    def _run(self) -> None:
        try:
            self._value = self._make()
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
            self._error = exc
        finally:
            self._done.set()

    def ready(self) -> bool:
        """Whether it is made (or failed): asking `get` now does not wait."""
        return self._done.is_set()

    def failed(self) -> bool:
        """Whether making it failed (`get` would raise)."""
        return self._error is not None

    def get(self) -> T:
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


def check_name(raw: str) -> str:
    """A player name as typed, made safe to keep and show: ValueError says what is wrong.
    Invisible characters are refused (quiz.names): a name must look like who it is."""
    from quiz import words
    from quiz.names import invisible, invisible_in

    name = " ".join(raw.split())
    if not name:
        raise ValueError(_("a player name cannot be empty"))
    if len(name) > MAX_NAME:
        raise ValueError(_("a player name has at most {n} characters").format(n=MAX_NAME))
    if any(not ch.isprintable() and not invisible(ch) for ch in name):
        raise ValueError(_("a player name cannot hold control characters"))
    hidden = invisible_in(name)
    if hidden is not None:  # a blank filler or a zero-width: a second name that looks the same
        raise ValueError(words.name_invisible(hidden))
    return name


def _new_holder() -> str:
    from quiz.store.holder import new_holder

    return new_holder()


def system_player() -> str:
    try:
        return check_name(getpass.getuser())
    except (Exception, ValueError):  # noqa: BLE001 - no user name in this environment
        return "player"


@dataclass
class Services:
    catalog: Later[Catalog]
    store: Later[SqlStore]
    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    player_name: str | None = None  # --player; else the last player; else the system user
    packs: list[Path] = field(default_factory=list)  # --packs folders and files
    seat: Seat = TERMINAL
    paper: str | None = None  # the paper a served tab sits (quiz serve --paper), if any
    # The store file a first frame may glance at before the store is open (quiz.store.glance):
    # only the command line's own Services set it, so a store handed in is never bypassed.
    glance_db: str | None = None
    # This window, as the store's hold on an open sitting names it (quiz.store.sittings):
    # another window or tab of the same player is refused while this one plays.
    holder: str = field(default_factory=lambda: _new_holder())
    # The player last resolved, by the name asked for: the home screen's first frame and the
    # flow both ask, and the second must not write the same rows again.
    _player: tuple[str | None, Player] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _player_lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    def start_loading(self) -> None:
        """Load the packs, open the store and find the player, each on a thread, from now:
        what the home screen shows, ready by the time Textual has started."""
        self.catalog.start()
        self.store.start()
        threading.Thread(target=self._player_quietly, daemon=True, name="quiz-player").start()

    def _player_quietly(self) -> None:
        # An error is not kept: whoever asks for the player next meets it again.
        with contextlib.suppress(Exception):
            self.player()

    def check_command(self) -> str:
        """The command that lists the problems of the packs this run can see."""
        import shlex

        return "quiz check" + "".join(f" --packs {shlex.quote(str(p))}" for p in self.packs)

    def player(self) -> Player:
        """The player to play as (waits for the store); the same one while the name asked
        for (`player_name`) is the same."""
        with self._player_lock:
            asked = self.player_name
            if self._player is not None and self._player[0] == asked:
                return self._player[1]
            player = self._find_player(asked)
            self._player = (asked, player)
            return player

    def _find_player(self, asked: str | None) -> Player:
        store = self.store.get()
        name = asked or store.last_player() or system_player()
        try:
            player = store.player(name)
            if self.seat.remembers_player:
                store.set_last_player(name)
        except Exception as exc:  # noqa: BLE001 - a store that cannot write still lets us play
            from quiz.store import StoreError

            if not isinstance(exc, StoreError):
                raise
            from quiz.store.records import Player

            if exc.passing:  # a lock, a lost connection: the round's writes wait for it
                store.saver.falter(str(exc))
            else:
                store.problem = store.problem or _("progress is not being saved: {reason}").format(
                    reason=exc
                )
            return Player(0, name, "")
        return player


def _glance_target(db: str | None) -> str:
    from quiz.store import default_target

    return db or default_target()


def make_services(
    *,
    packs: list[Path] | None = None,
    db: str | None = None,
    player: str | None = None,
    clock: Clock | None = None,
    settings: Settings | None = None,
    open_now: bool = True,
    strict: bool = False,
) -> Services:
    """The services of one run of the program. With `open_now` the store starts opening on
    its thread at once (the home screen needs it); `quiz play` opens it after its first frame,
    so the thread's imports do not compete with Textual's. `strict` is for commands that
    read (or take files into) what is kept: their store is the one asked for or a
    StoreError, never an empty stand-in."""
    clock = clock or SystemClock()

    def catalog() -> Catalog:
        from quiz.packs.registry import catalog as load_catalog

        return load_catalog(packs)

    def store() -> SqlStore:
        from quiz.store import open_store, open_to_read

        return open_to_read(db, clock) if strict else open_store(db, clock)

    return Services(
        catalog=Later(catalog),
        store=Later(store).start() if open_now else Later(store),
        glance_db=None if strict else _glance_target(db),
        settings=settings or Settings.load(),
        clock=clock,
        player_name=player,
        packs=list(packs or []),
    )
