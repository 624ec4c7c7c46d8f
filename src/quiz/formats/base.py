"""What a format is and what it returns; kept out of the package's __init__ so that listing
the formats (for `quiz --help`) imports none of this."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.question import Key, Question


@dataclass(frozen=True)
class LeftOut:
    """A question a format cannot hold, and why (shown to the teacher on stderr)."""

    question: Question
    reason: str


@dataclass(frozen=True)
class Rendered:
    text: str  # "" for a binary format
    written: tuple[Question, ...]  # in the order they stand in the text
    left_out: tuple[LeftOut, ...] = ()
    data: bytes | None = None  # a binary format's file (an Anki package), written as is


@dataclass(frozen=True)
class Made:
    """How the questions were drawn, for a format that prints it (a paper shows its code,
    seed and time limit, so a teacher can make the same paper again and knows the time)."""

    seed: int
    code: str | None = None  # the exam paper's code, when the questions are a paper's
    time_limit: int | None = None  # seconds, a paper's


Render = Callable[["Pack", Sequence["Question"], "Made | None"], Rendered]


@dataclass(frozen=True)
class Format:
    name: str
    summary: str  # one line for --help
    suffix: str  # the usual file name ending, for --out and the README
    render: Render  # only ever given questions whose key type the format holds
    cannot_hold: Mapping[type[Key], str] = field(default_factory=dict)  # key type → why not
    binary: bool = False  # a file of bytes (Rendered.data), never text for a terminal

    def holds(self, key_type: type[Key]) -> bool:
        return key_type not in self.cannot_hold

    def export(
        self, pack: Pack, questions: Sequence[Question], made: Made | None = None
    ) -> Rendered:
        """The questions in this format; those whose key type it cannot hold are left out
        here, others the renderer itself refuses (a grade Moodle cannot express) there."""
        held: list[Question] = []
        refused: list[LeftOut] = []
        for q in questions:
            if self.holds(type(q.key)):
                held.append(q)
            else:
                refused.append(LeftOut(q, self.cannot_hold[type(q.key)]))
        done = self.render(pack, held, made)
        order = {id(q): i for i, q in enumerate(questions)}
        left = sorted([*refused, *done.left_out], key=lambda x: order[id(x.question)])
        return Rendered(done.text, done.written, tuple(left), done.data)
