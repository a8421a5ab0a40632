"""Periods of time: a start date and an optional end date, both inclusive."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
from attrs.validators import optional

from lape._describe import describe, shown
from lape.errors import ArgumentError
from lape.model._fields import done_by_loader, field_error

__all__ = ["Period", "is_day", "to_day", "to_optional_day"]


@attrs.frozen
class _IsDay:
    """attrs validator: a :class:`datetime.date` that is not a ``datetime``."""

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise field_error(inst, attr, _not_a_day(value))

    def __repr__(self) -> str:
        return "<is_day validator>"


def _not_a_day(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return f"expected a date, not a date and time ({value.isoformat()}); use .date()"
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return f"no such date: {shown(value)}"
    return f"expected a date (a datetime.date, or text YYYY-MM-DD), not {describe(value)}"


_IS_DAY = _IsDay()


def is_day() -> _IsDay:
    """An attrs validator for a day: a ``datetime.date``, never a ``datetime``."""
    return _IS_DAY


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def to_day(value: dt.date | str) -> dt.date:
    """Converter: a day, given a :class:`datetime.date` or ISO text (``"2017-01-01"``),
    as a file gives it; anything else as it is, for the validator to refuse."""
    if type(value) is str and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # no such day: the validator says so
    return value  # type: ignore[return-value]


def to_optional_day(value: dt.date | str | None) -> dt.date | None:
    """Converter: :func:`to_day`, or ``None``."""
    return None if value is None else to_day(value)


done_by_loader(to_day, to_optional_day)


@attrs.frozen(kw_only=True, order=False, init=False)
class Period:
    """A span of days from ``start`` to ``end``, both inclusive; ``end=None`` is open.

    Days are dates or ISO text, as in a file:

    >>> p = Period(start=dt.date(2016, 1, 1), end="2018-12-31")
    >>> p.contains(dt.date(2017, 6, 1)), p.contains(dt.date(2019, 1, 1))
    (True, False)
    >>> Period(start=dt.date(2020, 1, 1)).contains(dt.date(2999, 1, 1))
    True

    A period that ends before it starts is refused here, where the mistake is made:

    >>> Period(start="2018-01-01", end="2017-01-01")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lape.errors.ArgumentError: Period.end: 2017-01-01 is before the start 2018-01-01: ...

    The file loader, whose task is to report every mistake of a file at once, keeps
    such a period *as given* (:meth:`as_given`) and checking reports it as finding
    LAPE-S03; :attr:`is_inverted` tells it, the date queries treat it as containing
    no day, and its ``repr`` and ``str`` say so:

    >>> Period.as_given(start="2018-01-01", end="2017-01-01")
    Period.as_given(start=datetime.date(2018, 1, 1), end=datetime.date(2017, 1, 1))
    >>> print(Period.as_given(start="2018-01-01", end="2017-01-01"))
    2018-01-01..2017-01-01 (inverted: ends before it starts)
    """

    start: dt.date = attrs.field(converter=to_day, validator=is_day())
    end: dt.date | None = attrs.field(
        default=None, converter=to_optional_day, validator=optional(is_day())
    )

    def __init__(self, *, start: dt.date | str, end: dt.date | str | None = None) -> None:
        self.__attrs_init__(start=start, end=end)
        if self.end is not None and self.end < self.start:
            message = (
                f"{self.end.isoformat()} is before the start {self.start.isoformat()}: a "
                "period ends on or after the day it starts (to keep such a period on purpose, "
                "e.g. to see LAPE-S03 report it, build it with Period.as_given)"
            )
            raise ArgumentError("Period.end", message)

    @classmethod
    def as_given(cls, *, start: dt.date | str, end: dt.date | str | None = None) -> Period:
        """The period from ``start`` to ``end`` even when it ends before it starts (an
        inverted period, which LAPE-S03 reports): what the file loader builds, and
        what a test that wants LAPE-S03 to fire builds. The days are checked as
        :class:`Period` checks them; only their order is not.

        >>> Period.as_given(start="2018-01-01", end="2017-01-01").is_inverted
        True
        """
        period = cls.__new__(cls)
        period.__attrs_init__(start=start, end=end)
        return period

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
        flag = " (inverted: ends before it starts)" if self.is_inverted else ""
        return f"{self.start.isoformat()}..{end}{flag}"

    def __repr__(self) -> str:
        made = "Period.as_given" if self.is_inverted else "Period"  # the call that rebuilds it
        return f"{made}(start={self.start!r}, end={self.end!r})"


def in_force(period: Period | None, day: dt.date | None) -> bool:
    """Whether something valid for ``period`` holds on ``day`` (``None`` matches anything)."""
    if period is None or day is None:
        return True
    return period.contains(day)
