"""Export formats: one module per format, found by its file name, so adding a format is adding
one module (`anki_csv.py` is the format `anki-csv`) that defines `FORMAT`.

A format takes a pack and the questions to export and returns the text plus the questions
it had to leave out, each with the reason, so the command can say on stderr what did not
fit. Formats choose how to write a question by the type of its key (One, Many, Order,
Text, Figure), never by the kind's name: a new kind with an existing shape exports
everywhere without touching this package.
"""

from __future__ import annotations

import importlib
import pkgutil
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
    text: str
    written: tuple[Question, ...]  # in the order they stand in the text
    left_out: tuple[LeftOut, ...] = ()


Render = Callable[["Pack", Sequence["Question"]], Rendered]


@dataclass(frozen=True)
class Format:
    name: str
    summary: str  # one line for --help
    suffix: str  # the usual file name ending, for --out and the README
    render: Render  # only ever given questions whose key type the format holds
    cannot_hold: Mapping[type[Key], str] = field(default_factory=dict)  # key type → why not

    def holds(self, key_type: type[Key]) -> bool:
        return key_type not in self.cannot_hold

    def export(self, pack: Pack, questions: Sequence[Question]) -> Rendered:
        """The questions in this format; those whose key type it cannot hold are left out
        here, others the renderer itself refuses (a grade Moodle cannot express) there."""
        held: list[Question] = []
        refused: list[LeftOut] = []
        for q in questions:
            if self.holds(type(q.key)):
                held.append(q)
            else:
                refused.append(LeftOut(q, self.cannot_hold[type(q.key)]))
        done = self.render(pack, held)
        order = {id(q): i for i, q in enumerate(questions)}
        left = sorted([*refused, *done.left_out], key=lambda x: order[id(x.question)])
        return Rendered(done.text, done.written, tuple(left))


class UnknownFormat(ValueError):
    pass


def names() -> tuple[str, ...]:
    """Every format's name, read off the module names without importing them (the command
    line lists them in --help, which must stay fast)."""
    found = (m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return tuple(sorted(n.replace("_", "-") for n in found))


def get(name: str) -> Format:
    if name not in names():
        raise UnknownFormat(f"unknown format {name!r}; choose from {', '.join(names())}")
    module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    fmt = module.FORMAT
    assert isinstance(fmt, Format) and fmt.name == name, f"{module.__name__}.FORMAT is {fmt!r}"
    return fmt
