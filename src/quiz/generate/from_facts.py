"""Question kinds built from one fact, or from the facts that share a subject or object.

Each builder returns None when the bank cannot make that question honestly
(too few proven-false options, an answer that is not unique, a prompt that
would give the answer away): a question left out is better than a wrong one.
"""

from __future__ import annotations

import random

from quiz.generate.distractors import candidates, sort_if_ordered
from quiz.generate.truth import Direction, answers_for
from quiz.packs.model import Entity, Fact, Number, Pack, Value, When
from quiz.question import Claim, Figure, Many, One, Origin, Question, Text, WhyWrong
from quiz.text import contains_phrase

TRUE, FALSE = "True", "False"
CHOICE_OPTIONS = 4


def sides(fact: Fact, direction: Direction) -> tuple[Value, Value]:
    """(the given value, the asked value) of a fact read in one direction."""
    return (fact.subject, fact.object) if direction == "forward" else (fact.object, fact.subject)


def ask(fact: Fact, direction: Direction, template: str | None = None) -> str | None:
    """The prompt asking for one side of a fact, or None if it would give the answer away."""
    template = template or direction
    if template not in fact.relation.templates:
        return None
    anchor, key = sides(fact, direction)
    prompt = fact.relation.render(template, **_placed(direction, anchor))
    if any(contains_phrase(prompt, n) for n in key.names):
        return None
    return prompt


def _placed(direction: Direction, anchor: Value) -> dict[str, Value]:
    return {"subject": anchor} if direction == "forward" else {"obj": anchor}


def explanation(fact: Fact) -> str:
    return f"{fact.statement} {fact.explanation}" if fact.explanation else fact.statement


def _arrange(values: list[Value], rng: random.Random) -> list[Value]:
    ordered = sort_if_ordered(values)
    if ordered is not None:
        return ordered
    values = list(values)
    rng.shuffle(values)
    return values


def why_wrong(pack: Pack, fact: Fact, direction: Direction, value: Value) -> WhyWrong | None:
    """The fact a wrong option really belongs to: the same relation first, then any other."""
    side = "object" if direction == "forward" else "subject"
    same = [
        f
        for f in pack.facts_by_relation.get(fact.relation.id, ())
        if getattr(f, side).key == value.key
    ]
    other = pack.facts_about.get(value.key, ())
    for f in (*same, *other):
        return WhyWrong(f.id, f.statement, f.quote)
    return None


def choice(pack: Pack, fact: Fact, direction: Direction, rng: random.Random) -> Question | None:
    if not fact.relation.closed:
        return None
    prompt = ask(fact, direction)
    if prompt is None:
        return None
    anchor, key = sides(fact, direction)
    wrong = candidates(
        pack, fact.relation, direction, anchor, [key], prompt, rng, CHOICE_OPTIONS - 1
    )
    if len(wrong) < 2:
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
            quotes=fact.evidence,
            explanation=explanation(fact),
            why_wrong=reasons,
            claim=Claim(fact.relation.id, direction, anchor, tuple(values)),
        ),
    )


def true_false(pack: Pack, fact: Fact, truth: bool, rng: random.Random) -> Question | None:
    value = fact.object
    why = explanation(fact)
    if not truth:
        if not fact.relation.closed:
            return None
        # The rest of the statement: a wrong value already named in it ("Lithuania" in
        # "… the forward force in Lithuania") would make an arguable false statement.
        rest = fact.statement.replace(fact.object.display, " ")
        wrong = candidates(
            pack, fact.relation, "forward", fact.subject, [fact.object], rest, rng, 1
        )
        if not wrong:
            return None
        value = wrong[0]
        true_values = answers_for(pack, fact.relation, "forward", fact.subject)
        named = ", ".join(v.display for v in true_values)
        listing = f" Not in the article's list: {named}." if len(true_values) > 1 else ""
        why = f"False.{listing} {why}"
    statement = fact.relation.render("statement", fact.subject, value)
    return Question(
        id=f"{fact.id}:true_false:{'true' if truth else 'false'}",
        kind="true_false",
        prompt=f"True or false? {statement}",
        options=(TRUE, FALSE),
        topics=fact.topics,
        key=One(0 if truth else 1),
        origin=Origin(
            facts=(fact.id,),
            quotes=fact.evidence,
            explanation=why,
            claim=Claim(fact.relation.id, "forward", fact.subject, (value,)),
        ),
    )


def _unique_answer(pack: Pack, fact: Fact, direction: Direction) -> bool:
    anchor, _ = sides(fact, direction)
    return fact.relation.closed and len(answers_for(pack, fact.relation, direction, anchor)) == 1


def typed(pack: Pack, fact: Fact, direction: Direction, rng: random.Random) -> Question | None:
    anchor, key = sides(fact, direction)
    if not isinstance(key, Entity) or not _unique_answer(pack, fact, direction):
        return None
    prompt = ask(fact, direction)
    if prompt is None or "of these" in prompt.lower():
        return None  # "Which of these …?" asks to pick from options, not to type
    rivals = tuple(n for v in pack.pool(key.type) if v.key != key.key for n in v.names)
    return Question(
        id=f"{fact.id}:typed:{direction}",
        kind="typed",
        prompt=prompt,
        options=(),
        topics=fact.topics,
        key=Text(key.display, key.names, rivals),
        origin=Origin(
            facts=(fact.id,),
            quotes=fact.evidence,
            explanation=explanation(fact),
            claim=Claim(fact.relation.id, direction, anchor, (key,)),
        ),
    )


def number(pack: Pack, fact: Fact, rng: random.Random) -> Question | None:
    key = fact.object
    if isinstance(key, When):
        if key.precision != "year":
            return None
        answer: int | float = key.year
        tolerance = 0.0
    elif isinstance(key, Number) and not key.approx:
        # A rounded figure ("over 1,000") has no single right number: it is asked only as
        # multiple choice, where its options are written the same way.
        answer = key.value
        tolerance = 0.0
    else:
        return None
    if not _unique_answer(pack, fact, "forward"):
        return None
    prompt = ask(fact, "forward")
    if prompt is None or str(answer) in prompt:
        return None
    return Question(
        id=f"{fact.id}:number",
        kind="number",
        prompt=prompt,
        options=(),
        topics=fact.topics,
        key=Figure(answer, tolerance),
        origin=Origin(
            facts=(fact.id,),
            quotes=fact.evidence,
            explanation=explanation(fact),
            claim=Claim(fact.relation.id, "forward", fact.subject, (key,)),
        ),
    )


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
    prompt = relation.render(template, **_placed(direction, anchor))
    rights = [sides(f, direction)[1] for f in facts]
    rights = [v for v in rights if not any(contains_phrase(prompt, n) for n in v.names)]
    if not rights:
        return None
    rng.shuffle(rights)
    rights = rights[: rng.randint(min(2, len(rights)), min(4, len(rights)))]
    wrong = candidates(
        pack, relation, direction, anchor, rights, prompt, rng, max(2, 5 - len(rights))
    )
    if not wrong:
        return None
    values = _arrange(rights + wrong, rng)
    right_keys = {v.key for v in rights}
    shown = [f for f in facts if sides(f, direction)[1].key in right_keys]
    return Question(
        id=f"{first.id}:multi:{direction}",
        kind="multi",
        prompt=prompt,
        options=tuple(v.display for v in values),
        topics=tuple(dict.fromkeys(t for f in shown for t in f.topics)),
        key=Many(frozenset(i for i, v in enumerate(values) if v.key in right_keys)),
        origin=Origin(
            facts=tuple(f.id for f in shown),
            quotes=tuple(dict.fromkeys(q for f in shown for q in f.evidence)),
            explanation=" ".join(dict.fromkeys(f.statement for f in shown)),
            claim=Claim(relation.id, direction, anchor, tuple(values)),
        ),
    )
