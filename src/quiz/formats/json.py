"""Questions as JSON (format quiz-export/2), so anyone can audit what a pack produces: every
field of the question, its key in the shape a program grades with, and its proof."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from quiz.formats.base import Format, Made, Rendered
from quiz.packs.model import Pack, Quote, Source
from quiz.question import Figure, Many, One, Order, Question, Text

DOC_FORMAT = "quiz-export/2"


def quote_json(quote: Quote) -> dict[str, Any]:
    return {"source": quote.source, "text": quote.text, "start": quote.start, "end": quote.end}


def key_json(q: Question) -> dict[str, Any]:
    """The answer, as text a person can read and in the shape a program can grade with."""
    key = q.key
    if isinstance(key, One):
        return {"answer": q.options[key.right], "right": key.right}
    if isinstance(key, Many):
        right = sorted(key.right)
        return {"answer": [q.options[i] for i in right], "right": right}
    if isinstance(key, Order):
        return {"answer": [q.options[i] for i in key.order], "order": list(key.order)}
    if isinstance(key, Text):
        return {"answer": key.answer, "accepted": [*key.accepted, *key.alone]}
    assert isinstance(key, Figure)
    out: dict[str, Any] = {"answer": key.value, "tolerance": key.tolerance}
    if key.unit:
        out["unit"] = key.unit
    return out


def question_json(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": q.id,
        "kind": q.kind,
        "prompt": q.prompt,
        "options": list(q.options),
        **key_json(q),
        "facts": list(q.facts),
        "explanation": q.explanation,
        "quote": quote_json(q.quote),
        "topics": list(q.topics),
    }
    if len(q.origin.quotes) > 1:
        out["quotes"] = [quote_json(x) for x in q.origin.quotes]
    if q.origin.why_wrong:
        out["why_wrong"] = {
            q.options[i]: {"fact": w.fact, "statement": w.statement, "quote": quote_json(w.quote)}
            for i, w in q.origin.why_wrong
        }
    return out


def source_json(source: Source) -> dict[str, Any]:
    fields = ("title", "publisher", "date", "url", "license")
    return {f: getattr(source, f) for f in fields if getattr(source, f) is not None}


def export_json(pack: Pack, questions: Sequence[Question]) -> str:
    doc = {
        "format": DOC_FORMAT,
        "pack": {"id": pack.id, "title": pack.title, "version": pack.version},
        "sources": {sid: source_json(s) for sid, s in pack.sources.items()},
        "questions": [question_json(q) for q in questions],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _render(pack: Pack, questions: Sequence[Question], made: Made | None = None) -> Rendered:
    return Rendered(export_json(pack, questions) + "\n", tuple(questions))


FORMAT = Format(
    name="json",
    summary="this project's own JSON (quiz-export/2): every field, for audits and scripts",
    suffix=".json",
    render=_render,
)
