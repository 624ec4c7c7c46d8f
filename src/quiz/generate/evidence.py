"""'Which sentence proves this?': judging evidence, not matching strings.

The claim is the fact's statement, and it must be a paraphrase: it shares no
run of RUN words with the sentence that proves it, so the right sentence cannot
be found by spotting a copied phrase. That sentence must state the whole claim
(name the subject and hold the object: the date, the number, the thing), or
there is no question: a fact that needs two sentences is not asked this way.

It must not be a trimmed copy either (most of its words taken from the proof
in another order or with a few dropped): TRIMMED of its content words at most.

The wrong sentences are near misses, so that one keyword cannot pick the
answer: some name the claim's subject but say nothing of its object; some hint
at the object (its date, number or name) but are about something else (they
name no other form of the subject and hold no word that could stand for it:
"it", "they", "the Alliance"); the rest share a key term or the paragraph. None
can prove the claim: it never names the subject and touches the object
together, holds none of the fact's quotes, and is not evidence for the same
relation and subject (a sentence on "eFP in the Baltic states" would prove
"… in Latvia"). Fragments too short to state anything ("And it proved wise.")
are never offered.

A sentence keys at most KEYED_PER_SENTENCE questions (the first facts in pack
order whose claims differ: two claims naming each other's subject and object
are one fact under two ids), so one sentence does not answer a round.
"""

from __future__ import annotations

import bisect
import math
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import chain
from typing import cast

from quiz.generate.distractors import named_entities
from quiz.generate.from_facts import in_title
from quiz.generate.index import Sentence, index_of, shuffled
from quiz.generate.refusal import Refusal, Said, said
from quiz.generate.wording import STOPWORDS, explanation, names_in, noun, unframed
from quiz.lang import N_
from quiz.languages import Language, english
from quiz.languages import get as language_of
from quiz.numbers import numbers_in, spelled
from quiz.packs.model import Entity, Fact, Number, Pack, Quote, Value, When
from quiz.packs.quotes import sentences, sentences_touching
from quiz.question import One, Origin, Question
from quiz.text import contains_phrase, fold

OPTIONS = 4
RUN = 6  # a claim may not copy this many words in a row from its proof
MIN_WORDS = 6  # shorter sentences state too little to be weighed as proof
TRIMMED = 0.75  # a claim with more of its content words from its proof is a trimmed copy
CLAIMED = 2  # a word of the claim weighs this many times one of its proof alone
KEYED_PER_SENTENCE = 2  # evidence questions one sentence may answer
# Words that may stand for a subject a sentence does not name: such a sentence never hints
# at the claim's object, or it could prove the claim in other words.
STANDS_FOR = english().stands_for  # English; a pack's own are `pack.lang.stands_for`


def evidence(pack: Pack, fact: Fact, rng: random.Random) -> Question | Refusal:
    found = paraphrased_proof(pack, fact)
    if isinstance(found, Refusal):
        return found
    sentence, quote, claim = found
    word = noun(pack, quote.source)
    owner = _owner(pack, fact, sentence)
    if owner is not fact:
        return Refusal(
            said(
                N_(
                    "its sentence already proves fact '{id}' (one evidence question per "
                    "sentence, subject and relation)"
                ),
                id=owner.id,
            )
        )
    keyed = keyed_by(pack, quote.source, sentence)
    if fact.id not in keyed:
        return Refusal(
            said(
                N_(
                    "its sentence already keys the evidence questions of {ids} (at most {n} per "
                    "sentence, and one per claim)"
                ),
                ids=", ".join(keyed),
                n=KEYED_PER_SENTENCE,
            )
        )
    # the second question on a sentence offers a sentence the first could never offer, so
    # the two never show one option set
    first = pack.fact_by_id[keyed[0]] if keyed.index(fact.id) > 0 else None
    terms = distinctive_terms(pack, claim, sentence.text)
    if terms and not _named_elsewhere(pack, fact, quote.source, sentence, terms):
        return _one_word_finds(terms)  # whatever sentences were drawn: refused before the draw
    wrong = near_misses(pack, fact, claim, quote.source, sentence, rng, unlike=first)
    lone = _lone_names(pack, fact, claim, sentence.text, wrong) or _lone_words(
        pack, claim, sentence.text, wrong
    )
    if len(wrong) >= 2 and terms and not any(near_named(pack, fact, w, terms) for w in wrong):
        lone = terms
    lone = lone or _lone_figures(pack, terms, wrong)
    if len(wrong) >= 2 and lone:
        return _one_word_finds(lone)
    if len(wrong) < 2:
        return Refusal(
            said(
                N_(
                    "needs two other sentences on the claim's topic that do not name its "
                    "answer; found {n}"
                ),
                n=len(wrong),
            ),
            said(
                N_("quote more sentences about {subject} in facts of any relation"),
                subject=fact.subject.display,
            ),
        )
    if stands_out_by_length(sentence.text, wrong):
        shorter = len(sentence.text) < min(len(w) for w in wrong)
        return Refusal(
            said(
                N_(
                    "the sentence that proves it is much shorter than every other sentence "
                    "that could be offered, so its length finds the answer"
                )
                if shorter
                else N_(
                    "the sentence that proves it is much longer than every other sentence "
                    "that could be offered, so its length finds the answer"
                )
            )
        )  # no fix: the fact is asked in the other kinds (the sentences are the source's)
    matched, closest = matched_words(claim, sentence.text, wrong, pack.lang.stopwords)
    if matched:
        return Refusal(
            said(
                N_(
                    "the statement shares {n} words with the sentence that proves it ({words}) "
                    "and at most {m} with any other option, so the answer could be found by "
                    "matching words"
                ),
                n=len(matched),
                words=", ".join(repr(w) for w in matched),
                m=closest,
            ),
            said(
                N_("paraphrase the `statement` template of relation '{relation}'"),
                relation=fact.relation.id,
            ),
        )
    options = [sentence.text, *wrong]
    rng.shuffle(options)
    return Question(
        id=f"{fact.id}:evidence",
        kind="evidence",
        prompt=pack.lang.frame("evidence", noun=word, claim=claim),
        options=tuple(options),
        topics=fact.topics,
        key=One(options.index(sentence.text)),
        origin=Origin(facts=(fact.id,), quotes=(quote,), explanation=explanation(pack, fact)),
    )


def _one_word_finds(terms: tuple[str, ...]) -> Refusal:
    return Refusal(
        said(
            N_(
                "no other sentence of the source that could be offered names {terms}, so "
                "that one word finds the answer"
            ),
            terms=", ".join(repr(t) for t in terms),
        ),
    )  # no fix: the fact is asked in the other kinds (a near-miss sentence is the source's)


def _named_elsewhere(
    pack: Pack, fact: Fact, source: str, answer: Sentence, terms: tuple[str, ...]
) -> bool:
    """Whether any sentence `near_misses` could offer for the fact is a near miss by name
    (`near_named`). If none is, the question is refused whatever sentences are drawn, and
    without weighing any: 11 of the 23 bundled evidence questions that reached
    `near_misses` were refused that way, each after weighing every candidate sentence.
    Only the sentences that
    hold a word of a term or of the subject's names are weighed, found in the source's word
    table; with a figure among the terms, or a subject that is no entity (a figure can be
    written in many ways), the answer is yes and the drawn sentences decide."""
    if any(t[:1].isdigit() for t in terms) or not isinstance(fact.subject, Entity):
        return True
    names: list[str] = [] if in_title(pack, fact.subject) else list(fact.subject.folded_names)
    for t in terms:
        entity = _display_of(pack, t)
        names.append(fold(t))
        if entity is not None:
            names.extend(entity.folded_names)
        if entity is not None and entity.display.split():
            names.append(fold(entity.display.split()[-1]))  # `_head_in`
    by_word = _sentences_by_word(pack, source)
    barred = _barred(pack, fact, source, answer)
    text_of = index_of(pack).source(source)
    starts = {at for n in names if n for at in by_word.get(max(n.split(), key=len), ())}
    for start in sorted(starts - barred):
        s = text_of.at(start)
        if s is None or near_named(pack, fact, s.text, terms):
            return True  # (a sentence the index cannot find again is not ruled out)
    return False


def _barred(pack: Pack, fact: Fact, source: str, answer: Sentence) -> set[int]:
    """The sentences (by start) never offered as wrong: the proof, and the proofs of the facts
    of the same relation and subject (another of the eight contributors is no near miss)."""
    barred = {answer.start}
    for f in index_of(pack).facts_for(fact.relation, "forward", fact.subject):
        barred |= _sentences_of(pack, f, source)
    return barred


SHOWN_CHARS = 320  # of a sentence quoted in a refusal, before "…"


def quoted_in(pack: Pack, fact: Fact) -> str:
    """The sentence(s) the fact's first quote stands in, as the refusal's last words: an author
    who quoted a whole sentence sees how the program split it (a cut at an abbreviation, a
    quote that runs over two sentences), not only that the proof was not found."""
    quote = next(iter(fact.evidence), None)
    source = pack.sources.get(quote.source) if quote is not None else None
    if quote is None or source is None:
        return ""
    shown = []
    for s in sentences_touching(source.text, quote.start, quote.end):
        text = " ".join(source.text[s.start : s.end].split())
        cut = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
        shown.append(f"“{cut}”")
    if len(shown) == 1:
        return said(N_("; its quote stands in the sentence {sentence}"), sentence=shown[0])
    if shown:
        return Said.ngettext(
            "; its quote runs over {n} sentence: {sentences}",
            "; its quote runs over {n} sentences: {sentences}",
            len(shown),
            n=len(shown),
            sentences=" | ".join(shown),
        )
    return ""


def paraphrased_proof(pack: Pack, fact: Fact) -> tuple[Sentence, Quote, str] | Refusal:
    """The sentence proving the fact, its quote and the claim, or why the claim cannot be
    weighed against the source: no one sentence states it, or the claim copies its proof, or
    names a code word ('SNMCMG1') no other sentence holds. The same at every seed, so worked
    out once per pack and fact."""
    memo = index_of(pack).memo
    key = ("paraphrased proof", fact.id)
    stored = memo.get(key)
    if stored is None:
        stored = memo[key] = _paraphrased_proof(pack, fact)
    return cast("tuple[Sentence, Quote, str] | Refusal", stored)


def _paraphrased_proof(pack: Pack, fact: Fact) -> tuple[Sentence, Quote, str] | Refusal:
    found = proof(pack, fact)
    if found is None:
        return Refusal(
            said(
                N_(
                    "no quote of the fact stands in one sentence naming both {subject} and "
                    "{object}{quoted}"
                ),
                subject=repr(fact.subject.display),
                object=repr(fact.object.display),
                quoted=quoted_in(pack, fact),
            ),
            said(
                N_(
                    "quote the sentence that states the whole claim (give an entity an alias if "
                    "the source names it otherwise)"
                )
            ),
        )
    sentence, quote = found
    claim = unframed(fact.statement, noun(pack, quote.source), pack.lang)
    if copies_run(claim, sentence.text):
        return Refusal(
            said(
                N_(
                    "the statement copies {n} words in a row from the sentence that proves it, "
                    "so the answer could be found by matching words"
                ),
                n=RUN,
            ),
            said(
                N_("paraphrase the `statement` template of relation '{relation}'"),
                relation=fact.relation.id,
            ),
        )
    if trimmed_copy(claim, sentence.text, pack.lang.stopwords):
        return Refusal(
            said(
                N_(
                    "the statement is a trimmed copy of the sentence that proves it (most of its "
                    "words are the sentence's), so the answer could be found by matching words"
                )
            ),
            said(
                N_("paraphrase the `statement` template of relation '{relation}'"),
                relation=fact.relation.id,
            ),
        )
    code = lone_code(claim, sentence, index_of(pack).source(quote.source).text)
    if code is not None:
        return Refusal(
            said(
                N_(
                    "the statement names {code}, which stands in no sentence of the source but "
                    "the one that proves it, so that one word finds the answer"
                ),
                code=repr(code),
            ),
            said(
                N_(
                    "let another fact on the same sentence be asked this way, or quote a "
                    "sentence that names {code} without proving the claim"
                ),
                code=repr(code),
            ),
        )
    return sentence, quote, claim


def proof(pack: Pack, fact: Fact) -> tuple[Sentence, Quote] | None:
    """The first quote of the fact whose one sentence states the whole claim."""
    index = index_of(pack)
    for quote in fact.evidence:
        sentence = index.source(quote.source).sentence(quote.start, quote.end)
        if sentence is None:
            continue
        if states(sentence.text, fact.subject) and states(sentence.text, fact.object):
            return sentence, quote
    return None


def _owner(pack: Pack, fact: Fact, sentence: Sentence) -> Fact:
    """The fact whose evidence question a sentence is: one per subject, relation and sentence
    (the eight contributors of one list share one proof, and eight questions with one answer
    would test the same thing), the first in pack order."""
    for other in index_of(pack).facts_for(fact.relation, "forward", fact.subject):
        if other is fact:
            return fact
        found = proof(pack, other)
        if found is not None and found[0] == sentence and not other.background:
            return other
    return fact


def near_misses(
    pack: Pack,
    fact: Fact,
    claim: str,
    source: str,
    answer: Sentence,
    rng: random.Random,
    unlike: Fact | None = None,
) -> list[str]:
    """Up to OPTIONS - 1 sentences on the claim's topic (naming its subject, sharing one of
    its key terms, or standing in its paragraph) that do not prove it; with `unlike`, one of
    them a sentence that fact's question could not offer (none, if there is no such one)."""
    index = index_of(pack)
    text_of = index.source(source)
    barred = _barred(pack, fact, source, answer)
    found: list[int] = list(_about(pack, fact.subject, source))  # about the same subject
    found.extend(_about(pack, fact.object, source))  # about the object: near misses on it
    related = pack.facts_by_relation.get(fact.relation.id, ())
    for f in _take(shuffled(related, rng), 8):  # the same relation, another subject
        found.extend(_sentences_of(pack, f, source))
    topical = [f for f in _sharing_a_topic(pack, fact.topics) if f is not fact]
    for f in _take(shuffled(topical, rng), 12):  # the same topic ("institutions", "threats")
        found.extend(_sentences_of(pack, f, source))
    for p in (answer.paragraph, *text_of.neighbours(answer.paragraph)):  # nearby
        found.extend(s.start for s in text_of.sentences_in(p))
    wanted = distinctive_terms(pack, claim, answer.text)
    lang = pack.lang
    stop = lang.stopwords
    terms = key_terms(claim, stop)
    quotes = [q.text for q in fact.evidence]
    subject_misses: list[str] = []  # name the subject, nothing of the object
    object_misses: list[str] = []  # hint at the object, about something else
    others: list[str] = []  # share a key term or the paragraph
    seen = {fold(answer.text)}
    start_of: dict[str, int] = {}
    first_named = _first_named(pack, fact.subject, source)
    pools = {"subject": subject_misses, "object": object_misses, "topic": others}

    def sort_out(starts: set[int]) -> None:
        for start in shuffled(sorted(starts - barred), rng):
            s = text_of.at(start)
            if s is None or len(fold(s.text).split()) < MIN_WORDS or fold(s.text) in seen:
                continue
            if any(q in s.text for q in quotes):
                continue
            kind = near_miss(
                s.text,
                fact,
                terms,
                s.paragraph == answer.paragraph,
                lang,
                after_subject=first_named < s.start,
            )
            if kind is None:
                continue
            seen.add(fold(s.text))
            start_of[s.text] = s.start
            pools[kind].append(s.text)

    sort_out(set(found))
    if wanted and not any(
        near_named(pack, fact, t, wanted) for t in (*subject_misses, *object_misses, *others)
    ):  # none names the claim's names or dates: look for them in the whole source
        sort_out(set(_holding(pack, source, wanted)) - set(found))
    # the closest to the claim first in each kind: a sentence sharing the claim's rarer words
    # ("collective defence", "decisions") is a near miss, one sharing only "NATO" is filler
    # a sentence proving a fact of the claim's own topic is about the same thing where no
    # word shows it ("jets" and "warplanes" for the air policing's aircraft, reading 28)
    topics: dict[int, set[str]] = {}
    for f in topical:
        for start in _sentences_of(pack, f, source):
            topics.setdefault(start, set()).update(set(f.topics) & set(fact.topics))
    candidates = [*subject_misses, *object_misses, *others]
    score = topic_scores(
        (answer.text, claim),
        candidates,
        stop,
        {t: frozenset(topics.get(start_of[t], ())) for t in candidates},
    )
    # among equals, a sentence that proves no fact first: it can never be the proof of
    # another question in the round, so the question fits beside more others
    proving = _proofs(pack, source)
    for pool in (subject_misses, object_misses, others):
        jitter = {t: rng.random() for t in pool}  # ties (often: no rare word shared) by chance
        pool.sort(key=lambda t: (-score[t], start_of[t] in proving, jitter[t]))
    # one of each kind first, so neither the subject's name nor the object's picks the
    # answer; a second naming one of them, where there is one; then the closest of the rest
    chosen: list[str] = [*subject_misses[:1], *object_misses[:1]]
    named = [t for t in (*subject_misses[1:], *object_misses[1:])]
    if len(chosen) < 2 and named:
        chosen.append(max(named, key=lambda t: score[t]))
    rest = [t for t in (*subject_misses, *object_misses, *others) if t not in chosen]
    rest.sort(key=lambda t: (-score[t], start_of[t] in proving))  # stable: chance among ties
    if wanted and not any(near_named(pack, fact, t, wanted) for t in chosen):
        # a sentence naming one of the claim's names or dates, so that word alone does not
        # pick the answer ("the Mexican-American War" in a sentence about the Purchase)
        rest.sort(key=lambda t: (not near_named(pack, fact, t, wanted), start_of[t] in proving))
    chosen.extend(rest[: OPTIONS - 1 - len(chosen)])
    figures = [t for t in wanted if t[:1].isdigit()]
    if figures and not any(any(_numbers_in(t)) for t in chosen):
        # the claim's figure is the proof's alone ("14 years"): another sentence with a figure
        # in it, so the only number among the options does not pick the answer; one with the
        # claim's unit first ("for eight years (2005 – 2013)")
        units = {
            m.group(1)
            for t in figures
            for m in re.finditer(rf"(?<![\w,.]){re.escape(t)}\s+(\w+)", claim)
        }
        figured = [t for t in rest if t not in chosen and any(_numbers_in(t))]
        figured.sort(key=lambda t: not any(contains_phrase(t, u) for u in units))
        if figured:
            chosen = [*chosen[: OPTIONS - 2], figured[0]]
    chosen = _keywords_covered(pack, claim, answer.text, chosen, rest, stop)
    chosen = _lengths_mixed(pack, claim, answer.text, chosen, rest, stop)
    if unlike is not None:
        barred_too: set[int] = set()
        for f in index.facts_for(unlike.relation, "forward", unlike.subject):
            barred_too |= _sentences_of(pack, f, source)
        other_terms = key_terms(unframed(unlike.statement, noun(pack, source), lang), stop)

        def offered_by_other(text: str) -> bool:
            return (
                start_of[text] not in barred_too
                and not any(q.text in text for q in unlike.evidence)
                and near_miss(text, unlike, other_terms, True, lang) is not None
            )

        if all(offered_by_other(t) for t in chosen):
            spare = [
                t
                for t in (*subject_misses, *object_misses, *others)
                if t not in chosen and not offered_by_other(t)
            ]
            if not spare:
                return []
            chosen = [*chosen[: OPTIONS - 2], spare[0]]
    return chosen


def _keywords_covered(
    pack: Pack, claim: str, answer: str, chosen: list[str], rest: list[str], stop: frozenset[str]
) -> list[str]:
    """The wrong sentences with each content word the claim shares with its proof held by
    one of them too, where a near miss holds it: "Americans" in the proof alone found
    "Mexican officials evicted Americans from their property …" (the twentieth reading),
    though "… formally ended the Mexican-American War …" is a near miss holding it too.
    A sentence is swapped in for the last one whose words no other option needs."""
    shared = _shared_stems(pack, claim, answer, stop)
    chosen = list(chosen)
    for stem in sorted(shared):
        if any(stem in _stems(t, stop) for t in chosen):
            continue
        spare = next((t for t in rest if t not in chosen and stem in _stems(t, stop)), None)
        if spare is None:
            continue
        free = _free_places(chosen, shared, stop, claim)
        if free:
            chosen[free[-1]] = spare
    return chosen


def _shared_stems(pack: Pack, claim: str, answer: str, stop: frozenset[str]) -> frozenset[str]:
    """The content words (stems) the claim shares with its proof, but the pack title's."""
    return (_stems(claim, stop) & _stems(answer, stop)) - _stems(pack.title, stop)


def _free_places(
    chosen: list[str], shared: frozenset[str], stop: frozenset[str], claim: str
) -> list[int]:
    """The wrong sentences another may take the place of: past the first two (the subject's
    and the object's near misses), holding no shared word no other holds, and no figure where
    the claim holds one (a figure there keeps the proof's from picking it)."""
    needed = {w for w in shared if sum(w in _stems(t, stop) for t in chosen) == 1}
    figured = any(_numbers_in(claim))
    return [
        i
        for i, t in enumerate(chosen)
        if i >= 2 and not needed & _stems(t, stop) and not (figured and any(_numbers_in(t)))
    ]


LENGTH_APART = 0.75  # an answer shorter than this share of every wrong sentence stands out


def stands_out_by_length(answer: str, wrong: list[str]) -> bool:
    """Whether the answer is much shorter than every wrong sentence, or much longer: the
    test-wise pick (the twenty-second reading: 70 characters beside 98 to 162)."""
    if not wrong:
        return False
    lengths = [len(t) for t in wrong]
    return len(answer) < LENGTH_APART * min(lengths) or len(answer) * LENGTH_APART > max(lengths)


def _lengths_mixed(
    pack: Pack, claim: str, answer: str, chosen: list[str], rest: list[str], stop: frozenset[str]
) -> list[str]:
    """The wrong sentences with one swapped for a near miss nearer the answer's length where
    the answer stands out by it, among those no other rule needs (as `_keywords_covered`)."""
    if not stands_out_by_length(answer, chosen):
        return chosen
    shared = _shared_stems(pack, claim, answer, stop)
    for i in _free_places(chosen, shared, stop, claim):
        for spare in (t for t in rest if t not in chosen):
            trial = [*chosen[:i], spare, *chosen[i + 1 :]]
            if not stands_out_by_length(answer, trial):
                return trial
    return chosen


def _sharing_a_topic(pack: Pack, topics: tuple[str, ...]) -> list[Fact]:
    """The facts with one of the topics, in pack order: worked out once per set of topics
    from the facts of each topic, not by weighing every fact of the pack per question."""
    memo = index_of(pack).memo
    found_topics = memo.get(("facts by topic",))
    by_topic: dict[str, list[int]]
    if isinstance(found_topics, dict):
        by_topic = found_topics
    else:
        by_topic = {}
        memo[("facts by topic",)] = by_topic
        for i, f in enumerate(pack.facts):
            for t in f.topics:
                by_topic.setdefault(t, []).append(i)
    key = ("sharing a topic", topics)
    found = memo.get(key)
    if not isinstance(found, list):
        places = sorted({i for t in topics for i in by_topic.get(t, ())})
        found = memo[key] = [pack.facts[i] for i in places]
    return found


_WORDS = re.compile(r"[^\W_][\w'’.-]*")
_JOINERS = frozenset({"of", "the", "de"})  # inside a name: "Treaty of …", "Antonio de …"


def capital_runs(text: str) -> list[str]:
    """The runs of capitalised words of a text past its first word ("the Treaty of Guadalupe
    Hidalgo", "Mexican-American War", "Secretary of State"), joined by "of", "the" … inside."""
    runs: list[list[str]] = []
    current: list[str] = []
    for i, m in enumerate(_WORDS.finditer(text)):
        word = m.group(0).rstrip(".,")
        if i > 0 and word[:1].isupper():
            current.append(word)
            continue
        if current and word.lower() in _JOINERS:
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        while run and not run[-1][:1].isupper():
            run = run[:-1]
        if run:
            out.append(" ".join(run))
    return out


def distinctive_terms(pack: Pack, claim: str, answer: str) -> tuple[str, ...]:
    """What a student scans the options for: the claim's names, dates and figures (its runs
    of capitalised words past the first word, and its numbers) that the answer sentence holds
    too, less the pack's own subject (the words of its title, which any sentence may hold).
    If no wrong sentence holds one of them, that one word finds the answer. An entity the
    claim names stands by its name here and is found by any of its names (`holds_term`).
    Worked out once per claim and answer (an evidence question asks twice)."""
    memo = index_of(pack).memo
    key = ("distinctive terms", claim, answer)
    found = memo.get(key)
    if not isinstance(found, tuple):
        found = memo[key] = _distinctive_terms(pack, claim, answer)
    return found


def _distinctive_terms(pack: Pack, claim: str, answer: str) -> tuple[str, ...]:
    title = distinctive_words(pack.title)
    out: list[str] = []
    folded_answer = fold(answer)
    for entity_id in sorted(named_entities(pack, claim)):
        entity = pack.entities[entity_id]
        if names_in(folded_answer, entity) and not in_title(pack, entity) and proper(pack, entity):
            out.append(entity.display)
    for term in capital_runs(claim):
        if distinctive_words(term) <= title:
            continue
        if any(fold(term) in fold(t) for t in out) or _of_entity(pack, term):
            continue  # a part of a name already held ("Bosnia" of "Bosnia and Herzegovina")
        if contains_phrase(answer, term):
            out.append(term)
    for n in re.findall(r"\d[\d,.]*\d|\d", claim):
        if n not in out and _has_number(answer, float(n.replace(",", "")), ordinal=True):
            out.append(n)
    for word in fold(claim).split():  # a count in words ("six other countries")
        value = spelled(word, pack.lang.numbers)
        if value is not None and value >= 2 and word not in out and contains_phrase(answer, word):
            out.append(word)
    return tuple(out)


def _lone_names(
    pack: Pack, fact: Fact, claim: str, answer: str, wrong: list[str]
) -> tuple[str, ...]:
    """The names of what the fact is about (its subject and object) that the claim and the
    answer hold and no wrong sentence does, by any of their names: the one word a student
    scans the options for ("Ämari" beside a wrong sentence naming only Estonia, "Wales"
    beside one naming the Warsaw Summit, "Ghor": readers found each). A common noun is read,
    not scanned for, unless the claim copies it as the answer writes it ("regional security"
    in both, in no wrong sentence: the twenty-first reading)."""
    folded_claim, folded_answer = fold(claim), fold(answer)
    out = []
    for value in (fact.subject, fact.object):
        if not isinstance(value, Entity) or in_title(pack, value):
            continue
        if not (names_in(folded_claim, value) and names_in(folded_answer, value)):
            continue
        # the names the claim copies as the answer writes them, the longest first
        copied = [
            n
            for n in sorted(value.folded_names, key=len, reverse=True)
            if n and f" {n} " in f" {folded_claim} " and f" {n} " in f" {folded_answer} "
        ]
        if not proper(pack, value) and not copied:
            continue
        if not any(names_in(fold(w), value) for w in wrong):
            out.append(value.display)
        elif (
            copied
            and len(copied[0].split()) > 1
            and not any(f" {copied[0]} " in f" {fold(w)} " for w in wrong)
        ):
            # the wrong sentences name it more shortly: the claim's longer name is the
            # answer's alone ("Antonio López de Santa Anna" beside "Santa Anna": "Antonio"
            # found it, the twenty-first reading)
            out.append(next(n for n in value.names if fold(n) == copied[0]))
    return tuple(out)


def _lone_figures(pack: Pack, terms: tuple[str, ...], wrong: list[str]) -> tuple[str, ...]:
    """The claim's figures (a day, a sum, a count: `distinctive_terms` in digits) that the
    answer holds and no wrong sentence does: a student scans the options for "June 8" or
    "$10 million" and needs nothing else, though every option names the claim's subject
    (the nineteenth reading found three such questions of five in an author's pack)."""
    return tuple(
        t for t in terms if t[:1].isdigit() and not any(holds_term(w, (t,), pack) for w in wrong)
    )


LONE_WORDS = 2  # content words the claim shares with its answer alone that find it
# … more than it shares with the closest wrong option: a word-matcher's answer ("Americans",
# "Mexican", "Mesilla Valley" and "1853" in the proof alone, "Mesilla Valley" and "Mexico" in
# the closest wrong sentence, the twenty-fifth reading found it)
MATCHED = 2


def matched_words(
    claim: str, answer: str, wrong: list[str], stop: frozenset[str] = STOPWORDS
) -> tuple[tuple[str, ...], int]:
    """(the claim's words whose stems (`_stems`) the answer holds, how many the closest wrong
    option holds) when the answer leads by MATCHED or more (else no words): a student who
    picks the option with the most of the claim's words picks the answer. "NATO fighters
    scrambled far more often to meet Russia's military aircraft nearing Baltic airspace"
    shared eight with its proof and at most three with any wrong sentence, a reader found."""
    mine = _stems(claim, stop)
    shared = mine & _stems(answer, stop)
    closest = max((len(mine & _stems(w, stop)) for w in wrong), default=0)
    if len(shared) - closest < MATCHED:
        return (), closest
    words = (w for w in re.findall(r"\w+", claim) if _stems(w.lower(), stop) & shared)
    return tuple(dict.fromkeys(words)), closest


def _lone_words(pack: Pack, claim: str, answer: str, wrong: list[str]) -> tuple[str, ...]:
    """The content words (`_stems`) the claim shares with the answer and no wrong sentence
    holds, less the pack's title, when there are LONE_WORDS or more: the words a student
    matches without reading ("officers … headquarters … commands" beside wrong sentences on
    other contributions, a reader found; "solidarity … allies … system" beside wrong
    sentences holding "defence" only, the twentieth)."""
    stop = pack.lang.stopwords
    title = _stems(pack.title, stop)
    shared = (_stems(claim, stop) & _stems(answer, stop)) - title
    lone = {w for w in shared if not any(w in _stems(t, stop) for t in wrong)}
    if len(lone) < LONE_WORDS:
        return ()
    return tuple(sorted(w for w in content_words(claim, stop) if _stems(w, stop) & lone))


def proper(pack: Pack, entity: Entity) -> bool:
    """Whether an entity goes by a proper name (a capitalised word past the pack's title
    words: "the Warsaw Summit", "Ceballos"), not a common noun ("chiefs of defence"): a name
    is what a student scans for, a common noun must be read."""
    title = distinctive_words(pack.title)
    return any(
        w[:1].isupper() and not distinctive_words(w) <= title
        for w in re.findall(r"[^\W_][\w'’-]*", entity.display)
    )


def near_named(pack: Pack, fact: Fact, text: str, terms: tuple[str, ...]) -> bool:
    """Whether a wrong sentence is a near miss by name: it names the claim's subject ("Ward
    also lied to Gadsden" for Gadsden's office) or holds one of its distinctive terms. The
    pack's own subject ("Lithuania" in "Lithuania's NATO membership") is named by most
    sentences, so naming it makes no near miss: "14" or "six" still found the answer."""
    named = states(text, fact.subject) and not in_title(pack, fact.subject)
    return named or holds_term(text, terms, pack)


def _of_entity(pack: Pack, term: str) -> bool:
    """Whether a run of capitalised words is only (part of) a name of the pack's entities."""
    return bool(named_entities(pack, term))


def holds_term(text: str, terms: tuple[str, ...], pack: Pack | None = None) -> bool:
    """Whether a sentence holds one of the terms (a name as whole words, or any name of the
    entity it is the display of, a number)."""
    folded = fold(text)
    for t in terms:
        entity = _display_of(pack, t) if pack is not None else None
        if entity is not None and (names_in(folded, entity) or _head_in(text, entity)):
            return True
        if t[0].isdigit():
            if _has_number(text, float(t.replace(",", "")), ordinal=True):
                return True
        elif contains_phrase(text, t):
            return True
    return False


def _head_in(text: str, entity: Entity) -> bool:
    """Whether a text holds, capitalised, the last word of the entity's name when that word
    is a capitalised name of four letters or more: "the Channel" names "the English Channel",
    "Hidalgo" the Treaty of Guadalupe Hidalgo (a student scanning for the name finds both);
    "units" in lower case is no name."""
    words = entity.display.split()
    head = words[-1] if words else ""
    if len(words) < 2 or len(head) < 4 or not head[:1].isupper():
        return False
    return re.search(rf"(?<!\w){re.escape(head)}(?!\w)", text) is not None


def _display_of(pack: Pack, term: str) -> Entity | None:
    found = named_entities(pack, term)
    for entity_id in sorted(found):
        entity = pack.entities[entity_id]
        if entity.display == term:
            return entity
    return None


def distinctive_words(text: str) -> frozenset[str]:
    return frozenset(w for w in fold(text).split() if len(w) > 2)


def _holding(pack: Pack, source: str, terms: tuple[str, ...]) -> list[int]:
    """The sentences (by start) of a source that hold one of the terms, through an index of
    the source's words made once per pack (a term is looked up by its longest word)."""
    by_word = _sentences_by_word(pack, source)
    out: list[int] = []
    for t in terms:
        words = fold(t).split()
        if words:
            out.extend(by_word.get(max(words, key=len), ()))
    return out


def _sentences_by_word(pack: Pack, source: str) -> dict[str, list[int]]:
    """Folded word → the sentences (by start) of the source holding it, made once per pack."""
    index = index_of(pack)
    key = ("sentences by word", source)
    found = index.memo.get(key)
    if isinstance(found, dict):
        return found
    by_word: dict[str, list[int]] = {}
    text = index.source(source).text
    for span in sentences(text):
        for w in set(fold(text[span.start : span.end]).split()):
            by_word.setdefault(w, []).append(span.start)
    index.memo[key] = by_word
    return by_word


def topic_scores(
    targets: tuple[str, ...],
    candidates: list[str],
    stop: frozenset[str] = STOPWORDS,
    topics: dict[str, frozenset[str]] | None = None,
) -> dict[str, float]:
    """How close each candidate sentence stands to the targets (the claim and its proof): the
    words it shares with them, each weighed by how few of the candidates hold it. A word most
    candidates share ("NATO", "Lithuania") says nothing of the topic; a rare one does. A word
    of the claim (the last target) weighs CLAIMED times: a student scans the options for the
    claim's words, so a sentence "to discuss" is the near miss of "discussions", where one
    sharing "political" with the hidden proof is not (readings 26 and 27). The weights come
    from the candidates alone, so no more of the source is read than before.

    `topics` gives each candidate the claim's topics of the facts it proves: each counts as
    one more word of the claim, weighed as the others by how few candidates share it."""
    wanted = frozenset().union(*(_stems(t, stop) for t in targets))
    tags = {t: frozenset("#" + topic for topic in (topics or {}).get(t, ())) for t in candidates}
    # each candidate's words that the targets hold: only those are weighed
    shared = {t: (_stems(t, stop) & wanted) | tags[t] for t in candidates}
    held = Counter(chain.from_iterable(shared.values()))
    # a name or number of the targets weighs double: what a student scans for ("Baltic", 2004)
    # and so does a topic: the author's word for what the claim is about
    marked = (frozenset().union(*(_marked(t, stop) for t in targets)) & wanted).union(
        *tags.values()
    )
    n = len(candidates) + 1
    said = _stems(targets[-1], stop).union(*tags.values())  # the claim's own words
    weight = {
        w: math.log(n / (k + 0.5)) * (2 if w in marked else 1) * (CLAIMED if w in said else 1)
        for w, k in held.items()
    }
    # summed in a fixed order: a set's order changes between runs, and so would a float sum
    return {t: sum(map(weight.__getitem__, sorted(words))) for t, words in shared.items()}


@lru_cache(maxsize=4096)  # a proof sentence is a target of every claim it proves
def _marked(text: str, stop: frozenset[str]) -> frozenset[str]:
    """The stems of a text's numbers and of its capitalised words past its first word."""
    words = re.findall(r"\w+", text)[1:]
    return _stems(" ".join(w for w in words if w[0].isupper() or w.isdigit()), stop)


@lru_cache(maxsize=4096)  # the same candidate sentences are weighed for many claims
def _stems(text: str, stop: frozenset[str]) -> frozenset[str]:
    """A text's content words cut to their first five letters: 'decisions' and 'decision',
    'defence' and 'defences' meet (a crude stem, but one that suits any language); numbers
    whole, so a sentence holding the claim's year or count is a near miss on it."""
    return frozenset(
        w if w.isdigit() else w[:5] for w in content_words(text, stop) if len(w) >= 5 or w.isdigit()
    )


def near_miss(
    text: str,
    fact: Fact,
    terms: frozenset[str],
    same_paragraph: bool,
    lang: Language | None = None,
    *,
    after_subject: bool = True,
) -> str | None:
    """How a sentence that is not the proof stands to the claim: 'subject' (names it, not a
    hint of the object), 'object' (hints at the object, names no form of the subject), 'topic'
    (neither, but shares a key term or the paragraph), or None (off the topic, or it could
    prove the claim).

    A pronoun ("they", "their") may stand for the subject only in a sentence `after_subject`:
    a pronoun points back, so in a sentence before the source first names the subject it
    stands for someone else ("Mexican officials evicted Americans from their property in the
    Mesilla Valley", before Governor Lane is named, is a near miss on Lane's claim)."""
    lang = lang or english()
    stop = lang.stopwords
    named = states(text, fact.subject)
    hinted = touches(text, fact.object)
    if named and hinted and not _other_day(text, fact.object):
        return None  # of a claim's day, another day of its year proves nothing
    if named:
        return "subject"
    if hinted:
        if after_subject and lang.stands_for & set(fold(text).split()):
            return None
        if _part_named(text, fact.subject, stop):
            return None
        return "object"
    if same_paragraph or terms & key_terms(text, stop):
        return "topic"
    return None


def _other_day(text: str, value: Value) -> bool:
    """Whether the value is a day and the text gives its year with another month ("June 8,
    1854" beside the Senate's "April 25, 1854"): a near miss, which cannot prove it."""
    if not isinstance(value, When) or value.day is None or value.month is None:
        return False
    if states(text, value):
        return False
    return any(
        _names_month(text, replace(value, month=m)) for m in range(1, 13) if m != value.month
    )


def _part_named(text: str, value: Value, stop: frozenset[str] = STOPWORDS) -> bool:
    """A word of the value's names that is not a function word stands in the text (a sentence
    on 'the forward force' may mean 'the multinational forward force in Lithuania')."""
    if not isinstance(value, Entity):
        return False
    said = set(fold(text).split())
    return any(
        w in said for n in value.folded_names for w in n.split() if w not in stop and len(w) > 3
    )


_CODE = re.compile(r"\b(?=\w*\d)(?=\w*[A-Za-z])\w+\b|\b[A-Z]{2,}[A-Za-z]*\b")


def lone_code(claim: str, proof: Sentence, source: str) -> str | None:
    """A code word of the claim (an acronym or a name with digits: 'SNMCMG1', 'NFIU') that the
    source writes only in the proof. A code cannot be paraphrased and needs no understanding
    to match: the one sentence holding it is the answer, whatever the wrong sentences are."""
    for m in _CODE.finditer(claim):
        word = m.group(0)
        if word.isdigit():
            continue
        found = _code_starts(source).get(word, ())
        if found and all(proof.start <= at < proof.end for at in found):
            return word
    return None


@lru_cache(maxsize=64)
def _code_starts(source: str) -> dict[str, list[int]]:
    """Where each code word stands in a source, read in one pass over it, not once for every
    code word a claim names ('NATO' is in most claims of the bundled pack). `_CODE` matches a
    run of word characters whole or not at all, so its matches in the source are every place
    where `\\bword\\b` finds a code word; the regex scans in C, and the few codes are all
    that Python handles (a table of every word was about 2% of a generation)."""
    found: dict[str, list[int]] = {}
    for m in _CODE.finditer(source):
        found.setdefault(m.group(), []).append(m.start())
    return found


def trimmed_copy(claim: str, sentence: str, stop: frozenset[str] = STOPWORDS) -> bool:
    """Most of the claim's content words are the sentence's: a copy with a few words dropped
    or moved, which a student matches without reading."""
    words = content_words(claim, stop)
    return bool(words) and len(words & content_words(sentence, stop)) > TRIMMED * len(words)


@lru_cache(maxsize=4096)
def content_words(text: str, stop: frozenset[str] = STOPWORDS) -> frozenset[str]:
    """The words of a text that say something: not function words, three letters or more,
    numbers kept (a date copied is a word copied)."""
    return frozenset(w for w in fold(text).split() if w not in stop and len(w) > 2)


def keyed_by(pack: Pack, source: str, sentence: Sentence) -> tuple[str, ...]:
    """The facts whose evidence questions a sentence keys: the first KEYED_PER_SENTENCE in
    pack order that it proves as a paraphrase, one per claim. Worked out once per sentence,
    from the facts quoted inside it only (a fact's proof is the sentence holding one of its
    quotes), not by weighing every fact of the pack on first use."""
    index = index_of(pack)
    key = ("keyed by", source, sentence.start)
    found = index.memo.get(key)
    if isinstance(found, tuple):
        return found
    kept: list[Fact] = []
    for f in _quoted_within(pack, source, sentence.start, sentence.end):
        if f.background:
            continue
        proved = paraphrased_proof(pack, f)
        if isinstance(proved, Refusal):
            continue
        s, q, claim = proved
        if (q.source, s.start) != (source, sentence.start) or _owner(pack, f, s) is not f:
            continue
        same = any(states(claim, k.subject) and states(claim, k.object) for k in kept) or any(
            states(k.statement, f.subject) and states(k.statement, f.object) for k in kept
        )
        if len(kept) < KEYED_PER_SENTENCE and not same:
            kept.append(f)
    index.memo[key] = result = tuple(f.id for f in kept)
    return result


def _quoted_within(pack: Pack, source: str, start: int, end: int) -> list[Fact]:
    """The facts with a quote of the source starting from `start` to `end`, in pack order."""
    memo = index_of(pack).memo
    table = memo.get(("quote starts",))
    if not isinstance(table, dict):
        built: dict[str, list[tuple[int, int]]] = {}
        for i, f in enumerate(pack.facts):
            for q in f.evidence:
                built.setdefault(q.source, []).append((q.start, i))
        table = memo[("quote starts",)] = {k: sorted(v) for k, v in built.items()}
    starts = table.get(source, [])
    lo = bisect.bisect_left(starts, (start, -1))
    hi = bisect.bisect_right(starts, (end, len(pack.facts)))
    facts = pack.facts
    return [facts[i] for i in sorted({i for _, i in starts[lo:hi]})]


@lru_cache(maxsize=4096)
def key_terms(text: str, stop: frozenset[str] = STOPWORDS) -> frozenset[str]:
    """The words that carry a claim's topic: five letters or more, not function words."""
    return frozenset(w for w in fold(text).split() if len(w) >= 5 and w not in stop)


def _take(items: object, n: int) -> list[Fact]:
    out = []
    for item in items:  # type: ignore[attr-defined]
        out.append(item)
        if len(out) == n:
            break
    return out


def _about(pack: Pack, value: Value, source: str) -> frozenset[int]:
    """The sentences (by start) that hold a quote of any fact about a value."""
    index = index_of(pack)
    key = ("sentences about", value.key, source)
    found = index.memo.get(key)
    if not isinstance(found, frozenset):
        facts = pack.facts_about.get(value.key, ())
        found = index.memo[key] = frozenset().union(
            *(_sentences_of(pack, f, source) for f in facts)
        )
    return found


def _first_named(pack: Pack, value: Value, source: str) -> int:
    """Where the source first names a value: the start of its first sentence doing so (the
    source's length when none does). Read paragraph by paragraph from the start, once per
    value and source."""
    index = index_of(pack)
    key = ("first named", value.key, source)
    found = index.memo.get(key)
    if isinstance(found, int):
        return found
    text_of = index.source(source)
    text = text_of.text
    found = len(text)
    at = 0
    while at < len(text):
        if text[at].isspace():
            at += 1
            continue
        start, end = text_of.bounds(at)
        hit = next((s.start for s in text_of.sentences_in(start) if states(s.text, value)), None)
        if hit is not None:
            found = hit
            break
        at = max(end, at + 1)
    index.memo[key] = found
    return found


def _proofs(pack: Pack, source: str) -> frozenset[int]:
    """The sentences (by start) that hold a quote of any fact: the proofs of questions."""
    index = index_of(pack)
    key = ("proofs", source)
    found = index.memo.get(key)
    if not isinstance(found, frozenset):
        found = index.memo[key] = frozenset().union(
            *(_sentences_of(pack, f, source) for f in pack.facts)
        )
    return found


def _sentences_of(pack: Pack, fact: Fact, source: str) -> frozenset[int]:
    """The sentences (by start) that hold the fact's quotes, worked out once per fact."""
    index = index_of(pack)
    key = ("sentences of", fact.id, source)
    found = index.memo.get(key)
    if not isinstance(found, frozenset):
        text_of = index.source(source)
        held = (text_of.sentence(q.start, q.end) for q in fact.evidence if q.source == source)
        found = index.memo[key] = frozenset(s.start for s in held if s is not None)
    return found


def states(text: str, value: Value) -> bool:
    """The sentence names the value: a name or alias, the date (year, month, day), the number."""
    if isinstance(value, Entity):
        return names_in(fold(text), value)
    if isinstance(value, When):
        ok = _has_number(text, value.year)
        if value.month is not None:
            ok = ok and _names_month(text, value)
        if value.day is not None:
            ok = ok and _has_number(text, value.day, ordinal=True)
        return ok
    assert isinstance(value, Number)
    if value.text and contains_phrase(text, value.text):
        return True
    if value.lang.numbers.decimal_comma:  # "3,5", "1 000", "3,5 mln." as the language writes
        return float(value.value) in numbers_in(text, value.lang.numbers)
    return _has_number(text, value.value, ordinal=True)


def names_day(text: str, value: When) -> bool:
    """The text names the date's day and month (any year or none): "the 29th of March"."""
    if value.day is None or value.month is None:
        return False
    return _has_number(text, value.day, ordinal=True) and _names_month(text, value)


def touches(text: str, value: Value) -> bool:
    """Any hint of the value at all: a word starting with one of its names ('Lithuanians'),
    its year, its number in digits or words. Stricter than `states`, for the wrong options."""
    if isinstance(value, Entity):
        folded = f" {fold(text)}"
        # a loop, not any() over a generator: asked of every sentence weighed as a near miss
        for n in value.folded_names:  # noqa: SIM110
            if n and f" {n}" in folded:
                return True
        return False
    if isinstance(value, When):
        return _has_number(text, value.year, ordinal=True)
    assert isinstance(value, Number)
    if value.text and fold(value.text) in fold(text):
        return True
    names = value.lang.numbers.names
    word = (
        names[int(value.value)]
        if float(value.value).is_integer() and 0 <= value.value < len(names)
        else None
    )
    if value.lang.numbers.decimal_comma and float(value.value) in numbers_in(
        text, value.lang.numbers
    ):
        return True
    return _has_number(text, value.value, ordinal=True) or (
        word is not None and re.search(rf"\b{word}", text, re.I) is not None
    )


def _names_month(text: str, value: When) -> bool:
    """The month of a date stands in the text: its English name, or any form of it in the
    date's language ("kovo", "kovas", "kovą", "kove")."""
    assert value.month is not None
    lang = language_of(value.language)
    if lang.code == "en":
        return re.search(rf"\b{lang.month_name(value.month)}\b", text) is not None
    return lang.states_month(text, value.month)


_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(st|nd|rd|th)?(?![\w])")


@lru_cache(maxsize=4096)
def _numbers_in(text: str) -> tuple[frozenset[float], frozenset[float]]:
    """(numbers written plainly, numbers with an ordinal ending) in a text: 2004, 1,000, 14th."""
    plain: set[float] = set()
    ordinal: set[float] = set()
    for m in _NUMBER.finditer(text):
        (ordinal if m.group(2) else plain).add(float(m.group(1).replace(",", "")))
    return frozenset(plain), frozenset(ordinal)


def _has_number(text: str, value: int | float, *, ordinal: bool = False) -> bool:
    """The number stands in the text in digits (1000 or 1,000), not inside a longer number;
    with `ordinal`, '14th' counts as 14."""
    plain, ordinals = _numbers_in(text)
    return float(value) in plain or (ordinal and float(value) in ordinals)


def copies_run(claim: str, sentence: str, run: int = RUN) -> bool:
    """Whether the claim copies `run` words in a row from the sentence (case, accents and
    punctuation aside)."""
    a, b = fold(claim).split(), fold(sentence).split()
    return not set(_runs(b, run)).isdisjoint(_runs(a, run))


def _runs(words: list[str], n: int) -> Iterator[tuple[str, ...]]:
    """Every run of `n` words in a row, as a tuple (compared in C, not joined to a string)."""
    return zip(*(words[i:] for i in range(n)), strict=False)  # (the shortest ends each run)
