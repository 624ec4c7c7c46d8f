"""The home screen: choose a pack, a mode, how many questions, which kinds and topics."""

from __future__ import annotations

import random

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)

from quiz.generate.question import KINDS
from quiz.packs.model import Pack
from quiz.packs.registry import DEFAULT_PACK, Catalog
from quiz.scoring import Rules
from quiz.session import RoundSpec

KIND_LABELS = {
    "choice": "Multiple choice",
    "true_false": "True or false",
    "typed": "Typed answer",
    "number": "Number",
    "multi": "Select all that apply",
    "order": "Time order",
    "evidence": "Which sentence proves it?",
}


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", priority=True),
        Binding("escape", "app.quit", "Quit"),
    ]

    def __init__(self, catalog: Catalog, rules: Rules) -> None:
        super().__init__()
        self.catalog = catalog
        self.rules = rules

    def compose(self) -> ComposeResult:
        packs = self.catalog.packs
        default = next(
            (p.id for p in packs if p.id == DEFAULT_PACK), packs[0].id if packs else None
        )
        with VerticalScroll(id="home"):
            yield Static("quiz — learn from the source, every answer quoted", classes="title")
            if self.catalog.problems:
                yield Static(
                    Content(
                        f"{len(self.catalog.problems)} problem(s) in pack files "
                        "were skipped; run `quiz check` to see them."
                    ),
                    classes="warning",
                )
            yield Label("Pack")
            yield Select(
                [(Content(p.title), p.id) for p in packs],
                value=default or Select.NULL,
                allow_blank=False,
                id="pack",
            )
            yield Static(id="pack-info", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Mode")
                    with RadioSet(id="mode"):
                        yield RadioButton("Practice", value=True)
                        yield RadioButton("Review (coming soon)", disabled=True)
                        yield RadioButton("Exam (coming soon)", disabled=True)
                with Vertical():
                    yield Label("Questions")
                    yield Input("10", type="integer", id="count")
            yield Label("Question kinds")
            yield SelectionList[str](*((KIND_LABELS[k], k, True) for k in KINDS), id="kinds")
            yield Label("Topics (none selected: all)")
            yield SelectionList[str](id="topics")
            yield Button("Start  (Ctrl+S)", variant="primary", id="start")
        yield Footer()

    def on_mount(self) -> None:
        self._show_pack()

    def _pack(self) -> Pack | None:
        value = self.query_one("#pack", Select).value
        return self.catalog.find(str(value)) if isinstance(value, str) else None

    @on(Select.Changed, "#pack")
    def _show_pack(self) -> None:
        pack = self._pack()
        topics = self.query_one("#topics", SelectionList)
        topics.clear_options()
        if pack is None:
            self.query_one("#pack-info", Static).update("No packs found.")
            return
        source = next(iter(pack.sources.values()))
        self.query_one("#pack-info", Static).update(
            f"{len(pack.facts)} facts · from “{source.title}”, {source.publisher}"
        )
        topics.add_options([(Content(t), t) for t in pack.topics])

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        pack = self._pack()
        if pack is None:
            self.notify("Choose a pack first.", severity="warning")
            return
        try:
            count = int(self.query_one("#count", Input).value)
        except ValueError:
            count = 0
        if not 1 <= count <= 200:
            self.notify("Questions: a number from 1 to 200.", severity="warning")
            return
        kinds = tuple(self.query_one("#kinds", SelectionList).selected)
        if not kinds:
            self.notify("Choose at least one kind of question.", severity="warning")
            return
        topics = tuple(self.query_one("#topics", SelectionList).selected) or None
        spec = RoundSpec(pack, count, kinds, topics, self.rules)
        session = spec.start(random.SystemRandom().randrange(10**6))
        if not session.questions:
            self.notify("No questions match these kinds and topics.", severity="warning")
            return
        from quiz.tui.screens.play import PlayScreen

        self.app.push_screen(PlayScreen(session))
