"""Shared by the export tests: the packs to export, the bundled pack's --all export as a user
runs it, and text comparison that forgives only whitespace.

Expectations always come from the questions themselves (`all_questions`), never from
hard-coded prompts: the generator changes, these tests must not.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from conftest import DATA
from helpers import bundled, run_quiz
from quiz.generate import all_questions
from quiz.packs import Pack, load_pack
from quiz.question import Question

HOSTILE = DATA / "hostile.yaml"  # GIFT, Markdown and HTML specials in every kind of text


@functools.cache
def hostile() -> Pack:
    return load_pack(HOSTILE)


@functools.cache
def questions(name: str) -> tuple[Question, ...]:
    pack = bundled() if name == "bundled" else hostile()
    return tuple(all_questions(pack, 0))


def pack(name: str) -> Pack:
    return bundled() if name == "bundled" else hostile()


@functools.cache
def cli_export(name: str, fmt: str) -> tuple[str, str]:
    """(stdout, stderr) of `quiz export PACK --all --format FMT`, run as a user runs it."""
    target = "lithuania-nato" if name == "bundled" else str(HOSTILE)
    result = run_quiz("export", target, "--all", "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout, result.stderr


def norm(text: str) -> str:
    """Whitespace runs as one space: what a reader that reflows text gives back."""
    return " ".join(text.split())


def unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def letter(i: int) -> str:
    assert 0 <= i < 26
    return chr(ord("A") + i)


# Moodle's category path: names split on a single '/', '//' stands for '/' in a name
# (qformat_default::split_category_path).
def moodle_category(path: str) -> list[str]:
    return [norm(p.replace("//", "/")) for p in re.split(r"(?<!/)/(?!/)", path)]
