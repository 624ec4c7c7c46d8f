"""Numbers as people write them: "2004", "2,000,000", "1.5 million", "two million",
"thirty-eight", "about two thousand".

One reading for every place a number is read (a fact's `text`, a source sentence, a
student's answer) so they agree: an author's `{number: 2000000, text: "two million"}`
was refused because the text was read as 2, and "2 million" typed for it was not a
number at all. And one way to show a number, never in exponent form ("2e+06").
"""

from __future__ import annotations

import re

UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# words before a number that say it is rounded, not another number: "about two thousand"
HEDGES = ("about", "around", "approximately", "roughly", "some", "circa", "approx", "c.", "~")

# digits, with separators only between groups of three: "1,000" and "1 000", not "1,," or
# "20 04"; a decimal part after a point
_DIGITS = re.compile(r"^[-+]?(\d{1,3}(?:([,_ ])\d{3})(?:\2\d{3})*|\d+)(\.\d+)?$")


def spelled(text: str) -> float | None:
    """'two million', 'thirty-eight', 'one hundred and twenty', 'a thousand' → the number;
    words that are not a number, or not in an order a number is said in, → None."""
    tokens = [t for t in re.split(r"[\s-]+", text.strip().lower()) if t]
    if not tokens:
        return None
    if tokens[0] in ("a", "an") and len(tokens) > 1 and tokens[1] in ("hundred", *SCALES):
        tokens[0] = "one"
    total, current = 0.0, 0.0
    last = ""  # the kind of the word before: unit, teen, ten, hundred, scale, and
    scale_before = float("inf")
    for tok in tokens:
        if tok == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and"
            continue
        if tok in UNITS:
            n = UNITS.index(tok)
            if last not in ("", "ten", "hundred", "scale", "and") or (
                last == "ten" and not 0 < n < 10
            ):
                return None
            current += n
            last = "unit" if n < 10 else "teen"
        elif tok in TENS:
            if last not in ("", "hundred", "scale", "and"):
                return None
            current += 20 + 10 * TENS.index(tok)
            last = "ten"
        elif tok == "hundred":
            if last not in ("unit", "teen"):
                return None
            current *= 100
            last = "hundred"
        elif tok in SCALES:
            scale = SCALES[tok]
            if last not in ("unit", "teen", "ten", "hundred") or scale >= scale_before:
                return None
            total += current * scale
            current, scale_before, last = 0.0, scale, "scale"
        else:
            return None
    if last == "and":
        return None
    return total + current


def number(text: str) -> float | None:
    """A whole text that is one number: digits ('2,000,000', '1.5'), digits and a scale word
    ('1.5 million', '2 thousand'), words ('two million'), after a hedge or not ('about two
    thousand'); anything else → None."""
    t = " ".join(text.strip().lower().split())
    for hedge in HEDGES:
        if t.startswith(f"{hedge} "):
            t = t[len(hedge) + 1 :]
            break
    if not t:
        return None
    scale = 1.0
    head, _, last = t.rpartition(" ")
    if head and last in SCALES and _DIGITS.match(head):
        t, scale = head, SCALES[last]
    if _DIGITS.match(t):
        return float(re.sub(r"[,_ ]", "", t)) * scale
    return spelled(t)


_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+")
_WORDS = frozenset({*UNITS, *TENS, "hundred", *SCALES})


def numbers_in(text: str) -> list[float]:
    """Every number a text writes, in digits ("over 1,000", "14th"), digits and a scale word
    ("1.5 million") or words ("six", "two million", "thirty-eight"), in order."""
    tokens = _TOKEN.findall(text.lower())
    found: list[float] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok[0].isdigit():
            value = float(tok.replace(",", ""))
            if i + 1 < len(tokens) and tokens[i + 1] in SCALES:
                value *= SCALES[tokens[i + 1]]
                i += 1
            found.append(value)
            i += 1
            continue
        if tok in _WORDS or (
            tok in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1] in SCALES
        ):
            j = i + 1
            while j < len(tokens) and (
                tokens[j] in _WORDS
                or (tokens[j] == "and" and j + 1 < len(tokens) and tokens[j + 1] in _WORDS)
            ):
                j += 1
            # the longest run that reads as one number; else its words one by one
            for end in range(j, i, -1):
                run = spelled(" ".join(tokens[i:end]))
                if run is not None:
                    found.append(run)
                    i = end
                    break
            else:
                i += 1
            continue
        i += 1
    return found


def format_number(value: int | float) -> str:
    """2004, 12,000, 2,000,000 or 2.5: never '2e+06' nor '2000000.0'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def plain_digits(value: int | float) -> str:
    """The number in digits alone, as typed: 2000000, 1.5; never in exponent form."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.6f}".rstrip("0").rstrip(".")


def written_like(text: str, value: float) -> str | None:
    """`value` written as `text` writes its number with a scale word ("two million" →
    "three million" or "1.5 million", "1.5 million" → "2.5 million"), or None when `text`
    is not a number and a scale word, or `value` is no whole number of tenths of the scale."""
    head, _, scale = text.strip().lower().rpartition(" ")
    if scale not in SCALES or number(text) is None or head.split(" ")[0] in HEDGES:
        return None
    mantissa = value / SCALES[scale]
    if mantissa <= 0 or round(mantissa * 10) != mantissa * 10:
        return None
    if not head[0].isdigit() and mantissa.is_integer() and int(mantissa) < len(UNITS):
        return f"{UNITS[int(mantissa)]} {scale}"
    return f"{plain_digits(round(mantissa, 1))} {scale}"
