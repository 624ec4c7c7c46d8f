"""The pack YAML read from the parser's events gives what PyYAML's own load gives.

`quiz.packs.yamlio._from_events` builds the document without PyYAML's node tree (so the
cycle collector has little to walk while a large pack loads) and leaves anything unusual to
`yaml.load`; these tests hold it to exactly PyYAML's results: the same values of the same
types in the same order, and the same errors.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.packs.errors import PackError
from quiz.packs.yamlio import PackLoader, _from_events, _load_composed, _Unusual, load_yaml

ROOT = Path(__file__).resolve().parents[1]
PACKS = sorted([*(ROOT / "questions").glob("*.yaml"), *(ROOT / "tests" / "data").glob("*.yaml")])


def composed(text: str) -> str:
    """PyYAML's own result, as repr (which tells 1 from 1.0 from True and shows key order)."""
    return repr(yaml.load(text, Loader=PackLoader))  # noqa: S506 - a SafeLoader


def outcome(load: Any, text: str) -> object:
    """What a load of the text gives: its data (repr) or its problems."""
    try:
        return repr(load(text, "pack.yaml"))
    except PackError as exc:
        return [str(p) for p in exc.problems]


def old_load_yaml(text: str, name: str) -> Any:
    """load_yaml as it was before the event reader: always PyYAML's composed load."""
    from quiz.packs import yamlio

    if "&" in text or "*" in text:
        yamlio._refuse_aliases(text, name)
    data = _load_composed(text, name)
    yamlio._check_depth(data, name, text)
    return data


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.name)
def test_every_pack_reads_as_pyyaml_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert repr(_from_events(text)) == composed(text)


ORDINARY = [
    "a: 1",
    "x",
    "- a\n- b",
    "--- a\n...\n",
    "a: {b: [1, -2, 2.5, .nan, .inf, 010, 0x1f, 3.10, 20:17, 1_000, 2004-02-03, null, ~]}",
    "a: [true, false, yes, no, on, off, 'yes', \"1\"]",
    "a: 2004-02-03T10:11:12Z",
    "a: !!str 1\nb: !!int '7'\nc: !!float 1\nd: ! 5",
    "a: !!binary aGVsbG8=",
    "1: a\n2.5: b\nnull: c\n2004-01-01: d",
    "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
    "a:\n  - {b: 1}\n  - [c, [d, {e: f}]]\n  -\n  - ''\n",
    "a: 'it''s'\nb: \"\\u00e9\\t\"",
    "{}",
    "[]",
    "'<<': quoted is a plain key",
]

UNUSUAL = [
    "",  # no document: PyYAML gives None
    "# only a comment\n",
    "a: 1\n---\nb: 2",  # two documents
    "<<: {a: 1}",  # a merge key
    "? [a]\n: b",  # a list as a key
    "? {a: 1}\n: b",
    "a: 1\na: 2",  # a repeated key
    "1: a\ntrue: b",  # equal keys (1 == True)
    "!!map {a: 1}",  # a tag on a collection
    "a: !!set x",  # a collection's tag on a scalar
    "!!set x: y",
    "a: !!omap [b: 1]",
    "a: !foo x",  # a tag PyYAML has no constructor for
    "a: !!python/object/apply:os.system ['true']",
    "a: !!int abc",
    "a: 2004-02-30",
    "a: &x 1\nb: *x",
    "a: [unclosed\nb: 1",
    "a: 'x\x07'",
    "facts: " + "[" * 100 + "]" * 100,  # deeper than a pack may go
    "facts: " + "[" * 10_000 + "]" * 10_000,
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_yaml_reads_as_pyyaml_reads_it(text: str) -> None:
    assert repr(_from_events(text)) == composed(text)


@pytest.mark.parametrize("text", UNUSUAL)
def test_anything_unusual_is_left_to_pyyaml(text: str) -> None:
    with pytest.raises((_Unusual, yaml.YAMLError)):
        _from_events(text)
    assert outcome(load_yaml, text) == outcome(old_load_yaml, text)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.one_of(st.text(max_size=6), st.integers()), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from([None, True, False]), st.booleans())
def test_dumped_data_reads_as_pyyaml_reads_it(data: Any, flow: bool | None, canon: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, canonical=canon, allow_unicode=True)
    assert outcome(load_yaml, text) == outcome(old_load_yaml, text)


TOKENS = [
    "a",
    ": ",
    "\n",
    "  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "'",
    '"',
    "<<",
    "? ",
    "!!set ",
    "!!str ",
    "1",
    "1.0",
    "true",
    "null",
    "2004-01-01",
    "---\n",
    "#",
    "&a ",
    "*a",
    "|\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)), max_size=40))
def test_any_text_loads_as_before(parts: list[str]) -> None:
    text = "".join(parts)
    assert outcome(load_yaml, text) == outcome(old_load_yaml, text)


def collections_during(work: Any) -> int:
    """How many times the cycle collector ran (any generation) while `work()` ran."""
    runs = [0]

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs[0] += 1

    gc.collect()
    gc.callbacks.append(count)
    try:
        work()
    finally:
        gc.callbacks.remove(count)
    return runs[0]


def test_a_large_document_leaves_the_collector_little_to_do() -> None:
    """The reason for the event reader: PyYAML's node tree (a node and two marks per value,
    all kept to the end) sets the collector off over and over on a large file."""
    text = "".join(
        f"f{i}:\n  subject: c{i}\n  object: {{year: {1900 + i % 100}}}\n  topics: [a, b]\n"
        for i in range(3000)
    )
    events = collections_during(lambda: _from_events(text))
    composed = collections_during(lambda: yaml.load(text, Loader=PackLoader))  # noqa: S506
    assert composed > 50, composed  # the comparison means something
    assert events * 5 < composed, (events, composed)
