"""Deciding whether a player's free answer is right.

Typed answers are compared folded (case, accents, a leading "the" and
punctuation do not count), so "siauliai" matches "Šiauliai". The generator
accepts the short forms a student types ("Warsaw" for the Warsaw Summit) when
no other value of the pack could be meant (`short_forms` proposes them). A
small typo is forgiven only when the key is the single closest value of its
pool: "Latvia" typed for "Lativa"-like keys must never pass because another
country is as close. A typo is a slip of the hand, not another word: one letter
added, dropped, changed or two swapped in a word of four letters or more, never
its first letter, so "decreasing" is not a typo of "increasing", "Prussia" of
"Russia" nor "unprofessionalism" of "professionalism" (found in a play-test:
the ratio of similar letters alone let all of them pass). A close answer that
is refused says why (the Verdict's note): part of the answer, another value's
name, too far for a typo. Number answers accept digits or number words, within
the question's stated tolerance.

Answers are judged by meaning as well as spelling (`quiz.meaning`): another form of
the key's words ("increases the defence budget"), the words joined or hyphenated
("cyberdefence", "F16s"), a preposition in front ("in NATO"), a generic word
said otherwise ("rotational forces"), more of a right name ("F-16 fighters"
between "F-16" and "F-16 fighter jets"), and several parts at once: two right
values of a "Name one" list, or the answer with a qualifier the pack gives it
("Washington (USA)"). A part that is not right refuses the whole answer ("Vilnius
and Warsaw"), and a meaning another value of the pack shares is refused as
ambiguous, so no other value is ever marked right through its meaning.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from quiz.languages import find as find_language
from quiz.meaning import GENERIC_HEADS, expand, items, meaning, tokens
from quiz.modifiers import PREPOSITIONS as _PREPOSITIONS
from quiz.modifiers import modified
from quiz.round.codes import Note, NoteCode
from quiz.text import fold, fold_keeping_accents

NEAR_CUTOFF = 70.0  # rapidfuzz ratio (0-100) this close: say why it was not accepted
MIN_TYPO_LENGTH = 5  # shorter answers must be exact after folding
MIN_TYPO_WORD = 4  # a typo stands in a word this long at least ("Bsae" for Base)

PLACE_HEADS = frozenset({"province", "region", "county", "district", "city"})
TIES = frozenset({"and", "or", "of", "in", "on", "at", "for", "the", "to", "with"})
_ARTICLES = ("the", "a", "an")


@dataclass(frozen=True)
class Verdict:
    correct: bool
    exact: bool  # False when accepted only through typo, accent or number tolerance
    note: Note | None = None


class Text(Protocol):
    """A typed answer's key (quiz.question.Text), as far as marking reads it: the question
    module calls this one, never the other way round."""

    @property
    def answer(self) -> str: ...
    @property
    def accepted(self) -> tuple[str, ...]: ...
    @property
    def rivals(self) -> tuple[str, ...]: ...
    @property
    def language(self) -> str: ...
    @property
    def qualifiers(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def prompt(self) -> str: ...
    @property
    def quotes(self) -> tuple[str, ...]: ...
    @property
    def titles(self) -> tuple[str, ...]: ...
    @property
    def person(self) -> bool: ...
    @property
    def source(self) -> tuple[str, ...]: ...
    def __hash__(self) -> int: ...  # frozen: marking keeps what it works out per key


def short_forms(
    name: str, generic: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
) -> list[str]:
    """What a student types for a long proper name: without its leading qualifiers ('NATO'),
    without its generic last words ('Summit', 'Armed Forces'), or both when two words or more
    remain, and 'province of Ghor' for 'Ghor province'. `generic` adds a pack's own
    (qualifiers, heads), folded. Names written all in lower case (concepts such as 'cyber
    defence') are never shortened: their words are the meaning. The caller decides which forms
    are unambiguous among the values a question could mean."""
    leads, tails = generic
    heads = GENERIC_HEADS | tails
    words = name.split()
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    if not words or not any(c.isupper() for c in words[0]):
        # a concept, though a name stands inside it ("rotational NATO units" is no "rotational
        # NATO", and so no "rotational": a reader found it right); "eFP battlegroups" is a name
        return []
    start = 0
    while start < len(words) - 1 and fold(words[start]) in leads and words[start][:1].isupper():
        start += 1
    end = len(words)
    while end > 1 and fold(words[end - 1]) in heads:
        end -= 1
    if any(fold(w) in TIES - {"and", "the"} for w in words[start:end]):
        # the last word is the object of "of"/"to", not a generic head: "Governor of New
        # Mexico" is never "Governor of New" (its pack shares "Mexico" as a last word)
        end = len(words)
    spans = {(start, len(words)), (0, end)}
    if end - start > 1:  # both dropped: only if two words or more remain ("Air Policing")
        spans.add((start, end))
    forms = [" ".join(words[a:b]) for a, b in sorted(spans) if (a, b) != (0, len(words))]
    if end == len(words) - 1 and end > start and fold(words[-1]) in PLACE_HEADS:
        forms.append(f"{words[-1]} of {' '.join(words[start:end])}")  # "province of Ghor"
    # a form neither ends nor starts with a word that ties it to the rest: "of the United
    # States" (of "President of the United States") would take "the United States" for an
    # office
    forms = [
        f
        for f in forms
        if fold(f).split()[-1:] != []
        and fold(f).split()[-1] not in TIES
        and fold(f).split()[0] not in TIES
    ]
    # a form must keep a word of three letters or more that is not generic: not "Forces",
    # not the "11" of "Apollo 11"
    meaningful = [
        f
        for f in forms
        if any(len(w) >= 3 and w.isalpha() and w not in heads for w in fold(f).split())
    ]
    return list(dict.fromkeys(meaningful))


@dataclass(frozen=True)
class _Expanded:
    """A key with every name's short forms written out (`quiz.meaning.expand`)."""

    answer: str
    accepted: tuple[str, ...]
    rivals: tuple[str, ...]
    language: str
    qualifiers: tuple[tuple[str, str], ...]
    prompt: str
    quotes: tuple[str, ...]
    titles: tuple[str, ...]
    person: bool = False
    source: tuple[str, ...] = ()


def check_typed(key: Text, text: str) -> Verdict:
    """How a typed answer is marked: by its spelling, then by its meaning, then part by part
    when it gives several things ("professionalism and courage", "Vilnius, Lithuania").
    Short forms the language writes out ("US", "U.S.A." for the United States) are written
    out, and abbreviations with full stops written without them ("I.S.A.F.", "D.C."), in the
    answer and the key alike first, and a note names the key's own spelling."""
    lang = key.language
    text = _kind_first(_without_sentence_start(text, lang), lang)
    bare = fold(text).split()
    if bare[:1] and bare[0] in _ARTICLES:
        bare = bare[1:]
    if bare and " ".join(bare) in {fold(t) for t in getattr(key, "alone", ())}:
        return Verdict(True, True, Note(NoteCode.MEANS, key.answer))  # "Governor"
    if len(bare) > 1 and bare[-1] in _PREPOSITIONS:
        # a phrase broken off ("Mexico President of", "Isthmus of"): never taken for the
        # name its words make in another order
        return Verdict(False, True, Note(NoteCode.PART_ONLY))

    if _between_values(key, text):
        return Verdict(False, True, Note(NoteCode.AMBIGUOUS))
    wide = _spell(text, lang)
    unchanged, wider, spelt = _written_out(key)
    if wide == text and unchanged:
        return _describing(key, text, _check_typed(key, text))
    verdict = _describing(wider, wide, _check_typed(wider, wide))
    note = verdict.note
    if note is not None and note.name:
        name = "; ".join(
            spelt.get(n, key.answer if n == wider.answer else n) for n in note.name.split("; ")
        )
        verdict = Verdict(verdict.correct, verdict.exact, replace(note, name=name))
    written = {fold(a) for a in wider.accepted}
    if verdict.correct and verdict.exact and fold(wide) in written and note is None:
        # right only once written out ("US President"): say which spelling it is taken for
        meant = spelt.get(next(a for a in wider.accepted if fold(a) == fold(wide)), "")
        if meant and fold(text) not in {fold(a) for a in key.accepted}:
            verdict = Verdict(True, True, Note(NoteCode.MEANS, meant))
    return verdict


def _without_sentence_start(text: str, lang: str) -> str:
    """The answer without the pronoun and verb it opens with as a sentence ("It is in
    Estonia", "It was Belgium": "in Estonia", "Belgium"; `Language.sentence_starts`). A
    reader found every answer written as a sentence refused (the twenty-fourth reading);
    what follows is marked as if typed alone, so "It was not Belgium" is still refused."""
    start = _phrases(lang, "sentence_starts", r"^\s*{}\s+")
    if start is None:
        return text
    cut = start.sub("", text, count=1)
    return cut if cut.strip() else text


def _kind_first(text: str, lang: str) -> str:
    """An answer saying a thing's kind after it, marked as the name it makes ("threats of a
    hybrid nature": "hybrid threats"; `Language.kind_forms`), which a reader found refused
    (the twenty-fifth reading).
    Only the whole answer in that shape is rewritten, with one word for the kind, so the
    words keep their order otherwise ("threats hybrid" is still no name)."""
    kind = _phrases(lang, "kind_forms", r"\s*(.+?)\s+{}\s*")
    m = kind.fullmatch(text) if kind is not None else None
    if m is None:
        return text
    word = next(w for w in m.groups()[1:] if w)
    return f"{word} {m.group(1)}"


@lru_cache(maxsize=32)
def _phrases(lang: str, field: str, around: str) -> re.Pattern[str] | None:
    """One of a language's phrase lists (`field`: "it is", "the Republic") as one pattern
    standing where `around` has "{}", or None for a language without them. The phrases are
    written loosely, as students type them: any run of spaces between their words, either
    apostrophe ("it's", "it’s"), and "_" for one word, captured ("of a _ nature")."""
    language = find_language(lang)
    phrases: tuple[str, ...] = getattr(language, field, ()) if language is not None else ()
    if not phrases:
        return None
    alternation = "|".join(
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split()) for p in phrases
    ).replace("_", r"(\w[\w-]*)")
    return re.compile(around.replace("{}", f"(?:{alternation})"), re.IGNORECASE)


def _between_values(key: Text, text: str) -> bool:
    """Whether a one-thing answer to "Name one …" lies, word for word, inside names of two or
    more of the right values and is none of their names: "military" between "military
    spending" and "military infrastructure", "modernising" between modernising the armed
    forces and the infrastructure. Such a word says no one of them; a reader found both
    marked right. A word that means one of them whole is no such word: "the military" is the
    armed forces (reading 28, since the prompt asks what Lithuania "increases, modernises or
    develops")."""
    values = getattr(key, "values", ())
    lang = key.language
    if len(values) < 2 or len(items(text, lang)) > 1:
        return False
    said = meaning(text, lang)
    if any(fold(text) == fold(n) or _means(said, meaning(n, lang)) for ns in values for n in ns):
        return False
    mine = [k for _, k in tokens(text, lang, synonyms=False)]
    if not mine:
        return False
    inside = [
        names
        for names in values
        if any(_subsequence(mine, [k for _, k in tokens(n, lang, synonyms=False)]) for n in names)
    ]
    return len(inside) > 1


def _spell(text: str, language: str) -> str:
    return undotted(expand(text, language))


@lru_cache(maxsize=1024)  # a key is marked against many answers (a class, an author's tries)
def _written_out(key: Text) -> tuple[bool, _Expanded, dict[str, str]]:
    """(whether writing out changes none of the key's names, the key with every name written
    out, each written-out accepted name's own spelling): the same for every answer marked
    against the key, where it was worked out again for each (a quarter of the marking of
    an answer, over some 400 names of a pack's other values)."""
    lang = key.language
    titles = tuple(getattr(key, "titles", ()))
    names = (
        key.answer,
        *key.accepted,
        *key.rivals,
        *(x for pair in key.qualifiers for x in pair),
        *titles,
    )
    unchanged = all(_spell(n, lang) == n for n in names)
    spelt = {_spell(a, lang): a for a in reversed(key.accepted)}
    wider = _Expanded(
        answer=_spell(key.answer, lang),
        accepted=tuple(_spell(a, lang) for a in key.accepted),
        rivals=tuple(_spell(r, lang) for r in key.rivals),
        language=lang,
        qualifiers=tuple((_spell(a, lang), _spell(q, lang)) for a, q in key.qualifiers),
        prompt=_spell(getattr(key, "prompt", ""), lang),
        quotes=tuple(_spell(q, lang) for q in getattr(key, "quotes", ())),
        titles=tuple(_spell(t, lang) for t in titles),
        person=getattr(key, "person", False),
        source=getattr(key, "source", ()),
    )
    return unchanged, wider, spelt


# letters each followed by a full stop, two or more, the last stop optional: "I.S.A.F.",
# "I.S.A.F", "E.U."; never an initial before a name ("C. Ward": a space follows its stop) nor
# a letter inside a word ("F.16" keeps its digits)
_DOTTED = re.compile(r"(?<![\w.])((?:[^\W\d_]\.){1,}[^\W\d_])\.?(?![\w.])")


def undotted(text: str) -> str:
    """The answer with each abbreviation written with full stops written without them
    ("I.S.A.F." → "ISAF"), as every key's abbreviation is: folding turns the stops into
    spaces, and "i s a f" then loses its "a" as a small word, so the dotted form met no name.
    Done after the language's short forms are written out, so "u.s." is still the United
    States and never the pronoun "us"."""
    return _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)


def _describing(key: Text, text: str, verdict: Verdict) -> Verdict:
    """The verdict, or, for a refused answer that is the key's own title as the source gives
    it ("the Governor of New Mexico" for William Lane, "the U.S. President" for Pierce), a
    note that says so: such an answer describes the answer, it names nothing else, and the
    note "names something else in this pack" would be false. Still refused: the question
    asks who, and an office is not a person (and often more than one person's)."""
    if verdict.correct:
        return verdict
    lang = key.language
    said = meaning(text, lang)
    for title in getattr(key, "titles", ()):
        forms = [meaning(title, lang)]
        of = re.fullmatch(r"(.+?) of (?:the )?(.+)", title)
        if of is not None:  # "New Mexico Governor", "U.S. President"
            forms.append(meaning(f"{of.group(2)} {of.group(1)}", lang))
        if any(_means(said, f) for f in forms):
            return Verdict(False, True, Note(NoteCode.DESCRIBES))
    return verdict


def _check_typed(key: Text, text: str) -> Verdict:
    whole = _check_parts(key, text)
    if whole.correct or not fold(text):
        return whole
    for spelt in (_split_joined(key, text), _joined_split(key, text)):
        if spelt != fold(text):
            # "cyberwarfare" is "cyber warfare", "counter measure" a "countermeasure": judged
            # as the key spells the words, the note kept
            again = _check_parts(key, spelt)
            if again.correct:
                return again
    short = _without_state_form(key, text)
    if short != text:  # "President of the Republic of Mexico": "President of Mexico"
        again = _check_parts(key, short)
        if again.correct:
            return Verdict(True, True, again.note or Note(NoteCode.MEANS, key.answer))
    # the answer read another way the question makes right: "member states' resilience",
    # "German-led", "defence ministers of NATO countries"
    for reading in (
        _owner_after,
        _leader,
        _without_members,
        _describing_word_moved,
        _without_subject_pronoun,
    ):
        other = reading(key, text)
        if other is not None and other != fold(text):
            again = _check_parts(key, other)
            if again.correct:
                return again
    kind = _kind_of_name(key, text)
    if kind is not None:  # "the state of Arizona" where the prompt asks for a state
        return Verdict(True, True, Note(NoteCode.MEANS, kind))
    person = _person_written_out(key, text)
    if person != text:  # "F. Pierce", "Pierce, Franklin": "Franklin Pierce"
        again = _check_parts(key, person)
        if again.correct:
            whole_name = next((a for a in key.accepted if fold(a) == fold(person)), key.answer)
            return Verdict(True, True, again.note or Note(NoteCode.MEANS, whole_name))
    return whole


_ASKING = frozenset({"one", "which", "what"})  # the kind asked stands after them


def _asked_at(words: list[str]) -> set[int]:
    """Where the kind a prompt asks may stand: the three words after "which", "what", "one"
    ("Which piece of land …", "in which field")."""
    return {i + n for i, w in enumerate(words) if w in _ASKING for n in (1, 2, 3)}


def _kind_of_name(key: Text, text: str) -> str | None:
    """The right name an answer gives as "(the) KIND of NAME", or None: "the state of
    Arizona" where the prompt asks for a state ("Name one present-day state …"), as "Arizona
    state" already is. KIND must be a head noun of the prompt (any form of it: "parts of
    Arizona" for "… became part of"), and NAME exactly one of the right names: "the state of Texas"
    names Texas, another value, and "the state of Washington" no value; a kind the prompt
    does not ask ("the Minister of Mexico") says something the question does not."""
    m = re.fullmatch(r"(?:the\s+)?([^\W\d_]+)\s+of\s+(?:the\s+)?(.+)", fold(text))
    if m is None:
        return None
    lang = key.language
    said = tokens(m.group(1), lang)
    # a noun the prompt uses as a head ("state" of "Name one present-day state that …",
    # "part" of "became part of"), never one describing the next ("defence of solidarity"
    # took "defence" from "the collective defence system", an adversarial reader found)
    words = fold(getattr(key, "prompt", "")).split()
    found = find_language(lang)
    small = found.small_words if found is not None else frozenset()
    heads = {
        i
        for i, w in enumerate(words)
        if i + 1 == len(words) or words[i + 1] in small or words[i + 1] in _PREPOSITIONS
    }
    asked = _asked_at(words)
    kinds = {k for i in heads | asked if i < len(words) for _, k in tokens(words[i], lang)}
    if len(said) != 1 or said[0][1] not in kinds:
        return None
    rest = m.group(2)
    return next((a for a in key.accepted if fold(a) == rest and len(items(a, lang)) == 1), None)


def _person_written_out(key: Text, text: str) -> str:
    """The answer with a person's name written as the key writes it: "Last, First" turned
    round ("Pierce, Franklin" → "Franklin Pierce", where that is a right name whole), and an
    initial for the first word of a right name of two words or more ("F. Pierce", "J. de
    Garay", "President F. Pierce") written out. An initial is a capital letter (or any
    letter with a full stop) right before the rest of the name; it is written out only when
    no other value's name has the same rest with a first word of that letter ("W. Lane"
    while a "Walter Lane" is in the pack names neither). A surname's initial after it
    ("Pierce F.") is no name order a student writes, and stays as typed."""
    names = [a for a in key.accepted if len(items(a, key.language)) == 1]
    out = text
    turned = re.fullmatch(r"\s*([^,]+?)\s*,\s*([^,]+?)\s*", out)
    if turned is not None:
        round_ = f"{turned.group(2)} {turned.group(1)}"
        spelt = _initials_written(key, names, round_)
        if any(fold(spelt) == fold(a) and len(a.split()) > 1 for a in names):
            return spelt
    out = _initials_written(key, names, out)
    out = _with_middle_name(key, names, out)
    return _with_own_title(key, names, out)


def _with_own_title(key: Text, names: list[str], text: str) -> str:
    """The right name of a person an answer writes after a word one of that person's own
    names puts before another ("General" of "General Santa Anna", beside "Santa Anna"):
    "General Antonio Lopez de Santa Anna" is that name with the title the pack gives him.
    The name after the word must end as the name the pack writes with it (the same person:
    in "Santa Anna or Ceballos", "General Juan Ceballos" gives Ceballos a title the pack
    never gives him)."""
    if not getattr(key, "person", False):
        return text
    folded = {fold(n): n for n in names}
    leads: dict[str, set[str]] = {}
    for n in folded:
        first, _, rest = n.partition(" ")
        if rest in folded:
            leads.setdefault(first, set()).add(rest)
    first, _, rest = fold(text).partition(" ")
    name = folded.get(rest)
    if name is None or first not in leads:
        return text
    if any(f" {rest}".endswith(f" {base}") for base in leads[first]):
        return name
    return text


def _with_middle_name(key: Text, names: list[str], text: str) -> str:
    """The right "First Last" name of a person an answer writes with one word more between
    the two ("William Carr Lane", "Juan Bautista Ceballos", "Franklin Q. Pierce"): a middle
    name does not change who is named. Only for a person (`Text.person`: inside a place's
    name a word is something added, "Mesilla Grande Valley"), only a name of two words,
    and only one word that names nothing else in the question: not a word of another
    value's name ("William Marcy Lane" joins two people), of a title, of the prompt, nor a
    small or negating word."""
    if not getattr(key, "person", False):
        return text
    typed = text.split()
    words = [fold(w) for w in typed]
    if len(words) != 3 or not all(words):
        return text
    language = find_language(key.language)
    small = language.small_words if language is not None else frozenset()
    negations = language.negations if language is not None else frozenset()
    honorifics = language.honorifics if language is not None else frozenset()
    middle = words[1]
    if not middle.isalpha() or (len(middle) == 1 and not typed[1].endswith(".")):
        return text  # a letter is an initial only with its full stop ("Franklin Q. Pierce")
    if not typed[1][:1].isalpha() or (typed[1][:1].islower() and not text.islower()):
        # written as a name: not in brackets or quotes, nor in lower case between capitals
        # ("Raimundas (deputy) Karoblis" named his deputy, an adversarial reader found it
        # right); an answer all in lower case may write a middle name so too
        return text
    taken = {
        w
        for n in (*key.rivals, *getattr(key, "titles", ()), getattr(key, "prompt", ""))
        for w in fold(n).replace(".", " ").split()
    }
    if middle in taken or middle in small or middle in negations or middle in honorifics:
        return text
    for name in names:
        two = fold(name).split()
        # a person's proper name: "defence industry chiefs" is no middle name inside the
        # chiefs of defence (an adversarial reader found it marked right)
        proper = all(w[:1].isupper() for w in name.split())
        if len(two) == 2 and [words[0], words[2]] == two and proper:
            return name
    return text


def _initials_written(key: Text, names: list[str], text: str) -> str:
    """`text` with an initial before the rest of a right name written out (see
    `_person_written_out`)."""
    for name in names:
        words = name.split()
        first = fold(words[0])
        if len(words) < 2 or len(first) < 2 or not first.isalpha() or not words[0][:1].isupper():
            continue
        rest = " ".join(words[1:])
        letter = first[0]
        if _initial_shared(key, name):
            continue  # "W. Lane" could be another Lane of that letter
        pattern = re.compile(
            rf"(?<![\w.])(?:(?i:{re.escape(letter)})\.|{re.escape(letter.upper())})\s*"
            rf"(?=(?i:{re.escape(rest)})\b)"
        )
        found = pattern.search(text)
        if found is None:
            continue
        after = text[found.end() : found.end() + len(rest)]
        if fold(after) != fold(rest):
            continue
        text = f"{text[: found.start()]}{words[0]} {text[found.end() :]}"
    return text


@lru_cache(maxsize=4096)  # the same for every answer marked against the key
def _initial_shared(key: Text, name: str) -> bool:
    """Whether another value's name has the name's initial and the rest of its words ("W.
    Lane" could be another Lane of that letter)."""
    words = name.split()
    rest, letter = fold(" ".join(words[1:])), fold(words[0])[:1]
    return any(
        len(r.split()) == len(words)
        and fold(" ".join(r.split()[1:])) == rest
        and fold(r)[:1] == letter
        for r in key.rivals
    )


def _without_state_form(key: Text, text: str) -> str:
    """The answer with a country's formal name said short ("the Republic of Mexico" →
    "Mexico"), where the name after "of" is one the question knows (a right name, another
    value's, a qualifier's, or the place after "of" in one of them): the formal name is the
    same country. An unknown name keeps its words, so "the Republic of Texas" never becomes
    a right "Mexico" by any route."""
    # the language's "(the) Republic of (the)" before a name (`state_forms`)
    pattern = _phrases(key.language, "state_forms", r"\b(?:the\s+)?{}\s+of\s+(?:the\s+)?")
    if pattern is None or not pattern.search(text):
        return text  # most answers: nothing to shorten, and the names are not folded
    names = [fold(n) for n in (*key.accepted, *key.rivals, *(q for _, q in key.qualifiers))]
    # a name, or what follows "of" in one ("Mexico" of "President of Mexico")
    known = {n for n in names if n} | {
        m.group(1) for n in names if (m := re.search(r"\bof (?:the )?(.+)$", n))
    }

    def short(m: re.Match[str]) -> str:
        rest = fold(text[m.end() :])
        named = any(rest == n or rest.startswith(f"{n} ") for n in known)
        return "" if named else m.group(0)

    return pattern.sub(short, text)


def _owner_after(key: Text, text: str) -> str | None:
    """A quality's owner put after it ("member states' resilience": "resilience of member
    states"), or None; never an office's ("State's Secretary" is no Secretary of State)."""
    owner = re.fullmatch(r"\s*(?:the\s+)?(.+?)['’]s?\s+(.+?)\s*", text)
    if owner is None or not _a_quality(key):
        return None
    return f"{owner.group(2)} of {owner.group(1)}"


def _leader(key: Text, text: str) -> str | None:
    """The leader an answer says something is led by ("German-led", "led by Germany"), where
    the prompt asks who leads; else None."""
    language = find_language(key.language)
    if language is None or not language.led:
        return None
    words = fold(text).split()
    if len(words) < 2 or language.led not in (words[0], words[-1]):
        return None
    if not re.search(language.leader_asked, fold(getattr(key, "prompt", ""))):
        return None
    if words[-1] == language.led:
        return " ".join(words[:-1])  # "German-led"
    return " ".join(words[2:]) if words[1] == language.led_by else None  # "led by Germany"


_BRACKETED_WORD = re.compile(r"(.*\S)\s*\(\s*([^\W\d_A-Z][^\W\d_]*)\s*\)\s*")


def _describing_word_moved(key: Text, text: str) -> str | None:
    """The answer with one lower-case word in brackets after it set before it: "President of
    Mexico (interim)" is read as "interim President of Mexico" (a reader found the one
    refused and the other right), and is right only where that is. A bracketed name ("(Santa
    Anna)") is no describing word and stays as typed."""
    m = _BRACKETED_WORD.fullmatch(text)
    return None if m is None else fold(f"{m.group(2)} {m.group(1)}")


def _without_subject_pronoun(key: Text, text: str) -> str | None:
    """The answer without a pronoun it opens with as its subject ("it increases its defence
    budget": "increases its defence budget", as "Lithuania increases …" already was; reader
    42a and earlier found it refused). What follows is judged alone, so "it decreases …" and
    "it does not increase …" stay refused."""
    language = find_language(key.language)
    words = text.split()
    if language is None or len(words) < 3 or fold(words[0]) not in language.subject_pronouns:
        return None
    return fold(" ".join(words[1:]))


_NAMED_IN_PROMPT = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _without_members(key: Text, text: str) -> str:
    """The answer (folded) with "an organisation's members" said as the organisation, after
    a preposition and where the prompt names it ("defence ministers of NATO countries" for
    "who meets … in NATO": "… of NATO"). Only after a preposition, where the words place the
    answer: "NATO countries" as the answer itself names no organisation."""
    language = find_language(key.language)
    members = language.member_words if language is not None else ()
    folded = fold(text)
    if not members or not any(f" {m}" in f" {folded}" for m in members):
        return folded
    # an organisation's name: an acronym or a name of two words or more ("NATO", "European
    # Union"), never one word a people or a region is named by ("the Baltic states" are no
    # members of a Baltic)
    found = [m.group(0) for m in _NAMED_IN_PROMPT.finditer(getattr(key, "prompt", ""))]
    named = {fold(n) for n in found if n.isupper() or len(n.split()) > 1} - {""}
    if not named:
        return folded
    alt = "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
    kinds = "|".join(re.escape(m) for m in members)
    ties = "|".join(sorted(_PREPOSITIONS))
    pattern = rf"\b({ties}) (?:the )?({alt}) (?:{kinds})\b"
    folded = re.sub(pattern, r"\1 \2", folded)
    alone = language.members_alone if language is not None else ()
    if len(named) == 1 and alone:
        # "ministers of defence of member states", "the chiefs of defence of the allies": the
        # members of the one organisation the prompt names (reading 30)
        org = next(iter(named))
        bare = "|".join(re.escape(m) for m in alone)
        folded = re.sub(
            rf"\b({ties}) (?:the )?(?:{bare})\b", lambda m: f"{m.group(1)} {org}", folded
        )
    return folded


_MIN_JOINED_PART = 3  # "cyber" + "warfare"; never a letter or two ("ns" of "Lithuanians")


def _split_joined(key: Text, text: str) -> str:
    """The answer (folded) with each word that runs a word of the key's names together with
    another split in two: "cyberwarfare" → "cyber warfare", as "cyber-warfare" folds. Only
    at a word of the key's own names, at the start or the end of the joined word, with three
    letters or more on each side: the split words are then judged as typed apart, so a
    joined answer is right exactly when the same words apart are."""
    own = {w for a in key.accepted for w in fold(a).split() if len(w) >= _MIN_JOINED_PART}
    out: list[str] = []
    for word in fold(text).split():
        if word in own or not word.isalpha():
            out.append(word)
            continue
        cut = next(
            (
                i
                for i in range(_MIN_JOINED_PART, len(word) - _MIN_JOINED_PART + 1)
                if word[:i] in own or word[i:] in own
            ),
            None,
        )
        out.append(word if cut is None else f"{word[:cut]} {word[cut:]}")
    return " ".join(out)


def _joined_split(key: Text, text: str) -> str:
    """The answer (folded) with two neighbouring words run together where they make a word of
    the key's names, in any form: "mine counter measure efforts" → "mine countermeasure
    efforts", judged as "mine countermeasures efforts" is (reading 28). The split and joined
    spellings meet in `meaning` already, but not when more words stand around them."""
    lang = key.language
    own = {meaning(w, lang)[0] for a in key.accepted for w in fold(a).split() if len(w) > 5}
    words = fold(text).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = "".join(words[i : i + 2])
        if i + 1 < len(words) and pair.isalpha() and meaning(pair, lang)[0] in own:
            out.append(pair)
            i += 2
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _check_parts(key: Text, text: str) -> Verdict:
    whole = _check_one(key, text)
    if whole.correct or not fold(text):
        return whole
    rivals = {fold(r) for r in key.rivals}
    if fold(text) in rivals - {fold(a) for a in key.accepted}:
        return whole  # the name of another value, "and" and all ("Bosnia and Herzegovina")
    parts = _named_whole(key, items(text, key.language))
    if len(parts) < 2:
        return (
            _with_complement(key, text)
            or _quoted_inside(key, text)
            or (None if _names_other(whole) else _modified(key, text))
            or whole
        )
    last = parts[-1].split()
    rights: list[tuple[str, Verdict]] = []
    wrong: list[Verdict] = []
    unsure: list[str] = []
    for i, part in enumerate(parts):
        verdict = _check_one(key, part)
        other = verdict.note is not None and verdict.note.code is NoteCode.OTHER_THING
        if not verdict.correct and not other and i < len(parts) - 1 and len(last) > 1:
            # "cyber and information attacks": the last part's head word is the first's too
            verdict = _check_one(key, f"{part} {last[-1]}")
        first = parts[0].split()
        if (
            not verdict.correct
            and not other
            and i > 0
            and len(part.split()) == 1 < len(first)
            and fold(part) != fold(first[-1])  # "New Mexico (Mexico)": the same word, no item
        ):
            # "defence ministers and chiefs": a bare head after the first part takes that
            # part's modifier ("defence chiefs"), as the last part's head goes back above
            spread = f"{' '.join(first[:-1])} {part}"
            shared = _check_one(key, spread)
            if shared.correct:
                verdict = (
                    shared if shared.note else replace(shared, note=Note(NoteCode.MEANS, spread))
                )
        if not verdict.correct and not other and i < len(parts) - 1:
            # "modernises and develops its armed forces": the next part's object is this
            # part's too
            after = parts[i + 1].split()[1:]
            if after:
                joined = _check_one(key, f"{part} {' '.join(after)}")
                verdict = joined if joined.correct else verdict
        if not verdict.correct and not other:
            # a right name with words around it: "NATO enhanced Forward Presence in Lithuania"
            verdict = _with_complement(key, part) or _modified(key, part) or verdict
        if verdict.correct:
            rights.append((verdict.note.name if verdict.note else part, verdict))
        else:
            wrong.append(verdict)
            unsure.append(fold(part))
    # a qualifier the pack gives a right part stands beside it: "Vilnius, Lithuania"
    right_names = {fold(name) for name, _ in rights}
    beside = {fold(q) for a, q in key.qualifiers if fold(a) in right_names}
    lang = find_language(key.language)
    # after a small word: "Ghor, in Afghanistan" as "Ghor, Afghanistan" (reader 33a)
    beside |= {f"{w} {q}" for q in beside for w in (lang.small_words if lang is not None else ())}
    beside |= _years_quoted(key)  # the fact's own year: "Warsaw Summit (2016)"
    beside |= {fold(t) for t in (lang.time_words if lang is not None else ())}  # "(at the time)"
    titles = [f" {t} " for name, _ in rights for t in _titles_before(key, name)]
    # the article's own title after the name: "Raimundas Karoblis, Minister of National
    # Defence" (whole, as the article writes it)
    beside |= {p for p in unsure if any(f" {p} " in t for t in titles)}
    # the source's own apposition after the name, whole: "Christopher Ward, an agent for U.S.
    # investors" (the quote's words); "Christopher Ward, agent" or another's description is
    # not what the source says of him; the start of it is, with its article ("Ward, an
    # agent": a noun phrase the source gives him, only cut short)
    # (a comma between them in the quote: "Forces – mine countermeasures" is no apposition)
    typed = {fold(part): part for part in parts}
    pairs = [
        (f" {fold(a)}", f"{fold(b)} ")
        for q in getattr(key, "quotes", ())
        for a, b in itertools.pairwise(q.split(","))
    ]
    beside |= {
        p
        for p in unsure
        if (len(p.split()) > 1 or len(typed.get(p, p).split()) > 1)
        and any(
            f" {before} ".endswith(f" {n} ") and f" {after}".startswith(f" {a}{p} ")
            # folding took the part's own article off: put it back
            for n in right_names
            for a in ("", *(f"{x} " for x in _ARTICLES))
            for before, after in pairs
        )
    }
    # never a right part's own word again ("Governor of New Mexico, Mexico"): another place
    right_words = {w for n in right_names for w in n.split()}
    beside -= {p for p in unsure if set(p.split()) <= right_words}
    wrong = [v for v, p in zip(wrong, unsure, strict=True) if p not in beside]
    if not rights:
        others = [v for v in wrong if v.note is not None and v.note.code is NoteCode.OTHER_THING]
        return others[0] if others and not whole.note else whole
    if wrong:
        return Verdict(False, True, Note(NoteCode.EXTRA))
    slips = [v for _, v in rights if not v.exact]
    if slips:
        return slips[0]
    meant = "; ".join(dict.fromkeys(name for name, _ in rights))
    return Verdict(True, True, Note(NoteCode.MEANS, meant))


def _names_other(verdict: Verdict) -> bool:
    """Whether a refusal says the answer names another value, or one as much as the key."""
    note = verdict.note
    return note is not None and note.code in (NoteCode.OTHER_THING, NoteCode.AMBIGUOUS)


def _modified(key: Text, text: str) -> Verdict | None:
    """Right, or None: a right concept with the student's own describing words around it
    ("peacetime air policing", "clearing sea mines"; `quiz.modifiers` says when)."""
    one = len(items(key.answer, key.language)) == 1
    quotes, source = tuple(getattr(key, "quotes", ())), tuple(getattr(key, "source", ()))
    prompt = getattr(key, "prompt", "")
    name = modified(text, key.accepted, key.rivals, quotes, source, key.language, one, prompt)
    return None if name is None else Verdict(True, True, _meant(key, name))


def _quoted_inside(key: Text, text: str) -> Verdict | None:
    """Right, or None: a right name with words put inside it that the quoted sentence itself
    writes there: "Governor of the U.S. territory of New Mexico" for "Governor of the
    Territory of New Mexico", where the article says "the U.S. territory of New Mexico".
    The inserted words and the rest of the name after them must stand together in a quote;
    an insertion the article does not write ("the Texas territory of New Mexico") is
    something added."""
    language = find_language(key.language)
    negations = language.negations if language is not None else frozenset()
    words = fold(text).split()
    if any(w in negations for w in words):
        return None
    quoted = [f" {fold(q)} " for q in getattr(key, "quotes", ())]
    for name in key.accepted:
        inner = fold(name).split()
        extra = len(words) - len(inner)
        if extra < 1 or len(items(name, key.language)) > 1:
            continue
        for i in range(1, len(inner)):
            if words[:i] != inner[:i] or words[i + extra :] != inner[i:]:
                continue
            if any(f" {' '.join(words[i:])} " in q for q in quoted):
                return Verdict(True, True, _meant(key, name))
    return None


def _named_whole(key: Text, parts: list[str]) -> list[str]:
    """The parts of an answer with the neighbours that together write one name of the key's
    (or a qualifier's) with a comma in it put back together: "Washington, D.C., United
    States" is "Washington, D.C." and "United States", not three parts of which "D.C." would
    be something added."""
    names = {fold(n) for n in (*key.accepted, *(q for _, q in key.qualifiers)) if "," in n}
    if not names:
        return parts
    out: list[str] = []
    i = 0
    while i < len(parts):
        j = next(
            (j for j in range(len(parts), i + 1, -1) if fold(", ".join(parts[i:j])) in names),
            i + 1,
        )
        out.append(", ".join(parts[i:j]))
        i = j
    return out


# a year as answers and quotes write it (numbers.py reads other figures)
YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")


def _years_quoted(key: Text) -> set[str]:
    """The years the question's quoted sentences give: one may stand beside the answer."""
    return {y for q in getattr(key, "quotes", ()) for y in YEAR.findall(q)}


def _with_complement(key: Text, text: str) -> Verdict | None:
    """Right, or None: a right name with words around it that do not change what it names.
    After the name may stand the prompt's own words ("cyber defence capabilities" for
    "capabilities in which field?"); around it, the words of the key's longer names holding
    it ("NATO eFP", "Iron Wolf Mechanised Infantry Brigade"),
    a place the pack puts it in ("Šiauliai Air Base in Lithuania"), a year the quoted
    sentences give ("Warsaw Summit 2016"), or the words the article itself puts after or
    before it ("national resilience to unconventional threats"). The same describing words
    in another order before the same head noun ("allied rotational units"), or "A of the B"
    said "B A" ("security of the region", "security for the region", "countermeasures against
    mines") mean it too.
    Never with a word that negates ("non-rotational allied units"), never when a longer
    name of something else covers the right one ("Lithuanian Air Force" for "Lithuanian"),
    nor with another value's name the question does not say."""
    lang = key.language
    language = find_language(lang)
    negations = language.negations if language is not None else frozenset()
    honorifics = language.honorifics if language is not None else frozenset()
    said = tokens(text, lang)
    if not said or any(w in negations for w in fold(text).split()):
        return None
    given = meaning(text, lang)
    rivals = [r for r in key.rivals if len(items(r, lang)) == 1]
    if any(_means(given, meaning(r, lang)) for r in rivals):
        return None
    names = [a for a in key.accepted if len(items(a, lang)) == 1]
    folded = fold(text).split()
    if any(_turned(key, " ".join(folded[i:])) for i, w in enumerate(folded) if w in _PREPOSITIONS):
        return None  # "Governor from New Mexico", "President in Mexico": another office
    # the same describing words in another order, the same head last ("allied rotational
    # units", "Minister of the United States to Mexico"); across a preposition only whole
    # runs of the name, and never a place it does not give ("Minister to the US in Mexico"
    # is Mexico's minister, "New Governor of Mexico" no governor of New Mexico: an
    # adversarial reader found them right)
    for name in names:
        inner = meaning(name, lang)[0].split()
        mine = sorted(inner)
        same_head = given[0].split()[-1:] == inner[-1:]
        if (
            len(mine) > 2
            and _moved_whole(text, name, lang)
            and not _name_reformed(text, name, lang)
            and not _proper_word_swapped(text, name, lang)
            and not _head_moved(text, name, lang)
            and same_head
            and sorted(given[0].split()) == mine
            and not any(sorted(meaning(r, lang)[0].split()) == mine for r in rivals)
        ):
            return Verdict(True, True, _meant(key, name))
    for name in names:  # "New Mexico governor", "New Mexico's governor": "Governor of New Mexico"
        # only a name of two words or an abbreviation after "of": "State Secretary" is
        # another office than "Secretary of State"
        of = re.fullmatch(r"(.+?) of (?:the )?(.+)", name)
        if (
            of is not None
            and (len(of.group(2).split()) > 1 or of.group(2).isupper())
            and _means(given, meaning(f"{of.group(2)} {of.group(1)}", lang))
        ):
            return Verdict(True, True, _meant(key, name))
    flipped = re.fullmatch(r"(.+?) (of|in|for|against) (?:the )?(.+)", fold(text))
    if flipped is not None and not getattr(key, "person", False):
        # "security of/in/for the region": "region security", "Minister to Mexico for the
        # U.S.": "U.S. Minister to Mexico"; never a person ("Ward of Christopher"), a proper
        # name without a tie ("Wolf of Iron"), nor a name its own tie turned round ("State
        # of Secretary" for the Secretary of State: an adversarial reader found them right)
        turned = meaning(f"{flipped.group(3)} {flipped.group(1)}", lang)
        for name in names:
            words = fold(name).split()
            if flipped.group(2) in words:
                continue
            if not name.islower() and not set(words) & _PREPOSITIONS:
                continue  # a proper name's words are no phrase to turn ("Wolf of Iron")
            turned_text = f"{flipped.group(3)} {flipped.group(1)}"
            if (
                _means(turned, meaning(name, lang))
                and not _act_named(turned_text, name, lang)
                and not _tie_moved(turned_text, name, lang)
            ):
                return Verdict(True, True, _meant(key, name))
    keys = [k for _, k in said]
    best: tuple[int, int, str] | None = None
    for name in names:
        inner = [k for _, k in tokens(name, lang)]
        n = len(inner)
        for i in range(len(keys) - n + 1):
            if n and keys[i : i + n] == inner and (best is None or n > best[1] - best[0]):
                best = (i, i + n, name)
    if best is None:
        return None
    start, end, name = best
    allowed = _complements(key, name, after=True)
    folded_text = f" {fold(text)} "
    quoted = [f" {fold(q)} " for q in getattr(key, "quotes", ())]
    words = fold(text).split()
    # the words before and after the name as typed, small words and all (`tokens` keeps
    # the words that are not small, in order)
    small = language.small_words if language is not None else frozenset()
    where = [i for i, w in enumerate(words) if w not in small]
    head, tail = " ".join(words[: where[start]]), " ".join(words[where[end - 1] + 1 :])
    # the article's own words beside the name: only where the article puts them, next to it
    typed = " ".join(words[where[start] : where[end - 1] + 1])
    in_article = {
        head: any(f" {head} {typed} " in q for q in quoted) if head else False,
        tail: any(f" {typed} {tail} " in q for q in quoted) if tail else False,
    }
    # what the name is against, as the quoted sentence says it: "resilience against hybrid
    # threats" where the sentence strengthens "resilience to unconventional threats …
    # through preparation for hybrid threats" (the thing after "to", "against", "for" or
    # "from" there, after any of them here)
    against = re.fullmatch(rf"(?:{'|'.join(_AGAINST)}) (.+)", tail)
    if against is not None and any(
        f" {p} {against.group(1)} " in q for p in _AGAINST for q in quoted
    ):
        in_article[tail] = True
    years = _years_quoted(key)
    before = _complements(key, name, after=False)  # before the name: no prompt words
    # a qualifier the pack gives the name stands beside it whole ("Šiauliai Air Base in
    # Lithuania"), never a word of it alone: "state" of "the United States" would make
    # "Washington state", another place, the city Washington
    qualified = [
        [k for _, k in tokens(q, lang)] for a, q in key.qualifiers if fold(a) == fold(name)
    ]
    # a title said in another order: "New Mexico Governor William Lane" for the source's
    # "Governor William Lane of New Mexico" ("A of B" said "B A", as the office is)
    qualified += [
        [k for _, k in tokens(f"{of.group(2)} {of.group(1)}", lang)]
        for a, q in key.qualifiers
        if fold(a) == fold(name) and (of := re.fullmatch(r"(.+?) of (?:the )?(.+)", q))
    ]
    whole = {
        part
        for part, ks in ((head, [k for _, k in said[:start]]), (tail, [k for _, k in said[end:]]))
        if ks and ks in qualified
    }
    # when it held, after it: "Secretary of State at the time" (the question asks the
    # source's time)
    times = language.time_words if language is not None else ()
    if tail and f" {tail} " in {f" {fold(t)} " for t in times}:
        whole.add(tail)
    title = _title_before(key, name) | honorifics
    intensifiers = language.intensifiers if language is not None else frozenset()
    # a head noun after a proper name that says what kind of thing it is, as the pack says
    # it of this thing: "eFP battlegroups", "enhanced Forward Presence forces"
    kind = [k for _, k in said[end:]]
    if kind and _is_kind(key, name, kind, [w for w, _ in said[end:]]):
        if any(_within(fold(text), fold(r)) for r in rivals):
            return None  # "eFP battlegroup": part of another value's name ("… Lithuania")
        whole.add(tail)
    # words tied to the name by a preposition: the prompt's only as the prompt attaches
    # them ("resilience in member states" for "… strengthen what in member states?", never
    # "Juan Ceballos of the U.S." for a prompt on "U.S. investors"); the key's longer
    # names' only after "of", which turns a name round, and only the words those names
    # write on the other side of it ("Air Base of Šiauliai", "the Standing Naval Forces of
    # NATO"; never "threats to hybrids", "Air Base to Šiauliai" nor "defence of ministers":
    # adversarial readers found them right)
    sides = _compound_sides(key, name)
    ahead, behind = sides if sides is not None else (set(), set())
    tie = tail.split()[0] if tail.split()[:1] and tail.split()[0] in _PREPOSITIONS else None
    as_prompt = tie is not None and _as_prompt_puts_it(key, tail, small)
    if tie is not None and not as_prompt:
        allowed = _complements(key, name, after=True, prompt=False) if tie == "of" else set()
        if tie == "of" and sides is not None:
            allowed &= ahead
    elif tie is not None and tie != "of":
        allowed &= {k for _, k in tokens(key.prompt, lang)}
    tie = head.split()[-1] if head.split()[-1:] and head.split()[-1] in _PREPOSITIONS else None
    if tie is not None and tie != "of":
        before = set()
    elif tie == "of" and sides is not None:
        before &= behind
    # a title before "of" makes the name its owner: "the agent of Christopher Ward" is
    # Ward's agent, where "José of Garay" is still Garay
    entitled = tie is None
    acts = tuple(n for n, _ in language.verb_nouns) if language is not None else ()
    # the words after the name allowed only because the prompt says them, and the kind it
    # asks for ("which base")
    unprompted = _complements(key, name, after=True, prompt=False)
    from_prompt: list[str] = []
    prompt_keys = [k for _, k in tokens(key.prompt, lang)]
    prompt_words = fold(key.prompt).split()
    asked_kinds = {
        k
        for i in _asked_at(prompt_words)
        if i < len(prompt_words)
        for _, k in tokens(prompt_words[i], lang)
    }
    for i, (word, k) in enumerate(said):
        if start <= i < end:
            continue
        part = head if i < start else tail
        if k in keys[start:end]:
            # "new Governor of New Mexico", "Governor of New Mexico, Mexico": a word of the
            # name again, in another sense or another place
            return None
        # of a concept, a word a longer name writes in one with it on the other side only,
        # nothing between ("threats hybrid", "resilience national"), but a verb's act after
        # it as its head ("infrastructure development" for "developing its infrastructure");
        # a proper name's words come in either order ("Iron Wolf Mechanised Infantry Brigade")
        other, same = (behind, ahead) if i < start else (ahead, behind)
        swapped = k in other - same and not word.endswith(acts)
        # (not in a phrase the prompt ends with, tied as the prompt ties it: "air policing
        # in the Baltic states" for the main presence "in the Baltic states")
        if (
            swapped
            and name.islower()
            and "of" not in part.split()
            and not (part == tail and as_prompt)
        ):
            return None
        if i < start and entitled and (k in title or word in honorifics):
            continue  # "Minister Karoblis", "Mr Karoblis": the title the article gives them
        if i == start - 1 and word in intensifiers:
            continue  # "stronger regional security": more of the right thing, right before it
        if part in whole or word in years:
            continue
        if k in (before if i < start else allowed):
            if i >= end and k not in unprompted:
                if i == end and k in _GENERIC_KEYS and k not in asked_kinds:
                    # a generic head right after the name, which the prompt says of
                    # something else: "Rukla force" for where the forward force was
                    # inaugurated, "Estonia base" for the country of Ämari Air Base (an
                    # adversarial reader found them right)
                    return None
                from_prompt.append(k)
            continue
        if in_article.get(part, False):
            continue
        return None
    if len(from_prompt) > 1 and not _run_of(from_prompt, prompt_keys):
        # the prompt's words after the name only as the prompt runs them: "Mesilla Valley
        # part of Mexico" took "part", "Mexico" from "… part of the U.S. territory of New
        # Mexico?" and said the opposite (an adversarial reader found it right)
        return None
    # another value's name inside the answer: only a word of the key's own names ("NATO" of
    # "NATO enhanced Forward Presence") or the place the pack gives the answer ("Šiauliai,
    # Lithuania"); never one the prompt names, which could turn the fact around ("Lithuania
    # leads Germany" for the force Germany leads in Lithuania)
    own = {fold(a) for a in key.accepted}
    own_words = {k for a in key.accepted for _, k in tokens(a, lang)} | {
        k for a, q in key.qualifiers if fold(a) == fold(name) for _, k in tokens(q, lang)
    }
    named = set(keys[start:end])
    for rival in rivals:  # another value's name holding words of this one, others between
        inside = [k for _, k in tokens(rival, lang)]
        if (
            fold(rival) not in own
            and len(set(inside) & named) > 1  # one word ("Mexico" of New Mexico) is a place
            and not set(inside) <= own_words
            and _subsequence(inside, keys)
        ):
            return None  # "the Baltic Air Policing Mission augmentation": the augmentation
    for rival in rivals:
        r = fold(rival)
        if not r or r in own or f" {r} " not in folded_text:
            continue
        inside = [k for _, k in tokens(rival, lang)]
        covers = any(
            keys[j : j + len(inside)] == inside and j <= start and end <= j + len(inside)
            for j in range(len(keys))
        )
        if covers and len(inside) > end - start:
            return None  # "Lithuanian Air Force": a longer name of something else
        if set(inside) <= own_words and _stands_alone(rival, key, name, folded_text):
            continue  # a word of the key's own names, or the place the pack gives the answer
        if in_article.get(tail, False) and f" {r} " in f" {tail} ":
            continue  # in the article's own words after the name ("… for hybrid threats")
        return None  # another value: "Ukraine's aggression in Russia", "Ghor in Lithuania"
    if start == 0 and end == len(said):
        return None  # nothing around it after all: the whole check already said why
    return Verdict(True, True, _meant(key, name))


# the prepositions that say what a thing is against or for: "resilience to/against threats"
_AGAINST = ("to", "against", "for", "from")

_CAPITALISED_RUN = r"((?:[A-Z][\w'’-]*\s+(?:(?:of|to|the|for)\s+)*)+)"


def _titles_before(key: Text, name: str) -> list[str]:
    """The titles the quoted sentences write right before the name, in capitals ("Minister
    of National Defence Raimundas Karoblis"), folded: a student may put one, or words of it,
    before the name ("Minister Karoblis", "Defence Minister Karoblis"), or the whole title
    after it. Only a capitalised run next to the name: "deposited in Washington" gives no
    title."""
    out: list[str] = []
    names = {n for n in key.accepted if fold(name) in fold(n)}
    for quote in getattr(key, "quotes", ()):
        for n in names:
            for m in re.finditer(_CAPITALISED_RUN + re.escape(n) + r"\b", quote):
                out.append(fold(m.group(1)))
    return out


# the generic heads that name a kind of thing ("forces"), not "air" or "armed" of "air base"
_GENERIC_KEYS = frozenset(k for w in GENERIC_HEADS - {"air", "armed"} for _, k in tokens(w))
# every generic word, "air" too (the "Air" of "Šiauliai Air Base" says nothing of a thing)
_GENERIC_WORD_KEYS = frozenset(k for w in GENERIC_HEADS for _, k in tokens(w))
_FORCE_KEYS = frozenset(k for w in ("force", "unit", "troops") for _, k in tokens(w))


def _is_kind(key: Text, name: str, kind: list[str], typed: list[str]) -> bool:
    """Whether the word keys after a right proper name (`kind`, one word or two written
    apart: "battle groups") are a head noun the pack itself puts after this thing's names in
    its names: a word right after a name's last word ("battlegroup" of "eFP battlegroup
    Lithuania"), or a force ("force", "unit", "troops") right after a word of the name the
    answer holds ("forward force" for "enhanced Forward Presence forces"). Such a head names
    what the thing is; a head the pack never writes so ("Washington forces") is something
    added."""
    lang = key.language
    proper = [a for a in key.accepted if fold(name) == fold(a) or _within(fold(name), fold(a))]
    if not any(c.isupper() for a in proper for c in a):
        return False  # a concept's words are its meaning: "cyber" + "forces" is not cyber
    said = set(kind[:1]) if len(kind) == 1 else set()
    if len(kind) == 2:  # "battle groups": the one word "battlegroups"
        said.add(meaning("".join(typed), lang)[0])
    singles = [a for a in key.accepted if len(items(a, lang)) == 1]
    own = [[k for _, k in tokens(a, lang)] for a in singles]
    # the head words of the names: never the thing after "of" ("… operation of NATO": "NATO
    # headquarters" says nothing of what ISAF is)
    headed = [
        ks for a, ks in zip(singles, own, strict=True) if ks and fold(a).split()[-2:-1] != ["of"]
    ]
    words = {k for ks in own for k in ks}
    named_alone = {ks[0] for r in key.rivals if len(ks := [k for _, k in tokens(r, lang)]) == 1}
    typed_name = {k for _, k in tokens(name, lang)}  # the words of the name the answer holds
    for part in (p for n in (*key.accepted, *key.rivals) for p in items(n, lang)):
        ks = [k for _, k in tokens(part, lang)]  # each alone: "Washington (USA)" is two
        for i, (x, y) in enumerate(zip(ks, ks[1:], strict=False)):
            if y not in said or y in words:
                continue
            # after a whole name, not a word that ends one ("states" of "… in the Baltic
            # states": "Baltic states air policing" makes no "eFP air")
            after_name = any(ks[i + 1 - len(h) : i + 1] == h for h in headed if len(h) <= i + 1)
            # a force or unit after a word of the name that is neither a generic word nor
            # another value's whole name: "forward force" makes "enhanced Forward Presence
            # forces" the eFP's, never the "Air" of "Šiauliai Air Base" an "air policing
            # base", "Security Centre" a "regional security centre", nor the "NATO" of
            # "rotational NATO units" a "solidarity unit" (an adversarial reader found them
            # right)
            if after_name or (
                i > 0
                and x in typed_name
                and y in _FORCE_KEYS
                and x not in _GENERIC_WORD_KEYS
                and x not in named_alone
            ):
                # never after a name's first word alone: "NATO" leads "NATO Air Policing"
                # and "NATO headquarters", which say nothing of what the eFP is
                return True
    return False


def _title_before(key: Text, name: str) -> set[str]:
    """The word keys of the titles before the name (`_titles_before`), and the first word
    of each title the pack gives the name as a qualifier ("President" of "President of
    Mexico": "President Ceballos")."""
    lang = key.language
    out = {k for t in _titles_before(key, name) for _, k in tokens(t, lang)}
    for a, q in key.qualifiers:
        # a title starts with a capital ("President of Mexico"); a place's qualifier that
        # does not ("southern New Mexico") gives the name no word before it: "southern
        # Mesilla Valley" is part of the valley (an adversarial reader found it right)
        if fold(a) == fold(name) and q[:1].isupper() and (first := tokens(q, lang)[:1]):
            out.add(first[0][1])
    return out


def _meant(key: Text, name: str) -> Note:
    """What an answer with words around a right name is taken to mean: the answer itself
    ("the Lithuanian Armed Forces" for "Lithuania's armed forces", not "Lithuania"), or,
    for a "Name one" list, the right name it holds."""
    one = len(items(key.answer, key.language)) == 1
    return Note(NoteCode.MEANS, key.answer if one else name)


def _turned(key: Text, tail: str) -> bool:
    """Whether a tail led by a preposition ("from Mexico") stands in one of the key's names
    after another preposition that does not mean the same ("to Mexico"; "in" and "to" both
    place a thing): the office turned round, or another office ("President in Mexico" is
    not the "President of Mexico"). Only a name with a capital turns so: in a lowercase
    name the preposition says no place ("more money for defence", "spending more on
    defence": "budget for defence" is the defence budget, reading 28)."""
    said, rest = tail.split()[0], " ".join(tail.split()[1:])
    if not rest:
        return False
    for name in (a for a in key.accepted if not a.islower()):
        for m in re.finditer(rf"(\w+) (?:the )?{re.escape(rest)}(?!\w)", fold(name)):
            other = m.group(1)
            if other in _PREPOSITIONS and other != said and not {other, said} <= _PLACING:
                return True
    return False


def _stands_alone(rival: str, key: Text, name: str, text: str) -> bool:
    """Whether another value's name stands in one of the key's names or the name's
    qualifiers as the answer (folded, `text`) has it: with no capitalised word before it
    ("Mexico" in "U.S. Minister to Mexico", "NATO" in "NATO Summit in Warsaw"), or at the
    end of the same longer proper name; never as the end of another one ("Mexico" of
    "Governor of New Mexico": "William Lane of Mexico" gives him a country the source does
    not)."""
    target = fold(rival).split()
    if not target:
        return False
    if not any(w[:1].isupper() for w in rival.split()):
        return True  # a concept ("armed forces") names no place a longer name could hide
    places = [*key.accepted, *(q for a, q in key.qualifiers if fold(a) == fold(name))]
    for place in places:
        words = place.split()
        folded = [fold(w) for w in words]
        for i in range(len(words) - len(target) + 1):
            if folded[i : i + len(target)] != target:
                continue
            a, b = i, i + len(target)  # the capitalised run it ends
            while a > 0 and words[a - 1][:1].isupper():
                a -= 1
            if a == i or f" {' '.join(folded[a:b])} " in f" {text} ":
                return True  # nothing before it makes it another name ("NATO Summit")
    return False


def _as_prompt_puts_it(key: Text, tail: str, small: frozenset[str]) -> bool:
    """Whether the words after a preposition stand in the prompt after the same one (or one
    that places a thing alike), ending its phrase ("… in member states?"), rather than
    describing another noun there ("U.S. investors") or tied otherwise ("units of the Baltic
    states" where the prompt has them present "in the Baltic states"; people "of" what it
    has them "in" belong to it)."""
    words = fold(getattr(key, "prompt", "")).split()
    said, *rest = tail.split()
    target = list(rest)
    while target[:1] and target[0] in small:
        target = target[1:]
    if not target:
        return False
    n = len(target)
    for i in range(1, len(words) - n + 1):
        if words[i : i + n] != target:
            continue
        j = i - 1
        while j >= 0 and words[j] in _ARTICLES:
            j -= 1
        after = words[i + n] if i + n < len(words) else ""
        tie = words[j] if j >= 0 else ""
        same = tie == said or {tie, said} <= _PLACING
        # people "of" what the prompt has them "in" belong to it ("chiefs of defence of
        # NATO" for who meets "in NATO"), and so does a quality ("resilience of member
        # states" for what is strengthened "in member states"); a thing "of" a place is the
        # place's own ("units of the Baltic states" are no allied units "in the Baltic
        # states")
        owned = getattr(key, "person", False) or _a_quality(key)
        same = same or (owned and (tie, said) == ("in", "of"))
        if tie in _PREPOSITIONS and same and (not after or after in small):
            return True
    return False


def _a_quality(key: Text) -> bool:
    """Whether the key names a quality, its last word ending as the language's abstract
    nouns end ("resilience", "security", "solidarity"): something a place has, not a thing
    in it."""
    language = find_language(key.language)
    endings = language.quality_endings if language is not None else ()
    words = fold(key.answer).split()
    return bool(endings) and bool(words) and words[-1].endswith(endings)


def _complements(key: Text, name: str, after: bool, prompt: bool = True) -> set[str]:
    """The word keys (`tokens`) that may stand `after` the right name `name`, or before it:
    the prompt's (after the name only: "cyber defence capabilities"; before it they make
    another claim, "Baltic country Belgium"), those of the key's longer names holding this
    one ("NATO" of "NATO eFP", never a word of another item of a list: "infrastructure
    budget"), on the side those names put them. A qualifier the pack gives the name stands
    beside it only whole (`_with_complement`)."""
    lang = key.language
    asked = after and prompt
    said = {k for _, k in tokens(getattr(key, "prompt", ""), lang)} if asked else set()
    seq = [k for _, k in tokens(name, lang)]
    inner = set(seq)
    one = len(items(key.answer, lang)) == 1  # every accepted name names one thing
    out: set[str] = set()
    here: set[str] = set()  # words a longer name holding this one puts on this side
    there: set[str] = set()  # and on the other: "Mexico" after "U.S. Minister", never before
    language = find_language(lang)
    negations = language.negations if language is not None else frozenset()
    for a in key.accepted:
        whole = [k for _, k in tokens(a, lang)]
        folded = fold(a).split()
        # never the word a negation turns round ("conventional" of "non-conventional
        # threats": "conventional hybrid threats" is their opposite)
        negated = {
            k
            for prev, w in zip(folded, folded[1:], strict=False)
            if prev in negations
            for _, k in tokens(w, lang)
        }
        words = set(whole) - negated
        if len(items(a, lang)) == 1 and (inner <= words or one):
            # "NATO eFP": a word of another name of the same thing ("NATO enhanced
            # Forward Presence")
            out |= words
        at = next(
            (i for i in range(len(whole) - len(seq) + 1) if seq and whole[i : i + len(seq)] == seq),
            None,
        )
        if at is not None and (_DIRECTED & set(fold(a).split()) or getattr(key, "person", False)):
            ahead, behind = set(whole[:at]), set(whole[at + len(seq) :])
            here |= behind if after else ahead
            there |= ahead if after else behind
    # the words of a name that says a direction keep their side: "Mexico to U.S. Minister"
    # turns the office around (a reader found it marked right for the U.S. Minister to
    # Mexico); so do a person's ("Ward of Christopher" is no Christopher Ward); other
    # names' words may go either way ("Iron Wolf mechanised infantry brigade",
    # "infrastructure development")
    return (out - (there - here - inner)) | said


# words that give a name a direction, from one place to another ("U.S. Minister to Mexico"),
# folded, in the languages' packs ("į", "iš")
_DIRECTED = frozenset({"to", "from", "into", "toward", "towards", "i", "is"})


def _by_meaning(key: Text, text: str, rivals: set[str]) -> Verdict | None:
    """Right in other words, or None: the answer means one of the key's names (`meaning`),
    or holds one of them whole and lies within a longer one ("F-16 fighters" between "F-16"
    and "F-16 fighter jets"). A meaning a rival shares is ambiguous: refused."""
    lang = key.language
    said = meaning(text, lang)
    if not said[0]:
        return None
    rival_names = [r for r in key.rivals if fold(r) in rivals]
    if any(_means(said, meaning(r, lang)) for r in rival_names):
        # another value is meant as much: right only if a right name is meant too, and then
        # it could be either
        if any(_means(said, meaning(a, lang)) for a in key.accepted):
            return Verdict(False, True, Note(NoteCode.AMBIGUOUS))
        return Verdict(False, True, Note(NoteCode.OTHER_THING))
    for name in key.accepted:
        if (
            _means(said, meaning(name, lang))
            and not _ties_differ(text, name)
            and not _tie_moved(text, name, lang)
            and not _act_named(text, name, lang)
            and not _name_reformed(text, name, lang)
            and not _proper_word_swapped(text, name, lang)
        ):
            return Verdict(True, True, Note(NoteCode.MEANS, name))
    words = said[0].split()
    if len(items(text, lang)) > 1:
        return None  # a list ("Rukla, armed forces") is judged part by part, never as one name
    singles = [a for a in key.accepted if len(items(a, lang)) == 1]
    for name in singles:
        inner = meaning(name, lang)[0].split()
        if len(inner) < len(words) and _subsequence(inner, words):
            for longer in singles:
                outer = meaning(longer, lang)[0].split()
                # a run of the longer name, its ties the same: "Governor of Mexico" leaves
                # "New" out of "Governor of New Mexico" (another place), "Minister of
                # Mexico" turns "… Minister to Mexico" into another office
                if (
                    len(outer) > len(words)
                    and _run_of(words, outer)
                    and not _ties_differ(text, longer)
                    and not (set(fold(text).split()) & _PREPOSITIONS) - set(fold(longer).split())
                ):
                    return Verdict(True, True, Note(NoteCode.MEANS, longer))
    return None


def _run_of(part: list[str], whole: list[str]) -> bool:
    """Whether the words of `part` stand in `whole` side by side, in order."""
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


# Prepositions that tie two words of a name in one sense: "Minister to Mexico" (sent there)
# is not "Minister of Mexico" (its government's). "in", "at" and "on" place a thing alike,
# and "to" where one is sent: a "Minister to Mexico" is the "minister in Mexico" (never
# "from", the other way)
_PLACING = frozenset({"in", "at", "on", "to"})


def _gaps(text: str) -> tuple[list[str], list[frozenset[str]]]:
    """(words, ties): a phrase's folded words but its articles, small ties and possessive
    endings, and the prepositions between each word and the next ("minister to mexico":
    ["minister", "mexico"], [{"to"}])."""
    words: list[str] = []
    ties: list[frozenset[str]] = []
    between: set[str] = set()
    for w in fold(text).split():
        if w in _PREPOSITIONS:
            between.add(w)
        elif w == "s" and words and not between:
            continue  # a possessive's "s" ("Mexico's President"), as folding leaves it
        elif w not in TIES:
            if words:
                ties.append(frozenset(between))
            words.append(w)
            between = set()
    return words, ties


def _ties_differ(a: str, b: str) -> bool:
    """Whether two names with the same words give a different preposition between the same
    two words ("Minister of Mexico", "Minister to Mexico"): small words are dropped for
    meaning, so "of" and "to" would meet. A preposition on one side only does not differ
    ("Secretary State" is "Secretary of State" mistyped)."""
    x, y = _gaps(a)[1], _gaps(b)[1]
    if len(x) != len(y):
        return False
    return any(p and q and p != q and not (p | q) <= _PLACING for p, q in zip(x, y, strict=True))


def _tie_moved(typed: str, name: str, lang: str) -> bool:
    """Whether the answer puts a preposition between two words the name writes side by
    side, the same words in the same order, in any form ("crisis of management", "Iron of
    Wolf", "transports of aircraft"), or drops a concept's tie between two ("management
    crises" for "management of crises", "solidarity allies" for "solidarity among allies"):
    another phrase, which an adversarial reader found marked right once small words were
    dropped for meaning. A proper name's tie dropped is the name written short ("U.S.
    Minister (Mexico)", "Isthmus Tehuantepec")."""
    mine, my_ties = _gaps(typed)
    theirs, their_ties = _gaps(name)
    if len(mine) != len(theirs):
        return False
    if any(meaning(a, lang) != meaning(b, lang) for a, b in zip(mine, theirs, strict=True)):
        return False
    concept = name.islower()  # a proper name without its tie is the same name written short
    return any(
        (a and not b) or (concept and b and not a) for a, b in zip(my_ties, their_ties, strict=True)
    )


def _compound_sides(key: Text, name: str) -> tuple[set[str], set[str]] | None:
    """(before, after): the word keys the key's longer names write right before the name and
    right after it, no preposition between ("NATO" of "NATO Standing Naval Forces", "air",
    "base" of "Šiauliai Air Base"); None where no longer name writes it so, and for a
    person's name, whose words keep their own rules (`_complements`)."""
    if getattr(key, "person", False):
        return None
    lang = key.language
    seq = [k for _, k in tokens(name, lang)]
    ahead: set[str] = set()
    behind: set[str] = set()
    for a in key.accepted:
        run: list[str] = []
        for w in [*fold(a).split(), "of"]:  # a stretch ends at a preposition
            if w not in _PREPOSITIONS:
                run.extend(k for _, k in tokens(w, lang))
                continue
            n = len(seq)
            for i in range(len(run) - n + 1):
                if run[i : i + n] == seq:
                    ahead |= set(run[:i])
                    behind |= set(run[i + n :])
            run = []
    return (ahead, behind) if ahead or behind else None


_FROM = frozenset({"from", "is"})  # where a thing comes from ("iš"), not where it is put


def _moved_whole(typed: str, name: str, lang: str) -> bool:
    """Whether each stretch of the answer between prepositions is a run of the name's words
    (keys, in order), and each place the answer puts a thing in or sends it to ("to", "in"
    …) is one the name gives."""

    def stretches(text: str) -> tuple[list[list[str]], list[str]]:
        runs: list[list[str]] = [[]]
        placed: list[str] = []
        for w in fold(text).split():
            if w in _PREPOSITIONS:
                runs.append([])
                if w in _PLACING | _DIRECTED - _FROM:
                    placed.append("")
                continue
            for _, k in tokens(w, lang):  # none for a small word ("the")
                runs[-1].append(k)
                if placed:
                    placed[-1] = f"{placed[-1]} {k}".strip()
        return [r for r in runs if r], placed

    mine, my_places = stretches(typed)
    theirs, their_places = stretches(name)
    whole = [k for run in theirs for k in run]
    if len(mine) > 1 and not all(_run_of(run, whole) for run in mine):
        return False
    return set(my_places) <= set(their_places)


def _head_moved(typed: str, name: str, lang: str) -> bool:
    """Whether the answer puts words of a compound name (no preposition in it, its head
    last) before a preposition without the head: those words are the head then ("allies
    of rotational units" are the units' allies, not the rotational allied units; an
    adversarial reader found them right)."""
    if any(_gaps(name)[1]):
        return False  # a name with its own ties ("Minister to Mexico") is read otherwise
    words = fold(typed).split()
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), None)
    if cut is None:
        return False
    head = [k for _, k in tokens(name, lang)][-1:]
    first = [k for w in words[:cut] for _, k in tokens(w, lang)]
    return bool(head) and bool(first) and head[0] not in first


def _name_reformed(typed: str, name: str, lang: str) -> bool:
    """Whether the answer gives a capitalised word of a proper name as another word of its
    stem, an adjective or quality (`Language.derived_endings`): "NATO Responsible Forces",
    "NATO Responsibility" for the NATO Response Forces, which the stemmer gives one key.
    Its plural, a synonym or a concept's word form stay free ("NATO Response Force", "NATO
    Response Troops", "modernises its armed forces")."""
    language = find_language(lang)
    endings = language.derived_endings if language is not None else ()
    if not endings:
        return False
    said = tokens(typed, lang)
    for w in name.split():
        if not w[:1].isupper():
            continue
        for b, k in tokens(w, lang):
            if any(a != b and ka == k and a.endswith(endings) for a, ka in said):
                return True
    return False


def _proper_word_swapped(typed: str, name: str, lang: str) -> bool:
    """Whether the answer puts a word of the same meaning for a capitalised word of the name:
    "Response Unit" for "Response Forces". A proper name is said in its own words, where a
    common one may take a synonym ("allied units" for "allied forces"); a reader found
    "Response Unit" marked right. One word for one only: "Šiauliai airport", "the Lithuanian
    army" stand for a generic head, and "HQ" is a short form, not another word."""
    plain = {k for _, k in tokens(typed, lang, synonyms=False)}
    mine = tokens(typed, lang)
    for word in name.split():
        if not word[:1].isupper():
            continue
        for (own, key), (_, bare) in zip(
            tokens(word, lang), tokens(word, lang, synonyms=False), strict=True
        ):
            if bare in plain:
                continue
            if any(k == key and w != own and len(w) > 3 for w, k in mine):
                return True
    return False


def _act_named(typed: str, name: str, lang: str) -> bool:
    """Whether the answer has a noun where the name, word for word, has the verb of one stem,
    and not as its last word: "management crises" for "managing crises" (crises of some
    management), which the stemmer gives one key (`Language.verb_nouns`)."""
    language = find_language(lang)
    pairs = language.verb_nouns if language is not None else ()
    if not pairs:
        return False
    mine = [w for w, _ in tokens(typed, lang)]
    theirs = [w for w, _ in tokens(name, lang)]
    if len(mine) != len(theirs):
        return False
    return any(
        a != b and a.endswith(noun) and b.endswith(verb)
        for i, (a, b) in enumerate(zip(mine, theirs, strict=True))
        if i < len(mine) - 1
        for noun, verb in pairs
    )


def _means(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return bool(a[0]) and (a[0] == b[0] or a[1] == b[1])


def _without_prompt_words(key: Text, text: str) -> str | None:
    """The right name an answer gives without the words its prompt already says, or None:
    "headquarters" for "NATO headquarters" when the prompt asks "in which NATO bodies…".
    Only when what is left is no other value's name or meaning."""
    lang = key.language
    prompt = {k for _, k in tokens(getattr(key, "prompt", ""), lang)}
    if not prompt:
        return None
    said = [k for _, k in tokens(text, lang)]
    if not said or any(k in prompt for k in said):
        return None
    given = meaning(text, lang)
    if any(_means(given, meaning(r, lang)) for r in key.rivals):
        return None
    shortened = {fold(f) for a in key.accepted for f in short_forms(a)}
    for name in key.accepted:
        whole = [k for _, k in tokens(name, lang)]
        rest = [k for k in whole if k not in prompt]
        if fold(name) in shortened or (whole and whole[-1] not in rest):
            # what is left must name the thing, not describe it: "headquarters" of "NATO
            # headquarters", never "Response" of "NATO Response Force" for "which NATO
            # forces?" (two readers found it right), nor of its short form "NATO Response"
            continue
        # the name's words the prompt does not say, as the name ties them ("defence of
        # ministers" is no "NATO defence ministers": an adversarial reader found it right)
        unsaid = " ".join(
            w for w in fold(name).split() if {k for _, k in tokens(w, lang)} - prompt or w in TIES
        )
        if (
            rest == said
            and len(rest) < len(whole)
            # a proper name loses the prompt's words from its front only: "Response Forces"
            # of "NATO Response Forces", never "Standing Forces" of "NATO Standing Naval
            # Forces", a name with a hole in it (a reader found it marked right); a common
            # one may lose a describing word ("increasing the budget")
            and not _holed(name, rest, lang)
            and not _tie_moved(text, unsaid, lang)
        ):
            return name
    return None


def _holed(name: str, kept: list[str], lang: str) -> bool:
    """Whether a capitalised word of the name is missing after the first word the answer
    keeps: a hole in a proper name ("Standing … Forces"), where only its front may go."""
    words = [(w[:1].isupper(), k) for w in name.split() for _, k in tokens(w, lang)]
    first = next((i for i, (_, k) in enumerate(words) if k in kept), len(words))
    return any(upper and k not in kept for upper, k in words[first:])


def _subsequence(part: list[str], whole: list[str]) -> bool:
    """Whether the words of `part` stand in `whole` in the same order (others between)."""
    rest = iter(whole)
    return all(any(w == x for x in rest) for w in part)


def _check_one(key: Text, text: str) -> Verdict:
    given = fold(text)
    if not given:
        return Verdict(False, True, Note(NoteCode.NO_ANSWER))
    accepted = {fold(a) for a in key.accepted}
    if given in accepted:
        with_accents = {fold_keeping_accents(a) for a in key.accepted}
        if fold_keeping_accents(text) in with_accents:
            return Verdict(True, True)
        meant = next(a for a in key.accepted if fold(a) == given)
        return Verdict(True, False, Note(NoteCode.ACCENTS, meant))
    rivals = {fold(r) for r in key.rivals} - accepted
    by_meaning = _by_meaning(key, text, rivals)
    if by_meaning is not None:
        return by_meaning
    in_answer = any(_within(given, a) for a in accepted)
    # a bare number or letter inside another name ("1" of "… Group 1") names nothing
    naming = any(c.isalpha() for c in given) and len(given) > 1
    in_rival = given in rivals or (
        naming and any(_within(given, r) and not _asked_about(key, given, r) for r in rivals)
    )
    if in_rival and not in_answer:
        return Verdict(False, True, Note(NoteCode.OTHER_THING))
    if not in_rival:
        said_by_prompt = _without_prompt_words(key, text)
        if said_by_prompt is not None:
            return Verdict(True, True, Note(NoteCode.MEANS, said_by_prompt))
    if in_answer:
        if in_rival:
            return Verdict(False, True, Note(NoteCode.AMBIGUOUS))
        return Verdict(False, True, Note(NoteCode.PART_ONLY))
    from rapidfuzz import fuzz  # only typed answers need it: keeps start-up light

    near = max(fuzz.ratio(given, a, processor=None) for a in accepted) >= NEAR_CUTOFF
    if len(given) < MIN_TYPO_LENGTH:
        return Verdict(False, True, Note(NoteCode.SHORT_EXACT) if near else None)
    # the spelling it is a typo of: one name of a "Name one …" list, not the whole list
    typo_of = next((a for a in key.accepted if typos(given, fold(a)) is not None), None)
    if typo_of is None:
        return Verdict(False, True, Note(NoteCode.TOO_DIFFERENT) if near else None)
    from rapidfuzz.distance import OSA

    # a rival as near, by any edit (its first letter too: "Gzambia" is as near Zambia)
    nearest = min(OSA.distance(given, a) for a in accepted if typos(given, a) is not None)
    if any(OSA.distance(given, r) <= nearest for r in rivals):
        return Verdict(False, True, Note(NoteCode.TOO_CLOSE))
    return Verdict(True, False, Note(NoteCode.TYPO, typo_of))


# A word of the key that is a number: one with a digit ("1369", "3rd"), or a whole, well
# formed Roman numeral ("xvii", "mcmxc"). Any word of the letters i v x l c d m was taken for
# one, so "Civl Aviation" was refused as too different from "Civil Aviation".
_ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_NUMERAL = re.compile(rf"\w*\d\w*|{_ROMAN}")
_DIGITS = re.compile(r"\D")  # what of a word is left to compare its digits


def typos(given: str, meant: str) -> int | None:
    """How many words of `given` (folded) are slips of the hand for those of `meant`, or
    None if it is not `meant` mistyped: the same words in the same order, each the same or
    one edit away (a letter added, dropped or changed, two neighbours swapped) in a word of
    four letters or more whose first letter stands, and one slip in two words at most. A
    word of `meant` that is a number is never mistyped: one letter or digit off is another
    number ('Resolution 1369', 'Louis XVII'); nor is a digit added, dropped or changed
    anywhere ('SNMCMG2' names another group than 'SNMCMG')."""
    from rapidfuzz.distance import OSA

    a, b = given.split(), meant.split()
    if len(a) != len(b) or a == b:
        return None
    slips = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if min(len(x), len(y)) < MIN_TYPO_WORD or x[0] != y[0] or OSA.distance(x, y) > 1:
            return None
        if _NUMERAL.fullmatch(y):  # the key's "Resolution 1368", "Louis XVIII": a number
            return None
        if _DIGITS.sub("", x) != _DIGITS.sub("", y):  # "SNMCMG2" for "SNMCMG": another group
            return None
        slips += 1
    return slips if slips <= (len(b) + 1) // 2 else None


def _asked_about(key: Text, part: str, rival: str) -> bool:
    """Whether a rival holding a part of the answer is the prompt's own subject: the rest of
    its words are the prompt's ("Governor Lane" when the prompt asks William Lane's office).
    It is not what a student typing "Governor" could mean, so it makes the part no less the
    answer's."""
    lang = key.language
    prompt = {k for _, k in tokens(key.prompt, lang)}
    typed = {k for _, k in tokens(part, lang)}
    rest = [k for _, k in tokens(rival, lang) if k not in typed]
    return bool(rest) and all(k in prompt for k in rest)


def _within(part: str, whole: str) -> bool:
    """Whether the folded words of `part` stand in `whole` as whole words (and are fewer)."""
    return part != whole and f" {part} " in f" {whole} "
