"""The command line. Commands that draw nothing never import Textual, so they start fast.

Exit status: 0 success, 2 usage or data errors (a broken pack, a bad option),
130 interrupted. Errors are one line each on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from quiz import __version__

EXIT_OK, EXIT_DATA, EXIT_INTERRUPTED = 0, 2, 130


class UsageError(Exception):
    """A bad option value: reported as one line, exit status 2."""


def _kinds(text: str) -> list[str]:
    from quiz.generate.question import KINDS

    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown kind {', '.join(unknown) or '(none)'}; choose from {', '.join(KINDS)}"
        )
    return kinds


def _topics(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a seed is a whole number, not {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="A quiz game that teaches from a source document: every "
        "question is true, every answer is shown in the source's own words.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    parser.add_argument(
        "--packs",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also load packs from this folder (may be repeated)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="validate packs and every question they can produce")
    check.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="pack files (default: every known pack)"
    )

    export = sub.add_parser("export", help="print a pack's questions as JSON")
    export.add_argument(
        "pack", nargs="?", metavar="PACK", help="pack id or path (default: lithuania-nato)"
    )
    export.add_argument("--format", choices=["json"], default="json")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every question the pack can produce")
    which.add_argument("--count", type=_positive, metavar="N", help="a round of N questions")
    export.add_argument("--seed", type=_seed, default=0, metavar="S")
    export.add_argument("--kinds", type=_kinds, metavar="K1,K2")
    export.add_argument("--topics", type=_topics, metavar="T1,T2")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "export":
            return cmd_export(args)
        parser.print_help()
        return EXIT_OK
    except KeyboardInterrupt:
        print("quiz: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except UsageError as exc:
        print(f"quiz: {exc}", file=sys.stderr)
        return EXIT_DATA
    except BrokenPipeError:
        return EXIT_OK


def _fail(problems: Sequence[object]) -> int:
    for p in problems:
        print(p, file=sys.stderr)
    return EXIT_DATA


def cmd_check(args: argparse.Namespace) -> int:
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
            _fail(report.problems)
        else:
            print(report.summary())
    return EXIT_DATA if failed else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from quiz.export import export_json
    from quiz.generate import all_questions, generate
    from quiz.packs.errors import PackError
    from quiz.packs.registry import resolve

    try:
        pack = resolve(args.pack, args.packs)
    except PackError as exc:
        return _fail(exc.problems)
    if args.topics:
        unknown = sorted(set(args.topics) - set(pack.topics))
        if unknown:
            raise UsageError(
                f"unknown topic {', '.join(unknown)}; the pack's topics: {', '.join(pack.topics)}"
            )
    if args.all:
        questions = all_questions(pack, args.seed, args.kinds, args.topics)
    else:
        questions = generate(pack, args.seed, args.count, args.kinds, args.topics)
    sys.stdout.write(export_json(pack, questions) + "\n")
    return EXIT_OK
