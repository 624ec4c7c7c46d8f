"""The user's data folder, where progress, packs, screenshots and the outbox live.

`QUIZ_DATA_DIR` moves it (tests, a shared machine); else the platform's own place.
platformdirs is imported only when the folder is asked for: a few milliseconds at start.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("QUIZ_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_data_path("quiz")
