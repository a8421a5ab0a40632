"""LAPE-F02: a grant's cost period lies inside its pool's eligible cost period (from
the pool data) (DOMAIN.md revision 2; "LAPE pools" in its Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the grant.
"""

from __future__ import annotations

import pytest

from ._cfs_helpers import (
    assert_clean,
    assert_findings,
    evolve_at,
    failed,
    period,
    snapshot,
    unknown,
)

RULE = "LAPE-F02"

ACTORS = """
    actors:
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
      - {id: ps-shp, name: Pohjois-Savo hospital district, kind: hospital_district,
         hospital_district: PS, region: Pohjois-Savo}
    """

# The 2016 round's eligible costs: 2017-01-01..2018-12-31 (pool data).
BASE = snapshot(
    ACTORS
    + """
    grants:
      - {id: ps-2017, pool: lape-regional-2016, recipient: kuopio-sote,
         participants: [ps-shp], amount: "962400.00", decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
    """
)
FAILED = failed(RULE, "grant", "ps-2017")


def test_costs_exactly_the_pool_s_cost_period_conform() -> None:
    """F02: costs equal to the pool's eligible cost period lie inside it."""
    assert_clean(BASE, RULE, "2017-01-01")
    assert_clean(BASE, RULE, "2018-12-31")


@pytest.mark.parametrize(
    ("start", "end"),
    [("2016-12-31", "2018-12-31"), ("2017-01-01", "2019-01-01"), ("2017-01-01", None)],
    ids=["a-day-early", "a-day-late", "open-ended"],
)
def test_costs_reaching_outside_the_pool_s_cost_period_fail(start: str, end: str | None) -> None:
    """F02: costs a day outside the pool's eligible cost period do not lie inside it."""
    snap = evolve_at(BASE, "grants", costs=period(start, end))
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_grant_without_a_cost_period_is_unknown() -> None:
    """Definitions, Findings: a missing fact gives status unknown, severity the rule's."""
    snap = evolve_at(BASE, "grants", costs=None)
    assert_findings(snap, RULE, "2017-06-01", {unknown(RULE, "grant", "ps-2017")})


def test_the_2021_round_s_costs_run_to_2023() -> None:
    """F02: the pool's own cost period, 2021-2023 for the 2021 round (STM 406/2021)."""
    text = (
        ACTORS
        + """
    grants:
      - {id: ps-2021, pool: fhsc-2021-lape, recipient: kuopio-sote, participants: [ps-shp],
         amount: "500000.00", region: Pohjois-Savo, priorities: [family_centres],
         decided: 2021-12-01, costs: {start: 2021-01-01, end: END}}
    """
    )
    assert_clean(text.replace("END", "2023-12-31"), RULE, "2023-12-31")
    assert_findings(
        text.replace("END", "2024-01-01"), RULE, "2022-06-01", {failed(RULE, "grant", "ps-2021")}
    )


OWN_POOL = (
    ACTORS
    + """
    pools:
      - {id: kuopio-fund, name: Kuopio family-centre trials, kind: other,
         programme: PROGRAMME, amount: "50000.00", payer: kuopio-sote,
         call: {start: 2017-02-01, end: 2017-03-15}, COSTS}
    grants:
      - {id: trial-1, pool: kuopio-fund, recipient: kuopio-sote, participants: [ps-shp],
         amount: "30000.00", decided: 2017-03-27, target_groups: [children],
         costs: {start: 2017-04-01, end: 2018-01-31}}
    """
)
OWN_COSTS = "costs: {start: 2017-04-01, end: 2017-12-31}"


def test_user_s_own_lape_pool_has_its_own_cost_period() -> None:
    """F02: the eligible cost period comes 'from the pool data' (a user's own pool)."""
    text = OWN_POOL.replace("PROGRAMME", "lape").replace("COSTS", OWN_COSTS)
    assert_findings(text, RULE, "2017-06-01", {failed(RULE, "grant", "trial-1")})


def test_user_s_pool_without_a_cost_period_is_unknown() -> None:
    """Definitions, Findings: a missing fact gives status unknown, severity the rule's."""
    text = OWN_POOL.replace("PROGRAMME", "lape").replace(", COSTS", "")
    assert_findings(text, RULE, "2017-06-01", {unknown(RULE, "grant", "trial-1")})


def test_user_s_pool_of_another_programme_is_not_examined() -> None:
    """Definitions, LAPE pools: F01-F08 'apply to the pools whose programme is LAPE'."""
    text = OWN_POOL.replace("PROGRAMME", "other").replace("COSTS", OWN_COSTS)
    assert_findings(text, RULE, "2017-06-01", set())
