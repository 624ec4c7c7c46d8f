"""`quiz check`: validate packs and every question they can produce."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.authoring import coverage, explain
from quiz.authoring.places import fact_places
from quiz.check import check_pack
from quiz.commands import EXIT_DATA, EXIT_OK, UsageError, fail
from quiz.lang import _, ngettext
from quiz.packs.errors import Problem, display_path
from quiz.packs.registry import clash, pack_files, packs_in
from quiz.packs.yamlio import Locator, read_text
from quiz.safe import visible

if TYPE_CHECKING:
    from quiz.authoring.explain import Explained
    from quiz.packs.errors import Problem
    from quiz.packs.model import Pack


def _by_id(spec: str, extra: list[Path] | None) -> Path:
    """The file of an installed pack named by its id ("quiz check lithuania-nato", as other
    commands take it: reader 40b found it refused as a file that cannot be read)."""
    from quiz.packs.registry import catalog

    found = catalog(extra).find(spec)
    return Path(found.path) if found is not None else Path(spec)


def run(args: argparse.Namespace) -> int:

    if args.explain not in (None, "brief", "all"):  # `--explain PACK`: a path, not a mode
        args.paths.insert(0, Path(args.explain))
        args.explain = "brief"
    if args.paths:
        paths: list[Path] = []
        for given in args.paths:
            if given.is_dir():  # `quiz check my-packs/` checks the packs in it
                found = packs_in(given)
                if not found:
                    raise UsageError(
                        _("{folder}: no pack files (*.yaml) in this folder").format(folder=given)
                    )
                paths += found
            elif not given.exists() and given.suffix not in (".yaml", ".yml"):
                paths.append(_by_id(str(given), args.packs))
            else:
                paths.append(given)
    else:
        paths = pack_files(args.packs)
    if not paths:
        raise UsageError(_("no packs to check"))
    failed = False
    first: dict[str, Path] = {}  # pack id → the file that has it (the one `quiz packs` loads)
    for path in paths:
        report = check_pack(path)
        if report.pack is not None and not report.problems:
            other = first.setdefault(report.pack.id, path)
            if other != path:
                report.problems = [_clash(path, report.pack.id, other)]
        if report.problems:
            failed = True
            fail(report.problems)
            continue
        fail(report.warnings)  # said, on stderr, without failing the pack
        print(visible(report.summary()))  # file names and ids are the user's: shown, not obeyed
        assert report.pack is not None
        if args.explain:
            fail(report.few_values)
            _explain(report.pack, report.explained, every=args.explain == "all")
            if args.explain == "all" and report.apart:
                print(_("Questions kept apart in rounds (the first states what the second asks):"))
                for a, b in report.apart:
                    print(visible(f"  {a} → {b}"))
        elif report.few_values:
            print(visible(_few_values_line(path, len(report.few_values))))
        if args.coverage:
            _coverage(report.pack)
    return EXIT_DATA if failed else EXIT_OK


def _few_values_line(path: Path, count: int) -> str:

    return "  " + ngettext(
        "{n} relation makes no multiple-choice question for want of wrong options of the "
        "answer's group: quiz check {file} --explain lists them and what to add",
        "{n} relations make no multiple-choice question for want of wrong options of the "
        "answer's group: quiz check {file} --explain lists them and what to add",
        count,
    ).format(n=count, file=display_path(path))


def _clash(path: Path, pack_id: str, other: Path) -> Problem:
    """Two packs checked together with one id: `quiz packs` would load only the first."""

    line, col = Locator(read_text(path))(("id",))
    return Problem(display_path(path), line, col, clash(pack_id, display_path(other)))


def _explain(pack: Pack, explained: list[Explained], *, every: bool) -> None:
    """Every fact and reason (`--explain all`), or by relation the reasons an author can act
    on (`--explain`)."""
    if every:
        print(_("What each fact yields (and why not):"))
        lines = explain.render(explained, fact_places(pack))
    else:
        print(
            _(
                "What each relation's facts yield, and what would make more "
                "(--explain all: every fact and reason):"
            )
        )
        lines = explain.render_brief(explained, fact_places(pack))
    for line in lines:
        print(visible(line))


def _coverage(pack: Pack) -> None:

    print(_("Sentences no fact quotes:"))
    for line in coverage.render(*coverage.unquoted(pack)):
        print(visible(line))
