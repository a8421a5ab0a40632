"""Money: euros as :class:`decimal.Decimal` with at most two decimals, never ``float``."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

__all__ = ["MAX_EUROS", "euros", "is_money"]

MAX_EUROS = 10**18
"""No amount reaches 10**18 euros; larger ones are mistakes (and
adding them up could overflow the decimal context)."""


def euros(value: str | int | Decimal) -> Decimal:
    """Return ``value`` as a euro amount, refusing floats and sub-cent precision.

    >>> euros("19000000.50")
    Decimal('19000000.50')
    >>> euros(250)
    Decimal('250')
    >>> euros(0.1)
    Traceback (most recent call last):
    ...
    TypeError: money must be given as a string, an integer or a Decimal, not float (0.1)
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        msg = (
            "money must be given as a string, an integer or a Decimal, "
            f"not {type(value).__name__} ({value!r})"
        )
        raise TypeError(msg)
    try:
        amount = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
    except InvalidOperation:
        msg = f"not an amount of euros: {value!r}"
        raise ValueError(msg) from None
    problem = money_problem(amount)
    if problem is not None:
        raise ValueError(problem)
    return amount


def money_problem(amount: Decimal) -> str | None:
    """Say what is wrong with ``amount`` as euros, or return ``None``."""
    if not amount.is_finite():
        return f"an amount of euros must be finite, not {amount}"
    _, digits, exponent = amount.as_tuple()
    if isinstance(exponent, int) and exponent < -2:
        beyond_cents = (
            digits[len(digits) - (-exponent - 2) :] if -exponent - 2 < len(digits) else digits
        )
        if any(beyond_cents):
            return f"an amount of euros has at most two decimals (cents), not {amount}"
    if abs(amount) >= MAX_EUROS:
        return f"an amount of euros must be less than {MAX_EUROS:,} in size, not {amount}"
    return None


@attrs.frozen
class _IsMoney:
    """attrs validator: a finite :class:`~decimal.Decimal` with at most cents."""

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, Decimal):
            msg = f"'{attr.name}' must be a Decimal amount of euros, not {type(value).__name__}"
            raise TypeError(msg)
        problem = money_problem(value)
        if problem is not None:
            msg = f"'{attr.name}': {problem}"
            raise ValueError(msg)

    def __repr__(self) -> str:
        return "<is_money validator>"


def is_money() -> _IsMoney:
    """An attrs validator that accepts only finite ``Decimal`` euros with at most cents."""
    return _IsMoney()
