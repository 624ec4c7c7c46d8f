"""`quiz join URL`: a student plays a live game (quiz host) in the terminal, full screen.

The same websocket messages as the phone's page (quiz.live.server): the name (and the PIN
when the game asks for one), then each question answered by keys — a digit picks an option
(select-all: digits tick, Enter sends; time order: digits in order, Backspace starts again,
Enter sends), a typed or number answer in the field — and after each question right or
wrong, the points, the place and the quote. A dropped connection is tried again and the
game rejoined with the secret the server gave, score and all. Every text from the server
(names, questions, quotes) is shown literally.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from quiz import words
from quiz.lang import N_, language
from quiz.safe import visible
from quiz.tui.widgets.footer import QuizFooter

SHAPES = "▲◆●■"
RETRY = (0.5, 1.0, 2.0, 5.0)  # seconds between tries after the connection drops


def _t(text: object, style: str = "") -> Text:
    return Text(visible(str(text)), style=style)


class JoinApp(App[None]):
    CSS = """
    #status { height: auto; padding: 0 1; background: $primary; }
    #body { padding: 1 2; height: 1fr; }
    #entry { margin: 0 2; }
    """
    AUTO_FOCUS = None  # the field takes the keys only while it asks for something
    BINDINGS = [
        Binding("enter", "send", N_("Send"), show=False),
        Binding("backspace", "again", N_("Start again"), show=False),
        Binding("ctrl+q", "quit", N_("Quit")),
    ]

    def __init__(self, ws_url: str, name: str | None = None, pin: str | None = None) -> None:
        super().__init__()
        self.ws_url = ws_url
        self.name_given = name
        self.pin = pin or ""
        self.state: dict[str, Any] = {}
        self.asking = ""  # what the field asks for: "pin", "name", "answer" or ""
        self.secret: str | None = None
        self.joined_as: str | None = None
        self.picked: list[int] = []  # ticked (select-all) or placed (time order) options
        self.sent = False  # the open question's answer is sent
        self.shown = Text()  # what the body shows (tests read it)
        self.said = ""  # the status line
        self._ws: Any = None
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Static(id="body")
        yield Input(id="entry")
        yield QuizFooter()

    def on_mount(self) -> None:
        self._ask("")
        self.talk()

    # -- the connection -------------------------------------------------------------------

    @work(exclusive=True)
    async def talk(self) -> None:
        import aiohttp

        tries = 0
        async with aiohttp.ClientSession() as session:
            while True:
                try:
                    # what the game refuses is said in this terminal's language
                    speaks = {"Accept-Language": language()}
                    async with session.ws_connect(self.ws_url, heartbeat=20, headers=speaks) as ws:
                        self._ws, tries = ws, 0
                        async for message in ws:
                            if message.type == aiohttp.WSMsgType.TEXT:
                                self.receive(json.loads(message.data))
                except aiohttp.WSServerHandshakeError as exc:
                    self.problem = words.live_connection_refused(exc.status)
                    self._say(self.problem)
                    return
                except (aiohttp.ClientError, OSError, ValueError):
                    pass  # said below, and tried again
                self._ws = None
                if self.state.get("phase") == "podium":
                    return
                self._say(words.live_connection_lost())
                await asyncio.sleep(RETRY[min(tries, len(RETRY) - 1)])
                tries += 1

    async def send(self, message: dict[str, Any]) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.send_str(json.dumps(message))

    def receive(self, m: dict[str, Any]) -> None:
        kind = m.get("type")
        if kind == "hello":
            if self.secret and self.joined_as:
                self._join(self.joined_as)
            elif m.get("pin") and not self.pin:
                self._ask("pin")
            elif self.name_given:
                self._join(self.name_given)
            else:
                self._ask("name")
        elif kind == "joined":
            self.joined_as, self.secret = str(m["name"]), str(m["secret"])
            self._say(words.live_joined_as(self.joined_as))
        elif kind == "refused":
            self._say(str(m.get("message", "")))
            if self.joined_as is None:
                self._ask("pin" if m.get("code") == "pin" else "name")
        elif kind == "ack":
            self.sent = True
            self._say(words.live_sent())
            self.draw()
        elif kind == "removed":
            self.secret, self.joined_as = None, None
            self.state = {}
            self._say(words.live_removed_you())
            self.draw()
        elif kind == "state":
            moved = (m.get("phase"), m.get("index")) != (
                self.state.get("phase"),
                self.state.get("index"),
            )
            self.state = m
            if moved:
                self.picked, self.sent = [], bool(m.get("answered"))
            typed = m.get("phase") == "question" and m.get("shape") in ("text", "number")
            self._ask("answer" if typed and not self.sent else "")
            self.draw()

    def _join(self, name: str) -> None:
        self.run_worker(
            self.send({"type": "join", "name": name, "secret": self.secret, "pin": self.pin})
        )

    # -- keys -----------------------------------------------------------------------------

    def _ask(self, what: str) -> None:
        self.asking = what
        entry = self.query_one("#entry", Input)
        entry.display = bool(what)
        entry.value = ""
        entry.placeholder = words.live_field(what)
        if what:
            entry.focus()
        else:  # digits and Enter go to the game, not to a hidden field
            self.screen.set_focus(None)

    @on(Input.Submitted)
    async def submitted(self, event: Input.Submitted) -> None:
        value = event.value
        if self.asking == "pin":
            self.pin = value.strip()
            if self.name_given:
                self._join(self.name_given)
            else:
                self._ask("name")
        elif self.asking == "name":
            self.name_given = value
            self._join(value)
        elif self.asking == "answer" and value.strip():
            await self._answer(value)

    async def on_key(self, event: events.Key) -> None:
        s = self.state
        if self.asking or s.get("phase") != "question" or self.sent or not event.character:
            return
        if not event.character.isdigit():
            return
        i = int(event.character) - 1
        if not 0 <= i < len(s.get("options", ())):
            return
        event.stop()
        if s["shape"] == "one":
            await self._answer(i)
        elif s["shape"] == "many":
            self.picked = sorted(set(self.picked) ^ {i})
        elif s["shape"] == "order" and i not in self.picked:
            self.picked.append(i)
        self.draw()

    async def action_send(self) -> None:
        s = self.state
        if s.get("phase") != "question" or self.sent:
            return
        complete = s["shape"] == "order" and len(self.picked) == len(s["options"])
        if s["shape"] == "many" or complete:
            await self._answer(list(self.picked))

    def action_again(self) -> None:
        if not self.asking:
            self.picked = []
            self.draw()

    async def _answer(self, response: object) -> None:
        self._say(words.live_sending())
        await self.send({"type": "answer", "question": self.state["index"], "response": response})

    # -- the screen -------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.said = text
        self._status()

    def _status(self) -> None:
        s = self.state
        head = Text()
        if self.joined_as:
            head.append_text(_t(self.joined_as, "bold"))
            head.append(f" · {words.live_score(int(s.get('score', 0)))} · ")
        head.append_text(_t(self.said))
        self.query_one("#status", Static).update(head)

    def draw(self) -> None:
        s = self.state
        phase = s.get("phase")
        out = Text()
        if phase == "lobby":
            out.append(words.live_you_are_in(), style="bold")
        elif phase == "question":
            out.append(words.live_question_of(s["index"] + 1, s["total"]) + "\n\n", style="dim")
            out.append_text(_t(s["prompt"], "bold"))
            out.append("\n\n")
            for i, option in enumerate(s.get("options", ())):
                mark = ""
                if s["shape"] == "many":
                    mark = "[x] " if i in self.picked else "[ ] "
                elif s["shape"] == "order" and i in self.picked:
                    mark = f"({self.picked.index(i) + 1}) "
                out.append(f" {i + 1} {SHAPES[i % 4]} {mark}", style="bold")
                out.append_text(_t(option))
                out.append("\n")
            hint = words.live_how_to_answer(s["shape"])
            out.append("\n" + (words.live_sent() if self.sent else hint))
        elif phase == "reveal":
            out.append(words.live_verdict(s["verdict"]) + "\n", style="bold")
            out.append(words.live_points(int(s["points"]), int(s.get("bonus") or 0)) + "\n")
            if s.get("given") is not None:
                out.append_text(_t(words.live_your_answer(s["given"]) + "\n"))
            out.append_text(_t(words.live_the_answer() + str(s["answer"]) + "\n"))
            if s.get("rank"):
                out.append(words.live_your_place(int(s["rank"])) + "\n")
            quote = s.get("quote")
            if quote:
                out.append_text(_t("\n" + words.live_from(str(s.get("noun"))) + "\n", "bold"))
                out.append_text(_t(quote["before"]))
                out.append_text(_t(quote["marked"], "bold reverse"))
                out.append_text(_t(quote["after"]))
        elif phase in ("leaderboard", "podium"):
            out.append(words.live_board(phase == "podium") + "\n\n", style="bold")
            for row in s.get("board", ()):
                out.append(f"{row['rank']:>3}. ")
                out.append_text(_t(row["name"], "bold"))
                out.append(f"  {row['score']}\n")
            if s.get("rank"):
                out.append("\n" + words.live_your_standing(int(s["rank"]), int(s["score"])))
        self.shown = out
        self.query_one("#body", Static).update(out)
        self._status()
