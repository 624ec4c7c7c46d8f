"""Invariants over every question the generator produces, checked two ways.

`verify` is the generator's own re-check; the direct assertions below re-state the
product's promise without going through it (their own folding, word runs, sentence and
paragraph lookups), so a bug shared by the generator and verify still shows up. Both run
for seeds 0..9 over the moon pack and the bundled pack; the round rules run over 200
ten-question rounds of each. tests/test_answer_key.py adds a third opinion: an answer key
written by hand from the article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import MOON
from helpers import Seen, bundled, gadsden, mentions, moon, plain, run_quiz, write_pack
from quiz.formats.json import export_json
from quiz.generate import all_questions, apart, generate
from quiz.generate.refusal import Refusal
from quiz.generate.rounds import (
    answer_each_other,
    dates_an_order,
    rules_out_options,
    shortfall,
    shown_both_ways,
    shows_figures,
)
from quiz.generate.slots import slots
from quiz.generate.truth import holds, proven_false
from quiz.generate.verify import verify
from quiz.kinds import KIND_NAMES as KINDS
from quiz.packs import Entity, Pack, When, load_pack
from quiz.packs.model import MONTHS, NUMBER_WORDS, Number, Value
from quiz.packs.quotes import paragraph_of, sentences, sentences_covering
from quiz.question import One, Question
from quiz.text import fold

SEEDS = range(10)
PACKS = {"moon": moon, "bundled": bundled, "gadsden": gadsden}
CASES = [(name, seed) for name in PACKS for seed in SEEDS]
IDS = [f"{name}-{seed}" for name, seed in CASES]


@functools.cache
def questions(name: str, seed: int) -> tuple[Seen, ...]:
    return tuple(Seen(q) for q in all_questions(PACKS[name](), seed))


def each(name: str, seed: int, *kinds: str) -> list[Seen]:
    qs = [q for q in questions(name, seed) if not kinds or q.kind in kinds]
    return qs


def value_of(q: Seen, option: str):
    (value,) = [v for o, v in zip(q.options, q.values, strict=True) if o == option]
    return value


# -- the generator's own check ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_verify_finds_nothing(name: str, seed: int) -> None:
    pack = PACKS[name]()
    broken = {q.id: verify(pack, q.q) for q in questions(name, seed)}
    broken = {k: v for k, v in broken.items() if v}
    assert broken == {}


@pytest.mark.parametrize("name", list(PACKS))
def test_pack_produces_questions(name: str) -> None:
    qs = questions(name, 0)
    assert len(qs) >= 20
    assert len({q.id for q in qs}) == len(qs), "question ids repeat"


# -- direct invariants ------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_answer_among_options(name: str, seed: int) -> None:
    for q in questions(name, seed):
        if q.kind in ("choice", "evidence"):
            assert isinstance(q.answer, str) and q.options.count(q.answer) == 1, q
            assert len(q.options) >= 3, q
        elif q.kind == "true_false":
            assert q.options == ("True", "False") and q.answer in q.options, q
        elif q.kind in ("multi", "order"):
            assert isinstance(q.answer, tuple) and set(q.answer) <= set(q.options), q
        elif q.kind == "typed":
            assert q.options == () and q.answer in q.accepted, q
        elif q.kind == "number":
            assert q.options == () and isinstance(q.answer, int | float), q
            assert not isinstance(q.answer, bool)
        else:
            pytest.fail(f"unknown kind {q.kind}")


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_no_duplicate_options_after_folding(name: str, seed: int) -> None:
    for q in questions(name, seed):
        assert len({fold(o) for o in q.options}) == len(q.options), q.options
        assert len({plain(o) for o in q.options}) == len(q.options), q.options


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_quotes_are_verbatim_at_their_offsets(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in questions(name, seed):
        quotes = [*q.origin.quotes, *(w.quote for w in q.why_wrong.values())]
        for quote in quotes:
            text = pack.sources[quote.source].text
            assert quote.text, q.id
            assert text[quote.start : quote.end] == quote.text, q.id
            assert 0 <= quote.start < quote.end <= len(text)
        assert q.explanation.strip(), q.id


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_prompt_does_not_contain_the_answer(name: str, seed: int) -> None:
    for q in questions(name, seed):
        if q.hand_written or q.kind in ("true_false", "order", "evidence"):
            continue  # a statement to judge / events to order / a claim to prove
        if q.kind == "typed":
            keys = q.accepted
        elif q.kind == "number":
            keys = (str(q.answer), *(v.display for v in q.values))
        else:
            keys = q.answers
        for key in keys:
            assert not mentions(q.prompt, key), f"{q.id}: {q.prompt!r} gives away {key!r}"


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_choice_every_wrong_option_is_proven_false(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in each(name, seed, "choice"):
        if q.hand_written:
            continue
        relation = pack.relations[q.relation]
        assert relation.closed, f"{q.id}: choice from an open relation"
        assert len(q.values) == len(q.options)
        for option, value in zip(q.options, q.values, strict=True):
            assert value.display == option
            if option == q.answer:
                assert holds(pack, relation, q.direction, q.anchor, value), q.id
            else:
                assert proven_false(pack, relation, q.direction, q.anchor, value), (
                    f"{q.id}: wrong option {option!r} is not proven false"
                )


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_why_not_cites_a_fact_of_the_questions_own_relation(name: str, seed: int) -> None:
    """ "Why not X" names the fact that gives X for another subject in the same relation; a
    fact of another relation ("The Popular Front of Estonia was …") explains nothing."""
    pack = PACKS[name]()
    for q in each(name, seed, "choice"):
        for option, why in q.why_wrong.items():
            assert option in q.options and option != q.answer
            fact = pack.fact_by_id[why.fact]
            assert fact.relation.id == q.relation, (q.id, option, why.fact)
            asked = fact.object if q.direction == "forward" else fact.subject
            assert asked.key == value_of(q, option).key, (q.id, option, why.fact)
            assert fact.relation.render("statement", fact.subject, fact.object) in why.statement


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_true_false_statements(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in each(name, seed, "true_false"):
        if q.hand_written:
            continue
        relation = pack.relations[q.relation]
        (value,) = q.values
        if q.answer == "True":
            assert holds(pack, relation, q.direction, q.anchor, value), q.id
        else:
            assert relation.closed and proven_false(pack, relation, q.direction, q.anchor, value), (
                q.id
            )
            assert q.explanation.startswith("False."), q.id


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_order_items_never_tie(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in each(name, seed, "order"):
        times = [pack.fact_by_id[f].object for f in q.facts]
        assert len(times) == len(q.options) >= 3
        assert all(isinstance(t, When) for t in times)
        for i, a in enumerate(times):
            for b in times[i + 1 :]:
                assert not a.same_time(b), f"{q.id}: {a.display} ties {b.display}"
        assert [t.key for t in times] == sorted(t.key for t in times)
        assert sorted(q.answer) == sorted(q.options) and len(set(q.answer)) == len(q.answer)
        assert list(q.answer) != list(q.options), "the items are shown already in order"


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_multi_has_right_and_wrong_options(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in each(name, seed, "multi"):
        assert 1 <= len(q.answers) < len(q.options), q.id
        relation = pack.relations[q.relation]
        for option, value in zip(q.options, q.values, strict=True):
            if option in q.answers:
                assert holds(pack, relation, q.direction, q.anchor, value), (q.id, option)
            else:
                assert proven_false(pack, relation, q.direction, q.anchor, value), (q.id, option)


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_evidence_answer_is_the_quoted_sentence(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in each(name, seed, "evidence"):
        assert q.quote.text in q.answer, q.id
        fact = pack.fact_by_id[q.fact]
        text = pack.sources[q.quote.source].text
        for option in q.options:
            assert option in text, "an option is not a passage of the source"
            if option != q.answer:
                assert all(e.text not in option for e in fact.evidence), (q.id, option)


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_typed_rivals_never_accepted(name: str, seed: int) -> None:
    for q in each(name, seed, "typed"):
        accepted = {plain(a) for a in q.accepted}
        assert plain(q.answer) in accepted
        assert not accepted & {plain(r) for r in q.rivals}, q.id


# -- rounds and determinism -------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PACKS))
def test_same_seed_same_export(name: str) -> None:
    pack = PACKS[name]()
    for kinds in (None, ["choice", "order"], ["multi", "evidence", "typed"]):
        a = export_json(pack, generate(pack, 3, 12, kinds))
        b = export_json(pack, generate(pack, 3, 12, kinds))
        assert a == b
    fresh = all_questions(pack, 5)
    assert export_json(pack, fresh) == export_json(pack, [q.q for q in questions(name, 5)])


@pytest.mark.parametrize("name", list(PACKS))
def test_different_seeds_differ(name: str) -> None:
    pack = PACKS[name]()
    assert export_json(pack, generate(pack, 1, 10)) != export_json(pack, generate(pack, 2, 10))


@pytest.mark.parametrize("name", list(PACKS))
def test_round_question_equals_its_all_questions_twin(name: str) -> None:
    """A question drawn into a round is the same as in --all for that seed (ids are stable)."""
    pack = PACKS[name]()
    everything = {q.id: q for q in all_questions(pack, 4)}
    for q in generate(pack, 4, 15):
        assert q == everything[q.id]


@pytest.mark.parametrize("name", list(PACKS))
def test_generate_returns_count_distinct_questions(name: str) -> None:
    pack = PACKS[name]()
    most = len(generate(pack, 0, 1000))  # the moon pack's ten facts make fewer than 20
    assert most >= 7
    for count in (1, 7, 20):
        round_ = generate(pack, 0, count)
        # short by `shortfall` at most, rather than hold two questions that answer each other
        assert min(count, most) - shortfall(count) <= len(round_) <= min(count, most)
        assert len({q.id for q in round_}) == len(round_)


def _conflict(
    q: Question, round_: Sequence[Question], pack: Pack | None = None, last: bool = False
) -> bool:
    """The round rules' hard line: never the same question or prompt, never a fact twice (a
    question over three facts or more may share one with the rest), never a question whose
    prompt or options state what another asks, nor two whose feedbacks show each other's
    figure, nor a list or a sentence's two proofs whose feedbacks answer each other, nor two
    that show each other's answer whatever the order, nor a time order with two of its events
    dated by the other questions' quotes (given the pack). `last`: nor any two
    whose feedbacks answer each other, nor one whose fact rules out another's wrong option,
    which a round takes only when no kind has another question."""
    if any(q.id == r.id or q.prompt == r.prompt for r in round_):
        return True
    if pack is not None and apart.clash(pack, q, round_) is not None:
        return True
    if pack is not None and shows_figures(pack, q, round_):
        return True
    if pack is not None and shown_both_ways(pack, q, round_):
        return True
    if pack is not None and dates_an_order(pack, q, round_):
        return True
    if pack is not None and answer_each_other(pack, q, round_, never=not last):
        return True
    if last and pack is not None and rules_out_options(pack, q, round_):
        return True
    if any(q.kind == r.kind and set(q.facts) & set(r.facts) for r in round_):
        return True
    asked = {f for r in round_ for f in r.facts}
    return sum(f in asked for f in q.facts) > (1 if len(q.facts) > 2 else 0)


@pytest.mark.parametrize("name", list(PACKS))
def test_a_round_asking_for_everything_gets_all_it_may(name: str) -> None:
    """A round asking for more than the pack has gets every question the rules allow: each one
    left out would repeat a prompt, or a fact with the same kind, of one in the round, or
    answer one in the round as its feedback answers it (a pair a round takes only to reach a
    round of ten, `rounds._needed`)."""
    pack = PACKS[name]()
    everything = all_questions(pack, 0)
    round_ = generate(pack, 0, len(everything) + 50)
    assert len({q.id for q in round_}) == len(round_) < len(everything)
    for i, a in enumerate(round_):
        assert not _conflict(a, round_[:i], pack), a.id
    chosen = {q.id for q in round_}
    for q in everything:
        if q.id not in chosen:
            assert _conflict(q, round_, pack, last=True), f"{q.id} was left out for no reason"


@pytest.mark.parametrize("kind", KINDS)
def test_generate_respects_kinds(kind: str) -> None:
    pack = bundled()
    round_ = generate(pack, 2, 5, [kind])
    assert round_, f"the bundled pack makes no {kind} question"
    assert {q.kind for q in round_} == {kind}


def test_generate_respects_topics() -> None:
    pack = moon()
    round_ = generate(pack, 0, 50, topics=["dates"])
    assert round_
    assert all("dates" in q.topics for q in round_)


def _export_in_subprocess(hash_seed: str, *args: str) -> str:
    result = run_quiz("export", *args, env={"PYTHONHASHSEED": hash_seed})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "args",
    [
        (str(MOON), "--count", "15", "--seed", "9"),
        ("--count", "25", "--seed", "4", "--kinds", "choice,multi,order,true_false"),
        ("--all", "--seed", "2"),
    ],
    ids=["moon", "bundled", "bundled-all"],
)
def test_same_output_under_any_hash_seed(args: tuple[str, ...]) -> None:
    a = _export_in_subprocess("1", *args)
    b = _export_in_subprocess("4242", *args)
    assert json.loads(a)["questions"]
    assert hashlib.sha256(a.encode()).hexdigest() == hashlib.sha256(b.encode()).hexdigest()


# -- traps in the bundled pack ---------------------------------------------------------------

JOINED_WITH_LITHUANIA = ("Estonia", "Latvia", "Bulgaria", "Romania", "Slovakia", "Slovenia")


def _country(pack: Pack, name: str) -> Entity:
    found = [
        e for e in pack.entities.values() if e.type == "country" and plain(e.name) == plain(name)
    ]
    assert found, f"the bundled pack has no country {name!r}"
    return found[0]


def _joining_groups(pack: Pack) -> list[tuple[str, str, object]]:
    """(relation, direction, anchor key) whose asked values hold at least three 2004 joiners."""
    joiners = {_country(pack, n).key for n in JOINED_WITH_LITHUANIA}
    groups: dict[tuple[str, str, object], set] = {}
    for f in pack.facts:
        for direction, anchor, asked in (
            ("forward", f.subject, f.object),
            ("reverse", f.object, f.subject),
        ):
            groups.setdefault((f.relation.id, direction, anchor.key), set()).add(asked.key)
    return [g for g, asked in groups.items() if len(asked & joiners) >= 3]


def test_no_2004_joiner_offered_as_wrong() -> None:
    """'Which country joined NATO together with Lithuania?' never offers another joiner as wrong."""
    pack = bundled()
    lithuania = _country(pack, "Lithuania")
    joiners = {_country(pack, n).key for n in JOINED_WITH_LITHUANIA} | {lithuania.key}
    groups = _joining_groups(pack)
    assert groups, "the bundled pack has no facts about the countries that joined with Lithuania"
    asked = 0
    for seed in SEEDS:
        for q in questions("bundled", seed):
            if q.relation is None or q.anchor is None:
                continue
            if (q.relation, q.direction, q.anchor.key) not in groups:
                continue
            if q.kind in ("choice", "multi"):
                asked += 1
                for option, value in zip(q.options, q.values, strict=True):
                    if option not in q.answers:
                        assert value.key not in joiners, f"{q.id}: {option} offered as wrong"
            if q.kind == "true_false" and q.answer == "False":
                assert q.values[0].key not in joiners, q.id
    assert asked, "no question asks which countries joined NATO with Lithuania"


def test_same_day_events_never_share_an_order_question() -> None:
    """29 March 2004 is both the accession date and the start of air policing."""
    pack = bundled()
    day = When(2004, 3, 29)
    same_day = {f.id for f in pack.facts if isinstance(f.object, When) and f.object == day}
    relations = {pack.fact_by_id[f].relation.id for f in same_day}
    assert len(relations) >= 2, "the bundled pack lacks the two events of 29 March 2004"
    for seed in SEEDS:
        for q in each("bundled", seed, "order"):
            assert len(same_day & set(q.facts)) <= 1, q.id


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_dates_never_offered_against_the_same_time(name: str, seed: int) -> None:
    """A wrong date is never indistinguishable from a true one (2004 vs 29 March 2004)."""
    pack = PACKS[name]()
    for q in each(name, seed, "choice", "true_false"):
        if q.hand_written or (q.kind == "true_false" and q.answer == "True"):
            continue
        relation = pack.relations[q.relation]
        if q.direction == "forward":
            true_values = pack.objects_of(relation, q.anchor)
        else:
            true_values = pack.subjects_of(relation, q.anchor)
        true_dates = [v for v in true_values if isinstance(v, When)]
        wrong = (
            q.values
            if q.kind == "true_false"
            else [v for o, v in zip(q.options, q.values, strict=True) if o != q.answer]
        )
        for w in wrong:
            if isinstance(w, When):
                assert not any(w.same_time(t) for t in true_dates), (q.id, w.display)


def test_place_anchors_never_offer_something_placed_there() -> None:
    """'Which of these was opened in Vilnius?' never offers another thing the bank puts there."""
    pack = bundled()
    for seed in SEEDS:
        for q in each("bundled", seed, "choice", "multi"):
            if not (isinstance(q.anchor, Entity) and q.anchor.type == "place"):
                continue
            linked = {
                (f.subject if f.object.key == q.anchor.key else f.object).key
                for f in pack.facts
                if q.anchor.key in (f.subject.key, f.object.key)
            }
            for option, value in zip(q.options, q.values, strict=True):
                if option not in q.answers:
                    assert value.key not in linked, f"{q.id}: {option} is also at {q.anchor.name}"


# -- mutations: the checks can fail ------------------------------------------------------------


def _moon_variant(
    tmp_path: Path, old: str, new: str, extra: str = "", also: tuple[tuple[str, str], ...] = ()
) -> Pack:
    text = MOON.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    for before, after in also:
        assert text.count(before) == 1
        text = text.replace(before, after)
    if extra:
        text = text.replace("questions:\n", extra + "questions:\n")
    return load_pack(write_pack(tmp_path, text, "moon.yaml"))


def test_open_relation_makes_no_choice(tmp_path: Path) -> None:
    def made(pack: Pack) -> set[str]:
        return {
            q.kind
            for seed in range(3)
            for q in map(Seen, all_questions(pack, seed))
            if q.relation == "walked_on_moon"
        }

    assert {"choice", "multi"} <= made(moon()), "the closed relation should make choices"
    opened = _moon_variant(
        tmp_path,
        "object: person\n    closed: true",
        "object: person\n    closed: false",
    )
    kinds = made(opened)
    assert "choice" not in kinds and "multi" not in kinds and "typed" not in kinds
    for seed in range(3):
        for q in map(Seen, all_questions(opened, seed, kinds=["true_false"])):
            if q.relation == "walked_on_moon":
                assert q.answer == "True", "an open relation proved a statement false"


def _a11_walker_choice() -> Seen:
    for seed in SEEDS:
        for q in each("moon", seed, "choice"):
            if q.relation == "walked_on_moon" and q.direction == "forward":
                return q
    pytest.fail("the moon pack makes no 'who walked on the Moon' choice question")


def test_verify_catches_a_swapped_answer() -> None:
    pack = moon()
    q = _a11_walker_choice()
    assert verify(pack, q.q) == []
    wrong = next(i for i, o in enumerate(q.options) if o != q.answer)
    forged = dataclasses.replace(q.q, key=One(wrong))
    problems = verify(pack, forged)
    assert any("not stated by the bank" in p for p in problems), problems
    assert any("not proven false" in p for p in problems), problems


def test_verify_catches_a_distractor_the_bank_makes_true(tmp_path: Path) -> None:
    q = _a11_walker_choice()
    wrong = next(v for o, v in zip(q.options, q.values, strict=True) if o != q.answer)
    assert isinstance(wrong, Entity)
    fact = (
        f"  - id: flipped\n    subject: {q.anchor.id}\n    relation: walked_on_moon\n"
        f"    object: {wrong.id}\n    topics: [crew]\n"
        '    evidence: {quote: "Richard Gordon orbited"}\n'
    )
    flipped = _moon_variant(tmp_path, "facts:\n", "facts:\n" + fact)
    problems = verify(flipped, q.q)
    assert any(wrong.display in p and "not proven false" in p for p in problems), problems
    for seed in range(3):
        for new in all_questions(flipped, seed):
            assert verify(flipped, new) == [], new.id


def test_verify_catches_a_forged_quote_and_a_leaked_answer() -> None:
    pack = moon()
    q = _a11_walker_choice().q
    shifted = dataclasses.replace(q.quote, start=q.quote.start + 1)
    moved = dataclasses.replace(
        q, origin=dataclasses.replace(q.origin, quotes=(shifted, *q.origin.quotes[1:]))
    )
    assert any("verbatim" in p for p in verify(pack, moved))
    leaked = dataclasses.replace(q, prompt=f"{q.prompt} (Hint: {q.answer_text()})")
    assert any("contains the answer" in p for p in verify(pack, leaked))
    doubled = dataclasses.replace(q, options=(q.options[0], q.options[0].upper(), *q.options[2:]))
    assert any("read the same" in p for p in verify(pack, doubled))


def test_verify_catches_a_tie_in_an_order_question() -> None:
    pack = moon()
    orders = each("moon", 0, "order")
    assert orders, "the moon pack makes no order question"
    q = orders[0].q
    facts = (q.facts[0], *q.facts[:-1])
    tied = dataclasses.replace(q, origin=dataclasses.replace(q.origin, facts=facts))
    assert any("tie" in p for p in verify(pack, tied))


def test_leap_day_distractors_are_real_dates(tmp_path: Path) -> None:
    """Neighbouring years of 29 February must not invent '29 February 2003'."""
    import hashlib

    from helpers import MOON_SHA, MOON_TEXT

    # the source says so too: a fact's date must be the one its sentence states
    source = MOON_TEXT.replace(b"landed on 20 July 1969", b"landed on 29 February 1968")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "moon.txt").write_bytes(source)
    pack = _moon_variant(
        tmp_path,
        'object: {date: "1969-07-20"}',
        'object: {date: "1968-02-29"}',
        also=(
            (MOON_SHA, hashlib.sha256(source).hexdigest()),
            ('"landed on 20 July 1969"', '"landed on 29 February 1968"'),
        ),
    )
    seen = 0
    for seed in SEEDS:
        for q in map(Seen, all_questions(pack, seed, kinds=["choice", "true_false"])):
            for value in q.values:
                if isinstance(value, When) and value.day is not None:
                    seen += 1
                    dt.date(value.year, value.month, value.day)  # raises for a false date
    assert seen


# -- no repeats, balanced rounds (issue 7: 1, 2) ----------------------------------------------


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_all_questions_hold_no_duplicates(name: str, seed: int) -> None:
    qs = questions(name, seed)
    shown = Counter((q.prompt, q.options) for q in qs)
    assert [k for k, n in shown.items() if n > 1] == []
    statements = Counter(plain(q.prompt) for q in qs if q.kind == "true_false")
    assert [k for k, n in statements.items() if n > 1] == []


ROUND_SEEDS = range(200)


@functools.cache
def rounds(name: str) -> tuple[tuple[Question, ...], ...]:
    pack = PACKS[name]()
    return tuple(tuple(generate(pack, seed, 10)) for seed in ROUND_SEEDS)


@pytest.mark.parametrize("name", list(PACKS))
def test_rounds_never_repeat(name: str) -> None:
    """Never the same question, the same prompt, or a fact twice: the moon pack's ten facts
    make a shorter round rather than one whose feedback answers a later question."""
    pack = PACKS[name]()
    for round_ in rounds(name):
        # the moon pack's questions name each other's astronauts and missions: fewer fit
        assert len(round_) == 10 if name == "bundled" else 5 <= len(round_) <= 10
        for i, a in enumerate(round_):
            assert not _conflict(a, round_[:i], pack), a.id


@pytest.mark.parametrize("name", list(PACKS))
def test_rounds_mix_kinds_as_evenly_as_the_pack_allows(name: str) -> None:
    """A round of ten holds every kind, none more than once over another, unless each
    question the fewer kind has left would repeat a prompt or a fact of the round (the
    moon pack's one number question has the prompt of its crew-size choice question).
    Weighed as the round builds them, at its seed (`all_questions` builds a select-all that
    makes nothing at the seed at the next few: a round never offers those)."""
    pack = PACKS[name]()
    for seed, round_ in zip(ROUND_SEEDS, rounds(name), strict=True):
        kinds = Counter(q.kind for q in round_)
        most = max(kinds.values())
        for kind in KINDS:
            if kinds[kind] < most - 1:
                built = (s.build(seed) for s in slots(pack) if s.kind == kind)
                for q in (q for q in built if q is not None):
                    assert _conflict(q, round_, pack, last=True), (seed, q.id, kinds)
    if name == "bundled":
        # every kind in every round, but order: its few questions name events that other
        # questions date, and a round keeps apart questions that answer each other
        full = sum(set(q.kind for q in r) == set(KINDS) for r in rounds(name))
        # 0.85: the fifth reading's keyword rule left 17 evidence questions of 20, so fewer
        # fit beside the rest of a round (179 of 200 rounds hold every kind, 186 before), and
        # the sixth's Warsaw year made background took a date question away (175); 0.70: the
        # seventh left 11 evidence questions of 17 (148)
        assert full >= 0.70 * len(ROUND_SEEDS)
        # and every kind but order in all rounds but three (1.5 %): an evidence question's
        # wrong sentences may not hold the proof of a question beside it, and the pack's six
        # select-alls (the fourth reading dropped a twin of one) may all clash with a round
        # (the check above shows each one really conflicts)
        # (seven since the fifth reading's keyword rule took three evidence questions away: in
        # each of them, every one of the 17 left conflicts with the round)
        short = sum(not set(q.kind for q in r) >= set(KINDS) - {"order"} for r in rounds(name))
        # (thirty since the seventh reading's rule took six more: 11 evidence questions left,
        # each of which really conflicts with the rounds that lack one, as checked above)
        assert short <= 32


def _sentence_of(pack: Pack, q: Question) -> tuple[str, int]:
    text = pack.sources[q.quote.source].text
    return q.quote.source, sentences_covering(text, q.quote.start, q.quote.start + 1).start


def test_bundled_rounds_spread_facts_sentences_and_topics() -> None:
    """With a hundred facts there is room: no fact is asked twice by questions on one fact,
    no two such questions share their answer sentence, and no topic takes half a round."""
    pack = bundled()
    crowded = 0
    shared = 0
    for round_ in rounds("bundled"):
        single = [q for q in round_ if len(q.facts) == 1]
        assert len({q.fact for q in single}) == len(single)
        said = [_sentence_of(pack, q) for q in round_ if len(q.facts) <= 2]
        shared += len(set(said)) != len(said)
        topics = Counter(t for q in round_ for t in q.topics)
        # a preference the hard rules may override: questions that would answer each other
        # are kept apart first
        assert max(topics.values()) <= 6, topics
        crowded += max(topics.values()) > 5
    assert crowded <= len(ROUND_SEEDS) // 50
    # a soft rule (rounds.py gives it up at its last levels): since the fifth reading asks the
    # forward force's size as a number question, one round in 200 puts it beside the select-
    # all on the same sentence (seed 7); since the seventh, two put the augmentation's year
    # (whose quote opens with "The Russian aggression in Ukraine in spring 2014 …") beside the
    # evidence question on that sentence, which comes first (seeds 112, 135). Since the
    # thirty-second, when the Vilnius questions are no longer typed, three rounds put a figure
    # of a paragraph beside a true/false on its next sentence, as the last two questions (seeds
    # 30, 58, 76); the first one's feedback holds that sentence back ("[…]")
    assert shared <= 3


@pytest.mark.parametrize("name", list(PACKS))
def test_rounds_balance_true_and_false(name: str) -> None:
    """Answering "True" every time must not pay: neither answer is right much more often."""
    answers = Counter(q.answer_text() for r in rounds(name) for q in r if q.kind == "true_false")
    assert max(answers.values()) <= 0.6 * sum(answers.values()), answers


# -- evidence questions judge evidence (issue 7: 3) -------------------------------------------

RUN = 6  # the claim may not copy this many words in a row from its proof


def _words(text: str) -> list[str]:
    return plain(text).split()


def _longest_shared_run(a: str, b: str) -> int:
    x, y = _words(a), _words(b)
    runs = {(i, j): 0 for i in range(-1, len(x)) for j in range(-1, len(y))}
    best = 0
    for i, wx in enumerate(x):
        for j, wy in enumerate(y):
            if wx == wy:
                runs[i, j] = runs[i - 1, j - 1] + 1
                best = max(best, runs[i, j])
    return best


def _states(text: str, value: Value) -> bool:
    """The text names the value: a name as whole words, a date's year (and month), a number
    in digits (perhaps '14th') or as written."""
    if isinstance(value, When):
        ok = re.search(rf"(?<!\d){value.year}(?!\d)", text) is not None
        if value.month is not None:
            ok = ok and MONTHS[value.month - 1] in text
        return ok
    if isinstance(value, Number):
        digits = rf"(?<![\d,]){value.value:,}(?:st|nd|rd|th)?(?![\d,])"
        return re.search(digits, text) is not None or bool(
            value.text and mentions(text, value.text)
        )
    return any(mentions(text, n) for n in value.names)


def _another_month(text: str, value: Value) -> bool:
    """Of a day, its year with only another month ("June 8, 1854" for the Senate's April 25,
    1854): a near miss on it, which cannot prove it."""
    if not isinstance(value, When) or value.day is None:
        return False
    named = {m for m, month in enumerate(MONTHS, 1) if re.search(rf"\b{month}\b", text)}
    return bool(named) and value.month not in named


def _touches(text: str, value: Value) -> bool:
    """Any trace of the value: a word that begins with one of its names, its year, its digits
    or number word."""
    if isinstance(value, When):
        return re.search(rf"(?<!\d){value.year}", text) is not None
    if isinstance(value, Number):
        word = NUMBER_WORDS[int(value.value)] if value.value < len(NUMBER_WORDS) else "-"
        digits = rf"(?<![\d.]){int(value.value)}(?!\d)"
        return (
            re.search(digits, text.replace(",", "")) is not None
            or word in plain(text)
            or bool(value.text and plain(value.text) in plain(text))
        )
    padded = " " + plain(text)
    return any(" " + plain(n) in padded for n in value.names)


def _claim(q: Seen) -> str:
    return q.prompt.split(" proves this? ", 1)[1]


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_evidence_claim_is_a_paraphrase_of_a_sentence_that_states_it_all(
    name: str, seed: int
) -> None:
    pack = PACKS[name]()
    for q in each(name, seed, "evidence"):
        noun = pack.sources[q.quote.source].noun
        assert q.prompt.startswith(f"Which sentence of the {noun} proves this? "), q.id
        assert _longest_shared_run(_claim(q), q.answer) < RUN, (q.id, _claim(q), q.answer)
        fact = pack.fact_by_id[q.fact]
        for value in (fact.subject, fact.object):
            assert _states(q.answer, value), (q.id, value.display, q.answer)


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_an_evidence_answer_is_not_found_by_its_length(name: str, seed: int) -> None:
    """The right sentence was the shortest by far (70 characters beside 98 to 162) in three
    of five questions (the twenty-second reading): within a quarter of the wrong ones."""
    for q in each(name, seed, "evidence"):
        wrong = [len(o) for o in q.options if o != q.answer]
        assert 0.75 * min(wrong) <= len(q.answer) <= max(wrong) / 0.75, (q.id, len(q.answer), wrong)


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_evidence_wrong_sentences_are_near_misses_that_cannot_prove_it(
    name: str, seed: int
) -> None:
    pack = PACKS[name]()
    for q in each(name, seed, "evidence"):
        fact = pack.fact_by_id[q.fact]
        text = pack.sources[q.quote.source].text
        where = paragraph_of(text, text.index(q.answer), text.index(q.answer) + 1)
        terms = {w for w in _words(_claim(q)) if len(w) >= 5}
        on_topic = 0
        for option in q.options:
            if option == q.answer:
                continue
            if _touches(option, fact.object) and not _another_month(option, fact.object):
                # a near miss on the object: about another thing
                assert not _states(option, fact.subject), (q.id, option)
                # a pronoun points back: only after the source has named the subject may one
                # stand for it
                if _states(text[: text.index(option)], fact.subject):
                    assert not STANDS_IN & set(_words(option)), (q.id, option)
            assert len(_words(option)) >= 6, (q.id, option)  # no "And it proved wise."
            at = text.index(option)
            near = paragraph_of(text, at, at + 1) == where
            on_topic += (
                near
                or _states(option, fact.subject)
                or _touches(option, fact.object)
                or bool(terms & set(_words(option)))
            )
        assert on_topic >= 2, q.id


@pytest.mark.parametrize("name", list(PACKS))
def test_an_evidence_question_refused_before_the_draw_is_refused_at_every_draw(
    name: str,
) -> None:
    """`evidence` refuses a question before drawing wrong sentences when no sentence it could
    offer names the claim's terms: at every draw, none of the wrong sentences would have."""
    import random

    from quiz.generate import evidence as ev

    pack = PACKS[name]()
    refused = 0
    for fact in pack.facts:
        found = ev.paraphrased_proof(pack, fact)
        if isinstance(found, Refusal):
            continue
        sentence, quote, claim = found
        terms = ev.distinctive_terms(pack, claim, sentence.text)
        if not terms or ev._named_elsewhere(pack, fact, quote.source, sentence, terms):
            continue
        refused += 1
        for seed in range(20):
            wrong = ev.near_misses(pack, fact, claim, quote.source, sentence, random.Random(seed))
            assert not any(ev.near_named(pack, fact, w, terms) for w in wrong), (fact.id, seed)
    assert refused >= {"moon": 0, "bundled": 10, "gadsden": 1}[name]


# words that may stand for a subject a sentence does not name ("It began on 29 March 2004")
STANDS_IN = {"it", "its", "they", "them", "their", "this", "these", "those", "we", "our"}


def test_evidence_wrong_sentences_are_not_the_same_few_everywhere() -> None:
    """Off-topic fillers were offered in 9-14 evidence questions each; three sentences keyed
    13 questions, and two pairs had one option set (issue 18)."""
    for seed in SEEDS:
        evidence = each("bundled", seed, "evidence")
        # 20 before the fifth reading: a claim whose names and dates no wrong sentence can
        # hold is no evidence question now (the Netherlands' troops, the NFIU hosts …); 17
        # before the seventh, which found the subject's or object's name ("Ämari", "Wales")
        # or two content words ("officers … headquarters") in the answer alone enough; 11
        # before the nineteenth, which found claims a word-matcher answers (three words more
        # in the proof than in any wrong sentence), "six" and "14" in the proof alone; 7
        # before the twentieth (two words of the claim in the proof alone); 6 before the
        # twenty-first ("regional security", copied from the proof, in no wrong sentence); 5
        # before the twenty-second (a proof much shorter than every near miss)
        assert len(evidence) >= 4
        used = Counter(o for q in evidence for o in q.options if o != q.answer)
        assert max(used.values()) <= max(5, len(evidence) // 4), used.most_common(3)
        proofs = Counter(q.answer for q in evidence)
        assert max(proofs.values()) <= 2, proofs.most_common(2)
        sets = Counter(frozenset(q.options) for q in evidence)
        assert max(sets.values()) == 1


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_no_two_wrong_options_are_named_alike(name: str, seed: int) -> None:
    """ "the Baltic Air Policing Mission" and "the Baltic air policing augmentation" beside
    "NATO enhanced Forward Presence": the two named alike pair off and the odd one out is
    the key (the nineteenth reading). No wrong option holds another's name but its last
    word (two words of substance or more)."""
    small = {"the", "a", "an", "of", "in", "on", "and", "to", "for"}
    for q in each(name, seed, "choice", "multi"):
        wrong = [" ".join(_words(o)) for o in q.options if o not in q.answers]
        for a in wrong:
            words = [w for w in a.split() if w not in ("the", "a", "an")]
            stem = " ".join(words[:-1])
            if len([w for w in words[:-1] if w not in small]) < 2:
                continue
            for b in wrong:
                assert b == a or f" {stem} " not in f" {b} ", (q.id, a, b)


@pytest.mark.parametrize("name", list(PACKS))
def test_a_lists_choices_do_not_share_their_wrong_options(name: str) -> None:
    """ "Which country joined along with Lithuania?" for Bulgaria, Romania, Slovenia …: each
    showed Albania and Croatia at every seed, all the bank had, so a student who met one
    picked the new option (the twentieth reading found nine such). Two choices asking one
    subject's list never show the same wrong options at every seed (at one seed they may,
    by chance)."""
    shown: dict[tuple[object, ...], dict[str, set[frozenset[str]]]] = {}
    for seed in SEEDS:
        for q in each(name, seed, "choice"):
            claim = q.origin.claim
            if claim is None:  # an author's own question
                continue
            wrong = frozenset(o for o in q.options if o not in q.answers)
            lists = shown.setdefault((claim.relation, claim.direction, claim.anchor.key), {})
            lists.setdefault(q.id, set()).add(wrong)
    for siblings in shown.values():
        fixed = [next(iter(s)) for s in siblings.values() if len(s) == 1]
        assert len(fixed) == len(set(fixed)), siblings


def _stems5(text: str) -> set[str]:
    """Words of five letters or more cut to five, and numbers: a word-matcher's view."""
    return {w if w.isdigit() else w[:5] for w in _words(text) if len(w) >= 5 or w.isdigit()}


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_evidence_is_not_won_by_matching_words(name: str, seed: int) -> None:
    """A student who picks the sentence sharing the most of the claim's words must not be
    sure to win: the proof may share at most one more of them than the closest wrong
    sentence ("NATO fighters scrambled … Russia's military aircraft … Baltic" shared eight
    with its proof and three with any other, the nineteenth reading found; "Americans …
    Mesilla Valley in 1853" five and three, the twenty-fifth)."""
    for q in each(name, seed, "evidence"):
        claim = _stems5(_claim(q)) - _stems5("According article")
        closest = max(len(claim & _stems5(o)) for o in q.options if o != q.answer)
        assert len(claim & _stems5(q.answer)) - closest <= 1, (q.id, _claim(q), q.answer)


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_evidence_is_not_won_by_two_words_of_the_proof_alone(name: str, seed: int) -> None:
    """ "The defence system … rests on solidarity of allies": "solidarity", "allies" and
    "system" stood in the proof and in no wrong sentence (the twentieth reading). At most one
    word of the claim (but the pack's title) is its proof's alone."""
    pack = PACKS[name]()
    title = _stems5(pack.title)
    for q in each(name, seed, "evidence"):
        small = _stems5("According article since their there which would about other after")
        claim = _stems5(_claim(q)) - title - small
        wrong = set().union(*(_stems5(o) for o in q.options if o != q.answer))
        alone = (claim & _stems5(q.answer)) - wrong
        assert len(alone) <= 1, (q.id, sorted(alone))


def test_evidence_is_not_won_by_a_count_or_the_packs_own_subject() -> None:
    """ "six other countries" and "for 14 years" stood in the proof alone: every wrong sentence
    named Lithuania, the pack's own subject, which counted as a near miss (nineteenth
    reading). Neither claim is asked as evidence now."""
    for seed in SEEDS:
        asked = {q.id for q in each("bundled", seed, "evidence")}
        assert "lithuania-joined-along-with-six-countries:evidence" not in asked
        assert "lithuania-14-years-of-membership:evidence" not in asked


def _content(text: str) -> set[str]:
    stop = {"the", "and", "of", "in", "on", "to", "for", "its", "was", "were", "with", "has"}
    return {w for w in _words(text) if len(w) > 2 and w not in stop}


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_evidence_claims_are_no_trimmed_copies(name: str, seed: int) -> None:
    """Twelve claims were their answer sentence with words dropped: at most three in four of a
    claim's content words may be its proof's."""
    for q in each(name, seed, "evidence"):
        claim = _content(_claim(q))
        assert len(claim & _content(q.answer)) <= 0.8 * len(claim), (q.id, _claim(q), q.answer)


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_evidence_is_not_won_by_one_keyword(name: str, seed: int) -> None:
    """At least one wrong sentence names the claim's subject or hints at its object where the
    source has such a sentence: the subject's name alone, or the date alone, is no way in."""
    pack = PACKS[name]()
    for q in each(name, seed, "evidence"):
        fact = pack.fact_by_id[q.fact]
        wrong = [o for o in q.options if o != q.answer]
        near = [o for o in wrong if _states(o, fact.subject) or _touches(o, fact.object)]
        if near:
            continue
        text = pack.sources[q.quote.source].text
        quotes = [e.text for f in pack.facts for e in f.evidence if f.subject == fact.subject]
        could = [
            t
            for t, start in ((text[s.start : s.end], s.start) for s in sentences(text))
            if t != q.answer
            and len(_words(t)) >= 6
            and not any(e in t for e in quotes)
            and (_states(t, fact.subject) != _touches(t, fact.object))
            # a pronoun stands for the subject only once the source has named it
            and not (STANDS_IN & set(_words(t)) and _states(text[:start], fact.subject))
        ]
        assert not could, (q.id, could)


# -- plausible wrong options (issue 7: 4, 8) --------------------------------------------------


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_wrong_options_play_the_answers_role(name: str, seed: int) -> None:
    """Same group and every attribute of a right answer; years a few years off; numbers of
    the same quantity (its relation's unit) or near the key."""
    pack = PACKS[name]()
    for q in each(name, seed, "choice", "multi"):
        if q.hand_written:
            continue
        rights = [value_of(q, a) for a in q.answers]
        relation = pack.relations[q.relation]
        same_quantity = {
            f.object.key
            for r in pack.relations.values()
            if r.id == relation.id or (relation.unit and r.unit == relation.unit)
            for f in pack.facts
            if f.relation.id == r.id
        }
        for option, value in zip(q.options, q.values, strict=True):
            if option in q.answers:
                continue
            if isinstance(value, Entity):
                assert any(
                    isinstance(r, Entity)
                    and (r.group is None or r.group == value.group)
                    and set(r.attributes) <= set(value.attributes)
                    for r in rights
                ), (q.id, option)
            elif isinstance(value, When):
                assert any(abs(value.year - r.year) <= 5 for r in rights), (q.id, option)
            elif isinstance(value, Number):
                key = rights[0]
                near = abs(value.value - key.value) <= max(3, key.value / 2)
                if key.approx:  # "about 1,000" for "over 1,000": wrong figures far off, so
                    # none could be it, yet within ten times of it
                    near = key.value / 10 <= value.value <= key.value * 10 and value.approx
                assert value.key in same_quantity or near, (q.id, option)


OUTSIDE_NATO = ("Afghanistan", "Iraq", "Pakistan", "Russia", "Ukraine", "Bosnia and Herzegovina")


def test_allied_roles_never_offer_a_country_outside_the_alliance() -> None:
    """Contributors, leaders and fellow joiners are allies: Pakistan is no near miss."""
    roles = ("manned_and_equipped_by", "led_by_country", "joined_nato_along_with")
    roles += ("began_with_detachment_from", "joined_nato_on", "deployed_in_country")
    asked = 0
    for seed in SEEDS:
        for q in each("bundled", seed, "choice", "multi", "true_false"):
            if q.relation in roles:
                asked += 1
                shown = q.options if q.kind != "true_false" else (q.prompt,)
                assert not any(mentions(o, c) for o in shown for c in OUTSIDE_NATO), q.id
    assert asked


def test_general_knowledge_is_not_asked() -> None:
    pack = bundled()
    background = {f.id for f in pack.facts if f.background}
    assert background, "the bundled pack marks its general-knowledge facts"
    for q in questions("bundled", 0):
        assert not background & set(q.facts), q.id
        assert "In which country is Washington" not in q.prompt


# -- fair falsehoods (issue 7: 5) -------------------------------------------------------------


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_false_statements_resting_on_a_list_say_whose_list(name: str, seed: int) -> None:
    pack = PACKS[name]()
    said = 0
    for q in each(name, seed, "true_false"):
        if q.hand_written or q.answer != "False":
            continue
        relation = pack.relations[q.relation]
        listed = [f for f in pack.facts if f.relation.id == relation.id and f.subject == q.anchor]
        if len(listed) > 1:
            said += 1
            noun = pack.sources[q.quote.source].noun
            assert f"according to the {noun}" in q.prompt.lower(), q.id
            assert "Not in the" not in q.explanation
            assert f"not {q.values[0].display}" in q.explanation, q.explanation
    assert name in ("moon", "gadsden") or said  # the packs with no list of one subject


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_time_bound_claims_are_framed_by_the_sources_date(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in questions(name, seed):
        if q.relation is None or not pack.relations[q.relation].time_bound:
            continue
        year = pack.sources[q.quote.source].as_of
        assert f"({year})" in q.prompt, q.id


def test_what_is_true_in_the_world_is_never_keyed_false() -> None:
    """Cooperative security became a core task in 2010; resilience goes back to the 1949
    treaty; NATO added battlegroups in Romania and Bulgaria in 2022 (so the eFP questions
    speak of the 2016 decision); Lithuania's military representatives sit in the EU's
    military bodies too."""
    never = {
        "focus_2004_2013": ("security through cooperation", "regional security"),
        "initial_mission": ("national resilience",),
        "representatives_debate_in": ("European Union",),
    }
    for seed in SEEDS:
        for q in each("bundled", seed, "choice", "multi", "true_false"):
            if q.relation == "deployed_in_country":
                assert "2016" in q.prompt, q.id
            for value in never.get(q.relation or "", ()):
                if q.kind == "true_false":
                    assert q.answer == "True" or value not in q.prompt, q.id
                else:
                    assert value not in q.options, q.id


def test_the_summit_is_asked_typed_only_and_its_feedback_argues_about_no_option() -> None:
    """ "The Warsaw Summit approved the deployment of the air policing augmentation" was false
    only because the article dates every other deployment before the summit, and its
    feedback said so. Since the nineteenth reading the summit is asked typed only (its choice
    offered two wrong options named alike, the mission and its augmentation, and the odd one
    out was the key), and that explanation, shown to a student who had typed the answer,
    named another typed answer (reader 32a), claimed more than the article dates (33a, 35a)
    and puzzled (34a, 35a): the fact has none, so its feedback is its statement and quote."""
    asked = [
        q
        for seed in SEEDS
        for q in each("bundled", seed, "true_false", "choice", "typed")
        if q.relation == "summit_decided_to_deploy"
    ]
    assert asked and {q.kind for q in asked} == {"typed"}
    assert all("years before" not in q.explanation for q in asked)


def test_precise_wording_of_air_policing() -> None:
    for seed in SEEDS:
        for q in questions("bundled", seed):
            if "air policing" in q.prompt.lower():
                assert "NATO Air Policing Mission began" not in q.prompt
            if q.relation == "deployed_in_year":
                assert "first" in q.prompt, q.id


# -- explanations (issue 7: 7) ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_no_feedback_shows_a_paragraph_twice(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in questions(name, seed):
        paras = []
        for quote in q.origin.quotes:
            text = pack.sources[quote.source].text
            span = paragraph_of(text, quote.start, quote.end)
            paras.append((quote.source, span.start))
        assert len(set(paras)) == len(paras), q.id


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_explanations_do_not_repeat_themselves(name: str, seed: int) -> None:
    for q in questions(name, seed):
        said = [s.strip() for s in re.split(r"(?<=\.) ", q.explanation) if s.strip()]
        assert len(set(said)) == len(said), (q.id, q.explanation)
        if q.kind == "multi":
            assert len(said) <= 2, (q.id, q.explanation)  # not one sentence per right option
        if q.hand_written:
            assert all(x.text not in q.explanation for x in q.origin.quotes), q.id


# -- no give-aways (issue 7: 9) ---------------------------------------------------------------

_FUNCTION = """
which these this that what with from into does were have been
their there according article text source select every named name names
"""
FUNCTION_WORDS = set(_FUNCTION.split())


def _content_words(text: str) -> set[str]:
    return {w for w in _words(text) if len(w) >= 4 and w not in FUNCTION_WORDS}


@pytest.mark.parametrize(("name", "seed"), CASES, ids=IDS)
def test_no_prompt_word_is_shared_by_the_right_options_alone(name: str, seed: int) -> None:
    for q in each(name, seed, "choice", "multi"):
        if q.hand_written:
            continue
        right = set().union(*(_content_words(a) for a in q.answers))
        wrong = set().union(*(_content_words(o) for o in q.options if o not in q.answers))
        assert not (_content_words(q.prompt) & right) - wrong, (q.id, q.prompt, q.options)


# -- recall (issue 7: 10) ---------------------------------------------------------------------


def test_key_facts_are_asked_for_recall() -> None:
    qs = questions("bundled", 0)
    recall = [q for q in qs if q.kind in ("choice", "typed", "number", "multi")]
    assert any(
        q.kind == "number" and q.answer == 2004 and "Lithuania" in q.prompt for q in recall
    ), "the year Lithuania joined NATO"
    assert any(
        q.kind in ("typed", "choice") and mentions(str(q.answer), "Washington") for q in recall
    ), "the city where the ratification was deposited"
    # the treaty is no longer asked: its name stands in NATO's own ("North Atlantic Treaty
    # Organization"), so the third reading would count it a guess (tests/helpers.GUESSABLE)
    assert not any(
        q.kind == "typed" and mentions(str(q.answer), "North Atlantic Treaty") for q in recall
    ), "the treaty named in NATO's own name"


# -- the generator's lookups agree with plain scans ----------------------------------------------


@pytest.mark.parametrize("name", list(PACKS))
def test_sentence_lookup_agrees_with_splitting_the_whole_source(name: str) -> None:
    from quiz.generate.index import SourceIndex

    pack = PACKS[name]()
    for source in pack.sources.values():
        index = SourceIndex(source.text)
        for s in sentences(source.text):
            found = index.sentence(s.start, s.end)
            assert found is not None and (found.start, found.end) == (s.start, s.end)
            para = paragraph_of(source.text, s.start, s.end)
            assert index.bounds(s.start) == (para.start, para.end)


@pytest.mark.parametrize("name", list(PACKS))
def test_fact_lookup_agrees_with_a_scan(name: str) -> None:
    from quiz.packs.model import same_value

    pack = PACKS[name]()
    for relation, facts in pack.facts_by_relation.items():
        for side in ("subject", "object"):
            probes = {getattr(f, side) for f in facts}
            probes |= {When(v.year) for v in probes if isinstance(v, When)}
            for v in probes:
                scan = [f for f in facts if same_value(getattr(f, side), v)]
                assert pack.facts_with(relation, side, v) == scan, (relation, side, v)


@pytest.mark.parametrize("name", list(PACKS))
def test_named_entities_agrees_with_every_word_window(name: str) -> None:
    """The first-word table finds what joining every window of up to NAME_WORDS words finds."""
    from quiz.generate.distractors import NAME_WORDS, _names, named_entities

    pack = PACKS[name]()
    names = _names(pack)
    texts = [s.text[x.start : x.end] for s in pack.sources.values() for x in sentences(s.text)]
    texts += [e.display for e in pack.entities.values()]
    texts += [
        f.relation.render(t, f.subject, f.object) for f in pack.facts for t in f.relation.templates
    ]
    for text in texts:
        words = fold(text).split()
        scan: set[str] = set()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + NAME_WORDS) + 1):
                scan |= names.get(" ".join(words[i:j]), frozenset())
        assert named_entities(pack, text) == scan, text


@pytest.mark.parametrize("name", list(PACKS))
def test_typed_rivals_agree_with_folding_every_name(name: str) -> None:
    from quiz.generate.typed import _rivals

    pack = PACKS[name]()
    entities = list(pack.entities.values())
    for key in entities:
        own = {fold(n) for n in key.names} | {fold(entities[0].name), "washington"}
        scan = tuple(n for e in entities if e.key != key.key for n in e.names if fold(n) not in own)
        assert _rivals(pack, key, own) == scan, key.id


def _groups_by_scan(pack: Pack, dated: list) -> list:  # noqa: ANN001 - facts
    """Time-order groups as first written: every walk compared with every earlier group."""
    from quiz.generate import order

    n, out, earlier = len(dated), [], []
    step = order._stride(n) if n else 1
    stop = pack.lang.stopwords
    for number in range(n):
        chosen, labels, words = [], {}, {}
        for k in range(n):
            fact = dated[((number * order.ITEMS + k) * step) % n]
            if fact.background or not isinstance(fact.object, When):
                continue
            labels[fact.id] = order._label(fact)
            if any(
                order._ties(fact, g, labels) or order._by_logic(fact, g, labels, words, stop)
                for g in chosen
            ):
                continue
            ids = {g.id for g in chosen} | {fact.id}
            if any(len(ids & e) > order.SHARED for e in earlier):
                continue
            chosen.append(fact)
            if len(chosen) == order.ITEMS:
                break
        out.append(chosen if len(chosen) >= 3 else None)
        if len(chosen) >= 3:
            earlier.append({f.id for f in chosen})
    return out


@pytest.mark.parametrize("name", list(PACKS))
def test_order_groups_made_as_far_as_asked_agree_with_a_scan(name: str) -> None:
    from quiz.generate import order

    pack = PACKS[name]()
    dated = order.events(pack)
    scan = _groups_by_scan(pack, dated)
    assert order._all_groups(pack, dated) == scan
    fresh = dataclasses.replace(pack)  # no tables yet: groups made only as far as asked
    for number in [len(dated) // 2, *range(len(dated))]:  # a middle one first, then each
        assert order.group(fresh, number) == scan[number]
    assert order.group(fresh, len(dated)) is None


# -- the verifier catches the new rules (issue 7) ------------------------------------------------


def _first(name: str, kind: str, test) -> Seen:  # noqa: ANN001 - a predicate
    for seed in SEEDS:
        for q in each(name, seed, kind):
            if test(q):
                return q
    pytest.fail(f"no {kind} question to mutate")


def test_verify_catches_an_evidence_claim_copied_from_its_proof() -> None:
    pack = bundled()
    q = _first("bundled", "evidence", lambda q: True)
    lead = q.prompt.split(" proves this? ")[0]
    copied = dataclasses.replace(q.q, prompt=f"{lead} proves this? {q.answer}")
    assert any("copies" in p for p in verify(pack, copied))


def test_verify_catches_an_evidence_claim_trimmed_from_its_proof() -> None:
    """No six words in a row, yet the proof's words with a few dropped: still a copy."""
    pack = bundled()
    q = _first("bundled", "evidence", lambda q: len(q.answer.split()) >= 8)
    lead = q.prompt.split(" proves this? ")[0]
    words = q.answer.rstrip(".").split()
    trimmed = " ".join(w for i, w in enumerate(words) if i % 5 != 4) + "."  # every 5th dropped
    problems = verify(pack, dataclasses.replace(q.q, prompt=f"{lead} proves this? {trimmed}"))
    assert any("trimmed copy" in p for p in problems), problems


def test_verify_catches_a_wrong_sentence_that_could_prove_the_claim() -> None:
    pack = bundled()
    q = _first("bundled", "evidence", lambda q: isinstance(pack.fact_by_id[q.fact].object, Entity))
    fact = pack.fact_by_id[q.fact]
    naming = f"Much was said then of {fact.object.display} in those years."
    wrong = next(i for i, o in enumerate(q.options) if o != q.answer)
    # a sentence on the object that may be about the subject: named, or "it"
    for forged in (f"{fact.subject.display} and {naming}", f"It was so: {naming}"):
        options = tuple(forged if i == wrong else o for i, o in enumerate(q.options))
        problems = verify(pack, dataclasses.replace(q.q, options=options))
        assert any(f"mentions {fact.object.display!r}" in p for p in problems), problems


def test_verify_catches_a_wrong_option_outside_the_answers_role() -> None:
    pack = bundled()
    q = _first("bundled", "choice", lambda q: q.relation == "manned_and_equipped_by")
    pakistan = pack.entities["pakistan"]
    wrong = next(i for i, o in enumerate(q.options) if o != q.answer)
    claim = q.origin.claim
    values = tuple(pakistan if i == wrong else v for i, v in enumerate(claim.values))
    options = tuple(v.display for v in values)
    origin = dataclasses.replace(
        q.origin, claim=dataclasses.replace(claim, values=values), why_wrong=()
    )
    problems = verify(pack, dataclasses.replace(q.q, options=options, origin=origin))
    assert any("Pakistan" in p and "role" in p for p in problems), problems


def test_verify_catches_a_time_bound_claim_without_its_date() -> None:
    pack = bundled()
    q = _first("bundled", "choice", lambda q: "(2018)" in q.prompt)
    undated = dataclasses.replace(q.q, prompt=q.prompt.replace(" (2018)", ""))
    assert any("2018" in p for p in verify(pack, undated))


def test_verify_catches_a_why_not_from_another_relation() -> None:
    """A wrong option explained by a fact of another relation, even one naming the option, is
    caught (on the Gadsden pack: the bundled pack's choices explain no wrong option since its
    Warsaw year became background, the only fact that named another's)."""
    pack = gadsden()
    q = _first("gadsden", "choice", lambda q: bool(q.origin.why_wrong))
    i, why = q.origin.why_wrong[0]
    value = q.values[i]
    others = [f for f in pack.facts if f.relation.id != q.relation]
    naming = [f for f in others if value.key in (f.subject.key, f.object.key)]
    moved = dataclasses.replace(why, fact=(naming or others)[0].id)
    origin = dataclasses.replace(q.origin, why_wrong=((i, moved),))
    problems = verify(pack, dataclasses.replace(q.q, origin=origin))
    assert any("another relation" in p for p in problems), problems


def test_verify_all_catches_a_question_asked_twice() -> None:
    from quiz.generate.verify import verify_all

    qs = [q.q for q in questions("bundled", 0)]
    assert verify_all(qs) == []
    twice = dataclasses.replace(qs[3], id="twin:choice")
    assert verify_all([*qs, twice]) == [("twin:choice", f"repeats question {qs[3].id}")]


# -- the generator's tables belong to their pack ---------------------------------------------


def test_a_packs_tables_are_its_own_and_go_with_it() -> None:
    """The Index is kept by the pack (Pack.derived), not in a module: each pack has its own,
    a pack read back from the parsed-pack cache makes its own, and dropping the pack frees
    its tables at once (no cycle between them that only the collector could break)."""
    import gc
    import pickle
    import weakref

    from quiz.generate.index import index_of

    pack = load_pack(MOON)
    other = load_pack(MOON)
    index = index_of(pack)
    assert index_of(pack) is index and index.pack is pack
    assert index_of(other) is not index
    all_questions(pack)  # fills the tables
    copy = pickle.loads(pickle.dumps(pack))
    assert index_of(copy) is not index and index_of(copy).pack is copy
    gone = weakref.ref(index)
    del index
    was_enabled = gc.isenabled()
    gc.disable()  # freed by reference counting alone, or not at all
    try:
        del pack
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()


@pytest.mark.parametrize("name", ["bundled", "gadsden"])
def test_a_days_key_is_never_the_only_option_of_its_year(name: str) -> None:
    """ "30 December 1853" beside three days of 1854 was found by its year alone ("the
    original treaty", in a pack titled 1853–1854): another option shares the key's year."""
    pack = PACKS[name]()
    seen = 0
    for seed in range(12):
        for q in all_questions(pack, seed, kinds=["choice"]):
            if not all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", o) for o in q.options):
                continue  # days as the packs write them: "30 December 1853"
            seen += 1
            years = [o.rsplit(" ", 1)[-1] for o in q.options]
            key = years[q.key.right]
            assert years.count(key) >= 2, (seed, q.id, q.options)
    assert seen


@pytest.mark.parametrize("name", ["bundled", "gadsden"])
def test_ticking_every_box_of_a_select_all_earns_nothing(name: str) -> None:
    """Four right options of six gave half the credit to a student who ticked them all (the
    twenty-ninth reading): a select-all question never shows more right options than wrong."""
    for seed in SEEDS:
        for q in each(name, seed, "multi"):
            assert q.key.grade(q.options, list(range(len(q.options)))).credit == 0, q.id


def test_a_key_with_attributes_has_a_peer_among_its_wrong_options() -> None:
    """With every wrong option a framework nation or a post-communist ally (Canada, Hungary,
    Slovakia), the Netherlands was the one Western European country among its options, and
    a test-wise student picked it (reader 31b). Where the pack has a wrong option that carries
    no attribute the key lacks (Spain, Italy, Denmark), one of them is among the options."""
    pack = bundled()
    peerless: Counter[str] = Counter()
    for seed in range(30):
        for q in all_questions(pack, seed, kinds=["choice"]):
            claim = q.origin.claim
            key = claim.values[q.key.right] if claim is not None else None
            if not isinstance(key, Entity) or not key.attributes:
                continue
            wrong = [v for i, v in enumerate(claim.values) if i != q.key.right]
            if not any(set(key.attributes) >= set(v.attributes) for v in wrong):
                peerless[q.id.split(":")[0]] += 1
    # Iceland and Luxembourg (`ally` alone) are each other's only peers, and both are right
    assert set(peerless) == {
        "efp-force-lithuania-contributor-iceland",
        "efp-force-lithuania-contributor-luxembourg",
    }
