"""Words shared by every interface: the answer as text, the passages, the summary.

Plain text only (no markup), so the line mode and the Textual app say the
same things and pack text is never interpreted.
"""

from __future__ import annotations

from quiz.generate.question import Question
from quiz.packs.model import Pack, Quote
from quiz.packs.quotes import in_context
from quiz.session import Session


def answer_text(q: Question) -> str:
    if isinstance(q.answer, tuple):
        return (" → " if q.kind == "order" else "; ").join(q.answer)
    return str(q.answer)


def quotes_of(pack: Pack, q: Question) -> list[Quote]:
    """Every passage behind a question: all of its facts' evidence, the question's own first."""
    facts = [pack.fact_by_id[f] for f in q.facts if f in pack.fact_by_id]
    quotes = [q.quote, *(quote for f in facts for quote in f.evidence)]
    return list({(x.source, x.start, x.end): x for x in quotes}.values())


def quote_in_context(pack: Pack, quote: Quote, mark: tuple[str, str]) -> str:
    """The quote's paragraph with the quoted words between the two marks."""
    text, start, end = in_context(pack.sources[quote.source].text, quote.start, quote.end)
    return f"{text[:start]}{mark[0]}{text[start:end]}{mark[1]}{text[end:]}"


def summary_lines(session: Session) -> list[str]:
    s = session.summary()
    lines = [
        f"Round over. Score {s.score} · {s.right} of {s.asked} right "
        f"({100 * s.accuracy:.0f} %) · best streak {s.best_streak}",
    ]
    if s.topics:
        lines.append("By topic: " + ", ".join(f"{t.topic} {t.right}/{t.asked}" for t in s.topics))
    for o in s.missed:
        lines.append(f"Missed: {o.question.prompt}")
        lines.append(
            f"  Answer: {answer_text(o.question)} — the article: “{o.question.quote.text}”"
        )
    return lines
