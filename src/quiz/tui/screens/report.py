"""The class report in the app: the same figures as `quiz report` (quiz.classroom.report)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz import lang, words
from quiz.classroom.report import Report, difficulty, percent
from quiz.lang import N_, _
from quiz.tui.literal import literal, literal_cell
from quiz.tui.widgets.footer import QuizFooter
from quiz.words import minutes
from quiz.words import status as status_words

SHADE = {"weak": "shade-weak", "fair": "shade-fair", "strong": "shade-strong"}
# "#", "Right" and "Difficulty" (3 + 5 + 10), a cell's padding on each side of five
# columns (10), the screen's padding (4) and a scrollbar (2)
FIXED_COLUMNS = 34


class ReportScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", N_("Back"))]

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        rep, res = self.report, self.report.results
        mean = rep.mean_percent
        with VerticalScroll(id="report"):
            yield Static(
                literal(_("Class report: {title}").format(title=rep.title)), classes="title"
            )
            yield Static(
                _("Paper {code}").format(code=rep.code)
                + f" · {words.questions(len(res.questions))} · "
                + words.n_sittings(len(res.sittings))
                + (
                    " · " + _("average {percent}").format(percent=lang.percent(mean))
                    if mean is not None
                    else ""
                ),
                id="report-meta",
                markup=False,
            )
            if not res.sittings:
                yield Static(
                    _(
                        "Nobody has sat this paper here yet: students' results files come in "
                        "with `quiz results import FILE…`."
                    ),
                    markup=False,
                )
            yield Static(_("Questions"), classes="title")
            yield self._questions()
            yield Static(
                _("The wrong answers chosen most, and why they are wrong"), classes="title"
            )
            for m in rep.misconceptions:
                yield Static(
                    literal(
                        _(
                            "• Question {number}: {prompt}\n"
                            "  {count} of {answered} answered “{choice}”. "
                            "Why it is wrong: {reason}\n  The source: “{quote}”"
                        ).format(
                            number=m.number,
                            prompt=m.question.prompt,
                            count=m.choice.count,
                            answered=m.answered,
                            choice=m.choice.text,
                            reason=m.reason,
                            quote=m.quote.text,
                        )
                    ),
                    classes="misconception",
                )
            yield Static(
                _("The source, shaded by how often the class got its facts wrong"), classes="title"
            )
            yield Static(
                _(
                    "red: half the marks or more lost · yellow: a fifth or more · green: less · "
                    "plain: not asked about (a blank loses every mark, as a wrong answer does)"
                ),
                classes="label",
            )
            for p in rep.paragraphs:
                if p.error is None:
                    yield Static(literal(p.text), classes="para shade-unseen")
                    continue
                yield Static(
                    literal(
                        _("{percent} wrong").format(percent=percent(p.error))
                        + f" · {p.asked}\n{p.text}"
                    ),
                    classes=f"para {SHADE[p.shade]}",
                )
            yield Static(_("Students"), classes="title")
            yield self._students()
        yield QuizFooter()

    def _questions(self) -> DataTable[str]:
        """Long prompts and answers wrap within their columns, which share what the screen
        leaves (a table wider than the screen cut them off at its edge)."""
        table: DataTable[str] = DataTable(id="report-questions", cursor_type="none")
        table.add_columns("#", _("Right"), _("Difficulty"))
        room = max(40, self.app.size.width - FIXED_COLUMNS)
        table.add_column(_("Wrong answer chosen most"), width=room * 2 // 5)
        table.add_column(_("Question"), width=room - room * 2 // 5)
        for st in self.report.questions:
            top = st.wrong_choices[0] if st.wrong_choices else None
            table.add_row(
                str(st.number),
                percent(st.share_right),
                _(difficulty(st.share_right)),
                literal_cell(f"{top.text} ({top.count})" if top else "–"),  # type: ignore[arg-type]
                literal_cell(st.question.prompt),  # type: ignore[arg-type]
                height=None,  # as tall as its longest cell, wrapped
            )
        return table

    def _students(self) -> DataTable[str]:
        table: DataTable[str] = DataTable(id="report-students", cursor_type="none")
        table.add_columns(
            _("Name"),
            _("Score"),
            "%",
            _("Right"),
            _("Partly right"),
            _("Wrong"),
            _("Blank"),
            _("Time"),
            _("Status"),
        )
        for s in self.report.results.sittings:
            table.add_row(
                literal_cell(s.player),  # type: ignore[arg-type]
                str(s.score),
                lang.percent(s.percent),
                str(s.right),
                str(s.partial),
                str(s.wrong),
                str(s.blank),
                minutes(s.seconds),
                status_words(s.status),
            )
        return table
