"""`quiz check`: validate packs and every question they can produce.

Loading catches what is wrong with the file; generating every question over a
few seeds and verifying each against the bank catches what is wrong with the
facts as a whole (a closed relation too small for distractors, a template that
gives its answer away in every question, a prompt word only the right option
shares, two questions alike, …). The summary also lists the facts that are
never asked (marked background) and those asked only as true/false or evidence,
which a student can answer without recalling anything: each wants a template
or a relation that can ask it for recall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quiz.authoring.explain import SEEDS, Explained, explain, no_recall
from quiz.generate import all_questions, apart
from quiz.generate.distractors import asked_type
from quiz.generate.verify import verify, verify_all
from quiz.kinds import KIND_NAMES
from quiz.lang import _, ngettext
from quiz.packs.errors import PackError, Problem, YamlPath, display_path
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack, Relation
from quiz.packs.quotes import sentences
from quiz.packs.yamlio import Locator, read_text
from quiz.question import Question
from quiz.text import fold

Where = Callable[..., tuple[int, int]]
MIN_OPTIONS = 3  # a choice question needs the key and two wrong values
ORDERED_TYPES = ("date", "year", "number")


@dataclass
class Report:
    pack: Pack | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    questions: Counter[str] = field(default_factory=Counter)
    quoted_sentences: tuple[int, int] = (0, 0)
    background: tuple[str, ...] = ()  # facts marked background: kept, never asked
    no_recall: tuple[str, ...] = ()  # facts asked only as true/false or evidence
    explained: list[Explained] = field(default_factory=list)  # what --explain shows
    # (question, question) pairs a round keeps apart: the first's text states what the
    # second asks (--explain all lists them)
    apart: list[tuple[str, str]] = field(default_factory=list)
    # relations too small for a choice question: one line says how many, --explain lists them
    # (a pack that keeps wrong options within tight groups has many, on purpose)
    few_values: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        assert self.pack is not None
        p = self.pack
        kinds = ", ".join(f"{k} {self.questions[k]}" for k in KIND_NAMES if self.questions[k])
        quoted, total = self.quoted_sentences
        share = f"{quoted}/{total} ({100 * quoted / total:.0f} %)" if total else _("no sentences")
        n_facts, n_entities = len(p.facts), len(p.entities)
        n_relations, n_questions = len(p.relations), len(p.questions)
        counts = ", ".join(
            [
                ngettext("{n} fact", "{n} facts", n_facts).format(n=n_facts),
                ngettext("{n} entity", "{n} entities", n_entities).format(n=n_entities),
                ngettext("{n} relation", "{n} relations", n_relations).format(n=n_relations),
                ngettext(
                    "{n} hand-written question", "{n} hand-written questions", n_questions
                ).format(n=n_questions),
            ]
        )
        asked = str(sum(self.questions.values())) + (f" ({kinds})" if kinds else "")
        return (
            _("{file}: ok — pack {pack}: {counts}").format(
                file=display_path(Path(p.path)), pack=f"{p.id} {p.version}", counts=counts
            )
            + "\n  "
            + _("questions: {n}").format(n=asked)
            + "\n  "
            + _("source sentences quoted by a fact: {share}").format(share=share)
            + "\n  "
            + _("topics: {topics}").format(topics=", ".join(p.topics) or _("none yet"))
            + (
                "\n  "
                + _(
                    "questions kept apart in rounds (one states what another asks): {pairs}"
                ).format(
                    pairs=ngettext("{n} pair", "{n} pairs", len(self.apart)).format(
                        n=len(self.apart)
                    )
                )
                if self.apart
                else ""
            )
            + _listed(_("background facts (never asked)"), self.background)
            + _listed(
                _("facts asked only as true/false or evidence, or not at all (no recall)"),
                self.no_recall,
            )
        )


def _listed(what: str, ids: tuple[str, ...]) -> str:
    return f"\n  {what}: {len(ids)}: {', '.join(ids)}" if ids else ""


def check_pack(path: Path) -> Report:
    report = Report()
    try:  # the loader reads through quiz.packs.reading: a named pipe is refused, not waited on
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

    if not pack.facts:
        report.warnings.append(_no_facts(name, where, pack))
    for rel in pack.relations.values():
        report.few_values += _too_few_values(name, where, pack, rel)
    seen: set[tuple[str, str]] = set()

    def flag(q: Question, message: str) -> None:
        if (q.id, message) not in seen:
            seen.add((q.id, message))
            said = _("question {id}: {message}").format(id=q.id, message=message)
            report.problems.append(at(q.fact, said))

    for seed in SEEDS:
        built = all_questions(pack, seed=seed)
        if seed == SEEDS[0]:
            report.apart = [(a.id, b.id) for a, b in apart.pairs(pack, built)]
        for q in built:
            if seed == SEEDS[0]:
                report.questions[q.kind] += 1
            for message in verify(pack, q):
                flag(q, message)
            for word in giveaway(q):
                flag(
                    q,
                    _("the prompt shares {word} with the right option only (a give-away)").format(
                        word=repr(word)
                    ),
                )
        for qid, message in verify_all(built):
            flag(next(q for q in built if q.id == qid), message)
    if pack.facts and not report.questions:
        report.warnings.append(
            Problem(
                name,
                *where(("facts",), key=True),
                _("the pack asks no question: quiz check --explain says why for each fact"),
                warning=True,
            )
        )
    report.quoted_sentences = _coverage(pack)
    report.background = tuple(f.id for f in pack.facts if f.background)
    report.explained = explain(pack, SEEDS)
    report.no_recall = no_recall(report.explained)  # so the summary and --explain agree
    return report


def _no_facts(name: str, where: Where, pack: Pack) -> Problem:
    total = sum(len(sentences(s.text)) for s in pack.sources.values())
    return Problem(
        name,
        *where(("facts",), key=True),
        (
            _(
                "no facts yet, so the pack asks only its hand-written questions: the source has "
                "{n} candidate sentences (quiz check --coverage {file} lists them)"
            )
            if pack.questions
            else _(
                "no facts yet, so the pack asks no questions: the source has {n} candidate "
                "sentences (quiz check --coverage {file} lists them)"
            )
        ).format(n=total, file=name),
        warning=True,
    )


def _too_few_values(name: str, where: Where, pack: Pack, rel: Relation) -> list[Problem]:
    """A closed relation asking for an entity type the pack has fewer than three of makes no
    choice question (nothing is wrong with it: the builder refuses, and says so here)."""
    out = []
    for direction in ("forward", "reverse"):
        kind = asked_type(rel, direction)
        if not rel.closed or direction not in rel.templates or kind in ORDERED_TYPES:
            continue  # dates and numbers get near neighbours as wrong options
        # wrong options are of the answers' group when they have one: count those
        groups = {
            getattr(f.object if direction == "forward" else f.subject, "group", None)
            for f in pack.facts
            if f.relation is rel
        }
        group = groups.pop() if len(groups) == 1 else None
        pool = [v for v in pack.pool(kind) if group is None or getattr(v, "group", None) == group]
        more = MIN_OPTIONS - len(pool)
        if more > 0:
            out.append(
                Problem(
                    name,
                    *where(("relations", rel.id), key=True),
                    _few(rel.id, len(pool), kind, group, direction, more),
                    warning=True,
                )
            )
    return out


def _few(relation: str, have: int, kind: str, group: str | None, direction: str, more: int) -> str:
    """Why a closed relation's template makes no choice question, and how many entities to add
    (two sentences' counts: each is its own plural)."""
    if group:
        values = ngettext(
            "only {n} {kind} value of group `{group}` in the pack",
            "only {n} {kind} values of group `{group}` in the pack",
            have,
        ).format(n=have, kind=kind, group=group)
        add = ngettext(
            "add {n} more `{kind}` entity of group `{group}`",
            "add {n} more `{kind}` entities of group `{group}`",
            more,
        ).format(n=more, kind=kind, group=group)
    else:
        values = ngettext(
            "only {n} {kind} value in the pack", "only {n} {kind} values in the pack", have
        ).format(n=have, kind=kind)
        add = ngettext(
            "add {n} more `{kind}` entity", "add {n} more `{kind}` entities", more
        ).format(n=more, kind=kind)
    return _(
        "relation {id}: {values}, so its `{direction}` template makes no multiple-choice "
        "question (the answer and two wrong options): {add} (an entity used only as a wrong "
        "option needs no fact)"
    ).format(id=repr(relation), values=values, direction=direction, add=add)


def giveaway(q: Question) -> list[str]:
    """Words of the prompt that the right option(s) hold and no wrong option does: "Which
    popular movement of Estonia …?" with one option naming Estonia is answered unread."""
    if q.kind not in ("choice", "multi") or not q.options:
        return []
    right = set().union(*(_meaningful(q.options[i]) for i in q.key.rights()))
    wrong = set().union(
        *(_meaningful(o) for i, o in enumerate(q.options) if i not in q.key.rights())
    )
    return sorted((_meaningful(q.prompt) & right) - wrong)


_FUNCTION_WORDS = """
a an the and or of in on at to for from with by as is are was were be been did do does
has have had its it their this these that those which what who whom when where how not
all every each one any other according select named names
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def _meaningful(text: str) -> set[str]:
    """The words that say something: three letters or more, no function words, no numbers."""
    return {w for w in fold(text).split() if len(w) > 2 and w.isalpha() and w not in FUNCTION_WORDS}


def _coverage(pack: Pack) -> tuple[int, int]:
    """(sentences quoted, sentences) over every source."""
    from quiz.authoring.coverage import unquoted

    missed, total = unquoted(pack)
    return total - len(missed), total
