"""Project hygiene: the domain code never imports Textual; the bundled source is frozen; the
suite never touches the player's own data."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import yaml

import quiz
from helpers import bundled, plain

# Everything but quiz.tui: the domain, the store, and the commands that draw nothing.
CORE = [
    "quiz.answers",
    "quiz.check",
    "quiz.cli",
    "quiz.clock",
    "quiz.kinds",
    "quiz.papers",
    "quiz.plain",
    "quiz.words",
    "quiz.question",
    "quiz.live",
    "quiz.live.game",
    "quiz.rounds",
    "quiz.scoring",
    "quiz.seat",
    "quiz.services",
    "quiz.session",
    "quiz.settings",
    "quiz.spec",
    "quiz.stats",
    "quiz.web",
    "quiz.web.access",
    "quiz.web.forks",
    "quiz.web.tab",
]
PACKAGES = (
    "quiz.packs",
    "quiz.packs.sections",
    "quiz.round",
    "quiz.generate",
    "quiz.store",
    "quiz.commands",
    "quiz.formats",
    "quiz.classroom",
    "quiz.authoring",
)


def _domain_modules() -> list[str]:
    names = list(CORE) + list(PACKAGES)
    for package in PACKAGES:
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.submodule_search_locations
        names += [
            f"{package}.{info.name}"
            for info in pkgutil.iter_modules(list(spec.submodule_search_locations))
        ]
    return sorted(set(names))


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_domain_code_does_not_import_textual() -> None:
    modules = _domain_modules()
    assert "quiz.packs.loader" in modules and "quiz.generate.verify" in modules
    assert "quiz.store.sql" in modules and "quiz.commands.play" in modules
    assert "quiz.classroom.report_html" in modules and "quiz.commands.sit" in modules
    assert "quiz.authoring.explain" in modules and "quiz.commands.packs" in modules
    assert "quiz.packs.sections.facts" in modules
    loaded = _loaded_after_import(modules)
    assert set(modules) <= loaded
    textual = sorted(m for m in loaded if m == "textual" or m.startswith("textual."))
    assert textual == [], f"importing the domain code loaded {textual[:5]}"
    web = sorted(m for m in loaded if m.split(".")[0] in ("textual_serve", "aiohttp"))
    assert web == [], f"importing the domain code loaded the web server's {web[:5]}"


def test_the_web_server_does_not_import_textual() -> None:
    """`quiz serve` relays tabs; only each tab's own process draws (quiz.web.tab)."""
    loaded = _loaded_after_import(
        ["quiz.web.server", "quiz.web.access", "quiz.commands.serve", "quiz.live.server"]
    )
    assert "textual_serve.server" in loaded and "aiohttp.web" in loaded
    textual = sorted(m for m in loaded if m == "textual" or m.startswith("textual."))
    assert textual == [], f"the web server loaded {textual[:5]}"


def test_the_import_probe_can_see_textual() -> None:
    """The probe above is able to fail: importing textual does show up."""
    if importlib.util.find_spec("textual") is None:  # pragma: no cover - textual is a dependency
        raise AssertionError("textual is not installed")
    assert "textual" in _loaded_after_import(["textual"])


def test_the_home_screens_first_frame_does_not_load_the_questions() -> None:
    """What `quiz` draws first (its app, the home screen and form) names the kinds of question
    from quiz.kind_labels: the questions, their grading and the wording layer (a tenth of the
    time to that frame) load after it, with the flow."""
    loaded = _loaded_after_import(
        [
            "quiz.commands.home",
            "quiz.tui.app",
            "quiz.tui.screens.home",
            "quiz.tui.widgets.home_form",
        ]
    )
    assert "quiz.kind_labels" in loaded and "quiz.tui.widgets.home_form" in loaded
    early = sorted(loaded & {"quiz.question", "quiz.kinds", "quiz.words", "quiz.round.views"})
    assert early == [], f"the home screen's first frame loads {early}"


def test_the_home_screens_data_does_not_load_the_statistics(tmp_path: Path) -> None:
    """The home screen's first frame waits for its data (packs, player, the due line): that
    line is the store's own count, not the statistics screen's module."""
    code = (
        "import sys\n"
        "from quiz.services import make_services\n"
        "from quiz.tui.choices import home_data\n"
        f"services = make_services(player='Ann', db={str(tmp_path / 'p.db')!r})\n"
        "data = home_data(services)\n"
        "services.store.get().close()\n"
        "print(data.player, 'quiz.stats' in sys.modules, 'quiz.store.sql' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Ann", "False", "True"]  # the store was read, not stats


def test_a_round_from_the_command_line_gets_its_recorder_without_the_stores_writes() -> None:
    """`quiz play` subscribes the store's recorder before the first question is drawn: the
    store's records, writes and dates (a sixth of what quiz adds to that frame) load with
    the first answer, not with the recorder."""
    loaded = _loaded_after_import(["quiz.store.recorder"])
    assert "quiz.store.recorder" in loaded and "quiz.session" in loaded
    early = sorted(loaded & {"quiz.store.records", "quiz.store.writes", "quiz.store.review"})
    assert early == [], f"the recorder loads {early} before any answer"


def test_the_kinds_registry_takes_its_names_and_labels_from_one_table() -> None:
    from quiz.kind_labels import KIND_LABELS
    from quiz.kinds import KINDS, RECALL_KINDS

    assert list(KINDS) == list(KIND_LABELS)
    assert {k: (i.label, i.recall) for k, i in KINDS.items()} == KIND_LABELS
    assert {k for k, (_, recall) in KIND_LABELS.items() if recall} == RECALL_KINDS


# -- the bundled source ---------------------------------------------------------------------


def _bundled_sources() -> list[tuple[Path, str, str]]:
    """(file, declared sha256, text) of each source of the bundled pack, read independently."""
    pack = bundled()
    pack_file = Path(pack.path)
    raw = yaml.safe_load(pack_file.read_text(encoding="utf-8"))
    out = []
    for sid, spec in raw["sources"].items():
        path = pack_file.parent / spec["file"]
        out.append((path, spec["sha256"], pack.sources[sid].text))
    assert out, "the bundled pack has no source"
    return out


def test_bundled_source_hash_matches_its_file() -> None:
    for path, declared, text in _bundled_sources():
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == declared.lower(), path
        assert data.decode("utf-8") == text, "the loader changed the source text"
        assert path.resolve().is_relative_to(Path(bundled().path).resolve().parent)


def test_bundled_source_is_kept_verbatim() -> None:
    texts = [text for _, _, text in _bundled_sources()]
    article = "\n".join(texts)
    assert "Lithuania’s NATO membership" in article  # typographic apostrophe kept
    assert "allies.\u00a0" in article  # the no-break space after "allies."
    assert "Unis" in article  # the source's own typo ("Force Integration Unis") kept


def test_bundled_pack_records_the_source_details() -> None:
    pack = bundled()
    (source,) = pack.sources.values()
    assert "Ministry of National Defence" in source.publisher
    assert plain(source.title).startswith("active and reliable ally since the start")
    assert source.date == "2018-03-29"
    assert source.date_note and "infer" in source.date_note.lower()


# -- the suite keeps out of the player's own data ------------------------------------------


def test_a_test_sees_only_its_own_folders(tmp_path: Path) -> None:
    """No QUIZ_* or XDG_* variable but the folders conftest gives this test, all in its
    tmp_path: a QUIZ_DB from the shell the suite was started in does not reach it."""
    from conftest import FOLDERS, RUNTIME, SUITE_SETTINGS, foreign

    # and QUIZ_LANG=en: the interface in English whatever the shell's locale (conftest)
    assert foreign(os.environ) == sorted([*FOLDERS, RUNTIME, "QUIZ_LANG"])
    assert os.environ["QUIZ_LANG"] == "en"
    for name in FOLDERS:
        assert Path(os.environ[name]).is_relative_to(tmp_path), name
    assert Path(os.environ[RUNTIME]).stat().st_mode & 0o777 == 0o700  # the run's own
    assert not SUITE_SETTINGS & set(FOLDERS)
    assert list(tmp_path.iterdir()) == []  # named, not made: a test finds only what it makes


INNER_TEST = """
import os, subprocess, sys
from pathlib import Path

from quiz.store import default_target, open_store

OUTSIDE = {outside!r}


def test_a_player_plays(tmp_path):
    for name, value in os.environ.items():
        if name.startswith(("QUIZ_", "XDG_")):
            assert OUTSIDE not in value, (name, value)
    assert Path(default_target()).is_relative_to(tmp_path)
    open_store().player("Ann")  # what the suite's own tests do, in process
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "play", {moon!r}, "--plain", "--count", "1"],
        input="1\\n", capture_output=True, text=True, timeout=60,
    )  # and in a subprocess, as a player
    assert done.returncode == 0, done.stderr
"""


def test_a_run_started_with_a_players_folders_leaves_them_alone(tmp_path: Path) -> None:
    """The README invites a player to set QUIZ_DB; a suite run from that shell must not write
    into that file, nor into the XDG folders it was given. A run of pytest is started as such a
    shell would start it, on a test that writes progress (in process and through `quiz play`)
    with this conftest, and the player's files are compared byte for byte."""
    from conftest import MOON
    from quiz.store import open_store

    outside = tmp_path / "player"
    db = outside / "progress.db"
    db.parent.mkdir()
    open_store(str(db)).player("Owner")
    env = {**os.environ, "QUIZ_DB": str(db), "QUIZ_PLAYER": "Owner"}
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(outside / name.lower())
    for name in ("DATA", "CACHE", "CONFIG"):
        env[f"QUIZ_{name}_DIR"] = str(outside / f"quiz-{name.lower()}")

    def files() -> dict[str, bytes]:
        return {str(p): p.read_bytes() for p in sorted(outside.rglob("*")) if p.is_file()}

    before = files()
    run = tmp_path / "run"
    run.mkdir()
    (run / "conftest.py").write_bytes((Path(__file__).parent / "conftest.py").read_bytes())
    inner = INNER_TEST.format(outside=str(outside), moon=str(MOON))
    (run / "test_inner.py").write_text(inner, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"],
        cwd=run,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert files() == before


def import_graph(root: Path) -> dict[str, set[str]]:
    """Every quiz module and the quiz modules it imports anywhere: at the top, inside a
    function, or for type checking only (a circle hidden in a function is still a circle)."""
    import ast

    modules = {}
    for path in root.rglob("*.py"):
        name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path

    def owner(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            graph[name] |= {owner(t) for t in targets if t.startswith("quiz")} - {name, ""}
    return graph


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = import_graph(Path(quiz.__file__).parent)
    back: list[list[str]] = []

    def walk(start: str, at: str, path: list[str], seen: set[str]) -> None:
        for nxt in graph[at]:
            if nxt == start:
                back.append([*path, nxt])
            elif nxt not in seen:
                seen.add(nxt)
                walk(start, nxt, [*path, nxt], seen)

    for module in graph:
        walk(module, module, [module], set())
    assert not back, "import circles: " + "; ".join(" → ".join(c) for c in back[:5])
