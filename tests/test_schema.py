"""One statement of the format: the JSON Schema. The loader takes its keys from it; these tests
hold the model's enumerations, every real pack and the reference in docs/pack-format.md to it
(tests/test_fuzz.py holds the loader to it over mutated packs)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import DATA, MOON
from helpers import bundled, write_pack
from quiz.packs import PackError, load_pack
from quiz.packs.model import ENTITY_TYPES, LITERAL_TYPES, TEMPLATE_KEYS, VALUE_TYPES
from quiz.packs.schema import definition, enum, keys, literal_keys, schema
from quiz.packs.sections.relations import TEMPLATE_RULES

DOC = Path(__file__).parents[1] / "docs" / "pack-format.md"
VALIDATOR = jsonschema.Draft7Validator(schema())


def as_editors_see_it(data: Any) -> Any:
    """YAML 1.2, as the language server reads it, has no timestamps: an unquoted date is text."""
    if isinstance(data, dict):
        return {k: as_editors_see_it(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_editors_see_it(v) for v in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def schema_errors(text: str) -> list[str]:
    # parsed as the loader parses it (libyaml, which takes a tab after "key:" where the
    # pure-Python parser does not; found by the fuzz tests)
    data = as_editors_see_it(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(schema())


@pytest.mark.parametrize(
    "pack_file",
    [MOON, DATA / "channel.yaml", DATA / "hostile.yaml", None],
    ids=["moon", "channel", "hostile", "bundled"],
)
def test_every_real_pack_meets_the_schema(pack_file: Path | None) -> None:
    path = Path(bundled().path) if pack_file is None else pack_file
    load_pack(path)  # a real pack: the loader accepts it
    assert schema_errors(path.read_text(encoding="utf-8")) == []


def test_the_docs_example_meets_the_schema_once_its_hash_is_set() -> None:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert found is not None
    example = found.group(1)
    assert schema_errors(example) != []  # the placeholder (YAML reads all zeros as 0) is no hash
    assert schema_errors(re.sub(r"sha256: 0{64}", f"sha256: {'ab' * 32}", example)) == []


def test_the_model_and_the_loader_use_the_schemas_names() -> None:
    assert enum("entity.type") == ENTITY_TYPES
    assert enum("value_type") == VALUE_TYPES
    assert set(VALUE_TYPES) - set(ENTITY_TYPES) == set(LITERAL_TYPES)
    required, optional = keys("relation")
    templates = {
        k
        for k in required | optional
        if definition("relation")["properties"][k].get("$ref", "").startswith("#/definitions/asks_")
        or k == "statement"
    }
    assert templates == set(TEMPLATE_KEYS) == set(TEMPLATE_RULES)
    assert enum("question.kind") == ("choice", "true_false", "typed")
    assert literal_keys("number") == (frozenset({"number"}), frozenset({"text", "approx"}))


def test_the_schemas_template_patterns_agree_with_the_loader(tmp_path: Path) -> None:
    """A template the schema's pattern refuses, the loader refuses, and the other way round."""
    text = MOON.read_text(encoding="utf-8")
    old = '    forward: "When did {subject} land on the Moon?"'
    for template, ok in [
        ("When did {subject} land?", True),
        ("When did {object} land?", False),
        ("When did {subject} land on {object}?", False),
        ("When did it land?", False),
    ]:
        changed = text.replace(old, f'    forward: "{template}"')
        assert (schema_errors(changed) == []) is ok, template
        path = write_pack(tmp_path, changed)
        try:
            load_pack(path)
            loaded = True
        except PackError:
            loaded = False
        assert loaded is ok, template


# -- the reference lists every key, each with an example ----------------------------------

SECTIONS = {
    "Top-level keys": keys("pack"),
    "Sources": keys("source"),
    "Entities": keys("entity"),
    "Relations": keys("relation"),
    "Facts": keys("fact"),
    "Quotes": keys("quote"),
    "Hand-written questions": keys("question"),
    "Values": (
        frozenset(LITERAL_TYPES[:1] + ("year",)),
        literal_keys("number")[0] | literal_keys("number")[1],
    ),
}


def _rows(section: str) -> list[list[str]]:
    text = DOC.read_text(encoding="utf-8")
    body = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert body is not None, f"docs/pack-format.md has no section {section!r}"
    rows = []
    for line in body.group(1).splitlines():
        if line.startswith("| `") or line.startswith("| ("):
            rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_the_reference_lists_every_key_with_an_example(section: str) -> None:
    required, optional = SECTIONS[section]
    rows = _rows(section)
    listed: dict[str, str] = {}
    for row in rows:
        for key in re.findall(r"`(\w+)`", row[0]):
            listed[key] = row[-1]
    missing = sorted((required | optional) - listed.keys())
    assert missing == [], f"{section}: no row for {missing}"
    for key in required | optional:
        assert re.search(rf"`[^`]*\b{key}: [^`]+`", listed[key]), f"{section}: no example of {key}"
