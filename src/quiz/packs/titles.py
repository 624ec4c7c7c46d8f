"""The packs' ids and titles, remembered for the home screen's first frame.

The home screen's first frame names the player's pack. Loading the packs to learn its title
imports the pack model and reads every pack (tens of milliseconds before anything is drawn),
so the titles of the last complete catalog are kept in a small file beside the parsed-pack
cache, keyed on what they were read from: every pack file in the known folders (path,
modification time, size), every source file of those packs, the interface's language, the
program's own files (quiz.packs.places.package_stamp) and the --packs given. Any change to
one of those is a miss, and the home screen loads the packs as before. A catalog with a
broken pack is not remembered (a source mended later would add a pack without changing any
pack file). Reading or writing the file never fails a start: a damaged file or a folder that
cannot be written is a miss.

Nothing here imports the pack model, YAML or Textual: this runs before the first frame.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.packs.places import cache_dir, keep_json, memory_key, stamp_of

if TYPE_CHECKING:
    from quiz.packs.registry import Catalog

FILE = "titles.json"
FORMAT = 1


def _key(extra: list[Path] | None, language: str) -> dict[str, Any] | None:
    found = memory_key("titles", extra, language)
    return None if found is None else {"format": FORMAT, **found}


def cached(extra: list[Path] | None, language: str) -> list[tuple[str, str]] | None:
    """The (id, title) of every pack of the catalog, in its order, as remembered for exactly
    these pack files, sources, language and version; None on a miss (or with caching off)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / FILE, encoding="utf-8") as fh:
            kept = json.load(fh)
        key = _key(extra, language)
        if key is None or kept["key"] != key:
            return None
        for stamp in kept["sources"]:
            if stamp_of(stamp[0]) != stamp:
                return None
        titles = [(str(pid), str(title)) for pid, title in kept["titles"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # no file yet, a damaged one, a pack or source gone: load the packs
    return titles


def remember(catalog: Catalog, extra: list[Path] | None, language: str) -> None:
    """Keep the catalog's titles for the next start's first frame (when it loaded whole, and
    only if they changed). Never raises: the file only saves time."""
    folder = cache_dir()
    key = _key(extra, language)
    if folder is None or catalog.broken or key is None:
        return
    try:
        sources = []
        for pack in catalog.packs:
            here = Path(pack.path).resolve().parent
            sources += [stamp_of(str(here / s.file)) for s in pack.sources.values() if s.file]
        content = {
            "key": key,
            "sources": sources,
            "titles": [[p.id, p.title] for p in catalog.packs],
        }
        keep_json(folder, FILE, content)
    except OSError:
        pass  # a cache folder that cannot be written: the next start loads the packs
