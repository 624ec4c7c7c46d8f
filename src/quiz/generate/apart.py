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
starts with a name counts ("Lithuanian" for Lithuania), a date counts by its
year, a number in digits, words or as an ordinal ("14th").
"""

from __future__ import annotations

from collections.abc import Iterable

from quiz.generate.evidence import touches
from quiz.packs.model import Fact, Pack
from quiz.question import Question


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
    return False


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
