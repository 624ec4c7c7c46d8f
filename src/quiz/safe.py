"""Untrusted text made safe to show: control characters and bidi overrides become visible.

A pack is a file a teacher downloads or a student shares. The loader refuses
control characters in it, but every path that writes pack text to a terminal
or a file (the app, the line mode, error messages, exports) goes through
`visible` as well, so a character that slipped through some other way (an
imported result, a cached pack from an older loader) is shown, not obeyed: an
ESC starts no escape sequence, a right-to-left override reorders nothing.
"""

from __future__ import annotations

import unicodedata

# Bidi embeddings, overrides and isolates: they reorder what follows them on screen.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ALLOWED_CONTROLS = frozenset("\t\n")

# unicodedata has no names for control characters; these are their Unicode aliases.
_C0 = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION",
    "ENQUIRY", "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED",
    "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
    "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
    "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
)  # fmt: skip
_C1 = {
    0x7F: "DELETE",
    0x84: "INDEX",
    0x85: "NEXT LINE",
    0x8D: "REVERSE LINE FEED",
    0x90: "DEVICE CONTROL STRING",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
    0x9C: "STRING TERMINATOR",
    0x9D: "OPERATING SYSTEM COMMAND",
}


def is_control(ch: str) -> bool:
    """A C0 or C1 control character (or DEL) other than tab and newline."""
    return unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS


def char_name(ch: str) -> str:
    """'U+001B ESCAPE', 'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+2019 RIGHT SINGLE QUOTATION MARK'."""
    code = ord(ch)
    name = _C0[code] if code < 0x20 else _C1.get(code, "") or unicodedata.name(ch, "CONTROL")
    return f"U+{code:04X} {name}"


def first_unsafe(text: str, *, bidi: bool = True) -> tuple[int, str] | None:
    """(index, character) of the first control character (or bidi control, unless
    `bidi=False`) in the text, else None. Cheap when there is none: the common case."""
    if text.isprintable() and not (bidi and not BIDI.isdisjoint(text)):
        return None
    for i, ch in enumerate(text):
        if is_control(ch) or (bidi and ch in BIDI):
            return i, ch
    return None


def _shown(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures: ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and bidi controls: the replacement character


def visible(text: str) -> str:
    """The text with every control character and bidi control shown as one visible symbol
    (tab and newline kept), so offsets into it (a highlighted quote) stay true. Identity, at
    the cost of one scan, for ordinary text."""
    if first_unsafe(text) is None:
        return text
    return "".join(_shown(ch) if is_control(ch) or ch in BIDI else ch for ch in text)
