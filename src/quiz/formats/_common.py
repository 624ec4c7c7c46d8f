"""What every format says the same way: which options a right answer picks, the passages that
prove it and the source they come from, why each wrong option is wrong.

Formats escape this text themselves: it is pack text, untrusted, and each format has its
own special characters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from quiz.packs.model import Pack, Quote, Source
from quiz.question import Figure, Key, Many, One, Order, Question, Text, WhyWrong, format_number
from quiz.text import strip_accents

T = TypeVar("T")

TRUE_FALSE = ("True", "False")


def by_key(table: Mapping[type[Key], Callable[[Question, Any], T]], q: Question) -> T:
    """Call the function a format keeps for this question's key type, with the key."""
    return table[type(q.key)](q, q.key)


def is_true_false(q: Question) -> bool:
    """A statement to judge: one right option among exactly True and False (the shape the
    verifier checks too), whatever kind produced it, or a true/false question in the
    pack's own words ("Tiesa", "Netiesa")."""
    if not isinstance(q.key, One):
        return False
    return q.options == TRUE_FALSE or (q.kind == "true_false" and len(q.options) == 2)


def collapse(text: str) -> str:
    """Runs of whitespace, line breaks included, as one space: for formats where a line
    break would end the question, and for readers that collapse whitespace anyway."""
    return " ".join(text.split())


def letter(i: int) -> str:
    """A, B, … Z, then AA, AB …: the label of option i."""
    out = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _picks_one(key: One) -> tuple[int, ...]:
    return (key.right,)


def _picks_many(key: Many) -> tuple[int, ...]:
    return tuple(sorted(key.right))


def _picks_order(key: Order) -> tuple[int, ...]:
    return key.order


def _picks_none(key: Text | Figure) -> tuple[int, ...]:
    return ()


_PICKS: dict[type[Key], Callable[[Any], tuple[int, ...]]] = {
    One: _picks_one,
    Many: _picks_many,
    Order: _picks_order,
    Text: _picks_none,
    Figure: _picks_none,
}


def right_picks(q: Question) -> tuple[int, ...]:
    """The options a right answer picks, in answer order (time order for Order); () when the
    answer is typed."""
    return _PICKS[type(q.key)](q.key)


def accepted(key: Text) -> tuple[str, ...]:
    """Every answer the game accepts outright (an office's title alone too: "Governor"), then
    each one without its accents ("Siauliai" for "Šiauliai"): the game forgives accents, and
    Moodle and paper markers should too."""
    names = [key.answer, *key.accepted, *key.alone]
    return tuple(dict.fromkeys([*names, *(strip_accents(n) for n in names)]))


def number(value: int | float) -> str:
    """A number as digits a machine reads back: no thousands separator, no exponent."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.10f}".rstrip("0").rstrip(".")


def figure_text(key: Figure) -> str:
    """6, or 12,000 km ± 500, or "over 1,000 troops" as the source writes a bound: the answer
    as a person reads it."""
    text = (key.shown or format_number(key.value)) + (f" {key.unit}" if key.unit else "")
    return text + (f" (± {format_number(key.tolerance)})" if key.tolerance else "")


def reasons(q: Question) -> list[tuple[int, WhyWrong]]:
    """Why each wrong option is wrong, by option index, for the options that have a reason."""
    return sorted(q.origin.why_wrong, key=lambda pair: pair[0])


def quoted(text: str) -> str:
    return f"“{text}”"


def sources(pack: Pack, quotes: Iterable[Quote]) -> list[Source]:
    """The distinct sources the quotes come from, in order."""
    ids = dict.fromkeys(q.source for q in quotes)
    return [pack.sources[s] for s in ids if s in pack.sources]


def citation(source: Source) -> str:
    """Title (publisher, date) and the address when the pack gives one."""
    details = ", ".join(p for p in (source.publisher, source.date or "") if p)
    text = f"{source.title} ({details})" if details else source.title
    return f"{text} {source.url}" if source.url else text


def why_line(why: WhyWrong) -> str:
    """What a wrong option's own feedback says: the fact it belongs to, and its proof."""
    return f"{why.statement} {quoted(why.quote.text)}"
