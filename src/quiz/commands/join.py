"""`quiz join URL`: play a live game (quiz host) from a terminal, full screen, as a phone's
page plays it: the address is the one the teacher's screen shows (with its token)."""

from __future__ import annotations

import argparse
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from quiz.commands import EXIT_OK, UsageError
from quiz.lang import _


def ws_url(url: str) -> str:
    """The game's websocket for the address the teacher shows; UsageError if it is none."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            _("{url}: the game's address, as its teacher's screen shows it (http://HOST:PORT/…)")
            .format(url=repr(url))
        )  # fmt: skip
    token = parse_qs(parts.query).get("token")
    query = urlencode({"token": token[0]}) if token else ""
    scheme = "wss" if parts.scheme == "https" else "ws"
    return urlunsplit((scheme, parts.netloc, "/ws", query, ""))


def run(args: argparse.Namespace) -> int:
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        raise UsageError(_("join needs the web extra: pip install 'quiz[web]' (aiohttp)")) from None
    from quiz.tui.screens.live_join import JoinApp

    if args.player:
        raise UsageError(_("join: --name gives the name to play under in this game"))
    name = None
    if args.name is not None:
        from quiz.services import check_name

        try:
            name = check_name(args.name)
        except ValueError as exc:
            raise UsageError(_("--name: {reason}").format(reason=exc)) from None
    app = JoinApp(ws_url(args.url), name, args.pin)
    app.run()
    if app.problem:
        raise UsageError(app.problem)
    return EXIT_OK
