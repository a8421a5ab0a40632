"""LAPE-G15: a member actor belongs to the group's own municipality or project area (or is
national).

Written from DOMAIN.md (revision 2): the catalogue row, "The group's area" (a
municipal group's area is its municipality, a regional group's its project area:
the capital region and the rest of Uusimaa are two; "belongs to the area" uses
project areas and the municipality list valid on the checked day), "In effect on
the checked day", and the lead's choices: one finding per offending member, on
the group, at `groups[i].members[j]`; an actor belongs to an area through its
municipalities if listed, else its county's, else its region's; an actor naming
none of these is unknown; a merged municipality counts as its successor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import lape

from ._groups_helpers import FoundAt, actor, expect_at, group, member, period, snapshot

RULE = "LAPE-G15"
DAY = dt.date(2017, 6, 1)


def at(gid: str, j: int, status: str = "failed", i: int = 0) -> FoundAt:
    """The finding about member ``j`` of group ``i`` (``gid``)."""
    return (RULE, "group", gid, status, "warning", f"groups[{i}].members[{j}]")


def body(id: str, *municipalities: str, **fields: Any) -> dict[str, Any]:
    return actor(id, "municipal_body", municipalities=municipalities, **fields)


def kuopio_group(*actors: dict[str, Any], members: Any = None, **fields: Any) -> Any:
    seats = [a["id"] for a in actors] if members is None else members
    return snapshot(
        actors=actors,
        groups=[group("kuopio-lape", "municipal", municipality="297", members=seats, **fields)],
    )


LOCALS = (
    body("kuopio-sote", "297", sectors=["social_health"]),
    actor("kuopio-srk", "parish", municipalities=["297"]),
    actor("shared-nuva", "youth_council", municipalities=["749", "297"]),
    actor("stm", "ministry", body="stm"),
    actor("thl", "government_agency"),
    actor("mll", "organisation", level="national"),
)


def test_local_and_national_members_conform() -> None:
    """Row G15: members of the group's municipality (a shared council too) and national ones."""
    report = expect_at(kuopio_group(*LOCALS), DAY, RULE, [])
    result = report.result(RULE)
    assert result is not None
    assert result.examined >= 1


def test_member_of_another_municipality_is_reported_at_its_seat() -> None:
    """Row G15: a Siilinjärvi body in the Kuopio group, one finding at its seat."""
    snap = kuopio_group(LOCALS[0], body("siilinjarvi-sote", "749"), LOCALS[1])
    expect_at(snap, DAY, RULE, [at("kuopio-lape", 1)])


def test_one_finding_per_offending_member() -> None:
    """Lead: one finding per offending member (Tampere's and Siilinjärvi's bodies)."""
    snap = kuopio_group(body("tampere", "837"), LOCALS[0], body("siilinjarvi", "749"))
    expect_at(snap, DAY, RULE, [at("kuopio-lape", 0), at("kuopio-lape", 2)])


def test_member_naming_no_area_is_unknown() -> None:
    """Lead: an actor naming no municipality, county or region (and not national) is unknown."""
    snap = kuopio_group(LOCALS[0], actor("somewhere", "organisation"))
    expect_at(snap, DAY, RULE, [at("kuopio-lape", 1, "unknown")])


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        (period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)), []),
        (period(dt.date(2016, 1, 1), DAY), [at("kuopio-lape", 1)]),
    ],
    ids=["ended-day-before", "ends-on-day"],
)
def test_only_actors_in_effect_are_members(active: dict[str, Any], expected: list[FoundAt]) -> None:
    """In effect: an actor whose period ended the day before is no member, so not reported."""
    snap = kuopio_group(LOCALS[0], body("siilinjarvi", "749", period=active))
    expect_at(snap, DAY, RULE, expected)


def test_seat_that_ended_the_day_before_is_not_reported() -> None:
    """In effect: a seat's period counts."""
    seat = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    members = ["kuopio-sote", member("siilinjarvi", seat=seat)]
    snap = kuopio_group(LOCALS[0], body("siilinjarvi", "749"), members=members)
    expect_at(snap, DAY, RULE, [])


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2016, 12, 31), [at("kuopio-lape", 0)]), (dt.date(2017, 1, 1), [])],
    ids=["day-before-merger", "merger-day"],
)
def test_member_of_a_merged_municipality(day: dt.date, expected: list[FoundAt]) -> None:
    """Lead: Juankoski (174) counts as Kuopio from the merger (2017-01-01), not the day before."""
    expect_at(kuopio_group(body("juankoski", "174")), day, RULE, expected)


def regional(area: str | None, region: str, *actors: dict[str, Any]) -> Any:
    fields: dict[str, Any] = {"region": region}
    if area is not None:
        fields["project_area"] = area
    return snapshot(
        actors=actors,
        groups=[group("reg", "regional", members=[a["id"] for a in actors], **fields)],
    )


@pytest.mark.parametrize(
    ("area", "municipality", "expected"),
    [
        ("capital-region", "091", []),
        ("capital-region", "638", [at("reg", 0)]),
        ("uusimaa", "638", []),
        ("uusimaa", "091", [at("reg", 0)]),
    ],
    ids=["capital-helsinki", "capital-porvoo", "rest-porvoo", "rest-helsinki"],
)
def test_capital_region_and_rest_of_uusimaa_are_two_areas(
    area: str, municipality: str, expected: list[FoundAt]
) -> None:
    """The group's area: Porvoo is not in the capital region, Helsinki not in the rest of it."""
    expect_at(regional(area, "01", body("b", municipality)), DAY, RULE, expected)


def test_uusimaa_group_without_project_area_is_unknown() -> None:
    """Lead: an Uusimaa group without project_area has no known area: the group is unknown
    (the missing fact is the group's, so one finding on the group, not one per member)."""
    snap = regional(None, "01", body("porvoo", "638"), actor("stm", "ministry", body="stm"))
    [finding] = lape.check(snap, as_of=DAY, select=[RULE]).findings
    assert (finding.subject.id, finding.status.value, finding.path) == (
        "reg",
        "unknown",
        "groups[0]",
    )
    assert finding.missing == ("project_area",)


def test_aland_member_of_a_mainland_group_does_not_belong() -> None:
    """The group's area: Mariehamn (Åland, no project area) is not in Pohjois-Savo."""
    snap = regional("pohjois-savo", "11", body("kuopio", "297"), body("mariehamn", "478"))
    expect_at(snap, DAY, RULE, [at("reg", 1)])


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"region": "11"}, []),
        ({"region": "06"}, [at("reg", 0)]),
        ({"county": "13"}, []),
        ({"county": "08"}, [at("reg", 0)]),
    ],
    ids=["own-region", "pirkanmaa-region", "own-county", "pirkanmaa-county"],
)
def test_actor_without_municipalities_belongs_through_its_county_or_region(
    fields: dict[str, Any], expected: list[FoundAt]
) -> None:
    """Lead: an actor without municipalities belongs to its county's, else its region's area."""
    snap = regional("pohjois-savo", "11", actor("regional-org", "organisation", **fields))
    expect_at(snap, DAY, RULE, expected)


def test_group_that_ended_the_day_before_is_not_examined() -> None:
    """In effect: a group whose period has ended is left out."""
    ended = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    expect_at(kuopio_group(body("tampere", "837"), period=ended), DAY, RULE, [], examined=0)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2015, 12, 31), []),
        (dt.date(2016, 1, 1), [at("kuopio-lape", 0)]),
        (dt.date(2018, 12, 31), [at("kuopio-lape", 0)]),
        (dt.date(2019, 1, 1), []),
    ],
)
def test_in_force_2016_to_2018(day: dt.date, expected: list[FoundAt]) -> None:
    """Catalogue: the group rules are in force 2016-01-01 .. 2018-12-31 (first and last day)."""
    report = expect_at(kuopio_group(body("tampere", "837")), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
