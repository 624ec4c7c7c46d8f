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
        # the pack's words for true and false; the loader keeps the answer as "True"/"False"
        options = (pack.lang.true, pack.lang.false)
        key = One(0 if question.answer == "True" else 1)
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
            or pack.lang.frame(
                "hand_explanation",
                answer=_answer_said(pack, question),
                noun=noun(pack, question.evidence[0].source),
            ),
            hand_written=True,
        ),
    )


def _answer_said(pack: Pack, question: HandQuestion) -> str:
    if question.kind == "true_false":
        return pack.lang.true if question.answer == "True" else pack.lang.false
    return pack.lang.frame("hand_answer", answer=question.answer)
