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


def test_writes_kept_here_first_reach_the_store_behind_and_leave_the_outbox(
    tmp_path: Path,
) -> None:
    """A live class on a distant database keeps its answers in the outbox first (one local
    flush for them all) and sends them behind: each lands once, the outbox is emptied, and
    one refused for good later (its round ended elsewhere) is told to the watchers."""
    from quiz.store.events import Dropped, SaveEvent
    from quiz.store.writes import FinishRound

    store = open_store(str(tmp_path / "p.db"))
    heard: list[SaveEvent] = []
    store.saver.watch(heard.append)
    spec = RoundSpec(PackRef("p", "1", "d"), 1, 3)
    store.write_all([StartRound.of(u, n, spec, AT) for u, n in (("u-a", "Ann"), ("u-b", "Bo"))])
    store.write(FinishRound("u-b", "done", AT, 0))
    store.saver.keep_all(
        [
            RecordAnswer("u-a", answer(0)),
            RecordAnswer("u-b", answer(0)),
            RecordAnswer("u-a", answer(1)),
        ]  # fmt: skip
    )
    assert store.saver.settle(10.0)
    rows = store.db.execute(
        "SELECT r.uid, a.seq FROM answers a JOIN rounds r ON r.id = a.round_id ORDER BY a.seq"
    )
    assert [tuple(row) for row in rows] == [("u-a", 0), ("u-a", 1)]
    assert store.saver.outbox.waiting() == []
    assert [type(e) for e in heard] == [Dropped]
    store.close()
