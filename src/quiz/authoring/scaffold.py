"""`quiz new`: a pack skeleton from a text file, ready for facts.

The skeleton is a valid pack with no facts: the source copied beside it with
its SHA-256, the source's sentences listed in order as commented candidate
facts (each with the dates, numbers and names it holds, and its quote
written so that uncommenting keeps it verbatim), the names as commented
candidate entities, and a first line that points editors at the schema
(written beside the pack, so completion works offline and travels with it).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from quiz.authoring import writing
from quiz.authoring.candidates import Candidate, candidates
from quiz.lang import _, ngettext
from quiz.packs.limits import MAX_BYTES
from quiz.packs.model import ENTITY_TYPES
from quiz.packs.quotes import paragraphs
from quiz.packs.reading import Unreadable, read_capped
from quiz.packs.schema import FILE_NAME, schema_text
from quiz.safe import char_name, first_unsafe
from quiz.text import strip_accents

SLUG = re.compile(r"[^a-z0-9]+")


class ScaffoldError(Exception):
    """Why no skeleton was written (one line)."""


@dataclass(frozen=True)
class Written:
    pack: Path
    source: Path
    schema: Path
    sentences: int
    names: int
    replaced: frozenset[Path] = frozenset()  # files that were there and were replaced
    unchanged: frozenset[Path] = frozenset()  # files already there with the same bytes
    changes: tuple[str, ...] = ()  # what was made plain in the copied text (a BOM, CRLF)


def new_pack(source: Path, pack_id: str, out: Path, *, force: bool = False) -> Written:
    """Write OUT/ID.yaml, OUT/sources/<source name> and OUT/pack.schema.json, all or none.

    The skeleton passes `quiz check` as written: what the loader would refuse in the text
    is refused here in one line, and what can be made plain (a byte-order mark, CRLF line
    endings) is, in the copy the pack hashes."""
    text, changes = source_text(source)
    pack_path = out / f"{pack_id}.yaml"
    copy = out / "sources" / source.name
    schema = out / FILE_NAME
    found = candidates(text)
    yaml_bytes = skeleton(pack_id, f"sources/{source.name}", text, found).encode("utf-8")
    if len(yaml_bytes) > MAX_BYTES:
        raise ScaffoldError(
            _(
                "{source}: its skeleton would be {size} MiB, and a pack may be at most {limit} "
                "MiB: split the text into smaller files"
            ).format(source=source, size=f"{len(yaml_bytes) / 2**20:.1f}", limit=MAX_BYTES // 2**20)
        )
    try:
        writing.folder(copy.parent, create=False)
        inside = copy.parent.resolve().is_relative_to(out.resolve())
        if not inside:  # the loader reads no source outside the pack's folder
            raise ScaffoldError(
                _("{folder} leads outside {out}: make it a real folder").format(
                    folder=copy.parent, out=out
                )
            )
        same = copy.exists() and copy.resolve() == source.resolve() and not copy.is_symlink()
        planned = [
            writing.plan(pack_path, yaml_bytes, force=force, keep_same=False),
            writing.plan(copy, text.encode("utf-8"), force=force, same=same),
            writing.plan(schema, schema_text().encode("utf-8"), force=force or _ours(schema)),
        ]
        writing.folder(copy.parent, create=True)  # nothing is made before all is planned
        writing.write([p for p in planned if p is not None])
    except writing.WriteError as exc:
        raise ScaffoldError(str(exc)) from None
    names = len({n for c in found for n in c.names})
    return Written(
        pack_path,
        copy,
        schema,
        len(found),
        names,
        replaced=frozenset(p.path for p in planned if p is not None and p.replaces),
        unchanged=frozenset(
            path for path, p in zip((pack_path, copy, schema), planned, strict=True) if p is None
        ),
        changes=changes,
    )


def source_text(source: Path) -> tuple[str, tuple[str, ...]]:
    """The text to copy, and what was made plain in it; ScaffoldError for what the loader
    would refuse (one line: the first control character at its line and column)."""
    if first_unsafe(source.name) is not None:
        raise ScaffoldError(
            _("{source}: rename the file: its name holds a control character").format(source=source)
        )
    try:
        data = read_capped(source)
        text = data.decode("utf-8")
    except Unreadable as exc:
        raise ScaffoldError(
            _("{source}: cannot read: {why}").format(source=source, why=exc)
        ) from None
    except UnicodeDecodeError as exc:
        raise ScaffoldError(
            _("{source}: not UTF-8 text (byte {at})").format(source=source, at=exc.start)
        ) from None
    changes = []
    if text.startswith("\ufeff"):
        text = text[1:]
        changes.append(_("its byte-order mark left out"))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        changes.append(_("its CRLF line endings made LF"))
    found = first_unsafe(text, bidi=False)
    if found is not None:
        at, ch = found
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        raise ScaffoldError(
            _(
                "{source}:{line}:{col}: {char}: a source may hold no control characters "
                "(remove it, then run quiz new again)"
            ).format(source=source, line=line, col=col, char=char_name(ch))
        )
    if not text.strip():
        raise ScaffoldError(_("{source}: the text is empty").format(source=source))
    return text, tuple(changes)


def _ours(schema: Path) -> bool:
    """Whether a schema file there is this format's schema (perhaps from another version of
    quiz: kept current); any other file is replaced only with --force."""
    try:
        return bool(json.loads(schema.read_text(encoding="utf-8")).get("$id") == _schema_id())
    except (OSError, ValueError, AttributeError):
        return False


def _schema_id() -> str:
    return str(json.loads(schema_text())["$id"])


def skeleton(pack_id: str, file: str, text: str, found: list[Candidate]) -> str:
    title = _title(text, file)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = [
        f"# yaml-language-server: $schema={FILE_NAME}",
        *_comment(
            _(
                "A question pack made by `quiz new` from {file}: how to go on is in\n"
                "docs/authoring.md. Check it as you go: quiz check THIS-FILE --explain"
            ).format(file=file)
        ),
        "format: quiz-pack/1",
        f"id: {pack_id}",
        f"title: {_q(title)}",
        "version: 0.1.0",
        "language: en",
        "",
        "sources:",
        "  text:",
        f"    file: {_q(file)}",
        f"    sha256: {digest}",
        f"    title: {_q(title)}",
        '    publisher: "Unknown"          # ' + _("who published the text"),
        '    # date: "YYYY-MM-DD"          # ' + _("when it was published"),
        "    # noun: article               # " + _("what questions call it (default: text)"),
        "",
        "entities:",
        *_comment(
            _(
                "Names found in the text. Replace TYPE by one of:\n"
                "  {types}.\n"
                "An entity may be used only as a wrong option: it needs no fact."
            ).format(types=", ".join(ENTITY_TYPES)),
            "  ",
        ),
        *_entities(found),
        "",
        "relations:",
        *_comment(
            _(
                "One relation per kind of fact. Which template makes which question:\n"
                "  forward: asks for the object (choice, typed, number)\n"
                "  reverse: asks for the subject (choice, typed)\n"
                "  forward_all / reverse_all: select all that apply\n"
                '  forward_any / reverse_any: typed "Name one …" over a list\n'
                "  year: the year of a date (number); event: the event without its date "
                "(time order)\n"
                "  statement (required): true/false, which sentence proves it, explanations\n"
                "Only a closed relation (closed: true: its facts list every value the source "
                "gives)\n"
                "proves wrong options wrong. For example:"
            ),
            "  ",
        ),
        "  # born_in:",
        "  #   subject: person",
        "  #   object: year",
        "  #   closed: true",
        '  #   forward: "In which year was {subject} born?"',
        '  #   statement: "{subject} was born in {object}."',
        "",
        "facts:",
        *_comment(
            ngettext(
                "The {n} sentence of the text, in order, as candidate facts: complete the\n"
                "ones worth asking and uncomment them (keep each quote verbatim, or shorten it).\n"
                "quiz check --coverage lists the sentences no fact quotes yet.",
                "The {n} sentences of the text, in order, as candidate facts: complete the\n"
                "ones worth asking and uncomment them (keep each quote verbatim, or shorten it).\n"
                "quiz check --coverage lists the sentences no fact quotes yet.",
                len(found),
            ).format(n=len(found)),
            "  ",
        ),
        *_facts(found),
    ]
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: str = "") -> list[str]:
    """A YAML comment of one or more lines (a translation may break its lines elsewhere)."""
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def _title(text: str, file: str) -> str:
    """The first paragraph when it reads as a heading (no closing punctuation), else the name."""
    first = paragraphs(text)[0]
    heading = " ".join(text[first.start : first.end].split())
    if heading and len(heading) <= 120 and heading[-1] not in ".!?:;,":
        return heading
    return Path(file).stem.replace("-", " ").replace("_", " ").capitalize()


def _entities(found: list[Candidate]) -> list[str]:
    where: dict[str, list[int]] = {}
    for c in found:
        for name in c.names:
            where.setdefault(name, []).append(c.line)
    lines = []
    ids: set[str] = set()
    for name, at in where.items():
        eid = SLUG.sub("-", strip_accents(name).lower()).strip("-") or "name"
        base, n = eid, 2
        while eid in ids:
            eid, n = f"{base}-{n}", n + 1
        ids.add(eid)
        lines_at = ", ".join(str(x) for x in dict.fromkeys(at))
        said = _("line {lines}").format(lines=lines_at)
        lines.append(f"  # {eid}: {{type: TYPE, name: {_q(name)}}}   # {said}")
    return lines


def _facts(found: list[Candidate]) -> list[str]:
    lines = []
    for c in found:
        lines.append("  #")
        about = [_("line {lines}").format(lines=c.line)]
        if c.dates:
            dates = ", ".join(f"{d.text} → {d.value}" for d in c.dates)
            about.append(_("dates: {dates}").format(dates=dates))
        if c.numbers:
            numbers = ", ".join(f"{n.text} → {n.value}" for n in c.numbers)
            about.append(_("numbers: {numbers}").format(numbers=numbers))
        if c.names:
            about.append(_("names: {names}").format(names=", ".join(c.names)))
        lines.append("  # " + " · ".join(" ".join(a.split()) for a in about))
        lines += [
            "  # - id:",
            "  #   subject:",
            "  #   relation:",
            "  #   object:",
            "  #   topics: []",
            f"  #   evidence: {{quote: {_q(c.text)}}}",
        ]
    return lines


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's): exact, whatever the text holds
    (the line breaks YAML knows and JSON does not are escaped too)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")
