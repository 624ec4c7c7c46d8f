"""A player's past rounds, and one of them opened again: every question as it was asked, the
answer given, the right answer and the passage that proves it.

Nothing here is made up afresh: a round keeps its spec, and the same spec on the same pack
gives the same questions (quiz.generate). A round played on another version of its pack
(or on a pack not installed now) is listed with its figures, and opening it says why its
questions cannot be shown instead of showing different ones. No Textual here: `quiz
history` and the History screen both read this.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz import words
from quiz.classroom.marking import Mark
from quiz.packs.model import Pack
from quiz.store.records import GivenAnswer, PastRound
from quiz.store.review import parse_iso
from quiz.store.sql import SqlStore

FORMAT = "quiz-history/1"
LATEST = 500  # rounds listed at most (the newest)


def when(started_at: str) -> str:
    """A round's start as this computer's local date and time, to the minute."""
    return parse_iso(started_at).astimezone().strftime("%Y-%m-%d %H:%M")


def mode_of(r: PastRound) -> str:
    """practice, review or exam (a paper's sitting)."""
    return "exam" if r.paper else r.mode


@dataclass(frozen=True)
class Opened:
    """A past round opened: its marks when its questions can be shown as they were asked,
    else why not (`unshown`) and the answers as kept (question ids and results)."""

    round: PastRound
    pack: Pack | None
    marks: tuple[Mark, ...]
    unshown: str | None
    kept: tuple[GivenAnswer, ...]


def rounds(store: SqlStore, player_id: int, pack_id: str | None = None) -> list[PastRound]:
    return store.past_rounds(player_id, pack_id, latest=LATEST)


def open_round(store: SqlStore, r: PastRound, packs: Mapping[str, Pack]) -> Opened:
    """The round `r` with its questions regenerated from its spec, if the pack installed now
    is the very one it was played on and every kept answer fits its question."""
    kept = tuple(store.given_answers(r.id))
    pack = packs.get(r.pack_id)
    if pack is None:
        return Opened(r, None, (), words.history_pack_missing(r.pack_id), kept)
    if (pack.version, pack.digest) != (r.pack_version, r.pack_digest):
        why = words.history_pack_changed(r.pack_id, r.pack_version, pack.version)
        return Opened(r, pack, (), why, kept)
    marks = _marks(pack, r, kept)
    if marks is None:
        return Opened(r, pack, (), words.history_not_regenerated(), kept)
    return Opened(r, pack, marks, None, kept)


def _marks(pack: Pack, r: PastRound, kept: tuple[GivenAnswer, ...]) -> tuple[Mark, ...] | None:
    """One mark per answer given, against the question it answered; None when a kept answer
    does not match the regenerated round (another id at its place, or a response that does
    not fit): then the questions are not the ones asked, and are not shown."""
    from quiz.generate import round_questions
    from quiz.kinds import response_from_json
    from quiz.question import InvalidResponse
    from quiz.spec import RoundSpec, SpecError

    try:
        spec = RoundSpec.loads(r.spec)
        questions = round_questions(pack, spec)
    except (SpecError, ValueError):
        return None
    marks = []
    for a in kept:
        if not 0 <= a.seq < len(questions) or questions[a.seq].id != a.question_id:
            return None
        q = questions[a.seq]
        try:
            response = None if a.response is None else response_from_json(q, json.loads(a.response))
        except (InvalidResponse, ValueError):
            return None
        credit = a.credit if response is not None else 0.0
        marks.append(Mark(a.seq + 1, q, response, credit, a.points, a.seconds))
    return tuple(marks)


def round_json(r: PastRound) -> dict[str, Any]:
    return {
        "round": r.id,
        "player": r.player,
        "started": r.started_at,
        "ended": r.ended_at,
        "pack": {"id": r.pack_id, "version": r.pack_version},
        "mode": mode_of(r),
        "paper": r.paper,
        "questions": r.count,
        "answered": r.answers,
        "right": r.right,
        "score": r.score,
        "status": r.status,
    }


def list_json(player: str, rows: list[PastRound]) -> dict[str, Any]:
    return {"format": FORMAT, "player": player, "rounds": [round_json(r) for r in rows]}


def opened_json(o: Opened) -> dict[str, Any]:
    from quiz.round.viewing import quotes_of

    out: dict[str, Any] = {"format": FORMAT, **round_json(o.round), "shown": o.unshown is None}
    if o.unshown is not None:
        out["why_not_shown"] = o.unshown
        out["answers"] = [
            {"number": a.seq + 1, "id": a.question_id, "result": a.result, "points": a.points}
            for a in o.kept
        ]
        return out
    out["answers"] = [
        {
            "number": m.number,
            "id": m.question.id,
            "prompt": m.question.prompt,
            "given": None if m.response is None else m.response_text,
            "result": m.result,
            "points": m.points,
            "answer": m.question.answer_text(),
            "quotes": [q.text for q in quotes_of(m.question)],
        }
        for m in o.marks
    ]
    return out


def list_lines(player: str, rows: list[PastRound]) -> list[str]:
    """The table `quiz history` prints: one line a round, newest first."""
    if not rows:
        return [words.history_empty(player)]
    lines = [words.history_title(player), ""]
    head = words.history_columns()
    cells = [head] + [_cells(r) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    for c in cells:
        lines.append("  ".join(x.ljust(w) for x, w in zip(c, widths, strict=True)).rstrip())
    lines += ["", words.history_open_hint()]
    return lines


def _cells(r: PastRound) -> list[str]:
    return [
        str(r.id),
        when(r.started_at),
        r.pack_id,
        words.history_mode(mode_of(r)),
        words.history_asked(r.answers, r.count),
        words.history_score(r.score, r.right, r.answers),
    ]


def opened_lines(o: Opened) -> list[str]:
    """One round opened, as plain lines: its heading, then every question with the answer
    given, the right answer, why, and the passages (quoted between » «)."""
    from quiz.classroom.review import mark_lines

    r = o.round
    lines = [words.history_round_heading(r.id, when(r.started_at), r.pack_id, mode_of(r))]
    lines.append(words.history_score(r.score, r.right, r.answers))
    if o.unshown is not None or o.pack is None:
        lines += ["", o.unshown or ""]
        lines += [
            words.history_kept_answer(a.seq + 1, a.question_id, words.mark_result(a.result))
            for a in o.kept
        ]
        return lines
    for m in o.marks:
        lines += [""] + mark_lines(o.pack, m)
    return lines
