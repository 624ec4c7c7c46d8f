"""`quiz check`: validate packs and every question they can produce."""

from __future__ import annotations

import argparse

from quiz.commands import EXIT_DATA, EXIT_OK, UsageError, fail


def run(args: argparse.Namespace) -> int:
    from quiz.check import check_pack
    from quiz.packs.registry import pack_files

    paths = args.paths or pack_files(args.packs)
    if not paths:
        raise UsageError("no packs to check")
    failed = False
    for path in paths:
        report = check_pack(path)
        if report.problems:
            failed = True
            fail(report.problems)
        else:
            print(report.summary())
    return EXIT_DATA if failed else EXIT_OK
