"""The door of `quiz serve` (quiz.web.access), on its own: which addresses need a token, what
a token may be, how it is compared, and the Host and Origin checks."""

from __future__ import annotations

import pytest

from quiz.web import access
from quiz.web.access import Access, check_token, is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_needs_no_token(host: str) -> None:
    assert is_loopback(host)
    door = Access.for_host(host)
    assert door.token is None and not door.required


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "school.example"])
def test_any_other_address_gets_a_random_token(host: str) -> None:
    assert not is_loopback(host)
    one, two = Access.for_host(host), Access.for_host(host)
    assert one.required and one.generated
    assert one.token and len(one.token) >= 16 and one.token != two.token
    assert check_token(one.token) == one.token  # fits in an address as it is


def test_a_given_token_is_required_even_on_loopback() -> None:
    door = Access.for_host("127.0.0.1", "class-7b-2026")
    assert door.required and not door.generated
    assert door.admits("127.0.0.1:8000", "class-7b-2026", None)
    assert not door.admits("127.0.0.1:8000", None, None)


@pytest.mark.parametrize("bad", ["short", "has space in it", "slash/es/x", "a" * 129, "tökenlong"])
def test_a_token_must_fit_an_address_and_not_be_trivial(bad: str) -> None:
    with pytest.raises(ValueError, match="8 to 128 characters"):
        Access.for_host("0.0.0.0", bad)


def test_the_token_from_the_address_or_the_cookie_lets_in() -> None:
    door = Access.for_host("0.0.0.0")
    token = door.token
    assert token is not None
    assert door.admits("192.168.1.20:8000", token, None)
    assert door.admits("192.168.1.20:8000", None, token)
    assert door.admits("192.168.1.20:8000", "wrong-guess-1234", token)
    assert not door.admits("192.168.1.20:8000", None, None)
    assert not door.admits("192.168.1.20:8000", token[:-1], None)
    assert not door.admits("192.168.1.20:8000", token + "x", "")


def test_tokens_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bytes, bytes]] = []
    real = access.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(access.hmac, "compare_digest", spy)
    door = Access("s3cret-token")
    assert not door.admits("h:1", "guess-token", None)
    assert door.admits("h:1", "s3cret-token", None)
    assert seen == [(b"guess-token", b"s3cret-token"), (b"s3cret-token", b"s3cret-token")]


@pytest.mark.parametrize(
    ("host_header", "ok"),
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("[::1]:8000", True),
        ("127.0.0.1", True),
        ("evil.example:8000", False),  # a name rebound to 127.0.0.1 by another site
        ("192.168.1.20:8000", False),
    ],
)
def test_without_a_token_the_host_must_be_this_computer(host_header: str, ok: bool) -> None:
    assert Access.for_host("127.0.0.1").admits(host_header) is ok


def test_a_websocket_from_another_sites_page_is_refused() -> None:
    door = Access.for_host("127.0.0.1")
    assert door.same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert door.same_origin(None, "127.0.0.1:8000")  # a program, not a page
    assert not door.same_origin("http://evil.example", "127.0.0.1:8000")
    assert not door.same_origin("http://127.0.0.1:9999", "127.0.0.1:8000")
