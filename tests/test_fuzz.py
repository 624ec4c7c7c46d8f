"""Property tests: whatever bytes a pack file holds, loading gives a Pack or a PackError.

Never another exception, never a multi-line or unlocated problem. A pack that does
load must also generate only questions that pass `verify`.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import MOON
from helpers import write_pack
from quiz.check import check_pack
from quiz.generate import all_questions
from quiz.generate.verify import verify
from quiz.packs import Pack, PackError, load_pack
from test_schema import schema_errors

MOON_LINES = MOON.read_text(encoding="utf-8").splitlines(keepends=True)

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

TOKENS = [
    ":", ": ", "- ", " ", "  ", "\n", "\t", "[", "]", "{", "}", ",", "'", '"', "#", "|", ">",
    "? ", "---\n", "...\n", "%YAML 1.1\n", "&a ", "*a", "!!python/object/apply:os.system ",
    "!!int ", "!!binary ", "!x ", "~", "null", "true", "no", "2004-02-30", "1e999", ".nan",
    "0x1F", "<<: ", "\ufeff", "\x00", "\x85", "’", "Šiauliai", "format", "quiz-pack/1",
    "id", "sources", "entities", "relations", "facts", "questions", "evidence", "quote",
    "{subject}", "{object}", "{subject.__class__}", "file", "sources/moon.txt", "../x",
]  # fmt: skip

VALUES = [
    "", "~", "[]", "{}", "[[[[", "]", "'", '"\\x"', "&a x", "*a", "!!int x", "!!float y",
    "!!python/name:os.system", "2004-02-30", "1969-07-20", "99999999999999999999999999",
    "-1", "0", ".inf", ".nan", "true", "{date: 2004-02-30}", '{date: "2004-02"}',
    "{year: 0}", "{number: 1e400}", "{number: -3, approx: true}", '{number: 1, text: ""}',
    "apollo-12", "armstrong", "aldrin", "walked_on_moon", "landed_on", "closed",
    '"{subject}"', '"{object} {subject}"', '"{subject.__class__}"', "sources/../moon.yaml",
    "/etc/passwd", "sources", '"Neil"', "[crew, dates]", "[1, 2]", "yes", "Apollo 11",
    '{quote: "landed on "}', '{quote: "Apollo 12", suffix: " landed"}', "\t",
]  # fmt: skip


def load_text(data: str | bytes) -> Pack | None:
    """Load `data` as a pack file beside the moon source; assert the outcome is clean."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_pack(Path(tmp), data, "pack.yaml")
        try:
            pack = load_pack(path)
        except PackError as exc:
            assert exc.problems, "a PackError without problems"
            lines = _line_count(data) + 1
            for p in exc.problems:
                assert "\n" not in str(p), str(p)
                assert p.file.endswith("pack.yaml")
                assert 1 <= p.line <= lines and p.col >= 1, p
                assert p.message.strip()
            return None
        assert isinstance(pack, Pack)
        generate_and_verify(pack)
    return pack


def _line_count(data: str | bytes) -> int:
    """Lines as YAML counts them (it also breaks at \\r, NEL, LS and PS)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            return data.count(b"\n") + 1
    return sum(data.count(c) for c in "\n\r\x85\u2028\u2029") + 1


def generate_and_verify(pack: Pack) -> None:
    for q in all_questions(pack, seed=0):
        assert verify(pack, q) == [], (q.id, verify(pack, q))
    # what the loader accepts, the schema editors use accepts too
    text = Path(pack.path).read_text(encoding="utf-8-sig")
    assert schema_errors(text) == [], schema_errors(text)


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60))
def test_yamlish_text(parts: list[str]) -> None:
    load_text("".join(parts))  # a pack that loads is generated and verified there


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    pack = load_text(data)
    assert pack is None or isinstance(pack, Pack)


def _mutate(lines: list[str], ops: list[tuple[str, int, str]]) -> str:
    lines = list(lines)
    for op, index, value in ops:
        if not lines:
            break
        i = index % len(lines)
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            j = (i + 1) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[i] = f"{key}: {value}\n"
        elif op == "insert":
            indent = line[: len(line) - len(line.lstrip())]
            lines.insert(i, f"{indent}{value}\n")
        elif op == "indent":
            lines[i] = "  " + line
        elif op == "dedent":
            lines[i] = line[2:] if line.startswith("  ") else line
        elif op == "cut":
            lines[i] = line[: len(line) // 2] + "\n"
    return "".join(lines)


OPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["delete", "duplicate", "swap", "value", "insert", "indent", "dedent", "cut"]
        ),
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(VALUES),
    ),
    min_size=1,
    max_size=4,
)


@FUZZ
@given(OPS)
def test_mutated_moon_pack(ops: list[tuple[str, int, str]]) -> None:
    load_text(_mutate(MOON_LINES, ops))


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=6))
# "{subject}0landed": no wrong sentence names Apollo 12, and the verifier, counting a day's
# other month as no trace of it, found too few on the claim's topic (Hypothesis, this stop)
@example(flips=[(1417, 48)])
def test_moon_pack_with_flipped_bytes(flips: list[tuple[int, int]]) -> None:
    data = bytearray(MOON.read_bytes())
    for pos, byte in flips:
        data[pos % len(data)] = byte
    load_text(bytes(data))


def test_unmutated_moon_loads() -> None:
    """The fuzz base is a valid pack, so the mutations start from something that works."""
    pack = load_text("".join(MOON_LINES))
    assert pack is not None and pack.id == "moon"


# -- `quiz check` on structurally mutated packs -------------------------------------------

MOON_DATA = yaml.safe_load(MOON.read_text(encoding="utf-8"))
INJECTED = [
    "[bold red]x[/]",
    "<script>alert(1)</script>",
    "\x1b[2J\x1b]8;;http://x\x07",
    "\u202eevil",
    "\x00",
    "{subject.__class__}",
    "x" * 20_000,
    "’–\xa0",
]
SWAPS: list[Any] = [None, 0, -1, 3.5, True, "", "text", [], ["a", 1], {}, {"k": "v"}]


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*path, i))
    return out


def _apply(data: Any, op: str, pick: int, payload: int) -> None:
    paths = [p for p in _paths(data) if p]
    path = paths[pick % len(paths)]
    *parent_path, last = path
    parent = data
    for step in parent_path:
        parent = parent[step]
    value = parent[last]
    if op == "drop":
        del parent[last]
    elif op == "swap":
        parent[last] = copy.deepcopy(SWAPS[payload % len(SWAPS)])
    elif op == "inject" and isinstance(value, str):
        parent[last] = value + INJECTED[payload % len(INJECTED)]
    elif op == "quote":  # break a quote the way a typist does
        quotes = [p for p in paths if p[-1] in ("quote", "prefix", "suffix")]
        *qp, ql = quotes[pick % len(quotes)]
        holder = data
        for step in qp:
            holder = holder[step]
        text = str(holder[ql])
        at = payload % max(1, len(text))
        holder[ql] = text[:at] + "-'’ \n"[payload % 5] + text[at + 1 :]
    elif op == "duplicate":  # give one fact's id (or a question's) to another
        items = data.get("facts") or []
        if isinstance(items, list) and len(items) > 1:
            a, b = items[pick % len(items)], items[payload % len(items)]
            if isinstance(a, dict) and isinstance(b, dict) and "id" in a:
                b["id"] = a["id"]


STRUCTURE = st.lists(
    st.tuples(
        st.sampled_from(["drop", "swap", "inject", "quote", "duplicate"]),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=10_000),
    ),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(STRUCTURE)
def test_check_answers_a_mutated_pack_with_located_errors(ops: list[tuple[str, int, int]]) -> None:
    """Keys dropped, types swapped, quotes broken, ids duplicated, markup, control characters
    and very long strings injected: `quiz check` answers, never raises, and every problem and
    warning names the file, a line of it and a column; a pack it passes meets the schema."""
    data = copy.deepcopy(MOON_DATA)
    for op, pick, payload in ops:
        _apply(data, op, pick, payload)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_pack(Path(tmp), text, "pack.yaml")
        report = check_pack(path)
    lines = _line_count(text) + 1
    for p in [*report.problems, *report.warnings]:
        assert "\n" not in str(p), str(p)
        if p.file.endswith("moon.txt"):
            continue  # a source problem, located in the source
        assert p.file.endswith("pack.yaml") and 1 <= p.line <= lines and p.col >= 1, p
    if not report.problems:
        assert report.pack is not None and schema_errors(text) == []
