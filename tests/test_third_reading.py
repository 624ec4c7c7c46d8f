"""Near misses, third reading of issue 18: wrong evidence sentences on the claim's topic, a
claim whose one code word finds its proof not asked as evidence, wrong options the source
names beside the key, and false statements the source really contradicts.

Each rule is checked on small inputs and on the bundled pack, where a reader found it
broken (the solidarity, chiefs-of-defence and SNMCMG1 evidence, Ämari's "ä", "about 5,000
strong" against "over 1,000")."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from helpers import bundled
from quiz.generate import all_questions
from quiz.generate.distractors import outside_bound
from quiz.generate.evidence import evidence, lone_code, topic_scores
from quiz.generate.from_facts import choice
from quiz.generate.index import Sentence
from quiz.generate.refusal import Refusal
from quiz.languages import english
from quiz.languages import get as language_of
from quiz.packs.model import Number
from quiz.text import fold

SEEDS = range(5)


@pytest.fixture(scope="module")
def pack():
    return bundled()


# -- evidence: wrong sentences on the claim's topic --------------------------------------


def test_a_sentence_sharing_a_rare_word_scores_above_one_sharing_a_common_one() -> None:
    """'NATO' stands in every candidate and says nothing; 'decisions' stands in one."""
    candidates = [
        "NATO membership is the foundation of the security policy.",
        "The NATO summits adopted a number of crucial decisions on the forward presence.",
        "NATO fighters intercept aircraft approaching the borders.",
    ]
    score = topic_scores(("Chiefs of defence in NATO assess the decisions taken.",), candidates)
    assert score[candidates[1]] > score[candidates[0]]
    assert score[candidates[1]] > score[candidates[2]]


def _content(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w+", fold(text)) if len(w) >= 5}


def test_the_weak_evidence_items_offer_a_wrong_sentence_on_their_topic(pack) -> None:
    """Round 2 found every wrong sentence of these off the claim's topic: one keyword found the
    answer. Now a wrong sentence shares a word other than NATO or Lithuania's name with the
    claim or its proof, at every seed."""
    common = _content("NATO Lithuania Lithuania's Lithuanian Alliance article")
    for seed in SEEDS:
        asked = {q.id: q for q in all_questions(pack, seed, kinds=["evidence"])}
        for qid in (
            # (not the chiefs of defence, a word-matcher's claim, nor the collective defence
            # system's "solidarity … allies … system" in its proof alone: no longer asked so;
            # see test_generator.test_evidence_is_not_won_by_matching_words)
            "lithuanian-representatives-debate-in-nato:evidence",
        ):
            q = asked[qid]
            answer = q.options[q.key.right]
            topic = (_content(q.prompt) | _content(answer)) - common
            wrong = [o for o in q.options if o != answer]
            assert any(_content(o) & topic for o in wrong), (seed, qid, wrong)


def test_a_claims_own_word_weighs_above_a_word_of_its_proof_alone() -> None:
    """A student scans the options for the claim's words, not the proof's (which is hidden
    among them): of two candidates sharing one word as rare, the claim's ranks first."""
    candidates = [
        "NATO drew up a political strategy for hybrid threats.",
        "Chiefs of defence meet to discuss the security situation.",
    ]
    proof = "Representatives take part in political debates in NATO."
    claim = "People who speak for Lithuania have a voice in NATO's discussions."
    score = topic_scores((proof, claim), candidates)
    assert score[candidates[1]] > score[candidates[0]]


def test_the_debates_in_nato_are_offered_beside_the_meetings_to_discuss(pack) -> None:
    """Readings 26 and 27: the only sentence about talking in NATO was the proof, so
    'discussions' for 'debates' gave it away; the chiefs' and ministers' meetings "to discuss"
    are the near miss."""
    for seed in SEEDS:
        asked = {q.id: q for q in all_questions(pack, seed, kinds=["evidence"])}
        q = asked["lithuanian-representatives-debate-in-nato:evidence"]
        wrong = [o for i, o in enumerate(q.options) if i != q.key.right]
        assert any("to discuss" in o for o in wrong), (seed, wrong)


def test_a_topic_the_claim_shares_counts_as_one_of_its_words() -> None:
    """Two candidates share no word with the claim; the one proving a fact of its topic
    scores above the other, and above nothing."""
    candidates = [
        "The Belgian detachment landed with fighters at the air base.",
        "The summit agreed on rotational units.",
    ]
    targets = ("Interceptors were scrambled more often.", "Jets took off to meet warplanes.")
    score = topic_scores(targets, candidates, topics={candidates[0]: frozenset({"air"})})
    assert score[candidates[0]] > score[candidates[1]] == 0


def test_the_jets_claim_is_offered_a_sentence_on_the_air_policing(pack) -> None:
    """Reading 28: "NATO jets … Russia's warplanes" shares no word with any sentence on the
    air policing, so the proof was the only option about aircraft. A sentence proving a fact
    of the claim's own topic (`air-policing`) is now a near miss before any other."""
    for seed in SEEDS:
        asked = {q.id: q for q in all_questions(pack, seed, kinds=["evidence"])}
        q = asked["nato-intercepts-russian-aircraft:evidence"]
        wrong = [o for i, o in enumerate(q.options) if i != q.key.right]
        assert any("air policing" in o for o in wrong), (seed, wrong)


def test_no_wrong_sentence_is_offered_by_more_than_a_quarter_of_the_evidence(pack) -> None:
    """Ranking by topic must not send every question to the same few sentences."""
    for seed in SEEDS:
        qs = all_questions(pack, seed, kinds=["evidence"])
        used = Counter(o for q in qs for i, o in enumerate(q.options) if i != q.key.right)
        # five: the most a sentence was offered when the pack made 20 evidence questions; the
        # fifth reading's keyword rule took questions away (20 → 17), not the sentence's uses
        assert max(used.values()) <= max(5, len(qs) // 4), used.most_common(2)


# -- evidence: a code word that only the proof holds ------------------------------------


def test_a_code_word_only_the_proof_holds_is_found() -> None:
    source = "Ships join SNMCMG1 efforts. NATO ships sail. NATO meets."
    proof = Sentence(0, 27, "Ships join SNMCMG1 efforts.", 0)
    assert lone_code("SNMCMG1 is a group for mines.", proof, source) == "SNMCMG1"
    assert lone_code("NATO is an alliance.", proof, source) is None  # elsewhere too
    assert lone_code("The group worked in 2004.", proof, source) is None  # a year is no code


def test_a_claim_named_by_a_lone_code_is_not_asked_as_evidence(pack) -> None:
    fact = pack.fact_by_id["snmcmg1-mine-countermeasures"]
    made = evidence(pack, fact, random.Random(0))
    assert isinstance(made, Refusal) and "SNMCMG1" in made.reason


# -- choice: the key's neighbours in the source first -----------------------------------


def test_where_is_amari_offers_a_baltic_neighbour(pack) -> None:
    """'Ämari' was told by its 'ä' among Bulgaria, Slovenia and Albania: Latvia, named with
    Estonia twice in the article, came first among the wrong options. Since the nineteenth
    reading a Baltic key has only Baltic wrong options (the lone Baltic state among
    Hungary, Poland and Czechia was the key), so Latvia is the only one, and the question is
    asked typed; reversed ("Which of these is in Estonia?") no longer since the
    twenty-second, as the article gives no country for the other bases offered."""
    fact = pack.fact_by_id["amari-in-estonia"]
    made = choice(pack, fact, "forward", random.Random(0))
    assert isinstance(made, Refusal), made
    assert "found 1" in made.reason, made.reason
    for seed in range(10):
        asked = {q.id for q in all_questions(pack, seed, kinds=["choice", "typed"])}
        assert "amari-in-estonia:typed:forward" in asked
        assert "amari-in-estonia:choice:reverse" not in asked


def test_wrong_options_play_the_keys_role_in_the_air_and_the_lead(pack) -> None:
    """No Baltic state, Luxembourg or Iceland for the detachment that began air policing (they
    fly no fighters), and only framework nations for who leads the force in Lithuania."""
    for seed in range(10):
        asked = {q.id: q for q in all_questions(pack, seed, kinds=["choice"])}
        began = asked["air-policing-began-with-belgian-detachment:choice:forward"].options
        assert not {"Latvia", "Lithuania", "Estonia", "Luxembourg", "Iceland"} & set(began)
        led = asked["efp-force-lithuania-german-led:choice:forward"].options
        assert set(led) <= {"Germany", "the United States", "the United Kingdom", "Canada"}
        inaugurated = asked["efp-force-lithuania-inaugurated-in-rukla:choice:forward"].options
        assert not any("Air Base" in o for o in inaugurated), inaugurated


# -- true/false: a false figure the source rules out ------------------------------------


def test_a_bound_rules_out_only_the_other_side() -> None:
    en = english()
    over = Number(1000, "over 1,000", approx=True)
    assert outside_bound(over, Number(250, approx=True), en)
    assert not outside_bound(over, Number(5000, approx=True), en)
    under = Number(50, "fewer than 50", approx=True)
    assert outside_bound(under, Number(200), en) and not outside_bound(under, Number(10), en)
    about = Number(1000, "about 1,000", approx=True)
    assert outside_bound(about, Number(5000, approx=True), en)  # "about" is no bound
    lt = language_of("lt")
    assert not outside_bound(Number(1000, "daugiau nei 1 000", approx=True, language="lt"),
                             Number(5000, approx=True, language="lt"), lt)  # fmt: skip


def test_a_false_statement_of_an_over_figure_falls_below_it(pack) -> None:
    """'about 5,000 strong' was keyed False against the article's 'over 1,000 strong'."""
    q = next(
        q
        for q in all_questions(pack, 0, kinds=["true_false"])
        if q.id == "efp-force-lithuania-over-1000-strong:true_false:false"
    )
    figures = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", q.prompt)]
    assert figures and all(n < 1000 for n in figures if n != 2018), q.prompt


def test_a_true_statement_of_a_bound_says_it_as_the_source_does(pack) -> None:
    """The third reading: 'about 1,000 strong' was keyed True where the article says 'over
    1,000 strong'; a bound is said as a bound. The fifth reading: its choice key read "about
    1,000" against the explanation's "over 1,000", so a bound is asked as the article gives
    it, in a number question ("over how many …?"), and is no choice key."""
    by_id = {q.id: q for q in all_questions(pack, 0, kinds=["true_false", "choice", "number"])}
    true = by_id["efp-force-lithuania-over-1000-strong:true_false:true"]
    assert "over 1,000 strong" in true.prompt, true.prompt
    assert "efp-force-lithuania-over-1000-strong:choice:forward" not in by_id
    assert "over how many" in by_id["efp-force-lithuania-over-1000-strong:number"].prompt


def test_no_option_of_a_bound_figure_is_allowed_by_it(pack) -> None:
    """The fourth reading: "about 3,000" was a wrong option beside the key "about 1,000" where
    the article says "over 1,000 strong", which does not rule 3,000 out; a wrong figure falls
    on the side the bound rules out (the false twin's "about 250", and any option)."""
    from quiz.generate.distractors import outside_bound
    from quiz.packs.model import Number

    false = next(
        q
        for q in all_questions(pack, 0, kinds=["true_false"])
        if q.id == "efp-force-lithuania-over-1000-strong:true_false:false"
    )
    figure = int(re.sub(r"\D", "", false.prompt.split("is about", 1)[1]))
    assert figure < 1000, false.prompt
    over = Number(1000, "over 1,000", approx=True)
    assert outside_bound(over, Number(250, approx=True), pack.lang)
    assert not outside_bound(over, Number(3000, approx=True), pack.lang)
    under = Number(50, "under 50", approx=True)
    assert outside_bound(under, Number(200, approx=True), pack.lang)
    assert not outside_bound(under, Number(20, approx=True), pack.lang)


def test_a_false_country_of_the_team_is_ruled_out_by_the_article(pack) -> None:
    """The third reading: 'Lithuania led a NATO provincial reconstruction team in Iraq' was
    keyed False, but the article never says there was none in Iraq; the statement is now
    about the one team it led for eight years, which was in Afghanistan."""
    q = next(
        q
        for q in all_questions(pack, 0, kinds=["true_false"])
        if q.id == "lithuania-led-prt-in-afghanistan:true_false:false"
    )
    assert "the NATO provincial reconstruction team that Lithuania led for eight years" in (
        q.prompt.replace("The NATO", "the NATO")
    ), q.prompt
