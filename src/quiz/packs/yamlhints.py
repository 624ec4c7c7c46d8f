"""What a YAML syntax error most likely means in a pack, and how to fix it.

PyYAML says where the parser gave up ("mapping values are not allowed in this
context"); an author needs the usual cause: a colon in unquoted text, a
template starting with {, a quote closed early, a tab, a line out of step.
"""

from __future__ import annotations

import re

from quiz.lang import _

_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+(?P<value>.*)$")


def unclosed_quote(lines: list[str], before: int) -> int | None:
    """The last line (1-based) before line `before` whose value opens a double quote it does
    not close: the parser read on from there, and failed somewhere after it."""
    for number in range(min(before, len(lines)), 0, -1):
        m = _KEY_VALUE.match(lines[number - 1])
        value = m.group("value").strip() if m else ""
        if value.startswith('"') and _quotes_open(value):
            return number
    return None


def _quotes_open(value: str) -> bool:
    """Whether a line's double-quoted value is still open at the line's end."""
    i, inside = 0, False
    while i < len(value):
        if value[i] == "\\" and inside:
            i += 2
            continue
        if value[i] == '"':
            inside = not inside
        elif value[i] == "#" and not inside:
            break
        i += 1
    return inside


def hint(context: str | None, problem: str | None, line_text: str, col: int) -> str:
    """A hint in parentheses for a YAML error at (1-based) `col` of `line_text`, or ''."""
    problem, context = problem or "", context or ""
    here = line_text[col - 1 : col]
    if here == "\t" or ("cannot start any token" in problem and "\t" in line_text):
        return _("a tab: YAML is indented with spaces only")
    if "mapping values are not allowed" in problem:
        return _('a colon and a space inside unquoted text end a key: put the text in quotes ("…")')
    if "quoted scalar" in context and "end of stream" in problem:
        return _("this quote is never closed: end the text with the quote mark it starts with")
    if "cannot start any token" in problem and here in ("@", "`", "%"):
        return _("text that starts with {char} must be in quotes").format(char=here)
    if "mapping keys are not allowed" in problem:
        return _("text that starts with '? ' must be in quotes")
    if "expected ',' or" in problem:
        return _(
            "inside {{ }} or [ ], text holding a colon, comma, bracket or brace must be in quotes"
        ).format()
    if "expected '-' indicator" in problem:
        return _("check the indentation: the items of a list start with '- ' in one column")
    if "expected key" in problem or "expected <block end>" in problem:
        return _block_hint(line_text)
    return ""


def _block_hint(line_text: str) -> str:
    m = _KEY_VALUE.match(line_text)
    value = m.group("value").strip() if m else ""
    if value.startswith("{") and ("{subject}" in value or "{object}" in value):
        return _('a template that starts with {{ must be in quotes: "{{subject}} …"').format()
    if value[:1] == '"' and _closed_early(value, '"'):
        return _('a " inside double quotes ends the text: write \\" or use “ ” instead')
    if value[:1] == "'" and _closed_early(value, "'"):
        return _(
            "a ' inside single quotes ends the text: write '' or put the text in double quotes"
        )
    return _("check the indentation: the keys of one mapping start in the same column")


def _closed_early(value: str, mark: str) -> bool:
    """Whether text follows the quote that closes a quoted value (`"Who was "Buzz"?"`)."""
    body = value[1:]
    i = 0
    while i < len(body):
        if mark == '"' and body[i] == "\\":
            i += 2
            continue
        if body[i] == mark:
            if mark == "'" and body[i + 1 : i + 2] == "'":
                i += 2
                continue
            rest = body[i + 1 :].split(" #", 1)[0].strip()
            return bool(rest)
        i += 1
    return False
