"""A round: kinds mixed evenly, nothing asked twice, facts, sentences and topics spread.

The round draws slots at random, one kind at a time (a kind asked least so far
first), and builds only the slots it may keep, so its cost does not grow with
the pack. Rules, hardest first:
- never the same question, the same prompt, or a fact twice (a question over three
  facts or more may share one): the feedback to one question must not answer a
  later one, so a small pack makes a shorter round, not a repetitive one;
- never a question whose prompt or options state what another asks (see `apart`), nor two
  whose feedbacks each show the other's figure (see `shows_figures`);
- while it can: no question whose proof stands in the paragraphs another question's
  feedback shows, either way (two proofs in one paragraph give each other away in whatever
  order they are asked), no answer sentence twice, no relation more than RELATION_CAP times
  (three "which office did X hold?" in ten read as one question asked thrice), no two
  recall questions with one answer (the first unit's city and the centre's, both Vilnius:
  the second is a guess from the first), nor one whose date or figure another's feedback
  shows or another true/false statement states for another event, the least-asked
  relations and least-used topics first; true/false statements alternate between true
  and false;
- only to fill a round to eight of ten (`_needed`, however long the round asked): two
  questions whose feedbacks answer each other.
The kinds asked least come first: each is tried under the soft rules, then
without them, before a kind asked more gets another turn. A kind the draws cannot
fill even then is dropped and the others share its place. When a round asks for
more than the draws find (a small pack, a narrow filter), it goes through every
slot, in a seeded order, under the same rules.

Last, the round is put in an order where no question's feedback (the paragraphs
around its proofs) holds the proof of a question asked after it, or the figure or date it
asks, wherever the pairs allow (two proofs in one paragraph give each other away in either
order).
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from quiz.answers import TIES
from quiz.generate import apart, order
from quiz.generate.collector import collector_paused
from quiz.generate.evidence import touches
from quiz.generate.index import index_of
from quiz.generate.slots import (
    PER_FACT,
    Slot,
    hand_slot,
    order_slot,
    per_fact,
    select,
    slots,
    variants,
)
from quiz.kinds import KIND_NAMES
from quiz.meaning import GENERIC_HEADS
from quiz.packs.model import Entity, Fact, Number, Pack, Quote, Value, When
from quiz.packs.quotes import sentences
from quiz.question import Claim, Question
from quiz.text import contains_phrase, fold

# The soft rules' levels, tried in turn: feedback paragraphs apart, sentences and relations
# spread; then sentences and relations; then relations only; then no two questions whose
# feedbacks answer each other; then none of them.
APART, STRICT, SPREAD, UNANSWERED, ANY = 4, 3, 2, 1, 0
LEVELS = (APART, STRICT, SPREAD, UNANSWERED, ANY)
# a question's feedback paragraphs, and the proofs its own feedback elsewhere would give away
_Feedback = tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]
RELATION_CAP = 2  # questions on one relation a round holds while others can be asked
ATTEMPTS = 24  # slots tried (times BEST_OF) per kind before the round gives up on it
BEST_OF = 3  # slots compared for their topics before one is built
ANY_OF = 400  # slots of a kind looked at in turn before the round drops the kind
# a round may fall short by one question in this many rather than hold two questions whose
# feedbacks answer each other (level ANY): the Gadsden pack's 24 facts held such a pair
# ("Governor William Lane of New Mexico declared the Mesilla Valley …" answers both who
# declared it and Lane's office) in 13 of 100 rounds of ten; now a round of ten is nine
# rather than that. The bundled pack asked for true/false and evidence only still took a
# pair as a ninth question in 7 of 61 rounds of ten ("It began on 29 March 2004 with the
# landing of the Belgian Air Force Detachment" proving the date and the detachment, the
# twenty-third reading); a round of ten is now eight rather than that. A round below ten
# keeps its count (a class's paper of six, a tiny pack's round of five): one question short
# would be a fifth of it or more
SHORT_BY = 5
PAIRED_UP_TO = 10  # the round length level ANY fills to at most (`_needed`)


def shortfall(count: int) -> int:
    """The questions a round of `count` may fall short rather than hold a pair."""
    return count // SHORT_BY if count >= 2 * SHORT_BY else 0


def _needed(count: int) -> int:
    """The questions a round takes a pair whose feedbacks answer each other (level ANY) to
    reach: a round of ten less its `shortfall`, however many it asks. Past ten, a pack runs
    out of questions that keep apart, and a longer round filled with pairs gave one away in
    every round: the bundled pack's 22 choice, select-all and order questions held 4 such
    pairs a round (reader 36b: the air policing's four questions on its one sentence, the
    first unit's city and date); it is now a round of 10 to 14 that says why it is short."""
    full = min(count, PAIRED_UP_TO)
    return full - shortfall(full)


@collector_paused
def generate(
    pack: Pack,
    seed: int,
    count: int,
    kinds: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
) -> list[Question]:
    """A round of up to `count` questions: fewer only if the pack has no more to ask, or, by
    `shortfall`, when the rest would answer another's feedback or be answered by it."""
    kinds = tuple(kinds) if kinds else None
    topics = tuple(topics) if topics else None
    rng = random.Random(f"{seed}|round")
    draws = _Draws(pack, kinds, topics)
    state = _Round(order_prompt=pack.lang.frame("order"))
    open_kinds = [k for k in KIND_NAMES if draws.has(k)]
    # kinds that found nothing under the soft rules of a level (the round only grows, so a
    # kind that failed at a level will fail there again)
    spread_out: dict[int, set[str]] = {level: set() for level in LEVELS}
    while len(state.chosen) < count and open_kinds:
        question = None
        # the kinds asked least so far first (in random order), each on an unused sentence
        # if it can, then on any: an even mix of kinds comes before spread sentences, but
        # not before two questions that answer each other (level ANY), which a round takes
        # only when no kind has another question
        enough = len(state.chosen) >= _needed(count)
        for stage, fewest in (
            (stage, fewest)
            for stage in ((LEVELS[:-1],) if enough else (LEVELS[:-1], LEVELS[-1:]))
            for fewest in sorted({state.kinds[k] for k in open_kinds})
        ):
            ranked = [k for k in open_kinds if state.kinds[k] == fewest]
            if not ranked:
                continue
            rng.shuffle(ranked)
            for strict in stage:
                for kind in ranked:
                    if strict and kind in spread_out[strict]:
                        continue
                    question = _draw(draws, kind, state, rng, seed, strict)
                    if question is None and strict == UNANSWERED:
                        # random draws missed; every slot in turn before the last resort
                        question = _any_of(draws, kind, state, seed, UNANSWERED)
                    if question is not None:
                        break
                    if strict:
                        spread_out[strict].add(kind)
                        continue
                    # random draws missed; before the kind is dropped, every slot of it in turn
                    # (a kind most of whose facts make no question, evidence, is drawn in vain)
                    question = _any_of(draws, kind, state, seed)
                    if question is not None:
                        break
                    open_kinds.remove(kind)  # not even a repeated fact would do
                if question is not None:
                    break
            if question is not None:
                break
        if question is None:
            break
        state.add(pack, question)
    if len(state.chosen) < count:
        rest = sorted(select(slots(pack), kinds, topics), key=lambda s: s.id)
        rng.shuffle(rest)
        for strict in LEVELS:
            if strict == ANY and len(state.chosen) >= _needed(count):
                break  # a question short rather than one the round gives away
            for slot in rest:
                if len(state.chosen) >= count:
                    break
                if state.allows_slot(pack, slot):
                    question = slot.build(seed)
                    if question is not None and state.allows(pack, question, strict):
                        state.add(pack, question)
    return feedback_order(pack, state.chosen)


def feedback_order(pack: Pack, questions: list[Question]) -> list[Question]:
    """The questions in their order, but each question whose proof stands in another's
    feedback paragraph moved before it: a Kahn walk that always takes the first question
    that waits for nothing, and, when every one left waits (a cycle), the first of those
    that wait for fewest among the cycle's own (a question waiting for one outside its
    cycle would come before that one for no reason)."""
    n = len(questions)
    before, hard = waits(pack, questions)
    kin = [relations_of(pack, q.facts) for q in questions]
    left = list(range(n))
    out: list[int] = []
    while left:
        rest = set(left)
        # at each step, rather one not on the relation just asked ("which office did X
        # hold?" twice in a row reads as one question asked twice)
        last = kin[out[-1]] if out else frozenset()
        free = [j for j in left if not before[j] & rest]
        if free:
            pick = min(free, key=lambda j: bool(kin[j] & last))
        else:  # a cycle: one of its questions, never one still waiting for a question outside
            # it (that one could come first), the first of those that wait for fewest
            reach = {j: _waited_for(before, j, rest) for j in left}
            # first one no question of the cycle waits for because of its quote itself
            pick = min(
                (j for j in left if all(j in reach[k] for k in reach[j])),
                key=lambda j: (bool(hard[j] & rest), len(before[j] & rest), bool(kin[j] & last)),
            )
        left.remove(pick)
        out.append(pick)
    return [questions[i] for i in _kin_apart(out, kin, before, hard)]


def waits(pack: Pack, questions: list[Question]) -> tuple[list[set[int]], list[set[int]]]:
    """For each question, the others that must come before it, its feedback or what it shows
    giving them away; and of those, the ones no cut of its feedback mends (`hard`)."""
    n = len(questions)
    spans = [_paragraphs(pack, q) for q in questions]
    proofs = [_proof_spans(pack, q) for q in questions]
    # before[j] holds i when questions[i] must come before questions[j]: i's proof (all of
    # a list's) is in j's feedback
    before = [
        {i for i in range(n) if i != j and _all_inside(proofs[i], spans[j])} for j in range(n)
    ]
    # and i's figure or date shown anywhere in j's feedback paragraphs ("… agreed to pay Mexico
    # $10 million …" beside "What did the revised treaty cost?"), or the name it asks for beside
    # what it is asked of, though no proof of i's
    figures = [_asked(pack, q) for q in questions]
    for j, q in enumerate(questions):
        # and, on a wrong pick, the fact that option belongs to ("Why not '10 million': under
        # the revised treaty …"), which a feedback shows whole or not at all, and its
        # explanation, whole too ("… the NATO operation in Afghanistan …" before "Name a
        # country to which troops from Lithuania were deployed", reader 32a)
        why = [t for _, w in q.origin.why_wrong for t in (w.statement, w.quote.text)]
        shown = [*_shown_sentences(pack, spans[j]), *why, q.origin.explanation or ""]
        before[j] |= {i for i in range(n) if i != j and _shows(shown, figures[i])}
    # of those, the ones no cut mends: i's proof or figure in j's quote itself, which its
    # feedback never cuts ("[…]" stands only for other sentences, or the words of the
    # quote's sentence around it): "President Franklin Pierce sent James Gadsden, the new
    # U.S. Minister to Mexico …" answers "William Marcy held the post of U.S. Minister to
    # Mexico" (false) whatever else the paragraph shows
    quoted = [[(x.source, x.start, x.end) for x in q.origin.quotes] for q in questions]
    uncut = [_uncut(pack, q) for q in questions]  # (what each shows, what it asks)
    # and what the question itself shows, before any feedback: an evidence question's
    # sentences ("… sent James Gadsden, the new U.S. Minister to Mexico …" as a wrong one)
    for j, q in enumerate(questions):
        asking = [q.prompt, *q.options]
        before[j] |= {i for i in range(n) if i != j and _shows(asking, figures[i])}
    # and its explanation, which a feedback shows whole: "The team in Afghanistan ended in
    # 2013" before "Name a country to which troops from Lithuania were deployed" (reader 36b);
    # not one date of a time order's events, a hint the order's own quotes outweigh ("False.
    # The Warsaw Summit was held in July 2016" before an order holding the summit is the
    # lesser give-away: the order's feedback, first, would show that date beside the summit)
    explained = [q.origin.explanation or "" for q in questions]
    hard = [
        {
            i
            for i in before[j]
            if _all_inside(proofs[i], quoted[j])
            or _shows(uncut[j][0], uncut[i][1])
            or (questions[i].kind != "order" and _shows([explained[j]], figures[i]))
        }
        for j in range(n)
    ]
    # and a select-all's right value that j's quotes prove of the whole its subject is a part
    # of, though they do not name it: "It began … with the landing of the Belgian Air Force
    # Detachment with F-16s at Šiauliai Air Base" (the air policing mission) before "Select
    # every place where NATO deployed the Baltic air policing augmentation" (reader 37b)
    for i, q in enumerate(questions):
        told = _told_of_whole(pack, q)
        for j, other in enumerate(questions if told else ()):
            proved = shown_facts(pack, other.kind, other.facts)
            if j != i and any(_pair_of(pack, f) & told for f in proved):
                before[j].add(i)
                hard[j].add(i)
    return before, hard


def _told_of_whole(pack: Pack, q: Question) -> frozenset[tuple[object, object]]:
    """For a select-all, (whole, right value) for each entity whose name its subject's name
    holds ("the Baltic Air Policing Mission" in "augmentation of the Baltic air policing
    mission"): a right value said of the whole is half said of its part."""
    claim = q.origin.claim
    if q.kind != "multi" or claim is None or not isinstance(claim.anchor, Entity):
        return frozenset()
    anchor = claim.anchor
    memo = index_of(pack).memo
    wholes = memo.get(("wholes", anchor.key))
    if not isinstance(wholes, list):
        wholes = memo[("wholes", anchor.key)] = [
            e.key
            for e in pack.entities.values()
            if e.key != anchor.key
            and any(
                len(n.split()) > 1 and n != name and contains_phrase(name, n)
                for n in e.folded_names
                for name in anchor.folded_names
            )
        ]
    rights = [claim.values[i] for i in sorted(q.key.rights()) if i < len(claim.values)]
    return frozenset((w, v.key) for w in wholes for v in rights if isinstance(v, Entity))


def _pair_of(pack: Pack, fact_id: str) -> frozenset[tuple[object, object]]:
    f = pack.fact_by_id.get(fact_id)
    return frozenset() if f is None else frozenset({(f.subject.key, f.object.key)})


def _kin_apart(
    placed: list[int], kin: list[frozenset[str]], before: list[set[int]], hard: list[set[int]]
) -> list[int]:
    """The order with fewer questions on one relation back to back, where moving one of a
    pair elsewhere does that without giving away more proofs than before (two proofs in one
    paragraph wait for each other, so the walk alone puts them side by side); a give-away
    no cut mends (`hard`) weighs more than any number of the others."""

    def given_away(order_: list[int]) -> int:
        at = {q: n for n, q in enumerate(order_)}
        return sum(
            len(order_) ** 2 if i in hard[j] else 1
            for j in order_
            for i in before[j]
            if at[i] > at[j]
        )

    def clashes(order_: list[int]) -> int:
        return sum(1 for a, b in zip(order_, order_[1:], strict=False) if kin[a] & kin[b])

    out = list(placed)
    for n in range(len(out) - 1):
        if not kin[out[n]] & kin[out[n + 1]]:
            continue
        now, baseline = clashes(out), given_away(out)
        for moved, to in ((m, k) for m in (n + 1, n) for k in range(len(out))):
            trial = list(out)
            trial.insert(to, trial.pop(moved))
            if clashes(trial) < now and given_away(trial) <= baseline:
                out = trial
                break
    return out


def shows_figures(pack: Pack, q: Question, others: Iterable[Question]) -> bool:
    """Whether q's feedback and another's would each show the other's figure ("The new treaty
    reduced the amount … to $10 million and the land … to 29,670 square miles" answers both
    the price and the area): no order mends that, so a round never holds the two. One way, or
    a date, the order mends it."""
    return _figures_clash(
        _numbers(pack, q.kind, q.facts), [_numbers(pack, o.kind, o.facts) for o in others]
    )


# a figure, date or name a question asks, and what it is said of
_Figure = tuple[Value, Value]
# the figures a question asks, and the sentences its feedback shows (none if it asks none)
_Numbers = tuple[list[_Figure], list[str]]


def _numbers(pack: Pack, kind: str, facts: tuple[str, ...]) -> _Numbers:
    """Reckoned from the facts' evidence, so a slot is judged before it is built."""
    figures = [f for f in _figures_of(pack, kind, facts) if isinstance(f[0], Number)]
    if not figures:
        return [], []
    found = (pack.fact_by_id[f] for f in facts if f in pack.fact_by_id)
    return figures, _shown_sentences(pack, _spans(pack, (x for f in found for x in f.evidence)))


def _figures_clash(mine: _Numbers, others: Iterable[_Numbers]) -> bool:
    figures, shown = mine
    return bool(figures) and any(
        theirs and _shows(shown, theirs) and _shows(their_shown, figures)
        for theirs, their_shown in others
    )


# a question's proofs (`_Feedback`), the sentences of its own quotes (where each stands, and
# its text), its figures, and whether it is a list (a select-all, a question over many facts)
_Sentences = list[tuple[str, int, int, str]]
# (and whether any one proof answers it: a "Name one …" typed question, one value enough)
_Answered = tuple[list[tuple[str, int, int]], _Sentences, list[_Figure], bool, bool]


def _answer_each_other(mine: _Answered, theirs: _Answered) -> bool:
    """Whether two questions' feedbacks would each answer the other: the sentences of each
    one's own quotes, which its feedback shows whole (a feedback holds back only others'
    sentences, "[…]"), hold the other's proof (a list's every proof) or figure. Whichever
    comes first gives the other away and no order mends it. A round holds such a pair only
    as a last resort (level ANY), and never some (`_never_together`): a select-all, whose
    right answers one listing sentence gives ("… along with six more countries – Estonia,
    Latvia, …", the proof of "Latvia joined NATO on 29 March 2004"; readers found such
    pairs in 5 of 70 rounds, the list drawn at a laxer level for an even mix of kinds)."""
    proofs, own, figures, _, one = mine
    their_proofs, their_own, their_figures, _, their_one = theirs
    return _answers(their_own, proofs, figures, one) and _answers(
        own, their_proofs, their_figures, their_one
    )


def answer_each_other(
    pack: Pack, q: Question, others: Iterable[Question], never: bool = True
) -> bool:
    """Whether q and one of the others answer each other (`_answer_each_other`); with
    `never`, only where a round never holds both (`_never_together`), the hard line of a
    rule it otherwise bends only when no kind has another question."""
    mine = _answered_of(pack, q.kind, q.facts)
    return any(
        _answer_each_other(mine, theirs) and (not never or _never_together(mine, theirs))
        for theirs in (_answered_of(pack, o.kind, o.facts) for o in others)
    )


def shown_both_ways(pack: Pack, q: Question, others: Iterable[Question]) -> bool:
    """Whether what q shows whatever comes after it (its quotes, which no feedback cuts, its
    prompt and options) answers one of the others, and that one's answers q: no order mends
    the pair (`_Round.shown_both_ways`)."""
    mine, asked = _uncut(pack, q)
    return any(
        _shows(mine, theirs_asked) and _shows(theirs, asked)
        for theirs, theirs_asked in (_uncut(pack, c) for c in others)
    )


def _never_together(mine: _Answered, theirs: _Answered) -> bool:
    """Two questions that answer each other and that a round never holds, even when it has
    no other question: one of them a list (a select-all), whose every right answer one
    listing sentence gives. Two proved by one sentence ("Governor William Lane of New
    Mexico declared the Mesilla Valley part of the U.S. territory …" proves the office Lane
    held and what he declared) are kept apart at every level but the last, which fills a
    round to eight of ten at most (`_needed`): never for them would cut the moon pack's
    rounds of ten from 6–8 questions to 4–6, and a choice round of the Gadsden pack from 7–8
    to 6–8."""
    return mine[3] or theirs[3]


def _feedback_of(pack: Pack, kind: str, facts: tuple[str, ...]) -> _Feedback:
    """The paragraphs a question's feedback shows around its facts' evidence, and the
    proofs that feedback elsewhere would give away: the first fact's first passage, or
    every fact's for a list (a select-all or a question over many facts); nothing for a
    time order, which one passage does not answer."""
    found = [pack.fact_by_id[f] for f in facts if f in pack.fact_by_id]
    paragraphs = _spans(pack, (x for f in found for x in f.evidence))
    if kind == "order" or not found:
        return paragraphs, []
    # a list's every proof: a select-all's, a "Name one …" typed answer's (its feedback quotes
    # each value's proof: "Mexican President Juan Ceballos revoked the grant" answered "Who
    # revoked the grant?" after "Name one President of Mexico", a reader found)
    many = kind == "multi" or len(facts) > 2 or (kind == "typed" and len(facts) > 1)
    quotes = [f.evidence[0] for f in found] if many else [found[0].evidence[0]]
    return paragraphs, [(x.source, x.start, x.end) for x in quotes]


def _answered_of(pack: Pack, kind: str, facts: tuple[str, ...]) -> _Answered:
    """Reckoned from the facts' evidence, so a slot is judged before it is built; once per
    pack, kind and facts (a round weighs each slot against every question chosen)."""
    memo = index_of(pack).memo
    key = ("answered", kind, facts)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _answered_from(pack, kind, facts)
    return cast("_Answered", found)


def _answered_from(pack: Pack, kind: str, facts: tuple[str, ...]) -> _Answered:
    _, proofs = _feedback_of(pack, kind, facts)
    found = [pack.fact_by_id[f] for f in facts if f in pack.fact_by_id]
    own = _own_sentences(pack, [x for f in found for x in f.evidence])
    figures = [f for f in _figures_of(pack, kind, facts) if isinstance(f[0], Number)]
    listed = kind == "multi" or (kind != "order" and len(facts) > 2)
    # "Name one President of Mexico" is answered by "Mexican President Juan Ceballos revoked
    # the grant", the feedback of "Who revoked the grant?", which it answers in turn: a
    # reader found the pair in four typed rounds of the Gadsden pack (the twenty-third reading)
    one = kind == "typed" and len(facts) > 1
    return proofs, own, figures, listed, one


def _answers(
    own: _Sentences, proofs: list[tuple[str, int, int]], figures: list[_Figure], one: bool
) -> bool:
    """Whether the sentences hold every proof (or, `one`, any of them), or state one of the
    figures."""
    spans = [(src, start, end) for src, start, end, _ in own]
    held = _inside(proofs, spans) if one else _all_inside(proofs, spans)
    return held or _shows([text for *_, text in own], figures)


def _own_sentences(pack: Pack, quotes: Iterable[Quote]) -> _Sentences:
    """The sentences a feedback shows whatever comes later: those its quotes touch."""
    index = index_of(pack)
    out: _Sentences = []
    for x in quotes:
        if x.source not in pack.sources:
            continue
        text = index.source(x.source)
        for s in text.sentences_in(text.paragraph(x.start)):
            if s.start < max(x.end, x.start + 1) and x.start < s.end:
                out.append((x.source, s.start, s.end, s.text))
    return out


def _figures(pack: Pack, q: Question) -> list[_Figure]:
    return _figures_of(pack, q.kind, q.facts)


def _figures_of(pack: Pack, kind: str, facts: tuple[str, ...]) -> list[_Figure]:
    """The figures and dates of the facts a question asks, each with what it is said of: a
    feedback that shows one answers the question, proof or not."""
    if kind == "order" or len(facts) > 2:
        return []
    found = [f for f in (pack.fact_by_id.get(f) for f in facts) if f and not f.background]
    return [
        (v, other)
        for f in found
        for v, other in ((f.subject, f.object), (f.object, f.subject))
        if isinstance(v, (Number, When))
    ]


def _asked(pack: Pack, q: Question) -> list[_Figure]:
    """What a feedback must not show of a question still to come: its figures and dates
    (`_figures`), and the name a recall question asks for, with what it is asked of ("Ward
    also lied to Gadsden … President Pierce never gave Ward these instructions" answers
    "Through whom did Pierce send instructions?"). A name the source writes in one sentence
    in four or more ("Lithuania", "NATO" in an article on Lithuania in NATO) is left out:
    beside another such name it states no answer, and would cut most of any paragraph."""
    if q.kind == "order":
        # each event's date beside the event: a feedback before it that shows one holds it
        # back, or the order comes first (readers found an earlier feedback dating one of
        # its events in most rounds holding one); a quote can, at worst, date one event of
        # four, so no round refuses the order for it, nor puts it first at any cost
        # (`_uncut` leaves it out)
        found = [pack.fact_by_id[f] for f in q.facts if f in pack.fact_by_id]
        return [
            (v, other)
            for f in found
            if not f.background
            for v, other in ((f.subject, f.object), (f.object, f.subject))
            if isinstance(v, When)
        ]
    asked = _figures(pack, q)
    claim = q.origin.claim
    if q.kind == "true_false" and q.id.endswith(":false") and claim is not None:
        return asked + _held_by_others(pack, claim)
    if claim is None or q.kind not in ("choice", "multi", "typed"):
        return asked
    if len(q.facts) > 2 and q.kind not in ("multi", "typed"):
        # a select-all's every right answer counts, and a "Name one …" typed answer's: one
        # of them shown beside what it is said of answers it ("… lead one of the provincial
        # reconstruction teams … in Afghanistan" before "Name a country to which troops from
        # Lithuania were deployed", in 8 rounds of 57, the nineteenth reading found)
        return asked
    if q.kind == "typed":
        values = list(claim.values)
    else:
        values = [claim.values[i] for i in sorted(q.key.rights()) if i < len(claim.values)]
    common = pack.derived(_common_names)
    # a name to type is given away by any sentence holding it, beside what it is asked of or
    # not: (v, v) asks nothing more ("deployed augmentation of the Baltic air policing
    # mission" before "what was the main NATO presence … before the aggression?", the
    # twenty-ninth reading); a name to pick only beside it
    asked += [
        (v, v if q.kind == "typed" else claim.anchor)
        for v in values
        if isinstance(v, Entity) and v.key not in common
    ]
    return asked


def _held_by_others(pack: Pack, claim: Claim) -> list[_Figure]:
    """A false statement's value beside whoever the pack says it is true of ("Gadsden, the
    new U.S. Minister to Mexico" before "William Marcy held the post of U.S. Minister to
    Mexico"): a feedback showing that answers the statement by elimination, a reader found
    in two rounds of ten. A figure or date too ("the original treaty covered 29,670 square
    miles" beside the revised treaty's 29,670)."""
    value = claim.values[0] if claim.values else None
    if not isinstance(value, (Entity, Number, When)):
        return []
    forward = claim.direction == "forward"
    if isinstance(value, Entity):
        facts = pack.facts_about.get(value.key, ())
    else:  # a figure or a date: the facts of the statement's relation that hold it
        facts = pack.facts_by_relation.get(claim.relation, ())
    return [
        (value, f.subject if forward else f.object)
        for f in facts
        if f.relation.id == claim.relation
        and not f.background
        and (f.object if forward else f.subject).key == value.key
        and (f.subject if forward else f.object).key != claim.anchor.key
    ]


def _derived_values(pack: Pack) -> dict[str, frozenset[str]]:
    """The facts whose date or figure one of them proves by the other's quote (or counts from
    the other's date, below), both ways: the augmentation "deployed in 2014" is "NATO
    responded immediately" beside "The Russian aggression in Ukraine in spring 2014 …", the
    aggression's own quote, so one asked after the other is asked again (reader 33d: the
    aggression's year, then "NATO first deployed the augmentation in 2014 (2013)?" in 3
    rounds of 40). A round holds one of them, as it holds a fact once."""
    by_value: dict[object, list[Fact]] = {}
    for f in pack.facts:
        if isinstance(f.object, When | Number) and not f.background:
            by_value.setdefault(f.object.key, []).append(f)
    linked: dict[str, set[str]] = {}
    for same in by_value.values():
        for f in same:
            quoted = {(x.source, x.start, x.end) for x in f.evidence}
            for g in same:
                if (
                    g is not f
                    and len(f.evidence) > len(g.evidence)
                    and {(x.source, x.start, x.end) for x in g.evidence} <= quoted
                ):
                    linked.setdefault(f.id, set()).add(g.id)
                    linked.setdefault(g.id, set()).add(f.id)
    # and a count of years that is the years from a date of the same subject to the year the
    # source speaks for: "14 years" of membership is 2018 less 2004, the year Lithuania
    # joined, which prompts framed "According to the article (2018)" beside it gave away
    # (reader 38d, 9 rounds of 147)
    as_of = {s.as_of for s in pack.sources.values() if s.as_of is not None}
    for f in pack.facts:
        if not (isinstance(f.object, Number) and f.relation.unit == "years") or f.background:
            continue
        years = {year - f.object.value for year in as_of}  # the year counted from
        for g in pack.facts_about.get(f.subject.key, ()):
            when = g.object
            counted = isinstance(when, When) and when.year in years and not g.background
            if counted and g.subject.key == f.subject.key:
                linked.setdefault(f.id, set()).add(g.id)
                linked.setdefault(g.id, set()).add(f.id)
    return {f: frozenset(gs) for f, gs in linked.items()}


def _common_names(pack: Pack) -> frozenset[object]:
    """The keys of the entities every word of whose name (but the small ones) stands in a
    quarter or more of the sources' sentences: counted from one tally of the words, so it
    costs one pass."""
    words: Counter[str] = Counter()
    total = 0
    for source in pack.sources.values():
        for sentence in sentences(source.text):
            total += 1
            words.update(set(fold(source.text[sentence.start : sentence.end]).split()))
    out = set()
    for e in pack.entities.values():
        own = [w for w in fold(e.name).split() if len(w) > 2]  # "the", "of" say nothing
        if own and min(words[w] for w in own) * 4 >= total > 0:
            out.add(e.key)
    return frozenset(out)


def answers_any(pack: Pack, questions: Iterable[Question]) -> Callable[[str], bool]:
    """Whether a sentence of the source states the figure one of the questions asks, its date
    beside what it dates, or the name it asks for beside what it is asked of (`_asked`): a
    feedback holds such a sentence back ("[…]"). What they ask is worked out once, not for
    every sentence weighed."""
    asked = [a for q in questions for a in _asked(pack, q)]
    return lambda text: _shows([text], asked)


def _shows(texts: list[str], figures: list[_Figure]) -> bool:
    """A figure stands in one of the sentences; a date's year, or a name, only beside what it
    is said of (a history names its years in every paragraph: "1853" alone answers no "when
    did … ?")."""
    return any(
        touches(s, v) and (isinstance(v, Number) or touches(s, other) or _headed(s, other))
        for v, other in figures
        for s in texts
    )


def _headed(text: str, value: Value) -> bool:
    """Whether a sentence names the entity by its distinctive words beside its head word,
    apart ("the NATO Summits in Wales (2014) and Warsaw (2016)" names the Warsaw Summit: a
    reader found that feedback give the summit's year away)."""
    if not isinstance(value, Entity):
        return False
    words = set(fold(text).split())
    return any(
        (head in words or f"{head}s" in words) and rest <= words for rest, head in _heads(value)
    )


@lru_cache(maxsize=4096)
def _heads(value: Entity) -> tuple[tuple[frozenset[str], str], ...]:
    """(the other words, the generic head) of each of the entity's names that ends in a
    generic head ("Warsaw", "summit" of "the Warsaw Summit")."""
    out = []
    for name in value.folded_names:
        *rest, head = name.split() or [""]
        kept = frozenset(w for w in rest if w not in TIES)
        if kept and head in GENERIC_HEADS:
            out.append((kept, head))
    return tuple(out)


def _shown_sentences(pack: Pack, spans: list[tuple[str, int, int]]) -> list[str]:
    """The sentences of the paragraphs a feedback shows."""
    index = index_of(pack)
    return [
        s.text
        for src, start, _ in spans
        for s in index.source(src).sentences_in(index.source(src).paragraph(start))
    ]


def _waited_for(before: list[set[int]], j: int, rest: set[int]) -> set[int]:
    """The questions j waits for, directly or through others, among those not yet placed."""
    seen: set[int] = set()
    todo = [j]
    while todo:
        for i in before[todo.pop()] & rest:
            if i not in seen:
                seen.add(i)
                todo.append(i)
    return seen


def _paragraphs(pack: Pack, q: Question) -> list[tuple[str, int, int]]:
    return _spans(pack, q.origin.quotes)


def _spans(pack: Pack, quotes: Iterable[Quote]) -> list[tuple[str, int, int]]:
    """The paragraphs the quotes stand in: what a feedback shows around them (found by the
    pack's index, which keeps every paragraph it found)."""
    index = index_of(pack)
    out = []
    for x in quotes:
        if x.source in pack.sources:
            text = index.source(x.source)
            out.append((x.source, text.bounds(x.start)[0], text.bounds(max(x.start, x.end - 1))[1]))
    return out


def _proof_spans(pack: Pack, q: Question) -> list[tuple[str, int, int]]:
    """The passages a feedback elsewhere gives the question away by: its first; all of them
    for a list (a select-all, a question over many facts), which one passage does not
    answer unless it holds them all; none for a time order."""
    if q.kind == "order":
        return []
    many = q.kind == "multi" or len(q.facts) > 2
    return [(x.source, x.start, x.end) for x in (q.origin.quotes if many else q.origin.quotes[:1])]


def _uncut(pack: Pack, q: Question) -> tuple[list[str], list[_Figure]]:
    """What a question shows whatever comes after it, its quotes (no feedback cuts them),
    prompt and options; and what it asks (`_asked`). Once per pack and question."""
    memo = index_of(pack).memo
    key = ("uncut", q.id, q.options)  # a choice's options are the seed's
    found = memo.get(key)
    if found is None:
        asked = [] if q.kind == "order" else _asked(pack, q)
        found = memo[key] = ([*_quoted(pack, q), q.prompt, *q.options], asked)
    return cast("tuple[list[str], list[_Figure]]", found)


def _quoted(pack: Pack, q: Question) -> list[str]:
    return [
        pack.sources[x.source].text[x.start : x.end]
        for x in q.origin.quotes
        if x.source in pack.sources
    ]


def _all_inside(proofs: list[tuple[str, int, int]], spans: list[tuple[str, int, int]]) -> bool:
    return bool(proofs) and all(_inside([p], spans) for p in proofs)


def _inside(proofs: list[tuple[str, int, int]], spans: list[tuple[str, int, int]]) -> bool:
    return any(ps == ss and s <= a and b <= e for ps, a, b in proofs for ss, s, e in spans)


def _draw(
    draws: _Draws, kind: str, state: _Round, rng: random.Random, seed: int, strict: int
) -> Question | None:
    if kind == "order" and state.order_prompt in state.prompts:
        return None
    tried: set[str] = set()
    draws_left = ATTEMPTS * 4  # a small kind is drawn until each of its slots was seen
    while len(tried) < ATTEMPTS * BEST_OF and draws_left > 0:
        picked: list[Slot] = []
        for _ in range(BEST_OF if strict else 1):
            draws_left -= 1
            slot = draws.draw(kind, rng, state)
            if slot is None or slot.id in tried:
                continue
            tried.add(slot.id)
            if state.allows_slot(draws.pack, slot) and not (
                strict >= APART and state.shows_each_other(draws.pack, slot.kind, slot.facts)
            ):
                if strict >= SPREAD and state.hinted(
                    draws.pack, slot.kind, slot.facts, slot.direction, shown=strict >= STRICT
                ):
                    continue  # its answer is another's: not built, to be refused
                picked.append(slot)
        # stable: ties keep the draw order
        picked.sort(key=lambda s: (state.relation_load(draws.pack, s), state.topic_load(s)))
        for slot in picked:
            question = slot.build(seed)
            if question is not None and state.allows(draws.pack, question, strict):
                return question
    return None


def _any_of(
    draws: _Draws, kind: str, state: _Round, seed: int, strict: int = ANY
) -> Question | None:
    """The first question of the kind, in the pack's order, the round may take at the level
    (ANY or UNANSWERED), among its first ANY_OF slots: enough for every slot of a kind in a
    pack of a few hundred facts, and a bound on a round's cost in a pack of thousands."""
    for slot in itertools.islice(draws.every(kind), ANY_OF):
        if state.allows_slot(draws.pack, slot):
            question = slot.build(seed)
            if question is not None and state.allows(draws.pack, question, strict):
                return question
    return None


DATED_IN_ROUND = 1  # events of a round's time order the other questions' quotes may date


def rules_out_options(pack: Pack, q: Question, others: Iterable[Question]) -> bool:
    """Whether the question shows a fact that proves another's wrong option wrong, or has a
    wrong option another's shown fact proves wrong: the feedback of "James Gadsden held the
    post of Secretary of State" (False: he was the U.S. Minister to Mexico) strikes an option
    of "Which office did William Marcy hold?", and the feedback of a wrong pick there says
    whose post it was (the twenty-second reading: 25 Gadsden rounds of 60 held such a pair).
    A fact is shown by the sentences a feedback quotes whole (`shown_facts`): "Who declared
    the Mesilla Valley U.S. territory?" shows Governor Lane's office too (the twenty-fourth
    reading). A round keeps them apart while it has other questions (level UNANSWERED): in
    a small pack every question has a neighbour's value for an option."""
    held = list(others)
    facts = {f for o in held for f in shown_facts(pack, o.kind, o.facts)}
    wrong = {w.fact for o in held for _, w in o.origin.why_wrong}
    return _rules_out(pack, q, facts, wrong)


def _rules_out(pack: Pack, q: Question, facts: set[str], wrong_facts: set[str]) -> bool:
    return any(w.fact in facts for _, w in q.origin.why_wrong) or any(
        f in wrong_facts for f in shown_facts(pack, q.kind, q.facts)
    )


def shown_facts(pack: Pack, kind: str, facts: tuple[str, ...]) -> frozenset[str]:
    """The facts a question's feedback proves whatever comes later: its own, and those
    whose quote lies inside the sentences its quotes touch, which no feedback cuts ("Governor
    William Lane of New Mexico declared …" proves Lane's office beside what he declared)."""
    memo = index_of(pack).memo
    key = ("shown facts", kind, facts)
    found = memo.get(key)
    if not isinstance(found, frozenset):
        _, own, *_ = _answered_of(pack, kind, facts)
        quotes = _first_quotes(pack)
        inside: set[str] = set()
        for src, start, end, _ in own:
            at = quotes.get(src, [])
            for q_start, q_end, fact in at[bisect.bisect_left(at, (start, -1, "")) :]:
                if q_start >= end:
                    break
                if q_end <= end:
                    inside.add(fact)
        found = memo[key] = frozenset({*facts, *inside})
    return found


def _first_quotes(pack: Pack) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, fact) of every fact's first quote, by source, in order: which facts a
    sentence proves, found by bisection (a pack of 4000 facts made a round of ten eight
    times slower when each question weighed every fact)."""
    memo = index_of(pack).memo
    found = memo.get(("first quotes",))
    if not isinstance(found, dict):
        table: dict[str, list[tuple[int, int, str]]] = {}
        for f in pack.facts:
            for x in f.evidence[:1]:
                table.setdefault(x.source, []).append((x.start, x.end, f.id))
        found = memo[("first quotes",)] = {k: sorted(v) for k, v in table.items()}
    return cast("dict[str, list[tuple[int, int, str]]]", found)


def dates_an_order(pack: Pack, q: Question, others: Iterable[Question]) -> bool:
    """Whether a time order among the questions would have more than DATED_IN_ROUND of its
    events dated by the other questions' quotes, each read with its prompt: quotes are never
    cut, and "on 29 March 2004", "(2005 – 2013)" and "in spring 2014" dated three events of
    four before an order in a reader's round (the twenty-first reading), the order's own
    quotes answering two of those questions, so it could not come first."""
    held = [*others, q]
    for o in (c for c in held if c.kind == "order"):
        events = _asked(pack, o)
        dated: set[int] = set()
        for c in held:
            if c is not o:
                read = [" ".join([*_quoted(pack, c), c.prompt])]
                dated |= {e for e, fig in enumerate(events) if _shows(read, [fig])}
        if len(dated) > DATED_IN_ROUND:
            return True
    return False


@dataclass
class _Round:
    chosen: list[Question] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    prompts: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)  # (fact, kind)
    facts: set[str] = field(default_factory=set)
    derived: set[str] = field(default_factory=set)  # facts one chosen derives its value from
    sentences: set[tuple[str, int]] = field(default_factory=set)
    topics: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    order_prompt: str = order.PROMPT  # the pack's: every order question asks it
    truths: Counter[bool] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    feedback: list[_Feedback] = field(default_factory=list)  # of each question chosen
    numbers: list[_Numbers] = field(default_factory=list)  # of each chosen one asking a figure
    # of each question chosen: what its feedback shows and answers (`_answer_each_other`)
    answered: list[_Answered] = field(default_factory=list)
    # the facts that prove a chosen question's wrong options wrong (`rules_out_options`)
    wrong_facts: set[str] = field(default_factory=set)
    shown: set[str] = field(default_factory=set)  # the facts the chosen ones' feedback proves
    answers: set[object] = field(default_factory=set)  # what the chosen recall questions ask
    # the dates and figures the chosen ones' feedback shows (`_shown_values`), and their
    # true/false statements state (`_stated`)
    shown_values: set[object] = field(default_factory=set)
    stated: set[object] = field(default_factory=set)

    def allows_slot(self, pack: Pack, slot: Slot) -> bool:
        if slot.id in self.ids or any((f, slot.kind) in self.pairs for f in slot.facts):
            return False
        if slot.kind == "order" and self.order_prompt in self.prompts:
            return False  # every order question has the same prompt: one per round
        if self._reused(slot.facts):
            return False
        if _figures_clash(_numbers(pack, slot.kind, slot.facts), self.numbers):
            return False
        return not any(self.answering(pack, slot.kind, slot.facts))

    def allows(self, pack: Pack, q: Question, strict: int) -> bool:
        """Whether the round may take the question: the hard rules always; at UNANSWERED and
        above no two questions whose feedbacks answer each other, nor one whose fact rules
        out another's wrong option (`rules_out_options`); at SPREAD no relation past
        RELATION_CAP nor a recall question whose answer another has (`hinted`); at STRICT
        none whose answer another shows, and no answer sentence twice; at APART no proof
        shown by another question's feedback, either way."""
        if q.id in self.ids or q.prompt in self.prompts:
            return False
        if any((f, q.kind) in self.pairs for f in q.facts) or self._reused(q.facts):
            return False
        if apart.clash(pack, q, self.chosen) is not None:
            return False  # its prompt or options would answer a question asked, or the reverse
        if self.shown_both_ways(pack, q):
            return False
        answering = self.answering(pack, q.kind, q.facts)
        if any(answering):
            return False
        if dates_an_order(pack, q, self.chosen):
            return False
        if not strict:
            return True
        if answering:
            return False
        if self.rules_out_options(pack, q):
            return False
        if strict < SPREAD:
            return True
        if any(self.relations[r] >= RELATION_CAP for r in relations_of(pack, q.facts)):
            return False
        if self.hinted(
            pack, q.kind, q.facts, _direction(q), shown=strict >= STRICT, stated=_stated(q)
        ):
            return False
        if strict < STRICT:
            return True
        # a question over many facts has no one answer sentence to spread
        if len(q.facts) <= 2 and _sentence(pack, q) in self.sentences:
            return False
        return strict < APART or not self.shows_each_other(pack, q.kind, q.facts)

    def shown_both_ways(self, pack: Pack, q: Question) -> bool:
        """Whether what the question shows whatever comes after it (its quotes, which no
        feedback cuts, its prompt and options) answers a question chosen, and that one's
        answers it: no order mends the pair. Two false statements on one office each other's
        (`_held_by_others`): "James Gadsden held the post of Secretary of State" beside
        "William Marcy held the post of U.S. Minister to Mexico", each quote naming the
        other's office with its holder."""
        return shown_both_ways(pack, q, self.chosen)

    def hinted(
        self,
        pack: Pack,
        kind: str,
        facts: tuple[str, ...],
        direction: str | None,
        *,
        shown: bool = True,
        stated: frozenset[object] = frozenset(),
    ) -> bool:
        """Whether a recall question's answer is one a question chosen asks too, or, with
        `shown`, a date or figure one's feedback shows, or its own feedback shows the date or
        figure one asks: the familiar option is a guess ("29 March 2004: Lithuania becomes a
        member of NATO" in a time order's feedback, then the air policing's start asked with
        that date among made-up ones: the twenty-eighth reading). The second is the weaker
        hint, dropped a level sooner (STRICT), so a round short of questions keeps the first.
        A true/false statement's date or figure (`stated`) weighs there as an answer does:
        "Lithuania joined NATO on 29 March 2004", then "The Baltic Air Policing Mission
        began on 29 March 2004" (the twenty-ninth reading)."""
        mine = _answer_values(pack, kind, facts, direction)
        if self.answers & mine:
            return True
        asked = self.answers | self.stated
        seen = self.shown_values | self.stated
        return shown and bool(
            asked & (_shown_values(pack, kind, facts) | stated) or (mine | stated) & seen
        )

    def rules_out_options(self, pack: Pack, q: Question) -> bool:
        return _rules_out(pack, q, self.shown, self.wrong_facts)

    def shows_each_other(self, pack: Pack, kind: str, facts: tuple[str, ...]) -> bool:
        """Whether a question's feedback and one already chosen would show each other's proof,
        either way: reckoned from the facts' evidence, so a slot is judged before it is built."""
        paragraphs, proofs = _feedback_of(pack, kind, facts)
        return any(
            _all_inside(proofs, shown) or _all_inside(proved, paragraphs)
            for shown, proved in self.feedback
        )

    def answering(self, pack: Pack, kind: str, facts: tuple[str, ...]) -> list[bool]:
        """For each question chosen whose feedback and this one's would answer each other
        (`_answer_each_other`), whether a round never holds the two (`_never_together`)."""
        mine = _answered_of(pack, kind, facts)
        return [_never_together(mine, t) for t in self.answered if _answer_each_other(mine, t)]

    def _reused(self, facts: tuple[str, ...]) -> bool:
        """Whether a question would ask again about facts already asked: any of them for a
        question on one or two facts, more than one for an ordering or select-all question
        over many (one shared event does not make it the same question)."""
        used = sum(1 for f in facts if f in self.facts or f in self.derived)
        return used > (1 if len(facts) > 2 else 0)

    def add(self, pack: Pack, q: Question) -> None:
        self.chosen.append(q)
        self.ids.add(q.id)
        self.prompts.add(q.prompt)
        self.pairs.update((f, q.kind) for f in q.facts)
        self.facts.update(q.facts)
        linked = pack.derived(_derived_values)
        self.derived.update(g for f in q.facts for g in linked.get(f, ()))
        self.wrong_facts.update(w.fact for _, w in q.origin.why_wrong)
        self.shown.update(shown_facts(pack, q.kind, q.facts))
        self.answers.update(_answer_values(pack, q.kind, q.facts, _direction(q)))
        self.shown_values.update(_shown_values(pack, q.kind, q.facts))
        self.stated.update(_stated(q))
        self.topics.update(q.topics)
        self.kinds[q.kind] += 1
        self.relations.update(relations_of(pack, q.facts))
        if q.kind == "true_false" and not q.origin.hand_written:
            self.truths[q.id.endswith(":true")] += 1
        self.sentences.add(_sentence(pack, q))
        self.feedback.append(_feedback_of(pack, q.kind, q.facts))
        self.answered.append(_answered_of(pack, q.kind, q.facts))
        numbers = _numbers(pack, q.kind, q.facts)
        if numbers[0]:
            self.numbers.append(numbers)

    def relation_load(self, pack: Pack, slot: Slot) -> int:
        return max((self.relations[r] for r in relations_of(pack, slot.facts)), default=0)

    def topic_load(self, slot: Slot) -> int:
        return min((self.topics[t] for t in slot.topics), default=0)


_RECALL = frozenset({"choice", "typed", "number"})


def _direction(q: Question) -> str | None:
    claim = q.origin.claim
    return None if claim is None else claim.direction


def _answer_values(
    pack: Pack, kind: str, facts: tuple[str, ...], direction: str | None
) -> frozenset[object]:
    """The values a recall question (or its slot) asks for, an entity by its id: two
    questions of a round keyed by one value read as a hint ("Vilnius" for the first unit,
    then for the centre; 29 March 2004 for accession, then for the air policing: the
    twenty-sixth reading)."""
    if kind not in _RECALL or direction is None:
        return frozenset()
    out: set[object] = set()
    for f in facts:
        fact = pack.fact_by_id.get(f)
        if fact is not None:
            value = fact.object if direction == "forward" else fact.subject
            out.add(value.id if isinstance(value, Entity) else value)
    return frozenset(out)


def _stated(q: Question) -> frozenset[object]:
    """The date or figure a true/false statement states, true or false."""
    claim = q.origin.claim
    if q.kind != "true_false" or claim is None:
        return frozenset()
    return frozenset(v for v in claim.values if isinstance(v, (When, Number)))


def _shown_values(pack: Pack, kind: str, facts: tuple[str, ...]) -> frozenset[object]:
    """The dates and figures of the facts a question's feedback proves (`shown_facts`), as
    `_answer_values` gives them: what a student has just read beside another event."""
    by_id = pack.fact_by_id
    return frozenset(
        value
        for f in shown_facts(pack, kind, facts)
        if f in by_id
        for value in (by_id[f].subject, by_id[f].object)
        if isinstance(value, (When, Number))
    )


def relations_of(pack: Pack, facts: Iterable[str]) -> frozenset[str]:
    """The relations a question's facts belong to: what a round spreads beside its facts
    (none for a time order over many relations, which repeats none of them)."""
    by_id = pack.fact_by_id
    found = frozenset(by_id[f].relation.id for f in facts if f in by_id)
    return found if len(found) <= 2 else frozenset()


def _sentence(pack: Pack, q: Question) -> tuple[str, int]:
    """The sentence a question's main passage starts in: rounds spread these."""
    quote = q.quote
    text_of = index_of(pack).source(quote.source)
    found = text_of.sentence(quote.start, quote.start)
    return (quote.source, found.start if found is not None else quote.start)


class _Draws:
    """Random slots of one kind, drawn without listing every slot of the pack: a relation is
    picked in proportion to its facts, then one of its facts."""

    def __init__(self, pack: Pack, kinds: tuple[str, ...] | None, topics: tuple[str, ...] | None):
        self.pack = pack
        self.kinds = set(kinds) if kinds else set(KIND_NAMES)
        self.topics = set(topics) if topics else None
        self._families: dict[str, tuple[list[tuple[str, list[Fact]]], list[int]]] = {}
        self._orders: int | None = None
        self._order_slots: dict[int, Slot | None] = {}
        self._hand: list[Slot] | None = None

    def has(self, kind: str) -> bool:
        if kind not in self.kinds:
            return False
        if kind == "order":
            return bool(self.orders())
        if kind in PER_FACT or kind == "multi":
            return bool(self.families(kind)[0])
        return any(s.kind == kind for s in self.hand())

    def families(
        self, kind: str, variant: str | None = None
    ) -> tuple[list[tuple[str, list[Fact]]], list[int]]:
        """(variant, facts) of every relation that can ask the kind (in that variant only, if
        one is given), and running totals."""
        key = kind if variant is None else f"{kind}:{variant}"
        found = self._families.get(key)
        if found is None:
            fams: list[tuple[str, list[Fact]]] = []
            for r in self.pack.relations.values():
                facts = self._facts(r.id)
                if facts:
                    fams.extend(
                        (v, facts) for v in variants(r, kind) if variant is None or v == variant
                    )
            totals = []
            running = 0
            for _, facts in fams:
                running += len(facts)
                totals.append(running)
            found = self._families[key] = (fams, totals)
        return found

    def _facts(self, relation_id: str) -> list[Fact]:
        facts = self.pack.facts_by_relation.get(relation_id, ())
        if self.topics is None:
            return list(facts)
        return [f for f in facts if self.topics & set(f.topics)]

    def orders(self) -> int:
        """How many order groups the pack has (each is built only when drawn)."""
        if self._orders is None:
            self._orders = order.group_count(self.pack)
        return self._orders

    def hand(self) -> list[Slot]:
        if self._hand is None:
            self._hand = [
                s for s in (hand_slot(self.pack, q) for q in self.pack.questions) if self._wanted(s)
            ]
        return self._hand

    def _wanted(self, slot: Slot) -> bool:
        return self.topics is None or bool(self.topics & set(slot.topics))

    def draw(self, kind: str, rng: random.Random, state: _Round) -> Slot | None:
        hand = [s for s in self.hand() if s.kind == kind]
        if kind == "order":
            if not self.orders():
                return None
            number = rng.randrange(self.orders())
            if number not in self._order_slots:
                found = order.group(self.pack, number)
                slot = order_slot(self.pack, found) if found is not None else None
                self._order_slots[number] = slot if slot and self._wanted(slot) else None
            return self._order_slots[number]
        if kind not in PER_FACT and kind != "multi":
            return rng.choice(hand) if hand else None
        fams, totals = self.families(kind)
        if kind == "true_false":  # the truth value asked less so far, where one can be made
            wanted = self._truth(rng, state)
            fams, totals = self.families(kind, wanted)
            if not totals:
                fams, totals = self.families(kind, "false" if wanted == "true" else "true")
        if not totals:
            return rng.choice(hand) if hand else None
        # hand-written questions of the kind take their share beside the generated ones
        pick = rng.randrange(totals[-1] + len(hand))
        if pick >= totals[-1]:
            return hand[pick - totals[-1]]
        i = bisect.bisect_right(totals, pick)
        variant, facts = fams[i]
        fact = facts[pick - (totals[i - 1] if i else 0)]
        made = per_fact(self.pack, kind, variant, fact)
        if not isinstance(made, Slot) or not self._wanted(made):
            return None
        return made

    def every(self, kind: str) -> Iterator[Slot]:
        """Every slot of a kind drawn fact by fact (a time order has its own walk: none)."""
        if kind == "order":
            return
        yield from (s for s in self.hand() if s.kind == kind)
        if kind not in PER_FACT and kind != "multi":
            return
        for variant, facts in self.families(kind)[0]:
            for fact in facts:
                made = per_fact(self.pack, kind, variant, fact)
                if isinstance(made, Slot) and self._wanted(made):
                    yield made

    def _truth(self, rng: random.Random, state: _Round) -> str:
        """Mostly the truth value asked less so far in the round (either, when even): a
        preference, not a rule, so a round whose false statements all fail still gets one."""
        if state.truths[True] == state.truths[False] or rng.random() < 0.25:
            return rng.choice(("true", "false"))
        return "true" if state.truths[True] < state.truths[False] else "false"
