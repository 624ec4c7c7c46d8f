"""Every sentence a round says, in one place: the domain hands over codes and numbers, this
module makes the words, for the line mode, the full-screen game and a served tab alike.

Each message goes through gettext (`_`, `ngettext` for plurals), so a catalogue can
translate the interface without touching the code; English is the source and the fallback.
Plain text only: no markup, and pack text is inserted as it is (each front end makes it
literal or visible).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from quiz import lang
from quiz.lang import LOCALES, N_, _, ngettext  # noqa: F401  (re-exported for front ends)
from quiz.round.codes import OMITTED, EndReason, Note, NoteCode, Refusal, Shortfall, Verdict
from quiz.store.events import Paused, Resumed, SaveEvent

if TYPE_CHECKING:  # names for annotations only: the home screen's line needs no round
    from quiz.daily import Limits, Today
    from quiz.round.views import FeedbackView, QuestionView, SummaryView


# -- answers and their grades ------------------------------------------------------------


def dont_know() -> str:
    return _("(I don't know)")


def no_answer() -> str:
    return _("(no answer)")


def note(n: Note) -> str:
    """Why a grade is what it is: 'accepted as a typo of Afghanistan'."""
    code = n.code
    if code is NoteCode.PICKS:
        right = ngettext("{n} of {of} right", "{n} of {of} right", n.of).format(n=n.n, of=n.of)
        if not n.wrong:
            return right
        wrong = ngettext("{wrong} wrong", "{wrong} wrong", n.wrong).format(wrong=n.wrong)
        return f"{right}, {wrong}"
    if code is NoteCode.PAIRS:
        return ngettext(
            "{n} of {of} pair in the right order", "{n} of {of} pairs in the right order", n.of
        ).format(n=n.n, of=n.of)
    if code is NoteCode.WITHIN:
        from quiz.numbers import format_number

        return _("within {tolerance} of {value}").format(
            tolerance=format_number(n.tolerance), value=format_number(n.value)
        )
    return _NOTES[code]().format(name=n.name)


_NOTES = {
    NoteCode.NO_ANSWER: lambda: _("no answer"),
    NoteCode.NOT_ANSWERED: lambda: _("not answered"),
    NoteCode.TIME_RAN_OUT: lambda: _("time ran out"),
    NoteCode.ACCENTS: lambda: _("accepted without its accents: {name}"),
    NoteCode.TYPO: lambda: _("accepted as a typo of {name}"),
    NoteCode.MEANS: lambda: _("accepted: it means {name}"),
    NoteCode.EXTRA: lambda: _("that adds something that is not the answer"),
    NoteCode.OTHER_THING: lambda: _("that names something else in this pack, not the answer"),
    NoteCode.AMBIGUOUS: lambda: _(
        "that could mean more than one answer, so it is not marked right"
    ),
    NoteCode.DESCRIBES: lambda: _("that describes the answer; give the name"),
    NoteCode.PART_ONLY: lambda: _("that is only part of the answer"),
    NoteCode.SHORT_EXACT: lambda: _("short answers must be spelled exactly"),
    NoteCode.TOO_DIFFERENT: lambda: _("close, but too different to accept as a typo"),
    NoteCode.TOO_CLOSE: lambda: _("too close to another answer to accept as a typo"),
    NoteCode.NOT_A_NUMBER: lambda: _("not a number"),
    NoteCode.NOTHING_MOVED: lambda: _("nothing was moved"),
}


class Refused(Protocol):
    """A refused response (quiz.question.InvalidResponse): its code and numbers."""

    reason: Refusal
    n: int
    text: str


def refusal(exc: Refused) -> str:
    """Why a response does not fit its question, to be answered again."""
    reason, n = exc.reason, exc.n
    if reason is Refusal.OPTION_RANGE:
        return _("choose an option from 1 to {n}").format(n=n)
    if reason is Refusal.PICKS_RANGE:
        return _("options are numbered 1 to {n}, each once").format(n=n)
    if reason is Refusal.ORDER_ALL:
        return _("put all {n} items in order").format(n=n)
    if reason is Refusal.TOO_LONG:
        return _("an answer is at most {n} characters").format(n=n)
    if reason is Refusal.WHOLE_FIGURE:
        return _(
            "{text} of what? Write the whole figure, with its scale word (such as million) "
            "or all its digits"
        ).format(text=exc.text)
    if reason is Refusal.THOUSANDS_DOT:
        return _(
            "{text}: here a full stop marks decimals. Write the figure with commas between "
            "the thousands (such as 1,000) or with none"
        ).format(text=exc.text)
    if reason is Refusal.NOT_AN_OPTION:
        return _("not an option: {text}").format(text=repr(exc.text))
    if reason is Refusal.PLACE_OR_FIGURE:
        return _(
            "{n} could mean option {n} or the option {text}: type the words of the one you mean"
        ).format(n=n, text=repr(exc.text))
    return _REFUSALS[reason]()


_REFUSALS = {
    Refusal.PICK_LIST: lambda: _("give a list of option numbers"),
    Refusal.TICK_ONE: lambda: _("tick at least one option"),
    Refusal.EMPTY: lambda: _("type an answer, or ? if you don't know"),
    Refusal.NOT_A_NUMBER: lambda: _("type a number, such as 2004 or eight, or ? if you don't know"),
    Refusal.NOT_A_YEAR: lambda: _("type the year alone, such as 2004, or ? if you don't know"),
    Refusal.NO_ANSWER: lambda: _("no answer given"),
    Refusal.ONE_OPTION: lambda: _("choose one option"),
}


# -- how to answer ------------------------------------------------------------------------

MAX_KEY = 9  # digits answer the first nine options


def plain_hint(kind: str) -> str:
    """How to answer a question of this kind in the line mode."""
    return {
        "choice": lambda: _("Answer with the option's number (or its words)."),
        "true_false": lambda: _("Answer 1 for True or 2 for False."),
        "typed": lambda: _("Type your answer (or ? if you don't know)."),
        "number": lambda: _("Type a number (or ? if you don't know)."),
        "multi": lambda: _(
            "Select all that apply: numbers or letters separated by commas (e.g. 1,3)."
        ),
        "order": lambda: _(
            "Give the order, earliest first: numbers separated by commas (e.g. 3,1,4,2)."
        ),
        "evidence": lambda: _("Answer with the number of the sentence that proves it."),
    }[kind]()


def digit_keys(options: int) -> str:
    """The digits that answer `options` options: "1–3" (never "1–9" under three), "1"."""
    last = min(options, MAX_KEY)
    return "1" if last <= 1 else f"1–{last}"


def key_hint(kind: str, options: int) -> str:
    """How to answer a question of this kind with the full-screen game's keys, naming the
    digits this question has."""
    keys = digit_keys(options)
    return {
        "choice": lambda: _("Press {keys}, or choose with ↑ ↓ and Enter."),
        "true_false": lambda: _("Press 1 for True or 2 for False."),
        "typed": lambda: _("Type your answer, then Enter. Case and accents do not matter."),
        "number": lambda: _("Type a number, then Enter."),
        "multi": lambda: _(
            "Select all that apply: {keys} or Space ticks an option, Enter submits."
        ),
        "order": lambda: _(
            "Earliest first: move the highlighted event with [ ] or Shift+↑ ↓, then Enter."
        ),
        "evidence": lambda: _("Press the number of the sentence that proves it."),
    }[kind]().format(keys=keys)


def try_again(reason: str) -> str:
    return _("{reason}; try again").format(reason=reason)


def not_utf8() -> str:
    return _("that line is not UTF-8 text")


def line_too_long(length: int) -> str:
    return _("that line is {length} characters long; an answer is a few words").format(
        length=lang.number(length)
    )


# -- a round ------------------------------------------------------------------------------


def questions(n: int) -> str:
    return ngettext("{n} question", "{n} questions", n).format(n=n)


def shortfall(short: Shortfall) -> str:
    """Why a round holds fewer questions than asked (it never asks a fact twice)."""
    where = (
        _("no more match these kinds and topics") if short.filtered else _("the pack has no more")
    )
    return _(
        "Only {questions}: {where} without asking a fact twice or one question answering another."
    ).format(questions=questions(short.made), where=where)


def player(name: str) -> str:
    return _("player {name}").format(name=name)


def round_title(title: str, review: bool, count: int, seed: int) -> str:
    """The line mode's first line: the pack, the round's length and its seed."""
    if review:
        return _("{title} (review) — {questions}, seed {seed}").format(
            title=title, questions=questions(count), seed=seed
        )
    return _("{title} — {questions}, seed {seed}").format(
        title=title, questions=questions(count), seed=seed
    )


def paper_title(title: str, code: str, count: int, limit: float | None) -> str:
    if limit:
        return _("{title} — paper {code}: {questions}, time limit {clock}").format(
            title=title, code=code, questions=questions(count), clock=clock_text(limit)
        )
    return _("{title} — paper {code}: {questions}").format(
        title=title, code=code, questions=questions(count)
    )


def exam_rules() -> str:
    return _("Answers are marked at the end; each answer is final.")


def interrupted() -> str:
    return _("(interrupted)")


def interrupted_paper(code: str) -> str:
    return _(
        "(interrupted: your answers are kept; `quiz play --paper {code}` resumes the sitting,"
        " and its clock keeps running)"
    ).format(code=code)


def end_of_input() -> str:
    return _("(end of input)")


def nothing_read(timed: bool) -> str:
    """An input that ended before any answer: the one sitting is not used up."""
    if timed:
        return _(
            "No answers read: the paper is not handed in; sit it again with your answers on"
            " standard input (its clock keeps running)."
        )
    return _(
        "No answers read: the paper is not handed in; sit it again with your answers on"
        " standard input."
    )


def handed_in_short(answered: int, total: int) -> str:
    rest = ngettext(
        "it is left blank and scores nothing",
        "the other {n} are left blank and score nothing",
        total - answered,
    ).format(n=total - answered)
    return _(
        "End of input: the paper is handed in with {answered} of {total} answered; {rest}."
    ).format(answered=answered, total=total, rest=rest)


def position(number: int, total: int, review: bool = False) -> str:
    """Where the round stands; a review round says it is one (it looks like practice)."""
    if review:
        return _("Review: question {n} of {total}").format(n=number, total=total)
    return _("Question {n} of {total}").format(n=number, total=total)


def score(points: int) -> str:
    return _("Score {score}").format(score=points)


def streak(n: int) -> str:
    return _("Streak {n}").format(n=n)


def time_left(seconds: float) -> str:
    return _("Time left {clock}").format(clock=clock_text(seconds))


def on_question(seconds: float) -> str:
    return _("⏱ {n} s").format(n=f"{seconds:.0f}")


def header(view: QuestionView, left: float | None) -> str:
    """The line above a question in the line mode: where the round stands."""
    parts = [position(view.index + 1, view.total, view.review)]
    if not view.exam:  # an exam shows no score or streak that would give answers away
        parts += [
            _("score {score}").format(score=view.score),
            _("streak {n}").format(n=view.streak),
        ]
    if left is not None:
        parts.append(_("time left {clock}").format(clock=clock_text(left)))
    return " · ".join(parts)


def time_up() -> str:
    return _("Time is up: the questions not answered are left blank and score nothing.")


def verdict(fb: FeedbackView) -> str:
    """The first line of feedback: right, partly right or wrong, the points, and why."""
    why = f" ({note(fb.note)})" if fb.note is not None else ""
    if fb.verdict is Verdict.RIGHT:
        bonus = " " + _("+{n} streak bonus").format(n=fb.streak_bonus) if fb.streak_bonus else ""
        return _("Right! +{points}").format(points=fb.points) + speed(fb) + bonus + why
    if fb.verdict is Verdict.PARTIAL:
        return _("Partly right: +{points}").format(points=fb.points) + why
    return _("Wrong") + why


def speed(fb: FeedbackView) -> str:
    """How the speed rule counted a right answer, so its points are no mystery."""
    s = fb.speed
    if s is None:
        return ""
    if s.seconds <= s.grace:
        return " " + _("(in {seconds} s: full speed points)").format(seconds=f"{s.seconds:.1f}")
    return " " + _("(in {seconds} s of {limit}: the faster, the more)").format(
        seconds=f"{s.seconds:.1f}", limit=f"{s.limit:.0f}"
    )


class Part(Enum):
    """What a line of feedback is, so a front end can set each apart."""

    VERDICT = "verdict"
    GIVEN = "given"
    ANSWER = "correct"
    EXPLANATION = "explanation"
    WHY_NOT = "why"
    LABEL = "label"
    PASSAGE = "passage"
    GAP = "gap"


def feedback(fb: FeedbackView) -> list[tuple[Part, str]]:
    """Everything said about one answer, in order. A passage's line is its paragraph; the
    front end marks the quoted words (fb.passages, in the same order)."""
    lines = [(Part.VERDICT, verdict(fb))]
    if fb.verdict is not Verdict.RIGHT:
        lines.append((Part.GIVEN, _("You answered: {given}").format(given=fb.given)))
    # Right or wrong, the correct answer is stated (the explanation may not name it).
    lines.append((Part.ANSWER, answer(fb.answer)))
    if fb.explanation:
        lines.append((Part.EXPLANATION, fb.explanation))
    if fb.why_not is not None:
        w = fb.why_not
        lines.append(
            (
                Part.WHY_NOT,
                _("Why not “{given}”: {statement} The {noun}: “{quote}”").format(
                    given=w.given, statement=w.statement, noun=w.noun, quote=w.quote
                ),
            )
        )
    lines.append((Part.LABEL, _("The {noun} says:").format(noun=fb.noun)))
    for p in fb.passages:
        if p.after_gap:  # the source goes on between two passages: the editor's mark of a cut
            lines.append((Part.GAP, OMITTED))
        lines.append((Part.PASSAGE, p.paragraph))
    return lines


def typed_placeholder(number: bool) -> str:
    return _("Type a number, then Enter") if number else _("Type your answer, then Enter")


def dont_know_button(exam: bool) -> str:
    # in an exam nothing is shown until the end: the button only skips
    return _("I don't know") if exam else _("I don't know (shows the answer)")


def type_first() -> str:
    return _("Type your answer first, or choose “I don't know”.")


# What a pack may call its source (its `noun`), in the interface's words: a pack in another
# language than the interface's is named by the interface's word for its noun.
_SOURCE_NOUNS = {
    "article": lambda: _("article"),
    "chapter": lambda: _("chapter"),
    "handout": lambda: _("handout"),
    "speech": lambda: _("speech"),
    "text": lambda: _("text"),
    "book": lambda: _("book"),
    "report": lambda: _("report"),
}


def source_noun(noun: str) -> str:
    """The interface's word for a pack's `noun` ("source" for one it does not know)."""
    said = _SOURCE_NOUNS.get(noun)
    return said() if said else _("source")


def next_hint(noun: str) -> str:
    return _("Enter or Space: next · s: whole {noun}").format(noun=noun)


def summary_title(view: SummaryView) -> str:
    return _("Review over") if view.review else _("Round over")


def totals(view: SummaryView) -> str:
    return _(
        "Score {score} · {right} of {asked} right ({percent}%) · best streak {streak} · seed {seed}"
    ).format(
        score=view.score,
        right=view.right,
        asked=view.asked,
        percent=view.percent,
        streak=view.best_streak,
        seed=view.seed,
    )


def topic_columns() -> tuple[str, str, str]:
    return _("Topic"), _("Right"), _("Asked")


def topics_note() -> str:
    return _("(a question on several topics counts once under each)")


def missed_title(n: int) -> str:
    return _("Missed ({n})").format(n=n)


def missed(view: SummaryView) -> list[list[str]]:
    """Each missed question as its lines: the prompt, the answer given, the right one and the
    words of every passage that proves it (a time order's four events: four passages)."""
    return [
        [
            m.prompt,
            _("You answered: {given}").format(given=m.given),
            _("Answer: {answer}").format(answer=m.answer),
            _("The {noun}: “{quote}”").format(noun=m.noun, quote=m.quotes[0]),
            *(_("“{quote}”").format(quote=q) for q in m.quotes[1:]),
        ]
        for m in view.missed
    ]


def summary(view: SummaryView) -> list[str]:
    """The summary as lines (the line mode; the full-screen game lays out the same words)."""
    lines = [f"{summary_title(view)}. {totals(view)}"]
    if view.topics:
        lines.append(
            _("By topic: {topics}").format(
                topics=", ".join(f"{t.topic} {t.right}/{t.asked}" for t in view.topics)
            )
        )
        if view.topics_overlap:
            lines.append("  " + topics_note())
    for block in missed(view):
        lines.append(_("Missed: {prompt}").format(prompt=block[0]))
        lines += ["  " + line for line in block[1:]]
    return lines


def end_reason(reason: EndReason) -> str:
    """How a sitting ended, as the class's table and report say it."""
    return {
        EndReason.DONE: _("finished"),
        EndReason.TIMEOUT: _("time ran out"),
        EndReason.LEFT: _("handed in early"),
        EndReason.CLOSED: _("interrupted, closed"),
    }[reason]


# -- after a round ----------------------------------------------------------------------


def best(counts: bool, is_best: bool, before: int | None) -> str:
    """Where a finished round stands against the player's best ("" when it is not ranked:
    `counts` is False for reviews and retries)."""
    if not counts:
        return ""
    if is_best and before is None:
        return _("Your first score for rounds of this length and scoring: a personal best.")
    if is_best:
        return _("A new personal best! (was {before})").format(before=before)
    return _("Your best for rounds of this length and scoring: {before}.").format(before=before)


def top_title(speed: bool = False) -> str:
    """Above the top five: scores compare only under the same rules, so it says which."""
    if speed:
        return _("Top scores on this computer (rounds of this length, with the speed bonus):")
    return _("Top scores on this computer (rounds of this length, no speed bonus):")


def top(scores: Iterable[tuple[str, int]]) -> list[str]:
    return [f"{i}. {player} — {score}" for i, (player, score) in enumerate(scores, 1)]


def nothing_due(
    next_due: dt.datetime | None, now: dt.datetime, held: int = 0, limits: Limits | None = None
) -> str:
    """Why a review has no questions: nothing answered yet, today's limits reached, or when
    the next fact is due."""
    if held and limits is not None:
        return ngettext(
            "Today's reviews are done ({limit} a day is your limit): {n} more fact is due and "
            "waits for tomorrow.",
            "Today's reviews are done ({limit} a day is your limit): {n} more facts are due "
            "and wait for tomorrow.",
            held,
        ).format(limit=limits.reviews, n=held)
    if limits is not None and not limits.new:  # nothing due, and no new facts ever
        if next_due is None:
            return _("Nothing to review: your limits bring no new facts (quiz limits --new N).")
        return _(
            "Nothing due now, and your limits bring no new facts; the next review {when}."
        ).format(when=due_in(next_due, now))
    if limits is not None:  # nothing due, and today's new facts are done
        if next_due is None:
            return _(
                "Nothing due now, and today's {limit} new facts are done (your limit)."
            ).format(limit=limits.new)
        return _(
            "Nothing due now, and today's {limit} new facts are done (your limit); the next "
            "review {when}."
        ).format(limit=limits.new, when=due_in(next_due, now))
    if next_due is None:
        return _("Nothing to review yet: review brings back what you have answered before.")
    return _("Nothing to review yet: the next fact is due {when}.").format(
        when=due_in(next_due, now)
    )


def today_line(today: Today, limits: Limits) -> str:
    """What the daily limits allow and what is used, where they apply: 'Today: 5/200
    reviews, 3/20 new facts.' (short: it shares the home screen's line with what is due)."""
    return _("Today: {reviews}/{reviews_limit} reviews, {new}/{new_limit} new facts.").format(
        reviews=today.reviews,
        reviews_limit=limits.reviews,
        new=today.new,
        new_limit=limits.new,
    )


def limits_are(name: str, limits: Limits) -> str:
    return _(
        "{name}'s daily limits, on all packs together: {new} new facts, {reviews} reviews."
    ).format(name=name, new=limits.new, reviews=limits.reviews)


def until_done_needs_review() -> str:
    return _("--until-done reviews what is due: add --mode review")


def until_done_no_count() -> str:
    return _("--until-done asks every fact due today (within your limits): leave out --count")


def limits_title() -> str:
    return _(
        "Daily limits, on all packs together: review rounds bring what is due, then new facts, "
        "until one of these is reached. Practice rounds are never limited."
    )


def limits_new_label() -> str:
    return _("New facts a day")


def limits_reviews_label() -> str:
    return _("Reviews a day")


def save_label() -> str:
    return _("Save (Enter)")


def back_label() -> str:
    return _("Back (Esc)")


def limit_must_be(most: int) -> str:
    return _("A limit is a whole number from 0 to {most}.").format(most=most)


def limits_not_kept() -> str:
    return _("The progress store is not reachable: your limits cannot be kept now.")


def limits_saved(limits: Limits) -> str:
    return _("Daily limits: {new} new facts, {reviews} reviews.").format(
        new=limits.new, reviews=limits.reviews
    )


def name_the_player() -> str:
    return _("no player named (--player NAME), and nobody has played here yet")


def limits_how() -> str:
    return _(
        "A review round asks what is due, most overdue first, then facts you have not met yet, "
        "until a limit is reached; practice rounds are never limited, but the new facts they "
        "bring count. Change them: quiz limits --new N --reviews N"
    )


def practice_instead() -> str:
    return _("Play a practice round instead?")


def due_in(moment: dt.datetime, now: dt.datetime) -> str:
    """'in 5 minutes', 'in 3 hours', 'tomorrow', 'in 4 days' — or 'now'."""
    seconds = (moment - now).total_seconds()
    if seconds <= 0:
        return _("now")
    if seconds < 3600:
        n = max(1, round(seconds / 60))
        return ngettext("in {n} minute", "in {n} minutes", n).format(n=n)
    if seconds < 86400:
        n = round(seconds / 3600)
        return ngettext("in {n} hour", "in {n} hours", n).format(n=n)
    n = round(seconds / 86400)
    return _("tomorrow") if n == 1 else ngettext("in {n} day", "in {n} days", n).format(n=n)


# -- a sitting of a paper ------------------------------------------------------------------


def when(stamp: str) -> str:
    """A stored instant as a person reads it: 2026-12-06 09:15 UTC."""
    return _("{day} {time} UTC").format(day=stamp[:10], time=stamp[11:16])


def unfinished(name: str, code: str, started: str, answered: int, count: int) -> str:
    return ngettext(
        "{name} has an unfinished sitting of paper {code}, started {when}: {answered} of"
        " {count} question answered.",
        "{name} has an unfinished sitting of paper {code}, started {when}: {answered} of"
        " {count} questions answered.",
        count,
    ).format(name=name, code=code, when=when(started), answered=answered, count=count)


def ran_out_meanwhile() -> str:
    return _(
        "Its time ran out meanwhile: the questions not answered are left blank and score nothing."
    )


def clock_kept_running(left: float) -> str:
    return _("Its clock kept running: {clock} left.").format(clock=minutes(left))


def resumed() -> str:
    return _("It is resumed.")


def resume_or_hand_in() -> str:
    """The line mode's question (its answers: r or Enter, h)."""
    return _("Resume it (r, or just Enter) or hand it in as it stands (h)?")


def resume_choices() -> tuple[str, str]:
    return _("Resume it"), _("Hand it in as it stands")


def paper_empty() -> str:
    return _("This paper has no questions with the pack installed here.")


def ran_out_while_away() -> str:
    return _("The time ran out while the sitting was interrupted.")


def sat_once(name: str, code: str, started: str) -> str:
    return _("{name} sat paper {code} on {when}: a paper is sat once.").format(
        name=name, code=code, when=when(started)
    )


def open_elsewhere(code: str, free_at: str) -> str:
    """A second window or tab on a sitting that another one is playing."""
    return _(
        "This sitting of paper {code} is open in another window or tab: finish it there, or"
        " close that one; it can be taken over here after {when}."
    ).format(code=code, when=when(free_at))


def paper_needs_store(code: str, reason: str) -> str:
    return _(
        "Paper {code} cannot be started while the store cannot be reached ({reason}): a "
        "sitting is kept there from its start. Try again in a moment."
    ).format(code=code, reason=reason)


def taken_over() -> str:
    return _(
        "This sitting was taken over in another window or tab: answers given here are not"
        " kept. Close this one."
    )


def paper_closed(code: str, closed: str) -> str:
    return _("Paper {code} closed on {when}: it can no longer be sat.").format(
        code=code, when=when(closed)
    )


def handed_in_title(title: str) -> str:
    return _("{title}: handed in").format(title=title)


def handed_in_note(name: str, code: str) -> str:
    return _(
        "{name}, your sitting of paper {code} is handed in. These are the answers you gave;"
        " the marks and the right answers are shown once your teacher releases them."
    ).format(name=name, code=code)


def handed_in_keys() -> str:
    return _("Press q to close this tab.")


def given_answer(number: int, prompt: str, given: str) -> str:
    return _("{number}. {prompt}\n   Your answer: {given}").format(
        number=number, prompt=prompt, given=given
    )


def ok() -> str:
    return _("OK")


def name_invisible(where: str) -> str:
    return _(
        "a player name cannot hold invisible characters ({where}): type it with letters only"
    ).format(where=where)


# -- quiz try: one answer, marked ------------------------------------------------------


def try_usage() -> str:
    return _("try takes [PACK] QUESTION-ID ANSWER (see quiz try --help)")


def try_no_question(qid: str, pack: str, close: list[str]) -> str:
    found = _("no question {qid!r} in pack {pack}").format(qid=qid, pack=pack)
    if not close:
        return found + _("; quiz export {pack} --all lists them").format(pack=pack)
    return found + _("; the closest: {ids}").format(ids=", ".join(close))


def try_question(qid: str, prompt: str) -> str:
    return _("{qid}: {prompt}").format(qid=qid, prompt=prompt)


def try_given(given: str) -> str:
    return _("Answer: {given}").format(given=given)


def try_result(verdict: Verdict, credit: float, why: str) -> str:
    said = {
        Verdict.RIGHT: _("right"),
        Verdict.PARTIAL: _("partly right"),
        Verdict.WRONG: _("wrong"),
    }[verdict]
    line = _("Marked: {verdict} (credit {credit:.2g})").format(verdict=said, credit=credit)
    return f"{line} — {why}" if why else line


def try_asked_again(why: str) -> str:
    """An answer the game would not mark but ask again for ("2004 or 2005")."""
    return _("Marked: not marked, asked again — {why}").format(why=why)


def try_answer(answer: str) -> str:
    return _("The answer: {answer}").format(answer=answer)


# -- a paper, marked ---------------------------------------------------------------------


def status(code: str) -> str:
    """How a sitting stands, as the class's table, the report and the review say it: its
    EndReason's value, or "open" while it is being sat."""
    if code == "open":
        return _("not finished")
    try:
        return end_reason(EndReason(code))
    except ValueError:  # a status this version does not know: shown as it is
        return code


class Marked(Protocol):
    """A sitting with its marks (quiz.classroom.marking.Marked), as its review reads it."""

    @property
    def paper(self) -> str: ...
    @property
    def score(self) -> int: ...
    @property
    def out_of(self) -> int: ...
    @property
    def percent(self) -> float: ...
    @property
    def right(self) -> int: ...
    @property
    def partial(self) -> int: ...
    @property
    def wrong(self) -> int: ...
    @property
    def blank(self) -> int: ...
    @property
    def seconds(self) -> float: ...
    @property
    def status(self) -> str: ...
    @property
    def marks(self) -> tuple[object, ...]: ...


def paper_score(m: Marked) -> str:
    asked = len(m.marks)
    partly = ", " + _("{n} partly right").format(n=m.partial) if m.partial else ""
    blank = ", " + _("{n} blank").format(n=m.blank) if m.blank else ""
    return (
        _("Paper {code}: score {score} of {out_of} ({percent}%)").format(
            code=m.paper, score=m.score, out_of=m.out_of, percent=f"{m.percent:.0f}"
        )
        + " · "
        + _("{right} of {asked} right").format(right=m.right, asked=asked)
        + partly
        + ", "
        + _("{n} wrong").format(n=m.wrong)
        + blank
        + " · "
        + _("time {clock}").format(clock=minutes(m.seconds))
        + " · "
        + status(m.status)
    )


def mark_result(result: str) -> str:
    """right, partial, wrong or blank, as the review says it: the words of the results and
    the report too."""
    return {
        "right": lambda: _("right"),
        "partial": lambda: _("partly right"),
        "wrong": lambda: _("wrong"),
        "blank": lambda: _("blank"),
    }[result]()


def your_answer(given: str, result: str, points: int, note: str) -> str:
    """One question of a marked paper: what was answered, and how it was marked."""
    line = _("Your answer: {given} — {result}").format(given=given, result=mark_result(result))
    if points:
        line += f" (+{points})"
    if note and result == "partial":
        line += f" ({note})"
    return line


def answer(text: str) -> str:
    return _("Answer: {answer}").format(answer=text)


def why_not(given: str, statement: str) -> str:
    return _("Why not “{given}”: {statement}").format(given=given, statement=statement)


def paper_review_title(title: str) -> str:
    return _("{title}: the paper, marked").format(title=title)


def paper_review_keys() -> str:
    return _("Tab moves from question to question; s opens the source at the focused one.")


def paper_by_question() -> str:
    return _("The paper, question by question:")


def hand_in(command: str) -> str:
    return _("To hand it in: {command} (it writes a file to give your teacher)").format(
        command=command
    )


# -- a class's results, taken in and written out ---------------------------------------------


def claimed_score(file: str, player: str, claimed: int, score: int) -> str:
    return _(
        "{file}: {player}'s file claims a score of {claimed}; recomputed here it is {score}, "
        "and {score} is kept"
    ).format(file=file, player=player, claimed=claimed, score=score)


def sittings_of_one_name(file: str, player: str, n: int, code: str) -> str:
    return _(
        "{file}: {player} now has {n} sittings of paper {code} (two students of one name, or a "
        "paper sat twice?)"
    ).format(file=file, player=player, n=n, code=code)


def sitting_differs(file: str, uid: str, player: str, changed: Iterable[str]) -> str:
    """A sitting id already kept, arriving with other content: `changed` are the parts that
    differ (player, paper, start, end, status, answers)."""
    parts = {
        "player": lambda: _("player"),
        "paper": lambda: _("paper"),
        "start": lambda: _("start"),
        "end": lambda: _("end"),
        "status": lambda: _("status"),
        "answers": lambda: _("answers"),
    }
    return _(
        "{file}: sitting {uid} ({player}) is here already with a different {what}: the one "
        "kept first stands"
    ).format(file=file, uid=uid, player=player, what=", ".join(parts[c]() for c in changed))


def copy_of(file: str, player: str, others: Iterable[str]) -> str:
    return _(
        "{file}: {player}'s answers match {others}'s answer for answer, at the same pace: one "
        "file may be a copy of another"
    ).format(file=file, player=player, others=", ".join(others))


def not_kept(file: str, reason: str) -> str:
    return _("{file}: not kept: {reason}").format(file=file, reason=reason)


def cannot_read(file: str, reason: str) -> str:
    return _("{file}: cannot be read ({reason})").format(file=file, reason=reason)


def someone_elses_kept(first: str, out: str) -> str:
    return _("{first} holds another student's results and is kept; writing {out}").format(
        first=first, out=out
    )


def someone_elses_refused(out: str) -> str:
    return _(
        "{out} holds another student's results: it is not overwritten (name another file)"
    ).format(out=out)


def no_sitting_read(code: str, where: str, out: str) -> str:
    return _(
        "no sitting of paper {code} could be read from {where}: {out} is not written (any "
        "earlier copy is left as it is)"
    ).format(code=code, where=where, out=out)


# -- time ---------------------------------------------------------------------------------


def minutes(seconds: float) -> str:
    """A duration: 12:05 (minutes and seconds), or 1:02:05 past an hour."""
    h, rest = divmod(max(0, round(seconds)), 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def clock_text(seconds: float) -> str:
    """Time left, rounded up: it shows 0:01 until the time is really over."""
    return minutes(max(0, int(seconds + 0.999)))


# -- saving ----------------------------------------------------------------------------


def saving_paused(reason: str, durable: bool) -> str:
    if durable:
        return _(
            "Saving paused ({reason}): your answers are kept on this computer and sent as soon "
            "as the store is back."
        ).format(reason=reason)
    return _(
        "Saving paused ({reason}): this computer cannot keep your answers either, so keep the "
        "game open until saving resumes."
    ).format(reason=reason)


def saving_resumed() -> str:
    return _("Saved again: every answer is on the store.")


def write_dropped(reason: str) -> str:
    return _("An answer could not be kept: {reason}").format(reason=reason)


def not_final_yet() -> str:
    return _(
        "Your answers are kept on this computer and not yet on the store: the score is not "
        "final until they are sent (they go as soon as the store is back)."
    )


def unsaved_at_exit(n: int) -> str:
    return ngettext(
        "{n} answer could not be saved anywhere and is lost.",
        "{n} answers could not be saved anywhere and are lost.",
        n,
    ).format(n=n)


def waiting_at_exit(n: int) -> str:
    return ngettext(
        "{n} answer waits on this computer: it is sent the next time quiz opens this store.",
        "{n} answers wait on this computer: they are sent the next time quiz opens this store.",
        n,
    ).format(n=n)


def saving_news(event: SaveEvent) -> str:
    """What the player is told when saving pauses, resumes or drops a write."""
    if isinstance(event, Paused):
        return saving_paused(event.reason, event.durable)
    if isinstance(event, Resumed):
        return saving_resumed()
    return write_dropped(event.reason)


# -- exports and players (quiz export, quiz players) -------------------------------------


def binary_needs_out(fmt: str, suffix: str) -> str:
    return _("{fmt} is a package, not text for a terminal: give --out FILE{suffix}").format(
        fmt=fmt, suffix=suffix
    )


def n_players(n: int) -> str:
    return ngettext("{n} player", "{n} players", n).format(n=n)


def n_facts(n: int) -> str:
    return ngettext("{n} fact", "{n} facts", n).format(n=n)


def n_answers(n: int) -> str:
    return ngettext("{n} answer", "{n} answers", n).format(n=n)


def n_sittings(n: int) -> str:
    return ngettext("{n} sitting", "{n} sittings", n).format(n=n)


def written_of(fmt: str, written: int, total: int) -> str:
    return ngettext(
        "{fmt}: {written} of {total} question written; left out:",
        "{fmt}: {written} of {total} questions written; left out:",
        total,
    ).format(fmt=fmt, written=written, total=total)


def wrote_to(n: int, out: str) -> str:
    return ngettext("wrote {n} question to {out}", "wrote {n} questions to {out}", n).format(
        n=n, out=out
    )


def sending_behind(n: int) -> str:
    return ngettext(
        "sending {n} answer to the store…",
        "sending {n} answers to the store…",
        n,
    ).format(n=n)


def answers_lost(n: int) -> str:
    return ngettext(
        "{n} answer could not be kept (the store and the outbox failed)",
        "{n} answers could not be kept (the store and the outbox failed)",
        n,
    ).format(n=n)


def serving_limits(players: int, idle: str) -> str:
    return ngettext(
        "up to {n} player at once; a tab without a key pressed for {idle} s is closed."
        " Ctrl+C stops the server.",
        "up to {n} players at once; a tab without a key pressed for {idle} s is closed."
        " Ctrl+C stops the server.",
        players,
    ).format(n=players, idle=idle)


def no_db_folder(db: str, folder: str) -> str:
    return _("--db {db}: no folder {folder} (make it first, or name another file)").format(
        db=db, folder=folder
    )


def paper_made(code: str | None, seed: int, time_limit: int | None) -> str:
    """A printed paper's line under its title: 'Paper BMFR-… · seed 4 · time limit 30:00'
    (the seed alone for questions that are not an exam paper's)."""
    parts = [_("Paper {code}").format(code=code)] if code else []
    parts.append(_("seed {seed}").format(seed=seed))
    if time_limit:
        parts.append(_("time limit {limit}").format(limit=minutes(time_limit)))
    elif code:
        parts.append(_("no time limit"))
    return " · ".join(parts)


def source_position(shown: int, total: int, quoted: int) -> str:
    """Where the source reader is: 'paragraph 3 of 12 · the quote: paragraph 5'."""
    here = _("paragraph {n} of {total}").format(n=shown, total=total)
    if not quoted:
        return here
    return _("{here} · the quote: paragraph {n}").format(here=here, n=quoted)


def topics_word() -> str:
    return _("Topics")


def kinds_word() -> str:
    return _("Kinds")


def ticked_label(what: str, n: int, total: int) -> str:
    """A list's label on the home screen, saying what its ticks mean (the same for both
    lists: what is ticked is asked)."""
    if n == total:
        return _("{what} asked: all ticked").format(what=what)
    if n == 0:
        return _("{what} asked: none ticked").format(what=what)
    return _("{what} asked: {n} of {total} ticked").format(what=what, n=n, total=total)


def tick_a_topic() -> str:
    return _("Choose at least one topic (all ticked asks every topic).")


def shade_key() -> str:
    """The key to the stats page's paragraph bars: each one's pattern, then its colour."""
    return _(
        "▌ thick red bar: mostly missed · ╏ dashed yellow: mixed · │ thin green: mostly"
        " right · no bar: not asked yet"
    )


def players_here() -> str:
    return _("Players on this computer")


def players_imported() -> str:
    return _("Only in imported class results (not in the player picker)")


def no_players() -> str:
    return _("No players yet.")


def player_counts(rounds: int, imported: int, facts: int, last: str | None) -> str:
    """What the store holds of a player: '12 rounds, 1 imported sitting, 40 facts, last
    played 2026-12-06 09:15 UTC'."""
    parts = [ngettext("{n} round", "{n} rounds", rounds).format(n=rounds)]
    if imported:
        parts.append(
            ngettext("{n} imported sitting", "{n} imported sittings", imported).format(n=imported)
        )
    parts.append(ngettext("{n} fact", "{n} facts", facts).format(n=facts))
    if last:
        parts.append(_("last played {when}").format(when=when(last)))
    return ", ".join(parts)


def rounds_and_sittings(rounds: int, imported: int) -> str:
    """'12 rounds and 1 imported sitting': what moves or goes with a player."""
    played = ngettext("{n} round", "{n} rounds", rounds).format(n=rounds)
    if not imported:
        return played
    taken = ngettext("{n} imported sitting", "{n} imported sittings", imported).format(n=imported)
    return _("{rounds} and {sittings}").format(rounds=played, sittings=taken)


def will_rename(old: str, new: str, rounds: int, imported: int) -> str:
    return _("Rename {old} to {new}, keeping their {what}.").format(
        old=old, new=new, what=rounds_and_sittings(rounds, imported)
    )


def will_merge(gone: str, into: str, rounds: int, imported: int, into_rounds: int) -> str:
    return _(
        "Merge {gone} into {into}: {into} (who has {theirs}) takes over {gone}'s {what}, the"
        " progress is worked out again from all the answers, and the name {gone} is removed."
    ).format(
        gone=gone,
        into=into,
        what=rounds_and_sittings(rounds, imported),
        theirs=ngettext("{n} round", "{n} rounds", into_rounds).format(n=into_rounds),
    )


def will_delete(name: str, rounds: int, imported: int, facts: int) -> str:
    return _(
        "Delete {name} for good: their {what}, every answer in them and their progress on"
        " {facts} are removed; this cannot be undone."
    ).format(
        name=name,
        what=rounds_and_sittings(rounds, imported),
        facts=ngettext("{n} fact", "{n} facts", facts).format(n=facts),
    )


def add_yes(command: str) -> str:
    return _("Nothing changed yet: to do it, run again with --yes ({command} --yes).").format(
        command=command
    )


def renamed(old: str, new: str) -> str:
    return _("Renamed {old} to {new}.").format(old=old, new=new)


def merged(gone: str, into: str) -> str:
    return _("Merged {gone} into {into}.").format(gone=gone, into=into)


def deleted(name: str) -> str:
    return _("Deleted {name}.").format(name=name)


def no_such_player(name: str, known: str) -> str:
    return _("no player is called {name} (players: {known})").format(
        name=name, known=known or _("none yet")
    )


def name_taken(new: str) -> str:
    return _("{new} is another player's name (or looks the same): merge the two instead").format(
        new=new
    )


def same_player(name: str) -> str:
    return _("{name} is the same player: nothing to merge").format(name=name)


def who_is_playing() -> str:
    return _("Who is playing?")


def or_a_new_player() -> str:
    return _("Or a new player:")


def name_then_enter() -> str:
    return _("name, then Enter")


def player_keys() -> str:
    return _("Enter: play as · F2: rename · F3: merge into… · Delete: delete · Esc: back")


def confirm_change(action: str) -> str:
    return {"rename": _("Rename"), "merge": _("Merge"), "delete": _("Delete")}[action]


def cancel() -> str:
    return _("Cancel")


def playing_as(name: str) -> str:
    return _("You are playing as {name}: choose another player before deleting them.").format(
        name=name
    )


def rename_to(name: str) -> str:
    return _("New name for {name}, then Enter:").format(name=name)


def merge_into(name: str) -> str:
    return _("Merge {name} into which player? Their name, then Enter:").format(name=name)


# -- the server of browser tabs ----------------------------------------------------------


def websocket_only() -> str:
    """The answer to a plain request at `quiz serve`'s /ws (a tab's page opens a websocket)."""
    return _("This address takes a game tab's websocket, not a page: open the server's address.")


# -- a live class (quiz host) --------------------------------------------------------------


def live_refusal(code: str, name: str = "", n: int = 0) -> str:
    """Why the live game refused a join, an answer or a teacher's key (quiz.live.game)."""
    said = {
        "taken": lambda: _("{name} is in this game already: choose another name."),
        "removed": lambda: _("{name} was removed from this game."),
        "over": lambda: _("This game is over."),
        "full": lambda: ngettext(
            "This game has its {n} player.", "This game has its {n} players.", n
        ),
        "started": lambda: _("The game has started."),
        "empty": lambda: _("Nobody has joined yet."),
        "closed": lambda: _("No question is open."),
        "paused": lambda: _("The game is paused."),
        "answered": lambda: _("Answered already."),
        "time": lambda: _("Time is up."),
        "pin": lambda: _("Wrong PIN."),
    }
    return said[code]().format(name=name, n=n) if code in said else code


def live_top(code: str, playing: int) -> str:
    return ngettext(
        "Live quiz · paper {code} · {n} playing", "Live quiz · paper {code} · {n} playing", playing
    ).format(code=code, n=playing)


def live_pin(pin: str) -> str:
    return _("Game PIN: {pin}").format(pin=pin)


def live_join_here() -> str:
    return _("Join on your phone: scan the code, or open")


def live_joined(n: int) -> str:
    return ngettext("{n} joined", "{n} joined", n).format(n=n)


def live_lobby_keys() -> str:
    return _("Enter starts · x removes a name")


def live_question_of(i: int, total: int) -> str:
    return _("Question {i} of {total}").format(i=i, total=total)


def live_paused() -> str:
    return _("PAUSED (p goes on)")


def live_answered(k: int, n: int) -> str:
    return ngettext("{k} of {n} answered", "{k} of {n} answered", n).format(k=k, n=n)


def live_type_it() -> str:
    return _("Type the answer on your phone.")


def live_order_it() -> str:
    return _("Put them in order on your phone.")


def live_question_keys() -> str:
    return _("Enter ends the question · p pauses · s skips")


def live_counts(right: int, partial: int, wrong: int, blank: int) -> str:
    return _("Right {right} · partly right {partial} · wrong {wrong} · no answer {blank}").format(
        right=right, partial=partial, wrong=wrong, blank=blank
    )


def live_the_answer() -> str:
    return _("The answer: ")


def live_from(noun: str) -> str:
    return _("From the {noun}:").format(noun=noun)


def live_top_wrong() -> str:
    return _("Most chosen wrong answer: ")


def live_why_wrong() -> str:
    return _("Why it is wrong: ")


def live_to_board() -> str:
    return _("Enter shows the leaderboard")


def live_board(podium: bool) -> str:
    return _("Podium") if podium else _("Leaderboard")


def live_next(last: bool) -> str:
    return _("Enter: the podium") if last else _("Enter: the next question")


def live_results(code: str) -> str:
    return _("The results are kept: quiz results --paper {code}").format(code=code)


def live_remove_which() -> str:
    return _("Remove which name? (Enter removes, Escape cancels)")


def live_no_such(name: str) -> str:
    return _("No one called {name} plays.").format(name=name)


def live_played(code: str, n: int) -> str:
    return ngettext(
        "Live game {code}: {n} played; quiz results --paper {code} shows how each did.",
        "Live game {code}: {n} played; quiz results --paper {code} shows how each did.",
        n,
    ).format(code=code, n=n)


# -- a live game played in the terminal (quiz join) ------------------------------------------


def live_you_are_in() -> str:
    return _("You are in! Wait for the teacher to start.")


def live_how_to_answer(shape: str) -> str:
    said = {
        "one": lambda: _("Press the option's number."),
        "many": lambda: _("Digits tick the options; Enter sends."),
        "order": lambda: _("Digits from first to last; Backspace starts again; Enter sends."),
        "text": lambda: _("Type the answer; Enter sends."),
        "number": lambda: _("Type the number; Enter sends."),
    }
    return said[shape]() if shape in said else ""


def live_sent() -> str:
    return _("Answer sent: wait for the others.")


def live_sending() -> str:
    return _("Sending…")


def live_verdict(verdict: str) -> str:
    said = {
        "right": lambda: _("Right!"),
        "partial": lambda: _("Partly right"),
        "wrong": lambda: _("Wrong"),
    }
    return said[verdict]() if verdict in said else _("No answer")


def live_points(points: int, bonus: int) -> str:
    if bonus:
        return _("+{points} points (+{bonus} streak bonus)").format(points=points, bonus=bonus)
    return _("+{points} points").format(points=points)


def live_your_answer(given: str) -> str:
    return _("Your answer: {given}").format(given=given)


def live_your_place(rank: int) -> str:
    return _("Your place: {rank}").format(rank=rank)


def live_your_standing(rank: int, score: int) -> str:
    return _("Your place: {rank} with {score} points").format(rank=rank, score=score)


def live_score(score: int) -> str:
    return ngettext("{n} point", "{n} points", score).format(n=score)


def live_joined_as(name: str) -> str:
    return _("joined as {name}").format(name=name)


def live_removed_you() -> str:
    return _("The teacher removed you from this game.")


def live_connection_lost() -> str:
    return _("Connection lost: trying again.")


def live_connection_refused(status: int) -> str:
    return _(
        "The game refused the connection ({status}): is the address whole, token and all?"
    ).format(status=status)


def live_field(what: str) -> str:
    said = {
        "pin": lambda: _("Game PIN"),
        "name": lambda: _("Your name"),
        "answer": lambda: _("Your answer"),
    }
    return said[what]() if what in said else ""


# -- history: past rounds, and one opened again --------------------------------------------


def history_title(player: str) -> str:
    return _("{player}'s rounds, newest first").format(player=player)


def history_empty(player: str) -> str:
    return _("{player} has no rounds yet: play one, and it is kept here.").format(player=player)


def history_columns() -> list[str]:
    return [_("Round"), _("Date"), _("Pack"), _("Mode"), _("Questions"), _("Score")]


def history_mode(mode: str) -> str:
    """practice, review or exam, as History says it (a mode this version does not know is
    shown as it is)."""
    return {
        "practice": lambda: _("practice"),
        "review": lambda: _("review"),
        "exam": lambda: _("exam"),
    }.get(mode, lambda: mode)()


def history_asked(answered: int, count: int) -> str:
    """'10' for a round answered whole, '4 of 10' for one left early."""
    if answered >= count:
        return str(answered)
    return _("{answered} of {count}").format(answered=answered, count=count)


def history_score(score: int, right: int, answered: int) -> str:
    return ngettext(
        "{score} points, {right} of {answered} answer right",
        "{score} points, {right} of {answered} answers right",
        answered,
    ).format(score=score, right=right, answered=answered)


def history_open_hint() -> str:
    return _("Open one with: quiz history --round ROUND")


def history_round_heading(number: int, when: str, pack: str, mode: str) -> str:
    return _("Round {number}: {pack}, {mode}, {when}").format(
        number=number, pack=pack, mode=history_mode(mode), when=when
    )


def history_pack_missing(pack: str) -> str:
    return _(
        "Its questions cannot be shown: the pack {pack} is not installed here. The answers as kept:"
    ).format(pack=pack)


def history_pack_changed(pack: str, then: str, now: str) -> str:
    if then == now:
        return _(
            "Its questions cannot be shown as they were asked: the pack {pack} has changed "
            "since (version {then}, edited). The answers as kept:"
        ).format(pack=pack, then=then)
    return _(
        "Its questions cannot be shown as they were asked: it was played on {pack} {then}, "
        "and {now} is installed now. The answers as kept:"
    ).format(pack=pack, then=then, now=now)


def history_not_regenerated() -> str:
    return _(
        "Its questions cannot be shown as they were asked: the answers kept do not match "
        "the questions its pack makes now. The answers as kept:"
    )


def history_kept_answer(number: int, question: str, result: str) -> str:
    return _("{number}. question {question}: {result}").format(
        number=number, question=question, result=result
    )


def no_round(number: int, player: str, where: str) -> str:
    return _("no round {number} of {player} in {where} (quiz history lists them)").format(
        number=number, player=player, where=where
    )


# -- what is due ----------------------------------------------------------------------------


def forecast_title() -> str:
    return _("Due in the next seven days:")


def forecast_day(day: dt.date, n: int, today: dt.date) -> str:
    """One day of the forecast: 'later today 2', 'tomorrow 5', 'Wed 9 Dec 0'."""
    if day == today:
        name = _("later today")
    elif (day - today).days == 1:
        name = _("tomorrow")
    else:
        name = lang.short_day(day)
    return _("{day} {n}").format(day=name, n=n)


def forecast_line(days: Iterable[tuple[dt.date, int]], today: dt.date) -> str:
    return forecast_title() + " " + " · ".join(forecast_day(d, n, today) for d, n in days)


def home_due(
    due: int, packs: Iterable[tuple[str, int]], next_due: dt.datetime | None, now: dt.datetime
) -> str:
    """The home screen's line on reviews: how many facts are due now, on which packs, and
    when the next one is."""
    if not due:
        if next_due is None:
            return _("Nothing due yet.")
        return _("Nothing due now; the next review {when}.").format(when=due_in(next_due, now))
    where = ", ".join(f"{title} {n}" for title, n in packs)
    line = ngettext(
        "Due for review: {n} fact now ({where})",
        "Due for review: {n} facts now ({where})",
        due,
    ).format(n=due, where=where)
    if next_due is not None:
        return line + _("; the next {when}.").format(when=due_in(next_due, now))
    return line + "."
