"""Questions as JSON (format quiz-export/1), so anyone can audit what a pack produces."""

from __future__ import annotations

import json
from typing import Any

from quiz.generate import Question
from quiz.packs.model import Pack, Quote

FORMAT = "quiz-export/1"


def quote_json(quote: Quote) -> dict[str, Any]:
    return {"source": quote.source, "text": quote.text, "start": quote.start, "end": quote.end}


def question_json(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": q.id,
        "fact": q.fact,
        "kind": q.kind,
        "prompt": q.prompt,
        "options": list(q.options),
        "answer": list(q.answer) if isinstance(q.answer, tuple) else q.answer,
        "explanation": q.explanation,
        "quote": quote_json(q.quote),
        "topics": list(q.topics),
    }
    if len(q.facts) > 1:
        out["facts"] = list(q.facts)
    if q.kind == "typed":
        out["accepted"] = list(q.accepted)
    if q.kind == "number":
        out["tolerance"] = q.tolerance
    if q.why_wrong:
        out["why_wrong"] = {
            option: {"fact": w.fact, "statement": w.statement, "quote": quote_json(w.quote)}
            for option, w in q.why_wrong.items()
        }
    return out


def export_json(pack: Pack, questions: list[Question]) -> str:
    doc = {
        "format": FORMAT,
        "pack": {"id": pack.id, "title": pack.title, "version": pack.version},
        "questions": [question_json(q) for q in questions],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)
