"""The review at the end of an exam, as plain lines: every question, the answer given, the
right one, why, and the passage that proves it (the line mode prints it, and so does
`quiz play --paper` for a paper already sat)."""

from __future__ import annotations

from quiz import words
from quiz.classroom.marking import Mark, Marked
from quiz.packs.model import Pack
from quiz.round.viewing import passages


def score_line(m: Marked) -> str:
    return words.paper_score(m)


def hand_in_line(pack: Pack, m: Marked) -> str:
    """What a student runs to hand the paper in: a sitting lives on the machine it was sat
    on until its results file reaches the teacher (not in a served game: that one is kept
    where the teacher looks)."""
    import shlex

    from quiz.packs.registry import not_installed

    folder = not_installed(pack)
    packs = f" --packs {shlex.quote(folder)}" if folder else ""
    command = f"quiz results export --paper {m.paper} --player {shlex.quote(m.player)}{packs}"
    return words.hand_in(command)


def review_lines(pack: Pack, marked: Marked) -> list[str]:
    lines = [score_line(marked), "", words.paper_by_question()]
    for mark in marked.marks:
        lines += [""] + mark_lines(pack, mark)
    return lines


def mark_lines(pack: Pack, mark: Mark) -> list[str]:
    """One question of the paper: the prompt, the answer given and its mark, the right answer,
    why, and the passages (the quoted words between » «)."""
    return [f"{mark.number}. {mark.question.prompt}"] + [
        f"   {line}" for line in mark_said(pack, mark)
    ]


def mark_said(pack: Pack, mark: Mark) -> list[str]:
    """What the review says of one question, after its prompt: the line mode prints it, the
    full-screen review shows it (with the passages highlighted instead of marked)."""
    q = mark.question
    lines = [
        words.your_answer(mark.response_text, mark.result, mark.points, mark.note),
        words.answer(q.answer_text()),
    ]
    if q.explanation:
        lines.append(q.explanation)
    why = why_wrong(mark)
    if why is not None:
        lines.append(words.why_not(mark.response_text, why))
    lines += [p.in_marks() for p in passages(pack, q)]
    return lines


def why_wrong(mark: Mark) -> str | None:
    """The statement that says why the option picked is wrong, if the pack has one."""
    if not isinstance(mark.response, int) or mark.result == "right":
        return None
    why = mark.question.why_wrong(mark.response)
    return why.statement if why is not None else None
