"""The packs' ids and titles, remembered for the home screen's first frame.

The home screen's first frame names the player's pack. Loading the packs to learn its
title imports the pack model and reads every pack (tens of milliseconds before anything is
drawn), so the titles of the last complete catalog are kept in a small file beside the
parsed-pack cache, keyed on what they were read from: every pack file in the known folders
(path, modification time, size), every source file of those packs, the interface's language,
the program's version and the --packs given. Any change to one of those is a miss, and the
home screen loads the packs as before. A catalog with a broken pack is not remembered (a
source mended later would add a pack without changing any pack file). Reading or writing
the file never fails a start: a damaged file or a folder that cannot be written is a miss.

Nothing here imports the pack model, YAML or Textual: this runs before the first frame.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz import __version__
from quiz.packs.places import cache_dir, folders, packs_in

if TYPE_CHECKING:
    from quiz.packs.registry import Catalog

FILE = "titles.json"
FORMAT = 1


def _stat(path: str) -> list[Any]:
    st = os.stat(path)
    return [path, st.st_mtime_ns, st.st_size]


def _listing(extra: list[Path] | None) -> list[list[Any]]:
    """Every pack file the catalog would read, in its order, with its stamp."""
    found: list[list[Any]] = []
    for folder in folders(extra):
        if folder.is_file():
            found.append(_stat(str(folder)))
        elif folder.is_dir():
            found += [_stat(str(p)) for p in packs_in(folder)]
    return found


def _key(extra: list[Path] | None, language: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": __version__,
        "language": language,
        "extra": [str(p) for p in extra or []],
        "packs": _listing(extra),
    }


def cached(extra: list[Path] | None, language: str) -> list[tuple[str, str]] | None:
    """The (id, title) of every pack of the catalog, in its order, as remembered for exactly
    these pack files, sources, language and version; None on a miss (or with caching off)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / FILE, encoding="utf-8") as fh:
            kept = json.load(fh)
        if kept["key"] != _key(extra, language):
            return None
        for stamp in kept["sources"]:
            if _stat(stamp[0]) != stamp:
                return None
        titles = [(str(pid), str(title)) for pid, title in kept["titles"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # no file yet, a damaged one, a pack or source gone: load the packs
    return titles


def remember(catalog: Catalog, extra: list[Path] | None, language: str) -> None:
    """Keep the catalog's titles for the next start's first frame (when it loaded whole, and
    only if they changed). Never raises: the file only saves time."""
    folder = cache_dir()
    if folder is None or catalog.broken:
        return
    try:
        sources = []
        for pack in catalog.packs:
            here = Path(pack.path).resolve().parent
            sources += [_stat(str(here / s.file)) for s in pack.sources.values() if s.file]
        content = {
            "key": _key(extra, language),
            "sources": sources,
            "titles": [[p.id, p.title] for p in catalog.packs],
        }
        target = folder / FILE
        with contextlib.suppress(OSError, ValueError), open(target, encoding="utf-8") as fh:
            if json.load(fh) == content:
                return  # the usual start: nothing changed, nothing written
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(content, fh, ensure_ascii=False)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass  # a cache folder that cannot be written: the next start loads the packs
