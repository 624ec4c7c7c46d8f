"""Results that travel: a student's sittings written to a file, and such files read back.

A results file (quiz-results/1) holds, for each sitting, the player, the paper
code, the spec, and every answer with its question id, the question's
fingerprint, the response, the seconds it took and when it was given. Reading
one trusts nothing in it: the schema bounds its shape, the paper code is decoded
against the packs installed here, every question is regenerated and must be the
one the student saw (same fingerprint), every response must fit its question,
and every score is recomputed from the responses: a claimed score that differs is
said, never kept.

Whatever a file holds, reading it ends in an Incoming list or one ResultsFileError
line naming it: dates outside 2000–2100, numbers JSON cannot hold (1e400), nesting
deeper than any results file has, control characters in a response, a timeout on a
paper without a time limit, a file larger than any class hands in. The importer
(quiz.commands.results) then takes the next file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from quiz.classroom.marking import replay
from quiz.classroom.schema import FORMAT, SCHEMA
from quiz.lang import _
from quiz.packs.model import Pack
from quiz.papers import Paper, PaperError, decode
from quiz.question import InvalidResponse, Question
from quiz.services import check_name
from quiz.session import Given
from quiz.spec import RoundSpec, SpecError
from quiz.store.records import AnswerRecord, SittingRow
from quiz.store.review import iso, parse_iso
from quiz.store.sql import SqlStore

MAX_FILE = 8 * 1024 * 1024
SLACK = 2.0  # seconds a clock may be off between an answer and the sitting's end
# How far a computer's wall clock may have been set back during an honest sitting (a time
# zone fixed, a clock synchronised): its times may then run backwards by up to this much.
# The time limit is checked on the answers' own seconds, timed on a clock that never jumps.
JUMP = dt.timedelta(hours=24)
YEARS = (2000, 2100)  # a sitting outside these years is a clock or a file gone wrong
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ResultsFileError(ValueError):
    """A results file that cannot be taken: one line, naming the file and the field."""


def fingerprint(q: Question) -> str:
    """What the student saw and how it is marked, in 16 hex digits: a file whose question
    differs from the one regenerated here (another version of quiz) is refused."""
    seen = [q.id, q.kind, q.prompt, list(q.options), q.answer_text()]
    text = json.dumps(seen, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# -- writing --------------------------------------------------------------------------


def export_doc(
    rows: Sequence[SittingRow], paper: Paper, questions: Sequence[Question], now: dt.datetime
) -> dict[str, Any]:
    from quiz import __version__

    return {
        "format": FORMAT,
        "quiz": __version__,
        "exported_at": iso(now),
        "sittings": [_sitting_json(r, paper, questions) for r in rows],
    }


def _sitting_json(row: SittingRow, paper: Paper, questions: Sequence[Question]) -> dict[str, Any]:
    return {
        "id": row.uid,
        "player": row.player,
        "paper": paper.code,
        "spec": paper.spec.to_json(),
        "started_at": row.started_at,
        "ended_at": row.ended_at,
        "status": row.status,
        "score": row.score,
        "total": len(questions),
        "answers": [
            {
                "seq": a.seq,
                "question": a.question_id,
                "fingerprint": fingerprint(questions[a.seq]),
                "response": None if a.response is None else json.loads(a.response),
                "seconds": a.seconds,
                "answered_at": a.answered_at,
            }
            for a in row.answers
            if a.seq < len(questions)
        ],
    }


# -- reading --------------------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """A sitting read from a file, checked, and marked here."""

    uid: str
    player: str
    paper: Paper
    started_at: str
    ended_at: str
    status: str
    answers: tuple[AnswerRecord, ...]
    claimed: int | None = None  # the score the student's computer wrote: said if it differs

    @property
    def score(self) -> int:
        return sum(a.points for a in self.answers)


class Papers:
    """Paper codes decoded against the installed packs, each paper's questions made once."""

    def __init__(self, packs: Iterable[Pack]) -> None:
        self.packs = list(packs)
        self._made: dict[str, tuple[Paper, tuple[Question, ...]]] = {}

    def get(self, code: str) -> tuple[Paper, tuple[Question, ...]]:
        from quiz.generate import round_questions

        paper = decode(code, self.packs)
        if paper.code not in self._made:
            self._made[paper.code] = (paper, tuple(round_questions(paper.pack, paper.spec)))
        return self._made[paper.code]


def read_results(path: Path, papers: Papers) -> list[Incoming]:
    """Every sitting in a results file, or ResultsFileError for the first thing wrong."""
    doc = _load(path)
    try:
        _validate(path, doc)
        return [_sitting(path, f"sittings[{i}]", s, papers) for i, s in enumerate(doc["sittings"])]
    except RecursionError:
        raise _fail(path, "", _("nested deeper than a results file is")) from None
    except (OverflowError, ArithmeticError) as exc:
        raise _fail(
            path, "", _("a number or date out of range ({reason})").format(reason=exc)
        ) from None


def _fail(path: Path, field: str, problem: str) -> ResultsFileError:
    where = f"{path.name}: {field}: " if field else f"{path.name}: "
    return ResultsFileError(where + problem)


def _load(path: Path) -> Any:
    too_big = _fail(
        path, "", _("larger than {n} MB: not a results file").format(n=MAX_FILE // 2**20)
    )
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe would wait for a writer, a device never end
            raise _fail(path, "", _("not a regular file: not a results file"))
        if info.st_size > MAX_FILE:
            raise too_big
        with path.open("rb") as f:  # at most MAX_FILE, whatever the size said a moment ago
            data = f.read(MAX_FILE + 1)
        if len(data) > MAX_FILE:
            raise too_big
        text = data.decode("utf-8")
    except OSError as exc:
        raise _fail(
            path, "", _("cannot read it: {reason}").format(reason=exc.strerror or exc)
        ) from None
    except UnicodeDecodeError:
        raise _fail(path, "", _("not UTF-8 text: not a results file")) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_repeats,
            parse_constant=_no_constant,
            parse_float=_finite,
            parse_int=_whole,
        )
    except json.JSONDecodeError as exc:
        where = f"{path.name}:{exc.lineno}:{exc.colno}"
        raise ResultsFileError(
            _("{where}: not JSON: {reason}").format(where=where, reason=exc.msg)
        ) from None
    except RecursionError:
        raise _fail(path, "", _("nested deeper than a results file is")) from None
    except ValueError as exc:
        raise _fail(path, "", str(exc)) from None


def _finite(text: str) -> float:
    """A JSON number as a float, refused when it is too large for one (1e400 is infinity)."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(_("the number {number} is too large").format(number=_short(text)))
    return value


def _whole(text: str) -> int:
    """A JSON whole number, refused when longer than any a results file holds."""
    if len(text) > 20:
        raise ValueError(_("the number {number} is too large").format(number=_short(text)))
    return int(text)


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(_("the field {field} is given twice").format(field=_short(key)))
        out[key] = value
    return out


def _no_constant(name: str) -> None:
    raise ValueError(_("{name} is not a number a results file may hold").format(name=name))


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(SCHEMA)


def _validate(path: Path, doc: Any) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(doc))
    if error is None:
        return
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    raise _fail(path, field.lstrip(".") or _("(the file)"), _says(error))


def _says(error: Any) -> str:
    """A schema error in words, without echoing the untrusted value."""
    v, want = error.validator, error.validator_value
    if v == "required":
        missing = [k for k in want if isinstance(error.instance, dict) and k not in error.instance]
        return (
            _("missing field {field}").format(field=_short(missing[0]))
            if missing
            else _("a field is missing")
        )
    if v == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(k for k in error.instance if k not in error.schema.get("properties", {}))
        return (
            _("unexpected field {field}").format(field=_short(extra[0]))
            if extra
            else _("unexpected field")
        )
    if v == "pattern" and error.path and error.path[-1] == "player":
        return _("a player name cannot hold control characters")
    if v == "const" and error.path and error.path[-1] == "format":
        return _("not a results file (expected format {format})").format(format=FORMAT)
    if v == "type":
        return _("expected {types}").format(
            types=want if isinstance(want, str) else _(" or ").join(want)
        )
    if v in ("enum", "const"):
        allowed = want if v == "enum" else [want]
        return _("must be {values}").format(values=_(" or ").join(_short(x) for x in allowed))
    words = {
        "pattern": _("not in the expected form"),
        "maxLength": _("longer than {n} characters").format(n=want),
        "minLength": _("empty"),
        "maxItems": _("more than {n} items").format(n=want),
        "minItems": _("empty"),
        "minimum": _("below {n}").format(n=want),
        "maximum": _("above {n}").format(n=want),
        "maxProperties": _("too many fields"),
        "oneOf": _("not a response (an option number, a list of them, text, or null)"),
    }
    return words.get(v, _("fails the schema's {rule} rule").format(rule=repr(v)))


def _short(text: object) -> str:
    shown = "".join(c if c.isprintable() else "?" for c in str(text))
    return repr(shown if len(shown) <= 40 else shown[:40] + "…")


def _sitting(path: Path, at: str, raw: dict[str, Any], papers: Papers) -> Incoming:
    try:
        player = check_name(raw["player"])
    except ValueError as exc:
        raise _fail(path, f"{at}.player", str(exc)) from None
    try:
        paper, questions = papers.get(raw["paper"])
    except PaperError as exc:
        raise _fail(path, f"{at}.paper", str(exc)) from None
    try:
        spec = RoundSpec.from_json(raw["spec"])
    except SpecError as exc:
        raise _fail(path, f"{at}.spec", str(exc)) from None
    if spec != paper.spec:
        raise _fail(
            path, f"{at}.spec", _("is not the spec of paper {code}").format(code=paper.code)
        )
    started, ended = _when(path, f"{at}.started_at", raw), _when(path, f"{at}.ended_at", raw)
    if ended < started - JUMP:
        raise _fail(path, f"{at}.ended_at", _("before the sitting started"))
    if raw["status"] == "timeout" and paper.spec.time_limit is None:
        raise _fail(
            path,
            f"{at}.status",
            _("timeout, but paper {code} has no time limit to run out").format(code=paper.code),
        )
    answers = raw["answers"]
    if len(answers) > len(questions):
        raise _fail(
            path, f"{at}.answers", _("more answers than the {n} questions").format(n=len(questions))
        )
    if raw["status"] == "done" and len(answers) < len(questions):
        raise _fail(path, f"{at}.status", _("done, but not every question has an answer"))
    given = [
        _given(path, f"{at}.answers[{j}]", a, j, questions, paper, started, ended)
        for j, a in enumerate(answers)
    ]
    _within_limit(path, at, answers, paper)
    session = replay(spec, paper.pack, questions, given, started)
    return Incoming(
        raw["id"],
        player,
        paper,
        iso(started),
        iso(ended),
        raw["status"],
        tuple(AnswerRecord.of(o) for o in session.outcomes),
        raw.get("score"),
    )


def _when(path: Path, field: str, raw: dict[str, Any]) -> dt.datetime:
    name = field.rsplit(".", 1)[-1]
    try:
        moment = parse_iso(raw[name].replace("Z", "+00:00"))
        year = moment.astimezone(dt.UTC).year
    except (ValueError, OverflowError):
        raise _fail(path, field, _("not a date and time")) from None
    if not YEARS[0] <= year <= YEARS[1]:
        raise _fail(
            path, field, _("a date outside {first}–{last}").format(first=YEARS[0], last=YEARS[1])
        )
    return moment


def _given(
    path: Path,
    at: str,
    a: dict[str, Any],
    j: int,
    questions: Sequence[Question],
    paper: Paper,
    started: dt.datetime,
    ended: dt.datetime,
) -> Given:
    if a["seq"] != j:
        raise _fail(
            path, f"{at}.seq", _("expected {n}: answers come in the paper's order").format(n=j)
        )
    q = questions[j]
    if a["question"] != q.id:
        raise _fail(
            path,
            f"{at}.question",
            _("not question {n} of paper {code}").format(n=j + 1, code=paper.code),
        )
    if a["fingerprint"] != fingerprint(q):
        raise _fail(
            path,
            f"{at}.fingerprint",
            _(
                "question {n} differs from this computer's copy of the paper "
                "(is quiz the same version on both computers?)"
            ).format(n=j + 1),
        )
    response = a["response"]
    if isinstance(response, str) and CONTROL.search(response):
        raise _fail(path, f"{at}.response", _("a response cannot hold control characters (NUL…)"))
    if response is not None:
        try:
            q.normalize(tuple(response) if isinstance(response, list) else response)
        except InvalidResponse as exc:
            raise _fail(
                path,
                f"{at}.response",
                _("does not fit question {n}: {reason}").format(n=j + 1, reason=exc),
            ) from None
    moment = _when(path, f"{at}.answered_at", a)
    slack = dt.timedelta(seconds=SLACK)
    limit = paper.spec.time_limit
    late = limit is not None and moment - started > dt.timedelta(seconds=limit) + JUMP + slack
    if response is not None and late:  # later than any clock jump explains
        raise _fail(path, f"{at}.answered_at", _("after the paper's time limit"))
    # A wall clock set back mid-sitting makes answers seem to come before the start or after
    # the end; that is honest up to JUMP. Beyond it, the times cannot be this sitting's.
    if not started - JUMP - slack <= moment <= ended + JUMP + slack:
        raise _fail(path, f"{at}.answered_at", _("outside the sitting's start and end"))
    return Given(response, float(a["seconds"]), moment)


def _within_limit(path: Path, at: str, answers: Sequence[dict[str, Any]], paper: Paper) -> None:
    """The time limit, on the seconds each answer took (timed on the monotonic clock, which
    a wall clock set back does not move): an answer given once they add up to more than the
    limit came after it. Unanswered questions (time ran out) take no time."""
    limit = paper.spec.time_limit
    if limit is None:
        return
    used = 0.0
    for j, a in enumerate(answers):
        used += float(a["seconds"])
        if a["response"] is not None and used > limit + SLACK:
            raise _fail(path, f"{at}.answers[{j}].seconds", _("after the paper's time limit"))


def keep(store: SqlStore, sitting: Incoming) -> bool:
    """Add the sitting to the store (False: it was there already, by its id)."""
    from quiz.store.sittings import add_sitting

    added = add_sitting(
        store,
        sitting.player,
        sitting.paper.spec,
        sitting.paper.code,
        sitting.uid,
        sitting.started_at,
        sitting.ended_at,
        sitting.status,
        sitting.answers,
    )
    return added is not None


def differs(store: SqlStore, sitting: Incoming) -> list[str]:
    """For a sitting whose id is kept here already: what differs between the two (player,
    paper, start, end, status, answers; quiz.words says them), empty when the file holds
    the same sitting again. The copy kept first stands; a difference is said, never
    merged."""
    from quiz.store.sittings import sitting_by_uid

    kept = sitting_by_uid(store, sitting.uid)
    if kept is None:
        return []
    return [
        what
        for what, mine, theirs in (
            ("player", kept.player, sitting.player),
            ("paper", kept.paper, sitting.paper.code),
            ("start", kept.started_at, sitting.started_at),
            ("end", kept.ended_at, sitting.ended_at),
            ("status", kept.status, sitting.status),
            (
                "answers",
                [(a.seq, a.question_id, a.response, a.answered_at) for a in kept.answers],
                [(a.seq, a.question_id, a.response, a.answered_at) for a in sitting.answers],
            ),
        )
        if mine != theirs
    ]


def _trace(answers: Sequence[tuple[str, str | None, float, str]]) -> tuple[Any, ...] | None:
    """A sitting's answers with their pace, not their clock: each response and the seconds
    from the answer before it, so a file whose times were all shifted still matches the one
    it was copied from. None for fewer than two answers: one answer alike proves nothing."""
    if len(answers) < 2:
        return None
    moments = [parse_iso(at) for _, _, _, at in answers]
    gaps = [0.0] + [(b - a).total_seconds() for a, b in zip(moments, moments[1:], strict=False)]
    return tuple(
        (qid, response, round(seconds, 2), round(gap, 2))
        for (qid, response, seconds, _), gap in zip(answers, gaps, strict=True)
    )


def copied_from(store: SqlStore, added: Sequence[Incoming]) -> dict[str, list[str]]:
    """For each sitting just added (by its id), the other students whose sitting of the paper
    has the same answers at the same pace (every response alike, and the seconds each took
    and between them alike to a hundredth, even with every time shifted): a results file
    copied and renamed. A file cannot prove who sat it, but two people do not answer every
    question alike at the same pace. One read of each paper's sittings, however many files
    came in."""
    from quiz.store.sittings import sittings

    found: dict[str, list[str]] = {}
    for code in {s.paper.code for s in added}:
        by_trace: dict[tuple[Any, ...], list[tuple[str, str]]] = {}
        for row in sittings(store, code):
            trace = _trace(
                [(a.question_id, a.response, a.seconds, a.answered_at) for a in row.answers]
            )
            if trace:
                by_trace.setdefault(trace, []).append((row.uid, row.player))
        for group in by_trace.values():
            for uid, player in group:
                others = sorted({p for u, p in group if u != uid and p != player})
                if others and any(s.uid == uid for s in added):
                    found[uid] = others
    return found
