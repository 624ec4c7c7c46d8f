"""`quiz results`: a paper's results, one row per student or per question; `quiz results export`
writes a student's sittings to a file to hand in; `quiz results import` takes such files in.

Imported files are untrusted: each is checked whole before any of it is kept (see
quiz.classroom.transfer), a sitting already kept is skipped by its id, and every score
is recomputed here. A file that fails is one line on stderr and the others still count.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz import words
from quiz.classroom.report import percent
from quiz.classroom.results import class_results
from quiz.classroom.transfer import (
    Incoming,
    Papers,
    ResultsFileError,
    copied_from,
    differs,
    export_doc,
    keep,
    read_results,
)
from quiz.commands import (
    EXIT_DATA,
    EXIT_OK,
    UsageError,
    nothing_read,
    paper_of,
    services_of,
)
from quiz.commands.export import write_atomically, write_stdout
from quiz.generate import round_questions
from quiz.lang import _, ngettext
from quiz.packs.registry import catalog
from quiz.safe import visible
from quiz.store.backend import StoreError
from quiz.store.sittings import sittings
from quiz.words import minutes

if TYPE_CHECKING:
    from quiz.classroom.results import ClassResults
    from quiz.store.sql import SqlStore


def run(args: argparse.Namespace) -> int:
    if args.results_command == "export":
        return export(args)
    if args.results_command == "import":
        return import_files(args)
    if args.results_command in ("close", "reopen", "delete"):
        return one_sitting(args)
    if not args.paper:
        raise UsageError(
            _("which paper? quiz results --paper CODE (or: quiz results import FILE…)")
        )

    paper = paper_of(args, args.paper)
    store = services_of(args, strict=True).store.get()
    results = class_results(store, paper)
    for problem in results.problems:
        print(visible(f"quiz: {problem}"), file=sys.stderr)
    if args.out and not results.sittings:
        raise nothing_read(store, paper.code, args.out)
    text = render(results, args.by, args.format)
    if args.out:
        write_atomically(args.out, text)
        print(_("quiz: wrote {file}").format(file=args.out), file=sys.stderr)
    else:
        write_stdout(text)
    return EXIT_OK


def render(results: ClassResults, by: str, fmt: str) -> str:
    """Names and pack text shown, never obeyed (quiz.safe.visible), in every format."""
    rows = results.student_rows() if by == "student" else results.question_rows()
    if fmt == "json":
        return visible(json.dumps(results.to_json(by), ensure_ascii=False, indent=2)) + "\n"
    if fmt == "csv":
        from quiz.words import status as status_words

        # A spreadsheet is read by people: its status in the words of the table and the
        # report ("handed in early"), not the JSON's machine values ("left").
        rows = [
            {**row, "status": status_words(row["status"])} if "status" in row else row
            for row in rows
        ]
        # A question no one answered wrong shows a dash, as the table and the report do.
        rows = [
            {**row, "top_wrong": NONE_WRONG} if "top_wrong" in row and not row["top_wrong"] else row
            for row in rows
        ]
        buffer = io.StringIO()
        from quiz.classroom.results import QUESTION_COLUMNS, STUDENT_COLUMNS

        columns = STUDENT_COLUMNS if by == "student" else QUESTION_COLUMNS
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([cell(row[c]) for c in columns] for row in rows)
        return buffer.getvalue()
    return visible(table(results, by))


NONE_WRONG = "–"  # no wrong answer was chosen: a dash, in the table and the CSV alike
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a name or prompt starting with = + - @ would
    be run as a formula (CSV injection), so it gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = visible(value)
        return "'" + value if _FORMULA.match(value) else value
    return value


def table(results: ClassResults, by: str) -> str:
    from rich.cells import cell_len  # a name in Chinese takes two columns a letter

    paper = results.paper
    head = (
        _("Paper {code}").format(code=paper.code)
        + f": {paper.pack.title}, {words.questions(len(results.questions))}, "
        + words.n_sittings(len(results.sittings))
    )
    lines = [head, ""]
    counts = [_("right"), _("partly right"), _("wrong"), _("blank")]
    if by == "question":
        heads = ["#", "%", *counts, _("mean")]
        widths = [max(w, cell_len(h)) for w, h in zip([3, 4, 5, 12, 5, 5, 6], heads, strict=True)]
        last = _("wrong answer chosen most · question")
        lines.append(_row(heads, widths, last))
        for st in results.by_question():
            top = st.wrong_choices[0] if st.wrong_choices else None
            mean = "–" if st.mean_seconds is None else f"{st.mean_seconds:.0f} s"
            wrong = f"{top.text} ({top.count})" if top else _(NONE_WRONG)
            cells = [st.number, percent(st.share_right)]
            cells += [st.count("right"), st.count("partial"), st.count("wrong"), st.count("blank")]
            lines.append(_row([*cells, mean], widths, f"{wrong} · {st.question.prompt}"))
        return "\n".join(lines) + "\n"
    width = max([4, *(cell_len(s.player) for s in results.sittings)])
    heads = [_("score"), "%", *counts, _("time")]
    widths = [max(w, cell_len(h)) for w, h in zip([6, 4, 5, 12, 5, 5, 7], heads, strict=True)]
    name, started = _("name"), _("started (UTC)")
    width = max(width, cell_len(name))
    start_width = max(16, cell_len(started))
    lines.append(
        name + " " * (width - cell_len(name)) + "  " + _row(heads, widths, "")
        + started + " " * (start_width - cell_len(started)) + "  " + _("status")
    )  # fmt: skip
    for s in results.sittings:
        cells = [s.score, percent(s.percent / 100), s.right, s.partial, s.wrong, s.blank]
        lines.append(
            f"{s.player}{' ' * (width - cell_len(s.player))}  "
            + _row([*cells, minutes(s.seconds)], widths, "")
            + f"{s.started_at[:16].replace('T', ' '):<{start_width}}  {s.status_words}"
        )
    if not results.sittings:
        lines.append(_("(nobody has sat it here yet: quiz results import takes students' files)"))
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[object], widths: list[int], rest: str) -> str:
    """Cells right-aligned to their columns (wide enough for their heads in any language),
    two spaces apart, then the rest of the line."""
    from rich.cells import cell_len

    out = ""
    for cell, width in zip(cells, widths, strict=True):
        text = str(cell)
        out += " " * (width - cell_len(text)) + text + "  "
    return out + rest


def export(args: argparse.Namespace) -> int:

    paper = paper_of(args, args.paper)
    services = services_of(args, strict=True)
    store = services.store.get()
    name = args.player or store.last_player()
    player = store.find_player(name) if name else None
    if player is None:
        raise UsageError(_no_player(name, store.where))
    rows = sittings(store, paper.code, player.id)
    finished = [r for r in rows if r.finished]
    if len(finished) < len(rows):
        print(
            visible(
                _(
                    "quiz: {name}'s sitting of {code} is not finished and is left out: "
                    "`quiz play --paper {code}` resumes it or hands it in"
                ).format(name=player.name, code=paper.code)
            ),
            file=sys.stderr,
        )
    if not finished:
        raise UsageError(
            _("{name} has no finished sitting of paper {code}").format(
                name=player.name, code=paper.code
            )
        )
    doc = export_doc(finished, paper, round_questions(paper.pack, paper.spec), services.clock.now())
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if str(args.out) == "-":
        write_stdout(text)
        return EXIT_OK
    out = args.out or free_name(paper.code, player.name)
    first = Path(f"results-{paper.code}-{slug(player.name)}.json")
    if not args.out and out != first:
        _say(words.someone_elses_kept(str(first), str(out)))
    if args.out and _someone_elses(out, player.name):
        raise UsageError(words.someone_elses_refused(str(out)))
    write_atomically(out, text)
    n = len(finished)
    said = ngettext(
        "{n} sitting of paper {code} by {name}: hand in {file}",
        "{n} sittings of paper {code} by {name}: hand in {file}",
        n,
    )
    print(visible(said.format(n=n, code=paper.code, name=player.name, file=out)))
    return EXIT_OK


def one_sitting(args: argparse.Namespace) -> int:
    """The teacher's hand on one student's sitting of a paper: close it as it stands (an
    abandoned tab's), reopen it (closed by mistake: its clock goes on where it stopped), or
    delete it with its answers (a sitting that must not count; --yes, as it cannot be
    undone). The student is found as the game finds them: by the name's key."""
    from quiz.store import sittings as kept

    paper = paper_of(args, args.paper)
    services = services_of(args, strict=True)  # never a stand-in: the change must land
    store = services.store.get()
    if not args.player:
        raise UsageError(
            _("whose sitting? {command}").format(
                command=f"quiz results {args.results_command} --paper {paper.code} --player NAME"
            )
        )
    player = store.find_player(args.player)
    if player is None:
        raise UsageError(_no_player(args.player, store.where))
    rows = sittings(store, paper.code, player.id)
    if not rows:
        raise UsageError(
            _("{name} has no sitting of paper {code}").format(name=player.name, code=paper.code)
        )
    now = services.clock.now()
    who = {"name": player.name, "code": paper.code}
    if args.results_command == "close":
        if not kept.close(store, paper.code, player.id, now):
            raise UsageError(
                _("{name}'s sitting of paper {code} is not open: nothing to close").format(**who)
            )
        print(
            visible(
                _(
                    "{name}'s sitting of paper {code} "
                    "is closed as it stands: what was answered counts."
                ).format(**who)
            )
        )
    elif args.results_command == "reopen":
        if not kept.reopen(store, paper.code, player.id, now):
            raise UsageError(
                _("{name}'s sitting of paper {code} is open already: nothing to reopen").format(
                    **who
                )
            )
        print(
            visible(
                _(
                    "{name}'s sitting of paper {code} "
                    "is open again: the student resumes it where it stopped."
                ).format(**who)
            )
        )
    else:
        n = len(rows)
        if not args.yes:
            raise UsageError(
                ngettext(
                    "this deletes {n} sitting of paper {code} by {name} with every answer, "
                    "for good: add --yes to do it",
                    "this deletes {n} sittings of paper {code} by {name} with every answer, "
                    "for good: add --yes to do it",
                    n,
                ).format(n=n, **who)
            )
        kept.delete(store, paper.code, player.id)
        said = ngettext(
            "Deleted {n} sitting of paper {code} by {name}.",
            "Deleted {n} sittings of paper {code} by {name}.",
            n,
        )
        print(visible(said.format(n=n, **who)))
    return EXIT_OK


# Letters by Unicode's count that show nothing: a name of them must not look empty in a file list.
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0")


def slug(name: str) -> str:
    """A file-name part for a player name that keeps its letters (any script: 陈伟, Šarūnas
    Žukauskas) and hyphens, with '_' for each space: "Jean-Luc Picard" is Jean-Luc_Picard.
    Any other character becomes '-', and then (or when the name is longer than 40
    characters, or not in composed form) six hex digits of the name's hash follow: two
    names never share a file name, wherever the files are collected ("Ann Lee" is Ann_Lee,
    "Ann_Lee" Ann-Lee-5d1f0c)."""
    composed = unicodedata.normalize("NFC", name)
    exact = composed == name and len(composed) <= 40
    parts = []
    for c in composed[:40]:
        if _letter(c) or c == "-":
            parts.append(c)
        elif c == " ":
            parts.append("_")
        else:
            parts.append("-")
            exact = False
    body = "".join(parts)
    if exact and body:
        return body
    body = re.sub(r"-{2,}", "-", body).strip("-") or "player"  # the hash tells names apart
    return f"{body}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:6]}"


def _letter(c: str) -> bool:
    return unicodedata.category(c)[0] in "LNM" and c not in _INVISIBLE


def free_name(code: str, player: str, folder: Path = Path(".")) -> Path:
    """results-CODE-SLUG.json in `folder`, or -2, -3… after it when that file holds another
    student's results: a file of another student is never overwritten (the same student's
    file is: exporting again replaces it)."""
    base = f"results-{code}-{slug(player)}"
    n = 1
    while True:
        path = folder / (f"{base}.json" if n == 1 else f"{base}-{n}.json")
        if not _someone_elses(path, player):
            return path
        n += 1


def _someone_elses(path: Path, player: str) -> bool:
    """Whether the file exists and is not this player's own results file."""
    if not path.exists():
        return False
    try:
        doc = json.loads(path.read_bytes()[: 16 * 2**20])
        names = {s["player"] for s in doc["sittings"]}
    except (OSError, ValueError, TypeError, KeyError):
        return True  # not a results file of anyone's: kept as it is
    return names != {player}


def import_files(args: argparse.Namespace) -> int:
    """Each file on its own: refused in one line naming it (whatever is wrong with it, a
    fault of the store's included) or taken whole, and the next one read; exit status 2 at
    the end if any was refused, after every good file is kept."""
    # The store asked for, or one line why not: files are never "taken" into a stand-in in
    # memory, and a damaged store is left as it is for the teacher to look at.
    store = services_of(args, strict=True).store.get()
    papers = Papers(catalog(args.packs).packs)
    refused = 0
    taken: list[Incoming] = []
    came_from: dict[str, str] = {}  # a sitting's id: the file it came in
    for path in args.files:
        try:
            added, again = _take(store, path, papers)
        except ResultsFileError as exc:
            _say(str(exc))
            refused += 1
            continue
        except StoreError as exc:
            _say(words.not_kept(path.name, str(exc)))
            refused += 1
            continue
        except Exception as exc:  # noqa: BLE001 - any fault refuses one file, not the batch
            _say(words.cannot_read(path.name, f"{type(exc).__name__}: {exc}").splitlines()[0])
            refused += 1
            continue
        taken += added
        came_from.update((s.uid, path.name) for s in added)
        kept = ", ".join(f"{s.player} {s.score}" for s in added) or _("nothing new")
        already = "; " + _("{n} already here").format(n=len(again)) if again else ""
        n = len(added)
        said = ngettext(
            "{file}: {n} sitting added ({kept})", "{file}: {n} sittings added ({kept})", n
        )
        print(visible(said.format(file=path.name, n=n, kept=kept) + already))
        _notes(store, path, added, again)
    copies = copied_from(store, taken)
    for s in taken:
        if s.uid in copies:
            _say(words.copy_of(came_from[s.uid], s.player, copies[s.uid]))
    return EXIT_DATA if refused else EXIT_OK


def _take(store: SqlStore, path: Path, papers: Papers) -> tuple[list[Incoming], list[Incoming]]:
    """(the sittings the file adds, those kept here already), the file taken whole or not at
    all."""
    incoming = read_results(path, papers)
    added: list[Incoming] = []
    again: list[Incoming] = []
    with store.db.transaction():
        for s in incoming:
            (added if keep(store, s) else again).append(s)
    return added, again


def _notes(store: SqlStore, path: Path, added: list[Incoming], again: list[Incoming]) -> None:
    """What the teacher should know of a file taken: a claimed score that is not the one
    recomputed, a sitting id already here with other content, a second sitting of a name."""
    for s in added:
        if s.claimed is not None and s.claimed != s.score:
            _say(words.claimed_score(path.name, s.player, s.claimed, s.score))
        player = store.find_player(s.player)
        mine = sittings(store, s.paper.code, player.id) if player else []
        if len(mine) > 1:
            _say(words.sittings_of_one_name(path.name, s.player, len(mine), s.paper.code))
    for s in again:
        changed = differs(store, s)
        if changed:
            _say(words.sitting_differs(path.name, s.uid, s.player, changed))


def _no_player(name: str | None, where: str) -> str:
    return _("no player {name} in {where}").format(name=repr(name), where=where)


def _say(text: str) -> None:
    print(visible(f"quiz: {text}"), file=sys.stderr)
