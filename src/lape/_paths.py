"""Paths inside a document, as errors show them: ``groups[3].members[1].actor``.

The one formatter of the package: the YAML composer, the walker of parsed data,
the converter's errors and the snapshot index's references all name a place with
:func:`format_path`.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["MAX_PATH_PARTS", "format_path"]

MAX_PATH_PARTS = 8
"""A path shows at most this many keys and indexes, then ``...``."""


def format_path(parts: Iterable[object]) -> str:
    """The path of ``parts`` (keys and list indexes from the top), at most
    :data:`MAX_PATH_PARTS` of them.

    Integers are list indexes; anything else is a key, shown as text. Keys are
    shown as they are: text for the terminal is escaped where it is printed.

    >>> format_path(["groups", 3, "members", 1, "actor"])
    'groups[3].members[1].actor'
    >>> format_path(["checks", "ignore", *[0] * 10])
    'checks.ignore[0][0][0][0][0][0]...'
    >>> format_path([])
    ''
    """
    shown: list[str] = []
    for i, part in enumerate(parts):
        if i == MAX_PATH_PARTS:
            shown.append("...")
            break
        if isinstance(part, int) and not isinstance(part, bool):
            shown.append(f"[{part}]")
        else:
            shown.append(f".{part}" if shown else str(part))
    return "".join(shown)
