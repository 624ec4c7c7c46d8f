"""What a typed answer means, as far as marking can tell without understanding it.

A student writes the answer in their own words: another form of the key's words
("increases" for "increasing"), the words joined or hyphenated ("cyberdefence",
"counter-measures", "F16s"), a preposition or article in front ("in NATO"), a
generic word the pack's language says otherwise ("rotational forces" for
"rotational units"), or two answers at once ("professionalism and courage").
Spelling-level folding (`quiz.text.fold`) cannot see that these are the same;
this module builds the comparison keys that can: each word stemmed with the
Snowball stemmer of the pack's language, small words dropped, and the same key
with the words run together, so joined and split spellings meet.

It never decides alone: `quiz.answers.check_typed` accepts a key only when it is
the key of a right name and of no other value of the pack, so a stem two values
share is refused as ambiguous rather than marked right.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from quiz.languages import find
from quiz.text import fold

# ISO 639-1 codes of the pack's `language` to Snowball's algorithm names; a language
# without a stemmer compares whole words (folded), which is what marking did before.
_SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "no": "norwegian", "nb": "norwegian", "fa": "persian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish",
    "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip

# The small words a student puts in front ("in NATO", "at Šiauliai"), the generic words
# said otherwise ("rotational forces" for "rotational units") and the words that join two
# answers are the pack language's (`quiz.languages`: `small_words`, `synonyms`, `joins`).
# "and", "or" and "not" are never small words: they join or negate, and `items` reads them.


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...  # noqa: N802 (snowballstemmer's name)


@lru_cache(maxsize=64)
def _stemmer(language: str) -> _Stemmer | None:
    lang = find(language)
    name = lang.snowball if lang is not None else _SNOWBALL.get(_lang(language))
    if name is None:
        return None
    import snowballstemmer  # only typed answers need it: keeps start-up light

    stemmer: _Stemmer = snowballstemmer.stemmer(name)
    return stemmer


@lru_cache(maxsize=65536)  # Snowball is slow in pure Python; a pack has few distinct words
def _stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    if stemmer is None:
        return word
    lang = find(language)
    return word if lang is not None and word in lang.unstemmed else stemmer.stemWord(word)


def _lang(language: str) -> str:
    return language.lower().split("-")[0].split("_")[0]


def _synonyms(words: list[str], language: str) -> list[str]:
    lang = find(language)
    table = lang.synonyms if lang is not None else ()
    if not table:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        for src, dst in table:
            if tuple(words[i : i + len(src)]) == src:
                out.extend(dst)
                i += len(src)
                break
        else:
            out.append(words[i])
            i += 1
    return out


# letters a word's endings are at most ("cyberdefence" → "cyberdef" strips four)
_MOST_STRIPPED = 4


@lru_cache(maxsize=64)
def _respellings(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    lang = find(language)
    return tuple((re.compile(a), b) for a, b in (lang.respell if lang is not None else ()))


def _respell(words: list[str], language: str) -> list[str]:
    """Each word in the language's one spelling ("modernizes" → "modernises")."""
    rules = _respellings(language)
    if not rules:
        return words
    out = []
    for w in words:
        for pattern, repl in rules:
            w = pattern.sub(repl, w)
        out.append(w)
    return out


@lru_cache(maxsize=64)
def _expansions(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    lang = find(language)
    return tuple((re.compile(a), b) for a, b in (lang.expansions if lang is not None else ()))


@lru_cache(maxsize=65536)  # the key's names are expanded for every answer
def expand(text: str, language: str = "en") -> str:
    """The text with each short form of a name the language knows written out ("US
    Minister to Mexico", "U.S. Minister to Mexico" → "United States Minister to Mexico"):
    folding drops the dots, so "U.S." and "US" would otherwise be two words ("u s", "us"),
    and small-word dropping would leave "u" of one."""
    for pattern, name in _expansions(language):
        text = pattern.sub(name, text)
    return text


@lru_cache(maxsize=65536)  # the same accepted names and rivals are keyed for every answer
def meaning(text: str, language: str = "en") -> tuple[str, str]:
    """(words, joined): the comparison keys of a phrase. `words` is its stems, small words
    dropped, joined by spaces ("increases the defence budget" → "increas defenc budget");
    `joined` is the stem of all its words run together ("cyber defence" and "cyberdefence"
    → "cyberdef"). Two phrases mean the same when either key is equal. Empty for a phrase of
    small words only."""
    folded = fold(text)
    words = _respell(folded.split(), language)
    lang = find(language)
    small = lang.small_words if lang is not None else frozenset()
    kept = [w for w in words if w not in small] or words
    kept = _synonyms(kept, language)
    run = "".join(kept)
    joined = _stem(run, language)
    if len(run) - len(joined) > _MOST_STRIPPED:
        # the stemmer took a whole word off the end as if it were endings: "transport
        # aircraft allies" run together lost "allies" ("-alli", "-al") and met "transport
        # aircraft" (an adversarial reader found it marked right)
        joined = run
    return " ".join(_stem(w, language) for w in kept), joined


def same_meaning(a: str, b: str, language: str = "en") -> bool:
    """Whether two phrases have an equal comparison key (`meaning`)."""
    x, y = meaning(a, language), meaning(b, language)
    return bool(x[0]) and (x[0] == y[0] or x[1] == y[1])


def stems(text: str, language: str = "en") -> frozenset[str]:
    """The stems of every word of a text (a prompt): which words it already says."""
    words = _synonyms(_respell(fold(text).split(), language), language)
    return frozenset(_stem(w, language) for w in words)


@lru_cache(maxsize=65536)
def tokens(
    text: str, language: str = "en", *, synonyms: bool = True
) -> tuple[tuple[str, str], ...]:
    """(folded word, its key) for each word of a phrase that is not a small word: the key
    is the word respelt, put in its one-word synonym ("mission" → "operation") and stemmed.
    Word by word, so marking can see where a right name stands inside a longer answer
    ("the ISAF mission", "Šiauliai Air Base in Lithuania") and what stands around it.
    Without `synonyms`, the key is the word's own ("military" stays itself, not "army"):
    which words an answer shares with a name as written."""
    lang = find(language)
    small = lang.small_words if lang is not None else frozenset()
    single = {
        src[0]: dst[0]
        for src, dst in (lang.synonyms if lang and synonyms else ())
        if len(src) == 1 and len(dst) == 1
    }
    words = fold(text).split()
    out = []
    for word, spelt in zip(words, _respell(words, language), strict=True):
        if word in small:
            continue
        out.append((word, _stem(single.get(spelt, spelt), language)))
    return tuple(out)


# Words that end a name without telling it apart from others of its kind: "the Warsaw
# Summit" is typed "Warsaw", "Ghor province" "Ghor", "the Lithuanian Armed Forces"
# "Lithuanian". A pack adds its own: a last word two of its names share.
_GENERIC_HEADS_WORDS = """
summit summits mission missions operation operations force forces armed air base bases
province region city county centre center brigade group groups unit units
command commands headquarters agency council committee treaty programme program
"""
GENERIC_HEADS = frozenset(_GENERIC_HEADS_WORDS.split())

_PARENS = re.compile(r"\(([^()]*)\)")
_MARKS = r"[,;/&+]"
# the words that join two answers in one, for a language without a module here
_JOINS = {"de": ("und", "oder")}


@lru_cache(maxsize=64)
def _separators(language: str) -> re.Pattern[str]:
    lang = find(language)
    said = lang.joins if lang is not None else _JOINS.get(_lang(language), ("and", "or"))
    joins = "".join(f"|\\b{w}\\b" for w in said)
    return re.compile(rf"\s*(?:{_MARKS}{joins})\s*", re.IGNORECASE)


def items(text: str, language: str = "en") -> list[str]:
    """The parts of an answer that gives several things: "professionalism and courage",
    "Washington (USA)", "Vilnius, Lithuania", "cyber; information attacks". Each part is
    judged alone; a single part comes back whole."""
    return list(_items(text, language))


@lru_cache(maxsize=65536)  # every rival of a key is split for every answer marked
def _items(text: str, language: str) -> tuple[str, ...]:
    flat = _PARENS.sub(lambda m: f", {m.group(1)},", text)
    parts = [p.strip() for p in _separators(language).split(flat)]
    return tuple(p for p in parts if fold(p))
