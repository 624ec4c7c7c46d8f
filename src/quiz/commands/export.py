"""`quiz export`: a pack's questions, every one (--all) or a round's (--count), in a format
other tools read: Moodle (gift, aiken), Anki (apkg, anki-csv), a printable paper (markdown), or
this project's JSON.

The command only chooses the questions; the format writes them. A question a format
cannot hold is left out and counted on stderr with the reason; the file goes to stdout,
or to --out, which is replaced whole so an interrupted export never leaves half a file
for Moodle or Anki to import.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import words
from quiz.commands import EXIT_OK, UsageError, pack_of, paper_of, tuple_or_none
from quiz.formats import get
from quiz.formats.base import Made
from quiz.generate import all_questions, round_questions
from quiz.kinds import KIND_NAMES, KINDS
from quiz.lang import _
from quiz.safe import visible
from quiz.spec import PackRef, RoundSpec

if TYPE_CHECKING:
    from quiz.formats.base import Format, Rendered
    from quiz.packs.model import Pack
    from quiz.papers import Paper
    from quiz.question import Question


def run(args: argparse.Namespace) -> int:

    fmt = get(args.format)
    if fmt.binary and args.out is None and sys.stdout.isatty():
        raise UsageError(words.binary_needs_out(fmt.name, fmt.suffix))
    if args.paper:
        paper = paper_of(args, args.paper)
        pack, questions = paper_questions(args, paper)
        made = Made(paper.spec.seed, paper.code, paper.spec.time_limit)
    else:
        pack = pack_of(args)
        questions = choose(args, pack, fmt)
        made = Made(args.seed)
    done = fmt.export(pack, questions, made)
    if questions and not done.written:
        reasons = sorted({x.reason for x in done.left_out})
        raise UsageError(
            _("{format} can hold none of these questions: {reasons}").format(
                format=fmt.name, reasons="; ".join(reasons)
            )
        )
    # Every format escapes for its own readers; whatever control character is left (none,
    # from a pack that loaded) is shown, never written raw to a terminal or a file. A
    # package (apkg) is bytes whose text fields its format escaped.
    data = done.data if done.data is not None else visible(done.text).encode("utf-8")
    if args.out:
        write_atomically(args.out, data)
    else:
        write_stdout(data)
    report(fmt, done, args.out)
    return EXIT_OK


def choose(args: argparse.Namespace, pack: Pack, fmt: Format) -> list[Question]:
    """The questions to export. A round (--count) is drawn only from the kinds the format can
    hold, so --count 20 gives 20; --all takes everything and the format leaves out what it
    cannot hold (and so does a paper: see `paper_questions`).
    """

    if args.all:
        return all_questions(pack, args.seed, args.kinds, args.topics)
    asked = args.kinds or list(KIND_NAMES)
    kinds = [k for k in asked if fmt.holds(KINDS[k].key)]
    if not kinds:
        raise UsageError(
            _("{format} can hold none of the kinds asked for: {kinds}").format(
                format=fmt.name, kinds=", ".join(asked)
            )
        )
    if kinds != asked:
        skipped = ", ".join(KINDS[k].label for k in asked if k not in kinds)
        said = _("quiz: {format} cannot hold {kinds}; drawing from the others")
        print(said.format(format=fmt.name, kinds=skipped), file=sys.stderr)
    narrowed = kinds if (args.kinds or kinds != asked) else None
    spec = RoundSpec(
        PackRef.of(pack),
        seed=args.seed,
        count=args.count,
        kinds=tuple_or_none(narrowed),
        topics=tuple_or_none(args.topics),
    )
    return round_questions(pack, spec)


def paper_questions(args: argparse.Namespace, paper: Paper) -> tuple[Pack, list[Question]]:
    """An exam paper's questions, exactly as its students get them (what the format cannot
    hold is left out and reported, never replaced by another question)."""

    given = [name for name, v in (("PACK", args.pack), ("--kinds", args.kinds)) if v]
    if given or args.topics:
        raise UsageError(_("a paper names its own pack, kinds and topics: leave out the others"))
    paper.spec.check_pack(paper.pack)
    return paper.pack, round_questions(paper.pack, paper.spec)


def report(fmt: Format, done: Rendered, out: Path | None) -> None:
    """What was left out and why, one line per kind and reason, on stderr."""

    counts = Counter((KINDS[x.question.kind].label, x.reason) for x in done.left_out)
    total = len(done.written) + len(done.left_out)
    if counts:
        print(
            "quiz: " + words.written_of(fmt.name, len(done.written), total),
            file=sys.stderr,
        )
        for (label, reason), n in sorted(counts.items()):
            print(f"  {n} {label}: {reason}", file=sys.stderr)
    if out is not None:
        print(visible("quiz: " + words.wrote_to(len(done.written), str(out))), file=sys.stderr)


def write_stdout(data: str | bytes) -> None:
    """Text as UTF-8 whatever the terminal's encoding (Moodle and Anki read UTF-8), bytes as
    they are."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a captured stream in tests
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    else:
        buffer.write(data)
        buffer.flush()


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write beside the target, then rename over it: the old file or the new one, never half.
    Text is written as UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(
            _("{file}: cannot write: {reason}").format(file=path, reason=exc.strerror)
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), 0o666 & ~_umask())  # as a plain open() would make it
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(
            _("{file}: cannot write: {reason}").format(file=path, reason=exc.strerror)
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
