"""Pack problems, each pinned to a file, line and column.

A pack is untrusted input written by people: every problem becomes one line
an author can jump to (`file:line:col: message`), never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# A path into the parsed YAML, e.g. ("facts", 3, "evidence", "quote").
YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    col: int
    message: str
    warning: bool = False  # worth saying, but the pack still loads

    def __str__(self) -> str:
        from quiz.lang import _
        from quiz.safe import visible  # a message may quote the pack: show, never obey

        file, line, col, message = self.file, self.line, self.col, self.message
        if self.line <= 0:  # not about a place in a file (e.g. an unknown pack id)
            if self.warning:
                return visible(_("{file}: warning: {message}").format(file=file, message=message))
            return visible(f"{file}: {message}")
        if self.warning:
            said = _("{file}:{line}:{col}: warning: {message}")
            return visible(said.format(file=file, line=line, col=col, message=message))
        return visible(f"{file}:{line}:{col}: {message}")


class PackError(Exception):
    """A pack could not be loaded; `problems` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def display_path(path: Path) -> str:
    """The file name as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
