"""Building a Pack from YAML, collecting every problem with the place it stands.

Each section of a pack has its own validator (quiz.packs.sections); they share a
context that records problems as YAML paths. Only if there are any is the file
composed again to turn paths into lines and columns. A pack with problems is
never half-loaded: it raises PackError, listing all. The keys each section may
hold come from the pack's JSON Schema (quiz.packs.schema).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from quiz import languages
from quiz.lang import _
from quiz.packs.errors import PackError, Problem, display_path
from quiz.packs.model import Pack
from quiz.packs.schema import definition
from quiz.packs.sections.context import Context, Note
from quiz.packs.sections.entities import build_entities
from quiz.packs.sections.facts import build_facts
from quiz.packs.sections.questions import build_questions
from quiz.packs.sections.relations import build_relations
from quiz.packs.sections.sources import build_sources
from quiz.packs.yamlio import Locator, load_yaml, read_text

FORMAT: str = definition("pack")["properties"]["format"]["const"]


def load_pack(path: Path | str) -> Pack:
    """Load and validate one pack file; raise PackError listing every problem found."""
    path = Path(path)
    name = display_path(path)
    text = read_text(path)
    ctx = Context(path, text)
    pack = build(ctx, load_yaml(text, name))
    errors = [p for p in ctx.elsewhere if not p.warning]
    if ctx.problems or errors or pack is None:
        where = Locator(text)
        problems = [_located(name, where, n) for n in ctx.problems]
        raise PackError(problems + errors or [Problem(name, 1, 1, _("not a pack"))])
    if ctx.warnings or ctx.elsewhere:
        where = Locator(text)
        notes = [_located(name, where, n, warning=True) for n in ctx.warnings]
        pack = replace(pack, warnings=tuple(notes + ctx.elsewhere))
    pack.build_indexes()
    return pack


def _located(name: str, where: Locator, note: Note, *, warning: bool = False) -> Problem:
    line, col = where(note.path, key=note.key, char=note.char)
    return Problem(name, line, col, note.message, warning=warning)


def build(ctx: Context, data: Any) -> Pack | None:
    """The pack, section by section (each later section uses what the earlier ones built)."""
    top = ctx.mapping(data, (), "pack", _("the pack"))
    if top is None:
        return None
    if top.get("format") != FORMAT and "format" in top:
        ctx.problem(
            ("format",),
            _("format must be {format}, not {value}").format(
                format=repr(FORMAT), value=repr(top.get("format"))
            ),
        )
    pack_id = ctx.ident(top, "id", ())
    title = ctx.text(top, "title", ())
    version = ctx.text(top, "version", ())
    language = _language(ctx, top)
    if ctx.problems and ctx.problems[-1].path == ("language",):
        return None  # its dates, numbers and sources cannot be read: one error, not dozens
    frames = _frames(ctx, top.get("frames"))
    description = ctx.text(top, "description", (), required=False)
    build_sources(ctx, top.get("sources"))
    build_entities(ctx, top.get("entities"))
    build_relations(ctx, top.get("relations"))
    facts = build_facts(ctx, top.get("facts"))
    questions = build_questions(ctx, top.get("questions"), {f.id for f in facts})
    if ctx.problems or pack_id is None or title is None or version is None:
        return None
    return Pack(
        id=pack_id,
        title=title,
        version=version,
        path=str(ctx.path),
        sources=ctx.sources,
        entities=ctx.entities,
        relations=ctx.relations,
        facts=tuple(facts),
        questions=tuple(questions),
        language=ctx.lang.code if language else "en",
        frames=frames,
        description=description or "",
        digest=_digest(ctx),
    )


def _language(ctx: Context, top: dict[str, Any]) -> str | None:
    """The pack's `language`, whose words the program adds to the pack's (read before any
    section: it writes the pack's dates and numbers). A code without a language module is
    an error naming what to add, never English by default."""
    code = ctx.text(top, "language", (), required=False)
    if code is None:
        return None
    try:
        ctx.lang = languages.get(code)
    except languages.UnknownLanguage as exc:
        ctx.problem(("language",), _("language: {why}").format(why=exc))
        return None
    return code


def _frames(ctx: Context, raw: Any) -> tuple[tuple[str, str], ...]:
    """The pack's own wording of the generator's frames (`frames:`), each checked: a known
    frame, the placeholders it fills and no other, its text at the end where the generator
    must find it again."""
    if raw is None:
        return ()
    spec = ctx.mapping(raw, ("frames",), (frozenset(), frozenset(languages.FRAMES)), "frames")
    if spec is None:
        return ()
    out = []
    for name in languages.FRAMES:
        if name not in spec:
            continue
        template = ctx.text(spec, name, ("frames",))
        if template is None:
            continue
        why = languages.frame_problem(name, template)
        if why is not None:
            ctx.problem(("frames", name), _("frames: {name}: {why}").format(name=name, why=why))
            continue
        out.append((name, template))
    return tuple(out)


def _digest(ctx: Context) -> str:
    h = hashlib.sha256(ctx.text_of_file.encode("utf-8"))
    for sid in sorted(ctx.sources):
        h.update(f"\0{sid}\0{ctx.sources[sid].sha256}".encode())
    return h.hexdigest()
