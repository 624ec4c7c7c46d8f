"""Re-checking a built question against the bank, independently of how it was built.

`quiz check` runs this over every question a pack can produce and the tests
run it over many seeds: a question that marks a wrong answer right, offers two
right options, or quotes words the source lacks must never reach a player.
"""

from __future__ import annotations

from quiz.generate.truth import holds, proven_false
from quiz.kinds import KINDS
from quiz.packs.model import Pack, When
from quiz.packs.quotes import sentences_covering
from quiz.question import Figure, Many, One, Order, Question, Text
from quiz.text import contains_phrase, fold


def verify(pack: Pack, q: Question) -> list[str]:
    """Every way the question breaks the product's promise (empty when it is sound)."""
    info = KINDS.get(q.kind)
    if info is None or not isinstance(q.key, info.key):
        return [f"kind {q.kind!r} does not take a {type(q.key).__name__} key"]
    problems = _quotes(pack, q) + _options(q)
    if q.origin.hand_written:
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


def _quotes(pack: Pack, q: Question) -> list[str]:
    problems = []
    quotes = list(q.origin.quotes) + [w.quote for _, w in q.origin.why_wrong]
    if not q.origin.quotes:
        problems.append("no quote proves the answer")
    for quote in quotes:
        source = pack.sources.get(quote.source)
        if source is None:
            problems.append(f"quote names unknown source {quote.source!r}")
        elif source.text[quote.start : quote.end] != quote.text:
            problems.append(f"quote is not verbatim at {quote.start}:{quote.end}")
    return problems


def _options(q: Question) -> list[str]:
    problems = []
    folded = [fold(o) for o in q.options]
    if len(set(folded)) != len(folded):
        problems.append("two options read the same after folding case and accents")
    key = q.key
    if isinstance(key, One) and not 0 <= key.right < len(q.options):
        problems.append("the answer is not among the options")
    if isinstance(key, Many) and not key.right <= set(range(len(q.options))):
        problems.append("the answer is not among the options")
    if isinstance(key, Order) and sorted(key.order) != list(range(len(q.options))):
        problems.append("the answer is not a reordering of the options")
    if isinstance(key, Text | Figure) and q.options:
        problems.append("a typed question shows options")
    if q.kind in ("choice", "evidence") and len(q.options) < 3:
        problems.append("fewer than three options")
    return problems


def _no_giveaway(q: Question) -> list[str]:
    key = q.key
    if isinstance(key, Text):
        keys: tuple[str, ...] = key.accepted
    elif isinstance(key, Figure):
        keys = (key.answer_text(()),)
    else:
        keys = tuple(q.options[i] for i in sorted(key.rights()))
    return [f"the prompt contains the answer {k!r}" for k in keys if contains_phrase(q.prompt, k)]


def _claims(pack: Pack, q: Question) -> list[tuple[int, bool, bool]]:
    """(option index, holds, proven false) for each value the question claims about."""
    claim = q.origin.claim
    assert claim is not None, f"{q.id} has no claim to verify"
    relation = pack.relations[claim.relation]
    return [
        (
            i,
            holds(pack, relation, claim.direction, claim.anchor, v),
            proven_false(pack, relation, claim.direction, claim.anchor, v),
        )
        for i, v in enumerate(claim.values)
    ]


def _choice(pack: Pack, q: Question) -> list[str]:
    problems = []
    if q.origin.claim is None or len(q.origin.claim.values) != len(q.options):
        return ["the options do not match the values they stand for"]
    for i, true, false in _claims(pack, q):
        if i in q.key.rights() and not true:
            problems.append(f"the answer {q.options[i]!r} is not stated by the bank")
        if i not in q.key.rights() and not false:
            problems.append(f"wrong option {q.options[i]!r} is not proven false")
    return problems


def _true_false(pack: Pack, q: Question) -> list[str]:
    claims = _claims(pack, q)
    if len(claims) != 1 or q.options != ("True", "False"):
        return ["a true/false question states one value and offers True and False"]
    _, true, false = claims[0]
    says_true = q.key.rights() == {0}
    if says_true and not true:
        return ["a 'True' statement is not stated by the bank"]
    if not says_true and not false:
        return ["a 'False' statement is not proven false"]
    return []


def _single_key(pack: Pack, q: Question) -> list[str]:
    claim = q.origin.claim
    assert claim is not None
    relation = pack.relations[claim.relation]
    problems = [] if all(t for _, t, _ in _claims(pack, q)) else ["the key is not stated"]
    answers = (
        pack.objects_of(relation, claim.anchor)
        if claim.direction == "forward"
        else pack.subjects_of(relation, claim.anchor)
    )
    if not relation.closed or len(answers) != 1:
        problems.append("the answer is not unique in a closed relation")
    return problems


def _multi(pack: Pack, q: Question) -> list[str]:
    if q.origin.claim is None or len(q.origin.claim.values) != len(q.options):
        return ["the options do not match the values they stand for"]
    claims = _claims(pack, q)
    rights = q.key.rights()
    problems = [] if rights and len(rights) < len(claims) else ["needs a right and a wrong option"]
    for i, true, false in claims:
        if i in rights and not true:
            problems.append(f"option {q.options[i]!r} marked right is not stated by the bank")
        if i not in rights and not false:
            problems.append(f"option {q.options[i]!r} marked wrong is not proven false")
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
    if len(facts) != len(q.options):
        problems.append("the events do not match the options")
    return problems


def _evidence(pack: Pack, q: Question) -> list[str]:
    text = pack.sources[q.quote.source].text
    span = sentences_covering(text, q.quote.start, q.quote.end)
    problems = []
    assert isinstance(q.key, One)
    if q.options[q.key.right] != text[span.start : span.end]:
        problems.append("the answer is not the sentence holding the quote")
    fact = pack.fact_by_id[q.fact]
    for i, option in enumerate(q.options):
        if i == q.key.right:
            continue
        if any(e.text in option for e in fact.evidence):
            problems.append("a wrong sentence holds the claim's quote")
        for value in (fact.subject, fact.object):
            if any(contains_phrase(option, n) for n in value.names):
                problems.append(f"a wrong sentence mentions {value.display!r}")
    return problems
