"""A round's recipe as plain data: the same spec gives the same questions, in the same option
order, on any machine.

A spec names its pack by id, version and content digest (never a `Pack`
object), so it can be stored with a round, encoded in a paper code, sent to
another computer and checked against the pack installed there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from quiz.kinds import KINDS
from quiz.limits import MAX_COUNT
from quiz.round.codes import Shortfall
from quiz.scoring import Rules

Mode = Literal["practice", "review", "exam"]
Feedback = Literal["each", "end"]
MODES: tuple[Mode, ...] = ("practice", "review", "exam")
MAX_TIME_LIMIT = 24 * 3600


class SpecError(ValueError):
    """A spec that cannot be used: malformed, or naming a different pack."""


@dataclass(frozen=True)
class PackRef:
    id: str
    version: str
    digest: str  # SHA-256 of the pack file and its sources

    @classmethod
    def of(cls, pack: Any) -> PackRef:
        return cls(pack.id, pack.version, pack.digest)


@dataclass(frozen=True)
class RoundSpec:
    pack: PackRef
    seed: int
    count: int = 10
    kinds: tuple[str, ...] | None = None
    topics: tuple[str, ...] | None = None
    rules: Rules = field(default_factory=Rules)
    mode: Mode = "practice"
    feedback: Feedback = "each"  # after each answer, or only at the end (exams)
    time_limit: int | None = None  # seconds for the whole round
    questions: tuple[str, ...] | None = None  # exactly these question ids (review, retry)

    def shortfall(self, made: int) -> Shortfall | None:
        """Why a round holds fewer questions than it asked for, or None if it does not: a
        round never asks a fact twice, so a small pack or a narrow filter runs out."""
        if self.questions is not None or made >= self.count:
            return None
        return Shortfall(made, bool(self.kinds or self.topics))

    def again(self, seed: int) -> RoundSpec:
        """A fresh round like this one: same settings, another seed."""
        return replace(self, seed=seed)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "pack": {"id": self.pack.id, "version": self.pack.version, "digest": self.pack.digest},
            "seed": self.seed,
            "count": self.count,
            "rules": self.rules.to_json(),
            "mode": self.mode,
            "feedback": self.feedback,
        }
        for name in ("kinds", "topics", "questions"):
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value)
        if self.time_limit is not None:
            out["time_limit"] = self.time_limit
        return out

    def dumps(self) -> str:
        return json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: object) -> RoundSpec:
        """A spec from stored or received JSON; SpecError says what is wrong."""
        if not isinstance(raw, dict):
            raise SpecError("a round spec is an object")
        try:
            pack = raw["pack"]
            ref = PackRef(_str(pack["id"]), _str(pack["version"]), _str(pack["digest"]))
            seed = _int(raw["seed"], 0, 2**63)
            count = _int(raw.get("count", 10), 1, MAX_COUNT)
            rules = Rules.from_json(raw.get("rules", {}))
            mode = raw.get("mode", "practice")
            feedback = raw.get("feedback", "each")
            limit = raw.get("time_limit")
            time_limit = None if limit is None else _int(limit, 1, MAX_TIME_LIMIT)
        except (KeyError, TypeError) as exc:
            raise SpecError(f"round spec: missing or malformed {exc}") from None
        except ValueError as exc:
            raise SpecError(f"round spec: {exc}") from None
        if mode not in MODES or feedback not in ("each", "end"):
            raise SpecError("round spec: unknown mode or feedback")
        kinds = _names(raw.get("kinds"))
        if kinds is not None and not set(kinds) <= set(KINDS):
            raise SpecError("round spec: unknown question kind")
        return cls(
            pack=ref,
            seed=seed,
            count=count,
            kinds=kinds,
            topics=_names(raw.get("topics")),
            rules=rules,
            mode=mode,
            feedback=feedback,
            time_limit=time_limit,
            questions=_names(raw.get("questions")),
        )

    @classmethod
    def loads(cls, text: str) -> RoundSpec:
        try:
            return cls.from_json(json.loads(text))
        except json.JSONDecodeError as exc:
            raise SpecError(f"round spec is not JSON: {exc.msg}") from None

    def check_pack(self, pack: Any) -> None:
        """SpecError unless `pack` is the pack this spec was made for."""
        if pack.id != self.pack.id:
            raise SpecError(f"this round is for pack {self.pack.id!r}, not {pack.id!r}")
        if pack.version != self.pack.version or pack.digest != self.pack.digest:
            raise SpecError(
                f"this round is for {self.pack.id} {self.pack.version} "
                f"({self.pack.digest[:8]}); the installed one is {pack.version} "
                f"({pack.digest[:8]})"
            )


def _str(value: object) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError("expected text")
    return value


def _int(value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"expected a whole number from {low} to {high}")
    return value


def _names(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise SpecError("round spec: expected a list of names")
    if len(value) > 10_000:
        raise SpecError("round spec: list too long")
    return tuple(value)
