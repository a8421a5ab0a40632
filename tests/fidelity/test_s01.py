"""LAPE-S01: every reference points to an existing entity (DOMAIN.md revision 2,
Integrity, always in force).

Written from DOMAIN.md, not from the implementation. Subject: the referring entity
(a service for its provider; the network for its interfaces, members, leads,
centre and coordination links, which are not entities of their own). IDs are
unique within their kind, so a reference finds only an entity of the kind it names.
"""

from __future__ import annotations

import pytest

from ._cfs_helpers import assert_clean, assert_findings, failed

RULE = "LAPE-S01"

# Every kind of reference once, each pointing to an existing entity. A grant may
# name a reference pool (lape-regional-2016) that ships with lape, not in the file.
BASE = """
actors:
  - {id: kuopio-sote, name: Kuopio social and health services, kind: municipal_body,
     municipalities: [Kuopio]}
  - {id: kuopio-nuva, name: Kuopio youth council, kind: youth_council, municipalities: [Kuopio],
     period: {start: 2016-01-01, end: 2017-05-31}}
  - {id: ps-nuva, name: Pohjois-Savo county youth council, kind: county_youth_council,
     county: PS, composed_of: [kuopio-nuva]}
  - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
  - {id: wellbeing-ps, name: Pohjois-Savon hyvinvointialue, kind: wellbeing_services_county,
     county: PS}
groups:
  - id: ps-lape
    name: Pohjois-Savo regional LAPE group
    kind: regional
    region: Pohjois-Savo
    members: [{actor: kuopio-sote}, {actor: kuopio-nuva}]
  - id: kuopio-lape
    name: Kuopio LAPE group
    kind: municipal
    municipality: Kuopio
    members: [{actor: kuopio-sote}]
    cooperates_with: [ps-lape]
change_agents:
  - {id: ps-agent, name: Change agent, region: Pohjois-Savo, employer: kuopio-sote,
     salary_payer: stm, pool: own-fund, employment: {start: 2016-11-01, end: 2018-12-31}}
pools:
  - {id: own-fund, name: Own fund, payer: kuopio-sote}
projects:
  - {id: ps-project, name: Pohjois-Savo project, lead: kuopio-sote, consortium: [stm]}
grants:
  - {id: ps-2017, pool: lape-regional-2016, recipient: kuopio-sote, participants: [stm],
     project: ps-project, amount: "962400.00"}
centres:
  - {id: ps-centre, name: Pohjois-Savo social and health centre, county: PS}
networks:
  - id: ps-family-centre
    name: Pohjois-Savo family centre
    county: PS
    centre: ps-centre
    leads: [wellbeing-ps]
    members: [{actor: wellbeing-ps}, {actor: kuopio-sote}]
    services:
      - {id: kuopio-school, name: Schools, service_type: school, provider: kuopio-sote,
         target_groups: [children], responsibility: [municipality], municipality: Kuopio}
      - {id: ps-welfare, name: Student welfare, service_type: student_welfare,
         provider: wellbeing-ps, target_groups: [children], responsibility: [county]}
    interfaces:
      - {target_group: children, municipality: Kuopio, county: PS,
         municipal_services: [kuopio-school], county_services: [ps-welfare]}
      - {service: ps-welfare}
    coordination:
      - {actors: [wellbeing-ps, kuopio-sote]}
"""


def test_every_reference_resolves() -> None:
    """S01: 'every reference points to an existing entity'."""
    assert_clean(BASE, RULE, "2023-06-01")


BROKEN = {
    "actor.composed_of": ("composed_of: [kuopio-nuva]", "actor", "ps-nuva"),
    "group.members.actor": ("{actor: kuopio-nuva}]", "group", "ps-lape"),
    "group.cooperates_with": ("cooperates_with: [ps-lape]", "group", "kuopio-lape"),
    "change_agent.employer": ("employer: kuopio-sote,", "change_agent", "ps-agent"),
    "change_agent.salary_payer": ("salary_payer: stm,", "change_agent", "ps-agent"),
    "change_agent.pool": ("pool: own-fund,", "change_agent", "ps-agent"),
    "pool.payer": ("payer: kuopio-sote}", "pool", "own-fund"),
    "grant.pool": ("pool: lape-regional-2016,", "grant", "ps-2017"),
    "grant.recipient": ("recipient: kuopio-sote,", "grant", "ps-2017"),
    "grant.participants": ("participants: [stm]", "grant", "ps-2017"),
    "grant.project": ("project: ps-project,", "grant", "ps-2017"),
    "project.lead": ("lead: kuopio-sote,", "project", "ps-project"),
    "project.consortium": ("consortium: [stm]", "project", "ps-project"),
    "network.centre": ("centre: ps-centre", "network", "ps-family-centre"),
    "network.leads": ("leads: [wellbeing-ps]", "network", "ps-family-centre"),
    "network.members.actor": ("{actor: kuopio-sote}]\n    serv", "network", "ps-family-centre"),
    "service.provider": ("provider: kuopio-sote,", "service", "kuopio-school"),
    "interface.municipal_services": ("[kuopio-school], ", "network", "ps-family-centre"),
    "interface.county_services": ("[ps-welfare]}", "network", "ps-family-centre"),
    "interface.service": ("{service: ps-welfare}", "network", "ps-family-centre"),
    "coordination.actors": ("kuopio-sote]}\n", "network", "ps-family-centre"),
}
"""Each reference to break: a piece of BASE that holds it (found once), the kind and ID
of the referring entity."""

TARGETS = (
    "kuopio-nuva",
    "ps-lape",
    "kuopio-sote",
    "stm",
    "own-fund",
    "lape-regional-2016",
    "ps-project",
    "ps-centre",
    "wellbeing-ps",
    "kuopio-school",
    "ps-welfare",
)
"""The IDs the pieces of BROKEN refer to."""


def _broken(piece: str) -> str:
    """``piece`` with the ID it refers to replaced by ``ghost``, an ID no entity has."""
    target = next(t for t in TARGETS if t in piece)
    return piece.replace(target, "ghost", 1)


@pytest.mark.parametrize("where", sorted(BROKEN))
def test_reference_to_a_missing_entity_fails(where: str) -> None:
    """S01: a reference to no entity fails; the subject is the referring entity."""
    piece, kind, subject = BROKEN[where]
    assert BASE.count(piece) == 1, piece
    text = BASE.replace(piece, _broken(piece))
    assert_findings(text, RULE, "2023-06-01", {failed(RULE, kind, subject)})


def test_reference_to_an_entity_of_another_kind_fails() -> None:
    """S01 with S02 ('IDs are unique within their kind'): a group is not an actor."""
    text = BASE.replace("{actor: kuopio-nuva}]", "{actor: kuopio-lape}]")
    assert_findings(text, RULE, "2023-06-01", {failed(RULE, "group", "ps-lape")})


def test_dangling_references_are_reported_per_referring_entity() -> None:
    """S01: 'every reference': each referring entity is reported."""
    text = BASE.replace("recipient: kuopio-sote,", "recipient: ghost,").replace(
        "provider: wellbeing-ps,", "provider: ghost,"
    )
    assert_findings(
        text,
        RULE,
        "2016-01-01",
        {failed(RULE, "grant", "ps-2017"), failed(RULE, "service", "ps-welfare")},
    )
