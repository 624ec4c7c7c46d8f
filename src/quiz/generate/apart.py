"""Questions that would answer each other, kept apart in a round or paper.

A question's prompt and options are read by the student before any other
question is answered: an evidence question's options are sentences of the
source, which may prove the question beside it; a statement ("Lithuania led a
team in Afghanistan") names what a recall question asks ("In which country
…?"); "… marked the 50th anniversary of what?" answers "How many years after
…?". So a round never holds a question whose prompt or options name both the
subject and the object of a fact another question asks (a fact both questions
ask is kept apart by the round's own rule: one fact, one question).

The test is by names, not by meaning, and leans to keeping apart: a word that
starts with a name counts ("Lithuanian" for Lithuania, "Russia's" for Russia), a
date counts by its year, a number in digits, words or as an ordinal ("14th").
Three more give-aways are caught without names:
- an evidence question's wrong option holding, word for word, a passage that proves
  another question (its sentences are drawn anew each round, and one may state
  "Warsaw (2016)" in words no name test matches): a cheap substring test;
- a text naming what a typed question asks ("Russia's aggression …" beside
  "… military aircraft of which country?");
- two questions with one option set, or on two facts of one relation with one
  object ("Which of these countries joined NATO on 29 March 2004?" beside "On
  what date did Latvia join NATO?").
"""

from __future__ import annotations

from collections.abc import Iterable

from quiz.generate.evidence import names_day, touches
from quiz.generate.index import index_of
from quiz.packs.model import Entity, Fact, Pack, When
from quiz.question import One, Question
from quiz.text import fold


def shown(q: Question) -> str:
    """What a student reads of a question before answering it."""
    return " \n ".join((q.prompt, *q.options))


def states_fact(pack: Pack, text: str, fact: Fact) -> bool:
    """The text names the fact's subject and hints at its object."""
    return touches(text, fact.subject) and touches(text, fact.object)


def stated(pack: Pack, q: Question) -> frozenset[str]:
    """The ids of every fact (but those it asks) whose subject and object the question's text
    names: for `quiz check`, which weighs every question against every fact. A round asks
    `answers` of the few questions it holds instead, so its cost does not grow with the pack."""
    text = shown(q)
    own = set(q.facts)
    return frozenset(
        f.id
        for f in pack.facts
        if f.id not in own and not f.background and states_fact(pack, text, f)
    )


def answers(pack: Pack, a: Question, b: Question) -> bool:
    """Whether a's prompt or options state what b asks (a fact b asks and a does not)."""
    text = shown(a)
    for fid in b.facts:
        fact = pack.fact_by_id.get(fid)  # a hand-written question's id is no fact
        if fact is not None and fid not in a.facts and states_fact(pack, text, fact):
            return True
    return (
        quotes_proof(pack, a, b)
        or names_typed_answer(a, b)
        or names_day_asked(a, b)
        or same_options(a, b)
        or same_question(pack, a, b)
        or linked_twins(pack, a, b)
    )


def proofs(pack: Pack, q: Question) -> list[str]:
    """The passages that prove q's answer, folded: its facts' quotes (a hand-written
    question's own quote)."""
    found = [
        fold(quote.text)
        for fid in q.facts
        if (fact := pack.fact_by_id.get(fid)) is not None and not fact.background
        for quote in fact.evidence
    ]
    if not found and q.origin.hand_written:
        found = [fold(x.text) for x in q.origin.quotes]
    return [p for p in found if p]


def quotes_proof(pack: Pack, a: Question, b: Question) -> bool:
    """An evidence question's wrong option (a sentence of the source) holds a passage that
    proves b."""
    if a.kind != "evidence" or not a.options:
        return False
    own = set(a.facts)
    if own and own >= set(b.facts):
        return False  # the same facts: one question per fact is the round's own rule
    right = a.key.right if isinstance(a.key, One) else None  # its proof: `states_fact` weighs it
    options = [f" {fold(o)} " for i, o in enumerate(a.options) if i != right]
    return any(f" {p} " in o for p in proofs(pack, b) for o in options)


def names_typed_answer(a: Question, b: Question) -> bool:
    """a's text names what typed question b asks for: typed from memory it is no recall."""
    claim = b.origin.claim
    if b.kind != "typed" or claim is None or set(a.facts) & set(b.facts):
        return False
    text = shown(a)
    return any(isinstance(v, Entity) and touches(text, v) for v in claim.values)


def names_day_asked(a: Question, b: Question) -> bool:
    """b offers days of one year, so it asks the day, and a's text names the key's day and
    month, though no year ("The 29th of March is an immensely important date to Lithuania"
    among an evidence question's sentences, beside "On what date did Estonia join NATO?"
    offering four days of 2004: a reader found it)."""
    claim = b.origin.claim
    if b.kind != "choice" or claim is None or set(a.facts) & set(b.facts):
        return False
    days = [v for v in claim.values if isinstance(v, When)]
    if len(days) != len(claim.values) or len({d.year for d in days}) != 1:
        return False
    key = days[b.key.right] if isinstance(b.key, One) else None
    return key is not None and names_day(shown(a), key)


def same_options(a: Question, b: Question) -> bool:
    """Two questions offering the same options: the second is the first reworded."""
    if len(a.options) < 2 or a.kind not in ("choice", "multi") or b.kind != a.kind:
        return False
    return {fold(o) for o in a.options} == {fold(o) for o in b.options}


def same_question(pack: Pack, a: Question, b: Question) -> bool:
    """A fact of a and a fact of b state one relation with one object ("Latvia joined on
    29 March 2004", "Slovakia joined on 29 March 2004"): one answers the other."""
    mine = _relation_objects(pack, a)
    return bool(mine) and not mine.isdisjoint(_relation_objects(pack, b))


def linked_twins(pack: Pack, a: Question, b: Question) -> bool:
    """a and b have one answer, and a fact of the pack links what each asks from ("Which
    country joined NATO along with Lithuania?" and "Which country became a member on
    29 March 2004?", linked by "Lithuania joined on 29 March 2004"): one question in two
    wordings, whose second a round would give away by repeating the first's answer."""
    ca, cb = a.origin.claim, b.origin.claim
    if ca is None or cb is None or ca.anchor.key == cb.anchor.key:
        return False
    if not _answer_keys(a) & _answer_keys(b):
        return False
    return frozenset((ca.anchor.key, cb.anchor.key)) in _linked(pack)


def _linked(pack: Pack) -> frozenset[frozenset[object]]:
    """The pairs of values a fact of the pack links (subject and object), made once per pack:
    a lookup, not a walk over every fact about a value (all the pack's countries, for the
    organisation they all belong to)."""
    memo = index_of(pack).memo
    found = memo.get(("linked values",))
    if not isinstance(found, frozenset):
        found = memo[("linked values",)] = frozenset(
            frozenset((f.subject.key, f.object.key)) for f in pack.facts
        )
    return found


def _answer_keys(q: Question) -> set[object]:
    claim = q.origin.claim
    if claim is None:
        return set()
    if q.kind in ("choice", "multi"):
        return {claim.values[i].key for i in q.key.rights() if i < len(claim.values)}
    if q.kind == "typed" and len(claim.values) == 1:
        return {claim.values[0].key}
    return set()


def _relation_objects(pack: Pack, q: Question) -> frozenset[tuple[str, object]]:
    """(relation, object) of each fact q asks, once per set of facts (a round weighs each
    question it keeps against every question it tries)."""
    if len(q.facts) > 2:  # a list or a time order: no one answer a near twin could give
        return frozenset()
    memo = index_of(pack).memo
    key = ("relation objects", q.facts)
    found = memo.get(key)
    if not isinstance(found, frozenset):
        found = memo[key] = frozenset(
            (f.relation.id, f.object.key)
            for fid in q.facts
            if (f := pack.fact_by_id.get(fid)) is not None
        )
    return found


def clash(pack: Pack, q: Question, others: Iterable[Question]) -> Question | None:
    """The first of `others` that q answers or that answers q, if any."""
    for other in others:
        if answers(pack, q, other) or answers(pack, other, q):
            return other
    return None


def pairs(pack: Pack, questions: list[Question]) -> list[tuple[Question, Question]]:
    """Every (a, b) of the questions where a's text states what b asks: the pairs a round
    keeps apart (`quiz check` lists them)."""
    asking: dict[str, list[Question]] = {}
    for q in questions:
        for f in q.facts:
            asking.setdefault(f, []).append(q)
    out: list[tuple[Question, Question]] = []
    seen: set[tuple[str, str]] = set()
    for a in questions:
        for fid in sorted(stated(pack, a)):
            for b in asking.get(fid, ()):
                if b.id != a.id and fid not in a.facts and (a.id, b.id) not in seen:
                    seen.add((a.id, b.id))
                    out.append((a, b))
    return out
