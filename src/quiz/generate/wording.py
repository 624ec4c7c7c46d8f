"""How the generator's own words name the source and the date it speaks for.

Templates are the author's words; the generator adds only frames: "According to
the article, …" where a claim rests on the source's list, and "According to the
article (2018), …" where it is true only as of the source's date (a battlegroup
added in 2022 must not turn a 2018 falsehood into a world falsehood). The noun
is the source's own ("article", "chapter", "speech"), never a fixed word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quiz.packs.model import Fact, Pack, Quote, Value
from quiz.packs.quotes import Span
from quiz.text import capitalize_first

# Words that carry no meaning of their own: a prompt and an option sharing one gives nothing
# away ("Which of these …" / "the Netherlands").
_STOPWORDS_WORDS = """
a an the and or of in on at to for from with within by as is are was were be been being
did do does done has have had its it their they them this these that those which what
who whom whose when where why how not no one any every all each other than then there
here into onto over under about after before during since until between also only such
according article text source chapter speech handout select these true false
"""
STOPWORDS = frozenset(_STOPWORDS_WORDS.split())

# First words that are not names, so "Which …" becomes "…, which …" after a frame.
_LOWER_FIRST_WORDS = """
a an the in on at of for from with within by to since before after during until when
where which what who whom whose how why is are was were did does do has have had its
their there this these that those select put
"""
_LOWER_FIRST = frozenset(_LOWER_FIRST_WORDS.split())


def names_in(folded_text: str, value: Value) -> bool:
    """Whether an already folded text holds one of the value's names as whole words."""
    padded = f" {folded_text} "
    return any(n and f" {n} " in padded for n in value.folded_names)


def source_of(pack: Pack, fact: Fact) -> str:
    return fact.quote.source


def noun(pack: Pack, source_id: str | None = None) -> str:
    """What the source is called: 'article', 'chapter' … ('text' when the pack says nothing)."""
    if source_id is not None and source_id in pack.sources:
        return pack.sources[source_id].noun
    return pack.noun


def as_of(pack: Pack, source_id: str) -> int | None:
    return pack.sources[source_id].as_of


@lru_cache(maxsize=64)
def _frame_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"^according to the {re.escape(word)}(?: \(\d{{4}}\))?, ", re.I)


@lru_cache(maxsize=64)
def _named_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"\bthe {re.escape(word)}\b(?! \()", re.I)


def frame(text: str, word: str, year: int | None = None) -> str:
    """Say whose claim it is, once: 'According to the {word}[ (year)], …' in front of the
    text; a text that already names the source ("… does the article name …") only gets the
    year after the noun."""
    lead = f"According to the {word} ({year}), " if year else f"According to the {word}, "
    m = _frame_re(word).match(text)
    if m:
        return lead + text[m.end() :]
    named = _named_re(word).search(text)
    if named:
        if year is None:
            return text
        return f"{text[: named.end()]} ({year}){text[named.end() :]}"
    first, _, rest = text.partition(" ")
    if first.lower() in _LOWER_FIRST:
        first = first.lower()
    return lead + f"{first} {rest}".rstrip() if rest else lead + first


def unframed(text: str, word: str) -> str:
    """The claim without its 'According to the {word}, ' frame: what a quote must prove."""
    m = _frame_re(word).match(text)
    return capitalize_first(text[m.end() :]) if m else text


def framed(pack: Pack, fact: Fact, text: str, *, source_list: bool = False) -> str:
    """Text about a fact with the frames it needs: the date for a time-bound relation, the
    source for a claim whose truth rests on the source's list."""
    source = source_of(pack, fact)
    if fact.relation.time_bound or source_list:
        year = as_of(pack, source) if fact.relation.time_bound else None
        return frame(text, noun(pack, source), year)
    return text


def statement(pack: Pack, fact: Fact, value: Value | None = None) -> str:
    """The fact (or the fact with another value) as a sentence, framed as it needs."""
    if value is None:
        return _said(pack, fact)[0]
    return framed(pack, fact, fact.relation.render("statement", fact.subject, value))


def explanation(pack: Pack, fact: Fact) -> str:
    return _said(pack, fact)[1]


def _said(pack: Pack, fact: Fact) -> tuple[str, str]:
    """(statement, explanation) of a fact, worked out once: many questions show them."""
    from quiz.generate.index import index_of

    memo = index_of(pack).memo
    found = memo.get(("said", fact.id))
    if not isinstance(found, tuple):
        said = framed(pack, fact, fact.statement)
        found = (said, f"{said} {fact.explanation}" if fact.explanation else said)
        memo[("said", fact.id)] = found
    return found


def listing(items: Sequence[str], last: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def passages(pack: Pack, quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """The quotes to show, one per paragraph: quotes that share a paragraph become one
    passage from the first to the last, so feedback never shows a paragraph twice."""
    if len(quotes) < 2:
        return tuple(quotes)
    from quiz.generate.index import index_of

    index = index_of(pack)
    key = ("passages", tuple(quotes))
    found = index.memo.get(key)
    if isinstance(found, tuple):
        return found
    merged: dict[tuple[str, int], Quote] = {}
    for q in quotes:
        where = (q.source, index.source(q.source).paragraph(q.start))
        seen = merged.get(where)
        if seen is None:
            merged[where] = q
        elif not (seen.start <= q.start and q.end <= seen.end):
            span = Span(min(seen.start, q.start), max(seen.end, q.end))
            text = pack.sources[q.source].text[span.start : span.end]
            merged[where] = Quote(q.source, text, span.start, span.end)
    found = index.memo[key] = tuple(merged.values())
    return found
