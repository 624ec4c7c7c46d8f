"""Where packs live, with nothing heavy imported: the folders, the default pack's id and the
cache folder. The home screen's first frame lists the pack files (quiz.packs.titles) before
the pack model, YAML or the loader are imported; quiz.packs.registry builds on this."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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


def cache_dir() -> Path | None:
    """The parsed-pack cache's folder (None: caching is off, QUIZ_NO_CACHE)."""
    if os.environ.get("QUIZ_NO_CACHE"):
        return None
    override = os.environ.get("QUIZ_CACHE_DIR")
    if override:
        return Path(override) / "packs"
    import platformdirs

    return platformdirs.user_cache_path("quiz") / "packs"
