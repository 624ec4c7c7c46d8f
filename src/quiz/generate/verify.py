"""Re-checking a built question against the bank, independently of how it was built.

`quiz check` runs this over every question a pack can produce and the tests
run it over many seeds: a question that marks a wrong answer right, offers two
right options, or quotes words the source lacks must never reach a player.
"""

from __future__ import annotations

import re

from quiz.generate.evidence import trimmed_copy
from quiz.generate.truth import holds, proven_false
from quiz.kinds import KINDS
from quiz.languages import Language
from quiz.languages import get as language_of
from quiz.numbers import plain_digits
from quiz.packs.model import Entity, Number, Pack, Value, When
from quiz.packs.quotes import sentences_covering
from quiz.packs.stated import names, words
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
    if q.origin.claim is not None:
        problems += _frames(pack, q) + _why_wrong(pack, q) + _roles(pack, q)
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


def verify_all(questions: list[Question]) -> list[tuple[str, str]]:
    """What no single question shows: (question id, problem) for a question that repeats an
    earlier one (the same prompt and options, or the same statement)."""
    seen: dict[tuple[str, tuple[str, ...]], str] = {}
    problems = []
    for q in questions:
        key = (q.prompt, q.options)
        if key in seen:
            problems.append((q.id, f"repeats question {seen[key]}"))
        seen.setdefault(key, q.id)
    return problems


def _frames(pack: Pack, q: Question) -> list[str]:
    """A claim true only as of the source's date says the date; a false statement whose
    falsity rests on the source's list says whose list it is."""
    claim = q.origin.claim
    assert claim is not None
    relation = pack.relations[claim.relation]
    source = pack.sources[q.quote.source]
    problems = []
    lang = pack.lang
    dated = lang.lead("according_year", noun=source.noun, year=source.as_of)
    if (
        relation.time_bound
        and source.as_of
        and not (f"({source.as_of})" in q.prompt or dated in q.prompt)
    ):
        problems.append(f"a time-bound claim is not framed by its date ({source.as_of})")
    if q.kind == "true_false" and q.key.rights() == {1}:
        answers = (
            pack.objects_of(relation, claim.anchor)
            if claim.direction == "forward"
            else pack.subjects_of(relation, claim.anchor)
        )
        whose = lang.lead("according", noun=source.noun).rstrip(", ").lower()
        if len(answers) > 1 and whose not in q.prompt.lower():
            problems.append(f"a statement false by the {source.noun}'s list does not say so")
    return problems


def _why_wrong(pack: Pack, q: Question) -> list[str]:
    """A reason for a wrong option is a fact of the question's own relation that gives the
    option for another subject; any other fact explains nothing."""
    claim = q.origin.claim
    assert claim is not None
    problems = []
    for i, why in q.origin.why_wrong:
        fact = pack.fact_by_id.get(why.fact)
        value = claim.values[i] if i < len(claim.values) else None
        asked = None
        if fact is not None:
            asked = fact.object if claim.direction == "forward" else fact.subject
        if fact is None or fact.relation.id != claim.relation or value is None:
            problems.append(f"why-not for {q.options[i]!r} cites another relation")
        elif asked is None or asked.key != value.key:
            problems.append(f"why-not for {q.options[i]!r} is about something else")
    return problems


def _roles(pack: Pack, q: Question) -> list[str]:
    """Wrong options play the right answer's role: entities of its group with all of its
    attributes, years near its year, numbers of its unit."""
    claim = q.origin.claim
    assert claim is not None
    relation = pack.relations[claim.relation]
    problems = []
    if isinstance(q.key, Figure) and q.key.unit != (relation.unit or ""):
        problems.append(f"the number's unit {q.key.unit!r} is not the relation's")
    if q.kind not in ("choice", "multi") or len(claim.values) != len(q.options):
        return problems
    rights = [claim.values[i] for i in sorted(q.key.rights())]
    for i, value in enumerate(claim.values):
        if i in q.key.rights():
            continue
        if isinstance(value, Entity) and not any(
            isinstance(r, Entity)
            and (r.group is None or r.group == value.group)
            and set(r.attributes) <= set(value.attributes)
            for r in rights
        ):
            problems.append(f"wrong option {q.options[i]!r} does not play the answer's role")
        if isinstance(value, When) and not any(
            isinstance(r, When) and abs(r.year - value.year) <= NEAR_YEARS for r in rights
        ):
            problems.append(f"wrong year {q.options[i]!r} is far from the answer's")
    return problems


NEAR_YEARS = 5  # a wrong date is a near miss: within this many years of a right one


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
    if len(claims) != 1 or q.options != (pack.lang.true, pack.lang.false):
        return ["a true/false question states one value and offers True and False"]
    _, true, false = claims[0]
    says_true = q.key.rights() == {0}
    if says_true and not true:
        return ["a 'True' statement is not stated by the bank"]
    if not says_true and not false:
        return ["a 'False' statement is not proven false"]
    return []


def _single_key(pack: Pack, q: Question) -> list[str]:
    """A typed or number key is every answer the bank gives: the one answer, or (a "name
    one" question) each of a closed relation's values for the anchor, all accepted."""
    claim = q.origin.claim
    assert claim is not None
    relation = pack.relations[claim.relation]
    problems = [] if all(t for _, t, _ in _claims(pack, q)) else ["the key is not stated"]
    answers = (
        pack.objects_of(relation, claim.anchor)
        if claim.direction == "forward"
        else pack.subjects_of(relation, claim.anchor)
    )
    if not relation.closed or len(answers) != len(claim.values):
        problems.append("the answers are not all the values of a closed relation")
    if isinstance(q.key, Text):
        accepted = {fold(a) for a in q.key.accepted}
        for value in claim.values:
            if not {fold(n) for n in value.names} <= accepted:
                problems.append(f"a right answer {value.display!r} is not accepted")
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
    """Re-checks the evidence rules from the text itself: the claim is a paraphrase of its
    proof, the proof states the whole claim, and the wrong sentences are on the claim's
    topic yet cannot prove it (they never touch the claim's object)."""
    text = pack.sources[q.quote.source].text
    span = sentences_covering(text, q.quote.start, q.quote.end)
    problems = []
    assert isinstance(q.key, One)
    answer = q.options[q.key.right]
    if answer != text[span.start : span.end]:
        problems.append("the answer is not the sentence holding the quote")
    fact = pack.fact_by_id[q.fact]
    noun = pack.sources[q.quote.source].noun
    lead = pack.lang.lead("evidence", noun=noun)
    if not q.prompt.startswith(lead):
        problems.append(f"the prompt does not name the source as the {noun}")
    claim = q.prompt[len(lead) :] if q.prompt.startswith(lead) else q.prompt
    run = shared_run(claim, answer)
    if run >= COPIED_RUN:
        problems.append(f"the claim copies {run} words in a row from its proof")
    if trimmed_copy(claim, answer, pack.lang.stopwords):
        problems.append("the claim is a trimmed copy of its proof")
    for value in (fact.subject, fact.object):
        if not names(answer, value):
            problems.append(f"the proof does not state {value.display!r}")
    para = _paragraph(text, span.start)
    topical = 0
    for i, option in enumerate(q.options):
        if i == q.key.right:
            continue
        if any(e.text in option for e in fact.evidence):
            problems.append("a wrong sentence holds the claim's quote")
        at = text.find(option)
        # a pronoun points back: before the source first names the subject, none stands for it
        named_before = at < 0 or names(text[:at], fact.subject)
        # of a claim's day, another month of its year is a near miss on it, not a proof
        proves = _hints(option, fact.object) and not (
            isinstance(fact.object, When) and _another_month_only(option, fact.object)
        )
        if proves and (
            names(option, fact.subject)
            or (named_before and _may_stand_for(option, fact.subject, pack.lang))
            or _part_of_name(option, fact.subject, pack.lang)
        ):
            problems.append(
                f"a wrong sentence mentions {fact.object.display!r} and may be about "
                f"{fact.subject.display!r}, so it could prove the claim"
            )
        same_paragraph = at >= 0 and _paragraph(text, at) == para
        if (
            same_paragraph
            or names(option, fact.subject)
            or _hints(option, fact.object)
            or _key_terms(claim) & _key_terms(option)
        ):
            topical += 1
    if topical < 2:
        problems.append("fewer than two wrong sentences are on the claim's topic")
    return problems


COPIED_RUN = 6  # an evidence claim may copy at most five words in a row from its proof


def shared_run(a: str, b: str) -> int:
    """The longest run of words two texts share (the quality benchmark counts with it too)."""
    x, y = words(a), words(b)
    best = 0
    prev = [0] * (len(y) + 1)
    for i in range(1, len(x) + 1):
        cur = [0] * (len(y) + 1)
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _hints(text: str, value: Value) -> bool:
    """Any trace of the value: a word beginning with one of its names, its year, its digits."""
    said = " " + " ".join(words(text))
    if isinstance(value, When):
        return re.search(rf"(?<!\d){value.year}(?!\d)", text) is not None
    if isinstance(value, Number):
        plain = re.escape(plain_digits(value.value))  # 2000000, not 2e+06
        digits = re.search(rf"(?<![\d.,]){plain}(?![\d])", text.replace(",", ""))
        return digits is not None or names(text, value)
    return any(" " + " ".join(words(n)) in said for n in value.names)


def _another_month_only(text: str, value: When) -> bool:
    """Whether a day's year stands in the text with another month only ("June 8, 1854" for
    "April 25, 1854"): no trace of that day, which the text cannot prove."""
    if value.day is None or value.month is None:
        return False
    lang = language_of(value.language)
    if lang.states_month(text, value.month):
        return False
    return any(lang.states_month(text, m) for m in range(1, 13) if m != value.month)


def _may_stand_for(text: str, subject: Value, lang: Language) -> bool:
    """The sentence holds a word that could stand for the subject it does not name ("it",
    "the Alliance", a word of the subject's name)."""
    return bool(set(words(text)) & lang.stands_for) or _part_of_name(text, subject, lang)


def _part_of_name(text: str, subject: Value, lang: Language) -> bool:
    """The sentence holds a word of the subject's name ("the forward force" for "the
    multinational forward force"): it may be about the subject wherever it stands."""
    said = set(words(text))
    if not isinstance(subject, Entity):
        return False
    return any(
        w in said for n in subject.names for w in words(n) if w not in lang.stopwords and len(w) > 3
    )


def _key_terms(text: str) -> set[str]:
    return {w for w in words(text) if len(w) >= 5}


def _paragraph(text: str, offset: int) -> int:
    return len(re.findall(r"\n[ \t\xa0]*\n", text[:offset]))
