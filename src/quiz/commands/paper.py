"""`quiz paper new`: an exam paper as a short code; `quiz paper show CODE`: what a code holds.

The code is the last word printed, so a script can take it with `awk '{print $NF}'`.
"""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import papers, words
from quiz.commands import EXIT_OK, UsageError, no_questions, pack_of, paper_of
from quiz.generate import round_questions
from quiz.kinds import KINDS
from quiz.packs.registry import not_installed, user_dir
from quiz.rounds import new_seed
from quiz.safe import visible
from quiz.words import minutes

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.papers import Paper


def run(args: argparse.Namespace) -> int:
    if args.paper_command == "show":
        paper = paper_of(args, args.code)
        for line in describe(paper):
            print(visible(line))
        print(f"Paper code: {paper.code}")
        return EXIT_OK
    return new(args)


def new(args: argparse.Namespace) -> int:

    pack = pack_of(args)
    seed = args.seed if args.seed is not None else new_seed() % (papers.MAX_SEED + 1)
    try:
        spec = papers.paper_spec(pack, seed, args.count, args.kinds, args.topics, args.time_limit)
        code = papers.encode(spec, pack)
    except papers.PaperError as exc:
        raise UsageError(str(exc)) from None
    made = len(round_questions(pack, spec))
    if not made:
        raise no_questions(pack, bool(args.kinds or args.topics))
    short = spec.shortfall(made)
    if short is not None:
        said = words.shortfall(short)
        raise UsageError(f"{said[0].lower()}{said[1:-1]}: ask for --count {made}")
    paper = papers.Paper(code, spec, pack)
    for line in describe(paper):
        print(visible(line))
    for line in sit_it_with(pack, code):
        print(visible(line))
    print(f"Paper code: {code}")
    return EXIT_OK


def sit_it_with(pack: Pack, code: str) -> list[str]:
    """The command students type. A pack that is not installed (a file given by its path)
    needs its folder named, and a copy of it on each student's machine."""

    command = f"Students sit it with: quiz play --paper {code}"
    folder = not_installed(pack)
    if folder is None:
        return [command]
    return [
        f"{command} --packs {shlex.quote(folder)}",
        f"(the pack is not installed: each student needs {Path(pack.path).name} in that folder,"
        f" or in {user_dir()})",
    ]


def describe(paper: Paper) -> list[str]:

    spec = paper.spec
    kinds = ", ".join(KINDS[k].label for k in spec.kinds) if spec.kinds else "all kinds"
    topics = ", ".join(spec.topics) if spec.topics else "all topics"
    limit = f"time limit {minutes(spec.time_limit)}" if spec.time_limit else "no time limit"
    return [
        f"Paper for {paper.pack.title} ({paper.pack.id} {paper.pack.version})",
        f"{spec.count} questions · seed {spec.seed} · {kinds} · {topics} · {limit}",
        "Exam rules: answers marked at the end, one sitting per student, 1000 points a right "
        "answer (partial credit for select-all and time order), no bonuses.",
    ]
