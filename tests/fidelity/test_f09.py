"""LAPE-F09: amounts are positive euros with at most cents; no float rounding (use
Decimal or integer cents) (DOMAIN.md revision 2).

Written from DOMAIN.md, not from the implementation. Subject: the grant, or the pool
for a pool's own amount. F09 is not one of the rules about the programme's money
(F01-F08), so it examines every pool and grant, LAPE's or not.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import lape
from lape.errors import LoadError

from ._cfs_helpers import assert_clean, assert_findings, failed, snapshot

RULE = "LAPE-F09"

TEXT = """
    actors:
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
      - {id: ps-liitto, name: Regional Council of Pohjois-Savo, kind: regional_council,
         region: Pohjois-Savo}
    pools:
      - {id: own-fund, name: Own fund, kind: other, programme: PROGRAMME,
         POOL_AMOUNT costs: {start: 2017-01-01, end: 2017-12-31}}
    grants:
      - {id: g1, pool: own-fund, recipient: kuopio-sote, participants: [ps-liitto],
         amount: GRANT_AMOUNT, target_groups: [children], decided: 2016-12-01,
         costs: {start: 2017-01-01, end: 2017-12-31}}
    """


def _text(grant: str, pool: str = '"50000.00"', programme: str = "lape") -> str:
    pool_amount = "" if pool == "" else f"amount: {pool},"
    return (
        TEXT.replace("PROGRAMME", programme)
        .replace("POOL_AMOUNT", pool_amount)
        .replace("GRANT_AMOUNT", grant)
    )


@pytest.mark.parametrize("amount", ['"0.01"', '"962400.00"', "640000", '"1000.000"'])
def test_positive_amounts_with_at_most_cents_conform(amount: str) -> None:
    """F09: 'amounts are positive euros with at most cents'."""
    assert_clean(_text(amount), RULE, "2017-06-01")


def test_unquoted_decimal_is_read_exactly_and_conforms() -> None:
    """F09: 'no float rounding (use Decimal or integer cents)'."""
    snap = snapshot(_text("0.1"))
    assert snap.grants[0].amount == Decimal("0.1")
    assert type(snap.grants[0].amount) is Decimal
    assert_clean(snap, RULE, "2017-06-01")


@pytest.mark.parametrize("amount", ['"0.00"', "0", '"-100.00"'])
def test_zero_or_negative_grant_fails(amount: str) -> None:
    """F09: amounts are POSITIVE euros (a grant of zero or less fails)."""
    assert_findings(_text(amount), RULE, "2017-06-01", {failed(RULE, "grant", "g1")})


@pytest.mark.parametrize("amount", ['"0.00"', '"-50000.00"'])
def test_zero_or_negative_pool_fails(amount: str) -> None:
    """F09: amounts are POSITIVE euros (a pool's own amount too)."""
    text = _text('"100.00"', pool=amount)
    assert_findings(text, RULE, "2017-06-01", {failed(RULE, "pool", "own-fund")})


def test_pool_of_unknown_size_is_not_an_amount_error() -> None:
    """F09 with the file format: a pool without `amount` is not known, not zero."""
    assert_clean(_text('"100.00"', pool=""), RULE, "2017-06-01")


def test_pool_of_another_programme_is_examined_too() -> None:
    """F09 is not among 'the rules about the programme's money (F01-F08)'."""
    text = _text('"0.00"', programme="other")
    assert_findings(text, RULE, "2017-06-01", {failed(RULE, "grant", "g1")})


def test_sub_cent_amount_never_reaches_the_rule() -> None:
    """F09: 'at most cents': a non-zero third decimal is refused when loading."""
    with pytest.raises(LoadError, match=r"grants\[0\]\.amount"):
        lape.loads(_text('"1000.005"'))
