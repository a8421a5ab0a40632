"""LAPE-S02: IDs are unique within their kind (DOMAIN.md revision 2, Integrity, always
in force).

Written from DOMAIN.md, not from the implementation. Subject: kind = the entity
kind, ID = the duplicated ID (one finding per duplicated ID).
"""

from __future__ import annotations

import pytest

from ._cfs_helpers import assert_clean, assert_findings, failed

RULE = "LAPE-S02"

# Every kind of entity, with IDs shared only ACROSS kinds ("ps" is an actor, a
# group, a change agent, a pool, a grant, a project, a centre, a network and a service).
BASE = """
actors:
  - {id: ps, name: Pohjois-Savo social and health services, kind: municipal_body,
     municipalities: [Kuopio]}
  - {id: other, name: Another actor, kind: organisation}
groups:
  - {id: ps, name: Pohjois-Savo group, kind: regional, region: Pohjois-Savo}
  - {id: other, name: Another group, kind: other}
change_agents:
  - {id: ps, name: Agent, region: Pohjois-Savo, employment: {start: 2016-11-01}}
  - {id: other, name: Another agent, region: Kainuu, employment: {start: 2016-11-01}}
pools:
  - {id: ps, name: Own fund}
  - {id: other, name: Another fund}
projects:
  - {id: ps, name: Project, lead: ps, consortium: [other]}
  - {id: other, name: Another project, lead: other, consortium: [ps]}
grants:
  - {id: ps, pool: ps, recipient: ps, participants: [other], amount: "100.00"}
  - {id: other, pool: other, recipient: other, participants: [ps], amount: "100.00"}
centres:
  - {id: ps, name: Centre, county: PS}
  - {id: other, name: Another centre, county: PS}
networks:
  - id: ps
    name: Network
    county: PS
    services:
      - {id: ps, name: Service, service_type: clinic, provider: ps, target_groups: [children]}
  - id: other
    name: Another network
    county: PS
    services:
      - {id: other, name: Another service, service_type: clinic, provider: other,
         target_groups: [children]}
"""

DUPLICATE = {
    "actor": "  - {id: other, name: Another actor,",
    "group": "  - {id: other, name: Another group,",
    "change_agent": "  - {id: other, name: Another agent,",
    "pool": "  - {id: other, name: Another fund}",
    "project": "  - {id: other, name: Another project,",
    "grant": "  - {id: other, pool: other,",
    "centre": "  - {id: other, name: Another centre,",
    "network": "  - id: other\n    name: Another network",
    "service": "      - {id: other, name: Another service,",
}
"""For each kind, the start of its second entity, whose ID ``other`` becomes ``ps``."""


def test_ids_shared_across_kinds_conform() -> None:
    """S02: 'IDs are unique within their kind': across kinds they may repeat."""
    assert_clean(BASE, RULE, "2017-06-01")


@pytest.mark.parametrize("kind", sorted(DUPLICATE))
def test_two_entities_of_one_kind_with_one_id_fail(kind: str) -> None:
    """S02: 'IDs are unique within their kind': one finding per kind and ID."""
    piece = DUPLICATE[kind]
    assert BASE.count(piece) == 1, piece
    text = BASE.replace(piece, piece.replace("id: other", "id: ps"))
    report = assert_findings(text, RULE, "2017-06-01", {failed(RULE, kind, "ps")})
    assert len(report.findings) == 1, report.findings


def test_an_id_used_three_times_is_one_finding() -> None:
    """S02: 'IDs are unique within their kind': three uses of one ID, one finding."""
    extra = "  - {id: ps, name: A third actor, kind: parish}\ngroups:"
    text = BASE.replace("  - {id: other, name: Another actor,", "  - {id: ps, name: Another,")
    text = text.replace("groups:", extra, 1)
    report = assert_findings(text, RULE, "2017-06-01", {failed(RULE, "actor", "ps")})
    assert len(report.findings) == 1, report.findings
