"""Where each fact of a loaded pack stands in its file, for messages an editor can jump to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quiz.packs.errors import display_path
from quiz.packs.model import Pack
from quiz.packs.yamlio import Locator, read_text


def fact_places(pack: Pack) -> Callable[[int], str]:
    """`file:line:col` of fact i (the file is read again only when asked)."""
    path = Path(pack.path)
    name = display_path(path)
    found: list[Locator] = []

    def where(i: int) -> str:
        if not found:
            found.append(Locator(read_text(path)))
        line, col = found[0](("facts", i))
        return f"{name}:{line}:{col}"

    return where
