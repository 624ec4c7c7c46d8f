"""The parsed-pack cache: its key covers every module the loader runs, found from the
imports (not a hand-kept list), and a hit is a new Pack, never the cached one patched."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, MOON
from helpers import write_pack
from quiz.packs import cache, load_pack, registry

SRC = Path(cache.__file__).resolve().parents[1]  # the quiz package

# Loads a good pack twice through the cache (a miss, then a hit), a pack with warnings and a
# broken one (its messages import more), then names every quiz module imported by then.
LOAD_EVERYTHING = """
import json, sys
from pathlib import Path
from quiz.packs import PackError, registry
for path in sys.argv[1:]:
    for _ in range(2):
        try:
            registry.load(Path(path))
        except PackError:
            pass
ours = [m for n, m in sys.modules.items() if n == "quiz" or n.startswith("quiz.")]
print(json.dumps(sorted(m.__file__ for m in ours if getattr(m, "__file__", None))))
"""


def test_every_quiz_module_the_loader_imports_is_in_the_key(tmp_path: Path) -> None:
    broken = write_pack(tmp_path / "broken", "format: quiz-pack/1\nid: [\x07\n", "broken.yaml")
    odd = write_pack(
        tmp_path / "odd", MOON.read_text().replace('date: "1969-12-01"', "date: December 1969")
    )
    done = subprocess.run(
        [sys.executable, "-c", LOAD_EVERYTHING, str(MOON), str(DATA / "hostile.yaml"), str(odd)]
        + [str(broken)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    imported = {Path(f).resolve() for f in json.loads(done.stdout)}
    assert Path(cache.__file__).resolve() in imported  # the run loaded through the cache
    assert SRC / "packs" / "loader.py" in imported  # … and parsed a pack
    covered = {p.resolve() for p in cache.code_files()}
    assert imported <= covered, sorted(imported - covered)


def _digest_of(copy: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(cache, "__file__", str(copy / "packs" / "cache.py"))
    cache.code_digest.cache_clear()
    try:
        return cache.code_digest()
    finally:
        cache.code_digest.cache_clear()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the quiz package to edit."""
    target = tmp_path / "quiz"
    shutil.copytree(SRC, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_editing_any_file_of_the_key_changes_it(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _digest_of(copy, monkeypatch)
    files = [p.relative_to(copy) for p in cache.code_files()]  # (the copy's, from here on)
    assert {Path("text.py"), Path("safe.py"), Path("packs/pack.schema.json")} <= set(files)
    for name in files:
        path = copy / name
        kept = path.read_bytes()
        path.write_bytes(kept + b"\n")
        assert _digest_of(copy, monkeypatch) != before, name
        path.write_bytes(kept)
    assert _digest_of(copy, monkeypatch) == before


def test_a_module_the_loader_comes_to_import_joins_the_key(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = copy / "rules.py"
    rule.write_text("RULE = 1\n")
    before = _digest_of(copy, monkeypatch)
    rule.write_text("RULE = 2\n")
    assert _digest_of(copy, monkeypatch) == before  # not imported by the loader: not in it
    loader = copy / "packs" / "sections" / "facts.py"
    loader.write_text(
        loader.read_text() + "\n\ndef _rule() -> int:\n    from quiz import (\n"
        "        rules,  # a new rule\n    )\n\n    return rules.RULE\n"
    )
    with_rule = _digest_of(copy, monkeypatch)
    rule.write_text("RULE = 3\n")
    assert _digest_of(copy, monkeypatch) != with_rule


def test_a_module_only_the_game_uses_is_not_in_the_key(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key is what the loader imports, not the whole package: a change to the screens
    keeps every player's parsed packs."""
    before = _digest_of(copy, monkeypatch)
    app = copy / "tui" / "app.py"
    app.write_text(app.read_text() + "\n# a new screen\n")
    assert _digest_of(copy, monkeypatch) == before


def _ast_imports(source: str) -> set[str]:
    """The quiz modules a module imports, as Python reads them (what `_imported` must find)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "quiz":
                found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return found


@pytest.mark.parametrize(
    "path", sorted(SRC.rglob("*.py")), ids=lambda p: p.relative_to(SRC).as_posix()
)
def test_the_import_reader_finds_what_python_imports(path: Path) -> None:
    source = path.read_bytes()
    assert _ast_imports(source.decode()) <= cache._imported(source)


def test_the_import_reader_reads_every_form() -> None:
    source = b"""
import quiz.a.b as c, os, quiz.d  # two
from quiz.e import (
    f,  # a module, perhaps
    g as h,
)
def later():
    from quiz.i import j
"""
    found = cache._imported(source)
    assert found >= {"quiz", "quiz.a", "quiz.a.b", "quiz.d", "quiz.e.f", "quiz.e.g", "quiz.i.j"}
    assert not any(name.startswith(("os", "quiz.c", "quiz.e.h")) for name in found)


# -- a hit is a new Pack ---------------------------------------------------------------------


def test_a_hit_is_a_new_pack_with_its_tables_and_the_callers_pack_is_untouched(
    tmp_path: Path,
) -> None:
    path = write_pack(
        tmp_path / "odd", MOON.read_text().replace('date: "1969-12-01"', "date: December 1969")
    )
    pack = load_pack(path)
    assert pack.warnings, "the pack was meant to have a warning"
    warnings = pack.warnings
    data = path.read_bytes()
    cache.put(pack, data)
    assert pack.warnings is warnings  # put pickles a copy
    hit = cache.get(path, data)
    assert hit is not None and hit is not pack
    assert hit.path == str(path) and hit.warnings == warnings
    tables = {"fact_by_id", "_pools", "facts_about", "_positions", "_side_tables"}
    assert tables <= set(vars(hit)), "the lookups built before caching were lost"
    assert registry.load(path).facts == pack.facts


# -- the key's memo: the code is read only when a file of the package has changed ---------


def _age(copy: Path, seconds: float = 3600) -> None:
    """Every file of the copy last changed `seconds` ago (as after an install)."""
    old = time.time() - seconds
    for path in copy.rglob("*"):
        if path.is_file():
            os.utime(path, (old, old))


def _memo() -> Path:
    folder = cache.cache_dir()
    assert folder is not None
    return folder / cache.MEMO


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each time the key is computed from the files (the memo missed)."""
    computed: list[str] = []
    real = cache._content_digest

    def counted() -> str:
        computed.append(real())
        return computed[-1]

    monkeypatch.setattr(cache, "_content_digest", counted)
    return computed


def test_the_memo_gives_the_key_without_reading_the_code(
    copy: Path, monkeypatch: pytest.MonkeyPatch, read: list[str]
) -> None:
    _age(copy)
    first = _digest_of(copy, monkeypatch)
    assert read == [first] and _memo().is_file()
    assert _digest_of(copy, monkeypatch) == first
    assert read == [first]  # the second start only listed the package


@pytest.mark.parametrize("change", ["edit", "touch", "add", "remove", "version", "moved"])
def test_any_change_to_the_package_misses_the_memo(
    change: str, copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read: list[str]
) -> None:
    _age(copy)
    before = _digest_of(copy, monkeypatch)
    loader = copy / "packs" / "loader.py"
    if change == "edit":  # same size, another letter: only its time tells
        data = loader.read_bytes()
        loader.write_bytes(data[:-2] + (b"x" if data[-2:-1] != b"x" else b"y") + data[-1:])
    elif change == "touch":
        os.utime(loader)
    elif change == "add":
        (copy / "packs" / "rules.py").write_text("RULE = 1\n")
    elif change == "remove":
        (copy / "safe.py").unlink()
    elif change == "version":
        monkeypatch.setattr(cache, "__version__", "99.0")
    else:  # the same code installed elsewhere
        copy = copy.rename(tmp_path / "elsewhere")
    _age(copy, 1800)  # settled again, half an hour later
    after = _digest_of(copy, monkeypatch)
    assert len(read) == 2  # computed again from the files …
    assert after == read[-1]  # … and that is the key given
    if change in ("touch", "moved"):
        assert after == before  # the same bytes: the same key, the entries still good
    elif change != "add":  # (a module nothing imports is not in the key)
        assert after != before


def test_a_file_changed_seconds_ago_is_read_not_trusted(
    copy: Path, monkeypatch: pytest.MonkeyPatch, read: list[str]
) -> None:
    _age(copy)
    _digest_of(copy, monkeypatch)
    loader = copy / "packs" / "loader.py"
    loader.write_bytes(loader.read_bytes() + b"\n")  # now: its time may not tell edits apart
    memo = _memo().read_bytes()
    edited = _digest_of(copy, monkeypatch)
    assert len(read) == 2 and edited == read[-1]
    assert _memo().read_bytes() == memo  # nor is a memo written from it
    loader.write_bytes(loader.read_bytes() + b"\n")
    assert _digest_of(copy, monkeypatch) not in (edited, read[0])


@pytest.mark.parametrize("damage", [b"", b"{not json", b"[]", b'{"stamp": 1}', b"\xff\xfe"])
def test_a_damaged_memo_is_a_miss_and_is_written_again(
    damage: bytes, copy: Path, monkeypatch: pytest.MonkeyPatch, read: list[str]
) -> None:
    _age(copy)
    right = _digest_of(copy, monkeypatch)
    _memo().write_bytes(damage)
    assert _digest_of(copy, monkeypatch) == right
    assert len(read) == 2
    assert json.loads(_memo().read_text())["digest"] == right


def test_a_memo_that_names_another_key_for_this_stamp_is_believed_only_for_it(
    copy: Path, monkeypatch: pytest.MonkeyPatch, read: list[str]
) -> None:
    """The stamp, not the file's presence, decides: a memo of another package is a miss."""
    _age(copy)
    right = _digest_of(copy, monkeypatch)
    _memo().write_text(json.dumps({"stamp": "another package", "digest": "0" * 16}))
    assert _digest_of(copy, monkeypatch) == right and len(read) == 2


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    copy: Path, monkeypatch: pytest.MonkeyPatch, read: list[str], tmp_path: Path
) -> None:
    _age(copy)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(blocked))
    first = _digest_of(copy, monkeypatch)
    assert _digest_of(copy, monkeypatch) == first
    assert len(read) == 2  # no memo could be kept: read each time, and no error


def test_without_the_cache_there_is_no_memo(
    copy: Path, monkeypatch: pytest.MonkeyPatch, read: list[str]
) -> None:
    _age(copy)
    folder = cache.cache_dir()
    monkeypatch.setenv("QUIZ_NO_CACHE", "1")
    _digest_of(copy, monkeypatch)
    _digest_of(copy, monkeypatch)
    assert len(read) == 2
    assert folder is not None and not (folder / cache.MEMO).exists()
