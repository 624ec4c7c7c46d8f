"""Which window holds an open sitting: a name for it, and whether it is gone.

Light to import (the standard library only): every run names its window when its services
are made, before the store's modules load.
"""

from __future__ import annotations

import os
import socket
import uuid

LEASE = 120.0  # seconds an open sitting stays held by a window that has gone quiet


def new_holder() -> str:
    """A name for this window: host/pid/random. Several windows of one process (tests, a
    server's tabs) differ by the random part; a window on this host whose process is gone
    has let go (see `gone`), so a closed tab or a killed terminal is resumed at once."""
    return f"{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:12]}"


def gone(holder: str) -> bool:
    """The holder is a process of this host that has ended (its lease need not run out)."""
    host, _, rest = holder.partition("/")
    pid_text = rest.partition("/")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False  # another computer's window: only its lease can tell
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's
        return False
    return _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed child not yet reaped by its parent still answers kill(0): it is gone all the
    same (Linux says so in /proc; elsewhere it counts as alive until reaped)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rpartition(")")[2].split()[0] == "Z"
    except (OSError, IndexError):
        return False
