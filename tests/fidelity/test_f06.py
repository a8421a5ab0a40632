"""LAPE-F06: a grant's purpose is a service for children, young people or families
(any sector, not only social and health) (DOMAIN.md revision 2; "LAPE pools" in its
Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the grant. A grant's
`target_groups` say whom the funded service is for.
"""

from __future__ import annotations

import pytest

from lape.model import TargetGroup

from ._cfs_helpers import (
    assert_clean,
    assert_findings,
    evolve_at,
    failed,
    snapshot,
    unknown,
)

RULE = "LAPE-F06"

ACTORS = """
    actors:
      - {id: kuopio-kulttuuri, name: City of Kuopio culture and leisure services,
         kind: municipal_body, sectors: [culture_leisure], municipalities: [Kuopio]}
      - {id: kuopio-srk, name: Kuopio parish union, kind: parish, municipalities: [Kuopio]}
    """

BASE = snapshot(
    ACTORS
    + """
    grants:
      - {id: trial, pool: lape-startup-2016, recipient: kuopio-kulttuuri,
         participants: [kuopio-srk], amount: "30000.00", decided: 2016-05-01,
         target_groups: [children], costs: {start: 2016-06-01, end: 2017-05-31}}
    """
)
FAILED = failed(RULE, "grant", "trial")


def _for(*groups: str) -> frozenset[TargetGroup]:
    return frozenset(TargetGroup(g) for g in groups)


@pytest.mark.parametrize(
    "groups",
    [("children",), ("young_people",), ("families",), ("parents",), ("adults", "children")],
)
def test_service_for_children_young_people_or_families_conforms(groups: tuple[str, ...]) -> None:
    """F06: 'a grant's purpose is a service for children, young people or families'."""
    snap = evolve_at(BASE, "grants", target_groups=_for(*groups))
    assert_clean(snap, RULE, "2016-06-01")


def test_any_sector_counts() -> None:
    """F06: '(any sector, not only social and health)'."""
    assert_clean(BASE, RULE, "2017-05-31")


@pytest.mark.parametrize("groups", [("older_people",), ("adults",), ()])
def test_service_for_no_child_or_family_group_fails(groups: tuple[str, ...]) -> None:
    """F06: a grant for older people, adults or nobody is not for children or families."""
    snap = evolve_at(BASE, "grants", target_groups=_for(*groups))
    assert_findings(snap, RULE, "2016-06-01", {FAILED})


def test_target_groups_not_given_is_unknown() -> None:
    """Definitions, Findings: a missing fact gives status unknown, severity the rule's."""
    snap = evolve_at(BASE, "grants", target_groups=None)
    assert_findings(snap, RULE, "2016-06-01", {unknown(RULE, "grant", "trial")})


def test_user_s_pool_of_another_programme_is_not_examined() -> None:
    """Definitions, LAPE pools: F01-F08 'apply to the pools whose programme is LAPE'."""
    text = (
        ACTORS
        + """
    pools:
      - {id: senior-fund, name: City fund for older people, kind: other, programme: other,
         amount: "50000.00", costs: {start: 2017-01-01, end: 2017-12-31}}
    grants:
      - {id: seniors, pool: senior-fund, recipient: kuopio-kulttuuri,
         participants: [kuopio-srk], amount: "30000.00", decided: 2016-12-01,
         target_groups: [older_people], costs: {start: 2017-01-01, end: 2017-12-31}}
    """
    )
    assert_findings(text, RULE, "2017-06-01", set())
