#!/usr/bin/env python
"""Startup benchmarks (issue 3, item 10): a report, not a test.

Run from the repository root, in the environment where `quiz` is installed,
on a machine with tmux:

    python benchmarks/bench_startup.py               # 7 rounds (the default)
    python benchmarks/bench_startup.py --rounds 11   # steadier medians
    python benchmarks/bench_startup.py --importtime  # also list the slowest imports

What is measured, and what the goals mean:

1. First screens drawn, in a real terminal. `quiz play --seed 1 --count 5` is
   launched in a fresh detached tmux session (100×32), and the clock stops when
   the first question's prompt (its first 30 characters, taken from
   `quiz export --count 5 --seed 1`) is visible in `tmux capture-pane -p`,
   polled every 10 ms. The baseline is a minimal Textual app that draws one
   Static ("READY-MARKER"), launched and watched the same way with the same
   Python. The two alternate (order swapped every round) in one run, so a busy
   or slow machine weighs on both alike. Goal: quiz ≤ 1.2 × the minimal app,
   i.e. the game adds at most a fifth to Textual's own start-up. Both figures
   include the same tmux and polling overhead (a few ms).

2. Commands that draw nothing start fast. `quiz --help` wall time against
   `python -c "import yaml"` (both subprocesses, interleaved, medians of many
   runs). Goal: ≤ 2×. `quiz --help`, `quiz check`, `quiz export --count 1` and
   `quiz export --all` are also run in a fresh interpreter that then reports
   whether any `textual` module was imported: the goal is that none is.

Settings, pack cache and user packs go to a temporary folder (QUIZ_CONFIG_DIR,
QUIZ_CACHE_DIR, QUIZ_DATA_DIR); one unmeasured warm-up launch fills the pack
cache first, as a player's earlier runs would have. Modules load from bytecode
kept under a private PYTHONPYCACHEPREFIX (filled by the warm-up), as they would
after `pip install`; `--bytecode-as-is` keeps the environment's own settings
instead (with PYTHONDONTWRITEBYTECODE=1 and an editable install, quiz's source
is then compiled on every launch). tmux runs on a private
socket, and its server is killed at the end, whatever happens.

Output: one line per measurement — name, median, ratio, goal, PASS/MISS.
The script exits 0 whether goals are met or missed; it exits non-zero only
if it cannot run at all (no tmux, no quiz).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (100, 32)
POLL = 0.010  # seconds between two captures of the pane
TIMEOUT = 30.0  # seconds to wait for a screen before giving up on that launch
PROMPT_CHARS = 30
# Passed explicitly into every tmux session (a tmux server keeps its first environment).
ENV_KEYS = (
    "QUIZ_CONFIG_DIR",
    "QUIZ_CACHE_DIR",
    "QUIZ_DATA_DIR",
    "PATH",
    "VIRTUAL_ENV",
    "PYTHONPYCACHEPREFIX",
    "PYTHONDONTWRITEBYTECODE",
)
MARKER = "READY-MARKER"
HOME_MARKER = "learn from the source"  # the home screen's title: its first frame
HOME_LOADED = "facts · from"  # the pack's description: packs, store and player are loaded
STARTUP_GOAL = 1.2
HOME_GOAL = 1.3
HELP_GOAL = 2.0

MINIMAL_APP = f'''\
from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("{MARKER}")


if __name__ == "__main__":
    Minimal().run()
'''

# Runs one CLI command in-process and reports which heavy packages it imported.
PROBE = """\
import contextlib, io, json, sys
import quiz.cli
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    try:
        rc = quiz.cli.main(sys.argv[1:])
    except SystemExit as exc:
        rc = exc.code
def loaded(name):
    return sorted(m for m in sys.modules if m == name or m.startswith(name + "."))
print(json.dumps({"rc": rc, "textual": loaded("textual"), "rich": loaded("rich"),
                  "bytes": len(out.getvalue())}))
"""


def quiz_command() -> list[str]:
    """The venv's `quiz` script, next to this Python; else `python -m quiz`."""
    beside = Path(sys.executable).with_name("quiz")
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("quiz")
    if found:
        return [found]
    return [sys.executable, "-m", "quiz"]


def verdict(ratio: float, goal: float) -> str:
    return "PASS" if ratio <= goal else "MISS"


def line(name: str, median_s: float, ratio: float | None, goal: str, result: str) -> None:
    r = f"{ratio:5.2f}×" if ratio is not None else "    —"
    print(f"{name:<44} median {median_s * 1000:8.1f} ms  ratio {r}  goal {goal:<8} {result}")


class Tmux:
    """A private tmux server (its own socket), so the user's sessions are never touched."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"quiz-bench-{os.getpid()}"
        self.env = env
        self.count = 0
        self.socket_path: str | None = None

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=check,
            env=self.env,
        )

    def start_server(self) -> None:
        # An idle session keeps the server up, so each measured launch pays for a
        # new session only, not for starting a tmux server.
        self._run("new-session", "-d", "-s", "keepalive", "-x", "20", "-y", "5", "sleep 86400")
        shown = self._run("display-message", "-p", "#{socket_path}", check=False).stdout.strip()
        self.socket_path = shown or None

    def time_to_text(self, command: Sequence[str], needle: str) -> float:
        """Seconds from launching `command` in a new session to `needle` on its screen."""
        self.count += 1
        name = f"run{self.count}"
        shell_cmd = " ".join(_quote(c) for c in command)
        env_args: list[str] = []
        for key in ENV_KEYS:
            if key in self.env:
                env_args += ["-e", f"{key}={self.env[key]}"]
        if "PYTHONDONTWRITEBYTECODE" not in self.env:
            env_args += ["-e", "PYTHONDONTWRITEBYTECODE="]  # empty: writing allowed
        w, h = SIZE
        try:
            t0 = time.perf_counter()
            self._run(
                "new-session", "-d", "-s", name, "-x", str(w), "-y", str(h), *env_args, shell_cmd
            )
            while True:
                screen = self._run("capture-pane", "-p", "-t", name, check=False).stdout
                if needle in screen:
                    return time.perf_counter() - t0
                if time.perf_counter() - t0 > TIMEOUT:
                    raise RuntimeError(
                        f"{needle!r} not seen after {TIMEOUT:.0f} s; the screen:\n{screen}"
                    )
                time.sleep(POLL)
        finally:
            self._run("kill-session", "-t", name, check=False)

    def kill_server(self) -> None:
        self._run("kill-server", check=False)
        if self.socket_path:  # tmux leaves its socket file behind
            Path(self.socket_path).unlink(missing_ok=True)


def _quote(arg: str) -> str:
    return arg if re.fullmatch(r"[\w./:=,+-]+", arg) else "'" + arg.replace("'", "'\\''") + "'"


def first_prompt(quiz: list[str], env: dict[str, str]) -> str:
    out = subprocess.run(
        [*quiz, "export", "--count", "5", "--seed", "1"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    prompt = str(json.loads(out)["questions"][0]["prompt"])
    return prompt[:PROMPT_CHARS]


def wall(argv: Sequence[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - t0


def bench_first_screen(rounds: int, quiz: list[str], env: dict[str, str], tmp: Path) -> None:
    minimal = tmp / "minimal_app.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    needle = first_prompt(quiz, env)
    print(
        f"quiz play: waiting for {needle!r}; quiz: waiting for {HOME_MARKER!r}, then "
        f"{HOME_LOADED!r}; minimal app: waiting for {MARKER!r}"
    )
    play = [*quiz, "play", "--seed", "1", "--count", "5", "--player", "bench"]
    home = [*quiz, "--player", "bench"]
    base = [sys.executable, str(minimal)]
    runs: list[tuple[str, list[str], str]] = [
        ("minimal", base, MARKER),
        ("play", play, needle),
        ("home", home, HOME_MARKER),
        ("home loaded", home, HOME_LOADED),
    ]
    tmux = Tmux(env)
    try:
        tmux.start_server()
        for _, cmd, text in runs:  # warm-up: fills the pack cache, the store, the OS file cache
            tmux.time_to_text(cmd, text)
        times: dict[str, list[float]] = {key: [] for key, _, _ in runs}
        for r in range(rounds):
            order = runs if r % 2 == 0 else list(reversed(runs))
            for key, cmd, text in order:
                times[key].append(tmux.time_to_text(cmd, text))
    finally:
        tmux.kill_server()
    med = {key: statistics.median(values) for key, values in times.items()}
    for key, values in times.items():
        print(f"  {key:<12} runs (ms): " + " ".join(f"{t * 1000:.0f}" for t in values))
    m = med["minimal"]
    line("minimal Textual app: one Static drawn", m, None, "baseline", "")
    for key, name, goal in (
        ("play", "quiz play: first question drawn", STARTUP_GOAL),
        ("home", "quiz: home screen's first frame", HOME_GOAL),
    ):
        line(name, med[key], med[key] / m, f"≤ {goal}×", verdict(med[key] / m, goal))
    line(
        "quiz: home screen with its packs listed",
        med["home loaded"],
        med["home loaded"] / m,
        "(info)",
        "",
    )


def bench_help(rounds: int, quiz: list[str], env: dict[str, str]) -> None:
    repeats = 5  # per round and command: rounds × 5 runs each, interleaved
    help_cmd = [*quiz, "--help"]
    yaml_cmd = [sys.executable, "-c", "import yaml"]
    wall(help_cmd, env), wall(yaml_cmd, env)  # warm-up
    times: dict[str, list[float]] = {"help": [], "yaml": []}
    for r in range(rounds * repeats):
        pair = [("help", help_cmd), ("yaml", yaml_cmd)]
        for key, cmd in pair if r % 2 == 0 else reversed(pair):
            times[key].append(wall(cmd, env))
    h, y = statistics.median(times["help"]), statistics.median(times["yaml"])
    line('python -c "import yaml"', y, None, "baseline", "")
    line("quiz --help", h, h / y, f"≤ {HELP_GOAL}×", verdict(h / y, HELP_GOAL))
    # For information: the other commands that draw nothing (no goal on their time).
    for name, argv in (("quiz check", ["check"]), ("quiz export --all", ["export", "--all"])):
        runs = [wall([*quiz, *argv], env) for _ in range(max(3, rounds // 2))]
        t = statistics.median(runs)
        line(name, t, t / y, "(info)", "")


def bench_no_textual(env: dict[str, str]) -> None:
    for argv in (["--help"], ["check"], ["export", "--count", "1"], ["export", "--all"]):
        out = subprocess.run(
            [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, env=env
        )
        name = "quiz " + " ".join(argv) + ": imports textual?"
        try:
            report = json.loads(out.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            print(f"{name:<44} could not tell: {out.stderr.strip()[-300:]}")
            continue
        textual = report["textual"]
        rich = f"; rich modules: {len(report['rich'])}" if report["rich"] else ""
        print(
            f"{name:<44} {'yes' if textual else 'no':<4} (exit {report['rc']}, "
            f"{len(textual)} textual modules{rich})  goal no       "
            f"{'MISS' if textual else 'PASS'}"
        )


def importtime(quiz: list[str], env: dict[str, str], top: int = 15) -> None:
    """The slowest imports (cumulative µs) of `quiz --help` and of the game's own modules."""
    probes = {
        "quiz --help": ["-m", "quiz", "--help"],
        "quiz.tui.app (what play adds)": ["-c", "import quiz.cli, quiz.session, quiz.tui.app"],
    }
    for title, args in probes.items():
        out = subprocess.run(
            [sys.executable, "-X", "importtime", *args], capture_output=True, text=True, env=env
        )
        rows = []
        for text in out.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", text)
            if m:
                rows.append((int(m.group(2)), int(m.group(1)), len(m.group(3)), m.group(4)))
        total = sum(c for c, _, depth, _ in rows if depth == 1)
        print(f"\nimport time, {title}: {total / 1000:.1f} ms in all; slowest (cumulative):")
        for cum, own, _, mod in sorted(rows, reverse=True)[:top]:
            print(f"  {cum / 1000:8.1f} ms  (self {own / 1000:6.1f})  {mod}")


def main() -> int:
    parser = argparse.ArgumentParser(description="quiz start-up benchmarks (issue 3, item 10)")
    parser.add_argument("--rounds", type=int, default=7, help="alternating rounds (default 7)")
    parser.add_argument("--importtime", action="store_true", help="list the slowest imports")
    parser.add_argument(
        "--bytecode-as-is",
        action="store_true",
        help="keep this environment's PYTHONDONTWRITEBYTECODE / pycache settings",
    )
    parser.add_argument(
        "--skip-tmux", action="store_true", help="only the commands that draw nothing"
    )
    args = parser.parse_args()

    quiz = quiz_command()
    if not args.skip_tmux and shutil.which("tmux") is None:
        print("bench_startup: tmux is not installed (or use --skip-tmux)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as tmpdir:
        tmp = Path(tmpdir)
        env = dict(os.environ)
        env.update(
            QUIZ_CONFIG_DIR=str(tmp / "config"),
            QUIZ_CACHE_DIR=str(tmp / "cache"),
            QUIZ_DATA_DIR=str(tmp / "data"),
        )
        env.pop("QUIZ_NO_CACHE", None)
        if not args.bytecode_as_is:
            # As after `pip install`: modules load from compiled bytecode. Sandboxes often set
            # PYTHONDONTWRITEBYTECODE, and an editable install has no .pyc for src/quiz, which
            # would charge quiz (not Textual, whose .pyc exist) for compiling its source on
            # every launch. A private pycache prefix, filled by the warm-up runs, evens that out
            # without writing into the checkout or the environment.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        print(
            f"quiz: {' '.join(quiz)}   python: {sys.version.split()[0]}   "
            f"rounds: {args.rounds}   cpus: {os.cpu_count()}"
        )
        try:
            subprocess.run([*quiz, "--version"], capture_output=True, env=env, check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"bench_startup: cannot run quiz: {exc}", file=sys.stderr)
            return 2
        if not args.skip_tmux:
            bench_first_screen(args.rounds, quiz, env, tmp)
        bench_help(args.rounds, quiz, env)
        bench_no_textual(env)
        if args.importtime:
            importtime(quiz, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
