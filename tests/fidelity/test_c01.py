"""LAPE-C01: a change agent is hired only for a project area that has set up and
mandated a regional group no later than the agent's start (DOMAIN.md revision 2).

Written from DOMAIN.md's catalogue row and its "Definitions the rules share",
not from the implementation. Subject: the change agent.
"""

from __future__ import annotations

import attrs
import pytest

from lape.model import GroupKind, Mandate, MunicipalityCode, RegionCode

from ._cfs_helpers import (
    assert_clean,
    assert_findings,
    day,
    evolve_at,
    failed,
    period,
    run,
    snapshot,
    unknown,
)

RULE = "LAPE-C01"

# Pohjois-Savo (region 11, one project area): the regional group is set up on
# 2016-10-01 and mandated by the region on 2016-10-17; the agent starts on 2016-11-01.
BASE = snapshot(
    """
    actors:
      - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, sectors: [social_health], municipalities: [Kuopio]}
    groups:
      - id: ps-lape
        name: Pohjois-Savo regional LAPE group
        kind: regional
        region: Pohjois-Savo
        project_area: pohjois-savo
        mandate: {region: Pohjois-Savo, decided: 2016-10-17}
        period: {start: 2016-10-01, end: 2018-12-31}
    change_agents:
      - id: ps-agent
        name: LAPE change agent of Pohjois-Savo
        region: Pohjois-Savo
        project_area: pohjois-savo
        employer: kuopio-sote
        salary_payer: stm
        employment: {start: 2016-11-01, end: 2018-12-31}
    """
)
FAILED = failed(RULE, "change_agent", "ps-agent")


def _mandate(decided: str | None) -> Mandate:
    return Mandate(region=RegionCode("11"), decided=None if decided is None else day(decided))


def test_area_with_mandated_group_before_start_conforms() -> None:
    """C01: the area set up and mandated a regional group before the agent's start."""
    assert_clean(BASE, RULE, "2017-06-01")


def test_mandate_decided_on_the_agent_start_day_conforms() -> None:
    """C01: 'no later than the agent's start' includes the start day itself."""
    snap = evolve_at(BASE, "groups", mandate=_mandate("2016-11-01"))
    assert_clean(snap, RULE, "2016-11-01")


def test_mandate_decided_the_day_after_the_start_fails() -> None:
    """C01: a mandate decided the day after the agent's start is too late."""
    snap = evolve_at(BASE, "groups", mandate=_mandate("2016-11-02"))
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_group_set_up_on_the_agent_start_day_conforms() -> None:
    """C01: a group set up (period starting) on the agent's start day is in time."""
    snap = evolve_at(
        BASE, "groups", period=period("2016-11-01", "2018-12-31"), mandate=_mandate("2016-11-01")
    )
    assert_clean(snap, RULE, "2017-06-01")


def test_group_set_up_the_day_after_the_start_fails() -> None:
    """C01: the area must have SET UP the group no later than the agent's start."""
    snap = evolve_at(BASE, "groups", period=period("2016-11-02", "2018-12-31"))
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_no_regional_group_fails() -> None:
    """C01: 'hired only for a project area that has set up ... a regional group'."""
    snap = attrs.evolve(BASE, groups=())
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_group_without_mandate_fails() -> None:
    """C01: the area must have 'set up AND mandated' a regional group."""
    snap = evolve_at(BASE, "groups", mandate=None)
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_mandate_without_a_decision_date_counts_as_decided() -> None:
    """Lead: anything without a date (a mandate without `decided`) is in effect every day."""
    snap = evolve_at(BASE, "groups", mandate=_mandate(None))
    assert_clean(snap, RULE, "2017-06-01")


def test_municipal_group_is_not_a_regional_group() -> None:
    """C01: only a REGIONAL group counts, not a municipal group of the area."""
    snap = evolve_at(
        BASE,
        "groups",
        kind=GroupKind.MUNICIPAL,
        municipality="297",
        region=None,
        project_area=None,
        mandate=Mandate(municipality=MunicipalityCode("297"), decided=day("2016-10-17")),
    )
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_group_of_another_project_area_does_not_count() -> None:
    """C01: the group must be of the agent's own project area (not Kainuu's)."""
    snap = evolve_at(
        BASE, "groups", region="18", project_area="kainuu", mandate=Mandate(region=RegionCode("18"))
    )
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_group_without_project_area_in_a_one_area_region_counts() -> None:
    """Lead: a regional group's project area is its region's only area if not given."""
    snap = evolve_at(BASE, "groups", project_area=None)
    assert_clean(snap, RULE, "2017-06-01")


def test_2019_agent_of_an_area_whose_group_ended_in_2018_conforms() -> None:
    """C01: 'the group need not still be at work: the 2019 round continued the agents'."""
    snap = evolve_at(
        BASE,
        "change_agents",
        employment=period("2019-01-01", "2019-12-31"),
        pool="lape-agents-2019",
    )
    assert_clean(snap, RULE, "2019-01-01")
    assert_clean(snap, RULE, "2019-12-31")


def test_group_ended_the_day_before_the_agent_start_still_counts() -> None:
    """C01: 'the group need not still be at work' when the agent starts."""
    snap = evolve_at(BASE, "groups", period=period("2016-10-01", "2016-10-31"))
    assert_clean(snap, RULE, "2016-11-01")


CAPITAL = """
    actors:
      - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
      - {id: helsinki, name: City of Helsinki, kind: municipality, municipalities: [Helsinki]}
    groups:
      - id: uusimaa-lape
        name: Uusimaa regional LAPE group
        kind: regional
        region: Uusimaa
        PROJECT_AREA
        mandate: {region: Uusimaa, decided: 2016-10-03}
        period: {start: 2016-10-01, end: 2018-12-31}
    change_agents:
      - id: capital-agent
        name: LAPE change agent of the capital region
        region: Uusimaa
        project_area: capital-region
        employer: helsinki
        salary_payer: stm
        employment: {start: 2016-11-01, end: 2018-12-31}
    """


@pytest.mark.parametrize(
    ("project_area", "expected"),
    [
        ("project_area: capital-region", set()),
        ("project_area: uusimaa", {failed(RULE, "change_agent", "capital-agent")}),
        ("", {unknown(RULE, "change_agent", "capital-agent")}),
    ],
    ids=["capital-region-group", "rest-of-uusimaa-group", "uusimaa-group-without-area"],
)
def test_capital_region_agent_needs_the_capital_region_group(
    project_area: str, expected: set[tuple[str, str, str, str, str]]
) -> None:
    """Definitions, the group's area: the capital region and the rest of Uusimaa are two areas."""
    text = CAPITAL.replace("PROJECT_AREA", project_area)
    if expected:
        assert_findings(text, RULE, "2017-06-01", expected)
    else:
        assert_clean(text, RULE, "2017-06-01")


def test_not_in_force_before_2016() -> None:
    """Catalogue: change agents (in force 2016-01-01 ..); nothing examined the day before."""
    snap = evolve_at(BASE, "change_agents", employment=period("2015-12-01", "2016-12-31"))
    report = run(snap, RULE, "2015-12-31")
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, report.findings) == (False, 0, ())
    assert_findings(snap, RULE, "2016-01-01", {FAILED})
