"""The home screen's form: the choices of a round, filled from the player's last ones.

What a returning player needs to start a round (the pack and the Start button, focused) is
composed with the screen and drawn in its first frame. The rest (mode, count, seed, scoring,
kinds, topics, the paper code) costs Textual about as much again to style and lay out, so it
comes a frame later (`textual.lazy.Lazy`), below the buttons so that nothing the player has
seen moves. Until then the form answers with the player's last choices, which is what those
widgets will show. Every widget is made with its value rather than set after mounting, so no
frame shows a default that is then replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.lazy import Lazy
from textual.message import Message
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)

from quiz.kind_labels import KIND_LABELS, kind_label  # not quiz.kinds, which imports the questions
from quiz.lang import _, ngettext
from quiz.limits import MAX_COUNT
from quiz.packs.model import Pack
from quiz.tui.choices import HomeChoice, HomeData, chosen_pack
from quiz.tui.lifecycle import being_removed
from quiz.tui.literal import literal

MODES = ("practice", "review", "review-all")  # the home screen's (review-all: until none due)


@dataclass(frozen=True)
class Remembered:
    """The player's last choices, checked: what the form's widgets start with."""

    pack: str | Any  # a pack id, or Select.BLANK when there is no pack
    mode: str  # "practice", "review" or "review-all" (until nothing is due)
    count: int
    kinds: frozenset[str]
    streak_bonus: bool
    speed_bonus: bool
    paper: str

    @classmethod
    def of(cls, data: HomeData) -> Remembered:
        prefs = data.prefs
        chosen = chosen_pack([p.id for p in data.catalog.packs], prefs.get("pack"))
        pack = chosen if chosen is not None else Select.BLANK
        count = prefs.get("count")
        kinds = prefs.get("kinds")
        ticked = (
            frozenset(k for k in kinds if k in KIND_LABELS) if isinstance(kinds, list) else None
        )
        streak, speed = prefs.get("streak_bonus"), prefs.get("speed_bonus")
        paper = data.typed_paper if data.typed_paper is not None else prefs.get("paper")
        return cls(
            pack=pack,
            mode=mode if (mode := prefs.get("mode")) in MODES else "practice",
            count=count if isinstance(count, int) and 1 <= count <= MAX_COUNT else 10,
            kinds=ticked or frozenset(KIND_LABELS),  # none remembered: every kind
            streak_bonus=streak if isinstance(streak, bool) else True,
            speed_bonus=speed if isinstance(speed, bool) else False,
            paper=(paper if isinstance(paper, str) else "")[:40],
        )


class HomeForm(Vertical):
    class Filled(Message):
        """The whole form is up (the options below the buttons have been mounted)."""

    def __init__(self, data: HomeData) -> None:
        super().__init__(id="home-form")
        self.data = data
        self.remembered = Remembered.of(data)
        self._shown: str | None = None  # the pack whose facts (and topics, once up) are shown

    def compose(self) -> ComposeResult:
        packs = self.data.catalog.packs
        chosen = self.remembered.pack
        pack = self.data.catalog.find(chosen) if isinstance(chosen, str) else None
        self._shown = pack.id if pack else None
        with Horizontal(classes="row", id="pack-row"):  # one line each: the form fits 80×24
            yield Label(_("Pack:"), id="pack-label")
            yield Select[str](
                [(literal(p.title), p.id) for p in packs],
                id="pack",
                allow_blank=not packs,
                prompt="No packs found" if not packs else "Choose a pack",
                value=chosen,
                compact=True,
            )
        yield Static(self._info(pack), id="pack-info", markup=False)
        with Horizontal(classes="row buttons"):
            yield Button(_("Start (Ctrl+S)"), variant="primary", id="do-start", compact=True)
            yield Button(_("Stats (Ctrl+R)"), id="do-stats", compact=True)
            if self.data.seat.lists_players:
                yield Button(_("Player (Ctrl+O)"), id="do-players", compact=True)
        options = RoundOptions(self)
        # A code that did not open is there to be corrected at once: no frame without it.
        yield options if self.data.typed_paper is not None else Lazy(options)

    @property
    def filled(self) -> bool:
        """Whether the options below the buttons are up, their fields too (else their values are
        remembered). The options widget is attached a moment before its fields: a Ctrl+S in that
        moment (found in a loaded served tab) must not look for fields that are not there yet.
        Its fields are mounted together, so one of them tells."""
        return bool(self.query("RoundOptions #mode-review"))

    @staticmethod
    def _info(pack: Pack | None) -> Content | str:
        if pack is None:
            return _("No pack chosen.")
        source = next(iter(pack.sources.values()))
        n = len(pack.facts)  # not quiz.words: see the module's docstring
        return literal(
            ngettext(
                "{n} fact · from “{title}”, {publisher}",
                "{n} facts · from “{title}”, {publisher}",
                n,
            ).format(n=n, title=source.title, publisher=source.publisher)
        )

    def topics_of(self, pack: Pack | None) -> list[tuple[Content, str, bool]]:
        """The pack's topics, ticked as the player left them for this pack; every one when
        none is remembered. Ticks mean the same in both lists: what is ticked is asked, so
        all ticked is all (a play-test found "all" meaning none ticked here and all ticked
        among the kinds)."""
        if pack is None:
            return []
        prefs = self.data.prefs
        remembered = prefs.get("topics", []) if pack.id == prefs.get("pack") else []
        if not isinstance(remembered, list) or not set(remembered) & set(pack.topics):
            remembered = list(pack.topics)
        return [(literal(t), t, t in remembered) for t in pack.topics]

    @staticmethod
    def topics_label(n: int, total: int) -> str:
        from quiz import words  # after the first frame: the lists are in RoundOptions

        return words.ticked_label(words.topics_word(), n, total)

    @staticmethod
    def kinds_label(k: int) -> str:
        from quiz import words

        return words.ticked_label(words.kinds_word(), k, len(KIND_LABELS))

    def pack(self) -> Pack | None:
        value = self.query_one("#pack", Select).value
        return self.data.catalog.find(value) if isinstance(value, str) else None

    @on(Select.Changed, "#pack")
    def _show_pack(self, event: Select.Changed) -> None:
        """Another pack chosen: its facts and topics (the Select also says so once mounted,
        for the pack the form was composed with: nothing to change, nothing to query then)."""
        if being_removed(self):  # a Changed queued as the form was taken down
            return
        value = event.value
        pack = self.data.catalog.find(value) if isinstance(value, str) else None
        if (pack.id if pack else None) == self._shown:
            return
        self._shown = pack.id if pack else None
        self.query_one("#pack-info", Static).update(self._info(pack))
        try:
            topics = self.query_one("#topics", SelectionList)
        except NoMatches:  # the options are not up yet: they are made for the pack shown
            return
        topics.clear_options()
        topics.add_options(self.topics_of(pack))
        self._show_ticks()

    @on(SelectionList.SelectedChanged)
    def _show_ticks(self) -> None:
        """The labels say what the ticks mean, so 'nothing ticked' is not a puzzle."""
        if being_removed(self):
            return
        topics = self.query_one("#topics", SelectionList)
        self.query_one("#topics-label", Label).update(
            self.topics_label(len(topics.selected), topics.option_count)
        )
        kinds = self.query_one("#kinds", SelectionList)
        self.query_one("#kinds-label", Label).update(self.kinds_label(len(kinds.selected)))

    @dataclass
    class Asked(Message):
        """A button pressed (or Enter in the code field): the screen does what its key does
        (Ctrl+S, Ctrl+R, Ctrl+O, Ctrl+N, Ctrl+G)."""

        action: Literal["start", "stats", "players", "paper", "report"]

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        action = (event.button.id or "").removeprefix("do-")
        if action in ("start", "stats", "players", "paper", "report"):
            event.stop()
            self.post_message(self.Asked(action))  # type: ignore[arg-type]

    @on(Input.Submitted, "#paper")
    def _sit(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Asked("paper"))

    def paper_choice(self, action: Literal["paper", "report"]) -> HomeChoice | None:
        """The paper code typed, or None (with a notice) when there is none to sit; a class
        report without a code is the flow's to find (the one paper sat here, if one)."""
        if not self.filled:  # the code field is not up yet: the remembered code
            code = self.remembered.paper.strip()
            field = None
        else:
            field = self.query_one("#paper", Input)
            code = field.value.strip()
        if not code and action == "report":
            return HomeChoice(action)
        if not code:
            self.notify(_("Type the paper code first."), severity="warning")
            if field is not None:
                field.focus()
            return None
        return HomeChoice(action, paper=code)

    def choice(self, action: Literal["start", "stats"]) -> HomeChoice | None:
        """What the player chose, or None (with a notice) if it is not a round. Before the
        options are up, they are the player's last choices (what the options will show)."""
        pack = self.pack()
        if pack is None:
            self.notify(_("Choose a pack first."), severity="warning")
            return None
        if not self.filled:
            r = self.remembered
            kinds = tuple(k for k in KIND_LABELS if k in r.kinds)
            topics = tuple(t for _, t, on in self.topics_of(pack) if on)
            if len(topics) == len(pack.topics):
                topics = ()  # all of them: no filter (a topic added to the pack is asked too)
            return HomeChoice(
                action,
                pack.id,
                r.mode,
                r.count,
                kinds if set(kinds) != set(KIND_LABELS) else None,
                topics or None,
                None,  # a new random seed: the seed field starts empty
                r.streak_bonus,
                r.speed_bonus,
                r.paper.strip() or None,
            )
        try:
            count = int(self.query_one("#count", Input).value)
        except ValueError:
            count = 0
        if not 1 <= count <= MAX_COUNT:
            self.notify(
                _("Questions: a number from 1 to {n}.").format(n=MAX_COUNT), severity="warning"
            )
            return None
        seed_text = self.query_one("#seed", Input).value.strip()
        seed = int(seed_text) if seed_text.isdigit() else None
        if seed_text and seed is None:
            self.notify(_("Seed: a whole number, or empty for a random one."), severity="warning")
            return None
        kinds = tuple(self.query_one("#kinds", SelectionList).selected)
        if not kinds:
            self.notify(_("Choose at least one kind of question."), severity="warning")
            return None
        topics_list = self.query_one("#topics", SelectionList)
        topics = tuple(topics_list.selected)
        if topics_list.option_count and not topics:
            from quiz import words

            self.notify(words.tick_a_topic(), severity="warning", markup=False)
            return None
        if len(topics) == topics_list.option_count:
            topics = ()  # all of them: no filter
        pressed = self.query_one("#mode", RadioSet).pressed_button
        mode = (pressed.id or "").removeprefix("mode-") if pressed is not None else "practice"
        return HomeChoice(
            action,
            pack.id,
            mode,
            count,
            kinds if set(kinds) != set(KIND_LABELS) else None,
            topics or None,
            seed,
            self.query_one("#streak", Checkbox).value,
            self.query_one("#speed", Checkbox).value,
            self.query_one("#paper", Input).value.strip() or None,
        )


class RoundOptions(Vertical):
    """The form below its buttons: mode, count, seed, scoring, kinds, topics, paper code. Made
    from the form's remembered choices, for the pack the form shows when it is mounted."""

    def __init__(self, form: HomeForm) -> None:
        super().__init__(id="round-options")
        self.form = form

    def compose(self) -> ComposeResult:
        form, r = self.form, self.form.remembered
        topics = form.topics_of(form.pack())
        # a grid, so that on a narrow screen Scoring moves under Mode (the screen's -narrow)
        with Grid(id="round-row"):
            # no "Mode" label: its choices say what they are (and the form keeps to 24 rows)
            with RadioSet(id="mode", compact=True):
                yield RadioButton(_("Practice"), r.mode == "practice", id="mode-practice")
                yield RadioButton(_("Review what is due"), r.mode == "review", id="mode-review")
                yield RadioButton(
                    _("Review all that is due"), r.mode == "review-all", id="mode-review-all"
                )
            with Vertical(classes="small"):
                yield Label(_("Questions"))
                yield Input(str(r.count), type="integer", id="count", max_length=3, compact=True)
            with Vertical(classes="small"):
                yield Label(_("Seed"))
                yield Input(
                    placeholder=_("random"),
                    type="integer",
                    id="seed",
                    max_length=18,
                    compact=True,
                    valid_empty=True,  # empty is a random seed, not a mistake
                )
            with Vertical(id="scoring"):
                yield Label(_("Scoring"))
                yield Checkbox(_("Streak bonus"), r.streak_bonus, id="streak", compact=True)
                yield Checkbox(_("Speed bonus"), r.speed_bonus, id="speed", compact=True)
        with Horizontal(classes="row"):
            with Vertical():
                yield Label(form.kinds_label(len(r.kinds)), id="kinds-label")
                yield SelectionList[str](
                    *((kind_label(k), k, k in r.kinds) for k in KIND_LABELS),
                    id="kinds",
                    compact=True,
                )
            with Vertical():
                ticked = sum(on for *_, on in topics)
                yield Label(form.topics_label(ticked, len(topics)), id="topics-label")
                yield SelectionList[str](*topics, id="topics", compact=True)
        with Grid(id="paper-row"):  # on a narrow screen the report's button wraps
            with Horizontal(id="paper-field"):
                yield Label(_("Paper:"), id="paper-label")
                yield Input(
                    r.paper,
                    placeholder=_("code from your teacher"),
                    id="paper",
                    compact=True,
                    # a code to correct: the cursor at its end, Backspace takes one character
                    select_on_focus=form.data.typed_paper is None,
                )
            yield Button(_("Sit it (Ctrl+N)"), id="do-paper", compact=True)
            if form.data.seat.class_report:
                yield Button(_("Class report (Ctrl+G)"), id="do-report", compact=True)

    def on_mount(self) -> None:
        # Mounted after its children: the whole form is up now.
        self.post_message(HomeForm.Filled())
