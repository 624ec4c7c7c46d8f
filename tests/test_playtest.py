"""The play-test's list (issue 20), each item that is not a command-line one: what a round's
summary, the source reader and the home screen show."""

from __future__ import annotations

from helpers import moon, wrong_response
from quiz import words
from quiz.question import Order
from quiz.round.viewing import summary_view
from quiz.rounds import practice_spec
from quiz.session import Phase, Session


def test_a_missed_time_order_quotes_every_paragraph() -> None:
    pack = moon()
    session = Session(practice_spec(pack, 1, kinds=("order",), seed=3), pack)
    while session.phase is not Phase.FINISHED:
        session.answer(wrong_response(session.current))
        session.next()
    view = summary_view(session)
    assert len(view.missed) == 1
    for lines, o in zip(words.missed(view), session.outcomes, strict=True):
        q = o.question
        assert isinstance(q.key, Order) and len(q.origin.quotes) > 1
        said = "\n".join(lines)
        for quote in q.origin.quotes:
            # (each within its whole sentence, since reader 34d)
            assert quote.text in said, "every event's paragraph, not only the first"


async def test_the_source_reader_keeps_its_title_and_position() -> None:
    from textual.widgets import Static

    from apps import app_with, start, started, until
    from helpers import bundled
    from quiz.generate import all_questions
    from quiz.packs.quotes import paragraphs
    from quiz.tui.screens.play import PlayScreen
    from quiz.tui.screens.source import SourceScreen

    pack = bundled()
    source = next(iter(pack.sources.values()))
    paras = paragraphs(source.text)
    # a quote in the middle of the article: the reader scrolls to it, the title out of view
    quote = sorted((q.quote for q in all_questions(pack, 0)), key=lambda x: x.start)[
        len(pack.facts) // 2
    ]
    at = next(i for i, p in enumerate(paras, 1) if p.start < quote.end and quote.start < p.end)
    assert 3 < at < len(paras) - 3
    app = app_with(start(pack, 1, 1))
    async with started(app) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        app.push_screen(SourceScreen(pack, quote))
        await until(pilot, lambda: isinstance(app.screen, SourceScreen))

        def bar() -> str:
            return str(app.screen.query_one("#source-bar", Static).render())

        where = f"paragraph {at} of {len(paras)} · the quote: paragraph {at}"
        await until(pilot, lambda: bar() == f"{source.title} · {where}")
        await pilot.press("home")
        top = f"paragraph 1 of {len(paras)} · the quote: paragraph {at}"
        await until(pilot, lambda: bar() == f"{source.title} · {top}")


async def test_all_ticked_is_all_in_both_lists() -> None:
    from textual.widgets import SelectionList

    from apps import started, until
    from quiz.tui.screens.play import PlayScreen
    from test_tui_progress import home_app, loaded_home

    app = home_app()
    async with started(app) as pilot:
        home = await loaded_home(pilot)
        home.query_one("#pack").value = "moon"  # type: ignore[attr-defined]
        await pilot.pause()
        topics = home.query_one("#topics", SelectionList)
        kinds = home.query_one("#kinds", SelectionList)
        assert len(topics.selected) == topics.option_count > 1
        assert len(kinds.selected) == kinds.option_count
        topics.deselect_all()  # none ticked is none, as for the kinds: refused, said
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is home
        topics.select_all()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        spec = app.screen.session.spec  # type: ignore[attr-defined]
        assert spec.topics is None and spec.kinds is None, "all ticked: no filter"


async def test_focus_is_in_sight_on_every_home_field() -> None:
    """Each field Tab reaches shows it has focus: reversed, or on a clearly other background
    (a play-test could not see it: the compact fields went one step of grey lighter)."""
    from textual.widgets import Select

    from apps import started
    from test_tui_progress import home_app, loaded_home

    def look(widget) -> tuple[object, object]:  # noqa: ANN001 - a focusable widget
        shown = widget.query_one("SelectCurrent") if isinstance(widget, Select) else widget
        style = shown.rich_style
        return style, style.bgcolor

    def far(a: object, b: object) -> bool:
        (r1, g1, b1), (r2, g2, b2) = a.triplet, b.triplet  # type: ignore[attr-defined]
        return abs(r1 - r2) + abs(g1 - g2) + abs(b1 - b2) >= 90

    app = home_app()
    async with started(app, (100, 40)) as pilot:
        home = await loaded_home(pilot)
        await pilot.pause()
        chain = list(home.focus_chain)
        assert len(chain) >= 12, [w.id for w in chain]
        for widget in chain:
            home.set_focus(None)
            await pilot.pause()
            plain, bg = look(widget)
            widget.focus()
            await pilot.pause()
            focused, focused_bg = look(widget)
            assert (focused.reverse and not plain.reverse) or far(bg, focused_bg), widget


async def test_the_stats_shading_keeps_its_order_in_256_and_16_colours() -> None:
    """The paragraph bars: a pattern each (thick, dashed, thin), no tinted background, and
    colours that stay red, yellow and green when a terminal has 256 or 16 colours."""
    from rich.color import Color as RichColor
    from rich.color import ColorSystem
    from textual.widgets import Static

    from apps import started, until
    from quiz.tui.screens.stats import StatsScreen
    from test_tui_progress import home_app, play_round_from_home

    app = home_app()
    async with started(app) as pilot:
        await play_round_from_home(pilot, 2, right=False)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        key = " ".join(str(s.render()) for s in app.screen.query(".label").results(Static))
        assert "thick red bar: mostly missed" in key and "dashed yellow: mixed" in key
        shades = [Static("x", classes=f"para shade-{k}") for k in ("weak", "fair", "strong")]
        await app.screen.mount_all(shades)
        await pilot.pause()
        patterns = [s.styles.border_left[0] for s in shades]
        assert patterns == ["thick", "dashed", "solid"]
        assert all(s.styles.background.a == 0 for s in shades), "no tint to round to black"
        colours = [RichColor.parse(s.styles.border_left[1].hex) for s in shades]
        standard = [c.downgrade(ColorSystem.STANDARD).number for c in colours]
        assert [n % 8 for n in standard] == [1, 3, 2], standard  # red, yellow, green
        for c in colours:
            eight_bit = c.downgrade(ColorSystem.EIGHT_BIT)
            assert eight_bit.get_truecolor() == c.get_truecolor(), "exact in 256 colours"
