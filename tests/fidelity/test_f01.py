"""LAPE-F01: grants from a pool never add up to more than the pool (20 MEUR for
2016-2018, 23.6 MEUR for 2020-2022; amounts from the pool data) (DOMAIN.md
revision 2; "LAPE pools" in its Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the pool.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ._cfs_helpers import assert_clean, assert_findings, evolve_at, failed, snapshot

RULE = "LAPE-F01"

ACTORS = """
    actors:
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
      - {id: kajaani-sivistys, name: City of Kajaani education services,
         kind: municipal_body, municipalities: [Kajaani]}
    """

# The whole 2016 round: two grants adding up to exactly 20 000 000.00 euros.
BASE = snapshot(
    ACTORS
    + """
    grants:
      - {id: ps-2017, pool: lape-regional-2016, recipient: kuopio-sote,
         participants: [kajaani-sivistys], amount: "12000000.00", decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
      - {id: kainuu-2017, pool: lape-regional-2016, recipient: kajaani-sivistys,
         participants: [kuopio-sote], amount: "8000000.00", decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
    """
)


def test_grants_adding_up_to_exactly_the_pool_conform() -> None:
    """F01: grants 'never add up to more than the pool' (exactly 20 MEUR is allowed)."""
    assert_clean(BASE, RULE, "2017-06-01")


def test_one_cent_over_the_pool_fails() -> None:
    """F01: grants 'never add up to more than the pool' (20 MEUR and one cent fails)."""
    snap = evolve_at(BASE, "grants", 1, amount=Decimal("8000000.01"))
    assert_findings(snap, RULE, "2017-06-01", {failed(RULE, "pool", "lape-regional-2016")})


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("23600000.00", set()), ("23600000.01", {failed(RULE, "pool", "lape-2020-2022")})],
)
def test_the_2020_2022_pool_holds_23_6_meur(
    amount: str, expected: set[tuple[str, str, str, str, str]]
) -> None:
    """F01: '23.6 MEUR for 2020-2022; amounts from the pool data'."""
    snap = snapshot(
        ACTORS
        + f"""
    grants:
      - {{id: ps-2020, pool: lape-2020-2022, recipient: kuopio-sote,
         participants: [kajaani-sivistys], amount: "{amount}", region: Pohjois-Savo,
         priorities: [family_centres], decided: 2020-03-01,
         costs: {{start: 2020-01-01, end: 2022-12-31}}}}
    """
    )
    if expected:
        assert_findings(snap, RULE, "2020-06-01", expected)
    else:
        assert_clean(snap, RULE, "2020-06-01")


def test_grants_of_other_pools_do_not_count() -> None:
    """F01: 'grants from a pool' add up against that pool only."""
    snap = snapshot(
        ACTORS
        + """
    grants:
      - {id: ps-2017, pool: lape-regional-2016, recipient: kuopio-sote,
         participants: [kajaani-sivistys], amount: "20000000.00", decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
      - {id: ps-2020, pool: lape-2020-2022, recipient: kuopio-sote,
         participants: [kajaani-sivistys], amount: "1000000.00", region: Pohjois-Savo,
         priorities: [family_centres], decided: 2020-03-01,
         costs: {start: 2020-01-01, end: 2022-12-31}}
    """
    )
    assert_clean(snap, RULE, "2017-06-01")


OWN_POOL = (
    ACTORS
    + """
    pools:
      - {id: kuopio-fund, name: Kuopio family-centre trials, kind: other,
         programme: PROGRAMME, amount: "50000.00", payer: kuopio-sote,
         call: {start: 2017-02-01, end: 2017-03-15}, costs: {start: 2017-04-01, end: 2017-12-31}}
    grants:
      - {id: trial-1, pool: kuopio-fund, recipient: kuopio-sote,
         participants: [kajaani-sivistys], amount: "30000.00", decided: 2017-03-27,
         costs: {start: 2017-04-01, end: 2017-12-31}}
      - {id: trial-2, pool: kuopio-fund, recipient: kajaani-sivistys,
         participants: [kuopio-sote], amount: "20000.01", decided: 2017-03-27,
         costs: {start: 2017-04-01, end: 2017-12-31}}
    """
)


def test_user_s_own_lape_pool_is_checked_against_its_own_amount() -> None:
    """Definitions, LAPE pools: 'users' own pools that say so' are examined."""
    text = OWN_POOL.replace("PROGRAMME", "lape")
    assert_findings(text, RULE, "2017-06-01", {failed(RULE, "pool", "kuopio-fund")})


def test_user_s_pool_of_another_programme_is_not_examined() -> None:
    """Definitions, LAPE pools: F01-F08 'apply to the pools whose programme is LAPE'."""
    text = OWN_POOL.replace("PROGRAMME", "other")
    assert_findings(text, RULE, "2017-06-01", set())
