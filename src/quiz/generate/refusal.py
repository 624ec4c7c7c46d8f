"""Why a question cannot be made, said where the rule that refuses it is.

A builder that cannot ask a fact honestly returns a Refusal instead of a
question: what stands in the way, and what the author could change so it
would be asked. Rounds simply skip it; `quiz check --explain` shows it, so the
explanation is always the builder's own reason, never a second copy of its rules.

A reason is made while a pack's questions are built, and some are kept with the
pack (`Pack.derived`) or made when a module is imported (`slots.BACKGROUND`),
so it cannot be worded in the interface's language when it is made: the
language may be chosen later, or change. It is a `Said`: the English sentence
(what `reason` and `fix` read as, so every rule and test that reads them sees
English), holding its message and values, worded in the interface's language
only when it is shown (`worded`, by `quiz check --explain`).
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.lang import N_, _, ngettext
from quiz.packs.model import Entity, Number, Relation, Value, When


class Said(str):
    """A sentence of the generator: its English text, and the message and values that word it
    again in the interface's language (`worded`). A value that is itself a Said is worded
    too; any other value (an id, a template's name, the pack's own words) is shown as it is."""

    message: str
    plural: str
    n: int
    values: dict[str, object]

    def __new__(cls, message: str, plural: str = "", n: int = 0, /, **values: object) -> Said:
        english = plural if plural and n != 1 else message
        self = super().__new__(cls, english.format(**values) if values else english)
        self.message, self.plural, self.n, self.values = message, plural, n, values
        return self

    @classmethod
    def ngettext(cls, one: str, many: str, n: int, /, **values: object) -> Said:
        """The plural message for `n` (pybabel extracts it as `ngettext`): Lithuanian has three
        forms where English has two, so the form is chosen when worded, not here."""
        return cls(one, many, n, **values)

    def worded(self) -> str:
        """This sentence in the interface's language now."""
        text = ngettext(self.message, self.plural, self.n) if self.plural else _(self.message)
        if not self.values:
            return text
        return text.format(
            **{k: worded(v) if isinstance(v, Said) else v for k, v in self.values.items()}
        )


def said(message: str, /, **values: object) -> Said:
    """A sentence worded when shown: `said(N_("relation '{id}' is open"), id=relation.id)`."""
    return Said(message, **values)


def worded(text: str) -> str:
    """A reason or fix in the interface's language: a Said as its message says it now; a plain
    string as it is (one `quiz check --explain` worded itself, e.g. its merged templates)."""
    return text.worded() if isinstance(text, Said) else text


# What each template key asks, as an author would look for it (worded where shown).
TEMPLATE_USE = {
    "forward": N_('asks for the object, e.g. "Who … {subject}?"'),
    "reverse": N_('asks for the subject, e.g. "Which … {object}?"'),
    "forward_all": N_('select-all for the objects, e.g. "Select every … {subject} …"'),
    "reverse_all": N_('select-all for the subjects, e.g. "Select every … {object} …"'),
    "forward_any": N_('a typed "Name one …" over the subject\'s objects'),
    "reverse_any": N_('a typed "Name one …" over the object\'s subjects'),
    "year": N_('for a full date, "In which year did {subject} …?"'),
    "event": N_('the event without its date, e.g. "{subject} lands on the Moon"'),
}


@dataclass(frozen=True)
class Refusal:
    reason: str  # a Said, so `worded` can say it in the interface's language
    fix: str = ""
    template: str | None = None  # the template whose absence is the reason, if that is all

    def __str__(self) -> str:
        return f"{self.reason}: {self.fix}" if self.fix else self.reason


def missing(relation: Relation, template: str) -> Refusal:
    return Refusal(
        said(
            N_("relation '{relation}' has no `{template}` template"),
            relation=relation.id,
            template=template,
        ),
        said(
            N_("add `{template}:` ({use})"),
            template=template,
            use=Said(TEMPLATE_USE.get(template, N_("a template"))),
        ),
        template,
    )


# What an open relation cannot prove false, each as a whole sentence (a translation words
# each in its own way); a `what` not listed here is shown as the caller gives it.
_NOT_CLOSED = {
    "a wrong option": N_("relation '{relation}' is open, so nothing proves a wrong option false"),
    "an option": N_("relation '{relation}' is open, so nothing proves an option false"),
    "a false statement": N_(
        "relation '{relation}' is open, so nothing proves a false statement false"
    ),
    "another answer": N_("relation '{relation}' is open, so nothing proves another answer false"),
}


def not_closed(relation: Relation, what: str = "a wrong option") -> Refusal:
    message = _NOT_CLOSED.get(what)
    reason = (
        said(message, relation=relation.id)
        if message is not None
        else Said(
            "relation '{relation}' is open, so nothing proves {what} false",
            relation=relation.id,
            what=what,
        )
    )
    return Refusal(
        reason,
        said(
            N_(
                "set `closed: true` if the pack's facts of this relation list every value the "
                "source gives for it"
            )
        ),
    )


def too_few_wrong(relation: Relation, key: Value, found: int, needed: int) -> Refusal:
    """Too few wrong options that play the key's role and that the bank proves false: what
    kind of value to add, as the distractor rules (`distractors.alike`) choose them."""
    reason = Said.ngettext(
        "needs one wrong option the bank proves false; found {found}",
        "needs {n} wrong options the bank proves false; found {found}",
        needed,
        n=needed,
        found=found,
    )
    fix: Said
    if isinstance(key, Entity):
        like = [said(N_("type `{type}`"), type=key.type)]
        if key.group:
            like.append(said(N_("group `{group}`"), group=key.group))
        if key.attributes:
            like.append(
                said(
                    N_("attributes {attributes}"),
                    attributes=", ".join(f"`{a}`" for a in key.attributes),
                )
            )
        kinds = like[0]
        for more in like[1:]:
            kinds = said(N_("{kinds} and {more}"), kinds=kinds, more=more)
        fix = said(
            N_(
                "add an entity of {kinds} that relation '{relation}' does not hold for (an "
                "entity used only as a wrong option needs no fact)"
            ),
            kinds=kinds,
            relation=relation.id,
        )
    elif isinstance(key, Number) and key.approx:
        reason = said(
            N_(
                "{reason} (an approximate figure's wrong options are other approximate figures "
                "of the same quantity: numbers near it cannot be proven false)"
            ),
            reason=reason,
        )
        fix = said(
            N_("add facts with other approximate figures {quantity}, or give the exact figure"),
            quantity=_quantity(relation),
        )
    elif isinstance(key, Number):
        fix = said(
            N_("add facts with other figures {quantity}, written alike (words or digits)"),
            quantity=_quantity(relation),
        )
    else:
        assert isinstance(key, When)
        fix = said(
            N_("add facts of relation '{relation}' with dates near {date}"),
            relation=relation.id,
            date=key.display,
        )
    return Refusal(reason, fix)


def _quantity(relation: Relation) -> Said:
    if relation.unit:
        return said(N_("of the same unit (`unit: {unit}`)"), unit=relation.unit)
    return said(
        N_("in relation '{relation}' (or give it a `unit` shared with other relations)"),
        relation=relation.id,
    )
