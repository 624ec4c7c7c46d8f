"""The user's data folder, where progress, packs, screenshots and the outbox live.

`QUIZ_DATA_DIR` moves it (tests, a shared machine); else the platform's own place.
On Linux the folders are worked out as platformdirs does, without importing it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _xdg(variable: str, fallback: str) -> Path | None:
    """On Linux, the folder platformdirs gives (the XDG variable, else its fallback under the
    home folder) worked out here: importing platformdirs costs every start a few
    milliseconds (a test checks both agree). None elsewhere: platformdirs knows best."""
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    base = os.environ.get(variable, "").strip() or os.path.expanduser(fallback)
    return Path(base) / "quiz"


def settings_file() -> Path:
    """The settings file: `QUIZ_CONFIG_DIR`/settings.json, else in the platform's config
    folder (every start reads the interface's remembered language from it)."""
    override = os.environ.get("QUIZ_CONFIG_DIR")
    if override:
        return Path(override) / "settings.json"
    folder = _xdg("XDG_CONFIG_HOME", "~/.config")
    if folder is not None:
        return folder / "settings.json"
    import platformdirs

    return platformdirs.user_config_path("quiz") / "settings.json"


def data_dir() -> Path:
    override = os.environ.get("QUIZ_DATA_DIR")
    if override:
        return Path(override)
    folder = _xdg("XDG_DATA_HOME", "~/.local/share")
    if folder is not None:
        return folder
    import platformdirs

    return platformdirs.user_data_path("quiz")
