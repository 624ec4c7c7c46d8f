"""`quiz limits` and `quiz play --mode review --until-done`: a player's daily limits are set
and shown with what today used, kept with the player, and bad values are usage errors."""

from __future__ import annotations

from pathlib import Path

from conftest import MOON
from helpers import run_quiz


def test_limits_are_set_shown_and_kept_with_the_player(tmp_path: Path) -> None:
    common = ("--db", str(tmp_path / "p.db"), "--packs", str(MOON.parent))
    out = run_quiz("limits", *common, "--player", "Ada", "--new", "2")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "Ada's daily limits, on all packs together: 2 new facts, 200 reviews."
    assert lines[1] == "Today: 0/200 reviews, 0/2 new facts."
    review = run_quiz(
        "play", "moon", *common, "--player", "Ada", "--mode", "review", "--until-done",
        "--plain", input="1\n" * 20,
    )  # fmt: skip
    assert review.returncode == 0, review.stderr
    assert "Review over." in review.stdout and " of 2 right" in review.stdout  # the day's two
    shown = run_quiz("limits", *common, "--player", "Ada").stdout.splitlines()
    assert shown[0].endswith("2 new facts, 200 reviews.")  # kept with the player
    assert shown[1] == "Today: 0/200 reviews, 2/2 new facts."
    again = run_quiz("play", "moon", *common, "--player", "Ada", "--mode", "review", "--plain")
    assert again.returncode == 0
    assert again.stdout.startswith("Nothing due now, and today's 2 new facts are done")


def test_bad_limits_and_until_done_without_review_are_usage_errors(tmp_path: Path) -> None:
    common = ("--db", str(tmp_path / "p.db"), "--packs", str(MOON.parent))
    for argv in (
        ("limits", "--new", "-1"),
        ("limits", "--reviews", "10000"),
        ("play", "--until-done", "--plain"),
        ("play", "--mode", "review", "--until-done", "--count", "5", "--plain"),
    ):
        out = run_quiz(*argv, *common)
        assert out.returncode == 2, (argv, out.stdout, out.stderr)
        assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
