"""LAPE-C04 (warning): an STM-funded change agent starts no earlier than autumn 2016
(first agents from October 2016) (DOMAIN.md revision 2).

Written from DOMAIN.md, not from the implementation. Subject: the change agent.
Autumn 2016 is read as from 2016-09-01 (the month the state-subsidy call opened;
the documented parameter ``LAPE-C04.earliest_start``).
"""

from __future__ import annotations

from ._cfs_helpers import assert_clean, assert_findings, evolve_at, failed, period, snapshot

RULE = "LAPE-C04"

BASE = snapshot(
    """
    actors:
      - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
      - {id: kainuu-sote, name: Kainuu joint authority for social and health care,
         kind: joint_municipal_authority, region: Kainuu}
    change_agents:
      - id: kainuu-agent
        name: LAPE change agent of Kainuu
        region: Kainuu
        project_area: kainuu
        employer: kainuu-sote
        salary_payer: stm
        employment: {start: 2016-10-01, end: 2018-12-31}
    """
)
WARNED = failed(RULE, "change_agent", "kainuu-agent", "warning")


def test_agent_starting_in_october_2016_conforms() -> None:
    """C04: 'first agents from October 2016'."""
    assert_clean(BASE, RULE, "2016-10-01")


def test_agent_starting_on_the_first_day_of_autumn_conforms() -> None:
    """C04: 'no earlier than autumn 2016': a start on 2016-09-01 conforms."""
    snap = evolve_at(BASE, "change_agents", employment=period("2016-09-01", "2018-12-31"))
    assert_clean(snap, RULE, "2017-06-01")


def test_agent_starting_the_last_day_of_summer_warns() -> None:
    """C04: a start on 2016-08-31 is before autumn 2016 (a warning)."""
    snap = evolve_at(BASE, "change_agents", employment=period("2016-08-31", "2018-12-31"))
    assert_findings(snap, RULE, "2017-06-01", {WARNED})


def test_agent_starting_on_the_rules_first_day_in_force_warns() -> None:
    """C04 on the first day the change-agent rules are in force (2016-01-01)."""
    snap = evolve_at(BASE, "change_agents", employment=period("2016-01-01", "2018-12-31"))
    assert_findings(snap, RULE, "2016-01-01", {WARNED})


def test_early_agent_not_funded_by_stm_is_not_examined() -> None:
    """C04 is about STM-funded agents only."""
    snap = evolve_at(
        BASE,
        "change_agents",
        salary_payer="kainuu-sote",
        employment=period("2016-03-01", "2016-12-31"),
    )
    assert_findings(snap, RULE, "2016-06-01", set())
