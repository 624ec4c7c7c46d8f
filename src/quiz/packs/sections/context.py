"""What every section's validator shares: the problems found so far, where each stands,
what the sections before it built, and the small checks every section uses.

Problems are recorded as YAML paths (and, for a quote, the character inside it);
they become lines and columns only if the pack fails. An entry that is itself
wrong (an entity of an unknown type, a relation without types) is remembered as
broken, so the facts that use it say nothing more: one mistake, one error.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz.lang import N_, _
from quiz.languages import Language, english
from quiz.packs.errors import Problem, YamlPath
from quiz.packs.model import TEMPLATE_KEYS, Entity, Relation, Source
from quiz.packs.schema import keys
from quiz.packs.yamlio import Locator, WrittenNumber
from quiz.safe import char_name, first_unsafe, is_control

ID = re.compile(r"[a-z0-9][a-z0-9_-]*")  # whole ids only: fullmatch ("x\n" is not one)
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
KeySets = tuple[frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class Note:
    """A problem or warning at a YAML path: at its key (`key`), or at a character of its
    text (`char`), else at its value."""

    path: YamlPath
    message: str
    key: bool = False
    char: int | None = None


class Context:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text_of_file = text
        self.problems: list[Note] = []
        self.warnings: list[Note] = []
        self.elsewhere: list[Problem] = []  # problems and warnings located in a source file
        self.sources: dict[str, Source] = {}
        self.source_ids: list[str] = []  # every source the pack declares, readable or not
        self.entities: dict[str, Entity] = {}
        self.relations: dict[str, Relation] = {}
        # (section, id) of entries declared with a mistake already reported
        self.broken: set[tuple[str, str]] = set()
        self._locator: Locator | None = None  # composed only when a message needs a line
        # the pack's language (its `language` key, read first): how its dates and numbers are
        # written and what its sources are called by default
        self.lang: Language = english()

    def line_of(self, path: YamlPath) -> int:
        """The line a path starts on, for a message that names an earlier place."""
        if self._locator is None:
            self._locator = Locator(self.text_of_file)
        return self._locator(path)[0]

    # -- recording --------------------------------------------------------------------

    def problem(
        self, path: YamlPath, message: str, *, key: bool = False, char: int | None = None
    ) -> None:
        self.problems.append(Note(path, message, key, char))

    def warn(self, path: YamlPath, message: str) -> None:
        self.warnings.append(Note(path, message))

    # -- shapes ---------------------------------------------------------------------

    def mapping(
        self,
        obj: Any,
        path: YamlPath,
        key_sets: KeySets | str,
        what: str,
        *,
        quiet: frozenset[str] = frozenset(),
    ) -> dict[str, Any] | None:
        """The mapping, with unknown keys and missing required ones reported (except the
        `quiet` ones, whose absence the caller explains better); None if not a mapping."""
        required, optional = keys(key_sets) if isinstance(key_sets, str) else key_sets
        if not isinstance(obj, dict):
            self.problem(
                path,
                _("{what} must be a mapping of keys to values, not {kind}").format(
                    what=what, kind=kind_of(obj)
                ),
            )
            return None
        allowed = required | optional
        meant: set[str] = set()  # a misspelt required key is one mistake, not two
        for k in obj:
            if k not in allowed:
                close = difflib.get_close_matches(str(k), sorted(allowed), n=1)
                if close:
                    said = _("unknown key {key} in {what}; did you mean {close}?").format(
                        key=repr(k), what=what, close=repr(close[0])
                    )
                else:
                    said = _("unknown key {key} in {what} (allowed: {allowed})").format(
                        key=repr(k), what=what, allowed=", ".join(sorted(allowed))
                    )
                meant.update(close)
                self.problem((*path, k), said, key=True)
        for k in sorted(required - obj.keys() - quiet - meant):
            self.problem(path, _("{what} is missing {key}").format(what=what, key=repr(k)))
        return obj

    def keyed(
        self,
        raw: Any,
        section: str,
        definition: str,
        what: str,
        *,
        quiet: frozenset[str] = frozenset(),
    ) -> Iterator[tuple[str, YamlPath, dict[str, Any]]]:
        """(id, path, body) of each well-formed entry of a section that maps ids to bodies
        (a blank section is an empty one). Entries that are not are reported and broken.
        `what` is the entry's kind ("source", "entity", "relation"), worded by `_ENTRIES`."""
        if raw is None:
            return
        if not isinstance(raw, dict):
            self.problem((section,), _(_ENTRIES[what][0]))
            return
        for key, body in raw.items():
            path: YamlPath = (section, key)
            named = _(_ENTRIES[what][1]).format(id=repr(key))
            spec = self.mapping(body, path, definition, named, quiet=quiet)
            if spec is not None and self.key_id(key, path, what):
                yield str(key), path, spec
            else:
                self.broken.add((section, str(key)))

    # -- values ---------------------------------------------------------------------

    def text(
        self, obj: dict[str, Any], key: str, path: YamlPath, *, required: bool = True
    ) -> str | None:
        value = obj.get(key)
        if value is None:
            if key in obj:  # `statement:` or `date:` with nothing after it
                self.problem((*path, key), _("{key} must not be empty").format(key=repr(key)))
            return None  # a missing required key was reported by mapping()
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            if key in TEMPLATE_KEYS and isinstance(value, dict):
                said = _(
                    "{key} must be text, not {kind} (a template that starts with {{ must be in "
                    'quotes: "{{subject}} …")'
                )
            else:
                said = _("{key} must be text, not {kind}")
            self.problem((*path, key), said.format(key=repr(key), kind=kind_of(value)))
            return None
        value = str(value)
        if required and not value.strip():
            self.problem((*path, key), _("{key} must not be empty").format(key=repr(key)))
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
            if key in PROSE_KEYS or value.isascii():
                return True
            hidden = _invisible(value)
            if hidden is None:
                return True
            self.problem(
                path,
                _(
                    "{key} holds {char} at character {at}: an invisible character would make "
                    "two names or options look the same"
                ).format(key=repr(key), char=char_name(value[hidden]), at=hidden + 1),
            )
            return False
        at, ch = found
        place = {"key": repr(key), "char": char_name(ch), "at": at + 1}
        if is_control(ch):
            self.problem(
                path,
                _(
                    "{key} holds {char} at character {at}: control characters are not allowed "
                    "in a pack"
                ).format(**place),
            )
            return False
        if key in PROSE_KEYS:
            self.warn(
                path,
                _("{key} holds {char} at character {at}: it may reorder the text around it").format(
                    **place
                ),
            )
            return True
        self.problem(
            path,
            _(
                "{key} holds {char} at character {at}: a name or an option cannot reorder how "
                "it is shown"
            ).format(**place),
        )
        return False

    def ident(self, obj: dict[str, Any], key: str, path: YamlPath) -> str | None:
        value = self.text(obj, key, path)
        if value is not None and (not ID.fullmatch(value) or isinstance(obj[key], float)):
            self.problem(
                (*path, key),
                _("{key} {value} must be lower-case letters, digits, '-' or '_'").format(
                    key=repr(key), value=repr(value)
                ),
            )
            return None
        return value

    def key_id(self, key: Any, path: YamlPath, what: str) -> bool:
        """Ids given as mapping keys (sources, entities, relations) follow the id rule too."""
        if isinstance(key, str) and ID.fullmatch(key):
            return True
        self.problem(path, _(_ENTRIES[what][2]).format(id=repr(key)), key=True)
        return False

    def text_list(self, obj: dict[str, Any], key: str, path: YamlPath) -> tuple[str, ...]:
        value = obj.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem((*path, key), _("{key} must be a list of text").format(key=repr(key)))
            return ()
        number = next((v for v in value if isinstance(v, WrittenNumber)), None)
        if number is not None:
            self.problem(
                (*path, key),
                _(
                    "{key} must be a list of text: {number} reads as a number (put it in quotes)"
                ).format(key=repr(key), number=number),
            )
            return ()
        if not all(self.safe(v, (*path, key, i), key) for i, v in enumerate(value)):
            return ()
        return tuple(value)

    def flag(self, obj: dict[str, Any], key: str, path: YamlPath) -> bool:
        value = obj.get(key, False)
        if not isinstance(value, bool):
            self.problem((*path, key), _("{key} must be true or false").format(key=repr(key)))
            return False
        return value


# How each kind of keyed entry is worded: the section that is not a mapping, one entry
# (`{id}` its id), and an id that breaks the id rule.
_ENTRIES = {
    "source": (
        N_("'sources' must map source ids to sources"),
        N_("source {id}"),
        N_("source id {id} must be lower-case letters, digits, '-' or '_'"),
    ),
    "entity": (
        N_("'entities' must map entity ids to entities"),
        N_("entity {id}"),
        N_("entity id {id} must be lower-case letters, digits, '-' or '_'"),
    ),
    "relation": (
        N_("'relations' must map relation ids to relations"),
        N_("relation {id}"),
        N_("relation id {id} must be lower-case letters, digits, '-' or '_'"),
    ),
}

# What a value is, as a message names it ("… not a list"); Python's own name for the rest.
_KINDS = {
    dict: N_("a mapping"),
    list: N_("a list"),
    str: N_("text"),
    type(None): N_("nothing"),
    bool: N_("bool"),
    int: N_("int"),
    float: N_("float"),
    dt.date: N_("date"),
    dt.datetime: N_("datetime"),
}


def kind_of(obj: Any) -> str:
    said = _KINDS.get(type(obj))
    return _(said) if said is not None else type(obj).__name__


# A value type with its article, as "the relation wants {a type} here" names it.
_A_TYPE = {
    "country": N_("a country"),
    "place": N_("a place"),
    "person": N_("a person"),
    "organisation": N_("an organisation"),
    "operation": N_("an operation"),
    "unit": N_("an unit"),
    "event": N_("an event"),
    "equipment": N_("an equipment"),
    "concept": N_("a concept"),
    "date": N_("a date"),
    "year": N_("a year"),
    "number": N_("a number"),
}


def a(word: str) -> str:
    """A value type with its article ("an event"), in the interface's language."""
    said = _A_TYPE.get(word)
    if said is not None:
        return _(said)
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def closest(name: str, known: dict[str, Any]) -> str | None:
    """The known id a mistyped one most likely meant (quoted, for a message), or None."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return repr(close[0]) if close else None


def _invisible(text: str) -> int | None:
    """Where an invisible format character (a soft hyphen, a zero-width space) stands in a
    name or an option: 'Arm\u00adstrong' would show as a second 'Armstrong'. A zero-width
    joiner between symbols is part of an emoji (👩\u200d🚀) and stays."""
    for i, ch in enumerate(text):
        if unicodedata.category(ch) != "Cf":
            continue
        around = text[i - 1 : i] + text[i + 1 : i + 2]
        if ch == "\u200d" and len(around) == 2 and not any(c.isalnum() for c in around):
            continue
        return i
    return None
