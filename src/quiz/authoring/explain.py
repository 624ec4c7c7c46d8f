"""`quiz check --explain`: the kinds of question each fact yields, and for each it does not,
the reason and the fix, as the builders themselves give them.

`--explain` is for a teacher: by relation, only the reasons an author can do something
about (a refusal with a fix), each said once for the facts it holds for, so a pack of
20–25 facts fits on about a screen. `--explain all` is every fact and every reason,
fixable or not (`render`).

Nothing here decides whether a question can be made: each slot is built as a
round builds it, and a builder that cannot make its question returns a
Refusal saying why (quiz.generate.refusal). This module only asks every
builder about every fact and puts the answers in the author's order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quiz.generate import order
from quiz.generate.refusal import TEMPLATE_USE, Refusal, worded
from quiz.generate.slots import BACKGROUND, VARIANTS, can_ask, multi_slot, per_fact
from quiz.generate.truth import Direction
from quiz.kinds import KIND_NAMES, RECALL_KINDS
from quiz.lang import _, ngettext
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
        return Refusal(
            _("asked once for its group: fact '{id}' has the question").format(id=slot.facts[0])
        )
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
    """The facts asked only as true/false or evidence, or not at all: a student answers them
    without recalling anything (quiz check lists them)."""
    return tuple(
        e.fact.id for e in explained if not e.fact.background and not set(e.yields) & RECALL_KINDS
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
        fixes = _("; or ").join(
            f"`{t}:` ({_(TEMPLATE_USE[t]) if t in TEMPLATE_USE else _('a template')})"
            for t in templates
        )
        merged = Refusal(
            _("relation '{relation}' has no {templates} template").format(
                relation=relation, templates=listed
            ),
            _("add {fixes}").format(fixes=fixes),
            templates[0],
        )
        out["templates"] = Missing(kind, tuple(templates), merged)
    return list(out.values())


def _either(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])


def render(explained: list[Explained], where: Callable[[int], str]) -> list[str]:
    """Lines for the terminal: a fact's place and what it yields, then each kind it does not
    with the reason and, indented, the fix (a relation's missing templates once: later facts
    of the relation point back to the first). `where(i)` is the place of fact i."""
    lines = []
    told: dict[str, str] = {}  # a missing-template fix already given → the fact it was under
    for i, e in enumerate(explained):
        yields = ", ".join(e.yields) if e.yields else _("no question")
        lines.append(
            _("{place}: {id} ({relation}) yields {kinds}").format(
                place=where(i), id=e.fact.id, relation=e.fact.relation.id, kinds=yields
            )
        )
        for m in e.missing:
            shown = ", ".join(v for v in m.variants if v)
            label = f"{m.kind} ({shown})" if shown and m.refusal.template is None else m.kind
            reason = worded(m.refusal.reason)
            line = "  " + _("no {kind}: {reason}").format(kind=label, reason=reason)
            first = told.setdefault(str(m.refusal), e.fact.id) if m.refusal.template else None
            if first is not None and first != e.fact.id:
                lines.append(_("{line} (the fix is under {id})").format(line=line, id=first))
                continue
            lines.append(line)
            if m.refusal.fix:
                lines.append(f"      → {worded(m.refusal.fix)}")
    return lines


SHOWN_IDS = 3  # fact ids named on a line of the brief view before "and N more"


def render_brief(explained: list[Explained], where: Callable[[int], str]) -> list[str]:
    """Lines for the terminal, by relation in pack order: the kinds its facts yield, then each
    fixable reason once, with the facts it holds for (reasons without a fix, such as "a date
    is asked as a number question" or "asked once for its group", are left to `render`)."""
    by_relation: dict[str, list[tuple[int, Explained]]] = {}
    for i, e in enumerate(explained):
        if not e.fact.background:
            by_relation.setdefault(e.fact.relation.id, []).append((i, e))
    lines: list[str] = []
    for relation, group in by_relation.items():
        yields = [k for k in KIND_NAMES if any(k in e.yields for _i, e in group)]
        count = ngettext("{n} fact", "{n} facts", len(group)).format(n=len(group))
        said = ", ".join(yields) if yields else _("no question")
        lines.append(f"{where(group[0][0])}: {relation} ({count}): {said}")
        reasons: dict[tuple[str, str], tuple[Missing, Explained, list[str]]] = {}
        for _i, e in group:
            for m in e.missing:
                recalled = bool(set(e.yields) & RECALL_KINDS)
                if not m.refusal.fix or not _could_apply(m, e.fact, len(group), recalled):
                    continue  # nothing the author could change would make it
                key = (m.kind, _masked(m.refusal.fix, e.fact))
                seen = reasons.get(key)
                if seen is None:
                    reasons[key] = (m, e, [e.fact.id])
                else:
                    seen[2].append(e.fact.id)
        for m, _e, ids in reasons.values():
            shown = ", ".join(v for v in m.variants if v)
            label = f"{m.kind} ({shown})" if shown and m.refusal.template is None else m.kind
            reason = worded(m.refusal.reason)
            if len(ids) == len(group):
                said = _("no {kind}: {reason}").format(kind=label, reason=reason)
            else:
                said = _("no {kind} [{ids}]: {reason}").format(
                    kind=label, ids=_ids(ids), reason=reason
                )
            lines.append("  " + said)
            lines.append(f"      → {worded(m.refusal.fix)}")
    return lines


_WANTS_WRONG = re.compile(r"needs .* wrong options? the bank proves false")  # too_few_wrong
_TEMPLATE_FIX = re.compile(r"`\w+_any` template")  # "… a `forward_any` template asks …"


def _could_apply(m: Missing, fact: Fact, facts_of_relation: int, recalled: bool) -> bool:
    """Whether the fix could make a question this fact wants: for a fact already asked in a
    recall kind, only fixes to the facts themselves (a template more is a choice, not a want);
    a select-all or "name one" template asks a group, so it is no fix for a relation with one
    fact; "true" is refused for want of its false twin, whose own reason says what to do."""
    if m.kind == "true_false" and m.variants == ("true",):
        return False
    if recalled and m.kind in ("true_false", "order"):
        return False  # a statement or a timeline more: the pack's, not this fact's, want
    if recalled and m.kind in ("choice", "multi") and _WANTS_WRONG.match(m.refusal.reason):
        return False  # said once for the relation above the list (`quiz check`'s warnings)
    if recalled and (m.refusal.template is not None or _TEMPLATE_FIX.search(m.refusal.fix)):
        return False  # another template is a choice, not a want, for a fact already recalled
    if m.refusal.template is not None:
        wanted = [t for t in m.variants if t]
        grouped = [t for t in wanted if t.endswith(("_all", "_any"))]
        if grouped and len(grouped) == len(wanted) and facts_of_relation < 2:
            return False
    return True


def _masked(text: str, fact: Fact) -> str:
    """A reason with the fact's own values blanked, so one reason over many facts is one line."""
    for value in (fact.subject, fact.object):
        if value.display:
            text = text.replace(value.display, "…")
    return text.replace(fact.id, "…")


def _ids(ids: list[str]) -> str:
    if len(ids) <= SHOWN_IDS:
        return ", ".join(ids)
    more = len(ids) - SHOWN_IDS
    return ngettext("{ids} and {n} more", "{ids} and {n} more", more).format(
        ids=", ".join(ids[:SHOWN_IDS]), n=more
    )
