"""A screenshot that loads nothing: Textual's SVG export, its web fonts taken out.

Textual exports a screen as an SVG whose styles fetch Fira Code from a CDN (four
`url(https://cdnjs…)`s) and whose comment credits Rich's site. Opened in a browser (a
served tab's download, or a saved file) that would tell a third party a screenshot was
looked at; without them the SVG draws with a monospace font of the viewer's own, which
keeps the grid (its cells are placed one by one, not flowed).
"""

from __future__ import annotations

import datetime as dt
import re

# An @font-face rule: no nested braces in it.
_FONT_FACE = re.compile(r"@font-face\s*\{[^{}]*\}\s*", re.I)
_IMPORT = re.compile(r"@import[^;]*;\s*", re.I)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
# A reference to anything outside the file in a style or an attribute (data: stays).
_OUTSIDE = re.compile(r"""url\(\s*["']?(?!data:|#)[^)]*\)""", re.I)
_FONT_STACK = '"Fira Code", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace'


def self_contained(svg: str) -> str:
    """The SVG without web fonts, imports, comments or outside references; the terminal
    font family becomes a list of fonts a computer has (Fira Code when installed)."""
    svg = _FONT_FACE.sub("", svg)
    svg = _IMPORT.sub("", svg)
    svg = _COMMENT.sub("", svg)
    svg = _OUTSIDE.sub("none", svg)
    return svg.replace("font-family: Fira Code, monospace;", f"font-family: {_FONT_STACK};")


def file_name(title: str, time_format: str | None = None) -> str:
    """`quiz 2026-12-06T14_20_01_123456.svg`, as Textual names its screenshots (a file name on
    every system: no colons)."""
    stamp = dt.datetime.now().strftime(time_format or "%Y-%m-%dT%H_%M_%S_%f")
    safe = re.sub(r"[^\w.-]+", "_", f"{title} {stamp}").strip("_") or "screenshot"
    return f"{safe}.svg"
