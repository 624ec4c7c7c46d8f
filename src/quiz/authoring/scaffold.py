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

from quiz.authoring.candidates import Candidate, candidates
from quiz.packs.model import ENTITY_TYPES
from quiz.packs.quotes import paragraphs
from quiz.packs.schema import FILE_NAME, schema_text
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


def new_pack(source: Path, pack_id: str, out: Path, *, force: bool = False) -> Written:
    """Write OUT/ID.yaml, OUT/sources/<source name> and OUT/pack.schema.json."""
    try:
        data = source.read_bytes()
        text = data.decode("utf-8")
    except OSError as exc:
        raise ScaffoldError(f"{source}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ScaffoldError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise ScaffoldError(f"{source}: the text is empty")
    pack_path = out / f"{pack_id}.yaml"
    copy = out / "sources" / source.name
    same_file = copy.exists() and copy.resolve() == source.resolve()
    for path in (pack_path, copy):
        if path.exists() and not force and not (path == copy and same_file):
            if path == copy and path.read_bytes() == data:
                continue  # the same text is already there
            raise ScaffoldError(f"{path} already exists (--force replaces it)")
    found = candidates(text)
    yaml_text = skeleton(pack_id, f"sources/{source.name}", text, found)
    copy.parent.mkdir(parents=True, exist_ok=True)
    if not same_file:
        copy.write_bytes(data)
    pack_path.write_text(yaml_text, encoding="utf-8")
    schema = out / FILE_NAME
    if not schema.exists() or schema.read_text(encoding="utf-8") != schema_text():
        schema.write_text(schema_text(), encoding="utf-8")  # the program's own: kept current
    names = len({n for c in found for n in c.names})
    return Written(pack_path, copy, schema, len(found), names)


def skeleton(pack_id: str, file: str, text: str, found: list[Candidate]) -> str:
    title = _title(text, file)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = [
        f"# yaml-language-server: $schema={FILE_NAME}",
        f"# A question pack made by `quiz new` from {file}: how to go on is in",
        "# docs/authoring.md. Check it as you go: quiz check THIS-FILE --explain",
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
        '    publisher: "Unknown"          # who published the text',
        '    # date: "YYYY-MM-DD"          # when it was published',
        "    # noun: article               # what questions call it (default: text)",
        "",
        "entities:",
        "  # Names found in the text. Replace TYPE by one of:",
        f"  #   {', '.join(ENTITY_TYPES)}.",
        "  # An entity may be used only as a wrong option: it needs no fact.",
        *_entities(found),
        "",
        "relations:",
        "  # One relation per kind of fact. Which template makes which question:",
        "  #   forward: asks for the object (choice, typed, number)",
        "  #   reverse: asks for the subject (choice, typed)",
        "  #   forward_all / reverse_all: select all that apply",
        '  #   forward_any / reverse_any: typed "Name one …" over a list',
        "  #   year: the year of a date (number); event: the event without its date (time order)",
        "  #   statement (required): true/false, which sentence proves it, explanations",
        "  # Only a closed relation (closed: true: its facts list every value the source gives)",
        "  # proves wrong options wrong. For example:",
        "  # born_in:",
        "  #   subject: person",
        "  #   object: year",
        "  #   closed: true",
        '  #   forward: "In which year was {subject} born?"',
        '  #   statement: "{subject} was born in {object}."',
        "",
        "facts:",
        f"  # The {len(found)} sentences of the text, in order, as candidate facts: complete the",
        "  # ones worth asking and uncomment them (keep each quote verbatim, or shorten it).",
        "  # quiz check --coverage lists the sentences no fact quotes yet.",
        *_facts(found),
    ]
    return "\n".join(lines) + "\n"


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
        lines.append(f"  # {eid}: {{type: TYPE, name: {_q(name)}}}   # line {lines_at}")
    return lines


def _facts(found: list[Candidate]) -> list[str]:
    lines = []
    for c in found:
        lines.append("  #")
        about = [f"line {c.line}"]
        if c.dates:
            about.append("dates: " + ", ".join(f"{d.text} → {d.value}" for d in c.dates))
        if c.numbers:
            about.append("numbers: " + ", ".join(f"{n.text} → {n.value}" for n in c.numbers))
        if c.names:
            about.append("names: " + ", ".join(c.names))
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
