"""Question kinds built from one fact, or from the facts that share a subject or object.

Each builder returns None when the bank cannot make that question honestly
(too few proven-false options, an answer that is not unique, a prompt that
would give the answer away): a question left out is better than a wrong one.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from quiz.answers import GENERIC_HEADS, short_forms
from quiz.generate.distractors import candidates, sort_if_ordered
from quiz.generate.index import index_of
from quiz.generate.truth import Direction
from quiz.generate.wording import (
    STOPWORDS,
    explanation,
    framed,
    listing,
    names_in,
    noun,
    passages,
    source_of,
    statement,
)
from quiz.packs.model import NUMBER_WORDS, Entity, Fact, Number, Pack, Value, When
from quiz.question import Claim, Figure, Many, One, Origin, Question, Text, WhyWrong
from quiz.text import contains_phrase, fold

TRUE, FALSE = "True", "False"
CHOICE_OPTIONS = 4


def sides(fact: Fact, direction: Direction) -> tuple[Value, Value]:
    """(the given value, the asked value) of a fact read in one direction."""
    return (fact.subject, fact.object) if direction == "forward" else (fact.object, fact.subject)


def ask(pack: Pack, fact: Fact, direction: Direction, template: str | None = None) -> str | None:
    """The prompt asking for one side of a fact, or None if it would give the answer away."""
    template = template or direction
    if template not in fact.relation.templates:
        return None
    anchor, key = sides(fact, direction)
    prompt = framed(pack, fact, fact.relation.render(template, **_placed(direction, anchor)))
    if names_in(fold(prompt), key):
        return None
    return prompt


def _placed(direction: Direction, anchor: Value) -> dict[str, Value]:
    return {"subject": anchor} if direction == "forward" else {"obj": anchor}


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


def _arrange(values: list[Value], rng: random.Random) -> list[Value]:
    ordered = sort_if_ordered(values)
    if ordered is not None:
        return ordered
    values = list(values)
    rng.shuffle(values)
    return values


def why_wrong(pack: Pack, fact: Fact, direction: Direction, value: Value) -> WhyWrong | None:
    """The fact of the question's own relation that the wrong option belongs to (it answers
    the same question for another subject). Another relation would not explain anything."""
    other: Direction = "reverse" if direction == "forward" else "forward"
    for f in index_of(pack).facts_for(fact.relation, other, value):
        if not f.background:
            return WhyWrong(f.id, statement(pack, f), f.quote)
    return None


_WORD = re.compile(r"[^\W\d_][\w'-]*")


@lru_cache(maxsize=4096)
def distinctive_words(text: str) -> frozenset[str]:
    """The words of a text that carry meaning: not function words, not numbers."""
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 2)


def giveaway(prompt: str, right: list[str], wrong: list[str]) -> set[str]:
    """Prompt words that some right option shares and no wrong option does."""
    shared = distinctive_words(prompt) & {w for o in right for w in distinctive_words(o)}
    return {w for w in shared if not any(w in distinctive_words(o) for o in wrong)}


def choice(pack: Pack, fact: Fact, direction: Direction, rng: random.Random) -> Question | None:
    if not fact.relation.closed:
        return None
    prompt = ask(pack, fact, direction)
    if prompt is None:
        return None
    anchor, key = sides(fact, direction)
    risky = sorted(distinctive_words(prompt) & distinctive_words(key.display))
    wrong = candidates(
        pack,
        fact.relation,
        direction,
        anchor,
        [key],
        prompt,
        rng,
        CHOICE_OPTIONS - 1,
        prefer=risky,
    )
    if len(wrong) < 2 or giveaway(prompt, [key.display], [w.display for w in wrong]):
        return None
    values = _arrange([key, *wrong], rng)
    reasons = tuple(
        (i, w)
        for i, v in enumerate(values)
        if v is not key and (w := why_wrong(pack, fact, direction, v))
    )
    return Question(
        id=f"{fact.id}:choice:{direction}",
        kind="choice",
        prompt=prompt,
        options=tuple(v.display for v in values),
        topics=fact.topics,
        key=One(values.index(key)),
        origin=Origin(
            facts=(fact.id,),
            quotes=passages(pack, fact.evidence),
            explanation=explanation(pack, fact),
            why_wrong=reasons,
            claim=Claim(fact.relation.id, direction, anchor, tuple(values)),
        ),
    )


def true_false(pack: Pack, fact: Fact, truth: bool, rng: random.Random) -> Question | None:
    value = fact.object
    why = explanation(pack, fact)
    said = statement(pack, fact)
    if not truth:
        if not fact.relation.closed:
            return None
        group = index_of(pack).facts_for(fact.relation, "forward", fact.subject)
        if group[0] is not fact:
            return None  # one false statement per subject: the first fact of the group owns it
        # The rest of the statement: a wrong value already named in it ("Lithuania" in
        # "… the forward force in Lithuania") would make an arguable false statement.
        rest = fact.statement.replace(fact.object.display, " ")
        wrong = candidates(
            pack, fact.relation, "forward", fact.subject, [fact.object], rest, rng, 1
        )
        if not wrong:
            return None
        value = wrong[0]
        true_values = [f.object for f in group]
        rendered = fact.relation.render("statement", fact.subject, value)
        word = noun(pack, source_of(pack, fact))
        if len(true_values) > 1:
            # false only because the source's list leaves it out: say whose list it is
            said = framed(pack, fact, rendered, source_list=True)
            named = listing([v.display for v in true_values])
            why = f"False. Here the {word} names {named} — not {value.display}."
            if fact.explanation:
                why += f" {fact.explanation}"
        else:
            said = framed(pack, fact, rendered)
            why = f"False. {why}"
    return Question(
        id=f"{fact.id}:true_false:{'true' if truth else 'false'}",
        kind="true_false",
        prompt=f"True or false? {said}",
        options=(TRUE, FALSE),
        topics=fact.topics,
        key=One(0 if truth else 1),
        origin=Origin(
            facts=(fact.id,),
            quotes=passages(pack, fact.evidence),
            explanation=why,
            claim=Claim(fact.relation.id, "forward", fact.subject, (value,)),
        ),
    )


def _unique_answer(pack: Pack, fact: Fact, direction: Direction) -> bool:
    anchor, _ = sides(fact, direction)
    return (
        fact.relation.closed and len(index_of(pack).answers(fact.relation, direction, anchor)) == 1
    )


def _says_whose(pack: Pack, fact: Fact, direction: Direction, prompt: str) -> bool:
    """Where the world holds more answers than the source (`also_true`), a question with one
    right answer must ask what the source says."""
    if direction != "forward" or not fact.relation.also_true:
        return True
    return f"the {noun(pack, source_of(pack, fact))}" in prompt.lower()


def typed(pack: Pack, fact: Fact, direction: Direction, rng: random.Random) -> Question | None:
    anchor, key = sides(fact, direction)
    if not isinstance(key, Entity) or not _unique_answer(pack, fact, direction):
        return None
    prompt = ask(pack, fact, direction)
    if prompt is None or "of these" in prompt.lower():
        return None  # "Which of these …?" asks to pick from options, not to type
    if not _says_whose(pack, fact, direction, prompt):
        return None
    accepted = answer_forms(pack, key)
    if any(contains_phrase(prompt, n) for n in accepted[len(key.names) :]):
        return None
    rivals = _rivals(pack, key)
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
) -> Question | None:
    """ "Name one …": a typed answer that takes any value of a list the source gives in full.
    Recall without wrong options, for lists with no safe near miss (the countries Lithuanians
    deployed to: any other country might have had a deployment the article does not tell)."""
    first = facts[0]
    relation = first.relation
    template = f"{direction}_any"
    if not relation.closed or template not in relation.templates or len(facts) < 2:
        return None
    anchor, _ = sides(first, direction)
    keys = [k for f in facts if isinstance(k := sides(f, direction)[1], Entity)]
    if len(keys) != len(facts):
        return None
    prompt = framed(pack, first, relation.render(template, **_placed(direction, anchor)))
    if not _says_whose(pack, first, direction, prompt):
        return None
    answer = listing([k.display for k in keys], "or")
    accepted = tuple(dict.fromkeys([answer, *(n for k in keys for n in answer_forms(pack, k))]))
    if any(contains_phrase(prompt, n) for n in accepted):
        return None
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


def _rivals(pack: Pack, key: Entity) -> tuple[str, ...]:
    """Every name of the other values of the key's type: a typo closer to one of them is not
    forgiven. One shared tuple per type, sliced around the key."""
    memo = index_of(pack).memo
    found = memo.get(("rivals", key.type))
    if not isinstance(found, tuple):
        names: list[str] = []
        spans: dict[object, tuple[int, int]] = {}
        for v in pack.pool(key.type):
            start = len(names)
            names.extend(v.names)
            spans[v.key] = (start, len(names))
        found = memo[("rivals", key.type)] = (tuple(names), spans)
    everything, where = found
    start, end = where[key.key]
    return everything[:start] + everything[end:]


def number(pack: Pack, fact: Fact, rng: random.Random) -> Question | None:
    key = fact.object
    template = "forward"
    unit = ""
    if isinstance(key, When):
        if "year" in fact.relation.templates:
            template = "year"  # "In which year …?" of a full date
        elif key.precision != "year":
            return None
        answer: int | float = key.year
    elif isinstance(key, Number) and not key.approx:
        # A rounded figure ("over 1,000") has no single right number: it is asked only as
        # multiple choice, where its options are written the same way.
        answer = key.value
        unit = fact.relation.unit or ""
    else:
        return None
    if not _unique_answer(pack, fact, "forward"):
        return None
    prompt = ask(pack, fact, "forward", template)
    if prompt is None or _names_number(prompt, answer):
        return None
    if not _says_whose(pack, fact, "forward", prompt):
        return None
    return Question(
        id=f"{fact.id}:number",
        kind="number",
        prompt=prompt,
        options=(),
        topics=fact.topics,
        key=Figure(answer, 0.0, unit),
        origin=Origin(
            facts=(fact.id,),
            quotes=passages(pack, fact.evidence),
            explanation=explanation(pack, fact),
            claim=Claim(fact.relation.id, "forward", fact.subject, (key,)),
        ),
    )


def _names_number(text: str, value: int | float) -> bool:
    words = [str(value)]
    if isinstance(value, int) and 0 <= value < len(NUMBER_WORDS):
        words.append(NUMBER_WORDS[value])
    return any(re.search(rf"(?<![\w.,]){re.escape(w)}(?![\w])", text, re.I) for w in words)


def multi(
    pack: Pack, facts: list[Fact], direction: Direction, rng: random.Random
) -> Question | None:
    """Select all that apply, over the facts that share a subject (forward) or object."""
    first = facts[0]
    relation = first.relation
    template = f"{direction}_all"
    if not relation.closed or template not in relation.templates:
        return None
    anchor, _ = sides(first, direction)
    prompt = framed(pack, first, relation.render(template, **_placed(direction, anchor)))
    rights = [sides(f, direction)[1] for f in facts]
    folded_prompt = fold(prompt)
    rights = [v for v in rights if not names_in(folded_prompt, v)]
    if not rights:
        return None
    rng.shuffle(rights)
    rights = rights[: rng.randint(min(2, len(rights)), min(4, len(rights)))]
    wrong = candidates(
        pack, relation, direction, anchor, rights, prompt, rng, max(2, 5 - len(rights))
    )
    if not wrong or giveaway(prompt, [v.display for v in rights], [v.display for v in wrong]):
        return None
    values = _arrange(rights + wrong, rng)
    right_keys = {v.key for v in rights}
    shown = [f for f in facts if sides(f, direction)[1].key in right_keys]
    word = noun(pack, source_of(pack, first))
    chosen = [v.display for v in values if v.key in right_keys]
    left_out = [v.display for v in values if v.key not in right_keys]
    why = (
        f"Of these, the {word} names {listing(chosen)}; "
        f"it does not name {listing(left_out, 'or')} here."
    )
    # one note, never one per right option (a note per fact would repeat the same sentence)
    notes = list(dict.fromkeys(f.explanation for f in shown if f.explanation))
    notes = notes if len(notes) == 1 else []
    return Question(
        id=f"{first.id}:multi:{direction}",
        kind="multi",
        prompt=prompt,
        options=tuple(v.display for v in values),
        topics=tuple(dict.fromkeys(t for f in shown for t in f.topics)),
        key=Many(frozenset(i for i, v in enumerate(values) if v.key in right_keys)),
        origin=Origin(
            facts=tuple(f.id for f in shown),
            quotes=passages(pack, [q for f in shown for q in f.evidence]),
            explanation=" ".join([why, *notes]),
            claim=Claim(relation.id, direction, anchor, tuple(values)),
        ),
    )
