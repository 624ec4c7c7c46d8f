"""The Anki export imported by Anki's own text importer (the `anki` package) into a temporary
collection, with the note type the README tells teachers to make.

Every question becomes one note with its question, answer, quote and source in their
fields and its topics as tags; importing the same file again, or a newer export with the
options in another order, adds no note: the GUID column makes Anki update instead.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from exports import cli_export, norm, pack, questions
from helpers import run_quiz
from quiz.formats import get
from quiz.question import Many, One, Order, Question, Text

anki_collection = pytest.importorskip(
    "anki.collection",
    reason="the anki package is not installed (pip install '.[test]'): Anki imports unchecked",
)

# Our own markup in the fields; anything else would be pack text read as HTML.
OUR_TAGS = {"ol", "li", "br", "b", "small", "ul", "blockquote", "cite"}


class Fields(HTMLParser):
    """A field's text as Anki shows it, and the HTML elements in it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: set[str] = set()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.add(tag)
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return norm("".join(self.parts))


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    models = col.models
    model = models.new("Quiz question")  # README: clone Basic, add a Source field
    for name in ("Front", "Back", "Source"):
        models.add_field(model, models.new_field(name))
    card = models.new_template("Card 1")
    card["qfmt"] = "{{Front}}"
    card["afmt"] = "{{FrontSide}}<hr id=answer>{{Back}}<hr>{{Source}}"
    models.add_template(model, card)
    models.add(model)
    yield col
    col.close()


def import_file(col: Any, path: Path) -> Any:
    metadata = col.get_csv_metadata(str(path), None)
    request = anki_collection.ImportCsvRequest(path=str(path), metadata=metadata)
    return col.import_csv(request).log


def guids(path: Path) -> list[str]:
    """The GUID column, to find each question's note (rows follow the questions' order)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines(True) if line[:1] != "#"]
    return [row[0] for row in csv.reader(lines, delimiter="\t")]


def answers(q: Question) -> list[str]:
    """What the back must show, in this order."""
    key = q.key
    if isinstance(key, One):
        return [q.options[key.right]]
    if isinstance(key, Many):
        return [q.options[i] for i in sorted(key.right)]
    if isinstance(key, Order):
        return [q.options[i] for i in key.order]
    if isinstance(key, Text):
        return [key.answer, *key.accepted]
    return [q.answer_text()]


def check_notes(col: Any, name: str, path: Path, written: list[Question]) -> None:
    ids = guids(path)
    assert len(ids) == len(written) == len(set(ids))
    titles = [norm(s.title) for s in pack(name).sources.values()]
    for guid, q in zip(ids, written, strict=True):
        note_id = col.db.scalar("select id from notes where guid = ?", guid)
        assert note_id, f"no note for {q.id}"
        note = col.get_note(note_id)
        assert note.note_type()["name"] == "Quiz question"
        front, back, source = (Fields(note[f]) for f in ("Front", "Back", "Source"))
        for field in (front, back, source):
            assert field.tags <= OUR_TAGS, (q.id, field.tags - OUR_TAGS)
        assert front.text.startswith(norm(q.prompt))
        for option in q.options:
            assert norm(option) in front.text
        shown = [back.text.find(norm(a)) for a in answers(q)]
        assert -1 not in shown, (q.id, answers(q), back.text)
        if isinstance(q.key, Order):
            assert shown == sorted(shown), "the events in time order"
        assert norm(q.explanation) in back.text
        for _, why in q.origin.why_wrong:
            assert norm(why.statement) in back.text
        for quote in q.origin.quotes:
            assert norm(quote.text) in source.text
        assert any(t in source.text for t in titles)
        assert sorted(note.tags) == sorted("_".join(t.replace('"', " ").split()) for t in q.topics)


def test_bundled_all_imports_and_reimport_updates(collection: Any, tmp_path: Path) -> None:
    text, _ = cli_export("bundled", "anki-csv")
    first = tmp_path / "bundled.txt"
    first.write_text(text, encoding="utf-8")
    all_q = list(questions("bundled"))

    log = import_file(collection, first)
    assert len(log.new) == len(all_q)
    assert collection.note_count() == len(all_q)
    check_notes(collection, "bundled", first, all_q)
    deck = collection.decks.id_for_name(pack("bundled").title)
    assert deck and len(collection.find_cards(f"did:{deck}")) == len(all_q)

    again = import_file(collection, first)
    assert len(again.new) == 0
    assert collection.note_count() == len(all_q)

    # A newer export (another seed: other distractors, options in another order) updates.
    newer = tmp_path / "newer.txt"
    result = run_quiz("export", "--all", "--seed", "7", "--format", "anki-csv", "--out", str(newer))
    assert result.returncode == 0, result.stderr
    assert guids(newer) == guids(first)
    log = import_file(collection, newer)
    assert len(log.new) == 0 and len(log.updated) > 0
    assert collection.note_count() == len(all_q)


def test_hostile_text_shows_literally(collection: Any, tmp_path: Path) -> None:
    rendered = get("anki-csv").export(pack("hostile"), questions("hostile"))
    assert rendered.left_out == ()
    path = tmp_path / "hostile.txt"
    path.write_text(rendered.text, encoding="utf-8")
    log = import_file(collection, path)
    assert len(log.new) == len(rendered.written)
    check_notes(collection, "hostile", path, list(rendered.written))
