"""Building a Pack from YAML, collecting every problem with the place it stands.

Validation walks the parsed data once, recording problems as YAML paths; only
if there are any is the file composed again to turn paths into line numbers.
A pack with problems is never half-loaded: it raises PackError, listing all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import hashlib
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from quiz.packs.errors import PackError, Problem, YamlPath, display_path
from quiz.packs.model import (
    ENTITY_TYPES,
    TEMPLATE_KEYS,
    VALUE_TYPES,
    Entity,
    Fact,
    HandQuestion,
    Number,
    Pack,
    Quote,
    Relation,
    Source,
    Value,
    When,
)
from quiz.packs.quotes import QuoteNotFound, find_quote
from quiz.packs.yamlio import Locator, load_yaml, read_text
from quiz.safe import char_name, first_unsafe, is_control
from quiz.text import fold

FORMAT = "quiz-pack/1"
HAND_KINDS = ("choice", "true_false", "typed")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_BRACES = re.compile(r"\{[^{}]*\}")

TOP_KEYS = (
    {"format", "id", "title", "version", "sources", "entities", "relations", "facts"},
    {"language", "description", "questions"},
)
SOURCE_KEYS = ({"file", "sha256", "title", "publisher"}, {"date", "date_note", "url", "license"})
ENTITY_KEYS = ({"type", "name"}, {"aliases", "group"})
RELATION_KEYS = ({"subject", "object", "statement"}, {"closed", *TEMPLATE_KEYS} - {"statement"})
FACT_KEYS = ({"id", "subject", "relation", "object", "topics", "evidence"}, {"explanation"})
QUOTE_KEYS = ({"quote"}, {"prefix", "suffix", "source"})
QUESTION_KEYS = (
    {"id", "kind", "prompt", "answer", "topics", "evidence"},
    {"wrong", "accept", "explanation"},
)
# Prose, where a bidi control may have a use (mixed scripts); names and options may not.
PROSE_KEYS = frozenset(
    {
        "title",
        "description",
        "publisher",
        "date_note",
        "explanation",
        "prompt",
        "quote",
        "prefix",
        "suffix",
        *TEMPLATE_KEYS,
    }
)
# Which placeholders each template must and must not hold.
TEMPLATE_RULES = {
    "forward": ({"subject"}, {"object"}),
    "reverse": ({"object"}, {"subject"}),
    "forward_all": ({"subject"}, {"object"}),
    "reverse_all": ({"object"}, {"subject"}),
    "statement": ({"subject", "object"}, set()),
    "event": ({"subject"}, {"object"}),
}


def load_pack(path: Path | str) -> Pack:
    """Load and validate one pack file; raise PackError listing every problem found."""
    path = Path(path)
    name = display_path(path)
    text = read_text(path)
    builder = _Builder(path, text)
    with _collector_paused():
        pack = builder.build(load_yaml(text, name))
    errors = [p for p in builder.elsewhere if not p.warning]
    if builder.problems or errors or pack is None:
        where = Locator(text)
        problems = [Problem(name, *where(p, key=k), msg) for p, msg, k in builder.problems]
        raise PackError(problems + errors or [Problem(name, 1, 1, "not a pack")])
    if builder.warnings or builder.elsewhere:
        where = Locator(text)
        notes = [Problem(name, *where(p), msg, warning=True) for p, msg in builder.warnings]
        pack = replace(pack, warnings=tuple(notes + builder.elsewhere))
    return pack


def _unsafe_chars(text: str, limit: int = 20) -> Iterator[tuple[int, str]]:
    """Where a text holds control or bidi characters (the first `limit` of them)."""
    rest, offset = text, 0
    for _ in range(limit):
        found = first_unsafe(rest)
        if found is None:
            return
        at, ch = found
        yield offset + at, ch
        rest, offset = rest[at + 1 :], offset + at + 1


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing builds many small acyclic objects; the cycle collector walking the growing
    graph over and over costs more than the parse itself, and finds nothing to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Builder:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text_of_file = text
        self.warnings: list[tuple[YamlPath, str]] = []
        self.elsewhere: list[Problem] = []  # problems and warnings located in a source file
        self.problems: list[tuple[YamlPath, str, bool]] = []
        self.sources: dict[str, Source] = {}
        self.entities: dict[str, Entity] = {}
        self.relations: dict[str, Relation] = {}

    # -- small checkers -------------------------------------------------------------

    def problem(self, path: YamlPath, message: str, *, key: bool = False) -> None:
        self.problems.append((path, message, key))

    def mapping(
        self, obj: Any, path: YamlPath, keys: tuple[set[str], set[str]], what: str
    ) -> dict[str, Any] | None:
        required, optional = keys
        if not isinstance(obj, dict):
            self.problem(path, f"{what} must be a mapping of keys to values, not {_kind(obj)}")
            return None
        allowed = required | optional
        for k in obj:
            if k not in allowed:
                hint = difflib.get_close_matches(str(k), sorted(allowed), n=1)
                also = (
                    f"; did you mean {hint[0]!r}?"
                    if hint
                    else f" (allowed: {', '.join(sorted(allowed))})"
                )
                self.problem((*path, k), f"unknown key {k!r} in {what}{also}", key=True)
        for k in sorted(required - obj.keys()):
            self.problem(path, f"{what} is missing {k!r}")
        return obj

    def text(
        self, obj: dict[str, Any], key: str, path: YamlPath, *, required: bool = True
    ) -> str | None:
        value = obj.get(key)
        if value is None:
            if required and key in obj:  # `statement:` with nothing after it
                self.problem((*path, key), f"{key!r} must not be empty")
            return None  # a missing required key was reported by mapping()
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem((*path, key), f"{key!r} must be text, not {_kind(value)}")
            return None
        value = str(value)
        if required and not value.strip():
            self.problem((*path, key), f"{key!r} must not be empty")
            return None
        if not self.safe(value, (*path, key), key):
            return None
        return value

    def safe(self, value: str, path: YamlPath, key: str) -> bool:
        """No control character anywhere in a pack's text (an ESC could clear a terminal or
        plant a link); no bidi override in names and options (they would show one text and
        mean another), only a warning in prose."""
        found = first_unsafe(value)
        if found is None:
            return True
        at, ch = found
        where = f"{key!r} holds {char_name(ch)} at character {at + 1}"
        if is_control(ch):
            self.problem(path, f"{where}: control characters are not allowed in a pack")
            return False
        if key in PROSE_KEYS:
            self.warnings.append((path, f"{where}: it may reorder the text around it"))
            return True
        self.problem(path, f"{where}: a name or an option cannot reorder how it is shown")
        return False

    def ident(self, obj: dict[str, Any], key: str, path: YamlPath) -> str | None:
        value = self.text(obj, key, path)
        if value is not None and not _ID.match(value):
            self.problem(
                (*path, key), f"{key!r} {value!r} must be lower-case letters, digits, '-' or '_'"
            )
            return None
        return value

    def key_id(self, key: Any, path: YamlPath, what: str) -> bool:
        """Ids given as mapping keys (sources, entities, relations) follow the id rule too."""
        if isinstance(key, str) and _ID.match(key):
            return True
        self.problem(
            path, f"{what} id {key!r} must be lower-case letters, digits, '-' or '_'", key=True
        )
        return False

    def text_list(self, obj: dict[str, Any], key: str, path: YamlPath) -> tuple[str, ...]:
        value = obj.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem((*path, key), f"{key!r} must be a list of text")
            return ()
        if not all(self.safe(v, (*path, key, i), key) for i, v in enumerate(value)):
            return ()
        return tuple(value)

    # -- the pack -------------------------------------------------------------------

    def build(self, data: Any) -> Pack | None:
        top = self.mapping(data, (), TOP_KEYS, "the pack")
        if top is None:
            return None
        if top.get("format") != FORMAT and "format" in top:
            self.problem(("format",), f"format must be {FORMAT!r}, not {top.get('format')!r}")
        pack_id = self.ident(top, "id", ())
        title = self.text(top, "title", ())
        version = self.text(top, "version", ())
        self.build_sources(top.get("sources"))
        self.build_entities(top.get("entities"))
        self.build_relations(top.get("relations"))
        facts = self.build_facts(top.get("facts"))
        questions = self.build_questions(top.get("questions", []), {f.id for f in facts})
        if self.problems or pack_id is None or title is None or version is None:
            return None
        return Pack(
            id=pack_id,
            title=title,
            version=version,
            path=str(self.path),
            sources=self.sources,
            entities=self.entities,
            relations=self.relations,
            facts=tuple(facts),
            questions=tuple(questions),
            language=self.text(top, "language", (), required=False) or "en",
            description=self.text(top, "description", (), required=False) or "",
            digest=self.digest(),
        )

    def digest(self) -> str:
        h = hashlib.sha256(self.text_of_file.encode("utf-8"))
        for sid in sorted(self.sources):
            h.update(f"\0{sid}\0{self.sources[sid].sha256}".encode())
        return h.hexdigest()

    def keyed(
        self, raw: Any, section: str, keys: tuple[set[str], set[str]], what: str
    ) -> Iterator[tuple[str, YamlPath, dict[str, Any]]]:
        """(id, path, body) of each well-formed entry of a section that maps ids to bodies."""
        if not isinstance(raw, dict):
            if raw is not None:
                self.problem((section,), f"'{section}' must map {what} ids to {section}")
            return
        for key, body in raw.items():
            path: YamlPath = (section, key)
            spec = self.mapping(body, path, keys, f"{what} {key!r}")
            if spec is not None and self.key_id(key, path, what):
                yield str(key), path, spec

    def build_sources(self, raw: Any) -> None:
        if raw == {}:
            self.problem(("sources",), "a pack needs at least one source")
        for sid, path, spec in self.keyed(raw, "sources", SOURCE_KEYS, "source"):
            file = self.text(spec, "file", path)
            digest = self.text(spec, "sha256", path)
            title = self.text(spec, "title", path)
            publisher = self.text(spec, "publisher", path)
            if None in (file, digest, title, publisher):
                continue
            assert file is not None and digest is not None
            text = self.read_source(file, (*path, "file"))
            if text is None:
                continue
            actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if actual != digest.lower():
                self.problem(
                    (*path, "sha256"),
                    f"source {file} has changed: it hashes to "
                    f"{actual}; check the quotes, then update sha256",
                )
            self.sources[sid] = Source(
                id=sid,
                file=file,
                text=text,
                sha256=actual,
                title=title or "",
                publisher=publisher or "",
                date=self.text(spec, "date", path, required=False),
                date_note=self.text(spec, "date_note", path, required=False),
                url=self.text(spec, "url", path, required=False),
                license=self.text(spec, "license", path, required=False),
            )

    def read_source(self, file: str, path: YamlPath) -> str | None:
        try:
            folder = self.path.parent.resolve()
            target = (folder / file).resolve()
        except (OSError, ValueError) as exc:  # e.g. a NUL byte in the name
            self.problem(path, f"cannot read source file {file!r}: {exc}")
            return None
        if Path(file).is_absolute() or not target.is_relative_to(folder):
            self.problem(path, f"source file {file!r} must be inside the pack's folder")
            return None
        try:
            data = target.read_bytes()
        except OSError as exc:
            self.problem(path, f"cannot read source file {file!r}: {exc.strerror or exc}")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.problem(path, f"source file {file!r} is not UTF-8 (byte {exc.start})")
            return None
        return text if self.safe_source(text, target) else None

    def safe_source(self, text: str, target: Path) -> bool:
        """Control characters in a source are errors, bidi controls warnings; each is pinned
        to its own line and column of the source file."""
        name = display_path(target)
        ok = True
        for at, ch in _unsafe_chars(text):
            line = text.count("\n", 0, at) + 1
            col = at - (text.rfind("\n", 0, at) + 1) + 1
            if is_control(ch):
                ok = False
                self.elsewhere.append(
                    Problem(
                        name,
                        line,
                        col,
                        f"{char_name(ch)}: control characters are not allowed in a source",
                    )
                )
            else:
                self.elsewhere.append(
                    Problem(
                        name,
                        line,
                        col,
                        f"{char_name(ch)}: it may reorder the text around it",
                        warning=True,
                    )
                )
        return ok

    def build_entities(self, raw: Any) -> None:
        names: dict[str, str] = {}
        for eid, path, spec in self.keyed(raw, "entities", ENTITY_KEYS, "entity"):
            etype = self.text(spec, "type", path)
            name = self.text(spec, "name", path)
            aliases = self.text_list(spec, "aliases", path)
            if etype is not None and etype not in ENTITY_TYPES:
                self.problem(
                    (*path, "type"),
                    f"unknown entity type {etype!r} (one of: {', '.join(ENTITY_TYPES)})",
                )
                continue
            if etype is None or name is None:
                continue
            for n in (name, *aliases):
                key = fold(n)
                if key in names and names[key] != eid:
                    self.problem(
                        path,
                        f"name {n!r} is also used by entity {names[key]!r}; "
                        "players could not tell them apart",
                    )
                names[key] = eid
            group = self.text(spec, "group", path, required=False)
            self.entities[eid] = Entity(eid, etype, name, aliases, group)

    def build_relations(self, raw: Any) -> None:
        for rid, path, spec in self.keyed(raw, "relations", RELATION_KEYS, "relation"):
            types = {}
            for role in ("subject", "object"):
                t = self.text(spec, role, path)
                if t is not None and t not in VALUE_TYPES:
                    self.problem(
                        (*path, role), f"unknown type {t!r} (one of: {', '.join(VALUE_TYPES)})"
                    )
                    t = None
                types[role] = t
            closed = spec.get("closed", False)
            if not isinstance(closed, bool):
                self.problem((*path, "closed"), "'closed' must be true or false")
                closed = False
            templates = {}
            for key in TEMPLATE_KEYS:
                if key in spec:
                    template = self.text(spec, key, path)
                    if template is not None and self.check_template(key, template, (*path, key)):
                        templates[key] = template
            if "event" in templates and types["object"] not in ("date", "year"):
                self.problem(
                    (*path, "event"), "'event' needs a relation whose object is a date or year"
                )
            if types["subject"] and types["object"]:
                self.relations[rid] = Relation(
                    rid, types["subject"], types["object"], closed, templates
                )

    def check_template(self, key: str, template: str, path: YamlPath) -> bool:
        found = set()
        for m in _BRACES.finditer(template):
            name = m.group(0)[1:-1]
            if name not in ("subject", "object"):
                self.problem(
                    path, f"unknown placeholder {m.group(0)} (use {{subject}} or {{object}})"
                )
                return False
            found.add(name)
        stray = _BRACES.sub("", template)
        if "{" in stray or "}" in stray:
            self.problem(path, "unbalanced { or } in template")
            return False
        must, must_not = TEMPLATE_RULES[key]
        if not must <= found or found & must_not:
            need = " and ".join(f"{{{n}}}" for n in sorted(must))
            without = f" and not {{{next(iter(must_not))}}}" if must_not else ""
            self.problem(path, f"template {key!r} must contain {need}{without}")
            return False
        return True

    # -- facts ----------------------------------------------------------------------

    def build_facts(self, raw: Any) -> list[Fact]:
        if not isinstance(raw, list):
            if raw is not None:
                self.problem(("facts",), f"'facts' must be a list, not {_kind(raw)}")
            return []
        facts: list[Fact] = []
        ids: dict[str, int] = {}
        triples: dict[tuple[Any, ...], str] = {}
        for i, body in enumerate(raw):
            path: YamlPath = ("facts", i)
            spec = self.mapping(body, path, FACT_KEYS, "a fact")
            if spec is None:
                continue
            fid = self.ident(spec, "id", path)
            if fid is not None:
                if fid in ids:
                    self.problem(
                        (*path, "id"), f"duplicate fact id {fid!r} (also fact #{ids[fid] + 1})"
                    )
                ids[fid] = i
            rid = self.text(spec, "relation", path)
            relation = self.relations.get(rid) if rid else None
            if rid is not None and relation is None:
                self.problem(
                    (*path, "relation"), f"unknown relation {rid!r}{_hint(rid, self.relations)}"
                )
            subject = self.value(
                spec.get("subject"), (*path, "subject"), relation.subject_type if relation else None
            )
            obj = self.value(
                spec.get("object"), (*path, "object"), relation.object_type if relation else None
            )
            topics = self.text_list(spec, "topics", path)
            if "topics" in spec and not topics:
                self.problem((*path, "topics"), "a fact needs at least one topic")
            evidence = self.evidence(spec.get("evidence"), (*path, "evidence"))
            explanation = self.text(spec, "explanation", path, required=False)
            if None in (fid, relation, subject, obj) or not evidence or not topics:
                continue
            assert (
                fid is not None and relation is not None and subject is not None and obj is not None
            )
            triple = (subject.key, relation.id, obj.key)
            if triple in triples:
                self.problem(path, f"fact {fid!r} states the same as fact {triples[triple]!r}")
            triples[triple] = fid
            facts.append(Fact(fid, subject, relation, obj, topics, evidence, explanation))
        return facts

    def value(self, raw: Any, path: YamlPath, expected: str | None) -> Value | None:
        value: Value | None = None
        if isinstance(raw, str):
            value = self.entities.get(raw)
            if value is None:
                self.problem(path, f"unknown entity {raw!r}{_hint(raw, self.entities)}")
                return None
        elif isinstance(raw, dict) and len(raw.keys() & {"date", "year", "number"}) == 1:
            value = self.literal(raw, path)
            if value is None:
                return None
        else:
            self.problem(
                path, 'a value is an entity id, {date: "YYYY-MM-DD"}, {year: YYYY} or {number: N}'
            )
            return None
        if expected is not None and value.type != expected:
            self.problem(
                path,
                f"the relation wants {_a(expected)} here, not {_a(value.type)} ({value.display!r})",
            )
            return None
        return value

    def literal(self, raw: dict[str, Any], path: YamlPath) -> Value | None:
        if "number" in raw:
            self.mapping(raw, path, ({"number"}, {"text", "approx"}), "a number")
            n = raw["number"]
            approx = raw.get("approx", False)
            text = raw.get("text")
            if (
                isinstance(n, bool)
                or not isinstance(n, int | float)
                or not isinstance(approx, bool)
                or not (text is None or isinstance(text, str))
                or not _finite(n)
            ):
                self.problem(
                    path, "a number is {number: N, text: optional words, approx: true|false}"
                )
                return None
            return Number(n, text, approx)
        key = "date" if "date" in raw else "year"
        self.mapping(raw, path, ({key}, set()), f"a {key}")
        v = raw[key]
        if key == "year":
            if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 9999:
                self.problem((*path, key), f"a year is a whole number such as 2004, not {v!r}")
                return None
            return When(v)
        if isinstance(v, dt.date):
            return When(v.year, v.month, v.day)
        m = _DATE.match(str(v))
        if not m or not m.group(2):
            self.problem(
                (*path, key),
                f'a date is "YYYY-MM-DD" or "YYYY-MM" (use {{year: N}} for a year), not {v!r}',
            )
            return None
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            dt.date(year or 0, month or 1, day or 1)  # year 0000 is not a real year
        except ValueError as exc:
            self.problem((*path, key), f"not a real date: {v!r} ({exc})")
            return None
        assert year is not None
        return When(year, month, day)

    def evidence(self, raw: Any, path: YamlPath) -> tuple[Quote, ...]:
        if raw is None:
            return ()
        items = raw if isinstance(raw, list) else [raw]
        if not items:
            self.problem(path, "evidence needs at least one quote")
        quotes = []
        for i, item in enumerate(items):
            qpath = (*path, i) if isinstance(raw, list) else path
            spec = self.mapping(item, qpath, QUOTE_KEYS, "evidence")
            if spec is None:
                continue
            quote = self.quote(spec, qpath)
            if quote is not None:
                quotes.append(quote)
        return tuple(quotes) if len(quotes) == len(items) else ()

    def quote(self, spec: dict[str, Any], path: YamlPath) -> Quote | None:
        exact, prefix, suffix = spec.get("quote"), spec.get("prefix", ""), spec.get("suffix", "")
        if not (isinstance(exact, str) and isinstance(prefix, str) and isinstance(suffix, str)):
            self.problem(path, "quote, prefix and suffix must be text")
            return None
        if not all(self.safe(v, (*path, k), k) for k, v in spec.items() if isinstance(v, str)):
            return None
        sid = spec.get("source")
        if sid is None:
            if len(self.sources) != 1:
                if self.sources:
                    self.problem(path, "the pack has several sources: say which with 'source'")
                return None
            sid = next(iter(self.sources))
        source = self.sources.get(sid)
        if source is None:
            self.problem((*path, "source"), f"unknown source {sid!r}")
            return None
        try:
            start, end = find_quote(source.text, exact, prefix, suffix)
        except QuoteNotFound as exc:
            self.problem((*path, "quote"), str(exc))
            return None
        return Quote(source.id, exact, start, end, prefix, suffix)

    # -- hand-written questions -----------------------------------------------------

    def build_questions(self, raw: Any, fact_ids: set[str]) -> list[HandQuestion]:
        if not isinstance(raw, list):
            self.problem(("questions",), f"'questions' must be a list, not {_kind(raw)}")
            return []
        out = []
        seen: set[str] = set(fact_ids)
        for i, body in enumerate(raw):
            path: YamlPath = ("questions", i)
            spec = self.mapping(body, path, QUESTION_KEYS, "a question")
            if spec is None:
                continue
            qid = self.ident(spec, "id", path)
            if qid is not None and qid in seen:
                self.problem((*path, "id"), f"duplicate id {qid!r}")
            kind = self.text(spec, "kind", path)
            if kind is not None and kind not in HAND_KINDS:
                self.problem((*path, "kind"), f"kind must be one of {', '.join(HAND_KINDS)}")
                kind = None
            prompt = self.text(spec, "prompt", path)
            answer = spec.get("answer")
            if kind == "true_false":
                if not isinstance(answer, bool):
                    self.problem((*path, "answer"), "a true_false answer is true or false")
                    answer = None
                else:
                    answer = "True" if answer else "False"
            else:
                answer = self.text(spec, "answer", path)
            wrong = self.text_list(spec, "wrong", path)
            accept = self.text_list(spec, "accept", path)
            if kind == "choice" and not wrong:
                self.problem(path, "a choice question needs 'wrong' options")
            folded = [fold(x) for x in (answer or "", *wrong)] if kind == "choice" else []
            if len(set(folded)) != len(folded):
                self.problem((*path, "wrong"), "options repeat (after folding case and accents)")
            if prompt and answer and kind != "true_false" and fold(answer) in fold(prompt):
                self.problem((*path, "prompt"), "the prompt contains the answer")
            topics = self.text_list(spec, "topics", path)
            evidence = self.evidence(spec.get("evidence"), (*path, "evidence"))
            if None in (qid, kind, prompt, answer) or not topics or not evidence:
                continue
            assert qid and kind and prompt and answer
            seen.add(qid)
            out.append(
                HandQuestion(
                    qid,
                    kind,
                    prompt,
                    answer,
                    wrong,
                    accept,
                    topics,
                    evidence,
                    self.text(spec, "explanation", path, required=False),
                )
            )
        return out


def _kind(obj: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}.get(
        type(obj), type(obj).__name__
    )


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def _finite(n: float) -> bool:
    """A number the program can compare and show: not NaN, not infinite, not astronomically big."""
    try:
        return math.isfinite(float(n))
    except OverflowError:
        return False


def _hint(name: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
