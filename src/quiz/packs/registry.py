"""Where packs live and how one is found by id or path.

Packs come from three places, in this order: the ones bundled with the program,
the user's data folder (platformdirs), and any folder given with --packs. A
broken pack is reported and skipped; it never stops the others from loading.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quiz.lang import _
from quiz.packs import cache
from quiz.packs.errors import PackError, Problem, display_path
from quiz.packs.limits import MAX_BYTES
from quiz.packs.model import Pack
from quiz.packs.places import DEFAULT_PACK, bundled_dir, packs_in, user_dir
from quiz.packs.reading import NotRegular, Unreadable, read_capped


def pack_files(extra: list[Path] | None = None) -> list[Path]:
    """Every *.yaml / *.yml pack file in the known folders (not their sources/ subfolders)."""
    return list(_pack_files(extra))


def _pack_files(extra: list[Path] | None = None) -> Iterator[Path]:
    """The same, one folder at a time: a search that stops early never looks further."""
    for folder in _folders(extra):
        if folder.is_file():
            yield folder
        elif folder.is_dir():
            yield from packs_in(folder)


def _folders(extra: list[Path] | None) -> Iterator[Path]:
    yield bundled_dir()
    yield user_dir()
    yield from extra or []


def not_installed(pack: Pack) -> str | None:
    """The folder to name with --packs for a pack given by its path, as the user would type
    it; None for a bundled or installed pack (every command finds those)."""
    folder = Path(pack.path).resolve().parent
    if folder in (bundled_dir().resolve(), user_dir().resolve()):
        return None
    return display_path(folder)


def load(path: Path) -> Pack:
    """Load a pack through the parsed-pack cache."""
    try:
        data = read_capped(path, MAX_BYTES, "a pack")
    except NotRegular as exc:  # a named pipe would hang the loader's read
        said = _("cannot read file: {why}").format(why=exc)
        raise PackError([Problem(display_path(path), 1, 1, said)]) from None
    except Unreadable:
        data = b""  # the loader says what is wrong
    if data:
        hit = cache.get(path, data)
        if hit is not None:
            return hit
    from quiz.packs.loader import load_pack  # YAML and validation: only on a cache miss

    pack = load_pack(path)
    if data:
        cache.put(pack, data)
    return pack


@dataclass
class Catalog:
    packs: list[Pack] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    broken: list[Path] = field(default_factory=list)  # pack files that did not load
    # Why a broken pack was left out when checking its file alone would not say (an id clash).
    why: dict[Path, str] = field(default_factory=dict)

    def find(self, spec: str) -> Pack | None:
        for pack in self.packs:
            if pack.id == spec:
                return pack
        return None


def catalog(extra: list[Path] | None = None) -> Catalog:
    """Load every known pack; collect problems of the broken ones instead of stopping."""
    found = Catalog()
    seen: dict[str, str] = {}
    for path in pack_files(extra):
        try:
            pack = load(path)
        except PackError as exc:
            found.problems.extend(exc.problems)
            found.broken.append(path)
            continue
        if pack.id in seen:
            found.broken.append(path)
            found.why[path] = clash(pack.id, seen[pack.id])
            found.problems.append(Problem(display_path(path), 1, 1, found.why[path]))
            continue
        seen[pack.id] = display_path(path)
        found.packs.append(pack)
    return found


def clash(pack_id: str, first: str) -> str:
    """Why a second pack with an id is not loaded (the first found, by folder and name, is)."""
    return _("pack id {id} is also the id of {first}: each pack needs its own id").format(
        id=repr(pack_id), first=first
    )


def resolve(spec: str | None, extra: list[Path] | None = None) -> Pack:
    """A pack by path or id (default: the bundled lithuania-nato); PackError if it cannot load."""
    spec = spec or DEFAULT_PACK
    path = Path(spec)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return load(path)
    for candidate in _pack_files(extra):
        if candidate.stem == spec:
            pack = load(candidate)
            if pack.id == spec:
                return pack
    found = catalog(extra)
    match = found.find(spec)
    if match is None:
        known = ", ".join(p.id for p in found.packs) or _("none")
        said = _("no pack with id {id} (known packs: {known})").format(id=repr(spec), known=known)
        raise PackError([Problem(spec, 0, 0, said)])
    return match
