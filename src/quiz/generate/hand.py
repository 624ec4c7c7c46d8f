"""Questions the author wrote by hand: shown as written, options shuffled."""

from __future__ import annotations

import random

from quiz.generate.wording import noun, passages
from quiz.packs.model import HandQuestion, Pack
from quiz.question import Key, One, Origin, Question, Text


def hand(pack: Pack, question: HandQuestion, rng: random.Random) -> Question:
    options: tuple[str, ...] = ()
    key: Key
    if question.kind == "choice":
        shuffled = [question.answer, *question.wrong]
        rng.shuffle(shuffled)
        options = tuple(shuffled)
        key = One(shuffled.index(question.answer))
    elif question.kind == "true_false":
        options = ("True", "False")
        key = One(options.index(question.answer))
    else:
        key = Text(question.answer, (question.answer, *question.accept), language=pack.language)
    return Question(
        id=f"{question.id}:{question.kind}",
        kind=question.kind,
        prompt=question.prompt,
        options=options,
        topics=question.topics,
        key=key,
        origin=Origin(
            facts=(question.id,),
            quotes=passages(pack, question.evidence),
            # every question carries an explanation; without the author's, the answer and where
            # the source says it (the passage itself is shown once, below, by the front end)
            explanation=question.explanation
            or f"{_answer_said(question)} — as the {noun(pack, question.evidence[0].source)} says.",
            hand_written=True,
        ),
    )


def _answer_said(question: HandQuestion) -> str:
    if question.kind == "true_false":
        return question.answer
    return f"The answer is {question.answer}"
