"""`quiz check`: validate packs and every question they can produce."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands import EXIT_DATA, EXIT_OK, UsageError, fail

if TYPE_CHECKING:
    from quiz.packs.model import Pack


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
            continue
        fail(report.warnings)  # said, on stderr, without failing the pack
        print(report.summary())
        assert report.pack is not None
        if args.explain:
            _explain(report.pack)
        if args.coverage:
            _coverage(report.pack)
    return EXIT_DATA if failed else EXIT_OK


def _explain(pack: Pack) -> None:
    from quiz.authoring.explain import explain, render
    from quiz.authoring.places import fact_places
    from quiz.safe import visible

    print("What each fact yields (and why not):")
    for line in render(explain(pack), fact_places(pack)):
        print(visible(line))


def _coverage(pack: Pack) -> None:
    from quiz.authoring.coverage import render, unquoted

    print("Sentences no fact quotes:")
    for line in render(*unquoted(pack)):
        print(line)
