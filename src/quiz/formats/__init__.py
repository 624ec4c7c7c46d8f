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
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.formats.base import Format, LeftOut, Rendered

__all__ = ["Format", "LeftOut", "Rendered", "UnknownFormat", "get", "names"]


def __getattr__(name: str) -> Any:
    """Format, Rendered and LeftOut load on first use (PEP 562): `names()` stays cheap."""
    if name in ("Format", "LeftOut", "Rendered"):
        from quiz.formats import base

        return getattr(base, name)
    raise AttributeError(f"module 'quiz.formats' has no attribute {name!r}")


class UnknownFormat(ValueError):
    pass


def names() -> tuple[str, ...]:
    """Every format's name, read off the module names without importing them (the command
    line lists them in --help, which must stay fast)."""
    here = Path(__file__).parent  # a directory listing: pkgutil would import inspect
    found = (p.stem for p in here.glob("*.py") if not p.stem.startswith("_") and p.stem != "base")
    return tuple(sorted(n.replace("_", "-") for n in found))


def get(name: str) -> Format:
    if name not in names():
        raise UnknownFormat(f"unknown format {name!r}; choose from {', '.join(names())}")
    module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    fmt = module.FORMAT
    from quiz.formats.base import Format

    assert isinstance(fmt, Format) and fmt.name == name, f"{module.__name__}.FORMAT is {fmt!r}"
    return fmt
