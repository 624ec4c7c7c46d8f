"""The join address as a QR code drawn with text: two rows of modules to a line of half
blocks, so a phone's camera can read it off a projected terminal. Made by segno (a
maintained QR library); imported only when a game is hosted."""

from __future__ import annotations

QUIET = 2  # modules of light border around the code (phones read 2 off a dark terminal)
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def qr_lines(data: str) -> list[str]:
    """The code of `data`, dark modules as block characters: show it dark on light."""
    import segno

    rows = [[bool(m) for m in row] for row in segno.make(data, error="m").matrix_iter(border=QUIET)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_HALVES[(top, bottom)] for top, bottom in zip(rows[i], rows[i + 1], strict=True))
        for i in range(0, len(rows), 2)
    ]
