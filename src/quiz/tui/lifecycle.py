"""Whether Textual has begun taking a widget down.

Textual refuses to mount the children of a widget it is removing (its screen was dismissed,
or the app is quitting), yet still runs that widget's on_mount and the handlers of messages
already queued for it: a widget that looks for its children there finds none (NoMatches). The
home form, mounted whenever the packs have loaded on a thread, met this when the player left
(a test ended, in full test runs) in the moment it was being drawn.
"""

from __future__ import annotations

from textual.dom import DOMNode


def being_removed(node: DOMNode) -> bool:
    """True once Textual is removing `node` or quitting the app: its children may never have
    been mounted, and there is nothing left to fill in. These are the flags Textual's own
    Widget.mount checks before it refuses (it has no public name for them)."""
    return node._pruning or node._closing or not node.is_attached
