"""`relations:` the kinds of fact, their value types, and the templates that ask them."""

from __future__ import annotations

import re
from typing import Any

from quiz.lang import _
from quiz.packs.errors import YamlPath
from quiz.packs.model import TEMPLATE_KEYS, VALUE_TYPES, Relation, Value
from quiz.packs.sections.context import Context
from quiz.packs.sections.values import value

_BRACES = re.compile(r"\{[^{}]*\}")
# Which placeholders each template must and must not hold.
TEMPLATE_RULES = {
    "forward": ({"subject"}, {"object"}),
    "reverse": ({"object"}, {"subject"}),
    "forward_all": ({"subject"}, {"object"}),
    "reverse_all": ({"object"}, {"subject"}),
    "forward_any": ({"subject"}, {"object"}),
    "reverse_any": ({"object"}, {"subject"}),
    "statement": ({"subject", "object"}, set()),
    "event": ({"subject"}, {"object"}),
    "year": ({"subject"}, {"object"}),
}
DATED = ("date", "year")


def build_relations(ctx: Context, raw: Any) -> None:
    for rid, path, spec in ctx.keyed(raw, "relations", "relation", "relation"):
        types: dict[str, str | None] = {}
        for role in ("subject", "object"):
            t = ctx.text(spec, role, path)
            if t is not None and t not in VALUE_TYPES:
                ctx.problem(
                    (*path, role),
                    _("unknown type {type} (one of: {types})").format(
                        type=repr(t), types=", ".join(VALUE_TYPES)
                    ),
                )
                t = None
            types[role] = t
        closed = ctx.flag(spec, "closed", path)
        templates = {}
        for key in TEMPLATE_KEYS:
            if key in spec:
                template = ctx.text(spec, key, path)
                if template is not None and check_template(ctx, key, template, (*path, key)):
                    templates[key] = template
        subject_type, object_type = types["subject"], types["object"]
        for key in ("event", "year"):
            if key in templates and object_type is not None and object_type not in DATED:
                ctx.problem(
                    (*path, key),
                    _("{key} needs a relation whose object is a date or year").format(
                        key=repr(key)
                    ),
                )
        time_bound = ctx.flag(spec, "time_bound", path)
        unit = ctx.text(spec, "unit", path, required=False)
        if unit is not None and object_type is not None and object_type != "number":
            ctx.problem((*path, "unit"), _("'unit' needs a relation whose object is a number"))
        also_true = _also_true(ctx, spec, path, object_type)
        if subject_type is None or object_type is None:
            ctx.broken.add(("relations", rid))  # its facts say nothing more
            continue
        ctx.relations[rid] = Relation(
            rid, subject_type, object_type, closed, templates, time_bound, unit, also_true
        )


def _also_true(
    ctx: Context, spec: dict[str, Any], path: YamlPath, object_type: str | None
) -> tuple[Value, ...]:
    raw = spec.get("also_true", [])
    if not isinstance(raw, list):
        ctx.problem((*path, "also_true"), _("'also_true' must be a list of values"))
        return ()
    values = [value(ctx, v, (*path, "also_true", i), object_type) for i, v in enumerate(raw)]
    return tuple(v for v in values if v is not None)


def check_template(ctx: Context, key: str, template: str, path: YamlPath) -> bool:
    found = set()
    for m in _BRACES.finditer(template):
        name = m.group(0)[1:-1]
        if name not in ("subject", "object"):
            ctx.problem(
                path,
                _("unknown placeholder {placeholder} (use {{subject}} or {{object}})").format(
                    placeholder=m.group(0)
                ),
            )
            return False
        found.add(name)
    stray = _BRACES.sub("", template)
    if "{" in stray or "}" in stray:
        ctx.problem(path, _("unbalanced {{ or }} in template").format())
        return False
    must, must_not = TEMPLATE_RULES[key]
    if not must <= found or found & must_not:
        need = sorted(must)
        if len(need) == 2:  # a statement: both placeholders
            said = _("template {key} must contain {{object}} and {{subject}}").format(key=repr(key))
        else:  # one placeholder, and never the other
            said = _("template {key} must contain {{{need}}} and not {{{without}}}").format(
                key=repr(key), need=need[0], without=next(iter(must_not))
            )
        ctx.problem(path, said)
        return False
    return True
