"""Typed answers: what a player types, and what counts as right.

A typed question has one answer the bank gives (the asked side of a closed
relation with a single value), or, asked "Name one …", any value of a list the
source gives in full. The accepted spellings are the value's names and the
short forms a student types ("Warsaw" for the Warsaw Summit) that no other
value of its type could be meant by; every other value's names are rivals, so a
typo closer to one of them is not forgiven.
"""

from __future__ import annotations

import random

from quiz.answers import GENERIC_HEADS, short_forms
from quiz.generate.from_facts import ask, names_answer, not_unique, placed, sides, whose
from quiz.generate.index import index_of
from quiz.generate.refusal import Refusal, missing, not_closed
from quiz.generate.truth import Direction
from quiz.generate.wording import explanation, framed, listing, passages
from quiz.packs.model import Entity, Fact, Pack, Value
from quiz.question import Claim, Origin, Question, Text
from quiz.text import contains_phrase, fold


def answer_forms(pack: Pack, value: Value) -> tuple[str, ...]:
    """Every way a player may write a value: its names, and for an entity the short forms no
    other value of its type could be meant by ("Warsaw" for the Warsaw Summit, but not
    "Lithuanian" for the Lithuanian Air Force while there is a Lithuanian Navy)."""
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
            if key not in mine and pack.named_from(value.type, key) <= {value.id}:
                kept.append(form)
    return (*value.names, *dict.fromkeys(kept))


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
        return Refusal(f"typed answers are names; {key.display!r} is asked as a number question")
    refused = not_unique(pack, fact, direction)
    if refused is not None:
        return refused
    prompt = ask(pack, fact, direction)
    if isinstance(prompt, Refusal):
        return prompt
    if "of these" in prompt.lower():  # "Which of these …?" asks to pick from options
        return Refusal(
            f"the `{direction}` template says 'of these': it asks to pick from options, not to "
            "type",
            f"to ask it typed as well, word the `{direction}` template without 'of these'",
        )
    refused = whose(pack, fact, direction, prompt)
    if refused is not None:
        return refused
    accepted = answer_forms(pack, key)
    if any(contains_phrase(prompt, n) for n in accepted[len(key.names) :]):
        return names_answer(direction, prompt, key)
    own = {fold(n) for n in accepted}  # "Warsaw" means the summit here, not the city
    rivals = tuple(n for n in _rivals(pack, key) if fold(n) not in own)
    return Question(
        id=f"{fact.id}:typed:{direction}",
        kind="typed",
        prompt=prompt,
        options=(),
        topics=fact.topics,
        key=Text(key.display, accepted, rivals),
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
        return Refusal("typed answers are names; this list holds dates or numbers")
    prompt = framed(pack, first, relation.render(template, **placed(direction, anchor)))
    refused = whose(pack, first, direction, prompt)
    if refused is not None:
        return refused
    answer = listing([k.display for k in keys], "or")
    accepted = tuple(dict.fromkeys([answer, *(n for k in keys for n in answer_forms(pack, k))]))
    named = [n for n in accepted if contains_phrase(prompt, n)]
    if named:
        return Refusal(
            f"the prompt names an answer ({named[0]!r}): {prompt!r}",
            f"reword the `{template}` template so the prompt does not hold it",
        )
    own = {fold(n) for n in accepted}
    rivals = tuple(n for k in keys for n in _rivals(pack, k) if fold(n) not in own)
    return Question(
        id=f"{first.id}:typed:{template}",
        kind="typed",
        prompt=prompt,
        options=(),
        topics=tuple(dict.fromkeys(t for f in facts for t in f.topics)),
        key=Text(answer, accepted, tuple(dict.fromkeys(rivals))),
        origin=Origin(
            facts=tuple(f.id for f in facts),
            quotes=passages(pack, [q for f in facts for q in f.evidence]),
            explanation=f"Any of these: {answer}.",
            claim=Claim(relation.id, direction, anchor, tuple(keys)),
        ),
    )


def one_value(fact: Fact, direction: Direction) -> Refusal:
    anchor, _ = sides(fact, direction)
    return Refusal(
        f"{anchor.display} has one value in relation '{fact.relation.id}': \"Name one\" needs "
        "a list of two or more",
        f"the `{direction}` template asks it typed",
    )


def _rivals(pack: Pack, key: Entity) -> tuple[str, ...]:
    """Every name of every other entity of the pack, of any type: a typo closer to one of
    them is not forgiven, and typing one of them is never right ("Lithuanian Air Force" is a
    unit, not a typo of "the Lithuanian Armed Forces", an organisation). A short form the
    key accepts is left out by the caller: it was chosen so no value of the key's type could
    be meant by it, and the question asks for that type. One shared tuple, sliced around
    the key."""
    memo = index_of(pack).memo
    found = memo.get(("rivals",))
    if not isinstance(found, tuple):
        names: list[str] = []
        spans: dict[object, tuple[int, int]] = {}
        for v in pack.entities.values():
            start = len(names)
            names.extend(v.names)
            spans[v.key] = (start, len(names))
        found = memo[("rivals",)] = (tuple(names), spans)
    everything, where = found
    start, end = where[key.key]
    return everything[:start] + everything[end:]
