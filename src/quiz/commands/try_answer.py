"""`quiz try [PACK] QUESTION-ID ANSWER`: how one answer would be marked, and why.

For authors checking what students will type ("is 'cyberdefence' right?") and for
tests: the question is built as a round would build it and the answer graded by its
key, nothing is played and no store is opened. A typed or number answer is given as
written; an option question takes the options' numbers as shown by `quiz export
--format markdown` with the same --seed ("2", "1,3" for select-all, "3,1,2" for an
order) or an option's own words.
"""

from __future__ import annotations

import argparse
import difflib
import json

from quiz import words
from quiz.commands import EXIT_OK, UsageError, pack_of
from quiz.question import InvalidResponse, Many, One, Order, Question
from quiz.safe import visible
from quiz.text import fold


def run(args: argparse.Namespace) -> int:
    if len(args.what) == 2:
        args.pack, (qid, given) = None, args.what
    elif len(args.what) == 3:
        args.pack, qid, given = args.what
    else:
        raise UsageError(words.try_usage())
    pack = pack_of(args)
    question = _question(pack, qid, args.seed)
    response = _response(question, given)
    try:
        grade = question.grade(response)
    except InvalidResponse as exc:
        raise UsageError(f"{qid}: {exc}") from None
    note = words.note(grade.note) if grade.note is not None else ""
    if args.format == "json":
        out = {
            "pack": pack.id,
            "question": question.id,
            "kind": question.kind,
            "prompt": question.prompt,
            "given": given,
            "result": grade.result,
            "credit": grade.credit,
            "exact": grade.exact,
            "note": note,
            "note_code": grade.note.code.value if grade.note is not None else None,
            "answer": question.answer_text(),
        }
        print(json.dumps(out, indent=2))  # ASCII: no pack text reaches a terminal raw
        return EXIT_OK
    lines = [
        words.try_question(question.id, question.prompt),
        words.try_given(given),
        words.try_result(grade.verdict, grade.credit, note),
        words.try_answer(question.answer_text()),
    ]
    print(visible("\n".join(lines)))  # pack text and the answer are shown, never obeyed
    return EXIT_OK


def _question(pack: object, qid: str, seed: int) -> Question:
    from quiz.generate import all_questions

    questions = {q.id: q for q in all_questions(pack, seed)}  # type: ignore[arg-type]
    found = questions.get(qid)
    if found is not None:
        return found
    close = difflib.get_close_matches(qid, list(questions), n=3, cutoff=0.5)
    raise UsageError(words.try_no_question(qid, getattr(pack, "id", ""), close))


def _response(question: Question, given: str) -> object:
    """The response a front end would send: the text for a typed or number question; the
    option indices (from 1 as shown, or an option's words) for the others."""
    key = question.key
    if not isinstance(key, One | Many | Order):
        return given
    by_words = [i for i, o in enumerate(question.options) if fold(o) == fold(given)]
    if by_words:
        picks = by_words
    else:
        try:
            picks = [int(p) - 1 for p in given.replace(" ", ",").split(",") if p]
        except ValueError:
            raise UsageError(words.try_options(question.id, len(question.options))) from None
    if isinstance(key, One):
        if len(picks) != 1:
            raise UsageError(words.try_options(question.id, len(question.options)))
        return picks[0]
    return tuple(picks)
