"""The end of an exam: the score, then every question with the answer given, the right one,
why, and the passage that proves it. The source reader opens here, never during the exam."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quiz import words
from quiz.classroom.marking import Mark, Marked
from quiz.classroom.review import score_line, why_wrong
from quiz.lang import N_
from quiz.packs.model import Pack
from quiz.round.viewing import passage, quotes_of
from quiz.tui.host import Next
from quiz.tui.literal import literal
from quiz.tui.widgets.footer import QuizFooter
from quiz.tui.widgets.passage import Passage

STYLE = {"right": "right", "partial": "partial", "wrong": "wrong", "blank": "wrong"}


class ReviewItem(Vertical):
    """One question of the paper; focus it (Tab) and press s to read it in the source."""

    can_focus = True

    def __init__(self, pack: Pack, mark: Mark) -> None:
        super().__init__(classes="review-item")
        self.pack, self.mark = pack, mark

    def compose(self) -> ComposeResult:
        m, q = self.mark, self.mark.question
        yield Static(literal(f"{m.number}. {q.prompt}"), classes="review-prompt")
        yield Static(
            literal(words.your_answer(m.response_text, m.result, m.points, m.note)),
            classes=f"verdict {STYLE[m.result]}",
        )
        yield Static(literal(words.answer(q.answer_text())), classes="correct")
        if q.explanation:
            yield Static(literal(q.explanation), classes="explanation")
        why = why_wrong(m)
        if why is not None:
            yield Static(literal(words.why_not(m.response_text, why)), classes="why")
        for quote in quotes_of(q):
            yield Passage(passage(self.pack, quote), classes="passage")


class ExamReviewScreen(Screen[Next]):
    """Dismissed with where the player goes next."""

    BINDINGS = [
        Binding("s", "source", N_("Source of this question")),
        Binding("h", "choose('home')", N_("Home")),
        Binding("q,escape", "leave", N_("Done")),
    ]

    def __init__(
        self, pack: Pack, marked: Marked, note: str | None, leave: Next, hand_in: str | None = None
    ) -> None:
        super().__init__()
        self.pack, self.marked, self.note, self.leave_to = pack, marked, note, leave
        self.hand_in = hand_in

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="exam-review"):
            yield Static(literal(words.paper_review_title(self.pack.title)), classes="title")
            if self.note:
                yield Static(literal(self.note), id="exam-note", classes="warning")
            yield Static(literal(score_line(self.marked)), id="exam-score")
            if self.hand_in:
                yield Static(literal(self.hand_in), id="exam-hand-in")
            yield Static(words.paper_review_keys(), classes="label", markup=False)
            for mark in self.marked.marks:
                yield ReviewItem(self.pack, mark)
        yield QuizFooter()

    def action_source(self) -> None:
        from quiz.tui.screens.source import SourceScreen

        focused = self.focused
        item = focused if isinstance(focused, ReviewItem) else self.query(ReviewItem).first()
        self.app.push_screen(SourceScreen(self.pack, item.mark.question.quote))

    def action_choose(self, what: str) -> None:
        self.dismiss(Next(what))

    def action_leave(self) -> None:
        self.dismiss(self.leave_to)


class HandedInScreen(Screen[None]):
    """A served sitting handed in while its key is withheld (quiz.seat.withholds_key): that it
    is handed in, and the answers given; no marks, no right answers, no source. Dismissed
    when the student is done reading, and the tab ends."""

    BINDINGS = [Binding("q,escape", "leave", N_("Close"))]

    def __init__(self, pack: Pack, marked: Marked) -> None:
        super().__init__()
        self.pack, self.marked = pack, marked

    def compose(self) -> ComposeResult:
        m = self.marked
        with VerticalScroll(id="exam-review"):
            yield Static(literal(words.handed_in_title(self.pack.title)), classes="title")
            yield Static(literal(words.handed_in_note(m.player, m.paper)), id="handed-in")
            yield Static(words.handed_in_keys(), classes="label", markup=False)
            for mark in m.marks:
                given = words.given_answer(mark.number, mark.question.prompt, mark.response_text)
                yield Static(literal(given), classes="review-prompt given")
        yield QuizFooter()

    def action_leave(self) -> None:
        self.dismiss(None)
