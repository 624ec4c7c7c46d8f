"""What every tab's game needs, imported once in the fork server that tabs are forked from
(quiz.web.forks): Textual, its web driver, the app and its screens, the packs and the store.
Only imports: it changes no setting of the process (the collector is left as it is), so
importing it anywhere else does no harm."""

from __future__ import annotations

import os
from contextlib import suppress

import textual.drivers.web_driver  # noqa: F401

import quiz.packs.registry  # noqa: F401
import quiz.store.recorder  # noqa: F401
import quiz.store.sql  # noqa: F401
import quiz.tui.app  # noqa: F401
import quiz.tui.flow  # noqa: F401
import quiz.tui.screens.home  # noqa: F401
import quiz.tui.screens.name  # noqa: F401
import quiz.tui.screens.play  # noqa: F401
import quiz.tui.screens.stats  # noqa: F401
import quiz.tui.screens.summary  # noqa: F401
import quiz.tui.widgets.home_form  # noqa: F401
import quiz.web.tab  # noqa: F401

if os.environ.get("QUIZ_DB", "").startswith(("postgresql://", "postgres://")):
    import quiz.store.postgres  # noqa: F401

    with suppress(ImportError):
        import psycopg  # noqa: F401
else:
    import quiz.store.sqlite  # noqa: F401
