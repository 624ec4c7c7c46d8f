"""What fresh readers typed for the bundled pack's typed and number questions (issue 18).

Two readers who had not seen the questions typed 633 answers with `quiz try`: the right
answers a student plausibly types (the article's own words, "Šiauliai, Lithuania", "the
ISAF mission", "in 2004") and 253 wrong ones (opposites, other values of the pack, near
names, right-plus-wrong lists). `tests/data/typed_number_tries.tsv` keeps every wrong answer
and every right answer the marking accepts now, with wrong answers added against the newer
rules ("Šiauliai, Estonia", "Warsaw Summit 2014", "Lithuanian Air Force"), and the answers
of two adversarial readers who set out to get wrong answers through (2392 in all: "regional
security consumer", "U.S. Minister from Mexico", "New Mexico, Mexico"). Truth first: a
wrong answer is never accepted, whatever right answers a rule lets through.

The marking functions are called directly (no subprocess per case) to keep the suite fast.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from helpers import asked_again, bundled, gadsden
from quiz.generate import all_questions
from quiz.question import InvalidResponse, Question
from quiz.round.codes import Refusal

DATA = Path(__file__).parent / "data" / "typed_number_tries.tsv"


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        qid, expect, answer, origin = line.split("\t")
        rows.append((qid, expect, answer, origin))
    return rows


@cache
def _questions() -> dict[str, Question]:
    """The bundled pack's questions by id, the typed ones it no longer asks because a
    student guesses them without reading (`helpers.GUESSABLE`: their marking is still
    checked), and the unseen author's as "gadsden/ID"."""
    found = {q.id: q for q in all_questions(bundled(), 0)}
    with tempfile.TemporaryDirectory() as folder:
        for q in all_questions(asked_again(Path(folder)), 0, kinds=["typed"]):
            found.setdefault(q.id, q)
    found.update({f"gadsden/{q.id}": q for q in all_questions(gadsden(), 0)})
    return found


def _accepted(question: Question, answer: str) -> bool:
    """Whether the answer is marked right; one that is asked again ("type a number") is not."""
    try:
        return question.grade(answer).result == "right"
    except InvalidResponse:
        return False


def _judged(expect: str) -> tuple[list[str], int, int]:
    """(the rows marked against `expect`, rows asked, rows whose question is in the pack)."""
    questions = _questions()
    wrong, asked, found = [], 0, 0
    for qid, want, answer, origin in _rows():
        if want != expect:
            continue
        asked += 1
        question = questions.get(qid)
        if question is None:
            continue  # a question the pack's authors dropped since: counted below
        found += 1
        if _accepted(question, answer) != (expect == "right"):
            wrong.append(f"{qid}: {answer!r} ({origin})")
    return wrong, asked, found


def test_the_data_file_holds_both_kinds() -> None:
    rows = _rows()
    assert sum(r[1] == "wrong" and r[3] == "reader" for r in rows) >= 253
    assert sum(r[1] == "right" for r in rows) >= 300
    assert {r[1] for r in rows} <= {"right", "wrong", "refused", "again"}
    assert any(r[1] == "again" for r in rows)


def test_no_wrong_answer_the_readers_tried_is_accepted() -> None:
    accepted, asked, found = _judged("wrong")
    assert found >= 0.9 * asked, "most questions of the readers' log should still exist"
    assert accepted == [], "wrong answers accepted:\n" + "\n".join(accepted)


def test_a_bare_number_for_a_figure_in_millions_is_sent_back() -> None:
    """ "15" typed for "$15 million" is asked again for the whole figure: never marked wrong
    (the student left the scale word off) nor right (15 is not 15 million)."""
    questions = _questions()
    rows = [(q, a) for q, want, a, _ in _rows() if want == "again"]
    assert rows
    marked = []
    for qid, answer in rows:
        try:
            questions[qid].grade(answer)
        except InvalidResponse as exc:
            # a bare "15" for $15 million, or "1.000" for a thousand (a full stop between
            # thousands, in a language whose decimal sign it is)
            assert exc.reason in {Refusal.WHOLE_FIGURE, Refusal.THOUSANDS_DOT}
            assert answer in str(exc)  # the sentence names what was typed
            continue
        marked.append(f"{qid}: {answer!r}")
    assert marked == [], "marked instead of asked again:\n" + "\n".join(marked)


def test_right_answers_the_readers_typed_are_accepted() -> None:
    refused, asked, found = _judged("right")
    assert found >= 0.9 * asked, "most questions of the readers' log should still exist"
    assert refused == [], "right answers refused:\n" + "\n".join(refused)


def test_an_office_s_title_alone_is_right_where_no_other_office_has_it() -> None:
    """ "Governor" for William Lane's office: no other office of the pack is a governor's,
    and two readers counted it refused a weak question (the fifteenth reading saw it refused
    as "could mean more than one answer", the other answer being Lane's own alias "Governor
    Lane", which the prompt asks about). Right typed alone only; "Governor Lane" names the
    man; a title another office bears stays ambiguous ("Secretary": of State or of the
    Treasury), unless the pack never offers that office beside this one ("President" for
    Santa Anna: the U.S. President's is no Mexican office; the twenty-second reading
    counted it refused a weak question)."""
    from quiz.round.codes import NoteCode

    questions = _questions()
    office = questions["gadsden/lane-office:typed:forward"].grade("Governor")
    assert office.result == "right"
    assert questions["gadsden/gadsden-office:typed:forward"].grade("minister").result == "right"
    wider = questions["gadsden/lane-office:typed:forward"].grade("Governor of Mexico")
    assert wider.result == "wrong"
    lane = questions["gadsden/lane-office:typed:forward"].grade("Governor Lane")
    assert lane.note is not None and lane.note.code is NoteCode.OTHER_THING
    president = questions["gadsden/santa-anna-office:typed:forward"].grade("President")
    assert president.result == "right"
    secretary = questions["gadsden/marcy-office:typed:forward"].grade("Secretary")
    assert secretary.note is not None and secretary.note.code is NoteCode.AMBIGUOUS
    assert questions["gadsden/santa-anna-office:typed:forward"].grade("Governor").result == (
        "wrong"
    )


def test_a_place_with_its_kind_and_a_describing_word_in_brackets_are_right() -> None:
    """Reader 41c: "Tehuantepec region" refused while "Mesilla Valley region" was right (its
    pack wrote the alias), and "President of Mexico (interim)" refused while "interim
    President of Mexico" was right. A place's own kind (its group) may follow its name, not
    another kind; one lower-case word in brackets reads as if written before the answer,
    not a name in brackets."""
    questions = _questions()
    isthmus = questions["gadsden/tehuantepec-1847:typed:reverse"]
    for right in ("Tehuantepec region", "the Tehuantepec region", "the region of Tehuantepec"):
        assert isthmus.grade(right).result == "right", right
    for wrong in ("Isthmus region", "Panama region", "Tehuantepec city"):
        assert isthmus.grade(wrong).result == "wrong", wrong
    ceballos = questions["gadsden/ceballos-office:typed:forward"]
    assert ceballos.grade("President of Mexico (interim)").result == "right"
    for wrong in ("President of Mexico (Santa Anna)", "President of Mexico (not)"):
        assert ceballos.grade(wrong).result == "wrong", wrong
    santa_anna = questions["gadsden/santa-anna-office:typed:forward"]
    assert santa_anna.grade("President of Mexico (general)").result == "wrong"


def test_a_pronoun_opening_an_answer_as_its_subject_is_read_without_it() -> None:
    """ "it increases its defence budget" was refused while "increases its defence budget"
    and "Lithuania increases …" were right (readers 42a and earlier). The rest is judged
    alone: an opposite or a negation after the pronoun stays refused."""
    ways = _questions()["lithuania-strengthens-defence-budget:typed:forward_any"]
    for right in ("it increases its defence budget", "It modernises its armed forces"):
        assert ways.grade(right).result == "right", right
    for wrong in (
        "it decreases its defence budget",
        "it does not increase its defence budget",
        "it increases Estonia's defence budget",
    ):
        assert ways.grade(wrong).result == "wrong", wrong


def test_words_the_prompt_or_another_name_lends_do_not_make_another_claim() -> None:
    """Two adversarial readers (1467 tries) found these marked right, each through a rule
    meant for right answers: the prompt's words after the name out of the prompt's order
    ("part of Mexico" from "… part of the U.S. territory of New Mexico"), a generic head
    the prompt says of something else ("force", "base"), a force or base after a word of
    another value's name ("Šiauliai Air Base", "rotational NATO units", "Energy Security
    Centre"), and a word in brackets taken for a middle name."""
    questions = _questions()
    wrong = {
        "gadsden/lane-declared-mesilla:typed:forward": (
            "Mesilla Valley part of Mexico",
            "he declared the Mesilla Valley part of Mexico",
        ),
        "efp-force-lithuania-inaugurated-in-rukla:typed:forward": ("Rukla force",),
        "amari-in-estonia:typed:forward": ("Estonia base",),
        "collective-defence-system-based-on-solidarity:typed:forward_any": (
            "solidarity base",
            "solidarity force",
        ),
        "air-policing-main-presence-before-aggression:typed:forward": (
            "air policing base",
            "air policing unit",
        ),
        "lithuania-called-for-regional-security:typed:forward": ("regional security centre",),
        "karoblis-minister-of-national-defence:typed:forward": ("Raimundas (deputy) Karoblis",),
    }
    for qid, answers in wrong.items():
        for answer in answers:
            assert questions[qid].grade(answer).result == "wrong", (qid, answer)
    right = {
        "gadsden/lane-declared-mesilla:typed:forward": (
            "Mesilla Valley part of the U.S. territory of New Mexico",
        ),
        "efp-force-lithuania-inaugurated-in-rukla:typed:forward": ("Rukla base",),
        "air-policing-began-with-belgian-detachment:typed:forward": ("Belgian Air Force",),
        "karoblis-minister-of-national-defence:typed:forward": ("raimundas karoblis",),
    }
    for qid, answers in right.items():
        for answer in answers:
            assert questions[qid].grade(answer).result == "right", (qid, answer)
