"""Where packs live, with nothing heavy imported: the folders, the default pack's id and the
cache folder. The home screen's first frame lists the pack files (quiz.packs.titles) before
the pack model, YAML or the loader are imported; quiz.packs.registry builds on this."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quiz.folders import data_dir

DEFAULT_PACK = "lithuania-nato"


def bundled_dir() -> Path:
    """The packs shipped in the wheel; in a source checkout, the repo's questions/ folder."""
    here = Path(__file__).resolve()
    installed = here.parents[1] / "questions"  # quiz/questions inside the wheel
    return installed if installed.is_dir() else here.parents[3] / "questions"


def user_dir() -> Path:
    return data_dir() / "packs"


def packs_in(folder: Path) -> list[Path]:
    """The pack files of one folder, by name."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def folders(extra: list[Path] | None) -> Iterator[Path]:
    """The places searched, in order: bundled, the user's, then any --packs folder or file."""
    yield bundled_dir()
    yield user_dir()
    yield from extra or []


def stamp_of(path: str) -> list[Any]:
    """A file as a memory keys it: its path, modification time and size."""
    st = os.stat(path)
    return [path, st.st_mtime_ns, st.st_size]


def pack_listing(extra: list[Path] | None) -> list[list[Any]]:
    """Every pack file the catalog would read, in its order, with its stamp."""
    found: list[list[Any]] = []
    for folder in folders(extra):
        if folder.is_file():
            found.append(stamp_of(str(folder)))
        elif folder.is_dir():
            found += [stamp_of(str(p)) for p in packs_in(folder)]
    return found


def memory_key(salt: str, extra: list[Path] | None, language: str) -> dict[str, Any] | None:
    """What every memory of a first frame is keyed on, beside its own parts: the program's own
    files, the interface's language, the --packs given and every pack file with its stamp.
    None (a miss) when the program's files cannot be vouched for (one just changed) or the
    pack folders cannot be listed."""
    code = package_stamp(salt)
    if code is None:
        return None
    try:
        listing = pack_listing(extra)
    except OSError:
        return None
    return {
        "code": code,
        "language": language,
        "extra": [str(p) for p in extra or []],
        "packs": listing,
    }


SETTLED = 3.0  # seconds: a file changed more recently than this is read, never trusted


def package_stamp(
    salt: str = "", root: str | None = None, version: str | None = None
) -> str | None:
    """Every file of the quiz package (or of the one at `root`) by path, size and
    modification time, with the version, where the package is and `salt`, as one string:
    what a memory of the program's own output is keyed on (an edited module is a miss).
    None when a file changed within SETTLED seconds (its time may not tell two quick edits
    apart) or the package cannot be listed."""
    import hashlib
    import time

    if version is None:
        from quiz import __version__ as version
    if root is None:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    recent = time.time_ns() - int(SETTLED * 1e9)
    h = hashlib.sha256(f"{version}|{salt}|{root}".encode())
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


def keep_json(folder: Path, name: str, content: object) -> None:
    """Write a memory file whole or not at all, and only when it changed (the usual start
    writes nothing). Raises OSError when the folder cannot be written: the caller's memory
    then only costs time."""
    import contextlib
    import json
    import tempfile

    target = folder / name
    with contextlib.suppress(OSError, ValueError), open(target, encoding="utf-8") as fh:
        if json.load(fh) == content:
            return
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


def cache_dir() -> Path | None:
    """The parsed-pack cache's folder (None: caching is off, QUIZ_NO_CACHE)."""
    if os.environ.get("QUIZ_NO_CACHE"):
        return None
    override = os.environ.get("QUIZ_CACHE_DIR")
    if override:
        return Path(override) / "packs"
    import platformdirs

    return platformdirs.user_cache_path("quiz") / "packs"
