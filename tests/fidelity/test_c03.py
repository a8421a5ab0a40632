"""LAPE-C03: an STM-funded change agent's employment lies within 2016-2019
(2016-2018 term, 2019 by the 2018 grant round) (DOMAIN.md revision 2).

Written from DOMAIN.md, not from the implementation. Subject: the change agent.
"""

from __future__ import annotations

from ._cfs_helpers import assert_clean, assert_findings, evolve_at, failed, period, snapshot

RULE = "LAPE-C03"

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
        employment: {start: 2016-01-01, end: 2019-12-31}
    """
)
FAILED = failed(RULE, "change_agent", "kainuu-agent")


def test_employment_from_the_first_to_the_last_day_of_2016_2019_conforms() -> None:
    """C03: an employment of 2016-01-01..2019-12-31 lies within 2016-2019."""
    assert_clean(BASE, RULE, "2016-01-01")
    assert_clean(BASE, RULE, "2019-12-31")


def test_employment_starting_on_2015_12_31_fails() -> None:
    """C03: an employment from 2015-12-31 does not lie within 2016-2019."""
    snap = evolve_at(BASE, "change_agents", employment=period("2015-12-31", "2018-12-31"))
    assert_findings(snap, RULE, "2016-01-01", {FAILED})


def test_employment_ending_on_2020_01_01_fails() -> None:
    """C03: an employment to 2020-01-01 does not lie within 2016-2019."""
    snap = evolve_at(BASE, "change_agents", employment=period("2016-11-01", "2020-01-01"))
    assert_findings(snap, RULE, "2019-12-31", {FAILED})


def test_open_ended_employment_is_judged_up_to_the_checked_day() -> None:
    """C03: an employment without an end lies within 2016-2019 as far as the checked day
    tells (lead's reading: an open period is "no end known", not "for ever"); once the
    day is past 2019 it does not."""
    snap = evolve_at(BASE, "change_agents", employment=period("2016-11-01"))
    assert_clean(snap, RULE, "2017-06-01")
    assert_findings(snap, RULE, "2020-01-01", {FAILED})


def test_2019_round_agent_within_2019_conforms() -> None:
    """C03: '2019 by the 2018 grant round': an agent of that round's pool in 2019."""
    snap = evolve_at(
        BASE,
        "change_agents",
        salary_payer="kainuu-sote",
        pool="lape-agents-2019",
        employment=period("2019-01-01", "2019-12-31"),
    )
    assert_clean(snap, RULE, "2019-06-01")


def test_2019_round_agent_employed_into_2020_fails() -> None:
    """C03 and Facts ('STM funded all 19 for 2019'): a 2019-round agent into 2020 fails."""
    snap = evolve_at(
        BASE,
        "change_agents",
        salary_payer="kainuu-sote",
        pool="lape-agents-2019",
        employment=period("2019-01-01", "2020-01-31"),
    )
    assert_findings(snap, RULE, "2019-06-01", {FAILED})


def test_agent_paid_by_the_area_s_own_organisation_from_2020_is_not_examined() -> None:
    """C03 is about STM-funded agents; from 2020 the areas pay their own (002)."""
    snap = evolve_at(
        BASE,
        "change_agents",
        salary_payer="kainuu-sote",
        employment=period("2020-01-01", "2021-12-31"),
    )
    assert_findings(snap, RULE, "2020-06-01", set())
