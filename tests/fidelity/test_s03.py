"""LAPE-S03: every period ends on or after its start (DOMAIN.md revision 2, Integrity,
always in force).

Written from DOMAIN.md, not from the implementation. Subject: the entity owning the
inverted period (the group for a seat's period, the network for a member's period).
"""

from __future__ import annotations

import pytest

from ._cfs_helpers import assert_clean, assert_findings, failed

RULE = "LAPE-S03"

# Every kind of period once, each a single day (it ends on its start): day N of
# January 2017 marks the N-th period, so that each can be found and broken alone.
BASE = """
actors:
  - {id: kuopio-sote, name: Kuopio social and health services, kind: municipal_body,
     period: {start: 2017-01-01, end: 2017-01-01}}
groups:
  - id: kuopio-lape
    name: Kuopio LAPE group
    kind: municipal
    municipality: Kuopio
    members: [{actor: kuopio-sote, period: {start: 2017-01-02, end: 2017-01-02}}]
    period: {start: 2017-01-03, end: 2017-01-03}
change_agents:
  - {id: ps-agent, name: Change agent, region: Pohjois-Savo,
     employment: {start: 2017-01-04, end: 2017-01-04}}
pools:
  - {id: own-fund, name: Own fund, call: {start: 2017-01-05, end: 2017-01-05},
     costs: {start: 2017-01-06, end: 2017-01-06}}
grants:
  - {id: g1, pool: own-fund, recipient: kuopio-sote, amount: "100.00",
     costs: {start: 2017-01-07, end: 2017-01-07}}
projects:
  - {id: ps-project, name: Project, lead: kuopio-sote,
     period: {start: 2017-01-08, end: 2017-01-08}}
networks:
  - id: ps-family-centre
    name: Family centre
    members: [{actor: kuopio-sote, period: {start: 2017-01-09, end: 2017-01-09}}]
    period: {start: 2017-01-10, end: 2017-01-10}
"""

OWNERS = {
    "actor.period": (1, "actor", "kuopio-sote"),
    "group.members.period": (2, "group", "kuopio-lape"),
    "group.period": (3, "group", "kuopio-lape"),
    "change_agent.employment": (4, "change_agent", "ps-agent"),
    "pool.call": (5, "pool", "own-fund"),
    "pool.costs": (6, "pool", "own-fund"),
    "grant.costs": (7, "grant", "g1"),
    "project.period": (8, "project", "ps-project"),
    "network.members.period": (9, "network", "ps-family-centre"),
    "network.period": (10, "network", "ps-family-centre"),
}
"""Each period: its day in January 2017 in BASE, and the kind and ID of its owner."""


def _invert(text: str, n: int) -> str:
    """``text`` with the N-th period ending the day before it starts (on 2016-12-31 for
    the 1st, on January N-1 otherwise)."""
    piece = f"{{start: 2017-01-{n:02}, end: 2017-01-{n:02}}}"
    assert text.count(piece) == 1, piece
    before = "2016-12-31" if n == 1 else f"2017-01-{n - 1:02}"
    return text.replace(piece, f"{{start: 2017-01-{n:02}, end: {before}}}")


def test_periods_ending_on_their_start_day_conform() -> None:
    """S03: 'every period ends ON or after its start' (one-day periods)."""
    assert_clean(BASE, RULE, "2017-06-01")


@pytest.mark.parametrize("where", sorted(OWNERS))
def test_period_ending_the_day_before_it_starts_fails(where: str) -> None:
    """S03: a period ending the day before its start fails; subject: its owner."""
    n, kind, subject = OWNERS[where]
    assert_findings(_invert(BASE, n), RULE, "2017-06-01", {failed(RULE, kind, subject)})


def test_inverted_periods_of_two_entities_give_a_finding_each() -> None:
    """S03: 'every period': two owners of inverted periods, two findings."""
    text = _invert(_invert(BASE, 7), 1)
    assert_findings(
        text,
        RULE,
        "2016-01-01",
        {failed(RULE, "grant", "g1"), failed(RULE, "actor", "kuopio-sote")},
    )
