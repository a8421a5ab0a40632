"""Short descriptions of values for error messages, shared by :mod:`lape.model`
(construction) and :mod:`lape.io` (loading), so that both say the same thing.

It imports nothing from ``lape``.

>>> describe(42), describe([1, 2]), describe(None), describe("x" * 50)
('int 42', 'a list', 'nothing (null)', "str 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")
"""

from __future__ import annotations

from typing import Any

__all__ = ["describe", "shown"]


def shown(value: Any) -> str:
    """``repr(value)``, cut to 40 characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe(value: Any) -> str:
    """A short description of a value for an error message: ``int 42``, ``a list``."""
    kinds = {dict: "a mapping", list: "a list", type(None): "nothing (null)"}
    kind = kinds.get(type(value), f"{type(value).__name__}")
    if isinstance(value, (dict, list)) or value is None:
        return kind
    if isinstance(value, (tuple, set, frozenset)):
        return f"a {type(value).__name__}"  # its repr could be long, or nest deep
    return f"{kind} {shown(value)}"
