"""`quiz play --plain`: numbered lines on stdout, one answer per line on stdin.

Played through a subprocess, as a script or a screen reader user would. The
right answers come from `quiz export` of the same pack, seed and count, which
also checks the promise that both give the same questions in the same order.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from typing import Any

import pytest

from conftest import MOON
from helpers import Seen
from quiz import plain
from quiz.generate import all_questions
from quiz.kinds import parse_line
from quiz.packs.loader import load_pack
from quiz.packs.quotes import sentences_covering
from quiz.question import InvalidResponse, Question
from quiz.session import Session
from quiz.spec import PackRef, RoundSpec


def _seed() -> int:
    """The first seed whose round of four is a true/false, a typed answer, a choice with a
    wrong option the pack can explain, and a select-all, in that order: the rounds' rules
    change which seed gives it, the round these tests need does not."""
    from quiz.generate import generate

    pack = load_pack(MOON)
    for seed in range(2000):
        r = generate(pack, seed, 4)
        if [q.kind for q in r] == KINDS and r[2].origin.why_wrong:
            return seed
    raise AssertionError("no seed gives the round these tests play")


KINDS = ["true_false", "typed", "choice", "multi"]
SEED = _seed()
ROUND = [str(MOON), "--seed", str(SEED), "--count", "4"]


def quiz(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


@pytest.fixture(scope="module")
def exported() -> list[dict[str, Any]]:
    done = quiz("export", *ROUND)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["format"] == "quiz-export/2"
    return list(doc["questions"])


def right_line(q: dict[str, Any], letters: bool = False) -> str:
    """The line a player who knows the answer types, from the exported question."""
    options, answer = q["options"], q["answer"]
    if q["kind"] in ("typed", "number"):
        return str(answer)
    if q["kind"] in ("multi", "order"):
        picks = [options.index(a) for a in answer]
        if letters:
            return ", ".join("abcdefghi"[i] for i in picks)
        return ",".join(str(i + 1) for i in picks)
    return str(options.index(answer) + 1)


def wrong_line(q: dict[str, Any]) -> str:
    if q["kind"] in ("typed", "number"):
        return "Nowhere at all"
    if q["kind"] in ("multi", "order"):
        right = [q["options"].index(a) for a in q["answer"]]
        return str(next(i for i in range(len(q["options"])) if i not in right) + 1)
    return str(next(i for i, o in enumerate(q["options"]) if o != q["answer"]) + 1)


def blocks(out: str) -> list[str]:
    """The output cut at each 'Question k of n' header (first block: the title)."""
    return re.split(r"\n(?=Question \d+ of \d+ · )", out)


# -- whole rounds ---------------------------------------------------------------


def test_a_round_of_right_answers(exported: list[dict[str, Any]]) -> None:
    kinds = [q["kind"] for q in exported]
    assert kinds == KINDS
    lines = [right_line(q, letters=q["kind"] == "multi") for q in exported]
    done = quiz("play", *ROUND, "--plain", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    before, after = done.stdout.split("\nRound over.")
    title, *questions = blocks(before)
    end = "Round over." + after
    assert title.startswith(f"The Moon landings — 4 questions, seed {SEED}")
    assert len(questions) == 4
    score = 0
    for k, (block, q) in enumerate(zip(questions, exported, strict=True), 1):
        rows = block.strip("\n").splitlines()
        assert rows[0] == f"Question {k} of 4 · score {score} · streak {k - 1}"
        assert rows[1] == q["prompt"]  # the same question, in the same order, as the export
        for i, option in enumerate(q["options"], 1):
            assert f"  {i}. {option}" in rows
        bonus = min(100 * (k - 1), 500)
        verdict = "Right! +1000" + (f" +{bonus} streak bonus" if bonus else "")
        assert any(row.startswith(verdict) for row in rows), (verdict, rows)
        score += 1000 + bonus
        assert f"Answer: {answer_text(q)}" in block
        assert q["explanation"] in block
        assert f"»{q['quote']['text']}«" in block  # the quote inside its paragraph
    assert end.startswith(f"Round over. Score {score} · 4 of 4 right (100%) · best streak 4")
    assert score == 4600
    topics = Counter(t for q in exported for t in q["topics"])
    assert "By topic: " + ", ".join(f"{t} {n}/{n}" for t, n in sorted(topics.items())) in end
    assert "Missed" not in end


def answer_text(q: dict[str, Any]) -> str:
    a = q["answer"]
    if isinstance(a, list):
        return (" → " if q["kind"] == "order" else "; ").join(a)
    return str(a)


def test_wrong_answers_explain_and_are_listed_as_missed(exported: list[dict[str, Any]]) -> None:
    choice, multi = exported[2], exported[3]
    # A wrong option the pack can explain: the fact it really belongs to.
    chosen, why = next(iter(choice["why_wrong"].items()))
    lines = [right_line(exported[0]), right_line(exported[1])]
    lines += [str(choice["options"].index(chosen) + 1), wrong_line(multi)]
    done = quiz("play", *ROUND, "--plain", "--no-streak", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    parts = blocks(done.stdout)
    assert "Wrong" in parts[3]
    assert f"Answer: {choice['answer']}" in parts[3]
    # the moon pack names no noun for its source: "text", not another pack's "article"
    expected = f"Why not “{chosen}”: {why['statement']} The text: “{why['quote']['text']}”"
    assert expected in parts[3]
    assert "Wrong" in parts[4] and f"Answer: {answer_text(multi)}" in parts[4]
    assert "Round over. Score 2000 · 2 of 4 right (50%) · best streak 2" in done.stdout
    # the summary shows each proof's whole sentence: out of its paragraph, a fragment ("for
    # eight years (2005 – 2013)") read vaguely (reader 34d)
    text = (MOON.parent / "sources" / "moon.txt").read_text(encoding="utf-8")
    for q in (choice, multi):
        assert f"Missed: {q['prompt']}" in done.stdout
        whole = sentences_covering(text, q["quote"]["start"], q["quote"]["end"])
        sentence = text[whole.start : whole.end]
        assert q["quote"]["text"] in sentence
        assert f"The text: “{sentence}”" in done.stdout


def test_end_of_input_ends_cleanly_with_the_summary() -> None:
    done = quiz("play", *ROUND, "--plain", stdin="")
    assert done.returncode == 0
    assert done.stderr == ""
    assert "Question 1 of 4" in done.stdout
    assert "Question 2 of 4" not in done.stdout
    assert "(end of input)" in done.stdout
    last = done.stdout.rstrip().splitlines()[-1]
    assert last.startswith("Round over. Score 0 · 0 of 0 right (0%) · best streak 0 · seed ")


def test_end_of_input_mid_round_keeps_the_answers(exported: list[dict[str, Any]]) -> None:
    lines = [right_line(exported[0]), right_line(exported[1])]
    done = quiz("play", *ROUND, "--plain", stdin="\n".join(lines))  # no final newline
    assert done.returncode == 0
    assert "Question 3 of 4" in done.stdout and "Question 4 of 4" not in done.stdout
    assert "Round over. Score 2100 · 2 of 2 right (100%) · best streak 2" in done.stdout


def test_an_invalid_answer_is_asked_again(exported: list[dict[str, Any]]) -> None:
    tf = exported[0]
    stdin = "\n".join(["", "7", "maybe", "1 2", "0", right_line(tf)]) + "\n"
    done = quiz("play", *ROUND, "--plain", stdin=stdin)
    assert done.returncode == 0
    first = blocks(done.stdout)[1]
    retries = re.findall(r"^  \((.*); try again\)$", first, re.M)
    assert len(retries) == 5, first
    assert "choose an option from 1 to 2" in retries[1]
    assert "not an option: 'maybe'" in retries[2]
    assert first.count(tf["prompt"]) == 1  # asked once, answered after the retries
    assert "Right! +1000" in first
    assert "Round over. Score 1000 · 1 of 1 right (100%)" in done.stdout


def test_order_by_letters() -> None:
    """An order question answered with letters, in the right order."""
    args = [str(MOON), "--seed", "0", "--count", "1", "--kinds", "order"]
    q = json.loads(quiz("export", *args).stdout)["questions"][0]
    assert q["kind"] == "order"
    done = quiz("play", *args, "--plain", stdin=right_line(q, letters=True) + "\n")
    assert done.returncode == 0
    assert "Right! +1000" in done.stdout
    assert f"Answer: {' → '.join(q['answer'])}" in done.stdout


# -- parsing, in process ------------------------------------------------------------


@pytest.fixture(scope="module")
def questions() -> dict[str, Question]:
    out: dict[str, Question] = {}
    for q in all_questions(load_pack(MOON)):
        out.setdefault(q.kind, q)
    return out


@pytest.mark.parametrize(
    ("kind", "line", "response"),
    [
        ("choice", "2", 1),
        ("choice", " 3 \n", 2),
        ("choice", "b", 1),
        ("true_false", "true", 0),
        ("true_false", "F", 1),
        ("true_false", "t", 0),  # a word, not the letter t
        ("true_false", "b", 1),
        ("multi", "1,3", (0, 2)),
        ("multi", "a c", (0, 2)),
        ("multi", "1; c", (0, 2)),
        ("order", "3,1,2", (2, 0, 1)),
        ("typed", "  Apollo 12 ", "Apollo 12"),
        ("number", "three", "three"),
    ],
)
def test_parse(questions: dict[str, Question], kind: str, line: str, response: object) -> None:
    assert parse_line(questions[kind], line) == response


@pytest.mark.parametrize(
    ("kind", "line"),
    [
        ("choice", ""),
        ("choice", "1,2"),
        ("choice", "yes"),
        ("choice", "true"),
        ("multi", ""),
        # a digit that is no number (Python's int() refuses it): asked again, no traceback
        ("choice", "²"),
        ("multi", "1,²"),
    ],
)
def test_parse_rejects(questions: dict[str, Question], kind: str, line: str) -> None:
    with pytest.raises(InvalidResponse):
        parse_line(questions[kind], line)


def test_a_select_all_takes_its_options_words(questions: dict[str, Question]) -> None:
    """ "Albania; Croatia" names two options of a select-all (reader 39b found it asked
    again, though `quiz try` says an option's words are taken); one option, or a comma
    between them, too; a word no option has is still asked again."""
    q = questions["multi"]
    first, second = q.options[0], q.options[1]
    assert parse_line(q, f"{first}; {second}") == (0, 1)
    assert parse_line(q, f"{second.lower()}, {first}") == (1, 0)
    assert parse_line(q, first) == (0,)
    with pytest.raises(InvalidResponse) as refused:
        parse_line(q, f"{first}; Narnia")
    # the part that is no option is named, not the first word (reader 42b: "Poland,
    # Lithuania" was "not an option: 'poland'")
    assert refused.value.text == "Narnia"
    with pytest.raises(InvalidResponse) as refused:
        parse_line(q, f"{second}, Narnia land, {first}")
    assert refused.value.text == "Narnia land"


def test_run_in_process_partial_credit_and_streak(questions: dict[str, Question]) -> None:
    moon = load_pack(MOON)
    multi = Seen(questions["multi"])
    one_right = str(multi.options.index(multi.answers[0]) + 1)
    spec = RoundSpec(PackRef.of(moon), 0)
    session = Session(spec, moon, questions=[questions["choice"], multi.q])
    choice = Seen(questions["choice"])
    choice_right = str(choice.options.index(str(choice.answer)) + 1)
    out = io.StringIO()
    assert plain.run(session, io.StringIO(f"{choice_right}\n{one_right}\n"), out) == 0
    text = out.getvalue()
    points = round(1000 / len(multi.answers))
    assert f"Partly right: +{points} (1 of {len(multi.answers)} right)" in text
    assert session.streak == 0
    assert f"Score {1000 + points} · 1 of 2 right" in text


def test_ctrl_c_mid_round_prints_the_summary_so_far(exported: list[dict[str, Any]]) -> None:
    """SIGINT while waiting for an answer: no traceback, the answers given are summed up."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", *ROUND, "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Ctrl+C reaches the game as it does from a terminal, even when the suite itself was
        # started with SIGINT ignored (a background job of a script), which the game would
        # rightly inherit and respect.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(right_line(exported[0]) + "\n")
    proc.stdin.flush()
    seen = ""
    while "Question 2 of 4" not in seen:  # the first answer is graded, the second is awaited
        line = proc.stdout.readline()
        assert line, f"the round ended early: {seen}"
        seen += line
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130, (err[-800:], out[-800:])
    assert "Traceback" not in err
    assert "(interrupted)" in out
    assert "1 of 1 right" in out


def test_parse_accepts_an_options_own_words(questions: dict[str, Question]) -> None:
    q = questions["choice"]
    for i, option in enumerate(q.options):
        assert parse_line(q, f"  {option.upper()} ") == i


def test_a_number_typed_among_figure_options_is_never_read_two_ways(
    questions: dict[str, Question],
) -> None:
    """Among "three, four, six, eight", "3" was read as option 3 ("six") and marked right for
    a reader who meant "three" (reader 32b): a number that is one option's place and another's
    figure is asked again; one that can only be a figure ("6") picks that option; one whose
    place holds its own figure, or that no option says, is a place as before."""
    from dataclasses import replace

    from quiz.round.codes import Refusal

    q = replace(questions["choice"], options=("three", "four", "six", "eight"))
    with pytest.raises(InvalidResponse) as asked:
        parse_line(q, "3")
    assert asked.value.reason is Refusal.PLACE_OR_FIGURE
    assert "'three'" in str(asked.value)
    assert parse_line(q, "6") == 2
    assert parse_line(q, "six countries") == 2
    assert parse_line(q, "3 countries") == 0
    assert parse_line(q, "8") == 3
    assert parse_line(q, "2") == 1
    assert parse_line(replace(q, options=("1", "2", "4", "5")), "2") == 1
    assert parse_line(replace(q, options=("13", "14", "15", "16")), "14") == 1


def test_line_mode_wraps_for_a_person_with_a_hanging_indent(monkeypatch) -> None:
    import shutil

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a, **k: os.terminal_size((40, 20)))
    out = Terminal()
    say = plain._writer(out)
    say("  Answer: " + "word " * 20)
    lines = out.getvalue().splitlines()
    assert len(lines) > 1 and all(len(x) <= 40 for x in lines)
    assert all(x.startswith("    ") for x in lines[1:])  # wrapped under the text, not the margin
    piped = io.StringIO()
    plain._writer(piped)("x " * 100)
    assert piped.getvalue().count("\n") == 1  # a script gets each line whole


def test_one_question_is_one_question() -> None:
    done = quiz("play", str(MOON), "--plain", "--count", "1", "--seed", "1", stdin="")
    assert " — 1 question, seed 1" in done.stdout.splitlines()[0]


def test_the_line_mode_says_when_a_round_is_shorter_than_asked() -> None:
    done = quiz("play", str(MOON), "--plain", "--count", "50", "--kinds", "number", stdin="")
    assert done.returncode == 0
    assert "(Only 1 question: no more match these kinds and topics without asking a fact" in (
        done.stdout
    )
    done = quiz("play", str(MOON), "--plain", "--count", "50", stdin="")
    assert (
        "the pack has no more without asking a fact twice or one question answering" in done.stdout
    )
