"""LAPE-N05: every actor in a network has an identified role (DOMAIN.md; seed 004:
"varje aktörs roll identifieras")."""

from __future__ import annotations

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    found,
    snapshot,
)

RULE = "LAPE-N05"
FAILED = {(RULE, "network", "fc", "failed", "warning")}


def network(*seats: str, actors: str = "") -> str:
    """A Pohjois-Savo family centre led by the county, with the county (its role given)
    and ``seats`` (YAML flow mappings of network members) as its members."""
    listed = "\n".join(f"              - {s}" for s in seats)
    return f"""
        actors: [{actors}]
        networks:
          - id: fc
            name: Kuopio family centre
            county: PS
            centre: ps-keskus
            leads: [ps-hva]
            members:
              - {{actor: ps-hva, role: leads the network; clinics and family services}}
{listed}
        """


def test_every_role_identified_conforms() -> None:
    """'every actor in a network has an identified role'."""
    text = network(
        "{actor: kuopio-sivistys, role: early childhood education and schools}",
        "{actor: kuopio-perheet, role: open meeting place}",
    )
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_first_day_in_force_member_without_role() -> None:
    """'in force 2023-01-01 ..': on its first day, a member without a role."""
    report = check(snapshot(network("{actor: kuopio-sivistys}")), RULE, FIRST_DAY)
    assert found(report, RULE) == FAILED


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    report = check(snapshot(network("{actor: kuopio-sivistys}")), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_two_members_without_role_fail() -> None:
    """'every actor in a network has an identified role': two members lack one."""
    text = network("{actor: kuopio-sivistys}", "{actor: kuopio-perheet}")
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_empty_role_is_not_identified() -> None:
    """'an identified role': an empty text identifies nothing."""
    text = network('{actor: kuopio-sivistys, role: ""}')
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_seat_without_role_ended_the_day_before_is_not_examined() -> None:
    """'a seat's period': a member without a role whose seat ended the day before."""
    seat = "{actor: kuopio-sivistys, period: {start: 2023-01-01, end: 2023-05-31}}"
    assert_nothing_found(check(snapshot(network(seat)), RULE), RULE)


def test_seat_without_role_starting_on_the_checked_day_fails() -> None:
    """'counts only on the days it is in effect': a seat on its first day."""
    seat = "{actor: kuopio-sivistys, period: {start: 2023-06-01}}"
    assert found(check(snapshot(network(seat)), RULE), RULE) == FAILED


def test_actor_ended_the_day_before_is_not_examined() -> None:
    """'An actor whose period has ended fills no seat, whatever the seat says'."""
    closed = (
        "{id: old-board, name: Kuopio family services board (closed), kind: municipal_body,"
        " municipalities: [Kuopio], period: {start: 2017-01-01, end: 2023-05-31}}"
    )
    assert_nothing_found(check(snapshot(network("{actor: old-board}", actors=closed)), RULE), RULE)
