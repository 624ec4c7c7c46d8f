"""`questions:` written by hand; the author vouches for the wrong options, the quote rule holds."""

from __future__ import annotations

from typing import Any

from quiz.lang import _
from quiz.packs.errors import YamlPath
from quiz.packs.model import HandQuestion
from quiz.packs.schema import enum
from quiz.packs.sections.context import Context, kind_of
from quiz.packs.sections.evidence import evidence
from quiz.text import fold


def build_questions(ctx: Context, raw: Any, fact_ids: set[str]) -> list[HandQuestion]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        ctx.problem(
            ("questions",), _("'questions' must be a list, not {kind}").format(kind=kind_of(raw))
        )
        return []
    kinds = enum("question.kind")
    out = []
    seen: set[str] = set(fact_ids)
    for i, body in enumerate(raw):
        path: YamlPath = ("questions", i)
        spec = ctx.mapping(body, path, "question", _("a question"))
        if spec is None:
            continue
        qid = ctx.ident(spec, "id", path)
        if qid is not None and qid in seen:
            ctx.problem((*path, "id"), _("duplicate id {id}").format(id=repr(qid)))
        kind = ctx.text(spec, "kind", path)
        if kind is not None and kind not in kinds:
            ctx.problem(
                (*path, "kind"), _("kind must be one of {kinds}").format(kinds=", ".join(kinds))
            )
            kind = None
        prompt = ctx.text(spec, "prompt", path)
        answer = _answer(ctx, spec, path, kind)
        wrong = ctx.text_list(spec, "wrong", path)
        accept = ctx.text_list(spec, "accept", path)
        if kind == "choice" and len(wrong) < 2:
            ctx.problem(
                (*path, "wrong") if "wrong" in spec else path,
                _("a choice question needs at least two 'wrong' options (three in all)"),
            )
        folded = [fold(x) for x in (answer or "", *wrong)] if kind == "choice" else []
        if len(set(folded)) != len(folded):
            ctx.problem((*path, "wrong"), _("options repeat (after folding case and accents)"))
        if prompt and answer and kind != "true_false" and fold(answer) in fold(prompt):
            ctx.problem((*path, "prompt"), _("the prompt contains the answer"))
        topics = ctx.text_list(spec, "topics", path)
        if "topics" in spec and not topics and isinstance(spec["topics"], list):
            ctx.problem((*path, "topics"), _("a question needs at least one topic"))
        quotes = evidence(ctx, spec["evidence"], (*path, "evidence")) if "evidence" in spec else ()
        explanation = ctx.text(spec, "explanation", path, required=False)
        if qid is None or kind is None or prompt is None or answer is None:
            continue
        if not topics or not quotes:
            continue
        seen.add(qid)
        out.append(
            HandQuestion(qid, kind, prompt, answer, wrong, accept, topics, quotes, explanation)
        )
    return out


def _answer(ctx: Context, spec: dict[str, Any], path: YamlPath, kind: str | None) -> str | None:
    if kind != "true_false":
        return ctx.text(spec, "answer", path)
    answer = spec.get("answer")
    if not isinstance(answer, bool):
        if "answer" in spec:
            ctx.problem((*path, "answer"), _("a true_false answer is true or false"))
        return None
    return "True" if answer else "False"
