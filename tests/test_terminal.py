"""The game in a real terminal: `quiz play` inside a detached tmux session.

Pilot tests run Textual headless; this one goes through a real pty, the
terminal driver and key parsing, as a player's terminal does.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MOON
from helpers import run_quiz
from quiz.generate import generate
from quiz.packs.loader import load_pack

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed: the real-terminal test needs it"
)

TIMEOUT = 20.0


class Tmux:
    """A private tmux server (its own socket, no user config) holding one session."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"quiz-test-{uuid.uuid4().hex[:12]}"
        self.config = tmp_path / "tmux.conf"
        # remain-on-exit: the last screen stays readable after the program ends
        self.config.write_text("set-option -g remain-on-exit on\n", encoding="utf-8")
        self.session = "quiz"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None
        return subprocess.run(
            [TMUX, "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=10,
        )

    def start(self, command: list[str], env: dict[str, str], status: Path) -> None:
        """Run `command`; its exit status goes to `status` (a shell reaps it, not tmux)."""
        flags = [f"-e{k}={v}" for k, v in env.items()]
        line = f"{shlex.join(command)}; echo $? > {shlex.quote(str(status))}"
        done = self.run(
            "new-session", "-d", "-s", self.session, "-x", "100", "-y", "30", *flags, line
        )  # fmt: skip
        assert done.returncode == 0, done.stderr

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session).stdout

    def keys(self, *keys: str) -> None:
        assert self.run("send-keys", "-t", self.session, *keys).returncode == 0

    def kill(self) -> None:
        self.run("kill-session", "-t", self.session)
        self.run("kill-server")

    def wait_for(self, what: str, test: Callable[[str], bool]) -> str:
        """Poll the screen until `test` holds; fail with the last screen after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if test(screen):
                return screen
            time.sleep(0.1)
        pytest.fail(f"timed out waiting for {what}; the screen:\n{screen}")


SEED = 10  # a round that opens with a short, false true/false statement


def test_play_in_a_real_terminal(tmp_path: Path) -> None:
    first = generate(load_pack(MOON), SEED, 2)[0]
    assert first.kind == "true_false" and first.answer_text() == "False"
    # The test's private folders (conftest), given to the pane even if the tmux server's own
    # environment were another's.
    env = {k: v for k, v in os.environ.items() if k.startswith(("QUIZ_", "XDG_"))}
    assert "QUIZ_DATA_DIR" in env and "QUIZ_DB" not in env, "conftest keeps the player's out"
    tmux = Tmux(tmp_path)
    try:
        command = [
            sys.executable,
            "-m",
            "quiz",
            "play",
            str(MOON),
            "--seed",
            str(SEED),
            "--count",
            "2",
        ]
        status = tmp_path / "status"
        tmux.start(command, env, status)
        # The first frames may still be settling: wait for the prompt and the header.
        screen = tmux.wait_for(
            "the first question", lambda s: first.prompt in s and "Question 1 of 2" in s
        )
        assert "1. True" in screen and "2. False" in screen

        tmux.keys("2")
        screen = tmux.wait_for("the feedback", lambda s: "Right!" in s)
        assert "Answer: False" in screen
        assert "Score 1000" in screen
        assert first.quote.text in " ".join(screen.split())  # the passage, perhaps wrapped

        tmux.keys("q")
        tmux.wait_for("the leave dialog", lambda s: "Leave the round?" in s)
        tmux.keys("y")
        deadline = time.monotonic() + TIMEOUT
        while not status.exists() or not status.read_text().strip():
            if time.monotonic() > deadline:
                pytest.fail(f"quiz did not exit after y; the screen:\n{tmux.screen()}")
            time.sleep(0.1)
        assert status.read_text().strip() == "0", tmux.screen()
        assert "Traceback" not in tmux.screen()
    finally:
        tmux.kill()
    # The answer given before leaving was kept.
    stats = run_quiz("stats", "--format", "json")
    assert stats.returncode == 0, stats.stderr
    doc = json.loads(stats.stdout)
    assert (doc["rounds"], doc["answers"], doc["correct"]) == (1, 1, 1)
