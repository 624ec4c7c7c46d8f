"""argparse's own words, marked for our catalogue: `--help` and usage errors in the
interface's language (quiz.lang points argparse's `_` and `ngettext` at our catalogue).

argparse translates through gettext's global domain at call time; these are the messages a
player can meet (Python 3.11–3.13), so extraction puts them in quiz.pot with ours. A message
of a newer Python that is missing here is simply shown in English.
"""

from __future__ import annotations

from quiz.lang import N_, ngettext

ARGPARSE = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
)


def plurals(n: int) -> str:
    """argparse's one plural message (for extraction; argparse asks for it itself)."""
    return ngettext("expected %s argument", "expected %s arguments", n)
