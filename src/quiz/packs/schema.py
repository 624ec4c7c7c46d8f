"""The pack format's JSON Schema: the one statement of which keys a pack may hold.

The schema ships inside the package (`quiz schema` prints it; a pack may point
editors at it with `# yaml-language-server: $schema=…`). The loader takes its
key sets from here, so an editor's completion, the loader and the reference in
docs/pack-format.md (tested against it) cannot drift apart. What a schema
cannot say (a quote is verbatim, an entity exists, a template's placeholders)
the loader checks with messages an author can act on.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

FILE_NAME = "pack.schema.json"


@cache
def schema_text() -> str:
    return resources.files("quiz.packs").joinpath(FILE_NAME).read_text(encoding="utf-8")


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text())
    return loaded


def definition(name: str) -> dict[str, Any]:
    """A definition by name; "pack" is the top level."""
    whole = schema()
    found: dict[str, Any] = whole if name == "pack" else whole["definitions"][name]
    return found


@cache
def keys(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(required, optional) keys of a mapping the schema defines ("pack", "source", …)."""
    spec = definition(name)
    required = frozenset(spec.get("required", ()))
    return required, frozenset(spec["properties"]) - required


@cache
def literal_keys(key: str) -> tuple[frozenset[str], frozenset[str]]:
    """(required, optional) keys of a literal value written as a mapping ({number: …})."""
    for branch in definition("value")["anyOf"]:
        if branch.get("required") == [key]:
            return frozenset([key]), frozenset(branch["properties"]) - {key}
    raise KeyError(key)


def enum(name: str) -> tuple[str, ...]:
    """The values a definition (or a definition's property, "entity.type") allows."""
    base, _, prop = name.partition(".")
    spec = definition(base)
    if prop:
        spec = spec["properties"][prop]
    return tuple(spec["enum"])
