"""`quiz new SOURCE.txt --id ID [--out DIR]`: a pack skeleton to fill in."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.authoring.scaffold import ScaffoldError, new_pack
from quiz.commands import EXIT_OK, UsageError
from quiz.lang import _
from quiz.packs.errors import display_path
from quiz.safe import visible


def run(args: argparse.Namespace) -> int:

    try:
        written = new_pack(args.source, args.id, args.out, force=args.force)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None

    def done(path: Path) -> str:
        """What happened to the file: said, so that nothing is replaced unsaid."""
        file = display_path(path)
        if path in written.unchanged:
            return _("kept {file}, unchanged").format(file=file)
        if path in written.replaced:
            return _("replaced {file}").format(file=file)
        return _("wrote {file}").format(file=file)

    pack = display_path(written.pack)
    source_note = "; ".join([_("its SHA-256 is in the pack"), *written.changes])
    lines = [
        _("{done}: {sentences} candidate sentences, {names} names").format(
            done=done(written.pack), sentences=written.sentences, names=written.names
        ),
        f"{done(written.source)} ({source_note})",
        done(written.schema) + " " + _("(the schema editors complete keys from)"),
        _("next: quiz check {pack} --explain   (see docs/authoring.md)").format(pack=pack),
    ]
    for line in lines:
        print(visible(line))
    return EXIT_OK
