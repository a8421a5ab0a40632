"""LAPE-F04: grants from the programme's start-up pools fall in 2016-2017 (other
programmes' start-up pools are not examined) (DOMAIN.md revision 2; "LAPE pools" in
its Definitions).

Written from DOMAIN.md, not from the implementation. Subject: the grant.
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
)

RULE = "LAPE-F04"

ACTORS = """
    actors:
      - {id: varkaus-sote, name: City of Varkaus social and health services,
         kind: municipal_body, municipalities: [Varkaus]}
      - {id: varkaus-perheet, name: Varkauden perheyhdistys, kind: organisation,
         municipalities: [Varkaus]}
    """

BASE = snapshot(
    ACTORS
    + """
    grants:
      - {id: varkaus-trial, pool: lape-startup-2016, recipient: varkaus-sote,
         participants: [varkaus-perheet], amount: "40000.00", decided: 2016-03-01,
         target_groups: [families], costs: {start: 2016-01-01, end: 2017-12-31}}
    """
)
FAILED = failed(RULE, "grant", "varkaus-trial")


def test_start_up_grant_covering_2016_2017_conforms() -> None:
    """F04: start-up grants 'fall in 2016-2017' (2016-01-01..2017-12-31)."""
    assert_clean(BASE, RULE, "2016-03-01")
    assert_clean(BASE, RULE, "2017-12-31")


@pytest.mark.parametrize(
    ("start", "end", "day"),
    [
        ("2015-12-31", "2016-12-31", "2016-01-01"),
        ("2017-01-01", "2018-01-01", "2017-06-01"),
    ],
    ids=["starts-in-2015", "ends-in-2018"],
)
def test_start_up_grant_reaching_outside_2016_2017_fails(start: str, end: str, day: str) -> None:
    """F04: a start-up grant a day outside 2016-2017 fails."""
    snap = evolve_at(BASE, "grants", costs=period(start, end), decided=period(start).start)
    assert_findings(snap, RULE, day, {FAILED})


OWN_POOL = (
    ACTORS
    + """
    pools:
      - {id: city-startup, name: City start-up grants, kind: start_up_grant,
         programme: PROGRAMME, amount: "100000.00", payer: varkaus-sote,
         costs: {start: YEAR-01-01, end: YEAR-12-31}}
    grants:
      - {id: city-trial, pool: city-startup, recipient: varkaus-sote,
         participants: [varkaus-perheet], amount: "10000.00", decided: YEAR-01-15,
         target_groups: [families], costs: {start: YEAR-02-01, end: YEAR-12-31}}
    """
)


def test_user_s_own_lape_start_up_pool_in_2018_fails() -> None:
    """F04 and Definitions, LAPE pools: a user's own LAPE start-up pool is examined."""
    text = OWN_POOL.replace("PROGRAMME", "lape").replace("YEAR", "2018")
    assert_findings(text, RULE, "2018-06-01", {failed(RULE, "grant", "city-trial")})


def test_another_programme_s_start_up_pool_is_not_examined() -> None:
    """F04: 'other programmes' start-up pools are not examined'."""
    text = OWN_POOL.replace("PROGRAMME", "other").replace("YEAR", "2024")
    assert rows(run(text, RULE, "2024-06-01"), RULE) == set()


def test_state_subsidy_after_2017_is_not_a_start_up_grant() -> None:
    """F04 is about the programme's START-UP pools only."""
    snap = evolve_at(
        BASE,
        "grants",
        pool="lape-regional-2016",
        decided=period("2016-12-22").start,
        costs=period("2017-01-01", "2018-12-31"),
    )
    assert_findings(snap, RULE, "2018-06-01", set())
