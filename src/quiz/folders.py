"""The user's data folder, where progress, packs, screenshots and the outbox live.

`QUIZ_DATA_DIR` moves it (tests, a shared machine); else the platform's own place.
platformdirs is imported only when the folder is asked for: a few milliseconds at start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def settings_file() -> Path:
    """The settings file: `QUIZ_CONFIG_DIR`/settings.json, else in the platform's config folder.
    On Linux that folder is worked out here as platformdirs does (XDG_CONFIG_HOME, else
    ~/.config): every start reads the interface's remembered language from this file, and
    importing platformdirs would cost `quiz --help` a few milliseconds."""
    override = os.environ.get("QUIZ_CONFIG_DIR")
    if override:
        return Path(override) / "settings.json"
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ:
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return Path(base) / "quiz" / "settings.json"
    import platformdirs

    return platformdirs.user_config_path("quiz") / "settings.json"


def data_dir() -> Path:
    override = os.environ.get("QUIZ_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_data_path("quiz")
