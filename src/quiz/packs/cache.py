"""A parsed-pack cache keyed by the bytes of the pack and of its sources.

Validating a large pack costs a YAML parse plus quote searches; a warm start
reads one pickle instead. The cache lives in the user's cache folder (only this
user writes there), is keyed by SHA-256 of the pack file and of the code that
builds packs (so a changed loader never serves results of the old one, whatever
the version says), and re-hashes every source file so an edited source is never
served stale. Two copies of one pack in two folders share an entry: a hit is
given the path it was loaded from now (and its warnings the file names as seen
from here), so no command names the other copy. Any failure to read or write
it is ignored: the cache only saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import BinaryIO

from quiz import __version__
from quiz.packs.errors import display_path
from quiz.packs.model import Pack
from quiz.packs.reading import read_capped

_CACHE_FORMAT = 3  # 3: the warnings of a pack in an entry name their files by absolute path


def cache_dir() -> Path | None:
    if os.environ.get("QUIZ_NO_CACHE"):
        return None
    override = os.environ.get("QUIZ_CACHE_DIR")
    if override:
        return Path(override) / "packs"
    import platformdirs

    return platformdirs.user_cache_path("quiz") / "packs"


@cache
def code_digest() -> str:
    """The code that decides what a pack file becomes: every module of quiz.packs (and any
    subpackage), the schema its key sets come from, and the text folding it uses."""
    h = hashlib.sha256(f"{__version__}|{_CACHE_FORMAT}".encode())
    here = Path(__file__).parent
    code = sorted([*here.rglob("*.py"), *here.rglob("*.json")])
    for path in [*code, here.parent / "text.py", here.parent / "safe.py"]:
        h.update(path.relative_to(here.parent).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _entry(pack_bytes: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(pack_bytes).hexdigest()
    try:
        code = code_digest()
    except OSError:
        return None
    return folder / f"{digest}-{code}.pickle"


def get(path: Path, pack_bytes: bytes) -> Pack | None:
    entry = _entry(pack_bytes)
    if entry is None:
        return None
    try:
        with entry.open("rb") as fh:
            pack = pickle.load(fh)  # noqa: S301 - our own file in the user's cache folder
        if not isinstance(pack, Pack):
            return None
        folder = path.parent
        for source in pack.sources.values():
            data = read_capped(folder / source.file)  # never a pipe that hangs
            if hashlib.sha256(data).hexdigest() != source.sha256:
                return None
        return _here(pack, path)
    except Exception:  # a stale or corrupt cache entry is simply a miss
        return None


def _here(pack: Pack, path: Path) -> Pack:
    """The unpickled pack (a private object, so set in place: rebuilding it would drop the
    indexes it was cached with) as loaded from `path`, its warnings naming files as the user
    would type them here."""
    object.__setattr__(pack, "path", str(path))
    if pack.warnings:
        warnings = tuple(replace(w, file=display_path(Path(w.file))) for w in pack.warnings)
        object.__setattr__(pack, "warnings", warnings)
    return pack


def put(pack: Pack, pack_bytes: bytes) -> None:
    entry = _entry(pack_bytes)
    if entry is None:
        return
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            _dump(pack, fh)
        os.replace(tmp, entry)
    except OSError:
        pass


def _dump(pack: Pack, fh: BinaryIO) -> None:
    """Pickle the pack with its warnings' files made absolute (a hit in another working
    folder names them from there), then give the caller's pack its warnings back."""
    warnings = pack.warnings
    absolute = tuple(replace(w, file=os.path.abspath(w.file)) for w in warnings)
    object.__setattr__(pack, "warnings", absolute)
    try:
        pickle.dump(pack, fh, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        object.__setattr__(pack, "warnings", warnings)
