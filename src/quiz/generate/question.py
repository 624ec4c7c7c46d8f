"""A generated question: what the player sees, plus the claims behind it.

The `values` aligned with `options` let `verify` re-check every option against
the fact bank, independently of how the generator chose them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from quiz.packs.model import Quote, Value

Kind = Literal["choice", "true_false", "typed", "number", "multi", "order", "evidence"]
KINDS: tuple[Kind, ...] = ("choice", "true_false", "typed", "number", "multi", "order", "evidence")


@dataclass(frozen=True)
class WhyWrong:
    """The fact a wrong option really belongs to, so the game can say why it is wrong."""

    fact: str
    statement: str
    quote: Quote


@dataclass(frozen=True)
class Question:
    id: str
    fact: str  # the fact (or hand-written question) id progress is keyed to
    kind: Kind
    prompt: str
    options: tuple[str, ...]
    answer: str | tuple[str, ...] | int | float
    explanation: str
    quote: Quote
    topics: tuple[str, ...]
    facts: tuple[str, ...] = ()  # every fact the question draws on (multi, order)
    accepted: tuple[str, ...] = ()  # typed: every accepted spelling of the key
    rivals: tuple[str, ...] = ()  # typed: names of the other values of the key's type
    tolerance: float = 0  # number: how far off an answer may be
    why_wrong: dict[str, WhyWrong] = field(default_factory=dict)
    # The claims behind the question, for verify(): relation id, direction, the given value,
    # and the value each option (or the typed/number key, or the false statement) stands for.
    relation: str | None = None
    direction: Literal["forward", "reverse"] | None = None
    anchor: Value | None = None
    values: tuple[Value, ...] = ()
    hand_written: bool = False

    @property
    def answers(self) -> tuple[str, ...]:
        """The right answer(s) as option texts (empty for typed and number)."""
        if isinstance(self.answer, tuple):
            return self.answer
        return (str(self.answer),) if self.options else ()
