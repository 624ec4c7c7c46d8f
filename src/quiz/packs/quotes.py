"""Finding quotes in a source, and the paragraphs and sentences around them.

Offsets are Python string indices (code points), end exclusive, as in the W3C
TextPositionSelector. The source text is never normalised: a quote must match
it byte for byte, and a near miss is reported with the passage it resembles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quiz.text import fold_quotes

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n\s*")
# A sentence ends at . ! or ? (perhaps followed by a closing quote) before a space
# and a capital letter or opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]?\s+(?=[A-Z“\"‘(])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class QuoteNotFound(ValueError):
    pass


def find_quote(text: str, quote: str, prefix: str = "", suffix: str = "") -> tuple[int, int]:
    """Offsets of the unique occurrence of `quote` (with its prefix/suffix), or QuoteNotFound."""
    if not quote:
        raise QuoteNotFound("the quote is empty")
    hits = []
    pos = text.find(quote)
    while pos != -1:
        end = pos + len(quote)
        if (
            text[max(0, pos - len(prefix)) : pos] == prefix
            and text[end : end + len(suffix)] == suffix
        ):
            hits.append(pos)
        pos = text.find(quote, pos + 1)
    if len(hits) == 1:
        return hits[0], hits[0] + len(quote)
    if hits:
        raise QuoteNotFound(
            f"the quote occurs {len(hits)} times in the source; add a prefix or suffix to say which"
        )
    if text.find(quote) != -1:
        raise QuoteNotFound("the quote is in the source, but not with this prefix/suffix")
    raise QuoteNotFound(_near_miss(text, quote))


def _near_miss(text: str, quote: str) -> str:
    key_text, key_quote = fold_quotes(text), fold_quotes(quote)
    if key_quote in key_text:
        start = key_text.index(key_quote)
        passage = text[start : start + len(quote)]
        return (
            f"quote not verbatim: the source writes {passage!r} "
            "(apostrophes, quotes, dashes or spaces differ)"
        )
    from rapidfuzz import fuzz  # only on this error path: keeps start-up light

    align = fuzz.partial_ratio_alignment(quote, text, processor=None)
    if align is None or align.score < 50:
        return "quote not found in the source"
    start, end = align.dest_start, align.dest_end
    # whole words, so the author can copy the passage instead of a fragment ('il Armstrong')
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    passage = text[start:end].strip()
    return f"quote not found verbatim; closest passage: {passage!r}"


def paragraphs(text: str) -> list[Span]:
    """Blank-line separated blocks, trimmed."""
    spans = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append(_trim(text, start, m.start()))
        start = m.end()
    spans.append(_trim(text, start, len(text)))
    return [s for s in spans if s.end > s.start]


@lru_cache(maxsize=16)  # a source is split once, however many questions quote it
def sentences(text: str) -> tuple[Span, ...]:
    """Sentences of the body paragraphs; headings (no closing punctuation) are left out."""
    out = []
    for para in paragraphs(text):
        block = text[para.start : para.end]
        if not re.search(r"[.!?][”\"’)]?\s*$", block):
            continue
        start = 0
        for m in _SENTENCE_END.finditer(block):
            out.append(_trim(text, para.start + start, para.start + m.start()))
            start = m.end()
        out.append(_trim(text, para.start + start, para.end))
    return tuple(s for s in out if s.end > s.start)


def paragraph_of(text: str, start: int, end: int) -> Span:
    """The paragraph holding a passage (all paragraphs it touches, when it spans several)."""
    paras = [p for p in paragraphs(text) if p.start < end and start < p.end] or [Span(start, end)]
    return Span(paras[0].start, paras[-1].end)


def sentences_covering(text: str, start: int, end: int) -> Span:
    """The whole sentence(s) a passage stands in: the answer of an evidence question."""
    hit = [s for s in sentences(text) if s.start < end and start < s.end]
    if not hit:
        return Span(start, end)
    return Span(min(s.start for s in hit), max(s.end for s in hit))


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def in_context(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph around a passage, with the passage's offsets inside it."""
    para = paragraph_of(text, start, end)
    return text[para.start : para.end], start - para.start, end - para.start
