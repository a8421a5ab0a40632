"""LAPE-G05: every development group (municipal or regional) has a youth representative.

Written from DOMAIN.md (revision 2): the catalogue row, "Youth representative"
(a youth council covering the group's municipality, or for a regional group one
in its area, own or shared, or an experience expert, in effect on the checked
day; a seat labelled "youth representative" on another kind of actor does not
count), "The group's area" (project areas: the capital region and the rest of
Uusimaa are two) and the lead's readings (an Uusimaa group without a project
area has no known area; a merged municipality counts as its successor).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, group, member, period, snapshot

RULE = "LAPE-G05"
DAY = dt.date(2017, 6, 1)
DAY_BEFORE = DAY - dt.timedelta(days=1)
FAILED: Found = (RULE, "group", "kuopio-lape", "failed", "error")


def council(id: str, *municipalities: str, **fields: Any) -> dict[str, Any]:
    return actor(id, "youth_council", municipalities=municipalities, **fields)


def municipal_group(
    municipality: str, *actors: dict[str, Any], members: Any = None, **fields: Any
) -> Any:
    """A municipal group of ``municipality`` (ID ``kuopio-lape`` for Kuopio) with ``actors``."""
    gid = "kuopio-lape" if municipality == "297" else f"group-{municipality}"
    seats = [a["id"] for a in actors] if members is None else members
    return snapshot(
        actors=actors,
        groups=[group(gid, "municipal", municipality=municipality, members=seats, **fields)],
    )


def test_own_youth_council_conforms() -> None:
    """Youth representative: a youth council covering the group's municipality."""
    expect(municipal_group("297", council("nuva", "297")), DAY, RULE, [], examined=1)


@pytest.mark.parametrize("municipalities", [["837"], []], ids=["from-tampere", "no-area"])
def test_experience_expert_from_anywhere_conforms(municipalities: list[str]) -> None:
    """Youth representative: an experience expert counts (the definition sets no place for one)."""
    expert = actor("expert", "experience_expert", municipalities=municipalities)
    expect(municipal_group("297", expert), DAY, RULE, [], examined=1)


def test_shared_youth_council_conforms_for_each_municipality() -> None:
    """Youth representative: a shared council counts for every municipality it lists."""
    shared = council("shared-nuva", "297", "749")
    expect(municipal_group("749", shared), DAY, RULE, [], examined=1)
    expect(municipal_group("297", shared), DAY, RULE, [])


def test_youth_council_of_another_municipality_fails() -> None:
    """Youth representative: the council must cover the group's municipality (Siilinjärvi's not)."""
    expect(municipal_group("297", council("nuva", "749")), DAY, RULE, [FAILED])


def test_group_without_youth_representative_fails() -> None:
    """Row G05: a municipal group with no youth representative fails."""
    body = actor("kuopio-sote", "municipal_body", municipalities=["297"], sectors=["social_health"])
    expect(municipal_group("297", body), DAY, RULE, [FAILED])


@pytest.mark.parametrize("kind", ["municipal_body", "organisation", "other"])
def test_youth_representative_seat_on_another_kind_does_not_count(kind: str) -> None:
    """Youth representative: that seat label on another kind of actor does not count."""
    adult = actor("youth-services", kind, municipalities=["297"], sectors=["education_youth"])
    members = [member("youth-services", role="youth_representative")]
    expect(municipal_group("297", adult, members=members), DAY, RULE, [FAILED])


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        (period(dt.date(2016, 1, 1), DAY_BEFORE), [FAILED]),
        (period(dt.date(2016, 1, 1), DAY), []),
        (period(DAY), []),
        (period(DAY + dt.timedelta(days=1)), [FAILED]),
    ],
    ids=["ended-day-before", "ends-on-day", "starts-on-day", "starts-day-after"],
)
def test_youth_council_counts_only_in_its_own_period(
    active: dict[str, Any], expected: list[Found]
) -> None:
    """In effect: a youth council's period counts; one that has ended fills no seat."""
    snap = municipal_group("297", council("nuva", "297", period=active))
    expect(snap, DAY, RULE, expected, examined=1)


def test_experience_expert_whose_period_ended_does_not_count() -> None:
    """In effect: an actor whose period ended the day before fills no seat."""
    expert = actor("expert", "experience_expert", period=period(dt.date(2016, 1, 1), DAY_BEFORE))
    expect(municipal_group("297", expert), DAY, RULE, [FAILED])


def test_seat_that_ended_the_day_before_does_not_count() -> None:
    """In effect: a seat's period counts."""
    seat = period(dt.date(2016, 1, 1), DAY_BEFORE)
    members = [member("nuva", role="youth_representative", seat=seat)]
    expect(municipal_group("297", council("nuva", "297"), members=members), DAY, RULE, [FAILED])


def test_youth_council_of_a_merged_municipality_counts_after_the_merger() -> None:
    """Lead: Juankoski (174) counts as Kuopio (297) from the merger on 2017-01-01."""
    expect(
        municipal_group("297", council("nuva", "174")), dt.date(2017, 1, 1), RULE, [], examined=1
    )


def test_youth_council_of_a_merged_municipality_before_the_merger() -> None:
    """Lead: on 2016-12-31 Juankoski's council does not cover Kuopio."""
    snap = municipal_group("297", council("nuva", "174"))
    expect(snap, dt.date(2016, 12, 31), RULE, [FAILED])


def regional(area: str | None, *actors: dict[str, Any], region: str = "01") -> Any:
    fields: dict[str, Any] = {"region": region}
    if area is not None:
        fields["project_area"] = area
    return snapshot(
        actors=actors,
        groups=[group("reg", "regional", members=[a["id"] for a in actors], **fields)],
    )


REGIONAL_FAILED: Found = (RULE, "group", "reg", "failed", "error")
REGIONAL_UNKNOWN: Found = (RULE, "group", "reg", "unknown", "error")


@pytest.mark.parametrize(
    ("area", "municipalities", "expected"),
    [
        ("capital-region", ["049"], []),
        ("capital-region", ["638"], [REGIONAL_FAILED]),
        ("capital-region", ["638", "753"], [REGIONAL_FAILED]),
        ("uusimaa", ["638"], []),
        ("uusimaa", ["091"], [REGIONAL_FAILED]),
        ("uusimaa", ["091", "638"], []),
    ],
    ids=[
        "capital-espoo",
        "capital-porvoo",
        "capital-shared-porvoo-sipoo",
        "rest-porvoo",
        "rest-helsinki",
        "rest-shared-helsinki-porvoo",
    ],
)
def test_regional_group_needs_a_youth_council_in_its_project_area(
    area: str, municipalities: list[str], expected: list[Found]
) -> None:
    """Youth representative: a regional group's council (own or shared) lies in its project area."""
    expect(regional(area, council("nuva", *municipalities)), DAY, RULE, expected, examined=1)


def test_regional_group_without_project_area_takes_its_regions_only_area() -> None:
    """Lead: a regional group's area is its region's only area (Pohjois-Savo)."""
    expect(regional(None, council("nuva", "297"), region="11"), DAY, RULE, [], examined=1)
    expect(regional(None, council("nuva", "837"), region="11"), DAY, RULE, [REGIONAL_FAILED])


def test_uusimaa_group_without_project_area_is_unknown_for_a_youth_council() -> None:
    """Lead: an Uusimaa group without project_area has no known area: its council is unknown."""
    expect(regional(None, council("nuva", "638")), DAY, RULE, [REGIONAL_UNKNOWN])


def test_uusimaa_group_without_project_area_with_an_experience_expert_conforms() -> None:
    """Youth representative: an experience expert needs no area."""
    expect(regional(None, actor("expert", "experience_expert")), DAY, RULE, [], examined=1)


def test_other_group_kinds_are_not_examined() -> None:
    """Row G05: development groups are the municipal and the regional ones."""
    snap = snapshot(
        groups=[
            group("national", "national"),
            group("prep", "reform_preparation", region="11"),
            group("other", "other"),
        ]
    )
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
    report = expect(municipal_group("297"), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
