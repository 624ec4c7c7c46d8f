"""The first question of a `quiz play` round, remembered, so that its first frame needs neither
the pack nor the round.

Making a round loads the pack and generates every question before the first is shown (the
round's order depends on all of them): tens of milliseconds, before Textual can draw. A
round with a given seed is the same round every time, so what its first frame shows (the
prompt, the options, how they are answered, the key hint and the status line, in words) is
kept in the cache folder after a round is made, keyed on everything that decides it: the
arguments that make the round (pack, count, kinds, topics, seed, scoring), every pack file
in the known folders and the sources of the pack played (path, modification time, size), the
interface's language and the program's own files (an edited module is a miss). A later run
with the same key draws that frame at once and makes the round meanwhile; the round's own
first question is then compared with what was drawn, and the round's wins (see
quiz.tui.screens.first).

Only what a first frame can take from memory is kept: a practice round with a seed, whose
first question has options and no clock. Reading or writing never fails a run: a damaged
file, a folder that cannot be written or caching turned off (QUIZ_NO_CACHE) is a miss.
Nothing here imports the pack model, the round or Textual: this runs before the first frame.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.packs.places import cache_dir, keep_json, memory_key, stamp_of

if TYPE_CHECKING:
    from quiz.session import Session

FILE = "first-question.json"
FORMAT = 1
MODES = {"one": "single", "many": "multi", "order": "order"}  # Shape's value → AnswerList's


@dataclass(frozen=True)
class FirstView:
    """What the first frame of a round shows, in words already (the key's language)."""

    prompt: str
    options: tuple[str, ...]
    mode: str  # how the options are answered: "single", "multi" or "order"
    hint: str  # which keys answer
    score: str  # the status line's three labels
    streak: str
    position: str


def key_of(args: argparse.Namespace, language: str) -> dict[str, Any] | None:
    """The key of the round these `quiz play` arguments make; None when its first frame is
    not taken from memory (plain lines, a review, a paper, no seed)."""
    if (
        args.plain
        or args.mode != "practice"
        or args.paper is not None
        or args.until_done
        or args.seed is None
    ):
        return None
    common = memory_key("first-view", args.packs, language)
    if common is None:
        return None
    return {
        "format": FORMAT,
        **common,
        "round": {
            "pack": args.pack,
            "count": args.count or 10,
            "kinds": list(args.kinds or []),
            "topics": list(args.topics or []),
            "seed": args.seed,
            "speed_bonus": bool(args.speed_bonus),
            "no_streak": bool(args.no_streak),
        },
    }


def cached(key: dict[str, Any]) -> FirstView | None:
    """The first frame kept for exactly this key (its pack's sources unchanged), or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / FILE, encoding="utf-8") as fh:
            kept = json.load(fh)
        if kept["key"] != key:
            return None
        for stamp in kept["sources"]:
            if stamp_of(stamp[0]) != stamp:
                return None
        view = kept["view"]
        shown = FirstView(
            prompt=str(view["prompt"]),
            options=tuple(str(o) for o in view["options"]),
            mode=str(view["mode"]),
            hint=str(view["hint"]),
            score=str(view["score"]),
            streak=str(view["streak"]),
            position=str(view["position"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
    if shown.mode not in MODES.values() or not shown.options:
        return None
    return shown


def first_view(session: Session) -> FirstView | None:
    """What a round's first frame shows, from a round not yet answered; None when a first
    frame from memory could not show it (typed answers, a clock, an exam)."""
    from quiz import words
    from quiz.round.viewing import question_view
    from quiz.session import Phase

    if session.phase is not Phase.ASKING or session.outcomes:  # answered or left already
        return None
    try:
        view = question_view(session)
    except RuntimeError:  # the round ended meanwhile (left on its own thread)
        return None
    mode = MODES.get(view.shape.value)
    if mode is None or not view.options or view.timed or view.speed or view.exam:
        return None
    if view.index or view.score or view.streak:  # answered already: not the first frame
        return None
    return FirstView(
        prompt=view.prompt,
        options=view.options,
        mode=mode,
        hint=words.key_hint(view.kind, len(view.options)),
        score=words.score(view.score),
        streak=words.streak(view.streak),
        position=words.position(view.index + 1, view.total, view.review),
    )


def remember(
    key: dict[str, Any], view: FirstView | None, pack_path: str, sources: list[str]
) -> None:
    """Keep a round's first frame under its key (only if it changed). Never raises."""
    folder = cache_dir()
    if folder is None or view is None:
        return
    try:
        here = Path(pack_path).resolve().parent
        content = {
            "key": key,
            "sources": [stamp_of(str(here / s)) for s in sources],
            "view": {**asdict(view), "options": list(view.options)},
        }
        keep_json(folder, FILE, content)
    except OSError:
        pass
