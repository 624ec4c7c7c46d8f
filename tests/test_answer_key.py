"""A second opinion: an answer key written by hand from the article, not from the fact bank.

The invariant tests call the generator's own `truth` functions, so a bug there (or in
the bank) would pass them all. This key was written by reading the source article
(/work/shared/seeds/000_328fbbe3bd9b30a6.txt, the bundled pack's frozen source): for each
checkable fact, what the article says, and everything it accepts. Every generated
question that touches one of these facts is checked against it: the right option is an
answer the article gives, a wrong option is not, a true/false statement is keyed as the
article has it, a typed key takes the article's answers, an evidence question's answer
sentence holds the claim's value, and time-order questions follow the article's dates.

Each fact is found in a question's text by `about` patterns (all must match the text,
folded); what the patterns match is the anchor, and what is left is where a statement's
value stands.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from helpers import Seen, bundled, plain
from quiz.answers import check_typed
from quiz.generate import all_questions
from quiz.question import Figure, Text

SEEDS = range(3)


@dataclass(frozen=True)
class Fact:
    """What the article says: every answer it gives (the whole list), for questions whose
    text matches every `about` pattern."""

    about: tuple[str, ...]
    answers: tuple[str | int, ...]
    also: tuple[str, ...] = ()  # other words the article uses for the one answer

    @property
    def said(self) -> tuple[str | int, ...]:
        return (*self.answers, *self.also)


KEY: tuple[Fact, ...] = (
    # -- membership: "Lithuania became the member of NATO on 29 March 2004 when documents of
    # ratification of the North Atlantic Treaty were deposited in Washington (USA)."
    Fact(
        (
            r"\blithuania\b",
            r"(became a member of nato|joined nato) on|(what date|which year) did lithuania become",
        ),
        ("29 March 2004", 2004),
    ),
    # "Lithuania accessed NATO along with six more countries – Estonia, Latvia, Bulgaria,
    # Romania, Slovakia, and Slovenia.": the six countries' date is no longer asked (an
    # inference, the same as Lithuania's: each answered the other, the nineteenth reading)
    Fact(
        (r"(became a member of nato|joined nato) on 29 march 2004",),
        ("Lithuania", "Estonia", "Latvia", "Bulgaria", "Romania", "Slovakia", "Slovenia"),
    ),
    Fact(
        (r"joined nato along with lithuania|lithuania joined nato along with",),
        ("Estonia", "Latvia", "Bulgaria", "Romania", "Slovakia", "Slovenia"),
    ),
    Fact((r"along with how many more countries|at the same time as",), (6,)),
    Fact((r"how many years had lithuania been|had been a member of nato for",), (14,)),
    Fact(
        (r"ratification of the north atlantic treaty", r"in which city|deposited|lodged"),
        ("Washington",),
    ),  # fmt: skip
    # the treaty by which Lithuania joined is no longer asked: its name is NATO's own
    # "NATO membership is the foundation of Lithuania's security policy."
    # no longer asked: a student guesses it without reading (tests/helpers.GUESSABLE)
    # "… the collective defence system which is based on solidarity of allies, guarantees of
    # collective defence, and mutual commitments."
    Fact(
        (r"system lithuania (is part of|joined|belongs)",),
        ("solidarity of allies", "guarantees of collective defence", "mutual commitments"),
    ),
    Fact((r"minister of national defence",), ("Raimundas Karoblis",)),
    # -- tasks: "the main NATO tasks – collective defence, crisis management and provision
    # of security through cooperation"
    Fact(
        (r"main tasks? of nato",),
        ("collective defence", "crisis management", "security through cooperation"),
    ),
    # "In 2004 – 2013 NATO began focussing on crisis management, discussions on emerging
    # security challenges -energy, cyber security, started."
    Fact((r"focus", r"2004 2013|between 2004 and 2013"), ("crisis management",)),
    Fact((r"emerging security challenge",), ("energy", "cyber security")),
    # "It made NATO remember its initial mission – deterrence and collective defence."
    Fact((r"initial mission",), ("deterrence", "collective defence")),
    # no longer asked: a student guesses it without reading (tests/helpers.GUESSABLE)
    Fact((r"strategy|plan for countering",), ("hybrid threats",)),
    Fact((r"political commitment|pledged politically",), ("cyber defence",)),
    # ("Name one kind of attack … a great challenge of hybrid warfare" — cyber, information —
    # is no longer asked: cyber attacks are general knowledge, the sixth reading's guess)
    Fact((r"european union", r"prepar"), ("hybrid threats",)),
    Fact((r"european union", r"strengthen|stronger"), ("national resilience",)),
    Fact((r"regular",), ("chiefs of defence", "ministers of defence")),
    # -- Lithuania as a contributor
    Fact(
        (r"before (joining nato|lithuania joined nato)",),
        ("Bosnia and Herzegovina", "Croatia", "Albania"),
    ),
    Fact(
        (r"deployed (to|between)", r"2004 and 2014|2004 to 2014|accession and 2014"),
        ("Afghanistan", "Iraq", "Pakistan"),
    ),
    # ("Name one thing … multinational operations … gave Lithuania" — experience — is no
    # longer asked: it is the stock answer, the sixth reading's guess)
    Fact((r"\bprovince\b",), ("Ghor",)),
    Fact(
        (r"reconstruction team in afghanistan within|within which nato operation",),
        # "the international security assistance operation of NATO in Afghanistan", the
        # answer shown in the article's words since the nineteenth reading: ISAF
        ("international security assistance operation",),
        also=("International Security Assistance Force",),
    ),
    Fact((r"how many years did lithuania lead|reconstruction team in afghanistan for",), (8,)),
    Fact((r"begin leading|began leading",), (2005,)),
    Fact((r"leadership of a nato provincial reconstruction team",), (2013,)),
    Fact(
        (r"capabilities of lithuania (are )?assigned|which nato forces are capabilities",),
        ("NATO Response Forces",),
    ),  # fmt: skip
    Fact(
        (r"\bofficers\b|\bholding posts\b",),
        ("NATO headquarters and commands",),
        ("NATO's military structure", "NATO's command structure"),  # the claim's other words
    ),
    Fact(
        (r"military representatives|represent lithuania.s military|speak for lithuania.s armed",),
        ("NATO",),
    ),
    # no longer asked: a student guesses it without reading (tests/helpers.GUESSABLE)
    # "Lithuania pays great attention to strengthening national defence capabilities –
    # increases defence budget, modernises and develops its armed forces and infrastructure.
    # Our troops … often earn praise and respect for their professionalism and courage."
    Fact(
        (r"strengthens? its national defence capabilities",),
        ("defence budget", "armed forces", "infrastructure"),
    ),
    # ("Name a quality for which … troops … earn praise and respect" — courage — is no longer
    # asked: what anyone names for praised troops, the sixth reading's guess)
    Fact((r"called for|pressed for",), ("regional security",)),
    # ("What did the Lithuanian Air Force use to take contingents to areas of operations?" —
    # transport aircraft — is no longer asked: an air force carries troops in transport
    # planes, the sixteenth reading's guess; tests/helpers.GUESSABLE)
    Fact((r"lithuanian navy",), ("NATO Standing Naval Forces", "SNMCMG1")),
    Fact((r"snmcmg1 (is part of|belongs to)",), ("NATO Standing Naval Forces",)),
    Fact((r"\befforts\b",), ("mine countermeasures",)),
    # -- air policing: "Before the Russian aggression in Ukraine, the main NATO presence in
    # the Baltic states was the NATO Air Policing Mission … It began on 29 March 2004 with
    # the landing of the Belgian Air Force Detachment with F-16s at Šiauliai Air Base."
    Fact((r"main nato presence|main presence",), ("Air Policing Mission",)),
    Fact((r"air policing mission begin\b|air policing mission began on",), ("29 March 2004", 2004)),
    # (no longer asked the other way, "which operation began on 29 March 2004?": the other
    # operations' names, "augmentation" and "enhanced", say they came later)
    Fact((r"detachment from",), ("Belgium",)),
    Fact((r"where did the first detachment|first detachment of .* landed at",), ("Šiauliai",)),
    Fact(
        (r"which aircraft did the first detachment|first detachment of .* flew in on",), ("F-16",)
    ),  # fmt: skip
    # "NATO responded immediately - deployed augmentation of the Baltic air policing mission
    # in Šiauliai and Amari (Estonia) Air Bases."
    Fact(
        (r"augmentation at|places did nato deploy|place where nato deployed|air bases where",),
        ("Šiauliai", "Ämari"),
    ),
    Fact((r"first deploy", r"augmentation"), (2014,)),
    Fact((r"amari air base", r"in which country|\bis in\b"), ("Estonia",)),
    # ("Which of these places is in Estonia?" no longer: the article places no other base)
    # "NATO fighter aircraft have been scrambled to intercept Russian military aircraft"
    Fact((r"intercept|scrambled|take off far more",), ("Russia",), also=("Russian",)),
    # -- institutions: "NATO Energy Security Centre of Excellence was opened in Vilnius 2012"
    Fact(
        (
            r"energy security centre of excellence",
            r"in which city|opened (its doors )?in (?=[a-z])",
        ),
        ("Vilnius",),
    ),
    Fact(
        (r"energy security centre of excellence", r"in which year|opened (its doors )?in (?=\d)"),
        (2012,),
    ),
    # "eight countries of Central and Eastern Europe became hosts of NATO Force Integration
    # Unis … First unit like that has been successfully operating in Vilnius since September
    # 2015."
    Fact((r"central and eastern europe",), (8,)),
    Fact(
        (r"first of the nato force integration units", r"in which city|operating in (?=[a-z])"),
        ("Vilnius",),
    ),
    # the month and the year when asked "since when" (a wrong option may be "March 2015"),
    # the year alone when asked "since which year"
    Fact(
        (r"first of the nato force integration units", r"since when|operating since"),
        ("September 2015",),
    ),
    Fact((r"first of the nato force integration units", r"since which year"), (2015,)),
    # -- events and summits
    Fact((r"russian aggression in ukraine", r"spring|shook up"), (2014,)),
    # ("Russia's aggression was in which country?" — Ukraine — is no longer asked: three other
    # prompts name Russia's aggression in Ukraine, the fifth reading's giveaway)
    Fact((r"wales summit", r"which year|took place|take place"), (2014,)),
    Fact((r"warsaw summit", r"which year|took place|take place"), (2016,)),
    Fact((r"warsaw summit", r"month and year|\bheld in\b"), ("July 2016",)),
    Fact((r"wales summit", r"necessity|needed"), ("rotational allied units",)),
    Fact((r"warsaw summit", r"deploy"), ("enhanced Forward Presence",)),
    # (no longer asked "which NATO summit decided to deploy eFP?": the article later credits
    # the Wales and Warsaw summits together with decisions on it)
    # "The NATO Summit in Warsaw in July 2016 decided to deploy NATO enhanced Forward
    # Presence in Lithuania, Latvia, Estonia, and Poland - and a multinational German-led
    # over 1,000 strong force was inaugurated in Rukla as soon as 2017 and today it is a
    # part of the Mechanised Infantry Brigade Iron Wolf of the Lithuanian Armed Forces.
    # Aside from Germany, the forward force deployed in Lithuania for deterrence and defence
    # is manned and equipped by the Netherlands, Norway, Belgium, Croatia, Iceland, France,
    # and Luxembourg."
    Fact(
        (r"decide in 2016 to deploy|decided in 2016 to deploy|in 2016 nato agreed that",),
        ("Lithuania", "Latvia", "Estonia", "Poland"),
    ),
    Fact((r"leads the multinational forward force|is led by",), ("Germany",)),
    Fact(
        (r"man and equip|mans and equips",),
        (
            "Germany",
            "Netherlands",
            "Norway",
            "Belgium",
            "Croatia",
            "Iceland",
            "France",
            "Luxembourg",
        ),
    ),
    # asked "over how many troops strong …?" (a number question), whose answer is the 1,000
    Fact((r"\bstrong\b",), ("over 1,000", 1000), also=("about 1,000",)),
    Fact((r"inaugurated", r"where was|inaugurated at"), ("Rukla",)),
    Fact((r"inaugurated", r"which year|inaugurated in (?=\d)"), (2017,)),
    Fact((r"brigade of the lithuanian armed forces|is today a part of",), ("Iron Wolf",)),
    # no longer asked: a student guesses it without reading (tests/helpers.GUESSABLE)
)

# The article's dated events, for time-order questions.
EVENTS: tuple[tuple[str, tuple[int, ...]], ...] = (
    (r"(lithuania|estonia|latvia|bulgaria|romania|slovakia|slovenia) becomes a", (2004, 3, 29)),
    (r"air policing mission begins", (2004, 3, 29)),
    (r"begins leading a nato provincial", (2005,)),
    (r"energy security centre of excellence is opened", (2012,)),
    (r"reconstruction team (in afghanistan )?ends", (2013,)),
    (r"wales summit takes place", (2014,)),
    (r"russian aggression in ukraine changes", (2014,)),
    (r"first deploys the baltic air policing augmentation", (2014,)),
    (r"(first of the )?nato force integration units (in vilnius )?starts", (2015, 9)),
    (r"warsaw summit takes place", (2016,)),
    (r"inaugurated in rukla", (2017,)),
)  # fmt: skip

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen")  # fmt: skip


def says(text: str, answer: str | int) -> bool:
    """Whether a text gives an answer: its words (folded) in a row, or the number in digits
    (perhaps '14th') or words."""
    folded = f" {plain(text)} "
    if isinstance(answer, int):
        words = [str(answer)] + ([NUMBER_WORDS[answer]] if answer < len(NUMBER_WORDS) else [])
        return any(re.search(rf" {w}(st|nd|rd|th)? ", folded) for w in words)
    return f" {plain(answer)} " in folded


def _text(q: Seen) -> str:
    if q.kind == "evidence":
        return q.prompt.split(" proves this? ", 1)[1]
    return q.prompt.removeprefix("True or false? ")


def facts_of(q: Seen) -> list[tuple[Fact, str]]:
    """The facts a question touches, each with what is left of its text past the anchors."""
    text = plain(_text(q))
    found = []
    for fact in KEY:
        if all(re.search(p, text) for p in fact.about):
            rest = text
            for p in fact.about:
                rest = re.sub(p, " ", rest)
            rest = re.sub(r"^according to the article( 2018)? ", "", rest.strip())
            found.append((fact, rest))
    return found


@functools.cache
def generated() -> tuple[Seen, ...]:
    pack = bundled()
    return tuple(
        Seen(q) for s in SEEDS for q in all_questions(pack, s) if not q.origin.hand_written
    )


_FULL_DATE = re.compile(
    r"\b\d{1,2} (january|february|march|april|may|june|july|august|september|october|"
    r"november|december) \d{4}\b",
    re.IGNORECASE,
)


def _check(q: Seen, fact: Fact, rest: str) -> None:
    named = [a for a in fact.answers if isinstance(a, str)]
    if q.kind in ("choice", "multi"):
        # a full date among full dates ("29 March 2004" beside "15 January 2004"): the year
        # alone (for a number question) says nothing of which option is right
        whole = [a for a in fact.said if isinstance(a, str)]
        said = whole if any(says(o, a) for o in q.options for a in whole) else fact.said
        for option in q.options:
            right = any(says(option, a) for a in said)
            assert right == (option in q.answers), (q.id, q.prompt, option, fact.answers)
    elif q.kind == "true_false":
        # a statement giving a full date is judged by the full date: "joined NATO on 12 May
        # 2004" states the right year of a wrong day
        whole = [a for a in fact.said if isinstance(a, str) and _FULL_DATE.search(a)]
        said = whole if whole and _FULL_DATE.search(rest) else fact.said
        expected = "True" if any(says(rest, a) for a in said) else "False"
        assert q.answer == expected, (q.id, q.prompt, fact.answers)
    elif q.kind == "typed":
        key = q.key
        assert isinstance(key, Text)
        if len(named) > 1 and not re.search(r"\bname (one|a)\b", plain(q.prompt)):
            pytest.fail(f"{q.id}: a typed question whose answer is not unique: {q.prompt}")
        for answer in named:
            assert check_typed(key, answer).correct, (q.id, answer)
        assert any(says(key.answer, a) for a in named), (q.id, key.answer)
    elif q.kind == "number":
        assert isinstance(q.key, Figure) and q.key.value in fact.answers, (q.id, q.key.value)
    elif q.kind == "evidence":
        given = [a for a in fact.said if says(rest, a)]
        assert given, f"{q.id}: the claim states none of the article's answers: {q.prompt}"
        assert any(says(q.answer, a) for a in fact.said), (q.id, q.answer, given)


def test_every_question_on_a_key_fact_agrees_with_the_key() -> None:
    checked = 0
    for q in generated():
        for fact, rest in facts_of(q):
            _check(q, fact, rest)
            checked += 1
    assert checked > 380  # 500 before the nineteenth and twentieth readings dropped 35 questions


def test_the_key_covers_most_questions_and_every_fact_is_asked() -> None:
    """A key that matched nothing would pass everything: most generated questions (all but
    time order) touch a fact of the key, and every fact of the key is asked."""
    qs = [q for q in generated() if q.kind != "order"]
    matched = [q for q in qs if facts_of(q)]
    assert len(matched) >= 0.95 * len(qs), [q.prompt for q in qs if not facts_of(q)][:10]
    for fact in KEY:
        assert any(f is fact for q in qs for f, _ in facts_of(q)), fact.about


def _date(label: str) -> tuple[int, ...]:
    found = [d for pattern, d in EVENTS if re.search(pattern, plain(label))]
    assert len(found) == 1, label
    return found[0]


def _before(a: Sequence[int], b: Sequence[int]) -> bool:
    """Strictly earlier at the coarser of the two precisions (2004 is not before 29 March)."""
    n = min(len(a), len(b))
    return tuple(a[:n]) < tuple(b[:n])


def test_time_order_follows_the_articles_dates() -> None:
    orders = [q for q in generated() if q.kind == "order"]
    assert orders
    for q in orders:
        dates = [_date(label) for label in q.answer]
        for earlier, later in zip(dates, dates[1:], strict=False):
            assert _before(earlier, later), (q.id, q.answer)


def test_the_key_catches_a_wrong_answer() -> None:
    """The key is no rubber stamp: a choice keyed to a wrong option, or a statement keyed
    the other way, disagrees with it."""
    import dataclasses

    from quiz.question import One

    choice = next(q for q in generated() if q.kind == "choice" and facts_of(q))
    wrong = next(i for i, o in enumerate(choice.options) if o not in choice.answers)
    forged = Seen(dataclasses.replace(choice.q, key=One(wrong)))
    statement = next(q for q in generated() if q.kind == "true_false" and facts_of(q))
    flipped = Seen(dataclasses.replace(statement.q, key=One(1 - statement.q.key.right)))
    for q in (forged, flipped):
        with pytest.raises(AssertionError):
            for fact, rest in facts_of(q):
                _check(q, fact, rest)
