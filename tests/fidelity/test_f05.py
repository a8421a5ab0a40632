"""LAPE-F05: no grant decision before its pool's application round opened (the
2016-2018 state subsidy: September 2016) (DOMAIN.md revision 2; "LAPE pools" in its
Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the grant.
"""

from __future__ import annotations

import pytest

from ._cfs_helpers import (
    assert_clean,
    assert_findings,
    day,
    evolve_at,
    failed,
    snapshot,
    unknown,
)

RULE = "LAPE-F05"

ACTORS = """
    actors:
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
      - {id: ps-shp, name: Pohjois-Savo hospital district, kind: hospital_district,
         hospital_district: PS, region: Pohjois-Savo}
    """

# The 2016 round's call opened on 2016-09-01 (pool data; STM 126/2016).
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


def test_decision_after_the_call_opened_conforms() -> None:
    """F05: 'no grant decision before its pool's application round opened'."""
    assert_clean(BASE, RULE, "2017-06-01")


def test_decision_on_the_day_the_call_opened_conforms() -> None:
    """F05: a decision on the day the round opened is not BEFORE it."""
    snap = evolve_at(BASE, "grants", decided=day("2016-09-01"))
    assert_clean(snap, RULE, "2016-09-01")


def test_decision_the_day_before_the_call_opened_fails() -> None:
    """F05: 'the 2016-2018 state subsidy: September 2016': 2016-08-31 is before."""
    snap = evolve_at(BASE, "grants", decided=day("2016-08-31"))
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


@pytest.mark.parametrize(
    ("decided", "expected"),
    [("2018-09-17", set()), ("2018-09-16", {failed(RULE, "grant", "agent-2019")})],
)
def test_the_2019_change_agent_round_opened_on_2018_09_17(
    decided: str, expected: set[tuple[str, str, str, str, str]]
) -> None:
    """F05 with the Facts: the 2019 agents' call opened on 17.9.2018 (STM 127/2018)."""
    text = (
        ACTORS
        + f"""
    grants:
      - {{id: agent-2019, pool: lape-agents-2019, recipient: kuopio-sote,
         participants: [ps-shp], amount: "70000.00", decided: {decided},
         costs: {{start: 2019-01-01, end: 2019-12-31}}}}
    """
    )
    if expected:
        assert_findings(text, RULE, "2019-06-01", expected)
    else:
        assert_clean(text, RULE, "2019-06-01")


def test_grant_without_a_decision_date_is_unknown() -> None:
    """Definitions, Findings: a missing fact gives status unknown, severity the rule's."""
    snap = evolve_at(BASE, "grants", decided=None)
    assert_findings(snap, RULE, "2017-06-01", {unknown(RULE, "grant", "ps-2017")})


OWN_POOL = (
    ACTORS
    + """
    pools:
      - {id: kuopio-fund, name: Kuopio family-centre trials, kind: other,
         programme: PROGRAMME, amount: "50000.00", payer: kuopio-sote,
         call: {start: 2017-02-01, end: 2017-03-15}, costs: {start: 2017-04-01, end: 2017-12-31}}
    grants:
      - {id: trial-1, pool: kuopio-fund, recipient: kuopio-sote, participants: [ps-shp],
         amount: "30000.00", decided: 2017-01-31, target_groups: [children],
         costs: {start: 2017-04-01, end: 2017-12-31}}
    """
)


def test_user_s_own_lape_pool_decision_before_its_call_fails() -> None:
    """F05: a user's own LAPE pool's call (2017-02-01) opened after the decision."""
    text = OWN_POOL.replace("PROGRAMME", "lape")
    assert_findings(text, RULE, "2017-06-01", {failed(RULE, "grant", "trial-1")})


def test_user_s_pool_of_another_programme_is_not_examined() -> None:
    """Definitions, LAPE pools: F01-F08 'apply to the pools whose programme is LAPE'."""
    text = OWN_POOL.replace("PROGRAMME", "other")
    assert_findings(text, RULE, "2017-06-01", set())
