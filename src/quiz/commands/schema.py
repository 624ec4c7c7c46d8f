"""`quiz schema`: the pack format's JSON Schema, for editors (save it beside your packs)."""

from __future__ import annotations

import argparse
import sys

from quiz.commands import EXIT_OK


def run(args: argparse.Namespace) -> int:
    from quiz.packs.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK
