"""A footer that can come after the first frame.

Textual's Footer lists the screen's keys once the screen says its bindings changed (a focus
change does). Mounted later (inside `textual.lazy.Lazy`, so that its styles and its keys do
not delay a screen's first frame), it would wait for the next such change with an empty
bar; this one asks the screen for its bindings as soon as it is up.
"""

from __future__ import annotations

from textual.widgets import Footer


class LateFooter(Footer):
    def on_mount(self) -> None:
        # Footer's own on_mount (run after this one) subscribes to the screen's bindings:
        # ask for them once it has.
        self.call_later(self.screen.refresh_bindings)
