"""One round, three front ends, the same words: a served tab (a real `quiz serve`, read as a
browser's terminal draws it), the full-screen game (Pilot) and the line mode play the same
round with the same answers, and each must say, about every answer, what the round driver's
feedback view says through `quiz.words` — no front end words a verdict its own way."""

from __future__ import annotations

import io
import re
from pathlib import Path

import aiohttp
import pytest

from apps import started, until
from helpers import moon as moon_pack
from quiz import words
from quiz.packs.model import Pack
from quiz.plain import run as run_plain
from quiz.question import Question, Response
from quiz.round.codes import Shape
from quiz.round.driver import Answered, SelfPaced
from quiz.round.views import FeedbackView
from quiz.services import make_services
from quiz.session import Session
from quiz.spec import PackRef, RoundSpec
from quiz.store import open_store
from quiz.tui.app import QuizApp
from quiz.words import Part
from served import ENTER, Player, Served, answer, next_question, sign_in_and_start

COUNT = 4
SEED = re.compile(r"best streak \d+ · seed (\d+)")


def served_response(q: Question) -> Response:
    """What tests/served.py's `answer` gives, whatever the question: option 1, '1' typed,
    the first option ticked, the first event moved down one."""
    if q.shape is Shape.ONE:
        return 0
    if q.shape is Shape.MANY:
        return (0,)
    if q.shape is Shape.ORDER:
        return (1, 0, *range(2, len(q.options)))
    return "1"


def line_of(q: Question, response: Response) -> str:
    """The same response as the line mode reads it."""
    if isinstance(response, tuple):
        return ",".join(str(i + 1) for i in response)
    return str(response + 1) if isinstance(response, int) else response


def session(pack: Pack, seed: int) -> Session:
    return Session(RoundSpec(PackRef.of(pack), seed, COUNT), pack)


def expected(pack: Pack, seed: int) -> list[FeedbackView]:
    """The driver's feedback on each answer: the reference every front end must say."""
    s = session(pack, seed)
    driver, heard = SelfPaced(s), []
    driver.subscribe(lambda e: heard.append(e.feedback) if isinstance(e, Answered) else None)
    driver.start()
    while s.phase.value != "finished":
        driver.answer(served_response(s.current))
        driver.next()
    return heard


def said(fb: FeedbackView) -> list[str]:
    """Every sentence about one answer; a passage as its paragraph."""
    return [line for _, line in words.feedback(fb)]


def flat(text: str) -> str:
    """Screen or line text with its wrapping undone: runs of blanks and line ends as one."""
    return re.sub(r"\s+", " ", text).strip()


def line_mode_blocks(pack: Pack, seed: int) -> list[str]:
    s = session(pack, seed)
    lines = [line_of(q, served_response(q)) for q in s.questions]
    out = io.StringIO()
    assert run_plain(s, io.StringIO("\n".join(lines) + "\n"), out) == 0
    return out.getvalue().split("\nQuestion ")[1:]


async def full_screen_texts(pack: Pack, seed: int) -> list[str]:
    """The feedback each answer gets in the full-screen game, as its widgets hold it."""
    s = session(pack, seed)
    app = QuizApp(make_services(), s)
    texts = []
    async with started(app) as pilot:
        for q in s.questions:
            screen = app.screen
            response = served_response(q)
            screen.submit(response)  # type: ignore[attr-defined]
            await until(pilot, lambda: screen.query("#feedback .verdict"))  # noqa: B023
            parts = screen.query("#feedback > *")
            texts.append("\n".join(str(p.render()) for p in parts))
            await pilot.press("enter")
            await until(pilot, lambda: not screen.query("#feedback .verdict"))  # noqa: B023
    return texts


@pytest.mark.parametrize("seed", [3, 11])
async def test_the_line_mode_and_the_full_screen_game_say_the_same(seed: int) -> None:
    pack = moon_pack()
    reference = expected(pack, seed)
    assert len(reference) == COUNT
    blocks = line_mode_blocks(pack, seed)
    screens = await full_screen_texts(pack, seed)
    for fb, block, screen in zip(reference, blocks, screens, strict=True):
        passages = iter(fb.passages)
        for part, line in words.feedback(fb):
            assert flat(line) in flat(screen), (part, line, screen)
            if part is Part.PASSAGE:  # the line mode sets the quoted words between » «
                p = next(passages)
                line = f"{p.before}»{p.marked}«{p.after}"
            assert flat(line) in flat(block), (part, line, block)


async def test_a_served_tab_says_what_the_others_say(tmp_path: Path) -> None:
    """A real `quiz serve` tab plays a round; the same round (its seed read off the summary)
    replayed through the driver must give the feedback the tab showed, answer by answer."""
    db = tmp_path / "progress.db"
    store = open_store(str(db))
    ann = store.player("Ann")
    store.save_prefs(ann.id, {"pack": "lithuania-nato", "count": COUNT})
    store.close()
    with Served(env={"QUIZ_DB": str(db)}) as server:
        async with aiohttp.ClientSession() as http:
            player = await Player(http, server.ws_url()).open()
            try:
                await sign_in_and_start(player, "Ann")
                shown = []
                for _ in range(COUNT):
                    await answer(player)
                    shown.append(player.text())
                    await next_question(player)
                summary = await player.until(lambda t: SEED.search(flat(t)), 30)
                await player.keys(ENTER)
            finally:
                await player.close()
    seed = int(summary.group(1))
    bundled = make_services().catalog.get().find("lithuania-nato")
    assert bundled is not None
    reference = expected(bundled, seed)
    for fb, screen in zip(reference, shown, strict=True):
        # what fits on the screen: the verdict, the answer given and the right one
        for part, line in words.feedback(fb):
            if part in (Part.VERDICT, Part.GIVEN, Part.ANSWER):
                assert flat(line) in flat(screen), (line, screen)
