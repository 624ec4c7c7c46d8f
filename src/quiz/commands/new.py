"""`quiz new SOURCE.txt --id ID [--out DIR]`: a pack skeleton to fill in."""

from __future__ import annotations

import argparse

from quiz.commands import EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    from quiz.authoring.scaffold import ScaffoldError, new_pack
    from quiz.packs.errors import display_path

    try:
        written = new_pack(args.source, args.id, args.out, force=args.force)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    pack = display_path(written.pack)
    print(f"wrote {pack}: {written.sentences} candidate sentences, {written.names} names")
    print(f"wrote {display_path(written.source)} (its SHA-256 is in the pack)")
    print(f"wrote {display_path(written.schema)} (the schema editors complete keys from)")
    print(f"next: quiz check {pack} --explain   (see docs/authoring.md)")
    return EXIT_OK
