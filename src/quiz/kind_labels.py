"""The question kinds by name, in their order, with the label the home screen and help give
each and whether it asks for recall: the part of the kinds registry (quiz.kinds) that needs
no question type.

quiz.kinds builds its table from this one and adds each kind's key type; the home screen's
form reads only this, so its first frame does not import the questions, their grading and the
wording layer behind them (a tenth of the time to that frame).
"""

from __future__ import annotations

from quiz.lang import N_, _

# name: (label in English, translated by kind_label; recall: the player must produce or pick
# the fact, not only judge a statement)
KIND_LABELS: dict[str, tuple[str, bool]] = {
    "choice": (N_("Multiple choice"), True),
    "true_false": (N_("True or false"), False),
    "typed": (N_("Typed answer"), True),
    "number": (N_("Number"), True),
    "multi": (N_("Select all that apply"), True),
    "order": (N_("Time order"), True),
    "evidence": (N_("Which sentence proves it?"), False),
}


def kind_label(kind: str) -> str:
    """A kind's label in the interface's language (the table holds the English, marked)."""
    return _(KIND_LABELS[kind][0])
