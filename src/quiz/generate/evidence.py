"""'Which sentence proves this?': the claim's own sentence among others that do not prove it.

A wrong option must not hold any of the claim's quotes and must not even
mention the claim's subject or object, so no other sentence can be argued to
prove it (a sentence on "enhanced Forward Presence in the Baltic states" would
prove "… in Latvia" as well).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from quiz.generate.from_facts import explanation
from quiz.packs.model import Fact, Pack
from quiz.packs.quotes import sentences, sentences_covering
from quiz.question import One, Origin, Question
from quiz.text import fold

OPTIONS = 4


@lru_cache(maxsize=16)
def _sentences(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Each sentence's span, text and folded text."""
    return tuple(
        (s.start, s.end, text[s.start : s.end], fold(text[s.start : s.end]))
        for s in sentences(text)
    )


def evidence(pack: Pack, fact: Fact, rng: random.Random) -> Question | None:
    quote = fact.quote
    text = pack.sources[quote.source].text
    proof = sentences_covering(text, quote.start, quote.end)
    answer = text[proof.start : proof.end]
    spans = [(q.start, q.end) for q in fact.evidence if q.source == quote.source]
    # A folded name anywhere in a sentence (even inside a word) rules it out: stricter than
    # the verifier's whole-word test, and cheap.
    names = [n for v in (fact.subject, fact.object) for n in (fold(x) for x in v.names) if n]
    mentions = re.compile("|".join(re.escape(n) for n in names))
    pool = [
        sentence
        for start, end, sentence, folded in _sentences(text)
        if not mentions.search(folded) and all(end <= s or e <= start for s, e in spans)
    ]
    rng.shuffle(pool)
    chosen = [answer]
    for sentence in pool:
        if fold(sentence) not in {fold(c) for c in chosen}:
            chosen.append(sentence)
        if len(chosen) == OPTIONS:
            break
    if len(chosen) < 3:
        return None
    rng.shuffle(chosen)
    return Question(
        id=f"{fact.id}:evidence",
        kind="evidence",
        prompt=f"Which sentence of the article proves this? {fact.statement}",
        options=tuple(chosen),
        topics=fact.topics,
        key=One(chosen.index(answer)),
        origin=Origin(facts=(fact.id,), quotes=fact.evidence, explanation=explanation(fact)),
    )
