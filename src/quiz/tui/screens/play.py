"""The round: a question, the player's answer, then feedback with the passage in context.

The screen only shows what the Session says: it forwards the response and
displays the outcome. Pack text goes through `literal(...)` (quiz.tui.literal)
everywhere, so a prompt holding "[bold]" or "[@click=app.quit]" shows as typed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.lazy import Lazy
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from quiz import words
from quiz.lang import N_
from quiz.question import DONT_KNOW, Response
from quiz.round.codes import EndReason, Shape, Verdict
from quiz.round.driver import (
    Answered,
    Driver,
    Event,
    QuestionShown,
    Refused,
    RoundEnded,
    SelfPaced,
)
from quiz.round.viewing import main_passage
from quiz.round.views import FeedbackView, QuestionView
from quiz.session import Session
from quiz.tui.literal import literal
from quiz.tui.screens.modals import ConfirmQuit
from quiz.tui.widgets.answers import AnswerList, Mode
from quiz.tui.widgets.footer import LateFooter
from quiz.tui.widgets.passage import Passage
from quiz.tui.widgets.status import StatusBar

MODES: dict[Shape, Mode] = {Shape.ONE: "single", Shape.MANY: "multi", Shape.ORDER: "order"}
MARKS = {Verdict.RIGHT: "✔", Verdict.PARTIAL: "◐", Verdict.WRONG: "✘"}


def text(value: str) -> Content:
    """Pack text as literal content: never parsed as markup."""
    return literal(value)


class Body(VerticalScroll):
    """The question and its feedback. A click on the text leaves the keyboard focus where it
    was, so keys 1–9 still answer after the player clicks on the prompt."""

    def focus_on_click(self) -> bool:
        return False


class PlayScreen(Screen[EndReason]):
    """A round, shown as its driver tells it. Dismissed with how the round ended (LEFT when
    the player left it)."""

    CSS_PATH = "play.tcss"  # read when a round is first shown (see first.tcss)
    BINDINGS = [
        Binding("enter,space", "next", N_("Next"), priority=False),
        Binding("s", "source", N_("Source")),
        Binding("q,escape", "quit_round", N_("Leave round")),
    ]

    @dataclass
    class RoundEvent(Message):
        """What the driver said, in the screen's own queue (in the order it was said)."""

        event: Event

    def __init__(
        self, session: Session, *, driver: Driver | None = None, pending: Response | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self._pending = pending  # the first question's answer, given before it was up here
        self.driver: Driver = driver or SelfPaced(session)
        self.asking: QuestionView | None = self.driver.current
        self.feedback: FeedbackView | None = None
        self.refused_to: QuestionView | None = None  # the question an answer was sent for
        self._refused = False  # a refusal's notice is up (a valid answer takes it down)
        # Everything asked of the driver runs here, one call after another: an answer's
        # commit to the store (a PostgreSQL round trip, a lock) never holds up the screen,
        # the calls keep their order, and the feedback comes only once the answer is kept.
        self._calls = ThreadPoolExecutor(max_workers=1, thread_name_prefix="round")
        self._asked: set[Future[object]] = set()  # calls not yet answered
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def exam(self) -> bool:
        """Answers marked only at the end: no verdict, score or source until then."""
        return not self.session.shows_feedback

    def compose(self) -> ComposeResult:
        # The first question is built here, with the screen, rather than mounted after it:
        # one layout pass less before the player sees it.
        view = self.asking
        assert view is not None, "a round on screen has a question to ask"
        yield StatusBar(id="status")
        with Body(id="body"):
            yield Static(text(view.prompt), id="prompt")
            yield Static(words.key_hint(view.kind, len(view.options)), id="hint", markup=False)
            with Vertical(id="answer"):
                yield self._answer_widget(view)
            yield Vertical(id="feedback")
        # The keys come a frame later: styling the footer and its keys would delay the question.
        yield Lazy(LateFooter())

    def on_mount(self) -> None:
        short = self.session.spec.shortfall(self.session.total)
        if short is not None:
            self.notify(words.shortfall(short), markup=False)
        if self.exam:  # nothing on screen may tell a right answer from a wrong one
            for label in self.query_one(StatusBar).query("#score, #streak"):
                label.display = False
        assert self.asking is not None
        self._update_status(self.asking)
        self.query_one("#feedback", Vertical).display = False
        self._focus_answer()
        self._loop = asyncio.get_running_loop()
        self.driver.subscribe(self._heard)
        if self.asking.timed or self.asking.speed:
            self.set_interval(0.25, self._tick)
        if self._pending is not None:
            self.submit(self._pending)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.feedback is not None and self.driver.player_paces
        if action == "source":
            return self.feedback is not None
        return True

    # -- what the driver says --------------------------------------------------------

    def on_unmount(self) -> None:
        self._calls.shutdown(wait=False)  # what was asked still runs; nothing new is

    def ask(self, call: Callable[[], object]) -> Future[object]:
        """Ask the driver something off the UI loop, after whatever was asked before."""
        asked = self._calls.submit(call)
        self._asked.add(asked)
        asked.add_done_callback(self._asked.discard)
        return asked

    @property
    def busy(self) -> bool:
        """The driver is still working on something asked (its events are yet to come)."""
        return bool(self._asked)

    def _heard(self, event: Event) -> None:
        """The driver speaks on the round's thread: the event joins the screen's queue."""
        if self._loop is None:
            return
        with suppress(RuntimeError):  # the app has closed its loop: nobody is watching
            self._loop.call_soon_threadsafe(self.post_message, self.RoundEvent(event))

    @on(RoundEvent)
    async def _round_event(self, message: RoundEvent) -> None:
        event = message.event
        if isinstance(event, QuestionShown):
            await self.show_question(event.view)
        elif isinstance(event, Refused):  # the same question, to be answered again
            self.asking = self.refused_to
            self.notify(words.refusal(event.error), severity="warning", markup=False)
            self._refused = True
        elif isinstance(event, Answered):
            if self._refused:  # a notice about an earlier try no longer applies
                self._refused = False
                self.app.clear_notifications()
            self.asking = None
            if event.feedback is not None:
                self.show_feedback(event.feedback)
        elif isinstance(event, RoundEnded):
            # Whatever is open over the round (the rules, "leave?") closes with it: a
            # dismissed screen pops the top of the stack, which must be this one.
            while self.app.screen is not self and self in self.app.screen_stack:
                self.app.pop_screen()
            self.dismiss(event.summary.end)

    def _tick(self) -> None:
        """The clock: the driver decides whether the time is up; the screen shows what is
        left (or, with the speed bonus, the seconds on this question)."""
        left = self.driver.time_left()
        bar = self.query_one(StatusBar)
        if left is not None:
            self.ask(self.driver.tick)
            bar.clock = words.time_left(left)
        elif self.asking is not None and self.asking.speed:
            bar.clock = words.on_question(self.driver.seconds_on_question())

    # -- asking ---------------------------------------------------------------------

    def _answer_widget(self, view: QuestionView) -> AnswerList | Vertical:
        if view.options:
            return AnswerList(
                view.options, MODES[view.shape], preselect=not view.exam, id="options"
            )
        placeholder = words.typed_placeholder(view.shape is Shape.NUMBER)
        return Vertical(
            Input(placeholder=placeholder, id="typed"),
            Button(words.dont_know_button(view.exam), id="dont-know", compact=True),
            id="typed-box",
        )

    def _focus_answer(self) -> None:
        answer = self.query_one("#answer", Vertical)
        for target in (*answer.query(AnswerList), *answer.query(Input)):
            target.focus(scroll_visible=False)
            break
        # The prompt's first line stays in view: focusing must not scroll past it.
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)

    async def show_question(self, view: QuestionView) -> None:
        self.asking, self.feedback = view, None
        self._update_status(view)
        self.query_one("#prompt", Static).update(text(view.prompt))
        hint = self.query_one("#hint", Static)
        hint.update(words.key_hint(view.kind, len(view.options)))
        hint.display = True
        feedback = self.query_one("#feedback", Vertical)
        await feedback.remove_children()
        feedback.display = False
        answer = self.query_one("#answer", Vertical)
        await answer.remove_children()
        answer.display = True
        await answer.mount(self._answer_widget(view))
        self._focus_answer()
        self.refresh_bindings()

    def _update_status(self, view: QuestionView) -> None:
        bar = self.query_one(StatusBar)
        bar.score, bar.streak, bar.review = view.score, view.streak, view.review
        bar.position = (view.index + 1, view.total, view.index)
        self._tick()

    @on(AnswerList.Answered)
    def _answered(self, event: AnswerList.Answered) -> None:
        event.stop()
        self.submit(event.response)

    @on(Input.Submitted, "#typed")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.submit(event.value)
        else:
            self.notify(words.type_first(), severity="warning", markup=False)

    @on(Button.Pressed, "#dont-know")
    def _dont_know(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit(DONT_KNOW)

    def submit(self, response: Response) -> None:
        """One answer per question: a second key before the driver has replied is not taken
        for the next question's answer (an exam moves straight on)."""
        if self.asking is None:
            return
        self.refused_to, self.asking = self.asking, None
        self.ask(lambda: self.driver.answer(response))

    # -- feedback -------------------------------------------------------------------

    def show_feedback(self, fb: FeedbackView) -> None:
        self.feedback = fb
        bar = self.query_one(StatusBar)
        bar.score, bar.streak = fb.score, fb.streak
        bar.position = (fb.index + 1, fb.total, fb.index + 1)
        # The options give way to the feedback (which names the answer given and the right
        # one), so the question and why stay on one screen.
        self.query_one("#answer", Vertical).display = False
        self.query_one("#hint", Static).display = False
        parts: list[Static] = []
        passages = iter(fb.passages)
        for part, line in words.feedback(fb):
            if part is words.Part.VERDICT:
                style = fb.verdict.value
                parts.append(
                    Static(text(f"{MARKS[fb.verdict]} {line}"), classes=f"verdict {style}")
                )
            elif part is words.Part.PASSAGE:
                parts.append(Passage(next(passages), classes="passage"))
            else:
                parts.append(Static(text(line), classes=part.value))
        if self.driver.player_paces:
            parts.append(Static(text(words.next_hint(fb.noun)), classes="hint"))
        feedback = self.query_one("#feedback", Vertical)
        feedback.display = True
        feedback.mount_all(parts)
        # The body takes the keys, so ↓, PgDn and End scroll a long explanation at once.
        body = self.query_one("#body", VerticalScroll)
        body.focus(scroll_visible=False)
        body.scroll_home(animate=False)
        self.refresh_bindings()

    def action_next(self) -> None:
        self.ask(self.driver.next)

    def action_source(self) -> None:
        if self.feedback is not None:
            from quiz.tui.screens.source import SourceScreen

            shown = main_passage(self.feedback.passages)
            if shown is not None:
                self.app.push_screen(SourceScreen(self.session.pack, shown.quote))

    def action_quit_round(self) -> None:
        """Leave the round. Once answers are given, ask first (they are kept either way)."""

        def leave(confirmed: bool | None = True) -> None:
            if confirmed:
                self.ask(self.driver.leave)

        if self.exam:  # leaving an exam hands it in, answered or not: always ask
            self.app.push_screen(ConfirmQuit(exam=True), leave)
        elif self.session.in_progress:
            self.app.push_screen(ConfirmQuit(), leave)
        else:
            leave()


class ExamScreen(PlayScreen):
    """A round of an exam paper: the same screen, but leaving it hands the paper in."""

    BINDINGS = [Binding("q,escape", "quit_round", N_("Hand in"))]
