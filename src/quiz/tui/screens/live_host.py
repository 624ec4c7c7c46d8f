"""`quiz host`: the teacher's full-screen front of a live game, made to be projected.

One screen follows the game (quiz.live.game) through its states: the lobby (the join address
as text and as a QR code, the PIN, the names as they join), each question (prompt, options,
countdown, how many have answered), the reveal (a bar chart of the answers, the right answer,
the quote in its paragraph, why the most chosen wrong answer is wrong), the leaderboard and
the podium. The web server (quiz.live.server) runs on this app's own asyncio loop: a key
moves every phone on at once. Every name and every pack text is shown literally.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from quiz import words
from quiz.lang import N_, _
from quiz.live.game import LiveGame, Phase, Reveal
from quiz.live.server import LiveServer
from quiz.round.codes import Shape
from quiz.round.viewing import main_passage
from quiz.safe import visible
from quiz.tui.widgets.footer import QuizFooter

SHAPES = "▲◆●■"
BAR = 40  # cells of the longest bar
NAMES_SHOWN = 60  # names listed in the lobby (the count says the rest)


def _t(text: str, style: str = "") -> Text:
    """Untrusted text (a name, pack text) as literal Rich text: no markup, no control."""
    return Text(visible(text), style=style)


class RemoveName(ModalScreen[str | None]):
    """The teacher types a name to remove from the game."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def compose(self) -> ComposeResult:
        with Vertical(id="remove"):
            yield Label(words.live_remove_which())
            yield Input(id="remove-name", placeholder=_("Name"))

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HostApp(App[None]):
    CSS = """
    #top { height: auto; padding: 0 1; background: $primary; color: $text; }
    #body { padding: 1 2; }
    #remove { width: 60; height: auto; padding: 1 2; border: thick $primary; background: $panel; }
    RemoveName { align: center middle; }
    """
    BINDINGS = [
        Binding("enter", "advance", N_("Start / end / next")),
        Binding("p", "pause", N_("Pause")),
        Binding("s", "skip", N_("Skip")),
        Binding("x", "remove", N_("Remove a name")),
        Binding("q", "quit", N_("Quit")),
    ]

    def __init__(
        self, server: LiveServer, addresses: Callable[[int], list[str]] | None = None
    ) -> None:
        """`addresses(port)`: where students join, once the server listens (default: the
        address it listens on)."""
        super().__init__()
        self.server = server
        self.game: LiveGame = server.game
        self.addresses = addresses
        self.urls: list[str] = []
        self.shown = Text()  # what the body shows now (tests read it)
        self.problem: str | None = None  # why the server could not start

    def compose(self) -> ComposeResult:
        yield Static(id="top")
        with VerticalScroll():
            yield Static(id="body")
        yield QuizFooter()

    async def on_mount(self) -> None:
        try:
            if not self.server.listening:
                await self.server.start()
        except OSError as exc:
            self.problem = _("cannot listen on {address}: {reason}").format(
                address=f"{self.server.host}:{self.server.port}", reason=exc
            )
            self.exit(return_code=2)
            return
        self.urls = (self.addresses(self.server.port) if self.addresses else []) or [
            self.server.url()
        ]
        self.server.watchers.append(self.show)
        self.set_interval(0.25, self.show)
        self.show()

    async def on_unmount(self) -> None:
        if self.show in self.server.watchers:  # the screen is going: nothing to draw on
            self.server.watchers.remove(self.show)
        self.game.stop()  # quit before the podium: the sittings are handed in as they stand
        await self.server.changed()  # the phones see the podium
        await self.server.stop()

    # -- keys -----------------------------------------------------------------------------

    async def action_advance(self) -> None:
        await self._act(self.game.advance)

    async def action_pause(self) -> None:
        await self._act(self.game.pause)

    async def action_skip(self) -> None:
        await self._act(self.game.skip)

    @work
    async def action_remove(self) -> None:
        name = await self.push_screen_wait(RemoveName())
        if name:
            removed = self.game.remove(name)
            await self.server.changed()
            if not removed:
                self.notify(visible(words.live_no_such(name)), severity="warning")

    async def _act(self, action: Callable[[], object]) -> None:
        refused = await self.server.act(action)
        if refused:
            self.notify(visible(refused), severity="warning")
        self.show()

    # -- what the room sees -------------------------------------------------------------------

    def show(self) -> None:
        if not self.query("#top"):  # quitting: the widgets go before the app's ticker stops
            return
        g = self.game
        top = Text(words.live_top(g.code, len(g.students)))
        if self.server.pin_required:
            top.append(" · " + words.live_pin(self.server.pin), style="bold")
        self.query_one("#top", Static).update(top)
        self.shown = {
            Phase.LOBBY: self._lobby,
            Phase.QUESTION: self._question,
            Phase.REVEAL: self._reveal,
            Phase.LEADERBOARD: self._board,
            Phase.PODIUM: self._board,
        }[g.phase]()
        self.query_one("#body", Static).update(self.shown)

    def _lobby(self) -> Text:
        from quiz.live.qr import qr_lines

        g = self.game
        out = Text(words.live_join_here() + "\n", style="bold")
        for url in self.urls:
            out.append(url + "\n", style="bold underline")
        if self.server.pin_required:
            out.append(words.live_pin(self.server.pin) + "\n", style="bold")
        out.append("\n")
        for line in qr_lines(self.urls[0]):
            out.append(line, style="black on white")
            out.append("\n")
        names = [s.name for s in g.students.values()]
        out.append("\n" + words.live_joined(len(names)), style="bold")
        out.append(" · " + words.live_lobby_keys() + "\n")
        for i, name in enumerate(names[-NAMES_SHOWN:]):
            out.append(" · " if i else "")
            out.append_text(_t(name))
        return out

    def _question(self) -> Text:
        g = self.game
        q = g.current
        out = Text(words.live_question_of(g.index + 1, g.total) + "    ", style="bold")
        if g.paused:
            out.append(words.live_paused(), style="bold reverse")
        else:
            out.append(f"{g.remaining():.0f} s", style="bold reverse")
        out.append("    " + words.live_answered(g.answered_count(), len(g.students)) + "\n\n")
        out.append_text(_t(q.prompt, "bold"))
        out.append("\n\n")
        for i, option in enumerate(q.options):
            out.append(f" {SHAPES[i % 4]} ", style="bold")
            out.append_text(_t(option))
            out.append("\n\n")
        if q.shape in (Shape.TEXT, Shape.NUMBER):
            out.append(words.live_type_it() + "\n")
        if q.shape is Shape.ORDER:
            out.append(words.live_order_it() + "\n")
        out.append("\n" + words.live_question_keys(), style="dim")
        return out

    def _reveal(self) -> Text:
        r: Reveal = self.game.reveal()
        q = r.question
        out = Text(words.live_question_of(r.index + 1, self.game.total) + "\n", style="bold")
        out.append_text(_t(q.prompt, "bold"))
        out.append("\n\n")
        most = max([*r.counts, *(n for _, n in r.typed), 1])
        if q.options:
            for i, option in enumerate(q.options):
                right = i in r.rights
                out.append(f" {'✓' if right else ' '} {SHAPES[i % 4]} ", style="bold")
                out.append_text(_t(option, "bold green" if right else ""))
                n = r.counts[i]
                out.append("\n   " + "█" * round(BAR * n / most) + f" {n}\n",
                           style="green" if right else "red")  # fmt: skip
        for text, n in r.typed[:5]:
            out.append("   ")
            out.append_text(_t(text))
            out.append("\n   " + "█" * round(BAR * n / most) + f" {n}\n")
        out.append("\n" + words.live_counts(r.right, r.partial, r.wrong, r.blank) + "\n\n")
        out.append(words.live_the_answer(), style="bold")
        out.append_text(_t(r.answer, "bold green"))
        out.append("\n\n")
        p = main_passage(r.passages)
        if p is not None:
            out.append(visible(words.live_from(r.noun)) + "\n", style="bold")
            out.append_text(_t(p.before))
            out.append_text(_t(p.marked, "bold reverse"))
            out.append_text(_t(p.after))
            out.append("\n\n")
        if r.top_wrong is not None:
            out.append(words.live_top_wrong(), style="bold")
            out.append_text(_t(f"{r.top_wrong} ({r.top_wrong_count})"))
            if r.why_not:
                out.append("\n" + words.live_why_wrong(), style="bold")
                out.append_text(_t(r.why_not))
                if r.why_quote:
                    out.append_text(_t(f' ("{r.why_quote}")', "italic"))
            out.append("\n")
        out.append("\n" + words.live_to_board(), style="dim")
        return out

    def _board(self) -> Text:
        g = self.game
        podium = g.phase is Phase.PODIUM
        board = g.podium() if podium else g.leaderboard()
        out = Text(words.live_board(podium) + "\n\n", style="bold")
        medals = {1: "🥇", 2: "🥈", 3: "🥉"}
        for s in board:
            out.append(f" {medals.get(s.rank, '') if podium else ''} {s.rank:>3}. ")
            out.append_text(_t(s.name, "bold"))
            out.append(f"  {s.score}")
            if s.climbed and not podium:
                out.append(f"  ▲ {s.climbed}", style="green")
            out.append("\n")
        if not podium:
            last = g.index + 1 >= g.total
            out.append("\n" + words.live_next(last), style="dim")
        else:
            out.append("\n" + words.live_results(g.code), style="dim")
        return out
