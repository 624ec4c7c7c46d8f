"""The options of a question, answered with keys 1–9, arrows, space and Enter, or the mouse.

One widget serves three ways of answering: pick one (choice, true/false,
evidence), select all that apply (multi: space or a digit toggles, Enter
submits) and put in order (order: shift+↑/↓ or [ ] move the highlighted item,
Enter submits). It only reports the response; the Session grades it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.lang import N_, _
from quiz.tui.literal import literal

if TYPE_CHECKING:  # (only a type here: the first question's frame does without its module)
    from quiz.question import Response

Mode = Literal["single", "multi", "order"]
MAX_KEY = 9  # digits answer the first nine options


def digit_keys(options: int) -> str:
    """The digits that answer `options` options, as a hint names them: "1–3" (never "1–9"
    under three options), "1" for one."""
    last = min(options, MAX_KEY)
    return "1" if last <= 1 else f"1–{last}"


def key_hint(hint: str, options: int) -> str:
    """A kind's key hint (quiz.kinds, written for any number of options) for this question."""
    return hint.replace("1–9", digit_keys(options)) if options else hint


class AnswerList(OptionList):
    """The options. Enter is `submit` here, not OptionList's `select`: OptionList selects an
    option on a click too (OptionSelected), and a click does not submit (see `_clicked`)."""

    BINDINGS = [
        Binding("enter", "submit", N_("Answer"), show=False),
        *(Binding(str(n), f"digit({n})", show=False) for n in range(1, MAX_KEY + 1)),
        Binding("space", "toggle_pick", N_("Toggle"), show=False),
        Binding("shift+up,left_square_bracket", "move(-1)", N_("Move up"), key_display="⇧↑/["),
        Binding("shift+down,right_square_bracket", "move(1)", N_("Move down"), key_display="⇧↓/]"),
    ]

    @dataclass
    class Answered(Message):
        response: Response

    # Enter within this long of a question appearing, before any other key on it, is the
    # tail of the last answer's key press (a habit from practice, where Enter goes on),
    # never a choice of this question.
    SETTLE = 0.4

    def __init__(
        self, options: tuple[str, ...], mode: Mode, *, preselect: bool = True, **kwargs: object
    ) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.texts = list(options)
        self.mode: Mode = mode
        self.order = list(range(len(options)))  # order mode: option index at each position
        self.picked: set[int] = set()
        self.preselect = preselect  # False in an exam: Enter alone chooses nothing
        self._shown = time.monotonic()
        self._touched = False  # a tick, a move or a digit: an Enter after it is meant
        self._render_options()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            return self.mode == "order"
        if action == "toggle_pick":
            return self.mode == "multi"
        return True

    def _render_options(self, keep: int | None = None) -> None:
        rows = []
        for pos, index in enumerate(self.order):
            mark = ""
            if self.mode == "multi":
                mark = "[x] " if index in self.picked else "[ ] "
            rows.append(Option(literal(f"{pos + 1}. {mark}{self.texts[index]}")))
        highlighted = self.highlighted if keep is None else keep
        self.clear_options()
        self.add_options(rows)
        if highlighted is None and (self.preselect or self.mode == "order"):
            highlighted = 0
        self.highlighted = highlighted

    def action_digit(self, n: int) -> None:
        self._touched = True
        pos = n - 1
        if pos >= len(self.texts):
            self.app.bell()
            return
        if self.mode == "single":
            self.post_message(self.Answered(pos))
        elif self.mode == "multi":
            self.highlighted = pos
            self.action_toggle_pick()
        else:
            self.highlighted = pos

    def action_toggle_pick(self) -> None:
        self._touched = True
        if self.highlighted is None:
            return
        index = self.order[self.highlighted]
        self.picked ^= {index}
        self._render_options()

    def action_move(self, step: int) -> None:
        self._touched = True
        pos = self.highlighted
        if pos is None or not 0 <= pos + step < len(self.order):
            return
        self.order[pos], self.order[pos + step] = self.order[pos + step], self.order[pos]
        self._render_options(keep=pos + step)

    def action_submit(self) -> None:
        """Enter: submit."""
        if not self._touched and time.monotonic() - self._shown < self.SETTLE:
            return
        if self.mode == "single" and self.highlighted is None:
            keys = digit_keys(len(self.texts))
            self.notify(
                _("Choose an option first: {keys}, or ↑ ↓ then Enter.").format(keys=keys),
                severity="warning",
            )
            return
        if self.mode == "single":
            if self.highlighted is not None:
                self.post_message(self.Answered(self.highlighted))
        elif self.mode == "multi":
            if not self.picked:
                keys = digit_keys(len(self.texts))
                self.notify(
                    _("Tick at least one option first (Space or {keys}).").format(keys=keys),
                    severity="warning",
                )
                return
            self.post_message(self.Answered(tuple(sorted(self.picked))))
        else:
            self.post_message(self.Answered(tuple(self.order)))

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        """A mouse click (OptionList highlights the option clicked and selects it): pick
        (single), toggle (multi) or highlight (order). A tick or a new order is submitted
        with Enter, as from the keyboard."""
        event.stop()  # the list's own business: the screen hears Answered
        self.highlighted = clicked = event.option_index
        if self.mode == "single":
            self.post_message(self.Answered(clicked))
        elif self.mode == "multi":
            self.action_toggle_pick()
