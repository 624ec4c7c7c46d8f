"""A teacher writing a pack in Lithuanian reads no English: the loader's errors, `quiz check`
and its `--explain`, and `quiz new` (its messages and the comments of the YAML it writes).

Each broken pack (the loader tests' own, and more) is loaded twice: in English and in
Lithuanian with a spy on the catalogue. Every message must be looked up in the catalogue
(the spy records one it lacks) and must differ from the English one (a message never put
through gettext is the same in both); then the messages the loader's checks can say must
all have been said by some pack, so a new check without a case here fails."""

from __future__ import annotations

import gettext
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

import test_loader
from helpers import MOON_SHA, write_pack
from quiz import cli, lang
from quiz.packs import PackError, Problem, load_pack

DATA = Path(__file__).parent / "data"
POT = lang.LOCALES / "quiz.pot"
GOOD = test_loader.GOOD
edit = test_loader.edit
with_fact = test_loader.with_fact


class Recorder(gettext.NullTranslations):
    """The Lithuanian catalogue, recording every message asked for and each it lacks."""

    def __init__(self, real: gettext.NullTranslations) -> None:
        super().__init__()
        self.real = real
        self.asked: set[str] = set()
        self.missing: set[str] = set()

    def _has(self, key: Any) -> bool:
        return key in self.real._catalog  # type: ignore[attr-defined]

    def gettext(self, message: str) -> str:
        self.asked.add(message)
        if message and not self._has(message):
            self.missing.add(message)
        return self.real.gettext(message)

    def ngettext(self, one: str, many: str, n: int) -> str:
        self.asked.add(one)
        if not self._has((one, 0)):
            self.missing.add(one)
        return self.real.ngettext(one, many, n)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    assert lang.set_language("lt") == "lt"
    spy = Recorder(lang.catalogue())
    monkeypatch.setattr(lang, "_catalogue", spy)
    yield spy
    lang.set_language(None)


def _cases_of(test: Any) -> list[tuple[str, str]]:
    """The (old, new) edits of GOOD a parametrized loader test feeds to the loader."""
    (mark,) = [m for m in test.pytestmark if m.name == "parametrize"]
    return [(case[0], case[1]) for case in mark.args[1]]


# Broken packs: each an (old, new) edit of GOOD, or a whole text; between them they reach
# every check of the loader (test_every_check_of_the_loader_is_reached says which not).
EDITS: list[tuple[str, str]] = [
    *_cases_of(test_loader.test_yaml_errors_carry_a_hint),
    *_cases_of(test_loader.test_wrong_types),
    *_cases_of(test_loader.test_empty_required_text),
    ("title: Tiny Moon", "title: [Tiny Moon"),
    ("title: Tiny Moon", "titel: Tiny Moon"),
    ("title: Tiny Moon", "title: Tiny Moon\nbogus: 1"),
    ("format: quiz-pack/1", "format: quiz-pack/9"),
    ("id: tiny-moon", "id: Tiny Moon"),
    ("title: Tiny Moon", "title: Tiny Moon\nlanguage: pl"),
    ("title: Tiny Moon", "title: Tiny Moon\nframes: {nope: x}"),
    ("title: Tiny Moon", "title: Tiny Moon\nframes: {evidence: 'Which {nope}?'}"),
    ("title: Tiny Moon", "title: Tiny Moon\nframes: {evidence: 'Which } {claim}'}"),
    ("title: Tiny Moon", "title: Tiny Moon\nframes: {evidence: 'Which {claim!r}'}"),
    ("title: Tiny Moon", "title: Tiny Moon\nframes: {evidence: '{claim} is it'}"),
    ("title: Tiny Moon", "title: Tiny Moon\nframes: {evidence: ''}"),
    ("title: Tiny Moon", "title: Tiny Moon\nframes: [1]"),
    ("title: Tiny Moon", 'title: "Tiny\\x01Moon"'),
    ("    title: Apollo 11", '    title: "Apollo\\u202e 11"'),
    ("  bean: {type: person, name: Alan Bean}", '  bean: {type: person, name: "Alan\\u202eBean"}'),
    ("  bean: {type: person, name: Alan Bean}", '  bean: {type: person, name: "Alan\\u00adBean"}'),
    ("  bean: {type: person, name: Alan Bean}", "  bean: {type: person, name: Neil Armstrong}"),
    ("  bean: {type: person, name: Alan Bean}", "  bean: {type: person, name: Bean, covers: [x]}"),
    ("  bean: {type: person, name: Alan Bean}", "  Bean: {type: person, name: Alan Bean}"),
    (
        "  bean: {type: person, name: Alan Bean}",
        "  bean: {type: person, name: Alan Bean, topics: x}",
    ),
    (
        "  bean: {type: person, name: Alan Bean}",
        "  bean: {type: person, name: Alan Bean, aliases: [010]}",
    ),
    (
        "  walked_on_moon:\n",
        "  Walked:\n    subject: person\n    object: person\n  walked_on_moon:\n",
    ),
    ("entities:\n", "entities: [1]\nx_entities:\n"),
    ("relations:\n", "relations: [1]\nx_relations:\n"),
    ("sources:\n  article:\n", "sources: [1]\nx_sources:\n  article:\n"),
    ("    file: sources/moon.txt\n", "    file: sources/moon.txt\n    date: March 2004\n"),
    ("    file: sources/moon.txt\n", "    file: sources/moon.txt\n    as_of: soon\n"),
    (f"    sha256: {MOON_SHA}\n", ""),
    (f"    sha256: {MOON_SHA}\n", f"    sha256: {'0' * 64}\n"),
    (f"    sha256: {MOON_SHA}\n", f"    sha256: {'a' * 64}\n"),
    ("file: sources/moon.txt", "file: sources/nowhere.txt"),
    ("file: sources/moon.txt", "file: ../moon.txt"),
    ("file: sources/moon.txt", "file: sources"),
    ("file: sources/moon.txt", "file: sources/latin1.txt"),
    ("file: sources/moon.txt", "file: sources/control.txt"),
    ("file: sources/moon.txt", "file: sources/bidi.txt"),
    ("file: sources/moon.txt", 'file: "sources/x\\0y"'),
    (
        '    closed: true\n    forward: "When',
        '    closed: true\n    year: "When"\n    unit: m\n    forward: "When',
    ),
    (
        '    closed: true\n    forward: "Who',
        '    closed: true\n    event: "{subject} x"\n    forward: "Who',
    ),
    (
        '    closed: true\n    forward: "Who',
        '    closed: true\n    also_true: 3\n    forward: "Who',
    ),
    ('    forward: "Who walked on the Moon during {subject}?"', '    forward: "Who {who}?"'),
    ('    forward: "Who walked on the Moon during {subject}?"', '    forward: "Who {subject}} x?"'),
    ('    forward: "Who walked on the Moon during {subject}?"', '    forward: "Who {object}?"'),
    ('    forward: "Who walked on the Moon during {subject}?"', "    forward: {subject: x}"),
    ('    statement: "{object} walked', '    statement: "{subject} only walked'),
    (
        "    relation: walked_on_moon\n    object: armstrong",
        "    relation: walked_on_mon\n    object: armstrong",
    ),
    (
        "    relation: walked_on_moon\n    object: armstrong",
        "    relation: zzz\n    object: armstrong",
    ),
    ("    object: armstrong", "    object: armstrog"),
    ("    object: armstrong", "    object: zzz"),
    ("    object: armstrong", "    object: {year: 1969}"),
    ("    object: armstrong", "    object: bean"),
    (
        '    topics: [crew]\n    evidence: {quote: "Neil',
        '    topics: []\n    evidence: {quote: "Neil',
    ),
    ('{quote: "Neil Armstrong became the first person"}', "[]"),
    ('{quote: "Neil Armstrong became the first person"}', "{quote: 5}"),
    ('{quote: "Neil Armstrong became the first person"}', '{quote: "..."}'),
    ('{quote: "Neil Armstrong became the first person"}', '{quote: "Neil", source: other}'),
    ('{quote: "Neil Armstrong became the first person"}', '{quote: ""}'),
    ('{quote: "Neil Armstrong became the first person"}', '{quote: "landed on"}'),
    ('{quote: "Neil Armstrong became the first person"}', '{quote: "Armstrong", prefix: "xx "}'),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became first person"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became the very first person"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became the first-person"}',
    ),
    ('{quote: "Neil Armstrong became the first person"}', '{quote: "Apollo 11 The lunar module"}'),
    ('{quote: "Neil Armstrong became the first person"}', '{quote: "Eagle module lunar The"}'),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became the first man"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became the person"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became the first great person"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became the first\\u00a0person"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong became the first person to walk on the Moon\'s"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Lunar flights of the twentieth century were all quite short"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong", prefix: "xx "}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong", suffix: " xx"}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong", prefix: "\\u2013 "}',
    ),
    (
        '{quote: "Neil Armstrong became the first person"}',
        '{quote: "Neil Armstrong", suffix: "\\u2013"}',
    ),
    ('{quote: "Neil Armstrong became the first person"}', '{quote: "Neil", topics: x}'),
    ('    object: {date: "1969-11-19"}', '    object: {date: "1969-11-20"}'),
    ('    object: {date: "1969-11-19"}', '    object: {date: "2004-02-30"}'),
    ('    object: {date: "1969-11-19"}', '    object: {date: "1969-13-01"}'),
    ('    object: {date: "1969-11-19"}', '    object: {date: "0000-01-01"}'),
    ('    object: {date: "1969-11-19"}', '    object: {date: "1969-11-19", text: x}'),
    ('    object: {date: "1969-11-19"}', "    object: {number: x}"),
    ('    object: {date: "1969-11-19"}', "    object: {number: 3, text: four}"),
    ('    object: {date: "1969-11-19"}', "    object: {number: 3}"),
    ('    object: {date: "1969-11-19"}', "    object: {year: 1969}"),
    ("  - id: a12-conrad", "  - id: a11-armstrong"),
    ("facts:\n", "facts: 5\nx_facts:\n"),
    ("facts:\n  - id: a11-armstrong", "facts:\n  - 5\n  - id: a11-armstrong"),
    ("title: Tiny Moon", "title: !!python/object:os.system x"),
    ("title: Tiny Moon", "title: !!int abc"),
    ("title: Tiny Moon", "title: &a Tiny\nx: *a"),
    ("title: Tiny Moon", "title: Tiny Moon\ntitle: again"),
    ("title: Tiny Moon", "title: Tiny Moon\n---\nid: again"),
    ("title: Tiny Moon", 'title: "\\q"'),
    ("title: Tiny Moon", "title: Tiny Moon\n\tx: 1"),
    ("title: Tiny Moon", "title: [Tiny, Moon"),
    ("title: Tiny Moon", "title: {Tiny: Moon"),
    ("title: Tiny Moon", "title: ? x"),
    ("title: Tiny Moon", "title: Tiny\x01Moon"),
    ("  article:\n    file", "  Article:\n    file"),
    (
        "  - id: a12-conrad",
        "  - id: a11-twice\n    subject: apollo-11\n    relation: walked_on_moon\n"
        "    object: armstrong\n    topics: [crew]\n"
        '    evidence: {quote: "Neil Armstrong became"}\n'
        "  - id: a12-conrad",
    ),
    ("title: Tiny Moon", "title: Tiny\n- Moon"),
    ("object: armstrong", "object: armstrong\n    not_asked: [essay]"),
]
_LANDED = '{date: "1969-11-19"}'
_QUESTION = """\
questions:
  - id: {id}
    kind: {kind}
    prompt: {prompt}
    answer: {answer}
    wrong: {wrong}
    topics: {topics}
    evidence: {{quote: "Neil Armstrong became the first person"}}
"""
QUESTIONS = [
    _QUESTION.format(
        id="q1", kind="riddle", prompt="Who?", answer="x", wrong="[a, b]", topics="[x]"
    ),
    _QUESTION.format(
        id="a11-armstrong", kind="choice", prompt="Who?", answer="Neil", wrong="[Neil]", topics="[]"
    ),
    _QUESTION.format(
        id="q2", kind="choice", prompt="Was Neil first?", answer="Neil", wrong="[]", topics="[x]"
    ),
    _QUESTION.format(
        id="q3", kind="true_false", prompt="Neil was first.", answer="maybe", wrong="[]",
        topics="[x]",
    ),
]  # fmt: skip
WHOLE: list[str | bytes] = [
    "",
    "- a list\n",
    "format: quiz-pack/1\nid: x\ntitle: x\nversion: 1\nsources:\nfacts:\n",
    "questions: 5\n" + GOOD.replace("format: quiz-pack/1\n", "format: quiz-pack/1\n"),
    "a:\n" + "  - " * 1 + "[" * 40 + "]" * 40 + "\n",
    "- a\nb: 1\n",
    edit("    object: date\n", "    object: year\n", edit(_LANDED, "{year: 1970}")),
    edit("    object: date\n", "    object: number\n", edit(_LANDED, "{number: 13}")),
    edit(f"    sha256: {MOON_SHA}\n", "", edit("sources/moon.txt", "sources/nowhere.txt")),
    GOOD.encode("utf-8").replace(b"Tiny Moon", b"Tiny \xe9 Moon"),
    GOOD.replace("sources:\n  article:\n", "sources:\n  other:\n    file: sources/moon.txt\n"
                 f"    sha256: {MOON_SHA}\n    title: x\n    publisher: y\n  article:\n"),
    *(GOOD + q for q in QUESTIONS),
]  # fmt: skip


def _extra_sources(folder: Path) -> None:
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "sources" / "latin1.txt").write_bytes(b"caf\xe9 au lait.\n")
    (folder / "sources" / "control.txt").write_text("A bell\x07 rang.\n", encoding="utf-8")
    (folder / "sources" / "bidi.txt").write_text("A mark\u202e here.\n", encoding="utf-8")


def _problems(path: Path) -> list[Problem]:
    try:
        pack = load_pack(path)
    except PackError as exc:
        return exc.problems
    return list(pack.warnings)


def _said(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_broken_packs_say_everything_in_lithuanian(
    recorder: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    texts: list[str | bytes] = [edit(old, new) for old, new in EDITS] + WHOLE
    english: list[list[str]] = []
    lang.set_language(None)
    for i, text in enumerate(texts):
        folder = tmp_path / f"p{i}"
        _extra_sources(folder)
        english.append(_said(_problems(write_pack(folder, text))))
    monkeypatch.setattr(lang, "_catalogue", recorder)
    monkeypatch.setattr(lang, "_language", "lt")
    untranslated, silent = [], []
    for i in range(len(texts)):
        said = _said(_problems(tmp_path / f"p{i}" / "pack.yaml"))
        if not english[i]:
            silent.append(i)
        assert len(said) == len(english[i]), (english[i], said)
        for en, lt in zip(english[i], said, strict=True):
            if en == lt:
                untranslated.append(en)
    assert silent == [], "these cases load without a word"
    assert untranslated == []
    _reached_directly(tmp_path)
    assert recorder.missing == set()
    _all_reached(recorder.asked)


def _reached_directly(folder: Path) -> None:
    """What no pack file can make the loader say, said the way the code says it: every value
    type and kind of YAML value a message may name, a frame checked before the schema's keys
    are (`frame_problem` is the languages' own check), a pack file that is not there, a
    problem not at a place in a file, a pack id no folder has and two packs with one id."""
    import datetime as dt

    from quiz.languages import frame_problem
    from quiz.packs import registry
    from quiz.packs.model import VALUE_TYPES
    from quiz.packs.sections.context import a, kind_of

    english = {"country": "a country", "unit": "an unit", "number": "a number"}
    for t in VALUE_TYPES:
        assert a(t) != english.get(t, "?")
    kinds = [kind_of(v) for v in ({}, [], "x", None, True, 1, 1.5, dt.date(2004, 3, 29))]
    kinds.append(kind_of(dt.datetime(2004, 3, 29)))
    assert kinds[:4] == ["atvaizdis (mapping)", "sąrašas", "tekstas", "tuščia reikšmė"]
    assert frame_problem("nope", "x") and frame_problem("evidence", 5)
    assert (
        frame_problem("order", "{noun}")
        == "rėmas 'order' neturi vietos žymens {noun} (jis turi: nėra)"
    )
    (missing,) = _problems(folder / "missing.yaml")
    assert "nepavyksta perskaityti failo: Tokio failo ar aplanko nėra" in str(missing)
    assert str(Problem("x.yaml", 0, 0, "m", warning=True)) == "x.yaml: įspėjimas: m"
    with pytest.raises(PackError) as nowhere:
        registry.resolve("no-such-pack", [folder / "p0"])
    assert "rinkinio su id 'no-such-pack' nėra" in str(nowhere.value)
    assert registry.clash("a", "b.yaml").startswith("rinkinio id 'a' yra ir b.yaml id")


# Messages of the loader no broken pack here reaches, and why: the system's words for a file
# (which errors a test folder can produce depends on the machine and on who runs the tests),
# the YAML parser's phrases (which it says depends on libyaml's version), a pack over the size
# limits (tested in test_loader, too slow to build twice here), and what the loader says of
# a pipe, socket or device (made and refused in test_loader; a second copy here adds nothing),
# and "not a pack" (said only if the loader refused a pack without a reason: a guard).
_NOT_REACHED = re.compile(
    r"^(No such|Permission|Is a dir|Not a dir|Too many|File name|Operation|while |found |"
    r"did not|could not|expected |mapping |block sequence|but found|special char|"
    r"it is (a|not|\{size\})|Single|unmatched|nested more|not a pack$)"
)
_LOADER_FILES = ("src/quiz/packs/", "src/quiz/languages/")


def _all_reached(asked: set[str]) -> None:
    """Every message of the loader's files (per the .pot's references) was said by a case,
    but those `_NOT_REACHED` names."""
    with POT.open("rb") as f:
        template = read_po(f)
    wanted = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in template
        if m.id and any(file.startswith(_LOADER_FILES) for file, _line in m.locations)
    }
    not_said = {m for m in wanted - asked if not _NOT_REACHED.match(m)}
    assert not not_said, "\n".join(sorted(not_said))


def run_lt(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["--lang", "lt", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("pack", ["lithuania-nato", str(DATA / "nato-lt.yaml")])
def test_quiz_check_and_explain_speak_lithuanian(
    recorder: Recorder, capsys: pytest.CaptureFixture[str], pack: str
) -> None:
    from quiz.packs.registry import resolve

    path = resolve(pack).path
    for explain in (["--explain", "--coverage"], ["--explain", "all"]):
        code, out, err = run_lt(["check", path, *explain], capsys)
        assert code == 0, err
        assert ": tvarkinga — rinkinys" in out and "klausimai:" in out
        if explain[1] == "--coverage":
            assert re.search(r"\((\d+ fakt(as|ai|ų))\)", out), out
            assert "Sakiniai, kurių necituoja joks faktas:" in out
        else:
            assert " duoda: " in out and "nėra " in out
    assert recorder.missing == set()


def test_quiz_check_reports_a_broken_pack_in_lithuanian(
    recorder: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    path = write_pack(tmp_path, edit("    object: armstrong", "    object: armstrog"))
    code, out, err = run_lt(["check", str(path)], capsys)
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert re.fullmatch(
        r"pack\.yaml:\d+:\d+: nežinoma esybė 'armstrog'; gal turėjote omenyje 'armstrong'\?", line
    )
    assert recorder.missing == set()


SMALL_TEXT = """\
The Baltic Way

On 23 August 1989 about two million people joined hands across Estonia, Latvia and
Lithuania. The chain ran for 675 kilometres from Tallinn through Riga to Vilnius.
"""


def test_quiz_new_writes_a_lithuanian_skeleton_that_checks(
    recorder: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "baltic.txt"
    source.write_text(SMALL_TEXT, encoding="utf-8")
    code, out, err = run_lt(["new", str(source), "--id", "baltic", "--out", "pack"], capsys)
    assert code == 0, err
    assert "pack/baltic.yaml" in out
    text = (tmp_path / "pack" / "baltic.yaml").read_text(encoding="utf-8")
    assert "# Klausimų rinkinys, kurį `quiz new` sukūrė iš sources/baltic.txt" in text
    assert "  # Teksto sakiniai (2) iš eilės kaip kandidatai į faktus" in text
    assert "# eilutė 3 · datos: 23 August 1989 →" in text
    assert "Names found" not in text and "One relation per kind" not in text
    assert hashlib.sha256(SMALL_TEXT.encode()).hexdigest() in text
    code, out, err = run_lt(["check", "pack/baltic.yaml"], capsys)
    assert code == 0, err
    assert "įspėjimas: faktų dar nėra" in err
    code, out, err = run_lt(["new", str(source), "--id", "baltic", "--out", "pack"], capsys)
    assert code == 2 and "jau yra (--force jį pakeičia)" in err
    assert recorder.missing == set()
