"""`quiz check --explain`: the kinds of question each fact yields, and for each it does not,
the reason and the fix, as the builders themselves give them.

Nothing here decides whether a question can be made: each slot is built as a
round builds it, and a builder that cannot make its question returns a
Refusal saying why (quiz.generate.refusal). This module only asks every
builder about every fact and puts the answers in the author's order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quiz.generate import order
from quiz.generate.refusal import TEMPLATE_USE, Refusal
from quiz.generate.slots import BACKGROUND, VARIANTS, can_ask, multi_slot, per_fact
from quiz.generate.truth import Direction
from quiz.kinds import KIND_NAMES, RECALL_KINDS
from quiz.packs.model import Fact, Pack
from quiz.question import Question

ORDER = "order"
# The draws `quiz check` verifies (distractors are drawn at random). A kind counts as yielded
# when some draw makes it: what --explain says and check's summary counts agree.
SEEDS = range(5)


@dataclass(frozen=True)
class Missing:
    """A kind a fact does not yield, in some variants, for one reason."""

    kind: str
    variants: tuple[str, ...]
    refusal: Refusal


@dataclass(frozen=True)
class Explained:
    fact: Fact
    yields: tuple[str, ...]  # kinds, in the registry's order
    missing: tuple[Missing, ...]  # only for kinds it does not yield at all


def explain(pack: Pack, seeds: Sequence[int] = SEEDS) -> list[Explained]:
    """What each fact of the pack yields over the draws `seeds`, in pack order."""
    built: dict[str, Question | Refusal] = {}  # a group's slot is built once
    unplaced = order.unplaced(pack)
    out = []
    for fact in pack.facts:
        yields: list[str] = []
        missing: list[Missing] = []
        for kind in KIND_NAMES:
            if kind == ORDER:
                refusals = [_order(pack, fact, unplaced)]
                tried: tuple[str, ...] = ("",)
            else:
                tried = VARIANTS[kind]
                refusals = [_attempt(pack, kind, v, fact, seeds, built) for v in tried]
            if any(r is None for r in refusals):
                yields.append(kind)
            else:
                found = [r for r in refusals if r is not None]
                missing += _merged(kind, tried, found, fact.relation.id)
        out.append(Explained(fact, tuple(yields), tuple(missing)))
    return out


def _attempt(
    pack: Pack,
    kind: str,
    variant: str,
    fact: Fact,
    seeds: Sequence[int],
    built: dict[str, Question | Refusal],
) -> Refusal | None:
    """None if the fact's question of this kind and variant is made in some draw; else why
    not (the first draw's reason)."""
    refused = can_ask(fact.relation, kind, variant)
    if refused is not None:
        return refused
    direction: Direction = "reverse" if variant.startswith("reverse") else "forward"
    if kind == "multi":
        slot = multi_slot(pack, fact, direction)
    else:
        slot = per_fact(pack, kind, variant, fact)
    if isinstance(slot, Refusal):
        return slot
    if fact.id not in slot.facts:
        return Refusal(f"asked once for its group: fact '{slot.facts[0]}' has the question")
    if slot.id not in built:
        built[slot.id] = _first_made(slot.attempt, seeds)
    made = built[slot.id]
    return made if isinstance(made, Refusal) else None


def _first_made(
    attempt: Callable[[int], Question | Refusal], seeds: Sequence[int]
) -> Question | Refusal:
    """The question of the first draw that makes it, else the first draw's reason."""
    results = (attempt(seed) for seed in seeds)
    first = next(results)
    if not isinstance(first, Refusal):
        return first
    return next((r for r in results if not isinstance(r, Refusal)), first)


def no_recall(explained: list[Explained]) -> tuple[str, ...]:
    """The facts asked, but only as true/false or evidence: a student answers them without
    recalling anything (quiz check lists them)."""
    return tuple(
        e.fact.id
        for e in explained
        if not e.fact.background and e.yields and not set(e.yields) & RECALL_KINDS
    )


def _order(pack: Pack, fact: Fact, unplaced: dict[str, Refusal]) -> Refusal | None:
    if fact.background:
        return BACKGROUND
    return order.can_order(fact.relation) or unplaced.get(fact.id)


def _merged(
    kind: str, variants: tuple[str, ...], refusals: list[Refusal], relation: str
) -> list[Missing]:
    """One entry per distinct reason; the missing templates of a kind as one entry."""
    templates = list(dict.fromkeys(r.template for r in refusals if r.template))
    out: dict[str, Missing] = {}
    for variant, refusal in zip(variants, refusals, strict=True):
        if refusal.template:
            continue
        key = str(refusal)
        seen = out.get(key)
        shown = (*seen.variants, variant) if seen else (variant,)
        out[key] = Missing(kind, shown, refusal)
    if templates:
        listed = _either([f"`{t}`" for t in templates])
        fixes = "; or ".join(f"`{t}:` ({TEMPLATE_USE.get(t, 'a template')})" for t in templates)
        merged = Refusal(
            f"relation '{relation}' has no {listed} template", f"add {fixes}", templates[0]
        )
        out["templates"] = Missing(kind, tuple(templates), merged)
    return list(out.values())


def _either(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def render(explained: list[Explained], where: Callable[[int], str]) -> list[str]:
    """Lines for the terminal: a fact's place and what it yields, then each kind it does not
    with the reason and, indented, the fix (a relation's missing templates once: later facts
    of the relation point back to the first). `where(i)` is the place of fact i."""
    lines = []
    told: dict[str, str] = {}  # a missing-template fix already given → the fact it was under
    for i, e in enumerate(explained):
        yields = ", ".join(e.yields) if e.yields else "no question"
        lines.append(f"{where(i)}: {e.fact.id} ({e.fact.relation.id}) yields {yields}")
        for m in e.missing:
            shown = ", ".join(v for v in m.variants if v)
            label = f"{m.kind} ({shown})" if shown and m.refusal.template is None else m.kind
            line = f"  no {label}: {m.refusal.reason}"
            first = told.setdefault(str(m.refusal), e.fact.id) if m.refusal.template else None
            if first is not None and first != e.fact.id:
                lines.append(f"{line} (the fix is under {first})")
                continue
            lines.append(line)
            if m.refusal.fix:
                lines.append(f"      → {m.refusal.fix}")
    return lines
