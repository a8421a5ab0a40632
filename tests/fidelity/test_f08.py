"""LAPE-F08: a 2020-2022 grant funds regional development and names at least one of
the three priorities (seed 002) (DOMAIN.md revision 2; issue 12: F08 may read the
development project the grant funds; "LAPE pools" in the Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the grant.
"""

from __future__ import annotations

import pytest

from lape.model import Priority, RegionCode

from ._cfs_helpers import (
    assert_clean,
    assert_findings,
    evolve_at,
    failed,
    snapshot,
)

RULE = "LAPE-F08"

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
         amount: "900000.00", region: Pohjois-Savo, priorities: [family_centres],
         target_groups: [children, families], decided: 2019-12-16,
         costs: {start: 2020-01-01, end: 2022-12-31}}
    """
)
FAILED = failed(RULE, "grant", "ps-2020")


def test_regional_grant_naming_a_priority_conforms() -> None:
    """F08: 'funds regional development and names at least one of the three priorities'."""
    assert_clean(BASE, RULE, "2020-01-01")
    assert_clean(BASE, RULE, "2022-12-31")


@pytest.mark.parametrize("priority", list(Priority))
def test_each_of_the_three_priorities_counts(priority: Priority) -> None:
    """F08: 'at least one of the three priorities' (seed 002), each alone."""
    snap = evolve_at(BASE, "grants", priorities=frozenset({priority}))
    assert_clean(snap, RULE, "2021-06-01")


def test_grant_naming_no_priority_fails() -> None:
    """F08: a 2020-2022 grant naming none of the three priorities fails."""
    snap = evolve_at(BASE, "grants", priorities=frozenset())
    assert_findings(snap, RULE, "2021-06-01", {FAILED})


def test_grant_of_a_project_area_funds_regional_development() -> None:
    """F08: a grant for a project area 'funds regional development'."""
    snap = evolve_at(BASE, "grants", region=None, project_area="pohjois-savo")
    assert_clean(snap, RULE, "2021-06-01")


def test_grant_saying_nothing_of_its_region_fails() -> None:
    """F08: the grant "names" the region it develops: naming none (nor a project area or a
    project that does) is a failure to name it, not a missing fact."""
    snap = evolve_at(BASE, "grants", region=None)
    assert_findings(snap, RULE, "2021-06-01", {failed(RULE, "grant", "ps-2020")})


PROJECT = (
    ACTORS
    + """
    projects:
      - {id: ps-project, name: Pohjois-Savo LAPE 2020-2022, project_area: pohjois-savo,
         region: Pohjois-Savo, lead: kuopio-sote, consortium: [ps-liitto],
         priorities: PRIORITIES}
    grants:
      - {id: ps-2020, pool: lape-2020-2022, recipient: kuopio-sote, project: ps-project,
         amount: "900000.00", target_groups: [children, families], decided: 2019-12-16,
         costs: {start: 2020-01-01, end: 2022-12-31}}
    """
)


def test_priorities_named_by_the_funded_project_count() -> None:
    """F08 with issue 12 ('F03 and F08 may then read the project'): its priorities."""
    text = PROJECT.replace("PRIORITIES", "[child_protection]")
    assert_clean(text, RULE, "2021-06-01")


def test_funded_project_naming_no_priority_fails() -> None:
    """F08: neither the grant nor its project names one of the three priorities."""
    text = PROJECT.replace("PRIORITIES", "[]")
    assert_findings(text, RULE, "2021-06-01", {FAILED})


def test_2016_round_grant_is_not_a_2020_2022_grant() -> None:
    """F08 is about 2020-2022 grants only."""
    snap = evolve_at(
        BASE,
        "grants",
        pool="lape-regional-2016",
        priorities=frozenset(),
        region=RegionCode("11"),
    )
    assert_findings(snap, RULE, "2021-06-01", set())


def test_user_s_pool_of_another_programme_is_not_examined() -> None:
    """Definitions: 'a user's pool of another programme is not examined by F04/F07/F08'."""
    text = (
        ACTORS
        + """
    pools:
      - {id: city-fund, name: City family fund 2020-2022, kind: state_subsidy,
         programme: other, amount: "100000.00", costs: {start: 2020-01-01, end: 2022-12-31}}
    grants:
      - {id: city-grant, pool: city-fund, recipient: kuopio-sote, participants: [ps-liitto],
         amount: "20000.00", target_groups: [children], decided: 2019-12-01,
         costs: {start: 2020-01-01, end: 2022-12-31}}
    """
    )
    assert_findings(text, RULE, "2021-06-01", set())
