"""Paper codes (quiz.papers): short, read aloud, checked; the same code is the same paper on
every machine; bad, mistyped and foreign codes are one-line errors with exit status 2."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MOON
from helpers import bundled, moon, run_quiz
from quiz.generate import round_questions
from quiz.kinds import KIND_NAMES
from quiz.papers import (
    ALPHABET,
    SHORTEST,
    Paper,
    PaperError,
    canonical,
    check_char,
    decode,
    encode,
    group,
    paper_spec,
)


def codes() -> list[tuple[str, Paper]]:
    """Real codes of both packs: every field used, short and long ones."""
    out = []
    for pack in (moon(), bundled()):
        for seed, count, kinds, topics, limit in [
            (0, 1, None, None, None),
            (7, 10, None, None, 1200),
            (65535, 200, ("choice", "typed"), None, None),
            (123, 20, None, pack.topics[:2], 86400),
            (4321, 5, KIND_NAMES[-3:], pack.topics[-1:], 1),
        ]:
            spec = paper_spec(pack, seed, count, kinds, topics, limit)
            code = encode(spec, pack)
            out.append((code, Paper(code, spec, pack)))
    return out


# -- what a code is -------------------------------------------------------------------


def test_a_code_decodes_to_the_spec_it_was_made_from() -> None:
    installed = [moon(), bundled()]
    for code, made in codes():
        paper = decode(code, installed)
        assert paper.spec == made.spec and paper.pack is made.pack and paper.code == code
        assert paper.spec.mode == "exam" and paper.spec.feedback == "end"
        assert not paper.spec.rules.streak_bonus and not paper.spec.rules.speed_bonus


def test_codes_are_short_grouped_and_use_no_look_alikes() -> None:
    lengths = set()
    for code, _ in codes():
        chars = code.replace("-", "")
        lengths.add(len(chars))
        assert set(chars) <= set(ALPHABET)
        assert not set(chars) & set("ILOU")
        assert code == group(chars) and all(len(g) <= 4 for g in code.split("-"))
    assert min(lengths) == SHORTEST == 14  # no time limit, every topic
    assert max(lengths) <= 21  # a time limit and a topic mask of 11 topics


def test_a_code_is_read_however_it_is_written() -> None:
    code, paper = codes()[1]
    chars = code.replace("-", "")
    written = [
        code.lower(),
        chars,
        " ".join(chars),
        chars.replace("0", "O").replace("1", "I"),
        chars.replace("1", "l"),
    ]
    for text in written:
        assert decode(text, [moon()]).spec == paper.spec, text


def test_every_single_wrong_character_and_every_swap_of_neighbours_is_caught() -> None:
    substitutions = swaps = 0
    real = codes()
    for code, _ in real:
        chars = code.replace("-", "")
        for i, c in enumerate(chars):
            for other in ALPHABET:
                if other != c:
                    substitutions += 1
                    typo = chars[:i] + other + chars[i + 1 :]
                    with pytest.raises(PaperError, match="mistyped"):
                        canonical(typo)
        for i in range(len(chars) - 1):
            if chars[i] != chars[i + 1]:
                swaps += 1
                typo = chars[:i] + chars[i + 1] + chars[i] + chars[i + 2 :]
                with pytest.raises(PaperError, match="mistyped"):
                    canonical(typo)
    # Every one was tried: 31 wrong characters at each place (5,208 over these 10 codes) and
    # each swap of two different neighbours (137).
    assert substitutions == 31 * sum(len(c.replace("-", "")) for c, _ in real) > 5000
    assert swaps > 100


def test_the_check_character_is_not_a_constant() -> None:
    """The test above could pass with a check that rejects everything: real codes pass, and
    the check character depends on every position."""
    bodies = {code.replace("-", "")[:-1] for code, _ in codes()}
    assert len({check_char(b) for b in bodies}) > 3
    for body in bodies:
        assert canonical(body + check_char(body))


# -- bad and foreign codes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("ABCD-EFGH", "too short"),
        ("ABCD-EFGH-JKMN-PU", "'U' is not used"),
        ("ABCD-EFGH-JKMN-P!", "'!' is not used"),
        ("ABCD\x1b[2J-EFGH", "is not used"),
    ],
)
def test_malformed_codes_say_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(PaperError, match=says.replace("[", r"\[")) as caught:
        decode(text, [moon()])
    assert "\n" not in str(caught.value) and "\x1b" not in str(caught.value)


def test_a_code_of_the_wrong_length_or_version_is_refused() -> None:
    code, _ = codes()[0]
    body = code.replace("-", "")[:-1]
    longer = body + "0"
    with pytest.raises(PaperError, match="wrong length"):
        decode(longer + check_char(longer), [moon()])
    other_version = "Z" + body[1:]  # the top bits of the first character are the version
    with pytest.raises(PaperError, match="another version of quiz"):
        decode(other_version + check_char(other_version), [moon()])


def test_a_code_for_a_pack_not_installed_is_refused() -> None:
    code, _ = codes()[0]  # a moon paper
    with pytest.raises(PaperError, match="not installed here"):
        decode(code, [bundled()])


def test_a_code_for_another_version_of_an_installed_pack_names_it(tmp_path: Path) -> None:
    code, _ = codes()[0]
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "moon.txt").write_bytes((MOON.parent / "sources/moon.txt").read_bytes())
    newer = tmp_path / "moon.yaml"
    newer.write_text(
        MOON.read_text(encoding="utf-8").replace("version: 1.0.0", "version: 1.1.0", 1),
        encoding="utf-8",
    )
    from quiz.packs.loader import load_pack

    installed = load_pack(newer)
    assert installed.version == "1.1.0"
    with pytest.raises(PaperError, match="another version of pack 'moon'.*1.1.0"):
        decode(code, [installed])


def test_every_kind_has_its_bit() -> None:
    """A kind added to quiz.kinds needs a new code version (a wider kinds field)."""
    from quiz.papers import KIND_BITS

    assert len(KIND_NAMES) <= KIND_BITS, "a new kind: give paper codes a new version"


def test_an_impossible_paper_cannot_be_encoded() -> None:
    with pytest.raises(PaperError, match="seed"):
        paper_spec(moon(), 70_000, 10)
    with pytest.raises(PaperError, match="time limit"):
        paper_spec(moon(), 1, 10, time_limit=0)


# -- on the command line ----------------------------------------------------------------


def test_paper_new_prints_the_code_last_and_paper_show_reads_it(tmp_path: Path) -> None:
    made = run_quiz(
        "paper", "new", str(MOON), "--count", "4", "--seed", "12", "--time-limit", "600"
    )
    assert made.returncode == 0, made.stderr
    code = made.stdout.split()[-1]
    paper = decode(code, [moon()])
    assert (paper.spec.seed, paper.spec.count, paper.spec.time_limit) == (12, 4, 600)
    # the moon pack is given by its path: students need its folder named, and a copy
    assert f"quiz play --paper {code} --packs " in made.stdout
    assert "each student needs moon.yaml" in made.stdout
    bundled = run_quiz("paper", "new", "--count", "4", "--seed", "12").stdout
    assert (
        bundled.splitlines()[-2] == f"Students sit it with: quiz play --paper {bundled.split()[-1]}"
    )
    shown = run_quiz("paper", "show", code.lower(), "--packs", str(MOON))
    assert shown.returncode == 0 and shown.stdout.split()[-1] == code
    assert "4 questions" in shown.stdout and "10:00" in shown.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["paper", "show", "CQ17-50R0-0G9Z-W6"], "mistyped"),
        (["paper", "show", "hello"], "too short"),
        (["play", "--plain", "--paper", "B0B0-B0B0-B0B0-B0"], "mistyped"),
        (["paper", "new", "--seed", "70000"], "seed"),
        (["paper", "new", str(MOON), "--count", "200"], "only"),
        (["play", str(MOON), "--paper", "x"], "leave out PACK"),
    ],
)
def test_bad_codes_and_papers_are_one_line_errors(args: list[str], says: str) -> None:
    done = run_quiz(*args)
    assert done.returncode == 2, done.stdout
    assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr


def test_a_foreign_code_is_a_one_line_error(tmp_path: Path) -> None:
    code, _ = codes()[0]  # the moon pack is not installed unless --packs names it
    done = run_quiz("play", "--plain", "--paper", code, "--db", str(tmp_path / "p.db"))
    assert done.returncode == 2
    assert "not installed here" in done.stderr and len(done.stderr.splitlines()) == 1


# -- the same paper everywhere --------------------------------------------------------


def _seen(pack_questions: list) -> list[tuple[str, str, list[str]]]:
    return [(q.id, q.prompt, list(q.options)) for q in pack_questions]


def test_the_same_code_gives_the_same_paper_under_any_hash_seed() -> None:
    pack = bundled()
    spec = paper_spec(pack, 31337, 20, time_limit=900)
    code = encode(spec, pack)
    here = _seen(round_questions(pack, spec))
    assert len(here) >= 18  # one in ten short rather than two answering each other
    outputs = set()
    for hash_seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-m", "quiz", "export", "--paper", code, "--format", "json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
        exported = json.loads(done.stdout)["questions"]
        assert [(q["id"], q["prompt"], q["options"]) for q in exported] == here
    assert len(outputs) == 1


def test_the_readme_example_code_is_the_code_of_its_example_paper() -> None:
    """The README's classroom commands run as written (tests/test_docs.py), on a copy of the
    moon pack: its code must be the one `quiz paper new` prints for that paper."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    made = "quiz paper new my-packs/my-pack.yaml --count 4 --seed 7 --time-limit 1200"
    assert made in readme
    code = encode(paper_spec(moon(), 7, 4, time_limit=1200), moon())
    shown = set(re.findall(r"\b(?:[0-9A-Z]{4}-){4}[0-9A-Z]{2}\b", readme))
    assert shown == {code}, f"the README's paper code should be {code}"
