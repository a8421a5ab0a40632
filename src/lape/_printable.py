"""Text from a file, made safe to print to a terminal.

A snapshot's title or an actor's name can hold anything: an escape sequence that
recolours or clears the terminal, a carriage return that overwrites the line
before it, a right-to-left override that shows ``exe.txt`` for ``txt.exe``.
:func:`printable` writes such characters as escapes (``\\x1b``, ``\\r``,
``\\u202e``) and leaves everything else, line breaks and tabs included, as it is.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters (C0 but tab and newline, DEL, C1)
    "\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"  # bidi, invisible
)
_NAMED = {"\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x1b": "\\x1b"}


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control, bidirectional and invisible formatting characters escaped.

    >>> printable("Kuopio\\x1b[2J\\rX \\u202etxt.exe")
    'Kuopio\\\\x1b[2J\\\\rX \\\\u202etxt.exe'
    >>> printable("Hämeenlinna\\n\\tkunta")
    'Hämeenlinna\\n\\tkunta'
    """
    return _UNSAFE.sub(_escape, text)
