"""The fifth reading's weak generated questions (issue 18), each as a rule over every
question both packs can produce: the bundled pack and the Gadsden pack, an unseen author's.

- date options that point to the key (a year-shifted twin sharing its day and month) or that
  the prompt rules out ("before the two signed their first treaty": options after it);
- evidence questions found by one word (no wrong sentence names the claim's subject or any
  of its names and dates);
- a recall question whose answer other prompts name beside its anchor ("With whom was James
  Gadsden sent to negotiate?" beside "… did Gadsden and Santa Anna sign …?");
- a bound ("over 1,000") offered as "about 1,000" among figures all below it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from unittest import mock

import pytest

import quiz.generate.evidence
from helpers import bundled, gadsden
from quiz.generate import all_questions
from quiz.generate.distractors import bound_of, named_entities
from quiz.generate.evidence import distinctive_terms, holds_term, states
from quiz.packs.model import Entity, Pack, When
from quiz.question import Figure, One, Question

PACKS = {"bundled": bundled, "gadsden": gadsden}
SEEDS = range(6)


@functools.cache
def _questions(name: str, seed: int) -> tuple[Question, ...]:
    return tuple(all_questions(PACKS[name](), seed))


CASES = [(name, seed) for name in PACKS for seed in SEEDS]
IDS = [f"{name}-{seed}" for name, seed in CASES]


def _right(q: Question) -> str:
    assert isinstance(q.key, One)
    return q.options[q.key.right]


def _date_choices(name: str, seed: int) -> list[tuple[Question, When, list[When]]]:
    out = []
    for q in _questions(name, seed):
        claim = q.origin.claim
        if q.kind != "choice" or claim is None or not isinstance(q.key, One):
            continue
        values = list(claim.values)
        if not all(isinstance(v, When) for v in values):
            continue
        key = values[q.key.right]
        out.append((q, key, [v for i, v in enumerate(values) if i != q.key.right]))
    return out


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_no_date_option_points_to_the_key_by_its_day_and_month(name: str, seed: int) -> None:
    """ "25 September 1851" beside "25 September 1853" and two other days: the key is the one
    whose day and month repeat. No wrong option shares the key's day and month (its month, for
    a month) unless all do, and then only the year is asked."""
    checked = 0
    for q, key, wrong in _date_choices(name, seed):
        if key.precision == "year":
            continue
        checked += 1
        same = [w for w in wrong if (w.month, w.day) == (key.month, key.day)]
        assert not same or len(same) == len(wrong), (q.id, q.options)
    assert checked >= 3


def _event_dates(pack: Pack, entity_id: str) -> list[When]:
    entity = pack.entities[entity_id]
    return [
        f.object
        for f in pack.facts_about.get(entity.key, ())
        if f.subject.key == entity.key and isinstance(f.object, When) and not f.background
    ]


def _order(a: When, b: When) -> int:
    x, y = a.truncated(a.precision), b.truncated(b.precision)
    n = min(len(x), len(y))
    return (x[:n] > y[:n]) - (x[:n] < y[:n])


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_no_date_option_is_ruled_out_by_an_event_the_prompt_names(name: str, seed: int) -> None:
    """ "… on what date did James Gadsden meet Santa Anna, before the two signed their first
    treaty?" offered 25 April and 8 June 1854: a student who knows the treaty's date (30
    December 1853) rules them out. Every option falls on the key's side of the dates of every
    event the prompt names (besides the one asked about)."""
    pack = PACKS[name]()
    for q, key, wrong in _date_choices(name, seed):
        claim = q.origin.claim
        assert claim is not None
        for entity_id in named_entities(pack, q.prompt):
            if pack.entities[entity_id].key == claim.anchor.key:
                continue
            for when in _event_dates(pack, entity_id):
                side = _order(key, when)
                if side == 0:
                    continue
                for w in wrong:
                    assert _order(w, when) == side, (q.id, q.options, when.display)


def test_the_meeting_is_asked_among_days_of_its_own_autumn() -> None:
    for seed in SEEDS:
        met = {q.id: q for q in _questions("gadsden", seed)}[
            "gadsden-met-santa-anna:choice:forward"
        ]
        assert all(o.endswith("1853") for o in met.options), met.options
        assert sum(o.startswith("25 September") for o in met.options) == 1, met.options


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_an_evidence_question_has_a_near_miss_by_name(name: str, seed: int) -> None:
    """ "Guadalupe Hidalgo", "Mexican-American War" and "February 1848" stood only in the key,
    and no wrong sentence shared a term with the claim. A wrong sentence names the claim's
    subject or one of its names or dates that the proof holds too."""
    pack = PACKS[name]()
    for q in _questions(name, seed):
        if q.kind != "evidence":
            continue
        fact = pack.fact_by_id[q.origin.facts[0]]
        claim = q.prompt.split("? ", 1)[1]
        answer = _right(q)
        terms = distinctive_terms(pack, claim, answer)
        wrong = [o for o in q.options if o != answer]
        named = [w for w in wrong if states(w, fact.subject) or holds_term(w, terms, pack)]
        assert named or not terms, (q.id, terms, wrong)


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_a_figure_of_the_claim_is_not_the_only_figure_among_the_options(
    name: str, seed: int
) -> None:
    """ "… a member of NATO for 14 years": the proof was the only option with a number in it
    (the other sentences with 14 prove the claim too), so "14" found it (the sixteenth
    reading). Then "June 8" and "$10 million" stood in the proof alone, among wrong
    sentences with other figures (the nineteenth): each figure of the claim that its proof
    holds stands in a wrong sentence too."""
    pack = PACKS[name]()
    seen = 0
    # the Gadsden pack's one figure question (1853) is refused since the twenty-sixth reading
    # for word matching (`MATCHED`); this rule is checked on it as if that one let it through
    with mock.patch.object(quiz.generate.evidence, "MATCHED", 99):
        asked = all_questions(pack, seed, kinds=["evidence"])
    for q in asked:
        claim = q.prompt.split("? ", 1)[1]
        answer = _right(q)
        figures = [t for t in distinctive_terms(pack, claim, answer) if t[:1].isdigit()]
        seen += bool(figures)
        wrong = [o for o in q.options if o != answer]
        for figure in figures:
            held = rf"(?<![\d.,]){re.escape(figure)}(?:st|nd|rd|th)?(?![\d])"
            assert any(re.search(held, w) for w in wrong), (q.id, figure, wrong)
    # the bundled pack's (2014) is refused since the twenty-second reading for its length
    assert seen or name != "gadsden", "a question with a figure (1853) is asked"


def test_the_readers_one_word_evidence_questions() -> None:
    """The two the reader found: Marcy, named once in the source, has no evidence question
    (his office is asked in the other kinds); nor, since the seventh reading, Guadalupe
    Hidalgo, whose treaty only its answer names (it offered the Purchase's sentence on the
    Mexican-American War, which the treaty's name still told apart). Both packs keep most
    of their evidence questions."""
    for seed in SEEDS:
        qs = {q.id: q for q in _questions("gadsden", seed)}
        assert "guadalupe-hidalgo-ended-war:evidence" not in qs
        assert "guadalupe-hidalgo-ended-war:choice:forward" in qs
        assert "marcy-office:evidence" not in qs
        assert "marcy-office:choice:forward" in qs and "marcy-office:typed:forward" in qs
        kinds = Counter(q.kind for q in qs.values())
        # of 14 before the fifth reading's rule, 12 before the seventh's, 7 before the
        # nineteenth's (a figure only the answer holds: "June 8", "$10 million"), 2 before
        # the twenty-first's (a longer name only the answer holds: "Antonio"), 1 before the
        # twenty-sixth's (the proof shares two words more than any wrong sentence: "Americans
        # … Mesilla Valley … 1853"): no near miss in this short source shares enough
        assert kinds["evidence"] == 0
        bundled_kinds = Counter(q.kind for q in _questions("bundled", seed))
        # of 20 before the fifth, 17 before the seventh, 12 before the nineteenth (word
        # matching, "six" and "14" in the answer alone), 7 before the twentieth (two words or
        # more of the claim in the answer alone: "solidarity … allies … system"), 6 before the
        # twenty-first ("regional security" copied from the answer, in no wrong sentence), 5
        # before the twenty-second (an answer much shorter than every near miss)
        assert bundled_kinds["evidence"] >= 4


@pytest.mark.parametrize("name", list(PACKS))
def test_no_recall_answer_is_paired_with_its_anchor_in_other_prompts(name: str) -> None:
    """ "With whom was James Gadsden sent to negotiate?" is answered by three other prompts
    that name Gadsden and Santa Anna together. A choice or typed answer is named beside its
    anchor in the prompts of at most one other fact, or the anchor is named beside nearly
    everything (the pack's own subject: "Lithuania", "NATO")."""
    pack = PACKS[name]()
    qs = _questions(name, 0)
    named_in: dict[str, set[str]] = {}
    for q in qs:
        for entity_id in named_entities(pack, q.prompt):
            named_in.setdefault(entity_id, set()).update(q.origin.facts)
    for q in qs:
        claim = q.origin.claim
        if q.kind not in ("choice", "typed") or claim is None:
            continue
        anchor = claim.anchor
        key = claim.values[q.key.right] if isinstance(q.key, One) else claim.values[0]
        if not (isinstance(anchor, Entity) and isinstance(key, Entity)):
            continue
        paired = (named_in.get(anchor.id, set()) & named_in.get(key.id, set())) - set(
            q.origin.facts
        )
        assert len(paired) < 2 or len(paired) < 0.25 * len(named_in[anchor.id]), (q.id, paired)
    if name == "gadsden":
        ids = {q.id for q in qs}
        assert "gadsden-negotiate-santa-anna:choice:forward" not in ids
        assert "gadsden-negotiate-santa-anna:typed:forward" not in ids
        assert "gadsden-negotiate-santa-anna:true_false:true" in ids


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_no_bound_is_a_choice(name: str, seed: int) -> None:
    """ "About how many troops strong …?" offered about 100 / 250 / 500 / 1,000: the source says
    "over 1,000", and a bound's wrong options all lie on the side it rules out, so the key was
    always the largest. A bound is no choice question's key."""
    pack = PACKS[name]()
    for q in _questions(name, seed):
        claim = q.origin.claim
        if q.kind == "choice" and claim is not None and isinstance(q.key, One):
            key = claim.values[q.key.right]
            fact = pack.fact_by_id[q.origin.facts[0]]
            assert bound_of(fact.object if claim.direction == "forward" else key, pack.lang) is None


def test_the_forward_force_is_asked_over_how_many_as_the_article_says() -> None:
    qs = {q.id: q for q in _questions("bundled", 0)}
    assert "efp-force-lithuania-over-1000-strong:choice:forward" not in qs
    number = qs["efp-force-lithuania-over-1000-strong:number"]
    assert "over how many" in number.prompt
    assert isinstance(number.key, Figure) and number.key.value == 1000
    assert "over 1,000" in qs["efp-force-lithuania-over-1000-strong:true_false:true"].prompt


def test_a_name_copied_from_the_answer_that_no_wrong_sentence_holds_refuses_the_question():
    """The twenty-first reading: "regional security" stood in the claim and its proof and in
    no wrong sentence (a common noun, but copied as the proof writes it), and "Antonio López
    de Santa Anna" in the proof alone where the wrong sentences say "Santa Anna"."""
    for name, fact in (
        ("bundled", "lithuania-called-for-regional-security"),
        ("gadsden", "santa-anna-office"),
    ):
        for seed in SEEDS:
            qs = {q.id for q in _questions(name, seed)}
            assert f"{fact}:evidence" not in qs, (name, seed)
            assert any(q.startswith(f"{fact}:") for q in qs), (name, seed)  # asked otherwise
