"""Textual's own words that a player meets (its command palette's system commands and the
footer's palette key), marked for our catalogue: QuizApp and the footer translate them where
they are shown. A command a newer Textual adds is simply shown in English."""

from __future__ import annotations

from quiz.lang import N_

TEXTUAL = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
    N_("palette"),
    N_("Open the command palette"),
)
