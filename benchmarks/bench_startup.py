#!/usr/bin/env python
"""Startup benchmarks: a report, not a test. Speed as a player feels it: the time until a
screen can be used, not until something is drawn.

Run from the repository root, in the environment where `quiz` is installed,
on a machine with tmux:

    python benchmarks/bench_startup.py               # 7 rounds (the default)
    python benchmarks/bench_startup.py --rounds 11   # steadier medians
    python benchmarks/bench_startup.py --only screens  # only the tmux part
    python benchmarks/bench_startup.py --importtime  # also list the slowest imports
    python benchmarks/bench_startup.py --only screens --breakdown --floor  # and the floor

What is measured, and what the goals mean:

1. Screens a player can use, in a real terminal, against a minimal Textual
   app measured in the same run. Every launch is a fresh detached tmux session
   (100×32); the clock starts just before `tmux new-session` and stops when
   `tmux capture-pane -p`, polled every 10 ms, shows all of that screen's texts
   at once:

   * baseline: a minimal Textual app that draws one Static ("READY-MARKER"),
     run with the same Python;
   * `quiz`, the home screen of a returning player: the default pack's title in
     the form's pack field and the "Start (Ctrl+S)" button. A title or a
     "Loading…" line alone does not count. Right after the clock stops the
     benchmark presses Enter and checks that a round starts (its status line,
     "Question 1 of"): the screen it timed could be used, not only seen.
     Goal: ≤ 1.3 × the minimal app;
   * `quiz play --seed S --count 5`: the first question's prompt and its last
     option (their first 30 characters, from `quiz export`), S being the first
     seed whose first question is a multiple-choice one. Goal: ≤ 1.2 × the
     minimal app.

   The three alternate in one run (the order reversed every round), so a busy
   machine weighs on all of them alike; all include the same tmux and polling
   overhead (a few ms). The ratio is quiz's median over the baseline's median;
   the range of the per-round ratios (each launch against the baseline's launch
   of the same round) is printed beside it.

   The returning player: before any timing, an unmeasured warm-up plays a round
   with `quiz play --plain --player bench` (the store then holds a player, a
   round and its answers), opens `quiz` in tmux and starts a round from the
   home screen with Enter (so the player's home-screen choices are saved), runs
   the measured `quiz play --seed S --count 5` once until its round is on screen
   (as a player's earlier run of it, which keeps its first frame), and launches
   each command once more, so the pack cache,
   the OS file cache and the bytecode cache are warm, as after a player's
   earlier runs.

   What the measured launches then draw first: `quiz`, the home screen's light
   first frame (the title, the player, the pack named from the titles an earlier
   start remembered, and Start, focused: what the timing waits for, and Enter on
   it starts a round), the rest of the form a frame later; `quiz play --seed S`,
   its first question from memory (kept by the warm-up's run of the same command),
   while the round is made. A first run with new arguments (or no seed)
   makes the round before drawing, as before; this benchmark does not time it.

2. Commands that draw nothing start fast. `quiz --help` wall time against
   `python -c "import yaml"` (both subprocesses, interleaved, medians of many
   runs). Goal: ≤ 2×. `quiz --help`, `quiz check`, `quiz export --count 1` and
   `quiz export --all` are also run in a fresh interpreter that then reports
   whether any `textual` module was imported: the goal is that none is.

3. With `--breakdown`: where the time to each usable screen goes, in CPU time (every
   thread of the process), which a busy machine hardly changes: the interpreter's start,
   `import textual.app` (the minimal app pays both too), everything before `App.run` (quiz's
   imports, the pack, the round, the app object) and `App.run` until the first frame with
   that screen, usable, is written to the terminal (styles, widgets, layout, the paint; for
   `quiz`, also the threads loading the packs and the store meanwhile). Each launch runs in
   tmux with a small probe that wraps `App.run` and the terminal driver's `write` (public
   API), `--rounds` times, alternating; the medians are printed.

   With `--floor` as well, two more rows: each first frame's widgets (the round's status
   line, prompt, hint and options; the home screen's title, player, pack line and Start) and
   the stylesheet that frame reads (screens/play.tcss; first.tcss), drawn with the same
   texts by Textual alone (FLOOR_APP: no quiz module, pack, store or round). That is what
   the first frame costs with those widgets however little quiz does before it.

Settings, the store, the pack cache and user packs go to a temporary folder
(QUIZ_CONFIG_DIR, QUIZ_CACHE_DIR, QUIZ_DATA_DIR). Modules load from bytecode
kept under a private PYTHONPYCACHEPREFIX (filled by the warm-up), as they would
after `pip install`; `--bytecode-as-is` keeps the environment's own settings
instead (with PYTHONDONTWRITEBYTECODE=1 and an editable install, quiz's source
is then compiled on every launch). tmux runs on a private socket, and its
server is killed at the end, whatever happens.

Output: one line per measurement — name, median, ratio, goal, PASS/MISS.
The script exits 0 whether goals are met or missed; it exits non-zero only
if it cannot run at all (no tmux, no quiz, a screen that never shows).
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
START = "Start (Ctrl+S)"  # the home form's Start button, focused: Enter presses it
ROUND_STARTED = "Question 1 of"  # a round's status line
PROGRESS = "━"  # a round's progress bar: the round itself is on screen
PLAY_GOAL = 1.2
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

# The floor under each goal (--floor): the first frame's widgets and the stylesheet it reads,
# drawn with the texts the benchmark waits for, by Textual alone: no quiz module, no pack, no
# store, no round. What a first frame costs with these widgets, however little quiz did
# before it. A copy by hand of what FirstQuestionScreen (the app's default screen) and
# HomeScreen._light compose: keep it in step with them.
FLOOR_APP = """\
import sys
from textual.app import App
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static

css, which, first, second = sys.argv[1:5]


class FirstStatus(Static):
    pass


class Play(Screen):
    def compose(self):
        yield FirstStatus("Score 0   Streak 0   Question 1 of 5")
        with VerticalScroll(id="body"):
            yield Static(first + " …", id="prompt")
            yield Static("Press 1–4, or choose with ↑ ↓ and Enter.", id="hint")
            with Vertical(id="answer"):
                yield OptionList("1. Option one", "2. Option two", "3. Option three", second)


class Home(Screen):
    def compose(self):
        with VerticalScroll(id="home"):
            yield Static("quiz — learn from the source, every answer quoted", classes="title")
            yield Static("Player: bench", id="player")
            yield Static("Pack: " + first, id="light-pack")
            yield Static("", id="light-info")
            yield Button(second, variant="primary", id="light-start", compact=True)


class Floor(App[None]):
    CSS_PATH = css

    def get_default_screen(self):
        return Play() if which == "play" else Screen()

    def on_mount(self):
        if which != "play":
            self.push_screen(Home())


if __name__ == "__main__":
    Floor().run()
"""

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

    def launch(self, command: Sequence[str]) -> str:
        """Start `command` in a new session of its own; its name."""
        self.count += 1
        name = f"run{self.count}"
        env_args: list[str] = []
        for key in ENV_KEYS:
            if key in self.env:
                env_args += ["-e", f"{key}={self.env[key]}"]
        if "PYTHONDONTWRITEBYTECODE" not in self.env:
            env_args += ["-e", "PYTHONDONTWRITEBYTECODE="]  # empty: writing allowed
        w, h = SIZE
        shell_cmd = " ".join(_quote(c) for c in command)
        self._run("new-session", "-d", "-s", name, "-x", str(w), "-y", str(h), *env_args, shell_cmd)
        return name

    def wait_for(self, name: str, needles: Sequence[str], since: float) -> float:
        """Seconds from `since` until every one of `needles` is on the session's screen."""
        while True:
            screen = self._run("capture-pane", "-p", "-t", name, check=False).stdout
            if all(n in screen for n in needles):
                return time.perf_counter() - since
            if time.perf_counter() - since > TIMEOUT:
                raise RuntimeError(f"{needles!r} not all seen after {TIMEOUT:.0f} s:\n{screen}")
            time.sleep(POLL)

    def time_to_text(
        self, command: Sequence[str], needles: Sequence[str], then_enter: str | None = None
    ) -> tuple[float, bool]:
        """Seconds from launching `command` to all `needles` on its screen; with `then_enter`,
        Enter is pressed at that moment, and the second value says whether `then_enter` then
        appeared (what Enter should lead to)."""
        t0 = time.perf_counter()
        name = self.launch(command)
        try:
            elapsed = self.wait_for(name, needles, t0)
            if then_enter is None:
                return elapsed, True
            self._run("send-keys", "-t", name, "Enter")
            try:
                self.wait_for(name, [then_enter], time.perf_counter())
            except RuntimeError:
                return elapsed, False
            return elapsed, True
        finally:
            self._run("kill-session", "-t", name, check=False)

    def kill_server(self) -> None:
        self._run("kill-server", check=False)
        if self.socket_path:  # tmux leaves its socket file behind
            Path(self.socket_path).unlink(missing_ok=True)


def _quote(arg: str) -> str:
    return arg if re.fullmatch(r"[\w./:=,+-]+", arg) else "'" + arg.replace("'", "'\\''") + "'"


def first_choice_question(quiz: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """The first seed whose round of 5 opens with a multiple-choice question, and the first
    characters of that question's prompt and of its last option."""
    for seed in range(1, 200):
        out = subprocess.run(
            [*quiz, "export", "--count", "5", "--seed", str(seed)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        question = json.loads(out)["questions"][0]
        if question["kind"] == "choice":
            return seed, question["prompt"][:PROMPT_CHARS], question["options"][-1][:PROMPT_CHARS]
    raise RuntimeError("no seed from 1 to 199 opens with a multiple-choice question")


def default_pack_title(quiz: list[str], env: dict[str, str]) -> str:
    """The title of the pack a new player's home screen shows (`quiz export`'s default)."""
    out = subprocess.run(
        [*quiz, "export", "--count", "1", "--seed", "0"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return str(json.loads(out)["pack"]["title"])


def returning_player(
    quiz: list[str], env: dict[str, str], tmux: Tmux, title: str, play: list[str], shown: list[str]
) -> None:
    """A store with history and home-screen choices: a plain round answered, then a round
    started from the home screen (which saves the player's choices); then `play` (the
    measured `quiz play`) once, until its round is on screen (its status bar's progress
    bar), as a player's earlier run of it (which keeps its first frame)."""
    subprocess.run(
        [*quiz, "play", "--plain", "--player", "bench", "--count", "3", "--seed", "1"],
        input="1\n" * 40,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    _, started = tmux.time_to_text(quiz, [title, START], then_enter=ROUND_STARTED)
    if not started:
        raise RuntimeError("Enter on the home screen did not start a round")
    tmux.time_to_text(play, [*shown, PROGRESS])


def wall(argv: Sequence[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - t0


def bench_screens(rounds: int, quiz: list[str], env: dict[str, str], tmp: Path) -> None:
    minimal = tmp / "minimal_app.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    seed, prompt, last_option = first_choice_question(quiz, env)
    title = default_pack_title(quiz, env)
    print(
        f"minimal app: until {MARKER!r}\n"
        f"quiz (home, returning player): until {title!r} and {START!r}, then Enter → "
        f"{ROUND_STARTED!r}\n"
        f"quiz play --seed {seed} --count 5: until {prompt!r} and {last_option!r}"
    )
    base = [sys.executable, str(minimal)]
    play = [*quiz, "play", "--seed", str(seed), "--count", "5"]
    runs: list[tuple[str, list[str], list[str], str | None]] = [
        ("minimal", base, [MARKER], None),
        ("home", list(quiz), [title, START], ROUND_STARTED),
        ("play", play, [prompt, last_option], None),
    ]
    tmux = Tmux(env)
    enter_failed = 0
    try:
        tmux.start_server()
        returning_player(quiz, env, tmux, title, play, [prompt, last_option])
        for _, cmd, needles, _ in runs:  # warm-up: every cache, as after earlier runs
            tmux.time_to_text(cmd, needles)
        times: dict[str, list[float]] = {key: [] for key, *_ in runs}
        for r in range(rounds):
            for key, cmd, needles, then in runs if r % 2 == 0 else reversed(runs):
                elapsed, ok = tmux.time_to_text(cmd, needles, then)
                times[key].append(elapsed)
                enter_failed += not ok
    finally:
        tmux.kill_server()
    for key, values in times.items():
        print(f"  {key:<8} runs (ms): " + " ".join(f"{t * 1000:.0f}" for t in values))
    m = statistics.median(times["minimal"])
    line("minimal Textual app: one Static drawn", m, None, "baseline", "")
    for key, name, goal in (
        ("home", "quiz: home usable (pack shown, Start)", HOME_GOAL),
        ("play", "quiz play: first question, all options", PLAY_GOAL),
    ):
        med = statistics.median(times[key])
        paired = sorted(t / b for t, b in zip(times[key], times["minimal"], strict=True))
        line(name, med, med / m, f"≤ {goal}×", verdict(med / m, goal))
        print(f"{'':<44} per-round ratios {paired[0]:.2f}–{paired[-1]:.2f}×")
    print(
        f"{'quiz: Enter on the home screen at that moment':<44} "
        f"started a round {rounds - enter_failed} of {rounds} times  goal all     "
        f"{'PASS' if not enter_failed else 'MISS'}"
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
    """The slowest imports (cumulative µs) of `quiz --help` and of what each screen imports."""
    probes = {
        "quiz --help": ["-m", "quiz", "--help"],
        "what quiz's home screen imports": [
            "-c",
            "import quiz.cli, quiz.services, quiz.packs.registry, quiz.store.sql, "
            "quiz.tui.app, quiz.tui.screens.home, quiz.tui.widgets.home_form",
        ],
        "what quiz play's first question imports": [
            "-c",
            "import quiz.cli, quiz.rounds, quiz.session, quiz.generate, quiz.tui.app, "
            "quiz.tui.screens.play",
        ],
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


# Runs the minimal app or quiz in tmux and writes the CPU seconds (all threads) at four
# points: its first line, `import textual.app` done, `App.run` called, and the write to the
# terminal that completes the screen (the same texts as above, all written). It wraps
# `App.run` and the terminal driver's `write` (public), and imports nothing of quiz early.
BREAKDOWN_PROBE = """\
import json, os, sys, time
marks = [time.process_time()]
out, needles, target, *argv = sys.argv[1:]
needles = json.loads(needles)
import textual.app
from textual.drivers.linux_driver import LinuxDriver
marks.append(time.process_time())
from textual.app import App

apps = []
run, write = App.run, LinuxDriver.write
def timed_run(self, *args, **kwargs):
    marks.append(time.process_time())
    apps.append(self)
    return run(self, *args, **kwargs)
seen = set()
def watched_write(self, data):
    write(self, data)
    if len(marks) == 3:
        seen.update(n for n in needles if n in data)
        if len(seen) == len(needles):  # the frame that completes the screen is written
            marks.append(time.process_time())
            with open(out + ".tmp", "w") as fh:
                json.dump(marks, fh)
            os.replace(out + ".tmp", out)
            apps[0].exit()
App.run, LinuxDriver.write = timed_run, watched_write
if target != "quiz":
    import runpy
    sys.argv = [target, *argv]
    runpy.run_path(target, run_name="__main__")
else:
    import quiz.cli
    sys.exit(quiz.cli.main(argv))
"""


def bench_breakdown(
    rounds: int, quiz: list[str], env: dict[str, str], tmp: Path, floor: bool = False
) -> None:
    minimal = tmp / "minimal_app.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    floor_app = tmp / "floor_app.py"
    floor_app.write_text(FLOOR_APP, encoding="utf-8")
    tui = ROOT / "src" / "quiz" / "tui"
    play_css, home_css = str(tui / "screens" / "play.tcss"), str(tui / "first.tcss")
    probe = tmp / "breakdown_probe.py"
    probe.write_text(BREAKDOWN_PROBE, encoding="utf-8")
    seed, prompt, last_option = first_choice_question(quiz, env)
    title = default_pack_title(quiz, env)
    runs = [  # what must have been written: the same texts as the screens' timing waits for
        ("minimal app", [MARKER], []),
        ("quiz play", [prompt, last_option], ["play", "--seed", str(seed), "--count", "5"]),
        ("quiz (home)", [title, START], []),
    ]
    if floor:  # the same widgets and stylesheet, no quiz code (FLOOR_APP)
        runs += [
            ("floor: play", [prompt, last_option], [play_css, "play", prompt, last_option]),
            ("floor: home", [title, START], [home_css, "home", title, START]),
        ]
    tmux = Tmux(env)
    marks: dict[str, list[list[float]]] = {name: [] for name, _, _ in runs}
    play = [*quiz, "play", "--seed", str(seed), "--count", "5"]
    try:
        tmux.start_server()
        returning_player(quiz, env, tmux, title, play, [prompt, last_option])  # as above
        for r in range(rounds + 1):  # the first round warms every cache and is not counted
            for name, needles, argv in runs if r % 2 == 0 else reversed(runs):
                out = tmp / "breakdown.json"
                out.unlink(missing_ok=True)
                app = (
                    str(minimal)
                    if name == "minimal app"
                    else str(floor_app)
                    if name.startswith("floor")
                    else "quiz"
                )
                cmd = [sys.executable, str(probe), str(out), json.dumps(needles), app, *argv]
                session = tmux.launch(cmd)
                try:
                    deadline = time.perf_counter() + TIMEOUT
                    while not out.is_file():
                        if time.perf_counter() > deadline:
                            raise RuntimeError(f"{name}: no usable screen after {TIMEOUT:.0f} s")
                        time.sleep(POLL)
                    if r:
                        marks[name].append(json.loads(out.read_text()))
                finally:
                    tmux._run("kill-session", "-t", session, check=False)
    finally:
        tmux.kill_server()
    print(
        f"\nCPU ms until the usable screen (all threads; medians of {rounds}):\n"
        f"{'':<14}{'python':>8}{'textual.app':>13}{'before run':>12}{'run → screen':>14}"
        f"{'total':>8}{'ratio':>8}"
    )
    base = None
    for name, *_ in runs:
        cols = [statistics.median(c) * 1000 for c in zip(*marks[name], strict=True)]
        parts = [cols[0], cols[1] - cols[0], cols[2] - cols[1], cols[3] - cols[2]]
        total = cols[3]
        base = base or total
        print(
            f"{name:<14}{parts[0]:>8.0f}{parts[1]:>13.0f}{parts[2]:>12.0f}{parts[3]:>14.0f}"
            f"{total:>8.0f}{total / base:>7.2f}×"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description="quiz start-up benchmarks: screens a player can use"
    )
    parser.add_argument("--rounds", type=int, default=7, help="alternating rounds (default 7)")
    parser.add_argument("--importtime", action="store_true", help="list the slowest imports")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also the CPU time to each screen by phase (Python, Textual, quiz, the screen)",
    )
    parser.add_argument(
        "--floor",
        action="store_true",
        help="with --breakdown: also each first screen's widgets and stylesheet drawn by "
        "Textual alone (no quiz code), the floor under each goal",
    )
    parser.add_argument(
        "--bytecode-as-is",
        action="store_true",
        help="keep this environment's PYTHONDONTWRITEBYTECODE / pycache settings",
    )
    parser.add_argument(
        "--only",
        choices=["screens", "commands"],
        help="screens: only the tmux part; commands: only the commands that draw nothing",
    )
    args = parser.parse_args()

    quiz = quiz_command()
    if args.only != "commands" and shutil.which("tmux") is None:
        print("bench_startup: tmux is not installed (or use --only commands)", file=sys.stderr)
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
        if args.only != "commands":
            bench_screens(args.rounds, quiz, env, tmp)
        if args.only != "screens":
            bench_help(args.rounds, quiz, env)
            bench_no_textual(env)
        if args.breakdown:
            bench_breakdown(args.rounds, quiz, env, tmp, floor=args.floor)
        if args.importtime:
            importtime(quiz, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
