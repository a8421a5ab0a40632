"""LAPE-F07: child-strategy work is not paid from the programme's pools (seed 002: the
child strategy has its own appropriation) (DOMAIN.md revision 2; "LAPE pools" in its
Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the grant.
"""

from __future__ import annotations

import pytest

from lape.model import Programme

from ._cfs_helpers import assert_clean, assert_findings, evolve_at, failed, snapshot

RULE = "LAPE-F07"

ACTORS = """
    actors:
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
      - {id: ps-liitto, name: Regional Council of Pohjois-Savo, kind: regional_council,
         region: Pohjois-Savo}
    """

BASE = snapshot(
    ACTORS
    + """
    grants:
      - {id: ps-2020, pool: lape-2020-2022, recipient: kuopio-sote, participants: [ps-liitto],
         amount: "900000.00", programme: lape, region: Pohjois-Savo,
         priorities: [family_centres], target_groups: [children, families],
         decided: 2020-03-01, costs: {start: 2020-01-01, end: 2022-12-31}}
    """
)


def test_lape_work_from_a_lape_pool_conforms() -> None:
    """F07: LAPE work paid from the programme's pools conforms."""
    assert_clean(BASE, RULE, "2020-06-01")


@pytest.mark.parametrize(
    ("pool", "day"), [("lape-2020-2022", "2020-06-01"), ("fhsc-2021-lape", "2021-06-01")]
)
def test_child_strategy_work_from_a_lape_pool_fails(pool: str, day: str) -> None:
    """F07: 'child-strategy work is not paid from the programme's pools'."""
    snap = evolve_at(BASE, "grants", pool=pool, programme=Programme.CHILD_STRATEGY)
    assert_findings(snap, RULE, day, {failed(RULE, "grant", "ps-2020")})


OWN_POOL = (
    ACTORS
    + """
    pools:
      - {id: own-fund, name: Own fund, kind: state_subsidy, programme: PROGRAMME,
         amount: "100000.00", costs: {start: 2020-01-01, end: 2020-12-31}}
    grants:
      - {id: strategy-work, pool: own-fund, recipient: kuopio-sote, participants: [ps-liitto],
         amount: "20000.00", programme: child_strategy, region: Pohjois-Savo,
         priorities: [family_centres], target_groups: [children], decided: 2019-12-01,
         costs: {start: 2020-01-01, end: 2020-12-31}}
    """
)


def test_child_strategy_work_from_a_user_s_own_lape_pool_fails() -> None:
    """F07 and Definitions, LAPE pools: a user's own LAPE pool is the programme's."""
    text = OWN_POOL.replace("PROGRAMME", "lape")
    assert_findings(text, RULE, "2020-06-01", {failed(RULE, "grant", "strategy-work")})


@pytest.mark.parametrize("programme", ["child_strategy", "other"])
def test_child_strategy_work_from_another_programme_s_pool_is_not_examined(
    programme: str,
) -> None:
    """Definitions: 'a user's pool of another programme is not examined by F04/F07/F08'."""
    text = OWN_POOL.replace("PROGRAMME", programme)
    assert_findings(text, RULE, "2020-06-01", set())
