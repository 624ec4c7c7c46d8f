"""Questions that rule themselves out or answer each other (issue 18, items 5 and 6; the
fresh readers' reports of the bundled pack): the general rules behind the fixes, each on
the bundled pack or on a value made for the test."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import combinations
from random import Random

import pytest

from helpers import TWINS, bundled, bundled_with_templates, moon
from quiz.generate import all_questions, apart, from_facts, generate, order, rounds
from quiz.generate.distractors import after, source_date
from quiz.generate.from_facts import in_title
from quiz.generate.rounds import feedback_order
from quiz.packs.model import Entity, When
from quiz.packs.quotes import paragraph_of
from quiz.question import Figure, One, Question
from quiz.round.viewing import passages
from quiz.text import fold

SEEDS = range(40)


@pytest.fixture(scope="module")
def pack():
    return bundled()


@pytest.fixture(scope="module")
def every(pack):
    return all_questions(pack, 0)


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    return bundled_with_templates(tmp_path_factory.mktemp("twins"), TWINS)


@pytest.fixture(scope="module")
def round_list(pack):
    return [generate(pack, seed, 10) for seed in SEEDS]


# -- dates never after the source's day ---------------------------------------------------


def test_a_date_is_after_the_source_at_its_own_precision() -> None:
    latest = (2018, 3, 29)
    assert after(When(2018, 9), latest)  # "September 2018" in an article of 29 March 2018
    assert after(When(2018, 3, 30), latest)
    assert not after(When(2018, 3), latest)  # March 2018 may be the article's own month
    assert not after(When(2018), latest)
    assert not after(When(2017, 12, 31), latest)
    assert not after(When(2030), None)  # a source of no known date clamps nothing


def test_no_option_falls_after_the_source_day(pack, every) -> None:
    latest = source_date(pack)
    assert latest == (2018, 3, 29)
    for q in every:
        claim = q.origin.claim
        if q.kind in ("choice", "multi") and claim is not None:
            late = [v.display for v in claim.values if isinstance(v, When) and after(v, latest)]
            assert not late, (q.id, late)


# -- the pack's own subject is no answer to pick or type ------------------------------------


def test_no_answer_to_pick_is_named_in_the_title(pack, every) -> None:
    assert in_title(pack, pack.entities["lithuania"]) and in_title(pack, pack.entities["nato"])
    assert not in_title(pack, pack.entities["estonia"])
    for q in every:
        claim = q.origin.claim
        if q.kind in ("choice", "multi") and claim is not None:
            titled = [v.display for v in claim.values if in_title(pack, v)]
            assert not titled, (q.id, titled)


def test_no_year_the_title_writes_is_asked_to_pick_or_type() -> None:
    """ "Gadsden Purchase, 1853–1854" stands on every screen of a round: "In which year did
    the U.S. Senate ratify the revised treaty?" was answered from it (the twenty-second
    reading). Such a year is asked in true/false, evidence and time orders only."""
    from helpers import gadsden

    pack = gadsden()
    asked = [q for q in all_questions(pack, 0) if q.kind in ("number", "choice")]
    years = [q.id for q in asked if isinstance(q.key, Figure) and q.key.value in (1853, 1854)]
    chosen = [q.id for q in asked if q.kind == "choice" and q.answer_text() in ("1853", "1854")]
    assert not years and not chosen, (years, chosen)
    assert any(isinstance(q.key, Figure) and q.key.year for q in asked)  # 1847, 1848 still


# -- one number question per figure and proof ------------------------------------------------


def test_no_two_number_questions_share_an_answer_and_a_proof(every) -> None:
    seen: dict[tuple[object, ...], str] = {}
    for q in every:
        if q.kind == "number":
            key = (q.key, q.quote.source, q.quote.start, q.quote.end)
            assert key not in seen, (q.id, seen.get(key))
            seen[key] = q.id


# -- time order ------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [bundled, moon])
def test_no_two_order_sets_share_more_than_two_events(make) -> None:
    groups = order.groups(make())
    for a, b in combinations(groups, 2):
        shared = {f.id for f in a} & {f.id for f in b}
        assert len(shared) <= order.SHARED, sorted(shared)


def test_one_relation_and_date_is_one_event(pack) -> None:
    """The six countries that joined with Lithuania are not six events of 29 March 2004."""
    seen = [(f.relation.id, f.object.key) for f in order.events(pack)]
    assert len(seen) == len(set(seen))
    assert len(order.groups(pack)) >= 5  # still enough sets for every round


# -- questions kept apart --------------------------------------------------------------------


def test_an_evidence_option_holding_another_proof_is_kept_apart(pack, every) -> None:
    """A wrong sentence that holds word for word the quote proving another question gives
    that question away, whatever names it uses."""
    found = 0
    for e in (q for q in every if q.kind == "evidence"):
        assert isinstance(e.key, One)
        wrong = [o for i, o in enumerate(e.options) if i != e.key.right]
        for other in every:
            if set(other.facts) & set(e.facts) or other.kind == "order":
                continue
            quotes = [x.text for fid in other.facts for x in pack.fact_by_id[fid].evidence]
            if any(x in o for x in quotes for o in wrong):
                found += 1
                assert apart.clash(pack, e, [other]) is other, (e.id, other.id)
    assert found  # the bundled pack has such pairs: the rule is exercised


def test_no_round_shows_a_wrong_sentence_holding_another_proof(pack, round_list) -> None:
    for r in round_list:
        for e in (q for q in r if q.kind == "evidence"):
            assert isinstance(e.key, One)
            wrong = [o for i, o in enumerate(e.options) if i != e.key.right]
            for other in r:
                if other is e or other.kind == "order" or set(other.facts) <= set(e.facts):
                    continue
                quotes = [x.text for fid in other.facts for x in pack.fact_by_id[fid].evidence]
                assert not any(x in o for x in quotes for o in wrong), (e.id, other.id)


def test_a_text_naming_a_typed_answer_in_a_possessive_is_kept_apart(pack, every) -> None:
    """ "Russia's aggression …" names Russia: beside "… aircraft of which country?" (asked
    typed, answer Russia) it is a give-away."""
    typed = next(q for q in every if q.kind == "typed" and q.origin.claim is not None)
    answer = typed.origin.claim.values[0]
    assert isinstance(answer, Entity)
    giver = next(q for q in every if q.kind == "true_false" and not set(q.facts) & set(typed.facts))
    naming = replace(giver, prompt=f"{answer.display}'s role, as the article tells it.")
    silent = replace(giver, prompt="Nothing of the answer here.", options=("True", "False"))
    assert apart.names_typed_answer(naming, typed)
    assert apart.clash(pack, naming, [typed]) is typed
    assert not apart.names_typed_answer(silent, typed)


def test_twin_option_sets_and_one_relation_one_object_are_kept_apart(
    twins, every, monkeypatch
) -> None:
    pack = twins
    # the siblings' choices as asked before the twentieth reading (see test_near_misses)
    monkeypatch.setattr(from_facts, "_same_wrong_options", lambda *args: None)
    by_id = {q.id: q for q in all_questions(twins, 0)}
    # "Which of these countries joined on 29 March 2004?" beside "On what date did
    # Latvia join NATO?": one date, one relation. (Latvia's date is asked as a choice only
    # when Estonia's, the same date from the same sentence, is not: made here as if.)
    reverse = by_id["bulgaria-joined-nato-with-lithuania-date:choice:reverse"]
    assert "latvia-joined-nato-with-lithuania-date:choice:forward" not in by_id
    monkeypatch.setattr(from_facts, "_same_figure", lambda pack, fact: None)
    latvia = from_facts.choice(
        pack, pack.fact_by_id["latvia-joined-nato-with-lithuania-date"], "forward", Random(0)
    )
    assert isinstance(latvia, Question)
    assert apart.same_question(pack, reverse, latvia)
    assert apart.clash(pack, reverse, [latvia]) is latvia
    a = next(q for q in every if q.kind == "choice")
    twin = replace(a, id="twin", prompt="Reworded?", options=tuple(reversed(a.options)))
    assert apart.same_options(a, twin)


def test_a_later_question_is_not_answered_by_an_earlier_feedback(pack, round_list) -> None:
    """The paragraph shown after a question does not hold the proof of a question asked
    after it (every proof of a select-all), nor the figure it asks, nor does its explanation,
    unless the two give each other away in either order (one paragraph)."""

    def paras(q):
        spans = [
            (x, paragraph_of(pack.sources[x.source].text, x.start, x.end)) for x in q.origin.quotes
        ]
        return [(x.source, span.start, span.end) for x, span in spans]

    def shown(a) -> list[str]:  # its paragraphs, and its explanation, shown whole
        return [*rounds._shown_sentences(pack, paras(a)), a.origin.explanation or ""]

    def gives(a, b) -> bool:
        if b.kind == "order":  # no one proof: the dates of its events, each beside its event
            return rounds._shows(shown(a), rounds._asked(pack, b))
        # a list (a select-all) is given away by its every proof, another question by its first
        listed = b.kind == "multi" or len(b.facts) > 2
        proofs = b.origin.quotes if listed else (b.quote,)
        inside = [
            any(s == p.source and lo <= p.start and p.end <= hi for s, lo, hi in paras(a))
            for p in proofs
        ]
        if all(inside):
            return True
        # or a's paragraphs show the figure b asks, its date beside what it dates, or the
        # name it asks for beside what it is asked of
        return rounds._shows(shown(a), rounds._asked(pack, b))

    for r in round_list:
        assert sorted(q.id for q in feedback_order(pack, list(r))) == sorted(q.id for q in r)
        # x -> y: x must come before y (x's proof stands in y's feedback)
        edges = {
            i: {j for j in range(len(r)) if j != i and gives(r[j], r[i])} for i in range(len(r))
        }

        def reaches(edges: dict[int, set[int]], start: int, goal: int) -> bool:
            seen, todo = {start}, [start]
            while todo:
                for nxt in edges[todo.pop()]:
                    if nxt == goal:
                        return True
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            return False

        for i, a in enumerate(r):
            for j in range(i + 1, len(r)):
                if gives(a, r[j]):  # j should have come first: only a cycle excuses it
                    assert reaches(edges, i, j), (a.id, r[j].id)


def test_a_round_keeps_proofs_out_of_each_others_feedback_while_it_can(pack) -> None:
    """Two questions whose proofs stand in one paragraph give each other away in whatever order
    they come: a round keeps them apart while the source has paragraphs enough. The bundled
    article has 13 paragraphs holding proofs, so a round of five never needs two in one."""

    def paras(q):
        return [
            (x.source, paragraph_of(pack.sources[x.source].text, x.start, x.end))
            for x in q.origin.quotes
        ]

    def shows(a, b) -> bool:  # a's feedback shows b's proof (all of it, for a list)
        if b.kind == "order":
            return False
        quotes = b.origin.quotes if b.kind == "multi" or len(b.facts) > 2 else b.origin.quotes[:1]
        return all(
            any(s == x.source and p.start <= x.start and x.end <= p.end for s, p in paras(a))
            for x in quotes
        )

    for seed in SEEDS:
        r = generate(pack, seed, 5)
        assert len(r) == 5
        for a, b in combinations(r, 2):
            assert not shows(a, b) and not shows(b, a), (seed, a.id, b.id)


def test_no_question_shows_what_a_later_one_asks_where_no_cut_can_hide_it(pack) -> None:
    """A question's quotes (its feedback never cuts them), prompt and options show what they
    show whatever comes later: a later question whose figure, date or name they state beside
    what it is asked of is answered before it is asked. A reader found the time order
    quoting "… decided to deploy NATO enhanced Forward Presence in Lithuania, Latvia,
    Estonia, and Poland" before the select-all asking those hosts (round 132: a select-all
    over many facts asked nothing the order weighed); the false statement's value beside its
    holder is in test_gadsden. The round puts the asked one first, or holds one of the two.
    A select-all's right values are read from its claim here, not from the rule's own
    reckoning."""
    from quiz.generate.evidence import touches

    lists = 0
    for seed in range(150):
        round_ = generate(pack, seed, 10)
        for j, later in enumerate(round_):
            # what no cut hides is weighed against what the later one asks, bar a time
            # order's dates (one of four events dated gives it away only in part)
            asked = rounds._uncut(pack, later)[1]
            claim = later.origin.claim
            if later.kind == "multi" and claim is not None:
                lists += 1
                rights = [claim.values[i] for i in later.key.rights() if i < len(claim.values)]
                shown = [rounds._uncut(pack, e)[0] for e in round_[:j]]
                for texts in shown:
                    for v in rights:
                        if v.key in pack.derived(rounds._common_names):
                            continue
                        assert not any(touches(t, v) and touches(t, claim.anchor) for t in texts), (
                            seed,
                            later.id,
                            v.name,
                        )
            for earlier in round_[:j]:
                assert not rounds._shows(rounds._uncut(pack, earlier)[0], asked), (
                    seed,
                    earlier.id,
                    later.id,
                )
    assert lists >= 20  # select-alls come up often enough


def test_a_feedback_holds_back_the_date_of_a_time_orders_event_still_to_come(pack) -> None:
    """Readers found an earlier feedback dating one of a time order's events in most rounds
    holding one (36 of 53): a feedback before the order now cuts a sentence that dates one
    of its events ("[…]"), as it does a later question's figure; only the earlier
    question's quote itself, which no feedback cuts, may still show one (22 of 53)."""
    from quiz.generate.rounds import answers_any
    from quiz.packs.quotes import sentences
    from quiz.round.viewing import OMITTED, passages

    orders = 0
    for seed in SEEDS:
        round_ = generate(pack, seed, 10)
        for k, q in enumerate(round_):
            if q.kind != "order":
                continue
            orders += 1
            dates = answers_any(pack, [q])
            for earlier in round_[:k]:
                for shown in passages(pack, earlier, round_[k:]):
                    # each sentence as shown, the cuts apart ("… peacetime. […] Since …" is
                    # two sentences with a cut between)
                    text = shown.paragraph.replace(OMITTED, "\n" * len(OMITTED))  # offsets kept
                    for s in sentences(text):
                        if s.end <= shown.start or shown.end <= s.start:  # not the quote's
                            said = text[s.start : s.end]
                            assert not dates(said), (seed, earlier.id, q.id, said)
    assert orders >= 20


@pytest.mark.parametrize("name", ["bundled", "gadsden"])
def test_quotes_before_a_time_order_date_at_most_one_of_its_events(name: str) -> None:
    """Quotes are never cut: "on 29 March 2004", "(2005 – 2013)" and "in spring 2014" before
    an order dated three of its four events in a reader's round (the twenty-first reading).
    Read as the student reads them: an earlier question's quote with its prompt, holding an
    event's year and a name of what the event is about."""
    from helpers import gadsden, mentions

    pack = bundled() if name == "bundled" else gadsden()
    seen = 0
    for seed in range(40):
        r = generate(pack, seed, 10, None, None)
        for at, q in enumerate(r):
            if q.kind != "order":
                continue
            seen += 1
            facts = [pack.fact_by_id[f] for f in q.facts if f in pack.fact_by_id]
            dated = set()
            for earlier in r[:at]:
                quotes = [
                    pack.sources[x.source].text[x.start : x.end] for x in earlier.origin.quotes
                ]
                read = " ".join([*quotes, earlier.prompt])
                for f in facts:
                    year = str(f.object.year) if hasattr(f.object, "year") else None
                    names = getattr(f.subject, "names", ())
                    if (
                        year
                        and any(year in x for x in quotes)
                        and any(mentions(read, n) for n in names)
                    ):
                        dated.add(f.id)
            assert len(dated) <= 1, (seed, q.id, sorted(dated))
    assert seen >= 10


def test_no_round_asks_what_rules_out_another_question_s_wrong_option() -> None:
    """ "James Gadsden held the post of Secretary of State" (False: he was the U.S. Minister
    to Mexico) struck an option of "Which office did William Marcy hold?" in the same round,
    and a wrong pick there says whose post it was (the twenty-second reading). Of 60
    Gadsden rounds of 10, 25 held such a pair before the rule; the round keeps them apart at
    every level but the last, which some rounds of a pack this small reach: one in 20."""
    from helpers import gadsden

    pack = gadsden()
    held = 0
    for seed in range(60):
        r = generate(pack, seed, 10, None, None)
        held += any(rounds.rules_out_options(pack, q, r[:i]) for i, q in enumerate(r))
    print("HELD", held)
    assert held <= 3, held


def test_a_round_of_few_kinds_is_shorter_rather_than_hold_a_pair_that_answers_itself(pack) -> None:
    """The bundled pack asked for true/false and evidence only took a ninth question whose
    proof and another's are one sentence ("It began on 29 March 2004 with the landing of the
    Belgian Air Force Detachment") in 7 of 61 rounds of ten (the twenty-third reading): such
    a round is now eight questions (`rounds.shortfall`)."""
    from quiz.generate.rounds import answer_each_other, shortfall

    held = short = 0
    for seed in range(100, 161):
        r = generate(pack, seed, 10, ["true_false", "evidence"])
        assert len(r) >= 10 - shortfall(10)
        short += len(r) < 10
        held += any(answer_each_other(pack, q, r[:i], never=False) for i, q in enumerate(r))
    assert held == 0 and short > 0, (held, short)


@pytest.mark.parametrize("count", [15, 22])
def test_a_long_round_is_shorter_rather_than_hold_a_pair_that_answers_itself(pack, count) -> None:
    """Past ten questions a round takes no pair whose feedbacks answer each other, and says
    it is short instead: the bundled pack's rounds of 22 choice, select-all and order
    questions held about four such pairs each, the air policing's four questions on its one
    sentence among them (reader 36b)."""
    from quiz.generate.rounds import answer_each_other

    lengths = []
    for seed in range(100, 112):
        r = generate(pack, seed, count, ["choice", "multi", "order"])
        lengths.append(len(r))
        assert not any(answer_each_other(pack, q, r[:i], never=False) for i, q in enumerate(r))
    assert min(lengths) >= 10 and min(lengths) < count, lengths


@pytest.mark.parametrize("kinds", [None, ["choice", "multi", "order"]])
def test_a_select_all_comes_before_a_quote_saying_its_answer_of_the_whole(pack, kinds) -> None:
    """ "It began … with the landing of the Belgian Air Force Detachment with F-16s at Šiauliai
    Air Base" says where the air policing mission began: shown before "Select every place
    where NATO deployed the Baltic air policing augmentation", it gave half the answer away
    in 10 of 200 rounds (reader 37b). The select-all comes first."""
    from quiz.generate.rounds import shown_facts

    together = 0
    for seed in range(60):
        r = generate(pack, seed, 10, kinds)
        at = [i for i, q in enumerate(r) if q.id == "augmentation-at-siauliai:multi:forward"]
        telling = [
            i
            for i, q in enumerate(r)
            if "air-policing-began-at-siauliai" in shown_facts(pack, q.kind, q.facts)
        ]
        if at and telling:
            together += 1
            assert at[0] < min(telling), [q.id for q in r]
    assert together > 0


def test_a_false_date_of_a_day_two_facts_share_is_another_day(pack, every) -> None:
    """ "The Baltic Air Policing Mission began on 29 March 2002" kept the day Lithuania joined
    NATO and moved it two years earlier: answered without reading (readers 37d and 38d). A
    day the source gives for two facts or more is not kept by their false statements."""
    days = Counter(f.object.key for f in pack.facts if isinstance(f.object, When) and f.object.day)
    shared = [f for f in pack.facts if isinstance(f.object, When) and days[f.object.key] > 1]
    assert len(shared) >= 2
    statements = {q.id: q for q in every if q.kind == "true_false"}
    checked = 0
    for f in shared:
        statement = statements.get(f"{f.id}:true_false:false")
        if statement is None:
            continue  # a fact the pack asks no false statement of
        checked += 1
        day_month = f.object.display.rsplit(" ", 1)[0]  # "29 March"
        assert day_month not in statement.prompt, statement.prompt
    assert checked >= 2


def test_the_reconstruction_teams_country_is_typed_not_picked(every) -> None:
    """Afghanistan beside Iraq and Pakistan, for a NATO reconstruction team, was picked
    without reading (readers 35, 36 and 38): the pack marks the fact `not_asked: [choice]`,
    and it is still recalled, typed."""
    ids = {q.id for q in every}
    assert "lithuania-led-prt-in-afghanistan:choice:forward" not in ids
    assert "lithuania-led-prt-in-afghanistan:typed:forward" in ids


def test_a_false_listing_names_the_whole_list_its_leader_too(every) -> None:
    """ "False. Here the article names the Netherlands, Norway, … — not Estonia" left out
    Germany, whose fact the pack keeps as background ("Aside from Germany, …"): a student
    could take the leading nation for no contributor (reader 38d)."""
    statement = next(
        q for q in every if q.id == "efp-force-lithuania-contributor-netherlands:true_false:false"
    )
    assert "Germany" in (statement.explanation or ""), statement.explanation


@pytest.mark.parametrize("name", ["bundled", "gadsden"])
def test_no_two_wrong_people_share_a_first_name_the_key_lacks(name: str) -> None:
    """ "William Lane" and "William Marcy" beside "Christopher Ward": the odd one out is the
    key (the twenty-third and twenty-fourth readings)."""
    from helpers import gadsden

    pack = bundled() if name == "bundled" else gadsden()
    people = {e.display: e for e in pack.entities.values() if e.type == "person"}
    for seed in range(6):
        for q in all_questions(pack, seed):
            if q.kind != "choice" or not isinstance(q.key, One):
                continue
            firsts = [people[o].name.split()[0] for o in q.options if o in people]
            key = q.options[q.key.right]
            wrong = [f for o, f in zip(q.options, firsts, strict=False) if o != key]
            if key in people and len(firsts) == len(q.options):
                own = people[key].name.split()[0]
                assert not any(wrong.count(f) > 1 and f != own for f in wrong), (q.id, q.options)


def test_a_city_hosting_the_same_units_is_never_a_wrong_first_unit(pack) -> None:
    """Riga and Tallinn host NATO Force Integration Units of the same month as Vilnius's
    "first": offered as wrong cities they were right in the world (the twenty-sixth reading).
    The pack says so (`also_true`), and no seed offers them or keys them false."""
    also = pack.relations["first_unit_operating_in"].also_true
    assert {"riga", "tallinn"} <= {v.id for v in also if isinstance(v, Entity)}
    for seed in range(12):
        for q in all_questions(pack, seed):
            if q.id.startswith("first-nfiu-in-vilnius:"):
                text = " ".join((q.prompt, *q.options))
                assert "Riga" not in text and "Tallinn" not in text, (q.id, text)


@pytest.mark.parametrize(("kinds", "most"), [("choice,typed,number", 0), ("choice,multi,order", 3)])
def test_no_two_recall_questions_of_a_round_have_one_answer(pack, kinds: str, most: int) -> None:
    """ "Where has the first NFIU been operating?" and "Where was the Energy Security Centre
    opened?", both Vilnius, in one round; accession and the first air policing, both 29 March
    2004 (the twenty-sixth reading: 8 and 14 rounds of 60). A round keeps them apart while
    it can (a round of few kinds may have no other question to ask)."""
    held = 0
    for seed in range(60):
        seen: set[object] = set()
        clash = False
        for q in generate(pack, seed, 10, kinds.split(",")):
            mine = rounds._answer_values(pack, q.kind, q.facts, rounds._direction(q))
            clash |= bool(seen & mine)
            seen |= mine
        held += clash
    assert held <= most, held


def test_no_day_a_feedback_shows_is_a_later_recall_questions_answer(pack) -> None:
    """A time order's feedback ("29 March 2004: Lithuania becomes a member of NATO"), then
    "When did the Baltic Air Policing Mission begin?" with 29 March 2004 among made-up days:
    the familiar option is the guess (the twenty-eighth reading, 23 rounds of 100 at
    `7bdbdef`). Read from the text a student sees: the explanation and passages before it."""
    held = 0
    for seed in range(60):
        asked = generate(pack, seed, 10, ["choice", "multi", "order"])
        for i, q in enumerate(asked):
            if q.kind != "choice" or not isinstance(q.key, One):
                continue
            key = q.options[q.key.right]
            if not re.fullmatch(r"\d{1,2} \w+ \d{4}", key):
                continue  # a day: a year stands in too many sentences to be a hint alone
            for j, p in enumerate(asked[:i]):
                shown = [
                    p.explanation or "",
                    *(x.paragraph for x in passages(pack, p, asked[j + 1 :])),
                ]
                if any(key in text for text in shown) and not set(p.facts) & set(q.facts):
                    held += 1
    # two: a day in a paragraph around a quote (the accession's, beside the countries that
    # joined with Lithuania), which no fact of the feedback's own holds
    assert held <= 2, held


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY = re.compile(rf"\b\d{{1,2}} (?:{_MONTHS}) \d{{4}}\b")


def test_no_true_false_statement_shares_its_day_with_another_question(pack) -> None:
    """ "Lithuania joined NATO on 29 March 2004", then "The Baltic Air Policing Mission began on
    29 March 2004": the day just read points to True (the twenty-ninth reading). Read from
    the text a student sees: the statements, the other questions' right answers, and every
    feedback before."""
    held = 0
    for seed in range(120):
        asked = generate(pack, seed, 10, ["true_false", "choice", "number"])
        for i, q in enumerate(asked):
            for j, p in enumerate(asked[:i]):
                if set(p.facts) & set(q.facts):
                    continue
                shown = [
                    p.explanation or "",
                    *(x.paragraph for x in passages(pack, p, asked[j + 1 :])),
                ]
                said = {x: set(_DAY.findall(" ".join([x.prompt, x.answer_text()]))) for x in (p, q)}
                days = set(_DAY.findall(" ".join(shown))) | said[p]
                after = q.kind == "true_false" and set(_DAY.findall(q.prompt)) & days
                before = p.kind == "true_false" and set(_DAY.findall(p.prompt)) & said[q]
                held += bool(after or before)
    # two, against five at `d724d55`: a day in a paragraph around a quote, which no fact of
    # that feedback's own holds; three since the years of membership are kept from the year
    # Lithuania joined (`rounds._derived_values`), which moved one round's draws (seed 86)
    assert held <= 3, held


def test_no_feedback_shows_the_name_a_later_question_asks_to_type(pack) -> None:
    """ "NATO responded immediately - deployed augmentation of the Baltic air policing
    mission" in a feedback, then "what was the main NATO presence in the Baltic states before
    the aggression?" to type (the twenty-ninth reading): a name to type is held back ("[…]")
    wherever an earlier feedback would show it, not only beside what it is asked of."""
    held = 0
    for seed in range(60):
        asked = generate(pack, seed, 10, ["typed", "number"])
        for i, q in enumerate(asked):
            claim = q.origin.claim
            if q.kind != "typed" or claim is None or len(claim.values) != 1:
                continue
            names = [n for n in getattr(claim.values[0], "folded_names", ()) if len(n) >= 5]
            for j, p in enumerate(asked[:i]):
                shown = [
                    p.explanation or "",
                    *(x.paragraph for x in passages(pack, p, asked[j + 1 :])),
                ]
                text = fold(" ".join(shown))
                if any(re.search(rf"\b{re.escape(n)}\b", text) for n in names):
                    held += 1
    # none, against 15 at `d724d55`; one may come of a question's own quote, which no
    # feedback cuts
    assert held <= 1, held


@pytest.mark.parametrize("kinds", [None, ["true_false", "number"]])
def test_a_value_derived_from_another_facts_sentence_is_not_asked_beside_it(pack, kinds) -> None:
    """The augmentation's "2014" is "NATO responded immediately" beside the aggression's own
    sentence ("… in spring 2014 …"): the aggression's year asked, then "NATO first deployed
    the augmentation in 2013", in 3 rounds of 40 (reader 33d). A round holds one of them as it
    holds a fact once (a time order may share one event, as with any fact); 24 rounds of 200
    held both before, asked true/false and number only. Nor the years of membership beside
    the year Lithuania joined: "14 years" is the article's 2018 less 2004 (reader 38d)."""
    pairs = [
        {"augmentation-deployed-2014", "russian-aggression-ukraine-2014"},
        {"lithuania-14-years-of-membership", "lithuania-joined-nato-29-march-2004"},
    ]
    for seed in range(100):
        single = {f for q in generate(pack, seed, 10, kinds) if len(q.facts) == 1 for f in q.facts}
        assert not any(linked <= single for linked in pairs), seed
