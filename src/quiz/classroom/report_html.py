"""The report as one self-contained HTML file: inline CSS, no script, nothing loaded from
anywhere (a Content-Security-Policy says so to the browser as well). Every piece of pack
text and every name is HTML-escaped: both come from outside this program."""

from __future__ import annotations

import html

from quiz import lang
from quiz.classroom.report import Report, difficulty, percent
from quiz.kinds import KINDS
from quiz.lang import N_, _
from quiz.words import minutes
from quiz.words import status as status_words

CSS = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { margin-bottom: 0; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #ccc; }
.meta { color: #555; margin-top: .25rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd;
  vertical-align: top; }
th { background: #f3f3f3; } td.n { text-align: right; white-space: nowrap; }
.bar { display: inline-block; height: .7rem; background: #2f7d32; vertical-align: middle; }
.hard { color: #b3261e; font-weight: bold; } .medium { color: #8a5a00; } .easy { color: #2f7d32; }
ol.wrong li { margin-bottom: 1rem; } blockquote { margin: .3rem 0 0 0; padding-left: .8rem;
  border-left: 4px solid #999; color: #333; }
.para { padding: .5rem .8rem; margin: 0 0 .6rem; border-left: 6px solid #ccc; }
.para .rate { display: block; font-size: .85rem; font-weight: bold; color: #333; }
.para.unasked { color: #555; }
.legend span { padding: 0 .5rem; margin-right: .5rem; }
@media print { * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""
NOBODY = N_("Nobody has sat this paper yet (or no results are imported).")
POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def shade(error: float | None) -> str:
    """A red wash as strong as the share of marks lost, and a border that says the same; a
    paragraph whose questions the class got all right is not red at all, only bordered green."""
    if error is None:
        return ""
    if error == 0:
        return ' style="border-left-color: #2f7d32"'
    alpha = 0.06 + 0.6 * error
    return f' style="background: rgba(211, 47, 47, {alpha:.2f}); border-left-color: #b3261e"'


def render(report: Report) -> str:
    r = report.results
    parts = [
        "<!doctype html>",
        f'<html lang="{lang.language()}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>" + e(_("Class report · paper {code}").format(code=report.code)) + "</title>",
        f"<style>{CSS}</style></head><body><main>",
        '<h1 id="title">' + e(_("Class report: {title}").format(title=report.title)) + "</h1>",
        '<p class="meta">'
        + e(_("Paper {code}")).format(code=f"<b>{e(report.code)}</b>")
        + f" · {e(report.facts_line)}</p>",
    ]
    if not r.sittings:
        parts.append(f'<p id="empty">{e(_(NOBODY))}</p>')
    parts += _questions(report) + _wrong(report) + _source(report) + _students(report)
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _questions(report: Report) -> list[str]:
    rows = []
    for st in report.questions:
        share = st.share_right
        width = round(100 * share) if share is not None else 0
        top = st.wrong_choices[0] if st.wrong_choices else None
        wrong = f"{e(top.text)} ({top.count})" if top else "–"
        mean = st.mean_seconds
        level = difficulty(share)
        rows.append(
            f"<tr><td class=n>{st.number}</td><td>{e(st.question.prompt)}</td>"
            f"<td>{e(KINDS[st.question.kind].label)}</td>"
            f'<td class=n>{percent(share)} <span class="bar" style="width: {width / 25:.2f}rem">'
            f'</span></td><td class="{level}">{e(_(level))}</td><td>{wrong}</td>'
            f"<td class=n>{'–' if mean is None else f'{mean:.0f} s'}</td></tr>"
        )
    return [
        '<section id="questions"><h2>' + e(_("Questions")) + "</h2>",
        _head("#", _("Question"), _("Kind"), _("Right"), _("Difficulty"))
        + _head(_("Wrong answer chosen most"), _("Mean time"), end=True),
        "<tbody>",
        *rows,
        "</tbody></table></section>",
    ]


def _wrong(report: Report) -> list[str]:
    title = _("The wrong answers chosen most, and why they are wrong")
    out = [f'<section id="wrong"><h2>{e(title)}</h2>']
    if not report.misconceptions:
        out.append("<p>" + e(_("No wrong answers yet.")) + "</p></section>")
        return out
    out.append('<ol class="wrong">')
    for m in report.misconceptions:
        out.append(
            "<li>"
            + e(_("{question}: {prompt}")).format(
                question="<b>" + e(_("Question {number}").format(number=m.number)) + "</b>",
                prompt=e(m.question.prompt),
            )
            + "<br>"
            + e(_("{count} of {answered} answered {choice}. Why it is wrong: {reason}")).format(
                count=m.choice.count,
                answered=m.answered,
                choice=f"<b>“{e(m.choice.text)}”</b>",
                reason=e(m.reason),
            )
            + f"<blockquote>“{e(m.quote.text)}”</blockquote></li>"
        )
    out.append("</ol></section>")
    return out


def _source(report: Report) -> list[str]:
    out = [
        '<section id="source"><h2>'
        + e(_("The source, shaded by how often the class got its facts wrong"))
        + "</h2>",
        '<p class="legend">'
        + e(
            _(
                "The redder a paragraph, the larger the share of marks the class lost on the "
                "questions it proves (a blank loses every mark, as a wrong answer does). "
                "Unshaded paragraphs were not asked about."
            )
        )
        + "</p>",
    ]
    pack = report.results.paper.pack
    for source_id in dict.fromkeys(p.source for p in report.paragraphs):
        source = pack.sources[source_id]
        out.append(f"<h3>{e(source.title)}</h3><p class=meta>{e(source.publisher)}</p>")
        for p in (p for p in report.paragraphs if p.source == source_id):
            if p.error is None:
                out.append(f'<p class="para unasked">{e(p.text)}</p>')
                continue
            out.append(
                f'<p class="para {p.shade}"{shade(p.error)} data-error="{p.error:.4f}">'
                '<span class="rate">'
                + e(_("{percent} wrong").format(percent=percent(p.error)))
                + " · "
                f"{e(p.asked)}</span>{e(p.text)}</p>"
            )
    out.append("</section>")
    return out


def _head(*cells: str, end: bool = False) -> str:
    """Table heading cells (escaped); the first call opens the head, end=True closes it."""
    start = "" if end else "<table><thead><tr>"
    return start + "".join(f"<th>{e(c)}</th>" for c in cells) + ("</tr></thead>" if end else "")


def _students(report: Report) -> list[str]:
    rows = [
        f"<tr><td>{e(s.player)}</td><td class=n>{s.score}</td>"
        f"<td class=n>{lang.percent(s.percent)}</td>"
        f"<td class=n>{s.right}</td><td class=n>{s.partial}</td><td class=n>{s.wrong}</td>"
        f"<td class=n>{s.blank}</td><td class=n>{minutes(s.seconds)}</td>"
        f"<td>{e(s.started_at[:16].replace('T', ' '))}</td>"
        f"<td>{e(status_words(s.status))}</td></tr>"
        for s in report.results.sittings
    ]
    return [
        '<section id="students"><h2>' + e(_("Students")) + "</h2>",
        _head(_("Name"), _("Score"), "%", _("Right"), _("Partly right"), _("Wrong"))
        + _head(_("Blank"), _("Time"), _("Started (UTC)"), _("Status"), end=True)
        + "<tbody>",
        *rows,
        "</tbody></table></section>",
    ]
