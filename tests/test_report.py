"""The teacher's report: difficulty per question, the wrong answers chosen most and why they are
wrong, the source shaded by the class's errors, the students; as one self-contained HTML file
(opened in a real browser), as Markdown, and counted right."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from classroom import quiz
from conftest import DATA
from helpers import moon, right_response
from quiz.classroom import report, report_html, report_md, sitting
from quiz.classroom.results import class_results
from quiz.clock import ManualClock
from quiz.generate import round_questions
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.packs.quotes import paragraphs
from quiz.papers import Paper, encode, paper_spec
from quiz.question import One
from quiz.store import open_store

HOSTILE_NAME = '<script>alert(1)</script><img src="http://evil.example/x.png">'


def paper_with_a_reason(pack: Pack, count: int = 6) -> tuple[Paper, int, int]:
    """A paper holding a one-answer question with a wrong option whose reason is known:
    (the paper, that question's place, that option)."""
    for seed in range(500):
        spec = paper_spec(pack, seed, count)
        for i, q in enumerate(round_questions(pack, spec)):
            if isinstance(q.key, One) and q.origin.why_wrong:
                return Paper(encode(spec, pack), spec, pack), i, q.origin.why_wrong[0][0]
    raise AssertionError("no question with a reason in this pack")


def sit_class(db: Path, paper: Paper, picks: dict[str, dict[int, int]]):
    """Each student answers every question right except the (place → option) picks given."""
    clock = ManualClock()
    store = open_store(str(db), clock)
    for name, wrong in picks.items():
        session, _ = sitting.begin(paper, store, store.player(name), clock)
        for i, q in enumerate(session.questions):
            clock.tick(10 + i)
            session.answer(wrong.get(i, right_response(q)))
    return store


@pytest.fixture
def moon_class(tmp_path: Path) -> dict[str, Any]:
    paper, target, option = paper_with_a_reason(moon())
    questions = round_questions(paper.pack, paper.spec)
    other = next(
        i for i, q in enumerate(questions) if isinstance(q.key, One) and i != target
    )  # a second question Cleo gets wrong
    other_wrong = (questions[other].key.right + 1) % len(questions[other].options)  # type: ignore[union-attr]
    picks = {"Ann": {}, "Ben": {target: option}, "Cleo": {target: option, other: other_wrong}}
    store = sit_class(tmp_path / "t.db", paper, picks)
    return {"paper": paper, "questions": questions, "target": target, "option": option,
            "picks": picks, "store": store, "db": tmp_path / "t.db"}  # fmt: skip


def test_the_report_counts_what_the_class_did(moon_class: dict[str, Any]) -> None:
    paper, questions, picks = moon_class["paper"], moon_class["questions"], moon_class["picks"]
    made = report.build(class_results(moon_class["store"], paper))
    wrong = {(name, i) for name, p in picks.items() for i in p}
    for st in made.questions:
        i = st.number - 1
        missed = sum((name, i) in wrong for name in picks)
        assert st.share_right == pytest.approx((3 - missed) / 3)
        assert report.difficulty(st.share_right) == (
            "easy" if missed == 0 else "medium" if missed == 1 else "hard"
        )
    first = made.misconceptions[0]
    q, why = (
        questions[moon_class["target"]],
        questions[moon_class["target"]].why_wrong(moon_class["option"]),
    )
    assert why is not None
    assert (first.number, first.choice.count, first.answered) == (moon_class["target"] + 1, 2, 3)
    assert first.choice.text == q.options[moon_class["option"]]
    assert first.reason == why.statement and first.quote == why.quote
    # The shading, counted here independently: wrong answers over answers, per paragraph.
    source = next(iter(paper.pack.sources.values()))
    for para, shaded in zip(paragraphs(source.text), made.paragraphs, strict=True):
        on = [
            i
            for i, x in enumerate(questions)
            if any(qt.start < para.end and para.start < qt.end for qt in x.origin.quotes)
        ]
        answers = 3 * len(on)
        missed = sum((name, i) in wrong for name in picks for i in on)
        assert shaded.answers == answers
        assert shaded.error == (pytest.approx(missed / answers) if answers else None)
    rows = {r["name"]: r for r in made.results.student_rows()}
    assert {n: rows[n]["right"] for n in picks} == {"Ann": 6, "Ben": 5, "Cleo": 4}
    assert rows["Ann"]["time"] == sum(10 + i for i in range(6))


def test_the_html_report_is_one_file_that_loads_nothing(moon_class: dict[str, Any]) -> None:
    page = report_html.render(report.build(class_results(moon_class["store"], moon_class["paper"])))
    assert page.startswith("<!doctype html>") and "</html>" in page
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert not re.search(r"\b(src|href|srcset|action|poster)\s*=", page, re.I)
    assert "url(" not in page and "@import" not in page and "://" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_a_paragraph_the_class_got_all_right_is_not_red(moon_class: dict[str, Any]) -> None:
    """Red says marks were lost; a paragraph with none lost is bordered green, not washed
    pale red (found in a play-test)."""
    made = report.build(class_results(moon_class["store"], moon_class["paper"]))
    first = next(i for i, p in enumerate(made.paragraphs) if p.error)
    paras = list(made.paragraphs)
    paras[first] = dataclasses.replace(paras[first], error=0.0)  # all right on this one
    page = report_html.render(dataclasses.replace(made, paragraphs=tuple(paras)))
    assert 'data-error="0.0000"' in page
    for p in re.findall(r'<p class="para [^"]*"[^>]*data-error[^>]*>', page):
        error = float(re.search(r'data-error="([\d.]+)"', p).group(1))  # type: ignore[union-attr]
        assert ("rgba(211, 47, 47" in p) == (error > 0), p
    assert report_html.shade(None) == ""


@pytest.fixture
def hostile_class(tmp_path: Path) -> dict[str, Any]:
    pack = load_pack(DATA / "hostile.yaml")
    spec = paper_spec(pack, 5, 8)
    paper = Paper(encode(spec, pack), spec, pack)
    questions = round_questions(pack, spec)
    picks: dict[str, dict[int, int]] = {HOSTILE_NAME[:40]: {}, "Dee": {}}
    for i, q in enumerate(questions):
        if isinstance(q.key, One):
            picks["Dee"][i] = (q.key.right + 1) % len(q.options)
    store = sit_class(tmp_path / "h.db", paper, picks)
    made = report.build(class_results(store, paper))
    return {"paper": paper, "questions": questions, "report": made, "name": HOSTILE_NAME[:40]}


def test_pack_text_and_names_are_escaped_in_the_html(hostile_class: dict[str, Any]) -> None:
    page = report_html.render(hostile_class["report"])
    assert "<script" not in page and "<img" not in page
    assert "<b>#1</b>" not in page and "<i>co</i>" not in page  # the pack's own tags
    assert html.escape(hostile_class["name"], quote=True) in page
    for q in hostile_class["questions"]:
        assert html.escape(q.prompt, quote=True) in page


def test_the_markdown_report_prints_pack_text_literally(hostile_class: dict[str, Any]) -> None:
    from markdown_it import MarkdownIt

    text = report_md.render(hostile_class["report"])
    dom = Dom()
    dom.feed(MarkdownIt("commonmark").enable("table").render(text))
    assert not {"script", "img", "a", "b", "i", "em"} & set(dom.tags)
    seen = " ".join(" ".join(dom.text).split())
    assert hostile_class["name"] in seen
    for q in hostile_class["questions"]:
        assert " ".join(q.prompt.split()) in seen
    for title in ("Questions", "The wrong answers chosen most", "The source", "Students"):
        assert f"## {title}" in text


def test_the_report_command_writes_html_or_markdown(moon_class: dict[str, Any], tmp_path: Path):
    code, db = moon_class["paper"].code, str(moon_class["db"])
    moon_class["store"].close()
    for name in ("r.html", "r.md"):
        done = quiz("report", "--paper", code, "--db", db, "--out", str(tmp_path / name))
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Class report")
    bad = quiz("report", "--paper", code, "--db", db, "--out", str(tmp_path / "r.pdf"))
    assert bad.returncode == 2 and "name it .html or .md" in bad.stderr


# -- in a real browser ----------------------------------------------------------------


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Chromium is not installed (.ci/run installs Debian's chromium package)")
    return found


def open_in_chromium(page: Path, profile: Path) -> tuple[str, list[str]]:
    """(the DOM Chromium built from the page, the URLs the page asked it to load). No name is
    resolved (every host maps to NOTFOUND): a request is logged, never sent."""
    netlog = profile.parent / "netlog.json"
    done = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--log-net-log={netlog}",
            "--net-log-capture-mode=Everything",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    asked = [
        e["params"]["url"]
        for e in log["events"]
        if e["type"] == start
        and "file://" in str(e["params"].get("network_isolation_key", ""))
        and not e["params"]["url"].startswith("file:")
    ]
    return done.stdout, asked


class Dom(HTMLParser):
    """What a reader sees: the text of each element with an id or class, the elements used."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.shaded: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag == "p" and "para" in (dict(attrs).get("class") or "") and dict(attrs).get("style"):
            self.shaded.append(str(dict(attrs)["style"]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_report_in_a_real_browser(hostile_class: dict[str, Any], tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report_html.render(hostile_class["report"]), encoding="utf-8")
    dom_text, asked = open_in_chromium(page, tmp_path / "profile")
    dom = Dom()
    dom.feed(dom_text)
    seen = " ".join(" ".join(dom.text).split())
    assert asked == []  # nothing was loaded from anywhere
    assert "script" not in dom.tags and "img" not in dom.tags and "link" not in dom.tags
    assert not [v for k, v in dom.attrs if k in ("src", "href", "srcset") and v]
    # What the teacher sees: the title, every question, the wrong answers and why, the
    # shaded source and the students (a hostile name shown as typed, not run).
    made = hostile_class["report"]
    assert f"Class report: {made.title}" in seen
    for q in hostile_class["questions"]:
        assert " ".join(q.prompt.split()) in seen
    assert made.misconceptions and all(
        " ".join(m.reason.split()) in seen for m in made.misconceptions
    )
    assert hostile_class["name"] in seen and "Dee" in seen
    assert len(dom.shaded) == sum(p.error is not None for p in made.paragraphs) > 0
    assert all("rgba(211, 47, 47" in s for s in dom.shaded)


def test_the_browser_probe_sees_a_page_that_loads_something(tmp_path: Path) -> None:
    """The check above can fail: a page with an image and a style sheet from elsewhere is
    caught asking for both."""
    page = tmp_path / "leaky.html"
    page.write_text(
        '<!doctype html><p>x</p><img src="http://leak.invalid/a.png">'
        '<link rel="stylesheet" href="https://leak.invalid/b.css">',
        encoding="utf-8",
    )
    _, asked = open_in_chromium(page, tmp_path / "profile")
    assert sorted(asked) == ["http://leak.invalid/a.png", "https://leak.invalid/b.css"]


def test_what_slips_into_a_pack_is_shown_not_obeyed_by_the_classroom(tmp_path: Path) -> None:
    """A pack poisoned in the cache (see test_hostile.py): the exam's review, the results and
    the report show its escape sequences as symbols, never send them."""
    import sys

    from quiz.packs.registry import load
    from test_hostile import ESC, _poisoned_cache

    path = _poisoned_cache(tmp_path)
    pack = load(path)
    spec = paper_spec(pack, 1, 3, ("choice",))
    code, db = encode(spec, pack), str(tmp_path / "p.db")
    common = ["--packs", str(path), "--db", db]

    def run(*args: str, stdin: bytes = b"") -> bytes:
        done = subprocess.run(
            [sys.executable, "-m", "quiz", *args, *common], input=stdin, capture_output=True,
            timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert ESC.encode() not in done.stdout + done.stderr, args
        return done.stdout

    sitting = ["play", "--plain", "--paper", code, "--player", "Ann"]
    assert "Boom␛[2J".encode() in run(*sitting, stdin=b"2\n2\n2\n")
    assert "Boom␛[2J".encode() in run(*sitting)  # sat once: the result again
    run("results", "--paper", code)
    run("results", "--paper", code, "--by", "question", "--format", "csv")
    run("report", "--paper", code)
    run("report", "--paper", code, "--out", str(tmp_path / "r.html"))
    assert ESC not in (tmp_path / "r.html").read_text(encoding="utf-8")
