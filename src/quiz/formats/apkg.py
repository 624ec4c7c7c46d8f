"""An Anki package (.apkg) that imports in one step: it brings its own note type, so nobody
builds one by hand first, and Anki cannot drop the Source field (the quotes) by mapping
the notes onto a note type that lacks it.

The note type `Quiz question` has the fields Front, Back and Source, and its one card
shows all three (the Source under the answer). The deck is named after the pack, each
topic is a tag, and the note's GUID is the anki-csv export's (a hash of the pack id and
the question's stable id), so importing a newer export updates the notes, and their
review history stays, instead of adding copies. The note type's and the deck's ids are
fixed too (hashes of their names), so a second import reuses them.

The fields are the anki-csv export's HTML (pack text escaped, shown literally). The
package is written with genanki, in memory: the export command puts the bytes on disk
whole.
"""

from __future__ import annotations

import hashlib
import io
import time
from collections.abc import Sequence

import genanki

from quiz.formats._common import collapse
from quiz.formats.anki_csv import NOTETYPE, _options, back, guid, h, source_field, tag
from quiz.formats.base import Format, Made, Rendered
from quiz.packs.model import Pack
from quiz.question import Question

FIELDS = ("Front", "Back", "Source")
FRONT = "{{Front}}"
BACK = '{{FrontSide}}<hr id="answer">{{Back}}<hr><div class="source">{{Source}}</div>'
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.source { font-size: 16px; }
.source blockquote { margin: 0.5em 0 0.5em 1em; font-style: italic; }
.source cite { display: block; font-size: 14px; }
"""


def stable_id(*parts: str) -> int:
    """A number Anki keeps as a note type's or deck's id: the same for the same name on every
    export, in the range genanki's own examples use (clear of Anki's built-in ids)."""
    digest = hashlib.sha256("\n".join(("quiz", *parts)).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


MODEL = genanki.Model(
    stable_id("note type", NOTETYPE),
    NOTETYPE,
    fields=[{"name": f} for f in FIELDS],
    templates=[{"name": "Card 1", "qfmt": FRONT, "afmt": BACK}],
    css=CSS,
)


def note(pack: Pack, q: Question) -> genanki.Note:
    fields = [h(q.prompt) + _options(q), back(q), source_field(pack, q)]
    tags = [t for t in (tag(x) for x in q.topics) if t]
    return genanki.Note(model=MODEL, fields=fields, tags=tags, guid=guid(pack, q))


def package(pack: Pack, questions: Sequence[Question], timestamp: float | None = None) -> bytes:
    """The .apkg file's bytes. `timestamp` dates the notes: Anki updates a note on import only
    when the incoming one is newer, so each export is dated now (tests pass their own)."""
    deck = genanki.Deck(stable_id("deck", pack.id), collapse(pack.title) or pack.id)
    for q in questions:
        deck.add_note(note(pack, q))
    out = io.BytesIO()
    when = time.time() if timestamp is None else timestamp
    genanki.Package(deck).write_to_file(out, timestamp=when)
    return out.getvalue()


def _render(pack: Pack, questions: Sequence[Question], made: Made | None = None) -> Rendered:
    return Rendered("", tuple(questions), data=package(pack, questions))


FORMAT = Format(
    name="apkg",
    summary="Anki package: its own note type (Front, Back, Source), imported in one step",
    suffix=".apkg",
    render=_render,
    binary=True,
)
