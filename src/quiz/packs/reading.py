"""Reading a file a pack names, without trusting what it is.

A pack and its sources come from people: a path may name a named pipe (reading
it waits forever), a device, a folder or a file of gigabytes. Every read of a
source goes through here, so each is refused at once with a reason. Kept free
of heavy imports: the pack cache uses it on every start.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from quiz.lang import N_, _

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
        raise Unreadable(os_reason(exc)) from None
    info = os.fstat(fd)  # before fdopen, which refuses a folder with an IsADirectoryError
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise NotRegular(_kind(info.st_mode))
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > limit:
            raise Unreadable(_too_large(info.st_size, limit, what))
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise Unreadable(os_reason(exc)) from None
    if len(data) > limit:  # it grew since
        raise Unreadable(_too_large(len(data), limit, what))
    return data


def _too_large(size: int, limit: int, what: str) -> str:
    if what == "a pack":
        said = _("it is {size} MiB; a pack may be at most {limit} MiB")
    else:
        said = _("it is {size} MiB; a source may be at most {limit} MiB")
    return said.format(size=f"{size / 2**20:.1f}", limit=limit // 2**20)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("it is a folder, not a regular file")
    if stat.S_ISFIFO(mode):
        return _("it is a named pipe (FIFO), not a regular file")
    if stat.S_ISSOCK(mode):
        return _("it is a socket, not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a regular file")
    return _("it is not a file of any kind quiz reads, not a regular file")


# The system's reasons a file cannot be opened, as Linux words them (strerror): said in the
# interface's language when the catalogue has them, else as the system says.
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EPERM: N_("Operation not permitted"),
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in the interface's language where we know the words."""
    said = _OS_REASONS.get(exc.errno or 0)
    if said is not None and exc.strerror == said:
        return _(said)
    return exc.strerror or str(exc)
