"""The loader and validator: one bad pack per error class, each pinned to file:line:col.

Every bad pack is a small edit of GOOD (a valid pack over tests/data/sources/moon.txt);
the expected line and column are computed from the text, so the tests say where the
author must look, not just that something failed.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from helpers import MOON_SHA, MOON_TEXT, problems_of, where, write_pack
from quiz.packs import Pack, PackError, Problem, load_pack

GOOD = f"""\
format: quiz-pack/1
id: tiny-moon
title: Tiny Moon
version: 1.0.0
sources:
  article:
    file: sources/moon.txt
    sha256: {MOON_SHA}
    title: Apollo 11
    publisher: Example Press
entities:
  apollo-11: {{type: operation, name: Apollo 11}}
  apollo-12: {{type: operation, name: Apollo 12}}
  armstrong: {{type: person, name: Neil Armstrong}}
  conrad: {{type: person, name: Pete Conrad}}
  bean: {{type: person, name: Alan Bean}}
relations:
  walked_on_moon:
    subject: operation
    object: person
    closed: true
    forward: "Who walked on the Moon during {{subject}}?"
    statement: "{{object}} walked on the Moon during {{subject}}."
  landed_on:
    subject: operation
    object: date
    closed: true
    forward: "When did {{subject}} land?"
    statement: "{{subject}} landed on {{object}}."
facts:
  - id: a11-armstrong
    subject: apollo-11
    relation: walked_on_moon
    object: armstrong
    topics: [crew]
    evidence: {{quote: "Neil Armstrong became the first person"}}
  - id: a12-conrad
    subject: apollo-12
    relation: walked_on_moon
    object: conrad
    topics: [crew]
    evidence: {{quote: "Pete Conrad and Alan Bean walked on the Moon"}}
  - id: a12-landing
    subject: apollo-12
    relation: landed_on
    object: {{date: "1969-11-19"}}
    topics: [dates]
    evidence: {{quote: "Apollo 12 landed on 19 November 1969"}}
"""

EXTRA_FACT = """\
  - id: {id}
    subject: {subject}
    relation: {relation}
    object: {object}
    topics: [x]
    evidence: {evidence}
"""


def edit(old: str, new: str, text: str = GOOD) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once in the pack"
    return text.replace(old, new)


def with_fact(
    *,
    id: str = "extra",
    subject: str = "apollo-12",
    relation: str = "walked_on_moon",
    object: str = "bean",
    evidence: str = '{quote: "Richard Gordon orbited"}',
    text: str = GOOD,
) -> str:
    return text + EXTRA_FACT.format(
        id=id, subject=subject, relation=relation, object=object, evidence=evidence
    )


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pack folder that is also the working folder, so problems name 'pack.yaml'."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def bad(folder: Path, text: str | bytes) -> list[Problem]:
    """The problems of a pack that must not load; fails the test if it loads."""
    found = problems_of(write_pack(folder, text))
    assert found, "the pack loaded, but it should have been refused"
    for p in found:
        assert p.file == "pack.yaml"
        assert p.line >= 1 and p.col >= 1
        assert "\n" not in str(p)
    return found


def one(folder: Path, text: str | bytes, fragment: str) -> Problem:
    """The single problem whose message holds `fragment`."""
    found = bad(folder, text)
    hits = [p for p in found if fragment in p.message]
    assert len(hits) == 1, f"expected one problem with {fragment!r}, got {found}"
    return hits[0]


def at(problem: Problem, line: int, col: int | None = None) -> None:
    assert problem.line == line, problem
    if col is not None:
        assert problem.col == col, problem


# -- the good pack --------------------------------------------------------------------


def test_good_pack_loads(folder: Path) -> None:
    pack = load_pack(write_pack(folder, GOOD))
    assert isinstance(pack, Pack)
    assert pack.id == "tiny-moon"
    assert [f.id for f in pack.facts] == ["a11-armstrong", "a12-conrad", "a12-landing"]
    text = MOON_TEXT.decode()
    for fact in pack.facts:
        q = fact.quote
        assert text[q.start : q.end] == q.text


def test_problem_prints_as_file_line_col(folder: Path) -> None:
    text = edit("object: armstrong", "object: nobody")
    with pytest.raises(PackError) as info:
        load_pack(write_pack(folder, text))
    line, col = where(text, "nobody")
    assert str(info.value) == f"pack.yaml:{line}:{col}: unknown entity 'nobody'"


def test_a_facts_own_accepted_names_load_and_a_bad_list_is_named(folder: Path) -> None:
    text = edit("object: armstrong", 'object: armstrong\n    accept: ["Neil A. Armstrong"]')
    fact = load_pack(write_pack(folder, text)).facts[0]
    assert fact.accept == ("Neil A. Armstrong",)
    text = edit("object: armstrong", "object: armstrong\n    accept: 5")
    found = bad(folder, text)
    line, _ = where(text, "accept: 5")
    assert [(p.line, p.message) for p in found] == [(line, "'accept' must be a list of text")]


def test_a_guessable_entity_is_never_a_typed_answer(folder: Path) -> None:
    """`guessable` leaves out the typed questions whose answer it is and keeps its choice
    (with Pete Conrad and Alan Bean both Apollo 12's, Armstrong's question has wrong options);
    a value other than true or false is named at its line."""
    from quiz.generate import all_questions

    def ids(text: str) -> set[str]:
        return {q.id for q in all_questions(load_pack(write_pack(folder, text)))}

    plain = ids(GOOD)
    marked = "  armstrong: {type: person, name: Neil Armstrong, guessable: true}"
    text = edit("  armstrong: {type: person, name: Neil Armstrong}", marked)
    assert "a11-armstrong:typed:forward" in plain
    assert ids(text) == plain - {"a11-armstrong:typed:forward"}
    assert "a11-armstrong:choice:forward" in ids(text)
    text = edit("guessable: true", "guessable: yes please", text)
    line, _ = where(text, "guessable: yes")
    found = bad(folder, text)
    assert [(p.line, p.message) for p in found] == [(line, "'guessable' must be true or false")]


def test_a_kind_not_asked_of_a_fact_is_left_out_and_a_bad_kind_is_named(folder: Path) -> None:
    """`not_asked: [choice]` leaves out the fact's own multiple-choice question and keeps its
    others; a kind that is no question of one fact is named at its line."""
    from quiz.generate import all_questions

    def ids(text: str) -> set[str]:
        return {q.id for q in all_questions(load_pack(write_pack(folder, text)))}

    plain = ids(GOOD)
    text = edit("object: armstrong", "object: armstrong\n    not_asked: [choice]")
    assert "a11-armstrong:choice:forward" in plain
    assert ids(text) == plain - {"a11-armstrong:choice:forward"}
    text = edit("not_asked: [choice]", "not_asked: [choice, essay]", text)
    line, _ = where(text, "not_asked:")
    found = bad(folder, text)
    kinds = "choice, typed, true_false, number, evidence"
    message = f"'not_asked' lists kinds of question on one fact ({kinds}), not 'essay'"
    assert [(p.line, p.message) for p in found] == [(line, message)]


def test_every_problem_is_reported_at_once(folder: Path) -> None:
    text = edit("object: armstrong", "object: nobody")
    text = edit("relation: landed_on\n    object", "relation: landed\n    object", text)
    found = bad(folder, text)
    assert any("unknown entity 'nobody'" in p.message for p in found)
    assert any("unknown relation 'landed'" in p.message for p in found)


# -- bytes and YAML syntax --------------------------------------------------------------


def test_yaml_syntax_error(folder: Path) -> None:
    text = edit("title: Tiny Moon", "title: [Tiny Moon")
    (p,) = bad(folder, text)
    assert p.message.startswith("YAML:")
    # libyaml notices the unclosed flow sequence on the next line
    assert p.line in (where(text, "[Tiny")[0], where(text, "[Tiny")[0] + 1)


@pytest.mark.parametrize(
    ("old", "new", "needle", "hint"),
    [
        ("title: Tiny Moon", "title: Tiny Moon: the landings", ": the", "put the text in quotes"),
        (
            '    forward: "Who walked on the Moon during {subject}?"',
            "    forward: {subject} walked on the Moon?",
            "forward: {",
            'a template that starts with { must be in quotes: "{subject} …"',
        ),
        (
            "    title: Apollo 11",
            '    title: "Apollo "11" report"',
            "    title:",
            'a " inside double quotes ends the text',
        ),
        (
            "    title: Apollo 11",
            "    title: 'Apollo's flight'",
            "    title:",
            "a ' inside single quotes ends the text: write ''",
        ),
        ("title: Tiny Moon", 'title: "Tiny Moon', '"Tiny', "not closed on its line"),
        ("    title: Apollo 11", '    title: "Apollo 11', '"Apollo', "not closed on its line"),
        ("title: Tiny Moon", "title: @moon", "@moon", "text that starts with @ must be in quotes"),
        ('19 November 1969"}', "19 November 1969}", '"Apollo 12 landed', "never closed"),
        (
            "title: Tiny Moon",
            'title: Tiny\n  extra: "x"',
            "  extra",
            "put the text in quotes",
        ),
        (
            '    closed: true\n    forward: "Who',
            '    closed: true\n   forward: "Who',
            "   forward",
            "indentation",
        ),
    ],
)
def test_yaml_errors_carry_a_hint(folder: Path, old: str, new: str, needle: str, hint: str) -> None:
    """The usual cause of a YAML error, said with it: an unquoted colon, an unquoted
    template, a quote closed early or never, a character that cannot start text."""
    text = edit(old, new)
    (p,) = bad(folder, text)
    assert p.message.startswith("YAML:") and hint in p.message, p
    assert p.line == where(text, needle)[0], p


def test_tab_indentation(folder: Path) -> None:
    text = edit("    title: Apollo 11\n", "\ttitle: Apollo 11\n")
    (p,) = bad(folder, text)
    at(p, *where(text, "\ttitle"))
    assert "tab" in p.message


def test_latin1_bytes_are_not_utf8(folder: Path) -> None:
    text = edit("title: Tiny Moon", "title: Tiny Moon café")
    (p,) = bad(folder, text.encode("latin-1"))
    line, col = where(text, "é")
    at(p, line, col)
    assert "not UTF-8" in p.message and "0xe9" in p.message


def test_utf16_is_not_utf8(folder: Path) -> None:
    (p,) = bad(folder, GOOD.encode("utf-16"))
    at(p, 1, 1)
    assert "not UTF-8" in p.message


def test_utf8_bom_is_fine(folder: Path) -> None:
    with_bom = load_pack(write_pack(folder, b"\xef\xbb\xbf" + GOOD.encode("utf-8"), "bom.yaml"))
    plain = load_pack(write_pack(folder, GOOD))
    assert with_bom.id == plain.id == "tiny-moon"
    assert with_bom.facts == plain.facts


def test_control_character(folder: Path) -> None:
    text = edit("title: Tiny Moon", "title: Tiny\x07Moon")
    (p,) = bad(folder, text)
    at(p, *where(text, "\x07"))


def test_duplicate_mapping_key(folder: Path) -> None:
    text = edit("version: 1.0.0\n", "version: 1.0.0\ntitle: Again\n")
    (p,) = bad(folder, text)
    at(p, *where(text, "title: Again"))
    assert "duplicate key 'title'" in p.message


def test_duplicate_key_deep_inside(folder: Path) -> None:
    text = edit("    topics: [dates]\n", "    topics: [dates]\n    topics: [more]\n")
    (p,) = bad(folder, text)
    at(p, *where(text, "topics: [more]"))
    assert "duplicate key 'topics'" in p.message


def test_two_documents(folder: Path) -> None:
    (p,) = bad(folder, GOOD + "---\nid: other\n")
    at(p, GOOD.count("\n") + 1)
    assert "single document" in p.message


# -- hostile YAML -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/apply:subprocess.check_call [['touch', '{marker}']]",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
)
def test_python_tags_are_refused_and_never_run(folder: Path, payload: str) -> None:
    marker = folder / "executed"
    text = edit("title: Tiny Moon", "title: " + payload.format(marker=marker))
    (p,) = bad(folder, text)
    at(p, *where(text, "!!python"))
    assert "tag not allowed" in p.message
    assert "python/" in p.message
    assert not marker.exists(), "a pack ran code"


def test_unknown_local_tag(folder: Path) -> None:
    text = edit("title: Tiny Moon", "title: !shout Tiny Moon")
    (p,) = bad(folder, text)
    at(p, *where(text, "!shout"))
    assert "tag not allowed in a pack: !shout" in p.message


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("!!int twelve", "cannot read 'twelve'"),
        ("!!float x", "cannot read 'x'"),
        ("!!bool maybe", "cannot read 'maybe'"),
        ("!!binary ===", "'title' must be text, not bytes"),
    ],
)
def test_tags_with_bad_values(folder: Path, value: str, fragment: str) -> None:
    text = edit("title: Tiny Moon", f"title: {value}")
    (p,) = bad(folder, text)
    at(p, *where(text, value))
    assert fragment in p.message


def test_anchor_and_alias_refused(folder: Path) -> None:
    text = edit("topics: [dates]", "topics: &t [dates]")
    (p,) = bad(folder, text)
    at(p, *where(text, "&t"))
    assert "anchors and aliases" in p.message


BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_refused_fast(folder: Path) -> None:
    started = time.perf_counter()
    (p,) = bad(folder, BOMB)
    assert time.perf_counter() - started < 5
    at(p, 1, 4)
    assert "anchors and aliases" in p.message


def test_bomb_after_a_syntax_error_is_still_cheap(folder: Path) -> None:
    started = time.perf_counter()
    bad(folder, BOMB + "j: [unclosed\n")
    assert time.perf_counter() - started < 5


def test_ten_thousand_nested_lists(folder: Path) -> None:
    text = "format: quiz-pack/1\nfacts: " + "[" * 10_000 + "]" * 10_000 + "\n"
    started = time.perf_counter()
    (p,) = bad(folder, text)
    assert time.perf_counter() - started < 5
    assert p.line == 2
    assert "nest" in p.message


def test_nesting_deeper_than_the_limit(folder: Path) -> None:
    # deep enough to pass the YAML parser, too deep for a pack (at most 64 levels)
    text = "format: quiz-pack/1\nfacts: " + "[" * 100 + "]" * 100 + "\n"
    (p,) = bad(folder, text)
    assert p.line == 2
    assert "nested more than 64 levels deep" in p.message


def test_fifty_megabytes_refused_fast(folder: Path) -> None:
    path = folder / "pack.yaml"
    chunk = ("# " + "x" * 1021 + "\n").encode()
    with path.open("wb") as fh:
        fh.write(GOOD.encode())
        for _ in range(50 * 1024):
            fh.write(chunk)
    assert path.stat().st_size > 50 * 2**20
    started = time.perf_counter()
    (p,) = problems_of(path)
    assert time.perf_counter() - started < 2
    at(p, 1, 1)
    assert "MiB" in p.message and "at most 8" in p.message


def test_missing_file(folder: Path) -> None:
    (p,) = problems_of(folder / "absent.yaml")
    assert p.file == "absent.yaml"
    assert "cannot read" in p.message


# -- schema -------------------------------------------------------------------------------


def test_not_a_mapping(folder: Path) -> None:
    (p,) = bad(folder, "- just\n- a list\n")
    at(p, 1, 1)
    assert "must be a mapping" in p.message


def test_empty_file(folder: Path) -> None:
    (p,) = bad(folder, "")
    at(p, 1, 1)


def test_unknown_key_with_did_you_mean(folder: Path) -> None:
    text = edit("    topics: [dates]\n", "    topics: [dates]\n    evidense: {}\n")
    p = one(folder, text, "unknown key")
    at(p, *where(text, "evidense"))
    assert "'evidense'" in p.message and "did you mean 'evidence'?" in p.message


def test_a_misspelt_required_key_is_one_error(folder: Path) -> None:
    text = edit("    topics: [dates]\n", "    topic: [dates]\n")
    (p,) = bad(folder, text)
    at(p, *where(text, "topic:"))
    assert "did you mean 'topics'?" in p.message


def test_unknown_top_level_key_lists_the_allowed_ones(folder: Path) -> None:
    text = GOOD + "zzz: 1\n"
    p = one(folder, text, "unknown key")
    at(p, *where(text, "zzz"))
    assert "allowed:" in p.message and "facts" in p.message


def test_unknown_key_in_a_quote(folder: Path) -> None:
    text = edit(
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became the first person", prefx: "x"}',
    )
    p = one(folder, text, "unknown key")
    at(p, *where(text, "prefx"))
    assert "did you mean 'prefix'?" in p.message


def test_missing_required_key(folder: Path) -> None:
    text = edit("    topics: [dates]\n", "")
    p = one(folder, text, "missing 'topics'")
    at(p, *where(text, "id: a12-landing"))
    assert p.message == "a fact is missing 'topics'"


def test_missing_top_level_key(folder: Path) -> None:
    text = edit("title: Tiny Moon\n", "")
    p = one(folder, text, "missing")
    at(p, 1, 1)
    assert p.message == "the pack is missing 'title'"


def test_missing_source_hash(folder: Path) -> None:
    text = edit(f"    sha256: {MOON_SHA}\n", "")
    p = one(folder, text, "missing 'sha256'")
    at(p, *where(text, "file: sources/moon.txt"))
    assert p.message.endswith(f"set sha256: {MOON_SHA}")  # the value to write


@pytest.mark.parametrize("placeholder", ["0" * 64, "TODO", "'0000'"])
def test_a_placeholder_hash_says_what_to_set(folder: Path, placeholder: str) -> None:
    """A new pack's copied all-zeros example (or any non-hash) is not a 'changed' source."""
    text = edit(MOON_SHA, placeholder)
    (p,) = bad(folder, text)
    at(p, *where(text, placeholder))
    assert p.message == f"set sha256 to {MOON_SHA} (the SHA-256 of sources/moon.txt)"


def test_wrong_format(folder: Path) -> None:
    text = edit("format: quiz-pack/1", "format: quiz-pack/2")
    p = one(folder, text, "format must be")
    at(p, *where(text, "quiz-pack/2"))


@pytest.mark.parametrize(
    ("old", "new", "needle", "fragment"),
    [
        ("title: Tiny Moon", "title: [Tiny, Moon]", "[Tiny", "'title' must be text, not a list"),
        (
            'closed: true\n    forward: "Who',
            'closed: sure\n    forward: "Who',
            "sure",
            "'closed' must be true or false",
        ),
        (
            'topics: [crew]\n    evidence: {quote: "Pete',
            'topics: 77777\n    evidence: {quote: "Pete',
            "77777",
            "'topics' must be a list of text",
        ),
        (
            "  bean: {type: person, name: Alan Bean}",
            "  bean: {type: person, name: Alan Bean, aliases: [1, 2]}",
            "[1, 2]",
            "'aliases' must be a list of text",
        ),
        (
            "  bean: {type: person, name: Alan Bean}",
            "  bean: [person, Alan Bean]",
            "[person",
            "must be a mapping",
        ),
        (
            "  bean: {type: person, name: Alan Bean}",
            "  bean: {type: astronaut, name: Alan Bean}",
            "astronaut",
            "unknown entity type 'astronaut'",
        ),
        (
            'object: {date: "1969-11-19"}',
            'object: {year: "1969"}',
            '"1969"',
            "a year is a whole number",
        ),
        (
            'object: {date: "1969-11-19"}',
            'object: {date: "19 Nov 1969"}',
            '"19 Nov',
            'a date is "YYYY-MM-DD"',
        ),
        (
            'object: {date: "1969-11-19"}',
            'object: {day: "1969-11-19"}',
            "{day",
            "a value is an entity id",
        ),
        ("id: a12-conrad", "id: A12 Conrad", "A12", "must be lower-case letters"),
        (
            "relations:\n  walked_on_moon:\n    subject: operation",
            "relations:\n  walked_on_moon:\n    subject: mission",
            "mission",
            "unknown type 'mission'",
        ),
        ("facts:\n", "facts: {}\nx_facts:\n", "{}", "'facts' must be a list, not a mapping"),
    ],
)
def test_wrong_types(folder: Path, old: str, new: str, needle: str, fragment: str) -> None:
    text = edit(old, new)
    p = one(folder, text, fragment)
    at(p, *where(text, needle))


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ('    statement: "{subject} landed on {object}."', "    statement:", "statement:\n"),
        ("title: Tiny Moon", "title:", "title:\n"),
        ("title: Tiny Moon", 'title: "  "', '"  "'),
        ('    forward: "When did {subject} land?"', "    forward: ~", "~"),
        # an optional key written with nothing after it: the schema refuses it too
        ("    publisher: Example Press", "    publisher: Example Press\n    date:", "date:\n"),
    ],
)
def test_empty_required_text(folder: Path, old: str, new: str, needle: str) -> None:
    text = edit(old, new)
    p = one(folder, text, "must not be empty")
    at(p, where(text, needle)[0])


def test_number_must_be_a_number(folder: Path) -> None:
    text = edit(
        "  landed_on:\n",
        "  crew:\n    subject: operation\n    object: number\n"
        '    statement: "{subject} had {object}."\n  landed_on:\n',
    )
    text = with_fact(relation="crew", object='{number: "three"}', text=text)
    p = one(text=text, folder=folder, fragment="a number is")
    at(p, *where(text, '{number: "three"}'))


@pytest.mark.parametrize("value", ["1" + "0" * 400, ".nan", ".inf", "-.inf"])
def test_number_must_be_finite(folder: Path, value: str) -> None:
    text = edit(
        "  landed_on:\n",
        "  crew:\n    subject: operation\n    object: number\n"
        '    statement: "{subject} had {object}."\n  landed_on:\n',
    )
    text = with_fact(relation="crew", object=f"{{number: {value}}}", text=text)
    p = one(folder, text, "a number is")
    at(p, *where(text, "{number:"))


# -- references and values ------------------------------------------------------------------


def test_unknown_entity_with_hint(folder: Path) -> None:
    text = edit("object: armstrong", "object: armstrog")
    p = one(folder, text, "unknown entity")
    at(p, *where(text, "armstrog"))
    assert "did you mean 'armstrong'?" in p.message


def test_unknown_relation_with_hint(folder: Path) -> None:
    text = edit("relation: landed_on\n    object", "relation: landed_onn\n    object")
    p = one(folder, text, "unknown relation")
    at(p, *where(text, "landed_onn"))
    assert "did you mean 'landed_on'?" in p.message


def test_unknown_source(folder: Path) -> None:
    text = edit(
        '{quote: "Pete Conrad and Alan Bean walked on the Moon"}',
        '{quote: "Pete Conrad and Alan Bean walked on the Moon", source: artcle}',
    )
    p = one(folder, text, "unknown source")
    at(p, *where(text, "artcle"))


@pytest.mark.parametrize("date", ['"2004-02-30"', "2004-02-30", '"1969-13-01"', '"0000-01-01"'])
def test_impossible_date(folder: Path, date: str) -> None:
    text = edit('object: {date: "1969-11-19"}', f"object: {{date: {date}}}")
    (p,) = bad(folder, text)
    at(p, *where(text, date))
    assert date.strip('"') in p.message


def test_real_leap_day_is_fine(folder: Path) -> None:
    text = edit('object: {date: "1969-11-19"}', 'object: {date: "2004-02-29"}')
    found = problems_of(write_pack(folder, text))
    assert [p.message for p in found if "does not state" not in p.message] == []


def test_value_type_must_match_the_relation(folder: Path) -> None:
    text = edit("object: armstrong", "object: apollo-12")
    p = one(folder, text, "the relation wants")
    line, col = where(text, "object: apollo-12")
    at(p, line, col + len("object: "))
    assert "wants a person here, not an operation" in p.message


def test_date_where_the_relation_wants_a_person(folder: Path) -> None:
    text = edit("object: armstrong", 'object: {date: "1969-07-20"}')
    p = one(folder, text, "the relation wants a person")
    at(p, *where(text, '{date: "1969-07-20"}'))


def test_duplicate_fact_id(folder: Path) -> None:
    text = with_fact(id="a12-conrad", object="bean")
    p = one(folder, text, "duplicate fact id")
    at(p, *where(text, "a12-conrad", 2))
    first = where(text, "- id: a12-conrad")[0]
    assert p.message == f"duplicate fact id 'a12-conrad' (also the fact on line {first})"


def test_duplicate_triple(folder: Path) -> None:
    text = with_fact(id="again", subject="apollo-11", object="armstrong")
    p = one(folder, text, "states the same")
    at(p, *where(text, "id: again"))
    assert "'again'" in p.message and "'a11-armstrong'" in p.message


def test_duplicate_hand_question_id(folder: Path) -> None:
    text = GOOD + (
        "questions:\n"
        "  - id: a12-conrad\n    kind: true_false\n    prompt: Did Pete Conrad fly?\n"
        "    answer: true\n    topics: [crew]\n"
        '    evidence: {quote: "Pete Conrad and Alan Bean"}\n'
    )
    p = one(folder, text, "duplicate id")
    at(p, *where(text, "a12-conrad", 2))


def test_hand_question_rules(folder: Path) -> None:
    text = GOOD + (
        "questions:\n"
        "  - id: q1\n    kind: choice\n    prompt: Who orbited during Apollo 12?\n"
        "    answer: Richard Gordon\n    wrong: [richard gordon, Pete Conrad]\n"
        '    topics: [crew]\n    evidence: {quote: "Richard Gordon orbited"}\n'
        "  - id: q2\n    kind: essay\n    prompt: Discuss.\n    answer: x\n    topics: [crew]\n"
        '    evidence: {quote: "Richard Gordon orbited"}\n'
    )
    found = bad(folder, text)
    repeat = [p for p in found if "options repeat" in p.message]
    assert len(repeat) == 1
    at(repeat[0], *where(text, "[richard gordon"))
    kinds = [p for p in found if "kind must be one of" in p.message]
    assert len(kinds) == 1
    at(kinds[0], *where(text, "essay"))


def test_hand_question_prompt_giving_the_answer_away(folder: Path) -> None:
    text = GOOD + (
        "questions:\n"
        "  - id: q1\n    kind: typed\n    prompt: Did Richard Gordon orbit?\n"
        "    answer: Richard Gordon\n"
        '    topics: [crew]\n    evidence: {quote: "Richard Gordon orbited"}\n'
    )
    p = one(folder, text, "the prompt contains the answer")
    at(p, *where(text, "Did Richard"))


# -- quotes -------------------------------------------------------------------------------


def test_quote_not_found_names_the_closest_passage(folder: Path) -> None:
    text = edit(
        "Neil Armstrong became the first person",
        "Neil Armstrong was the first person to step onto the lunar surface",
    )
    p = one(folder, text, "closest passage")
    at(p, *where(text, "was the first"))  # at the first word that differs
    assert "the first person to step onto the lunar surface" in p.message
    assert "the source has 'became' where you typed 'was'" in p.message


def test_quote_nowhere_near_the_source(folder: Path) -> None:
    text = edit("Neil Armstrong became the first person", "Zebras qqq xylophone jjj")
    p = one(folder, text, "not found")
    at(p, *where(text, '"Zebras'))


def _own_source(folder: Path, source: str, quote_yaml: str) -> str:
    """A pack over a source of our own, with one fact quoting it."""
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / "own.txt").write_text(source, encoding="utf-8")
    digest = hashlib.sha256(source.encode()).hexdigest()
    text = edit("file: sources/moon.txt", "file: sources/own.txt")
    text = edit(MOON_SHA, digest, text)
    head = text.split("facts:\n")[0] + "facts:\n"
    return head + EXTRA_FACT.format(
        id="own",
        subject="apollo-11",
        relation="walked_on_moon",
        object="armstrong",
        evidence=quote_yaml,
    )


def test_straight_apostrophe_is_not_verbatim(folder: Path) -> None:
    source = "Lithuania’s NATO membership began in 2004.\u00a0It was a big day.\n"
    text = _own_source(folder, source, '{quote: "Lithuania\'s NATO membership"}')
    p = one(folder, text, "not verbatim")
    at(p, *where(text, "'s NATO"))  # at the apostrophe itself
    assert "Lithuania’s NATO membership" in p.message  # names what the source really writes
    assert (
        "at character 10: you typed U+0027 APOSTROPHE, "
        "the source has U+2019 RIGHT SINGLE QUOTATION MARK"
    ) in p.message


def test_plain_space_for_a_no_break_space_is_not_verbatim(folder: Path) -> None:
    source = "Lithuania’s NATO membership began in 2004.\u00a0It was a big day.\n"
    text = _own_source(folder, source, '{quote: "in 2004. It was"}')
    p = one(folder, text, "not verbatim")
    at(p, *where(text, " It was"))
    assert "you typed U+0020 SPACE, the source has U+00A0 NO-BREAK SPACE" in p.message


def test_typographic_quote_verbatim_is_found(folder: Path) -> None:
    source = "Lithuania’s NATO membership began in 2004, Neil Armstrong read.\u00a0It was a day.\n"
    text = _own_source(folder, source, '{quote: "Lithuania’s NATO membership"}')
    pack = load_pack(write_pack(folder, text))
    q = pack.facts[0].quote
    assert (q.start, q.end) == (0, len("Lithuania’s NATO membership"))


def test_offsets_count_code_points_not_bytes(folder: Path) -> None:
    source = "Šiauliai – Ämari: “air policing” began, Neil Armstrong said.\n"
    text = _own_source(folder, source, '{quote: "air policing"}')
    pack = load_pack(write_pack(folder, text))
    q = pack.facts[0].quote
    assert q.start == source.index("air policing")
    assert source[q.start : q.end] == "air policing"


def test_quote_occurring_twice_needs_a_prefix(folder: Path) -> None:
    text = edit("Neil Armstrong became the first person", "landed on ")
    p = one(folder, text, "occurs 2 times")
    at(p, *where(text, '"landed on "'))
    assert "prefix or suffix" in p.message


def test_prefix_makes_the_quote_unique(folder: Path) -> None:
    text = edit(
        '{quote: "Apollo 12 landed on 19 November 1969"}',
        '{quote: "landed on ", prefix: "12 "}',
    )
    pack = load_pack(write_pack(folder, text))
    q = pack.fact_by_id["a12-landing"].quote
    source = MOON_TEXT.decode()
    assert q.start == source.index("12 landed on ") + len("12 ")
    assert q.end == q.start + len("landed on ")
    assert source[q.start : q.end] == "landed on "
    assert q.prefix == "12 "


def test_suffix_makes_the_quote_unique(folder: Path) -> None:
    text = edit(
        '{quote: "Apollo 12 landed on 19 November 1969"}',
        '{quote: "landed on", suffix: " 19 November"}',
    )
    pack = load_pack(write_pack(folder, text))
    q = pack.fact_by_id["a12-landing"].quote
    source = MOON_TEXT.decode()
    assert q.start == source.index("landed on 19 November")
    assert source[q.start : q.end] == "landed on"


def test_prefix_that_does_not_stand_before_the_quote(folder: Path) -> None:
    text = edit(
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "landed on ", prefix: "Columbia "}',
    )
    p = one(folder, text, "not with this prefix")
    at(p, *where(text, 'a "}'))  # the first letter that differs, from the quote outwards
    assert "the source has 'module Eagle ' before it" in p.message


def test_evidence_list_every_quote_checked(folder: Path) -> None:
    text = edit(
        '{quote: "Neil Armstrong became the first person"}',
        '\n      - {quote: "Neil Armstrong became the first person"}'
        '\n      - {quote: "Buzz Aldrin lead him"}',
    )
    p = one(folder, text, "closest passage")
    at(p, *where(text, "lead him"))
    assert "the source has 'followed' where you typed 'lead'" in p.message


def test_empty_quote(folder: Path) -> None:
    text = edit('{quote: "Neil Armstrong became the first person"}', '{quote: ""}')
    p = one(folder, text, "empty")
    at(p, *where(text, '""'))


# -- sources --------------------------------------------------------------------------------


def test_source_hash_drift(folder: Path) -> None:
    path = write_pack(folder, GOOD)
    changed = MOON_TEXT.replace(b"Eagle", b"Eagel")
    (folder / "sources" / "moon.txt").write_bytes(changed)
    (p,) = [x for x in problems_of(path) if "changed" in x.message]
    at(p, *where(GOOD, MOON_SHA))
    assert hashlib.sha256(changed).hexdigest() in p.message


def test_source_hash_with_a_typo(folder: Path) -> None:
    text = edit(MOON_SHA, "0" + MOON_SHA[1:])
    p = one(folder, text, "has changed")
    at(p, *where(text, "0" + MOON_SHA[1:]))


def test_source_outside_the_pack_folder(folder: Path) -> None:
    (folder / "outside.txt").write_bytes(MOON_TEXT)
    inner = folder / "packs"
    inner.mkdir()
    text = edit("file: sources/moon.txt", "file: ../outside.txt")
    path = write_pack(inner, text)
    (p,) = problems_of(path)
    assert p.file == os.path.join("packs", "pack.yaml")
    at(p, *where(text, "../outside.txt"))
    assert "inside the pack's folder" in p.message


def test_absolute_source_path(folder: Path) -> None:
    text = edit("file: sources/moon.txt", f"file: {folder / 'sources' / 'moon.txt'}")
    p = one(folder, text, "inside the pack's folder")
    at(p, where(text, "file: /")[0])


def test_symlink_escaping_the_pack_folder(folder: Path) -> None:
    (folder / "secret.txt").write_bytes(MOON_TEXT)
    inner = folder / "packs"
    (inner / "sources").mkdir(parents=True)
    (inner / "sources" / "moon.txt").symlink_to(folder / "secret.txt")
    path = write_pack(inner, GOOD)
    (p,) = problems_of(path)
    assert "inside the pack's folder" in p.message


def test_missing_source_file(folder: Path) -> None:
    text = edit("file: sources/moon.txt", "file: sources/mono.txt")
    p = one(folder, text, "cannot read source file")
    at(p, *where(text, "sources/mono.txt"))


def test_source_that_is_not_utf8(folder: Path) -> None:
    path = write_pack(folder, GOOD)
    (folder / "sources" / "moon.txt").write_bytes("café".encode("latin-1"))
    (p,) = [x for x in problems_of(path) if "UTF-8" in x.message]
    at(p, *where(GOOD, "sources/moon.txt"))


def test_source_name_with_a_nul_byte(folder: Path) -> None:
    text = edit("file: sources/moon.txt", 'file: "sources/moon\\0.txt"')
    p = one(folder, text, "U+0000 NULL at character 13")
    at(p, where(text, 'file: "sources')[0])


# -- templates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("Who was {subject.__class__}?", "unknown placeholder {subject.__class__}"),
        ("Who was {subject.__init__.__globals__}?", "unknown placeholder"),
        ("Who was {0}?", "unknown placeholder {0}"),
        ("Who was {}?", "unknown placeholder {}"),
        ("Who was {subject}} there?", "unbalanced"),
        ("Who was {object} on {subject}?", "must contain {subject} and not {object}"),
        ("Who walked on the Moon?", "must contain {subject}"),
    ],
)
def test_bad_template_placeholders(folder: Path, template: str, fragment: str) -> None:
    text = edit('"Who walked on the Moon during {subject}?"', f'"{template}"')
    p = one(folder, text, fragment)
    at(p, *where(text, f'"{template}"'))


def test_statement_needs_both_placeholders(folder: Path) -> None:
    text = edit('"{subject} landed on {object}."', '"{subject} landed."')
    p = one(folder, text, "must contain {object} and {subject}")
    at(p, *where(text, '"{subject} landed."'))


def test_event_needs_a_dated_relation(folder: Path) -> None:
    text = edit(
        '    statement: "{object} walked on the Moon during {subject}."\n',
        '    statement: "{object} walked on the Moon during {subject}."\n'
        '    event: "{subject} walks"\n',
    )
    p = one(folder, text, "'event' needs")
    at(p, *where(text, '"{subject} walks"'))


# -- entities -------------------------------------------------------------------------------


def test_one_bad_entity_type_is_one_error(folder: Path) -> None:
    """Not one more per fact that uses the entity: one mistake, one error."""
    text = edit("  armstrong: {type: person,", "  armstrong: {type: astronaut,")
    text = with_fact(id="again", subject="apollo-12", object="armstrong", text=text)
    (p,) = bad(folder, text)
    assert "unknown entity type 'astronaut'" in p.message
    at(p, *where(text, "astronaut"))


def test_one_bad_relation_is_one_error(folder: Path) -> None:
    text = edit(
        "    subject: operation\n    object: person", "    subject: mission\n    object: person"
    )
    (p,) = bad(folder, text)
    assert "unknown type 'mission'" in p.message


def test_an_unreadable_source_is_one_error(folder: Path) -> None:
    text = edit("file: sources/moon.txt", "file: sources/none.txt")
    (p,) = bad(folder, text)
    assert "cannot read source file" in p.message


def test_the_issues_dash_is_pinpointed(folder: Path) -> None:
    """A hyphen typed for the source's en dash: the column of the dash, both characters named."""
    source = "The 2014–2015 winter was cold. Nothing else happened then.\n"
    text = _own_source(folder, source, '{quote: "The 2014-2015 winter"}')
    p = one(folder, text, "not verbatim")
    at(p, *where(text, "-2015"))
    assert "you typed U+002D HYPHEN-MINUS, the source has U+2013 EN DASH" in p.message


def test_a_line_break_in_the_source_is_named(folder: Path) -> None:
    source = "The tunnel opened in 1994 and runs\nunder the sea for many kilometres today.\n"
    text = _own_source(folder, source, '{quote: "runs under the sea"}')
    p = one(folder, text, "closest passage")
    assert "the source has U+000A LINE FEED" in p.message and "\\n" in p.message


def test_a_quote_with_escapes_is_pinpointed_after_them(folder: Path) -> None:
    source = "She said “yes” to the plan, and then she left the room at noon.\n"
    text = _own_source(folder, source, '{quote: "She said \\u201cyes\\u201d to the plan; and"}')
    p = one(folder, text, "closest passage")
    at(p, *where(text, "; and"))  # the escapes count as one character each


def test_blank_sections_are_empty_ones(folder: Path) -> None:
    text = GOOD.split("entities:")[0] + "entities:\nrelations:\nfacts:\nquestions:\n"
    pack = load_pack(write_pack(folder, text))
    assert pack.facts == () and pack.entities == {} and pack.questions == ()


def test_a_blank_sources_section_is_an_error(folder: Path) -> None:
    text = GOOD.split("sources:")[0] + "sources:\nentities:\nrelations:\nfacts:\n"
    p = one(folder, text, "at least one source")
    at(p, *where(text, "sources:"))


def test_a_question_with_no_topic_is_an_error(folder: Path) -> None:
    """It used to vanish silently: the pack loaded without it."""
    text = GOOD + (
        "questions:\n  - id: q1\n    kind: typed\n    prompt: Who landed?\n"
        "    answer: Pete Conrad\n    topics: []\n"
        '    evidence: {quote: "Pete Conrad and Alan Bean walked on the Moon"}\n'
    )
    p = one(folder, text, "at least one topic")
    at(p, *where(text, "[]"))


def test_a_numbers_text_may_not_hold_control_characters(folder: Path) -> None:
    text = edit(
        "  landed_on:\n",
        "  crew:\n    subject: operation\n    object: number\n"
        '    statement: "{subject} had {object}."\n  landed_on:\n',
    )
    text = with_fact(relation="crew", object='{number: 3, text: "three\\e[2J"}', text=text)
    p = one(folder, text, "U+001B ESCAPE")
    assert "control characters" in p.message


@pytest.mark.parametrize(
    "clash",
    [
        "{type: person, name: neil armstrong}",
        "{type: person, name: The Neil Armstrong}",
        "{type: person, name: Néil Ármstrong}",
        "{type: person, name: Alan Bean, aliases: [NEIL ARMSTRONG]}",
    ],
)
def test_two_entities_sharing_a_folded_name(folder: Path, clash: str) -> None:
    text = edit("  bean: {type: person, name: Alan Bean}", f"  bean: {clash}")
    p = one(folder, text, "is also used by entity 'armstrong'")
    at(p, *where(text, clash))


def test_entity_id_rules(folder: Path) -> None:
    text = edit("  bean: {type", "  Bean Man: {type")
    p = one(folder, text, "entity id")
    at(p, *where(text, "Bean Man"))


# -- the parsed-pack cache --------------------------------------------------------------------


def test_cache_never_serves_a_stale_source(folder: Path) -> None:
    from quiz.packs import registry

    path = write_pack(folder, GOOD)
    first = registry.load(path)
    assert list((folder / "cache").rglob("*.pickle")), "the cache wrote nothing"
    again = registry.load(path)
    assert again.facts == first.facts
    (folder / "sources" / "moon.txt").write_bytes(MOON_TEXT.replace(b"Eagle", b"Eagel"))
    with pytest.raises(PackError) as info:
        registry.load(path)
    assert any("has changed" in p.message for p in info.value.problems)


@pytest.mark.parametrize(
    ("old", "new", "nth", "what"),
    [
        ("object: conrad", "armstrong", 2, "'Neil Armstrong' (by its name"),
        ('object: {date: "1969-11-19"}', '{date: "1969-11-18"}', 1, "the date '18 November 1969'"),
        ('object: {date: "1969-11-19"}', '{date: "1970-11-19"}', 1, "the date '19 November 1970'"),
    ],
)
def test_a_fact_whose_quote_does_not_state_its_object_is_refused(
    folder: Path, old: str, new: str, nth: int, what: str
) -> None:
    """The object is the answer key: a slip there would make every question on the fact
    false while it quotes the sentence that proves so (found by an author's trial)."""
    text = edit(old, f"object: {new}")
    p = one(folder, text, "does not state its object")
    line, col = where(text, f"object: {new}", nth)
    at(p, line, col + len("object: "))
    assert what in p.message and "check the object, or quote the sentence" in p.message


def _crew_of_three(number: str) -> str:
    """The good pack with a crew-size fact quoting "Its crew of three", its number as given."""
    return with_fact(
        relation="crew_size",
        object=number,
        evidence='{quote: "Its crew of three"}',
        text=edit(
            "relations:\n",
            "relations:\n  crew_size:\n    subject: operation\n    object: number\n"
            '    forward: "How many?"\n    statement: "{subject} had {object}."\n',
        ),
    )


def test_a_number_the_quote_does_not_state_is_refused(folder: Path) -> None:
    p = one(folder, _crew_of_three("{number: 4, text: four}"), "does not state its object")
    assert "the number 'four'" in p.message


@pytest.mark.parametrize(
    ("name", "sentence", "stated"),
    [
        ("Belgium", "the landing of the Belgian Air Force Detachment", True),
        ("Germany", "a German-led multinational battalion", True),
        ("cyber attacks", "Cyber, information attacks are a challenge", True),
        ("Sea of Tranquility", "landed in the Sea of Tranquility", True),
        ("Kelburn", "built from stone quarried at Dunmore", False),
        ("Ellen Hale", "The first keeper, Thomas Hale, lit the lamp", False),
        ("Austria", "Australia sent a ship", False),
    ],
)
def test_what_counts_as_stating_a_name(name: str, sentence: str, stated: bool) -> None:
    from quiz.packs.model import Entity
    from quiz.packs.stated import mentions

    assert mentions(sentence, Entity("x", "place", name)) is stated


@pytest.mark.parametrize("written", ["20:17", "010", "3.10", "0x1F", "1_000"])
def test_a_number_yaml_would_rewrite_stays_as_written(folder: Path, written: str) -> None:
    """YAML 1.1 reads 20:17 as 1217: a hand-written answer changed without a word."""
    pack = load_pack(write_pack(folder, edit("title: Tiny Moon", f"title: {written}")))
    assert pack.title == written


@pytest.mark.parametrize("written", [".inf", "-.inf", ".nan", "010", "3.10", "20:17"])
def test_a_number_as_written_is_no_topic(folder: Path, written: str) -> None:
    """Topics, aliases, accepted and wrong answers are text only: an unquoted `.inf` or `010`,
    which YAML (and so an editor checking the schema) reads as a number, is refused there
    with the fix, where the loader took it as the topic '.inf' (the fuzz tests); where text
    or a number will do, it stays as written (above), and quoted it is text."""
    text = edit("topics: [dates]", f"topics: {written}")
    p = one(folder, text, f"'topics' must be a list of text: {written} reads as a number")
    assert p.message.endswith("(put it in quotes)")
    at(p, where(text, f"topics: {written}")[0])
    assert problems_of(write_pack(folder, edit("topics: [dates]", f'topics: ["{written}"]'))) == []


def test_invisible_characters_are_refused_in_names(folder: Path) -> None:
    """A soft hyphen made 'Neil Arm\\u00adstrong' a second option that looks like the right one."""
    text = edit("name: Neil Armstrong}", 'name: "Neil Arm\\u00adstrong"}')
    p = one(folder, text, "invisible character")
    assert "U+00AD SOFT HYPHEN at character 9" in p.message
    text = edit("name: Neil Armstrong}", 'name: "Neil Arm\\u200dstrong"}')
    assert "ZERO WIDTH JOINER" in one(folder, text, "invisible character").message


def test_a_number_text_must_agree_with_the_number(folder: Path) -> None:
    p = one(folder, _crew_of_three("{number: 3, text: four}"), "they must agree")
    assert "'text' 'four' says 4, but 'number' is 3" in p.message


def test_a_quote_of_no_word_is_refused(folder: Path) -> None:
    text = edit(
        '{quote: "Apollo 12 landed on 19 November 1969"}',
        '{quote: " ", prefix: "Apollo 12 landed", suffix: "on 19"}',
    )
    p = one(folder, text, "at least one word")
    at(p, *where(text, '" "'))


def test_an_id_with_a_line_break_is_refused(folder: Path) -> None:
    text = edit("id: tiny-moon", 'id: "tiny-moon\\n"')
    one(folder, text, "must be lower-case letters")


def test_a_name_is_stated_without_its_article() -> None:
    from quiz.packs.model import Entity
    from quiz.packs.stated import names

    ship = Entity("x", "equipment", "the Mary Lane")
    assert names("They rescued the crew of the schooner Mary Lane.", ship)
    assert not names("They rescued the crew of the schooner Mary Rose.", ship)


def test_a_day_written_as_an_ordinal_is_stated() -> None:
    from quiz.packs.model import When
    from quiz.packs.stated import names

    assert names("It began on April 1st, 2004.", When(2004, 4, 1))
    assert names("It began on 22nd April 2004.", When(2004, 4, 22))
    assert not names("It began on 21st April 2004.", When(2004, 4, 22))


@pytest.mark.parametrize("covers", ["[nobody]", "[bean]"])
def test_covers_names_another_entity(folder: Path, covers: str) -> None:
    """An entity lends its names to another only if it exists and is another: a slip would
    mark right the names of nothing (or the entity's own, twice)."""
    text = edit(
        "  bean: {type: person, name: Alan Bean}",
        f"  bean: {{type: person, name: Alan Bean, covers: {covers}}}",
    )
    p = one(folder, text, "no other entity has that id")
    assert "covers" in p.message
