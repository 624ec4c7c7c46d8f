"""Helpers shared by the core tests: small packs, the bundled pack, running the CLI."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from conftest import DATA
from quiz.packs import Pack, PackError, Problem, load_pack

MOON_TEXT = (DATA / "sources" / "moon.txt").read_bytes()
MOON_SHA = "a402a68a21480ad48140408251aa0aff0ca4a9054de9a5a8a679cff4cf6335c1"
BUNDLED_ID = "lithuania-nato"

# `file:line:col: message`, one problem per line.
LOCATED = re.compile(r"^(?P<file>[^\n:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>\S.*)$")


def write_pack(folder: Path, text: str | bytes, name: str = "pack.yaml") -> Path:
    """Write a pack file with a copy of the moon source beside it (sources/moon.txt)."""
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    source = folder / "sources" / "moon.txt"
    if not source.exists():
        source.write_bytes(MOON_TEXT)
    path = folder / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def problems_of(path: Path) -> list[Problem]:
    """The problems load_pack reports for a file ([] when it loads)."""
    try:
        load_pack(path)
    except PackError as exc:
        return exc.problems
    return []


@functools.cache
def bundled() -> Pack:
    """The bundled pack, whatever state it is in: a broken or missing pack fails the test."""
    from quiz.packs.registry import resolve

    return resolve(BUNDLED_ID)


def moon() -> Pack:
    from conftest import MOON

    return _moon(str(MOON))


@functools.cache
def _moon(path: str) -> Pack:
    return load_pack(path)


def run_quiz(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout=60):
    """Run `python -m quiz ARGS` in a subprocess; the result of subprocess.run."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=full_env,
        timeout=timeout,
    )


def plain(text: str) -> str:
    """A comparison key written independently of quiz.text.fold: accents, case, punctuation gone."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    bare = re.sub(r"[^\w]+", " ", bare).strip()
    return re.sub(r"^(the|a|an) ", "", bare)


def mentions(haystack: str, needle: str) -> bool:
    """Whether `needle` stands in `haystack` as whole words, after `plain` folding."""
    n = plain(needle)
    return bool(n) and f" {n} " in f" {plain(haystack)} "


def where(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, col) of the nth occurrence of needle in text."""
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col
