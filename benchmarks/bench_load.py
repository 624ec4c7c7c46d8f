#!/usr/bin/env python
"""Pack loading and question generation benchmarks: a report, not a test.

Run from the repository root, in an environment where `quiz` is installed:

    python benchmarks/bench_load.py            # 5 rounds (the default)
    python benchmarks/bench_load.py --runs 9   # more rounds, steadier medians

Every figure is a median over several rounds, and every ratio is taken against
a bare `yaml.load(..., Loader=yaml.CSafeLoader)` of the same file measured in the
same rounds (interleaved, order rotated each round), so a slow or noisy machine
moves both sides alike. See benchmarks/README.md for what the goals mean.

The script exits 0 whether goals are met or missed; it exits non-zero only if it
cannot run at all (for instance if the synthetic pack it writes is refused).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
try:
    import quiz  # noqa: F401
except ImportError:  # not installed: run from the source checkout
    sys.path.insert(0, str(ROOT / "src"))

from quiz.packs.model import MONTHS  # noqa: E402 - after the path is set

FALLBACK_PACK = ROOT / "tests" / "data" / "moon.yaml"
BUNDLED_ID = "lithuania-nato"


# The relations of the synthetic pack; every country gets one fact of each, in this order.
RELATIONS = """\
relations:
  joined_in:
    subject: country
    object: year
    closed: true
    forward: "In which year did {subject} join the alliance?"
    reverse: "Which country joined the alliance in {object}?"
    statement: "{subject} joined the alliance in {object}."
    event: "{subject} joins the alliance"
  capital:
    subject: country
    object: place
    closed: true
    forward: "What is the capital of {subject}?"
    reverse: "Which country has {object} as its capital?"
    statement: "{object} is the capital of {subject}."
  signed_on:
    subject: country
    object: date
    closed: true
    forward: "When did {subject} sign the treaty?"
    statement: "{subject} signed the treaty on {object}."
    event: "{subject} signs the treaty"
  population:
    subject: country
    object: number
    closed: false
    forward: "How many people live in {subject}?"
    statement: "{subject} has a population of {object}."
  member_of:
    subject: country
    object: organisation
    closed: true
    forward: "Which of these organisations is {subject} a member of?"
    reverse: "Which country is a member of {object}?"
    forward_all: "Select every organisation {subject} is a member of."
    statement: "{subject} is a member of {object}."
"""
KINDS = ("joined_in", "capital", "signed_on", "population", "member_of")
TOPICS = {
    "joined_in": "history",
    "capital": "geography",
    "signed_on": "history",
    "population": "people",
    "member_of": "politics",
}
ORGANISATIONS = 24
HAND_QUESTIONS = 20


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write_synthetic_pack(folder: Path, n_facts: int) -> Path:
    """A valid pack of `n_facts` facts with its own source text; returns the pack's path."""
    countries = -(-n_facts // len(KINDS))
    paragraphs = ["Synthetic alliance history", ""]
    facts: list[str] = []
    quotes: dict[str, str] = {}  # fact id -> its quote, reused by hand-written questions
    for c in range(1, countries + 1):
        year = 1949 + c % 76
        day, month, sign_year = 1 + c % 28, 1 + c % 12, 1950 + c % 70
        pop = 10_000 + (c * 7919) % 9_000_000
        org = 1 + c % ORGANISATIONS
        sentences = {
            "joined_in": f"Country {c} joined the alliance in {year}",
            "capital": f"The capital of Country {c} is City {c}",
            "signed_on": f"Country {c} signed the treaty on {day} {MONTHS[month - 1]} {sign_year}",
            "population": f"Country {c} has a population of {pop:,}",
            "member_of": f"Country {c} is a member of Organisation {org}",
        }
        paragraphs.append(". ".join(sentences.values()) + ".")
        paragraphs.append("")
        objects = {
            "joined_in": f"{{year: {year}}}",
            "capital": f"city-{c}",
            "signed_on": f'{{date: "{sign_year}-{month:02d}-{day:02d}"}}',
            "population": f"{{number: {pop}}}",
            "member_of": f"org-{org}",
        }
        for kind in KINDS:
            if len(facts) == n_facts:
                break
            fid = f"c{c}-{kind.replace('_', '-')}"
            quote = sentences[kind]
            quotes[fid] = quote
            evidence = f"{{quote: {_q(quote)}"
            if len(facts) % 20 == 1 and kind != "joined_in":  # some quotes carry a prefix
                evidence += ', prefix: ". "'
            evidence += "}"
            lines = [
                f"  - id: {fid}",
                f"    subject: country-{c}",
                f"    relation: {kind}",
                f"    object: {objects[kind]}",
                f"    topics: [{TOPICS[kind]}]",
                f"    evidence: {evidence}",
            ]
            if len(facts) % 10 == 0:
                lines.append(f"    explanation: {_q(f'Recorded in the chapter on Country {c}.')}")
            facts.append("\n".join(lines))
    source = "\n".join(paragraphs)
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "sources" / "synthetic.txt").write_bytes(source.encode("utf-8"))
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()

    entities = []
    for c in range(1, countries + 1):
        entities.append(f"  country-{c}: {{type: country, name: Country {c}}}")
        alias = f", aliases: [Town {c}]" if c % 10 == 0 else ""
        entities.append(f"  city-{c}: {{type: place, name: City {c}{alias}}}")
    for o in range(1, ORGANISATIONS + 1):
        entities.append(f"  org-{o}: {{type: organisation, name: Organisation {o}}}")

    questions = []
    for i in range(1, min(HAND_QUESTIONS, countries - 2) + 1):
        questions.append(
            "\n".join(
                [
                    f"  - id: hand-{i}",
                    "    kind: choice",
                    f"    prompt: {_q(f'Which city is the capital of Country {i}?')}",
                    f"    answer: City {i}",
                    f"    wrong: [City {i + 1}, City {i + 2}]",
                    "    topics: [geography]",
                    f"    evidence: {{quote: {_q(quotes[f'c{i}-capital'])}}}",
                ]
            )
        )

    text = "\n".join(
        [
            "format: quiz-pack/1",
            f"id: synthetic-{n_facts}",
            f"title: Synthetic benchmark pack ({n_facts} facts)",
            "version: 1.0.0",
            "language: en",
            "description: Generated by benchmarks/bench_load.py; not a real history.",
            "",
            "sources:",
            "  synthetic:",
            "    file: sources/synthetic.txt",
            f"    sha256: {digest}",
            "    title: Synthetic alliance history",
            "    publisher: Benchmark Press",
            '    date: "2024-01-01"',
            "",
            "entities:",
            *entities,
            "",
            RELATIONS,
            "facts:",
            *facts,
            "",
            "questions:",
            *questions,
            "",
        ]
    )
    path = folder / "synthetic.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- timing -----------------------------------------------------------------------------


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock: Callable[[], float] = time.perf_counter


def timed(fn: Callable[..., Any], setup: Callable[[], Any] | None = None) -> float:
    """Seconds one call of fn takes (setup, if any, runs untimed first and feeds fn)."""
    arg = setup() if setup else None
    gc.collect()
    start = clock()
    if setup:
        fn(arg)
    else:
        fn()
    return clock() - start


def interleaved(
    cases: dict[str, tuple[Callable[..., Any], Callable[[], Any] | None]], runs: int
) -> dict[str, list[float]]:
    """Run every case once per round, rotating the order each round; times per case."""
    names = list(cases)
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(runs):
        k = r % len(names)
        for name in names[k:] + names[:k]:
            fn, setup = cases[name]
            times[name].append(timed(fn, setup))
    return times


def paired_ratio(times: list[float], base: list[float]) -> float:
    """Median of the per-round ratios: each round's run against that round's baseline."""
    return statistics.median(t / b for t, b in zip(times, base, strict=True))


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def row(name: str, median: float, ratio: float | None, goal: str, result: str) -> None:
    r = f"{ratio:7.3f}x" if ratio is not None else f"{'-':>8}"
    print(f"{name:<44} {fmt_ms(median)}  {r}  {goal:<16} {result}")


def header() -> None:
    print(f"{'measurement':<44} {'median':>12}  {'ratio':>8}  {'goal':<16} result")
    print("-" * 96)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def bare_yaml(path: Path) -> Callable[[], Any]:
    def run() -> Any:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506

    return run


# -- the benchmarks ---------------------------------------------------------------------


def bench_synthetic(work: Path, n_facts: int, runs: int) -> None:
    from quiz.packs import PackError, load_pack, registry

    path = write_synthetic_pack(work / "pack", n_facts)
    size = path.stat().st_size
    source_size = (path.parent / "sources" / "synthetic.txt").stat().st_size
    try:
        pack = load_pack(path)  # the acceptance check, and a warm-up of imports and regexes
    except PackError as exc:
        print("the synthetic pack was refused; the benchmark itself is broken:", file=sys.stderr)
        for p in exc.problems[:20]:
            print(f"  {p}", file=sys.stderr)
        raise SystemExit(2) from None
    assert len(pack.facts) == n_facts, (len(pack.facts), n_facts)
    print(
        f"synthetic pack: {len(pack.facts)} facts, {len(pack.entities)} entities, "
        f"{len(pack.questions)} hand questions; pack {size / 1024:.0f} KiB, "
        f"source {source_size / 1024:.0f} KiB; load_pack accepts it"
    )
    registry.load(path)  # prime the parsed-pack cache
    if not any((work / "cache" / "packs").glob("*.pickle")):
        print("WARNING: the parsed-pack cache did not write an entry; warm load is not cached")
    times = interleaved(
        {
            "baseline": (bare_yaml(path), None),
            "cold": (lambda _: load_pack(path), _clear_quiz_caches),  # as in a new process
            "warm": (lambda: registry.load(path), None),
        },
        runs,
    )
    base = times["baseline"]
    cold_ratio = paired_ratio(times["cold"], base)
    warm_ratio = paired_ratio(times["warm"], base)
    print()
    header()
    row(
        f"yaml.load CSafeLoader, {n_facts} facts (base)",
        statistics.median(base),
        1.0,
        "(baseline)",
        "-",
    )
    row(
        "load_pack cold (parse + full validation)",
        statistics.median(times["cold"]),
        cold_ratio,
        "<= 1.5x baseline",
        verdict(cold_ratio <= 1.5),
    )
    row(
        "registry.load warm (parsed-pack cache)",
        statistics.median(times["warm"]),
        warm_ratio,
        "<= 0.1x baseline",
        verdict(warm_ratio <= 0.1),
    )


def _clear_quiz_caches() -> None:
    """Empty every lru_cache in the loaded quiz modules (sentence splits, phrase patterns…)."""
    for name, module in list(sys.modules.items()):
        if name != "quiz" and not name.startswith("quiz."):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(exc).__name__}: {first}"[:200]


def bench_generate(runs: int) -> None:
    from quiz import generate
    from quiz.packs import registry

    candidates = (
        (BUNDLED_ID, BUNDLED_ID),
        ("moon (fallback)", str(FALLBACK_PACK)),
    )
    for name, spec in candidates:
        try:
            pack = registry.resolve(spec)
            n_questions = len(generate.all_questions(pack))  # must generate, not just load
            label = name
            break
        except Exception as exc:  # noqa: BLE001 - a half-written pack may fail in any way
            what = "bundled pack" if spec == BUNDLED_ID else "fallback pack"
            print(f"NOTE: {what} {spec!r} could not be used ({_reason(exc)})")
            if spec == BUNDLED_ID:
                print(f"NOTE: falling back to {FALLBACK_PACK.relative_to(ROOT)}")
    else:
        print()
        header()
        print(f"{'all_questions(...)':<44} {'-':>12}  {'-':>8}  {'< 50 ms':<16} NOT RUN")
        return
    path = Path(pack.path)
    print(f"question pack: {label}: {path} ({len(pack.facts)} facts, {n_questions} questions)")

    def fresh() -> Any:
        # A first generation, as a new process pays it: a pack fresh from the cache (no
        # cached_property filled in yet) and every functools cache in quiz emptied.
        _clear_quiz_caches()
        try:
            return registry.load(path)
        except Exception:  # noqa: BLE001 - the file changed under us: reuse the pack we have
            return pack

    try:
        times = interleaved(
            {
                "baseline": (bare_yaml(path), None),
                "generate": (lambda p: generate.all_questions(p), fresh),
            },
            runs,
        )
    except Exception as exc:  # noqa: BLE001 - the pack changed under us mid-run
        print(f"NOTE: generation failed during the timed rounds ({_reason(exc)})")
        print(f"{f'all_questions({label})':<44} {'-':>12}  {'-':>8}  {'< 50 ms':<16} NOT RUN")
        return
    med = statistics.median(times["generate"])
    print()
    header()
    row(
        f"yaml.load CSafeLoader, {label} (ref)",
        statistics.median(times["baseline"]),
        1.0,
        "(reference)",
        "-",
    )
    row(
        f"all_questions({label})",
        med,
        paired_ratio(times["generate"], times["baseline"]),
        "< 50 ms",
        verdict(med < 0.050),
    )


def bench_scaling(work: Path, runs: int) -> None:
    """Generation grows linearly with the facts, and a round does not grow with the pack.

    Every timed call gets a pack fresh from the parsed-pack cache (no cached property
    filled in) with every functools cache in quiz emptied first: the cost a new process
    pays. Both sides of each ratio are measured in the same rounds, interleaved."""
    from quiz import generate
    from quiz.packs import registry

    paths = {n: write_synthetic_pack(work / f"gen-{n}", n) for n in SCALE_FACTS}
    for path in paths.values():
        registry.load(path)  # prime the parsed-pack cache
    try:
        bundled_path = Path(registry.resolve(BUNDLED_ID).path)
        label = BUNDLED_ID
    except Exception as exc:  # noqa: BLE001 - a half-written pack may fail in any way
        print(f"NOTE: bundled pack could not be used ({_reason(exc)}); using the moon pack")
        bundled_path, label = FALLBACK_PACK, "moon"

    def fresh(path: Path) -> Callable[[], Any]:
        def load() -> Any:
            _clear_quiz_caches()
            return registry.load(path)

        return load

    small, big = SCALE_FACTS
    counts = {n: len(generate.all_questions(registry.load(paths[n]))) for n in SCALE_FACTS}
    print(
        f"synthetic packs for generation: {small} facts ({counts[small]} questions), "
        f"{big} facts ({counts[big]} questions)"
    )
    every = interleaved(
        {
            f"all-{n}": (lambda pack: generate.all_questions(pack), fresh(paths[n]))
            for n in SCALE_FACTS
        },
        runs,
    )
    seeds = iter(range(10**6))

    def a_round(pack: Any) -> Any:
        return generate.generate(pack, next(seeds) % 50, ROUND)

    rounds = interleaved(
        {
            "round-bundled": (a_round, fresh(bundled_path)),
            f"round-{big}": (a_round, fresh(paths[big])),
        },
        runs * 3,
    )
    print()
    header()
    base = every[f"all-{small}"]
    row(f"all_questions, {small} facts (base)", statistics.median(base), 1.0, "(baseline)", "-")
    grow = paired_ratio(every[f"all-{big}"], base)
    row(
        f"all_questions, {big} facts",
        statistics.median(every[f"all-{big}"]),
        grow,
        f"<= {SCALE_GOAL:g}x (linear)",
        verdict(grow <= SCALE_GOAL),
    )
    base = rounds["round-bundled"]
    row(f"{ROUND}-question round, {label} (base)", statistics.median(base), 1.0, "(baseline)", "-")
    ratio = paired_ratio(rounds[f"round-{big}"], base)
    row(
        f"{ROUND}-question round, {big} facts",
        statistics.median(rounds[f"round-{big}"]),
        ratio,
        f"<= {ROUND_GOAL:g}x",
        verdict(ratio <= ROUND_GOAL),
    )


SCALE_FACTS = (1000, 4000)
SCALE_GOAL = 5.0  # 4x the facts may cost at most 5x: linear, with room for noise
ROUND = 10
ROUND_GOAL = 1.5  # a round on a big pack costs about what it costs on a small one


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds per measurement (default 5)")
    parser.add_argument(
        "--facts", type=int, default=10_000, help="facts in the synthetic pack (default 10000)"
    )
    parser.add_argument(
        "--only",
        choices=("load", "generate", "scaling"),
        help="run one section only",
    )
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="wall time (default) or process CPU time, steadier on a busy shared machine",
    )
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    if args.runs < 1 or args.facts < len(KINDS):
        parser.error("--runs must be at least 1 and --facts at least 5")
    if not getattr(yaml, "__with_libyaml__", False):
        print("WARNING: PyYAML has no libyaml here; CSafeLoader is missing", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as tmp:
        work = Path(tmp)
        # Keep the user's own cache and packs out of it; the cache under test lives here.
        os.environ.pop("QUIZ_NO_CACHE", None)
        os.environ["QUIZ_CACHE_DIR"] = str(work / "cache")
        os.environ["QUIZ_DATA_DIR"] = str(work / "data")
        print(
            f"python {sys.version.split()[0]}, PyYAML {yaml.__version__} (libyaml), "
            f"{args.clock} clock, medians of {args.runs} interleaved rounds\n"
        )
        if args.only in (None, "load"):
            bench_synthetic(work, args.facts, args.runs)
            print()
        if args.only in (None, "generate"):
            bench_generate(max(args.runs, 3) * 3)
            print()
        if args.only in (None, "scaling"):
            bench_scaling(work, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
