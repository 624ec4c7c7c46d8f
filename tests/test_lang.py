"""The interface in Lithuanian: the catalogue is whole, current and compiled; the language is
chosen as documented; and every screen, command help and report, drawn in Lithuanian, looks up
no message the catalogue lacks (a spy on the catalogue records each one that falls back to
English)."""

from __future__ import annotations

import argparse
import gettext
import io
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from quiz import cli, lang

ROOT = Path(__file__).parent.parent
POT = lang.LOCALES / "quiz.pot"
PO = lang.LOCALES / "lt" / "LC_MESSAGES" / "quiz.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def msgid_key(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


# -- the catalogue ---------------------------------------------------------------------------


def test_the_committed_mo_is_the_po_compiled() -> None:
    """`pybabel compile` was run after the last change to the .po (the package ships the .mo,
    so `pip install .` needs no build step)."""
    with PO.open("rb") as f:
        catalogue = read_po(f, locale="lt")
    made = io.BytesIO()
    write_mo(made, catalogue)
    made.seek(0)
    fresh = gettext.GNUTranslations(made)
    with MO.open("rb") as f:
        committed = gettext.GNUTranslations(f)
    assert committed._catalog == fresh._catalog  # type: ignore[attr-defined]


def test_the_pot_holds_every_message_of_the_code() -> None:
    """quiz.pot was extracted after the last message was added or changed in the code
    (docs/translating.md: pybabel extract …)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {
        msgid_key(m[2])
        for m in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True
        )
    }
    with POT.open("rb") as f:
        template = {msgid_key(m.id) for m in read_po(f) if m.id}
    assert found - template == set(), "new messages: run pybabel extract (docs/translating.md)"
    assert template - found == set(), "messages gone from the code: run pybabel extract"


def placeholders(text: str) -> list[str]:
    """The {names} and %(names)s / %s a message fills in, in a comparable form."""
    names = sorted(f"{{{f}}}" for _, f, _, _ in string.Formatter().parse(text) if f is not None)
    return names + sorted(re.findall(r"%(?:\(\w+\))?[sdr]", text))


def test_every_message_has_a_lithuanian_translation_with_the_same_placeholders() -> None:
    with PO.open("rb") as f:
        catalogue = read_po(f, locale="lt")
    assert catalogue.num_plurals == 3
    assert "n % 10 == 1" in catalogue.plural_expr  # one, few (2–9), many (0, 10–20)
    with POT.open("rb") as f:
        wanted = [m for m in read_po(f) if m.id]
    problems = []
    for m in wanted:
        got = catalogue.get(m.id)
        if got is None or got.fuzzy:
            problems.append(f"untranslated or fuzzy: {m.id!r}")
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [got.string] if isinstance(got.string, str) else list(got.string)
        if not all(strings) or (not isinstance(m.id, str) and len(strings) != 3):
            problems.append(f"empty form: {m.id!r}")
            continue
        expected = placeholders(ids[-1])
        for s in strings:
            # a plural's one-form may leave out the number ({n}) its other forms name
            if placeholders(s) != expected and not (
                not isinstance(m.id, str) and set(placeholders(s)) <= set(expected)
            ):
                problems.append(f"placeholders differ: {m.id!r} → {s!r}")
    assert problems == []


# -- choosing the language ---------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    lang.set_language(None)


@pytest.mark.parametrize(
    ("value", "code"),
    [("lt", "lt"), ("lt_LT.UTF-8", "lt"), ("lt-LT", "lt"), ("EN", "en"), ("C", "en"),
     ("C.UTF-8", "en"), ("fr_FR@euro", "fr")],
)  # fmt: skip
def test_a_language_tag_or_locale_name_gives_its_language(value: str, code: str) -> None:
    assert lang.parse(value) == code


@pytest.mark.parametrize("value", ["12", "", "lithuanian", "lt_LT_x", "l"])
def test_a_value_that_is_no_language_is_refused(value: str) -> None:
    with pytest.raises(lang.BadLanguage):
        lang.parse(value)


@pytest.mark.parametrize(
    ("environ", "code"),
    [
        ({"QUIZ_LANG": "lt", "LANG": "en_US.UTF-8"}, "lt"),
        ({"LANGUAGE": "fr:lt", "LANG": "en_US.UTF-8"}, "lt"),  # the first one we have
        ({"LC_ALL": "lt_LT.UTF-8", "LANG": "en_US.UTF-8"}, "lt"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "lt_LT.UTF-8"}, "en"),  # the first set decides
        ({"LC_MESSAGES": "lt_LT.UTF-8"}, "lt"),
        ({"LANG": "lt_LT.UTF-8"}, "lt"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # no catalogue: English
        ({"QUIZ_LANG": "12"}, "en"),
        ({}, "en"),
    ],
)
def test_the_environment_chooses_as_gettext_does(environ: dict[str, str], code: str) -> None:
    assert lang.from_environment(environ) == code


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("lt-LT,lt;q=0.9,en-US;q=0.8,en;q=0.7", "lt"),
        ("en-US,en;q=0.9,lt;q=0.8", "en"),
        ("de-DE,de;q=0.9,lt;q=0.5", "lt"),  # the best one we have
        ("fr, *;q=0.1", "en"),
        ("lt;q=0", "en"),
        ("", "en"),
        (None, "en"),
        ("en;q=x,lt", "lt"),
    ],
)
def test_a_browser_gets_the_best_language_it_accepts(header: str | None, code: str) -> None:
    assert lang.from_accept_language(header) == code


def help_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as ended:
        cli.main([*argv, "--help"])
    assert ended.value.code == 0
    return capsys.readouterr().out


def test_lang_option_quiz_lang_the_remembered_choice_and_the_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert help_of([], capsys).startswith("usage: quiz")  # the suite's own: English
    assert help_of(["--lang", "lt"], capsys).startswith("naudojimas: quiz")
    assert help_of(["--lang=lt", "play"], capsys).startswith("naudojimas: quiz play")
    monkeypatch.setenv("QUIZ_LANG", "lt")
    assert "parinktys:" in help_of([], capsys)
    assert help_of(["--lang", "en"], capsys).startswith("usage:")  # the option first
    monkeypatch.delenv("QUIZ_LANG")
    from quiz.settings import Settings

    Settings.load().save(language="lt")  # as the home screen remembers it
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert help_of([], capsys).startswith("naudojimas:")
    Settings.load().save(language=None)
    monkeypatch.setenv("LANG", "lt_LT.UTF-8")
    assert help_of([], capsys).startswith("naudojimas:")


def test_an_unknown_language_is_english_and_a_malformed_one_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert help_of(["--lang", "fr"], capsys).startswith("usage: quiz")
    with pytest.raises(SystemExit) as ended:
        cli.main(["--lang", "12", "packs"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--lang" in err and "'12'" in err


def test_argparse_errors_speak_lithuanian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        cli.main(["--lang", "lt", "play", "--bogus"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "neatpažinti argumentai: --bogus" in err and "(žr. quiz --help)" in err


def test_numbers_and_dates_follow_the_language() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 9)
    assert (lang.number(12345.5, 1), lang.percent(75), lang.short_day(day)) == (
        "12,345.5",
        "75%",
        "Wed 09 Dec",
    )
    lang.set_language("lt")
    assert lang.number(12345.5, 1) == "12\xa0345,5"
    assert lang.percent(75) == "75\xa0%"
    assert lang.short_day(day) == "gruodžio 9 d., tr"


def test_english_start_does_not_import_babel() -> None:
    """Formats for English are the program's own: Babel's import (tens of milliseconds) is for
    the other languages."""
    import subprocess
    import sys

    code = (
        "import sys; from quiz import cli, lang; lang.set_language('en'); "
        "lang.number(3.5, 1); lang.percent(3); import quiz.words; "
        "print('babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- nothing untranslated in Lithuanian -----------------------------------------------------


class Spy(gettext.NullTranslations):
    """The Lithuanian catalogue, recording every message it is asked for and lacks."""

    def __init__(self, real: gettext.NullTranslations) -> None:
        super().__init__()
        self.real = real
        self.missing: set[str] = set()
        self.asked = 0

    def _has(self, key: Any) -> bool:
        return key in self.real._catalog  # type: ignore[attr-defined]

    def gettext(self, message: str) -> str:
        self.asked += 1
        if message and not self._has(message):
            self.missing.add(message)
        return self.real.gettext(message)

    def ngettext(self, one: str, many: str, n: int) -> str:
        self.asked += 1
        if not self._has((one, 0)):
            self.missing.add(one)
        return self.real.ngettext(one, many, n)


@pytest.fixture
def lithuanian(monkeypatch: pytest.MonkeyPatch) -> Spy:
    assert lang.set_language("lt") == "lt"
    spy = Spy(lang.catalogue())
    monkeypatch.setattr(lang, "_catalogue", spy)
    return spy


def every_parser(parser: argparse.ArgumentParser, argv: list[str]) -> Iterator[list[str]]:
    yield argv
    if isinstance(parser, cli._Parser):
        parser.filled()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from every_parser(sub, [*argv, name])


def test_every_commands_help_is_lithuanian(
    lithuanian: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = list(every_parser(cli.build_parser(), []))
    assert len(commands) > 20
    for argv in commands:
        said = help_of(["--lang", "lt", *argv], capsys)
        assert said.startswith("naudojimas:") and "parinktys:" in said, argv
        assert "show this help" not in said and "show program" not in said
    assert lithuanian.asked > 200 and lithuanian.missing == set()


def test_a_line_mode_round_and_the_class_reports_in_lithuanian(
    lithuanian: Spy, tmp_path: Path
) -> None:
    from helpers import moon, right_response, wrong_response
    from quiz import plain
    from quiz.classroom import report, report_html, report_md, sitting
    from quiz.classroom.results import class_results
    from quiz.clock import ManualClock
    from quiz.papers import Paper, encode, paper_spec
    from quiz.session import Session
    from quiz.spec import PackRef, RoundSpec

    pack = moon()
    session = Session(RoundSpec(PackRef.of(pack), 1, 7), pack)
    lines = []
    for i, q in enumerate(session.questions):
        response = right_response(q) if i % 2 else wrong_response(q)
        lines.append(plain_line(q, response))
    out = io.StringIO()
    plain.run(session, io.StringIO("".join(f"{x}\n" for x in ["zzz", *lines])), out)
    said = out.getvalue()
    assert "Raundas baigtas" in said and "Neteisingai" in said and "Teisingai!" in said

    spec = paper_spec(pack, 3, 5, time_limit=600)
    paper = Paper(encode(spec, pack), spec, pack)
    clock = ManualClock()
    store = open_store_at(tmp_path, clock)
    for n, name in enumerate(["Ana", "Benas", "Cilė"]):
        s, _ = sitting.begin(paper, store, store.player(name), clock)
        for i, q in enumerate(s.questions):
            clock.tick(10 + i)
            s.answer(wrong_response(q) if (i + n) % 3 == 0 else right_response(q))
    made = report.build(class_results(store, paper))
    page, markdown = report_html.render(made), report_md.render(made)
    assert '<html lang="lt">' in page and "Klasės ataskaita" in page and "Mokiniai" in page
    assert "## Mokiniai" in markdown and "Sunkumas" in markdown
    assert lithuanian.missing == set()


def plain_line(q: Any, response: Any) -> str:
    if isinstance(response, int):
        return str(response + 1)
    if isinstance(response, tuple | list):
        return ",".join(str(i + 1) for i in response)
    return str(response)


def open_store_at(folder: Path, clock: Any) -> Any:
    from quiz.store import open_store

    return open_store(str(folder / "class.db"), clock)


@pytest.mark.parametrize("xdg", ["/somewhere/config", "", None])
def test_the_settings_file_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    """Every start reads the remembered language from the settings file, found without
    importing platformdirs on Linux: the same place as platformdirs says."""
    import platformdirs

    from quiz.folders import settings_file

    monkeypatch.delenv("QUIZ_CONFIG_DIR")
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME")
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    assert settings_file() == platformdirs.user_config_path("quiz") / "settings.json"


@pytest.mark.parametrize("xdg", ["/somewhere/data", "", None])
def test_the_data_folder_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    """Progress, the outbox and packs live in the data folder, found without importing
    platformdirs on Linux: the same place as platformdirs says."""
    import platformdirs

    from quiz.folders import data_dir

    monkeypatch.delenv("QUIZ_DATA_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert data_dir() == platformdirs.user_data_path("quiz")


def test_the_source_is_named_in_the_interfaces_language() -> None:
    """A pack's word for its source is in the pack's language: said as it is only in a session
    of that language, else the interface's own word (no 'The straipsnis says:')."""
    from conftest import MOON
    from quiz.packs.loader import load_pack
    from quiz.round.viewing import noun_of

    lithuanian_pack = load_pack(Path(__file__).parent / "data" / "nato-lt.yaml")
    english_pack = load_pack(MOON)
    assert noun_of(lithuanian_pack) == "source"
    assert noun_of(english_pack) == english_pack.noun
    lang.set_language("lt")
    assert noun_of(lithuanian_pack) == lithuanian_pack.noun
    assert noun_of(english_pack) == {"article": "straipsnis", "text": "tekstas"}.get(
        english_pack.noun, "šaltinis"
    )


def test_a_translation_is_text_in_served_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A catalogue's words are text, never HTML: a translation holding a tag is shown
    escaped in every served page, while the page's own <code> values stay markup."""
    import gettext as gettext_module

    from quiz.web import server as web_server

    class Hostile(gettext_module.NullTranslations):
        def gettext(self, message: str) -> str:
            return "<img src=x> " + message

        def ngettext(self, one: str, many: str, n: int) -> str:
            return "<img src=x> " + (one if n == 1 else many)

    monkeypatch.setattr(web_server, "translations", lambda code: Hostile())
    served = web_server.QuizServer(
        web_server.TabCommand([]),
        host="127.0.0.1",
        port=0,
        access=web_server.Access("a-token-of-sorts"),
        limits=web_server.Limits(),
    )
    for page, context in (
        ("forbidden.html", {"local": False}),
        ("full.html", {"most": 3}),
        ("index.html", {}),
    ):
        text = served._page(page, 200, **context).text or ""
        assert "<img" not in text and "&lt;img src=x&gt;" in text, page
    full = served._page("full.html", 200, most=3).text or ""
    assert "<code>quiz serve --max-sessions N</code>" in full


def test_no_translation_adds_markup_or_control_characters() -> None:
    """Translations reach Textual widgets (markup on, for the game's own styles) and HTML: a
    translation may not bring a square bracket, an angle bracket, an ampersand or a control
    character its English message does not have."""
    with (Path(lang.LOCALES) / "lt" / "LC_MESSAGES" / "quiz.po").open("rb") as fh:
        catalogue = read_po(fh)
    for message in catalogue:
        if not message.id:
            continue
        english = "".join(message.id) if isinstance(message.id, tuple) else message.id
        said = message.string
        for text in said if isinstance(said, tuple) else (said,):
            for mark in "[]<>&":
                assert text.count(mark) <= english.count(mark), (message.id, text)
            assert not any(ch < " " and ch != "\n" for ch in text), (message.id, text)
