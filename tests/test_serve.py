"""`quiz serve` as a teacher runs it: a real server process, its tabs real game processes, spoken
to over HTTP and textual-serve's websocket protocol on loopback (tests/served.py).

The door (403 without the token, on every kind of request), the page (nothing from another
host), the limits (a full class gets a page; a tab's process ends when the tab closes, after
the idle timeout, and when the server stops) and the store (a tab's answers are where the
terminal's `quiz stats` finds them)."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import aiohttp
import pytest

from served import CLOSED, OPENED, Player, Served, answer, pid_alive, sign_in_and_start

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
TOKEN = "class-7b-token"


def quiz(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code + "from quiz.cli import main; raise SystemExit(main())", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_the_web_extra_serve_says_what_to_install() -> None:
    done = quiz("serve", code="import sys; sys.modules['textual_serve'] = None; ")
    assert done.returncode == 2
    said = "quiz: serve needs the web extra: pip install 'quiz[web]' (textual-serve)\n"
    assert done.stderr == said


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--token", "short"], "--token: a token is 8 to 128 characters"),
        (["--player", "Ann"], "each tab asks its player's name"),
        (["--paper", "ABC-123"], "--paper: paper code 'ABC-123' is too short"),
        (["--max-sessions", "0"], "--max-sessions: must be from 1 to 1000"),
        (["--db", "postgresql://nobody@/none?host=/nonexistent"], "cannot connect"),
    ],
)
def test_serve_refuses_what_would_fail_in_every_tab(args: list[str], said: str) -> None:
    done = quiz("serve", "--port", "0", *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert said in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


async def status(session: aiohttp.ClientSession, url: str, **kw: object) -> int:
    async with session.get(url, allow_redirects=False, **kw) as response:  # type: ignore[arg-type]
        await response.read()
        return response.status


async def test_without_the_token_every_request_gets_403() -> None:
    with Served("--token", TOKEN) as server:
        base = server.base
        assert server.url == f"{base}/?token={TOKEN}"
        async with aiohttp.ClientSession() as session:
            for path in ("/", "/static/js/textual.js", "/static/css/xterm.css", "/ws", "/x"):
                assert await status(session, base + path) == 403, path
                assert await status(session, f"{base}{path}?token=wrong-token") == 403
            async with session.get(base + "/") as refused:
                assert "access token" in await refused.text()
            with pytest.raises(aiohttp.WSServerHandshakeError) as no_ws:
                await session.ws_connect(base.replace("http", "ws") + "/ws")
            assert no_ws.value.status == 403
        # A browser keeps cookies, from an IP address too (aiohttp's default jar would not).
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as browser:
            async with browser.get(server.url) as page:
                assert page.status == 200
                cookie = page.cookies[f"quiz_token_{urlsplit(base).port}"]
                assert cookie["httponly"] and cookie["samesite"] == "Strict"
            # The page's own requests carry the cookie only, not the token.
            assert await status(browser, base + "/static/js/textual.js") == 200
            ws = await browser.ws_connect(base.replace("http", "ws") + "/ws?width=80&height=24")
            await ws.close()
            with pytest.raises(aiohttp.WSServerHandshakeError) as cross_site:
                await browser.ws_connect(
                    base.replace("http", "ws") + "/ws", origin="http://evil.example"
                )
            assert cross_site.value.status == 403


async def test_on_this_computer_only_the_host_must_be_this_computer() -> None:
    with Served() as server:
        assert server.token is None and server.url.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession() as session:
            assert await status(session, server.url) == 200
            rebound = {"Host": f"evil.example:{urlsplit(server.base).port}"}
            assert await status(session, server.url, headers=rebound) == 403


URLS = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)""")
ABSOLUTE = re.compile(r"(?:https?|wss?)://([^/\s\"'`<>)]+)", re.I)


async def test_the_page_loads_nothing_from_another_host() -> None:
    """Every byte the page fetches (HTML, then its CSS, scripts and fonts, followed) comes
    from the server; none names another host (the page names its own, for the websocket).
    CSS comments are left out: they load nothing (xterm.css credits its origins in two)."""
    import textual_serve

    upstream = Path(textual_serve.__file__ or "").parent
    assert "fonts.googleapis.com" in (upstream / "templates/app_index.html").read_text()
    with Served("--token", TOKEN) as server:
        origin = server.base
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
            todo, seen, fonts = [server.url], set(), 0
            while todo:
                url = todo.pop()
                if url in seen:
                    continue
                seen.add(url)
                assert url.startswith(origin + "/"), url
                async with browser.get(url) as response:
                    assert response.status == 200, url
                    kind = response.content_type
                    body = await response.read()
                if kind.startswith("font/") or url.endswith(".ttf"):
                    fonts += 1
                    continue
                text = body.decode("utf-8")
                if kind == "text/css":
                    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
                elsewhere = [h for h in ABSOLUTE.findall(text) if h != urlsplit(origin).netloc]
                assert elsewhere == [], f"{url} names {elsewhere[:3]}"
                for a, b in URLS.findall(text) if kind != "application/javascript" else []:
                    link = (a or b).strip()
                    if not link.startswith(("data:", "#")):
                        todo.append(urljoin(url, link))
            assert fonts == 2, seen  # Roboto Mono, served from here
            assert any(u.endswith("/static/js/textual.js") for u in seen)


async def test_a_full_class_gets_a_page_and_tabs_end_when_closed_or_idle(tmp_path: Path) -> None:
    db = tmp_path / "class.db"
    with Served("--max-sessions", "2", "--idle-timeout", "10", "--db", str(db)) as server:
        async with aiohttp.ClientSession() as session:
            ann = await Player(session, server.ws_url()).open()
            bo = await Player(session, server.ws_url()).open()
            pids = [int(OPENED.search(server.wait_line(OPENED, 30, i)).group(1)) for i in (0, 4)]
            assert all(pid_alive(p) for p in pids) and pids[0] != pids[1]
            async with session.get(server.url) as full:
                assert full.status == 503
                assert "The class is full" in await full.text()
                assert "2 players are playing" in await full.text()
            with pytest.raises(aiohttp.WSServerHandshakeError) as third:
                await session.ws_connect(server.ws_url())
            assert third.value.status == 503
            # Ann plays; her answer lands where the terminal's `quiz stats` looks.
            await sign_in_and_start(ann, "Ann")
            await answer(ann)
            # Bo's tab sits idle: the server ends it. Ann's keys kept hers going (10 s, not
            # less: on a loaded machine one of her screens can take seconds to draw).
            line = server.wait_line(re.compile(r"no key pressed for 10 s"), 30)
            closed = CLOSED.search(line)
            assert closed
            idle_pid = int(closed.group(1))
            assert idle_pid in pids
            await asyncio.wait_for(bo._reader, 10)  # type: ignore[arg-type]
            assert bo.closed and not pid_alive(idle_pid)
            (ann_pid,) = [p for p in pids if p != idle_pid]
            assert pid_alive(ann_pid)
            async with session.get(server.url) as free:
                assert free.status == 200
            await ann.close()  # the tab closes: its process ends
            server.wait_line(re.compile(rf"process {ann_pid}; tab closed"), 15)
            assert not pid_alive(ann_pid)
    stats = quiz("stats", "--db", str(db), "--player", "Ann", "--format", "json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["answers"] == 1


async def test_stopping_the_server_ends_every_tab() -> None:
    server = Served()
    try:
        async with aiohttp.ClientSession() as session:
            player = await Player(session, server.ws_url()).open()
            pid = int(OPENED.search(server.wait_line(OPENED, 30)).group(1))
            await player.see("Who is playing?")
            output = server.stop()
            assert server.proc.returncode == 0
            assert "server stopping" in output and output.endswith("quiz serve: stopped")
            deadline = time.monotonic() + 10
            while pid_alive(pid) and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            assert not pid_alive(pid)
    finally:
        server.stop()


async def test_a_server_that_dies_takes_its_tabs_with_it() -> None:
    """Killed outright (no chance to end its tabs), the server's end of each tab's input
    closes, and the tab exits rather than play on for nobody."""
    server = Served()
    try:
        async with aiohttp.ClientSession() as session:
            player = await Player(session, server.ws_url()).open()
            pid = int(OPENED.search(server.wait_line(OPENED, 30)).group(1))
            await player.see("Who is playing?")
            server.proc.kill()
            server.proc.wait(10)
            deadline = time.monotonic() + 10
            while pid_alive(pid) and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            assert not pid_alive(pid)
    finally:
        server.stop()


async def test_a_plain_request_for_the_websocket_is_a_400_without_a_traceback() -> None:
    """A crawler or a curious student asking for /ws as a page: told so, and nothing logged
    but what a teacher wants to see (no traceback, no tab opened)."""
    with Served() as server:
        async with aiohttp.ClientSession() as session:
            for _ in range(2):
                async with session.get(server.base + "/ws") as response:
                    assert response.status == 400
                    assert "websocket" in await response.text()
        output = server.stop()
    assert "Traceback" not in output and "Error" not in output, output
    assert "tab opened" not in output and "failed" not in output, output


OUTSIDE = re.compile(r"""url\(\s*["']?(?!data:|#)|@import|https?://(?!www\.w3\.org/)""", re.I)


async def test_a_served_screenshot_loads_nothing_and_comes_with_a_csp() -> None:
    """Command palette → Screenshot in a tab: the browser opens the SVG the server relays. It
    names nothing outside itself (Textual's export would fetch fonts from a CDN), and the
    response says the browser may load nothing for it nor sniff another type."""
    with Served("--token", TOKEN) as server:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            player = await Player(session, server.ws_url()).open()
            await player.see("Who is playing?")
            await player.keys("\x10")  # Ctrl+P: the command palette
            await player.see("Search for commands")
            await player.keys("screenshot")
            await player.see("Save an SVG")
            await player.keys("\r")

            def delivered(_: str) -> str | None:
                starts = [m for m in player.messages if m and m[0] == "deliver_file_start"]
                return starts[0][1] if starts else None

            key = await player.until(delivered)
            async with session.get(f"{server.base}/download/{key}?token={TOKEN}") as response:
                assert response.status == 200
                svg = await response.text()
                headers = response.headers
            await player.close()
    assert svg.lstrip().startswith("<svg") and "Who is playing?" in svg.replace("&#160;", " ")
    assert OUTSIDE.findall(svg) == []
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Type"].startswith("image/svg+xml")
