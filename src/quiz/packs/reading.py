"""Reading a file a pack names, without trusting what it is.

A pack and its sources come from people: a path may name a named pipe (reading
it waits forever), a device, a folder or a file of gigabytes. Every read of a
source goes through here, so each is refused at once with a reason. Kept free
of heavy imports: the pack cache uses it on every start.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# A source is prose a class reads: a long book is 1-2 MiB. Past this, quote searches and the
# per-sentence work of `quiz new` and `quiz check` take long and memory grows many times the
# file, so a larger file is refused unread (and a skeleton quoting it would pass the pack limit).
MAX_SOURCE_BYTES = 4 * 2**20


class Unreadable(Exception):
    """Why a file was not read: a phrase that follows "cannot read FILE: "."""


class NotRegular(Unreadable):
    """The path names a pipe, a device or a folder: nothing a pack can be made of."""


def read_capped(path: Path, limit: int = MAX_SOURCE_BYTES, what: str = "a source") -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else Unreadable.

    Opened without blocking and checked through the open descriptor, so a named pipe, a
    device or a folder named as a source is refused at once instead of hanging or reading
    forever, and what is read is what was checked."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(f"it is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise Unreadable(_too_large(info.st_size, limit, what))
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise Unreadable(exc.strerror or str(exc)) from None
    if len(data) > limit:  # it grew since
        raise Unreadable(_too_large(len(data), limit, what))
    return data


def _too_large(size: int, limit: int, what: str) -> str:
    return f"it is {size / 2**20:.1f} MiB; {what} may be at most {limit // 2**20} MiB"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file of any kind quiz reads"
