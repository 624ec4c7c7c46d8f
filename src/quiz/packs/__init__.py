"""Question packs: the model, loading and validation, quotes, and where packs live.

Names are loaded on first use (PEP 562), so `quiz --help` importing
`quiz.packs.errors` does not pay for YAML and the loader.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "PackError": "quiz.packs.errors",
    "Problem": "quiz.packs.errors",
    "load_pack": "quiz.packs.loader",
    **{
        name: "quiz.packs.model"
        for name in (
            "Entity",
            "Fact",
            "Number",
            "Pack",
            "Quote",
            "Relation",
            "Source",
            "Value",
            "When",
        )
    },
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'quiz.packs' has no attribute {name!r}")
