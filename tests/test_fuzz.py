"""Property tests: whatever bytes a pack file holds, loading gives a Pack or a PackError.

Never another exception, never a multi-line or unlocated problem. A pack that does
load must also generate only questions that pass `verify`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MOON
from helpers import write_pack
from quiz.generate import all_questions
from quiz.generate.verify import verify
from quiz.packs import Pack, PackError, load_pack

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


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60))
def test_yamlish_text(parts: list[str]) -> None:
    pack = load_text("".join(parts))
    if pack is not None:
        generate_and_verify(pack)


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
    pack = load_text(_mutate(MOON_LINES, ops))
    if pack is not None:
        generate_and_verify(pack)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=6))
def test_moon_pack_with_flipped_bytes(flips: list[tuple[int, int]]) -> None:
    data = bytearray(MOON.read_bytes())
    for pos, byte in flips:
        data[pos % len(data)] = byte
    pack = load_text(bytes(data))
    if pack is not None:
        generate_and_verify(pack)


def test_unmutated_moon_loads() -> None:
    """The fuzz base is a valid pack, so the mutations start from something that works."""
    pack = load_text("".join(MOON_LINES))
    assert pack is not None and pack.id == "moon"
    generate_and_verify(pack)
