"""Questions the author wrote by hand: shown as written, options shuffled."""

from __future__ import annotations

import random

from quiz.generate.question import Question
from quiz.packs.model import HandQuestion


def hand(question: HandQuestion, rng: random.Random) -> Question:
    options: tuple[str, ...] = ()
    if question.kind == "choice":
        shuffled = [question.answer, *question.wrong]
        rng.shuffle(shuffled)
        options = tuple(shuffled)
    elif question.kind == "true_false":
        options = ("True", "False")
    return Question(
        id=f"{question.id}:{question.kind}",
        fact=question.id,
        kind=question.kind,  # type: ignore[arg-type]
        prompt=question.prompt,
        options=options,
        answer=question.answer,
        # every question carries an explanation; without the author's, the source speaks
        explanation=question.explanation or f"The source says: “{question.evidence[0].text}”",
        quote=question.evidence[0],
        topics=question.topics,
        facts=(question.id,),
        accepted=(question.answer, *question.accept) if question.kind == "typed" else (),
        hand_written=True,
    )
