"""The round: a question, the player's answer, then feedback with the passage in context.

The screen only shows what the Session says: it forwards the response and
displays the outcome. Pack text goes through `literal(...)` (quiz.tui.literal)
everywhere, so a prompt holding "[bold]" or "[@click=app.quit]" shows as typed.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from quiz.kinds import KINDS
from quiz.present import answer_text, clock_text, noun_of, quotes_of, why_not
from quiz.question import DONT_KNOW, InvalidResponse, Many, Order, Response
from quiz.session import Outcome, Phase, Session, TimeUp
from quiz.tui.literal import literal
from quiz.tui.screens.modals import ConfirmQuit
from quiz.tui.widgets.answers import AnswerList, Mode, key_hint
from quiz.tui.widgets.passage import Passage
from quiz.tui.widgets.status import StatusBar


def speed_note(session: Session, o: Outcome) -> str:
    """How the speed rule counted this answer, so its points are no mystery."""
    rules = session.rules
    if not rules.speed_bonus:
        return ""
    if o.seconds <= rules.grace:
        return f" (in {o.seconds:.1f} s: full speed points)"
    return f" (in {o.seconds:.1f} s of {rules.time_limit:.0f}: the faster, the more)"


def _mode(session: Session) -> Mode:
    key = session.current.key
    return "multi" if isinstance(key, Many) else "order" if isinstance(key, Order) else "single"


def text(value: str) -> Content:
    """Pack text as literal content: never parsed as markup."""
    return literal(value)


class Body(VerticalScroll):
    """The question and its feedback. A click on the text leaves the keyboard focus where it
    was, so keys 1–9 still answer after the player clicks on the prompt."""

    def focus_on_click(self) -> bool:
        return False


class PlayScreen(Screen[str]):
    """Dismissed with "done" when the round is over, or "left" when the player leaves it."""

    BINDINGS = [
        Binding("enter,space", "next", "Next", priority=False),
        Binding("s", "source", "Source"),
        Binding("q,escape", "quit_round", "Leave round"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @property
    def exam(self) -> bool:
        """Answers marked only at the end: no verdict, score or source until then."""
        return not self.session.shows_feedback

    def compose(self) -> ComposeResult:
        # The first question is built here, with the screen, rather than mounted after it:
        # one layout pass less before the player sees it.
        q = self.session.current
        yield StatusBar(id="status")
        with Body(id="body"):
            yield Static(text(q.prompt), id="prompt")
            yield Static(key_hint(KINDS[q.kind].key_hint, len(q.options)), id="hint", markup=False)
            with Vertical(id="answer"):
                yield self._answer_widget()
            yield Vertical(id="feedback")
        yield Footer()

    def on_mount(self) -> None:
        short = self.session.spec.shortfall(self.session.total)
        if short:
            self.notify(short)
        if self.exam:  # nothing on screen may tell a right answer from a wrong one
            for label in self.query_one(StatusBar).query("#score, #streak"):
                label.display = False
        self._update_status()
        self.query_one("#feedback", Vertical).display = False
        self._focus_answer()
        if self.session.rules.speed_bonus or self.session.spec.time_limit:
            self.set_interval(0.25, self._update_clock)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next", "source"):
            return self.session.phase is Phase.FEEDBACK
        return True

    # -- asking ---------------------------------------------------------------------

    def _answer_widget(self) -> AnswerList | Vertical:
        q = self.session.current
        if q.options:
            return AnswerList(
                q.options, _mode(self.session), preselect=self.session.shows_feedback, id="options"
            )
        placeholder = "a number" if q.kind == "number" else "your answer"
        return Vertical(
            Input(placeholder=f"Type {placeholder}, then Enter", id="typed"),
            Button(
                # in an exam nothing is shown until the end: the button only skips
                "I don't know" if self.exam else "I don't know (shows the answer)",
                id="dont-know",
                compact=True,
            ),
            id="typed-box",
        )

    def _focus_answer(self) -> None:
        answer = self.query_one("#answer", Vertical)
        for target in (*answer.query(AnswerList), *answer.query(Input)):
            target.focus(scroll_visible=False)
            break
        # The prompt's first line stays in view: focusing must not scroll past it.
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)

    async def show_question(self) -> None:
        q = self.session.current
        self._update_status()
        self.query_one("#prompt", Static).update(text(q.prompt))
        hint = self.query_one("#hint", Static)
        hint.update(key_hint(KINDS[q.kind].key_hint, len(q.options)))
        hint.display = True
        feedback = self.query_one("#feedback", Vertical)
        await feedback.remove_children()
        feedback.display = False
        answer = self.query_one("#answer", Vertical)
        await answer.remove_children()
        answer.display = True
        await answer.mount(self._answer_widget())
        self._focus_answer()
        self.refresh_bindings()

    def _update_status(self) -> None:
        s = self.session
        bar = self.query_one(StatusBar)
        bar.score, bar.streak = s.score, s.streak
        bar.position = (s.index + 1, s.total, s.index + (s.phase is Phase.FEEDBACK))
        self._update_clock()

    def _update_clock(self) -> None:
        """The time left in a timed round (and its end when it runs out); with the speed
        bonus on, the seconds on this question (what the points depend on)."""
        s = self.session
        left = s.time_left()
        if left is not None:
            self.query_one(StatusBar).clock = f"Time left {clock_text(left)}"
            if left == 0 and s.phase is Phase.ASKING:
                s.expire()
                # Whatever is open over the round (the rules, "leave?") closes with it: a
                # dismissed screen pops the top of the stack, which must be this one.
                while self.app.screen is not self and self in self.app.screen_stack:
                    self.app.pop_screen()
                self.dismiss("done")
        elif s.rules.speed_bonus and s.phase is Phase.ASKING:
            self.query_one(StatusBar).clock = f"⏱ {s.seconds_on_question():.0f} s"

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
            self.notify("Type your answer first, or choose “I don't know”.", severity="warning")

    @on(Button.Pressed, "#dont-know")
    def _dont_know(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit(DONT_KNOW)

    def submit(self, response: Response) -> None:
        if self.session.phase is not Phase.ASKING:
            return
        try:
            outcome = self.session.answer(response)
        except InvalidResponse as exc:
            self.notify(str(exc), severity="warning")
            return
        except TimeUp:
            self.dismiss("done")
            return
        self.app.clear_notifications()  # a notice about an earlier try no longer applies
        if self.session.shows_feedback:
            self.show_feedback(outcome)
        elif self.session.phase is Phase.FINISHED:
            self.dismiss("done")
        else:
            self.run_worker(self.show_question(), exclusive=True)

    # -- feedback -------------------------------------------------------------------

    def show_feedback(self, o: Outcome) -> None:
        q = o.question
        self._update_status()
        # The options give way to the feedback (which names the answer given and the right
        # one), so the question and why stay on one screen.
        self.query_one("#answer", Vertical).display = False
        self.query_one("#hint", Static).display = False
        if o.correct:
            bonus = f"  +{o.streak_bonus} streak bonus" if o.streak_bonus else ""
            note = f"  ({o.grade.note})" if o.grade.note else ""
            speed = speed_note(self.session, o)
            verdict, style = f"✔ Right!  +{o.points}{speed}{bonus}{note}", "right"
        elif o.points:
            verdict, style = f"◐ Partly right: +{o.points} ({o.grade.note})", "partial"
        else:
            refused = f"  ({o.grade.note})" if o.grade.note else ""  # why a close answer was no
            verdict, style = f"✘ Wrong{refused}", "wrong"
        parts: list[Static] = [Static(verdict, classes=f"verdict {style}", markup=False)]
        if not o.correct:
            parts.append(Static(text(f"You answered: {o.response_text}"), classes="given"))
        # Right or wrong, the correct answer is stated (the explanation may not name it).
        parts.append(Static(text(f"Answer: {answer_text(q)}"), classes="correct"))
        parts.append(Static(text(q.explanation), classes="explanation"))
        why = why_not(o)
        if why is not None:
            parts.append(
                Static(
                    text(
                        f"Why not “{o.response_text}”: {why.statement} "
                        f"The {noun_of(self.session.pack, why.quote)}: “{why.quote.text}”"
                    ),
                    classes="why",
                )
            )
        pack = self.session.pack
        noun = noun_of(pack, q.quote)
        parts.append(Static(text(f"The {noun} says:"), classes="label"))
        parts.extend(Passage(pack, quote, classes="passage") for quote in quotes_of(q))
        hint = f"Enter or Space: next · s: whole {noun}"
        parts.append(Static(text(hint), classes="hint"))
        feedback = self.query_one("#feedback", Vertical)
        feedback.display = True
        feedback.mount_all(parts)
        # The body takes the keys, so ↓, PgDn and End scroll a long explanation at once.
        body = self.query_one("#body", VerticalScroll)
        body.focus(scroll_visible=False)
        body.scroll_home(animate=False)
        self.refresh_bindings()

    async def action_next(self) -> None:
        if self.session.phase is not Phase.FEEDBACK:
            return
        self.session.next()
        if self.session.phase is Phase.FINISHED:
            self.dismiss("done")
        else:
            await self.show_question()

    def action_source(self) -> None:
        if self.session.phase is Phase.FEEDBACK:
            from quiz.tui.screens.source import SourceScreen

            self.app.push_screen(SourceScreen(self.session.pack, self.session.current.quote))

    def action_quit_round(self) -> None:
        """Leave the round. Once answers are given, ask first (they are kept either way)."""

        def leave(confirmed: bool | None = True) -> None:
            if confirmed and self.session.phase is not Phase.FINISHED:
                self.session.leave()
                self.dismiss("left")

        if self.exam:  # leaving an exam hands it in, answered or not: always ask
            self.app.push_screen(ConfirmQuit(exam=True), leave)
        elif self.session.in_progress:
            self.app.push_screen(ConfirmQuit(), leave)
        else:
            leave()


class ExamScreen(PlayScreen):
    """A round of an exam paper: the same screen, but leaving it hands the paper in."""

    BINDINGS = [Binding("q,escape", "quit_round", "Hand in")]
