"""The review at the end of an exam, as plain lines: every question, the answer given, the
right one, why, and the passage that proves it (the line mode prints it, and so does
`quiz play --paper` for a paper already sat)."""

from __future__ import annotations

from quiz.classroom.marking import Mark, Marked
from quiz.packs.model import Pack
from quiz.round.viewing import passages
from quiz.words import minutes

VERDICT = {
    "right": "right",
    "partial": "partly right",
    "wrong": "wrong",
    "unanswered": "not answered",
}


def score_line(m: Marked) -> str:
    asked = len(m.marks)
    partly = f", {m.partial} partly right" if m.partial else ""
    blank = f" ({m.unanswered} not answered)" if m.unanswered else ""
    return (
        f"Paper {m.paper}: score {m.score} of {m.out_of} ({m.percent:.0f}%) · "
        f"{m.right} of {asked} right{partly}, {m.wrong} wrong{blank} · "
        f"time {minutes(m.seconds)} · {m.status_words}"
    )


def hand_in_line(pack: Pack, m: Marked) -> str:
    """What a student runs to hand the paper in: a sitting lives on the machine it was sat
    on until its results file reaches the teacher (not in a served game: that one is kept
    where the teacher looks)."""
    import shlex

    from quiz.packs.registry import not_installed

    folder = not_installed(pack)
    packs = f" --packs {shlex.quote(folder)}" if folder else ""
    return (
        f"To hand it in: quiz results export --paper {m.paper} --player {shlex.quote(m.player)}"
        f"{packs} (it writes a file to give your teacher)"
    )


def review_lines(pack: Pack, marked: Marked) -> list[str]:
    lines = [score_line(marked), "", "The paper, question by question:"]
    for mark in marked.marks:
        lines += [""] + mark_lines(pack, mark)
    return lines


def mark_lines(pack: Pack, mark: Mark) -> list[str]:
    q = mark.question
    points = f" (+{mark.points})" if mark.points else ""
    lines = [
        f"{mark.number}. {q.prompt}",
        f"   Your answer: {mark.response_text} — {VERDICT[mark.result]}{points}"
        + (f" ({mark.note})" if mark.note and mark.result == "partial" else ""),
        f"   Answer: {q.answer_text()}",
    ]
    if q.explanation:
        lines.append(f"   {q.explanation}")
    if isinstance(mark.response, int) and mark.result != "right":
        why = q.why_wrong(mark.response)
        if why is not None:
            lines.append(f"   Why not {mark.response_text}: {why.statement}")
    lines += [f"   {p.before}»{p.marked}«{p.after}" for p in passages(pack, q)]
    return lines
