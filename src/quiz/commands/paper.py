"""`quiz paper new`: an exam paper as a short code; `quiz paper show CODE`: what a code holds;
`quiz paper release CODE`: served students see their marks, and the paper closes.

When a paper closes (`--closes`) and whether its answers are released is kept in the store
(--db), not in the code: the code is what students type and stays the same whatever the
teacher decides later, and the served tabs read the store the teacher writes.

The code is the last word printed, so a script can take it with `awk '{print $NF}'`.
"""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import papers, words
from quiz.commands import EXIT_OK, UsageError, no_questions, pack_of, paper_of, services_of
from quiz.generate import round_questions
from quiz.kinds import KINDS
from quiz.lang import _
from quiz.packs.registry import not_installed, user_dir
from quiz.rounds import new_seed
from quiz.safe import visible
from quiz.store.review import iso
from quiz.words import minutes

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.papers import Paper
    from quiz.store.sql import SqlStore


def run(args: argparse.Namespace) -> int:
    if args.paper_command == "show":
        paper = paper_of(args, args.code)
        for line in describe(paper):
            print(visible(line))
        print(decided(args, paper.code))
        print(_("Paper code: {code}").format(code=paper.code))
        return EXIT_OK
    if args.paper_command == "release":
        return release(args)
    return new(args)


def teacher_store(args: argparse.Namespace) -> SqlStore:
    """The store the class's sittings are in (--db): it must keep what the teacher decides."""
    store = services_of(args).store.get()
    if store.problem:
        raise UsageError(store.problem)
    return store


def decided(args: argparse.Namespace, code: str) -> str:
    """What the teacher decided about the paper, as the store (--db) keeps it: when it
    closes or closed, and whether served students see their marks yet."""
    from quiz.store.sittings import paper_state

    services = services_of(args, strict=True)
    state = paper_state(services.store.get(), code)
    now = services.clock.now()
    if state.released_at:
        return _("Answers released {when}: the paper is closed.").format(
            when=words.when(state.released_at)
        )
    closed = state.closed_at(now)
    if closed:
        return _("Closed {when}: served students see their marks.").format(when=words.when(closed))
    if state.closes_at:
        return _(
            "Closes {when}; until then served students see no marks "
            "(quiz paper release {code} shows them sooner)."
        ).format(when=words.when(state.closes_at), code=code)
    return _("Open: served students see no marks until quiz paper release {code}.").format(
        code=code
    )


def release(args: argparse.Namespace) -> int:
    """Served students see their marks and the right answers from now on; the paper closes
    (no new sitting, an open one is closed as it stands when its student comes back)."""
    from quiz.store.sittings import paper_state
    from quiz.store.sittings import release as release_paper

    paper = paper_of(args, args.code)
    store = teacher_store(args)
    now = services_of(args, open_now=False).clock.now()
    if release_paper(store, paper.code, now):
        print(
            _("Paper {code}: answers released {when}; it is closed.").format(
                code=paper.code, when=words.when(iso(now))
            )
        )
    else:
        when = paper_state(store, paper.code).released_at or iso(now)
        print(
            _("Paper {code}: answers were released already, {when}.").format(
                code=paper.code, when=words.when(when)
            )
        )
    return EXIT_OK


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
        raise UsageError(
            _("{shortfall}: ask for --count {n}").format(
                shortfall=f"{said[0].lower()}{said[1:-1]}", n=made
            )
        )
    paper = papers.Paper(code, spec, pack)
    if args.closes is not None:
        from quiz.store.sittings import set_closes

        if args.closes <= services_of(args, open_now=False).clock.now():
            raise UsageError(_("--closes: that time has passed already"))
        set_closes(teacher_store(args), code, args.closes)
    for line in describe(paper):
        print(visible(line))
    if args.closes is not None:
        print(
            _(
                "Closes {when}: after it the paper cannot be sat, and served students see "
                "their marks."
            ).format(when=words.when(iso(args.closes)))
        )
    for line in sit_it_with(pack, code):
        print(visible(line))
    print(_("Paper code: {code}").format(code=code))
    return EXIT_OK


def sit_it_with(pack: Pack, code: str) -> list[str]:
    """The command students type. A pack that is not installed (a file given by its path)
    needs its folder named, and a copy of it on each student's machine."""

    command = _("Students sit it with: {command}").format(command=f"quiz play --paper {code}")
    folder = not_installed(pack)
    if folder is None:
        return [command]
    return [
        f"{command} --packs {shlex.quote(folder)}",
        _(
            "(the pack is not installed: each student needs {file} in that folder, or in {folder})"
        ).format(file=Path(pack.path).name, folder=user_dir()),
    ]


def describe(paper: Paper) -> list[str]:

    spec = paper.spec
    kinds = ", ".join(KINDS[k].label for k in spec.kinds) if spec.kinds else _("all kinds")
    topics = ", ".join(spec.topics) if spec.topics else _("all topics")
    limit = (
        _("time limit {clock}").format(clock=minutes(spec.time_limit))
        if spec.time_limit
        else _("no time limit")
    )
    return [
        _("Paper for {title} ({pack})").format(
            title=paper.pack.title, pack=f"{paper.pack.id} {paper.pack.version}"
        ),
        " · ".join(
            [words.questions(spec.count), _("seed {seed}").format(seed=spec.seed), kinds, topics]
            + [limit]
        ),
        _(
            "Exam rules: answers marked at the end, one sitting per student, 1000 points a right "
            "answer (partial credit for select-all and time order), no bonuses."
        ),
    ]
