"""`quiz check`: validate packs and every question they can produce.

Loading catches what is wrong with the file; generating every question over a
few seeds and verifying each against the bank catches what is wrong with the
facts as a whole (a closed relation too small for distractors, a template that
gives its answer away in every question, …).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from quiz.generate import all_questions
from quiz.generate.distractors import asked_type
from quiz.generate.verify import verify
from quiz.kinds import KIND_NAMES
from quiz.packs.errors import PackError, Problem, YamlPath, display_path
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.packs.quotes import sentences
from quiz.packs.yamlio import Locator, read_text

SEEDS = range(5)  # distractors are drawn at random: check several draws
MIN_OPTIONS = 3  # a choice question needs the key and two wrong values
ORDERED_TYPES = ("date", "year", "number")


@dataclass
class Report:
    pack: Pack | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    questions: Counter[str] = field(default_factory=Counter)
    quoted_sentences: tuple[int, int] = (0, 0)

    def summary(self) -> str:
        assert self.pack is not None
        p = self.pack
        kinds = ", ".join(f"{k} {self.questions[k]}" for k in KIND_NAMES if self.questions[k])
        quoted, total = self.quoted_sentences
        share = f"{quoted}/{total} ({100 * quoted / total:.0f} %)" if total else "no sentences"
        return (
            f"{display_path(Path(p.path))}: ok — pack {p.id} {p.version}: {len(p.facts)} facts, "
            f"{len(p.entities)} entities, {len(p.relations)} relations, "
            f"{len(p.questions)} hand-written questions\n"
            f"  questions: {sum(self.questions.values())} ({kinds})\n"
            f"  source sentences quoted by a fact: {share}\n"
            f"  topics: {', '.join(p.topics)}"
        )


def check_pack(path: Path) -> Report:
    report = Report()
    try:
        pack = load_pack(path)
    except PackError as exc:
        report.problems = exc.problems
        return report
    report.pack = pack
    report.warnings = list(pack.warnings)
    name = display_path(path)
    located: list[Locator] = []

    def where(path_in_yaml: YamlPath, *, key: bool = False) -> tuple[int, int]:
        """Read the file again only if a problem needs its line."""
        if not located:
            located.append(Locator(read_text(path)))
        return located[0](path_in_yaml, key=key)

    fact_index = {f.id: i for i, f in enumerate(pack.facts)}
    hand_index = {q.id: i for i, q in enumerate(pack.questions)}

    def at(fact_id: str, message: str) -> Problem:
        if fact_id in fact_index:
            line, col = where(("facts", fact_index[fact_id]))
        else:
            line, col = where(("questions", hand_index.get(fact_id, 0)))
        return Problem(name, line, col, message)

    for rel in pack.relations.values():
        for direction in ("forward", "reverse"):
            kind = asked_type(rel, direction)
            if not rel.closed or direction not in rel.templates or kind in ORDERED_TYPES:
                continue  # dates and numbers get near neighbours as wrong options
            size = len(pack.pool(kind))
            if size < MIN_OPTIONS:
                report.problems.append(
                    Problem(
                        name,
                        *where(("relations", rel.id), key=True),
                        f"relation {rel.id!r}: only {size} {kind} value(s) in the pack; "
                        f"a choice question needs {MIN_OPTIONS}",
                    )
                )
    seen: set[tuple[str, str]] = set()
    for seed in SEEDS:
        for q in all_questions(pack, seed=seed):
            if seed == SEEDS[0]:
                report.questions[q.kind] += 1
            for message in verify(pack, q):
                if (q.id, message) not in seen:
                    seen.add((q.id, message))
                    report.problems.append(at(q.fact, f"question {q.id}: {message}"))
    report.quoted_sentences = _coverage(pack)
    return report


def _coverage(pack: Pack) -> tuple[int, int]:
    quoted = total = 0
    for source in pack.sources.values():
        spans = [(q.start, q.end) for f in pack.facts for q in f.evidence if q.source == source.id]
        spans += [
            (q.start, q.end) for h in pack.questions for q in h.evidence if q.source == source.id
        ]
        for s in sentences(source.text):
            total += 1
            quoted += any(s.start < end and start < s.end for start, end in spans)
    return quoted, total
