"""Typed answers: what a player types, and what counts as right.

A typed question has one answer the bank gives (the asked side of a closed
relation with a single value), or, asked "Name one …", any value of a list the
source gives in full. The accepted spellings are the value's names and the
short forms a student types ("Warsaw" for the Warsaw Summit) that no other
value of its type could be meant by; every other value's names are rivals, so a
typo closer to one of them is not forgiven.

The prompt tells what else a student may leave out or add: "cyber" answers "Name one
kind of attack …" for "cyber attacks" (the prompt says the head word), "Lithuania"
answers "… belongs to which armed forces?" where "Lithuanian" does (the pack names
the country so), and the country an alias places the answer in may stand beside it
("Vilnius, Lithuania" makes "Vilnius (Lithuania)" right as well).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from quiz.answers import PLACE_HEADS, TIES, short_forms
from quiz.generate.distractors import alike
from quiz.generate.from_facts import (
    ask,
    names_answer,
    not_unique,
    placed,
    sides,
    whose,
)
from quiz.generate.index import index_of
from quiz.generate.refusal import Refusal, missing, not_closed, said
from quiz.generate.truth import Direction
from quiz.generate.wording import explanation, framed, passages
from quiz.lang import N_
from quiz.meaning import GENERIC_HEADS
from quiz.packs.model import Entity, Fact, Pack, Value
from quiz.question import Claim, Origin, Question, Text
from quiz.text import contains_phrase, fold


def answer_forms(pack: Pack, value: Value) -> tuple[str, ...]:
    """Every way a player may write a value: its names, and for an entity the short forms no
    other value of its type could be meant by ("Warsaw" for the Warsaw Summit, but not
    "Lithuanian" for the Lithuanian Air Force while there is a Lithuanian Navy), and the
    names of the entities it covers."""
    if not isinstance(value, Entity):
        return value.names
    firsts, lasts = generic = pack.common_name_words(value.type)
    heads = GENERIC_HEADS | lasts
    mine = set(value.folded_names)
    kept: list[str] = []
    for name, folded in zip(value.names, value.folded_names, strict=True):
        if not _may_shorten(folded.split(), firsts, heads):
            continue
        for form in short_forms(name, generic):
            key = fold(form)
            if key in mine or cuts_a_name(pack, folded, key, mine) or _a_concept(pack, key):
                continue
            if pack.named_from(value.type, key) <= {value.id}:
                kept.append(form)
    kept.extend(_abbreviated(pack, value))
    kept.extend(
        f
        for f in _short_first_named(pack, value)
        if pack.named_from(value.type, fold(f)) <= {value.id}
    )
    # the names of the entities it covers (`covers`: "cyber attacks" for the cyber security
    # challenge), which answer for it as its own do and so are no rivals of it
    kept.extend(
        n for other in value.covers if other in pack.entities for n in pack.entities[other].names
    )
    kept.extend(_with_place_kind(pack, value))
    return (*value.names, *dict.fromkeys(kept))


def _with_place_kind(pack: Pack, value: Entity) -> Iterable[str]:
    """A place's names with the kind of place it is, where its group says one ("Tehuantepec
    region" for a place of group `region`; reader 41c found it refused beside "Mesilla Valley
    region", whose pack wrote that alias). Only the place's own kind: "Mexico City" stays
    another place than Mexico, and no form is another entity's name."""
    kind = value.group
    if value.type != "place" or kind not in PLACE_HEADS or pack.lang.code != "en":
        # (a group is the author's English id: "Vilnius city" is no Lithuanian answer)
        return
    taken = {f for e in pack.entities.values() if e is not value for f in e.folded_names}
    for name, folded in zip(value.names, value.folded_names, strict=True):
        words = folded.split()
        if "(" in name or kind in words or words[-1] in GENERIC_HEADS or TIES & set(words):
            continue  # "Isthmus of Tehuantepec region" is no way to say it
        if fold(f"{name} {kind}") not in taken:
            yield f"{name} {kind}"


def _short_first_named(pack: Pack, value: Entity) -> Iterable[str]:
    """A person's names with an everyday short form of the first name ("Chris Ward" for
    Christopher Ward; `Language.short_first_names`): four readers of the author's pack found
    "Chris Ward" refused, which a teacher accepts."""
    if value.type != "person":
        return
    short = dict(pack.lang.short_first_names)
    for name in value.names:
        first, _, rest = name.partition(" ")
        if rest:
            yield from (f"{form.capitalize()} {rest}" for form in short.get(fold(first), ()))


_ABBREVIATION = re.compile(r"[A-Z]{2,4}|(?:[A-Z]\.){2,4}")


# an office's title before its place, a name: "Governor of New Mexico", "U.S. ambassador to
# Mexico"; not "head of state of Mexico", whose "head" alone was marked right for the office
# (reader 35c): "state of Mexico" is no place; nor "head of the Mexican government", a name
# every word of which is not (an author's alias made "head" right again)
_PROPER = r"[A-Z][\w.'’-]*"
_TITLED = re.compile(
    rf"(?:\S+\s+)?([A-Za-z][a-z]{{3,}})\s+(?:of|to|for)\s+(?:the\s+)?{_PROPER}"
    rf"(?:\s+(?:(?:of|the|and)\s+)*{_PROPER})*"
)


def _title_alone(pack: Pack, value: Entity, anchor: Value, own: set[str]) -> tuple[str, ...]:
    """An office's title without its place, asked of the person who held it ("Governor" for
    the Governor of New Mexico, "Minister" for the U.S. Minister to Mexico), where no other
    value of its type has a name that begins so: the head a student types, unless it is
    ambiguous in the pack ("Secretary" is also the Treasury's). A value the pack never
    offers beside this one (`alike`: the author's attributes keep a Mexican office among
    Mexican ones) is no rival for it: "President" names Santa Anna's office, the U.S.
    President's being no office a Mexican held. Right typed alone only (`Text.alone`).
    Readers found both refused."""
    if not isinstance(anchor, Entity) or anchor.type != "person":
        return ()
    out: list[str] = []
    for name in value.names:
        m = _TITLED.fullmatch(name)
        if m is None:
            continue
        title = m.group(1)
        key = fold(title)
        if key in own or _named(pack).get(key) or key in {fold(t) for t in out}:
            continue  # a name of its own already, or another value's, or found
        others = pack.named_from(value.type, key) - {value.id}
        if not any(alike(value, pack.entities[o]) for o in others if o in pack.entities):
            out.append(title)
    return tuple(out)


def _a_concept(pack: Pack, form: str) -> bool:
    """Whether a folded short form is the name of a concept of the pack (an entity named in
    lower case): "Mine Countermeasures" of the Standing NATO Mine Countermeasures Group is
    the activity, another value, never the formation (a reader found "demining" accepted
    for it). A proper name's word stays a short form ("Lithuanian" for the Lithuanian
    Armed Forces)."""
    return any(e.display.islower() for e in _named(pack).get(form, ()))


def _abbreviated(pack: Pack, value: Entity) -> list[str]:
    """The value's names with another value's name inside them written as that value's
    abbreviation in the pack ("Governor of NM" for "Governor of New Mexico", NM being the
    pack's alias of New Mexico): the author wrote the abbreviation, so a student may."""
    out: list[str] = []
    # (`contains_phrase(name, long)`, with the value's names and the long names folded and
    # padded once, not for every pair)
    names = [(n, f" {folded} ") for n, folded in zip(value.names, value.folded_names, strict=True)]
    for key, long, padded, shorts in pack.derived(_abbreviations):
        if key == value.key:
            continue
        for name, folded_name in names:
            if padded in folded_name:
                low = re.compile(rf"\b{re.escape(long)}\b", re.IGNORECASE)
                out.extend(low.sub(short, name, count=1) for short in shorts)
    return out


def _abbreviations(pack: Pack) -> tuple[tuple[object, str, str, tuple[str, ...]], ...]:
    """(key, name, the name folded and padded with spaces, abbreviations) of every entity of a
    name of two words or more that the pack also writes as an abbreviation: a few in any
    pack, so a value is not weighed against every entity."""
    out = []
    for other in pack.entities.values():
        shorts = tuple(a for a in other.names if _ABBREVIATION.fullmatch(a))
        folded = fold(other.name)
        if shorts and len(other.name.split()) >= 2 and folded:
            out.append((other.key, other.name, f" {folded} ", shorts))
    return tuple(out)


def cuts_a_name(pack: Pack, name: str, form: str, own: set[str]) -> bool:
    """Whether a short form (folded) of a folded name cuts in two another name of the pack's
    (not one of the value's `own`) that stands inside it: "Governor of New" of "Governor of
    New Mexico", where "Mexico" ends several offices' names and so reads as a generic last
    word, halves the place New Mexico. Such a form names nothing a student would type."""
    words, kept = name.split(), form.split()
    at = next(
        (i for i in range(len(words) - len(kept) + 1) if words[i : i + len(kept)] == kept), None
    )
    if at is None:
        return False
    cut = {at, at + len(kept)}  # the word boundaries where the form begins and ends
    inner_names = _multiword_names(pack)
    # every run of two words or more shorter than the name (the name itself, or one it stands
    # in, is no inner name) that crosses a boundary, looked up among the pack's names
    for n in range(2, len(words)):
        for i in range(len(words) - n + 1):
            inner = tuple(words[i : i + n])
            crosses = any(i < c < i + n for c in cut)
            if crosses and inner in inner_names and " ".join(inner) not in own:
                return True  # (not another of the value's own names)
    return False


def _multiword_names(pack: Pack) -> frozenset[tuple[str, ...]]:
    """The pack's folded names and aliases of two words or more, made once per pack."""
    memo = index_of(pack).memo
    found = memo.get(("multiword names",))
    if not isinstance(found, frozenset):
        names = {tuple(n.split()) for e in pack.entities.values() for n in e.folded_names}
        found = memo[("multiword names",)] = frozenset(n for n in names if len(n) > 1)
    return found


def _may_shorten(words: list[str], leads: frozenset[str], heads: frozenset[str]) -> bool:
    """Whether a folded name has generic words around a meaningful one (the cheap test
    before `short_forms`: most names have nothing to drop)."""
    if len(words) < 2:
        return False
    start, end = 0, len(words)
    while start < end - 1 and words[start] in leads:
        start += 1
    while end > start + 1 and words[end - 1] in heads:
        end -= 1
    spans = {(start, len(words)), (0, end), (start, end)} - {(0, len(words))}
    return any(len(w) >= 3 and w.isalpha() and w not in heads for a, b in spans for w in words[a:b])


def typed(pack: Pack, fact: Fact, direction: Direction, rng: random.Random) -> Question | Refusal:
    anchor, key = sides(fact, direction)
    if not isinstance(key, Entity):
        return Refusal(
            said(
                N_("typed answers are names; {answer} is asked as a number question"),
                answer=repr(key.display),
            )
        )
    refused = not_unique(pack, fact, direction) or guessed([key])
    if refused is not None:
        return refused
    prompt = ask(pack, fact, direction)
    if isinstance(prompt, Refusal):
        return prompt
    if "of these" in prompt.lower():  # "Which of these …?" asks to pick from options
        return Refusal(
            said(
                N_(
                    "the `{template}` template says 'of these': it asks to pick from options, "
                    "not to type"
                ),
                template=direction,
            ),
            said(
                N_("to ask it typed as well, word the `{template}` template without 'of these'"),
                template=direction,
            ),
        )
    refused = whose(pack, fact, direction, prompt)
    if refused is not None:
        return refused
    accepted = _unsaid(pack, prompt, key, answer_forms(pack, key))
    if any(contains_phrase(prompt, n) for n in accepted[len(key.names) :]):
        return names_answer(direction, prompt, key)
    accepted = (*accepted, *_in_context(pack, prompt, key, accepted))
    if key is fact.object:  # the author's names right for this fact alone
        accepted = tuple(dict.fromkeys((*accepted, *fact.accept)))
    own = {fold(n) for n in accepted}  # "Warsaw" means the summit here, not the city
    rivals = _rivals(pack, key, own)
    return Question(
        id=f"{fact.id}:typed:{direction}",
        kind="typed",
        prompt=prompt,
        options=(),
        topics=fact.topics,
        key=Text(
            key.display,
            accepted,
            rivals,
            pack.language,
            _qualifiers(pack, {key: accepted}, anchor if isinstance(anchor, Entity) else None),
            prompt,
            tuple(q.text for q in passages(pack, fact.evidence)),
            tuple(_titles(pack, key)),
            key.type == "person",
            _source_texts(pack),
            _title_alone(pack, key, anchor, own),
        ),
        origin=Origin(
            facts=(fact.id,),
            quotes=passages(pack, fact.evidence),
            explanation=explanation(pack, fact),
            claim=Claim(fact.relation.id, direction, anchor, (key,)),
        ),
    )


def typed_any(
    pack: Pack, facts: list[Fact], direction: Direction, rng: random.Random
) -> Question | Refusal:
    """ "Name one …": a typed answer that takes any value of a list the source gives in full.
    Recall without wrong options, for lists with no safe near miss (the countries Lithuanians
    deployed to: any other country might have had a deployment the article does not tell)."""
    first = facts[0]
    relation = first.relation
    template = f"{direction}_any"
    if not relation.closed:
        return not_closed(relation, "another answer")
    if template not in relation.templates:
        return missing(relation, template)
    anchor, _ = sides(first, direction)
    if len(facts) < 2:
        return one_value(first, direction)
    keys = [k for f in facts if isinstance(k := sides(f, direction)[1], Entity)]
    if len(keys) != len(facts):
        return Refusal(said(N_("typed answers are names; this list holds dates or numbers")))
    refused = guessed(keys)
    if refused is not None:
        return refused
    prompt = framed(pack, first, relation.render(template, **placed(direction, anchor)))
    refused = whose(pack, first, direction, prompt)
    if refused is not None:
        return refused
    answer = pack.lang.listing([k.display for k in keys], pack.lang.or_word)
    each = {k.key: _unsaid(pack, prompt, k, answer_forms(pack, k)) for k in keys}
    accepted = tuple(dict.fromkeys([answer, *(n for k in keys for n in each[k.key])]))
    named = [n for n in accepted if contains_phrase(prompt, n)]
    if named:
        return Refusal(
            said(
                N_("the prompt names an answer ({answer}): {prompt}"),
                answer=repr(named[0]),
                prompt=repr(prompt),
            ),
            said(
                N_("reword the `{template}` template so the prompt does not hold it"),
                template=template,
            ),
        )
    forms = {k: (*each[k.key], *_in_context(pack, prompt, k, each[k.key])) for k in keys}
    accepted = tuple(dict.fromkeys([*accepted, *(n for k in keys for n in forms[k])]))
    own = {fold(n) for n in accepted}
    rivals = tuple(n for k in keys for n in _rivals(pack, k, own))
    return Question(
        id=f"{first.id}:typed:{template}",
        kind="typed",
        prompt=prompt,
        options=(),
        topics=tuple(dict.fromkeys(t for f in facts for t in f.topics)),
        key=Text(
            answer,
            accepted,
            tuple(dict.fromkeys(rivals)),
            pack.language,
            _qualifiers(pack, forms),
            prompt,
            tuple(q.text for q in passages(pack, [q for f in facts for q in f.evidence])),
            tuple(dict.fromkeys(t for k in keys for t in _titles(pack, k))),
            all(k.type == "person" for k in keys),
            _source_texts(pack),
            values=tuple(forms[k] for k in keys),
        ),
        origin=Origin(
            facts=tuple(f.id for f in facts),
            quotes=passages(pack, [q for f in facts for q in f.evidence]),
            explanation=pack.lang.frame("any_of", answer=answer),
            claim=Claim(relation.id, direction, anchor, tuple(keys)),
        ),
    )


def guessed(keys: list[Entity]) -> Refusal | None:
    """Why a typed question is not asked whose answer (one of them, for "Name one …") the
    author marked `guessable`: "Vilnius" to "In which city …?" of an article about Lithuania
    was typed right without reading, three readers found. Among options, near misses of the
    same country (Kaunas, Klaipėda) make the student read."""
    key = next((k for k in keys if k.guessable), None)
    if key is None:
        return None
    return Refusal(
        said(
            N_("{answer} is guessable: a student would type it right without reading"),
            answer=repr(key.display),
        ),
        said(N_("multiple choice asks it among near misses")),
    )


def one_value(fact: Fact, direction: Direction) -> Refusal:
    anchor, _ = sides(fact, direction)
    return Refusal(
        said(
            N_(
                "{anchor} has one value in relation '{relation}': \"Name one\" needs a list of "
                "two or more"
            ),
            anchor=anchor.display,
            relation=fact.relation.id,
        ),
        said(N_("the `{template}` template asks it typed"), template=direction),
    )


def _rivals(pack: Pack, key: Entity, own: set[str]) -> tuple[str, ...]:
    """Every name of every other entity of the pack, of any type, but those that fold to one
    of `own` (the key's own forms): a typo closer to one of them is not forgiven, and typing
    one of them is never right ("Lithuanian Air Force" is a unit, not a typo of "the
    Lithuanian Armed Forces", an organisation). A short form the key accepts is left out: it
    was chosen so no value of the key's type could be meant by it, and the question asks for
    that type. Cut from one shared tuple, in pack order, by looking up which names fold to
    `own`, not by folding every name of the pack for every question."""
    memo = index_of(pack).memo
    found = memo.get(("rivals",))
    if not isinstance(found, tuple):
        names: list[str] = []
        spans: dict[object, tuple[int, int]] = {}
        places: dict[str, list[int]] = {}  # folded name -> where it stands in `names`
        for v in pack.entities.values():
            start = len(names)
            for n, folded_name in zip(v.names, v.folded_names, strict=True):
                places.setdefault(folded_name, []).append(len(names))
                names.append(n)
            spans[v.key] = (start, len(names))
        found = memo[("rivals",)] = (tuple(names), spans, places)
    everything, where, folded = found
    start, end = where[key.key]
    cut = {i for f in own for i in folded.get(f, ())} - set(range(start, end))
    if not cut:
        return everything[:start] + everything[end:]
    kept: list[str] = []
    at = 0
    for i in sorted(cut | set(range(start, end))):
        kept.extend(everything[at:i])
        at = i + 1
    kept.extend(everything[at:])
    return tuple(kept)


def _named(pack: Pack) -> dict[str, tuple[Entity, ...]]:
    """The entities of the pack by each of their folded names."""
    memo = index_of(pack).memo
    found = memo.get(("named",))
    if not isinstance(found, dict):
        table: dict[str, list[Entity]] = {}
        for e in pack.entities.values():
            for folded in e.folded_names:
                table.setdefault(folded, []).append(e)
        found = memo[("named",)] = {k: tuple(v) for k, v in table.items()}
    return found


def _headed(pack: Pack) -> dict[tuple[str, tuple[str, ...]], list[tuple[object, str]]]:
    """(type, a folded name's words but its last) -> (the entity's key, that last word), for
    every name of every entity, in pack order, made once per pack: the values of a type named
    by some words and one head word more, without a pass over every entity per question."""
    memo = index_of(pack).memo
    found = memo.get(("headed names",))
    if isinstance(found, dict):
        return found
    table: dict[tuple[str, tuple[str, ...]], list[tuple[object, str]]] = {}
    for e in pack.entities.values():
        for n in e.folded_names:
            words = n.split()
            if words:
                table.setdefault((e.type, tuple(words[:-1])), []).append((e.key, words[-1]))
    memo[("headed names",)] = table
    return table


def _unsaid(pack: Pack, prompt: str, key: Entity, forms: tuple[str, ...]) -> tuple[str, ...]:
    """The key's forms without a short form the prompt says as the name of something else:
    "Washington" cut from "Washington Treaty" is the city in "… its documents deposited in
    Washington": typed back, it answers nothing, and the question stays askable."""
    named = _named(pack)
    return tuple(
        f
        for i, f in enumerate(forms)
        if i < len(key.names)
        or not contains_phrase(prompt, f)
        or not any(e.key != key.key for e in named.get(fold(f), ()))
    )


def _in_context(pack: Pack, prompt: str, key: Entity, forms: tuple[str, ...]) -> list[str]:
    """More forms the question's own words make right. The name without a head word the
    prompt says ("cyber" for "cyber attacks" in "Name one kind of attack"), when no other
    value of its type and group is named so; and the other names of an entity a short form
    names ("Lithuania" where "Lithuanian" stands for "the Lithuanian Armed Forces")."""
    named = _named(pack)
    said = set(fold(prompt).split())
    mine = {fold(f) for f in forms}
    out: list[str] = []
    for name in key.names:
        words = name.split()
        if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        head = words[-1]
        if len(words) < 2 or not (head.islower() or fold(head) in GENERIC_HEADS):
            continue  # a name's last word, not a kind ("… operation of NATO")
        if not _said(fold(head), said):
            continue
        rest = " ".join(words[:-1])
        folded = fold(rest).split()
        if folded[-1:] == [] or folded[-1] in TIES:
            continue
        if not any(len(w) >= 3 and w.isalpha() for w in folded):
            continue
        same_kind = [
            e
            for e in named.get(fold(rest), ())
            if e.key != key.key and e.type == key.type and e.group == key.group
        ]
        # another value of the type that is the same words and a head of the same stem
        clash = any(
            other != key.key and _said(last, {fold(head)})
            for other, last in _headed(pack).get((key.type, tuple(folded)), ())
        )
        if not same_kind and not clash and not contains_phrase(prompt, rest):
            out.append(rest)
    for form in forms[len(key.names) :]:
        for other in named.get(fold(form), ()):
            if other.key == key.key or other.type == key.type:
                continue
            for name in other.names:
                taken = [e for e in named.get(fold(name), ()) if e.type == key.type]
                if fold(name) not in mine and not taken and not contains_phrase(prompt, name):
                    out.append(name)
    return list(dict.fromkeys(out))


def _said(word: str, words: set[str]) -> bool:
    """Whether a folded word stands among `words`, as it is or with a plural's "s" more or
    less ("attacks" in "Name one kind of attack"). Generation does not stem: the stemmer is
    slow to load, and a head word in a prompt is nearly always the same word."""
    return word in words or f"{word}s" in words or (word.endswith("s") and word[:-1] in words)


# relations that put their subject in a place: "eFP in Lithuania, Latvia, Estonia and Poland"
_PLACED = ("located_in", "deployed_in", "stationed_in", "based_in", "operated_in")


def _titles(pack: Pack, entity: Entity) -> list[str]:
    """The names of a title the source puts before this entity's name: a fact's object
    (an office) whose name, or its first word, stands right before one of the entity's
    names in that fact's quote ("Mexican President Juan Ceballos", "Governor William
    Lane"). A student may write the person with their own title ("President Ceballos");
    another person's title, or one the source never gives them, is still refused."""
    memo = index_of(pack).memo
    mine = memo.get(("titles", entity.key))
    if isinstance(mine, list):
        return mine
    found: list[str] = []
    for f in _by_relation(pack, [f for f in _about(pack, entity) if f.subject.key == entity.key]):
        title = f.object
        if not isinstance(title, Entity) or title.type == entity.type:
            continue
        quotes = [q.text for q in f.evidence]
        # a title, or its first word ("Governor"), but never an article ("the" of "the
        # Lithuanian Armed Forces" is no title of the Iron Wolf)
        said = [
            t for t in title.names for t in (t, t.split()[0]) if fold(t) not in pack.lang.articles
        ]
        # "title name" folds to words ending with the name's own folded words, so a quote that
        # does not hold the name cannot hold it after a title (unless the name folds to
        # nothing): only the names a quote holds are tried after each title
        held = [
            (q, n) for q in quotes for n in entity.names if not fold(n) or contains_phrase(q, n)
        ]
        # before the name ("Governor William Lane"), or after it with "of", the whole title
        # only ("the Mechanised Infantry Brigade Iron Wolf of the Lithuanian Armed Forces")
        if any(contains_phrase(q, f"{t} {n}") for q, n in held for t in said) or any(
            contains_phrase(q, f"{n} of {t}") for q, n in held for t in title.names
        ):
            found.extend(title.names)
            found.extend(t for t in said if contains_phrase(" ".join(quotes), t))
        elif any(
            contains_phrase(q, t) and contains_phrase(q, n)
            for q in quotes
            for t in title.names
            for n in entity.names
        ):
            # the source gives the title beside the name ("James Gadsden, the new U.S.
            # Minister to Mexico"): its head word may stand before it ("Minister Gadsden")
            found.extend(
                w[0]
                for w in (t.split() for t in title.names)
                if len(w) > 2 and w[0].isalpha() and w[1].lower() in ("of", "to")
            )
    out = memo[("titles", entity.key)] = list(dict.fromkeys(found))
    return out


def _qualifiers(
    pack: Pack, forms: dict[Entity, tuple[str, ...]], anchor: Entity | None = None
) -> tuple[tuple[str, str], ...]:
    """(a right spelling, a name that may stand beside it): every name of an entity that a
    value's name gives in parentheses or after a comma ("Washington (USA)": the United
    States; or the words themselves where the pack has no entity of that name, "Isthmus of
    Tehuantepec (Mexico)"), of the country a `located_in…` (or `deployed_in…`) fact places
    the value in
    ("Ämari Air Base, Estonia"), and of the title the source gives a person (`_titles`:
    "President Ceballos"). Beside that value only: "Šiauliai Air Base, Estonia" is
    wrong. A place the pack puts inside the value stands beside it too when the pack ties
    the question's `anchor` to that place as well ("Afghanistan, province of Ghor" where
    Lithuania led the PRT in Ghor, and Ghor is in Afghanistan): it narrows the answer
    rightly; another place inside the value would add a detail the pack does not give."""
    named = _named(pack)

    def located(value: Entity) -> list[Entity]:
        """The places `_PLACED` facts put the value in (relation by relation, in pack order)."""
        return [
            f.object
            for f in _by_relation(pack, _about(pack, value))
            if f.relation.id.startswith(_PLACED)
            and isinstance(f.object, Entity)
            and f.subject.key == value.key
        ]

    tied: set[object] = set()  # what the pack ties the anchor to, either way
    if anchor is not None:
        for f in _about(pack, anchor):
            if isinstance(f.object, Entity) and anchor.key in (f.subject.key, f.object.key):
                tied |= {f.subject.key, f.object.key} - {anchor.key}
    out: list[tuple[str, str]] = []
    for key, spellings in forms.items():
        out.extend((s, t) for s in spellings for t in _titles(pack, key))
        inside = [
            f.subject
            for f in _by_relation(pack, _about(pack, key))
            if f.relation.id.startswith(_PLACED)
            and isinstance(f.object, Entity)
            and f.object.key == key.key
            and f.subject.key in tied
        ]
        out.extend(
            (s, q) for place in dict.fromkeys(inside) for s in spellings for q in place.names
        )
        places: list[Entity] = located(key)
        unnamed: list[str] = []  # a place the pack has no entity for: "(Mexico)"
        for name in key.names:
            for part in [p for p in re.split(r"[(),]", name) if p.strip()][1:]:
                found = named.get(fold(part), ())
                places.extend(found)
                if not found:
                    unnamed.append(part.strip())
        for place in dict.fromkeys(places):
            out.extend((s, q) for s in spellings for q in place.names)
        out.extend((s, q) for s in spellings for q in dict.fromkeys(unnamed))
        # a short form that is a place's name too takes that place's country: "Warsaw" for
        # the Warsaw Summit, typed "Warsaw, Poland"
        for s in spellings:
            for other in named.get(fold(s), ()):
                if other.key == key.key:
                    continue
                around: list[Entity] = located(other)
                for name in other.names:
                    for part in [p for p in re.split(r"[(),]", name) if p.strip()][1:]:
                        around.extend(named.get(fold(part), ()))
                out.extend((s, q) for place in dict.fromkeys(around) for q in place.names)
    return tuple(dict.fromkeys(out))


def _about(pack: Pack, value: Entity) -> tuple[Fact, ...]:
    """The facts a value takes part in, either side, in pack order (a lookup the pack keeps,
    not a scan: a question costs the same in a pack of any size)."""
    return pack.facts_about.get(value.key, ())


def _by_relation(pack: Pack, facts: Iterable[Fact]) -> list[Fact]:
    """Facts in `pack.facts_by_relation` order (relation by relation, then pack order), as a
    walk over the whole table would meet them."""
    memo = index_of(pack).memo
    rank = memo.get(("relation rank",))
    if not isinstance(rank, dict):
        rank = memo[("relation rank",)] = {r: i for i, r in enumerate(pack.facts_by_relation)}
    return sorted(facts, key=lambda f: rank[f.relation.id])


def _source_texts(pack: Pack) -> tuple[str, ...]:
    """The pack's source texts, shared by every typed key (the strings, not copies)."""
    return tuple(s.text for s in pack.sources.values())
