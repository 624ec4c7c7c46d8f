"""The rules of a round: turning a graded answer into points.

Grading is the key's job (`quiz.question`); points live here, not in widgets,
so the Textual game, the line mode, exams and re-scored imports all count alike.

- A right answer scores `base` points (1000). With the speed bonus on, it
  scores Kahoot's round((1 - (t/T)/2) * 1000) instead: full points within
  half a second, half points at the time limit T.
- Streak bonus: +100 for each right answer in a row after the first, at most
  +500; a miss (or a partly right answer) resets the streak.
- Partial credit (select-all, time order) scales the points; only full credit
  counts as right for accuracy and streaks.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from quiz.question import Grade


@dataclass(frozen=True)
class Rules:
    base: int = 1000
    streak_bonus: bool = True
    streak_step: int = 100
    streak_cap: int = 500
    speed_bonus: bool = False
    time_limit: float = 30.0  # T in the speed rule, seconds
    grace: float = 0.5  # answers this fast get full speed points

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: object) -> Rules:
        """Rules from a spec; unknown keys are ignored and wrong types refused (ValueError)."""
        if not isinstance(raw, dict):
            raise ValueError("rules must be an object")
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            value, default = raw[f.name], getattr(cls(), f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            else:
                ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
            if not ok:
                raise ValueError(f"rules: bad {f.name}")
            values[f.name] = type(default)(value)
        return cls(**values)


def points(rules: Rules, grade: Grade, streak: int, seconds: float) -> tuple[int, int]:
    """(answer points, streak bonus) for a graded answer; `streak` includes this answer."""
    if grade.credit <= 0:
        return 0, 0
    base = rules.base
    if rules.speed_bonus:
        t = 0.0 if seconds <= rules.grace else min(seconds, rules.time_limit)
        base = round((1 - (t / rules.time_limit) / 2) * rules.base)
    earned = round(base * grade.credit)
    bonus = 0
    if rules.streak_bonus and grade.correct:
        bonus = min(rules.streak_step * (streak - 1), rules.streak_cap)
    return earned, bonus
