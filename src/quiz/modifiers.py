"""A right concept with the student's own describing words around it.

Readers found the typed marking refusing answers a teacher marks right without a thought:
"peacetime air policing" (the article's own "during peacetime"), "clearing sea mines",
"mutual commitments between allies", "energy security issues", "NATO chiefs of defence".
Each holds a right name whole and adds words that say more of it. Listing every such word
for every name cannot keep up with what students write; this module accepts them by rule,
and only where the rule is safe:

- only around a concept, a name the pack writes all in lower case ("air policing",
  "regional security"): its words are its meaning, and more words narrow it. Around a
  proper name a word makes another thing ("New Mexico" is not Mexico, a "Vice President"
  not the President), so proper names keep the stricter rules of `quiz.answers`;
- the name's words stand in the answer in order, others between or around them, a few
  at most (`MAX_ADDED`);
- no added word negates ("non-rotational") or works against the name (`Language.contrary`:
  "less", "weaker", "former"), none is a number, and none is a word of another value's name
  that the right names and the prompt do not hold ("Baltic air policing augmentation" names
  the augmentation; "cyber defence in Russia" a country the question does not ask about),
  nor the adjective of such a name ("Russian", "Estonian").

The caller (`quiz.answers`) tries it last, after every rule that can say why an answer is
wrong, and only for an answer that gives one thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from quiz.languages import find as find_language
from quiz.meaning import items, tokens
from quiz.text import fold

MAX_ADDED = 3  # describing words a student adds; more is another answer, not a modifier
_NAME_WORDS = 3  # words of another value's name whose every word names it ("national resilience")
_PROPER_STEM = 5  # letters of a proper name an adjective of it starts with ("Russi-an")


def modified(
    text: str,
    names: Sequence[str],
    rivals: Iterable[str],
    texts: tuple[str, ...],
    language: str,
    one: bool,
) -> str | None:
    """The right concept name `text` holds with describing words added, or None. `names`
    are the key's; when `one`, they all name one thing (else one item of a list each)."""
    lang = find_language(language)
    refusing = (lang.negations | lang.contrary) if lang is not None else frozenset()
    refusing_keys = {k for w in refusing for _, k in tokens(w, language)}
    said = tokens(text, language)
    if not said or len(items(text, language)) > 1:
        return None
    best: tuple[list[str], str, list[tuple[str, str]]] | None = None
    for name in names:
        inner = [k for _, k in tokens(name, language)]
        if len(inner) < 2 or any(c.isupper() for c in name) or len(items(name, language)) > 1:
            continue  # a concept of two words or more: one word would stand for too much
        added = _around(inner, said)
        if added and len(added) <= MAX_ADDED and (best is None or len(inner) > len(best[0])):
            best = (inner, name, added)
    if best is None:
        return None
    inner, name, added = best
    # the words of the names of this same thing ("NATO" of "NATO defence ministers"), never
    # of another item of a "Name one" list ("modernising defence budget")
    own: set[str] = set()
    others: set[str] = set()  # the words of the other items' names
    for n in names:
        if len(items(n, language)) == 1:
            holds = one or _around(inner, tokens(n, language)) is not None
            (own if holds else others).update(k for _, k in tokens(n, language))
    used = _vocabulary(texts, language)
    foreign: set[str] = set()
    proper: set[str] = set()
    for rival in rivals:
        words = tokens(rival, language)
        if len(words) <= _NAME_WORDS:  # a longer one is a description, its words common
            foreign |= {key for _, key in words if key not in own}
        proper |= {
            fold(w)[:_PROPER_STEM]
            for w in rival.split()
            if w[:1].isupper() and len(fold(w)) >= _PROPER_STEM and fold(w) not in own
        }
    for word, key in added:
        if word in refusing or key in refusing_keys or any(c.isdigit() for c in word):
            return None
        if key not in own and (key in foreign or key in others or key not in used):
            return None
        if len(word) >= _PROPER_STEM and word[:_PROPER_STEM] in proper and key not in own:
            return None
    return name


@lru_cache(maxsize=8)
def _vocabulary(texts: tuple[str, ...], language: str) -> frozenset[str]:
    """The word keys of the texts (the question's quotes and the pack's sources): the words
    the source itself uses. Cached: every key of a pack passes the same strings."""
    return frozenset(k for t in texts for _, k in tokens(t, language))


def _around(inner: list[str], said: tuple[tuple[str, str], ...]) -> list[tuple[str, str]] | None:
    """The words of `said` left when `inner`'s keys are found in it in order (the first
    place each can go), or None when they are not all there."""
    added: list[tuple[str, str]] = []
    i = 0
    for word, key in said:
        if i < len(inner) and key == inner[i]:
            i += 1
        else:
            added.append((word, key))
    return added if i == len(inner) else None
