"""`quiz report`: the teacher's report on a paper, as one self-contained HTML file or Markdown."""

from __future__ import annotations

import argparse
import sys

from quiz.classroom import report, report_html, report_md
from quiz.classroom.results import class_results
from quiz.commands import EXIT_OK, UsageError, paper_of, services_of
from quiz.commands.export import write_atomically, write_stdout
from quiz.safe import visible
from quiz.text import plural

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def run(args: argparse.Namespace) -> int:

    fmt = args.format
    if fmt is None:
        fmt = SUFFIXES.get(args.out.suffix.lower()) if args.out else "md"
        if fmt is None:
            raise UsageError(f"{args.out}: name it .html or .md, or give --format html|md")
    paper = paper_of(args, args.paper)
    results = class_results(services_of(args).store.get(), paper)
    for problem in results.problems:
        print(f"quiz: {problem}", file=sys.stderr)
    made = report.build(results)
    text = visible(report_html.render(made) if fmt == "html" else report_md.render(made))
    if args.out:
        write_atomically(args.out, text)
        print(f"quiz: wrote the report on {plural(len(results.sittings), 'sitting')} to {args.out}")
    else:
        write_stdout(text)
    return EXIT_OK
