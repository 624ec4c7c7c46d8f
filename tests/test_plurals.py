"""The play-test's "1 players": counts said with the right word form, through quiz.words
(ngettext), wherever the program says how many."""

from __future__ import annotations

from pathlib import Path

import jinja2

from helpers import run_quiz
from quiz import words
from quiz.web import server


def test_the_counts_take_the_singular_for_one() -> None:
    assert words.n_players(1) == "1 player" and words.n_players(2) == "2 players"
    assert words.n_facts(1) == "1 fact" and words.n_sittings(1) == "1 sitting"
    assert words.n_answers(1) == "1 answer"
    assert words.wrote_to(1, "x.json") == "wrote 1 question to x.json"
    assert words.written_of("aiken", 0, 1) == "aiken: 0 of 1 question written; left out:"
    assert words.serving_limits(1, "60").startswith("up to 1 player at once;")
    assert words.answers_lost(1).startswith("1 answer could not")
    assert words.player_counts(1, 1, 1, None) == "1 round, 1 imported sitting, 1 fact"


def test_export_says_one_question(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    result = run_quiz("export", "--count", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"quiz: wrote 1 question to {out}" in result.stderr


def test_the_full_page_says_one_player() -> None:
    from quiz.lang import translations

    folder = Path(server.__file__).parent / "templates"
    page = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder), autoescape=True, extensions=["jinja2.ext.i18n"]
    )
    page.install_gettext_translations(translations("en"), newstyle=True)  # type: ignore[attr-defined]
    text = " ".join(page.get_template("full.html").render(most=1).split())
    assert "1 player is playing on this server already" in text
    many = " ".join(page.get_template("full.html").render(most=3).split())
    assert "3 players are playing" in many
    page.install_gettext_translations(translations("lt"), newstyle=True)  # type: ignore[attr-defined]
    said = [" ".join(page.get_template("full.html").render(most=n).split()) for n in (1, 3, 10)]
    assert "jau žaidžia 1 žaidėjas:" in said[0] and "jau žaidžia 3 žaidėjai:" in said[1]
    assert "jau žaidžia 10 žaidėjų:" in said[2]
