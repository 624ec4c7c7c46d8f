"""The Anki package imported by Anki's own importer (the `anki` package) into an empty
collection: no note type made by hand first, and the quotes on every card.

Each question is one note of the package's own note type `Quiz question` (Front, Back,
Source), in a deck named after the pack, with its topics as tags; the GUIDs are the
anki-csv export's, so a newer package updates the notes instead of adding copies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exports import norm, pack, questions
from helpers import run_quiz
from quiz.formats import anki_csv, apkg, get
from quiz.question import Order
from test_export_anki import OUR_TAGS, Fields, answers

anki_collection = pytest.importorskip(
    "anki.collection",
    reason="the anki package is not installed (pip install '.[test]'): Anki imports unchecked",
)
from anki.import_export_pb2 import (  # noqa: E402 (after the importorskip above)
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    """An empty collection: only Anki's built-in note types, none called Quiz question."""
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    assert col.models.by_name("Quiz question") is None
    yield col
    col.close()


def import_package(col: Any, path: Path) -> Any:
    """As Anki's File → Import does, with its default options (update a note if newer)."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def check_cards(col: Any, name: str, written: list[Any]) -> None:
    titles = [norm(s.title) for s in pack(name).sources.values()]
    assert col.note_count() == len(written)
    for q in written:
        guid = anki_csv.guid(pack(name), q)
        note_id = col.db.scalar("select id from notes where guid = ?", guid)
        assert note_id, f"no note for {q.id}"
        note = col.get_note(note_id)
        notetype = note.note_type()
        assert notetype["name"] == "Quiz question"
        assert [f["name"] for f in notetype["flds"]] == ["Front", "Back", "Source"]
        front, back, source = (Fields(note[f]) for f in ("Front", "Back", "Source"))
        for field in (front, back, source):
            assert field.tags <= OUR_TAGS, (q.id, field.tags - OUR_TAGS)
        assert front.text.startswith(norm(q.prompt))
        shown = [back.text.find(norm(a)) for a in answers(q)]
        assert -1 not in shown, (q.id, answers(q), back.text)
        if isinstance(q.key, Order):
            assert shown == sorted(shown), "the events in time order"
        (card,) = note.cards()
        on_card = Fields(card.answer()).text  # what the learner sees after turning the card
        assert norm(q.prompt) in on_card
        for quote in q.origin.quotes:
            assert norm(quote.text) in on_card, (q.id, "the quote is not on the card")
        assert any(t in on_card for t in titles)
        assert norm(q.prompt) in Fields(card.question()).text
        assert sorted(note.tags) == sorted(anki_csv.tag(t) for t in q.topics)
        deck = col.decks.get(card.did)
        assert deck["name"] == " ".join(pack(name).title.split())


def test_one_step_import_of_the_bundled_pack(collection: Any, tmp_path: Path) -> None:
    first = tmp_path / "nato.apkg"
    result = run_quiz("export", "--all", "--format", "apkg", "--out", str(first))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and f"to {first}" in result.stderr
    assert zipfile.is_zipfile(first)
    all_q = list(questions("bundled"))

    log = import_package(collection, first)
    assert len(log.new) == len(all_q)
    check_cards(collection, "bundled", all_q)

    again = import_package(collection, first)
    assert len(again.new) == 0 and collection.note_count() == len(all_q)


def test_a_newer_package_updates_the_notes(collection: Any, tmp_path: Path) -> None:
    qs = list(questions("bundled"))[:20]
    older, newer = tmp_path / "older.apkg", tmp_path / "newer.apkg"
    older.write_bytes(apkg.package(pack("bundled"), qs, timestamp=1_700_000_000))
    # The next export: other distractors and option order (another seed), a day later.
    from quiz.generate import all_questions

    by_id = {q.id: q for q in all_questions(pack("bundled"), 7)}
    reworded = [by_id[q.id] for q in qs]
    newer.write_bytes(apkg.package(pack("bundled"), reworded, timestamp=1_700_086_400))

    assert len(import_package(collection, older).new) == len(qs)
    log = import_package(collection, newer)
    assert len(log.new) == 0 and len(log.updated) == len(qs)
    assert collection.note_count() == len(qs)
    check_cards(collection, "bundled", reworded)
    assert len(collection.models.all_names_and_ids()) == 1 + len(
        [m for m in collection.models.all_names_and_ids() if m.name != "Quiz question"]
    ), "one Quiz question note type, not a copy per import"


def test_hostile_text_shows_literally(collection: Any, tmp_path: Path) -> None:
    rendered = get("apkg").export(pack("hostile"), questions("hostile"))
    assert rendered.left_out == () and rendered.data
    path = tmp_path / "hostile.apkg"
    path.write_bytes(rendered.data)
    assert len(import_package(collection, path).new) == len(rendered.written)
    check_cards(collection, "hostile", list(rendered.written))


def test_piped_stdout_gets_the_package_a_terminal_does_not(tmp_path: Path) -> None:
    piped = subprocess.run(
        [sys.executable, "-m", "quiz", "export", "--count", "3", "--format", "apkg"],
        capture_output=True,
        timeout=60,
    )
    assert piped.returncode == 0, piped.stderr
    out = tmp_path / "piped.apkg"
    out.write_bytes(piped.stdout)
    assert zipfile.is_zipfile(out)
    assert "collection.anki2" in zipfile.ZipFile(out).namelist()
    # A terminal is refused, in one line, before anything is written to it.
    import pty

    leader, follower = pty.openpty()
    try:
        to_tty = subprocess.run(
            [sys.executable, "-m", "quiz", "export", "--count", "3", "--format", "apkg"],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert to_tty.returncode == 2
    assert b"--out" in to_tty.stderr and b"Traceback" not in to_tty.stderr
