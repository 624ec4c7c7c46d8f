"""A fact's subject or object: an entity id, or a date, year or number written as a mapping."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from quiz.lang import N_, _
from quiz.numbers import format_number, numbers_in
from quiz.packs.errors import YamlPath
from quiz.packs.model import Number, Value, When
from quiz.packs.schema import literal_keys
from quiz.packs.sections.context import Context, a, closest
from quiz.packs.sections.sources import DATE

LITERALS = ("date", "year", "number")


def value(ctx: Context, raw: Any, path: YamlPath, expected: str | None) -> Value | None:
    """The value, or None when it is wrong (reported) or names a broken entity (reported
    where the entity is declared)."""
    found: Value | None = None
    if isinstance(raw, str):
        found = ctx.entities.get(raw)
        if found is None:
            if ("entities", raw) not in ctx.broken:
                close = closest(raw, ctx.entities)
                if close is None:
                    said = _("unknown entity {name}").format(name=repr(raw))
                else:
                    said = _("unknown entity {name}; did you mean {close}?").format(
                        name=repr(raw), close=close
                    )
                ctx.problem(path, said)
            return None
    elif isinstance(raw, dict) and len(raw.keys() & set(LITERALS)) == 1:
        found = literal(ctx, raw, path)
        if found is None:
            return None
    else:
        ctx.problem(
            path,
            _('a value is an entity id, {{date: "YYYY-MM-DD"}}, {{year: YYYY}} or {{number: N}}'),
        )
        return None
    if expected is not None and found.type != expected:
        ctx.problem(
            path,
            _("the relation wants {expected} here, not {found} ({value})").format(
                expected=a(expected), found=a(found.type), value=repr(found.display)
            ),
        )
        return None
    return found


def literal(ctx: Context, raw: dict[str, Any], path: YamlPath) -> Value | None:
    if "number" in raw:
        ctx.mapping(raw, path, literal_keys("number"), _("a number"))
        n = raw["number"]
        approx = raw.get("approx", False)
        text = raw.get("text")
        if (
            isinstance(n, bool)
            or not isinstance(n, int | float)
            or not isinstance(approx, bool)
            or ("text" in raw and not isinstance(text, str))  # `text:` left empty is null
            or not _finite(n)
        ):
            ctx.problem(
                path,
                _("a number is {{number: N, text: optional words, approx: true|false}}").format(),
            )
            return None
        if text is not None and not ctx.safe(text, (*path, "text"), "text"):
            return None
        said = numbers_in(text or "", ctx.lang.numbers)
        if said and n not in said:
            ctx.problem(
                (*path, "text"),
                _(
                    "'text' {text} says {said}, but 'number' is {number}: they must agree "
                    "(a choice question shows the text, a number question grades the number)"
                ).format(
                    text=repr(text),
                    said=format_number(said[0], ctx.lang.numbers),
                    number=format_number(n, ctx.lang.numbers),
                ),
            )
            return None
        return Number(n, text, approx, ctx.lang.code)
    key = "date" if "date" in raw else "year"
    ctx.mapping(raw, path, literal_keys(key), _("a date") if key == "date" else _("a year"))
    v = raw[key]
    if key == "year":
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 9999:
            ctx.problem(
                (*path, key),
                _("a year is a whole number such as 2004, not {value}").format(value=repr(v)),
            )
            return None
        return When(v, language=ctx.lang.code)
    if isinstance(v, dt.date):
        return When(v.year, v.month, v.day, ctx.lang.code)
    m = DATE.match(str(v))
    if not m or not m.group(2):
        ctx.problem(
            (*path, key),
            _(
                'a date is "YYYY-MM-DD" or "YYYY-MM" (use {{year: N}} for a year), not {value}'
            ).format(value=repr(v)),
        )
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year or 0, month or 1, day or 1)  # year 0000 is not a real year
    except ValueError as exc:
        ctx.problem(
            (*path, key),
            _("not a real date: {value} ({why})").format(value=repr(v), why=_date_error(exc)),
        )
        return None
    assert year is not None
    return When(year, month, day, ctx.lang.code)


# Python's reasons a date is not real, as `dt.date` words them.
_DATE_ERRORS = {
    "day is out of range for month": N_("day is out of range for month"),
    "month must be in 1..12": N_("month must be in 1..12"),
    "year 0 is out of range": N_("year 0 is out of range"),
}


def _date_error(exc: ValueError) -> str:
    said = _DATE_ERRORS.get(str(exc))
    return _(said) if said is not None else str(exc)


def _finite(n: float) -> bool:
    """A number the program can compare and show: not NaN, not infinite, not astronomically big."""
    try:
        return math.isfinite(float(n))
    except OverflowError:
        return False
