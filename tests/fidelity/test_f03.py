"""LAPE-F03: a state-subsidy grant funds work in which at least two actors take part
together (DOMAIN.md revision 2; issue 12: F03 may read the development project the
grant funds; "LAPE pools" in the Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the grant.
"""

from __future__ import annotations

import pytest

from ._cfs_helpers import assert_clean, assert_findings, evolve_at, failed, snapshot

RULE = "LAPE-F03"

ACTORS = """
    actors:
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
      - {id: ps-shp, name: Pohjois-Savo hospital district, kind: hospital_district,
         hospital_district: PS, region: Pohjois-Savo}
    """

BASE = snapshot(
    ACTORS
    + """
    grants:
      - {id: ps-2017, pool: lape-regional-2016, recipient: kuopio-sote,
         participants: [ps-shp], amount: "962400.00", decided: 2016-12-22,
         region: Pohjois-Savo, project_area: pohjois-savo,
         costs: {start: 2017-01-01, end: 2018-12-31}}
    """
)
FAILED = failed(RULE, "grant", "ps-2017")


def test_recipient_and_one_participant_conform() -> None:
    """F03: 'at least two actors take part together' (recipient and participant)."""
    assert_clean(BASE, RULE, "2017-06-01")


@pytest.mark.parametrize(
    ("pool", "day"),
    [
        ("lape-regional-2016", "2017-06-01"),
        ("lape-2020-2022", "2020-06-01"),
        ("fhsc-2021-lape", "2021-06-01"),
    ],
)
def test_state_subsidy_to_a_single_actor_fails(pool: str, day: str) -> None:
    """F03: a state-subsidy grant for work of one actor alone fails."""
    snap = evolve_at(BASE, "grants", pool=pool, participants=())
    assert_findings(snap, RULE, day, {FAILED})


def test_recipient_repeated_as_participant_is_still_one_actor() -> None:
    """F03: 'at least two actors': the recipient named twice is one actor."""
    snap = evolve_at(BASE, "grants", participants=("kuopio-sote",))
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_single_recipient_of_a_consortium_project_conforms() -> None:
    """F03 with issue 12 ('F03 and F08 may then read the project'): a consortium."""
    text = (
        ACTORS
        + """
    projects:
      - {id: ps-project, name: Pohjois-Savo LAPE change project, project_area: pohjois-savo,
         region: Pohjois-Savo, lead: kuopio-sote, consortium: [ps-shp]}
    grants:
      - {id: ps-2017, pool: lape-regional-2016, recipient: kuopio-sote, project: ps-project,
         amount: "962400.00", decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
    """
    )
    assert_clean(text, RULE, "2017-06-01")


def test_start_up_grant_to_a_single_actor_is_not_examined() -> None:
    """F03 is about STATE-SUBSIDY grants; a start-up grant is not examined."""
    snap = evolve_at(
        BASE,
        "grants",
        pool="lape-startup-2016",
        participants=(),
    )
    assert_findings(snap, RULE, "2017-06-01", set())


OWN_POOL = (
    ACTORS
    + """
    pools:
      - {id: own-subsidy, name: A state subsidy, kind: state_subsidy, programme: PROGRAMME,
         amount: "100000.00", costs: {start: 2017-01-01, end: 2017-12-31}}
    grants:
      - {id: own-1, pool: own-subsidy, recipient: kuopio-sote, amount: "10000.00",
         decided: 2016-12-01, target_groups: [children],
         costs: {start: 2017-01-01, end: 2017-12-31}}
    """
)


def test_user_s_own_lape_state_subsidy_to_one_actor_fails() -> None:
    """F03 and Definitions, LAPE pools: a user's own LAPE state subsidy is examined."""
    text = OWN_POOL.replace("PROGRAMME", "lape")
    assert_findings(text, RULE, "2017-06-01", {failed(RULE, "grant", "own-1")})


def test_user_s_pool_of_another_programme_is_not_examined() -> None:
    """Definitions, LAPE pools: F01-F08 'apply to the pools whose programme is LAPE'."""
    text = OWN_POOL.replace("PROGRAMME", "other")
    assert_findings(text, RULE, "2017-06-01", set())
