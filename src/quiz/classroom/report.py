"""The teacher's report on a paper: what was hard, which wrong answers the class chose and why
they are wrong, which passages of the source it misread, and each student's result.

One model, three views: the HTML file (report_html.py), Markdown (report_md.py) and the
app's report screen. Counting happens here, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz import lang, words
from quiz.classroom.results import ClassResults, QuestionStat, WrongChoice
from quiz.lang import N_, _
from quiz.packs.model import Quote
from quiz.packs.quotes import paragraphs
from quiz.question import Question
from quiz.text import plural
from quiz.words import minutes

MISCONCEPTIONS = 12  # the most chosen wrong answers shown


def difficulty(share_right: float | None) -> str:
    """Words for a share of right answers, as a teacher would sort questions: in English (a
    class name of the HTML report's), to be shown with `_()`."""
    if share_right is None:
        return N_("not sat")
    if share_right >= 0.8:
        return N_("easy")
    if share_right >= 0.5:
        return N_("medium")
    return N_("hard")


@dataclass(frozen=True)
class Misconception:
    """A wrong answer the class chose, and why it is wrong (the fact the option really belongs
    to; failing that, the question's explanation and its proof)."""

    number: int
    question: Question
    choice: WrongChoice
    answered: int  # students who answered the question
    reason: str
    quote: Quote


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the source and how often the class got the questions on it wrong."""

    source: str
    start: int
    end: int
    text: str
    questions: tuple[int, ...]  # numbers of the questions whose proof stands in it
    answers: int  # answers given to those questions
    error: float | None  # the share of marks lost on them, blanks included; None: not asked
    blank: int = 0  # those questions left blank

    @property
    def asked(self) -> str:
        """Which questions stand on it and what they had: "questions 2, 5 · 14 answers, 3
        blank"."""
        numbers = ", ".join(str(n) for n in self.questions)
        which = "question" if len(self.questions) == 1 else "questions"
        blank = f", {self.blank} blank" if self.blank else ""
        return f"{which} {numbers} · {plural(self.answers, 'answer')}{blank}"

    @property
    def shade(self) -> str:
        """Four steps, for views that cannot shade continuously (and for a legend)."""
        if self.error is None:
            return "unasked"
        if self.error >= 0.5:
            return "weak"
        return "fair" if self.error >= 0.2 else "strong"


@dataclass(frozen=True)
class Report:
    results: ClassResults
    questions: tuple[QuestionStat, ...]
    misconceptions: tuple[Misconception, ...]
    paragraphs: tuple[Paragraph, ...]

    @property
    def title(self) -> str:
        return self.results.paper.pack.title

    @property
    def code(self) -> str:
        return self.results.paper.code

    @property
    def mean_percent(self) -> float | None:
        s = self.results.sittings
        return sum(x.percent for x in s) / len(s) if s else None

    @property
    def facts_line(self) -> str:
        """'20 questions · time limit 30:00 · 30 sittings · average 64%': the report files'
        heading after the paper's code, the same in Markdown and HTML."""
        r = self.results
        limit = r.paper.spec.time_limit
        mean = self.mean_percent
        return (
            words.questions(len(r.questions))
            + (" · " + _("time limit {clock}").format(clock=minutes(limit)) if limit else "")
            + " · "
            + words.n_sittings(len(r.sittings))
            + (
                " · " + _("average {percent}").format(percent=lang.percent(mean))
                if mean is not None
                else ""
            )
        )


def build(results: ClassResults) -> Report:
    stats = tuple(results.by_question())
    return Report(results, stats, _misconceptions(stats), _paragraphs(results, stats))


def _misconceptions(stats: tuple[QuestionStat, ...]) -> tuple[Misconception, ...]:
    found = []
    for st in stats:
        q = st.question
        answered = sum(m.answered for m in st.marks)
        for choice in st.wrong_choices:
            why = q.why_wrong(choice.option) if choice.option is not None else None
            if why is not None:
                reason, quote = why.statement, why.quote
            else:
                reason = (
                    _("The right answer is “{answer}”. {explanation}")
                    .format(answer=q.answer_text(), explanation=q.explanation)
                    .strip()
                )
                quote = q.quote
            found.append(Misconception(st.number, q, choice, answered, reason, quote))
    found.sort(key=lambda m: (-m.choice.count, m.number, m.choice.text))
    return tuple(found[:MISCONCEPTIONS])


def _paragraphs(results: ClassResults, stats: tuple[QuestionStat, ...]) -> tuple[Paragraph, ...]:
    pack = results.paper.pack
    out = []
    for source in pack.sources.values():
        for para in paragraphs(source.text):
            numbers, lost, answers, blank = [], 0.0, 0, 0
            for st in stats:
                quotes = st.question.origin.quotes
                if not any(
                    x.source == source.id and x.start < para.end and para.start < x.end
                    for x in quotes
                ):
                    continue
                numbers.append(st.number)
                for m in st.marks:  # a blank loses every mark, as a wrong answer does
                    answers += m.answered
                    blank += not m.answered
                    lost += 1.0 - m.credit
            marks = answers + blank
            error = lost / marks if marks else None
            text = source.text[para.start : para.end]
            out.append(
                Paragraph(
                    source.id, para.start, para.end, text, tuple(numbers), answers, error, blank
                )
            )
    return tuple(out)


def percent(share: float | None) -> str:
    return "–" if share is None else lang.percent(100 * share)
