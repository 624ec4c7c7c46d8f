"""Helpers shared by the core tests: small packs, the bundled pack, running the CLI."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

from conftest import DATA, MOON
from quiz.packs import Pack, PackError, Problem, load_pack
from quiz.store.records import Player

MOON_TEXT = (DATA / "sources" / "moon.txt").read_bytes()
MOON_SHA = "a402a68a21480ad48140408251aa0aff0ca4a9054de9a5a8a679cff4cf6335c1"
BUNDLED_ID = "lithuania-nato"

# `file:line:col: message`, one problem per line.
LOCATED = re.compile(r"^(?P<file>[^\n:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>\S.*)$")


def write_pack(folder: Path, text: str | bytes, name: str = "pack.yaml") -> Path:
    """Write a pack file with a copy of the moon source beside it (sources/moon.txt)."""
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    source = folder / "sources" / "moon.txt"
    if not source.exists():
        source.write_bytes(MOON_TEXT)
    path = folder / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def problems_of(path: Path) -> list[Problem]:
    """The problems load_pack reports for a file ([] when it loads)."""
    try:
        load_pack(path)
    except PackError as exc:
        return exc.problems
    return []


@functools.cache
def bundled() -> Pack:
    """The bundled pack, whatever state it is in: a broken or missing pack fails the test."""
    from quiz.packs.registry import resolve

    return resolve(BUNDLED_ID)


def bundled_with_templates(
    folder: Path,
    templates: dict[str, dict[str, str]],
    name: str | None = None,
    guessed: bool = False,
) -> Pack:
    """The bundled pack with templates its author left out put back (relation id → template
    name → text), loaded from a copy in `folder` (under another id and title with `name`): a
    rule's test keeps its real example after the pack stopped asking it. `guessed`: its
    `guessable` entities (Vilnius, the EU) are typed answers again."""
    import shutil

    import yaml

    from quiz.packs.registry import resolve

    original = Path(resolve(BUNDLED_ID).path)
    shutil.copytree(original.parent / "sources", folder / "sources", dirs_exist_ok=True)
    data = yaml.safe_load(original.read_text(encoding="utf-8"))
    if name is not None:
        data["id"], data["title"] = name, name
    for relation, more in templates.items():
        data["relations"][relation].update(more)
    for entity in data["entities"].values() if guessed else ():
        entity.pop("guessable", None)
    for fact in data["facts"]:  # a fact kept back as guessable is asked again
        if (
            fact["relation"] in templates
            and fact.get("background")
            and fact["relation"] in (*GUESSABLE, *GUESSABLE_ANY, *TWINS)
        ):
            del fact["background"]
    copy = folder / original.name
    copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_pack(copy)


# The pack no longer asks "which country became a member on 29 March 2004?" (it is "which
# joined along with Lithuania?" again), nor, since the nineteenth reading, the six other
# countries' date (background facts): the rule that kept the two apart is tested on a copy
# that still asks them.
TWINS = {
    "joined_nato_on": {
        "reverse": "Which of these countries became a member of NATO on {object}?",
        "reverse_all": "Select every country that became a member of NATO on {object}.",
    }
}


def moon_folder(folder: Path) -> Path:
    """A --packs folder of its own: the moon pack and its source, to change at will."""
    import shutil

    (folder / "sources").mkdir(parents=True)
    shutil.copy(MOON, folder / "moon.yaml")
    shutil.copy(DATA / "sources" / "moon.txt", folder / "sources" / "moon.txt")
    return folder


def moon() -> Pack:
    from conftest import MOON

    return _moon(str(MOON))


@functools.cache
def _moon(path: str) -> Pack:
    return load_pack(path)


def gadsden() -> Pack:
    """The pack an unseen author wrote (issue 18): English, U.S. abbreviations, money."""
    return _moon(str(DATA / "gadsden.yaml"))


def run_quiz(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout=60,
    input: str | None = None,  # noqa: A002 - subprocess.run's own name for it
):
    """Run `python -m quiz ARGS` in a subprocess (stdin: `input`, else inherited); the result of
    subprocess.run."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        input=input,
    )


def plain(text: str) -> str:
    """A comparison key written independently of quiz.text.fold: accents, case, punctuation gone."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    bare = re.sub(r"[^\w]+", " ", bare).strip()
    return re.sub(r"^(the|a|an) ", "", bare)


def mentions(haystack: str, needle: str) -> bool:
    """Whether `needle` stands in `haystack` as whole words, after `plain` folding."""
    n = plain(needle)
    return bool(n) and f" {n} " in f" {plain(haystack)} "


def where(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, col) of the nth occurrence of needle in text."""
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def make_question(
    kind: str,
    options: tuple[str, ...],
    answer: object,
    *,
    qid: str | None = None,
    facts: tuple[str, ...] = ("t",),
    topics: tuple[str, ...] = ("t",),
    prompt: str = "?",
):
    """A hand-made question for tests of grading and sessions: the key is given as the right
    option text(s), as a person would write it."""
    from quiz.packs.model import Quote
    from quiz.question import Figure, Many, One, Order, Origin, Question, Text

    if kind in ("multi",):
        key = Many(frozenset(options.index(a) for a in answer))  # type: ignore[union-attr]
    elif kind == "order":
        key = Order(tuple(options.index(a) for a in answer))  # type: ignore[union-attr]
    elif kind == "typed":
        key = Text(str(answer), (str(answer),))
    elif kind == "number":
        key = Figure(answer)  # type: ignore[arg-type]
    else:
        key = One(options.index(answer))  # type: ignore[arg-type]
    return Question(
        id=qid or f"t:{kind}",
        kind=kind,
        prompt=prompt,
        options=options,
        topics=topics,
        key=key,
        origin=Origin(facts=facts, quotes=(Quote("article", "x", 0, 1),), explanation=""),
    )


def right_response(q):
    """The response that answers a question right, read off its key."""
    from quiz.question import Figure, Many, One, Order, Text

    key = q.key
    if isinstance(key, One):
        return key.right
    if isinstance(key, Many):
        return tuple(sorted(key.right))
    if isinstance(key, Order):
        return key.order
    if isinstance(key, Text):
        return key.answer
    assert isinstance(key, Figure)
    return str(key.value)


def wrong_response(q):
    """A response that answers a question wrong (for one-option and typed questions)."""
    from quiz.question import Figure, One, Text

    key = q.key
    if isinstance(key, One):
        return (key.right + 1) % len(q.options)
    if isinstance(key, Text):
        return "nothing like it"
    if isinstance(key, Figure):
        return str(int(key.value) + 1)
    return tuple(reversed(key.order)) if hasattr(key, "order") else (0,)


class Seen:
    """A question read the way a player reads it: the answer as option text(s), the values
    behind the options, the reasons by option text. Tests written before the key became typed
    read questions through this, so they keep checking what a player sees."""

    def __init__(self, q) -> None:
        self.q = q

    def __getattr__(self, name: str):
        return getattr(self.q, name)

    def __eq__(self, other: object) -> bool:
        return self.q == (other.q if isinstance(other, Seen) else other)

    def __hash__(self) -> int:
        return hash(self.q)

    def __repr__(self) -> str:
        return f"Seen({self.q!r})"

    @property
    def answer(self):
        from quiz.question import Figure, Many, Order, Text

        key = self.q.key
        if isinstance(key, Many):
            return tuple(self.q.options[i] for i in sorted(key.right))
        if isinstance(key, Order):
            return tuple(self.q.options[i] for i in key.order)
        if isinstance(key, Text):
            return key.answer
        if isinstance(key, Figure):
            return key.value
        return self.q.options[key.right]

    @property
    def answers(self) -> tuple[str, ...]:
        a = self.answer
        if isinstance(a, tuple):
            return a
        return (str(a),) if self.q.options else ()

    @property
    def values(self):
        claim = self.q.origin.claim
        return claim.values if claim else ()

    @property
    def relation(self):
        claim = self.q.origin.claim
        return claim.relation if claim else None

    @property
    def direction(self):
        claim = self.q.origin.claim
        return claim.direction if claim else None

    @property
    def anchor(self):
        claim = self.q.origin.claim
        return claim.anchor if claim else None

    @property
    def why_wrong(self) -> dict:
        return {self.q.options[i]: w for i, w in self.q.origin.why_wrong}

    @property
    def hand_written(self) -> bool:
        return self.q.origin.hand_written

    @property
    def accepted(self) -> tuple[str, ...]:
        return self.q.key.accepted

    @property
    def rivals(self) -> tuple[str, ...]:
        return self.q.key.rivals

    @property
    def tolerance(self) -> float:
        return self.q.key.tolerance


OLD_T0 = "2026-04-01T09:00:00+00:00"


def old_player(db: Any, name: str) -> Player:
    """A player as the first schema's quiz added one (today's finds players by a key that
    schema has no column for)."""
    ((player_id,),) = db.execute(
        "INSERT INTO players (name, created_at) VALUES (?, ?) RETURNING id", (name, OLD_T0)
    )
    return Player(int(player_id), name, OLD_T0)


# Typed questions the bundled pack no longer asks, because a student answers them without
# reading ("in which organisation?" can only be NATO, "which treaty?" stands in NATO's own
# name): how their answers are marked is still issue 18's, so they are tested on a copy of
# the pack that asks them again (its relations given these `forward` templates back, its
# `guessable` entities, Vilnius and the EU since the thirty-second reading, typed again).
GUESSABLE = {
    "representatives_debate_in": (
        "According to the article, in which organisation do the military representatives of "
        "{subject} take part actively in political and military debates?"
    ),
    "joined_by_ratifying": (
        "By ratifying which treaty, its documents deposited in Washington, did {subject} "
        "become a member of NATO?"
    ),
    "security_policy_foundation": (
        "According to the article, membership of which organisation is the foundation of "
        "{subject}'s security policy?"
    ),
    "most_important_challenge_from": (
        "According to the article, the aggressive posture and military actions of which "
        "country are the most important challenge for {subject}?"
    ),
    "brigade_of": "{subject} belongs to which armed forces?",
    "ensures_input_to": (
        "According to the article, besides defence, to what does {subject} today ensure an input?"
    ),
    "takes_contingents_with": (
        "According to the article, what did {subject} use to take contingents to areas of "
        "operations?"
    ),
    "officers_serve_in": (
        "According to the article, in which NATO bodies do officers from {subject} serve?"
    ),
}
# "Name one …" questions the pack no longer asks for the same reason (the sixth reading)
GUESSABLE_ANY = {
    "troops_praised_for": (
        "Name a quality for which, according to the article, troops from {subject} often earn "
        "praise and respect."
    ),
    "multinational_operations_gave": (
        "Name one thing that, according to the article, multinational operations in 2004–2014 "
        "gave {subject}."
    ),
    "deployed_at_air_base": (
        "Name one of the air bases where, according to the article, NATO deployed {subject}."
    ),
    "hybrid_warfare_challenge": (
        "Name one kind of attack that the article calls a great challenge of hybrid warfare "
        "facing {subject} today."
    ),
}


# Reverse questions the bundled pack no longer asks (the article credits the Wales and
# Warsaw summits together later on): how "Warsaw" for the Warsaw Summit is marked is still
# tested on the copy that asks them again.
REVERSED = {"summit_decided_to_deploy": "Which NATO summit decided to deploy {object}?"}


def asked_again(folder: Path) -> Pack:
    """A copy of the bundled pack in `folder` that asks the GUESSABLE typed questions again,
    and those whose answer is a `guessable` entity."""
    templates: dict[str, dict[str, str]] = {r: {"forward": t} for r, t in GUESSABLE.items()}
    for relation, text in GUESSABLE_ANY.items():
        templates.setdefault(relation, {})["forward_any"] = text
    for relation, reverse in REVERSED.items():
        templates.setdefault(relation, {})["reverse"] = reverse
    return bundled_with_templates(folder, templates, name="asked-again", guessed=True)
