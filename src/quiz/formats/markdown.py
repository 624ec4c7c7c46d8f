"""A printable paper in Markdown: numbered questions with lettered options and room to answer,
then, on a new page, the answer key with the explanation and the passages that prove it.

A teacher prints it from any Markdown viewer or turns it into a PDF (pandoc, a browser's
print). Pack text is untrusted and must print as written: it is put on one line and
every character that could start Markdown structure or inline markup is escaped with a
backslash (CommonMark lets any ASCII punctuation be escaped), except plain sentence
punctuation where it cannot mean anything.
"""

from __future__ import annotations

import re
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

# Markup in CommonMark, GitHub's tables and strikethrough, and pandoc's extensions (math,
# citations, superscript, attributes). Left as is: , . ; : ? ' " / % - and letters.
_SPECIAL = frozenset("\\`*_[]{}()<>#+!|~&^$@=")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
BLANK = "\\_" * 12
PAGE_BREAK = '<div style="page-break-before: always"></div>'


def md(text: str) -> str:
    """Pack text as Markdown that prints literally."""
    out = "".join(f"\\{c}" if c in _SPECIAL else c for c in collapse(text))
    out = _LEADING_NUMBER.sub(r"\1\\\2", out)  # "2004. …" would open a numbered list
    return f"\\{out}" if out.startswith("-") else out  # "- …" a bulleted one


def _item(n: int, first: str, blocks: Sequence[str]) -> list[str]:
    """A numbered list item whose further blocks are indented to its text."""
    marker = f"{n}. "
    pad = " " * len(marker)
    lines = [marker + first]
    for block in blocks:
        lines.append("")
        lines += [pad + line if line else "" for line in block.split("\n")]
    return lines


def _choices(q: Question, box: str = "") -> str:
    return "\n".join(f"- {box}{letter(i)}. {md(o)}" for i, o in enumerate(q.options))


def _ask_one(q: Question, key: One) -> list[str]:
    return [_choices(q), f"Answer: {BLANK}"]


def _ask_many(q: Question, key: Many) -> list[str]:
    return [_choices(q, "[ ] "), "Tick every right option."]


def _ask_order(q: Question, key: Order) -> list[str]:
    blanks = ", ".join("\\_\\_\\_" for _ in q.options)
    return [_choices(q), f"Order, earliest first: {blanks}"]


def _ask_text(q: Question, key: Text) -> list[str]:
    return [f"Answer: {BLANK * 3}"]


def _ask_figure(q: Question, key: Figure) -> list[str]:
    unit = f" {md(key.unit)}" if key.unit else ""
    return [f"Answer: {BLANK}{unit}"]


_ASK: dict[type[Key], Callable[[Question, Any], list[str]]] = {
    One: _ask_one,
    Many: _ask_many,
    Order: _ask_order,
    Text: _ask_text,
    Figure: _ask_figure,
}


def _picked(q: Question) -> str:
    picks = right_picks(q)
    letters = ", ".join(letter(i) for i in picks)
    return f"**{letters}.** " + "; ".join(md(q.options[i]) for i in picks)


def _key_one(q: Question, key: One | Many | Order) -> str:
    return _picked(q)


def _key_text(q: Question, key: Text) -> str:
    also = [a for a in accepted(key) if a != key.answer]
    rest = f" (also accepted: {'; '.join(md(a) for a in also)})" if also else ""
    return f"**{md(key.answer)}**{rest}"


def _key_figure(q: Question, key: Figure) -> str:
    return f"**{md(figure_text(key))}**"


_KEY: dict[type[Key], Callable[[Question, Any], str]] = {
    One: _key_one,
    Many: _key_one,
    Order: _key_one,
    Text: _key_text,
    Figure: _key_figure,
}


def _proof(pack: Pack, q: Question) -> list[str]:
    blocks = []
    if q.explanation:
        blocks.append(md(q.explanation))
    blocks.append("\n>\n".join(f"> {md(quoted(x.text))}" for x in q.origin.quotes))
    cited = "; ".join(s.title for s in sources(pack, q.origin.quotes))
    if cited:
        blocks.append(f"— {md(cited)}")
    why = reasons(q)
    if why:
        blocks.append("Why the others are wrong:")
        blocks.append("\n".join(f"- {letter(i)}. {md(why_line(w))}" for i, w in why))
    return blocks


def paper(pack: Pack, questions: Sequence[Question], made: Made | None = None) -> str:
    """The paper: its title, how it was made (the exam paper's code, the seed, the time
    limit), the sources, the questions and, on a new page, the answer key."""
    from quiz import words

    lines = [f"# {md(pack.title)}", ""]
    if made is not None:
        lines += [md(words.paper_made(made.code, made.seed, made.time_limit)) + "  "]
    lines += [f"Source: {md(citation(s))}" + "  " for s in pack.sources.values()]
    lines += ["", f"Name: {BLANK * 2} Date: {BLANK}", "", "## Questions", ""]
    for n, q in enumerate(questions, 1):
        lines += [*_item(n, md(q.prompt), by_key(_ASK, q)), ""]
    lines += [PAGE_BREAK, "", "## Answer key", ""]
    for n, q in enumerate(questions, 1):
        lines += [*_item(n, by_key(_KEY, q), _proof(pack, q)), ""]
    return "\n".join(lines)


def _render(pack: Pack, questions: Sequence[Question], made: Made | None = None) -> Rendered:
    return Rendered(paper(pack, questions, made), tuple(questions))


FORMAT = Format(
    name="markdown",
    summary="a printable paper (Markdown): numbered questions, then the answer key with quotes",
    suffix=".md",
    render=_render,
)
