"""`entities:` the things facts talk about, and the names players tell them apart by."""

from __future__ import annotations

from typing import Any

from quiz.lang import _
from quiz.packs.model import ENTITY_TYPES, Entity
from quiz.packs.sections.context import Context, YamlPath
from quiz.text import fold


def build_entities(ctx: Context, raw: Any) -> None:
    names: dict[str, str] = {}
    lending: list[tuple[str, YamlPath, tuple[str, ...]]] = []
    for eid, path, spec in ctx.keyed(raw, "entities", "entity", "entity"):
        etype = ctx.text(spec, "type", path)
        name = ctx.text(spec, "name", path)
        aliases = ctx.text_list(spec, "aliases", path)
        if etype is not None and etype not in ENTITY_TYPES:
            ctx.problem(
                (*path, "type"),
                _("unknown entity type {type} (one of: {types})").format(
                    type=repr(etype), types=", ".join(ENTITY_TYPES)
                ),
            )
            etype = None
        if etype is None or name is None:
            ctx.broken.add(("entities", eid))  # its facts say nothing more
            continue
        for n in (name, *aliases):
            key = fold(n)
            if key in names and names[key] != eid:
                ctx.problem(
                    path,
                    _(
                        "name {name} is also used by entity {other}; players could not tell "
                        "them apart"
                    ).format(name=repr(n), other=repr(names[key])),
                )
            names[key] = eid
        group = ctx.text(spec, "group", path, required=False)
        attributes = ctx.text_list(spec, "attributes", path)
        covers = ctx.text_list(spec, "covers", path)
        guessable = ctx.flag(spec, "guessable", path)
        ctx.entities[eid] = Entity(eid, etype, name, aliases, group, attributes, covers, guessable)
        lending.append((eid, path, covers))
    # every entity a `covers` list names exists, and is another: its names are marked right
    # for this one, so a slip of the author's would mark right names of nothing
    for eid, path, covers in lending:
        for other in covers:
            if other == eid or other not in ctx.entities:
                ctx.problem(
                    (*path, "covers"),
                    _("covers {other}: no other entity has that id").format(other=repr(other)),
                )
