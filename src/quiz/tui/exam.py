"""The flow of an exam paper in the app: sit it (or resume it, or see it already sat), then
its review; and the class report. Called by the one flow (flow.py), like its other steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz import words
from quiz.classroom import sitting
from quiz.classroom.marking import Marked, marked_session
from quiz.papers import Paper, PaperError
from quiz.round.codes import EndReason
from quiz.session import Phase, Session
from quiz.tui.host import Next, Steps

if TYPE_CHECKING:
    from quiz.store.recorder import Recorder
    from quiz.store.records import SittingRow


async def sit(flow: Steps, paper: Paper, *, from_home: bool) -> Next:
    """Sit the paper (once per player), then home or out."""
    from quiz.tui.screens.play import ExamScreen

    app, out = flow.app, Next.HOME if from_home else Next.QUIT
    loaded = await flow.load()
    store, player, clock = loaded.store, loaded.player, flow.services.clock
    before = await app.in_thread(lambda: sitting.before(store, player, paper))
    if before.finished is not None:
        row = before.finished
        result = await app.in_thread(lambda: sitting.result(paper, row))
        sat = words.sat_once(player.name, paper.code, row.started_at)
        return await review(flow, paper, result, sat, from_home)
    made: tuple[Session, Recorder] | None
    try:
        if before.unfinished is not None:
            made = await _resume(flow, paper, before.unfinished)
            if made is None:
                return out
        else:
            made = await app.in_thread(lambda: sitting.begin(paper, store, player, clock, app.warn))
        session, recorder = made
    except PaperError as exc:
        app.notify(str(exc), severity="error", markup=False, timeout=10)
        return out
    if not session.questions:
        app.notify(words.paper_empty(), severity="error", markup=False)
        return out
    note: str | None = None
    if session.phase is not Phase.FINISHED:
        if await app.show(ExamScreen(session)) is None:
            return Next.QUIT
    elif session.end_reason is EndReason.TIMEOUT:
        note = words.ran_out_while_away()
    if not await app.in_thread(recorder.stored):  # the score is final only once it is kept
        note = " ".join(filter(None, [note, words.not_final_yet()]))
    return await review(
        flow, paper, marked_session(session, player.name, paper.code), note, from_home
    )


async def _resume(flow: Steps, paper: Paper, row: SittingRow) -> tuple[Session, Recorder] | None:
    """Resume the unfinished sitting or hand it in as it stands, as `sitting.unfinished`
    decides and, when it asks, as the player chooses; None: neither, for now."""
    from quiz.tui.screens.modals import Choose

    app = flow.app
    loaded = await flow.load()
    store, player, clock = loaded.store, loaded.player, flow.services.clock
    found = sitting.unfinished(paper, row, clock)
    if found.how is sitting.Resuming.ASK:
        said = words.unfinished(
            player.name, paper.code, row.started_at, found.answered, found.count
        )
        if found.left is not None:
            said += " " + words.clock_kept_running(found.left)
        resume, hand_in = words.resume_choices()
        choice = await app.show(Choose(said, [(resume, "resume"), (hand_in, "close")]))
        if choice is None:
            return None
        if choice == "close":
            return await app.in_thread(
                lambda: sitting.close(paper, row, store, player, clock, app.warn)
            )
    return await app.in_thread(lambda: sitting.resume(paper, row, store, player, clock, app.warn))


async def review(
    flow: Steps, paper: Paper, marked: Marked, note: str | None, from_home: bool
) -> Next:
    from quiz.classroom.review import hand_in_line
    from quiz.tui.screens.exam import ExamReviewScreen

    out = Next.HOME if from_home else Next.QUIT
    hand_in = hand_in_line(paper.pack, marked) if flow.services.seat.hand_in_by_file else None
    screen = ExamReviewScreen(paper.pack, marked, note, leave=out, hand_in=hand_in)
    action = await flow.app.show(screen)
    return action or out


async def report(flow: Steps, paper: Paper) -> None:
    from quiz.classroom.report import build
    from quiz.classroom.results import class_results
    from quiz.tui.screens.report import ReportScreen

    loaded = await flow.load()
    made = await flow.app.in_thread(lambda: build(class_results(loaded.store, paper)))
    await flow.app.show(ReportScreen(made))
