"""What comes next, decided in one place: home → round → summary → home (or out).

Screens never push each other. Each is shown, waited for, and dismissed with
what the player chose; this coroutine turns that into the next screen. Slow
work (packs, the store, the questions of a round) runs on threads meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import Screen

from quiz import rounds, words
from quiz.lang import _
from quiz.round.codes import EndReason
from quiz.safe import visible
from quiz.spec import RoundSpec
from quiz.tui.host import AfterRound, Host, Loaded, Next

if TYPE_CHECKING:  # the home screen and the store load when first needed, not before a round
    from quiz.first_view import FirstView
    from quiz.packs.model import Pack
    from quiz.question import Response
    from quiz.session import Session
    from quiz.store.recorder import Recorder
    from quiz.tui.choices import HomeChoice, HomeData

S = TypeVar("S", bound=Screen[Any])


class Flow:
    def __init__(self, app: Host) -> None:
        self.app = app
        self.services = app.services
        self.loaded: Loaded | None = None
        self.drawn: tuple[Screen[Any], asyncio.Future[Any]] | None = None
        self.typed_paper: str | None = None  # a code that did not open, for the next home
        self.until_done = False  # the review chosen at home asks all that is due (again too)

    async def run(self) -> None:
        self.drawn = self.app.first_screen  # the screen the app drew at start, taken once
        self.app.first_screen = None
        first = self.app.first_round
        if self.app.first_paper is not None:
            from quiz.tui import exam

            self.services.store.start()
            if await exam.sit(self, self.app.first_paper, from_home=False) is Next.QUIT:
                self.app.exit()
                return
        elif self.app.make_round is not None:
            if await self.first_from_memory() is Next.QUIT:
                self.app.exit()
                return
        elif first is not None:
            await self.remember_first(first)
            recorder = self.app.first_recorder
            assert recorder is not None, "the app listens to a round it was started with"
            self.services.store.start()  # the first question is on screen: open the store now
            if await self.round(first, recorder, from_home=False) is Next.QUIT:
                self.app.exit()
                return
        seat = self.services.seat
        if seat.asks_name and (not await self.sign_in() or await self.sit_paper() is Next.QUIT):
            self.app.exit()
            return
        while True:
            choice = await self.home()
            if choice is None:
                self.app.exit()
                return
            if await self.act(choice) is Next.QUIT:
                self.app.exit()
                return

    async def first_from_memory(self) -> Next:
        """`quiz play`'s first question was drawn from memory (screens/first.py): make the
        round now and put it on screen in that one's place, with the answer given there if
        the round's first question is the one that was drawn."""
        drawn = self.app.first_question
        make = self.app.make_round
        assert make is not None
        try:
            session = await self.app.in_thread(make)
        except Exception as exc:  # noqa: BLE001 - said by the command, after the screen
            self.app.first_failure = getattr(exc, "error", None) or exc  # (WorkerFailed's)
            return Next.QUIT
        made = await self.remember_first(session)
        if drawn is not None and drawn.left:  # left before the round was up
            return Next.QUIT
        recorder = self.app.listen_first(session)
        pending = drawn.pending if drawn is not None and made == drawn.view else None
        self.services.store.start()  # the first question is on screen: open the store now
        return await self.round(session, recorder, from_home=False, pending=pending)

    async def remember_first(self, session: Session) -> FirstView | None:
        """The first frame of the round the app was started with (taken before any answer),
        kept for the next run with the same arguments (quiz.first_view) when the app was
        given a way to (a round made here, after its first question was drawn from memory:
        kept only if that memory was out of date), written off the UI loop."""
        from quiz.first_view import first_view

        view = self.app.first_made = first_view(session)
        keep = self.app.keep_first
        if view is not None and keep is not None:
            await self.app.in_thread(partial(keep, view))
        return view

    def _take(self, kind: type[S]) -> tuple[S, asyncio.Future[Any]] | None:
        """The screen the app drew at start, if it is of this kind (taken once)."""
        drawn = self.drawn
        if drawn is None or not isinstance(drawn[0], kind):
            return None
        self.drawn = None
        return drawn[0], drawn[1]

    # -- a browser tab (quiz serve) ----------------------------------------------------

    async def sign_in(self) -> bool:
        """A served tab starts with the player's name; False if the tab was quit instead."""
        from quiz.tui.screens.name import NameScreen

        drawn = self._take(NameScreen)
        if drawn is not None:  # the app drew it at start
            name: str | None = await drawn[1]
        else:
            name = await self.app.show(NameScreen(self.services.paper))
        if not name:
            return False
        self.services.player_name = name
        await self.load()  # so the home screen comes with its data, never offering Ctrl+O
        return True

    async def sit_paper(self) -> Next:
        """The paper a served tab sits (quiz serve --paper) under exam rules, as the terminal
        game sits it (once per name, resumed after a crash), then home or out."""
        from quiz.papers import PaperError, decode
        from quiz.tui import exam

        code = self.services.paper
        if code is None:
            return Next.HOME
        loaded = await self.load()
        try:
            paper = decode(code, loaded.catalog.packs)
        except PaperError as exc:
            self.app.warn(str(exc))
            return Next.HOME
        return await exam.sit(self, paper, from_home=True)

    # -- loading --------------------------------------------------------------------

    async def load(self) -> Loaded:
        if self.loaded is None:
            self.loaded = await self.app.in_thread(self._load)
            for notice in self.loaded.notices:
                self.app.warn(notice)
        return self.loaded

    def _load(self) -> Loaded:
        store = self.services.store.get()
        self.app.follow_saving(store)
        player = self.services.player()
        notices = [n for n in (store.notice, store.problem) if n]
        from quiz.tui.choices import remember_titles

        remember_titles(self.services)  # for the next start's first frame
        return Loaded(self.services.catalog.get(), store, player, notices)

    # -- home -----------------------------------------------------------------------

    async def home(self) -> HomeChoice | None:
        from quiz.tui.screens.home import HomeScreen

        light, self.app.first_home = self.app.first_home, None
        if light is not None:  # a returning player's light first frame: the home screen,
            await self.load()  # laid out the same, covers it, and does what was pressed
            if light.left:
                return None
            return await self.app.show(HomeScreen(self._home_data(), pending=light.pending))
        drawn = self._take(HomeScreen)
        if drawn is not None:  # the app drew the home screen at start, before packs loaded
            screen, choice = drawn
        else:
            screen = HomeScreen(self._home_data() if self.loaded else None)
            choice = asyncio.ensure_future(self.app.show(screen))
        if self.loaded is None:  # the screen is up at once; its packs and player come after
            await self.load()
            if not choice.done():
                screen.show_data(self._home_data())
        return await choice

    def _home_data(self) -> HomeData:
        from quiz.tui.choices import HomeData, due_line

        assert self.loaded is not None
        loaded = self.loaded
        typed, self.typed_paper = self.typed_paper, None  # shown once, on the next home
        return HomeData(
            seat=self.services.seat,
            catalog=loaded.catalog,
            player=loaded.player.name,
            prefs=loaded.store.prefs(loaded.player.id) if loaded.player.id else {},
            problem=loaded.store.problem,
            check_command=self.services.check_command(),
            typed_paper=typed,
            due=due_line(loaded.store, loaded.player, loaded.catalog, self.services.clock.now()),
        )

    async def act(self, choice: HomeChoice) -> Next:
        loaded = await self.load()
        if choice.action == "players":
            if self.services.seat.lists_players:
                await self.switch_player()
            return Next.HOME
        if choice.action == "history":
            await self.history()
            return Next.HOME
        if choice.action == "limits":
            await self.limits()
            return Next.HOME
        if choice.action == "language":  # chosen and remembered: the home screen again, in it
            return Next.HOME
        if choice.action in ("paper", "report"):
            return await self.paper(choice)
        pack = loaded.catalog.find(choice.pack or "")
        if pack is None:
            return Next.HOME
        if loaded.player.id:
            await self.app.in_thread(partial(_keep_prefs, loaded, choice.prefs()))
        if choice.action == "stats":
            await self.stats(pack)
            return Next.HOME
        spec = await self.spec_for(choice, pack)
        if spec is None:
            return Next.HOME
        session, recorder = await self.app.in_thread(lambda: self._start(spec, pack))
        if not session.questions:
            empty = not (pack.facts or pack.questions)  # a new pack, with no facts yet
            self.app.notify(
                _("This pack has no facts yet: nothing to ask.")
                if empty
                else _("No questions match these kinds and topics."),
                severity="warning",
            )
            return Next.HOME
        return await self.round(session, recorder, from_home=True)

    async def paper(self, choice: HomeChoice) -> Next:
        """Sit the paper whose code was typed, or show its class report."""
        from quiz.papers import PaperError, decode
        from quiz.tui import exam

        loaded = await self.load()
        code = choice.paper or await self._only_paper_sat()
        if code is None:
            return Next.HOME
        try:
            paper = decode(code, loaded.catalog.packs)
        except PaperError as exc:
            self.app.notify(str(exc), severity="error", markup=False, timeout=10)
            self.typed_paper = code  # shown again, to fix a character rather than retype
            return Next.HOME
        if loaded.player.id:  # the home screen shows the code again next time
            prefs = {**loaded.store.prefs(loaded.player.id), "paper": paper.code}
            await self.app.in_thread(lambda: loaded.store.save_prefs(loaded.player.id, prefs))
        if choice.action == "report":
            await exam.report(self, paper)
            return Next.HOME
        return await exam.sit(self, paper, from_home=True)

    async def _only_paper_sat(self) -> str | None:
        """The class report's paper when no code was typed: the only one with sittings kept
        here; else None, with a notice naming the papers it knows (if any)."""
        from quiz.classroom.results import papers_sat

        loaded = await self.load()
        codes = await self.app.in_thread(lambda: papers_sat(loaded.store))
        if len(codes) == 1:
            return codes[0]
        known = ""
        if codes:
            shown = ", ".join(codes[:5])
            if len(codes) > 5:
                shown = _("{codes} and {n} more").format(codes=shown, n=len(codes) - 5)
            known = " " + _("Papers sat here: {codes}.").format(codes=shown)
        self.app.notify(
            _("Type the paper code first.") + known, severity="warning", markup=False, timeout=10
        )
        self.typed_paper = ""  # the field, focused for the code
        return None

    async def spec_for(self, choice: HomeChoice, pack: Pack) -> RoundSpec | None:
        from quiz.scoring import Rules

        loaded = await self.load()
        rules = Rules(streak_bonus=choice.streak_bonus, speed_bonus=choice.speed_bonus)
        practice = partial(
            rounds.practice_spec,
            pack,
            choice.count,
            choice.kinds,
            choice.topics,
            rules,
            choice.seed,
        )
        if choice.mode not in ("review", "review-all"):
            return practice()
        now = self.services.clock.now()
        self.until_done = choice.mode == "review-all"
        made = await self.app.in_thread(
            lambda: rounds.review_spec(
                loaded.store,
                loaded.player,
                pack,
                now,
                None if self.until_done else choice.count,
                choice.kinds,
                rules,
                choice.seed,
            )
        )
        if isinstance(made, RoundSpec):
            return made
        from quiz.tui.screens.modals import Confirm

        if await self.app.show(
            Confirm(
                f"{words.nothing_due(made.next_due, now, made.held, made.limits)}\n"
                f"{words.practice_instead()}",
                "Practice",
                "Back",
            )
        ):
            return practice()
        return None

    def _start(self, spec: RoundSpec, pack: Pack) -> tuple[Session, Recorder]:
        assert self.loaded is not None
        return rounds.start(
            spec,
            pack,
            self.loaded.store,
            self.loaded.player,
            clock=self.services.clock,
            on_problem=self.app.warn,
        )

    async def limits(self) -> None:
        """The player's daily limits, changed and kept with the player (the home screen shown
        next says them in its line on what is due)."""
        from quiz.daily import Limits
        from quiz.tui.screens.limits import LimitsScreen

        loaded = await self.load()
        if not loaded.player.id:  # a player not kept (the store failed): nothing to keep
            self.app.notify(words.limits_not_kept(), severity="warning", markup=False)
            return
        prefs = await self.app.in_thread(lambda: loaded.store.prefs(loaded.player.id))
        chosen = await self.app.show(LimitsScreen(Limits.of(prefs)))
        if chosen is None:
            return
        changed = {**prefs, "limits": chosen.to_prefs()}
        await self.app.in_thread(partial(_keep_prefs, loaded, changed))
        self.app.notify(words.limits_saved(chosen), markup=False)

    async def switch_player(self) -> None:
        """The player screen until a player is chosen or it is left; a rename, merge or
        delete asked there is confirmed, done, and the screen shown again."""
        from quiz.store.players import local_players
        from quiz.tui.screens.players import Manage, PlayersScreen

        while True:
            loaded = await self.load()
            names = [p.name for p in await self.app.in_thread(partial(local_players, loaded.store))]
            chosen = await self.app.show(PlayersScreen(names, loaded.player.name))
            if isinstance(chosen, Manage):
                await self.manage_player(chosen)
                continue
            if chosen and chosen != loaded.player.name:
                await self._play_as(chosen)
            return

    async def manage_player(self, asked: Any) -> None:
        """Check the change against the store, say what it will do, and do it if confirmed;
        the current player follows a rename or a merge (and is never deleted)."""
        from quiz.commands.players import describe, refusal
        from quiz.store.players import PlayerError, carry_out, plan
        from quiz.tui.screens.modals import Confirm

        loaded = await self.load()
        store, current = loaded.store, loaded.player.name

        def checked() -> Any:
            try:
                return plan(store, asked.action, asked.name, asked.other)
            except PlayerError as exc:
                return refusal(store, exc)

        change = await self.app.in_thread(checked)
        if isinstance(change, str):
            self.app.notify(visible(change), severity="warning", markup=False)
            return
        who = change.player.player.name
        if change.action == "delete" and who == current:
            self.app.notify(visible(words.playing_as(who)), severity="warning", markup=False)
            return
        yes = words.confirm_change(change.action)
        if not await self.app.show(Confirm(visible(describe(change)), yes, words.cancel())):
            return
        await self.app.in_thread(partial(carry_out, store, change))
        if who == current and change.action != "delete":
            await self._play_as(change.new_name or (change.into and change.into.player.name))

    async def _play_as(self, name: str | None) -> None:
        loaded = await self.load()
        if not name:
            return
        self.services.player_name = name
        player = await self.app.in_thread(self.services.player)
        self.loaded = replace(loaded, player=player)

    async def stats(self, pack: Pack) -> None:
        from quiz.stats import player_stats
        from quiz.tui.screens.stats import StatsScreen

        loaded = await self.load()
        now = self.services.clock.now()
        report = await self.app.in_thread(
            lambda: player_stats(loaded.store, loaded.player, now, {pack.id: pack})
        )
        if await self.app.show(StatsScreen(report, pack, now)) == "history":
            await self.history(pack.id)

    async def history(self, pack_id: str | None = None) -> None:
        """The player's past rounds; each opened shows its questions, then the list again."""
        from quiz import history
        from quiz.tui.screens.history import HistoryScreen, PastRoundScreen

        loaded = await self.load()
        store, player = loaded.store, loaded.player
        rows = await self.app.in_thread(lambda: history.rounds(store, player.id, pack_id))
        at: int | None = None
        while True:
            at = await self.app.show(HistoryScreen(player.name, rows, at))
            chosen = next((r for r in rows if r.id == at), None)
            if chosen is None:
                return
            pack = loaded.catalog.find(chosen.pack_id)
            packs = {pack.id: pack} if pack is not None else {}
            opened = await self.app.in_thread(partial(history.open_round, store, chosen, packs))
            await self.app.show(PastRoundScreen(opened))

    # -- a round --------------------------------------------------------------------

    async def round(
        self,
        session: Session,
        recorder: Recorder,
        *,
        from_home: bool,
        pending: Response | None = None,
    ) -> Next:
        """Play rounds until the player goes home or out (`pending`: the first question's
        answer, given before the round was on screen)."""
        from quiz.tui.screens.play import PlayScreen
        from quiz.tui.screens.summary import SummaryScreen

        drawn = self._take(PlayScreen) if session is self.app.first_round else None
        shown = drawn[1] if drawn else None
        origin = session.spec  # what "play again" repeats: a retry is never its own origin

        while True:
            if shown is not None:  # the app put this round on screen already
                played, shown = await shown, None
            else:
                played = await self.app.show(PlayScreen(session, pending=pending))
                pending = None
            if played is None or played is EndReason.LEFT:
                return Next.HOME if from_home else Next.QUIT
            standing = await self.app.in_thread(partial(self._standing, session, recorder))
            while True:
                action = await self.app.show(SummaryScreen(session, standing))
                if action is not AfterRound.STATS:
                    break
                await self.stats(session.pack)
            if action is None:
                return Next.HOME if from_home else Next.QUIT
            if action in (AfterRound.HOME, AfterRound.QUIT):
                return Next(action.value)
            spec = await self._next_spec(session, action, origin)
            if spec is None:
                return Next.HOME
            if action is not AfterRound.RETRY:
                origin = spec
            await self.load()
            session, recorder = await self.app.in_thread(partial(self._start, spec, session.pack))

    def _standing(self, session: Session, recorder: Recorder) -> rounds.Standing | None:
        if recorder.round_id is None:
            return None
        standing = rounds.standing(recorder.store, recorder, session)
        if standing is not None and not self.services.seat.names_others:
            # A browser tab shows the player's own best, never the other players' names.
            standing = replace(standing, top=())
        return standing

    async def _next_spec(
        self, session: Session, action: AfterRound, origin: RoundSpec
    ) -> RoundSpec | None:
        """The retry of this round's misses, or a new round of `origin` (the round played
        from home, not a retry of it: its count, kinds and topics, a new seed)."""
        if action is AfterRound.RETRY:
            return session.retry_spec()
        spec = origin
        if spec.mode == "review":
            loaded = await self.load()
            now = self.services.clock.now()
            made = await self.app.in_thread(
                lambda: rounds.review_spec(
                    loaded.store,
                    loaded.player,
                    session.pack,
                    now,
                    None if self.until_done else spec.count,
                    spec.kinds,
                )
            )
            if isinstance(made, RoundSpec):
                return made
            said = words.nothing_due(made.next_due, now, made.held, made.limits)
            self.app.notify(said, markup=False)
            return None
        return spec.again(rounds.new_seed())


def _keep_prefs(loaded: Loaded, prefs: dict[str, Any]) -> None:
    """The home screen's choices, for next time: off the UI loop, and never worth an error
    (a store that falters now only costs the next visit its defaults)."""
    from quiz.store.backend import StoreError

    with contextlib.suppress(StoreError):
        kept = loaded.store.prefs(loaded.player.id)  # what the form does not set (limits)
        loaded.store.save_prefs(loaded.player.id, {**kept, **prefs})
