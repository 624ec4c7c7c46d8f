"""The documentation's example pack is a real one: it passes `quiz check` as written."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from quiz.check import check_pack

DOC = Path(__file__).parents[1] / "docs" / "pack-format.md"


def test_the_format_docs_example_passes_check(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    source = re.search(r"```text\n(.*?)```", text, re.S)
    pack = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert source and pack, "the example's source and pack blocks are missing"
    (tmp_path / "sources").mkdir()
    data = source.group(1).encode("utf-8")
    (tmp_path / "sources" / "moon.txt").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    body = re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", pack.group(1))
    (tmp_path / "moon.yaml").write_text(body, encoding="utf-8")
    report = check_pack(tmp_path / "moon.yaml")
    assert [str(p) for p in report.problems] == []
    assert sum(report.questions.values()) > 0
