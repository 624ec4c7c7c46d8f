"""The report in Markdown: the same sections as the HTML file, pack text and names escaped so
they print literally (the printable paper's escaping), paragraphs marked with their error
rate and a bar instead of a colour."""

from __future__ import annotations

from quiz.classroom.report import Report, difficulty, percent
from quiz.formats.markdown import md
from quiz.kinds import KINDS
from quiz.words import minutes
from quiz.words import status as status_words


def bar(share: float, width: int = 10) -> str:
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


def render(report: Report) -> str:
    r = report.results
    lines = [
        f"# Class report: {md(report.title)}",
        "",
        f"Paper **{report.code}** · {report.facts_line}",
        "",
    ]
    if not r.sittings:
        lines += ["Nobody has sat this paper yet (or no results are imported).", ""]
    lines += ["## Questions", ""]
    lines += ["| # | Question | Kind | Right | Difficulty | Wrong answer chosen most | Mean time |"]
    lines += ["|--:|---|---|--:|---|---|--:|"]
    for st in report.questions:
        top = st.wrong_choices[0] if st.wrong_choices else None
        mean_s = st.mean_seconds
        lines.append(
            f"| {st.number} | {md(st.question.prompt)} | {KINDS[st.question.kind].label} | "
            f"{percent(st.share_right)} | {difficulty(st.share_right)} | "
            f"{f'{md(top.text)} ({top.count})' if top else '–'} | "
            f"{'–' if mean_s is None else f'{mean_s:.0f} s'} |"
        )
    lines += ["", "## The wrong answers chosen most, and why they are wrong", ""]
    if not report.misconceptions:
        lines += ["No wrong answers yet.", ""]
    for i, m in enumerate(report.misconceptions, 1):
        lines += [
            f"{i}. **Question {m.number}**: {md(m.question.prompt)}  ",
            f"   {m.choice.count} of {m.answered} answered **“{md(m.choice.text)}”**. "
            f"Why it is wrong: {md(m.reason)}",
            "",
            f"   > “{md(m.quote.text)}”",
            "",
        ]
    lines += ["## The source, shaded by how often the class got its facts wrong", ""]
    lines += [
        "Each paragraph the paper asked about shows the share of marks the class lost on the "
        "questions it proves (a blank loses every mark, as a wrong answer does).",
        "",
    ]
    for p in report.paragraphs:
        if p.error is None:
            lines += [md(p.text), ""]
        else:
            lines += [
                f"> **{bar(p.error)} {percent(p.error)} wrong** · {p.asked}  ",
                f"> {md(p.text)}",
                "",
            ]
    lines += ["## Students", ""]
    lines += [
        "| Name | Score | % | Right | Partly right | Wrong | Blank | Time | Started | Status |"
    ]
    lines += ["|---|--:|--:|--:|--:|--:|--:|--:|---|---|"]
    for s in r.sittings:
        lines.append(
            f"| {md(s.player)} | {s.score} | {s.percent:.0f}% | {s.right} | {s.partial} | "
            f"{s.wrong} | {s.blank} | {minutes(s.seconds)} | "
            f"{s.started_at[:16].replace('T', ' ')} | {status_words(s.status)} |"
        )
    return "\n".join(lines) + "\n"
