"""Small user settings (the chosen theme), in the platform's config folder.

A missing or corrupt file gives the defaults and is never fatal: losing a
theme choice is better than refusing to start.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import platformdirs


def path() -> Path:
    override = os.environ.get("QUIZ_CONFIG_DIR")
    return (Path(override) if override else platformdirs.user_config_path("quiz")) / "settings.json"


def load() -> dict[str, Any]:
    try:
        data = json.loads(path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(**changes: Any) -> None:
    data = load() | changes
    target = path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass
