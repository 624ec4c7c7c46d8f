"""`quiz serve`: the full-screen game in browser tabs, one process and one player per tab.

- access.py: who may come in (the token, loopback), standard library only;
- server.py: the web server (textual-serve and aiohttp, never Textual);
- tab.py: one tab's game, the program each tab runs (Textual, in served mode).

Importing this package imports none of them.
"""
