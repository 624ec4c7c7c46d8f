"""Invariants over every question the generator produces, checked two ways.

`verify` is the generator's own re-check; the direct assertions below re-state the
product's promise without going through it, so a bug shared by the generator and
verify still shows up. Both run for seeds 0..9 over the moon pack and the bundled pack.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
from pathlib import Path

import pytest

from conftest import MOON
from helpers import Seen, bundled, mentions, moon, plain, run_quiz, write_pack
from quiz.export import export_json
from quiz.generate import all_questions, generate
from quiz.generate.truth import holds, proven_false
from quiz.generate.verify import verify
from quiz.kinds import KIND_NAMES as KINDS
from quiz.packs import Entity, Pack, When, load_pack
from quiz.question import One
from quiz.text import fold

SEEDS = range(10)
PACKS = {"moon": moon, "bundled": bundled}
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
def test_choice_why_wrong_names_a_fact_about_that_option(name: str, seed: int) -> None:
    pack = PACKS[name]()
    for q in each(name, seed, "choice"):
        for option, why in q.why_wrong.items():
            assert option in q.options and option != q.answer
            fact = pack.fact_by_id[why.fact]
            value = value_of(q, option)
            assert value.key in (fact.subject.key, fact.object.key), (q.id, option, why.fact)
            assert why.statement == fact.statement


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
    total = len(all_questions(pack, 0))
    for count in (1, 7, 20):
        round_ = generate(pack, 0, count)
        assert len(round_) == count
        assert len({q.id for q in round_}) == count
    everything = generate(pack, 0, total + 50)
    assert len(everything) == total, "a round asking for more than exists gets every question"
    assert len({q.id for q in everything}) == total


@pytest.mark.parametrize("name", list(PACKS))
def test_generate_spreads_over_facts(name: str) -> None:
    pack = PACKS[name]()
    round_ = generate(pack, 6, 8)
    facts = [q.fact for q in round_]
    assert len(set(facts)) == len(facts), "a short round asks about one fact twice"


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
    ],
    ids=["moon", "bundled"],
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


def _moon_variant(tmp_path: Path, old: str, new: str, extra: str = "") -> Pack:
    text = MOON.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
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
    pack = _moon_variant(tmp_path, 'object: {date: "1969-07-20"}', 'object: {date: "1968-02-29"}')
    seen = 0
    for seed in SEEDS:
        for q in map(Seen, all_questions(pack, seed, kinds=["choice", "true_false"])):
            for value in q.values:
                if isinstance(value, When) and value.day is not None:
                    seen += 1
                    dt.date(value.year, value.month, value.day)  # raises for a false date
    assert seen
