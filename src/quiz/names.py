"""Player names as identities: two names a teacher cannot tell apart are one player.

A name is kept as first typed, for display; the store finds players by the name's *key*:
NFC, case folded, runs of spaces collapsed, then the Unicode TR39 confusable skeleton (a
Cyrillic "А" is a Latin "A", fullwidth and mathematical letters are plain ones). So
"Eve Again", "eve  again", a decomposed "é" and "Еve" (Cyrillic Е) are one student, who
sits a paper once.

The skeleton comes from `disarm` (maintained, MIT, its confusable table generated from
Unicode's confusables.txt, version in `disarm.CONFUSABLES_VERSION`). It was chosen over
`confusable_homoglyphs`, which keeps the table without its direction (a letter's
look-alikes, not the prototype each maps to) and so computes no skeleton. Case is folded
*before* the skeleton: disarm maps a capital I to l before it folds case, which would make
"EVE AGAIN" and "Eve Again" two names.

Invisible characters are refused, not dropped: a name that is blank to the eye (U+3164
HANGUL FILLER, U+2800 BRAILLE PATTERN BLANK) or that hides a zero-width character is a
second identity that looks like the first, and the player is told so in one sentence.
"""

from __future__ import annotations

import unicodedata

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15.1): shown as
# nothing at all. Python's unicodedata does not carry the property, hence the ranges.
_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
# Not default-ignorable, yet drawn as blank: a "name" of them looks like no name.
_BLANK = frozenset({0x2800, 0x3000, 0x2007, 0x202F})


def invisible(ch: str) -> bool:
    """A character a reader cannot see: default-ignorable, a format character, or a blank
    filler that is not a space."""
    cp = ord(ch)
    if cp in _BLANK or unicodedata.category(ch) == "Cf":
        return True
    return any(low <= cp <= high for low, high in _IGNORABLE)


def invisible_in(name: str) -> str | None:
    """The first invisible character of `name` as U+XXXX, or None."""
    for ch in name:
        if invisible(ch):
            return f"U+{ord(ch):04X}"
    return None


def fold(name: str) -> str:
    """NFC, case folded, spaces collapsed: the comparison a person makes."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def name_key(name: str) -> str:
    """The identity of a name: its folded form's TR39 skeleton (1/l and 0/o alike too, as
    TR39 has them). Never empty for a name with a visible letter; a name of invisible
    characters alone keys as its folded self, so it still finds only itself."""
    from disarm import skeleton_key

    folded = fold(name)
    return skeleton_key(folded, digit_policy="tr39") or folded
