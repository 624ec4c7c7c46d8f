"""The parsed-pack cache: its key covers every module the loader runs, found from the
imports (not a hand-kept list), and a hit is a new Pack, never the cached one patched."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
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
