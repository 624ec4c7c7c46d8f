"""The documentation's example pack is a real one: it passes `quiz check` as written."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from quiz.check import check_pack

DOC = Path(__file__).parents[1] / "docs" / "pack-format.md"


def test_the_format_docs_example_passes_check(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    source = re.search(r"```text\n(.*?)```", text, re.S)
    pack = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert source and pack, "the example's source and pack blocks are missing"
    (tmp_path / "sources").mkdir()
    data = source.group(1).encode("utf-8")
    (tmp_path / "sources" / "moon.txt").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    body = re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", pack.group(1))
    (tmp_path / "moon.yaml").write_text(body, encoding="utf-8")
    report = check_pack(tmp_path / "moon.yaml")
    assert [str(p) for p in report.problems] == []
    assert sum(report.questions.values()) > 0


# -- the README: every command works exactly as written after its set-up line ---------------

README = Path(__file__).parents[1] / "README.md"
SETUP = "source .venv/bin/activate"


def _blocks() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    return [
        [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
        for block in re.findall(r"```sh\n(.*?)```", text, re.S)
    ]


def test_every_readme_command_says_where_it_runs() -> None:
    """Each command either names the venv (`.venv/bin/…`), creates it, or follows the line
    that activates it: none relies on an environment the reader does not have."""
    blocks = _blocks()
    assert len(blocks) >= 4
    for block in blocks:
        active = False
        for line in block:
            if line == SETUP:
                active = True
                continue
            first = line.split()[0]
            assert (
                active or first.startswith(".venv/bin/") or line.startswith("python3 -m venv .venv")
            ), f"README: {line!r} needs the virtual environment; start its block with {SETUP}"


def test_readme_commands_run(tmp_path: Path) -> None:
    """The non-interactive commands run as written (with the venv's bin first on PATH, as
    `source .venv/bin/activate` puts it); rounds are run in line mode with no input, a paper
    with some answers (with none it is left open, and the export after it has nothing to
    take)."""
    import os
    import shlex
    import subprocess
    import sys

    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    root = Path(__file__).parents[1]
    # The author's own pack, as the examples call it: the test pack under those names.
    from helpers import write_pack

    moon = (root / "tests" / "data" / "moon.yaml").read_text(encoding="utf-8")
    write_pack(tmp_path, moon, "my-pack.yaml")
    write_pack(tmp_path / "my-packs", moon, "my-pack.yaml")
    # … and a teacher's text to start a pack from
    (tmp_path / "notes.txt").write_bytes(
        (root / "tests" / "data" / "sources" / "channel.txt").read_bytes()
    )
    ran = 0
    for block in _blocks():
        for line in block:
            words = shlex.split(line)
            if line == SETUP or words[0] in ("python3", "ruff") or words[0].startswith(".venv"):
                continue
            if words[0] == "python" and words[1].endswith(".py"):
                assert (root / words[1]).is_file(), line  # a benchmark or a script
                continue
            if words[:2] == ["quiz", "play"]:
                words = [*words, "--plain"] if "--plain" not in words else words
            if words[:2] in (["quiz", "serve"], ["quiz", "host"], ["quiz", "join"]):  # runs until
                # stopped: its options are parsed
                words = [*words, "--help"]  # (each value checked), the server not started
            given = "1\n" * 30 if words[:2] == ["quiz", "play"] and "--paper" in words else ""
            done = subprocess.run(
                words,
                cwd=tmp_path,
                env=env,
                input=given,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 0, (line, done.stderr)
            assert "Traceback" not in done.stderr, line
            ran += 1
    assert ran >= 12


# -- docs/authoring.md: its sessions run as shown, its snippets are real ---------------------

AUTHORING = Path(__file__).parents[1] / "docs" / "authoring.md"


def _sessions() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """(state, [(command, expected lines)]) of each console block, in order."""
    text = AUTHORING.read_text(encoding="utf-8")
    out = []
    for state, body in re.findall(r"<!-- test: ([\w ]+) -->\n```console\n(.*?)```", text, re.S):
        runs: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                runs.append((line[2:], []))
            else:
                runs[-1][1].append(line)
        out.append((state, runs))
    return out


def _matches(expected: list[str], got: list[str]) -> bool:
    """Line by line; '…' alone stands for any lines, '…' inside a line for any text."""
    pattern = "".join(
        r"(?:.*\n)*?" if line == "…" else ".*".join(map(re.escape, line.split("…"))) + r"\n"
        for line in expected
    )
    return re.fullmatch(pattern, "".join(f"{line}\n" for line in got)) is not None


def test_the_authoring_guide_runs_as_shown(tmp_path: Path) -> None:
    """Each command of the guide, run where a reader would run it, prints what the guide
    shows: first on a fresh folder holding the text, then on the finished pack."""
    import os
    import shlex
    import shutil
    import subprocess
    import sys

    data = Path(__file__).parent / "data"
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    sessions = _sessions()
    assert [s for s, _ in sessions][:2] == ["fresh", "the finished pack"]
    shutil.copy(data / "sources" / "channel.txt", tmp_path / "channel.txt")
    finished = False
    for state, runs in sessions:
        if state == "the finished pack" and not finished:
            shutil.copy(data / "channel.yaml", tmp_path / "my-packs" / "channel.yaml")
            finished = True
        for command, expected in runs:
            done = subprocess.run(
                shlex.split(command),
                cwd=tmp_path,
                env=env,
                input="",
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=120,
            )
            assert done.returncode == 0, (command, done.stderr)
            got = [*done.stderr.splitlines(), *done.stdout.splitlines()]
            assert _matches(expected, got), (command, got)


def test_the_authoring_guides_yaml_is_real() -> None:
    """Its snippets stand in the finished pack, or in the skeleton `quiz new` writes."""
    from quiz.authoring.candidates import candidates
    from quiz.authoring.scaffold import skeleton

    data = Path(__file__).parent / "data"
    source = (data / "sources" / "channel.txt").read_text(encoding="utf-8")
    made = skeleton("channel", "sources/channel.txt", source, candidates(source))
    finished = (data / "channel.yaml").read_text(encoding="utf-8")
    in_lithuanian = (data / "nato-lt.yaml").read_text(encoding="utf-8")  # another language
    author = (data / "gadsden.yaml").read_text(encoding="utf-8")  # the unseen author's pack
    text = AUTHORING.read_text(encoding="utf-8")
    snippets = re.findall(r"```yaml\n(.*?)```", text, re.S)
    assert len(snippets) >= 4
    for snippet in snippets:
        assert any(snippet in pack for pack in (finished, made, in_lithuanian, author)), snippet
    shown = re.search(r"```text\n(.*?)…\n```", text, re.S)
    assert shown is not None and source.startswith(shown.group(1))
