"""Writes handed to the saver together share a commit, and one bad write among them costs the
others nothing: they are kept, each once, and only the bad one is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from quiz.spec import PackRef, RoundSpec
from quiz.store import open_store
from quiz.store.backend import StoreError
from quiz.store.records import AnswerRecord
from quiz.store.writes import RecordAnswer, StartRound

AT = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC).isoformat()


def answer(seq: int, facts: Any = ("f",)) -> AnswerRecord:
    return AnswerRecord(seq, f"q{seq}", "choice", facts, "0", "right", 1.0, True, 10, 1.0, AT)


def test_a_batch_that_breaks_is_sent_again_one_write_at_a_time(tmp_path: Path) -> None:
    """A write that breaks in a way the store cannot name (here a record with no facts, a
    TypeError) undoes the whole commit it shared; the saver then sends that batch's writes
    one by one, so the others land and only the broken one is refused."""
    store = open_store(str(tmp_path / "p.db"))
    spec = RoundSpec(PackRef("p", "1", "d"), 1, 3)
    writes = [
        StartRound.of("u-a", "Ann", spec, AT),
        RecordAnswer("u-a", answer(0)),
        RecordAnswer("u-a", answer(1, facts=None)),  # breaks: facts must be a sequence
        RecordAnswer("u-a", answer(2)),
    ]
    out = store.saver.send_all(writes)
    assert isinstance(out[0], int) and out[1] == out[3] == out[0]
    assert isinstance(out[2], StoreError) and "TypeError" in str(out[2])
    seqs = store.db.execute("SELECT seq FROM answers ORDER BY seq")
    assert [row[0] for row in seqs] == [0, 2]
    # and the next writes go together again
    assert store.saver.send_all([RecordAnswer("u-a", answer(3))]) == [out[0]]
    assert store.saver.waiting == 0
    store.close()
