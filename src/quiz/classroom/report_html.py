"""The report as one self-contained HTML file: inline CSS, no script, nothing loaded from
anywhere (a Content-Security-Policy says so to the browser as well). Every piece of pack
text and every name is HTML-escaped: both come from outside this program."""

from __future__ import annotations

import html

from quiz.classroom.report import Report, difficulty, percent
from quiz.kinds import KINDS
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
NOBODY = "Nobody has sat this paper yet (or no results are imported)."
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
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Class report · paper {e(report.code)}</title>",
        f"<style>{CSS}</style></head><body><main>",
        f'<h1 id="title">Class report: {e(report.title)}</h1>',
        f'<p class="meta">Paper <b>{e(report.code)}</b> · {e(report.facts_line)}</p>',
    ]
    if not r.sittings:
        parts.append(f'<p id="empty">{NOBODY}</p>')
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
            f'</span></td><td class="{level}">{level}</td><td>{wrong}</td>'
            f"<td class=n>{'–' if mean is None else f'{mean:.0f} s'}</td></tr>"
        )
    return [
        '<section id="questions"><h2>Questions</h2>',
        "<table><thead><tr><th>#</th><th>Question</th><th>Kind</th><th>Right</th>"
        "<th>Difficulty</th><th>Wrong answer chosen most</th><th>Mean time</th></tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table></section>",
    ]


def _wrong(report: Report) -> list[str]:
    out = ['<section id="wrong"><h2>The wrong answers chosen most, and why they are wrong</h2>']
    if not report.misconceptions:
        out.append("<p>No wrong answers yet.</p></section>")
        return out
    out.append('<ol class="wrong">')
    for m in report.misconceptions:
        out.append(
            f"<li><b>Question {m.number}</b>: {e(m.question.prompt)}<br>"
            f"{m.choice.count} of {m.answered} answered <b>“{e(m.choice.text)}”</b>. "
            f"Why it is wrong: {e(m.reason)}"
            f"<blockquote>“{e(m.quote.text)}”</blockquote></li>"
        )
    out.append("</ol></section>")
    return out


def _source(report: Report) -> list[str]:
    out = [
        '<section id="source"><h2>The source, shaded by how often the class got its facts'
        " wrong</h2>",
        '<p class="legend">The redder a paragraph, the larger the share of marks the class lost'
        " on the questions it proves (a blank loses every mark, as a wrong answer does). "
        "Unshaded paragraphs were not asked about.</p>",
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
                f'<span class="rate">{percent(p.error)} wrong · {p.asked}</span>{e(p.text)}</p>'
            )
    out.append("</section>")
    return out


def _students(report: Report) -> list[str]:
    rows = [
        f"<tr><td>{e(s.player)}</td><td class=n>{s.score}</td><td class=n>{s.percent:.0f}%</td>"
        f"<td class=n>{s.right}</td><td class=n>{s.partial}</td><td class=n>{s.wrong}</td>"
        f"<td class=n>{s.blank}</td><td class=n>{minutes(s.seconds)}</td>"
        f"<td>{e(s.started_at[:16].replace('T', ' '))}</td>"
        f"<td>{e(status_words(s.status))}</td></tr>"
        for s in report.results.sittings
    ]
    return [
        '<section id="students"><h2>Students</h2>',
        "<table><thead><tr><th>Name</th><th>Score</th><th>%</th><th>Right</th>"
        "<th>Partly right</th><th>Wrong</th><th>Blank</th><th>Time</th><th>Started (UTC)</th>"
        "<th>Status</th></tr></thead><tbody>",
        *rows,
        "</tbody></table></section>",
    ]
