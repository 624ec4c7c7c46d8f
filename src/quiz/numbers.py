"""Numbers as people write them: "2004", "2,000,000", "1.5 million", "two million",
"thirty-eight", "about two thousand".

One reading for every place a number is read (a fact's `text`, a source sentence, a
student's answer) so they agree: an author's `{number: 2000000, text: "two million"}`
was refused because the text was read as 2, and "2 million" typed for it was not a
number at all. And one way to show a number, never in exponent form ("2e+06").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from quiz.text import strip_marks

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


@dataclass(frozen=True)
class NumberWords:
    """How one language writes numbers in words and digits (`quiz.languages` holds one per
    language). Words are lower case, and without their marks when `fold` is set, so a
    student's "dvidesimt sesi" reads as "dvidešimt šeši"."""

    units: Mapping[str, int]  # every form of 0 … 19 ("vienas", "viena")
    tens: Mapping[str, int]  # 20, 30 … 90
    hundreds: frozenset[str]  # "hundred" after a unit
    scales: Mapping[str, float]  # "thousand", "million" … (every form, abbreviations too)
    names: tuple[str, ...]  # 0 … 20 as a fact writes them in words, and as options show them
    hedges: tuple[str, ...] = ()  # "about", "apie": rounded, not another number
    ones: tuple[str, ...] = ()  # "a", "an": one, before a hundred or a scale word
    joins: tuple[str, ...] = ()  # "and" after a hundred or a scale ("one hundred and six")
    bare: Mapping[str, float] = field(default_factory=dict)  # a hundred or scale alone: "šimtas"
    decimal_comma: bool = False  # "3,5" is three and a half (and "1,000" is not a thousand)
    fold: bool = False  # words are compared without their marks
    group: str = ","  # how `format_number` groups thousands
    # scale words as a student abbreviates them in an answer ("15m", "$50M", "15 mil"): read
    # in answers only, never in a source's sentence, where "15 m" is fifteen metres
    short_scales: Mapping[str, float] = field(default_factory=dict)
    # words that give the figure as a maximum, which is the figure itself ("up to 50 million"
    # for the highest offer): read in answers, like a hedge
    caps: tuple[str, ...] = ()

    def prepare(self, text: str) -> str:
        low = text.lower()
        return strip_marks(low) if self.fold else low

    def is_word(self, tok: str) -> bool:
        return tok in self.units or tok in self.tens or tok in self.hundreds or tok in self.scales


ENGLISH = NumberWords(
    units=MappingProxyType({w: i for i, w in enumerate(UNITS)}),
    tens=MappingProxyType({w: 20 + 10 * i for i, w in enumerate(TENS)}),
    hundreds=frozenset({"hundred"}),
    # "15 millions", as many who learnt another language first write it
    scales=MappingProxyType({**SCALES, **{f"{w}s": v for w, v in SCALES.items()}}),
    names=(*UNITS, TENS[0]),
    hedges=HEDGES,
    ones=("a", "an"),
    joins=("and",),
    short_scales=MappingProxyType({"k": 1e3, "m": 1e6, "mil": 1e6, "mln": 1e6, "bn": 1e9}),
    caps=("up to", "as much as", "as many as"),
)
_ONE = "\x00one"  # "a" standing for one before "hundred" or a scale word

# digits, with separators only between groups of three: "1,000" and "1 000", not "1,," or
# "20 04"; a decimal part after a point
_DIGITS = re.compile(r"^[-+]?(\d{1,3}(?:([,_ ])\d{3})(?:\2\d{3})*|\d+)(\.\d+)?$")


def spelled(text: str, w: NumberWords = ENGLISH) -> float | None:
    """'two million', 'thirty-eight', 'one hundred and twenty', 'a thousand' (or, in
    Lithuanian, 'dvidešimt šeši', 'du šimtai', 'tūkstantis') → the number; words that are not
    a number, or not in an order a number is said in, → None."""
    tokens = [t for t in re.split(r"[\s-]+", w.prepare(text.strip())) if t]
    if not tokens:
        return None
    if (
        tokens[0] in w.ones
        and len(tokens) > 1
        and (tokens[1] in w.hundreds or tokens[1] in w.scales)
    ):
        tokens[0] = _ONE
    total, current = 0.0, 0.0
    last = ""  # the kind of the word before: unit, teen, ten, hundred, scale, and
    scale_before = float("inf")
    for tok in tokens:
        if tok in w.joins:
            if last not in ("hundred", "scale"):
                return None
            last = "and"
            continue
        if tok == _ONE or tok in w.units:
            n = 1 if tok == _ONE else w.units[tok]
            if last not in ("", "ten", "hundred", "scale", "and") or (
                last == "ten" and not 0 < n < 10
            ):
                return None
            current += n
            last = "unit" if n < 10 else "teen"
        elif tok in w.tens:
            if last not in ("", "hundred", "scale", "and"):
                return None
            current += w.tens[tok]
            last = "ten"
        elif tok in w.hundreds:
            if last in ("unit", "teen"):
                current *= 100
            elif tok in w.bare and last in ("", "scale"):  # "šimtas": a hundred alone
                current += 100
            else:
                return None
            last = "hundred"
        elif tok in w.scales:
            scale = w.scales[tok]
            if last == "" or (last == "scale" and tok in w.bare):  # "tūkstantis" alone
                if tok not in w.bare:
                    return None
                current = 1.0
            elif last not in ("unit", "teen", "ten", "hundred"):
                return None
            if scale >= scale_before:
                return None
            total += current * scale
            current, scale_before, last = 0.0, scale, "scale"
        else:
            return None
    if last == "and":
        return None
    return total + current


# the same with a decimal comma and groups of three after spaces: "1 000", "3,5"
_DIGITS_COMMA = re.compile(r"^[-+]?(\d{1,3}(?: \d{3})+|\d+)(,\d+)?$")
# a decimal point where a comma is the decimal sign: "3.5" is read, but "1.000" (a thousand
# as German and others group it) is no number at all
_POINT_NOT_GROUP = re.compile(r"^[-+]?\d+\.(?:\d{1,2}|\d{4,})$")


def digits(text: str, w: NumberWords = ENGLISH) -> float | None:
    """A text of digits alone as the language writes them ('2,000,000', '1.5'; '1 000',
    '3,5' with a decimal comma), else None."""
    if not w.decimal_comma:
        return float(re.sub(r"[,_ ]", "", text)) if _DIGITS.match(text) else None
    m = _DIGITS_COMMA.match(text)
    if m:
        if m.group(2) and len(m.group(2)) == 4 and m.group(1).lstrip("+-0"):
            return None  # "1,000": a thousand to an English hand, one to a Lithuanian: neither
        return float(text.replace(" ", "").replace(",", "."))
    if _POINT_NOT_GROUP.match(text):
        return float(text)
    return None


def number(text: str, w: NumberWords = ENGLISH) -> float | None:
    """A whole text that is one number: digits ('2,000,000', '1.5'), digits and a scale word
    ('1.5 million', '2 thousand'), words ('two million'), after a hedge or not ('about two
    thousand'); anything else → None. `w` is the language's way (`quiz.languages`)."""
    t = " ".join(w.prepare(text.strip()).split())
    for hedge in (*w.hedges, *w.caps):
        if t.startswith(f"{hedge} "):
            t = t[len(hedge) + 1 :]
            break
    if not t:
        return None
    scale = 1.0
    glued = re.fullmatch(r"(.*\d)\.?([^\W\d_]+)\.?", t)  # "15m", "15mln."
    if glued and glued.group(2) in w.short_scales:
        t = f"{glued.group(1)} {glued.group(2)}"
    head, _, last = t.rpartition(" ")
    last = last.rstrip(".") if last.rstrip(".") in w.short_scales else last
    scales = {**w.scales, **w.short_scales}
    if head and last in scales and digits(head, w) is not None:
        t, scale = head, scales[last]
    value = digits(t, w)
    if value is not None:
        return value * scale
    return spelled(t, w)


_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+")
_TOKEN_COMMA = re.compile(r"\d{1,3}(?:[ \xa0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|[^\W\d_]+")
_WORDS = frozenset({*UNITS, *TENS, "hundred", *SCALES})


def numbers_in(text: str, w: NumberWords = ENGLISH) -> list[float]:
    """Every number a text writes, in digits ("over 1,000", "14th"), digits and a scale word
    ("1.5 million") or words ("six", "two million", "thirty-eight"), in order."""
    if w.decimal_comma:
        tokens = _TOKEN_COMMA.findall(w.prepare(text))
        words: Callable[[str], bool] = w.is_word
    else:
        tokens = _TOKEN.findall(text.lower())
        words = _WORDS.__contains__
    found: list[float] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok[0].isdigit():
            if w.decimal_comma:
                value = float(re.sub(r"[ \xa0]", "", tok).replace(",", "."))
            else:
                value = float(tok.replace(",", ""))
            if i + 1 < len(tokens) and tokens[i + 1] in w.scales:
                value *= w.scales[tokens[i + 1]]
                i += 1
            found.append(value)
            i += 1
            continue
        if words(tok) or (tok in w.ones and i + 1 < len(tokens) and tokens[i + 1] in w.scales):
            j = i + 1
            while j < len(tokens) and (
                words(tokens[j])
                or (tokens[j] in w.joins and j + 1 < len(tokens) and words(tokens[j + 1]))
            ):
                j += 1
            # the longest run that reads as one number; else its words one by one
            for end in range(j, i, -1):
                run = spelled(" ".join(tokens[i:end]), w)
                if run is not None:
                    found.append(run)
                    i = end
                    break
            else:
                i += 1
            continue
        i += 1
    return found


def format_number(value: int | float, w: NumberWords = ENGLISH) -> str:
    """2004, 12,000, 2,000,000 or 2.5 (12 000 and 2,5 with a decimal comma): never '2e+06'
    nor '2000000.0'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        shown = f"{value:,}" if abs(value) >= 10000 else str(value)
    else:
        shown = f"{value:,.6f}".rstrip("0").rstrip(".")
    if w.decimal_comma:
        return shown.replace(",", "\x00").replace(".", ",").replace("\x00", w.group)
    return shown


def plain_digits(value: int | float) -> str:
    """The number in digits alone, as typed: 2000000, 1.5; never in exponent form."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.6f}".rstrip("0").rstrip(".")


def written_like(text: str, value: float, w: NumberWords = ENGLISH) -> str | None:
    """`value` written as `text` writes its number with a scale word ("two million" →
    "three million" or "1.5 million", "1.5 million" → "2.5 million"), or None when `text`
    is not a number and a scale word, or `value` is no whole number of tenths of the scale."""
    symbol, text = currency_prefix(text)
    head, _, scale = text.strip().lower().rpartition(" ")
    if scale not in w.scales or number(text, w) is None or head.split(" ")[0] in w.hedges:
        return None
    mantissa = value / w.scales[scale]
    if mantissa <= 0 or round(mantissa * 100) != round(mantissa * 100, 6):
        return None
    if w is ENGLISH and not head[0].isdigit() and mantissa.is_integer() and int(mantissa) < 20:
        return f"{UNITS[int(mantissa)]} {scale}"
    if not head[0].isdigit():  # words that agree with their number ("du milijonai"): not here
        return None
    shown = plain_digits(round(mantissa, 2))
    return f"{symbol}{shown.replace('.', ',') if w.decimal_comma else shown} {scale}"


# A currency written before a figure: "$15 million", "US$ 2 billion", "€3,5 mln".
_CURRENCY_PREFIX = re.compile(r"^(?:US\$|A\$|C\$|[$€£¥])\s?", re.IGNORECASE)


def currency_prefix(text: str) -> tuple[str, str]:
    """(the currency symbol a figure is written after, the figure): ("$", "15 million") for
    "$15 million", ("", text) when there is none."""
    m = _CURRENCY_PREFIX.match(text.strip())
    if m is None:
        return "", text
    return m.group(), text.strip()[m.end() :]
