"""Lithuanian (lietuvių kalba): the generator's frames, the true/false words, dates written
"2004 m. kovo 29 d.", number words of both genders, the decimal comma and Snowball's
Lithuanian stemmer.

The default frames never put the source's noun in a case of its own (Lithuanian would need
"straipsnį" after "pagal", "straipsnio" before "sakinys"): they say "tekstas" in the case
each needs. A pack about an article says so in its own frames (`frames:` in the pack):
`according: "Pagal straipsnį, {text}"`.

Word lists are folded (lower case, no marks), as the program compares words: "sesi" is
"šeši", so a student typing without Lithuanian letters is read the same.
"""

from __future__ import annotations

from types import MappingProxyType

from quiz.languages.base import Language
from quiz.numbers import NumberWords
from quiz.text import strip_accents


def _folded(words: str) -> frozenset[str]:
    return frozenset(strip_accents(w) for w in words.split())


# function words of Lithuanian (folded): sharing one gives nothing away
_STOPWORDS = """
ir ar bei arba kad nes jei jeigu kai kol tad taciau bet o nei ne taip pat tik dar jau net
kuris kuri kurie kurios kurio kurios kuriu kuriam kuriai kuriems kurioms kuri kuria kuriuos
kurias kuriuo kuria kuriais kuriomis kuriame kurioje kuriuose kuriose kada kur kas ko kam
ka kuo kiek koks kokia kokie kokios kokio kokiu koki kokia kokiais kelinti kelintais kodel
kaip kieno sis si sie sios sio sios siu ji ja jo jos jie ju jam jai jiems joms juos jas
tas ta tie tos to tu tai tam tuo ten cia visi visos visu kiti kitos kitu kita kitas
yra buvo bus buvo esa buti tapo tampa
i is su per nuo ant po uz prie be del iki apie tarp pagal pries virs ties link
tekstas teksto tekstui teksta tekstu tekste straipsnis straipsnio straipsnyje sakinys
sakinio tiesa netiesa pasirinkite visus sudeliokite
"""

_LOWER_FIRST = """
kuris kuri kurie kurios kurį kurią kurių kuriam kuriai kuriame kurioje kuriais kuriuo kada
kur kas ką kiek koks kokia kokie kokios kokį kokią kokių kelintais kelinti ar kodėl kaip
kieno kam kuo su į iš nuo per prie pagal po prieš šis ši šie šios tas ta tie tos
pasirinkite sudėliokite
"""

_NOMINATIVE = (
    "sausis", "vasaris", "kovas", "balandis", "gegužė", "birželis", "liepa", "rugpjūtis",
    "rugsėjis", "spalis", "lapkritis", "gruodis",
)  # fmt: skip
_GENITIVE = (
    "sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio",
    "rugsėjo", "spalio", "lapkričio", "gruodžio",
)  # fmt: skip
_ACCUSATIVE = (
    "sausį", "vasarį", "kovą", "balandį", "gegužę", "birželį", "liepą", "rugpjūtį", "rugsėjį",
    "spalį", "lapkritį", "gruodį",
)  # fmt: skip
_LOCATIVE = (
    "sausyje", "vasaryje", "kove", "balandyje", "gegužėje", "birželyje", "liepoje",
    "rugpjūtyje", "rugsėjyje", "spalyje", "lapkrityje", "gruodyje",
)  # fmt: skip

# 0 … 19 in the nominative, both genders ("vienas karys", "viena šalis")
_UNITS = (
    ("nulis",), ("vienas", "viena"), ("du", "dvi"), ("trys",), ("keturi", "keturios"),
    ("penki", "penkios"), ("šeši", "šešios"), ("septyni", "septynios"),
    ("aštuoni", "aštuonios"), ("devyni", "devynios"), ("dešimt",), ("vienuolika",),
    ("dvylika",), ("trylika",), ("keturiolika",), ("penkiolika",), ("šešiolika",),
    ("septyniolika",), ("aštuoniolika",), ("devyniolika",),
)  # fmt: skip
_TENS = (
    "dvidešimt", "trisdešimt", "keturiasdešimt", "penkiasdešimt", "šešiasdešimt",
    "septyniasdešimt", "aštuoniasdešimt", "devyniasdešimt",
)  # fmt: skip
_SCALES = {
    "tūkstantis": 1e3, "tūkstančiai": 1e3, "tūkstančių": 1e3, "tūkst": 1e3, "tūkst.": 1e3,
    "milijonas": 1e6, "milijonai": 1e6, "milijonų": 1e6, "mln": 1e6, "mln.": 1e6,
    "milijardas": 1e9, "milijardai": 1e9, "milijardų": 1e9, "mlrd": 1e9, "mlrd.": 1e9,
}  # fmt: skip

NUMBERS = NumberWords(
    units=MappingProxyType({strip_accents(w): i for i, forms in enumerate(_UNITS) for w in forms}),
    tens=MappingProxyType({strip_accents(w): 20 + 10 * i for i, w in enumerate(_TENS)}),
    hundreds=_folded("šimtas šimtai šimtų"),
    scales=MappingProxyType({strip_accents(w): v for w, v in _SCALES.items()}),
    names=(*(forms[0] for forms in _UNITS), _TENS[0]),
    hedges=("apie", "mazdaug", "apytiksliai", "apytikriai", "beveik", "~"),
    bare=MappingProxyType(
        {"simtas": 100.0, "tukstantis": 1e3, "milijonas": 1e6, "milijardas": 1e9}
    ),
    decimal_comma=True,
    fold=True,
    group=" ",
)

LANGUAGE = Language(
    code="lt",
    name="Lithuanian",
    true="Tiesa",
    false="Netiesa",
    frames=MappingProxyType(
        {
            "true_false": "Tiesa ar netiesa? {statement}",
            "according": "Pagal tekstą, {text}",
            "according_year": "Pagal tekstą ({year} m.), {text}",
            "evidence": "Kuris teksto sakinys tai įrodo? {claim}",
            "order": "Sudėliokite šiuos įvykius laiko tvarka – nuo ankstyviausio.",
            "order_explanation": "Laiko tvarka: {timeline}.",
            "false": "Netiesa. {explanation}",
            "false_listed": "Netiesa. Tekste išvardyta: {named}; {value} – ne.",
            "multi_explanation": "Iš šių tekste minima: {chosen}; neminima: {left_out}.",
            "any_of": "Tinka bet kuris: {answer}.",
            "hand_answer": "Atsakymas: {answer}",
            "hand_explanation": "{answer} – taip sakoma tekste.",
            "about": "apie {number}",
        }
    ),
    noun="tekstas",
    source_names=("tekstas", "teksto", "tekstui", "tekstą", "tekstu", "tekste", "{noun}"),
    and_word="ir",
    or_word="arba",
    stopwords=_folded(_STOPWORDS),
    lower_first=frozenset(_LOWER_FIRST.split()),
    small_words=frozenset(["i", "is", "prie", "su", "per", "nuo", "ant", "po", "uz"]),
    joins=("ir", "ar", "arba"),
    articles=(),
    stands_for=_folded(
        "jis ji jie jos jo jai jam jiems joms jų juos jas šis ši šie šios tai tas ta tie tos "
        "aljansas aljanso aljansui aljansą aljanse"
    ),
    ordinals=(),
    months=_GENITIVE,  # dates are written "2004 m. kovo 29 d.": the month in the genitive
    month_forms=tuple(
        tuple(strip_accents(f) for f in forms)
        for forms in zip(_NOMINATIVE, _GENITIVE, _ACCUSATIVE, _LOCATIVE, strict=True)
    ),
    date_words=frozenset({"m", "d", "mėn", "mėnesį", "mėnesio"}),
    year_marks=("m", "metai", "metais", "metu"),
    month_marks=tuple(
        tuple(f.lower() for f in forms)
        for forms in zip(_NOMINATIVE, _GENITIVE, _ACCUSATIVE, _LOCATIVE, strict=True)
    ),
    date_day="{year} m. {month} {day} d.",
    date_month="{year} m. {month} mėn.",
    numbers=NUMBERS,
    snowball="lithuanian",
    lower_bounds=("daugiau nei", "daugiau kaip", "per", "virs", "maziausiai", "bent"),
    upper_bounds=("maziau nei", "maziau kaip", "iki", "ne daugiau kaip"),
    time_words=("tuo metu", "tada", "tuomet", "anuomet", "tuo laiku"),
    intensifiers=frozenset(["daugiau", "didesnis", "didesne", "stipresnis", "stipresne"]),
    contrary=frozenset(
        [
            "ne",
            "maziau",
            "mazesnis",
            "mazesne",
            "silpnesnis",
            "silpnesne",
            "buves",
            "buvusi",
            "vice",
        ]
    ),
)

NOMINATIVE_MONTHS = _NOMINATIVE
