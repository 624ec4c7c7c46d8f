"""How the game reads and behaves at its edges: contrast in light and dark themes, themes
remembered, screenshots, the 'too small' notice, help, the source reader, the summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static

from apps import app_with, session_with, start, started, until
from conftest import MOON
from helpers import right_response, write_pack, wrong_response
from quiz.generate import all_questions
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.services import make_services
from quiz.settings import Settings
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.modals import ConfirmQuit, HelpScreen, TooSmall
from quiz.tui.screens.play import PlayScreen
from quiz.tui.screens.source import SourceScreen
from quiz.tui.screens.summary import SummaryScreen


@pytest.fixture(scope="module")
def moon() -> Pack:
    return load_pack(MOON)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(widget: Static) -> float:
    """WCAG contrast of a widget's text against the background it is drawn on."""
    fg = widget.rich_style.color
    assert fg is not None
    text = fg.get_truecolor()
    back = widget.background_colors[1].rgb
    hi, lo = sorted((_luminance((text.red, text.green, text.blue)), _luminance(back)))[::-1]
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_headings_and_verdicts_read_at_4_5_to_1(moon: Pack, theme: str) -> None:
    settings = Settings(None, {"theme": theme})
    app = QuizApp(
        make_services(settings=settings, player="Ann"),
        start(moon, 3, 0, kinds=("choice", "true_false")),
    )
    measured: dict[str, float] = {}
    async with started(app) as pilot:
        assert app.theme == theme
        s = app.screen.session  # type: ignore[attr-defined]
        measured["Score"] = contrast(app.screen.query_one("#score", Static))
        await pilot.press(str(right_response(s.current) + 1))
        measured["✔ Right!"] = contrast(app.screen.query_one(".verdict", Static))
        await pilot.press("enter")
        await pilot.press(str(wrong_response(s.current) + 1))
        measured["✘ Wrong"] = contrast(app.screen.query_one(".verdict", Static))
        for why in app.screen.query(".why"):
            measured["Why not"] = contrast(why)  # type: ignore[arg-type]
        await pilot.press("enter")
        await pilot.press(str(wrong_response(s.current) + 1))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        for title in app.screen.query(".title"):
            measured[str(title.render())] = contrast(title)  # type: ignore[arg-type]
        measured["best"] = contrast(app.screen.query_one("#best", Static))
    assert {"Round over", "Missed (2)", "Score", "✔ Right!", "✘ Wrong"} <= measured.keys()
    low = {k: round(v, 2) for k, v in measured.items() if v < 4.5}
    assert not low, f"{theme}: below 4.5:1: {low}"


async def test_a_theme_from_the_palette_is_remembered_and_ctrl_t_comes_back_to_it(
    moon: Pack,
) -> None:
    settings = Settings.load()
    app = QuizApp(
        make_services(settings=settings, player="Ann"),
        start(moon, 2, 1, kinds=("choice", "true_false")),
    )
    async with started(app) as pilot:
        app.theme = "nord"  # as the command palette's theme picker does
        await pilot.press("ctrl+t")
        assert not app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.theme == "nord"  # not the default dark theme
    assert Settings.load().get("theme") == "nord"


async def test_a_screenshot_says_where_it_went(tmp_path: Path, moon: Pack) -> None:
    app = app_with(start(moon, 2, 1, kinds=("choice", "true_false")))
    async with started(app) as pilot:
        saved = app.deliver_screenshot(path=str(tmp_path / "shots"))
        assert saved is not None and Path(saved).is_file() and saved.endswith(".svg")
        svg = Path(saved).read_text(encoding="utf-8")
        # It loads nothing from elsewhere where it is opened (Textual's fetches its fonts).
        assert "<svg" in svg and "@font-face" not in svg and "cdnjs" not in svg
        assert re.findall(r"https?://(?!www\.w3\.org/)|url\((?!#)", svg) == []
        await until(pilot, lambda: any(f"Saved {saved}" in n for n in pilot.notes.texts()))  # type: ignore[attr-defined]
        blocked = tmp_path / "a-file"
        blocked.write_text("")
        assert app.deliver_screenshot(path=str(blocked / "shots")) is None
        await until(pilot, lambda: any("Could not save" in n for n in pilot.notes.texts()))  # type: ignore[attr-defined]


async def test_escape_quits_from_the_too_small_notice(moon: Pack) -> None:
    app = app_with(start(moon, 2, 1, kinds=("choice", "true_false")))
    async with started(app, (40, 12)) as pilot:
        assert isinstance(app.screen, TooSmall)
        assert "press Esc to quit" in str(app.screen.query_one("#too-small", Static).render())
        await pilot.press("escape")
        await until(pilot, lambda: app.return_code == 0)


async def test_ctrl_q_on_the_too_small_notice_asks_first_mid_round(moon: Pack) -> None:
    app = app_with(start(moon, 2, 1, kinds=("choice", "true_false")))
    async with started(app) as pilot:
        s = app.screen.session  # type: ignore[attr-defined]
        await pilot.press(str(right_response(s.current) + 1))
        await pilot.resize_terminal(40, 12)
        assert isinstance(app.screen, TooSmall)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmQuit))
        await pilot.press("n")
        assert app.return_code is None


async def test_help_says_how_to_close_it(moon: Pack) -> None:
    app = app_with(start(moon, 2, 1, kinds=("choice", "true_false")))
    async with started(app) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        from textual.widgets import Markdown

        assert "Esc, ? or q closes this help" in app.screen.query_one(Markdown).source
        await pilot.press("q")
        assert isinstance(app.screen, PlayScreen)


async def test_the_source_reader_shows_its_title_apart(moon: Pack) -> None:
    app = app_with(start(moon, 2, 1, kinds=("choice", "true_false")))
    async with started(app) as pilot:
        s = app.screen.session  # type: ignore[attr-defined]
        await pilot.press(str(right_response(s.current) + 1), "s")
        assert isinstance(app.screen, SourceScreen)
        title = app.screen.query_one(".source-title", Static)
        assert str(title.render()) == moon.sources["article"].title
        assert "bold" in str(title.rich_style)


async def test_the_summary_explains_topic_counts_and_keeps_indents(tmp_path: Path) -> None:
    """A question on two topics counts under both, and the summary says so."""
    text = MOON.read_text(encoding="utf-8").replace(
        "    topics: [crew]\n", "    topics: [crew, places]\n", 1
    )
    pack = load_pack(write_pack(tmp_path, text, "moon.yaml"))
    two = next(q for q in all_questions(pack) if len(q.topics) == 2 and q.kind == "choice")
    app = app_with(session_with(pack, [two]))
    async with started(app) as pilot:
        await pilot.press(str(wrong_response(two) + 1), "enter")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        hints = [str(w.render()) for w in app.screen.query(".hint")]
        assert any("counts once under each" in h for h in hints), hints
        item = app.screen.query_one(".missed")
        bullet, body = item.children
        assert str(bullet.render()) == "•" and body.region.x > bullet.region.x
        assert two.prompt in str(body.render())


async def test_home_names_the_exact_command_that_shows_pack_problems(tmp_path: Path) -> None:
    write_pack(tmp_path, "format: quiz-pack/1\nid: broken\n", "broken.yaml")
    app = QuizApp(make_services(packs=[tmp_path], player="Ann"))
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        text = str(app.screen.query_one("#problems", Static).render())
        assert f"run: quiz check --packs {tmp_path}" in text, text


async def test_the_home_form_fits_starts_on_enter_and_takes_seed_and_scoring() -> None:
    from textual.widgets import Checkbox, Input, SelectionList

    app = QuizApp(make_services(packs=[MOON], player="Ann"))
    async with started(app, (100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        start_button = app.screen.query_one("#do-start")
        assert start_button.region.bottom <= 29, "Start must be visible at 100×30"
        await until(pilot, lambda: app.focused is start_button)  # Enter starts at once
        app.screen.query_one("#pack").value = "moon"  # type: ignore[attr-defined]
        await pilot.pause()
        topics = app.screen.query_one("#topics", SelectionList)
        label = app.screen.query_one("#topics-label")
        assert str(label.render()) == "Topics asked: all ticked"
        assert len(topics.selected) == topics.option_count, "all ticked is all, as for kinds"
        kinds_label = app.screen.query_one("#kinds-label")
        assert str(kinds_label.render()) == "Kinds asked: all ticked"
        topics.deselect_all()
        await pilot.pause()
        assert str(label.render()) == "Topics asked: none ticked"
        topics.select("crew")
        await pilot.pause()
        assert str(label.render()) == f"Topics asked: 1 of {topics.option_count} ticked"
        seed = app.screen.query_one("#seed", Input)
        seed.focus()  # passed through empty: a random seed, not shown as a mistake
        await pilot.press("tab")
        assert not seed.has_class("-invalid")
        seed.value = "x7"
        await pilot.pause()
        assert seed.has_class("-invalid")
        seed.value = "7"
        app.screen.query_one("#streak", Checkbox).value = False
        app.screen.query_one("#speed", Checkbox).value = True
        start_button.focus()
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        spec = app.screen.session.spec  # type: ignore[attr-defined]
        assert spec.seed == 7 and spec.topics == ("crew",)
        assert not spec.rules.streak_bonus and spec.rules.speed_bonus


async def test_on_and_off_are_told_apart_on_the_home_form() -> None:
    """A ticked box and a chosen mode show their mark; an unticked one does not (the mark's
    colour differs from its background only when on). Found in a play-test."""
    from textual.widgets import Checkbox, RadioButton

    app = QuizApp(make_services(packs=[MOON], player="Ann"))
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        for box in (*app.screen.query(Checkbox), *app.screen.query(RadioButton)):
            mark = box.get_component_rich_style("toggle--button")
            shows = mark.color != mark.bgcolor
            assert shows == box.value, (box.id, box.value, mark)


@pytest.mark.parametrize("size", [(80, 24), (60, 18), (120, 40)])
async def test_the_home_form_fits_its_width_and_opens_at_its_top(
    size: tuple[int, int], tmp_path: Path
) -> None:
    """Every field of the form lies within the screen's width (on a narrow one Scoring moves
    under Mode and the report's button under the paper's); 80×24 holds the whole form
    without scrolling; a shorter screen opens at its top, the Start button focused below.
    Found in a play-test: at 60×18 Scoring was cut off, and 80×24 opened scrolled."""
    from textual.containers import VerticalScroll

    app = QuizApp(make_services(packs=[MOON, tmp_path], player="Ann"))
    width, height = size
    async with started(app, size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.data)
        start_button = app.screen.query_one("#do-start")
        await until(pilot, lambda: app.focused is start_button)
        await pilot.pause()
        for field in ("#pack", "#scoring", "#seed", "#kinds", "#topics", "#do-paper", "#do-report"):
            region = app.screen.query_one(field).region
            assert region.width > 0 and region.right <= width, (field, region)
        scroll = app.screen.query_one("#home", VerticalScroll)
        assert scroll.scroll_y == 0, "the form opens at its top"
        if height >= 24:
            assert scroll.max_scroll_y == 0, "the whole form fits"
