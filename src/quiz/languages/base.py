"""The Language type and its frames (the registry is `quiz.languages`).

The language a pack is written in: the words the generator adds to the author's and the
words marking must understand.

A pack's text is the author's, but the generator frames it ("According to the article,
…", "Which sentence of the article proves this?"), offers "True" and "False", writes
dates ("29 March 2004") and approximate figures ("about 1,000"), and marking reads
numbers ("twenty-six", "3.5"), drops small words ("in", "the") and compares stems. All
of that depends on the language of the content, not on the language of the interface:
a Lithuanian pack played with an English interface still asks in Lithuanian.

A language is one module here (`en`, `lt`) that builds a `Language`; `get` finds it
by the pack's `language` code ("lt", "lt-LT"), and a pack may override any prompt
frame (its `frames:` key). A code without a module is refused when the pack loads,
naming what to add, never quietly read as English.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from quiz.numbers import NumberWords
from quiz.text import strip_accents, visible_only

# Each frame the generator adds, with the placeholders it may use. A frame that the
# generator must also recognise in a finished prompt (to frame a text once, or to
# recover the claim) ends with its text placeholder.
FRAMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "true_false": ("statement",),
        "according": ("noun", "text"),
        "according_year": ("noun", "year", "text"),
        "evidence": ("noun", "claim"),
        "order": (),
        "order_explanation": ("timeline",),
        "false": ("explanation",),
        "false_listed": ("noun", "named", "value"),
        "multi_explanation": ("noun", "chosen", "left_out"),
        "any_of": ("answer",),
        "hand_answer": ("answer",),
        "hand_explanation": ("answer", "noun"),
        "about": ("number",),
    }
)
ENDS_WITH = {"according": "text", "according_year": "text", "evidence": "claim"}


def frame_problem(name: str, template: object) -> str | None:
    """Why `template` cannot stand for frame `name` (None when it can): an unknown frame,
    not a text, a placeholder the frame does not fill, a stray brace, or (for a frame the
    generator must recognise again) a text placeholder that is not at the end."""
    from quiz.lang import _  # the loader's messages, in the interface's language

    if name not in FRAMES:
        return _("no frame {name}; frames are {frames}").format(
            name=repr(name), frames=", ".join(FRAMES)
        )
    if not isinstance(template, str) or not template.strip():
        return _("a frame is a text")
    allowed = FRAMES[name]
    try:
        used = [f for _lit, f, spec, conv in string.Formatter().parse(template) if f is not None]
        specs = [
            (spec, conv)
            for _lit, f, spec, conv in string.Formatter().parse(template)
            if f is not None
        ]
    except ValueError as exc:
        return _("{why} (write a brace as {{{{ or }}}})").format(why=_brace_error(exc))
    bad = [f for f in used if f not in allowed]
    if bad:
        have = ", ".join(f"{{{a}}}" for a in allowed) or _("none")
        return _("frame {name} has no placeholder {{{bad}}} (it has: {have})").format(
            name=repr(name), bad=bad[0], have=have
        )
    if any(s or c for s, c in specs):
        return _("a placeholder is a bare {{name}}, without a format or conversion").format()
    end = ENDS_WITH.get(name)
    if end is not None and (used.count(end) != 1 or not template.endswith(f"{{{end}}}")):
        return _(
            "frame {name} ends with {{{end}}}, once (the generator finds the text after it)"
        ).format(name=repr(name), end=end)
    return None


def _brace_error(exc: ValueError) -> str:
    """Python's reason a text is no format string, in the interface's language."""
    from quiz.lang import N_, _

    known = {
        "Single '}' encountered in format string": N_("Single '}}' encountered in format string"),
        "Single '{' encountered in format string": N_("Single '{{' encountered in format string"),
        "expected '}' before end of string": N_("expected '}}' before end of string"),
        "unmatched '{' in format spec": N_("unmatched '{{' in format spec"),
    }
    said = known.get(str(exc))
    return _(said).format() if said is not None else str(exc)


@dataclass(frozen=True, eq=False)  # compared by identity: a pack's own frames make another
class Language:
    """What the generator and the marking need of one language (see the module's doc)."""

    code: str
    name: str  # in English, for messages: "Lithuanian"
    true: str  # the two options of a true/false statement
    false: str
    frames: Mapping[str, str]
    noun: str  # what a source is called when the pack does not say ("text")
    # how a prompt names its source, "{noun}" standing for the source's noun: a prompt that
    # already says it ("Which countries does the article name …") is not framed again
    source_names: tuple[str, ...]
    and_word: str  # "A, B and C"
    or_word: str
    stopwords: frozenset[str]  # folded words that carry no meaning: sharing one gives nothing away
    lower_first: frozenset[str]  # folded first words that are no names: lowered after a frame
    small_words: frozenset[str]  # folded words a typed answer may add in front ("in NATO")
    joins: tuple[str, ...]  # folded words that join two answers in one ("and", "or")
    articles: tuple[str, ...]  # folded leading words a name may drop ("the")
    stands_for: frozenset[str]  # folded words that may stand for a subject ("it", "they")
    ordinals: tuple[str, ...]  # folded suffixes of a day written as an ordinal ("th")
    months: tuple[str, ...]  # as dates show them: the form `date_day` and `date_month` take
    month_forms: tuple[tuple[str, ...], ...]  # every form of each month a text may use
    date_day: str  # "{day} {month} {year}"
    date_month: str  # "{month} {year}"
    numbers: NumberWords
    snowball: str | None  # the Snowball stemmer's name (snowballstemmer.algorithms())
    synonyms: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # (regex, replacement) on each folded word before stemming: two spellings of one word
    # meet ("modernizes" and "modernises"); applied to the key and the answer alike
    respell: tuple[tuple[str, str], ...] = ()
    # (regex, name) on a typed answer and the key's names before any folding: the short
    # forms of one name written as the language writes them ("US", "U.S.A.", "USA" for the
    # United States), so "US Minister to Mexico" meets "U.S. Minister to Mexico"; a pattern
    # is case-sensitive where a lower-case form is another word ("us")
    expansions: tuple[tuple[str, str], ...] = ()
    # folded words the stemmer would make another word's stem, kept whole: "united" of
    # "the United States" is never "unit", the stem of "units" (and of "troops", said so)
    unstemmed: frozenset[str] = frozenset()
    # (noun ending, verb ending) the stemmer gives one stem: the noun is the verb's act only
    # as a phrase's last word ("infrastructure development", "developing infrastructure");
    # before another noun it is another thing ("management crises", not "managing crises")
    verb_nouns: tuple[tuple[str, str], ...] = ()
    # endings of an adjective or a quality the stemmer gives a noun's stem: never a proper
    # name's word ("Responsible Forces" for the NATO Response Forces)
    derived_endings: tuple[str, ...] = ()
    # a pattern over a folded prompt that asks who leads ("which country leads …"), and the
    # word an answer ends with that names the leader ("German-led": the country); never where
    # the prompt's own subject leads ("In which province did Lithuania lead …?": "Ghor-led"
    # would say Ghor led it)
    leader_asked: str = ""
    led: str = ""
    led_by: str = ""  # "led by Germany"
    # endings of a noun that names a quality ("resilience", "security", "solidarity"): one
    # "of" a place is the one "in" it, where a thing "of" a place is the place's own
    quality_endings: tuple[str, ...] = ()
    # folded words that turn an answer into its opposite ("not", "non"): never taken as a
    # mere complement of a right answer ("non-rotational allied units")
    negations: frozenset[str] = frozenset()
    # words of address before a person's name that do not change who is named ("Mr Karoblis")
    honorifics: frozenset[str] = frozenset()
    # (folded first name, its everyday short forms): "Chris Ward" names Christopher Ward
    # where no other person of the pack goes by that name (`quiz.generate.typed`)
    short_first_names: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # folded words after an answer that only say when it held ("Secretary of State at the
    # time"): they change nothing the question asks, which is the source's time
    time_words: tuple[str, ...] = ()
    # folded words before an answer that only say "more of it" ("stronger regional security"
    # for the security Lithuania called for): never the opposite ("weaker", "less")
    intensifiers: frozenset[str] = frozenset()
    # folded words that work against a name they stand beside, or make it another thing
    # ("less", "weaker", "cutting", "former", "vice"): never taken as a student's own
    # describing word around a right concept (`quiz.modifiers`)
    contrary: frozenset[str] = frozenset()
    # folded words after a concept that make it a topic and nothing else ("energy security
    # issues"): a student's way of naming it, never a new thing as "challenges" or
    # "training" would be (`quiz.modifiers`)
    topic_words: frozenset[str] = frozenset()
    # folded words that make a country's formal name before "of" and its name ("the Republic
    # of Mexico", "the Kingdom of Belgium"): the same country as its short name, so "President
    # of the Republic of Mexico" is "President of Mexico" (the name after "of" must be one
    # the pack knows; "the Republic of Texas" is Texas, another place)
    state_forms: tuple[str, ...] = ()
    # a pronoun and verb a student may open an answer with ("it is", "it was"): no part of
    # what the answer names, so "It was Belgium" is marked as "Belgium" (`quiz.answers`)
    sentence_starts: tuple[str, ...] = ()
    # folded pronouns a student may open an answer with as its subject ("it increases its
    # defence budget" for "Name one thing Lithuania increases …"): the answer is read
    # without it, and is right only where the rest is (`quiz.answers`)
    subject_pronouns: frozenset[str] = frozenset()
    # phrases a thing's kind is said through after it, "_" standing for the kind's word
    # ("of a _ nature"): "threats of a hybrid nature" is marked as "hybrid threats"
    kind_forms: tuple[str, ...] = ()
    # folded words after an organisation's name that say its members ("NATO countries",
    # "NATO member states"): "defence ministers of NATO countries" are "of NATO", where the
    # prompt names the organisation ("… meets in NATO")
    member_words: tuple[str, ...] = ()
    # of those, the ones that say an organisation's members without its name ("of member
    # states", "of the allies"): the organisation the prompt names, where it names one
    members_alone: tuple[str, ...] = ()
    # folded words before a year that still give the year ("in 2004", "since 2015"), and
    # the seasons a year may follow ("spring 2014"): a year question reads the year
    year_leads: tuple[str, ...] = ()
    seasons: tuple[str, ...] = ()
    # folded words after a year that say "year" ("2012 m.", metai): a year question reads
    # them in a pack of any language, as a student writes the year out of habit
    year_marks: tuple[str, ...] = ()
    # words a month stands beside in a date ("2004 m. kovo 29 d.": "m", "d"). When a
    # language has them, a month form states a date only beside one of them or a number:
    # several Lithuanian month names are common words (balandis a pigeon, liepa a linden)
    # folded words before a figure that make it a bound: "over 1,000" is a lower bound, so a
    # false statement of it must fall below (5,000 is "over 1,000" too); "under 50" the reverse
    lower_bounds: tuple[str, ...] = ()
    upper_bounds: tuple[str, ...] = ()
    date_words: frozenset[str] = frozenset()
    month_marks: tuple[tuple[str, ...], ...] = ()  # month_forms with their marks, lower case
    overridden: tuple[str, ...] = field(default=(), compare=False)  # frames the pack set

    def frame(self, name: str, **values: object) -> str:
        """Frame `name` filled in: `lang.frame("evidence", noun="article", claim=…)`."""
        return self.frames[name].format(**values)

    def lead(self, name: str, **values: object) -> str:
        """A frame's words before its text: what a finished prompt starts with."""
        end = ENDS_WITH[name]
        return self.frames[name].format(**values, **{end: ""})

    def with_frames(self, overrides: Mapping[str, str]) -> Language:
        """This language with some frames the pack's own (checked by `frame_problem`)."""
        if not overrides:
            return self
        return replace(
            self,
            frames=MappingProxyType({**self.frames, **overrides}),
            overridden=tuple(overrides),
        )

    def states_month(self, text: str, month: int) -> bool:
        """Whether a text names the month as a date does: a form of it with its marks
        ("kovą" is March, "kova" a fight) beside a number or one of `date_words` (several
        Lithuanian month names are common words: balandis a pigeon, liepa a linden). For a
        language without `date_words`, any form of the month anywhere."""
        said = re.findall(r"[^\W_]+", visible_only(text).casefold())
        if not self.date_words:
            folded = {strip_accents(w) for w in said}
            return any(form in folded for form in self.month_forms[month - 1])
        forms = self.month_marks[month - 1]
        for i, word in enumerate(said):
            if word in forms:
                around = [*said[max(0, i - 1) : i], *said[i + 1 : i + 2]]
                if any(w.isdigit() or w in self.date_words for w in around):
                    return True
        return False

    def month_name(self, month: int) -> str:
        return self.months[month - 1]

    def date(self, year: int, month: int | None, day: int | None) -> str:
        """A date as the language writes it: "29 March 2004", "2004 m. kovo 29 d."."""
        if month is None:
            return str(year)
        name = self.month_name(month)
        if day is None:
            return self.date_month.format(month=name, year=year)
        return self.date_day.format(day=day, month=name, year=year)

    def listing(self, items: list[str], last: str | None = None) -> str:
        """'A', 'A and B', 'A, B and C' ('or' with `last=lang.or_word`)."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {last or self.and_word} {items[-1]}"

    def about(self, shown: str) -> str:
        """An approximate figure as a choice shows it: "about 1,000"."""
        return self.frame("about", number=shown)

    def names_source(self, text: str, noun: str) -> bool:
        """Whether a prompt already names its source (a frame or the noun's own words)."""
        low = text.lower()
        lead = self.lead("according", noun=noun).strip().lower()
        if lead and low.startswith(lead.rstrip(",")):
            return True
        return any(n.format(noun=noun).lower() in low for n in self.source_names)
