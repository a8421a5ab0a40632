"""LAPE-C06: from 2020 STM pays no change-agent salaries; the salary payer is one of
the area's own organisations (002); how that organisation finances the post is not
checked (DOMAIN.md revision 2).

Written from DOMAIN.md, not from the implementation. Subject: the change agent.
"Belongs to the area" as the lead reads it: an actor's municipalities if listed,
else its county's, else its region's.
"""

from __future__ import annotations

import pytest

from ._cfs_helpers import (
    assert_clean,
    assert_findings,
    evolve_at,
    failed,
    period,
    rows,
    run,
    snapshot,
    unknown,
)

RULE = "LAPE-C06"

BASE = snapshot(
    """
    actors:
      - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
      - {id: thl, name: Finnish Institute for Health and Welfare, kind: government_agency,
         body: thl}
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
      - {id: ps-liitto, name: Regional Council of Pohjois-Savo, kind: regional_council,
         region: Pohjois-Savo}
      - {id: wellbeing-ps, name: Pohjois-Savon hyvinvointialue,
         kind: wellbeing_services_county, county: PS}
      - {id: tampere-sote, name: City of Tampere social and health services,
         kind: municipal_body, municipalities: [Tampere]}
    change_agents:
      - id: ps-agent
        name: LAPE change agent of Pohjois-Savo
        region: Pohjois-Savo
        project_area: pohjois-savo
        employer: kuopio-sote
        salary_payer: kuopio-sote
        employment: {start: 2020-01-01, end: 2023-12-31}
    """
)
FAILED = failed(RULE, "change_agent", "ps-agent")


def test_agent_paid_by_the_area_s_municipal_body_from_2020_conforms() -> None:
    """C06 row: from 2020 the salary payer is one of the area's own organisations."""
    assert_clean(BASE, RULE, "2020-01-01")


@pytest.mark.parametrize("payer", ["ps-liitto", "wellbeing-ps"])
def test_agent_paid_by_the_area_s_regional_or_county_body_conforms(payer: str) -> None:
    """C06 row: a regional council of the region, or (2023) the area's wellbeing services
    county, is one of the area's own organisations."""
    snap = evolve_at(BASE, "change_agents", salary_payer=payer)
    assert_clean(snap, RULE, "2023-06-01")


def test_how_the_organisation_finances_the_post_is_not_checked() -> None:
    """C06 row: 'how that organisation finances the post is not checked' (here from a LAPE
    2020-2022 grant)."""
    snap = evolve_at(BASE, "change_agents", pool="lape-2020-2022")
    assert_clean(snap, RULE, "2020-06-01")


def test_stm_paying_in_2020_fails() -> None:
    """C06 row: from 2020 STM pays no change-agent salaries."""
    snap = evolve_at(BASE, "change_agents", salary_payer="stm")
    assert_findings(snap, RULE, "2020-06-01", {FAILED})


def test_stm_paying_until_the_first_day_of_2020_fails() -> None:
    """C06 row: one day of STM salary in 2020 (2020-01-01) is already too much."""
    snap = evolve_at(
        BASE, "change_agents", salary_payer="stm", employment=period("2019-01-01", "2020-01-01")
    )
    assert_findings(snap, RULE, "2020-01-01", {FAILED})


def test_stm_paying_until_the_last_day_of_2019_conforms() -> None:
    """C06 row: 'from 2020': STM paying an employment that ends on 2019-12-31 is allowed,
    on its last day (whether or not the rule counts as in force before 2020) and on
    2020-01-01, when the agent is no longer employed."""
    snap = evolve_at(
        BASE, "change_agents", salary_payer="stm", employment=period("2019-01-01", "2019-12-31")
    )
    assert rows(run(snap, RULE, "2019-12-31"), RULE) == set()
    assert_findings(snap, RULE, "2020-01-01", set())


@pytest.mark.parametrize("payer", ["thl", "tampere-sote"])
def test_payer_outside_the_area_fails(payer: str) -> None:
    """C06 row: a national agency (THL) or another region's body (Tampere for a
    Pohjois-Savo agent) is not one of the area's own organisations."""
    snap = evolve_at(BASE, "change_agents", salary_payer=payer)
    assert_findings(snap, RULE, "2020-06-01", {FAILED})


def test_payer_not_given_is_unknown() -> None:
    """Findings: without `salary_payer` the rule cannot tell who pays: an unknown with the
    rule's severity, not a pass and not a failure."""
    snap = evolve_at(BASE, "change_agents", salary_payer=None)
    assert_findings(snap, RULE, "2020-06-01", {unknown(RULE, "change_agent", "ps-agent")})


CAPITAL = snapshot(
    """
    actors:
      - {id: espoo-sote, name: City of Espoo social and health services,
         kind: municipal_body, municipalities: [Espoo]}
      - {id: porvoo-sote, name: City of Porvoo social and health services,
         kind: municipal_body, municipalities: [Porvoo]}
      - {id: helsinki, name: City of Helsinki, kind: municipality, county: HKI}
    change_agents:
      - id: capital-agent
        name: LAPE change agent of the capital region
        region: Uusimaa
        project_area: capital-region
        employer: espoo-sote
        salary_payer: espoo-sote
        employment: {start: 2020-01-01, end: 2023-12-31}
    """
)


@pytest.mark.parametrize(
    ("payer", "expected"),
    [
        ("espoo-sote", set()),
        ("helsinki", set()),
        ("porvoo-sote", {failed(RULE, "change_agent", "capital-agent")}),
    ],
)
def test_capital_region_agent_is_paid_inside_the_capital_region(
    payer: str, expected: set[tuple[str, str, str, str, str]]
) -> None:
    """Definitions, the group's area: the capital region and the rest of Uusimaa are two
    areas: Espoo's body or the City of Helsinki (county 90, which organises its own
    services) belongs to the capital region; Porvoo (rest of Uusimaa) does not."""
    snap = evolve_at(CAPITAL, "change_agents", salary_payer=payer)
    if expected:
        assert_findings(snap, RULE, "2023-06-01", expected)
    else:
        assert_clean(snap, RULE, "2023-06-01")


def test_body_of_a_merged_municipality_counts_as_its_successor() -> None:
    """Lead's reading: a merged municipality counts as the one it merged into after the
    merger: a Luvia body (merged into Eurajoki, Satakunta, 2017-01-01) belongs to Satakunta."""
    snap = snapshot(
        """
        actors:
          - {id: luvia-sivistys, name: Luvia education services, kind: municipal_body,
             municipalities: [Luvia]}
        change_agents:
          - id: satakunta-agent
            name: LAPE change agent of Satakunta
            region: Satakunta
            project_area: satakunta
            employer: luvia-sivistys
            salary_payer: luvia-sivistys
            employment: {start: 2020-01-01, end: 2020-12-31}
        """
    )
    assert_clean(snap, RULE, "2020-06-01")
