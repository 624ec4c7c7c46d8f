"""The play-test's list (issue 20), each item that is not a command-line one: what a round's
summary, the source reader and the home screen show."""

from __future__ import annotations

from helpers import moon, wrong_response
from quiz import words
from quiz.question import Order
from quiz.round.viewing import summary_view
from quiz.rounds import practice_spec
from quiz.session import Phase, Session


def test_a_missed_time_order_quotes_every_paragraph() -> None:
    pack = moon()
    session = Session(practice_spec(pack, 1, kinds=("order",), seed=3), pack)
    while session.phase is not Phase.FINISHED:
        session.answer(wrong_response(session.current))
        session.next()
    view = summary_view(session)
    assert len(view.missed) == 1
    for lines, o in zip(words.missed(view), session.outcomes, strict=True):
        q = o.question
        assert isinstance(q.key, Order) and len(q.origin.quotes) > 1
        said = "\n".join(lines)
        for quote in q.origin.quotes:
            assert f"“{quote.text}”" in said, "every event's paragraph, not only the first"
