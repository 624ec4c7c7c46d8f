"""quiz serve reaches past textual-serve's public API in one module only, and what it reaches
for is there in the textual-serve installed."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")

from quiz.web import textual_serve_adapter as adapter  # noqa: E402

WEB = Path(adapter.__file__).parent


def test_only_the_adapter_imports_textual_serve() -> None:
    others = [p for p in WEB.glob("*.py") if p.name != "textual_serve_adapter.py"]
    assert WEB / "server.py" in others
    for path in others:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+textual_serve", text, re.M), path.name


async def test_what_the_adapter_uses_of_textual_serve_is_there() -> None:
    """A textual-serve that renamed one of these would break every tab: this fails first."""
    from textual_serve.app_service import AppService
    from textual_serve.download_manager import DownloadManager

    async def nothing(*_: object) -> None:
        return None

    service = AppService(
        "true",
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )
    for name in ("_process", "_stdin", "_task"):
        assert hasattr(service, name), name
    environment = service._build_environment(width=90, height=30)
    assert environment["COLUMNS"] == "90" and environment["ROWS"] == "30"
    assert "TEXTUAL_DRIVER" in environment
    assert callable(AppService._open_app_process)
    assert (adapter.STATICS / "js").is_dir()


async def test_a_forked_service_starts_the_process_it_is_given() -> None:
    """`start` goes through `open_process`, with textual-serve's environment for the size
    asked, and the relay reads that process: here one that says nothing and ends."""
    from textual_serve.download_manager import DownloadManager

    seen: dict[str, str] = {}

    class Quiet(adapter.ForkedAppService):
        async def open_process(self, environment: dict[str, str]) -> adapter.TabProcess:
            seen.update(environment)
            process = await asyncio.create_subprocess_exec(
                "true",
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            return process  # type: ignore[return-value]

    async def nothing(*_: object) -> None:
        return None

    service = Quiet(
        "unused",
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )
    assert service.process is None and not service.relay_ended
    await service.start(100, 40)
    assert seen["COLUMNS"] == "100" and seen["ROWS"] == "40"
    process = service.process
    assert process is not None and service.stdin is process.stdin
    await asyncio.wait_for(process.wait(), 10)
    for _ in range(100):  # the relay sees the end of the output
        if service.relay_ended:
            break
        await asyncio.sleep(0.05)
    assert service.relay_ended
