"""A round's writes as values: what the recorder sends, the outbox keeps and the store applies.

Each names its round by the round's `uid`, never by a database id, so a write kept on this
computer while the store was away can be sent later, by this program or the next one, and
sending it twice changes nothing: a round is added once per uid, an answer once per (round,
seq), and a round already ended as asked stays so.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from quiz.store.records import AnswerRecord


@dataclass(frozen=True)
class StartRound:
    round: str
    player: str
    pack_id: str
    pack_version: str
    pack_digest: str
    mode: str
    count: int
    custom: bool
    spec: str  # the round spec's JSON
    started_at: str
    paper: str | None = None

    @classmethod
    def of(
        cls, uid: str, player: str, spec: Any, started_at: str, paper: str | None = None
    ) -> StartRound:
        """The write that starts a round of `spec` (a quiz.spec.RoundSpec)."""
        return cls(
            uid,
            player,
            spec.pack.id,
            spec.pack.version,
            spec.pack.digest,
            spec.mode,
            spec.count,
            spec.questions is not None,
            spec.dumps(),
            started_at,
            paper,
        )


@dataclass(frozen=True)
class Hold:
    """Who holds an exam's sitting (a window, see quiz.store.holder) and its clock so far:
    an answer renews the hold in the same commit, or is refused when another window has
    taken the sitting over."""

    holder: str
    elapsed: float


@dataclass(frozen=True)
class RecordAnswer:
    round: str
    answer: AnswerRecord
    held: Hold | None = None


@dataclass(frozen=True)
class FinishRound:
    round: str
    status: str
    ended_at: str
    score: int


Write = StartRound | RecordAnswer | FinishRound
_KINDS: dict[str, type[StartRound] | type[RecordAnswer] | type[FinishRound]] = {
    "start": StartRound,
    "answer": RecordAnswer,
    "finish": FinishRound,
}


def dumps(write: Write) -> str:
    kind = next(k for k, cls in _KINDS.items() if isinstance(write, cls))
    return json.dumps({"kind": kind, **asdict(write)}, sort_keys=True)


def loads(text: str) -> Write:
    """A write read back from the outbox (which only this program fills)."""
    data: dict[str, Any] = json.loads(text)
    cls = _KINDS[data.pop("kind")]
    if cls is RecordAnswer:
        raw = data["answer"]
        for key in ("facts", "fact_results"):
            raw[key] = tuple(raw[key])
        held = data.get("held")
        return RecordAnswer(data["round"], AnswerRecord(**raw), Hold(**held) if held else None)
    return cls(**data)
