"""Why a question cannot be made, said where the rule that refuses it is.

A builder that cannot ask a fact honestly returns a Refusal instead of a
question: what stands in the way, and what the author could change so it
would be asked. Rounds simply skip it; `quiz check --explain` shows it, so the
explanation is always the builder's own reason, never a second copy of its rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.packs.model import Entity, Number, Relation, Value, When

# What each template key asks, as an author would look for it.
TEMPLATE_USE = {
    "forward": 'asks for the object, e.g. "Who … {subject}?"',
    "reverse": 'asks for the subject, e.g. "Which … {object}?"',
    "forward_all": 'select-all for the objects, e.g. "Select every … {subject} …"',
    "reverse_all": 'select-all for the subjects, e.g. "Select every … {object} …"',
    "forward_any": 'a typed "Name one …" over the subject\'s objects',
    "reverse_any": 'a typed "Name one …" over the object\'s subjects',
    "year": 'for a full date, "In which year did {subject} …?"',
    "event": 'the event without its date, e.g. "{subject} lands on the Moon"',
}


@dataclass(frozen=True)
class Refusal:
    reason: str
    fix: str = ""
    template: str | None = None  # the template whose absence is the reason, if that is all

    def __str__(self) -> str:
        return f"{self.reason}: {self.fix}" if self.fix else self.reason


def missing(relation: Relation, template: str) -> Refusal:
    return Refusal(
        f"relation '{relation.id}' has no `{template}` template",
        f"add `{template}:` ({TEMPLATE_USE.get(template, 'a template')})",
        template,
    )


def not_closed(relation: Relation, what: str = "a wrong option") -> Refusal:
    return Refusal(
        f"relation '{relation.id}' is open, so nothing proves {what} false",
        "set `closed: true` if the pack's facts of this relation list every value the source "
        "gives for it",
    )


def too_few_wrong(relation: Relation, key: Value, found: int, needed: int) -> Refusal:
    """Too few wrong options that play the key's role and that the bank proves false: what
    kind of value to add, as the distractor rules (`distractors.alike`) choose them."""
    wanted = "one wrong option" if needed == 1 else f"{needed} wrong options"
    reason = f"needs {wanted} the bank proves false; found {found}"
    if isinstance(key, Entity):
        like = [f"type `{key.type}`"]
        if key.group:
            like.append(f"group `{key.group}`")
        if key.attributes:
            like.append("attributes " + ", ".join(f"`{a}`" for a in key.attributes))
        fix = (
            f"add an entity of {' and '.join(like)} that relation '{relation.id}' does not "
            "hold for (an entity used only as a wrong option needs no fact)"
        )
    elif isinstance(key, Number) and key.approx:
        reason += (
            " (an approximate figure's wrong options are other approximate figures of the same "
            "quantity: numbers near it cannot be proven false)"
        )
        fix = (
            f"add facts with other approximate figures {_quantity(relation)}, or give the "
            "exact figure"
        )
    elif isinstance(key, Number):
        fix = f"add facts with other figures {_quantity(relation)}, written alike (words or digits)"
    else:
        assert isinstance(key, When)
        fix = f"add facts of relation '{relation.id}' with dates near {key.display}"
    return Refusal(reason, fix)


def _quantity(relation: Relation) -> str:
    if relation.unit:
        return f"of the same unit (`unit: {relation.unit}`)"
    return f"in relation '{relation.id}' (or give it a `unit` shared with other relations)"
