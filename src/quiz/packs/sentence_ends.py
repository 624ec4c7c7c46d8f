"""Where a sentence ends in English or Lithuanian prose: the one rule every part of the
program splits a source by (the pack's sentences behind evidence questions, quote checks,
`quiz check --coverage` and `quiz new`).

A full stop, "!" or "?" (perhaps with a closing quote or bracket) before a space and a
capital letter, a digit ("… anksčiau. 1994 m. sausio …") or an opening quote ends a
sentence, unless the full stop closes an abbreviation: "U.S. President", "Dr. Smith",
"J. F. Kennedy", "2004 m. kovo 29 d. Lietuva", "e.g. Lithuania". A title before a name
("Mr.", "Dr.", "prof.") never ends one; other abbreviations ("U.S.", "Inc.", "m.", an
initial) end one only before a word that commonly opens a sentence ("… part of the
U.S. The next year …"), since a name after them is far likelier to continue it.

A rule of our own rather than a library: the split must give offsets into the frozen
source text, cover Lithuanian as well as English, and stay cheap on the hot path;
pysbd (English-centred, unreleased since 2021) and sentencex (a compiled engine returning
strings, not offsets) fit less well than a short list tested on the packs we ship.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A candidate end: the mark, closing quotes or brackets, the space after.
_CANDIDATE = re.compile(r"[.!?][”\"’)]*\s+")
# The word the full stop closes: "U.S", "e.g", "Dr", "m", "J".
_WORD_BEFORE = re.compile(r"(?:[^\W\d_]+\.)*[^\W\d_]+$")
# The next word, after any opening quote or bracket.
_NEXT = re.compile(r"[“\"‘(]*([^\W_][\w’'-]*)(\.?)")

# Titles written before a name: never the end of a sentence.
_TITLE_WORDS = """
mr mrs ms messrs dr prof gov gen sen rep rev hon capt col maj lt sgt cmdr adm pres
doc gerb plk mjr kpt ltn prez
"""
_TITLES = frozenset(_TITLE_WORDS.split())
# Abbreviations that may, rarely, end a sentence (English, then Lithuanian).
_ABBREVIATION_WORDS = """
st mt ft jr sr inc ltd co corp bros no nos nr vol vols fig figs pp p vs cf approx est ca
jan feb mar apr jun jul aug sep sept oct nov dec etc al ed eds
m d a g mln mlrd tūkst proc val min sek kt pan pvz plg žr tel vad aut sk str
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
# Words that commonly open a sentence: after an abbreviation they show that it ended one.
_OPENER_WORDS = """
the a an in on at of for from with by as it its he she they his her their this that these
those there then when while after before during since until but and or so yet if though
although because however today now we our you your i my one some many most all each every
both not about after also although another despite following later meanwhile moreover
nevertheless other such thus under what where which who why how
tai tačiau bet ir o jis ji jie jos jo jų šis ši šie šios šią šį tas ta tie tą tuo tais
tada todėl taip nuo po per prieš iki kai kadangi nors dėl be į su pagal vėliau dabar
šiandien netrukus jau dar beje taigi vėl mes aš mūsų kiti kitais kitą visi
"""
_OPENERS = frozenset(_OPENER_WORDS.split())


def sentence_ends(block: str) -> Iterator[tuple[int, int]]:
    """(end of a sentence, start of the next) for each sentence break inside one paragraph."""
    for m in _CANDIDATE.finditer(block):
        nxt = _NEXT.match(block, m.end())
        opens = nxt is not None and (nxt.group(1)[0].isupper() or nxt.group(1)[0].isdigit())
        if not opens and not block.startswith(("“", '"', "‘", "("), m.end()):
            continue  # a lower-case word goes on the sentence
        if block[m.start()] == "." and not _ends_at_full_stop(block, m.start(), nxt):
            continue
        yield m.start() + len(m.group().rstrip()), m.end()


def _word_run_start(block: str, dot: int) -> int:
    """Where the run of letters, digits and full stops before `dot` starts: `_WORD_BEFORE`
    can only match inside it, so it is searched from there, not from the paragraph's start
    (a search from 0 tried every earlier place: quadratic in the paragraph's length). `$`
    also matches before a newline ending the searched text, so the run may end there."""
    end = dot - 1 if block[dot - 1 : dot] == "\n" else dot
    start = end
    while start > 0 and (block[start - 1].isalnum() or block[start - 1] == "."):
        start -= 1
    return start


def _ends_at_full_stop(block: str, dot: int, nxt: re.Match[str] | None) -> bool:
    """Whether the full stop at `dot` ends its sentence (rather than an abbreviation)."""
    before = _WORD_BEFORE.search(block, _word_run_start(block, dot), dot)
    if before is None:
        return True  # a number, a bracket, a quote: "… in 1953. Gadsden …"
    word = before.group().lower()
    if word in _TITLES:
        return False
    if "." not in word and len(word) > 1 and word not in _ABBREVIATIONS:
        return True  # an ordinary word
    # an abbreviation ("u.s", "inc", "m") or an initial ("j"): an end only before an opener
    if nxt is None or nxt.group(2) or nxt.group(1)[0].isdigit():
        return False  # "J. A. Smith", "No. 5", "2004 m. 2009 m."
    return nxt.group(1).lower() in _OPENERS
