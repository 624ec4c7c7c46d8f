"""Footers that speak the interface's language, and one that can come after the first frame.

Key bindings are declared at import time, before a process knows its language (a served
tab is forked from a process that imported the game before any browser asked), so their
descriptions are English, marked for the catalogue with N_(), and translated here, where
they are shown.

Textual's Footer lists the screen's keys once the screen says its bindings changed (a focus
change does). Mounted later (inside `textual.lazy.Lazy`, so that its styles and its keys do
not delay a screen's first frame), it would wait for the next such change with an empty
bar; LateFooter asks the screen for its bindings as soon as it is up.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from quiz.lang import _


class QuizFooter(Footer):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description) if widget.description else ""
                if isinstance(widget.tooltip, str) and widget.tooltip:
                    widget.tooltip = _(widget.tooltip)
            yield widget


class LateFooter(QuizFooter):
    def on_mount(self) -> None:
        # Footer's own on_mount (run after this one) subscribes to the screen's bindings:
        # ask for them once it has.
        self.call_later(self.screen.refresh_bindings)
