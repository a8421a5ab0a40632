"""LAPE-G02: a municipal group has a member from its municipality's own education and youth sector.

Written from DOMAIN.md (revision 2): the catalogue row ("a municipal body"),
"A municipality's own sector" (for G02 only a public body of the municipality;
joint authorities count for social and health only), "In effect on the checked
day", and the lead's reading (a municipality or municipal body of the group's
municipality with the sector; sectors not given: unknown).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, group, member, period, snapshot

RULE = "LAPE-G02"
DAY = dt.date(2017, 6, 1)
FAILED: Found = (RULE, "group", "kuopio-lape", "failed", "error")
UNKNOWN: Found = (RULE, "group", "kuopio-lape", "unknown", "error")


def kuopio_group(*actors: dict[str, Any], members: Any = None, **fields: Any) -> Any:
    """A Kuopio municipal group whose members are ``actors`` (or the seats ``members``)."""
    seats = [a["id"] for a in actors] if members is None else members
    return snapshot(
        actors=actors,
        groups=[group("kuopio-lape", "municipal", municipality="297", members=seats, **fields)],
    )


def edu(id: str = "kuopio-sivistys", kind: str = "municipal_body", **fields: Any) -> dict[str, Any]:
    fields.setdefault("municipalities", ["297"])
    fields.setdefault("sectors", ["education_youth"])
    return actor(id, kind, **fields)


def test_municipal_body_of_the_municipality_in_the_sector_conforms() -> None:
    """Row G02: a municipal body of the group's municipality in education and youth counts."""
    expect(kuopio_group(edu()), DAY, RULE, [], examined=1)


def test_body_in_two_sectors_counts() -> None:
    """Row G02: a body whose sectors include education and youth counts."""
    both = edu(sectors=["social_health", "education_youth"])
    expect(kuopio_group(both), DAY, RULE, [], examined=1)


def test_group_without_the_sector_fails() -> None:
    """Row G02: a municipal group with no education and youth member fails."""
    expect(kuopio_group(edu("kuopio-sote", sectors=["social_health"])), DAY, RULE, [FAILED])


@pytest.mark.parametrize(
    "kind", ["organisation", "parish", "educational_institution", "joint_municipal_authority"]
)
def test_only_a_public_body_of_the_municipality_counts(kind: str) -> None:
    """Own sector, G02: only a municipal body; not a tagged organisation, parish, school or JMA."""
    expect(kuopio_group(edu("kuopio-x", kind=kind)), DAY, RULE, [FAILED])


def test_body_of_another_municipality_does_not_count() -> None:
    """Definitions, own sector: the body must be of the group's municipality."""
    expect(kuopio_group(edu("siilinjarvi-x", municipalities=["749"])), DAY, RULE, [FAILED])


def test_sectors_not_given_is_unknown() -> None:
    """Lead's G01/G02 reading: the municipality's body without sectors given is unknown."""
    body = actor("kuopio-x", "municipal_body", municipalities=["297"])
    expect(kuopio_group(body), DAY, RULE, [UNKNOWN])


def test_actor_whose_period_ended_the_day_before_fills_no_seat() -> None:
    """In effect: an actor whose period has ended fills no seat, whatever the seat says."""
    ended = edu(period=period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)))
    expect(kuopio_group(ended), DAY, RULE, [FAILED])


def test_actor_starting_on_the_checked_day_fills_the_seat() -> None:
    """In effect: an actor is in effect from the first day of its period."""
    expect(kuopio_group(edu(period=period(DAY))), DAY, RULE, [], examined=1)


@pytest.mark.parametrize(
    ("seat", "expected"),
    [
        (period(dt.date(2016, 1, 1), DAY), []),
        (period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)), [FAILED]),
    ],
    ids=["seat-ends-on-day", "seat-ended-day-before"],
)
def test_seat_counts_only_in_its_period(seat: dict[str, Any], expected: list[Found]) -> None:
    """In effect: a seat's period counts, its last day included."""
    snap = kuopio_group(edu(), members=[member("kuopio-sivistys", seat=seat)])
    expect(snap, DAY, RULE, expected, examined=1)


def eurajoki_group(body_municipality: str) -> Any:
    body = edu("body", municipalities=[body_municipality])
    return snapshot(
        actors=[body],
        groups=[group("eurajoki-lape", "municipal", municipality="051", members=["body"])],
    )


def test_body_of_a_merged_municipality_counts_from_the_merger() -> None:
    """Lead: Luvia (442) merged into Eurajoki (051) on 2017-01-01; counts as Eurajoki from then."""
    expect(eurajoki_group("442"), dt.date(2017, 1, 1), RULE, [], examined=1)


def test_body_of_a_merged_municipality_is_another_the_day_before() -> None:
    """Lead: on 2016-12-31 Luvia is still its own municipality, not Eurajoki."""
    failed = (RULE, "group", "eurajoki-lape", "failed", "error")
    expect(eurajoki_group("442"), dt.date(2016, 12, 31), RULE, [failed])


def test_group_not_in_effect_is_not_examined() -> None:
    """In effect: a group that starts the day after the checked day is left out."""
    later = period(DAY + dt.timedelta(days=1))
    expect(kuopio_group(edu("x", sectors=[]), period=later), DAY, RULE, [], examined=0)


def test_regional_group_is_not_examined() -> None:
    """Row G02 is about municipal groups only."""
    snap = snapshot(groups=[group("ps-lape", "regional", region="11")])
    expect(snap, DAY, RULE, [], examined=0)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2015, 12, 31), []),
        (dt.date(2016, 1, 1), [FAILED]),
        (dt.date(2018, 12, 31), [FAILED]),
        (dt.date(2019, 1, 1), []),
    ],
)
def test_in_force_2016_to_2018(day: dt.date, expected: list[Found]) -> None:
    """Catalogue: the group rules are in force 2016-01-01 .. 2018-12-31 (first and last day)."""
    report = expect(kuopio_group(edu(sectors=["social_health"])), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
