"""The live game: one round played by a whole class at once, paced by the teacher.

Pure domain: no web server, no terminal. The server (quiz.live.server) and the teacher's
screen call these methods and show what they return; the clock that times every answer is
the one given here (the server's), never a phone's.

The round is a paper (quiz.papers): the same questions for everyone, and each student's
answers kept in the store as a sitting of that paper (one round per student, `paper` set to
the game's code), so `quiz results --paper CODE` marks a live game like any paper. The
points shown in the room are Kahoot's (quiz.scoring with the speed rule on: full points when
answered at once, half at the deadline, times the answer's credit, plus the streak bonus);
the results re-mark the answers as a paper's, as they do for every sitting.

States: LOBBY → QUESTION(i) → REVEAL(i) → LEADERBOARD → QUESTION(i+1) … → PODIUM.
"""

from __future__ import annotations

import secrets
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from quiz import words
from quiz.clock import Clock, SystemClock
from quiz.names import fold, name_key
from quiz.packs.model import Pack
from quiz.papers import MAX_SEED, Paper, encode, paper_spec
from quiz.question import NOT_ANSWERED, Grade, Question, Response
from quiz.round import viewing
from quiz.round.codes import EndReason, Shape
from quiz.round.views import Passage
from quiz.scoring import Rules, points
from quiz.services import check_name
from quiz.session import Outcome
from quiz.store.backend import StoreError
from quiz.store.records import AnswerRecord
from quiz.store.review import iso
from quiz.store.writes import FinishRound, RecordAnswer, StartRound, Write

if TYPE_CHECKING:
    from quiz.store.sql import SqlStore

MAX_PLAYERS = 1000
SECONDS = 20.0  # Kahoot's default time per question
TOP = 5  # names on the leaderboard
PODIUM = 3

# Hands a write of a student's sitting to the store (the store's saver, or a thread that
# calls it); returns when the write is kept (on the store, or in the outbox).
Keeper = Callable[[Write], None]


class Phase(Enum):
    LOBBY = "lobby"
    QUESTION = "question"
    REVEAL = "reveal"
    LEADERBOARD = "leaderboard"
    PODIUM = "podium"


class Refused(ValueError):
    """Something a student or the teacher asked that the game does not allow now: `code`
    says what (the front ends word it), the message is for logs and tests."""

    def __init__(self, code: str, message: str | None = None, name: str = "", n: int = 0) -> None:
        self.code, self.name, self.n = code, name, n
        super().__init__(message or words.live_refusal(code, name, n))

    def worded(self) -> str:
        """The refusal in the interface's language now (a phone's, see quiz.lang.speaking);
        a refused name keeps the words that said what is wrong with it."""
        return (
            str(self) if self.code == "name" else words.live_refusal(self.code, self.name, self.n)
        )


@dataclass(frozen=True)
class Answer:
    """A student's answer to one question, as the room scored it."""

    response: Response | None  # None: not answered
    grade: Grade
    points: int
    bonus: int  # the streak bonus
    seconds: float
    streak_before: int = 0  # the student's streak before it (given back if it is skipped)

    @property
    def total(self) -> int:
        return self.points + self.bonus


@dataclass(eq=False)
class Student:
    name: str
    key: str  # quiz.names.name_key: one name once per game, look-alikes included
    secret: str  # the rejoin secret the student's page keeps
    uid: str  # the student's sitting in the store
    joined_at: int  # the question that was next when they joined
    score: int = 0
    streak: int = 0
    answers: dict[int, Answer] = field(default_factory=dict)
    rank_before: int | None = None  # rank before the last question was scored
    kept_to: int = 0  # questions whose answer (or blank) was handed to the store


@dataclass(frozen=True)
class Standing:
    name: str
    score: int
    rank: int  # 1 first; equal scores share a rank
    climbed: int  # places gained by the last question (0 when none, or new)


@dataclass(frozen=True)
class Reveal:
    """What the room sees once a question closes."""

    index: int
    question: Question
    counts: tuple[int, ...]  # per option: how many chose it (a select-all: ticked it)
    typed: tuple[tuple[str, int], ...]  # typed answers, most given first (text and number)
    right: int
    partial: int
    wrong: int
    blank: int
    answer: str  # the right answer, written out
    rights: frozenset[int]  # the right options (one or several; none for order and typed)
    explanation: str
    noun: str  # what the pack calls its source
    passages: tuple[Passage, ...]  # the quote in its paragraph
    top_wrong: str | None  # the most chosen wrong option (or typed answer)
    top_wrong_count: int
    why_not: str | None  # why that option is wrong, in the source's words (when it can say)
    why_quote: str | None


def live_rules(seconds: float) -> Rules:
    """Kahoot's scoring: the speed rule over the question's time, and the streak bonus."""
    return Rules(streak_bonus=True, speed_bonus=True, time_limit=float(seconds))


def live_paper(
    pack: Pack,
    count: int,
    kinds: Sequence[str] | None = None,
    topics: Sequence[str] | None = None,
    seed: int | None = None,
) -> Paper:
    """A paper for a game started without one, made as `quiz paper new` makes it."""
    from quiz.rounds import new_seed

    seed = new_seed() % (MAX_SEED + 1) if seed is None else seed
    spec = paper_spec(pack, seed, count, kinds, topics)
    return Paper(encode(spec, pack), spec, pack)


class LiveGame:
    def __init__(
        self,
        paper: Paper,
        *,
        seconds: float = SECONDS,
        clock: Clock | None = None,
        keep: Keeper | None = None,
        max_players: int = MAX_PLAYERS,
        questions: Sequence[Question] | None = None,
    ) -> None:
        from quiz.generate import round_questions

        if seconds <= 0:
            raise ValueError("a question lasts at least a second")
        self.paper = paper
        self.seconds = float(seconds)
        self.rules = live_rules(seconds)
        self.clock: Clock = clock or SystemClock()
        self.keep = keep
        self.max_players = max_players
        self.questions: tuple[Question, ...] = tuple(
            questions if questions is not None else round_questions(paper.pack, paper.spec)
        )
        if not self.questions:
            raise ValueError("this paper has no questions")
        self.phase = Phase.LOBBY
        self.index = 0  # the current (or last) question
        self.students: dict[str, Student] = {}  # by name key
        self.removed: set[str] = set()  # keys the teacher removed: they cannot come back
        self.skipped: set[int] = set()
        self.version = 0  # moves on with every change (see _changed)
        self.stage = 0  # moves on with every change the phones are sent
        self._opened = 0.0  # monotonic time the current question opened
        self._paused_at: float | None = None
        self._paused_for = 0.0
        self._standings: tuple[int, list[Standing], dict[str, int]] = (-1, [], {})
        self._quotes: dict[int, tuple[str, Passage | None]] = {}

    @property
    def code(self) -> str:
        return self.paper.code

    @property
    def pack(self) -> Pack:
        return self.paper.pack

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def current(self) -> Question:
        return self.questions[self.index]

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def _changed(self, room: bool = True) -> None:
        """Something changed: the teacher's screen redraws (`version`); a change of state the
        phones must see too (a question opened or closed, a pause) moves `stage` as well. A
        join or an answer does not: a thousand phones are not each sent a thousand updates."""
        self.version += 1
        if room:
            self.stage += 1

    # -- the lobby ------------------------------------------------------------------------

    def join(self, raw_name: str, secret: str | None = None) -> Student:
        """A student in the game by this name: new, or back with the secret their page kept
        (their score with them). Refused: a bad name, a name taken (or one that looks the
        same), a removed name, the game full or over."""
        try:
            name = check_name(raw_name)
        except ValueError as exc:
            raise Refused("name", str(exc)) from None
        key = name_key(name)
        if key in self.removed:
            raise Refused("removed", name=name)
        found = self.students.get(key)
        if found is not None:
            if secret is not None and secrets.compare_digest(found.secret, secret):
                return found
            raise Refused("taken", name=found.name)
        if self.phase is Phase.PODIUM:
            raise Refused("over")
        if len(self.students) >= self.max_players:
            raise Refused("full", n=self.max_players)
        joined_at = self.index if self.phase in (Phase.LOBBY, Phase.QUESTION) else self.index + 1
        student = Student(name, key, secrets.token_urlsafe(16), str(uuid.uuid4()), joined_at)
        self.students[key] = student
        self._keep(StartRound.of(student.uid, name, self.paper.spec, iso(self.clock.now()),
                                 self.code))  # fmt: skip
        self._keep_blanks(student, self._closed_count())
        self._changed(room=False)
        return student

    def find(self, name: str) -> Student | None:
        return self.students.get(name_key(name))

    def remove(self, name: str) -> bool:
        """The teacher removes a name: it cannot join again; its sitting is closed as it
        stands. False when no such name plays, or the game is over (its sittings are kept as
        they were handed in)."""
        student = self.find(name)
        if student is None or self.phase is Phase.PODIUM:
            return False
        del self.students[student.key]
        self.removed.add(student.key)
        self._keep(FinishRound(student.uid, EndReason.LEFT.value, iso(self.clock.now()),
                               student.score))  # fmt: skip
        self._changed(room=False)
        if self.phase is Phase.QUESTION and self._all_answered():
            self._close()
        return True

    def start(self) -> None:
        if self.phase is not Phase.LOBBY:
            raise Refused("started")
        if not self.students:
            raise Refused("empty")
        self._open(0)

    # -- a question -----------------------------------------------------------------------

    def _open(self, i: int) -> None:
        self.index = i
        self.phase = Phase.QUESTION
        self._opened = self.clock.monotonic()
        self._paused_at, self._paused_for = None, 0.0
        ranks = {s.name: s.rank for s in self.standings()}
        for s in self.students.values():
            s.rank_before = ranks.get(s.name)
        self._changed()

    def elapsed(self) -> float:
        """Seconds the current question has been open, pauses left out."""
        now = self._paused_at if self._paused_at is not None else self.clock.monotonic()
        return max(0.0, now - self._opened - self._paused_for)

    def remaining(self) -> float:
        if self.phase is not Phase.QUESTION:
            return 0.0
        return max(0.0, self.seconds - self.elapsed())

    def answered_count(self) -> int:
        return sum(self.index in s.answers for s in self.students.values())

    def answer(self, student: Student, response: object) -> Answer:
        """The student's answer to the open question, scored by the server's clock and kept
        before this returns. Refused: no question open, paused, time up, answered already.
        InvalidResponse: it does not fit the question (nothing is kept; they may try again)."""
        if self.students.get(student.key) is not student:
            raise Refused("removed", name=student.name)
        if self.phase is not Phase.QUESTION:
            raise Refused("closed")
        if self.paused:
            raise Refused("paused")
        if self.index in student.answers:
            raise Refused("answered")
        seconds = self.elapsed()
        if seconds >= self.seconds:
            self._close()
            raise Refused("time")
        q = self.current
        canonical = q.normalize(response)
        grade = q.grade(canonical)
        streak = student.streak + 1 if grade.correct else 0
        earned, bonus = points(self.rules, grade, streak, seconds)
        given = Answer(canonical, grade, earned, bonus, seconds, student.streak)
        student.answers[self.index] = given
        student.streak = streak
        student.score += given.total
        self._keep_answer(student, self.index, given)
        self._changed(room=False)
        if self._all_answered():
            self._close()
        return given

    def _all_answered(self) -> bool:
        return bool(self.students) and all(self.index in s.answers for s in self.students.values())

    def tick(self) -> bool:
        """Close the question when its time is up (the server calls this often): whether
        anything changed."""
        if self.phase is Phase.QUESTION and not self.paused and self.remaining() <= 0:
            self._close()
            return True
        return False

    def pause(self) -> None:
        """Stop the countdown (again: go on). Answers wait while it is paused."""
        if self.phase is not Phase.QUESTION:
            raise Refused("closed")
        now = self.clock.monotonic()
        if self._paused_at is None:
            self._paused_at = now
        else:
            self._paused_for += now - self._paused_at
            self._paused_at = None
        self._changed()

    def _close(self) -> None:
        """The question ends: whoever did not answer scores nothing and loses their streak."""
        if self._paused_at is not None:
            self._paused_for += self.clock.monotonic() - self._paused_at
            self._paused_at = None
        for s in self.students.values():
            if self.index not in s.answers and self.index not in self.skipped:
                s.streak = 0
            self._keep_blanks(s, self.index + 1)
        self.phase = Phase.REVEAL
        self._changed()

    def skip(self) -> None:
        """The teacher drops the open question: nobody scores on it in the room (points given
        are taken back, streaks are as they were) and the game goes to the next question. The
        store keeps what was answered before the skip, and blanks: a paper's results mark every
        question."""
        if self.phase is not Phase.QUESTION:
            raise Refused("closed")
        i = self.index
        self.skipped.add(i)
        for s in self.students.values():
            given = s.answers.pop(i, None)
            if given is not None:
                s.score -= given.total
                s.streak = given.streak_before
        self._close()
        self.phase = Phase.LEADERBOARD
        self.advance()

    def advance(self) -> None:
        """The teacher's Enter: end the question early, show the leaderboard, open the next
        question, or the podium after the last."""
        if self.phase is Phase.LOBBY:
            self.start()
        elif self.phase is Phase.QUESTION:
            self._close()
        elif self.phase is Phase.REVEAL:
            self.phase = Phase.LEADERBOARD
            self._changed()
        elif self.phase is Phase.LEADERBOARD:
            if self.index + 1 < self.total:
                self._open(self.index + 1)
            else:
                self._finish()

    def stop(self) -> None:
        """The teacher quits before the podium: every sitting is handed in as it stands."""
        if self.phase is Phase.PODIUM:
            return
        now = iso(self.clock.now())
        for s in self.students.values():
            self._keep(FinishRound(s.uid, EndReason.LEFT.value, now, s.score))
        self.phase = Phase.PODIUM
        self._changed()

    def _finish(self) -> None:
        self.phase = Phase.PODIUM
        now = iso(self.clock.now())
        for s in self.students.values():
            self._keep(FinishRound(s.uid, EndReason.DONE.value, now, s.score))
        self._changed()

    # -- what the room sees ---------------------------------------------------------------

    def standings(self) -> list[Standing]:
        """Everyone, best first; equal scores share a rank (and are listed by name). Worked
        out once for each change of the game: a thousand phones ask for their rank."""
        if self._standings[0] != self.version:
            found = self._rank()
            self._standings = (self.version, found, {s.name: s.rank for s in found})
        return self._standings[1]

    def _rank(self) -> list[Standing]:
        ordered = sorted(self.students.values(), key=lambda s: (-s.score, fold(s.name), s.name))
        out: list[Standing] = []
        rank, last = 0, None
        for n, s in enumerate(ordered, 1):
            if s.score != last:
                rank, last = n, s.score
            before = s.rank_before
            out.append(Standing(s.name, s.score, rank, max(0, before - rank) if before else 0))
        return out

    def leaderboard(self, n: int = TOP) -> list[Standing]:
        return self.standings()[:n]

    def podium(self) -> list[Standing]:
        return [s for s in self.standings() if s.rank <= PODIUM][:PODIUM]

    def rank_of(self, student: Student) -> int | None:
        self.standings()
        return self._standings[2].get(student.name)

    def quote(self, i: int | None = None) -> tuple[str, Passage | None]:
        """What the pack calls its source, and the passage that proves question `i` in its
        paragraph (worked out once a question)."""
        i = self.index if i is None else i
        if i not in self._quotes:
            q = self.questions[i]
            found = viewing.passages(self.pack, q, self.questions[i + 1 :])
            self._quotes[i] = (viewing.noun_of(self.pack, q.quote), viewing.main_passage(found))
        return self._quotes[i]

    def reveal(self, i: int | None = None) -> Reveal:
        """The class's answers to question `i` (the current one), the right answer, the quote
        that proves it, and why the most chosen wrong answer is wrong when the pack says."""
        i = self.index if i is None else i
        q = self.questions[i]
        given = [s.answers[i] for s in self.students.values() if i in s.answers]
        counts = [0] * len(q.options)
        typed: Counter[str] = Counter()
        spelled: dict[str, str] = {}
        wrong_options: Counter[int] = Counter()
        wrong_typed: Counter[str] = Counter()
        for a in given:
            r = a.response
            if isinstance(r, int):
                counts[r] += 1
                if not a.grade.correct:
                    wrong_options[r] += 1
            elif isinstance(r, tuple) and q.shape is Shape.MANY:
                for k in r:
                    counts[k] += 1
                    if k not in q.key.rights():
                        wrong_options[k] += 1
            elif isinstance(r, str):
                folded = fold(r) or r
                spelled.setdefault(folded, " ".join(r.split()))
                typed[folded] += 1
                if not a.grade.correct:
                    wrong_typed[folded] += 1
        top_wrong, top_count, why, why_quote = None, 0, None, None
        if wrong_options:
            option, top_count = min(wrong_options.items(), key=lambda kv: (-kv[1], kv[0]))
            top_wrong = q.options[option]
            pick = next(
                (a for a in given if a.response == option and isinstance(a.response, int)), None
            )
            found = None
            if pick is not None:
                outcome = Outcome(i, q, option, pick.grade, 0, 0, 0, pick.seconds,
                                  self.clock.now())  # fmt: skip
                found = viewing.why_not(outcome, self.pack, self.questions[i + 1 :])
            elif q.shape is Shape.MANY:
                found = viewing.shown_why(self.pack, q.why_wrong(option), self.questions[i + 1 :])
            if found is not None:
                why, why_quote = found.statement, found.quote.text
        elif wrong_typed:
            folded, top_count = min(wrong_typed.items(), key=lambda kv: (-kv[1], kv[0]))
            top_wrong = spelled[folded]
        return Reveal(
            index=i,
            question=q,
            counts=tuple(counts),
            typed=tuple((spelled[f], n) for f, n in typed.most_common()),
            right=sum(a.grade.correct for a in given),
            partial=sum(0 < a.grade.credit < 1 for a in given),
            wrong=sum(a.grade.credit <= 0 for a in given),
            blank=len(self.students) - len(given),
            answer=q.answer_text(),
            rights=q.key.rights(),
            explanation=q.explanation,
            noun=viewing.noun_of(self.pack, q.quote),
            passages=viewing.passages(self.pack, q, self.questions[i + 1 :]),
            top_wrong=top_wrong,
            top_wrong_count=top_count,
            why_not=why,
            why_quote=why_quote,
        )

    # -- the store --------------------------------------------------------------------------

    def _closed_count(self) -> int:
        """Questions no longer open to answers."""
        if self.phase is Phase.LOBBY:
            return 0
        return self.index if self.phase is Phase.QUESTION else self.index + 1

    def _keep(self, w: Write) -> None:
        if self.keep is not None:
            self.keep(w)

    def _keep_answer(self, s: Student, i: int, a: Answer) -> None:
        self._keep_blanks(s, i)
        outcome = Outcome(i, self.questions[i], a.response, a.grade, a.points, a.bonus,
                          s.streak, a.seconds, self.clock.now())  # fmt: skip
        self._keep(RecordAnswer(s.uid, AnswerRecord.of(outcome), None))
        s.kept_to = i + 1

    def _keep_blanks(self, s: Student, upto: int) -> None:
        """A blank for each question before `upto` the student's sitting does not have yet
        (joined late, did not answer, or the question was skipped), so the answers kept are
        in the paper's order."""
        while s.kept_to < upto:
            i = s.kept_to
            grade = Grade(0.0, NOT_ANSWERED)
            outcome = Outcome(i, self.questions[i], None, grade, 0, 0, 0, 0.0, self.clock.now())
            self._keep(RecordAnswer(s.uid, AnswerRecord.of(outcome), None))
            s.kept_to = i + 1


class StoreKeeper:
    """Hands a student's writes to the store's saver: on the store, or in its outbox until the
    store is back. One at a time (a Keeper) raises StoreError when the store refuses a write
    for good; several at once (`all`, from the live server's writer) share one commit."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def __call__(self, w: Write) -> None:
        self.store.saver.send(w)

    def all(self, ws: Sequence[Write]) -> list[StoreError | None]:
        """Each write's refusal for good, or None when it is kept. A SQLite store is itself
        one local flush for them all; a database across the network is about ten round trips
        an answer, so its writes are kept in the outbox first (one local flush) and sent
        behind, and a refusal for good is told to the saver's watchers later."""
        saver = self.store.saver
        if self.store.db.dialect != "sqlite":
            saver.keep_all(ws)
            return [None] * len(ws)
        return [out if isinstance(out, StoreError) else None for out in saver.send_all(ws)]


def keep_with(store: SqlStore) -> StoreKeeper:
    """A keeper for a live game's writes on `store` (see StoreKeeper)."""
    return StoreKeeper(store)
