"""The printable paper read back by markdown-it-py's CommonMark parser (not ours): numbered
questions with their lettered options and room to answer, then an answer key with the
quotes, in the same order; pack text comes back as text, never as markup.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from exports import cli_export, letter, norm, pack, questions
from quiz.formats import get
from quiz.question import Figure, Many, One, Order, Question, Text

markdown_it = pytest.importorskip(
    "markdown_it", reason="markdown-it-py is not installed (pip install '.[test]')"
)
from markdown_it.tree import SyntaxTreeNode  # noqa: E402


def parse(text: str) -> tuple[SyntaxTreeNode, list[Any]]:
    tokens = markdown_it.MarkdownIt("commonmark").parse(text)
    return SyntaxTreeNode(tokens), tokens


def inline(node: SyntaxTreeNode) -> tuple[str, set[str]]:
    """The text a block shows, and the kinds of inline markup in it."""
    parts: list[str] = []
    kinds: set[str] = set()

    def walk(n: SyntaxTreeNode) -> None:
        for c in n.children:
            kinds.add(c.type)
            if c.type in ("text", "code_inline"):
                parts.append(c.content)
            elif c.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            else:
                walk(c)

    for child in node.children if node.type != "inline" else [node]:
        walk(child)
    return norm("".join(parts)), kinds


def plain(node: SyntaxTreeNode) -> str:
    """A block's text, which must carry no markup at all (pack text escaped)."""
    text, kinds = inline(node)
    assert kinds <= {"text"}, (text, kinds)
    return text


def picks(q: Question) -> list[int]:
    key = q.key
    if isinstance(key, One):
        return [key.right]
    if isinstance(key, Many):
        return sorted(key.right)
    if isinstance(key, Order):
        return list(key.order)
    return []


def check_question(q: Question, item: SyntaxTreeNode) -> None:
    blocks = item.children
    assert plain(blocks[0]) == norm(q.prompt)
    lists = [b for b in blocks if b.type == "bullet_list"]
    if q.options:
        (options,) = lists
        box = "[ ] " if isinstance(q.key, Many) else ""
        shown = [plain(o.children[0]) for o in options.children]
        assert shown == [f"{box}{letter(i)}. {norm(o)}" for i, o in enumerate(q.options)]
    else:
        assert lists == []
    room = [inline(b)[0] for b in blocks[1:] if b.type == "paragraph"]
    assert isinstance(q.key, Many) or any(re.search(r"_{3}", r) for r in room), room


def check_key(name: str, q: Question, item: SyntaxTreeNode) -> None:
    blocks = item.children
    first, kinds = inline(blocks[0])
    assert "strong" in kinds
    key = q.key
    if isinstance(key, Text):
        assert first.startswith(norm(key.answer))
        for also in key.accepted:
            assert norm(also) in first
    elif isinstance(key, Figure):
        assert first.startswith(norm(q.answer_text()))
    else:
        letters = ", ".join(letter(i) for i in picks(q))
        assert first == f"{letters}. " + "; ".join(norm(q.options[i]) for i in picks(q))
    texts = [inline(b)[0] for b in blocks[1:] if b.type == "paragraph"]
    quotes = [plain(p) for b in blocks if b.type == "blockquote" for p in b.children]
    assert quotes == [f"“{norm(x.text)}”" for x in q.origin.quotes]
    assert norm(q.explanation) in texts
    title = pack(name).sources[q.quote.source].title
    assert f"— {norm(title)}" in texts
    why = [b for b in blocks if b.type == "bullet_list"]
    if q.origin.why_wrong:
        (listed,) = why
        got = [plain(li.children[0]) for li in listed.children]
        assert got == [
            f"{letter(i)}. {norm(w.statement)} “{norm(w.quote.text)}”"
            for i, w in sorted(q.origin.why_wrong, key=lambda p: p[0])
        ]
    else:
        assert why == []


def check_paper(name: str, text: str, written: list[Question]) -> None:
    tree, tokens = parse(text)
    assert "html_inline" not in {t.type for t in tokens}
    assert [t.type for t in tokens].count("html_block") == 1  # the page break before the key
    top = tree.children
    assert top[0].type == "heading" and top[0].tag == "h1"
    assert plain(top[0].children[0]) == norm(pack(name).title)
    headings = [(i, inline(n)[0]) for i, n in enumerate(top) if n.tag == "h2"]
    assert [h for _, h in headings] == ["Questions", "Answer key"]
    for (at, _), check in zip(headings, ("question", "key"), strict=True):
        numbered = top[at + 1]
        assert numbered.type == "ordered_list"
        items = numbered.children
        assert len(items) == len(written)
        assert [i.info for i in items] == [str(n) for n in range(1, len(written) + 1)]
        for q, item in zip(written, items, strict=True):
            if check == "question":
                check_question(q, item)
            else:
                check_key(name, q, item)


def test_bundled_all_is_a_paper_and_its_key() -> None:
    text, stderr = cli_export("bundled", "markdown")
    check_paper("bundled", text, list(questions("bundled")))
    assert "left out" not in stderr


def test_hostile_text_prints_literally() -> None:
    rendered = get("markdown").export(pack("hostile"), questions("hostile"))
    assert rendered.left_out == ()
    check_paper("hostile", rendered.text, list(rendered.written))


def test_the_check_sees_injected_markup() -> None:
    """The structure check is able to fail: unescaped text is read as markup."""
    tree, _ = parse("1. Who is *Armstrong*?\n")
    with pytest.raises(AssertionError):
        plain(tree.children[0].children[0].children[0])


def made_line(text: str) -> str:
    """The paragraph right under the title: how the paper was made."""
    top = parse(text)[0].children
    assert top[0].tag == "h1" and top[1].type == "paragraph"
    text, kinds = inline(top[1])
    assert kinds <= {"text", "hardbreak"}, kinds  # a line each, no markup
    return text.split(" Source:")[0]


def test_a_paper_shows_its_code_seed_and_time_limit() -> None:
    from classroom import moon_paper
    from conftest import MOON
    from helpers import run_quiz

    paper = moon_paper(seed=5, count=4, time_limit=1800)
    result = run_quiz("export", "--paper", paper.code, "--format", "markdown", "--packs", str(MOON))
    assert result.returncode == 0, result.stderr
    assert made_line(result.stdout) == f"Paper {paper.code} · seed 5 · time limit 30:00"

    untimed = moon_paper(seed=6, count=4)
    result = run_quiz(
        "export", "--paper", untimed.code, "--format", "markdown", "--packs", str(MOON)
    )
    assert made_line(result.stdout) == f"Paper {untimed.code} · seed 6 · no time limit"

    drawn = run_quiz("export", "--count", "3", "--seed", "42", "--format", "markdown")
    assert drawn.returncode == 0, drawn.stderr
    assert made_line(drawn.stdout) == "seed 42", "the same questions again: --seed 42"
