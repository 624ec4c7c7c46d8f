"""The Textual game played by key presses (App.run_test + Pilot).

Each test reads the question from the session the screen shows, presses the
keys a player would, and checks the session (score, streak) and what the
screen says (verdict, the correct answer, the quote in its paragraph).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Button, Input, Markdown, Select, SelectionList, Static

from apps import SIZE, app_with, session_with, start, started, until
from conftest import DATA, MOON
from helpers import Seen
from quiz.generate import all_questions
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.packs.quotes import in_context
from quiz.packs.registry import DEFAULT_PACK, resolve
from quiz.question import Question
from quiz.round.viewing import OMITTED
from quiz.session import Phase, Session
from quiz.settings import Settings
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.modals import ConfirmQuit, HelpScreen, TooSmall
from quiz.tui.screens.play import PlayScreen
from quiz.tui.screens.source import SourceScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answers import AnswerList
from quiz.tui.widgets.passage import HIGHLIGHT, Passage
from quiz.words import note as words_note


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


@pytest.fixture(scope="module")
def bundled() -> Pack:
    return resolve(DEFAULT_PACK)


# -- helpers ------------------------------------------------------------------------


def play_screen(app: QuizApp) -> PlayScreen:
    assert isinstance(app.screen, PlayScreen), app.screen
    return app.screen


def session_of(app: QuizApp) -> Session:
    return play_screen(app).session


def expected_total(streak: int) -> int:
    """Points for a right answer that makes the streak `streak` (default rules)."""
    return 1000 + min(100 * (streak - 1), 500)


async def answer_right(pilot: Pilot[None], q: Question | Seen) -> None:
    """Press the keys a player who knows the answer would press."""
    q = q if isinstance(q, Seen) else Seen(q)
    if q.kind in ("choice", "true_false", "evidence"):
        await pilot.press(str(q.options.index(str(q.answer)) + 1))
    elif q.kind == "multi":
        await pilot.press(*(str(q.options.index(a) + 1) for a in q.answers), "enter")
    elif q.kind == "order":
        await put_in_order(pilot, q)
        await pilot.press("enter")
    else:
        assert q.kind in ("typed", "number")
        await pilot.press(*str(q.answer), "enter")


async def put_in_order(pilot: Pilot[None], q: Seen) -> None:
    """Selection sort with the widget's own keys: a digit highlights, [ moves up."""
    widget = pilot.app.screen.query_one(AnswerList)
    for target, text in enumerate(q.answers):
        shown = [q.options[i] for i in widget.order]
        pos = shown.index(text)
        await pilot.press(str(pos + 1), *["left_square_bracket"] * (pos - target))
    assert [q.options[i] for i in widget.order] == list(q.answers)


def feedback_text(app: QuizApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("#feedback Static"))


def check_passage(app: QuizApp, q: Question) -> None:
    """The quote is shown inside its paragraph, the quoted words highlighted; a sentence
    holding a later question's proof may be cut, marked OMITTED, the rest in order."""
    pack = session_of(app).pack
    assert pack is not None
    source = pack.sources[q.quote.source].text
    paragraph, start, end = in_context(source, q.quote.start, q.quote.end)

    def marked(content: object) -> list[str]:
        assert isinstance(content, Content)
        return [str(content)[s.start : s.end] for s in content.spans if str(s.style) == HIGHLIGHT]

    # the main quote's passage, among the question's others in the source's order
    shown_passages = [w.render() for w in app.screen.query(Passage)]
    content = next(c for c in shown_passages if marked(c) == [q.quote.text])
    assert isinstance(content, Content)
    shown = str(content)
    spans = [s for s in content.spans if str(s.style) == HIGHLIGHT]
    if OMITTED not in shown:
        assert shown == paragraph
        assert [(s.start, s.end) for s in spans] == [(start, end)]
    at = 0
    for piece in shown.split(OMITTED):  # what is shown is the paragraph's, in its order
        found = paragraph.find(piece, at)
        assert found >= 0, piece
        at = found + len(piece)


def status_text(app: QuizApp) -> str:
    return " ".join(str(w.render()) for w in app.screen.query("StatusBar Label"))


_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>',
    re.S,
)


def screen_text(app: QuizApp) -> str:
    """What the terminal shows, line by line, rebuilt from the app's own SVG screenshot."""
    rows: dict[int, dict[int, str]] = {}
    for x, line, chars in _TEXT.findall(app.export_screenshot()):
        col = round(float(x) / 12.2)
        row = rows.setdefault(int(line), {})
        for i, ch in enumerate(html.unescape(chars).replace("\xa0", " ")):
            row[col + i] = ch
    lines = []
    for n in sorted(rows):
        row = rows[n]
        lines.append("".join(row.get(c, " ") for c in range(max(row) + 1)).rstrip())
    return "\n".join(lines)


async def play_right(pilot: Pilot[None], app: QuizApp) -> None:
    """Answer every remaining question right and check score, streak and feedback."""
    s = session_of(app)
    while s.phase is Phase.ASKING:
        q = s.current
        before, streak = s.score, s.streak
        assert str(play_screen(app).query_one("#prompt", Static).render()) == q.prompt
        await answer_right(pilot, q)
        assert s.phase is Phase.FEEDBACK, q
        assert s.last is not None and s.last.correct, (q, s.last)
        assert s.streak == streak + 1
        assert s.score == before + expected_total(s.streak)
        status = status_text(app)
        assert f"Score {s.score}" in status
        assert f"Streak {s.streak}" in status
        assert f"Question {s.index + 1} of {s.total}" in status
        text = feedback_text(app)
        assert "✔ Right!" in text
        assert f"Answer: {q.answer_text()}" in text
        assert q.explanation in text
        check_passage(app, q)
        await pilot.press("enter")


# -- a whole round ------------------------------------------------------------------


async def test_play_a_whole_round_on_the_moon_pack(moon: Pack) -> None:
    session = start(moon, 6, 0)  # seed 0: a round with each of the kinds below
    kinds = {q.kind for q in session.questions}
    assert {"true_false", "number", "multi", "choice", "typed"} <= kinds
    app = app_with(session)
    async with started(app) as pilot:
        await play_right(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        assert session.phase is Phase.FINISHED
        assert session.score == sum(expected_total(k) for k in range(1, 7))
        totals = str(app.screen.query_one("#totals", Static).render())
        assert totals == f"Score {session.score} · 6 of 6 right (100%) · best streak 6 · seed 0"
        table = screen_text(app)
        for t in session.summary().topics:  # each topic in full, with its tally
            assert re.search(rf"\b{t.topic}\s+{t.right}\s+{t.asked}\b", table), t
        await pilot.press("r")  # nothing missed: nothing to retry
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("n")  # play again: a fresh round like this one
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        again = session_of(app)
        assert again is not session and again.spec == replace(session.spec, seed=again.seed)
        assert again.total == 6 and again.phase is Phase.ASKING
        assert app.return_code is None


async def test_play_a_whole_round_on_the_bundled_pack(bundled: Pack) -> None:
    session = start(bundled, 5, 2)
    app = app_with(session)
    async with started(app) as pilot:
        await play_right(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        assert session.summary().right == 5
        assert session.score == sum(expected_total(k) for k in range(1, 6))
        assert f"Score {session.score} · 5 of 5 right" in screen_text(app)


async def test_multi_typed_number_and_order_on_keys(moon: Pack) -> None:
    session = start(moon, 4, 18, kinds=("multi", "order", "number", "typed"))
    assert {q.kind for q in session.questions} == {"multi", "order", "number", "typed"}
    app = app_with(session)
    async with started(app) as pilot:
        await play_right(pilot, app)
        assert isinstance(app.screen, SummaryScreen)


async def test_enter_submits_the_order_as_shown_and_the_move_keys_move(moon: Pack) -> None:
    q = Seen(next(q for q in all_questions(moon) if q.kind == "order"))
    n = len(q.options)
    session = session_with(moon, [q.q, q.q])
    app = app_with(session)
    async with started(app) as pilot:
        widget = app.screen.query_one(AnswerList)
        # shift+down / ] move the highlighted item down; shift+up / [ move it up.
        await pilot.press("1", "right_square_bracket")
        assert widget.order == [1, 0, *range(2, n)]
        assert widget.highlighted == 1
        await pilot.press("shift+up")
        assert widget.order == list(range(n))
        await pilot.press("shift+down")
        await pilot.press("left_square_bracket")
        assert widget.order == list(range(n))
        await pilot.press("enter")
        first = session.last
        assert first is not None
        assert list(first.response) == list(range(n))  # type: ignore[arg-type]
        assert first.grade.credit == 0  # submitted as shown: nothing moved, nothing earned
        assert f"Answer: {q.answer_text()}" in feedback_text(app)
        await pilot.press("enter")
        await play_right(pilot, app)
        assert session.outcomes[-1].correct


async def test_wrong_and_partial_answers_then_retry_the_missed(moon: Pack) -> None:
    questions = [Seen(q) for q in all_questions(moon)]
    wrong_choice = next(
        q for q in questions if q.kind == "choice" and q.why_wrong and not q.hand_written
    )
    multi = next(q for q in questions if q.kind == "multi")
    typed = next(q for q in questions if q.kind == "typed")
    session = session_with(moon, [wrong_choice.q, multi.q, typed.q])
    app = app_with(session)
    async with started(app) as pilot:
        # A wrong choice: the answer, and why the chosen option is wrong, with its quote.
        bad = next(i for i, o in enumerate(wrong_choice.options) if o in wrong_choice.why_wrong)
        await pilot.press(str(bad + 1))
        assert session.score == 0 and session.streak == 0
        text = feedback_text(app)
        assert "✘ Wrong" in text
        assert f"You answered: {wrong_choice.options[bad]}" in text
        assert f"Answer: {wrong_choice.answer}" in text
        why = wrong_choice.why_wrong[wrong_choice.options[bad]]
        assert f"Why not “{wrong_choice.options[bad]}”: {why.statement}" in text
        assert why.quote.text in text
        check_passage(app, wrong_choice)
        await pilot.press("space")  # space goes on, too

        # One of the right options only: partial credit, not right, streak stays 0.
        right = [multi.options.index(a) for a in multi.answers]
        await pilot.press(str(right[0] + 1))
        assert "[x]" in str(app.screen.query_one(AnswerList).get_option_at_index(right[0]).prompt)
        await pilot.press("space")  # space toggles the highlighted pick off ...
        await pilot.press("space")  # ... and on again
        await pilot.press("enter")
        partial = session.last
        assert partial is not None and not partial.correct
        assert partial.points == round(1000 / len(multi.answers))
        assert session.score == partial.points
        assert session.streak == 0
        assert f"◐ Partly right: +{partial.points}" in feedback_text(app)
        await pilot.press("enter")

        # An empty typed answer is not an answer: the question stays.
        await pilot.press("enter")
        assert session.phase is Phase.ASKING and len(session.outcomes) == 2
        await answer_right(pilot, typed)
        assert session.streak == 1
        await pilot.press("enter")

        assert isinstance(app.screen, SummaryScreen)
        summary = screen_text(app)
        assert "1 of 3 right (33%)" in summary
        assert "Missed (2)" in summary
        missed = "\n".join(str(w.render()) for w in app.screen.query(".missed-text"))
        assert wrong_choice.prompt in missed and multi.prompt in missed
        assert wrong_choice.quote.text in missed

        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        retry = session_of(app)
        assert retry is not session
        assert [q.id for q in retry.questions] == [wrong_choice.id, multi.id]
        assert retry.score == 0
        await play_right(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        assert retry.summary().right == 2
        await pilot.press("q")
        assert app.return_code == 0


async def test_play_again_after_a_retry_plays_a_new_round_of_the_original(moon: Pack) -> None:
    session = start(moon, 4, 5, kinds=("true_false",))
    assert session.total == 4
    app = app_with(session)
    async with started(app) as pilot:
        first = Seen(session.current)
        wrong = next(i for i, o in enumerate(first.options) if o != str(first.answer))
        await pilot.press(str(wrong + 1), "enter")  # one wrong, the rest right
        await play_right(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        retry = session_of(app)
        assert [q.id for q in retry.questions] == [first.id]
        await play_right(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("n")  # a new round of the round the retry came from
        await until(
            pilot, lambda: isinstance(app.screen, PlayScreen) and session_of(app) is not retry
        )
        again = session_of(app)
        assert again.spec == replace(session.spec, seed=again.seed)
        assert again.spec.questions is None and again.total == 4
        assert {q.kind for q in again.questions} == {"true_false"}


async def test_out_of_range_digit_changes_nothing(moon: Pack) -> None:
    q = next(q for q in all_questions(moon) if q.kind == "true_false")
    session = session_with(moon, [q])
    app = app_with(session)
    async with started(app) as pilot:
        await pilot.press("9", "3", "s", "space")
        assert session.phase is Phase.ASKING
        assert session.outcomes == []
        assert isinstance(app.screen, PlayScreen)


async def test_mouse_click_answers(moon: Pack) -> None:
    q = next(q for q in all_questions(moon) if q.kind == "choice")
    session = session_with(moon, [q])
    app = app_with(session)
    async with started(app) as pilot:
        right = q.options.index(q.answer_text())
        assert await pilot.click(AnswerList, offset=(4, 1 + right))
        assert session.last is not None and session.last.correct


async def test_a_click_answers_once(moon: Pack) -> None:
    q = next(q for q in all_questions(moon) if q.kind == "choice")
    app = app_with(session_with(moon, [q]))
    async with started(app) as pilot:
        widget = app.screen.query_one(AnswerList)
        answered: list[AnswerList.Answered] = []
        original = widget.post_message

        def post(message: object) -> bool:
            if isinstance(message, AnswerList.Answered):
                answered.append(message)
            return original(message)  # type: ignore[arg-type]

        widget.post_message = post  # type: ignore[method-assign]
        assert await pilot.click(AnswerList, offset=(4, 2))
        await pilot.pause()
        assert [a.response for a in answered] == [1]


async def test_a_click_ticks_in_select_all_and_enter_submits(moon: Pack) -> None:
    q = Seen(next(q for q in all_questions(moon) if q.kind == "multi"))
    session = session_with(moon, [q.q])
    app = app_with(session)
    async with started(app) as pilot:
        widget = app.screen.query_one(AnswerList)
        right = [q.options.index(a) for a in q.answers]
        for i in right:
            assert await pilot.click(AnswerList, offset=(4, 1 + i))
            await pilot.pause()
        assert widget.picked == set(right)
        assert session.phase is Phase.ASKING  # ticking is not answering
        assert await pilot.click(AnswerList, offset=(4, 1 + right[0]))
        await pilot.pause()
        assert widget.picked == set(right[1:])  # a second click unticks
        assert await pilot.click(AnswerList, offset=(4, 1 + right[0]))
        await pilot.pause()
        await pilot.press("enter")
        assert session.last is not None and session.last.correct


async def test_a_click_highlights_in_time_order_and_enter_submits(moon: Pack) -> None:
    q = Seen(next(q for q in all_questions(moon) if q.kind == "order"))
    session = session_with(moon, [q.q])
    app = app_with(session)
    async with started(app) as pilot:
        widget = app.screen.query_one(AnswerList)
        assert await pilot.click(AnswerList, offset=(4, 2))
        await pilot.pause()
        assert widget.highlighted == 1 and session.phase is Phase.ASKING
        await pilot.press("right_square_bracket")  # the item clicked moves down
        assert widget.order[:3] == [0, 2, 1]
        await pilot.press("enter")
        assert session.last is not None and list(session.last.response)[:3] == [0, 2, 1]  # type: ignore[arg-type]


# -- quitting, help, source ---------------------------------------------------------


async def test_quit_mid_round_asks_first(moon: Pack) -> None:
    app = app_with(start(moon, 3, 5))  # seed 5: no typed answer first or second (q is a key)
    async with started(app) as pilot:
        s = session_of(app)
        await answer_right(pilot, s.current)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        assert isinstance(app.screen, PlayScreen)
        assert app.return_code is None
        await pilot.press("enter")  # still playing
        assert s.index == 1 and s.phase is Phase.ASKING
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("escape")  # escape in the dialog keeps playing too
        assert isinstance(app.screen, PlayScreen)
        assert app.return_code is None
        await pilot.press("q", "y")
        assert app.return_code == 0


async def test_quit_before_any_answer_does_not_ask(moon: Pack) -> None:
    app = app_with(start(moon, 3, 2))  # seed 2 opens with select-all: q is a key, not a letter
    async with started(app) as pilot:
        await pilot.press("q")
        await until(pilot, lambda: app.return_code == 0)


async def test_letters_go_into_a_typed_answer(moon: Pack) -> None:
    """In a typed answer q and ? are letters, not commands; Escape still asks to quit."""
    q = next(q for q in all_questions(moon) if q.kind == "typed")
    session = session_with(moon, [q, q])
    app = app_with(session)
    async with started(app) as pilot:
        await pilot.press("q", "question_mark", "s")
        assert app.screen.query_one("#typed", Input).value == "q?s"
        assert isinstance(app.screen, PlayScreen) and app.return_code is None
        await pilot.press("enter")
        assert session.last is not None and not session.last.correct
        assert "You answered: q?s" in feedback_text(app)
        await pilot.press("enter", "escape")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("y")
        assert app.return_code == 0


async def test_help_screen(moon: Pack) -> None:
    app = app_with(start(moon, 2, 2))  # seed 2 opens with select-all: ? is a key, not a letter
    async with started(app) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "How to play" in text
        source = app.screen.query_one(Markdown).source
        assert "Streak bonus" in source and "+500" in source
        await pilot.press("escape")
        assert isinstance(app.screen, PlayScreen)
        assert session_of(app).outcomes == []


async def test_source_screen_from_feedback(moon: Pack) -> None:
    app = app_with(start(moon, 2, 3))
    async with started(app) as pilot:
        s = session_of(app)
        q = s.current
        await pilot.press("s")  # not while asking
        assert isinstance(app.screen, PlayScreen)
        await answer_right(pilot, q)
        await pilot.press("s")
        assert isinstance(app.screen, SourceScreen)
        quoted = app.screen.query(".quoted")
        assert len(quoted) == 1
        content = quoted.first(Static).render()
        assert isinstance(content, Content)
        plain = str(content)
        spans = [x for x in content.spans if str(x.style) == HIGHLIGHT]
        assert [plain[x.start : x.end] for x in spans] == [q.quote.text]
        source = moon.sources[q.quote.source]
        assert source.title in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, PlayScreen)
        assert s.phase is Phase.FEEDBACK and s.index == 0


# -- home screen --------------------------------------------------------------------


async def test_home_lists_the_packs_and_starts_a_round(bundled: Pack, tmp_path: Path) -> None:
    app = app_with(packs=[markup_pack(tmp_path)])
    async with started(app) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await until(pilot, lambda: home.data is not None)
        assert home.data is not None
        select = home.query_one("#pack", Select)
        assert select.value == DEFAULT_PACK
        assert [p.id for p in home.data.catalog.packs] == [DEFAULT_PACK, "moon"]
        info = str(home.query_one("#pack-info", Static).render())
        assert f"{len(bundled.facts)} facts" in info
        assert bundled.title in screen_text(app)
        select.expanded = True  # the pack list: a title with markup shows as written
        await pilot.pause()
        assert "The Moon [bold]landings[/]" in screen_text(app)
        select.expanded = False
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        s = session_of(app)
        assert s.pack is not None and s.pack.id == DEFAULT_PACK
        assert s.total == 10
        assert s.phase is Phase.ASKING
        assert app.return_code is None


async def test_home_with_another_pack_count_and_kind() -> None:
    app = app_with(packs=[MOON])
    async with started(app) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await until(pilot, lambda: home.data is not None)
        home.query_one("#pack", Select).value = "moon"
        home.query_one("#count", Input).value = "2"
        kinds = home.query_one("#kinds", SelectionList)
        kinds.deselect_all()
        kinds.select("true_false")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        s = session_of(app)
        assert s.pack is not None and s.pack.id == "moon"
        assert s.total == 2
        assert {q.kind for q in s.questions} == {"true_false"}


# -- terminal size ------------------------------------------------------------------


async def test_too_small_then_big_again(moon: Pack) -> None:
    app = app_with(start(moon, 2, 3))
    async with started(app) as pilot:
        s = session_of(app)

        def shown() -> str:
            return " ".join(screen_text(app).split())

        await pilot.resize_terminal(40, 12)
        # each resize is acted on when the app gets to it: wait for the notice to say so
        await until(pilot, lambda: isinstance(app.screen, TooSmall) and "(40×12)" in shown())
        assert "too small (40×12)" in screen_text(app)
        await pilot.press("1", "2")  # the game does not take keys meanwhile
        assert s.outcomes == []
        await pilot.resize_terminal(50, 14)
        await until(pilot, lambda: "(50×14)" in shown())
        assert isinstance(app.screen, TooSmall)
        await pilot.resize_terminal(40, 10)  # every word of the notice on screen, none cut
        await until(pilot, lambda: "(40×10)" in shown())
        assert (
            "The terminal is too small (40×10). Make it at least 60×18, or press Esc to quit."
            in shown()
        )
        for small in ((30, 10), (24, 8)):  # narrower still: wrapped, not cut
            await pilot.resize_terminal(*small)
            await until(pilot, lambda small=small: f"({small[0]}×{small[1]})" in shown())
            assert "Make it at least 60×18, or press Esc to quit." in shown(), shown()
        await pilot.resize_terminal(*SIZE)
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        assert len(app.screen_stack) == 2  # TooSmall is gone, not stacked
        await answer_right(pilot, s.current)
        await pilot.resize_terminal(40, 12)
        assert isinstance(app.screen, TooSmall)
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, PlayScreen)
        assert s.phase is Phase.FEEDBACK
        assert "✔ Right!" in feedback_text(app)
        # grown back while the "quit?" dialog stood over the notice: the notice goes with it
        await pilot.resize_terminal(50, 15)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmQuit))
        await pilot.resize_terminal(*SIZE)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        assert len(app.screen_stack) == 2


async def test_starting_in_a_small_terminal() -> None:
    app = app_with(packs=[MOON])
    async with started(app, (40, 12)) as pilot:
        assert isinstance(app.screen, TooSmall)
        await pilot.resize_terminal(80, 24)
        # (the home is pushed beneath the notice when its pack is read, which a loaded run
        # can finish after the resize: CI at b53931f saw the default screen for a moment)
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert len(app.screen_stack) == 2  # the flow pushed home beneath the notice


# -- theme --------------------------------------------------------------------------


async def test_theme_toggle_is_remembered(moon: Pack) -> None:
    app = app_with(start(moon, 2, 3))
    async with started(app) as pilot:
        first = app.theme
        await pilot.press("ctrl+t")
        second = app.theme
        assert {first, second} == {"textual-dark", "textual-light"}
    assert Settings.load().get("theme") == second
    assert json.loads(Settings.load().file.read_text(encoding="utf-8"))["theme"] == second
    app2 = app_with(start(moon, 2, 3))
    async with started(app2) as pilot:
        assert app2.theme == second
        await pilot.press("ctrl+t")
        assert app2.theme == first
    assert Settings.load().get("theme") == first


# -- pack text is untrusted ---------------------------------------------------------

MARKUP_PROMPT = "Who stayed? [bold]x[/] [/] [@click=app.quit]q[/]"
MARKUP_EXPLANATION = "Because [@click=app.quit]quit[/] and [bold]b[/] and [/] stay."
MARKUP_SENTENCE = "Houston read out [bold]x[/] and [@click=app.quit]q[/] twice."


def markup_pack(tmp_path: Path) -> Path:
    """The moon pack plus markup in a prompt, options, an explanation and the source."""
    (tmp_path / "sources").mkdir()
    text = (DATA / "sources" / "moon.txt").read_text(encoding="utf-8")
    text = text.rstrip("\n") + "\n\n" + MARKUP_SENTENCE + "\n"
    (tmp_path / "sources" / "moon.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    pack = MOON.read_text(encoding="utf-8")
    pack = re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", pack)
    pack = pack.replace("title: The Moon landings", "title: The Moon [bold]landings[/]")
    pack = pack.replace("title: Apollo 11", "title: Apollo [b]11[/b]")
    pack += f"""
  - id: markup-prompt
    kind: choice
    prompt: {json.dumps(MARKUP_PROMPT)}
    answer: Michael Collins
    wrong: ["[bold]x[/]", "[@click=app.quit]q[/]"]
    explanation: {json.dumps(MARKUP_EXPLANATION)}
    topics: [markup]
    evidence: {{quote: "Michael Collins stayed in orbit aboard Columbia"}}
  - id: markup-source
    kind: choice
    prompt: What did Houston read out?
    answer: "[bold]x[/]"
    wrong: ["[/]", "nothing"]
    topics: [markup]
    evidence: {{quote: {json.dumps(MARKUP_SENTENCE)}}}
"""
    path = tmp_path / "markup.yaml"
    path.write_text(pack, encoding="utf-8")
    return path


async def test_pack_text_is_never_markup(tmp_path: Path) -> None:
    pack = load_pack(markup_pack(tmp_path))
    session = start(pack, 2, 0, kinds=("choice",), topics=("markup",))
    assert {q.id.split(":")[0] for q in session.questions} == {"markup-prompt", "markup-source"}
    app = app_with(session)
    async with started(app) as pilot:
        for _ in range(2):
            q = session_of(app).current
            screen = screen_text(app)
            assert q.prompt in screen
            for option in q.options:
                assert option in screen
            # Clicking on the prompt, where a click action would sit, does nothing.
            await pilot.click("#prompt", offset=(len(q.prompt) - 3, 0))
            assert app.return_code is None
            wrong = next(i for i, o in enumerate(q.options) if o != q.answer_text())
            await pilot.press(str(wrong + 1))
            text = feedback_text(app)
            assert f"You answered: {q.options[wrong]}" in text
            assert f"Answer: {q.answer_text()}" in text
            if q.id.startswith("markup-prompt"):
                assert MARKUP_EXPLANATION in text
                assert MARKUP_EXPLANATION in screen_text(app)
            else:
                assert MARKUP_SENTENCE in screen_text(app)
            await pilot.press("s")
            assert isinstance(app.screen, SourceScreen)
            assert "Apollo [b]11[/b]" in screen_text(app)  # the byline: the source's title
            if "Houston" in q.prompt:
                assert MARKUP_SENTENCE in screen_text(app)
            await pilot.press("escape")
            assert app.return_code is None
            await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        summary = screen_text(app)
        assert MARKUP_PROMPT in summary
        assert "[@click=app.quit]" in summary
        assert app.return_code is None
        for w in app.screen.query(Static):
            assert "click" not in repr(getattr(w.render(), "spans", ""))


async def test_enter_on_a_select_all_with_nothing_ticked_asks_for_a_tick(moon: Pack) -> None:
    app = app_with(start(moon, 1, 1, kinds=("multi",)))
    async with started(app) as pilot:
        s = session_of(app)
        assert s.current.kind == "multi"
        await pilot.press("enter")
        assert s.phase is Phase.ASKING and not s.outcomes
        await answer_right(pilot, s.current)
        assert s.phase is Phase.FEEDBACK


async def test_quit_before_answering_a_round_from_home_goes_back_home() -> None:
    app = app_with(packs=[MOON])
    async with started(app) as pilot:
        await until(pilot, lambda: app.screen.data is not None)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        await pilot.press("escape")  # not q: the round's seed is random, q may type an answer
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.return_code is None


async def test_ctrl_q_mid_round_asks_first(moon: Pack) -> None:
    app = app_with(start(moon, 3, 3))
    async with started(app) as pilot:
        await answer_right(pilot, session_of(app).current)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        assert isinstance(app.screen, PlayScreen) and app.return_code is None
        await pilot.press("ctrl+q", "y")
        assert app.return_code == 0


async def test_time_order_feedback_shows_every_events_passage(bundled: Pack) -> None:
    app = app_with(start(bundled, 1, 2, kinds=("order",)))
    async with started(app) as pilot:
        q = session_of(app).current
        await pilot.press("enter")
        passages = [str(p.render()) for p in app.screen.query(Passage)]
        source = bundled.sources["article"].text
        quotes = {e for f in q.facts for e in bundled.fact_by_id[f].evidence}
        paragraphs = {in_context(source, x.start, x.end)[0] for x in quotes}
        # every event's paragraph, each shown once (two events of one paragraph share it)
        assert len(passages) == len(paragraphs) > 1
        assert set(passages) == paragraphs


async def test_a_short_round_says_so(moon: Pack) -> None:
    app = app_with(start(moon, 50, 1, kinds=("number",)))
    async with started(app) as pilot:
        await pilot.pause()
        total = session_of(app).total
        assert total < 50
        notes = pilot.notes.texts()  # type: ignore[attr-defined]
        assert any(n.startswith(f"Only {total} question") for n in notes), notes


async def test_i_dont_know_and_an_empty_typed_answer(moon: Pack) -> None:
    q = next(q for q in all_questions(moon) if q.kind == "typed")
    session = session_with(moon, [q, q])
    app = app_with(session)
    async with started(app) as pilot:
        await pilot.press("enter")  # nothing typed: a word on what to do, not an answer
        assert session.outcomes == []
        assert any("or choose “I don't know”" in n for n in pilot.notes.texts())  # type: ignore[attr-defined]
        shown = app.screen.query_one("#dont-know", Button).label
        assert str(shown) == "I don't know (shows the answer)"
        await pilot.click("#dont-know")
        assert session.last is not None and not session.last.correct
        assert words_note(session.last.grade.note) == "not answered"
        text = feedback_text(app)
        assert "✘ Wrong" in text and f"Answer: {q.answer_text()}" in text
        await pilot.press("enter")
        await pilot.press("question_mark", "enter")  # "?" typed alone means the same
        assert session.last.response == "?" and not session.last.correct


async def test_the_key_hint_names_the_digits_the_question_has(moon: Pack) -> None:
    """'Press 1–9' under three options sent a player looking for six more."""
    three = next(q for q in all_questions(moon) if q.kind == "choice" and len(q.options) == 3)
    five = next(q for q in all_questions(moon) if q.kind == "multi" and len(q.options) == 5)
    session = session_with(moon, [three, five])
    app = app_with(session)
    async with started(app) as pilot:
        hint = str(app.screen.query_one("#hint", Static).render())
        assert hint.startswith("Press 1–3,") and "1–9" not in hint
        await pilot.press("1")
        await until(pilot, lambda: session.phase is Phase.FEEDBACK)
        await pilot.press("enter")
        await until(pilot, lambda: session.index == 1 and session.phase is Phase.ASKING)
        hint = str(app.screen.query_one("#hint", Static).render())
        assert "1–5 or Space" in hint and "1–9" not in hint
        await pilot.pause(0.5)  # past the settling time: this Enter is meant
        await pilot.press("enter")  # nothing ticked: a word on which keys tick
        told = "Tick at least one option first (Space or 1–5)."
        await until(pilot, lambda: told in pilot.notes.texts())  # type: ignore[attr-defined]


async def test_feedback_scrolls_with_the_keys_at_once(bundled: Pack) -> None:
    """A long explanation at the smallest size: ↓ and End scroll it without Tab first."""
    app = app_with(start(bundled, 3, 4, kinds=("evidence",)))
    async with started(app, (60, 18)) as pilot:
        await pilot.press("1")
        body = app.screen.query_one("#body")
        assert body.max_scroll_y > 0, "the feedback should not fit at 60×18"
        assert body.scroll_y == 0
        await pilot.press("end")
        await until(pilot, lambda: body.scroll_y == body.max_scroll_y)
        await pilot.press("home")
        await until(pilot, lambda: body.scroll_y == 0)


async def test_the_speed_bonus_shows_the_clock_and_explains_the_points(moon: Pack) -> None:
    from quiz.scoring import Rules

    app = app_with(start(moon, 2, 3, rules=Rules(speed_bonus=True)))
    async with started(app) as pilot:
        await until(pilot, lambda: "⏱" in status_text(app))
        await answer_right(pilot, session_of(app).current)
        assert "s of 30: the faster, the more" in feedback_text(app) or "full speed points" in (
            feedback_text(app)
        )


@pytest.mark.parametrize(("kind", "first_key"), [("order", "]"), ("multi", "1")])
async def test_an_enter_right_after_a_move_or_a_tick_is_meant(
    moon: Pack, monkeypatch: pytest.MonkeyPatch, kind: str, first_key: str
) -> None:
    """An Enter at once on a new question is the tail of the last answer and is ignored; an
    Enter after a tick or a move on this question is meant, however quick (a served game's
    driver flaked on it)."""
    monkeypatch.setattr(AnswerList, "SETTLE", 30.0)  # every key below comes "at once"
    q = next(q for q in all_questions(moon) if q.kind == kind)
    session = session_with(moon, [q])
    async with started(app_with(session)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert session.outcomes == []
        await pilot.press(first_key, "enter")
        await until(pilot, lambda: len(session.outcomes) == 1)
