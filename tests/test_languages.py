"""Packs in another language (issue 21, item 4): the words the program adds to a pack's
own, and what marking reads, come from the pack's `language` (`quiz.languages`).

The Lithuanian test pack (data/nato-lt.yaml, a text of the suite's own writing) asks
every kind; its questions pass the same truth checks as the bundled pack's, and its
typed and number answers are read the Lithuanian way: word forms by stem, letters without
their marks, the decimal comma, number words of both genders. English stays as it was:
"1,000" is a thousand there, and "3,5" no number.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA
from quiz.answers import check_typed
from quiz.figures import check_number, parse_number
from quiz.formats import get as get_format
from quiz.generate import all_questions
from quiz.generate.verify import verify
from quiz.languages import FRAMES, UnknownLanguage, english, frame_problem, get
from quiz.numbers import number, numbers_in
from quiz.packs.errors import PackError
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack, When
from quiz.packs.stated import names
from quiz.question import Figure, Question, Text
from quiz.text import fold

LT_PACK = DATA / "nato-lt.yaml"
LT = get("lt")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(LT_PACK)


@pytest.fixture(scope="module")
def questions(pack: Pack) -> list[Question]:
    return [q for seed in range(4) for q in all_questions(pack, seed)]


def _asking(questions: list[Question], start: str, kind: str | None = None) -> Question:
    return next(q for q in questions if q.prompt.startswith(start) and kind in (None, q.kind))


def quiz(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


# -- the Lithuanian pack: every kind, every question true ---------------------------------


def test_the_lithuanian_pack_asks_every_kind_in_lithuanian_and_every_question_is_true(
    pack: Pack, questions: list[Question]
) -> None:
    assert pack.lang.code == "lt"
    kinds = {q.kind for q in questions}
    assert kinds == {"choice", "true_false", "typed", "number", "multi", "order", "evidence"}
    for q in questions:
        assert verify(pack, q) == [], q.id
    tf = [q for q in questions if q.kind == "true_false"]
    assert tf and all(q.options == ("Tiesa", "Netiesa") for q in tf)
    generated = [q for q in tf if not q.origin.hand_written]
    assert all(q.prompt.startswith("Tiesa ar netiesa? ") for q in generated)
    assert {q.prompt for q in questions if q.kind == "order"} == {LT.frames["order"]}
    assert all(
        q.prompt.startswith("Kuris teksto sakinys tai įrodo? ")
        for q in questions
        if q.kind == "evidence"
    )
    # the pack's own frame, with its noun in the case Lithuanian needs
    assert any(q.prompt.startswith("Tiesa ar netiesa? Pagal straipsnį, ") for q in tf)
    # dates as Lithuanian writes them, and one full stop after "d."
    dated = _asking(questions, "Kada įvyko šis įvykis: Lietuvos įstojimas")
    assert "2004 m. kovo 29 d." in dated.options
    assert not any(".." in q.origin.explanation for q in questions)
    # no English frame anywhere in what the generator wrote
    for q in questions:
        for english_frame in ("True or false", "According to", "Which sentence", "time order"):
            assert english_frame not in q.prompt + q.origin.explanation, q.id


def test_the_lithuanian_pack_passes_quiz_check() -> None:
    done = quiz("check", str(LT_PACK))
    assert done.returncode == 0, done.stderr
    assert "ok — pack nato-lt" in done.stdout


def test_an_english_interface_round_asks_the_lithuanian_pack_in_lithuanian() -> None:
    done = quiz(
        "play", str(LT_PACK), "--plain", "--count", "2", "--seed", "0",
        "--kinds", "true_false", stdin="1\n1\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Question 1 of 2" in done.stdout  # the interface: English
    assert "Tiesa ar netiesa? " in done.stdout  # the content: the pack's
    assert "1. Tiesa" in done.stdout and "2. Netiesa" in done.stdout


# -- marking: word forms, marks, numbers --------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "typed", "right"),
    [
        # measured: Snowball's Lithuanian stems these to the key's stem
        ("Šalia kurio miesto", "Šiauliai", True),
        ("Šalia kurio miesto", "Siauliai", True),  # without its marks
        ("Šalia kurio miesto", "Šiauliuose", True),  # locative
        ("Šalia kurio miesto", "Šiaulių", True),  # genitive
        ("Šalia kurio miesto", "siauliu", True),  # genitive, no marks
        ("Šalia kurio miesto", "Vilnius", False),
        ("Kuri šalis priima kovinę grupę, kuriai vadovauja Vokietija", "Lietuvoje", True),
        ("Kuri šalis priima kovinę grupę, kuriai vadovauja Vokietija", "Lietuvos", True),
        ("Kuri šalis priima kovinę grupę, kuriai vadovauja Vokietija", "Latvijoje", False),
        (
            "Kuri valstybė vadovauja kovinei grupei, kurią priima Lenkija",
            "Jungtinių Valstijų",
            True,
        ),
        (
            "Kuri valstybė vadovauja kovinei grupei, kurią priima Lenkija",
            "jungtines valstijos",
            True,
        ),
        # the word two values share is no answer; the other value is refused in any form
        ("Kuri valstybė vadovauja kovinei grupei, kurią priima Lenkija", "Jungtinės", False),
        (
            "Kuri valstybė vadovauja kovinei grupei, kurią priima Estija",
            "Jungtinių Valstijų",
            False,
        ),
        ("Įvardykite vieną valstybę", "Slovakija ir Slovėnija", True),  # "ir" joins two
        ("Įvardykite vieną valstybę", "Slovakija ir Lenkija", False),
        ("Kuris prezidentas", "Brazausko", True),
    ],
)
def test_typed_answers_are_read_by_lithuanian_stems_and_without_marks(
    questions: list[Question], prompt: str, typed: str, right: bool
) -> None:
    q = _asking(questions, prompt, "typed")
    assert isinstance(q.key, Text) and q.key.language == "lt"
    assert check_typed(q.key, typed).correct is right


def test_a_stem_two_names_share_is_refused_not_marked_right() -> None:
    # Snowball's Lithuanian stems Vilnius and the river Vilnia alike ("viln"): "Vilniaus"
    # could be either, so it is not marked right for Vilnius when Vilnia is a value too
    key = Text("Vilnius", ("Vilnius",), ("Vilnia",), "lt")
    assert check_typed(key, "Vilnius").correct
    assert not check_typed(key, "Vilniaus").correct
    assert not check_typed(key, "Vilnia").correct
    alone = Text("Vilnius", ("Vilnius",), ("Kaunas",), "lt")
    assert check_typed(alone, "Vilniaus").correct


def test_lithuanian_letters_typed_without_their_marks_fold_to_the_same_key() -> None:
    assert fold("ąčęėįšųūž ĄČĘĖĮŠŲŪŽ") == "aceeisuuz aceeisuuz"  # NFKD: a base letter and a mark
    key = Text("Šiauliai", ("Šiauliai",), ("Vilnius",), "lt")
    verdict = check_typed(key, "Siauliai")
    assert verdict.correct and not verdict.exact  # right, through the accent tolerance


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("dvidešimt šeši", 26.0),
        ("dvidesimt sesi", 26.0),
        ("devyniasdešimt devyni", 99.0),
        ("viena", 1.0),
        ("dvi", 2.0),
        ("keturios", 4.0),
        ("šimtas dvidešimt", 120.0),
        ("du šimtai", 200.0),
        ("du tūkstančiai keturi", 2004.0),
        ("trys tūkstančiai penki šimtai", 3500.0),
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("1 000", 1000.0),
        ("2 mln.", 2_000_000.0),
        ("apie 2 000", 2000.0),
        # "1,000" is a thousand to an English hand and one to a Lithuanian: neither is
        # guessed; nor is "1.000" (a thousand, grouped the German way)
        ("1,000", None),
        ("1.000", None),
        ("twenty", None),
        ("du su puse", None),
    ],
)
def test_lithuanian_numbers_in_words_and_with_a_decimal_comma(
    typed: str, value: float | None
) -> None:
    assert parse_number(typed, language="lt") == value


def test_english_numbers_are_read_as_before() -> None:
    assert number("1,000") == 1000.0
    assert number("3,5") is None  # no decimal comma in English: not a number at all
    assert number("thirty-eight") == 38.0
    assert number("a hundred and six") == 106.0
    assert number("dvidešimt šeši") is None
    assert numbers_in("over 1,000 troops, 3,5 and six") == [1000.0, 3.0, 5.0, 6.0]
    assert numbers_in("3,5 mln. gyventojų", LT.numbers) == [3_500_000.0]
    assert check_number(Figure(1000), "1,000").correct
    assert not check_number(Figure(1), "1,000").correct
    assert check_number(Figure(3.5, language="lt"), "3,5").correct
    assert not check_number(Figure(1000, language="lt"), "1,000").correct
    assert not check_number(Figure(1, language="lt"), "1,000").correct


def test_the_number_questions_of_the_pack_take_lithuanian_answers(
    questions: list[Question],
) -> None:
    share = _asking(questions, "Kiek procentų BVP")
    assert share.key == Figure(2.5, 0.0, "procento", "lt")
    assert share.key.answer_text(()) == "2,5 procento"
    assert share.key.grade((), "2,5").correct and share.key.grade((), "2,5 procento").correct
    fighters = next(q for q in questions if q.kind == "number" and "naikintuvų" in q.prompt)
    assert fighters.key.grade((), "keturi").correct and fighters.key.grade((), "4").correct
    assert not fighters.key.grade((), "trys").correct


# -- dates and months ---------------------------------------------------------------------


def test_lithuanian_dates_are_written_and_read_in_every_case_of_the_month() -> None:
    date = When(2004, 3, 29, "lt")
    assert date.display == "2004 m. kovo 29 d."
    assert When(2016, 7, language="lt").display == "2016 m. liepos mėn."
    assert date == When(2004, 3, 29)  # the language writes the date; it is the same date
    assert names("2004 m. kovo 29 d. Lietuva tapo nare.", date)
    assert names("Tai įvyko 2004 m. kovą, 29 d.", date)  # accusative
    assert not names("2004 m. balandžio 29 d.", date)
    assert not names("2004 March 29", date)  # an English month is not a Lithuanian one
    assert When(2004, 3, 29).display == "29 March 2004"


# -- exports carry the pack's words -------------------------------------------------------


def test_exports_carry_the_packs_words_and_gift_keeps_its_own_true_false(pack: Pack) -> None:
    qs = all_questions(pack, 0)
    gift = get_format("gift").export(pack, qs).text
    assert "Tiesa ar netiesa? " in gift and "{\n\tTRUE\n" in gift and "{\n\tFALSE\n" in gift
    assert "#2.5:0" in gift  # Moodle reads a decimal point, whatever the pack's language
    assert "A. Tiesa\nB. Netiesa" in get_format("aiken").export(pack, qs).text
    for name in ("markdown", "anki-csv", "json"):
        assert "Netiesa" in get_format(name).export(pack, qs).text, name


# -- a language without a module; the pack's own frames ------------------------------------


def _pack_with(tmp_path: Path, old: str, new: str) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "nato-lt.txt").write_bytes((DATA / "sources/nato-lt.txt").read_bytes())
    text = LT_PACK.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "pack.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_language_without_a_module_is_one_line_naming_what_to_add(tmp_path: Path) -> None:
    path = _pack_with(tmp_path, "language: lt", "language: pl")
    with pytest.raises(PackError) as err:
        load_pack(path)
    assert len(err.value.problems) == 1
    line = str(err.value.problems[0])
    assert line.startswith(f"{path}:9:11: language: no language 'pl' — add quiz/languages/pl.py")
    assert line.endswith("known: en, lt")
    for command in (("check", str(path)), ("play", str(path), "--plain")):
        done = quiz(*command)
        assert done.returncode == 2, command
        assert "no language 'pl'" in done.stderr and "Traceback" not in done.stderr
    with pytest.raises(UnknownLanguage):
        get("pl")
    assert get("lt-LT") is LT and get("EN") is english()


@pytest.mark.parametrize(
    ("frames", "message"),
    [
        ('  evidence: "Kuris sakinys? {claim} {text}"', "has no placeholder {text}"),
        ('  according: "{text}, sako straipsnis"', "ends with {text}"),
        ('  according: "Pagal {noun!r}, {text}"', "without a format"),
        ('  tru_false: "x"', "tru_false"),
        ('  order: "Sudėliokite {"', "write a brace"),
    ],
)
def test_a_packs_frames_are_checked_with_their_line(
    tmp_path: Path, frames: str, message: str
) -> None:
    path = _pack_with(tmp_path, '  according: "Pagal straipsnį, {text}"\n', f"{frames}\n")
    with pytest.raises(PackError) as err:
        load_pack(path)
    assert any(message in str(p) and f"{path}:1" in str(p) for p in err.value.problems), [
        str(p) for p in err.value.problems
    ]


def test_the_packs_frames_replace_the_languages(questions: list[Question]) -> None:
    framed = [q for q in questions if "Pagal " in q.prompt]
    assert framed and all("Pagal straipsnį" in q.prompt for q in framed)
    assert LT.frames["according"] == "Pagal tekstą, {text}"  # the language's own stays
    for name, template in {**english().frames, **LT.frames}.items():
        assert frame_problem(name, template) is None, name
    assert set(english().frames) == set(FRAMES) == set(LT.frames)


@pytest.mark.parametrize(("key", "typed"), [(102, "10²"), (102, "1⁰²"), (23, "2³"), (1, "①")])
def test_a_superscript_is_never_read_as_a_digit(key: int, typed: str) -> None:
    """Folding the marks off Lithuanian number words must not fold "10²" into 102: the answer
    is asked again as no number, in both languages."""
    from quiz.question import Figure, InvalidResponse

    for language in ("lt", "en"):
        with pytest.raises(InvalidResponse):
            Figure(key, 0.0, "", language).grade((), typed)


@pytest.mark.parametrize(
    ("text", "month", "stated"),
    [
        ("2004 m. kovo 29 d. Lietuva tapo NATO nare.", 3, True),
        ("2004 m. kovo mėn. Lietuva tapo NATO nare.", 3, True),
        ("2004 m. buvo sausi metai.", 1, False),  # "dry", not January
        ("2004 m. ant stogo tupėjo balandis.", 4, False),  # a pigeon, not April
        ("2004 m. kova dėl laisvės tęsėsi.", 3, False),  # a fight, not March
        ("2004 m. sode žydėjo liepa.", 7, False),  # a linden, not July
    ],
)
def test_a_lithuanian_month_states_a_date_only_where_a_date_is_written(
    text: str, month: int, stated: bool
) -> None:
    from quiz.generate import evidence
    from quiz.packs import stated as stated_module
    from quiz.packs.model import When

    when = When(2004, month, language="lt")
    assert stated_module.names(text, when) is stated
    assert evidence.states(text, when) is stated
