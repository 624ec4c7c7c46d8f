"""Question kinds built from one fact, or from the facts that share a subject or object
(typed answers are in `typed`, evidence in `evidence`, time order in `order`).

Each builder returns a Refusal when the bank cannot make that question honestly
(too few proven-false options, an answer that is not unique, a prompt that
would give the answer away), saying why and what would make it: a question
left out is better than a wrong one, and the author can see why it was.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import combinations_with_replacement
from typing import cast

from quiz.generate.distractors import about, asked_type, bound_of, candidates, sort_if_ordered
from quiz.generate.index import index_of
from quiz.generate.refusal import Refusal, Said, missing, not_closed, said, too_few_wrong
from quiz.generate.truth import Direction
from quiz.generate.wording import (
    STOPWORDS,
    explanation,
    framed,
    names_in,
    noun,
    passages,
    source_of,
    statement,
)
from quiz.lang import N_
from quiz.packs.model import Entity, Fact, Number, Pack, Value, When
from quiz.question import Claim, Figure, Many, One, Origin, Question, WhyWrong
from quiz.text import fold

TWINS_PER_SUBJECT = 2  # true/false pairs per subject of a relation (a list of eight makes two)
FAR = 2
TWIN_CHOICE = 8  # wrong values looked at beyond those needed, to find near misses first
# and, where those hold too few near misses, the values weighed next: three Western European
# allies added to some thirty countries crowded out every near miss of the air-policing
# detachment's twin from the first draw (16 find it; 64 made the benchmark's synthetic pack,
# whose groups hold few near misses, about 12% slower to generate)
TWIN_POOL = 24
CHOICE_OPTIONS = 4


def sides(fact: Fact, direction: Direction) -> tuple[Value, Value]:
    """(the given value, the asked value) of a fact read in one direction."""
    return (fact.subject, fact.object) if direction == "forward" else (fact.object, fact.subject)


def ask(pack: Pack, fact: Fact, direction: Direction, template: str | None = None) -> str | Refusal:
    """The prompt asking for one side of a fact, unless it would give the answer away."""
    template = template or direction
    if template not in fact.relation.templates:
        return missing(fact.relation, template)
    anchor, key = sides(fact, direction)
    prompt = framed(pack, fact, fact.relation.render(template, **placed(direction, anchor)))
    if names_in(fold(prompt), key):
        return names_answer(template, prompt, key)
    paired = paired_elsewhere(pack, fact, anchor, key)
    if paired:
        return Refusal(
            said(
                N_(
                    "the pack's other prompts name {answer} beside {anchor} ({ids}): a student "
                    "who has seen them picks or types the answer without recalling it"
                ),
                answer=repr(key.display),
                anchor=repr(anchor.display),
                ids=", ".join(paired),
            ),
        )  # no fix: true/false and evidence questions ask it, and the pairing is the source's
    return prompt


PAIRED_ELSEWHERE = 2  # other facts whose prompts pair the anchor with the answer: a giveaway
PAIRED_SHARE = 0.25  # … and this share of the facts whose prompts name the anchor at all
EVERYWHERE = 0.5  # an answer the prompts of this share of the facts name is the pack's subject


def paired_elsewhere(pack: Pack, fact: Fact, anchor: Value, key: Value) -> list[str]:
    """The other facts whose prompts (any template of their relation: questions, statements,
    events) name both the anchor and the answer, when both are entities. "With whom was
    James Gadsden sent to negotiate?" is answered by "On what date did Gadsden and Santa Anna
    sign …?" and "… did James Gadsden meet Santa Anna …?": asking it for recall tests
    nothing but having seen the others. Empty unless PAIRED_ELSEWHERE facts or more do, and
    they are PAIRED_SHARE of those naming the anchor: the pack's own subject ("Lithuania",
    "NATO") stands beside everything, and a pairing among sixty prompts is no giveaway."""
    if not (isinstance(anchor, Entity) and isinstance(key, Entity)) or in_title(pack, key):
        return []  # the pack's own subject as the answer is the title's matter, not this one's
    pairs = _prompt_pairs(pack)
    found = pairs.get((anchor.id, key.id), ()) + pairs.get((key.id, anchor.id), ())
    others = sorted({f for f in found if f != fact.id})
    naming = len(pairs.get((anchor.id, anchor.id), ()))
    if len(others) < PAIRED_ELSEWHERE or len(others) < PAIRED_SHARE * naming:
        return []
    memo = index_of(pack).memo
    asked = memo.get(("asked facts",))
    if not isinstance(asked, int):  # counted once per pack, not once per question
        asked = memo[("asked facts",)] = sum(not f.background for f in pack.facts)
    if len(pairs.get((key.id, key.id), ())) > EVERYWHERE * asked:
        return []  # the pack's own subject, whatever its title says: named beside everything
    return others


def _prompt_pairs(pack: Pack) -> dict[tuple[str, str], tuple[str, ...]]:
    """(entity, entity) → the facts whose rendered templates name both, made once per pack."""
    from quiz.generate.distractors import entity_namer  # distractors imports this module

    memo = index_of(pack).memo
    found = memo.get(("prompt pairs",))
    if isinstance(found, dict):
        return found
    built: dict[tuple[str, str], list[str]] = {}
    named_in = entity_namer(pack)
    for f in pack.facts:
        if f.background:
            continue
        named: set[str] = set()
        for template in f.relation.templates:
            named |= named_in(f.relation.render(template, f.subject, f.object))
        # (a, b) with a <= b; (a, a): the facts naming a at all
        for a, b in combinations_with_replacement(sorted(named), 2):
            built.setdefault((a, b), []).append(f.id)
    memo[("prompt pairs",)] = result = {k: tuple(v) for k, v in built.items()}
    return result


_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def in_title(pack: Pack, value: Value) -> bool:
    """Whether the value is an entity the pack's title names ("Lithuania" and "NATO" in
    "Lithuania's NATO membership"): the pack's own subject, which a student picks from
    options, or types, without having read anything. Such a value is asked in true/false
    and evidence questions, never as the one answer to pick or type. So is a year the
    title writes ("Gadsden Purchase, 1853–1854", on every screen of a round: "In which year
    did the Senate ratify the revised treaty?" was answered from it, the twenty-second
    reading found)."""
    if isinstance(value, When):
        return value.precision == "year" and year_in_title(pack, value.year)
    if not isinstance(value, Entity):
        return False
    memo = index_of(pack).memo
    key = ("in title", value.id)
    found = memo.get(key)
    if not isinstance(found, bool):
        title = f" {fold(pack.title)} "
        found = memo[key] = any(n and f" {n} " in title for n in value.folded_names)
    return found


def year_in_title(pack: Pack, year: int) -> bool:
    return str(year) in _YEAR.findall(pack.title)


def title_key(value: Value) -> Refusal:
    return Refusal(
        said(
            N_(
                "the answer {answer} is named in the pack's title: a student picks or types it "
                "without reading the source"
            ),
            answer=repr(value.display),
        ),
        said(N_("it is asked in true/false and evidence questions; nothing to change")),
    )


def names_answer(template: str, prompt: str, key: Value) -> Refusal:
    return Refusal(
        said(
            N_("the prompt names the answer {answer}: {prompt}"),
            answer=repr(key.display),
            prompt=repr(prompt),
        ),
        said(
            N_("reword the `{template}` template, or the names, so the prompt does not hold it"),
            template=template,
        ),
    )


def gives_away(words: set[str]) -> Refusal:
    return Refusal(
        said(
            N_(
                "the prompt shares {words} with the right option(s) only, which would give the "
                "answer away"
            ),
            words=", ".join(repr(w) for w in sorted(words)),
        ),
        said(N_("reword the template, or add wrong options whose names hold the word as well")),
    )


def placed(direction: Direction, anchor: Value) -> dict[str, Value]:
    return {"subject": anchor} if direction == "forward" else {"obj": anchor}


RANK_POOL = 12  # wrong dates or figures weighed to place the key at a rank drawn by chance


def _at_any_rank(
    key: Value,
    wrong: list[Value],
    rng: random.Random,
    n: int,
    kin: Callable[[Value], bool],
    sourced: Callable[[Value], bool],
) -> list[Value]:
    """`n` of the wrong dates or figures (the most plausible first, as found), with a number
    of them below the key drawn evenly from 0 to n, or among the numbers the bank allows (a
    key of the source's last year has none after it). Options of a date or a figure are
    shown in order, and wrong ones drawn near the key leave it in the middle: in the
    twenty-first reading the key stood first or last in 13% of 600 choices, against 50% by
    chance, so a student crossing out the two ends kept it. One option `kin` to the key
    (`_kin`), where there is one, stays, on a side with room."""
    below = [w for w in wrong if w.key < key.key]
    above = [w for w in wrong if w.key > key.key]
    ranks = list(range(max(0, n - len(above)), min(n, len(below)) + 1))  # the bank allows
    # on each side the source's own dates and figures before made-up ones, and never only
    # made-up ones where the source has some: "6, 7 and 8 million", made up, below "10
    # million" set it apart, the source's 15 and 50 million left out (the twenty-second
    # reading). Keeping every one of the source's would set the key in the middle again (10
    # below 15 million, 50 above): the rank stays drawn evenly among the rest
    below.sort(key=lambda w: not sourced(w))  # stable: the most plausible first
    above.sort(key=lambda w: not sourced(w))
    if isinstance(key, Number) and any(map(sourced, wrong)):  # (a made-up year looks real)
        ranks = [
            r for r in ranks if any(map(sourced, below[:r])) or any(map(sourced, above[: n - r]))
        ] or ranks
    if any(kin(w) for w in wrong):
        below.sort(key=lambda w: not kin(w))
        above.sort(key=lambda w: not kin(w))
        ranks = [r for r in ranks if (r and kin(below[0])) or (r < n and kin(above[0]))]
    if not ranks:
        return wrong[:n]  # too few on both sides together (or kin to the key): as found
    rank = rng.choice(ranks)
    kept = {id(w) for w in (*below[:rank], *above[: n - rank])}
    return [w for w in wrong if id(w) in kept]


def _sourced(pack: Pack, fact: Fact, direction: Direction) -> Callable[[Value], bool]:
    """Whether a wrong date or figure is the source's own (a date of the pack, a figure of
    the same quantity), not one made up near the key."""
    index = index_of(pack)
    figures = {v.value for v in index.numbers(fact.relation)}
    dates = {d.key for d in index.dates(asked_type(fact.relation, direction))[0]}

    def sourced(value: Value) -> bool:
        if isinstance(value, Number):
            return value.value in figures
        return isinstance(value, When) and value.key in dates

    return sourced


def _kin(pack: Pack, key: Value) -> Callable[[Value], bool]:
    """What a wrong option must share with the key, one of them at least, lest the key be
    the only option with it: a day's or a month's year (`distractors._ranked`), or the span
    of years the pack's title names ("Gadsden Purchase, 1853–1854": 1853 was the only
    option in it beside 1850, 1851 and 1856, the twenty-first reading found)."""
    if not isinstance(key, When):
        return lambda value: False
    if key.month is not None:
        return lambda value: isinstance(value, When) and value.year == key.year
    years = [int(y) for y in re.findall(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)", pack.title)]
    low, high = (min(years), max(years)) if years else (0, -1)
    if low < high and low <= key.year <= high:
        return lambda value: isinstance(value, When) and low <= value.year <= high
    return lambda value: False


def _arrange(values: list[Value], rng: random.Random) -> list[Value]:
    ordered = sort_if_ordered(values)
    if ordered is not None:
        return ordered
    values = list(values)
    rng.shuffle(values)
    return values


def why_wrong(pack: Pack, fact: Fact, direction: Direction, value: Value) -> WhyWrong | None:
    """The fact of the question's own relation that the wrong option belongs to (it answers
    the same question for another subject). Another relation would not explain anything. A
    background fact explains as well as any: it is the source's, only never asked."""
    other: Direction = "reverse" if direction == "forward" else "forward"
    f = next(iter(index_of(pack).facts_for(fact.relation, other, value)), None)
    return WhyWrong(f.id, statement(pack, f), f.quote) if f is not None else None


_WORD = re.compile(r"[^\W\d_][\w'-]*")


@lru_cache(maxsize=4096)
def distinctive_words(text: str, stopwords: frozenset[str] = STOPWORDS) -> frozenset[str]:
    """The words of a text that carry meaning: not function words (the pack language's),
    not numbers."""
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in stopwords and len(w) > 2)


def giveaway(
    prompt: str, right: list[str], wrong: list[str], stopwords: frozenset[str] = STOPWORDS
) -> set[str]:
    """Prompt words that some right option shares and no wrong option does."""
    shared = distinctive_words(prompt, stopwords) & {
        w for o in right for w in distinctive_words(o, stopwords)
    }
    return {w for w in shared if not any(w in distinctive_words(o, stopwords) for o in wrong)}


def _same_wrong_options(
    pack: Pack, fact: Fact, direction: Direction, anchor: Value, wrong: list[Value]
) -> Refusal | None:
    """A refusal when the wrong options are all the bank has and the anchor has other right
    answers in the relation: each of their questions shows the same wrong options ("Albania"
    and "Croatia" beside Bulgaria, Romania, Slovenia … as countries that joined along with
    Lithuania), so a student who met one picks the option that is new (the twentieth
    reading found nine such). The select-all asks the list."""
    others = [
        f
        for f in index_of(pack).facts_for(fact.relation, direction, anchor)
        if f is not fact and not f.background
    ]
    if not others:
        return None
    return Refusal(
        Said.ngettext(
            "its wrong options ({options}) are all the bank has, the same beside the other "
            "answer {anchor} has in relation '{relation}': a student who met that question "
            "picks the option that is new",
            "its wrong options ({options}) are all the bank has, the same beside each of the "
            "{n} other answers {anchor} has in relation '{relation}': a student who met one of "
            "those questions picks the option that is new",
            len(others),
            options=", ".join(repr(v.display) for v in wrong),
            n=len(others),
            anchor=repr(anchor.display),
            relation=fact.relation.id,
        ),
        said(
            N_(
                "the select-all asks the whole list; add entities of the answer's kind that the "
                "relation does not hold for to ask each one as a choice"
            )
        ),
    )


def choice(pack: Pack, fact: Fact, direction: Direction, rng: random.Random) -> Question | Refusal:
    if not fact.relation.closed:
        return not_closed(fact.relation)
    prompt = ask(pack, fact, direction)
    if isinstance(prompt, Refusal):
        return prompt
    anchor, key = sides(fact, direction)
    if in_title(pack, key):
        return title_key(key)
    if bound_of(key, pack.lang) is not None:
        asked = isinstance(key, Number) and bound_in(pack, fact, key)  # as a number already
        return Refusal(
            Said(
                N_(
                    "{figure} is a bound: every wrong option would lie on the side it rules out, "
                    "so the right one would always be the largest or the smallest"
                ),
                figure=repr(key.display),
            ),
            ""
            if asked
            else Said(
                N_(
                    'a number question asks it when the `forward` template asks "… over how '
                    'many …?" as the source says it'
                )
            ),
        )
    if direction == "forward" and isinstance(key, When | Number):
        # six "When did X join NATO?", all 29 March 2004 (a reader)
        refused = _same_card(pack, fact, key.display)
        if refused is not None:
            return refused
    worded, key = key, about(key, pack.lang)  # the source's words hold a bound ("over 1,000")
    stop = pack.lang.stopwords
    risky = sorted(distinctive_words(prompt, stop) & distinctive_words(key.display, stop))
    ordered = isinstance(key, When | Number)  # shown in order: the key's place tells
    wrong = candidates(
        pack,
        fact.relation,
        direction,
        anchor,
        [worded],
        prompt,
        rng,
        # one more than shown (whether the bank has any to spare); a date or a figure, enough
        # on both sides of it to place it anywhere among the options
        RANK_POOL if ordered else CHOICE_OPTIONS,
        prefer=risky,
        shown=True,
    )
    if len(wrong) < 2:
        return too_few_wrong(fact.relation, key, len(wrong), 2)
    if len(wrong) < CHOICE_OPTIONS:
        same = _same_wrong_options(pack, fact, direction, anchor, wrong)
        if same is not None:
            return same
    if ordered:
        wrong = _at_any_rank(
            key, wrong, rng, CHOICE_OPTIONS - 1, _kin(pack, key), _sourced(pack, fact, direction)
        )
    wrong = wrong[: CHOICE_OPTIONS - 1]
    words = giveaway(prompt, [key.display], [w.display for w in wrong], stop)
    if words:
        return gives_away(words)
    values = _arrange([key, *wrong], rng)
    reasons = tuple(
        (i, w)
        for i, v in enumerate(values)
        if v is not key and (w := why_wrong(pack, fact, direction, v))
    )
    return Question(
        id=f"{fact.id}:choice:{direction}",
        kind="choice",
        prompt=prompt,
        options=tuple(v.display for v in values),
        topics=fact.topics,
        key=One(values.index(key)),
        origin=Origin(
            facts=(fact.id,),
            quotes=passages(pack, fact.evidence),
            explanation=explanation(pack, fact),
            why_wrong=reasons,
            claim=Claim(fact.relation.id, direction, anchor, tuple(values)),
        ),
    )


def true_false(pack: Pack, fact: Fact, truth: bool, rng: random.Random) -> Question | Refusal:
    """A statement of the fact, or its false twin: the fact with a wrong value swapped in.

    Statements come in twins, worded alike: a fact's true statement is made only when its
    false twin can be, so a student who always answers True scores about half (every fact
    yields a true statement and only some a fair false one, so unpaired sets lean True).
    Both say "According to the {noun}" when the source's list is what makes the false one
    false, so the frame does not tell them apart."""
    del rng  # the twin's wrong value is the group's, the same in every draw (see _twin_value)
    group = _tf_group(pack, fact)
    listed = len(group) > 1
    wrong = false_value(pack, fact)
    if isinstance(wrong, Refusal):
        if truth:
            return Refusal(
                Said(  # not said(): the function has a local of that name
                    N_(
                        "no false twin: {reason} (true/false statements come in pairs, one true "
                        "and one false, so that answering True always scores only half)"
                    ),
                    reason=wrong.reason,
                ),
                wrong.fix,
                wrong.template,
            )
        return wrong
    lang = pack.lang
    # "about 1,000" beside "about 5,000"; but a bound as the source words it ("over 1,000"),
    # which "about 1,000" would not be
    value = (
        wrong
        if not truth
        else fact.object
        if bound_of(fact.object, lang)
        else about(fact.object, lang)
    )
    rendered = fact.relation.render("statement", fact.subject, value)
    said = framed(pack, fact, rendered, source_list=listed)
    if truth:
        why = f"{said} {fact.explanation}" if fact.explanation else said
    elif listed:
        # false only because the source's list leaves it out: say whose list it is
        word = noun(pack, source_of(pack, fact))
        # the whole list the source gives, its background facts too: "Aside from Germany, …
        # the Netherlands, Norway, …" named without Germany left the leading nation looking
        # like no contributor (reader 38d)
        listing = index_of(pack).facts_for(fact.relation, "forward", fact.subject)
        named = lang.listing([f.object.display for f in listing])
        why = lang.frame("false_listed", noun=word, named=named, value=value.display)
        if fact.explanation:
            why += f" {fact.explanation}"
    else:
        why = lang.frame("false", explanation=explanation(pack, fact))
    return Question(
        id=f"{fact.id}:true_false:{'true' if truth else 'false'}",
        kind="true_false",
        prompt=lang.frame("true_false", statement=said),
        options=(lang.true, lang.false),
        topics=fact.topics,
        key=One(0 if truth else 1),
        origin=Origin(
            facts=(fact.id,),
            quotes=passages(pack, fact.evidence),
            explanation=why,
            claim=Claim(fact.relation.id, "forward", fact.subject, (value,)),
        ),
    )


def _twin_values(pack: Pack, group: list[Fact], wanted: int) -> tuple[list[Value], int]:
    """The wrong values a group's false twins take, in the order dealt out, and how many
    strangers were left out: worked out once per group (each of its facts takes one)."""
    memo = index_of(pack).memo
    key = ("twin values", group[0].id)
    if key in memo:
        return cast("tuple[list[Value], int]", memo[key])
    head = group[0]
    # The rest of the statement: a wrong value already named in it ("Lithuania" in
    # "… the forward force in Lithuania") would make an arguable false statement.
    rest = head.statement.replace(head.object.display, " ")
    # Near misses only: a name the source puts beside the fact (in its paragraph) or the
    # pack pairs with the subject or a right value in another fact ("… along with
    # Croatia", where Lithuania served); a stranger of the right type makes an absurd
    # statement ("the Lithuanian Navy sends ships to serve with the forward force").
    beside = _beside(pack, group)
    for limit in (wanted + TWIN_CHOICE, TWIN_POOL):  # the first draw, then more if need be
        rng = random.Random(f"false twin|{head.id}")
        found = candidates(
            pack,
            head.relation,
            "forward",
            head.subject,
            [f.object for f in group],
            rest,
            rng,
            limit,
        )
        near = [(v, beside(v)) for v in found]
        if len(found) < limit or sum(rank < FAR for _, rank in near) >= wanted:
            break
    strangers = sum(rank == FAR for _, rank in near)
    wrong = [v for v, rank in sorted(near, key=lambda p: p[1]) if rank < FAR]
    memo[key] = (wrong, strangers)
    return wrong, strangers


def _beside(pack: Pack, group: list[Fact]) -> Callable[[Value], int]:
    """How near the pack puts a wrong value to a group's facts: 0 for a date or number, or a
    value another fact pairs with the group's subject or a right value; 1 for a name in the
    paragraph of a fact's quote; FAR for a stranger. What the group pairs and the paragraphs
    it stands in are read once for all the values weighed."""
    paired = [_paired_with(pack, anchor) for f in group for anchor in (f.subject, f.object)]
    folded: list[str] = []  # the sentences of the quotes' paragraphs, folded when first asked

    def paragraphs() -> list[str]:
        if not folded:
            index = index_of(pack)
            for f in group:
                for q in f.evidence:
                    text_of = index.source(q.source)
                    folded.extend(
                        fold(s.text) for s in text_of.sentences_in(text_of.paragraph(q.start))
                    )
        return folded

    def rank(value: Value) -> int:
        if not isinstance(value, Entity) or any(value.key in keys for keys in paired):
            return 0
        return 1 if any(names_in(text, value) for text in paragraphs()) else FAR

    return rank


def _paired_with(pack: Pack, value: Value) -> frozenset[object]:
    """The keys of the values the pack's facts about a value name (the value's own too),
    once per value: the pack's subject takes part in most facts."""
    memo = index_of(pack).memo
    found = memo.get(("paired with", value.key))
    if not isinstance(found, frozenset):
        found = memo[("paired with", value.key)] = frozenset(
            k
            for other in pack.facts_about.get(value.key, ())
            for k in (other.subject.key, other.object.key)
        )
    return found


def _tf_group(pack: Pack, fact: Fact) -> list[Fact]:
    """The facts that share the fact's relation and subject (its twins' siblings)."""
    return [
        f
        for f in index_of(pack).facts_for(fact.relation, "forward", fact.subject)
        if not f.background
    ] or [fact]


def false_value(pack: Pack, fact: Fact) -> Value | Refusal:
    """The wrong value of the fact's false twin: proven false by a closed relation, of the
    answer's role, never one the statement already names; the facts of one subject each get
    another (the group's candidates dealt out in pack order), so no two false statements are
    the same. Fixed for the pack, not drawn per round: a twin is the same in every draw."""
    memo = index_of(pack).memo
    key = ("false twin", fact.id)
    if key in memo:
        return cast("Value | Refusal", memo[key])
    result: Value | Refusal
    if not fact.relation.closed:
        result = not_closed(fact.relation, "a false statement")
    else:
        group = _tf_group(pack, fact)
        wanted = min(len(group), TWINS_PER_SUBJECT)
        wrong, strangers = _twin_values(pack, group, wanted)
        at = next((i for i, f in enumerate(group) if f.id == fact.id), 0)
        if at >= wanted:
            result = Refusal(
                Said.ngettext(
                    "{subject} has {n} fact of relation '{relation}': the first {first} make its "
                    "true/false statements, so a list does not fill a round with statements "
                    "about one subject",
                    "{subject} has {n} facts of relation '{relation}': the first {first} make "
                    "its true/false statements, so a list does not fill a round with statements "
                    "about one subject",
                    len(group),
                    subject=fact.subject.display,
                    n=len(group),
                    relation=fact.relation.id,
                    first=wanted,
                )
            )
        elif at < len(wrong):
            result = wrong[at]
        elif strangers:
            result = Refusal(
                Said.ngettext(
                    "no wrong value near the fact: the {n} the bank proves false are named "
                    "neither in the paragraph of its quote nor in another fact with {subject} "
                    "or a right value, and a stranger makes an absurd statement",
                    "no wrong value near the fact: the {n} the bank proves false are named "
                    "neither in the paragraph of its quote nor in another fact with {subject} "
                    "or a right value, and a stranger makes an absurd statement",
                    strangers,
                    n=strangers,
                    subject=fact.subject.display,
                ),
                said(
                    N_(
                        "quote a fact pairing {subject} with a value of the answer's role, or "
                        "quote more of the paragraph"
                    ),
                    subject=fact.subject.display,
                ),
            )
        else:
            result = too_few_wrong(fact.relation, fact.object, len(wrong), wanted)
    memo[key] = result
    return result


def not_unique(pack: Pack, fact: Fact, direction: Direction) -> Refusal | None:
    """Why the asked side has no single right answer (None when it has one)."""
    if not fact.relation.closed:
        return not_closed(fact.relation, "another answer")
    anchor, _ = sides(fact, direction)
    answers = index_of(pack).answers(fact.relation, direction, anchor)
    if len(answers) == 1:
        return None
    shown = [v.display for v in answers]  # two or more
    named = said(N_("{items} and {last}"), items=", ".join(shown[:-1]), last=shown[-1])
    return Refusal(
        Said.ngettext(
            "{anchor} has {n} answer in relation '{relation}' ({named}), so a question wanting "
            "one has no single right answer",
            "{anchor} has {n} answers in relation '{relation}' ({named}), so a question wanting "
            "one has no single right answer",
            len(answers),
            anchor=anchor.display,
            n=len(answers),
            relation=fact.relation.id,
            named=named,
        ),
        said(
            N_('a `{template}` template asks "Name one …" and accepts any of them'),
            template=f"{direction}_any",
        ),
    )


def whose(pack: Pack, fact: Fact, direction: Direction, prompt: str) -> Refusal | None:
    """Where the world holds more answers than the source (`also_true`), a question with one
    right answer must ask what the source says (None when it does, or need not)."""
    if direction != "forward" or not fact.relation.also_true:
        return None
    word = noun(pack, source_of(pack, fact))
    if pack.lang.names_source(prompt, word):
        return None
    return Refusal(
        said(
            N_(
                "relation '{relation}' has also_true values, so a question with one right answer "
                "must ask what the {noun} says"
            ),
            relation=fact.relation.id,
            noun=word,
        ),
        said(N_('word the template "According to the {noun}, …"'), noun=word),
    )


def number(pack: Pack, fact: Fact, rng: random.Random) -> Question | Refusal:
    key = fact.object
    template = "forward"
    unit = ""
    if isinstance(key, When):
        if "year" in fact.relation.templates:
            template = "year"  # "In which year …?" of a full date
        elif key.precision != "year":
            return missing(fact.relation, "year")
        if year_in_title(pack, key.year):
            return title_key(When(key.year, language=key.language))
        answer: int | float = key.year
    elif isinstance(key, Number) and not key.approx:
        # A rounded figure ("about 1,000") has no single right number: it is asked only as
        # multiple choice, where its options are written the same way.
        answer = key.value
        unit = fact.relation.unit or ""
    elif isinstance(key, Number) and bound_in(pack, fact, key):
        # A bound ("over 1,000") asked as the source gives it ("… over how many …?"): the
        # bound's figure is the one right number
        answer = key.value
        unit = fact.relation.unit or ""
    elif isinstance(key, Number):
        return Refusal(
            said(
                N_(
                    "{figure} is an approximate figure (approx: true): no single number is "
                    "right, so no number question asks it (a multiple-choice question asks it "
                    'as "about …", among figures far from it)'
                ),
                figure=repr(key.display),
            ),
            said(N_("give the exact figure (without approx) to ask it as a number as well")),
        )
    else:
        return Refusal(
            said(N_("the answer {answer} is not a year or a number"), answer=repr(key.display))
        )
    refused = not_unique(pack, fact, "forward")
    if refused is not None:
        return refused
    refused = _same_card(pack, fact, answer)
    if refused is not None:
        return refused
    prompt = ask(pack, fact, "forward", template)
    if isinstance(prompt, Refusal):
        return prompt
    if _names_number(prompt, answer, pack.lang.numbers.names):
        return names_answer(template, prompt, key)
    refused = whose(pack, fact, "forward", prompt)
    if refused is not None:
        return refused
    return Question(
        id=f"{fact.id}:number",
        kind="number",
        prompt=prompt,
        options=(),
        topics=fact.topics,
        key=_figure(pack, key, answer, unit),
        origin=Origin(
            facts=(fact.id,),
            quotes=passages(pack, fact.evidence),
            explanation=explanation(pack, fact),
            claim=Claim(fact.relation.id, "forward", fact.subject, (key,)),
        ),
    )


def _figure(pack: Pack, key: Value, answer: int | float, unit: str) -> Figure:
    """A number question's key: for a date's year, the month and day the fact has (a
    student's "July 2016" is checked, not sent back); for a bound, the bound and the
    source's words ("over 1,000 troops" as the answer shown, not "1000 troops")."""
    if isinstance(key, When):
        return Figure(answer, 0.0, unit, pack.lang.code, True, month=key.month, day=key.day)
    bound = bound_of(key, pack.lang) or ""
    shown = key.text if bound and isinstance(key, Number) and key.text else ""
    return Figure(answer, 0.0, unit, pack.lang.code, bound=bound, shown=shown)


def bound_in(pack: Pack, fact: Fact, key: Number) -> bool:
    """Whether the key is a bound ("over 1,000") and the `forward` template asks for it with
    the source's own bound word ("… over how many troops …?"), so the figure is its answer."""
    bound = bound_of(key, pack.lang)
    template = fact.relation.templates.get("forward", "")
    if bound is None or not template:
        return False
    words = pack.lang.lower_bounds if bound == "lower" else pack.lang.upper_bounds
    said = f" {' '.join(fold(key.text or '').split())} "
    asked = f" {' '.join(fold(template).split())} "
    return any(f" {w} " in said[: len(w) + 2] and f" {w} " in asked for w in words)


def _same_card(pack: Pack, fact: Fact, figure: object) -> Refusal | None:
    """Why a question on the fact's date or figure is not asked: an earlier fact of its
    relation asks the same one from the same sentence (`_same_figure`), so it would be the
    same card under another name; None when it may be asked."""
    twin = _same_figure(pack, fact)
    if twin is None:
        return None
    return Refusal(
        said(
            N_(
                "fact '{id}' asks the same date or figure ({figure}) of this relation from the "
                "same sentence: a second question would be the same card under another name"
            ),
            id=twin.id,
            figure=figure,
        ),
        said(N_("it is asked in the other kinds; nothing to change")),
    )


def _same_figure(pack: Pack, fact: Fact) -> Fact | None:
    """An earlier fact of the same relation whose number question would have the same
    answer and the same proof ("In which year did Latvia / Slovakia / … join NATO?", all
    2004 from one sentence): only the first is asked as a number."""
    if fact.background:
        return None
    key = _figure_key(fact)
    # the facts with this object, in pack order (a lookup the pack keeps, not a walk over
    # the relation's facts for each question, which made generation grow as their square)
    first = next(
        (
            f
            for f in pack.facts_about.get(fact.object.key, ())
            if f.object.key == fact.object.key and not f.background and _figure_key(f) == key
        ),
        None,
    )
    return first if first is not None and first is not fact else None


def _figure_key(fact: Fact) -> tuple[object, ...]:
    q = fact.quote
    return (fact.relation.id, fact.object.key, q.source, q.start, q.end)


def _names_number(text: str, value: int | float, names: tuple[str, ...]) -> bool:
    words = [str(value)]
    if isinstance(value, int) and 0 <= value < len(names):
        words.append(names[value])
    return any(re.search(rf"(?<![\w.,]){re.escape(w)}(?![\w])", text, re.I) for w in words)


def multi(
    pack: Pack, facts: list[Fact], direction: Direction, rng: random.Random
) -> Question | Refusal:
    """Select all that apply, over the facts that share a subject (forward) or object."""
    first = facts[0]
    relation = first.relation
    template = f"{direction}_all"
    if not relation.closed:
        return not_closed(relation)
    if template not in relation.templates:
        return missing(relation, template)
    anchor, _ = sides(first, direction)
    prompt = framed(pack, first, relation.render(template, **placed(direction, anchor)))
    rights = [sides(f, direction)[1] for f in facts]
    folded_prompt = fold(prompt)
    named = [v for v in rights if names_in(folded_prompt, v)]
    rights = [v for v in rights if not names_in(folded_prompt, v)]
    if not rights:
        return names_answer(template, prompt, named[0])
    # the pack's own subject is a free pick: left out of the options (it is not wrong)
    titled = [v for v in rights if in_title(pack, v)]
    rights = [v for v in rights if not in_title(pack, v)]
    if not rights:
        return title_key(titled[0])
    rng.shuffle(rights)
    rights = rights[: rng.randint(min(2, len(rights)), min(3, len(rights)))]
    wrong = candidates(
        pack, relation, direction, anchor, rights, prompt, rng, max(len(rights), 5 - len(rights))
    )
    if len(wrong) < 2:  # one wrong option among rights: a name the source never uses
        return too_few_wrong(relation, rights[0], len(wrong), 2)
    # never more right options than wrong: with (right picks - wrong picks) / rights, ticking
    # every box then earns nothing (four right of six earned half: the twenty-ninth reading)
    rights = rights[: len(wrong)]
    words = giveaway(
        prompt, [v.display for v in rights], [v.display for v in wrong], pack.lang.stopwords
    )
    if words:
        return gives_away(words)
    values = _arrange(rights + wrong, rng)
    right_keys = {v.key for v in rights}
    shown = [f for f in facts if sides(f, direction)[1].key in right_keys]
    word = noun(pack, source_of(pack, first))
    chosen = [v.display for v in values if v.key in right_keys]
    left_out = [v.display for v in values if v.key not in right_keys]
    lang = pack.lang
    why = lang.frame(
        "multi_explanation",
        noun=word,
        chosen=lang.listing(chosen),
        left_out=lang.listing(left_out, lang.or_word),
    )
    # one note, never one per right option (a note per fact would repeat the same sentence)
    notes = list(dict.fromkeys(f.explanation for f in shown if f.explanation))
    notes = notes if len(notes) == 1 else []
    return Question(
        id=f"{first.id}:multi:{direction}",
        kind="multi",
        prompt=prompt,
        options=tuple(v.display for v in values),
        topics=tuple(dict.fromkeys(t for f in shown for t in f.topics)),
        key=Many(frozenset(i for i, v in enumerate(values) if v.key in right_keys)),
        origin=Origin(
            facts=tuple(f.id for f in shown),
            quotes=passages(pack, [q for f in shown for q in f.evidence]),
            explanation=" ".join([why, *notes]),
            claim=Claim(relation.id, direction, anchor, tuple(values)),
            fact_options=tuple(
                next(i for i, v in enumerate(values) if v.key == sides(f, direction)[1].key)
                for f in shown
            ),
        ),
    )
