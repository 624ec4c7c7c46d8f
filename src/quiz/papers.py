"""Paper codes: a whole exam paper in a few characters a teacher can write on a board.

A code is the round spec of an exam, packed into bits and written in Crockford's
base 32 (digits and capitals without I, L, O and U, so nothing looks like
something else; typed I, L and O are read as 1, 1 and 0), in groups of four,
with one check character at the end. The bits, first to last:

    version 2 · pack id hash 10 · pack content hash 20 · seed 16 · count − 1 8 ·
    kinds 7 (one bit per kind, in quiz.kinds order) · has time limit 1 · has topics 1 ·
    [time limit in seconds 17] · [topics: one bit per topic of the pack, sorted]

then zero bits up to a whole character. The pack is named by two short hashes:
the content hash (of id, version and digest) finds the installed pack, and the id
hash lets a code for another version of an installed pack say so. The check
character is Damm's algorithm over GF(32), x∘y = 2x + y: it catches every single
wrong character and every swap of two neighbours (see tests/test_papers.py).

Papers are exams: feedback at the end, no source reader until then, and no streak
or speed bonus, so a score is 1000 points a right answer and partial credit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.kinds import KIND_NAMES
from quiz.lang import _
from quiz.limits import MAX_COUNT
from quiz.scoring import Rules
from quiz.spec import PackRef, RoundSpec

if TYPE_CHECKING:
    from quiz.packs.model import Pack

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
_READ_AS = {"I": "1", "L": "1", "O": "0"}  # look-alikes, read as what they look like
VERSION = 1
MAX_SEED = 2**16 - 1
MAX_TIME = 2**17 - 1  # seconds (more than the 24 hours a spec allows)
KIND_BITS = 7  # the kinds field of version 1; a new kind needs a new version
GROUP = 4
RULES = Rules(streak_bonus=False, speed_bonus=False)  # an exam's marks: no bonuses

_FIXED = 2 + 10 + 20 + 16 + 8 + KIND_BITS + 1 + 1
SHORTEST = -(-_FIXED // 5) + 1  # characters of a code without time limit or topics


class PaperError(ValueError):
    """A code that is malformed, mistyped, or for a pack that is not installed."""


@dataclass(frozen=True)
class Paper:
    code: str  # canonical: upper case, grouped
    spec: RoundSpec
    pack: Pack


def paper_spec(
    pack: Pack,
    seed: int,
    count: int,
    kinds: Sequence[str] | None = None,
    topics: Sequence[str] | None = None,
    time_limit: int | None = None,
) -> RoundSpec:
    """The exam a paper code stands for; PaperError if a code cannot hold it."""
    if not 0 <= seed <= MAX_SEED:
        raise PaperError(_("a paper's seed is a whole number from 0 to {n}").format(n=MAX_SEED))
    if not 1 <= count <= MAX_COUNT:
        raise PaperError(_("a paper has from 1 to {n} questions").format(n=MAX_COUNT))
    if time_limit is not None and not 1 <= time_limit <= 24 * 3600:
        raise PaperError(_("a paper's time limit is from 1 second to 24 hours"))
    kinds = tuple(k for k in KIND_NAMES if k in set(kinds)) if kinds else None
    topics = tuple(t for t in pack.topics if t in set(topics)) if topics else None
    return RoundSpec(
        PackRef.of(pack),
        seed,
        count,
        None if kinds is None or len(kinds) == len(KIND_NAMES) else kinds,
        None if topics is None or len(topics) == len(pack.topics) else topics,
        RULES,
        mode="exam",
        feedback="end",
        time_limit=time_limit,
    )


# -- writing --------------------------------------------------------------------------


def encode(spec: RoundSpec, pack: Pack) -> str:
    """The code of an exam spec made by `paper_spec` for this pack."""
    spec.check_pack(pack)
    if spec != paper_spec(pack, spec.seed, spec.count, spec.kinds, spec.topics, spec.time_limit):
        raise PaperError("only an exam made for a paper has a paper code")
    bits = _Bits()
    bits.put(VERSION, 2)
    bits.put(_id_hash(pack.id), 10)
    bits.put(_content_hash(spec.pack), 20)
    bits.put(spec.seed, 16)
    bits.put(spec.count - 1, 8)
    bits.put(_mask(KIND_NAMES, spec.kinds), KIND_BITS)
    bits.put(spec.time_limit is not None, 1)
    bits.put(spec.topics is not None, 1)
    if spec.time_limit is not None:
        bits.put(spec.time_limit, 17)
    if spec.topics is not None:
        bits.put(_mask(pack.topics, spec.topics), len(pack.topics))
    body = bits.text()
    return group(body + check_char(body))


def _mask(names: Sequence[str], chosen: Sequence[str] | None) -> int:
    wanted = set(names if chosen is None else chosen)
    return sum(1 << (len(names) - 1 - i) for i, n in enumerate(names) if n in wanted)


def _id_hash(pack_id: str) -> int:
    return _hash(f"quiz-paper/id\0{pack_id}", 10)


def _content_hash(ref: PackRef) -> int:
    return _hash(f"quiz-paper/pack\0{ref.id}\0{ref.version}\0{ref.digest}", 20)


def _hash(text: str, bits: int) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") >> (32 - bits)


def group(chars: str) -> str:
    return "-".join(chars[i : i + GROUP] for i in range(0, len(chars), GROUP))


# -- the check character --------------------------------------------------------------


def _times2(x: int) -> int:
    """x·2 in GF(32), modulo x⁵ + x² + 1."""
    x <<= 1
    return x ^ 0b100101 if x & 0b100000 else x


def _damm(values: Iterable[int]) -> int:
    interim = 0
    for v in values:
        interim = _times2(interim) ^ v
    return interim


def check_char(body: str) -> str:
    """The character that brings the Damm sum of the whole code to 0."""
    return ALPHABET[_times2(_damm(ALPHABET.index(c) for c in body))]


# -- reading --------------------------------------------------------------------------


def canonical(code: str) -> str:
    """The code as written on the board (grouped, upper case) after its check character
    passed; PaperError says what is wrong with it."""
    chars = _chars(code)
    if len(chars) < SHORTEST:
        raise PaperError(
            _("paper code {code} is too short: a code has at least {n} characters").format(
                code=_shown(code), n=SHORTEST
            )
        )
    if _damm(ALPHABET.index(c) for c in chars) != 0:
        raise PaperError(
            _(
                "paper code {code} is mistyped (its check character does not match): "
                "compare it with the one you were given"
            ).format(code=_shown(code))
        )
    return group(chars)


def decode(code: str, packs: Iterable[Pack]) -> Paper:
    """The paper a code stands for, with the installed pack it was made from."""
    chars = canonical(code).replace("-", "")
    bits = _Bits.of(chars[:-1])
    version = bits.take(2)
    if version != VERSION:
        raise PaperError(
            _("paper code {code} was made by another version of quiz").format(code=group(chars))
        )
    id_hash, content = bits.take(10), bits.take(20)
    installed = list(packs)
    pack = next((p for p in installed if _content_hash(PackRef.of(p)) == content), None)
    if pack is None:
        raise PaperError(
            _missing(group(chars), [p for p in installed if _id_hash(p.id) == id_hash])
        )
    seed, count, kinds = bits.take(16), bits.take(8) + 1, bits.take(KIND_BITS)
    timed, narrowed = bits.take(1), bits.take(1)
    time_limit = bits.take(17) if timed else None
    topics = bits.take(len(pack.topics)) if narrowed else None
    if not bits.rest_is_padding():
        raise PaperError(_("paper code {code} has the wrong length").format(code=group(chars)))
    if not kinds or count > MAX_COUNT or (topics is not None and not topics):
        raise PaperError(_not_a_paper(group(chars)))
    try:
        spec = paper_spec(
            pack,
            seed,
            count,
            _names(KIND_NAMES, kinds),
            None if topics is None else _names(pack.topics, topics),
            time_limit,
        )
    except PaperError:
        raise PaperError(_not_a_paper(group(chars))) from None
    return Paper(group(chars), spec, pack)


def _missing(code: str, same_id: list[Pack]) -> str:
    if same_id:
        p = same_id[0]
        return _(
            "paper {code} is for another version of pack {pack} than the one installed "
            "here ({version}): install the version it was made with"
        ).format(code=code, pack=repr(p.id), version=f"{p.version}, {p.digest[:8]}")
    return _(
        "paper {code} is for a pack that is not installed here: add the pack file to the "
        "user packs folder or pass --packs DIR"
    ).format(code=code)


def _not_a_paper(code: str) -> str:
    return _("paper code {code} is not a paper quiz can make").format(code=code)


def _names(names: Sequence[str], mask: int) -> tuple[str, ...]:
    return tuple(n for i, n in enumerate(names) if mask >> (len(names) - 1 - i) & 1)


def _chars(code: str) -> str:
    out = []
    for c in code.upper():
        if c in "- \t":
            continue
        c = _READ_AS.get(c, c)
        if c not in ALPHABET:
            raise PaperError(
                _(
                    "paper code {code}: {char} is not used in codes (they use the digits "
                    "and the letters A–Z but I, L, O and U)"
                ).format(code=_shown(code), char=repr(c))
            )
        out.append(c)
    if not out:
        raise PaperError(_("the paper code is empty"))
    return "".join(out)


def _shown(code: str) -> str:
    text = "".join(c if c.isprintable() else "?" for c in code.strip())
    return repr(text if len(text) <= 40 else text[:40] + "…")


class _Bits:
    """A big-endian bit stream written and read in base-32 characters."""

    def __init__(self) -> None:
        self.value = 0
        self.size = 0
        self.pos = 0

    @classmethod
    def of(cls, chars: str) -> _Bits:
        bits = cls()
        for c in chars:
            bits.put(ALPHABET.index(c), 5)
        return bits

    def put(self, value: int, width: int) -> None:
        assert 0 <= value < 1 << width, (value, width)
        self.value = self.value << width | value
        self.size += width

    def take(self, width: int) -> int:
        if self.pos + width > self.size:
            raise PaperError(_("the paper code is too short"))
        self.pos += width
        return self.value >> (self.size - self.pos) & ((1 << width) - 1)

    def rest_is_padding(self) -> bool:
        left = self.size - self.pos
        return left < 5 and self.value & ((1 << left) - 1) == 0

    def text(self) -> str:
        pad = -self.size % 5
        value = self.value << pad
        n = (self.size + pad) // 5
        return "".join(ALPHABET[value >> (5 * (n - 1 - i)) & 31] for i in range(n))
