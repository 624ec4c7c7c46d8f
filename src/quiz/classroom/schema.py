"""The JSON Schema of a results file (quiz-results/1), checked before anything in it is read.

The schema bounds every size and shape; what it cannot know (that a response fits
its question, that the spec is the paper's) is checked by transfer.py against
the paper's questions regenerated here.
"""

from __future__ import annotations

from typing import Any

FORMAT = "quiz-results/1"
MAX_SITTINGS = 2000
MAX_ANSWERS = 200  # quiz.limits.MAX_COUNT
UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
TIMESTAMP = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)$"
NO_CONTROL = r"^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$"

_time: dict[str, Any] = {"type": "string", "pattern": TIMESTAMP}
_option = {"type": "integer", "minimum": 0, "maximum": 99}

ANSWER: dict[str, Any] = {
    "type": "object",
    "required": ["seq", "question", "fingerprint", "response", "seconds", "answered_at"],
    "additionalProperties": False,
    "properties": {
        "seq": {"type": "integer", "minimum": 0, "maximum": MAX_ANSWERS - 1},
        "question": {"type": "string", "minLength": 1, "maxLength": 300},
        "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "response": {
            "oneOf": [
                {"type": "null"},
                _option,
                {"type": "array", "items": _option, "maxItems": 100},
                {"type": "string", "minLength": 1, "maxLength": 200},
            ]
        },
        "seconds": {"type": "number", "minimum": 0, "maximum": 86400},
        "answered_at": _time,
        "result": {"enum": ["right", "partial", "wrong"]},  # claimed, never trusted
        "points": {"type": "integer"},  # claimed, never trusted
    },
}

SITTING: dict[str, Any] = {
    "type": "object",
    "required": ["id", "player", "paper", "spec", "started_at", "ended_at", "status", "answers"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": UUID},
        "player": {"type": "string", "minLength": 1, "maxLength": 40, "pattern": NO_CONTROL},
        "paper": {"type": "string", "minLength": 1, "maxLength": 60},
        "spec": {"type": "object", "maxProperties": 20},
        "started_at": _time,
        "ended_at": _time,
        "status": {"enum": ["done", "timeout", "left", "closed"]},
        # What the student's computer counted; shown to nobody, never trusted.
        "score": {"type": "integer"},
        "total": {"type": "integer"},
        "answers": {"type": "array", "maxItems": MAX_ANSWERS, "items": ANSWER},
    },
}

# The parts are nested, not referenced with $ref: the same schema, checked several times
# faster (nothing to resolve for each answer).
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "quiz results file",
    "type": "object",
    "required": ["format", "sittings"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": FORMAT},
        "quiz": {"type": "string", "maxLength": 40},
        "exported_at": _time,
        "sittings": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_SITTINGS,
            "items": SITTING,
        },
    },
}
