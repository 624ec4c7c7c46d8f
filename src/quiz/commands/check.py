"""`quiz check`: validate packs and every question they can produce."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands import EXIT_DATA, EXIT_OK, UsageError, fail


def run(args: argparse.Namespace) -> int:
    from quiz.check import check_pack
    from quiz.packs.registry import pack_files, packs_in

    if args.paths:
        paths: list[Path] = []
        for given in args.paths:
            if given.is_dir():  # `quiz check my-packs/` checks the packs in it
                found = packs_in(given)
                if not found:
                    raise UsageError(f"{given}: no pack files (*.yaml) in this folder")
                paths += found
            else:
                paths.append(given)
    else:
        paths = pack_files(args.packs)
    if not paths:
        raise UsageError("no packs to check")
    failed = False
    for path in paths:
        report = check_pack(path)
        if report.problems:
            failed = True
            fail(report.problems)
        else:
            fail(report.warnings)  # said, on stderr, without failing the pack
            print(report.summary())
    return EXIT_DATA if failed else EXIT_OK
