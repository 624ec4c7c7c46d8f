"""What the domain says, as codes and numbers: the wording layer (`quiz.words`) turns each into
a sentence for every front end, so no English is built in the domain and every state a
front end branches on is checked by mypy rather than compared as a string."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

OMITTED = "[…]"  # in place of text a feedback does not show: the editor's mark of a cut


class EndReason(Enum):
    """How a round ended. The values are what the store and results files keep."""

    DONE = "done"  # every question answered
    TIMEOUT = "timeout"  # the time limit ran out
    LEFT = "left"  # the player left (an exam: handed in early)
    CLOSED = "closed"  # an exam cut off by a crash, handed in as it stood


class Shape(Enum):
    """How a question is answered, whatever its kind is called."""

    ONE = "one"  # one option
    MANY = "many"  # tick every right option
    ORDER = "order"  # put the options in order
    TEXT = "text"  # type words
    NUMBER = "number"  # type a number


class Verdict(Enum):
    RIGHT = "right"
    PARTIAL = "partial"
    WRONG = "wrong"


class NoteCode(Enum):
    """Why a grade is what it is, when the bare verdict would not say."""

    NO_ANSWER = "no_answer"  # an empty typed answer
    NOT_ANSWERED = "not_answered"  # "I don't know", or nothing stored
    TIME_RAN_OUT = "time_ran_out"
    ACCENTS = "accents"  # right without its accents (name: the spelling meant)
    TYPO = "typo"  # right as a slip of the hand (name: the spelling meant)
    MEANS = "means"  # right in other words: a word form, joined, qualified (name: the answer meant)
    EXTRA = "extra"  # the answer, with something added that is not right
    OTHER_THING = "other_thing"  # names another value of the pack
    AMBIGUOUS = "ambiguous"  # could mean more than one answer
    DESCRIBES = "describes"  # the answer's own title or office, not its name
    PART_ONLY = "part_only"  # only part of the answer
    SHORT_EXACT = "short_exact"  # a short answer must be spelled exactly
    TOO_DIFFERENT = "too_different"  # close, but more than a typo
    TOO_CLOSE = "too_close"  # as close to another answer
    NOT_A_NUMBER = "not_a_number"
    WITHIN = "within"  # a number within the tolerance (value, tolerance)
    PICKS = "picks"  # select-all: n of `of` right, `wrong` wrong
    NOTHING_MOVED = "nothing_moved"  # time order submitted as shown
    PAIRS = "pairs"  # time order: n of `of` pairs in order


@dataclass(frozen=True)
class Note:
    code: NoteCode
    name: str = ""  # the spelling an answer was taken for
    n: int = 0
    of: int = 0
    wrong: int = 0
    value: float = 0.0
    tolerance: float = 0.0


@dataclass(frozen=True)
class Shortfall:
    """A round made shorter than asked: `made` questions, because the kinds and topics
    chosen (`filtered`) or the pack itself had no more (a round never asks a fact twice)."""

    made: int
    filtered: bool


class Refusal(Enum):
    """Why a response does not fit its question: nothing is scored, the player answers again."""

    OPTION_RANGE = "option_range"  # n: options
    PICK_LIST = "pick_list"
    PICKS_RANGE = "picks_range"  # n: options
    TICK_ONE = "tick_one"
    ORDER_ALL = "order_all"  # n: items
    EMPTY = "empty"
    TOO_LONG = "too_long"  # n: characters allowed
    NOT_A_NUMBER = "not_a_number"
    NOT_A_YEAR = "not_a_year"  # a year question's answer gives no year the fact can check
    WHOLE_FIGURE = "whole_figure"  # text: the bare number typed for a figure in millions
    THOUSANDS_DOT = "thousands_dot"  # text: "1.000", the figure with full stops for commas
    NO_ANSWER = "no_answer"
    NOT_AN_OPTION = "not_an_option"  # text: the word typed
    ONE_OPTION = "one_option"
    PLACE_OR_FIGURE = "place_or_figure"  # n: the number typed; text: the option it is the figure of
