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
    """C06: 'the salary payer is one of the area's own organisations'."""
    assert_clean(BASE, RULE, "2020-01-01")


@pytest.mark.parametrize("payer", ["ps-liitto", "wellbeing-ps"])
def test_agent_paid_by_the_area_s_regional_or_county_body_conforms(payer: str) -> None:
    """C06: the region's council or the area's county is one of its own organisations."""
    snap = evolve_at(BASE, "change_agents", salary_payer=payer)
    assert_clean(snap, RULE, "2023-06-01")


def test_how_the_organisation_finances_the_post_is_not_checked() -> None:
    """C06: 'how that organisation finances the post is not checked'."""
    snap = evolve_at(BASE, "change_agents", pool="lape-2020-2022")
    assert_clean(snap, RULE, "2020-06-01")


def test_stm_paying_in_2020_fails() -> None:
    """C06: 'from 2020 STM pays no change-agent salaries'."""
    snap = evolve_at(BASE, "change_agents", salary_payer="stm")
    assert_findings(snap, RULE, "2020-06-01", {FAILED})


def test_stm_paying_until_the_first_day_of_2020_fails() -> None:
    """C06: 'from 2020': one day of STM salary on 2020-01-01 fails."""
    snap = evolve_at(
        BASE, "change_agents", salary_payer="stm", employment=period("2019-01-01", "2020-01-01")
    )
    assert_findings(snap, RULE, "2020-01-01", {FAILED})


def test_stm_paying_until_the_last_day_of_2019_conforms() -> None:
    """C06: 'from 2020': STM paying up to 2019-12-31 is allowed."""
    snap = evolve_at(
        BASE, "change_agents", salary_payer="stm", employment=period("2019-01-01", "2019-12-31")
    )
    assert rows(run(snap, RULE, "2019-12-31"), RULE) == set()
    assert_findings(snap, RULE, "2020-01-01", set())


@pytest.mark.parametrize("payer", ["thl", "tampere-sote"])
def test_payer_outside_the_area_fails(payer: str) -> None:
    """C06: a national agency or another region's body is not the area's own."""
    snap = evolve_at(BASE, "change_agents", salary_payer=payer)
    assert_findings(snap, RULE, "2020-06-01", {FAILED})


def test_payer_not_given_is_unknown() -> None:
    """Definitions, Findings: a missing fact gives status unknown, severity the rule's."""
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
    """Definitions, the group's area: the capital region and the rest of Uusimaa are two."""
    snap = evolve_at(CAPITAL, "change_agents", salary_payer=payer)
    if expected:
        assert_findings(snap, RULE, "2023-06-01", expected)
    else:
        assert_clean(snap, RULE, "2023-06-01")


def test_body_of_a_merged_municipality_counts_as_its_successor() -> None:
    """Lead: a merged municipality counts as the one it merged into (Luvia: Eurajoki)."""
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


def test_payer_dissolved_the_day_before_pays_no_more() -> None:
    """Definitions, in effect: 'Every dated thing counts only on the days it is in effect'."""
    # A joint municipal authority of the area, dissolved with 2022 (DOMAIN.md: joint
    # municipal authorities for social and health care were dissolved on 1.1.2023).
    snap = snapshot(
        """
        actors:
          - {id: ps-jma, name: Joint municipal authority of Pohjois-Savo,
             kind: joint_municipal_authority, municipalities: [Kuopio, Siilinjärvi],
             period: {start: 2010-01-01, end: 2022-12-31}}
        change_agents:
          - id: ps-agent
            name: LAPE change agent of Pohjois-Savo
            region: Pohjois-Savo
            project_area: pohjois-savo
            employer: ps-jma
            salary_payer: ps-jma
            employment: {start: 2020-01-01, end: 2023-12-31}
        """
    )
    assert_clean(snap, RULE, "2022-12-31")
    assert_findings(snap, RULE, "2023-01-01", {FAILED})
