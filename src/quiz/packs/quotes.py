"""Finding quotes in a source, and the paragraphs and sentences around them.

Offsets are Python string indices (code points), end exclusive, as in the W3C
TextPositionSelector. The source text is never normalised: a quote must match
it byte for byte, and a near miss is reported with the passage it resembles.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from quiz.lang import _
from quiz.packs.sentence_ends import sentence_ends
from quiz.safe import char_name
from quiz.text import fold_quotes

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n\s*")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class QuoteNotFound(ValueError):
    """Why a quote is not in the source: `part` is the key it concerns (quote, prefix or
    suffix) and `at` the index, in that text, of the first character that differs."""

    def __init__(self, message: str, *, part: str = "quote", at: int | None = None) -> None:
        super().__init__(message)
        self.part = part
        self.at = at


def find_quote(text: str, quote: str, prefix: str = "", suffix: str = "") -> tuple[int, int]:
    """Offsets of the unique occurrence of `quote` (with its prefix/suffix), or QuoteNotFound."""
    if not quote:
        raise QuoteNotFound(_("the quote is empty"))
    hits = []
    seen = []
    pos = text.find(quote)
    while pos != -1:
        seen.append(pos)
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
            _(
                "the quote occurs {n} times in the source; add a prefix or suffix to say which"
            ).format(n=len(hits))
        )
    if seen:
        raise _context_miss(text, quote, prefix, suffix, seen)
    raise _near_miss(text, quote)


def _context_miss(
    text: str, quote: str, prefix: str, suffix: str, starts: list[int]
) -> QuoteNotFound:
    """The quote is there, but its prefix or suffix does not stand beside it: say what the
    source has there, at the occurrence that matches best, pinned to the first character
    (from the quote outwards) that differs."""

    def matched(pos: int) -> tuple[int, int]:
        before = text[max(0, pos - len(prefix)) : pos]
        p = 0
        while p < len(prefix) and p < len(before) and prefix[-1 - p] == before[-1 - p]:
            p += 1
        after = text[pos + len(quote) : pos + len(quote) + len(suffix)]
        s = 0
        while s < len(suffix) and s < len(after) and suffix[s] == after[s]:
            s += 1
        return p, s

    best = max(starts, key=lambda pos: sum(matched(pos)))
    p, s = matched(best)
    if p < len(prefix):
        at, there = len(prefix) - 1 - p, best - 1 - p
        begin = max(0, best - len(prefix))
        while begin > 0 and text[begin - 1].isalnum() and text[begin].isalnum():
            begin -= 1  # whole words
        has = text[begin:best]
        if there >= 0 and _lookalike(prefix[at], text[there]):
            said = _(
                "the quote is in the source, but not with this prefix: the source has {has} "
                "before it; you typed {typed}, the source has {source}"
            ).format(has=repr(has), typed=char_name(prefix[at]), source=char_name(text[there]))
        else:
            said = _(
                "the quote is in the source, but not with this prefix: the source has {has} "
                "before it"
            ).format(has=repr(has))
        return QuoteNotFound(said, part="prefix", at=at)
    end = best + len(quote)
    stop = min(len(text), end + len(suffix))
    while stop < len(text) and text[stop].isalnum() and text[stop - 1].isalnum():
        stop += 1
    has = text[end:stop]
    if end + s < len(text) and _lookalike(suffix[s], text[end + s]):
        said = _(
            "the quote is in the source, but not with this suffix: the source has {has} "
            "after it; you typed {typed}, the source has {source}"
        ).format(has=repr(has), typed=char_name(suffix[s]), source=char_name(text[end + s]))
    else:
        said = _(
            "the quote is in the source, but not with this suffix: the source has {has} after it"
        ).format(has=repr(has))
    return QuoteNotFound(said, part="suffix", at=s)


def _lookalike(typed: str, source: str) -> bool:
    """Whether two characters are ones a reader may not tell apart (anything but two plain
    letters or digits): the message then names both by their Unicode names."""
    return not (typed.isascii() and typed.isalnum() and source.isascii() and source.isalnum())


def _near_miss(text: str, quote: str) -> QuoteNotFound:
    key_text, key_quote = fold_quotes(text), fold_quotes(quote)
    if key_quote in key_text:
        start = key_text.index(key_quote)
        passage = text[start : start + len(quote)]
        at = next(i for i, (a, b) in enumerate(zip(quote, passage, strict=True)) if a != b)
        return QuoteNotFound(
            _(
                "quote not verbatim at character {at}: you typed {typed}, the source has "
                "{source} (the source writes {passage})"
            ).format(
                at=at + 1,
                typed=char_name(quote[at]),
                source=char_name(passage[at]),
                passage=repr(passage),
            ),
            at=at,
        )
    from rapidfuzz import fuzz  # only on this error path: keeps start-up light

    align = fuzz.partial_ratio_alignment(quote, text, processor=None)
    if align is None or align.score < 50:
        return QuoteNotFound(_("quote not found in the source"))
    start, end = align.dest_start, align.dest_end
    # whole words, so the author can copy the passage instead of a fragment ('il Armstrong')
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    passage = text[start:end].strip()
    found = first_difference(quote, passage)
    if found is None:
        return QuoteNotFound(
            _("quote not found verbatim; closest passage: {passage}").format(passage=repr(passage))
        )
    at, said = found
    return QuoteNotFound(
        _("quote not found verbatim; closest passage: {passage}; at character {at} {said}").format(
            passage=repr(passage), at=at + 1, said=said
        ),
        at=at,
    )


_TOKEN = re.compile(r"\w+|\W")


def first_difference(typed: str, source: str) -> tuple[int, str] | None:
    """Where a quote first departs from the passage it was copied from, and how: (index in
    the quote, what differs). Compared word by word, so a changed word is named as a word and
    a changed mark or space by its character names. None when they share too little to say
    (a different passage), or differ only where the passage runs on beyond the quote."""
    if SequenceMatcher(None, typed, source, autojunk=False).ratio() < 0.6:
        return None
    mine = [(m.start(), m.group()) for m in _TOKEN.finditer(typed)]
    theirs = [(m.start(), m.group()) for m in _TOKEN.finditer(source)]
    words = SequenceMatcher(None, [t for _n, t in mine], [t for _n, t in theirs], autojunk=False)
    for tag, i1, _i2, j1, _j2 in words.get_opcodes():
        if tag == "equal" or (tag == "insert" and i1 in (0, len(mine))):
            continue  # the passage starts earlier or ends later than the quote
        if tag == "delete":
            at, word = mine[i1]
            return at, _("you typed {typed}, which the source does not have there").format(
                typed=_token(word)
            )
        if tag == "insert":
            at = mine[i1][0]
            missing = _token(theirs[j1][1])
            return at, _("the source has {missing} there, which the quote leaves out").format(
                missing=missing
            )
        (at, word), (_n, have) = mine[i1], theirs[j1]
        k = next((n for n, (x, y) in enumerate(zip(word, have, strict=False)) if x != y), None)
        if k is not None and _lookalike(word[k], have[k]):
            said = _("you typed {typed}, the source has {source}").format(
                typed=char_name(word[k]), source=char_name(have[k])
            )
            return at + k, _line_break(said, have[k])
        said = _("the source has {source} where you typed {typed}").format(
            source=repr(have), typed=repr(word)
        )
        return at, _line_break(said, have[0])
    return None


def _token(token: str) -> str:
    return repr(token) if token[0].isalnum() else char_name(token)


def _line_break(said: str, source_char: str) -> str:
    if source_char != "\n":
        return said
    return _(
        "{said} (the source breaks the line there: write \\n in a double-quoted quote, "
        "or end the quote before the break)"
    ).format(said=said)


def paragraphs(text: str) -> list[Span]:
    """Blank-line separated blocks, trimmed."""
    spans = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append(_trim(text, start, m.start()))
        start = m.end()
    spans.append(_trim(text, start, len(text)))
    return [s for s in spans if s.end > s.start]


def sentences(text: str) -> tuple[Span, ...]:
    """Sentences of the body paragraphs; headings (no closing punctuation) are left out."""
    return _split(text)[0]


@lru_cache(maxsize=16)  # a source is split once, however many questions quote it
def _split(text: str) -> tuple[tuple[Span, ...], list[int]]:
    """The sentences, and where each ends (in order: a passage's sentences are found by
    bisection, not by a walk over the whole text for every fact)."""
    out = []
    for para in paragraphs(text):
        block = text[para.start : para.end]
        if not re.search(r"[.!?][”\"’)]?\s*$", block):
            continue
        start = 0
        for end, after in sentence_ends(block):
            out.append(_trim(text, para.start + start, para.start + end))
            start = after
        out.append(_trim(text, para.start + start, para.end))
    spans = tuple(s for s in out if s.end > s.start)
    return spans, [s.end for s in spans]


def paragraph_of(text: str, start: int, end: int) -> Span:
    """The paragraph holding a passage (all paragraphs it touches, when it spans several)."""
    paras = [p for p in paragraphs(text) if p.start < end and start < p.end] or [Span(start, end)]
    return Span(paras[0].start, paras[-1].end)


def sentences_touching(text: str, start: int, end: int) -> tuple[Span, ...]:
    """The sentences a passage overlaps, in order: found by bisection (the sentences are in
    order and do not overlap), not by a walk over the whole text."""
    spans, ends = _split(text)
    first = bisect.bisect_right(ends, start)  # the first sentence ending after `start`
    last = first
    while last < len(spans) and spans[last].start < end:
        last += 1
    return spans[first:last]


def sentences_covering(text: str, start: int, end: int) -> Span:
    """The whole sentence(s) a passage stands in: the answer of an evidence question."""
    spans, ends = _split(text)
    hit = []
    for s in spans[bisect.bisect_right(ends, start) :]:
        if s.start >= end:
            break
        hit.append(s)
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
