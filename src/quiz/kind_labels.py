"""The question kinds by name, in their order, with the label the home screen and help give
each and whether it asks for recall: the part of the kinds registry (quiz.kinds) that needs
no question type.

quiz.kinds builds its table from this one and adds each kind's key type; the home screen's
form reads only this, so its first frame does not import the questions, their grading and the
wording layer behind them (a tenth of the time to that frame).
"""

from __future__ import annotations

# name: (label, recall: the player must produce or pick the fact, not only judge a statement)
KIND_LABELS: dict[str, tuple[str, bool]] = {
    "choice": ("Multiple choice", True),
    "true_false": ("True or false", False),
    "typed": ("Typed answer", True),
    "number": ("Number", True),
    "multi": ("Select all that apply", True),
    "order": ("Time order", True),
    "evidence": ("Which sentence proves it?", False),
}
