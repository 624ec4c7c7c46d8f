"""Questions the author wrote by hand: shown as written, options shuffled."""

from __future__ import annotations

import random

from quiz.packs.model import HandQuestion
from quiz.question import Key, One, Origin, Question, Text


def hand(question: HandQuestion, rng: random.Random) -> Question:
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
        key = Text(question.answer, (question.answer, *question.accept))
    return Question(
        id=f"{question.id}:{question.kind}",
        kind=question.kind,
        prompt=question.prompt,
        options=options,
        topics=question.topics,
        key=key,
        origin=Origin(
            facts=(question.id,),
            quotes=question.evidence,
            # every question carries an explanation; without the author's, the source speaks
            explanation=question.explanation or f"The source says: “{question.evidence[0].text}”",
            hand_written=True,
        ),
    )
