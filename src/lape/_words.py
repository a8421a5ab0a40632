"""Counted English nouns for the language-neutral reprs: ``1 error``, ``2 errors``.

>>> count(1, "error"), count(2, "error"), count(0, "pair")
('1 error', '2 errors', '0 pairs')
>>> count(3, "entry", "entries")
'3 entries'
"""

from __future__ import annotations

__all__ = ["count"]


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, the noun in the plural (``noun + "s"`` unless given) unless
    ``n`` is 1."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
