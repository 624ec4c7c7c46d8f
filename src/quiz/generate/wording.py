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

from quiz.languages import Language, english
from quiz.packs.model import Fact, Pack, Quote, Value
from quiz.packs.quotes import Span
from quiz.text import capitalize_first

# The English words (the language's own are `pack.lang.stopwords`): kept for callers that
# speak of English text only.
STOPWORDS = english().stopwords


def names_in(folded_text: str, value: Value) -> bool:
    """Whether an already folded text holds one of the value's names as whole words."""
    padded = f" {folded_text} "
    # a loop, not any() over a generator: called for every option of every question
    for n in value.folded_names:  # noqa: SIM110
        if n and f" {n} " in padded:
            return True
    return False


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
def _frame_re(word: str, lang: Language) -> re.Pattern[str]:
    """A text's frame at its start ("According to the article (2018), "), with or without
    its year, in the language's own words."""
    plain = re.escape(lang.lead("according", noun=word))
    dated = re.escape(lang.lead("according_year", noun=word, year="\0")).replace(
        re.escape("\0"), r"\d{4}"
    )
    return re.compile(rf"^(?:{dated}|{plain})", re.I)


@lru_cache(maxsize=64)
def _named_re(word: str, lang: Language) -> re.Pattern[str]:
    names = "|".join(re.escape(n.format(noun=word)) for n in lang.source_names)
    return re.compile(rf"\b(?:{names})\b(?! \()", re.I)


def frame(text: str, word: str, year: int | None = None, lang: Language | None = None) -> str:
    """Say whose claim it is, once: 'According to the {word}[ (year)], …' in front of the
    text; a text that already names the source ("… does the article name …") only gets the
    year after the noun."""
    lang = lang or english()
    if year:
        lead = lang.lead("according_year", noun=word, year=year)
    else:
        lead = lang.lead("according", noun=word)
    m = _frame_re(word, lang).match(text)
    if m:
        return lead + text[m.end() :]
    named = _named_re(word, lang).search(text)
    if named:
        if year is None:
            return text
        return f"{text[: named.end()]} ({year}){text[named.end() :]}"
    first, _, rest = text.partition(" ")
    if first.lower() in lang.lower_first:
        first = first.lower()
    return lead + f"{first} {rest}".rstrip() if rest else lead + first


def unframed(text: str, word: str, lang: Language | None = None) -> str:
    """The claim without its 'According to the {word}, ' frame: what a quote must prove."""
    m = _frame_re(word, lang or english()).match(text)
    return capitalize_first(text[m.end() :]) if m else text


def framed(pack: Pack, fact: Fact, text: str, *, source_list: bool = False) -> str:
    """Text about a fact with the frames it needs: the date for a time-bound relation, the
    source for a claim whose truth rests on the source's list."""
    source = source_of(pack, fact)
    if fact.relation.time_bound or source_list:
        year = as_of(pack, source) if fact.relation.time_bound else None
        return frame(text, noun(pack, source), year, pack.lang)
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
    """'A', 'A and B', 'A, B and C' (in a pack's language: `pack.lang.listing`)."""
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
