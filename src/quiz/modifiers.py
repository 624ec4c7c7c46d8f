"""A right concept with the student's own describing words around it.

Readers found the typed marking refusing answers a teacher marks right without a thought:
"peacetime air policing" (the proving sentence's "during peacetime"), "clearing sea mines",
"mutual commitments between allies", "energy security issues". Each holds a right name
whole and adds words that say more of it. Listing every such word for every name cannot
keep up with what students write; this module accepts them by rule. A first, looser rule
(any word of the source) let an adversarial reader through with 139 wrong answers in 627
("regional security consumer", "crisis management only", "… before accession"); what is
left is only where the words cannot make a claim of their own:

- only around a concept, a name the pack writes all in lower case ("air policing",
  "regional security") of two words or more: its words are its meaning. Around a proper
  name a word makes another thing ("New Mexico" is not Mexico, a "Vice President" not the
  President), so proper names keep the stricter rules of `quiz.answers`;
- the name's words stand in the answer in order, others between or around them, a few at
  most (`MAX_ADDED`);
- each added word is a word of the key's own names of this thing ("sea" of "sea mines"), a
  word of the proving sentence that describes nothing else there ("during peacetime", never
  the "political" of "a political commitment to strengthen cyber defence"), or the
  source's own phrase around the name ("operational energy security");
- a word right after the name makes a new head ("regional security consumer", "mine
  countermeasures training"): only the proving sentence's own, or a word that makes it a
  topic (`Language.topic_words`: "energy security issues");
- before the name, what the proving sentence attaches with "of" ("Lithuanian Air Force
  transport aircraft"), or the name the whole source is about where the prompt names it
  ("NATO crisis management"; never another name the prompt says, "Russian air policing");
- no added word negates ("non-rotational"), works against the name or claims more than the
  source (`Language.contrary`: "less", "former", "only"), is a number, a word of another
  value's short name or of another item of the list ("modernising defence budget"), or the
  adjective of another value's proper name ("Russian", "Estonian").

The caller (`quiz.answers`) tries it last, after every rule that can say why an answer is
wrong, and only for an answer that gives one thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from quiz.languages import find as find_language
from quiz.meaning import GENERIC_HEADS, items, tokens
from quiz.packs.quotes import sentences
from quiz.text import fold

MAX_ADDED = 3  # describing words a student adds; more is another answer, not a modifier
_NAME_WORDS = 3  # words of another value's name whose every word names it ("national resilience")
_PROPER_STEM = 5  # letters of a proper name an adjective of it starts with ("Russi-an")


def modified(
    text: str,
    names: Sequence[str],
    rivals: Iterable[str],
    quotes: tuple[str, ...],
    source: tuple[str, ...],
    language: str,
    one: bool,
    prompt: str = "",
) -> str | None:
    """The right concept name `text` holds with describing words added, or None. `names`
    are the key's; when `one`, they all name one thing (else one item of a list each)."""
    lang = find_language(language)
    refusing = (lang.negations | lang.contrary) if lang is not None else frozenset()
    small = lang.small_words if lang is not None else frozenset()
    topics = lang.topic_words if lang is not None else frozenset()
    said = tokens(text, language)
    if not said or len(items(text, language)) > 1:
        return None
    best: tuple[list[str], str, list[int]] | None = None
    for name in names:
        inner = [k for _, k in tokens(name, language)]
        if len(inner) < 2 or any(c.isupper() for c in name) or len(items(name, language)) > 1:
            continue  # a concept of two words or more: one word would stand for too much
        found = _found(inner, said)
        if found is None or len(said) == len(found):
            continue
        if best is None or len(inner) > len(best[0]):
            best = (inner, name, found)
    if best is None:
        return None
    inner, name, found = best
    # the words of the names of this same thing ("NATO" of "NATO defence ministers"), never
    # of another item of a "Name one" list ("modernising defence budget")
    own: set[str] = set()
    others: set[str] = set()  # the words of the other items' names
    negations = lang.negations if lang is not None else frozenset()
    for n in names:
        if len(items(n, language)) == 1:
            holds = one or _found(inner, tokens(n, language)) is not None
            # never a word the name negates ("conventional" of "non-conventional threats")
            words = fold(n).split()
            turned = {w for prev, w in zip(words, words[1:], strict=False) if prev in negations}
            kept = (k for w, k in tokens(n, language) if w not in turned)
            (own if holds else others).update(kept)
    # the words of its own names are no describing words: "Baltic air policing protecting
    # the Baltic airspace" adds two ("protecting", "airspace"), not four (reader 37a)
    if sum(1 for j, (_, k) in enumerate(said) if j not in found and k not in own) > MAX_ADDED:
        return None
    foreign, proper = _names_of(tuple(rivals), frozenset(own), language)
    refusing_keys = {k for w in refusing for _, k in tokens(w, language)}
    quoted = _loose_words(quotes, frozenset(own), language)
    # where each word stands among all the words typed, small ones too: a word right after
    # the name, nothing between, makes a new head ("regional security consumer")
    at = [i for i, w in enumerate(fold(text).split()) if w not in small]
    if len(at) != len(said):
        return None
    keys = [k for _, k in said]
    # words before the name that the proving sentence puts after it with "of" ("Lithuanian
    # Air Force transport aircraft" for "transport aircraft of the Lithuanian Air Force")
    fronted = found[0] > 0 and _of_phrase(
        keys[found[0] : found[-1] + 1], keys[: found[0]], quotes, language
    )
    # before the name, the name the whole source is about where the prompt names it ("NATO
    # crisis management" for "… NATO began focusing on what?"): it only says whose the
    # concept is, as the question already does (never another: "Russian air policing")
    subject = _capitalised(prompt, language) & _common_words(source, language)
    typed = fold(text).split()
    for j, (word, key) in enumerate(said):
        if j in found:
            continue
        if word in refusing or key in refusing_keys or any(c.isdigit() for c in word):
            return None
        if j < found[0] and PREPOSITIONS & set(typed[at[j] + 1 : at[found[0]]]):
            return None  # "allies of rotational units": the word before "of" is the head
        if j < found[0] and (fronted or key in subject):
            continue
        lo, hi = min(j, found[0]), max(j, found[-1])
        run = " ".join(keys[lo : hi + 1])
        # another value's word, unless inside the name as the source writes the whole
        # phrase ("ministers of national defence": "Minister of National Defence")
        inside = found[0] < j < found[-1] and _in_source(run, source, language)
        if key not in own and (key in foreign or key in others) and not inside:
            return None
        if len(word) >= _PROPER_STEM and word[:_PROPER_STEM] in proper and key not in own:
            return None
        if key in own:
            continue
        last = j == len(said) - 1 and j - 1 == found[-1] and at[j] == at[j - 1] + 1
        if word in topics and last:
            continue  # "energy security issues": the topic, said so
        if j > found[-1] and at[j] == at[j - 1] + 1:
            # a new head ("regional security consumer"): only as the proving sentence
            # writes it, since elsewhere the source's "regional security challenges" are
            # not what Lithuania called for
            if not _in_source(run, quotes, language):
                return None
        elif key not in quoted and not _in_source(run, source, language):
            return None  # neither the proving sentence's word nor the source's own phrase
    return name


# prepositions, which tie a word before a concept to it as its head ("allies of rotational
# units", "threats to hybrid warfare"): never a describing word, whatever the source's words
# (`quiz.answers` reads names by them too)
PREPOSITIONS = frozenset(
    {"of", "to", "for", "against", "from", "into", "in", "on", "at", "by", "with"}
)


@lru_cache(maxsize=1024)
def _names_of(
    rivals: tuple[str, ...], own: frozenset[str], language: str
) -> tuple[frozenset[str], frozenset[str]]:
    """The word keys of other values' names (short names only: a longer one is a
    description, its words common), and the first letters of their proper words, so an
    adjective of one ("Russian" of Russia) is seen too; none of them a word of the key's."""
    foreign: set[str] = set()
    proper: set[str] = set()
    # not a generic head's word, which names no value: "anti-mine efforts" (an effort is an
    # operation, whose key "operational" shares) made the source's "operational energy
    # security" another value's words (reader 42a)
    generic = _generic_keys(language)
    for rival in rivals:
        words = tokens(rival, language)
        if len(words) <= _NAME_WORDS:
            foreign |= {key for _, key in words if key not in own and key not in generic}
        proper |= {
            fold(w)[:_PROPER_STEM]
            for w in rival.split()
            if w[:1].isupper() and len(fold(w)) >= _PROPER_STEM and fold(w) not in own
        }
    return frozenset(foreign), frozenset(proper)


@lru_cache(maxsize=8)
def _generic_keys(language: str) -> frozenset[str]:
    """The word keys of the generic heads ("operation", "force", "summit")."""
    return frozenset(k for w in GENERIC_HEADS for _, k in tokens(w, language))


def _capitalised(text: str, language: str) -> frozenset[str]:
    """The word keys of the words the text writes with a capital, but its first."""
    words = text.split()[1:]
    return frozenset(k for w in words if w[:1].isupper() for _, k in tokens(w, language))


def _of_phrase(name: list[str], run: list[str], quotes: tuple[str, ...], language: str) -> bool:
    """Whether a proving sentence writes the name, then "of", then the run (word keys;
    articles aside): "transport aircraft of the Lithuanian Air Force"."""
    for quote in quotes:
        words = fold(quote).split()
        keyed = [next((k for _, k in tokens(w, language)), None) for w in words]
        for i in range(len(words) - len(name)):
            if keyed[i : i + len(name)] != name:
                continue
            j = i + len(name)
            if words[j] != "of":
                continue
            j += 1
            while j < len(words) and keyed[j] is None:  # "the"
                j += 1
            if [k for k in keyed[j : j + len(run)]] == run:
                return True
    return False


@lru_cache(maxsize=8)
def _common_words(source: tuple[str, ...], language: str) -> frozenset[str]:
    """The word keys a quarter of the source's sentences or more hold ("NATO", "Lithuania"
    in an article on Lithuania in NATO): what the whole source is about."""
    sentences = _sentences(source)
    counts: dict[str, int] = {}
    for sentence in sentences:
        for key in {k for _, k in tokens(sentence, language)}:
            counts[key] = counts.get(key, 0) + 1
    return frozenset(k for k, n in counts.items() if n * 4 >= len(sentences))


def _in_source(run: str, source: tuple[str, ...], language: str) -> bool:
    """Whether the word keys `run` stand together, in this order, in a sentence of the
    source (small words aside)."""
    return f" {run} " in _phrases(source, language)


@lru_cache(maxsize=8)
def _phrases(source: tuple[str, ...], language: str) -> str:
    """The source's word keys in order, each sentence apart ("|"): where a student's words
    can be found as the source writes them. Cached: every key of a pack passes the same
    strings."""
    return " | ".join(" ".join(k for _, k in tokens(s, language)) for s in _sentences(source)) + " "


def _sentences(texts: tuple[str, ...]) -> list[str]:
    """Each text's sentences as the pack's quotes see them (`quiz.packs.quotes`: "U.S." ends
    none), or the text whole where it has none of its own (a quote cut short of its stop)."""
    out: list[str] = []
    for text in texts:
        found = [text[s.start : s.end] for s in sentences(text)]
        out.extend(found or [text])
    return out


@lru_cache(maxsize=1024)
def _loose_words(quotes: tuple[str, ...], own: frozenset[str], language: str) -> frozenset[str]:
    """The word keys of the proving sentences a student may put beside the concept: each
    where the sentence does not make it describe another noun ("during peacetime", never
    the "political" of "a political commitment to strengthen cyber defence", which says
    nothing of cyber defence itself). Before a small word, a mark or the end, or before a
    word of the key's own names, a word describes nothing else."""
    out: set[str] = set()
    for quote in quotes:
        words = [(w, tokens(w, language)) for w in re.findall(r"[^\W_]+|[^\w\s]", fold(quote))]
        for i, (_, said) in enumerate(words):
            if not said:
                continue
            after = words[i + 1][1] if i + 1 < len(words) else ()
            if not after or after[0][1] in own:
                out.add(said[0][1])
    return frozenset(out)


def _found(inner: list[str], said: tuple[tuple[str, str], ...]) -> list[int] | None:
    """Where `inner`'s keys stand in `said`, in order (the first place each can go), or None
    when they are not all there."""
    found: list[int] = []
    for j, (_, key) in enumerate(said):
        if len(found) < len(inner) and key == inner[len(found)]:
            found.append(j)
    return found if len(found) == len(inner) else None
