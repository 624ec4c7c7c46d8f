"""`quiz new SOURCE.txt --id ID [--out DIR]`: a pack skeleton to fill in."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.authoring.scaffold import ScaffoldError, new_pack
from quiz.commands import EXIT_OK, UsageError
from quiz.packs.errors import display_path
from quiz.safe import visible


def run(args: argparse.Namespace) -> int:

    try:
        written = new_pack(args.source, args.id, args.out, force=args.force)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None

    def done(path: Path) -> str:
        """What happened to the file: said, so that nothing is replaced unsaid."""
        if path in written.unchanged:
            return f"kept {display_path(path)}, unchanged"
        return f"{'replaced' if path in written.replaced else 'wrote'} {display_path(path)}"

    pack = display_path(written.pack)
    source_note = "; ".join(["its SHA-256 is in the pack", *written.changes])
    lines = [
        f"{done(written.pack)}: {written.sentences} candidate sentences, {written.names} names",
        f"{done(written.source)} ({source_note})",
        f"{done(written.schema)} (the schema editors complete keys from)",
        f"next: quiz check {pack} --explain   (see docs/authoring.md)",
    ]
    for line in lines:
        print(visible(line))
    return EXIT_OK
