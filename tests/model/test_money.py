"""Money: euros as Decimal, what is refused, the money strategy."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

from lape.model import (
    CountyCode,
    MunicipalityCode,
    RegionCode,
    TargetGroup,
    euros,
)
from lape.testing import (
    money,
)

D = dt.date
M = MunicipalityCode
R = RegionCode
C = CountyCode
KIDS = frozenset({TargetGroup.CHILDREN})


# -- money -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19000000.50", Decimal("19000000.50")),
        (" 12.5 ", Decimal("12.5")),
        (250, Decimal("250")),
        (Decimal("0.01"), Decimal("0.01")),
        ("12.000", Decimal("12")),
        ("-5", Decimal("-5")),
        ("1E+3", Decimal("1000")),
        ("1 000 000.50", Decimal("1000000.50")),  # spaces group the digits, as in a file
        ("1\u00a0000", Decimal("1000")),
    ],
)
def test_euros_accepts(value: str | int | Decimal, expected: Decimal) -> None:
    amount = euros(value)
    assert isinstance(amount, Decimal)
    assert amount == expected


def test_euros_keeps_the_written_precision() -> None:
    assert str(euros("19000000.50")) == "19000000.50"
    assert str(euros(250)) == "250"


@pytest.mark.parametrize("value", [0.1, 1.0, True, None, [1]])
def test_euros_refuses_floats_and_non_numbers(value: Any) -> None:
    with pytest.raises(TypeError, match="money must be given as a string, an integer or a Decimal"):
        euros(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0.001", "an amount of euros has at most two decimals (cents), not 0.001"),
        ("1E-5", "an amount of euros has at most two decimals (cents), not 0.00001"),
        ("NaN", "an amount of euros must be finite, not NaN"),
        ("Infinity", "an amount of euros must be finite, not Infinity"),
        ("twelve", "not an amount of euros: 'twelve'"),
        ("", "not an amount of euros: ''"),
    ],
)
def test_euros_refuses_bad_amounts(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        euros(value)


def test_euros_huge_sub_cent_amount_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="at most two decimals"):
        euros("1234567890123456789012345678.001")
    assert euros("123456789012345678.000") == Decimal("123456789012345678")
    with pytest.raises(ValueError, match="less than 1,000,000,000,000,000,000"):
        euros("1234567890123456789012345678.000")


@given(money())
def test_money_strategy_gives_euros(amount: Decimal) -> None:
    assert isinstance(amount, Decimal)
    assert amount >= Decimal("0.01")
    assert euros(amount) == amount
    assert amount == amount.quantize(Decimal("0.01"))


@given(money(min_value=-5, max_value="5.00"))
def test_money_strategy_bounds(amount: Decimal) -> None:
    assert Decimal(-5) <= amount <= Decimal(5)
