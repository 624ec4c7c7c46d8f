#!/usr/bin/env python
"""Question quality figures for a pack: a report, not a test (issue 18, items 3–6).

Run from the repository root, in an environment where `quiz` is installed:

    python benchmarks/quality.py                 # the bundled pack
    python benchmarks/quality.py PACK.yaml       # another pack
    python benchmarks/quality.py --rounds 60 --count 10

It counts, by rules written here and not borrowed from the generator (so the
figures mean the same before and after a change to it):
- evidence questions that are weak: the claim copies a run of 6 words of its
  answer sentence, or is a trimmed copy of it (4 of 5 of its content words are
  the sentence's); fewer than two wrong sentences are near misses (name the
  claim's subject or hint at its object); a name or number of the claim picks
  out the answer alone though another sentence of the source holds it; a
  sentence keying more than two questions; two questions with one option set;
- the True share of true/false questions, over the pack and over rounds;
- pairs in one round where a question's prompt or options state the subject
  and the object of a fact another question asks;
- facts never asked in a recall kind;
- the readers' self-ruling-out options: choice/multi options dated after the
  source's day, choice/multi/typed answers named in the pack's title, number
  questions sharing an answer and a proof, order sets sharing more than two
  events; and in rounds, evidence wrong sentences holding another question's
  quote, two questions with one option set, a typed answer named in another
  question's text, and a question whose proof stands in an earlier question's
  feedback paragraph (one way only: the later one could have come first).
Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import quiz  # noqa: F401
except ImportError:  # not installed: run from the source checkout
    sys.path.insert(0, str(ROOT / "src"))

from quiz.generate import all_questions, generate  # noqa: E402
from quiz.generate.verify import COPIED_RUN, shared_run  # noqa: E402
from quiz.kinds import RECALL_KINDS  # noqa: E402
from quiz.packs.loader import load_pack  # noqa: E402
from quiz.packs.model import Entity, Number, Pack, Value, When  # noqa: E402
from quiz.packs.registry import resolve  # noqa: E402
from quiz.question import Question  # noqa: E402
from quiz.text import fold  # noqa: E402

STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "within",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "its",
        "it",
        "their",
        "they",
        "this",
        "these",
        "that",
        "those",
        "which",
        "what",
        "who",
        "when",
        "where",
        "how",
        "not",
        "no",
        "also",
        "has",
        "have",
        "had",
        "did",
        "does",
        "do",
        "according",
        "article",
        "its",
        "into",
        "over",
    ]
)
LEAD = "proves this? "


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def content(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOP and len(w) > 2}


def mentions(text: str, value: Value) -> bool:
    """A hint of the value: a word starting with one of its names, its year, its number."""
    if isinstance(value, When):
        return re.search(rf"(?<!\d){value.year}(?!\d)", text) is not None
    if isinstance(value, Number):
        return re.search(rf"(?<![\d.]){value.value:g}(?!\d)", text.replace(",", "")) is not None
    padded = " " + " ".join(words(text))
    return any(" " + " ".join(words(n)) in padded for n in value.names if words(n))


def sentences(paragraph: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", paragraph)


def shows_figure(text: str, value: Number | When) -> bool:
    """A figure as the source writes it ("$10 million" for 10,000,000), or a year."""
    if isinstance(value, Number) and value.text and fold(value.text) in fold(text):
        return True
    return mentions(text, value)


def states(text: str, value: Value) -> bool:
    if isinstance(value, Entity):
        padded = f" {' '.join(words(text))} "
        return any(f" {' '.join(words(n))} " in padded for n in value.names if words(n))
    if isinstance(value, When):
        ok = mentions(text, value)
        if value.day is not None:
            ok = ok and re.search(rf"(?<!\d){value.day}(?:st|nd|rd|th)?(?!\d)", text) is not None
        return ok
    return mentions(text, value)


def evidence_figures(pack: Pack, qs: list[Question]) -> dict[str, int]:
    ev = [q for q in qs if q.kind == "evidence"]
    text_sentences: dict[str, list[str]] = {}
    from quiz.packs.quotes import sentences

    for sid, s in pack.sources.items():
        text_sentences[sid] = [s.text[x.start : x.end] for x in sentences(s.text)]
    weak: set[str] = set()
    counts: Counter[str] = Counter()
    keyed: Counter[str] = Counter()
    option_sets: Counter[frozenset[str]] = Counter()
    for q in ev:
        claim = q.prompt.split(LEAD, 1)[-1]
        answer = q.options[q.key.right]
        wrong = [o for i, o in enumerate(q.options) if i != q.key.right]
        fact = pack.fact_by_id[q.facts[0]]
        keyed[answer] += 1
        option_sets[frozenset(q.options)] += 1
        if shared_run(claim, answer) >= COPIED_RUN:
            counts["claim copies 6 words"] += 1
            weak.add(q.id)
        c = content(claim)
        if c and len(c & content(answer)) >= 0.8 * len(c):
            counts["claim a trimmed copy"] += 1
            weak.add(q.id)
        near = sum(states(o, fact.subject) or mentions(o, fact.object) for o in wrong)
        if near < 2:
            counts["fewer than 2 near misses"] += 1
            weak.add(q.id)
        others = [s for s in text_sentences[q.quote.source] if s != answer]
        lone = [
            w
            for w in set(re.findall(r"\b(?:[A-Z][\w-]+|\d[\d,]*)", claim))
            if w in answer
            and not any(w in o for o in wrong)
            and any(w in s for s in others)
            and fold(w) not in STOP
            and not claim.startswith(w)
        ]
        if lone:
            counts["one keyword picks the answer"] += 1
            weak.add(q.id)
    crowded = {s for s, n in keyed.items() if n > 2}
    counts["sentences keying > 2 questions"] = len(crowded)
    counts["questions on those sentences"] = sum(keyed[s] for s in crowded)
    counts["questions sharing an option set"] = sum(n for n in option_sets.values() if n > 1)
    counts["weak (any rule)"] = len(weak)
    counts["evidence questions"] = len(ev)
    return dict(counts)


def answers(pack: Pack, a: Question, b: Question) -> bool:
    """a's prompt or options state the subject and object of a fact b asks."""
    text = " ".join((a.prompt, *a.options))
    for fid in b.facts:
        f = pack.fact_by_id.get(fid)
        if (
            f is not None
            and fid not in a.facts
            and states(text, f.subject)
            and states(text, f.object)
        ):
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--count", type=int, default=10)
    args = parser.parse_args()
    pack = load_pack(args.pack) if args.pack else resolve("lithuania-nato")
    qs = all_questions(pack)
    print(f"pack {pack.id}: {len(qs)} questions ({dict(Counter(q.kind for q in qs))})")
    print("evidence:")
    for k, v in evidence_figures(pack, qs).items():
        print(f"  {k}: {v}")
    tf = [q for q in qs if q.kind == "true_false"]
    t = sum(q.key.rights() == {0} for q in tf)
    share = 100 * t / max(1, len(tf))
    print(f"true/false over the pack: {t} True, {len(tf) - t} False ({share:.0f} % True)")
    rt = rf = pairs = 0
    for seed in range(args.rounds):
        r = generate(pack, seed, args.count)
        for q in r:
            if q.kind == "true_false":
                rt += q.key.rights() == {0}
                rf += q.key.rights() == {1}
        pairs += sum(answers(pack, a, b) for a in r for b in r if a is not b)
    share = 100 * rt / max(1, rt + rf)
    print(
        f"true/false over {args.rounds} rounds of {args.count}: {rt} True, {rf} False "
        f"({share:.0f} % True)"
    )
    print(f"pairs in a round where one question states another's answer: {pairs}")
    recalled = {f for q in qs if q.kind in RECALL_KINDS for f in q.facts}
    key = [f for f in pack.facts if not f.background]
    missed = [f.id for f in key if f.id not in recalled]
    print(f"key facts asked in a recall kind: {len(key) - len(missed)} of {len(key)}")
    for m in missed:
        print(f"  never recalled: {m}")
    print("self-ruling-out options and repeats (over the pack):")
    for k, v in option_figures(pack, qs).items():
        print(f"  {k}: {v}")
    print(f"give-aways in {args.rounds} rounds of {args.count}:")
    for k, v in round_figures(pack, args.rounds, args.count).items():
        print(f"  {k}: {v}")
    return 0


def _source_day(pack: Pack) -> tuple[int, ...] | None:
    days = [tuple(int(x) for x in s.date.split("-")) for s in pack.sources.values() if s.date]
    return max(days) if days else None


def _title_entities(pack: Pack) -> set[str]:
    title = f" {fold(pack.title)} "
    return {
        e.id for e in pack.entities.values() if any(n and f" {n} " in title for n in e.folded_names)
    }


def option_figures(pack: Pack, qs: list[Question]) -> dict[str, int]:
    day = _source_day(pack)
    titled = _title_entities(pack)
    late = subject = 0
    for q in qs:
        claim = q.origin.claim
        if claim is None:
            continue
        if q.kind in ("choice", "multi") and day is not None:
            for v in claim.values:
                if isinstance(v, When):
                    mine = (v.year, v.month, v.day)[
                        : {"year": 1, "month": 2, "day": 3}[v.precision]
                    ]
                    late += mine > day[: len(mine)]
        if q.kind in ("choice", "multi", "typed"):
            subject += any(isinstance(v, Entity) and v.id in titled for v in claim.values)
    figures: Counter[tuple[object, ...]] = Counter(
        (q.key, q.quote.start, q.quote.end) for q in qs if q.kind == "number"
    )
    orders = [set(q.facts) for q in qs if q.kind == "order"]
    overlap = sum(len(a & b) > 2 for i, a in enumerate(orders) for b in orders[i + 1 :])
    return {
        "choice/multi options after the source's day": late,
        "choice/multi/typed with an answer named in the title": subject,
        "number questions repeating another's answer and proof": sum(
            n - 1 for n in figures.values()
        ),
        "order questions": len(orders),
        "order pairs sharing > 2 events": overlap,
    }


def round_figures(pack: Pack, rounds: int, count: int) -> dict[str, int]:
    from quiz.packs.quotes import paragraph_of
    from quiz.round.viewing import passages

    quoted = shared = named = feedback = both = seen = figure = 0
    for seed in range(rounds):
        r = generate(pack, seed, count)
        for a in r:
            for b in r:
                if a is b:
                    continue
                proofs = [
                    x.text
                    for f in b.facts
                    if f in pack.fact_by_id
                    for x in pack.fact_by_id[f].evidence
                ]
                if a.kind == "evidence" and not set(b.facts) <= set(a.facts):
                    wrong = [o for i, o in enumerate(a.options) if i not in a.key.rights()]
                    quoted += any(p in o for p in proofs for o in wrong)
                if a.kind == b.kind and a.kind in ("choice", "multi") and a.id < b.id:
                    shared += {fold(o) for o in a.options} == {fold(o) for o in b.options}
                claim = b.origin.claim
                if b.kind == "typed" and claim is not None and not set(a.facts) & set(b.facts):
                    text = " ".join((a.prompt, *a.options))
                    named += any(isinstance(v, Entity) and mentions(text, v) for v in claim.values)
        spans = []
        for q in r:
            found = []
            for x in q.origin.quotes:
                p = paragraph_of(pack.sources[x.source].text, x.start, x.end)
                found.append((x.source, p.start, p.end))
            spans.append(found)

        def gives(i: int, j: int, r: list[Question] = r, spans: list = spans) -> bool:
            """r[i]'s feedback paragraphs show r[j]'s proof: its quote, or every quote of
            a list (select-all); a time order is not given away by one passage."""
            if r[j].kind == "order":
                return False
            many = r[j].kind == "multi" or len(r[j].facts) > 2
            quotes = r[j].origin.quotes if many else [r[j].quote]
            return bool(quotes) and all(
                any(s == x.source and lo <= x.start and x.end <= hi for s, lo, hi in spans[i])
                for x in quotes
            )

        pairs = [(i, j) for i in range(len(r)) for j in range(i + 1, len(r))]
        feedback += sum(gives(i, j) and not gives(j, i) for i, j in pairs)
        both += sum(gives(i, j) and gives(j, i) for i, j in pairs)
        # what a player reads: the passages as shown, later proofs cut ("[…]")
        for i, q in enumerate(r):
            shown = [p.paragraph for p in passages(pack, q, r[i + 1 :])]
            for later in r[i + 1 :]:
                if later.kind == "order":
                    continue
                many = later.kind == "multi" or len(later.facts) > 2
                quotes = later.origin.quotes if many else [later.quote]
                seen += bool(quotes) and all(any(x.text in p for p in shown) for x in quotes)
                if len(later.facts) <= 2:
                    found = [pack.fact_by_id[f] for f in later.facts if f in pack.fact_by_id]
                    sides = [
                        (v, w)
                        for f in found
                        for v, w in ((f.subject, f.object), (f.object, f.subject))
                    ]
                    figure += any(
                        shows_figure(sentence, v)
                        and (isinstance(v, Number) or mentions(sentence, w))
                        for p in shown
                        for sentence in sentences(p)
                        for v, w in sides
                        if isinstance(v, (Number, When))
                    )
    return {
        "evidence wrong sentence holding another question's proof": quoted,
        "two questions with one option set": shared,
        "a typed answer named in another question's text": named,
        "a proof in an earlier question's paragraph (one way)": feedback,
        "two questions whose proofs share a paragraph (either way)": both,
        "a later question's whole proof in a feedback as shown (later proofs cut)": seen,
        "a later question's figure, or year beside what it dates, in a feedback as shown": figure,
    }


if __name__ == "__main__":
    raise SystemExit(main())
