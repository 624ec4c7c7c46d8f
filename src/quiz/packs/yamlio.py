"""Reading pack YAML safely, and finding the line of any value after the fact.

The happy path reads the C parser's events straight into plain data (`_from_events`);
anything out of the ordinary, and every error, goes through a plain `yaml.load`
with the same safe loader, so both give the same data and the same messages.
Only when validation finds a problem is the file composed again to map the
problem's path to a line and column. Anchors and aliases are refused before
anything is built, so a "billion laughs" file costs nothing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml import events
from yaml.nodes import ScalarNode

from quiz.lang import N_, _
from quiz.packs.errors import PackError, Problem, YamlPath, display_path
from quiz.packs.limits import MAX_BYTES, MAX_DEPTH
from quiz.packs.yamlhints import hint, unclosed_quote

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PackLoader(_BaseLoader):
    """The safe loader, refusing duplicate keys (PyYAML silently keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):  # fewer keys than pairs: a key was repeated
            seen: set[Any] = set()
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        _("duplicate key {key}").format(key=repr(key)),
                        key_node.start_mark,
                    )
                seen.add(key)
        return mapping

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML's scalar constructors raise plain ValueError, IndexError, … for
        # values such as `2004-02-30`, `!!int abc` or `!!bool x`: make them located errors.
        try:
            value = super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError) as exc:
            tag = str(node.tag).rsplit(":", 1)[-1]
            said = _("cannot read {value} as {tag} ({why})").format(
                value=repr(node.value), tag=tag, why=exc
            )
            raise yaml.constructor.ConstructorError(None, None, said, node.start_mark) from None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _as_written(node, value)
        return value


_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?")


class WrittenNumber(str):
    """The text of an unquoted scalar that YAML reads as a number, kept as written (`010`,
    `3.10`, `20:17`, `.inf`). Where a field takes text or a number it is that text; where the
    format takes text only (a list of text, such as topics) it is refused, as the schema
    refuses it in an editor, which reads a number there (found by the fuzz tests: the loader
    took `topics: .inf` as the topic ".inf")."""


def _as_written(node: yaml.Node, value: float) -> float | str:
    """YAML 1.1 reads `20:17` as 1217, `010` as 8 and `3.10` as 3.1: a number that does not
    read as it is written stays the text written, so a pack never says what its author did
    not type (a hand-written answer "20:17" became "1217" without a word); where a number is
    wanted, that text is refused in place ("a number is …")."""
    raw = str(node.value)
    if _DECIMAL.fullmatch(raw) and raw.lstrip("+") == str(value):
        return value
    return WrittenNumber(raw)


def read_text(path: Path) -> str:
    """The file's text, or a PackError naming what is wrong with the bytes."""
    from quiz.packs.reading import Unreadable, read_capped

    name = display_path(path)
    try:  # a named pipe is refused, not waited on; a huge file is refused unread
        data = read_capped(path, MAX_BYTES, "a pack")
    except Unreadable as exc:
        raise PackError(
            [Problem(name, 1, 1, _("cannot read file: {why}").format(why=exc))]
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        said = _("not UTF-8 text (byte {byte})").format(byte=f"0x{data[exc.start]:02x}")
        raise PackError([Problem(name, line, col, said)]) from None


def load_yaml(text: str, name: str) -> Any:
    """Parse one YAML document with the safe loader; every failure is a PackError."""
    if "&" in text or "*" in text:
        _refuse_aliases(text, name)
    try:
        data = _from_events(text)
    except (_Unusual, yaml.YAMLError):  # said again, with its place, by the full load below
        data = _load_composed(text, name)
    _check_depth(data, name, text)
    return data


def _load_composed(text: str, name: str) -> Any:
    """PyYAML's own load (compose the document, then construct it): every error it raises
    becomes a located PackError."""
    try:
        return yaml.load(text, Loader=PackLoader)  # noqa: S506 - PackLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "quoted scalar" in str(exc.context) and "end of stream" in str(exc.problem):
            mark = exc.context_mark  # where the unclosed quote opens, not the end of the file
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        english = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        message = " ".join(yaml_words(str(x)) for x in (exc.context, exc.problem) if x)
        if "could not determine a constructor" in english:
            tag = english.rsplit(" ", 1)[-1].strip("'").replace("tag:yaml.org,2002:", "!!")
            message = _("tag not allowed in a pack: {tag}").format(tag=tag)
        lines = text.splitlines()
        lost = "did not find expected" in english or "expected <block end>" in english
        opened = unclosed_quote(lines, line) if lost else None
        if opened is not None and opened != line:  # a quote left open lines before
            line, col = opened, lines[opened - 1].index('"') + 1
            message = _(
                "{message} (the quote opened on line {line} is not closed on its line)"
            ).format(message=message, line=opened)
        else:
            line_text = lines[line - 1] if 0 < line <= len(lines) else ""
            found = hint(exc.context, exc.problem, line_text, col)
            if found:
                message = f"{message} ({found})"
        said = _("YAML: {message}").format(message=message)
        raise PackError([Problem(name, line, col, said)]) from None
    except yaml.reader.ReaderError as exc:  # a control character; its message spans two lines
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        message = _("YAML: character {char} is not allowed ({why})").format(
            char=repr(char), why=yaml_words(str(exc.reason))
        )
        raise PackError([Problem(name, line, col, message)]) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise PackError(
            [Problem(name, 1, 1, _("YAML: {message}").format(message=message))]
        ) from None
    except RecursionError:
        raise PackError([Problem(name, 1, 1, _deep())]) from None


def _deep() -> str:
    return _("nested more than {n} levels deep").format(n=MAX_DEPTH)


# What the YAML parser (libyaml, or PyYAML's own) says, in the interface's language: its
# fixed phrases, and the few that name a character or token (kept as the parser writes it).
_YAML_PHRASES = {
    "mapping values are not allowed in this context": N_(
        "mapping values are not allowed in this context"
    ),
    "mapping values are not allowed here": N_("mapping values are not allowed here"),
    "mapping keys are not allowed in this context": N_(
        "mapping keys are not allowed in this context"
    ),
    "mapping keys are not allowed here": N_("mapping keys are not allowed here"),
    "block sequence entries are not allowed in this context": N_(
        "block sequence entries are not allowed in this context"
    ),
    "while scanning a quoted scalar": N_("while scanning a quoted scalar"),
    "while parsing a quoted scalar": N_("while parsing a quoted scalar"),
    "while scanning a double-quoted scalar": N_("while scanning a double-quoted scalar"),
    "while scanning a plain scalar": N_("while scanning a plain scalar"),
    "while scanning a block scalar": N_("while scanning a block scalar"),
    "while scanning a simple key": N_("while scanning a simple key"),
    "while scanning for the next token": N_("while scanning for the next token"),
    "while scanning an anchor": N_("while scanning an anchor"),
    "while scanning an alias": N_("while scanning an alias"),
    "while scanning a tag": N_("while scanning a tag"),
    "while scanning a directive": N_("while scanning a directive"),
    "while parsing a block mapping": N_("while parsing a block mapping"),
    "while parsing a block collection": N_("while parsing a block collection"),
    "while parsing a flow mapping": N_("while parsing a flow mapping"),
    "while parsing a flow sequence": N_("while parsing a flow sequence"),
    "while parsing a block node": N_("while parsing a block node"),
    "while parsing a flow node": N_("while parsing a flow node"),
    "while parsing a node": N_("while parsing a node"),
    "while parsing a tag": N_("while parsing a tag"),
    "while composing a mapping": N_("while composing a mapping"),
    "while constructing a mapping": N_("while constructing a mapping"),
    "found unexpected end of stream": N_("found unexpected end of stream"),
    "found character that cannot start any token": N_(
        "found character that cannot start any token"
    ),
    "found unknown escape character": N_("found unknown escape character"),
    "found unexpected document separator": N_("found unexpected document separator"),
    "found undefined tag handle": N_("found undefined tag handle"),
    "found a tab character that violates indentation": N_(
        "found a tab character that violates indentation"
    ),
    "found a tab character where an indentation space is expected": N_(
        "found a tab character where an indentation space is expected"
    ),
    "could not find expected ':'": N_("could not find expected ':'"),
    "did not find expected key": N_("did not find expected key"),
    "did not find expected '-' indicator": N_("did not find expected '-' indicator"),
    "did not find expected ',' or ']'": N_("did not find expected ',' or ']'"),
    "did not find expected ',' or '}'": N_("did not find expected ',' or '}}'"),
    "did not find expected node content": N_("did not find expected node content"),
    "did not find expected <document start>": N_("did not find expected <document start>"),
    "did not find expected comment or line break": N_(
        "did not find expected comment or line break"
    ),
    "did not find expected alphabetic or numeric character": N_(
        "did not find expected alphabetic or numeric character"
    ),
    "did not find expected whitespace or line break": N_(
        "did not find expected whitespace or line break"
    ),
    "expected a single document in the stream": N_("expected a single document in the stream"),
    "but found another document": N_("but found another document"),
    "special characters are not allowed": N_("special characters are not allowed"),
    "control characters are not allowed": N_("control characters are not allowed"),
}
_YAML_PATTERNS = (
    (re.compile(r"expected (?P<a>.+), but found (?P<b>.+)"), N_("expected {a}, but found {b}")),
    (re.compile(r"expected (?P<a>.+), but got (?P<b>.+)"), N_("expected {a}, but got {b}")),
    (
        re.compile(r"found character (?P<a>.+) that cannot start any token"),
        N_("found character {a} that cannot start any token"),
    ),
    (
        re.compile(r"found unknown escape character (?P<a>.+)"),
        N_("found unknown escape character {a}"),
    ),
    (re.compile(r"found undefined tag handle (?P<a>.+)"), N_("found undefined tag handle {a}")),
)


def yaml_words(said: str) -> str:
    """A phrase of the YAML parser's in the interface's language (as it is when unknown)."""
    known = _YAML_PHRASES.get(said)
    if known is not None:
        return _(known).format()
    for pattern, template in _YAML_PATTERNS:
        m = pattern.fullmatch(said)
        if m:
            return _(template).format(**m.groupdict())
    return said


class _Unusual(Exception):
    """Something `_from_events` leaves to PyYAML's own load: a tag on a mapping or list, an
    anchor, a merge key (<<), a mapping or list as a key, a repeated key, more or less than
    one document, nesting deeper than a pack may go."""


_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = (None, "!")  # the tag is resolved from the value, as the composer does


def _from_events(text: str) -> Any:
    """The document as `yaml.load` with PackLoader (a SafeLoader) builds it, read from the parser's
    events one at a time, without composing the node tree first.

    Why: the composer keeps a node (and two marks) per value, hundreds of thousands for a
    large pack, until the whole document is built. They are tracked by the cycle collector,
    which walks them again and again while they grow: most of a plain `yaml.load` of a large
    file is spent there, and on the thread that draws the screen too when a pack loads in a
    worker. Here each event is dropped as soon as it is read, so the live objects are only
    the result's lists and dicts (and dicts of strings are not tracked at all).

    Each scalar is still resolved and constructed by PackLoader itself, from a node made for
    it alone, so values (and their errors) are exactly PyYAML's. Anything else raises
    `_Unusual` or a YAMLError, and the caller loads the text the composed way instead."""
    loader = PackLoader(text)
    try:
        get = loader.get_event
        if not isinstance(get(), events.StreamStartEvent):
            raise _Unusual
        if not isinstance(get(), events.DocumentStartEvent):
            raise _Unusual  # an empty stream
        resolve, construct = loader.resolve, loader.construct_object
        made = loader.constructed_objects  # PyYAML's memo of each node: never read again here
        # Open containers, innermost last: [the dict or list, its key waiting for a value
        # (a mapping's), whether a key comes next (a mapping's)].
        stack: list[list[Any]] = []
        root: Any = None
        while True:
            event = get()
            kind = type(event)
            tag = None
            opened: dict[Any, Any] | list[Any] | None = None  # a container this event opens
            if kind is events.ScalarEvent:
                if event.anchor is not None:
                    raise _Unusual
                tag = event.tag
                if tag in _PLAIN_TAGS:
                    tag = resolve(ScalarNode, event.value, event.implicit)
                node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
                value = construct(node)
                del made[node]
                if loader.state_generators:  # a collection's tag on a scalar (`!!set x`):
                    raise _Unusual  # PyYAML fails on it only once the document is built
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                if event.anchor is not None or event.tag not in _PLAIN_TAGS:
                    raise _Unusual
                value = opened = {} if kind is events.MappingStartEvent else []
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                stack.pop()
                if stack:
                    continue
                break
            else:  # an alias
                raise _Unusual
            if stack:
                top = stack[-1]
                into = top[0]
                if type(into) is list:
                    into.append(value)
                elif top[2]:  # a key
                    if opened is not None or tag == _MERGE or value in into:
                        raise _Unusual
                    top[1] = value
                    top[2] = False
                else:
                    into[top[1]] = value
                    top[2] = True
            else:
                root = value
            if opened is None:
                if stack:
                    continue
                break  # a document of one scalar
            if len(stack) > MAX_DEPTH:
                raise _Unusual
            stack.append([opened, None, True])
        if not isinstance(get(), events.DocumentEndEvent):
            raise _Unusual
        if not isinstance(get(), events.StreamEndEvent):
            raise _Unusual  # a second document
        return root
    finally:
        loader.dispose()


def _refuse_aliases(text: str, name: str) -> None:
    try:
        for token in yaml.scan(text, Loader=_BaseLoader):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                mark = token.start_mark
                raise PackError(
                    [
                        Problem(
                            name,
                            mark.line + 1,
                            mark.column + 1,
                            _(
                                "anchors and aliases (&, *) are not allowed in a pack "
                                "(text that starts with & or * must be in quotes)"
                            ),
                        )
                    ]
                )
    except yaml.YAMLError:
        return  # the real parse reports syntax errors with a better message


def _check_depth(data: Any, name: str, text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH. Only containers are walked and no path is built
    on the way (a large pack has hundreds of thousands of values): the path of the culprit
    is found again only when there is one."""
    stack: list[tuple[Any, int]] = [(data, 0)] if isinstance(data, dict | list) else []
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            line, col = Locator(text)(_deep_path(data))
            raise PackError([Problem(name, line, col, _deep())])
        children = value.values() if isinstance(value, dict) else value
        stack.extend((v, depth + 1) for v in children if isinstance(v, dict | list))


def _deep_path(data: Any) -> YamlPath:
    """The path to the first value nested deeper than MAX_DEPTH."""
    stack: list[tuple[Any, YamlPath]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return path
        if isinstance(value, dict):
            stack.extend((v, (*path, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
    return ()


class Locator:
    """Maps a YAML path to its line and column; composes the file once, only when asked."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None
        self._composed = False

    def __call__(
        self, path: YamlPath, *, key: bool = False, char: int | None = None
    ) -> tuple[int, int]:
        """Line and column (1-based) of the value at `path`; of its key when `key` is true;
        of its character `char` when given and the text is written on one line as it reads.

        Falls back to the deepest node that exists, so a missing key points at
        the mapping that should hold it.
        """
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._text, Loader=_BaseLoader)
            except (yaml.YAMLError, RecursionError):
                self._root = None
        node = self._root
        if node is None:
            return 1, 1
        mark = node.start_mark
        found = True
        for i, step in enumerate(path):
            last = i == len(path) - 1
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == str(step):
                        if last and key:
                            mark = k.start_mark
                        child = v
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(step, int)
                and 0 <= step < len(node.value)
            ):
                child = node.value[step]
            if child is None:
                found = False
                break
            node = child
            if not (last and key):
                mark = node.start_mark
        if found and char is not None and isinstance(node, yaml.ScalarNode):
            offset = _char_offset(self._text, node, char)
            if offset is not None:
                return self._line_col(offset)
        return mark.line + 1, mark.column + 1

    def _line_col(self, offset: int) -> tuple[int, int]:
        text = self._text
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _char_offset(text: str, node: yaml.ScalarNode, char: int) -> int | None:
    """Where character `char` of a scalar's value stands in the file, for a scalar written
    on one line (plain, or quoted with or without escapes); None otherwise."""
    start, end = node.start_mark, node.end_mark
    if start.line != end.line or not 0 <= char < len(node.value):
        return None
    raw = text[start.index : end.index]
    if node.style is None:
        return start.index + char if raw == node.value else None
    if node.style not in ("'", '"') or len(raw) < 2:
        return None
    body, shift = raw[1:-1], start.index + 1
    places = _single_quoted(body) if node.style == "'" else _double_quoted(body)
    if places is None or len(places) != len(node.value):
        return None
    return shift + places[char]


def _single_quoted(body: str) -> list[int]:
    """Where each character of a single-quoted scalar's value starts ('' is one ')."""
    places, i = [], 0
    while i < len(body):
        places.append(i)
        i += 2 if body.startswith("''", i) else 1
    return places


_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}


def _double_quoted(body: str) -> list[int] | None:
    """Where each character of a double-quoted scalar's value starts (escapes are one)."""
    places, i = [], 0
    while i < len(body):
        places.append(i)
        if body[i] == "\\":
            if i + 1 >= len(body):
                return None
            i += _ESCAPE_LENGTH.get(body[i + 1], 2)
        else:
            i += 1
    return places
