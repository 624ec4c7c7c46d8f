"""`entities:` the things facts talk about, and the names players tell them apart by."""

from __future__ import annotations

from typing import Any

from quiz.lang import _
from quiz.packs.model import ENTITY_TYPES, Entity
from quiz.packs.sections.context import Context
from quiz.text import fold


def build_entities(ctx: Context, raw: Any) -> None:
    names: dict[str, str] = {}
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
        ctx.entities[eid] = Entity(eid, etype, name, aliases, group, attributes)
