"""Deciding whether a typed number is right.

A number is typed in digits or in words ("1,000", "a thousand", "about 2 million"), with
the question's unit or without it, and is right when it is the key's figure (within the
question's tolerance). Two things a student writes beside a figure are read, not refused:
- a bound: "over 1,000" for a figure the source gives as "over 1,000" is the source's own
  answer (a reader's "more than 1000" was sent back as no number); a bound the source does
  not give ("over 8" for eight years, "under 1,000" for "over 1,000") is wrong;
- a date for a year question: "July 2016" when the fact says July 2016 is right, "May 2016"
  wrong (a wrong month is a wrong item added). A day or month the fact does not give cannot
  be checked, so the student is asked for the year alone (a truth review found "1 May
  2004", the EU's date, taken for NATO's 2004 when only the year was read).
"""

from __future__ import annotations

import re
from typing import Protocol

from quiz.answers import YEAR, Verdict
from quiz.languages import find as find_language
from quiz.languages import get as get_language
from quiz.languages import known as known_languages
from quiz.numbers import ENGLISH as ENGLISH_NUMBERS
from quiz.numbers import number as _parse_number
from quiz.round.codes import Note, NoteCode
from quiz.text import fold
from quiz.units import without_unit


class Figure(Protocol):
    """A number's key (quiz.question.Figure), as far as marking reads it."""

    @property
    def value(self) -> int | float: ...
    @property
    def tolerance(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def year(self) -> bool: ...
    @property
    def bound(self) -> str: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...


# the marks that end a sentence, after a word or number: "1853.", "fifteen million!" (not
# "?": "twenty-one?" asks, it does not answer)
_SENTENCE_END = re.compile(r"(?<=\w)\s*[.!…]+\s*$")


def parse_number(text: str, unit: str = "", language: str = "en") -> float | None:
    """'2004', '1,000', 'eight', 'thirty-eight', '2 million', 'two million', 'about 2,000'
    → a number, with the question's unit after it or not ('14 years', '1 year'); anything
    else → None. In the pack's language: Lithuanian reads 'dvidešimt šeši' and '3,5' (and
    English refuses '3,5', which is no number there). A full stop (or '!') that ends
    the answer as a sentence is not part of the number: "1853." is 1853 (a reader was asked
    to type it again)."""
    lang = find_language(language)
    words = lang.numbers if lang is not None else ENGLISH_NUMBERS
    text = _SENTENCE_END.sub("", text)  # "1853." ends a sentence; the number is 1853
    t = " ".join(without_unit(text, unit).strip().lower().split())
    for u in sorted({unit.lower(), unit.lower().removesuffix("s")} - {""}, key=len, reverse=True):
        if t.endswith(f" {u}"):
            t = t[: -len(u) - 1]
            break
    return _parse_number(t, words)


def parse_year(text: str, language: str = "en") -> int | None:
    """The year of an answer that says only a year, for a question that asks one: "in 2004",
    "since 2015" → the year. A date or a season beside it ("1 May 2004", "autumn 2014") is
    not read here: a date is checked against the fact's own (`parse_date`), and a season
    the fact cannot check is asked again."""
    lang = find_language(language)
    if lang is None:
        return None
    t = " ".join(fold(text).split())
    years = YEAR.findall(t)
    if len(years) != 1 or not t.endswith(years[0]):
        return None
    rest = t[: -len(years[0])].split()
    if not rest or any(w not in lang.year_leads for w in rest):
        return None  # a bare year is a number (parse_number reads it); anything else is not
    return int(years[0])


def figure_value(key: Figure, text: str) -> float | None:
    """The number an answer gives, or None: a number as `parse_number` reads it, after a
    bound word or not ("over 1,000"), or, when the question asks a year, the year of a date
    typed whole (`parse_year`), or of a date whose month and day the fact has too."""
    if key.year:
        marked = _year_marked(text)
        if marked is not None:  # "2012 m.": never 2012 million
            return float(marked)
    _, rest = said_bound(key, text)
    value = parse_number(rest, key.unit, key.language)
    if value is None and key.year:
        found = parse_year(text, key.language)
        if found is None:
            date = parse_date(text, key.language)
            if date is not None and _checkable(key, date):
                found = date[0]
        return float(found) if found is not None else None
    return value


def _year_marked(text: str) -> int | None:
    """The year of "2012 m." (a year and a word saying "year" in any of the program's
    languages: a Lithuanian student writes it so in an English pack too), or None."""
    words = re.findall(r"[^\W_]+", fold(text))
    if len(words) != 2 or not YEAR.fullmatch(words[0]):
        return None
    marks = {m for code in known_languages() for m in get_language(code).year_marks}
    return int(words[0]) if words[1] in marks else None


_PLUS = re.compile(r"(.*\d)\s*\+")


def said_bound(key: Figure, text: str) -> tuple[str | None, str]:
    """The bound an answer gives its figure ("lower" for "over 1,000" or "more than 1000",
    "upper" for "under 50") and the answer without it. A cap ("up to 50 million") is the
    figure itself, read by `parse_number`, not a bound. A plus after the figure ("1000+")
    is "over" in any language (reading 28)."""
    plus = _PLUS.fullmatch(text.strip())
    if plus is not None:
        return "lower", plus.group(1)
    lang = find_language(key.language)
    words = text.split()
    if lang is None or len(words) < 2:
        return None, text
    caps = set(lang.numbers.caps)
    for kind, bounds in (("upper", lang.upper_bounds), ("lower", lang.lower_bounds)):
        for bound in sorted(set(bounds) - caps, key=len, reverse=True):
            n = len(bound.split())
            if len(words) > n and fold(" ".join(words[:n])) == bound:
                return kind, " ".join(words[n:])
    return None, text


def parse_date(text: str, language: str = "en") -> tuple[int, int, int | None] | None:
    """(year, month, day) of an answer that is a date with its month: "July 2016", "in July
    2016", "8 July 2016", "July 8, 2016", "2016 m. liepos 8 d."; None for anything else."""
    lang = find_language(language)
    if lang is None:
        return None
    words = re.findall(r"[^\W_]+", fold(text))
    years = [w for w in words if YEAR.fullmatch(w)]
    months = [
        i for i, forms in enumerate(lang.month_forms, 1) for w in words if _is_month(w, forms)
    ]
    if len(years) != 1 or len(months) != 1:
        return None
    days: list[int] = []
    for w in words:
        if w == years[0] or any(_is_month(w, f) for f in lang.month_forms):
            continue
        day = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)
        if day and 1 <= int(day.group(1)) <= 31:
            days.append(int(day.group(1)))
        elif w not in lang.year_leads and w not in lang.date_words and w not in ("on", "of"):
            return None
    if len(days) > 1:
        return None
    return int(years[0]), months[0], days[0] if days else None


def _is_month(word: str, forms: tuple[str, ...]) -> bool:
    """A month's name, or its first three letters or more ("Jul", "Sept")."""
    return any(word == f or (len(word) >= 3 and f.startswith(word)) for f in forms)


def _checkable(key: Figure, date: tuple[int, int, int | None]) -> bool:
    """Whether the fact says as much as the date typed: its month for "July 2016", its day
    too for "8 July 2016". A date more precise than the fact cannot be marked either way."""
    _, _, day = date
    key_month, key_day = key.month, key.day
    return key_month is not None and (day is None or key_day is not None)


# A figure this large is said with a scale word ("$15 million"); an answer below this bare
# is that figure without its scale, not another figure ("15" for $15 million)
_SCALED_FIGURE = 1e6
_BARE_AT_MOST = 1000


def wants_whole_figure(key: Figure, text: str) -> bool:
    """Whether an answer is a bare small number for a figure in millions or more: "15" (or
    "10", or "50") for "$15 million" names no figure the question could mean, so the student
    is asked for the whole figure rather than marked wrong for leaving the scale word off
    (a reader typed "15" for the article's "$15 million"). Any bare number below a thousand
    is sent back, not only the key's own: sending back only "15" would tell that 15 million
    is right. Never for a year."""
    if key.year or abs(key.value) < _SCALED_FIGURE:
        return False
    value = figure_value(key, text)
    return value is not None and 0 < abs(value) < _BARE_AT_MOST


# digits grouped by full stops, three after each: "1.000", "45.000", "15.000.000"
_DOTTED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])")


def thousands_dot(key: Figure, text: str) -> bool:
    """Whether an answer writes the key's figure with full stops between groups of three
    digits ("1.000" for a thousand, as continental Europe writes it) in a language whose
    decimal sign is the full stop: read as written it is one, a wrong answer, yet the student
    meant the right figure. Such an answer is asked again, never marked: not wrong (a reader
    typed "1.000" for the article's "over 1,000"), nor right (1.000 is one). Only where the
    answer as written is not right itself, and the same answer without its stops is."""
    lang = find_language(key.language)
    if key.year or (lang is not None and lang.numbers.decimal_comma):
        return False
    found = _DOTTED_GROUPS.search(text)
    if found is None or check_number(key, text).correct:
        return False
    plain = text[: found.start()] + found.group(0).replace(".", "") + text[found.end() :]
    return check_number(key, plain).correct


def check_number(key: Figure, text: str) -> Verdict:
    value = figure_value(key, text)
    if value is None:
        return Verdict(False, True, Note(NoteCode.NOT_A_NUMBER))
    bound, _ = said_bound(key, text)
    if bound is not None and bound != key.bound:
        return Verdict(False, True)  # "over 8" for eight; "under 1,000" for "over 1,000"
    if key.year and parse_year(text, key.language) is None:
        date = parse_date(text, key.language)
        if date is not None and not _same_day(key, date):
            return Verdict(False, True)  # the right year in a wrong month is a wrong date
    diff = abs(value - key.value)
    if diff == 0:
        return Verdict(True, True)
    if diff <= key.tolerance:
        return Verdict(True, False, Note(NoteCode.WITHIN, value=key.value, tolerance=key.tolerance))
    return Verdict(False, True)


def _same_day(key: Figure, date: tuple[int, int, int | None]) -> bool:
    _, month, day = date
    return month == key.month and day in (None, key.day)
