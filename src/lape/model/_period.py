"""Periods of time: a start date and an optional end date, both inclusive."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from attrs.validators import optional

__all__ = ["Period", "is_day"]


@attrs.frozen
class _IsDay:
    """attrs validator: a :class:`datetime.date` that is not a ``datetime``."""

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            msg = f"'{attr.name}' must be a date (not a date and time), not {value!r}"
            raise TypeError(msg)

    def __repr__(self) -> str:
        return "<is_day validator>"


_IS_DAY = _IsDay()


def is_day() -> _IsDay:
    """An attrs validator for a day: a ``datetime.date``, never a ``datetime``."""
    return _IS_DAY


@attrs.frozen(kw_only=True, order=False)
class Period:
    """A span of days from ``start`` to ``end``, both inclusive; ``end=None`` is open.

    A period whose end lies before its start can be built (so that a file with
    that mistake can still be loaded and the mistake reported as finding
    LAPE-S03), but :attr:`is_inverted` tells it, and the date queries treat an
    inverted period as containing no day.

    >>> p = Period(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31))
    >>> p.contains(dt.date(2017, 6, 1)), p.contains(dt.date(2019, 1, 1))
    (True, False)
    >>> Period(start=dt.date(2020, 1, 1)).contains(dt.date(2999, 1, 1))
    True
    """

    start: dt.date = attrs.field(validator=is_day())
    end: dt.date | None = attrs.field(default=None, validator=optional(is_day()))

    @property
    def is_inverted(self) -> bool:
        """True when the period ends before it starts."""
        return self.end is not None and self.end < self.start

    @property
    def is_open(self) -> bool:
        """True when the period has no end date."""
        return self.end is None

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` lies inside the period (ends included)."""
        if self.is_inverted or day < self.start:
            return False
        return self.end is None or day <= self.end

    def covers(self, other: Period) -> bool:
        """Whether every day of ``other`` lies inside this period.

        >>> term = Period(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31))
        >>> term.covers(Period(start=dt.date(2017, 1, 1), end=dt.date(2017, 12, 31)))
        True
        >>> term.covers(Period(start=dt.date(2017, 1, 1)))
        False
        """
        if self.is_inverted or other.is_inverted or other.start < self.start:
            return False
        if self.end is None:
            return True
        return other.end is not None and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        if self.is_inverted or other.is_inverted:
            return False
        starts_before_other_ends = other.end is None or self.start <= other.end
        ends_after_other_starts = self.end is None or other.start <= self.end
        return starts_before_other_ends and ends_after_other_starts

    def __str__(self) -> str:
        end = "" if self.end is None else self.end.isoformat()
        return f"{self.start.isoformat()}..{end}"


def in_force(period: Period | None, day: dt.date | None) -> bool:
    """Whether something valid for ``period`` holds on ``day`` (``None`` matches anything)."""
    if period is None or day is None:
        return True
    return period.contains(day)
