"""Evidence: quotes found verbatim in a source, or a problem at the first character that is not."""

from __future__ import annotations

from typing import Any

from quiz.lang import _
from quiz.packs.errors import YamlPath
from quiz.packs.model import Quote
from quiz.packs.quotes import QuoteNotFound, find_quote
from quiz.packs.sections.context import Context


def evidence(ctx: Context, raw: Any, path: YamlPath) -> tuple[Quote, ...]:
    """Every quote of a fact or question, or () if any is wrong (each reported)."""
    items = raw if isinstance(raw, list) else [] if raw is None else [raw]
    if not items:
        ctx.problem(path, _("evidence needs at least one quote"))
        return ()
    quotes = []
    for i, item in enumerate(items):
        qpath = (*path, i) if isinstance(raw, list) else path
        spec = ctx.mapping(item, qpath, "quote", "evidence")
        if spec is None:
            continue
        found = quote(ctx, spec, qpath)
        if found is not None:
            quotes.append(found)
    return tuple(quotes) if len(quotes) == len(items) else ()


def quote(ctx: Context, spec: dict[str, Any], path: YamlPath) -> Quote | None:
    exact, prefix, suffix = spec.get("quote"), spec.get("prefix", ""), spec.get("suffix", "")
    if not (isinstance(exact, str) and isinstance(prefix, str) and isinstance(suffix, str)):
        ctx.problem(path, _("quote, prefix and suffix must be text"))
        return None
    if not all(ctx.safe(v, (*path, k), k) for k, v in spec.items() if isinstance(v, str)):
        return None
    if exact and not any(ch.isalnum() for ch in exact):
        ctx.problem((*path, "quote"), _("a quote must hold at least one word of the source"))
        return None
    sid = spec.get("source")
    if sid is None:
        if len(ctx.source_ids) != 1:
            if len(ctx.source_ids) > 1:
                ctx.problem(path, _("the pack has several sources: say which with 'source'"))
            return None
        sid = ctx.source_ids[0]
    if not isinstance(sid, str) or sid not in ctx.sources:
        if ("sources", str(sid)) not in ctx.broken:  # else reported where it is declared
            ctx.problem((*path, "source"), _("unknown source {id}").format(id=repr(sid)))
        return None
    source = ctx.sources[sid]
    try:
        start, end = find_quote(source.text, exact, prefix, suffix)
    except QuoteNotFound as exc:
        ctx.problem((*path, exc.part), str(exc), char=exc.at)
        return None
    return Quote(source.id, exact, start, end, prefix, suffix)
