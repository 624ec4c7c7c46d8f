"""Reading pack YAML safely, and finding the line of any value after the fact.

The happy path is a plain `yaml.load` with the C safe loader (fast); only when
validation finds a problem is the file composed again to map the problem's
path to a line and column. Anchors and aliases are refused before anything is
built, so a "billion laughs" file costs nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from quiz.packs.errors import PackError, Problem, YamlPath, display_path
from quiz.packs.limits import MAX_BYTES, MAX_DEPTH

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PackLoader(_BaseLoader):
    """The safe loader, refusing duplicate keys (PyYAML silently keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):  # fewer keys than pairs: a key was repeated
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark
                    )
                seen.add(key)
        return mapping

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML's scalar constructors raise plain ValueError, IndexError, … for
        # values such as `2004-02-30`, `!!int abc` or `!!bool x`: make them located errors.
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError) as exc:
            tag = str(node.tag).rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {node.value!r} as {tag} ({exc})", node.start_mark
            ) from None


def read_text(path: Path) -> str:
    """The file's text, or a PackError naming what is wrong with the bytes."""
    name = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PackError(
                [
                    Problem(
                        name,
                        1,
                        1,
                        f"file is {size / 2**20:.1f} MiB; a pack may be "
                        f"at most {MAX_BYTES // 2**20} MiB",
                    )
                ]
            )
        data = path.read_bytes()
    except OSError as exc:
        raise PackError([Problem(name, 1, 1, f"cannot read file: {exc.strerror or exc}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PackError(
            [Problem(name, line, col, f"not UTF-8 text (byte 0x{data[exc.start]:02x})")]
        ) from None


def load_yaml(text: str, name: str) -> Any:
    """Parse one YAML document with the safe loader; every failure is a PackError."""
    if "&" in text or "*" in text:
        _refuse_aliases(text, name)
    try:
        data = yaml.load(text, Loader=PackLoader)  # noqa: S506 - PackLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        if "could not determine a constructor" in message:
            tag = message.rsplit(" ", 1)[-1].strip("'").replace("tag:yaml.org,2002:", "!!")
            message = f"tag not allowed in a pack: {tag}"
        lines = text.splitlines()
        if 0 < line <= len(lines) and lines[line - 1][col - 1 : col] == "\t":
            message += " (a tab: YAML is indented with spaces only)"
        raise PackError([Problem(name, line, col, f"YAML: {message}")]) from None
    except yaml.reader.ReaderError as exc:  # a control character; its message spans two lines
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        message = f"YAML: character {char!r} is not allowed ({exc.reason})"
        raise PackError([Problem(name, line, col, message)]) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise PackError([Problem(name, 1, 1, f"YAML: {message}")]) from None
    except RecursionError:
        raise PackError(
            [Problem(name, 1, 1, f"nested more than {MAX_DEPTH} levels deep")]
        ) from None
    _check_depth(data, name, text)
    return data


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
                            "anchors and aliases (&, *) are not allowed in a pack",
                        )
                    ]
                )
    except yaml.YAMLError:
        return  # the real parse reports syntax errors with a better message


def _check_depth(data: Any, name: str, text: str) -> None:
    stack: list[tuple[Any, int, YamlPath]] = [(data, 0, ())]
    while stack:
        value, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            line, col = Locator(text)(path)
            raise PackError([Problem(name, line, col, f"nested more than {MAX_DEPTH} levels deep")])
        if isinstance(value, dict):
            stack.extend((v, depth + 1, (*path, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, depth + 1, (*path, i)) for i, v in enumerate(value))


class Locator:
    """Maps a YAML path to its line and column; composes the file once, only when asked."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None
        self._composed = False

    def __call__(self, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `path`; of its key when `key` is true.

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
                break
            node = child
            if not (last and key):
                mark = node.start_mark
        return mark.line + 1, mark.column + 1
