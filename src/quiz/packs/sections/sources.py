"""`sources:` the texts a pack quotes, read byte for byte and pinned by their SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quiz.lang import _
from quiz.packs.errors import Problem, YamlPath, display_path
from quiz.packs.model import Source
from quiz.packs.reading import Unreadable, read_capped
from quiz.packs.sections.context import Context
from quiz.safe import char_name, first_unsafe, is_control

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_HASH = re.compile(r"^[0-9a-fA-F]{64}$")


def build_sources(ctx: Context, raw: Any) -> None:
    if raw is None or raw == {}:
        ctx.problem(
            ("sources",),
            _("a pack needs at least one source (sources: {{article: …}})").format(),
            key=True,
        )
        return
    if isinstance(raw, dict):
        ctx.source_ids = [str(k) for k in raw]
    quiet = frozenset({"sha256"})  # a missing hash is reported with the value to set
    for sid, path, spec in ctx.keyed(raw, "sources", "source", "source", quiet=quiet):
        source = _source(ctx, sid, path, spec)
        if source is None:
            ctx.broken.add(("sources", sid))
        else:
            ctx.sources[sid] = source


def _source(ctx: Context, sid: str, path: YamlPath, spec: dict[str, Any]) -> Source | None:
    file = ctx.text(spec, "file", path)
    title = ctx.text(spec, "title", path)
    publisher = ctx.text(spec, "publisher", path)
    text = None if file is None else read_source(ctx, file, (*path, "file"))
    _check_hash(ctx, spec, path, file, text)
    if file is None or title is None or publisher is None or text is None:
        return None
    date = ctx.text(spec, "date", path, required=False)
    return Source(
        id=sid,
        file=file,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title or "",
        publisher=publisher or "",
        date=date,
        date_note=ctx.text(spec, "date_note", path, required=False),
        url=ctx.text(spec, "url", path, required=False),
        license=ctx.text(spec, "license", path, required=False),
        noun=ctx.text(spec, "noun", path, required=False) or ctx.lang.noun,
        as_of=as_of(ctx, spec, path, date),
    )


def _check_hash(
    ctx: Context, spec: dict[str, Any], path: YamlPath, file: str | None, text: str | None
) -> None:
    """A wrong `sha256` says what to set: a missing one or a placeholder (the all-zeros of
    an example) the file's hash, a real one that the source has changed. The source is
    still read, so its quotes are checked all the same."""
    actual = None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()
    if "sha256" not in spec:
        if actual is None:
            ctx.problem(path, _("source {id} is missing 'sha256'").format(id=repr(path[-1])))
        else:
            ctx.problem(
                path,
                _("source {id} is missing 'sha256': set sha256: {sha256}").format(
                    id=repr(path[-1]), sha256=actual
                ),
            )
        return
    given = ctx.text(spec, "sha256", path)
    if given is None or actual is None or given.lower() == actual:
        return
    if not _HASH.match(given) or not given.strip("0"):
        ctx.problem(
            (*path, "sha256"),
            _("set sha256 to {sha256} (the SHA-256 of {file})").format(sha256=actual, file=file),
        )
    else:
        ctx.problem(
            (*path, "sha256"),
            _(
                "source {file} has changed: it hashes to {sha256}; check the quotes, then set "
                "sha256 to that"
            ).format(file=file, sha256=actual),
        )


def as_of(ctx: Context, spec: dict[str, Any], path: YamlPath, date: str | None) -> int | None:
    """The year a source speaks for: `as_of` (a year or a date), else its date's year."""
    raw = spec.get("as_of", date)
    if isinstance(raw, dt.date):
        return raw.year
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 9999:
        return raw
    m = DATE.match(str(raw)) if isinstance(raw, str) else None
    if m:
        return int(m.group(1))
    if "as_of" in spec:
        ctx.problem(
            (*path, "as_of"),
            _("'as_of' is a year such as 2018 or a date, not {value}").format(value=repr(raw)),
        )
    elif date is not None:
        ctx.warn(
            (*path, "date"),
            _(
                "date {date} is not YYYY-MM-DD, so the year the source speaks for is unknown: "
                "write the date as YYYY-MM-DD or set as_of (a year)"
            ).format(date=repr(date)),
        )
    return None


def read_source(ctx: Context, file: str, path: YamlPath) -> str | None:
    try:
        folder = ctx.path.parent.resolve()
        target = (folder / file).resolve()
    except (OSError, ValueError) as exc:  # e.g. a NUL byte in the name
        ctx.problem(
            path, _("cannot read source file {file}: {why}").format(file=repr(file), why=exc)
        )
        return None
    if Path(file).is_absolute() or not target.is_relative_to(folder):
        ctx.problem(
            path, _("source file {file} must be inside the pack's folder").format(file=repr(file))
        )
        return None
    try:
        data = read_capped(target)
    except Unreadable as exc:
        ctx.problem(
            path, _("cannot read source file {file}: {why}").format(file=repr(file), why=exc)
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        ctx.problem(
            path,
            _("source file {file} is not UTF-8 (byte {at})").format(file=repr(file), at=exc.start),
        )
        return None
    return text if _safe_source(ctx, text, target) else None


def _safe_source(ctx: Context, text: str, target: Path) -> bool:
    """Control characters in a source are errors, bidi controls warnings; each is pinned
    to its own line and column of the source file."""
    name = display_path(target)
    ok = True
    for at, ch in _unsafe_chars(text):
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        if is_control(ch):
            ok = False
            message = _("{char}: control characters are not allowed in a source").format(
                char=char_name(ch)
            )
            ctx.elsewhere.append(Problem(name, line, col, message))
        else:
            message = _("{char}: it may reorder the text around it").format(char=char_name(ch))
            ctx.elsewhere.append(Problem(name, line, col, message, warning=True))
    return ok


def _unsafe_chars(text: str, limit: int = 20) -> Iterator[tuple[int, str]]:
    """Where a text holds control or bidi characters (the first `limit` of them)."""
    rest, offset = text, 0
    for _n in range(limit):
        found = first_unsafe(rest)
        if found is None:
            return
        at, ch = found
        yield offset + at, ch
        rest, offset = rest[at + 1 :], offset + at + 1
