"""What each sentence of a text offers a pack author: its dates, numbers and names.

A heuristic reading, meant to save typing, not to decide anything: dates in
the forms English prose writes them (20 July 1969, July 20, 1969, July 1969,
1969), numbers with the word after them as a likely unit (50 kilometres) and
"about"/"over" marking a rounded figure, and runs of capitalised words as
names (a sentence's first word only when the text never writes it in lower
case). Each comes with the YAML value a fact would use for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from quiz.numbers import SCALES, TENS, UNITS, number
from quiz.packs.model import MONTHS
from quiz.packs.quotes import sentences

_MONTH = "|".join(MONTHS)
_DAY_MONTH_YEAR = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?P<m1>{_MONTH}),? (?P<y1>\d{{4}})"
_MONTH_DAY_YEAR = rf"(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y2>\d{{4}})"
_MONTH_YEAR = rf"(?P<m3>{_MONTH}),? (?:of )?(?P<y3>\d{{4}})"
_ISO = r"(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
_YEAR = r"(?P<y5>1\d{3}|20\d{2})"
_DAY_MONTH = rf"(?P<d6>\d{{1,2}})(?:st|nd|rd|th)? (?P<m6>{_MONTH})"  # the year said elsewhere
DATE = re.compile(
    rf"(?<![\w,.])(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_MONTH_YEAR}|{_ISO}|{_YEAR}"
    rf"|{_DAY_MONTH})(?![\w-])"
)
APPROX = r"about|around|over|nearly|almost|some|roughly|approximately|more than|less than"
# a number written in words: "two", "thirty-eight", "one hundred and twenty" ("one" alone is
# mostly a pronoun: "one of the six")
_SMALL_WORDS = "|".join([*UNITS[2:], *TENS][::-1])  # longest first: "sixteen" before "six"
_WORD_RUN = (
    rf"(?:{_SMALL_WORDS}|one(?=[ -](?:hundred|thousand|million|billion)))"
    rf"(?:(?:[ -]| and )(?:{_SMALL_WORDS}|one|hundred)\b)*"
)
_SCALE = "|".join(SCALES)
NUMBER = re.compile(
    rf"(?:(?P<approx>(?i:{APPROX})) )?"
    r"(?<![\w.,])(?P<n>(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|(?i:{_WORD_RUN}))(?: (?i:{_SCALE}))?)(?![\w])"
    r"(?: (?P<unit>[a-z][a-z-]{2,}(?: [a-z][a-z-]{2,})?|per cent|%))?",
)
# a word, or an abbreviation of initials ("U.S.", "U.K."): one word, not a name "U" and "S"
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’-]*")
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}")
# Titles and offices written before a name ("President Franklin Pierce", "Don José de
# Garay"): the name is what follows them.
_TITLE_WORDS = """
President Governor Minister Secretary Senator General Admiral Colonel Captain Major
Lieutenant Sergeant Commander Ambassador Chancellor Premier Prime King Queen Prince Princess
Emperor Empress Pope Bishop Archbishop Cardinal Sir Lord Lady Dame Don Doña Mr Mrs Ms Dr
Prof Professor Judge Justice Mayor Chief Agent Consul Director Chairman Speaker Vice
"""
_TITLES = frozenset(_TITLE_WORDS.split())
# what may stand between two words of one name: a space, or a dash with no space around it
# ("Molotov–Ribbentrop Pact", "Austria-Hungary")
_JOINED = re.compile(r" |[-–—]")
# Lower-case words that may stand inside a name: "Sea of Tranquility", "Leonardo da Vinci".
_CONNECTOR_WORDS = "of the de du da di la le von van der den y al bin"
_CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
# Words after a number that are not its unit.
_NOT_UNIT_WORDS = """
and or of the a an in on at to for from with by as is are was were be been it its than then
that which who when where after before later earlier more less times
"""
_NOT_UNITS = frozenset(_NOT_UNIT_WORDS.split())
# Units a word before may qualify: "22 nautical miles", "40 square kilometres", "4 light years".
_UNIT_WORDS = """
metres meters kilometres kilometers centimetres centimeters millimetres millimeters miles
feet inches yards metre meter kilometre kilometer mile foot inch yard tonnes tons kilograms
grams pounds ounces litres liters gallons hours minutes seconds days weeks months years
decades centuries degrees knots acres hectares euros dollars pounds volts watts
"""
_UNITS = frozenset(_UNIT_WORDS.split())
# Capitalised words that begin sentences without naming anything.
_OPENER_WORDS = """
the a an in on at of for from with by as it its he she they his her their this that these
those there then when while after before during since until but and or so yet if though
although because however today now we our you your i my one some many most all each every
both no not about around over nearly almost roughly approximately
therefore moreover besides furthermore meanwhile nevertheless aside first finally also
indeed thus hence instead otherwise
"""
_OPENERS = frozenset(_OPENER_WORDS.split())


@dataclass(frozen=True)
class Found:
    text: str  # as the sentence writes it
    value: str  # as a fact writes it in YAML


@dataclass(frozen=True)
class Candidate:
    line: int  # of the sentence's first character, 1-based
    text: str  # the sentence, verbatim
    dates: tuple[Found, ...]
    numbers: tuple[Found, ...]
    names: tuple[str, ...]


def candidates(source: str) -> list[Candidate]:
    """Every sentence of the source (as `quiz check --coverage` counts them), in order."""
    lower_words = {w for w in re.findall(r"[^\W\d_]+", source) if w.islower()}
    out = []
    line, counted = 1, 0  # a running count: counting from the start each time was quadratic
    for span in sentences(source):
        text = source[span.start : span.end]
        line += source.count("\n", counted, span.start)
        counted = span.start
        dates, taken = _dates(text)
        numbers = _numbers(text, taken)
        names = _names(text, lower_words)
        out.append(Candidate(line, text, dates, numbers, names))
    return out


def _dates(text: str) -> tuple[tuple[Found, ...], list[tuple[int, int]]]:
    found: list[Found] = []
    spans = []
    for m in DATE.finditer(text):
        g = m.groupdict()
        year = next((g[k] for k in ("y1", "y2", "y3", "y4", "y5") if g[k]), "YYYY")
        month_name = next((g[k] for k in ("m1", "m2", "m3", "m6") if g[k]), None)
        month = MONTHS.index(month_name) + 1 if month_name else g["m4"] and int(g["m4"])
        day = next((g[k] for k in ("d1", "d2", "d4", "d6") if g[k]), None)
        if g["y5"] and _unit_after(text, m.end()):
            continue  # "1500 metres" is a number, not a year
        if month and day:
            value = f'{{date: "{year}-{int(month):02d}-{int(day):02d}"}}'
        elif month:
            value = f'{{date: "{year}-{int(month):02d}"}}'
        else:
            value = f"{{year: {year}}}"
        found.append(Found(m.group(0), value))
        spans.append(m.span())
    return tuple(found), spans


def _unit_after(text: str, end: int) -> bool:
    m = re.match(r" ([a-z][a-z-]{2,})", text[end:])
    return m is not None and m.group(1) not in _NOT_UNITS


def _numbers(text: str, taken: list[tuple[int, int]]) -> tuple[Found, ...]:
    found = []
    for m in NUMBER.finditer(text):
        start, end = m.span("n")
        if any(a <= start < b for a, b in taken):
            continue
        written = m.group("n")
        value = number(written)  # "two million" → 2000000, "1.5 million" → 1500000
        if value is None:
            continue
        figure = int(value) if value.is_integer() else value
        unit = _unit(m.group("unit"))
        shown = text[m.start() : end] + (f" {unit}" if unit else "")
        parts = [f"number: {figure}"]
        if m.group("approx"):
            said = f"{m.group('approx').lower()} {written}"
            parts += [f"text: {json.dumps(said)}", "approx: true"]
        elif not re.fullmatch(r"[\d,.]+", written):
            parts.append(f"text: {json.dumps(written)}")  # as written: "two million"
        value_yaml = "{" + ", ".join(parts) + "}"
        if unit:
            value_yaml += f"  (unit: {unit})"
        found.append(Found(shown, value_yaml))
    return tuple(found)


def _unit(words: str | None) -> str | None:
    """The unit among the (up to two) words after a number: a known unit with the word that
    qualifies it ("nautical miles"), else a lone word ("12 astronauts."); left out when
    unsure ("3 new members": is "new" the unit?)."""
    if not words or words in ("per cent", "%"):
        return words
    first, _, second = words.partition(" ")
    if first in _NOT_UNITS:
        return None
    if first in _UNITS or not second or second in _NOT_UNITS:
        return first
    return words if second in _UNITS else None


def _names(text: str, lower_words: set[str]) -> tuple[str, ...]:
    """Runs of capitalised words (with connectors inside), one space apart."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    names: list[str] = []
    i = 0
    while i < len(words):
        if not words[i][2][:1].isupper():
            i += 1
            continue
        run, j = [i], i + 1
        while j < len(words) and _JOINED.fullmatch(text[words[j - 1][1] : words[j][0]]):
            word = words[j][2]
            if word[:1].isupper():
                run.append(j)
                j += 1
                continue
            # connectors, then a capitalised word: "Memory of the World Register"
            k = j
            while (
                k < len(words)
                and words[k][2] in _CONNECTORS
                and text[words[k - 1][1] : words[k][0]] == " "
            ):
                k += 1
            if (
                k > j
                and k < len(words)
                and text[words[k - 1][1] : words[k][0]] == " "
                and (words[k][2][:1].isupper())
            ):
                run += list(range(j, k + 1))
                j = k + 1
            else:
                break
        i = j
        if len(run) > 1 and _INITIALS.fullmatch(words[run[0]][2]):
            i = run[1]  # "U.S. President Franklin Pierce": "U.S." is a name of its own
            run = run[:1]
        found = [words[k][2] for k in run]
        between = [text[words[a][1] : words[b][0]] for a, b in zip(run, run[1:], strict=False)]
        at_start = not text[: words[run[0]][0]].strip(' "“‘(')
        while found and found[0].lower() in _OPENERS:
            found, between = found[1:], between[1:]
            at_start = False
        if not found or any(w in MONTHS for w in found):
            continue
        if at_start and len(found) == 1 and found[0].lower() in lower_words:
            continue  # "Swimmers …": a word the text also writes in lower case
        if at_start and len(found) == 1 and _opens_a_clause(found[0], text):
            continue  # "Attempting to defuse …", "Fearing …": a verb, not a name
        for part, seps in _after_title(found, between):
            # the words as the text joins them: "Molotov–Ribbentrop Pact" keeps its dash
            name = part[0] + "".join(sep + w for sep, w in zip(seps, part[1:], strict=True))
            name = re.sub(r"(?:'s|’s|'|’)$", "", name)  # "Lithuania's", "United States’"
            if name and name not in names:
                names.append(name)
    return tuple(names)


def _opens_a_clause(word: str, text: str) -> bool:
    """A sentence's first word that reads as a verb form ("Attempting", "Fearing", "Based")
    and is never written with a capital inside a sentence: no name."""
    if not word.endswith(("ing", "ed")) or len(word) < 5:
        return False
    return re.search(rf"[^\s.!?“\"(]\s+{re.escape(word)}\b", text) is None


def _after_title(found: list[str], between: list[str]) -> list[tuple[list[str], list[str]]]:
    """A name without the title or office written before it: "Mexican President Antonio de
    Santa Anna" → "Antonio de Santa Anna", "Governor William Lane of New Mexico" → "William
    Lane" and "New Mexico", "Secretary of State William Marcy" → "William Marcy". A title
    alone is no name; an office with nothing after it ("Secretary of State") is kept."""
    t = 0
    if len(found) > 2 and found[1] in _TITLES and found[0] not in _TITLES:
        t = 1  # "Mexican President …", "U.S. Minister …"
    if all(w in _TITLES for w in found):
        return []  # "President", "Minister" alone: an office without its holder
    if found[t] not in _TITLES:
        return [(found, between)]
    t += 1
    while t < len(found) and found[t] in _TITLES:
        t += 1  # "Vice President", "Prime Minister"
    if t < len(found) - 1 and found[t] in _CONNECTORS:
        # "Secretary of State William Marcy", "Minister of National Defence Raimundas
        # Karoblis": the office's own words, then the holder's (taken as the last two)
        t = max(t + 2, len(found) - 2)
    rest, seps = found[t:], between[t:]
    if not rest or not rest[0][:1].isupper():
        return [(found, between)]
    if "of" in rest[1:]:  # a person of a place: "William Lane of New Mexico"
        k = rest.index("of", 1)
        return [(rest[:k], seps[: k - 1]), (rest[k + 1 :], seps[k + 1 :])]
    return [(rest, seps)]
