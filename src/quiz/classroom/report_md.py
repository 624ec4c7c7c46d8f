"""The report in Markdown: the same sections as the HTML file, pack text and names escaped so
they print literally (the printable paper's escaping), paragraphs marked with their error
rate and a bar instead of a colour."""

from __future__ import annotations

from quiz import lang
from quiz.classroom.report import Report, difficulty, percent
from quiz.formats.markdown import md
from quiz.kinds import KINDS
from quiz.lang import _
from quiz.words import minutes
from quiz.words import status as status_words


def bar(share: float, width: int = 10) -> str:
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def render(report: Report) -> str:
    r = report.results
    lines = [
        "# " + _("Class report: {title}").format(title=md(report.title)),
        "",
        _("Paper {code}").format(code=f"**{report.code}**") + f" · {report.facts_line}",
        "",
    ]
    if not r.sittings:
        lines += [_("Nobody has sat this paper yet (or no results are imported)."), ""]
    lines += ["## " + _("Questions"), ""]
    lines += [
        _row(
            "#",
            _("Question"),
            _("Kind"),
            _("Right"),
            _("Difficulty"),
            _("Wrong answer chosen most"),
            _("Mean time"),
        )
    ]
    lines += ["|--:|---|---|--:|---|---|--:|"]
    for st in report.questions:
        top = st.wrong_choices[0] if st.wrong_choices else None
        mean_s = st.mean_seconds
        lines.append(
            f"| {st.number} | {md(st.question.prompt)} | {KINDS[st.question.kind].label} | "
            f"{percent(st.share_right)} | {_(difficulty(st.share_right))} | "
            f"{f'{md(top.text)} ({top.count})' if top else '–'} | "
            f"{'–' if mean_s is None else f'{mean_s:.0f} s'} |"
        )
    lines += ["", "## " + _("The wrong answers chosen most, and why they are wrong"), ""]
    if not report.misconceptions:
        lines += [_("No wrong answers yet."), ""]
    for i, m in enumerate(report.misconceptions, 1):
        lines += [
            f"{i}. "
            + _("{question}: {prompt}").format(
                question="**" + _("Question {number}").format(number=m.number) + "**",
                prompt=md(m.question.prompt),
            )
            + "  ",
            "   "
            + _("{count} of {answered} answered {choice}. Why it is wrong: {reason}").format(
                count=m.choice.count,
                answered=m.answered,
                choice=f"**“{md(m.choice.text)}”**",
                reason=md(m.reason),
            ),
            "",
            f"   > “{md(m.quote.text)}”",
            "",
        ]
    lines += ["## " + _("The source, shaded by how often the class got its facts wrong"), ""]
    lines += [
        _(
            "Each paragraph the paper asked about shows the share of marks the class lost on "
            "the questions it proves (a blank loses every mark, as a wrong answer does)."
        ),
        "",
    ]
    for p in report.paragraphs:
        if p.error is None:
            lines += [md(p.text), ""]
        else:
            lines += [
                "> **"
                + bar(p.error)
                + " "
                + _("{percent} wrong").format(percent=percent(p.error))
                + f"** · {p.asked}  ",
                f"> {md(p.text)}",
                "",
            ]
    lines += ["## " + _("Students"), ""]
    heads = [_("Name"), _("Score"), "%", _("Right"), _("Partly right"), _("Wrong"), _("Blank")]
    lines += [_row(*heads, _("Time"), _("Started"), _("Status"))]
    lines += ["|---|--:|--:|--:|--:|--:|--:|--:|---|---|"]
    for s in r.sittings:
        lines.append(
            f"| {md(s.player)} | {s.score} | {lang.percent(s.percent)} | {s.right} | {s.partial} | "
            f"{s.wrong} | {s.blank} | {minutes(s.seconds)} | "
            f"{s.started_at[:16].replace('T', ' ')} | {status_words(s.status)} |"
        )
    return "\n".join(lines) + "\n"
