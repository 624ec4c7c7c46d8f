"""The command line. Commands that draw nothing never import Textual, so they start fast.

Exit status: 0 success, 2 usage or data errors (a broken pack, a bad option),
130 interrupted. Errors are one line each on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from quiz import __version__

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.scoring import Rules
    from quiz.tui.app import QuizApp

EXIT_OK, EXIT_DATA, EXIT_INTERRUPTED = 0, 2, 130


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (`quiz: …`, exit 2), like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_DATA, f"{self.prog}: {message} (see {self.prog} --help)\n")


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
    parser = _Parser(
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

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
    export.add_argument(
        "--kinds",
        type=_kinds,
        metavar="K1,K2",
        help="only these kinds: choice, true_false, typed, number, multi, order, evidence",
    )
    export.add_argument(
        "--topics",
        type=_topics,
        metavar="T1,T2",
        help="only questions on these topics (see the pack's topics in quiz check)",
    )

    play = sub.add_parser("play", help="play a round now (full screen, or --plain lines)")
    play.add_argument(
        "pack", nargs="?", metavar="PACK", help="pack id or path (default: lithuania-nato)"
    )
    play.add_argument(
        "--count", type=_positive, default=10, metavar="N", help="number of questions (default 10)"
    )
    play.add_argument(
        "--seed",
        type=_seed,
        metavar="S",
        help="same seed, same questions (default: a new random seed, shown at the end)",
    )
    play.add_argument(
        "--kinds",
        type=_kinds,
        metavar="K1,K2",
        help="only these kinds: choice, true_false, typed, number, multi, order, evidence",
    )
    play.add_argument(
        "--topics",
        type=_topics,
        metavar="T1,T2",
        help="only questions on these topics (see the pack's topics in quiz check)",
    )
    play.add_argument(
        "--plain",
        action="store_true",
        help="numbered lines on stdout, answers on stdin (screen readers, scripts)",
    )
    play.add_argument(
        "--speed-bonus", action="store_true", help="faster right answers score more (Kahoot's rule)"
    )
    play.add_argument("--no-streak", action="store_true", help="no bonus for answers in a row")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # --help and usage errors end here, before any heavy import
    from quiz.packs.errors import PackError

    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "play":
            return cmd_play(args)
        return cmd_home(args)
    except KeyboardInterrupt:
        print("quiz: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except UsageError as exc:
        print(f"quiz: {exc}", file=sys.stderr)
        return EXIT_DATA
    except PackError as exc:
        return _fail(exc.problems)
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


def _pack(args: argparse.Namespace) -> Pack:
    """The pack named on the command line, with its topics checked."""
    from quiz.packs.registry import resolve

    pack = resolve(args.pack, args.packs)
    unknown = sorted(set(args.topics or ()) - set(pack.topics))
    if unknown:
        raise UsageError(
            f"unknown topic {', '.join(unknown)}; the pack's topics: {', '.join(pack.topics)}"
        )
    return pack


def cmd_export(args: argparse.Namespace) -> int:
    from quiz.export import export_json
    from quiz.generate import all_questions, generate

    pack = _pack(args)
    if args.all:
        questions = all_questions(pack, args.seed, args.kinds, args.topics)
    else:
        questions = generate(pack, args.seed, args.count, args.kinds, args.topics)
    sys.stdout.write(export_json(pack, questions) + "\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> Rules:
    from quiz.scoring import Rules

    return Rules(speed_bonus=args.speed_bonus, streak_bonus=not args.no_streak)


def _app(**kwargs: Any) -> QuizApp:
    import gc

    from quiz.tui.app import QuizApp

    # Everything made so far (modules, the pack, the round) lives as long as the app:
    # keep the garbage collector from walking it again and again while the screen draws.
    gc.freeze()
    return QuizApp(**kwargs)


def cmd_play(args: argparse.Namespace) -> int:
    import random

    from quiz.session import RoundSpec

    spec = RoundSpec(_pack(args), args.count, _tuple(args.kinds), _tuple(args.topics), _rules(args))
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    session = spec.start(seed)
    if not session.questions:
        raise UsageError("no questions match these kinds and topics")
    if args.plain:
        from quiz import plain

        return plain.run(session, sys.stdin, sys.stdout)
    app = _app(session=session, extra_packs=args.packs)
    app.run()
    return EXIT_OK


def _tuple(items: list[str] | None) -> tuple[str, ...] | None:
    return tuple(items) if items else None


def cmd_home(args: argparse.Namespace) -> int:
    _app(extra_packs=args.packs).run()
    return EXIT_OK
