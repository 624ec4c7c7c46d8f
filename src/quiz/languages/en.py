"""English: the words the program used before packs had a language of their own, unchanged."""

from __future__ import annotations

from types import MappingProxyType

from quiz.languages.base import Language
from quiz.numbers import ENGLISH

# Words that carry no meaning of their own: a prompt and an option sharing one gives nothing
# away ("Which of these …" / "the Netherlands").
_STOPWORDS = """
a an the and or of in on at to for from with within by as is are was were be been being
did do does done has have had its it their they them this these that those which what
who whom whose when where why how not no one any every all each other than then there
here into onto over under about after before during since until between also only such
according article text source chapter speech handout select these true false
"""

# First words that are not names, so "Which …" becomes "…, which …" after a frame.
_LOWER_FIRST = """
a an the in on at of for from with within by to since before after during until when
where which what who whom whose how why is are was were did does do has have had its
their there this these that those select put
"""

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip

# words that work against a name or make it another thing (`Language.contrary`)
_CONTRARY = frozenset(
    """
    less lesser fewer lower weaker smaller worse reduced decreased limited cut cuts cutting
    reduce reducing reduction decrease decreasing lowering weaken weakening ending end stop
    stopping halt halting abandon abandoning abolish abolishing lack lacking loss former ex
    vice deputy acting assistant pseudo fake false mock opposite counter anti instead minus
    against versus vs only solely just exclusively merely
    """.split()  # noqa: SIM905 (a word list, read as prose)
)


LANGUAGE = Language(
    code="en",
    name="English",
    true="True",
    false="False",
    frames=MappingProxyType(
        {
            "true_false": "True or false? {statement}",
            "according": "According to the {noun}, {text}",
            "according_year": "According to the {noun} ({year}), {text}",
            "evidence": "Which sentence of the {noun} proves this? {claim}",
            "order": "Put these events in time order, earliest first.",
            "order_explanation": "In time order: {timeline}.",
            "false": "False. {explanation}",
            "false_listed": "False. Here the {noun} names {named} — not {value}.",
            "multi_explanation": (
                "Of these, the {noun} names {chosen}; it does not name {left_out} here."
            ),
            "any_of": "Any of these: {answer}.",
            "hand_answer": "The answer is {answer}",
            "hand_explanation": "{answer} — as the {noun} says.",
            "about": "about {number}",
        }
    ),
    noun="text",
    source_names=("the {noun}",),
    and_word="and",
    or_word="or",
    stopwords=frozenset(_STOPWORDS.split()),
    lower_first=frozenset(_LOWER_FIRST.split()),
    small_words=frozenset(
        [
            "a",
            "an",
            "the",
            "in",
            "at",
            "on",
            "of",
            "to",
            "for",
            "from",
            "by",
            "with",
            "into",
            # placing a thing among others, as "in" does: "commitments between allies"
            "between",
            "among",
            "amongst",
            "within",
            "during",
            "throughout",
            "its",
            "their",
            "his",
            "her",
            "s",
            # determiners that do not change what is named: "in different NATO headquarters"
            "different",
            "various",
        ]
    ),
    joins=("and", "or"),
    articles=("the", "a", "an"),
    stands_for=frozenset(
        [
            "it",
            "its",
            "they",
            "them",
            "their",
            "this",
            "these",
            "those",
            "he",
            "she",
            "his",
            "her",
            "we",
            "our",
            "us",
            "alliance",
        ]
    ),
    ordinals=("st", "nd", "rd", "th"),
    months=_MONTHS,
    month_forms=tuple((m.lower(),) for m in _MONTHS),
    date_day="{day} {month} {year}",
    date_month="{month} {year}",
    numbers=ENGLISH,
    snowball="english",
    synonyms=(
        (("armed", "forces"), ("army",)),
        (("armed", "force"), ("army",)),
        (("forces",), ("units",)),
        (("force",), ("unit",)),
        (("airplanes",), ("aircraft",)),
        (("aeroplanes",), ("aircraft",)),
        (("planes",), ("aircraft",)),
        (("airplane",), ("aircraft",)),
        (("aeroplane",), ("aircraft",)),
        (("plane",), ("aircraft",)),
        (("troops",), ("units",)),
        (("troop",), ("unit",)),
        (("missions",), ("operations",)),
        (("mission",), ("operation",)),
        (("hqs",), ("headquarters",)),
        (("hq",), ("headquarters",)),
        (("bravery",), ("courage",)),
        (("braveness",), ("courage",)),
        (("valour",), ("courage",)),
        (("valor",), ("courage",)),
        # an airfield word after a place's name is one generic head: "Šiauliai airport",
        # "Šiauliai military airfield" and "Šiauliai AB" all name "Šiauliai Air Base"; before
        # "military" → "army" below, so "military airfield" stays one head
        (("military", "airfield"), ("air", "base")),
        (("military", "airfields"), ("air", "bases")),
        (("military", "airport"), ("air", "base")),
        (("military", "airports"), ("air", "bases")),
        (("military", "air", "base"), ("air", "base")),
        (("air", "force", "base"), ("air", "base")),
        (("air", "force", "bases"), ("air", "bases")),
        (("military", "airbase"), ("air", "base")),
        (("air", "field"), ("air", "base")),
        (("air", "fields"), ("air", "bases")),
        (("air", "port"), ("air", "base")),
        (("airfield",), ("air", "base")),
        (("airfields",), ("air", "bases")),
        (("airport",), ("air", "base")),
        (("airports",), ("air", "bases")),
        (("airbase",), ("air", "base")),
        (("airbases",), ("air", "bases")),
        (("ab",), ("air", "base")),
        # the generic head after a concept the key names: "mine countermeasure efforts",
        # "… operations", "… missions", "… activities" say the same thing
        (("efforts",), ("operations",)),
        (("effort",), ("operation",)),
        (("activities",), ("operations",)),
        (("activity",), ("operation",)),
        (("rotating",), ("rotational",)),
        (("military",), ("army",)),
        (("spending",), ("budget",)),
        # a comparative says the measure was increased: "a higher defence budget"
        (("higher",), ("increased",)),
        (("bigger",), ("increased",)),
        (("larger",), ("increased",)),
        # "raise"/"boost" a measure is to increase it ("raising the defence budget"); the
        # opposite ("decreasing", "cutting") stays another word
        (("raise",), ("increase",)),
        (("raises",), ("increases",)),
        (("raising",), ("increasing",)),
        (("raised",), ("increased",)),
        (("boost",), ("increase",)),
        (("boosts",), ("increases",)),
        (("boosting",), ("increasing",)),
        (("boosted",), ("increased",)),
    ),
    # US and British spellings meet: -ize/-ise (modernize, organization), never in a short
    # word (size, prize)
    # and -ence/-ense (defence, offence, licence), -our/-or (armour), -tre/-ter (centre)
    respell=(
        (r"(?<=\w\w\w)iz(?=e|ing|ation)", "is"),
        (r"(?<=\w\w\w)yz(?=e|ing)", "ys"),
        (r"(?<=\w\w)ense(?=s?$)", "ence"),
        (r"(?<=\w\w\w)our(?=s?$|ed$|ing$)", "or"),
        (r"(?<=\w\w\w)tre(?=s?$)", "ter"),
    ),
    # the United States however written; "us" in lower case is a pronoun, so "US" only
    expansions=(
        (r"(?i:\bUnited States of America\b)", "United States"),
        (r"(?i:\bU\.\s?S\.\s?A\b\.?)", "United States"),
        (r"(?i:\bU\.\s?S\b\.?)", "United States"),
        (r"(?i:\bUSA\b)", "United States"),
        (r"\bUS\b", "United States"),
        # typed in lower case where no pronoun stands: first before a word, after "the"
        (r"^us(?=\s+\w)", "United States"),
        (r"(?i:\bthe us\b)", "the United States"),
        # "President of America": the country, never a continent ("South America")
        (r"(?<!North )(?<!South )(?<!Central )(?<!Latin )(?i:\bAmerica\b)", "United States"),
        # "American" of an office is the United States' ("American Secretary of State" as
        # "US Secretary of State"); never of a continent's part or a people ("Latin American",
        # "Native American", "Mexican-American")
        (
            r"(?i)(?<!North )(?<!South )(?<!Central )(?<!Latin )(?<!Native )(?<!African )"
            r"(?<!-)\bAmerican\b(?!-)",
            "United States",
        ),
        # a title abbreviated: "Gov. of New Mexico", "Sec. of State"
        (r"(?i:\bGov\b\.?)(?=\s)", "Governor"),
        (r"(?i:\bSec\b\.?)(?=\s)", "Secretary"),
        (r"(?i:\bPres\b\.?)(?=\s)", "President"),
        # the usual abbreviated military and political titles before a name ("Gen. Santa
        # Anna"), each only before a word, as the three above
        (r"(?i:\bGen\b\.?)(?=\s)", "General"),
        (r"(?i:\bCol\b\.?)(?=\s)", "Colonel"),
        (r"(?i:\bCapt\b\.?)(?=\s)", "Captain"),
        (r"(?i:\bLt\b\.?)(?=\s)", "Lieutenant"),
        (r"(?i:\bAdm\b\.?)(?=\s)", "Admiral"),
        (r"(?i:\bSen\b\.?)(?=\s)", "Senator"),
        (r"(?i:\bRep\b\.?)(?=\s)", "Representative"),
        (r"(?i:\bAmb\b\.?)(?=\s)", "Ambassador"),
        # a modifier said after its noun is the one before it: "troops on rotation" and
        # "units on a rotational basis" are "rotational troops", "rotational units"
        (r"(?i)\b([a-z]+) on (?:a )?(?:rotation|rotational basis)\b", r"rotational \1"),
        # a defence said by what it is against: "defence (protection) against cyber
        # attacks" is "cyber defence", one word before "attacks" or "threats" only
        (
            r"(?i)\b(?:defen[cs]e|protection) (?:against|from) "
            r"([a-z]+)[- ]?(?:attacks?|threats?)\b",
            r"\1 defence",
        ),
    ),
    # never a woman's ("Mrs Pierce" is Jane Pierce, another person: a pack does not say whose
    # name is whose, and an adversarial reader found "Mrs Karoblis" right)
    honorifics=frozenset(["mr", "dr", "sir", "mister"]),
    time_words=("at the time", "at that time", "then", "back then", "by then", "in those days"),
    intensifiers=frozenset(
        """
        more greater stronger better increased improved higher bigger strong strengthened
        strengthening
        """.split()  # noqa: SIM905 (a word list, read as prose)
    ),
    contrary=_CONTRARY,
    unstemmed=frozenset(["united"]),
    verb_nouns=(("ment", "ing"), ("ments", "ing")),
    leader_asked=r"\b(?:who|which(?: \w+){0,2}) (?:leads|led|is leading|was leading)\b",
    led="led",
    led_by="by",
    quality_endings=("ence", "ance", "ity", "ness", "ism", "ship", "cy"),
    derived_endings=("ible", "able", "ive", "ility", "iveness", "ness", "ful", "ous"),
    topic_words=frozenset(
        ["issue", "issues", "matter", "matters", "question", "questions", "topic", "topics"]
    ),  # fmt: skip
    sentence_starts=(
        "it is",
        "it's",
        "it was",
        "they are",
        "they were",
        "he is",
        "he was",
        "she is",
        "she was",
        "this is",
        "that is",
        "the answer is",
    ),
    subject_pronouns=frozenset(["it", "they", "he", "she"]),
    short_first_names=(
        ("alexander", ("alex",)),
        ("andrew", ("andy",)),
        ("anthony", ("tony",)),
        ("benjamin", ("ben",)),
        ("charles", ("charlie",)),
        ("christopher", ("chris",)),
        ("daniel", ("dan",)),
        ("edward", ("ed", "ted")),
        ("elizabeth", ("liz", "beth")),
        ("franklin", ("frank",)),
        ("james", ("jim", "jimmy")),
        ("joseph", ("joe",)),
        ("katherine", ("kate", "kathy")),
        ("margaret", ("maggie", "peggy")),
        ("michael", ("mike",)),
        ("nicholas", ("nick",)),
        ("robert", ("bob", "rob")),
        ("samuel", ("sam",)),
        ("thomas", ("tom",)),
        ("william", ("bill", "will")),
    ),
    kind_forms=tuple(
        f"of {a}_ {noun}" for a in ("a ", "an ", "") for noun in ("nature", "kind", "type", "sort")
    ),
    state_forms=(
        "federal republic",
        "islamic republic",
        "united republic",
        "republic",
        "kingdom",
        "grand duchy",
        "principality",
    ),
    member_words=(
        "member states",
        "member countries",
        "member nations",
        "members",
        "countries",
        "states",
        "nations",
        "allies",
    ),
    members_alone=("member states", "member countries", "member nations", "members", "allies"),
    negations=frozenset(["not", "no", "non", "without", "never", "lack", "anti", "un"]),
    year_leads=("in", "since", "from", "the", "year", "of", "early", "late", "mid"),
    seasons=("spring", "summer", "autumn", "fall", "winter"),
    lower_bounds=("over", "more than", "above", "at least", "upwards of", "in excess of"),
    upper_bounds=("under", "fewer than", "less than", "below", "at most", "up to"),
)
