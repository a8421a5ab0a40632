"""LAPE-C02: an STM-funded change agent belongs to one of the 19 project areas,
inside its region, and there is at most one per project area at any one time
(DOMAIN.md revision 2, with "Change agent's region" in its Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the change agent.
"""

from __future__ import annotations

from typing import Any

import attrs

from lape.model import ChangeAgent, Snapshot

from ._cfs_helpers import assert_clean, assert_findings, failed, period, snapshot

RULE = "LAPE-C02"

BASE = snapshot(
    """
    actors:
      - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
      - {id: kuopio-sote, name: City of Kuopio social and health services,
         kind: municipal_body, municipalities: [Kuopio]}
      - {id: wellbeing-ps, name: Pohjois-Savon hyvinvointialue,
         kind: wellbeing_services_county, county: PS}
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
FIRST = BASE.change_agents[0]


def _with(*agents: ChangeAgent) -> Snapshot:
    return attrs.evolve(BASE, change_agents=agents)


def _agent(agent_id: str, **changes: Any) -> ChangeAgent:
    return attrs.evolve(FIRST, id=agent_id, name=f"change agent {agent_id}", **changes)


def test_one_stm_agent_in_its_project_area_conforms() -> None:
    """C02: one STM-funded agent of a project area inside its region."""
    assert_clean(BASE, RULE, "2017-06-01")


def test_capital_region_and_rest_of_uusimaa_are_separate_areas() -> None:
    """C02: 'the capital region and the rest of Uusimaa are separate areas'."""
    capital = _agent("capital-agent", region="01", project_area="capital-region")
    uusimaa = _agent("uusimaa-agent", region="01", project_area="uusimaa")
    assert_clean(_with(capital, uusimaa), RULE, "2017-06-01")


def test_two_agents_of_one_area_on_the_same_day_both_fail() -> None:
    """C02: 'at most one per project area at any one time' (one shared day is a clash)."""
    second = _agent("ps-agent-2", employment=period("2018-12-31", "2019-12-31"))
    assert_findings(
        _with(FIRST, second),
        RULE,
        "2018-12-31",
        {failed(RULE, "change_agent", "ps-agent"), failed(RULE, "change_agent", "ps-agent-2")},
    )


def test_successive_agents_of_one_area_conform() -> None:
    """C02: 'at any one time': an agent to 2018-12-31 and one from 2019-01-01 conform."""
    second = _agent("ps-agent-2", employment=period("2019-01-01", "2019-12-31"))
    assert_clean(_with(FIRST, second), RULE, "2018-12-31")
    assert_clean(_with(FIRST, second), RULE, "2019-01-01")


def test_two_capital_region_agents_at_once_fail() -> None:
    """C02: the capital region is one project area; two agents at once clash."""
    one = _agent("capital-1", region="01", project_area="capital-region")
    two = _agent("capital-2", region="01", project_area="capital-region")
    assert_findings(
        _with(one, two),
        RULE,
        "2017-06-01",
        {failed(RULE, "change_agent", "capital-1"), failed(RULE, "change_agent", "capital-2")},
    )


def test_agent_without_project_area_takes_its_region_s_own_area() -> None:
    """C02 with the model (no `project_area`: the region's own area): the two clash."""
    implicit = _agent("ps-agent-2", project_area=None)
    assert_findings(
        _with(FIRST, implicit),
        RULE,
        "2017-06-01",
        {failed(RULE, "change_agent", "ps-agent"), failed(RULE, "change_agent", "ps-agent-2")},
    )


def test_agent_in_aland_is_an_error() -> None:
    """Definitions, change agent's region: 'An agent in Åland ... is an error'."""
    aland = _agent("aland-agent", region="21", project_area=None)
    assert_findings(_with(aland), RULE, "2017-06-01", {failed(RULE, "change_agent", "aland-agent")})


def test_project_area_outside_the_agent_s_region_is_an_error() -> None:
    """Definitions: an agent 'whose project area lies outside its region, is an error'."""
    stray = _agent("stray-agent", project_area="kainuu")
    assert_findings(_with(stray), RULE, "2017-06-01", {failed(RULE, "change_agent", "stray-agent")})


def test_capital_region_agent_of_another_region_is_an_error() -> None:
    """Definitions: the capital region's area lies in Uusimaa, not in Pohjois-Savo."""
    stray = _agent("stray-agent", region="11", project_area="capital-region")
    assert_findings(_with(stray), RULE, "2017-06-01", {failed(RULE, "change_agent", "stray-agent")})


def test_project_area_that_is_none_of_the_19_is_an_error() -> None:
    """C02: an STM-funded agent 'belongs to one of the 19 project areas'."""
    stray = _agent("stray-agent", project_area="atlantis")
    assert_findings(_with(stray), RULE, "2017-06-01", {failed(RULE, "change_agent", "stray-agent")})


def test_agents_not_funded_by_stm_are_not_examined() -> None:
    """C02 is about STM-funded agents; agents the area pays itself are not examined."""
    own = {"salary_payer": "wellbeing-ps", "employment": period("2021-01-01", "2021-12-31")}
    one = _agent("ps-own-1", **own)
    two = _agent("ps-own-2", **own)
    aland = _agent("aland-own", region="21", project_area=None, **own)
    assert_findings(_with(one, two, aland), RULE, "2021-06-01", set())
