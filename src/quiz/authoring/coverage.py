"""`quiz check --coverage`: the sentences of each source that nothing in the pack quotes.

A sentence counts as quoted when a fact (background facts too: the author has
weighed it) or a hand-written question quotes any part of it. Sentences are
those `quiz new` lists and the summary counts: headings are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz.lang import ngettext
from quiz.packs.errors import display_path
from quiz.packs.model import Pack
from quiz.packs.quotes import sentences
from quiz.safe import visible


@dataclass(frozen=True)
class Unquoted:
    file: str  # the source file as the user would type it
    line: int
    text: str


def unquoted(pack: Pack) -> tuple[list[Unquoted], int]:
    """The sentences no fact or question quotes, in order, and how many sentences there are."""
    out = []
    total = 0
    for source in pack.sources.values():
        file = display_path(Path(pack.path).parent / source.file)
        spans = [(q.start, q.end) for f in pack.facts for q in f.evidence if q.source == source.id]
        spans += [
            (q.start, q.end) for h in pack.questions for q in h.evidence if q.source == source.id
        ]
        line, counted = 1, 0  # a running count, not one from the start per sentence
        for s in sentences(source.text):
            total += 1
            if not any(s.start < end and start < s.end for start, end in spans):
                line += source.text.count("\n", counted, s.start)
                counted = s.start
                out.append(Unquoted(file, line, " ".join(source.text[s.start : s.end].split())))
    return out, total


def render(found: list[Unquoted], total: int) -> list[str]:
    """`file:line: sentence` for each (an editor jumps there), then the count."""
    lines = [visible(f"{u.file}:{u.line}: {u.text}") for u in found]
    lines.append(
        ngettext(
            "{n} of {total} sentence quoted by no fact or question",
            "{n} of {total} sentences quoted by no fact or question",
            total,
        ).format(n=len(found), total=total)
    )
    return lines
