"""Periods: containment, overlap, inverted periods."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lape.model import (
    CountyCode,
    MunicipalityCode,
    Period,
    RegionCode,
    TargetGroup,
)
from lape.testing import (
    periods,
)

D = dt.date
M = MunicipalityCode
R = RegionCode
C = CountyCode
KIDS = frozenset({TargetGroup.CHILDREN})


# -- periods ---------------------------------------------------------------------

TERM = Period(start=D(2016, 1, 1), end=D(2018, 12, 31))
OPEN = Period(start=D(2020, 1, 1))
INVERTED = Period.as_given(start=D(2018, 1, 1), end=D(2017, 1, 1))


def test_period_contains() -> None:
    assert TERM.contains(D(2016, 1, 1))
    assert TERM.contains(D(2018, 12, 31))
    assert not TERM.contains(D(2015, 12, 31))
    assert not TERM.contains(D(2019, 1, 1))
    assert OPEN.contains(D(2999, 1, 1))
    assert not OPEN.contains(D(2019, 12, 31))


def test_one_day_period() -> None:
    day = Period(start=D(2017, 6, 1), end=D(2017, 6, 1))
    assert day.contains(D(2017, 6, 1))
    assert not day.is_inverted
    assert TERM.covers(day)
    assert day.overlaps(TERM)


def test_period_covers() -> None:
    assert TERM.covers(Period(start=D(2017, 1, 1), end=D(2017, 12, 31)))
    assert TERM.covers(TERM)
    assert not TERM.covers(Period(start=D(2017, 1, 1)))
    assert not TERM.covers(Period(start=D(2015, 1, 1), end=D(2017, 1, 1)))
    assert not TERM.covers(Period(start=D(2018, 1, 1), end=D(2019, 1, 1)))
    assert OPEN.covers(Period(start=D(2021, 1, 1)))
    assert OPEN.covers(Period(start=D(2021, 1, 1), end=D(2022, 1, 1)))
    assert not OPEN.covers(TERM)


def test_period_overlaps() -> None:
    assert TERM.overlaps(Period(start=D(2018, 12, 31), end=D(2019, 6, 1)))
    assert not TERM.overlaps(Period(start=D(2019, 1, 1), end=D(2019, 6, 1)))
    assert not TERM.overlaps(OPEN)
    assert OPEN.overlaps(Period(start=D(2000, 1, 1)))
    assert OPEN.overlaps(Period(start=D(2019, 1, 1), end=D(2020, 1, 1)))
    assert not OPEN.overlaps(Period(start=D(2019, 1, 1), end=D(2019, 12, 31)))


def test_inverted_period_is_representable_and_empty() -> None:
    assert INVERTED.is_inverted
    assert not TERM.is_inverted
    assert not OPEN.is_inverted
    assert not INVERTED.contains(D(2017, 6, 1))
    assert not INVERTED.contains(D(2018, 1, 1))
    assert not TERM.covers(INVERTED)
    assert not INVERTED.covers(INVERTED)
    assert not INVERTED.overlaps(TERM)
    assert not TERM.overlaps(INVERTED)


def test_period_open_and_str() -> None:
    assert OPEN.is_open
    assert not TERM.is_open
    assert str(TERM) == "2016-01-01..2018-12-31"
    assert str(OPEN) == "2020-01-01.."


def test_period_equality_and_hash() -> None:
    assert Period(start=D(2016, 1, 1), end=D(2018, 12, 31)) == TERM
    assert hash(Period(start=D(2016, 1, 1), end=D(2018, 12, 31))) == hash(TERM)
    with pytest.raises(TypeError):
        Period(D(2016, 1, 1))  # type: ignore[call-arg]


def test_period_refuses_datetime() -> None:
    with pytest.raises(TypeError):
        Period(start=dt.datetime(2017, 1, 1, 12, 0))


@given(periods(), st.dates())
def test_contains_agrees_with_bounds(period: Period, day: dt.date) -> None:
    expected = period.start <= day and (period.end is None or day <= period.end)
    assert period.contains(day) == expected


@given(periods(allow_inverted=True), periods(allow_inverted=True))
def test_covers_and_overlaps_agree_with_days(a: Period, b: Period) -> None:
    if a.covers(b):
        assert a.overlaps(b)
        assert a.contains(b.start)
        if b.end is not None:
            assert a.contains(b.end)
    assert a.overlaps(b) == b.overlaps(a)
    if a.is_inverted or b.is_inverted:
        assert not a.overlaps(b)
        assert not a.covers(b)
