"""The command line: the parser and the dispatch. Each command lives in quiz/commands/.

Commands that draw nothing never import Textual, so they start fast. Exit
status: 0 success, 2 usage or data errors (a broken pack, a bad option), 130
interrupted. Errors are one line each on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from quiz import __version__, formats
from quiz.commands import EXIT_DATA, EXIT_INTERRUPTED, EXIT_OK, UsageError, fail
from quiz.lang import N_, _
from quiz.limits import MAX_COUNT, MAX_PER_DAY, MAX_SESSIONS, NEW_PER_DAY, REVIEWS_PER_DAY

KIND_HELP = N_("only these kinds: choice, true_false, typed, number, multi, order, evidence")
TOPIC_HELP = N_("only questions on these topics (see the pack's topics in quiz check)")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (`quiz: …`, exit 2), like every other error.
    No abbreviations: `--pack x.yaml` would quietly be `--packs x.yaml`, not the PACK meant.

    A command's options are added (by its `fill`) only when that command is parsed or its
    help shown: every start of the program parses one command, and adding the hundred-odd
    options of all of them (argparse makes a help formatter for each) is a few milliseconds
    of every start, the game's first screen included."""

    def __init__(
        self, *args: Any, fill: Callable[[_Parser], None] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)
        self._fill = fill

    def filled(self) -> _Parser:
        """This parser with its options added."""
        fill, self._fill = self._fill, None
        if fill is not None:
            fill(self)
        return self

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if args is not None and not hasattr(self, "_argv"):
            self._argv = list(args)  # the words a hint about an unknown option looks along
        return super(_Parser, self.filled()).parse_known_args(args, namespace)

    def format_usage(self) -> str:
        return super(_Parser, self.filled()).format_usage()

    def format_help(self) -> str:
        return super(_Parser, self.filled()).format_help()

    def error(self, message: str) -> NoReturn:
        unknown = _("unrecognized arguments: %s") % ""
        if message.startswith(unknown):
            message += _did_you_mean(self, message[len(unknown) :].split())
        said = _("{prog}: {message} (see {prog} --help)").format(prog=self.prog, message=message)
        self.exit(EXIT_DATA, said + "\n")


def _did_you_mean(parser: argparse.ArgumentParser, words: list[str]) -> str:
    """A hint for the first unknown option: the pack is named without one, and a misspelt
    option is probably the nearest one the command typed takes (the error comes from the
    top parser, which does not know the command's own options: they are looked up along
    the command's words, `quiz results close …` in `results`, then in `close`)."""
    import difflib

    argv = getattr(parser, "_argv", None)
    argv = list(sys.argv[1:] if argv is None else argv)
    known = _options_along(parser, argv)
    for word in words:
        if word in ("--pack", "-p"):
            return " " + _("(name the pack without an option: quiz play PACK)")
        close = difflib.get_close_matches(word, sorted(known - {word}), n=1)
        if word.startswith("--") and close:
            return " " + _("(did you mean {option}?)").format(option=close[0])
    return ""


def _options_along(parser: argparse.ArgumentParser, argv: list[str]) -> set[str]:
    """The options of the command named in `argv` (`results close` is `close`), or of the
    top parser when none is: what that command's --help lists."""
    if isinstance(parser, _Parser):
        parser.filled()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for i, word in enumerate(argv):
                sub = action.choices.get(word)
                if sub is not None:
                    return _options_along(sub, argv[i + 1 :])
    return {o for o in parser._option_string_actions if o.startswith("--")}


def _kinds(text: str) -> list[str]:
    from quiz.kinds import KINDS

    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            _("unknown kind {kinds}; choose from {known}").format(
                kinds=", ".join(unknown) or _("(none)"), known=", ".join(KINDS)
            )
        )
    return kinds


def _language(text: str) -> str:
    from quiz.lang import BadLanguage, parse

    try:
        return parse(text)
    except BadLanguage:
        raise argparse.ArgumentTypeError(
            _("not a language such as en or lt: {text}").format(text=repr(text))
        ) from None


def _lang_given(argv: Sequence[str]) -> str | None:
    """The value of a global `--lang` before the parser is built: its help and errors are
    already in that language. Only before the command's name (a pack may be called --lang)."""
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word in COMMANDS or word == "--":
            return None
    return None


def choose_language(argv: Sequence[str]) -> None:
    """The interface's language: --lang, else QUIZ_LANG, else the one chosen on the home
    screen (the settings file), else the environment's locale, else English. A language with
    no catalogue is English, without a word; a --lang that is no language at all is left for
    the parser to refuse (exit 2)."""
    import os

    from quiz.lang import BadLanguage, from_environment, parse, remembered, set_language

    given = _lang_given(argv)
    if given is not None:
        try:
            set_language(parse(given))
        except BadLanguage:
            set_language(None)
        return
    if not os.environ.get("QUIZ_LANG", "").strip():
        chosen = remembered()
        if chosen is not None:
            set_language(chosen)
            return
    set_language(from_environment())


def _topics(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a whole number: {text}").format(text=repr(text))
        ) from None
    if not 1 <= n <= MAX_COUNT:
        raise argparse.ArgumentTypeError(
            _("must be from {low} to {high}").format(low=1, high=MAX_COUNT)
        )
    return n


def _seed(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("a seed is a whole number, not {text}").format(text=repr(text))
        ) from None
    if not 0 <= n < 2**63:
        raise argparse.ArgumentTypeError(_("a seed is a whole number from 0 up"))
    return n


def _port(text: str) -> int:
    return _bounded(0, 65535)(text)


def _bounded(low: int, high: int) -> Callable[[str], int]:
    def number(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("not a whole number: {text}").format(text=repr(text))
            ) from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(
                _("must be from {low} to {high}").format(low=low, high=high)
            )
        return n

    return number


def _player(text: str) -> str:
    from quiz.services import check_name

    try:
        return check_name(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _common(
    parser: argparse.ArgumentParser, *, top: bool, player: bool | None = True, db: bool = True
) -> None:
    """Options every command takes, before or after its name (`quiz --packs D play` and
    `quiz play --packs D` alike). After the name they must not overwrite what came before
    it with defaults, hence SUPPRESS there. A command that keeps nothing takes no `--db`,
    and one that plays as nobody no `--player` (`player=None`); `player=False` takes it
    only to refuse it in a sentence (serve, host, join), and leaves it out of --help."""
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--packs",
        action="append",
        type=Path,
        metavar="DIR",
        dest="packs" if top else "packs_after",
        default=[] if top else argparse.SUPPRESS,
        help=_("also load packs from this folder (may be repeated)"),
    )
    if db:
        parser.add_argument(
            "--db",
            metavar="PATH",
            default=default,
            help=_(
                "the progress file, or a postgresql:// URL "
                "(default: QUIZ_DB, else progress.db in the user data folder)"
            ),
        )
    if player is not None:
        parser.add_argument(
            "--player",
            type=_player,
            metavar="NAME",
            default=default,
            help=_("play as NAME (default: the last player)") if player else argparse.SUPPRESS,
        )


def _round_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "pack", nargs="?", metavar="PACK", help=_("pack id or path (default: lithuania-nato)")
    )
    p.add_argument("--kinds", type=_kinds, metavar="K1,K2", help=_(KIND_HELP))
    p.add_argument("--topics", type=_topics, metavar="T1,T2", help=_(TOPIC_HELP))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="quiz",
        description=_(
            "A quiz game that teaches from a source document: every "
            "question is true, every answer is shown in the source's own words."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"quiz {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="LANG",
        help=_(
            "the interface's language: en or lt (default: QUIZ_LANG, else the language "
            "chosen on the home screen, else the system's locale, else English)"
        ),
    )
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("play", help=_("play a round now (full screen, or --plain lines)"), fill=_play)
    sub.add_parser(
        "check", help=_("validate packs and every question they can produce"), fill=_check
    )
    sub.add_parser(
        "export",
        help=_("write a pack's questions for Moodle (GIFT, Aiken), Anki, paper or JSON"),
        fill=_export,
    )
    _authoring(sub)
    sub.add_parser(
        "stats", help=_("a player's rounds, accuracy, mastery and due reviews"), fill=_stats
    )
    sub.add_parser(
        "history",
        help=_("a player's past rounds; --round N opens one, quotes and all"),
        fill=_history,
    )
    sub.add_parser(
        "players",
        help=_("list, rename, merge or delete the players this computer keeps"),
        fill=_players,
    )
    sub.add_parser(
        "limits", help=_("how many new facts and reviews a day a player studies"), fill=_limits
    )
    _classroom(sub)
    sub.add_parser(
        "serve",
        help=_("serve the game to browser tabs, one player each (a class; quiz[web])"),
        fill=_serve,
    )
    sub.add_parser(
        "host",
        help=_("a live class: your screen runs the round, students answer from phones (quiz[web])"),
        fill=_host,
    )
    sub.add_parser("join", help=_("play a live game (quiz host) in this terminal"), fill=_join)
    return parser


def _play(play: _Parser) -> None:
    _common(play, top=False)
    _round_options(play)
    play.add_argument(
        "--count", type=_count, metavar="N", help=_("number of questions (default 10)")
    )
    play.add_argument(
        "--seed",
        type=_seed,
        metavar="S",
        help=_("same seed, same questions (default: a new random seed, shown at the end)"),
    )
    play.add_argument(
        "--mode",
        choices=["practice", "review"],
        default="practice",
        help=_(
            "review: the facts due for review, most overdue first, then new facts, "
            "within your daily limits (quiz limits)"
        ),
    )
    play.add_argument(
        "--until-done",
        action="store_true",
        help=_("with --mode review: every fact due today (within your limits), not --count"),
    )
    play.add_argument(
        "--plain",
        action="store_true",
        help=_("numbered lines on stdout, answers on stdin (screen readers, scripts)"),
    )
    play.add_argument(
        "--speed-bonus",
        action="store_true",
        help=_("faster right answers score more (Kahoot's rule)"),
    )
    play.add_argument("--no-streak", action="store_true", help=_("no bonus for answers in a row"))
    play.add_argument(
        "--paper",
        metavar="CODE",
        help=_(
            "sit the exam paper with this code (from quiz paper new): once, answers marked "
            "at the end"
        ),
    )


def _check(check: _Parser) -> None:
    _common(check, top=False, player=None, db=False)
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=_("pack files (default: every known pack)"),
    )
    check.add_argument(
        "--explain",
        nargs="?",
        const="brief",
        metavar="all",
        help=_(
            "by relation: the kinds of question its facts yield, and what would make more; "
            "--explain all: every fact, every reason"
        ),
    )
    check.add_argument(
        "--coverage", action="store_true", help=_("list the source sentences no fact quotes")
    )


def _export(export: _Parser) -> None:
    _common(export, top=False, player=None, db=False)
    _round_options(export)
    export.add_argument(
        "--format",
        choices=formats.names(),
        default="json",
        metavar="FORMAT",
        help=_("one of {formats} (default json)").format(formats=", ".join(formats.names())),
    )
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help=_("every question the pack can produce"))
    which.add_argument("--count", type=_count, metavar="N", help=_("a round of N questions"))
    which.add_argument("--paper", metavar="CODE", help=_("the questions of this exam paper"))
    export.add_argument("--seed", type=_seed, default=0, metavar="S")
    export.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help=_("write to FILE instead of stdout (replaced whole, never left half-written)"),
    )


def _players(players: _Parser) -> None:
    _common(players, top=False, player=None)
    actions = players.add_subparsers(dest="players_command", metavar="ACTION", parser_class=_Parser)
    actions.add_parser(
        "list",
        help=_("who plays here, then who is only in imported class results (the default)"),
        fill=lambda p: _common(p, top=False, player=None),
    )
    actions.add_parser("rename", help=_("give a player a new name"), fill=_rename_player)
    actions.add_parser(
        "merge", help=_("one player's rounds become another's (needs --yes)"), fill=_merge_players
    )
    actions.add_parser(
        "delete",
        help=_("a player and all their rounds, for good (needs --yes)"),
        fill=_delete_player,
    )


def _rename_player(rename: _Parser) -> None:
    _common(rename, top=False, player=None)
    rename.add_argument("old", metavar="OLD", help=_("the player's name now"))
    rename.add_argument("new", metavar="NEW", help=_("their new name"))


def _merge_players(merge: _Parser) -> None:
    _common(merge, top=False, player=None)
    merge.add_argument(
        "name", metavar="FROM", help=_("the player whose rounds move (then removed)")
    )
    merge.add_argument("into", metavar="INTO", help=_("the player who keeps them"))
    merge.add_argument("--yes", action="store_true", help=_("yes, merge them"))


def _delete_player(delete: _Parser) -> None:
    _common(delete, top=False, player=None)
    delete.add_argument("name", metavar="NAME")
    delete.add_argument(
        "--yes", action="store_true", help=_("yes, delete the player and their rounds")
    )


def _limits(limits: _Parser) -> None:
    _common(limits, top=False)
    top = _bounded(0, MAX_PER_DAY)
    limits.add_argument(
        "--new",
        type=top,
        metavar="N",
        help=_("set: new facts a day (default {n})").format(n=NEW_PER_DAY),
    )
    limits.add_argument(
        "--reviews",
        type=top,
        metavar="N",
        help=_("set: reviews a day (default {n})").format(n=REVIEWS_PER_DAY),
    )


def _stats(stats: _Parser) -> None:
    _common(stats, top=False)
    stats.add_argument(
        "--pack", metavar="ID", help=_("only this pack (default: every pack played)")
    )
    stats.add_argument("--format", choices=["table", "json"], default="table")


def _history(history: _Parser) -> None:
    _common(history, top=False)
    history.add_argument("--pack", metavar="ID", help=_("only rounds of this pack"))
    history.add_argument(
        "--round",
        type=_bounded(1, 2**62),
        metavar="N",
        help=_("open this round (its number in the list): every question, answer and quote"),
    )
    history.add_argument("--format", choices=["table", "json"], default="table")


def _serve(serve: _Parser) -> None:
    _common(serve, top=False, player=False)
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help=_(
            "address to listen on (default 127.0.0.1: this computer only; "
            "any other address needs the access token)"
        ),
    )
    serve.add_argument(
        "--port", type=_port, default=8000, metavar="N", help=_("port (default 8000; 0: any free)")
    )
    serve.add_argument("--paper", metavar="CODE", help=_("every tab sits this paper"))
    serve.add_argument(
        "--token",
        metavar="T",
        help=_(
            "the access token (default: a random one when not on 127.0.0.1; "
            "given, it is required on any address)"
        ),
    )
    serve.add_argument(
        "--max-sessions",
        type=_bounded(1, MAX_SESSIONS),
        default=40,
        metavar="N",
        help=_("players at once (default 40)"),
    )
    serve.add_argument(
        "--idle-timeout",
        type=_bounded(1, 24 * 3600),
        default=1800,
        metavar="SECONDS",
        help=_("close a tab without a key pressed for this long (default 1800: 30 minutes)"),
    )


def _host(host: _Parser) -> None:
    _common(host, top=False, player=False)
    _round_options(host)
    host.add_argument(
        "--count", type=_count, metavar="N", help=_("number of questions (default 10)")
    )
    host.add_argument(
        "--paper", metavar="CODE", help=_("play this paper (from quiz paper new) with the class")
    )
    host.add_argument(
        "--seconds",
        type=_bounded(5, 240),
        default=20,
        metavar="S",
        help=_("seconds for each question (default 20; 5 to 240)"),
    )
    host.add_argument(
        "--host",
        default="127.0.0.1",
        help=_(
            "address to listen on (default 127.0.0.1: this computer only; any other address "
            "needs the access token and the game's PIN)"
        ),
    )
    host.add_argument(
        "--port", type=_port, default=8000, metavar="N", help=_("port (default 8000; 0: any free)")
    )
    host.add_argument(
        "--token",
        metavar="T",
        help=_(
            "the access token (default: a random one when not on 127.0.0.1; "
            "given, it is required on any address)"
        ),
    )
    host.add_argument(
        "--max-players",
        type=_bounded(1, 10_000),
        default=1000,
        metavar="N",
        help=_("players in one game (default 1000)"),
    )


def _join(join: _Parser) -> None:
    _common(join, top=False, player=False, db=False)
    join.add_argument(
        "url", metavar="URL", help=_("the game's address, as the teacher's screen shows it")
    )
    join.add_argument("--name", metavar="NAME", help=_("your name in the game (default: asked)"))
    join.add_argument("--pin", metavar="PIN", help=_("the game's PIN (default: asked if needed)"))


def _pack_id(text: str) -> str:
    import re

    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", text):  # `$` would let 'abc\n' through
        raise argparse.ArgumentTypeError(
            f"{text!r}: a pack id is lower-case letters, digits, '-' or '_' (e.g. my-pack)"
        )
    return text


def _authoring(sub: Any) -> None:
    """Writing packs: a skeleton from a text, the schema, the installed packs."""
    sub.add_parser(
        "new", help=_("a pack skeleton from a text file, to fill in with facts"), fill=_new_pack
    )
    sub.add_parser(
        "schema",
        help=_("print the pack format's JSON Schema (for editors)"),
        fill=lambda p: _common(p, top=False, player=None, db=False),
    )
    sub.add_parser(
        "packs", help=_("list the installed packs: id, version, facts, file"), fill=_packs
    )
    sub.add_parser("try", help=_("how answers would be marked, and why"), fill=_try)


def _try(try_: _Parser) -> None:
    _common(try_, top=False, player=None, db=False)
    try_.add_argument(
        "what",
        nargs="+",
        metavar="[PACK] QUESTION-ID ANSWER",
        help=_(
            "the pack (default: lithuania-nato), a question id (as quiz export lists them) "
            "and the answer, quoted if it has spaces; an option question takes option numbers "
            "from 1 (1,3 for several) or an option's words; more triples may follow, a triple "
            "without its pack taking the one before it (--format json: a list)"
        ),
    )
    try_.add_argument(
        "--seed", type=_seed, default=0, metavar="S", help=_("the options' order (as quiz export)")
    )
    try_.add_argument("--format", choices=["text", "json"], default="text")


def _new_pack(new: _Parser) -> None:
    _common(new, top=False, player=None, db=False)
    new.add_argument(
        "source", type=Path, metavar="SOURCE", help=_("the text (UTF-8), e.g. notes.txt")
    )
    new.add_argument("--id", type=_pack_id, required=True, help=_("the pack's id, e.g. my-pack"))
    new.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help=_("write DIR/ID.yaml and DIR/sources/ (default: here)"),
    )
    new.add_argument("--force", action="store_true", help=_("replace files that exist"))


def _packs(packs: _Parser) -> None:
    _common(packs, top=False, player=None, db=False)
    packs.add_argument("--dir", action="store_true", help=_("print the user pack folder"))


def _time_limit(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("seconds, as a whole number, not {text}").format(text=repr(text))
        ) from None
    if not 1 <= n <= 24 * 3600:
        raise argparse.ArgumentTypeError(_("from 1 second to 86400 (24 hours)"))
    return n


def _moment(text: str) -> dt.datetime:
    """An ISO date and time (2026-12-18T15:00, local time unless it gives its offset)."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("an ISO date and time such as 2026-12-18T15:00, not {text}").format(text=repr(text))
        ) from None
    if not 2000 <= moment.year <= 2100:
        raise argparse.ArgumentTypeError(_("a date from 2000 to 2100"))
    return moment.astimezone(dt.UTC)  # a time without an offset is this computer's local time


def _out(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help=_("{what} (replaced whole, never half-written)").format(what=_(what)),
    )


def _classroom(sub: Any) -> None:
    """Exam papers, results that travel between computers, and the teacher's report."""
    sub.add_parser(
        "paper", help=_("make an exam paper: a short code every student sits"), fill=_paper
    )
    sub.add_parser(
        "results",
        help=_("a paper's results: one row per student, or per question (--by question)"),
        fill=_results,
    )
    sub.add_parser(
        "report", help=_("the teacher's report on a paper, as HTML or Markdown"), fill=_report
    )


def _paper(paper: _Parser) -> None:
    _common(paper, top=False, player=None)
    papers = paper.add_subparsers(dest="paper_command", metavar="ACTION", parser_class=_Parser)
    papers.required = True
    papers.add_parser(
        "new", help=_("a new paper; its code is the last word printed"), fill=_new_paper
    )
    papers.add_parser("show", help=_("what a paper code stands for"), fill=_show_paper)
    papers.add_parser(
        "release",
        help=_("show served students their marks and the right answers; the paper closes"),
        fill=_show_paper,
    )


def _new_paper(new: _Parser) -> None:
    _common(new, top=False, player=None)
    _round_options(new)
    new.add_argument("--count", type=_count, default=10, metavar="N", help=_("questions (10)"))
    new.add_argument("--seed", type=_seed, metavar="S", help=_("0 to 65535 (default: random)"))
    new.add_argument(
        "--time-limit", type=_time_limit, metavar="SECONDS", help=_("for the whole paper")
    )
    new.add_argument(
        "--closes",
        type=_moment,
        metavar="WHEN",
        help=_(
            "an ISO date and time (local unless an offset is given): after it the paper "
            "cannot be sat and served students see their marks; kept in --db's store"
        ),
    )


def _show_paper(show: _Parser) -> None:
    _common(show, top=False, player=None)
    show.add_argument("code", metavar="CODE")


def _results(results: _Parser) -> None:
    _common(results, top=False)
    results.add_argument("--paper", metavar="CODE", help=_("the paper (required)"))
    results.add_argument("--by", choices=["student", "question"], default="student")
    results.add_argument("--format", choices=["table", "csv", "json"], default="table")
    _out(results, N_("write to FILE instead of stdout"))
    moves = results.add_subparsers(dest="results_command", metavar="ACTION", parser_class=_Parser)
    moves.add_parser(
        "export",
        help=_("write your sittings of a paper to a file to hand in"),
        fill=_export_results,
    )
    moves.add_parser(
        "import", help=_("add students' results files to this computer"), fill=_import_results
    )
    moves.add_parser(
        "close", help=_("hand in a student's open sitting as it stands"), fill=_one_sitting
    )
    moves.add_parser(
        "reopen", help=_("let a student go on with a closed sitting"), fill=_one_sitting
    )
    moves.add_parser(
        "delete", help=_("delete a student's sittings of a paper (needs --yes)"), fill=_delete
    )


def _one_sitting(one: _Parser) -> None:
    _common(one, top=False)
    one.add_argument("--paper", metavar="CODE", required=True)


def _delete(delete: _Parser) -> None:
    _one_sitting(delete)
    delete.add_argument("--yes", action="store_true", help=_("yes, delete them and their answers"))


def _export_results(export: _Parser) -> None:
    _common(export, top=False)
    export.add_argument("--paper", metavar="CODE", required=True)
    _out(export, N_("the file (default: results-CODE-PLAYER.json here; - for stdout)"))


def _import_results(imports: _Parser) -> None:
    _common(imports, top=False)
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE")


def _report(report: _Parser) -> None:
    _common(report, top=False, player=None)
    report.add_argument("--paper", metavar="CODE", required=True)
    report.add_argument(
        "--format", choices=["html", "md"], help=_("default: from --out's suffix; md on stdout")
    )
    _out(report, N_("report.html or report.md"))


COMMANDS = {
    None: "quiz.commands.home",
    "play": "quiz.commands.play",
    "check": "quiz.commands.check",
    "new": "quiz.commands.new",
    "schema": "quiz.commands.schema",
    "packs": "quiz.commands.packs",
    "export": "quiz.commands.export",
    "try": "quiz.commands.try_answer",
    "stats": "quiz.commands.stats",
    "history": "quiz.commands.history",
    "players": "quiz.commands.players",
    "limits": "quiz.commands.limits",
    "paper": "quiz.commands.paper",
    "results": "quiz.commands.results",
    "report": "quiz.commands.report",
    "serve": "quiz.commands.serve",
    "host": "quiz.commands.host",
    "join": "quiz.commands.join",
}


def main(argv: Sequence[str] | None = None) -> int:
    choose_language(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # --help and usage errors end here, before any heavy import
    args, extra = parser.parse_known_args(argv)
    if extra and args.command == "try" and not any(w.startswith("-") for w in extra):
        args.what += extra  # more triples after an option: "try PACK --format json Q A Q A"
    elif extra:
        parser.parse_args(argv)  # says which words it does not know, and exits
    args.packs = [*args.packs, *getattr(args, "packs_after", [])]
    from quiz.packs.errors import PackError
    from quiz.store.backend import StoreError

    try:
        for folder in args.packs:
            if not folder.exists():
                raise UsageError(
                    _("--packs {folder}: no such folder or file").format(folder=folder)
                )
        _check_db(getattr(args, "db", None))
        status = int(importlib.import_module(COMMANDS[args.command]).run(args))
        sys.stdout.flush()  # a full disk or a closed pipe is found here, not at exit
        return status
    except KeyboardInterrupt:
        print(_("quiz: interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except UsageError as exc:
        from quiz.safe import visible

        print(visible(f"quiz: {exc}"), file=sys.stderr)
        return EXIT_DATA
    except PackError as exc:
        return fail(exc.problems)
    except StoreError as exc:
        return _store_error(exc, args.db)
    except BrokenPipeError:
        _drop_stdout()  # the reader has gone (quiz … | head): nothing more to say
        return EXIT_OK
    except OSError as exc:
        return _os_error(exc)


def _check_db(db: str | None) -> None:
    """A progress file named with --db goes in a folder that exists: a typo is not made
    into new folders without a word (the default, in the user data folder, is made). A file
    in the folder's place is the store's to say (the commands that play go on in memory)."""
    if not db or "://" in db:
        return
    folder = Path(db).expanduser().parent
    if not folder.exists():
        from quiz import words

        raise UsageError(words.no_db_folder(db, str(folder)))


def _store_error(exc: Exception, db: str | None) -> int:
    """The last resort for a store that fails where no command caught it: one line naming the
    store and the cause, exit 2, never a traceback."""
    from quiz.safe import visible
    from quiz.store import default_target
    from quiz.store.postgres import is_postgres, redacted

    target = db or default_target()
    where = redacted(target) if is_postgres(target) else target
    said = str(exc) if where in str(exc) else f"{where}: {exc}"
    print(visible(f"quiz: {said}"), file=sys.stderr)
    return EXIT_DATA


def _os_error(exc: OSError) -> int:
    """One line for a failed read or write, never a traceback: the output (stdout on a full
    disk, `quiz schema > /dev/full`) or a file a command used."""
    from quiz.safe import visible

    reason = exc.strerror or str(exc)
    if (exc.filename is None and exc.errno in _OUTPUT_ERRNOS) or _stdout_failed():
        _drop_stdout()
        print(_("quiz: cannot write the output: {reason}").format(reason=reason), file=sys.stderr)
    else:
        where = f"{exc.filename}: " if exc.filename else ""
        print(visible(f"quiz: {where}{reason}"), file=sys.stderr)
    return EXIT_DATA


def _output_errnos() -> frozenset[int]:
    import errno

    names = ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EPIPE")
    return frozenset(getattr(errno, n) for n in names if hasattr(errno, n))


_OUTPUT_ERRNOS = _output_errnos()  # a write to a full disk or a gone reader (no file named)


def _stdout_failed() -> bool:
    """Whether writing stdout fails: output kept back in its buffer fails again."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def _drop_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush does not fail again
    (with an 'Exception ignored' message) on the output already lost."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
