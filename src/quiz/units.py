"""A number answer with its unit written as people write it: "$15 million", "15,000,000 USD",
"29,670 sq mi", "34 km", "2.5 %".

A fact's `unit` is a word ("dollars", "square miles", "kilometres"); students type the
symbol or the short form as often as the word. Only forms of the question's own unit are
taken off: "29,670 km" for a question in square miles is still no number (asked again),
and taking a unit off never changes the figure, so a wrong figure stays wrong.
"""

from __future__ import annotations

import re

from quiz.numbers import currency_prefix

# The short forms of a unit, by the unit's singular (English spellings of both sides).
_SHORT: dict[str, tuple[str, ...]] = {
    "square mile": ("sq mi", "sq. mi.", "sq. mi", "sq mile", "sq miles", "mi²", "mi2"),
    "square kilometre": ("km²", "km2", "sq km", "sq. km", "sq. km.", "square km"),
    "square metre": ("m²", "m2", "sq m", "sq. m"),
    "kilometre": ("km", "kms", "km."),
    "metre": ("m", "m."),
    "centimetre": ("cm",),
    "millimetre": ("mm",),
    "mile": ("mi", "mi."),
    "foot": ("ft", "ft."),
    "inch": ("in.",),
    "yard": ("yd", "yds"),
    "kilogram": ("kg", "kgs"),
    "gram": ("g",),
    "tonne": ("t",),
    "pound": ("lb", "lbs", "gbp", "£"),
    "litre": ("l",),
    "hectare": ("ha",),
    "hour": ("h", "hr", "hrs"),
    "minute": ("min", "mins"),
    "second": ("s", "sec", "secs"),
    "year": ("yr", "yrs"),
    "knot": ("kn", "kt"),
    "per cent": ("%", "pct"),
    "percent": ("%", "pct"),
    "procentas": ("%", "proc."),
    "procento": ("%", "proc."),
    "procentų": ("%", "proc."),
    "dollar": ("usd", "$", "us$"),
    "euro": ("eur", "€"),
    "euras": ("eur", "€"),
    "yen": ("jpy", "¥"),
}
# Currencies whose symbol is written before the figure ("$15 million").
_SYMBOLS = {"dollar": "$", "pound": "£", "euro": "€", "euras": "€", "yen": "¥"}
_SPELLINGS = {"kilometer": "kilometre", "meter": "metre", "centimeter": "centimetre"}


def _singular(unit: str) -> str:
    """'square miles' → 'square mile', 'feet' → 'foot', 'kilometers' → 'kilometre'."""
    u = " ".join(unit.lower().split())
    head, _, last = u.rpartition(" ")
    last = {"feet": "foot", "inches": "inch", "eurų": "euras", "eurai": "euras"}.get(last, last)
    if last.endswith("s") and last not in ("per cent", "procentas") and len(last) > 3:
        last = last[:-1]
    last = _SPELLINGS.get(last, last)
    for american, british in _SPELLINGS.items():
        last = last.replace(american, british)
    return f"{head} {last}".strip()


def without_unit(text: str, unit: str) -> str:
    """The answer with a form of the question's unit taken off its end (or a currency symbol
    off its start: "$15 million"), else as it was. Only the unit's own forms: a symbol of
    another currency or the short form of another unit stays, so the answer is no number."""
    if not unit:
        return text
    one = _singular(unit)
    t = text.strip()
    symbol, rest = currency_prefix(t)
    if symbol:
        want = _SYMBOLS.get(one)
        if want is None or want not in symbol:
            return text  # "$15" for a question in euros, or in people: no number
        t = rest
    for short in sorted(_SHORT.get(one, ()), key=len, reverse=True):
        m = re.search(rf"(?:(?<=\d)|\s)\s*{re.escape(short)}$", t, re.IGNORECASE)
        if m:  # "29,670 sq mi", "34km", "15 million USD"
            return t[: m.start()]
    return t
