"""Anki's text import (File → Import): one note per question, read with its own header lines.

Columns: GUID, Front (the question and its lettered options), Back (the answer, the
explanation and why each wrong option is wrong), Source (the passages that prove the
answer and where they come from), Tags (the topics). The note type `Quiz question` has
the fields Front, Back and Source (README: clone Basic, add a Source field); when the
collection lacks it, Anki falls back to another note type and still maps Front and Back
by name.

The GUID is a hash of the pack id and the question's stable id, never of its text or
seed, so importing a newer export updates the notes (and keeps their review history)
instead of adding copies. Fields are HTML (`#html:true`): pack text is escaped, so it is
shown as written and never as markup, and holds no tab or line break; a field with our
own markup's double quotes is quoted the CSV way, which Anki reads.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
from collections.abc import Callable, Sequence
from typing import Any

from quiz.formats._common import (
    accepted,
    by_key,
    citation,
    collapse,
    figure_text,
    letter,
    quoted,
    reasons,
    right_picks,
    sources,
    why_line,
)
from quiz.formats.base import Format, Made, Rendered
from quiz.packs.model import Pack
from quiz.question import Figure, Key, Many, One, Order, Question, Text

NOTETYPE = "Quiz question"
COLUMNS = ("GUID", "Front", "Back", "Source", "Tags")


def h(text: str) -> str:
    """Pack text as HTML that shows it literally: escaped, line breaks as <br>."""
    escaped = html.escape(text.replace("\r\n", "\n").replace("\r", "\n"), quote=True)
    return escaped.replace("\n", "<br>").replace("\t", "&#9;")


def guid(pack: Pack, q: Question) -> str:
    """Stable across exports, seeds and rewordings of the question."""
    return hashlib.sha256(f"quiz\n{pack.id}\n{q.id}".encode()).hexdigest()[:20]


def tag(topic: str) -> str:
    """Anki tags are separated by spaces: a topic's own spaces (and double quotes, which
    the file cannot hold unquoted) become underscores."""
    return "_".join(topic.replace('"', " ").split())


def _options(q: Question) -> str:
    items = "".join(f"<li>{h(o)}</li>" for o in q.options)
    return f'<ol type="A">{items}</ol>' if items else ""


def _picked(q: Question) -> str:
    return "<br>".join(f"<b>{letter(i)}.</b> {h(q.options[i])}" for i in right_picks(q))


def _one(q: Question, key: One) -> str:
    return _picked(q)


def _many(q: Question, key: Many) -> str:
    return _picked(q)


def _order(q: Question, key: Order) -> str:
    return "Earliest first:<br>" + _picked(q)


def _text(q: Question, key: Text) -> str:
    also = [a for a in accepted(key) if a != key.answer]
    rest = f"<br><small>Also accepted: {h('; '.join(also))}</small>" if also else ""
    return f"<b>{h(key.answer)}</b>{rest}"


def _figure(q: Question, key: Figure) -> str:
    return f"<b>{h(figure_text(key))}</b>"


_ANSWER: dict[type[Key], Callable[[Question, Any], str]] = {
    One: _one,
    Many: _many,
    Order: _order,
    Text: _text,
    Figure: _figure,
}


def back(q: Question) -> str:
    parts = [by_key(_ANSWER, q)]
    if q.explanation:
        parts.append(h(q.explanation))
    why = [f"<li><b>{letter(i)}.</b> {h(why_line(w))}</li>" for i, w in reasons(q)]
    if why:
        parts.append(f"Why the others are wrong:<ul>{''.join(why)}</ul>")
    return "<br><br>".join(parts)


def source_field(pack: Pack, q: Question) -> str:
    quotes = "".join(f"<blockquote>{h(quoted(x.text))}</blockquote>" for x in q.origin.quotes)
    cited = "<br>".join(h(citation(s)) for s in sources(pack, q.origin.quotes))
    return f"{quotes}<cite>{cited}</cite>" if cited else quotes


def row(pack: Pack, q: Question) -> str:
    fields = (
        guid(pack, q),
        h(q.prompt) + _options(q),
        back(q),
        source_field(pack, q),
        " ".join(tag(t) for t in q.topics),
    )
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerow(fields)
    return out.getvalue()


def _render(pack: Pack, questions: Sequence[Question], made: Made | None = None) -> Rendered:
    header = [
        "#separator:tab",
        "#html:true",
        f"#notetype:{NOTETYPE}",
        f"#deck:{collapse(pack.title)}",
        "#columns:" + "\t".join(COLUMNS),
        f"#guid column:{COLUMNS.index('GUID') + 1}",
        f"#tags column:{COLUMNS.index('Tags') + 1}",
    ]
    rows = "".join(row(pack, q) for q in questions)
    return Rendered("\n".join(header) + "\n" + rows, tuple(questions))


FORMAT = Format(
    name="anki-csv",
    summary="Anki text import: one note per question, updated (not duplicated) on re-import",
    suffix=".txt",
    render=_render,
)
