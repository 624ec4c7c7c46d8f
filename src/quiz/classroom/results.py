"""The class's results on one paper: a row per student, a row per question.

Every figure is counted from the answers kept and the paper's questions, re-marked
here (see marking.py); the scores kept with the sittings are never read. One vocabulary
in every format and view: right, partly right, wrong, blank; a blank is never counted
as wrong (format 2: in format 1 a student's "wrong" held their blanks, a question's did
not).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quiz.classroom.marking import Mark, Marked, mark_row
from quiz.lang import _
from quiz.papers import Paper
from quiz.question import DONT_KNOW, Figure, Many, One, Question, Text
from quiz.store.sittings import sittings
from quiz.store.sql import SqlStore
from quiz.text import fold

FORMAT = "quiz-class-results/2"
STUDENT_COLUMNS = (
    "name",
    "score",
    "percent",
    "right",
    "partly_right",
    "wrong",
    "blank",
    "time",
    "started",
    "status",
)
QUESTION_COLUMNS = (
    "number",
    "question",
    "kind",
    "prompt",
    "sat",
    "share_right",
    "right",
    "partly_right",
    "wrong",
    "blank",
    "top_wrong",
    "top_wrong_count",
    "mean_seconds",
)


def papers_sat(store: SqlStore) -> list[str]:
    """The codes of the papers with a sitting kept here, so a teacher who has taken in one
    paper's results need not type its code again to see them."""
    rows = store.db.execute(
        "SELECT DISTINCT paper FROM rounds WHERE paper IS NOT NULL AND paper <> '' ORDER BY paper"
    )
    return [str(r[0]) for r in rows]


@dataclass(frozen=True)
class WrongChoice:
    """A wrong answer the class gave: an option (its index) or a typed answer (index None)."""

    text: str
    count: int
    option: int | None


@dataclass(frozen=True)
class QuestionStat:
    number: int
    question: Question
    marks: tuple[Mark, ...]  # one per sitting

    def count(self, result: str) -> int:
        return sum(m.result == result for m in self.marks)

    @property
    def sat(self) -> int:
        return len(self.marks)

    @property
    def share_right(self) -> float | None:
        """Right answers among everyone who sat the paper (a blank is not right)."""
        return self.count("right") / self.sat if self.sat else None

    @property
    def share_lost(self) -> float | None:
        """The share of the question's marks the class lost, blanks included (a blank loses
        every mark, as a wrong answer does): what the report's shading shows."""
        return sum(1.0 - m.credit for m in self.marks) / self.sat if self.sat else None

    @property
    def mean_seconds(self) -> float | None:
        times = [m.seconds for m in self.marks if m.answered and m.seconds is not None]
        return sum(times) / len(times) if times else None

    @property
    def wrong_choices(self) -> list[WrongChoice]:
        """The wrong answers given, most often first."""
        return wrong_choices(self.question, self.marks)


def wrong_choices(q: Question, marks: Sequence[Mark]) -> list[WrongChoice]:
    key = q.key
    options: Counter[int] = Counter()
    typed: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = {}
    for m in marks:
        r = m.response
        if r is None or m.result == "right":
            continue
        if isinstance(key, One) and isinstance(r, int):
            options[r] += 1
        elif isinstance(key, Many) and isinstance(r, tuple):
            options.update(i for i in r if i not in key.right)
        elif isinstance(key, Text | Figure) and isinstance(r, str) and r.strip() != DONT_KNOW:
            folded = fold(r.strip()) or r.strip()
            typed[folded] += 1
            spelling.setdefault(folded, Counter())[" ".join(r.split())] += 1
    out = [WrongChoice(q.options[i], n, i) for i, n in options.items()]
    out += [WrongChoice(spelling[f].most_common(1)[0][0], n, None) for f, n in typed.items()]
    out.sort(key=lambda w: (-w.count, w.option if w.option is not None else 1_000, w.text))
    return out


@dataclass(frozen=True)
class ClassResults:
    paper: Paper
    questions: tuple[Question, ...]
    sittings: tuple[Marked, ...]
    problems: tuple[str, ...] = ()  # sittings that could not be marked, and why

    def by_question(self) -> list[QuestionStat]:
        return [
            QuestionStat(i + 1, q, tuple(s.marks[i] for s in self.sittings))
            for i, q in enumerate(self.questions)
        ]

    def student_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "name": s.player,
                "score": s.score,
                "percent": round(s.percent, 1),
                "right": s.right,
                "partly_right": s.partial,
                "wrong": s.wrong,
                "blank": s.blank,
                "time": round(s.seconds),
                "started": s.started_at,
                "status": s.status,
            }
            for s in self.sittings
        ]

    def question_rows(self) -> list[dict[str, Any]]:
        rows = []
        for st in self.by_question():
            top = st.wrong_choices[0] if st.wrong_choices else None
            share, mean = st.share_right, st.mean_seconds
            rows.append(
                {
                    "number": st.number,
                    "question": st.question.id,
                    "kind": st.question.kind,
                    "prompt": st.question.prompt,
                    "sat": st.sat,
                    "share_right": None if share is None else round(share, 4),
                    "right": st.count("right"),
                    "partly_right": st.count("partial"),
                    "wrong": st.count("wrong"),
                    "blank": st.count("blank"),
                    "top_wrong": top.text if top else None,
                    "top_wrong_count": top.count if top else 0,
                    "mean_seconds": None if mean is None else round(mean, 1),
                }
            )
        return rows

    def to_json(self, by: str = "student") -> dict[str, Any]:
        spec = self.paper.spec
        head = {
            "format": FORMAT,
            "paper": self.paper.code,
            "pack": {"id": spec.pack.id, "version": spec.pack.version},
            "questions": len(self.questions),
            "time_limit": spec.time_limit,
        }
        if by == "question":
            return {**head, "by": "question", "rows": self.question_rows()}
        return {**head, "by": "student", "rows": self.student_rows()}


def class_results(store: SqlStore, paper: Paper) -> ClassResults:
    """Every sitting of the paper kept in the store, marked; by student name, then time."""
    from quiz.generate import round_questions
    from quiz.question import InvalidResponse

    questions = tuple(round_questions(paper.pack, paper.spec))
    marked, problems = [], []
    for row in sittings(store, paper.code):
        try:
            marked.append(mark_row(row, paper.spec, paper.pack, questions))
        except (InvalidResponse, ValueError) as exc:
            problems.append(
                _("{name}'s sitting of {started} left out: {reason}").format(
                    name=row.player, started=row.started_at, reason=exc
                )
            )
    marked.sort(key=lambda s: (s.player.casefold(), s.player, s.started_at))
    return ClassResults(paper, questions, tuple(marked), tuple(problems))
