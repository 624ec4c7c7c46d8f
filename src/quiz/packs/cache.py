"""A parsed-pack cache keyed by the bytes of the pack and of its sources.

Validating a large pack costs a YAML parse plus quote searches; a warm start
reads one pickle instead. The cache lives in the user's cache folder (only this
user writes there), is keyed by SHA-256 of the pack file and of the code that
builds packs (every module the loader imports, found from the import statements:
a changed loader never serves results of the old one, whatever the version says),
and re-hashes every source file so an edited source is never served stale. Two
copies of one pack in two folders share an entry: a hit is given the path it was
loaded from now (and its warnings the file names as seen from here), so no
command names the other copy. Any failure to read or write it is ignored: the
cache only saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import BinaryIO

from quiz import __version__
from quiz.packs.errors import display_path
from quiz.packs.model import Pack
from quiz.packs.places import cache_dir
from quiz.packs.reading import read_capped

_CACHE_FORMAT = 3  # 3: the warnings of a pack in an entry name their files by absolute path


@cache
def code_digest() -> str:
    """The code that decides what a pack file becomes (`code_files`), as one key.

    Reading and hashing that code is most of what a warm start spends on the pack cache, so
    the key is kept beside the entries (`MEMO`) with a stamp of the whole package: every
    file's path, size and modification time. A start whose stamp matches takes the key from
    there after listing the package, without reading it. Any difference (an edited, added
    or removed file, another version or install), a file changed in the last few seconds
    (its time may not tell two quick edits apart), a damaged or unreadable memo: the key is
    computed from the files, as always."""
    folder = cache_dir()
    stamp = _stamp() if folder is not None else None
    memo = folder / MEMO if folder is not None else None
    if stamp is not None and memo is not None:
        try:
            kept = json.loads(memo.read_text(encoding="utf-8"))
            if kept["stamp"] == stamp and isinstance(kept["digest"], str):
                return kept["digest"]
        except Exception:  # noqa: BLE001, S110 - no memo, or a damaged one: a miss
            pass
    digest = _content_digest()
    if stamp is not None and memo is not None:
        _write_memo(memo, {"stamp": stamp, "digest": digest})
    return digest


MEMO = "code-digest.json"
SETTLED = 3.0  # seconds: a file changed more recently than this is read, never trusted


def _content_digest() -> str:
    root = Path(os.path.abspath(__file__)).parents[1]
    h = hashlib.sha256(f"{__version__}|{_CACHE_FORMAT}".encode())
    for path, data in code_files().items():
        h.update(f"\0{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()[:16]


def _stamp() -> str | None:
    """Every file of the quiz package (a superset of `code_files`) by path, size and
    modification time, with the version and where the package is, as one string; None when
    a file changed within SETTLED seconds or the package cannot be listed."""
    import time

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    recent = time.time_ns() - int(SETTLED * 1e9)
    h = hashlib.sha256(f"{__version__}|{_CACHE_FORMAT}|{root}".encode())
    todo = [root]
    try:
        while todo:
            folder = todo.pop()
            with os.scandir(folder) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            todo.append(entry.path)
                        continue
                    if entry.name.endswith(".pyc"):
                        continue
                    st = entry.stat()
                    if st.st_mtime_ns > recent:
                        return None
                    h.update(f"\0{entry.path}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    except OSError:
        return None
    return h.hexdigest()


def _write_memo(memo: Path, content: dict[str, str]) -> None:
    """Write the memo whole or not at all (a folder that cannot be written only costs time)."""
    import tempfile

    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=memo.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(content, fh)
        os.replace(tmp, memo)
    except OSError:
        pass


def code_files() -> dict[Path, bytes]:
    """Every module of quiz.packs (and of any subpackage: the loader, the model, the cache
    itself), every quiz module they import, directly or not, and the data files beside any
    of them (the pack schema), with their bytes, in a fixed order. Found by reading the
    import statements rather than kept in a list, so a module the loader comes to import
    counts from the day it does; read with a regular expression rather than parsed (a
    parse of these files costs tens of milliseconds, on every start that reads the cache).
    Plain strings for paths: this runs on every start that reads the cache."""
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    listed: dict[str, frozenset[str]] = {}  # a folder's file names, listed once

    def names_in(folder: str) -> frozenset[str]:
        if folder not in listed:
            try:
                listed[folder] = frozenset(os.listdir(folder))
            except OSError:  # no such folder: quiz.a.b where quiz.a is a module
                listed[folder] = frozenset()
        return listed[folder]

    todo = sorted(str(p) for p in Path(here).rglob("*.py"))
    found: dict[str, bytes] = {}
    modules: set[str] = set()  # every quiz module name met so far, resolved once
    while todo:
        path = todo.pop()
        if path in found:
            continue
        with open(path, "rb") as fh:
            data = found[path] = fh.read()
        new = _imported(data) - modules
        modules |= new
        for module in sorted(new):
            folder = os.path.join(root, *module.split(".")[1:])
            parent, last = os.path.split(folder)
            if f"{last}.py" in names_in(parent):
                todo.append(f"{folder}.py")
            elif "__init__.py" in names_in(folder):
                todo.append(os.path.join(folder, "__init__.py"))
    for folder in {os.path.dirname(p) for p in found}:
        for name in names_in(folder):
            path = os.path.join(folder, name)
            if not name.endswith((".py", ".pyc")) and os.path.isfile(path):
                with open(path, "rb") as fh:
                    found[path] = fh.read()
    order = sorted(found, key=lambda p: os.path.relpath(p, root).split(os.sep))
    return {Path(p): found[p] for p in order}


# `from quiz.a import b, c` (names in parentheses may span lines) or `import quiz.a, quiz.b
# as d`, at any indent: an import inside a function counts as much as one at the top.
_IMPORT = re.compile(
    rb"^[ \t]*(?:from[ \t]+(quiz(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)"
    rb"|import[ \t]+(quiz\b[^\n]*))",
    re.MULTILINE,
)
_COMMENT = re.compile(rb"#[^\n]*")


def _imported(source: bytes) -> set[str]:
    """The names of the quiz modules (and packages) a module's source imports: importing
    quiz.a.b runs quiz/__init__.py and quiz/a/__init__.py too; `from quiz.a import b`
    names quiz.a.b as well, in case b is a module (a name that is not is never found)."""
    dotted: set[bytes] = set()
    for m in _IMPORT.finditer(source):
        if m[1]:
            names = _COMMENT.sub(b"", m[2]).strip(b"() \t\r").split(b",")
            dotted.add(m[1])
            dotted.update(m[1] + b"." + n.split()[0] for n in names if n.split())
        else:  # import quiz.a.b as c, quiz.d
            dotted.update(n.split()[0] for n in _COMMENT.sub(b"", m[3]).split(b",") if n.split())
    found: set[str] = set()
    for module in dotted:
        parts = module.decode("ascii", "replace").split(".")
        if parts[0] == "quiz":
            found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return found


def _entry(pack_bytes: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(pack_bytes).hexdigest()
    try:
        code = code_digest()
    except OSError:
        return None
    # a pack's warnings are worded in the interface's language: one entry per language
    from quiz.lang import language

    spoken = "" if language() == "en" else f"-{language()}"
    return folder / f"{digest}-{code}{spoken}.pickle"


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
    """The unpickled pack as loaded from `path`, its warnings naming files as the user would
    type them here (with the lookup tables it was cached with)."""
    warnings = tuple(replace(w, file=display_path(Path(w.file))) for w in pack.warnings)
    return pack.moved(str(path), warnings)


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
    """Pickle a copy of the pack with its warnings' files made absolute (a hit in another
    working folder names them from there); the caller's pack is left as it is."""
    absolute = tuple(replace(w, file=os.path.abspath(w.file)) for w in pack.warnings)
    pickle.dump(pack.moved(pack.path, absolute), fh, protocol=pickle.HIGHEST_PROTOCOL)
