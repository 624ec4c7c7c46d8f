"""Limits on pack files: what a pack may be before it is refused unread."""

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
