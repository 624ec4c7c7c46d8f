"""`quiz play`'s first question drawn from memory (quiz.first_view, screens/first.py): it is
the round's own first question, kept only for exactly what decides it, and an answer given
on it reaches the round only if it is that question. Behaviour only: no timings."""

from __future__ import annotations

import argparse
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from apps import started, until
from helpers import moon_folder
from quiz import first_view as fv
from quiz.cli import build_parser
from quiz.packs.places import cache_dir
from quiz.packs.registry import resolve
from quiz.round.viewing import question_view
from quiz.rounds import practice_spec
from quiz.scoring import Rules
from quiz.services import make_services
from quiz.session import Session
from quiz.tui.app import QuizApp
from quiz.tui.screens.first import FirstQuestionScreen
from quiz.tui.screens.play import PlayScreen


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    return moon_folder(tmp_path / "packs")


def args_of(*argv: str) -> argparse.Namespace:
    args = build_parser().parse_args(["play", *argv])
    args.packs = [*args.packs, *getattr(args, "packs_after", [])]
    return args


def made(args: argparse.Namespace) -> Session:
    """The round `quiz play` makes of these arguments."""
    pack = resolve(args.pack, args.packs)
    rules = Rules(speed_bonus=args.speed_bonus, streak_bonus=not args.no_streak)
    spec = practice_spec(pack, args.count or 10, args.kinds, args.topics, rules, args.seed)
    return Session(spec, pack)


def kept(args: argparse.Namespace, language: str = "en") -> fv.FirstView | None:
    key = fv.key_of(args, language)
    assert key is not None
    return fv.cached(key)


def keep(args: argparse.Namespace, session: Session, language: str = "en") -> None:
    key = fv.key_of(args, language)
    assert key is not None
    pack = session.pack
    assert pack is not None
    fv.remember(key, fv.first_view(session), pack.path, [s.file for s in pack.sources.values()])


@pytest.mark.parametrize(
    "argv", [["--plain", "--seed", "1"], ["--mode", "review", "--seed", "1"], ["--paper", "X1"], []]
)
def test_only_a_practice_round_with_a_seed_is_drawn_from_memory(argv: list[str]) -> None:
    assert fv.key_of(args_of(*argv), "en") is None


def test_what_is_drawn_is_the_rounds_own_first_question_over_many_seeds() -> None:
    """Truth first: for every seed, what a later run draws from memory is what the round
    made then asks first (prompt, options and how they are answered), and one run's key
    never serves another seed's question."""
    drawn_any = 0
    for seed in range(40):
        args = args_of("--seed", str(seed), "--count", "5")
        keep(args, made(args))
        shown = kept(args)
        again = made(args)
        view = question_view(again)
        first = fv.first_view(again)
        assert shown == first
        if shown is not None:
            drawn_any += 1
            assert (shown.prompt, shown.options) == (view.prompt, view.options)
            other = args_of("--seed", str(seed + 1000), "--count", "5")
            assert kept(other) is None
    assert drawn_any > 10  # most first questions have options


def first_with_options(*argv: str, mode: str | None = None) -> argparse.Namespace:
    """Arguments whose round opens with a question with options (answered in `mode`)."""
    for seed in range(100):
        args = args_of("--seed", str(seed), *argv)
        view = fv.first_view(made(args))
        if view is not None and mode in (None, view.mode):
            return args
    raise AssertionError("no seed opens with such a question")


@pytest.mark.parametrize(
    "change",
    ["count", "kinds", "scoring", "language", "pack edited", "source edited", "code edited"],
)
def test_anything_that_decides_the_round_is_in_the_key(
    packs: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = first_with_options("--packs", str(packs), "moon", "--count", "4")
    keep(args, made(args))
    assert kept(args) is not None
    language = "en"
    if change == "count":
        args.count = 5
    elif change == "kinds":
        args.kinds = ["choice"]
    elif change == "scoring":
        args.no_streak = True
    elif change == "language":
        language = "lt"
    elif change == "pack edited":
        with open(packs / "moon.yaml", "a", encoding="utf-8") as fh:
            fh.write("\n# edited\n")
    elif change == "code edited":  # a module of the program: its stamp is another
        from quiz.packs import places

        stamp = places.package_stamp

        def edited(salt: str = "") -> str | None:
            found = stamp(salt)
            return None if found is None else found + "-edited"

        monkeypatch.setattr(places, "package_stamp", edited)
    else:
        with open(packs / "sources" / "moon.txt", "a", encoding="utf-8") as fh:
            fh.write("\nMore.\n")
    assert kept(args, language) is None


@pytest.mark.parametrize("damage", ["", "{", "[]", '{"key": null}', '{"key": {}, "view": 3}'])
def test_a_damaged_file_is_a_miss(damage: str) -> None:
    args = first_with_options("--count", "3")
    keep(args, made(args))
    folder = cache_dir()
    assert folder is not None
    (folder / fv.FILE).write_text(damage, encoding="utf-8")
    assert kept(args) is None


def test_an_unwritable_cache_folder_or_caching_off_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = first_with_options("--count", "3")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file", encoding="utf-8")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(blocker))
    keep(args, made(args))  # no error
    assert kept(args) is None
    monkeypatch.setenv("QUIZ_NO_CACHE", "1")
    keep(args, made(args))
    assert kept(args) is None


# -- the screen ------------------------------------------------------------------------


def app_from_memory(
    args: argparse.Namespace, view: fv.FirstView, hold: threading.Event | None = None
) -> QuizApp:
    def make() -> Session:
        if hold is not None:
            hold.wait(10)
        return made(args)

    return QuizApp(make_services(), first_view=view, make_round=make)


async def test_an_answer_on_the_drawn_question_reaches_the_round() -> None:
    args = first_with_options("--count", "3", mode="single")  # a digit answers
    view = fv.first_view(made(args))
    assert view is not None
    hold = threading.Event()
    app = app_from_memory(args, view, hold)
    async with started(app) as pilot:
        assert isinstance(app.screen, FirstQuestionScreen)
        await pilot.press("1")
        first = app.screen
        assert isinstance(first, FirstQuestionScreen)  # the round is still being made
        assert first.pending == 0
        hold.set()
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        play = app.screen
        assert isinstance(play, PlayScreen)
        await until(pilot, lambda: play.feedback is not None)
        outcome = play.session.outcomes[0]
        assert outcome.response == 0  # the first option, as drawn and as asked
        assert app.first_made == view


async def test_an_answer_to_a_question_that_is_not_the_rounds_is_not_taken() -> None:
    args = first_with_options("--count", "3", mode="single")
    view = fv.first_view(made(args))
    assert view is not None
    wrong = replace(view, options=tuple(reversed(view.options)), prompt="Another question?")
    hold = threading.Event()
    app = app_from_memory(args, wrong, hold)
    async with started(app) as pilot:
        await pilot.press("1")
        hold.set()
        await until(pilot, lambda: isinstance(app.screen, PlayScreen))
        play = app.screen
        assert isinstance(play, PlayScreen)
        await pilot.pause(0.1)
        assert play.feedback is None and not play.session.outcomes  # the round's question
        assert play.asking is not None and play.asking.prompt == view.prompt  # is asked


async def test_leaving_before_the_round_is_up_ends_the_game() -> None:
    args = first_with_options("--count", "3")
    view = fv.first_view(made(args))
    assert view is not None
    hold = threading.Event()
    app = app_from_memory(args, view, hold)
    async with started(app) as pilot:
        await pilot.press("escape")
        hold.set()
        await until(pilot, lambda: not app.is_running)
    assert app.first_failure is None


async def test_a_round_that_cannot_be_made_is_said_after_the_screen() -> None:
    view = fv.FirstView("Q?", ("a", "b"), "single", "Press 1–2.", "Score 0", "Streak 0", "1/3")

    def make() -> Session:
        raise ValueError("the pack went away")

    app = QuizApp(make_services(), first_view=view, make_round=make)
    async with started(app) as pilot:
        await until(pilot, lambda: not app.is_running)
    assert isinstance(app.first_failure, ValueError)


def test_a_round_already_left_or_answered_has_no_first_frame_to_keep() -> None:
    """The flow keeps the first frame once it starts, and a player may have left or answered
    before that (a key pressed in the first frame): nothing is kept, nothing fails."""
    args = first_with_options("--count", "3", mode="single")
    answered = made(args)
    answered.answer(0)
    assert fv.first_view(answered) is None
    left = made(args)
    left.leave()
    assert fv.first_view(left) is None


async def test_the_first_frame_is_kept_while_the_round_is_played() -> None:
    """Kept once the first frame is drawn, not when the game ends: a game closed with its
    terminal (never ending on its own) is remembered all the same."""
    args = first_with_options("--count", "3")
    kept: list[fv.FirstView] = []
    app = QuizApp(make_services(), made(args), keep_first=kept.append)
    async with started(app) as pilot:
        await until(pilot, lambda: bool(kept))
        assert isinstance(app.screen, PlayScreen)
    assert kept == [fv.first_view(made(args))]
