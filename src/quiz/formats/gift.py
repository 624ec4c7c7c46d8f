"""Moodle GIFT: questions a teacher imports into a Moodle question bank (Question bank →
Import → GIFT, "Get category from file").

Each question is named by its stable id (`::id::`, and `[id:…]` for Moodle's ID number)
and tagged with its topics; a `$CATEGORY:` per pack and (first) topic keeps the bank
tidy. The general feedback (`####`) holds the explanation, the passages that prove the
answer and the source; each wrong option with a known reason says why it is wrong.

Pack text is untrusted and must reach Moodle's screen literally: every text is escaped
(`~ = # { } :`, backslash, line breaks) and written in Moodle's plain format (`[plain]`,
shown as typed, never as HTML). Moodle reads some things before escapes apply, so:
a text that starts with `[` or `%` gets an explicit `[plain]` (it would read as a format
tag or a grade), `*` in a typed answer is `\\*` (a wildcard otherwise), and a typed answer
or event holding `->` is left out (Moodle would take the question for a matching one).

Select-all questions carry Moodle weights that grade exactly like the game: +1/k for each
of the k right options and −1/k for each wrong pick, summed and floored at 0, i.e.
(right − wrong) ÷ rights. Moodle accepts only the grades in its list (1/k for k ≤ 10), so
a question with more right options is left out rather than graded differently. Time-order
questions become matching questions: each event is matched to its place (1 is the
earliest), the nearest thing Moodle's core question types have to ordering.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from quiz import __version__
from quiz.formats._common import (
    accepted,
    by_key,
    citation,
    collapse,
    is_true_false,
    number,
    quoted,
    sources,
    why_line,
)
from quiz.formats.base import Format, LeftOut, Made, Rendered
from quiz.packs.model import Pack
from quiz.question import Figure, Key, Many, One, Order, Question, Text

_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "~": "\\~",
        "=": "\\=",
        "#": "\\#",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
    }
)
# Moodle's grades (question_bank::fraction_options_full), in percent: nothing else imports.
MOODLE_GRADES = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40",
    "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5",
)  # fmt: skip
_SAFE_ID = re.compile(r"[^\]\[\x00-\x1f\x7f]{1,100}")  # what Moodle's [id:…] can carry
_SAFE_TAG = re.compile(r"[^\]<>`\x00-\x1f\x7f]{1,100}")  # Moodle's PARAM_TAG, no ]
ARROW = "->"
WILDCARD = "\\*"  # a literal * in a Moodle short answer


def escape(text: str) -> str:
    """Pack text as GIFT text: every control character escaped, line breaks as \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_ESCAPES)


def plain(text: str) -> str:
    """Escaped, and marked [plain] when it starts with what Moodle reads before escapes: a
    format tag ([html]) or a grade (%50%)."""
    out = escape(text.strip())
    return f"[plain]{out}" if out[:1] in ("[", "%") else out


def category(*names: str) -> str:
    """A category path: '/' inside a name is written '//', as Moodle's own export does."""
    return "/".join(_category_name(n) for n in names)


def _category_name(name: str) -> str:
    part = collapse(name).replace("/", "//")
    part = f" {part}" if part.startswith("/") else part
    return f"{part} " if part.endswith("/") else part


def grade(rights: int) -> str | None:
    """Each right option's share in percent, as a grade Moodle accepts, or None."""
    share = 100 / rights
    return next((g for g in MOODLE_GRADES if abs(float(g) - share) < 1e-4), None)


def general_feedback(pack: Pack, q: Question) -> str:
    """The explanation, every passage that proves the answer, and where they come from."""
    quotes = q.origin.quotes
    lines = [q.explanation, *(quoted(x.text) for x in quotes)]
    lines += [f"Source: {citation(s)}" for s in sources(pack, quotes)]
    return "\n".join(line for line in lines if line)


def _feedback(q: Question, option: int) -> str:
    why = q.why_wrong(option)
    return f"#{plain(why_line(why))}" if why else ""


Answers = list[str] | LeftOut


def _one(q: Question, key: One) -> Answers:
    if is_true_false(q):
        return ["TRUE" if key.right == 0 else "FALSE"]
    return [
        f"={plain(o)}" if i == key.right else f"~{plain(o)}{_feedback(q, i)}"
        for i, o in enumerate(q.options)
    ]


def _many(q: Question, key: Many) -> Answers:
    share = grade(len(key.right))
    if share is None:
        return LeftOut(
            q, f"Moodle's grades cannot give each of {len(key.right)} right options an equal share"
        )
    return [
        f"~%{share}%{plain(o)}" if i in key.right else f"~%-{share}%{plain(o)}{_feedback(q, i)}"
        for i, o in enumerate(q.options)
    ]


def place(rank: int, size: int) -> str:
    """The label of a place in time order: 1 (earliest) … n (latest)."""
    if rank == 0:
        return "1 (earliest)"
    return f"{rank + 1} (latest)" if rank == size - 1 else str(rank + 1)


def _order(q: Question, key: Order) -> Answers:
    if any(ARROW in o for o in q.options):
        return LeftOut(q, f"an event holding '{ARROW}' cannot be a GIFT matching item")
    rank = {index: r for r, index in enumerate(key.order)}
    return [
        f"={plain(o)} {ARROW} {place(rank[i], len(q.options))}" for i, o in enumerate(q.options)
    ]


def _text(q: Question, key: Text) -> Answers:
    answers = accepted(key)
    if any(ARROW in a for a in answers):
        return LeftOut(q, f"Moodle reads a typed answer holding '{ARROW}' as a matching question")
    return ["=" + plain(a).replace("*", WILDCARD) for a in answers]


def _figure(q: Question, key: Figure) -> Answers:
    return [f"#{number(key.value)}:{number(key.tolerance)}"]


_ANSWERS: dict[type[Key], Callable[[Question, Any], Answers]] = {
    One: _one,
    Many: _many,
    Order: _order,
    Text: _text,
    Figure: _figure,
}
ORDER_HINT = "Match each event to its place in time (1 is the earliest)."


def _stem(q: Question) -> str:
    prompt = f"{q.prompt} {ORDER_HINT}" if isinstance(q.key, Order) else q.prompt
    return f"[plain]{escape(prompt.strip())}"


def question(pack: Pack, q: Question) -> str | LeftOut:
    answers = by_key(_ANSWERS, q)
    if isinstance(answers, LeftOut):
        return answers
    marks = [f"[id:{q.id}]"] if _SAFE_ID.fullmatch(q.id) else []
    marks += [f"[tag:{t}]" for t in q.topics if _SAFE_TAG.fullmatch(t)]
    lines = [f"// {' '.join(marks)}"] if marks else []
    lines.append(f"::{escape(q.id)}::{_stem(q)}{{")
    lines += [f"\t{a}" for a in answers]
    lines.append(f"\t####{plain(general_feedback(pack, q))}")
    lines.append("}")
    return "\n".join(lines)


def _render(pack: Pack, questions: Sequence[Question], made: Made | None = None) -> Rendered:
    by_topic: dict[str, list[Question]] = {}
    for q in questions:
        by_topic.setdefault(q.topics[0] if q.topics else "", []).append(q)
    blocks: list[str] = []
    written: list[Question] = []
    left: list[LeftOut] = []
    for topic, group in by_topic.items():
        done = [(q, question(pack, q)) for q in group]
        left += [b for _, b in done if isinstance(b, LeftOut)]
        kept = [(q, b) for q, b in done if isinstance(b, str)]
        if kept:
            names = (pack.title, topic) if topic else (pack.title,)
            blocks.append(f"$CATEGORY: {category(*names)}")
            blocks += [b for _, b in kept]
            written += [q for q, _ in kept]
    cited = "; ".join(citation(s) for s in pack.sources.values())
    head = [
        f"// {collapse(pack.title)} ({collapse(pack.id)} {collapse(pack.version)}): "
        f"{len(written)} questions exported by quiz {__version__}",
        f"// Source: {collapse(cited)}",
    ]
    return Rendered(
        "\n".join(head) + "\n\n" + "\n\n".join(blocks) + "\n", tuple(written), tuple(left)
    )


FORMAT = Format(
    name="gift",
    summary="Moodle GIFT: every kind, with the proof as general feedback",
    suffix=".gift",
    render=_render,
)
