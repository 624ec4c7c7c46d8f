"""`facts:` subject, relation, object, topics and the quotes that prove each."""

from __future__ import annotations

from typing import Any

from quiz.lang import _
from quiz.packs.errors import YamlPath
from quiz.packs.model import ONE_FACT_KINDS, Fact, Number, Quote, Value, When
from quiz.packs.quotes import sentences_covering
from quiz.packs.sections.context import Context, closest, kind_of
from quiz.packs.sections.evidence import evidence
from quiz.packs.sections.values import value
from quiz.packs.stated import mentions


def build_facts(ctx: Context, raw: Any) -> list[Fact]:
    if raw is None:
        return []  # a blank section: no facts yet
    if not isinstance(raw, list):
        ctx.problem(("facts",), _("'facts' must be a list, not {kind}").format(kind=kind_of(raw)))
        return []
    facts: list[Fact] = []
    ids: dict[str, int] = {}
    triples: dict[tuple[Any, ...], str] = {}
    for i, body in enumerate(raw):
        path: YamlPath = ("facts", i)
        spec = ctx.mapping(body, path, "fact", _("a fact"))
        if spec is None:
            continue
        fid = ctx.ident(spec, "id", path)
        if fid is not None:
            if fid in ids:
                first = ctx.line_of(("facts", ids[fid]))
                ctx.problem(
                    (*path, "id"),
                    _("duplicate fact id {id} (also the fact on line {line})").format(
                        id=repr(fid), line=first
                    ),
                )
            ids[fid] = i
        rid = ctx.text(spec, "relation", path)
        relation = ctx.relations.get(rid) if rid else None
        if rid is not None and relation is None and ("relations", rid) not in ctx.broken:
            close = closest(rid, ctx.relations)
            if close is None:
                said = _("unknown relation {name}").format(name=repr(rid))
            else:
                said = _("unknown relation {name}; did you mean {close}?").format(
                    name=repr(rid), close=close
                )
            ctx.problem((*path, "relation"), said)
        types = (relation.subject_type, relation.object_type) if relation else (None, None)
        subject = value(ctx, spec.get("subject"), (*path, "subject"), types[0])
        obj = value(ctx, spec.get("object"), (*path, "object"), types[1])
        topics = ctx.text_list(spec, "topics", path)
        if "topics" in spec and not topics and isinstance(spec["topics"], list):
            ctx.problem((*path, "topics"), _("a fact needs at least one topic"))
        quotes = evidence(ctx, spec["evidence"], (*path, "evidence")) if "evidence" in spec else ()
        explanation = ctx.text(spec, "explanation", path, required=False)
        background = ctx.flag(spec, "background", path)
        accept = ctx.text_list(spec, "accept", path)
        not_asked = ctx.text_list(spec, "not_asked", path)
        unknown = [k for k in not_asked if k not in ONE_FACT_KINDS]
        if unknown:
            ctx.problem(
                (*path, "not_asked"),
                _("'not_asked' lists kinds of question on one fact ({kinds}), not {kind}").format(
                    kinds=", ".join(ONE_FACT_KINDS), kind=repr(unknown[0])
                ),
            )
        if fid is None or relation is None or subject is None or obj is None:
            continue
        if not quotes or not topics:
            continue
        if not _states(ctx, quotes, obj):
            ctx.problem((*path, "object"), _unstated(fid, obj))
        triple = (subject.key, relation.id, obj.key)
        if triple in triples:
            ctx.problem(
                path,
                _("fact {id} states the same as fact {other}").format(
                    id=repr(fid), other=repr(triples[triple])
                ),
            )
        triples[triple] = fid
        facts.append(
            Fact(
                fid,
                subject,
                relation,
                obj,
                topics,
                quotes,
                explanation,
                background,
                accept,
                frozenset(not_asked),
            )
        )
    return facts


def _states(ctx: Context, quotes: tuple[Quote, ...], obj: Value) -> bool:
    """The sentences the fact quotes state its object, its answer key: a key they do not
    state is a slip in the pack that would make a question false."""
    said = []
    for q in quotes:
        text = ctx.sources[q.source].text
        span = sentences_covering(text, q.start, q.end)
        said.append(text[span.start : span.end])
    return mentions(" ".join(said), obj)


def _unstated(fid: str, obj: Value) -> str:
    if isinstance(obj, When) and obj.precision == "year":
        said = _(
            "fact {id}: the sentence it quotes does not state its object, the year {value}: "
            "check the object, or quote the sentence that says it (a name the source writes "
            "another way, such as 'Polish' for Poland, goes in the entity's aliases)"
        )
    elif isinstance(obj, When):
        said = _(
            "fact {id}: the sentence it quotes does not state its object, the date {value} "
            "(its day, month and year as the source writes them): check the object, or quote "
            "the sentence that says it (a name the source writes another way, such as "
            "'Polish' for Poland, goes in the entity's aliases)"
        )
    elif isinstance(obj, Number):
        said = _(
            "fact {id}: the sentence it quotes does not state its object, the number {value} "
            "(in digits, or as `text` gives it): check the object, or quote the sentence that "
            "says it (a name the source writes another way, such as 'Polish' for Poland, goes "
            "in the entity's aliases)"
        )
    else:
        said = _(
            "fact {id}: the sentence it quotes does not state its object, {value} (by its name "
            "or an alias): check the object, or quote the sentence that says it (a name the "
            "source writes another way, such as 'Polish' for Poland, goes in the entity's "
            "aliases)"
        )
    return said.format(id=repr(fid), value=repr(obj.display))
