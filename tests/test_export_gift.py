"""The GIFT export read back by gift-pegjs, a GIFT parser this project did not write (npm).

Question for question: the type Moodle will make of it, the answers with their weights,
every accepted answer, the feedback of each wrong option, the general feedback with the
quotes and the source, the id and tags, and the category. Select-all weights are checked
against the game's own grading for every possible set of picks.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from exports import cli_export, moodle_category, norm, pack, questions, unaccented
from quiz.formats import get
from quiz.question import Figure, Many, One, Order, Question, Text

JS = Path(__file__).parent / "js"
PARSER = JS / "parse_gift.js"


def gift_pegjs(text: str, tmp_path: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so gift-pegjs cannot read the GIFT export back")
    if not (JS / "node_modules" / "gift-pegjs").is_dir():
        pytest.skip("gift-pegjs is not installed: run `npm ci --prefix tests/js` (as .ci/run does)")
    path = tmp_path / "export.gift"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [node, str(PARSER), str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, f"gift-pegjs rejects the export: {result.stderr}"
    return json.loads(result.stdout)


def _text(node: dict[str, Any] | None) -> str:
    assert node is not None
    return norm(node["text"])


def check_general_feedback(name: str, q: Question, parsed: dict[str, Any]) -> None:
    feedback = _text(parsed["globalFeedback"])
    assert norm(q.explanation) in feedback
    for quote in q.origin.quotes:
        assert norm(quote.text) in feedback, (q.id, quote.text)
        assert norm(pack(name).sources[quote.source].title) in feedback


def check_wrong_feedback(q: Question, index: int, choice: dict[str, Any]) -> None:
    why = q.why_wrong(index)
    if why is None:
        assert choice["feedback"] is None, (q.id, index)
    else:
        assert norm(why.statement) in _text(choice["feedback"])
        assert norm(why.quote.text) in _text(choice["feedback"])


def check_one(q: Question, key: One, parsed: dict[str, Any]) -> None:
    if q.options == ("True", "False"):
        assert parsed["type"] == "TF"
        assert parsed["isTrue"] is (key.right == 0)
        return
    assert parsed["type"] == "MC"
    assert [_text(c["text"]) for c in parsed["choices"]] == [norm(o) for o in q.options]
    for i, choice in enumerate(parsed["choices"]):
        assert choice["isCorrect"] is (i == key.right)
        assert choice["weight"] is None
        if i != key.right:
            check_wrong_feedback(q, i, choice)


def check_many(q: Question, key: Many, parsed: dict[str, Any]) -> None:
    assert parsed["type"] == "MC"
    choices = parsed["choices"]
    assert [_text(c["text"]) for c in choices] == [norm(o) for o in q.options]
    weights = [c["weight"] for c in choices]
    assert all(c["isCorrect"] is False for c in choices)  # all '~': Moodle's multiple answers
    assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.01)
    for i, w in enumerate(weights):
        assert (w > 0) is (i in key.right), (q.id, i, w)
        if i not in key.right:
            check_wrong_feedback(q, i, choices[i])
    # Moodle: the picks' weights summed, kept within 0..100 %. The game: (right − wrong) ÷ rights.
    for size in range(1, len(q.options) + 1):
        for picks in itertools.combinations(range(len(q.options)), size):
            moodle = min(1.0, max(0.0, sum(weights[i] for i in picks) / 100))
            assert moodle == pytest.approx(q.grade(picks).credit, abs=1e-4), (q.id, picks)


def check_order(q: Question, key: Order, parsed: dict[str, Any]) -> None:
    assert parsed["type"] == "Matching"
    pairs = parsed["matchPairs"]
    assert [_text(p["subquestion"]) for p in pairs] == [norm(o) for o in q.options]
    places = [int(p["subanswer"].split()[0]) for p in pairs]
    assert sorted(places) == list(range(1, len(q.options) + 1))
    in_time = [i for _, i in sorted(zip(places, range(len(pairs)), strict=True))]
    assert tuple(in_time) == key.order


def check_text(q: Question, key: Text, parsed: dict[str, Any]) -> None:
    assert parsed["type"] == "Short"
    # `\*` is Moodle's literal asterisk in a short answer (a bare * is a wildcard there).
    got = [_text(c["text"]).replace("\\*", "*") for c in parsed["choices"]]
    assert all(c["isCorrect"] for c in parsed["choices"])
    names = [key.answer, *key.accepted]
    assert got[0] == norm(key.answer)
    assert set(got) == {norm(n) for n in names} | {norm(unaccented(n)) for n in names}


def check_figure(q: Question, key: Figure, parsed: dict[str, Any]) -> None:
    assert parsed["type"] == "Numerical"
    answer = parsed["choices"]
    assert answer["type"] == "range"
    assert answer["number"] == pytest.approx(key.value)
    assert answer["range"] == pytest.approx(key.tolerance)


CHECKS = {
    One: check_one,
    Many: check_many,
    Order: check_order,
    Text: check_text,
    Figure: check_figure,
}


def check_export(name: str, text: str, tmp_path: Path) -> tuple[list[Question], list[Question]]:
    """Every question read back as exported; returns (written, left out)."""
    parsed = gift_pegjs(text, tmp_path)
    by_id = {q.id: q for q in questions(name)}
    seen: list[Question] = []
    category: list[str] = []
    for item in parsed:
        if item["type"] == "Category":
            category = moodle_category(item["title"])
            continue
        q = by_id[item["id"]]
        seen.append(q)
        assert item["title"] == q.id
        # Moodle's tags cannot hold ] < > ` (PARAM_TAG): such a topic is not tagged.
        assert item["tags"] == ([t for t in q.topics if not set(t) & set("]<>`")] or None)
        assert category == [norm(pack(name).title), norm(q.topics[0])]
        stem = _text(item["stem"])
        assert stem.startswith(norm(q.prompt)), (stem, q.prompt)
        check_general_feedback(name, q, item)
        CHECKS[type(q.key)](q, q.key, item)  # type: ignore[operator]
    assert len({q.id for q in seen}) == len(seen)
    left = [q for q in questions(name) if q not in seen]
    return seen, left


def test_bundled_all_is_read_back_question_for_question(tmp_path: Path) -> None:
    text, stderr = cli_export("bundled", "gift")
    written, left = check_export("bundled", text, tmp_path)
    kinds = {type(q.key) for q in written}
    assert kinds == {One, Many, Order, Text, Figure}, "the bundled pack should exercise every shape"
    if left:  # only for a reason said on stderr
        assert "left out" in stderr
    assert len(written) + len(left) == len(questions("bundled"))


def test_hostile_text_is_read_back_literally(tmp_path: Path) -> None:
    rendered = get("gift").export(pack("hostile"), questions("hostile"))
    written, left = check_export("hostile", rendered.text, tmp_path)
    assert [q.id for q in written] == [q.id for q in rendered.written]
    # The one typed answer holding '->' (Moodle would take it for a matching question).
    assert [(x.question.id, "->" in x.reason) for x in rendered.left_out] == [
        ("a11-waiting:typed", True)
    ]
    assert [q.id for q in left] == ["a11-waiting:typed"]


def test_parser_does_fail_on_broken_gift(tmp_path: Path) -> None:
    """The reader is able to fail: an unescaped brace in a question is rejected."""
    with pytest.raises(AssertionError, match="rejects"):
        gift_pegjs("::a:: What is {1}? {=one ~two}\n", tmp_path)
