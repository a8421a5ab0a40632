"""Money: euros as :class:`decimal.Decimal` with at most two decimals, never ``float``."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

from lape.model._fields import done_by_loader, field_error

__all__ = ["MAX_EUROS", "euros", "is_money", "to_money", "to_optional_money"]

MAX_EUROS = 10**18
"""No amount reaches 10**18 euros; larger ones are mistakes (and
adding them up could overflow the decimal context)."""


_NUMERAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
"""A decimal numeral in ASCII digits (``19000000.50``, ``-5``, ``1E+3``): no ``0xFF``, no
YAML 1.1 base 60 (``1:30``), no digits of other scripts, no underscores."""


_SPACES = str.maketrans("", "", " \u00a0\u202f")
"""Spaces that may group the digits of an amount ("1 000 000.50"), in a file as in Python."""


def euros(value: str | int | Decimal) -> Decimal:
    """Return ``value`` as a euro amount, refusing floats and sub-cent precision.

    The one reader of money in ``lape``: the file loader uses it too. Text must
    be a decimal numeral in ASCII digits; an amount must be finite, at most cents
    and less than :data:`MAX_EUROS` in size. Nothing here computes with a value
    before its size is known, so ``1e999999999999`` is refused, not an overflow.

    >>> euros("19000000.50")
    Decimal('19000000.50')
    >>> euros(250)
    Decimal('250')
    >>> euros("1 000 000")  # spaces may group the digits
    Decimal('1000000')
    >>> euros("0xFF")
    Traceback (most recent call last):
    ...
    ValueError: not an amount of euros: '0xFF'
    >>> euros("١٢")
    Traceback (most recent call last):
    ...
    ValueError: not an amount of euros: '١٢' (write it with the digits 0-9)
    >>> euros(0.1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: money must be given as a string, an integer or a Decimal, not float (0.1); ...
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        shown = repr(value)
        if len(shown) > 40:
            shown = shown[:37] + "..."
        hint = "; write it as text, e.g. '19000000.50'" if isinstance(value, float) else ""
        msg = (
            "money must be given as a string, an integer or a Decimal, "
            f"not {type(value).__name__} ({shown}){hint}"
        )
        raise TypeError(msg)
    if isinstance(value, str):
        text = value.strip().translate(_SPACES)
        if text.lower() in _SPECIAL:
            amount = Decimal(text)  # NaN or infinite: refused below, by name
        elif len(text) <= _MAX_NUMERAL and _NUMERAL.fullmatch(text):
            amount = Decimal(text)
        else:
            shown = repr(value) if len(value) <= 40 else repr(value[:37]) + "..."
            hint = _DIGITS_HINT if any(c.isdigit() and not c.isascii() for c in text) else ""
            msg = f"not an amount of euros: {shown}{hint}"
            raise ValueError(msg)
    elif isinstance(value, int):
        if value.bit_length() > _MAX_INT_BITS:
            msg = f"an amount of euros must be less than {MAX_EUROS:,} in size"
            raise ValueError(msg)
        amount = Decimal(value)
    else:
        amount = value
    problem = money_problem(amount)
    if problem is not None:
        raise ValueError(problem)
    return amount


_MAX_NUMERAL = 200
"""Longer text is no amount (a numeral of 10**18 euros with cents has 22 characters)."""
_MAX_INT_BITS = 64
_SPECIAL = frozenset({"nan", "snan", "inf", "infinity", "-inf", "-infinity", "+inf", "+infinity"})
_DIGITS_HINT = " (write it with the digits 0-9)"


def money_problem(amount: Decimal) -> str | None:
    """Say what is wrong with ``amount`` as euros, or return ``None``.

    Looks at the digits and the exponent only (no arithmetic), so that no
    amount, however absurd, raises a :mod:`decimal` signal here.
    """
    if not amount.is_finite():
        return f"an amount of euros must be finite, not {amount}"
    _, digits, exponent = amount.as_tuple()
    if isinstance(exponent, int) and exponent < -2:
        beyond_cents = (
            digits[len(digits) - (-exponent - 2) :] if -exponent - 2 < len(digits) else digits
        )
        if any(beyond_cents):
            return f"an amount of euros has at most two decimals (cents), not {_shown(amount)}"
    if not amount.is_zero() and amount.adjusted() >= _MAX_DIGITS:
        return f"an amount of euros must be less than {MAX_EUROS:,} in size, not {_shown(amount)}"
    return None


_MAX_DIGITS = len(str(MAX_EUROS)) - 1


def _shown(amount: Decimal) -> str:
    text = str(amount)
    return text if len(text) <= 40 else text[:37] + "..."


@attrs.frozen
class _IsMoney:
    """attrs validator: a finite :class:`~decimal.Decimal` with at most cents."""

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, Decimal):
            try:
                euros(value)  # its complaint about what it could not read
            except (TypeError, ValueError) as error:
                raise field_error(inst, attr, str(error)) from None
            message = f"expected a Decimal amount of euros, not {type(value).__name__}"
            raise field_error(inst, attr, message)
        problem = money_problem(value)
        if problem is not None:
            raise field_error(inst, attr, problem)

    def __repr__(self) -> str:
        return "<is_money validator>"


def is_money() -> _IsMoney:
    """An attrs validator that accepts only finite ``Decimal`` euros with at most cents."""
    return _IsMoney()


def to_money(value: Decimal | int | str) -> Decimal:
    """Converter: euros, given a ``Decimal``, a whole number or text (as a file gives
    them; :func:`euros`); anything else (a float) as it is, for the validator to refuse."""
    if type(value) is Decimal:
        return value
    try:
        return euros(value)
    except (TypeError, ValueError):
        return value  # type: ignore[return-value]


def to_optional_money(value: Decimal | int | str | None) -> Decimal | None:
    """Converter: :func:`to_money`, or ``None``."""
    return None if value is None else to_money(value)


done_by_loader(to_money, to_optional_money)
