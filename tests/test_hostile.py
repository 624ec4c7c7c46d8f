"""Hostile text never reaches a terminal: packs with control characters and bidi overrides
are refused (or warned about) with located errors, every output path shows what slips
through instead of sending it raw, and rough input to the line mode never crashes it."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MOON
from helpers import LOCATED, problems_of, run_quiz, write_pack
from quiz.packs import cache
from quiz.safe import BIDI, char_name, first_unsafe, visible

ESC = "\x1b"
MOON_TEXT = MOON.read_text(encoding="utf-8")


def variant(old: str, new: str, text: str = MOON_TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# -- the one function every output goes through --------------------------------------


def test_visible_shows_control_characters_and_keeps_length() -> None:
    raw = f"a{ESC}[2Jb\u202ec\td\ne\x9bf\x7f\x00"
    shown = visible(raw)
    assert shown == "a␛[2Jb\ufffdc\td\ne\ufffdf␡␀"
    assert len(shown) == len(raw)  # offsets into it (a highlighted quote) stay true
    assert first_unsafe(shown) is None


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "Šiauliai, Ämari, “quotes” – dashes\u00a0and no-break spaces",
        "👩\u200d🚀 an astronaut (a zero-width joiner inside an emoji)",
        "שָׁלוֹם and مرحبا: right-to-left scripts",
        "tab\tand\nnewline",
    ],
)
def test_visible_leaves_ordinary_text_alone(text: str) -> None:
    assert visible(text) == text and first_unsafe(text) is None


def test_characters_are_named_as_unicode_does() -> None:
    assert char_name(ESC) == "U+001B ESCAPE"
    assert char_name("\x9b") == "U+009B CONTROL SEQUENCE INTRODUCER"
    assert char_name("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert char_name("\u2069") == "U+2069 POP DIRECTIONAL ISOLATE"
    assert len(BIDI) == 9


# -- packs: refused with located errors ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ('forward: "Which of these astronauts', 'forward: "Which\\e[2J of these', "U+001B ESCAPE"),
        ("name: Michael Collins", 'name: "Michael\\x9b Collins"', "U+009B CONTROL"),
        (
            "name: Michael Collins",
            'name: "Michael \\e]8;;http://evil.example\\e\\\\Collins"',
            "U+001B ESCAPE",
        ),
        ("name: Michael Collins", 'name: "Michael\\u202e Collins"', "U+202E RIGHT-TO-LEFT"),
        ('quote: "Michael Collins stayed', 'quote: "Michael\\e Collins stayed', "U+001B"),
    ],
)
def test_a_control_character_in_a_pack_is_a_located_error(
    tmp_path: Path, old: str, new: str, named: str
) -> None:
    path = write_pack(tmp_path, variant(old, new))
    found = problems_of(path)
    hits = [p for p in found if named in p.message]
    assert hits, found
    p = hits[0]
    assert p.file.endswith("pack.yaml")
    assert p.line == MOON_TEXT[: MOON_TEXT.index(old)].count("\n") + 1
    done = run_quiz("check", str(path))
    assert done.returncode == 2
    assert ESC not in done.stderr and "\x9b" not in done.stderr and "\u202e" not in done.stderr
    assert all(LOCATED.match(line) for line in done.stderr.splitlines()), done.stderr
    assert "Traceback" not in done.stderr


def test_a_control_character_in_the_source_is_pinned_to_its_line(tmp_path: Path) -> None:
    path = write_pack(tmp_path, MOON_TEXT)
    source = tmp_path / "sources" / "moon.txt"
    text = source.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[2] = lines[2][:5] + ESC + "[31m" + lines[2][5:]
    source.write_text("\n".join(lines), encoding="utf-8")
    import hashlib

    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    import re

    path.write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", MOON_TEXT), "utf-8")
    done = run_quiz("check", str(path))
    assert done.returncode == 2
    assert "sources/moon.txt:3:6: U+001B ESCAPE" in done.stderr, done.stderr
    assert ESC not in done.stderr


def test_bidi_controls_in_prose_and_source_are_warnings(tmp_path: Path) -> None:
    text = variant(
        'statement: "{object} walked on the Moon during {subject}."',
        'statement: "{object} walked on the Moon during {subject}. \\u2067(note)\\u2069"',
    )
    path = write_pack(tmp_path, text)
    assert problems_of(path) == []  # a warning does not stop the pack
    done = run_quiz("check", str(path))
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "warning: " in line]
    assert warnings and "U+2067 RIGHT-TO-LEFT ISOLATE" in warnings[0], done.stderr
    assert LOCATED.match(warnings[0]) and ".yaml:33:" in warnings[0]
    assert "\u2067" not in done.stderr
    # The same character in a name is an error.
    named = variant("name: Michael Collins", 'name: "Michael \\u2067Collins"')
    assert any("U+2067" in p.message for p in problems_of(write_pack(tmp_path, named)))


def test_zero_width_joiners_and_right_to_left_names_stay_allowed(tmp_path: Path) -> None:
    text = variant("name: Michael Collins", 'name: "Michael Collins 👩\\u200d🚀"')
    text = variant("name: Buzz Aldrin", "name: Buzz Aldrin (באז אולדרין)", text)
    assert problems_of(write_pack(tmp_path, text)) == []


# -- every output path: defence in depth --------------------------------------------------


def _poisoned_cache(tmp_path: Path) -> Path:
    """A pack made safe by the loader, then poisoned in the cache (as an older loader's entry
    could be): the output paths must still not send the ESC."""
    env = {k: v for k, v in os.environ.items() if k.startswith("QUIZ_")}
    assert "QUIZ_CACHE_DIR" in env
    path = write_pack(tmp_path, MOON_TEXT, "moon.yaml")
    assert run_quiz("check", str(path)).returncode == 0
    done = run_quiz("export", str(path), "--count", "1")  # fills the cache
    assert done.returncode == 0, done.stderr
    entry = cache._entry(path.read_bytes())
    assert entry is not None and entry.exists()
    pack = pickle.loads(entry.read_bytes())
    from dataclasses import replace

    facts = tuple(
        replace(f, explanation=f"Boom{ESC}[2J{ESC}]8;;http://evil.example{ESC}\\link")
        for f in pack.facts
    )
    entry.write_bytes(pickle.dumps(replace(pack, facts=facts)))
    return path


def test_the_line_mode_and_exports_show_what_slips_through(tmp_path: Path) -> None:
    path = _poisoned_cache(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "play", str(path), "--plain", "--count", "3", "--seed", "1"],
        input=b"1\n1\n1\n",
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout and b"\x1b" not in done.stderr
    assert "Boom␛[2J".encode() in done.stdout
    for fmt in ("json", "gift", "aiken", "anki-csv", "markdown"):
        out = subprocess.run(
            [sys.executable, "-m", "quiz", "export", str(path), "--all", "--format", fmt],
            capture_output=True,
            timeout=60,
        )
        assert out.returncode == 0, (fmt, out.stderr)
        assert b"\x1b" not in out.stdout, fmt


async def test_the_full_screen_game_shows_what_slips_through(tmp_path: Path) -> None:
    from apps import app_with, session_with, started
    from quiz.generate import all_questions
    from quiz.packs.registry import load
    from quiz.tui.widgets.passage import Passage

    path = _poisoned_cache(tmp_path)
    pack = load(path)
    q = next(q for q in all_questions(pack) if q.kind == "choice")
    assert ESC in q.explanation
    app = app_with(session_with(pack, [q]))
    async with started(app) as pilot:
        await pilot.press("1")
        shown = [str(w.render()) for w in app.screen.query("#feedback Static")]
        assert any("Boom␛[2J" in s for s in shown), shown
        assert not any(ESC in s for s in shown)
        assert app.screen.query(Passage)


# -- rough input to the line mode --------------------------------------------------------


def _plain(stdin: bytes, *extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", "play", str(MOON), "--plain", "--count", "1"]
        + ["--seed", "1", "--kinds", "choice", *extra],
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def test_a_5000_digit_answer_is_refused_not_a_crash() -> None:
    done = _plain(b"1" * 5000 + b"\n1\n")
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert b"that line is 5,000 characters long" in done.stdout
    assert b"1" * 100 not in done.stdout  # never echoed back
    assert b"Round over." in done.stdout


def test_a_megabyte_line_is_skipped_without_echo() -> None:
    done = _plain(b"x" * 1_000_000 + b"\n1\n")
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert len(done.stdout) < 20_000
    assert b"1,000,000 characters long" in done.stdout


def test_bytes_that_are_not_utf8_get_a_plain_word() -> None:
    done = _plain(b"\xff\xfe\xfa\n1\n")
    assert done.returncode == 0
    assert b"that line is not UTF-8 text" in done.stdout
    assert b"\\udc" not in done.stdout and b"\xff" not in done.stdout


def test_a_long_word_is_echoed_only_as_an_excerpt() -> None:
    done = _plain(b"abcdefghij" * 30 + b"\n1\n")
    assert b"not an option: 'abcdefghijabcdefghij\xe2\x80\xa6'" in done.stdout


def test_full_screen_needs_a_terminal() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "play", str(MOON)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stdout == ""  # no escape codes written into a file
    assert done.stderr.count("\n") == 1 and "quiz play --plain" in done.stderr


# -- the parsed-pack cache is keyed on the code that builds packs ------------------------


def test_a_changed_loader_never_reads_the_old_cache(tmp_path: Path, monkeypatch) -> None:
    import shutil

    here = Path(cache.__file__).parent
    before = cache.code_digest()
    copy = tmp_path / "quiz"
    shutil.copytree(here.parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "__file__", str(copy / "packs" / "cache.py"))
    cache.code_digest.cache_clear()
    try:
        assert cache.code_digest() == before  # the same code: the same key
        loader = copy / "packs" / "loader.py"
        loader.write_text(loader.read_text() + "\n# a new rule\n")
        cache.code_digest.cache_clear()
        with_rule = cache.code_digest()
        assert with_rule != before
        new_file = copy / "packs" / "rules" / "sections.py"  # a module added in a subfolder
        new_file.parent.mkdir()
        new_file.write_text("")
        cache.code_digest.cache_clear()
        assert cache.code_digest() not in (before, with_rule)
    finally:
        cache.code_digest.cache_clear()


# -- pack folders ---------------------------------------------------------------------------


def test_packs_folder_before_or_after_the_command(tmp_path: Path) -> None:
    write_pack(tmp_path, MOON_TEXT, "moon.yaml")
    for args in (
        ("--packs", str(tmp_path), "export", "moon", "--count", "1"),
        ("export", "moon", "--count", "1", "--packs", str(tmp_path)),
    ):
        done = run_quiz(*args)
        assert done.returncode == 0, (args, done.stderr)


def test_a_missing_packs_folder_is_an_error(tmp_path: Path) -> None:
    done = run_quiz("play", "--plain", "--packs", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert done.stderr == f"quiz: --packs {tmp_path / 'nowhere'}: no such folder or file\n"


def test_check_a_folder(tmp_path: Path) -> None:
    write_pack(tmp_path, MOON_TEXT, "a.yaml")
    write_pack(tmp_path, MOON_TEXT.replace("id: moon", "id: moon-two"), "b.yaml")
    done = run_quiz("check", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(": ok — pack") == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_quiz("check", str(empty))
    assert done.returncode == 2 and "no pack files" in done.stderr
