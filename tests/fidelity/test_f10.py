"""LAPE-F10: the 2016 state-subsidy round funded one development project per project
area: a consortium of at least two actors with one lead applicant (STM 126/2016,
251/2016); two projects of one area in that round, or a project without a lead
applicant, is an error (DOMAIN.md revision 2).

Written from DOMAIN.md, not from the implementation. Subject: the development project
(kind ``project``). A project is in the 2016 round when a grant from the round's pool
(``lape-regional-2016``) funds it.
"""

from __future__ import annotations

from ._cfs_helpers import assert_clean, assert_findings, evolve_at, failed, snapshot

RULE = "LAPE-F10"

ACTORS = """
    actors:
      - {id: kuopio, name: City of Kuopio, kind: municipality, municipalities: [Kuopio]}
      - {id: siilinjarvi, name: Municipality of Siilinjärvi, kind: municipality,
         municipalities: [Siilinjärvi]}
      - {id: ps-shp, name: Pohjois-Savo hospital district, kind: hospital_district,
         hospital_district: PS, region: Pohjois-Savo}
      - {id: helsinki, name: City of Helsinki, kind: municipality, municipalities: [Helsinki]}
      - {id: espoo, name: City of Espoo, kind: municipality, municipalities: [Espoo]}
      - {id: porvoo, name: City of Porvoo, kind: municipality, municipalities: [Porvoo]}
      - {id: lohja, name: City of Lohja, kind: municipality, municipalities: [Lohja]}
    """

BASE = snapshot(
    ACTORS
    + """
    projects:
      - {id: ps-project, name: Pohjois-Savo LAPE change project, project_area: pohjois-savo,
         region: Pohjois-Savo, lead: kuopio, consortium: [siilinjarvi, ps-shp],
         period: {start: 2017-01-01, end: 2018-12-31}}
    grants:
      - {id: ps-2017, pool: lape-regional-2016, recipient: kuopio, project: ps-project,
         participants: [siilinjarvi, ps-shp], amount: "962400.00", region: Pohjois-Savo,
         project_area: pohjois-savo, decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
    """
)
FAILED = failed(RULE, "project", "ps-project")


def test_one_consortium_project_per_area_conforms() -> None:
    """F10: 'one development project per project area: a consortium ... with one lead'."""
    assert_clean(BASE, RULE, "2017-01-01")
    assert_clean(BASE, RULE, "2018-12-31")


def test_project_without_a_lead_applicant_fails() -> None:
    """F10: 'a project without a lead applicant, is an error'."""
    snap = evolve_at(BASE, "projects", lead=None)
    assert_findings(snap, RULE, "2017-06-01", {FAILED})


def test_lead_applicant_alone_is_no_consortium() -> None:
    """F10: 'a consortium of at least two actors' (the lead alone is one)."""
    # The funding grant names no participants either: nobody but the lead takes part.
    solo_grant = evolve_at(BASE, "grants", participants=())
    alone = evolve_at(solo_grant, "projects", consortium=())
    assert_findings(alone, RULE, "2017-06-01", {FAILED})
    repeated = evolve_at(solo_grant, "projects", consortium=("kuopio",))
    assert_findings(repeated, RULE, "2017-06-01", {FAILED})


def test_two_projects_of_one_area_in_the_round_both_fail() -> None:
    """F10: 'two projects of one area in that round ... is an error'."""
    text = (
        ACTORS
        + """
    projects:
      - {id: ps-north, name: North, project_area: pohjois-savo, lead: kuopio,
         consortium: [siilinjarvi]}
      - {id: ps-south, name: South, project_area: pohjois-savo, lead: siilinjarvi,
         consortium: [ps-shp]}
    grants:
      - {id: g-north, pool: lape-regional-2016, recipient: kuopio, project: ps-north,
         participants: [siilinjarvi], amount: "500000.00", decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
      - {id: g-south, pool: lape-regional-2016, recipient: siilinjarvi, project: ps-south,
         participants: [ps-shp], amount: "400000.00", decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
    """
    )
    assert_findings(
        text,
        RULE,
        "2017-06-01",
        {failed(RULE, "project", "ps-north"), failed(RULE, "project", "ps-south")},
    )


UUSIMAA = (
    ACTORS
    + """
    projects:
      - {id: capital-project, name: Capital region LAPE, project_area: capital-region,
         region: Uusimaa, lead: helsinki, consortium: [espoo]}
      - {id: uusimaa-project, name: Uusimaa LAPE, project_area: SECOND_AREA,
         region: Uusimaa, lead: porvoo, consortium: [lohja]}
    grants:
      - {id: g-capital, pool: lape-regional-2016, recipient: helsinki,
         project: capital-project, participants: [espoo], amount: "1500000.00",
         decided: 2016-12-22, costs: {start: 2017-01-01, end: 2018-12-31}}
      - {id: g-uusimaa, pool: lape-regional-2016, recipient: porvoo,
         project: uusimaa-project, participants: [lohja], amount: "1000000.00",
         decided: 2016-12-22, costs: {start: 2017-01-01, end: 2018-12-31}}
    """
)


def test_capital_region_and_rest_of_uusimaa_each_have_their_project() -> None:
    """Glossary, project area: the capital region and the rest of Uusimaa are two areas."""
    assert_clean(UUSIMAA.replace("SECOND_AREA", "uusimaa"), RULE, "2017-06-01")


def test_two_capital_region_projects_fail() -> None:
    """F10: 'two projects of one area in that round' (the capital region)."""
    text = UUSIMAA.replace("SECOND_AREA", "capital-region")
    assert_findings(
        text,
        RULE,
        "2017-06-01",
        {failed(RULE, "project", "capital-project"), failed(RULE, "project", "uusimaa-project")},
    )


def test_a_later_round_s_project_of_the_same_area_is_not_in_the_2016_round() -> None:
    """F10 is about 'the 2016 state-subsidy round' only."""
    text = (
        ACTORS
        + """
    projects:
      - {id: ps-project, name: Pohjois-Savo LAPE 2017-2018, project_area: pohjois-savo,
         lead: kuopio, consortium: [siilinjarvi]}
      - {id: ps-project-2020, name: Pohjois-Savo LAPE 2020-2022, project_area: pohjois-savo,
         consortium: [kuopio, ps-shp], priorities: [family_centres]}
    grants:
      - {id: g-2017, pool: lape-regional-2016, recipient: kuopio, project: ps-project,
         participants: [siilinjarvi], amount: "900000.00", decided: 2016-12-22,
         costs: {start: 2017-01-01, end: 2018-12-31}}
      - {id: g-2020, pool: lape-2020-2022, recipient: kuopio, project: ps-project-2020,
         participants: [ps-shp], amount: "900000.00", region: Pohjois-Savo,
         priorities: [family_centres], decided: 2019-12-16,
         costs: {start: 2020-01-01, end: 2022-12-31}}
    """
    )
    assert_clean(text, RULE, "2020-06-01")
