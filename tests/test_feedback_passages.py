"""The feedback's passage holds back the proofs of questions still to come (issue 18, item 5:
questions of a round must not answer each other): the quote is shown in its paragraph, but a
sentence of that paragraph proving a later question is cut and marked, so reading one
feedback does not answer the next question."""

from __future__ import annotations

import pytest

from helpers import bundled
from quiz.generate import generate
from quiz.packs.model import Quote
from quiz.packs.quotes import in_context, sentences
from quiz.round.viewing import OMITTED, passage, passages


@pytest.fixture(scope="module")
def pack():
    return bundled()


def quote_of(pack, fact_id: str) -> Quote:
    return pack.fact_by_id[fact_id].evidence[0]


def sentence_of(pack, x: Quote) -> tuple[int, int]:
    """The sentence(s) a quote stands in, from the first's start to the last's end."""
    spans = [
        s for s in sentences(pack.sources[x.source].text) if s.start < x.end and x.start < s.end
    ]
    return spans[0].start, spans[-1].end


def two_in_one_paragraph(pack, *, same_sentence: bool) -> tuple[Quote, Quote]:
    """Two facts' quotes in one paragraph, in one sentence or in two."""
    quotes = [f.evidence[0] for f in pack.facts]
    for a in quotes:
        for b in quotes:
            if a is b or a.source != b.source or a.end > b.start:
                continue
            text = pack.sources[a.source].text
            if in_context(text, a.start, a.end)[0] != in_context(text, b.start, b.end)[0]:
                continue
            if (sentence_of(pack, a) == sentence_of(pack, b)) == same_sentence:
                return a, b
    raise AssertionError("the bundled pack has no such pair")


def shown_in_rounds(pack, seeds: range):
    """(seed, question, the questions after it, a passage its feedback shows) over rounds of
    ten: what a student reads before the questions still to come."""
    for seed in seeds:
        r = generate(pack, seed, 10)
        for i, q in enumerate(r):
            for p in passages(pack, q, r[i + 1 :]):
                yield seed, q, r[i + 1 :], p


def test_without_later_questions_the_whole_paragraph_is_shown(pack) -> None:
    x = quote_of(pack, "lithuania-joined-nato-29-march-2004")
    p = passage(pack, x)
    paragraph, start, end = in_context(pack.sources[x.source].text, x.start, x.end)
    assert (p.paragraph, p.start, p.end) == (paragraph, start, end)


def test_a_later_questions_proof_is_cut_from_the_paragraph(pack) -> None:
    shown, later = two_in_one_paragraph(pack, same_sentence=False)
    text = pack.sources[shown.source].text
    whole = in_context(text, shown.start, shown.end)[0]
    p = passage(pack, shown, [later])
    assert p.marked == shown.text  # the proof itself, word for word
    assert later.text not in p.paragraph and OMITTED in p.paragraph
    lo, hi = sentence_of(pack, later)
    assert p.paragraph == whole.replace(text[lo:hi], OMITTED, 1)
    # the later question's own feedback shows it
    assert passage(pack, later).marked == later.text


def test_a_proof_beside_the_quote_in_its_sentence_is_cut_but_the_quote_never(pack) -> None:
    """Two facts quoted from one sentence: the words of the sentence outside the answered
    question's quote that hold the later proof are cut; a withheld quote overlapping the
    answered one is not (the proof is shown whole)."""
    shown, later = two_in_one_paragraph(pack, same_sentence=True)
    p = passage(pack, shown, [later])
    assert p.marked == shown.text
    assert later.text not in p.paragraph and OMITTED in p.paragraph
    overlapping = Quote(shown.source, shown.text, shown.start, shown.end)
    whole = passage(pack, shown)
    assert passage(pack, shown, [overlapping]).paragraph == whole.paragraph


def test_no_feedback_in_a_round_shows_a_later_questions_proof(pack) -> None:
    """Over 40 rounds of ten: every quote of a question still to come is absent from the
    passages shown, unless it overlaps the answered question's own quote (never cut)."""
    cut = 0
    for seed, q, after, p in shown_in_rounds(pack, range(40)):
        own = [(x.start, x.end) for x in q.origin.quotes]
        assert p.marked == p.quote.text
        cut += OMITTED in p.paragraph
        for later in after:
            for x in later.origin.quotes:
                if x.text in p.paragraph:
                    shared = any(a < x.end and x.start < b for a, b in own)
                    assert shared, (seed, q.id, later.id)
    assert cut > 0  # the rule had work to do: rounds do share paragraphs


def test_no_feedback_in_a_round_shows_a_later_questions_figure() -> None:
    """Gadsden's paragraphs name its figures again and again ("… giving Gadsden negotiating
    options ranging from $50 million … to $15 million …" beside the meeting Pierce's
    instructions answer): over 40 rounds of ten, a figure a later question asks ("$15 million"
    for "What was the original treaty's price?") is never shown outside the answered
    question's own quote, which is never cut."""
    from helpers import gadsden

    pack = gadsden()
    cut = 0
    for seed, q, after, p in shown_in_rounds(pack, range(40)):
        outside = p.paragraph[: p.start] + OMITTED + p.paragraph[p.end :]
        for later in after:
            if len(later.facts) > 2:
                continue
            for fid in later.facts:
                fact = pack.fact_by_id[fid]
                text = getattr(fact.object, "text", None)
                if fact.object.type == "number" and text:
                    hidden = text not in outside
                    cut += text in passages(pack, q)[0].paragraph and hidden
                    assert hidden, (seed, q.id, later.id, text)
    assert cut > 0  # the rule had work to do


def test_no_feedback_shows_the_name_a_later_question_asks_beside_what_it_is_asked_of() -> None:
    """ "Ward also lied to Gadsden … President Pierce never gave Ward these instructions" beside
    a later "Through whom did Franklin Pierce send instructions?": over 40 Gadsden rounds, no
    sentence shown outside the answered question's own quote names both a later typed
    question's answer and what it is asked of (by their names as the pack writes them)."""
    import re

    from helpers import gadsden
    from quiz.packs.model import Entity
    from quiz.packs.quotes import sentences as split

    pack = gadsden()

    def names(text: str, value) -> bool:
        return any(re.search(rf"\b{re.escape(n)}\b", text) for n in value.names)

    cut = 0
    for seed, q, after, p in shown_in_rounds(pack, range(40)):
        whole = next(w for w in passages(pack, q) if w.quote == p.quote)
        outside = p.paragraph[: p.start] + OMITTED + p.paragraph[p.end :]
        for later in after:
            claim = later.origin.claim
            if later.kind != "typed" or claim is None or len(claim.values) != 1:
                continue
            answer, anchor = claim.values[0], claim.anchor
            if not isinstance(answer, Entity) or answer.id == "new-mexico":
                continue  # New Mexico stands in most sentences: no answer beside it
            for s in split(outside):
                said = outside[s.start : s.end]
                assert not (names(said, answer) and names(said, anchor)), (
                    seed,
                    q.id,
                    later.id,
                    said,
                )
            cut += whole.paragraph != p.paragraph
    assert cut > 0


def test_a_cut_keeps_the_spaces_around_it() -> None:
    """ "[…]the United States would pay" ran the mark into the quote when the words before it
    in its sentence were cut: a cut keeps the spaces beside it, and the quote still stands at
    its place in the paragraph shown."""
    import re

    from helpers import gadsden

    pack = gadsden()
    cuts = 0
    for _, _, _, p in shown_in_rounds(pack, range(30)):
        cuts += p.paragraph.count(OMITTED)
        assert not re.search(rf"\w{re.escape(OMITTED)}|{re.escape(OMITTED)}\w", p.paragraph)
        assert p.paragraph[p.start : p.end] == p.quote.text
    assert cuts


def test_a_name_one_answer_is_not_shown_before_its_question(pack) -> None:
    """ "… lead one of the provincial reconstruction teams … in Afghanistan" shown after an
    earlier question answered "Name a country to which troops from Lithuania were deployed"
    in 8 rounds of 57 (the nineteenth reading): one right answer of a "Name one" question
    beside what it is said of gives the question away, as a select-all's would."""
    asked = "deployed-2004-2014-afghanistan:typed:forward_any"
    rights = ("Afghanistan", "Iraq", "Pakistan")
    together = 0
    for seed, _q, later, p in shown_in_rounds(pack, range(4, 61)):
        if any(x.id == asked for x in later):
            together += 1
            for sentence in sentences(p.paragraph):
                text = p.paragraph[sentence.start : sentence.end]
                if "Lithuania" in text:
                    assert not any(r in text for r in rights), (seed, text)
    assert together  # the question does come after others
