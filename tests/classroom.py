"""Helpers for the classroom tests: a paper of the moon pack, the line a student types for a
question, and a sitting played through `quiz play --paper --plain` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import MOON
from helpers import moon, right_response, wrong_response
from quiz.papers import Paper, encode, paper_spec
from quiz.question import Figure, Many, One, Order, Question, Text


def moon_paper(seed: int = 3, count: int = 5, time_limit: int | None = None) -> Paper:
    pack = moon()
    spec = paper_spec(pack, seed, count, time_limit=time_limit)
    return Paper(encode(spec, pack), spec, pack)


def line_for(q: Question, right: bool = True) -> str:
    """What a student types in the line mode to answer `q` right (or wrong)."""
    key = q.key
    if isinstance(key, Text | Figure):
        return str(right_response(q) if right else wrong_response(q))
    if isinstance(key, One):
        pick = key.right if right else (key.right + 1) % len(q.options)
        return str(pick + 1)
    if isinstance(key, Many):
        picks = (
            sorted(key.right)
            if right
            else [i for i in range(len(q.options)) if i not in key.right][:1]
        )
        return ",".join(str(i + 1) for i in picks)
    assert isinstance(key, Order)
    order = key.order if right else tuple(reversed(key.order))
    return ",".join(str(i + 1) for i in order)


def quiz_env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}


def sit(code: str, db: Path, player: str, lines: list[str], *extra: str):
    """A whole sitting in the line mode; the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "quiz", "play", "--plain", "--paper", code, "--packs", str(MOON)]
        + ["--db", str(db), "--player", player, *extra],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=quiz_env(),
        timeout=60,
    )


def quiz(*args: str, cwd: Path | None = None, timeout: float = 60):
    """`quiz ARGS --packs MOON`; `timeout` only guards against a hang (a batch of 200
    files on a loaded machine takes longer than one command)."""
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args, "--packs", str(MOON)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=quiz_env(),
        cwd=cwd,
        timeout=timeout,
    )
