"""LAPE-C05: the employer organisation was chosen by the region's municipalities
together (DOMAIN.md revision 2; "the region's municipalities" use the list valid on
the checked date, Facts).

Written from DOMAIN.md, not from the implementation. Subject: the change agent.
"""

from __future__ import annotations

from lape.model import MunicipalityCode, Snapshot

from ._cfs_helpers import (
    assert_clean,
    assert_findings,
    evolve_at,
    failed,
    period,
    snapshot,
    unknown,
)

RULE = "LAPE-C05"

# Pohjois-Savo's 18 municipalities from 2017-01-01 (Juankoski 174 merged into
# Kuopio 297 that day; Joroinen 171 joined the region on 2021-01-01).
PS_2017 = (
    "140",
    "204",
    "239",
    "263",
    "297",
    "402",
    "420",
    "595",
    "686",
    "687",
    "749",
    "762",
    "778",
    "844",
    "857",
    "915",
    "921",
    "925",
)
JUANKOSKI, KUOPIO, JOROINEN, VARKAUS = "174", "297", "171", "915"

BASE = snapshot(
    """
    actors:
      - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
    change_agents:
      - id: ps-agent
        name: LAPE change agent of Pohjois-Savo
        region: Pohjois-Savo
        project_area: pohjois-savo
        employer: kuopio-sote
        employer_chosen_by: []
        salary_payer: stm
        employment: {start: 2016-11-01, end: 2018-12-31}
    """
)
FAILED = failed(RULE, "change_agent", "ps-agent")


def _chosen_by(*codes: str) -> tuple[MunicipalityCode, ...]:
    return tuple(MunicipalityCode(code) for code in codes)


def _agent_chosen_by(*codes: str) -> Snapshot:
    return evolve_at(BASE, "change_agents", employer_chosen_by=_chosen_by(*codes))


def test_chosen_by_all_the_region_s_municipalities_conforms() -> None:
    """C05: the employer 'was chosen by the region's municipalities together'."""
    assert_clean(_agent_chosen_by(*PS_2017), RULE, "2017-06-01")


def test_one_municipality_missing_fails() -> None:
    """C05: 17 of the region's 18 municipalities is not 'the region's municipalities'."""
    without_varkaus = [code for code in PS_2017 if code != VARKAUS]
    assert_findings(_agent_chosen_by(*without_varkaus), RULE, "2017-06-01", {FAILED})


def test_chosen_by_nobody_fails() -> None:
    """C05: `employer_chosen_by: []`: nobody chose the employer."""
    assert_findings(BASE, RULE, "2017-06-01", {FAILED})


def test_not_known_who_chose_is_unknown() -> None:
    """Definitions, Findings: a missing fact gives status unknown, severity the rule's."""
    snap = evolve_at(BASE, "change_agents", employer_chosen_by=None)
    assert_findings(snap, RULE, "2017-06-01", {unknown(RULE, "change_agent", "ps-agent")})


def test_merged_juankoski_is_needed_while_it_exists() -> None:
    """Facts: 'the region's municipalities' use the list valid on the checked date."""
    snap = _agent_chosen_by(*PS_2017)
    assert_findings(snap, RULE, "2016-12-31", {FAILED})
    assert_clean(snap, RULE, "2017-01-01")


def test_choice_made_with_juankoski_still_conforms_after_the_merger() -> None:
    """Facts: the list valid on the checked date; a merged municipality may be listed."""
    snap = _agent_chosen_by(*PS_2017, JUANKOSKI)
    assert_clean(snap, RULE, "2016-12-31")
    assert_clean(snap, RULE, "2017-06-01")


def test_juankoski_counts_as_kuopio_after_the_merger() -> None:
    """Lead: a merged municipality counts as the one it merged into, after the merger."""
    snap = _agent_chosen_by(*(code for code in PS_2017 if code != KUOPIO), JUANKOSKI)
    assert_findings(snap, RULE, "2016-12-31", {FAILED})
    assert_clean(snap, RULE, "2017-01-01")


def test_the_choice_is_judged_by_the_municipalities_of_the_agents_first_day() -> None:
    """Facts: 'five municipalities changed region on 1.1.2021' (Joroinen). The employer was
    chosen when the agent was hired (lead's reading: C05 uses the municipality list of the
    agent's first day, with later mergers followed): an agent hired in 2020 need not have
    been chosen by Joroinen, one hired in 2021 must."""
    snap = evolve_at(
        _agent_chosen_by(*PS_2017),
        "change_agents",
        salary_payer="kuopio-sote",
        employment=period("2020-06-01", "2021-12-31"),
    )
    assert_clean(snap, RULE, "2020-12-31")
    assert_clean(snap, RULE, "2021-01-01")
    hired_2021 = evolve_at(snap, "change_agents", employment=period("2021-01-01", "2021-12-31"))
    assert_findings(hired_2021, RULE, "2021-06-01", {FAILED})
    with_joroinen = evolve_at(
        hired_2021, "change_agents", employer_chosen_by=_chosen_by(*PS_2017, JOROINEN)
    )
    assert_clean(with_joroinen, RULE, "2021-06-01")


CAPITAL = snapshot(
    """
    actors:
      - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
      - {id: helsinki, name: City of Helsinki, kind: municipality, municipalities: [Helsinki]}
    change_agents:
      - id: capital-agent
        name: LAPE change agent of the capital region
        region: Uusimaa
        project_area: capital-region
        employer: helsinki
        employer_chosen_by: [Helsinki, Espoo, Vantaa, Kauniainen]
        salary_payer: stm
        employment: {start: 2016-11-01, end: 2018-12-31}
    """
)


def test_capital_region_agent_chosen_by_the_four_cities_conforms() -> None:
    """Facts: 'the capital region applied separately': its four cities choose."""
    assert_clean(CAPITAL, RULE, "2017-06-01")


def test_capital_region_agent_without_kauniainen_fails() -> None:
    """C05: all the capital region's municipalities choose together (Kauniainen too)."""
    snap = evolve_at(CAPITAL, "change_agents", employer_chosen_by=_chosen_by("091", "049", "092"))
    assert_findings(snap, RULE, "2017-06-01", {failed(RULE, "change_agent", "capital-agent")})
