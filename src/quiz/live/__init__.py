"""A live class: one round played by a whole room at once, paced by the teacher.

`game` is the game itself (no web, no terminal); `server` carries it to the students'
browsers over websockets.
"""
