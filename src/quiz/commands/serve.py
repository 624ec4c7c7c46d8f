"""`quiz serve`: the full-screen game for a class, one browser tab per player.

Before the first student arrives it checks what would otherwise fail in every tab: the web
extra is installed, the store opens and keeps answers (a class's results must not silently
go to memory), the packs load (which also fills the parsed-pack cache every tab reads), and
the paper, if one is given, can be sat. Then it prints the address, with the token when one
is needed, and serves until Ctrl+C.
"""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

from quiz import words
from quiz.commands import EXIT_OK, UsageError
from quiz.lang import N_, _, ngettext

WEB_EXTRA = N_("serve needs the web extra: pip install 'quiz[web]' (textual-serve)")


def run(args: argparse.Namespace) -> int:
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        raise UsageError(_(WEB_EXTRA)) from None
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        raise UsageError(_("serve forks each tab's game from a warm process: Linux or macOS only"))
    from quiz.web.access import Access
    from quiz.web.server import Limits, QuizServer, TabCommand

    if args.player:
        raise UsageError(_("serve: each tab asks its player's name; --player is not for serve"))
    try:
        access = Access.for_host(args.host, args.token)
    except ValueError as exc:
        raise UsageError(_("--token: {reason}").format(reason=exc)) from None
    target = _check_store(args.db)
    _check_packs(args)
    command = TabCommand(
        [a for folder in args.packs for a in ("--packs", str(folder.resolve()))]
        + (["--paper", args.paper] if args.paper else []),
        {"QUIZ_DB": target},
        language=getattr(args, "lang", None),  # fixed by the teacher, else each browser's
    )
    limits = Limits(args.max_sessions, float(args.idle_timeout))
    server = QuizServer(
        command, host=args.host, port=args.port, access=access, limits=limits, say=_say
    )

    def started(port: int) -> None:
        _say(
            _("serving the game at {store}, to browser tabs at:").format(
                store=where_of_store(target)
            )
        )
        for url in addresses(args.host, port, access.token):
            print(f"    {url}", flush=True)
        _say(words.serving_limits(limits.max_sessions, f"{limits.idle_timeout:g}"))

    import asyncio

    try:
        asyncio.run(server.run(started))
    except OSError as exc:
        reason = exc.strerror or exc
        raise UsageError(
            _("cannot listen on {address}: {reason}").format(
                address=f"{args.host}:{args.port}", reason=reason
            )
        ) from None
    _say(_("stopped"))
    return EXIT_OK


def _say(line: str) -> None:
    print(f"quiz serve: {line}", flush=True)


def _check_store(db: str | None) -> str:
    """The store's address, once it has opened and migrated; a UsageError if it would keep
    nothing (a class's answers must land somewhere)."""
    from quiz.store import default_target, open_store
    from quiz.store.postgres import is_postgres

    target = db or default_target()
    if not is_postgres(target):  # the same file whatever folder a tab starts in
        target = str(Path(target).resolve())
    store = open_store(target)
    try:
        if store.problem:
            raise UsageError(_("serve: {problem}").format(problem=store.problem))
        if store.saver.paused is not None:  # every tab would play unsaved: say it now
            raise UsageError(
                _("serve: cannot reach the store: {reason}").format(
                    reason=store.saver.paused.reason
                )
            )
        if store.notice:
            _say(store.notice)
    finally:
        store.close()
    return target


def where_of_store(target: str) -> str:
    from quiz.store.postgres import is_postgres, redacted

    return redacted(target) if is_postgres(target) else target


def _check_packs(args: argparse.Namespace) -> None:
    from quiz.packs.registry import catalog
    from quiz.papers import decode

    found = catalog(args.packs)
    if found.problems:
        n = len(found.problems)
        _say(
            ngettext(
                "{n} problem in pack files: those packs are left out (see quiz check)",
                "{n} problems in pack files: those packs are left out (see quiz check)",
                n,
            ).format(n=n)
        )
    if not found.packs:
        raise UsageError(_("serve: no packs to play"))
    if args.paper:
        try:  # decoded as each tab will decode it (quiz.tui.flow), once, before any student
            decode(args.paper, found.packs)
        except ValueError as exc:  # a PaperError: a one-line reason
            raise UsageError(_("--paper: {reason}").format(reason=exc)) from None


def addresses(host: str, port: int, token: str | None) -> list[str]:
    """The addresses to open, with the token: for 0.0.0.0 or ::, this computer's own."""
    hosts = [host]
    if host in ("0.0.0.0", "::", ""):
        hosts = [h for h in (_outward_address(), socket.gethostname()) if h] or [host]
    query = f"/?token={token}" if token else "/"
    return [f"http://{_bracketed(h)}:{port}{query}" for h in dict.fromkeys(hosts)]


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _outward_address() -> str | None:
    """The address others on the network reach this computer at: that of the interface of
    the default route. Connecting a UDP socket sends nothing; it only picks the route."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, never sent to
            address = str(s.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address
