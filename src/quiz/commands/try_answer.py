"""`quiz try [PACK] QUESTION-ID ANSWER ...`: how answers would be marked, and why.

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
from quiz.kind_labels import KIND_LABELS
from quiz.kinds import parse_line
from quiz.packs.model import Pack
from quiz.question import Grade, InvalidResponse, Question
from quiz.safe import visible


def run(args: argparse.Namespace) -> int:
    """Mark each answer given: one `[PACK] QUESTION-ID ANSWER` after another, a triple without
    its pack taking the one before it (the default pack for the first). Every question is
    found and every answer read before anything is printed, so a mistyped id is one line."""
    tries = []
    built: dict[int, dict[str, Question]] = {}
    for pack_name, qid, given in _triples(args.what):
        args.pack = pack_name
        pack = pack_of(args)
        question = _question(pack, qid, args.seed, built)
        try:
            grade: Grade | str = question.grade(parse_line(question, given))
        except InvalidResponse as exc:
            # the game asks again: one answer's outcome, not a mistake in the command (a
            # batch of a hundred tries lost all for one "2004 or 2005", reader 37a)
            grade = str(exc)
        tries.append((pack, question, given, grade))
    if args.format == "json":
        outs = [_json(pack, question, given, grade) for pack, question, given, grade in tries]
        print(json.dumps(outs[0] if len(outs) == 1 else outs, indent=2))  # ASCII: never raw
        return EXIT_OK
    blocks = []
    for _pack, question, given, grade in tries:
        if isinstance(grade, str):
            result = words.try_asked_again(grade)
        else:
            note = words.note(grade.note) if grade.note is not None else ""
            result = words.try_result(grade.verdict, grade.credit, note)
        lines = [
            words.try_question(question.id, question.prompt),
            words.try_given(given),
            result,
            words.try_answer(question.answer_text()),
        ]
        blocks.append("\n".join(lines))
    print(visible("\n\n".join(blocks)))  # pack text and the answer are shown, never obeyed
    return EXIT_OK


def _json(pack: Pack, question: Question, given: str, grade: Grade | str) -> dict[str, object]:
    out: dict[str, object] = {
        "pack": pack.id,
        "question": question.id,
        "kind": question.kind,
        "prompt": question.prompt,
        "given": given,
    }
    if isinstance(grade, str):  # asked again: no mark, and why
        out.update(result="again", credit=None, exact=None, note=grade, note_code=None)
    else:
        out.update(
            result=grade.result,
            credit=grade.credit,
            exact=grade.exact,
            note=words.note(grade.note) if grade.note is not None else "",
            note_code=grade.note.code.value if grade.note is not None else None,
        )
    out["answer"] = question.answer_text()
    return out


def _is_question_id(word: str) -> bool:
    """A question id names its kind after the fact's id ("price:number", "site:typed:forward");
    a pack's id or file never does."""
    return any(part in KIND_LABELS for part in word.split(":")[1:])


def _triples(what: list[str]) -> list[tuple[str | None, str, str]]:
    """`[PACK] QUESTION-ID ANSWER ...` as (pack, question id, answer) triples. A triple's
    first word is its pack unless it is a question id (it ends in a kind: ":number") or only
    two words are left; the word after the id is the answer, whatever it looks like."""
    out: list[tuple[str | None, str, str]] = []
    pack: str | None = None
    i = 0
    while i < len(what):
        if len(what) - i >= 3 and not _is_question_id(what[i]):
            pack, i = what[i], i + 1  # this triple's pack, and the next ones' unless named
        if len(what) - i < 2 or (
            len(what) - i == 2 and _is_question_id(what[i + 1]) and not _is_question_id(what[i])
        ):
            raise UsageError(words.try_usage())  # "PACK QUESTION-ID" without its answer
        out.append((pack, what[i], what[i + 1]))
        i += 2
    if not out:
        raise UsageError(words.try_usage())
    return out


def _question(
    pack: Pack, qid: str, seed: int, built: dict[int, dict[str, Question]] | None = None
) -> Question:
    """The question by id; `built` keeps each pack's questions (by the pack object, alive for
    the run) so several tries on one pack build them once."""
    from quiz.generate import all_questions

    built = {} if built is None else built
    questions = built.get(id(pack))
    if questions is None:
        questions = built[id(pack)] = {q.id: q for q in all_questions(pack, seed)}
    found = questions.get(qid)
    if found is not None:
        return found
    close = difflib.get_close_matches(qid, list(questions), n=3, cutoff=0.5)
    raise UsageError(words.try_no_question(qid, getattr(pack, "id", ""), close))
