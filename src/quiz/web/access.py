"""Who may open a served game: the rules of the door, apart from the web server so they can be
read and tested on their own (this module imports nothing but the standard library).

On 127.0.0.1 (this computer only) nobody else can connect, so no token is asked for, but the
Host header must name this computer: a web page elsewhere cannot then reach the game through
a name that resolves to 127.0.0.1 (DNS rebinding). On any other address a token is required,
a random one unless the teacher gives one; a teacher who gives `--token` gets it required on
every address, loopback too. The token is compared in constant time.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from quiz.lang import _

TOKEN_BYTES = 12  # 96 random bits: 16 characters to type
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9._~-]{8,128}")  # survives a URL unescaped
LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    """Only this computer can reach an address that is loopback (127.0.0.0/8, ::1)."""
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name other than localhost may resolve to anything


def check_token(text: str) -> str:
    """A token given with --token; ValueError says what is wrong with it."""
    if not TOKEN_SHAPE.fullmatch(text):
        raise ValueError(
            _(
                "a token is 8 to 128 characters: letters, digits and . _ ~ - (so it fits in an "
                "address)"
            )
        )
    return text


@dataclass(frozen=True)
class Access:
    token: str | None  # None: loopback only, no token asked
    generated: bool = False  # made up at start (so printed in the address)

    @classmethod
    def for_host(cls, host: str, token: str | None = None) -> Access:
        if token is not None:
            return cls(check_token(token))
        if is_loopback(host):
            return cls(None)
        return cls(secrets.token_urlsafe(TOKEN_BYTES), generated=True)

    @property
    def required(self) -> bool:
        return self.token is not None

    def admits(self, host_header: str, *given: str | None) -> bool:
        """May a request in? `host_header` is the request's Host; `given` are the tokens it
        carries (from the address, from the cookie): one of them must match."""
        if self.token is None:
            return is_loopback(_hostname(host_header))
        expected = self.token.encode()
        ok = False
        for candidate in given:
            if candidate is not None:
                # Every candidate compared, in constant time: how far a guess matched, or
                # which one was tried, never shows in the time taken.
                ok |= hmac.compare_digest(candidate.encode(), expected)
        return ok

    def same_origin(self, origin: str | None, host_header: str) -> bool:
        """A websocket opened by a page of another site carries that site's Origin: refused
        (a browser's websocket is not held back by the same-origin rule). No Origin is a
        program, not a page, and it passed the token check already."""
        if not origin:
            return True
        return urlsplit(origin).netloc.lower() == host_header.lower()


def _hostname(host_header: str) -> str:
    """The host part of a Host header (`127.0.0.1:8000`, `[::1]:8000`, `localhost`)."""
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header
