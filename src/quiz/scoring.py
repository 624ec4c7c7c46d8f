"""The rules of a round: grading a response and turning it into points.

Grading and points live here, not in widgets, so the Textual game, the plain
line mode and (later) exams all score alike. The rules:

- A right answer scores `base` points (1000). With the speed bonus on, it
  scores Kahoot's round((1 - (t/T)/2) * 1000) instead: full points within
  half a second, half points at the time limit T.
- Streak bonus: +100 for each right answer in a row after the first, at most
  +500; a miss (or a partly right answer) resets the streak.
- `multi` earns partial credit (right picks - wrong picks) / right options,
  floored at 0; `order` earns the share of item pairs put in the right
  relative order. Partial credit scales the points; only full credit counts
  as right for accuracy and streaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from quiz.answers import check_number, check_typed, parse_number
from quiz.generate.question import Question

Response = int | Sequence[int] | str


@dataclass(frozen=True)
class Rules:
    base: int = 1000
    streak_bonus: bool = True
    streak_step: int = 100
    streak_cap: int = 500
    speed_bonus: bool = False
    time_limit: float = 30.0  # T in the speed rule, seconds
    grace: float = 0.5  # answers this fast get full speed points


@dataclass(frozen=True)
class Grade:
    credit: float  # 0..1
    note: str = ""
    exact: bool = True  # False when accepted through typo or number tolerance

    @property
    def correct(self) -> bool:
        return self.credit >= 1.0


class InvalidResponse(ValueError):
    """The response does not fit the question (e.g. option 7 of 4): ask again, score nothing."""


def grade(question: Question, response: Response) -> Grade:
    kind = question.kind
    if kind in ("typed", "number"):
        if not isinstance(response, str) or not response.strip():
            raise InvalidResponse("type an answer")
        if kind == "number" and parse_number(response) is None:
            raise InvalidResponse("type a number, such as 2004 or eight")
        verdict = (check_typed if kind == "typed" else check_number)(question, response)
        return Grade(1.0 if verdict.correct else 0.0, verdict.note, verdict.exact)
    n = len(question.options)
    if kind in ("multi", "order"):
        if isinstance(response, int | str):
            raise InvalidResponse("give a list of option numbers")
        picks = list(response)
        if any(not 0 <= i < n for i in picks) or len(set(picks)) != len(picks):
            raise InvalidResponse(f"options are numbered 1 to {n}, each once")
        if kind == "multi":
            return _multi(question, picks)
        if len(picks) != n:
            raise InvalidResponse(f"put all {n} items in order")
        return _order(question, picks)
    if not isinstance(response, int) or not 0 <= response < n:
        raise InvalidResponse(f"choose an option from 1 to {n}")
    return Grade(1.0 if question.options[response] == question.answer else 0.0)


def _multi(question: Question, picks: list[int]) -> Grade:
    right = set(question.answers)
    chosen = {question.options[i] for i in picks}
    hits, misses = len(chosen & right), len(chosen - right)
    credit = max(0.0, (hits - misses) / len(right))
    note = f"{hits} of {len(right)} right" + (f", {misses} wrong" if misses else "")
    return Grade(credit, note)


def _order(question: Question, picks: list[int]) -> Grade:
    rank = {text: i for i, text in enumerate(question.answers)}
    given = [rank[question.options[i]] for i in picks]
    pairs = list(combinations(given, 2))
    good = sum(1 for a, b in pairs if a < b)
    return Grade(good / len(pairs), f"{good} of {len(pairs)} pairs in the right order")


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
