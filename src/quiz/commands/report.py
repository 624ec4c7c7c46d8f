"""`quiz report`: the teacher's report on a paper, as one self-contained HTML file or Markdown.

A store that cannot be read is one line and exit 2 (never a report of "0 sittings"), and
--out is written beside its target and renamed over it only when there is something to
report, so an earlier report is never replaced by an empty one."""

from __future__ import annotations

import argparse
import sys

from quiz.classroom import report, report_html, report_md
from quiz.classroom.results import class_results
from quiz.commands import EXIT_OK, UsageError, nothing_read, paper_of, services_of
from quiz.commands.export import write_atomically, write_stdout
from quiz.lang import _, ngettext
from quiz.safe import visible

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def run(args: argparse.Namespace) -> int:

    fmt = args.format
    if fmt is None:
        fmt = SUFFIXES.get(args.out.suffix.lower()) if args.out else "md"
        if fmt is None:
            raise UsageError(
                _("{file}: name it .html or .md, or give --format html|md").format(file=args.out)
            )
    paper = paper_of(args, args.paper)
    store = services_of(args, strict=True).store.get()
    results = class_results(store, paper)
    for problem in results.problems:
        print(visible(f"quiz: {problem}"), file=sys.stderr)
    if args.out and not results.sittings:
        raise nothing_read(store, paper.code, args.out)
    made = report.build(results)
    text = visible(report_html.render(made) if fmt == "html" else report_md.render(made))
    if args.out:
        write_atomically(args.out, text)
        n = len(results.sittings)
        print(
            ngettext(
                "quiz: wrote the report on {n} sitting to {file}",
                "quiz: wrote the report on {n} sittings to {file}",
                n,
            ).format(n=n, file=args.out)
        )
    else:
        write_stdout(text)
    return EXIT_OK
