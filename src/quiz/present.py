"""Words shared by every interface: the answer as text, the passages, the summary.

Plain text only (no markup), so the line mode and the Textual app say the
same things and pack text is never interpreted.
"""

from __future__ import annotations

from quiz.packs.model import Pack, Quote
from quiz.packs.quotes import in_context
from quiz.question import Question, WhyWrong
from quiz.session import Outcome, Session


def answer_text(q: Question) -> str:
    return q.answer_text()


def noun_of(pack: Pack | None, quote: Quote | None = None) -> str:
    """What the pack calls the source a quote is from (its `noun`: article, chapter, handout;
    'text' when it says nothing), so no pack is shown another pack's word."""
    if pack is None:
        return "source"
    if quote is not None and quote.source in pack.sources:
        return pack.sources[quote.source].noun
    return pack.noun


def quotes_of(q: Question) -> list[Quote]:
    """Every passage behind a question, the main one first, each once."""
    return list({(x.source, x.start, x.end): x for x in q.origin.quotes}.values())


def quote_in_context(pack: Pack, quote: Quote, mark: tuple[str, str]) -> str:
    """The quote's paragraph with the quoted words between the two marks."""
    text, start, end = in_context(pack.sources[quote.source].text, quote.start, quote.end)
    return f"{text[:start]}{mark[0]}{text[start:end]}{mark[1]}{text[end:]}"


TOPICS_NOTE = "a question on several topics counts once under each"


def summary_lines(session: Session) -> list[str]:
    s = session.summary()
    lines = [
        f"Round over. Score {s.score} · {s.right} of {s.asked} right "
        f"({100 * s.accuracy:.0f}%) · best streak {s.best_streak}",
    ]
    if s.topics:
        lines.append("By topic: " + ", ".join(f"{t.topic} {t.right}/{t.asked}" for t in s.topics))
        if sum(t.asked for t in s.topics) > s.asked:
            lines.append(f"  ({TOPICS_NOTE})")
    for o in s.missed:
        lines.append(f"Missed: {o.question.prompt}")
        lines.append(f"  You answered: {o.response_text}")
        quote = o.question.quote
        lines.append(
            f"  Answer: {answer_text(o.question)} — the {noun_of(session.pack, quote)}: "
            f"“{quote.text}”"
        )
    return lines


def why_not(o: Outcome) -> WhyWrong | None:
    """For a wrong pick of one option: the fact that option really belongs to."""
    if o.correct or not isinstance(o.response, int):
        return None
    return o.question.why_wrong(o.response)


def minutes(seconds: float) -> str:
    """A duration: 12:05 (minutes and seconds), or 1:02:05 past an hour."""
    h, rest = divmod(max(0, round(seconds)), 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def clock_text(seconds: float) -> str:
    """Time left, rounded up: it shows 0:01 until the time is really over."""
    return minutes(max(0, int(seconds + 0.999)))
