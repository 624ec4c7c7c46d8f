"""The views of a round (quiz.round.views) made from its session: what the driver hands the
front ends, so none of them reads the session's state for itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from quiz import words
from quiz.lang import language
from quiz.packs.model import Pack, Quote
from quiz.packs.quotes import Span, paragraph_of, sentences, sentences_covering
from quiz.question import Question, WhyWrong
from quiz.round.codes import OMITTED, EndReason
from quiz.round.views import (
    FeedbackView,
    MissedView,
    Passage,
    QuestionView,
    Speed,
    SummaryView,
    TopicView,
    WhyNot,
)
from quiz.session import Outcome, Session, Summary


def noun_of(pack: Pack | None, quote: Quote | None = None) -> str:
    """What the interface calls the source a quote is from. The pack's own word (its `noun`:
    article, chapter, handout) is in the pack's language, so it is said as it is only when the
    interface speaks that language too; else the interface's word for it (no "The straipsnis
    says:" in English, no "article" in a Lithuanian session)."""
    if pack is None:
        return words.source_noun("source")
    noun = pack.sources[quote.source].noun if quote and quote.source in pack.sources else pack.noun
    if pack.lang.code == language():
        return noun
    return words.source_noun(noun if pack.lang.code == "en" else "source")


def quotes_of(q: Question) -> list[Quote]:
    """Every passage behind a question, the main one first, each once."""
    return list({(x.source, x.start, x.end): x for x in q.origin.quotes}.values())


_SPARED = " \t\n,;:"  # what a cut leaves before it: the space and the mark after the quote


def passage(
    pack: Pack,
    quote: Quote,
    withheld: Iterable[Quote] = (),
    answers: Callable[[str], bool] | None = None,
) -> Passage:
    """The quote in its paragraph, but with every sentence holding (part of) a withheld quote,
    or stating what `answers` finds (a later question's figure), cut and marked `OMITTED` (in
    the quote's own sentence, the words before or after the quote): the feedback to one
    question shows its proof in context without showing the proof or the answer of a question
    still to come (two proofs in one paragraph would otherwise give the later one away). The
    quote itself is never cut."""
    text = pack.sources[quote.source].text
    para = paragraph_of(text, quote.start, quote.end)
    held = [x for x in withheld if x.source == quote.source]
    runs: list[tuple[int, int]] = []  # cut stretches of text; pieces side by side are one
    for a, b in _pieces(text, para, quote) if held or answers else ():
        if any(_overlaps(Span(a, b), x) for x in held) or (answers and answers(text[a:b])):
            if runs and not text[runs[-1][1] : a].strip():
                runs[-1] = (runs[-1][0], b)
            else:
                runs.append((a, b))
    # the spaces (and a comma) around a cut stay, so "[…]" stands apart from the words beside
    # it ("[…] the United States would pay", "the Garay project, […] Ward", not "[…]the")
    runs = [(a + len(p) - len(p.lstrip(_SPARED)), b - len(p) + len(p.rstrip())) for a, b in runs
            for p in (text[a:b],)]  # fmt: skip
    shown, at = [], para.start
    for a, b in runs:
        shown += [text[at:a], OMITTED]
        at = b
    shown.append(text[at : para.end])
    cut_before = sum(b - a - len(OMITTED) for a, b in runs if b <= quote.start)
    start = quote.start - para.start - cut_before
    return Passage("".join(shown), start, start + quote.end - quote.start, quote)


def _pieces(text: str, para: Span, quote: Quote) -> Iterator[tuple[int, int]]:
    """The paragraph's sentences that may be cut, in order: whole sentences, and of a sentence
    the quote stands in only the words before and after it."""
    for s in sentences(text):
        if not (para.start <= s.start and s.end <= para.end):
            continue
        if not _overlaps(s, quote):
            yield s.start, s.end
            continue
        for a, b in ((s.start, quote.start), (quote.end, s.end)):
            if text[a:b].strip(" ,;:–-"):
                yield a, b


def _overlaps(span: Span, quote: Quote) -> bool:
    return span.start < quote.end and quote.start < span.end


def _held_back(
    pack: Pack, later: Iterable[Question]
) -> tuple[list[Quote], Callable[[str], bool] | None]:
    """What a feedback must not show of the questions `later` in its round (still to be
    asked): their proofs, and a test of whether a text states what one of them asks."""
    later = list(later)
    if not later:
        return [], None
    # the questions were generated, so this costs no import a round has not made
    from quiz.generate.rounds import answers_any

    return [x for other in later for x in other.origin.quotes], answers_any(pack, later)


def passages(pack: Pack, q: Question, later: Iterable[Question] = ()) -> tuple[Passage, ...]:
    """The passages behind a question, each holding back the proofs, and the figures asked, of
    the questions `later` in its round: in the source's order, as a reader meets them (the
    twenty-eighth reading found the last paragraph shown before the first), the main one
    marked, and each marked where the source goes on between it and the one before."""
    withheld, answers = _held_back(pack, later)
    quotes = quotes_of(q)
    shown: list[Passage] = []
    before: Quote | None = None
    for x in sorted(quotes, key=lambda x: (x.source, x.start)):
        one = passage(pack, x, withheld, answers)
        gap = before is not None and _apart(pack, before, x)
        shown.append(replace(one, main=x is quotes[0], after_gap=gap))
        before = x
    return tuple(shown)


def main_passage(shown: tuple[Passage, ...]) -> Passage | None:
    """The passage of the question's own proof: what a front end shows alone, or opens the
    source at."""
    return next((p for p in shown if p.main), None)


def _apart(pack: Pack, a: Quote, b: Quote) -> bool:
    """Whether text of the source stands between the paragraphs of two quotes (or they are
    from two sources)."""
    if a.source != b.source:
        return True
    text = pack.sources[a.source].text
    first, second = paragraph_of(text, a.start, a.end), paragraph_of(text, b.start, b.end)
    return bool(text[first.end : second.start].strip())


def question_view(session: Session) -> QuestionView:
    q = session.current
    return QuestionView(
        index=session.index,
        total=session.total,
        kind=q.kind,
        shape=q.shape,
        prompt=q.prompt,
        options=q.options,
        score=session.score,
        streak=session.streak,
        exam=not session.shows_feedback,
        timed=session.spec.time_limit is not None,
        speed=session.rules.speed_bonus,
        review=session.spec.mode == "review",
    )


def why_not(o: Outcome, pack: Pack, later: Iterable[Question] = ()) -> WhyWrong | None:
    """For a wrong pick of one option: the fact that option really belongs to (`shown_why`)."""
    if o.correct or not isinstance(o.response, int):
        return None
    return shown_why(pack, o.question.why_wrong(o.response), later)


def shown_why(pack: Pack, why: WhyWrong | None, later: Iterable[Question]) -> WhyWrong | None:
    """The fact a wrong option belongs to, unless it answers one of the questions `later` in
    the round: its quote is a later proof, or it or its statement states what a later
    question asks ("Why not '10 million': under the revised treaty …" before "What did the
    revised treaty cost?"). Shown whole or not at all: it is one sentence, and one cut
    explains nothing."""
    if why is None:
        return None
    withheld, answers = _held_back(pack, later)
    quote = why.quote
    if any(x.source == quote.source and _overlaps(Span(x.start, x.end), quote) for x in withheld):
        return None
    if answers is not None and (answers(quote.text) or answers(why.statement)):
        return None
    return why


def feedback_view(session: Session, o: Outcome) -> FeedbackView:
    q, pack, rules = o.question, session.pack, session.rules
    later = session.questions[o.index + 1 :]
    why = why_not(o, pack, later)
    return FeedbackView(
        index=o.index,
        total=session.total,
        verdict=o.grade.verdict,
        points=o.points,
        streak_bonus=o.streak_bonus,
        note=o.grade.note,
        speed=Speed(o.seconds, rules.grace, rules.time_limit) if rules.speed_bonus else None,
        given=o.response_text,
        answer=q.answer_text(),
        explanation=q.explanation,
        why_not=(
            WhyNot(o.response_text, why.statement, noun_of(pack, why.quote), why.quote.text)
            if why is not None
            else None
        ),
        noun=noun_of(pack, q.quote),
        passages=passages(pack, q, later),
        score=session.score,
        streak=session.streak,
    )


def missed_view(pack: Pack, o: Outcome) -> MissedView:
    """A missed question as the round's summary lists it, each proof as its whole sentence:
    out of its paragraph, "for eight years (2005 – 2013)" read vaguely (reader 34d)."""
    q = o.question
    return MissedView(
        q.prompt,
        o.response_text,
        q.answer_text(),
        noun_of(pack, q.quote),
        tuple(_sentence_of(pack, x) for x in q.origin.quotes),
    )


def _sentence_of(pack: Pack, quote: Quote) -> str:
    """The whole sentence(s) a quote stands in, word for word (the quote itself where its
    source is not the pack's: a hand-written question's)."""
    source = pack.sources.get(quote.source)
    if source is None:
        return quote.text
    span = sentences_covering(source.text, quote.start, quote.end)
    return source.text[span.start : span.end]


def summary_view(session: Session, summary: Summary | None = None) -> SummaryView:
    s = summary or session.summary()
    return SummaryView(
        review=session.spec.mode == "review",
        exam=not session.shows_feedback,
        end=session.end_reason or EndReason.LEFT,
        score=s.score,
        right=s.right,
        partial=s.partial,
        asked=s.asked,
        total=s.total,
        percent=round(100 * s.accuracy),
        best_streak=s.best_streak,
        seed=session.seed,
        topics=tuple(TopicView(t.topic, t.right, t.asked) for t in s.topics),
        topics_overlap=sum(t.asked for t in s.topics) > s.asked,
        missed=tuple(missed_view(session.pack, o) for o in s.missed),
    )
