"""The authoring kit: `quiz new`, `quiz check --explain` and `--coverage`, `quiz packs`, and a
pack made with them (tests/data/channel.yaml, from a short text written for the tests) that
plays end to end."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, MOON
from helpers import LOCATED, run_quiz
from quiz.authoring.candidates import candidates
from quiz.authoring.explain import explain
from quiz.check import check_pack
from quiz.generate import all_questions
from quiz.generate.verify import verify
from quiz.packs import load_pack
from quiz.packs.schema import schema_text
from quiz.question import Figure

CHANNEL = DATA / "channel.yaml"
CHANNEL_TEXT = DATA / "sources" / "channel.txt"
ROOT = Path(__file__).parents[1]  # commands run here name files as tests/data/…


def _new(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_quiz("new", *args, cwd=tmp_path)


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    """A teacher's text, with what makes quoting hard: a typographic apostrophe, an en dash,
    a sentence broken over two lines, a backslash and a double quote."""
    path = tmp_path / "notes.txt"
    path.write_text(
        "The Lighthouse\n\n"
        "Mary Ann’s lighthouse at Cape Wrath was lit on 1 December 1828. It stands 20 metres\n"
        "tall – taller than the old one.\n\n"
        'Its keeper wrote "all well" \\ every night for about 40 years.\n',
        encoding="utf-8",
    )
    return path


# -- quiz new -----------------------------------------------------------------------------


def test_new_writes_a_skeleton_that_passes_check(tmp_path: Path, text_file: Path) -> None:
    done = _new(tmp_path, "notes.txt", "--id", "lighthouse", "--out", "packs")
    assert done.returncode == 0, done.stderr
    assert "packs/lighthouse.yaml: 3 candidate sentences" in done.stdout
    pack_file = tmp_path / "packs" / "lighthouse.yaml"
    copy = tmp_path / "packs" / "sources" / "notes.txt"
    assert copy.read_bytes() == text_file.read_bytes()
    text = pack_file.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=pack.schema.json"
    assert (tmp_path / "packs" / "pack.schema.json").read_text(encoding="utf-8") == schema_text()
    assert hashlib.sha256(copy.read_bytes()).hexdigest() in text
    assert 'title: "The Lighthouse"' in text  # the heading
    checked = run_quiz("check", "packs/lighthouse.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "0 facts" in checked.stdout and "0/3 (0 %)" in checked.stdout
    (warning,) = checked.stderr.splitlines()
    assert LOCATED.match(warning), warning
    assert "warning: no facts yet" in warning and "3 candidate sentences" in warning
    played = run_quiz("play", "packs/lighthouse.yaml", "--plain", cwd=tmp_path)
    assert played.returncode == 2 and played.stderr.strip() == (
        "quiz: pack 'lighthouse' asks no questions: it has no facts yet (quiz check "
        "packs/lighthouse.yaml --coverage lists the sentences to write them from)"
    )


def test_new_lists_each_sentence_with_its_line_dates_numbers_and_names(
    tmp_path: Path, text_file: Path
) -> None:
    assert _new(tmp_path, "notes.txt", "--id", "lighthouse").returncode == 0
    text = (tmp_path / "lighthouse.yaml").read_text(encoding="utf-8")
    assert (
        '# line 3 · dates: 1 December 1828 → {date: "1828-12-01"} · names: Mary Ann, Cape Wrath'
    ) in text
    assert "# line 3 · numbers: 20 metres → {number: 20} (unit: metres)" in text
    assert (
        '# line 6 · numbers: about 40 years → {number: 40, text: "about 40", approx: true}' in text
    )
    assert '# mary-ann: {type: TYPE, name: "Mary Ann"}   # line 3' in text
    assert text.index("line 3 · dates") < text.index("line 6 · numbers")  # in order


def test_each_candidate_quote_uncommented_is_the_sentence_verbatim(
    tmp_path: Path, text_file: Path
) -> None:
    """Uncommenting a candidate keeps its quote byte for byte: the apostrophe, the dash, the
    line break, the backslash and the inner quotes."""
    assert _new(tmp_path, "notes.txt", "--id", "lighthouse").returncode == 0
    text = (tmp_path / "lighthouse.yaml").read_text(encoding="utf-8")
    quotes = [
        yaml.safe_load(line.split("#", 1)[1].strip().split(": ", 1)[1])["quote"]
        for line in text.splitlines()
        if line.startswith("  #   evidence:")
    ]
    source = text_file.read_text(encoding="utf-8")
    assert quotes == [c.text for c in candidates(source)]
    assert len(quotes) == 3 and all(q in source for q in quotes)
    assert "20 metres\ntall – taller" in quotes[1]


def test_a_filled_in_candidate_is_a_fact(tmp_path: Path, text_file: Path) -> None:
    """What an author does next: uncomment one candidate and fill it in; it checks clean."""
    assert _new(tmp_path, "notes.txt", "--id", "lighthouse").returncode == 0
    path = tmp_path / "lighthouse.yaml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"  # - id:\n(?:  # .*\n){5}", text)
    assert block is not None
    fact = block.group(0).replace("  # ", "  ")
    fact = fact.replace("- id:", "- id: lit").replace("subject:", "subject: cape-wrath")
    fact = fact.replace("relation:", "relation: lit_on").replace(
        "object:", 'object: {date: "1828-12-01"}'
    )
    fact = fact.replace("topics: []", "topics: [history]")
    text = text.replace(block.group(0), fact)
    text = text.replace("  # cape-wrath: {type: TYPE", "  cape-wrath: {type: place").replace(
        "relations:\n",
        "relations:\n  lit_on:\n    subject: place\n    object: date\n    closed: true\n"
        '    forward: "When was the lighthouse at {subject} first lit?"\n'
        '    statement: "The lamp at {subject} shone for the first time on {object}."\n',
    )
    path.write_text(text, encoding="utf-8")
    report = check_pack(path)
    assert report.problems == [], report.problems
    assert report.pack is not None and [f.id for f in report.pack.facts] == ["lit"]


def test_new_refuses_to_overwrite_unless_forced(tmp_path: Path, text_file: Path) -> None:
    assert _new(tmp_path, "notes.txt", "--id", "lighthouse").returncode == 0
    again = _new(tmp_path, "notes.txt", "--id", "lighthouse")
    assert again.returncode == 2
    assert again.stderr.strip() == "quiz: lighthouse.yaml already exists (--force replaces it)"
    text_file.write_text("Another text. It is new.\n", encoding="utf-8")
    other = _new(tmp_path, "notes.txt", "--id", "other")  # the copy in sources/ differs
    assert other.returncode == 2 and "sources/notes.txt already exists" in other.stderr
    forced = _new(tmp_path, "notes.txt", "--id", "lighthouse", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Another text" in (tmp_path / "sources" / "notes.txt").read_text(encoding="utf-8")


def test_new_from_the_source_already_in_place(tmp_path: Path, text_file: Path) -> None:
    """`quiz new sources/notes.txt` in the pack's folder: the source is not copied onto itself."""
    (tmp_path / "sources").mkdir()
    shutil.move(text_file, tmp_path / "sources" / "notes.txt")
    done = _new(tmp_path, "sources/notes.txt", "--id", "lighthouse")
    assert done.returncode == 0, done.stderr
    assert check_pack(tmp_path / "lighthouse.yaml").problems == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt", "--id", "x"], "missing.txt: cannot read"),
        (["notes.txt", "--id", "Bad Id"], "a pack id is lower-case letters"),
    ],
)
def test_new_refuses_bad_input_in_one_line(
    tmp_path: Path, text_file: Path, args: list[str], message: str
) -> None:
    done = _new(tmp_path, *args)
    assert done.returncode == 2 and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


# -- the pack made with the kit ----------------------------------------------------------


def test_the_channel_pack_was_made_with_quiz_new(tmp_path: Path) -> None:
    """Its head is what `quiz new` writes for its text, and every quote lies inside one of
    the candidate sentences."""
    shutil.copy(CHANNEL_TEXT, tmp_path / "channel.txt")
    assert _new(tmp_path, "channel.txt", "--id", "channel").returncode == 0
    made = (tmp_path / "channel.yaml").read_text(encoding="utf-8").splitlines()
    ours = CHANNEL.read_text(encoding="utf-8").splitlines()
    assert ours[:6] == made[:6] and ours[11:14] == made[11:14]  # header, id, title, file, sha
    sentences = [c.text for c in candidates(CHANNEL_TEXT.read_text(encoding="utf-8"))]
    pack = load_pack(CHANNEL)
    for f in pack.facts:
        assert any(q.text in s for q in f.evidence for s in sentences), f.id


def test_the_channel_pack_checks_clean_and_asks_people_and_units() -> None:
    report = check_pack(CHANNEL)
    assert report.problems == [] and report.warnings == []
    pack = report.pack
    assert pack is not None
    questions = all_questions(pack, seed=0)
    assert all(verify(pack, q) == [] for q in questions)
    kinds = {q.kind for q in questions}
    # no evidence question: the width's claim ("… about 34 kilometres across") shares its
    # figure and words with its answer alone, so one word would find it
    assert {"choice", "true_false", "typed", "number", "order"} <= kinds
    by_id = {q.id: q for q in questions}
    # a person-centred fact, asked for recall
    webb = by_id["webb-swim:number"]
    assert webb.prompt == "In which year did Matthew Webb swim across the Channel?"
    assert by_id["webb-swim:choice:reverse"].options  # "Who swam across the Channel in 1875?"
    # numbers with units: the unit is part of the answer, wrong options share it
    minutes = by_id["bleriot-minutes:number"].key
    assert isinstance(minutes, Figure) and (minutes.value, minutes.unit) == (36, "minutes")
    length = by_id["tunnel-length:choice:forward"]
    assert "38" in length.options  # another length in kilometres, never the 36 minutes
    assert "36" not in length.options


def test_the_channel_pack_plays_a_whole_round_in_line_mode(tmp_path: Path) -> None:
    args = [str(CHANNEL), "--count", "6", "--seed", "3"]
    exported = run_quiz("export", *args)
    assert exported.returncode == 0, exported.stderr
    questions = json.loads(exported.stdout)["questions"]
    assert len(questions) == 6
    lines = []
    for q in questions:
        answer = q["answer"]
        if q["kind"] in ("typed", "number"):
            lines.append(str(answer))
        elif q["kind"] in ("multi", "order"):
            lines.append(",".join(str(q["options"].index(a) + 1) for a in answer))
        else:
            lines.append(str(q["options"].index(answer) + 1))
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "play", *args, "--plain", "--player", "Ann"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Round over." in done.stdout and "6 of 6 right (100%)" in done.stdout
    assert "article" not in done.stdout  # the pack's own word for its source ("text")


async def test_the_channel_pack_plays_a_round_on_the_full_screen() -> None:
    from apps import app_with, start, started
    from quiz.session import Phase
    from test_tui import answer_right, screen_text

    session = start(load_pack(CHANNEL), 4, 5)
    assert "number" in {q.kind for q in session.questions}
    app = app_with(session)
    async with started(app) as pilot:
        while session.phase is Phase.ASKING:
            q = session.current
            await answer_right(pilot, q)
            assert session.last is not None and session.last.correct, q
            await pilot.press("enter")
        assert session.summary().right == 4
        assert "article" not in screen_text(app)


# -- quiz check --explain and --coverage ---------------------------------------------------


def _explained(pack_file: Path) -> dict[str, list[str]]:
    """Fact id → the lines --explain prints under it (its first line included)."""
    done = run_quiz("check", str(pack_file.relative_to(ROOT)), "--explain", "all", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    out: dict[str, list[str]] = {}
    current = ""
    for line in done.stdout.splitlines():
        m = re.match(r"^\S+:\d+:\d+: (\S+) \(", line)
        if m:
            current = m.group(1)
        if current:
            out.setdefault(current, []).append(line)
    return out


def test_explain_brief_is_by_relation_and_only_what_an_author_can_do() -> None:
    """`--explain` is for a teacher: a line per relation and its fixable reasons, each once;
    no reason without a fix ("a date is asked as a number question"); about a screen."""
    done = run_quiz("check", "tests/data/channel.yaml", "--explain", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    out = done.stdout.split("every fact and reason):\n")[1].splitlines()
    relations = [x for x in out if not x.startswith(" ")]
    assert len(relations) == len(load_pack(CHANNEL).relations)
    assert all("→" in b for a, b in zip(out, out[1:], strict=False) if a.startswith("  no "))
    assert not any("asks facts whose object is a date" in x for x in out)
    assert len(out) <= 40
    bundled = run_quiz("check", "--explain", cwd=ROOT)
    assert bundled.returncode == 0, bundled.stderr
    # about a screen for 20-25 facts: two lines a fact at most over the bundled 111, the
    # summary above them aside
    body = bundled.stdout.split("every fact and reason):\n")[1]
    # (2.1: since the nineteenth reading a list's choices that would all show the same wrong
    # options say so, one reason and one fix for the list)
    assert len(body.splitlines()) <= 2.1 * 111


def test_explain_takes_a_pack_after_it() -> None:
    """`quiz check --explain PACK` still checks PACK (the mode is optional)."""
    done = run_quiz("check", "--explain", "tests/data/channel.yaml", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("tests/data/channel.yaml: ok")


def test_explain_names_what_each_fact_yields_and_why_not() -> None:
    lines = _explained(CHANNEL)
    webb = lines["webb-swim"]
    line = CHANNEL.read_text(encoding="utf-8").splitlines().index("  - id: webb-swim") + 1
    assert webb[0] == (
        f"tests/data/channel.yaml:{line}:5: webb-swim (swam_across_in) yields choice, "
        "true_false, typed, number, order"
    )
    assert any("no multi: relation 'swam_across_in' has no `forward_all`" in x for x in webb)
    # the approximate figure: asked as "about", among figures far from it; why no number
    width = "\n".join(lines["channel-width"])
    assert "yields choice" in width
    assert "'about 34' is an approximate figure (approx: true)" in width
    assert "give the exact figure" in width


def test_explain_says_select_all_needs_a_wrong_option_of_the_group(tmp_path: Path) -> None:
    """The issue's case: a select-all over every town of the group has no wrong option;
    entities used only as wrong options make it (two: one wrong option beside the right ones
    is often the one name the source never uses, the sixth reading's thin select-all)."""
    shutil.copytree(DATA / "sources", tmp_path / "sources")
    text = CHANNEL.read_text(encoding="utf-8")
    towns = (
        '  calais: {type: place, group: town, name: "Calais"}\n'
        '  dover: {type: place, group: town, name: "Dover"}\n'
    )
    relation = (
        "  flew_between:\n    subject: person\n    object: place\n    closed: true\n"
        '    forward_all: "Select every town on the route of {subject}."\n'
        '    statement: "{subject} passed through {object}."\n'
    )
    facts = "".join(
        f"  - id: bleriot-{t}\n    subject: bleriot\n    relation: flew_between\n"
        f"    object: {t}\n    topics: [flight]\n"
        '    evidence: {quote: "flew from Calais to Dover"}\n'
        for t in ("calais", "dover")
    )
    text = text.replace("relations:\n", "relations:\n" + relation).replace(
        "  latham:", towns + "  latham:"
    )
    path = tmp_path / "pack.yaml"
    path.write_text(text + facts, encoding="utf-8")
    explained = explain(load_pack(path))
    calais = next(e for e in explained if e.fact.id == "bleriot-calais")
    assert "multi" not in calais.yields
    (multi,) = [m for m in calais.missing if m.kind == "multi" and m.refusal.template is None]
    assert multi.refusal.reason == "needs 2 wrong options the bank proves false; found 0"
    assert multi.refusal.fix.startswith(
        "add an entity of type `place` and group `town` that relation 'flew_between' does not "
        "hold for (an entity used only as a wrong option needs no fact)"
    )
    path.write_text(
        text.replace(towns, towns + '  paris: {type: place, group: town, name: "Paris"}\n') + facts,
        encoding="utf-8",
    )
    again = next(e for e in explain(load_pack(path)) if e.fact.id == "bleriot-calais")
    assert "multi" not in again.yields  # Paris alone is one wrong option
    lyon = '  lyon: {type: place, group: town, name: "Lyon"}\n'
    paris = '  paris: {type: place, group: town, name: "Paris"}\n'
    path.write_text(text.replace(towns, towns + paris + lyon) + facts, encoding="utf-8")
    again = next(e for e in explain(load_pack(path)) if e.fact.id == "bleriot-calais")
    assert "multi" in again.yields  # Paris and Lyon, used only as wrong options, made it


def test_an_approximate_figure_is_asked_among_other_approximate_figures(tmp_path: Path) -> None:
    """What the docs promise: once the pack holds other approximate figures of its unit (the
    tunnel's lengths, written 'about 50' and 'about 38'), the Channel's 'about 34 kilometres'
    is asked among them first (then among figures far off it, which no one could argue)."""
    shutil.copytree(DATA / "sources", tmp_path / "sources")
    text = CHANNEL.read_text(encoding="utf-8")
    for n in (50, 38):
        old = f"object: {{number: {n}}}"
        assert text.count(old) == 1
        text = text.replace(old, f'object: {{number: {n}, text: "about {n}", approx: true}}')
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    pack = load_pack(path)
    (width,) = [e for e in explain(pack) if e.fact.id == "channel-width"]
    assert "choice" in width.yields
    (q,) = [q for q in all_questions(pack) if q.id == "channel-width:choice:forward"]
    # the pack's other figures first; none is near enough to be argued right
    assert {"about 34", "about 38", "about 50"} <= set(q.options)
    assert verify(pack, q) == []


def test_explain_reasons_are_the_builders_own() -> None:
    """Every kind a fact yields is a question the generator makes with that fact; every kind
    it does not, the generator does not make with it (seed 0, as the summary counts)."""
    for pack in (load_pack(CHANNEL), load_pack(MOON)):
        made: dict[str, set[str]] = {}
        for q in all_questions(pack, seed=0):
            for f in q.origin.facts:
                made.setdefault(f, set()).add(q.kind)
        for e in explain(pack):
            yielded = set(e.yields)
            asked = made.get(e.fact.id, set())
            # a select-all names only some of its group's facts in each draw
            assert yielded - {"multi"} == asked - {"multi"}, e.fact.id
            for m in e.missing:
                assert m.kind not in asked, (e.fact.id, m.kind)


def test_coverage_lists_the_sentences_no_fact_quotes(tmp_path: Path) -> None:
    done = run_quiz("check", "tests/data/channel.yaml", "--coverage", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    listed = done.stdout.split("Sentences no fact quotes:\n")[1].splitlines()
    source = "tests/data/sources/channel.txt"
    assert listed == [
        f"{source}:3: For centuries it could be crossed only by boat.",
        f"{source}:5: He left Dover on 24 August and reached the French coast 21 hours and 45 "
        "minutes later.",
        f"{source}:7: Gertrude Ederle, a swimmer from New York, was the first woman to swim the "
        "Channel.",
        f"{source}:9: His rival Hubert Latham had tried six days earlier, but his engine failed "
        "and he came down in the sea.",
        "4 of 11 sentences quoted by no fact or question",
    ]


# -- quiz packs and quiz schema ------------------------------------------------------------


def test_packs_lists_the_installed_packs(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(CHANNEL, folder / "channel.yaml")
    shutil.copytree(DATA / "sources", folder / "sources")
    (folder / "broken.yaml").write_text("format: quiz-pack/1\n", encoding="utf-8")
    code = (
        "import sys\nfrom quiz.cli import main\n"
        f"status = main(['packs', '--packs', {str(folder)!r}])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual imported'\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert rows[0].split() == ["ID", "VERSION", "FACTS", "TOPICS", "TITLE", "FILE"]
    channel = next(r for r in rows if r.startswith("channel "))
    assert channel.split()[:4] == ["channel", "1.0.0", "8", "4"]
    assert "Crossing the Channel" in channel and channel.endswith("channel.yaml")
    assert any(r.startswith("lithuania-nato ") for r in rows)
    assert "broken.yaml: not loaded (quiz check" in done.stderr


def test_packs_dir_prints_the_user_pack_folder(tmp_path: Path) -> None:
    done = run_quiz("packs", "--dir", env={"QUIZ_DATA_DIR": str(tmp_path / "d")})
    assert done.returncode == 0 and done.stdout.strip() == str(tmp_path / "d" / "packs")


def test_schema_prints_the_shipped_schema() -> None:
    done = run_quiz("schema")
    assert done.returncode == 0 and done.stdout == schema_text()
    assert json.loads(done.stdout)["properties"]["format"]["const"] == "quiz-pack/1"
