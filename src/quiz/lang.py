"""The interface's language: which catalogue `_()` and `ngettext()` read, and how it is chosen.

English is the source text and the fallback: a message the catalogue lacks is shown in English,
and an unknown language is English with no error. The language is chosen once a process knows
it (`quiz --lang`, QUIZ_LANG, the environment's locale, the home screen's remembered choice, a
served tab's browser), which can be after modules are imported: a served tab is forked from a
process that imported the game before any browser asked. So messages that live in tables made
at import time (key bindings, kind labels) are marked with `N_()` and translated where shown.

Standard library only, and small: the home screen's first frame imports it. Babel (locale
formats of dates and numbers) is imported only for a language other than English.
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

LOCALES = Path(__file__).parent / "locale"
DOMAIN = "quiz"
DEFAULT = "en"
# The languages with a catalogue (English needs none): the home screen offers these.
LANGUAGES: dict[str, str] = {"en": "English", "lt": "Lietuvių"}
# ll, ll_CC, ll-CC, with an encoding or modifier as a locale variable may have (lt_LT.UTF-8).
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|[0-9]{3}))?(?:\.[\w-]+)?(?:@\w+)?$")

_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT


class BadLanguage(ValueError):
    """A language value that is not a language tag at all (`--lang 12`): a usage error."""


def _(message: str) -> str:
    """The message in the interface's language (English when the catalogue lacks it)."""
    return _catalogue.gettext(message)


def ngettext(one: str, many: str, n: int) -> str:
    """The plural form for `n` in the interface's language (Lithuanian has three)."""
    return _catalogue.ngettext(one, many, n)


def N_(message: str) -> str:
    """Marks a message for the catalogue without translating it yet: for tables made at
    import time (key bindings, labels), translated with `_()` where they are shown."""
    return message


def parse(value: str) -> str:
    """The language of a tag or locale name: "lt", "lt_LT.UTF-8", "lt-LT" → "lt"; "C" and
    "POSIX" → "en". A value that is no tag at all raises BadLanguage."""
    value = value.strip()
    if value in ("C", "POSIX") or value.startswith("C."):
        return DEFAULT
    match = _TAG.match(value)
    if match is None:
        raise BadLanguage(value)
    return match.group(1).lower()


def known(code: str) -> bool:
    return code in LANGUAGES


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """QUIZ_LANG, else the locale as gettext reads it: LANGUAGE (a colon list, the first known
    one wins), LC_ALL, LC_MESSAGES, LANG. English when none names a language we have."""
    env = os.environ if environ is None else environ
    chosen = env.get("QUIZ_LANG", "").strip()
    if chosen:
        try:
            return parse(chosen)
        except BadLanguage:
            return DEFAULT
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if not value:
            continue
        for part in value.split(":") if name == "LANGUAGE" else [value]:
            try:
                code = parse(part)
            except BadLanguage:
                continue
            if known(code):
                return code
        if name != "LANGUAGE":
            return DEFAULT  # the first set variable decides, as gettext does
    return DEFAULT


def from_accept_language(header: str | None) -> str:
    """The best language we have from a browser's Accept-Language ("lt-LT,lt;q=0.9,en;q=0.8"),
    by its weights; English when it names none of ours."""
    best: tuple[float, str] = (-1.0, DEFAULT)
    for index, part in enumerate((header or "").split(",")):
        tag, _sep, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _eq, value = param.strip().partition("=")
            if key == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        try:
            code = parse(tag) if tag and tag != "*" else ""
        except BadLanguage:
            continue
        # a later tag of equal weight does not beat an earlier one
        if known(code) and weight > 0 and weight - index * 1e-6 > best[0]:
            best = (weight - index * 1e-6, code)
    return best[1]


def remembered() -> str | None:
    """The language chosen on the home screen (the settings file's "language"), if any. Read
    here, not through quiz.settings: this runs at every start, `quiz --help`'s too."""
    import json

    from quiz.folders import settings_file

    try:
        data = json.loads(settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    chosen = data.get("language") if isinstance(data, dict) else None
    return chosen if isinstance(chosen, str) and chosen else None


def set_language(code: str | None) -> str:
    """Make `code` the interface's language ("en" for None or one without a catalogue) and
    return the language now in use. argparse's own words (usage:, options:, its errors)
    follow, from the same catalogue."""
    global _catalogue, _language
    code = code or DEFAULT
    if code == DEFAULT or not known(code):
        _catalogue, _language = gettext.NullTranslations(), DEFAULT
    else:
        _catalogue = gettext.translation(DOMAIN, LOCALES, languages=[code], fallback=True)
        _language = code if isinstance(_catalogue, gettext.GNUTranslations) else DEFAULT
    _argparse_follows()
    return _language


def translations(code: str) -> gettext.NullTranslations:
    """The catalogue of `code` without making it the process's language: a server speaks to
    each browser in its own (English for one we have no catalogue of)."""
    if code == DEFAULT or not known(code):
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALES, languages=[code], fallback=True)


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Word what is said inside in `code` (one browser's language), then the process's own
    again: a server that answers many phones from one process words each reply for its phone.
    Synchronous use only: no await inside, so no other reply is worded meanwhile."""
    global _catalogue, _language
    before = _catalogue, _language
    _catalogue = translations(code)
    _language = code if isinstance(_catalogue, gettext.GNUTranslations) else DEFAULT
    try:
        yield
    finally:
        _catalogue, _language = before


def language() -> str:
    """The interface's language now: "en", "lt"."""
    return _language


def catalogue() -> gettext.NullTranslations:
    return _catalogue


def _argparse_follows() -> None:
    """argparse looks its words up at call time through its module's `_` and `ngettext`
    (gettext's global domain): point them at our catalogue, which holds them (quiz.argwords),
    so `--help` and usage errors speak the interface's language."""
    import argparse

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


# -- numbers and dates in the interface's language ------------------------------------------


def number(value: float, decimals: int | None = None) -> str:
    """A number as the interface's language writes it: 1,234.5 in English, 1 234,5 in
    Lithuanian."""
    if _language == DEFAULT:
        if decimals is None:
            return f"{value:,}"
        return f"{value:,.{decimals}f}"
    from babel.numbers import format_decimal

    if decimals is None:
        return format_decimal(value, locale=_language)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_language)


def percent(value: float) -> str:
    """A whole percentage, 75 % in Lithuanian, 75% in English (value 0–100)."""
    if _language == DEFAULT:
        return f"{value:.0f}%"
    from babel.numbers import format_percent

    return format_percent(value / 100, locale=_language)


def short_day(day: dt.date) -> str:
    """A day of the coming week, short: "Wed 09 Dec"; "gruodžio 9 d., tr" (Babel's for others)."""
    if _language == DEFAULT:
        return day.strftime("%a %d %b")
    from babel.dates import format_skeleton

    return format_skeleton("MMMMEd", day, locale=_language)
