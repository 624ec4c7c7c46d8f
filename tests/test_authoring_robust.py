"""The authoring commands and pack sources under hostile or careless input: a bad --out, a
named pipe or a huge file as a source, CRLF and NUL bytes, symbolic links, a full disk, two
packs with one id, a cached pack copied to another folder, escape sequences in file names.
Each case was reproduced by a reviewer: a traceback, a hang, or a wrong answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, MOON
from helpers import LOCATED, run_quiz
from quiz.authoring import scaffold
from quiz.authoring.candidates import candidates
from quiz.authoring.explain import explain
from quiz.check import check_pack
from quiz.cli import main
from quiz.kinds import RECALL_KINDS
from quiz.packs import registry
from quiz.packs.reading import MAX_SOURCE_BYTES

TEXT = "A Title\n\nThe Moon is 384,400 kilometres away. It was reached in 1969.\n"


def _run(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:  # in-process: fast
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _moon_in(folder: Path, name: str = "moon.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DATA / "sources", folder / "sources", dirs_exist_ok=True)
    shutil.copy(MOON, folder / name)
    return folder / name


# -- 1. a bad --out ------------------------------------------------------------------------


def _afile(root: Path) -> list[str]:
    (root / "afile").write_text("x", encoding="utf-8")
    return ["--out", "afile"]


def _sources_is_a_file(root: Path) -> list[str]:
    (root / "out").mkdir()
    (root / "out" / "sources").write_text("x", encoding="utf-8")
    return ["--out", "out"]


def _pack_is_a_folder(root: Path) -> list[str]:
    (root / "out" / "x.yaml").mkdir(parents=True)
    return ["--out", "out", "--force"]


def _cannot_create(root: Path) -> list[str]:
    return ["--out", "/proc/nope"]


@pytest.mark.parametrize(
    ("setup", "says"),
    [
        (_afile, "afile is a file, not a folder"),
        (_sources_is_a_file, "out/sources is a file, not a folder"),
        (_pack_is_a_folder, "out/x.yaml is a folder"),
        (_cannot_create, "/proc/nope/sources: cannot create the folder"),
    ],
)
def test_new_with_a_bad_out_says_why_in_one_line(
    here: Path, capsys: pytest.CaptureFixture[str], setup, says: str
) -> None:
    status, _, err = _run(capsys, "new", "notes.txt", "--id", "x", *setup(here))
    assert status == 2
    line = _one_line(err)
    assert line.startswith("quiz: ") and says in line
    assert not (here / "out" / "x.yaml").is_file()


# -- 2. a named pipe or a huge file as a source ----------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need os.mkfifo (POSIX)")
def test_a_named_pipe_as_a_source_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Each of these hung forever before; a timeout stands for the hang."""
    pack = _moon_in(tmp_path / "packs")
    (tmp_path / "packs" / "sources" / "moon.txt").unlink()
    os.mkfifo(tmp_path / "packs" / "sources" / "moon.txt")
    os.mkfifo(tmp_path / "notes.txt")
    why = "it is a named pipe (FIFO), not a regular file"
    checked = run_quiz("check", str(pack), timeout=30)
    assert checked.returncode == 2
    m = LOCATED.match(_one_line(checked.stderr))
    assert (
        m and "cannot read source file 'sources/moon.txt'" in m["message"] and why in m["message"]
    )
    listed = run_quiz("packs", "--packs", str(tmp_path / "packs"), timeout=30)
    assert listed.returncode == 0 and "moon.yaml: not loaded" in listed.stderr
    made = run_quiz("new", "notes.txt", "--id", "x", cwd=tmp_path, timeout=30)
    assert made.returncode == 2 and _one_line(made.stderr) == f"quiz: notes.txt: cannot read: {why}"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need os.mkfifo (POSIX)")
def test_a_named_pipe_as_a_pack_file_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    checked = run_quiz("check", str(tmp_path / "pipe.yaml"), timeout=30)
    assert checked.returncode == 2 and "named pipe" in _one_line(checked.stderr)


def test_a_source_over_the_limit_is_refused_unread(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _moon_in(here / "packs")
    with (here / "packs" / "sources" / "moon.txt").open("r+b") as fh:
        fh.truncate(MAX_SOURCE_BYTES + 1)  # sparse: no 4 MiB written
    report = check_pack(pack)
    (problem,) = report.problems
    assert problem.line > 0 and problem.file.endswith("moon.yaml")
    assert "a source may be at most 4 MiB" in problem.message
    with (here / "notes.txt").open("r+b") as fh:
        fh.truncate(MAX_SOURCE_BYTES + 1)
    status, _, err = _run(capsys, "new", "notes.txt", "--id", "x")
    assert status == 2 and "a source may be at most 4 MiB" in _one_line(err)


# -- 3. line numbers kept running; a skeleton over the pack limit ----------------------------


def test_candidate_lines_are_the_lines_the_sentences_start_on() -> None:
    text = "".join(f"Sentence {i} is here.\n" + "\n" * (i % 3) for i in range(300))
    found = candidates(text)
    assert len(found) == 300
    for c in found:
        start = text.index(c.text)
        assert c.line == text.count("\n", 0, start) + 1


def test_a_skeleton_over_the_pack_limit_is_refused_and_nothing_written(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scaffold, "MAX_BYTES", 1000)
    status, _, err = _run(capsys, "new", "notes.txt", "--id", "x", "--out", "out")
    assert status == 2 and "a pack may be at most 0 MiB" in _one_line(err)
    assert not (here / "out").exists()


# -- 4. what the loader would refuse, refused (or made plain) up front ----------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"A Title\r\n\r\nOne sentence here.\r\nAnother one, in 1969.\r\n",
        b"\xef\xbb\xbfA Title\n\nOne sentence here.\n",
        b"\xef\xbb\xbfOld Mac\r\rLone carriage returns end these lines.\rA second one.\r",
        "Tab\there, a bidi \u202e mark and a line\u2028separator. Then “quotes”.\n".encode(),
        b"No final newline. Two sentences",
    ],
)
def test_a_fresh_skeleton_always_passes_check(
    here: Path, capsys: pytest.CaptureFixture[str], raw: bytes
) -> None:
    (here / "t.txt").write_bytes(raw)
    status, out, err = _run(capsys, "new", "t.txt", "--id", "t")
    assert status == 0, err
    report = check_pack(here / "t.yaml")
    assert report.problems == [], [str(p) for p in report.problems]
    pack = report.pack
    assert pack is not None and "\ufeff" not in pack.title
    assert "\r" not in pack.sources["text"].text
    if b"\r" in raw:
        assert "CRLF line endings made LF" in out


def test_a_control_character_is_refused_at_its_line_and_column(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "nul.txt").write_bytes(b"Fine.\nBad \x00 here.\n")
    status, _, err = _run(capsys, "new", "nul.txt", "--id", "x")
    assert status == 2
    assert _one_line(err).startswith("quiz: nul.txt:2:5: U+0000 NULL: ")
    assert not (here / "x.yaml").exists()


# -- 5. no silent replacement, no writing through a link -------------------------------------


def test_another_schema_file_is_replaced_only_with_force(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "pack.schema.json").write_text('{"mine": true}', encoding="utf-8")
    status, _, err = _run(capsys, "new", "notes.txt", "--id", "x")
    assert status == 2 and "pack.schema.json already exists" in _one_line(err)
    assert (here / "pack.schema.json").read_text(encoding="utf-8") == '{"mine": true}'
    assert not (here / "x.yaml").exists()  # nothing written when anything is refused
    status, out, _ = _run(capsys, "new", "notes.txt", "--id", "x", "--force")
    assert status == 0 and "replaced pack.schema.json" in out


def test_force_replaces_a_link_and_leaves_what_it_points_to(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = here / "outside.txt"
    outside.write_text("not yours\n", encoding="utf-8")
    (here / "out" / "sources").mkdir(parents=True)
    (here / "out" / "sources" / "notes.txt").symlink_to(outside)
    status, _, err = _run(capsys, "new", "notes.txt", "--id", "x", "--out", "out")
    assert status == 2 and "a symbolic link" in _one_line(err)
    status, out, _ = _run(capsys, "new", "notes.txt", "--id", "x", "--out", "out", "--force")
    assert status == 0 and "replaced out/sources/notes.txt" in out
    assert outside.read_text(encoding="utf-8") == "not yours\n"
    copy = here / "out" / "sources" / "notes.txt"
    assert not copy.is_symlink() and copy.read_text(encoding="utf-8") == TEXT
    assert check_pack(here / "out" / "x.yaml").problems == []


def test_a_sources_folder_leading_outside_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "elsewhere").mkdir()
    (here / "out").mkdir()
    (here / "out" / "sources").symlink_to(here / "elsewhere")
    status, _, err = _run(capsys, "new", "notes.txt", "--id", "x", "--out", "out", "--force")
    assert status == 2 and "leads outside" in _one_line(err)
    assert list((here / "elsewhere").iterdir()) == []


# -- 6, 7. ids with a newline; a full disk -----------------------------------------------------


def test_an_id_with_a_trailing_newline_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["new", "notes.txt", "--id", "abc\n"])
    assert exc.value.code == 2 and "a pack id is" in capsys.readouterr().err
    assert [p.name for p in here.iterdir()] == ["notes.txt"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [("schema",), ("packs",)])
def test_a_full_disk_is_one_line_not_a_traceback(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "quiz", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    assert _one_line(done.stderr) == "quiz: cannot write the output: No space left on device"


# -- 8. two packs with one id --------------------------------------------------------------


def test_two_packs_with_one_id_are_a_clash_check_and_packs_name(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _moon_in(here / "f", "a.yaml")
    _moon_in(here / "f", "b.yaml")
    status, out, err = _run(capsys, "check", "f")
    assert status == 2 and "f/a.yaml: ok" in out
    m = LOCATED.match(_one_line(err))
    assert m and (m["file"], m["line"]) == ("f/b.yaml", "2")
    assert m["message"] == "pack id 'moon' is also the id of f/a.yaml: each pack needs its own id"
    status, _, err = _run(capsys, "packs", "--packs", "f")
    assert status == 0
    assert _one_line(err) == (
        "f/b.yaml: not loaded (pack id 'moon' is also the id of f/a.yaml: each pack needs its "
        "own id)"
    )


# -- 9. the cache and two copies of one pack -----------------------------------------------


def test_a_cached_pack_copied_elsewhere_names_the_copy_loaded(tmp_path: Path) -> None:
    first = _moon_in(tmp_path / "x")
    second = _moon_in(tmp_path / "y")
    assert registry.load(first).path == str(first)
    hit = registry.load(second)  # the same bytes: served from the cache
    assert hit.path == str(second)
    assert registry.not_installed(hit) == str(tmp_path / "y")
    assert registry.load(first).path == str(first)


# -- 10. file names are shown, not obeyed ----------------------------------------------------


def test_check_shows_escape_sequences_in_file_names(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _moon_in(here / "f", "x\x1b[31mRED\x1b[0m.yaml")
    status, out, err = _run(capsys, "check", "f", "--coverage")
    assert status == 0, err
    assert "\x1b" not in out + err and "x␛[31mRED␛[0m.yaml: ok" in out


# -- 11. the no-recall summary and --explain agree ------------------------------------------


@pytest.mark.parametrize(
    "pack_file", [MOON, DATA / "channel.yaml", registry.bundled_dir() / "lithuania-nato.yaml"]
)
def test_no_recall_is_what_explain_says(pack_file: Path) -> None:
    report = check_pack(pack_file)
    assert report.pack is not None
    said = {
        e.fact.id
        for e in explain(report.pack)
        if not e.fact.background and not set(e.yields) & RECALL_KINDS
    }
    assert set(report.no_recall) == said


# -- 12. units of more than one word --------------------------------------------------------


def test_a_qualified_unit_is_kept_whole_or_left_out() -> None:
    (c,) = candidates("The ferry sailed 22 nautical miles with 3 new members aboard.")
    assert [(n.text, n.value) for n in c.numbers] == [
        ("22 nautical miles", "{number: 22}  (unit: nautical miles)"),
        ("3", "{number: 3}"),
    ]
