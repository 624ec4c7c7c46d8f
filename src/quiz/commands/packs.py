"""`quiz packs`: the installed packs (bundled, the user pack folder, --packs), one a line;
`quiz packs --dir` prints the user pack folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands import EXIT_OK
from quiz.lang import _
from quiz.packs import registry
from quiz.packs.errors import display_path
from quiz.safe import visible


def run(args: argparse.Namespace) -> int:

    if args.dir:
        print(registry.user_dir())
        return EXIT_OK

    found = registry.catalog(args.packs)
    rows = [(_("ID"), _("VERSION"), _("FACTS"), _("TOPICS"), _("TITLE"), _("FILE"))]
    for p in found.packs:
        rows.append(
            (
                p.id,
                p.version,
                str(len(p.facts)),
                str(len(p.topics)),
                p.title,
                display_path(Path(p.path)),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:  # the counts right-aligned, the file last and unpadded
        cells = [
            c.rjust(w) if i in (2, 3) else c.ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=False))
        ]
        print(visible("  ".join([*cells, r[-1]])))
    for path in found.broken:
        file = display_path(path)
        why = found.why.get(path) or _("quiz check {file} says why").format(file=file)
        print(visible(_("{file}: not loaded ({why})").format(file=file, why=why)), file=sys.stderr)
    return EXIT_OK
