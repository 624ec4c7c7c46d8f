"""Writing the files of `quiz new` without surprises.

Every file is planned before any is written, so a refusal leaves nothing
behind; each is written to a temporary name beside it and renamed over the
target, so a symbolic link at the target is replaced, never written through
(it once overwrote a file outside the pack's folder), and a half-written
file is never left under the real name. What replaces an existing file is
reported, so nothing changes unsaid.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from quiz.lang import _


class WriteError(Exception):
    """Why a file cannot be written (one line, naming the path)."""


@dataclass(frozen=True)
class Planned:
    path: Path
    data: bytes
    replaces: bool  # a file (or a link) is there now and will be replaced


def kind_at(path: Path) -> str | None:
    """What is at the path, not following a symbolic link: None (nothing), "file", "link",
    "folder" or "other" (a pipe, a device, a socket)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:  # e.g. a file where a folder of the path should be
        raise WriteError(
            _("{path}: cannot use this path: {why}").format(path=path, why=_why(exc))
        ) from None
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) else "other"


def folder(path: Path, *, create: bool) -> None:
    """Make sure `path` is a folder to write into (or can be made one; made if `create`),
    or say why it cannot be."""
    for above in (path, *path.parents):
        try:
            if above.is_dir():
                break
        except OSError:
            pass
        if above.exists() or above.is_symlink():
            raise WriteError(
                _("{path} is a file, not a folder: name a folder to write into").format(path=above)
            )
    if not create:
        return
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(
            _("{path}: cannot create the folder: {why}").format(path=path, why=_why(exc))
        ) from None


def plan(
    path: Path, data: bytes, *, force: bool, same: bool = False, keep_same: bool = True
) -> Planned | None:
    """The write of `data` to `path`, None if the same bytes are there already (and
    `keep_same`); WriteError if something is in the way (a folder or a pipe always; a file
    or a link unless `force`)."""
    kind = kind_at(path)
    if kind is None:
        return Planned(path, data, replaces=False)
    if kind == "folder":
        raise WriteError(
            _("{path} is a folder: quiz new writes a file there (move the folder)").format(
                path=path
            )
        )
    if kind == "other":
        raise WriteError(
            _("{path} is not a regular file: quiz new will not replace it").format(path=path)
        )
    if kind == "file" and keep_same and _holds(path, data):
        return None
    if not force:
        what = _("a symbolic link; --force replaces the link, not what it points to")
        raise WriteError(
            _("{path} already exists ({why})").format(
                path=path, why=what if kind == "link" else same_note(same)
            )
        )
    return Planned(path, data, replaces=True)


def same_note(same: bool) -> str:
    return (
        _("it is the source, and its copy differs from it: --force rewrites it")
        if same
        else _("--force replaces it")
    )


def _why(exc: OSError) -> str:
    from quiz.packs.reading import os_reason

    return os_reason(exc)


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def write(planned: list[Planned]) -> None:
    """Write each planned file through a temporary name renamed over the target."""
    for p in planned:
        tmp = p.path.with_name(f".{p.path.name}.{os.getpid()}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(tmp, flags, 0o666)
            with os.fdopen(fd, "wb") as fh:
                fh.write(p.data)
            os.replace(tmp, p.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise WriteError(
                _("{path}: cannot write: {why}").format(path=p.path, why=_why(exc))
            ) from None
