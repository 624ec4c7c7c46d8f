"""Re-checking a built question against the bank, independently of how it was built.

`quiz check` runs this over every question a pack can produce and the tests
run it over many seeds: a question that marks a wrong answer right, offers two
right options, or quotes words the source lacks must never reach a player.
"""

from __future__ import annotations

from quiz.generate.question import Question
from quiz.generate.truth import holds, proven_false
from quiz.packs.model import Pack, When
from quiz.packs.quotes import sentences_covering
from quiz.text import contains_phrase, fold


def verify(pack: Pack, q: Question) -> list[str]:
    """Every way the question breaks the product's promise (empty when it is sound)."""
    problems = _quote(pack, q) + _options(q)
    if q.hand_written:
        return problems
    if q.kind in ("choice", "typed", "number", "multi"):
        problems += _no_giveaway(q)
    checker = {
        "choice": _choice,
        "true_false": _true_false,
        "typed": _single_key,
        "number": _single_key,
        "multi": _multi,
        "order": _order,
        "evidence": _evidence,
    }[q.kind]
    return problems + checker(pack, q)


def _quote(pack: Pack, q: Question) -> list[str]:
    source = pack.sources.get(q.quote.source)
    if source is None:
        return [f"quote names unknown source {q.quote.source!r}"]
    if source.text[q.quote.start : q.quote.end] != q.quote.text:
        return [f"quote is not verbatim at {q.quote.start}:{q.quote.end}"]
    return []


def _options(q: Question) -> list[str]:
    problems = []
    folded = [fold(o) for o in q.options]
    if len(set(folded)) != len(folded):
        problems.append("two options read the same after folding case and accents")
    if q.options and not set(q.answers) <= set(q.options):
        problems.append("the answer is not among the options")
    if q.kind in ("choice", "evidence") and len(q.options) < 3:
        problems.append("fewer than three options")
    return problems


def _no_giveaway(q: Question) -> list[str]:
    keys = q.answers or (str(q.answer),)
    if q.kind == "typed":
        keys = q.accepted
    return [f"the prompt contains the answer {k!r}" for k in keys if contains_phrase(q.prompt, k)]


def _claims(pack: Pack, q: Question) -> list[tuple[str, bool, bool]]:
    """(option text, holds, proven false) for each option's value."""
    relation = pack.relations[q.relation or ""]
    assert q.direction is not None and q.anchor is not None
    texts = q.options or (str(q.answer),)
    return [
        (
            t,
            holds(pack, relation, q.direction, q.anchor, v),
            proven_false(pack, relation, q.direction, q.anchor, v),
        )
        for t, v in zip(texts, q.values, strict=True)
    ]


def _choice(pack: Pack, q: Question) -> list[str]:
    problems = []
    for text, true, false in _claims(pack, q):
        if text == q.answer and not true:
            problems.append(f"the answer {text!r} is not stated by the bank")
        if text != q.answer and not false:
            problems.append(f"wrong option {text!r} is not proven false")
    return problems


def _true_false(pack: Pack, q: Question) -> list[str]:
    relation = pack.relations[q.relation or ""]
    assert q.direction is not None and q.anchor is not None
    value = q.values[0]
    if q.answer == "True" and not holds(pack, relation, q.direction, q.anchor, value):
        return ["a 'True' statement is not stated by the bank"]
    if q.answer == "False" and not proven_false(pack, relation, q.direction, q.anchor, value):
        return ["a 'False' statement is not proven false"]
    return []


def _single_key(pack: Pack, q: Question) -> list[str]:
    relation = pack.relations[q.relation or ""]
    assert q.direction is not None and q.anchor is not None
    problems = [] if all(t for _, t, _ in _claims(pack, q)) else ["the key is not stated"]
    answers = (
        pack.objects_of(relation, q.anchor)
        if q.direction == "forward"
        else pack.subjects_of(relation, q.anchor)
    )
    if not relation.closed or len(answers) != 1:
        problems.append("the answer is not unique in a closed relation")
    return problems


def _multi(pack: Pack, q: Question) -> list[str]:
    claims = _claims(pack, q)
    right = [t for t, _, _ in claims if t in q.answers]
    problems = [] if right and len(right) < len(claims) else ["needs a right and a wrong option"]
    for text, true, false in claims:
        if text in q.answers and not true:
            problems.append(f"option {text!r} marked right is not stated by the bank")
        if text not in q.answers and not false:
            problems.append(f"option {text!r} marked wrong is not proven false")
    return problems


def _order(pack: Pack, q: Question) -> list[str]:
    facts = [pack.fact_by_id[f] for f in q.facts]
    times = [f.object for f in facts]
    problems = []
    for i, a in enumerate(times):
        for b in times[i + 1 :]:
            if isinstance(a, When) and isinstance(b, When) and a.same_time(b):
                problems.append(f"two events tie in time ({a.display}, {b.display})")
    if [t.key for t in times] != sorted(t.key for t in times):
        problems.append("the answer is not in time order")
    if len(set(q.answers)) != len(q.options) or set(q.answers) != set(q.options):
        problems.append("the answer is not a reordering of the options")
    return problems


def _evidence(pack: Pack, q: Question) -> list[str]:
    text = pack.sources[q.quote.source].text
    span = sentences_covering(text, q.quote.start, q.quote.end)
    problems = []
    if q.answer != text[span.start : span.end]:
        problems.append("the answer is not the sentence holding the quote")
    fact = pack.fact_by_id[q.fact]
    for option in q.options:
        if option == q.answer:
            continue
        if any(e.text in option for e in fact.evidence):
            problems.append("a wrong sentence holds the claim's quote")
        for value in (fact.subject, fact.object):
            if any(contains_phrase(option, n) for n in value.names):
                problems.append(f"a wrong sentence mentions {value.display!r}")
    return problems
