"""Small per-user settings (the theme), in the platform's config folder.

A missing or corrupt file gives the defaults and is never fatal: losing a
theme choice is better than refusing to start. The app is given a Settings
object rather than finding the file itself, so a served browser tab can be
given one of its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def path() -> Path:
    from quiz.folders import settings_file

    return settings_file()


@dataclass
class Settings:
    file: Path | None = None  # None: kept in memory only
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, file: Path | None = None) -> Settings:
        file = file or path()
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        return cls(file, data if isinstance(data, dict) else {})

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def save(self, **changes: Any) -> None:
        self.data.update(changes)
        if self.file is None:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.data, indent=2), encoding="utf-8")
            tmp.replace(self.file)
        except OSError:
            pass
