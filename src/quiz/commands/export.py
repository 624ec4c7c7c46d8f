"""`quiz export`: a pack's questions, every one (--all) or a round's, as JSON."""

from __future__ import annotations

import argparse
import sys

from quiz.commands import EXIT_OK, pack_of


def run(args: argparse.Namespace) -> int:
    from quiz.export import export_json
    from quiz.generate import all_questions, generate

    pack = pack_of(args)
    if args.all:
        questions = all_questions(pack, args.seed, args.kinds, args.topics)
    else:
        questions = generate(pack, args.seed, args.count, args.kinds, args.topics)
    sys.stdout.write(export_json(pack, questions) + "\n")
    return EXIT_OK
