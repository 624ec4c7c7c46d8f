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
    """Sit the paper (once per player, in one window at a time), then home or out. A served
    paper (quiz serve --paper) ends the tab after it: no practice home to wander into."""
    from quiz.store.backend import StoreError
    from quiz.store.sittings import Busy, PaperClosed
    from quiz.tui.screens.play import ExamScreen

    app, services = flow.app, flow.services
    served_paper = services.paper is not None and services.seat.withholds_key
    out = Next.HOME if from_home and not served_paper else Next.QUIT
    loaded = await flow.load()
    store, player, clock, holder = loaded.store, loaded.player, services.clock, services.holder

    def take() -> tuple[sitting.Before, bool] | Exception:
        try:
            held = sitting.take(store, player, paper, clock, holder)
            return held, services.seat.withholds_key and sitting.key_withheld(store, paper, clock)
        except (Busy, PaperClosed, StoreError) as exc:  # said here, not raised in the worker
            return exc

    taken = await app.in_thread(take)
    if isinstance(taken, Exception):
        await refuse(flow, str(taken), out)
        return out
    before, withheld = taken
    if before.finished is not None:
        row = before.finished
        result = await app.in_thread(lambda: sitting.result(paper, row))
        sat = words.sat_once(player.name, paper.code, row.started_at)
        if withheld:
            return await handed_in(flow, paper, result, out)
        went = await review(flow, paper, result, sat, from_home, out)
        return out if served_paper else went
    made: tuple[Session, Recorder] | None
    try:
        if before.unfinished is not None and before.new:
            row = before.unfinished
            made = await app.in_thread(
                lambda: sitting.resume(paper, row, store, player, clock, app.warn, holder)
            )
        elif before.unfinished is not None:
            made = await _resume(flow, paper, before.unfinished)
            if made is None:
                return out
        else:  # a store that keeps nothing: played all the same, and it says so
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
        try:
            played = await app.show(ExamScreen(session))
        finally:
            if session.phase is not Phase.FINISHED:  # quit with it open (Ctrl+Q, the tab
                sitting.let_go_of(session)  # closing): another window may resume it now
        if played is None:
            return Next.QUIT
    elif session.end_reason is EndReason.TIMEOUT:
        note = words.ran_out_while_away()
    if not await app.in_thread(recorder.stored):  # the score is final only once it is kept
        note = " ".join(filter(None, [note, words.not_final_yet()]))
        if withheld:  # the handed-in screen has no note: say it on the way
            app.warn(words.not_final_yet())
    marked = marked_session(session, player.name, paper.code)
    if withheld:
        return await handed_in(flow, paper, marked, out)
    went = await review(flow, paper, marked, note, from_home, out)
    return out if served_paper else went


async def refuse(flow: Steps, said: str, out: Next) -> None:
    """Why the paper cannot be sat here: a notice on the way home, or, when the window ends
    after it, a message that waits to be read."""
    if out is Next.HOME:
        flow.app.notify(said, severity="error", markup=False, timeout=15)
        return
    from quiz.tui.screens.modals import Choose

    await flow.app.show(Choose(said, [(words.ok(), "ok")]))


async def handed_in(flow: Steps, paper: Paper, marked: Marked, out: Next) -> Next:
    """A served sitting handed in, its key withheld: the answers given, and nothing more."""
    from quiz.tui.screens.exam import HandedInScreen

    await flow.app.show(HandedInScreen(paper.pack, marked))
    return out


async def _resume(flow: Steps, paper: Paper, row: SittingRow) -> tuple[Session, Recorder] | None:
    """Resume the unfinished sitting or hand it in as it stands, as `sitting.unfinished`
    decides and, when it asks, as the player chooses; None: neither, for now."""
    from quiz.tui.screens.modals import Choose

    app = flow.app
    loaded = await flow.load()
    store, player, clock = loaded.store, loaded.player, flow.services.clock
    holder = flow.services.holder
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
                lambda: sitting.close(paper, row, store, player, clock, app.warn, holder)
            )
    return await app.in_thread(
        lambda: sitting.resume(paper, row, store, player, clock, app.warn, holder)
    )


async def review(
    flow: Steps,
    paper: Paper,
    marked: Marked,
    note: str | None,
    from_home: bool,
    out: Next | None = None,
) -> Next:
    from quiz.classroom.review import hand_in_line
    from quiz.tui.screens.exam import ExamReviewScreen

    out = out or (Next.HOME if from_home else Next.QUIT)
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
