"""Limits shared by the command line, the home screen and the domain (a tiny module, so
`quiz --help` can read them without importing the rest)."""

MAX_COUNT = 200  # the largest round, on the command line and the home screen alike
MAX_NAME = 40  # characters in a player name
MAX_SESSIONS = 1000  # browser tabs one `quiz serve` takes at most (--max-sessions)
NEW_PER_DAY = 20  # new facts a player meets a day, unless they set their own (Anki's default)
REVIEWS_PER_DAY = 200  # facts brought back a day (Anki's default)
MAX_PER_DAY = 9999  # the largest daily limit a player can set
