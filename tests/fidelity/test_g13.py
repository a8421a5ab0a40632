"""LAPE-G13: a municipal group is linked to the regional group of its own project area.

Written from DOMAIN.md (revision 2): the catalogue row ("a capital-region
municipality to the capital region's group"), "The group's area" ("its own
regional group" uses project areas: the capital region and the rest of Uusimaa
are two), "In effect on the checked day" (a group's period), the file format
(`cooperates_with` is symmetric) and the lead's readings (a regional group
without project_area takes its region's only area; Uusimaa without one: unknown).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, expect, group, period, snapshot

RULE = "LAPE-G13"
DAY = dt.date(2017, 6, 1)
FAILED: Found = (RULE, "group", "mun", "failed", "warning")
UNKNOWN: Found = (RULE, "group", "mun", "unknown", "warning")


def linked(municipality: str, other: dict[str, Any], *, from_other_side: bool = False) -> Any:
    """A municipal group ``mun`` of ``municipality`` linked to the group ``other``."""
    mun = group("mun", "municipal", municipality=municipality)
    if from_other_side:
        other = {**other, "cooperates_with": ["mun"]}
    else:
        mun["cooperates_with"] = [other["id"]]
    return snapshot(groups=[mun, other])


def regional(area: str | None, region: str, **fields: Any) -> dict[str, Any]:
    if area is not None:
        fields["project_area"] = area
    return group("reg", "regional", region=region, **fields)


def test_link_to_its_own_regional_group_conforms() -> None:
    """Row G13: the Kuopio group linked to Pohjois-Savo's regional group."""
    expect(linked("297", regional("pohjois-savo", "11")), DAY, RULE, [], examined=1)


def test_link_named_on_the_regional_side_counts() -> None:
    """File format: cooperates_with is symmetric, naming it on one side is enough."""
    snap = linked("297", regional("pohjois-savo", "11"), from_other_side=True)
    expect(snap, DAY, RULE, [], examined=1)


def test_group_without_link_fails() -> None:
    """Row G13: a municipal group linked to no regional group fails (a warning)."""
    snap = snapshot(groups=[group("mun", "municipal", municipality="297")])
    expect(snap, DAY, RULE, [FAILED])


def test_link_to_another_areas_regional_group_fails() -> None:
    """Row G13: the regional group must be of the group's own project area (not Etelä-Savo's)."""
    expect(linked("297", regional("etela-savo", "10")), DAY, RULE, [FAILED])


@pytest.mark.parametrize(
    ("municipality", "area", "expected"),
    [
        ("091", "capital-region", []),
        ("091", "uusimaa", [FAILED]),
        ("049", "capital-region", []),
        ("638", "uusimaa", []),
        ("638", "capital-region", [FAILED]),
    ],
    ids=[
        "helsinki-capital",
        "helsinki-rest",
        "espoo-capital",
        "porvoo-rest",
        "porvoo-capital",
    ],
)
def test_capital_region_and_rest_of_uusimaa_are_two_areas(
    municipality: str, area: str, expected: list[Found]
) -> None:
    """Row G13: a capital-region municipality links to the capital region's group, others not."""
    expect(linked(municipality, regional(area, "01")), DAY, RULE, expected, examined=1)


def test_regional_group_without_project_area_takes_its_regions_only_area() -> None:
    """Lead: a regional group's project area is its region's only area (Pohjois-Savo)."""
    expect(linked("297", regional(None, "11")), DAY, RULE, [], examined=1)


def test_uusimaa_regional_group_without_project_area_is_unknown() -> None:
    """Lead: an Uusimaa group without project_area has no known area: unknown."""
    expect(linked("091", regional(None, "01")), DAY, RULE, [UNKNOWN])


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        (period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)), [FAILED]),
        (period(dt.date(2016, 1, 1), DAY), []),
        (period(DAY + dt.timedelta(days=1)), [FAILED]),
    ],
    ids=["ended-day-before", "ends-on-day", "starts-day-after"],
)
def test_linked_regional_group_counts_only_in_its_period(
    active: dict[str, Any], expected: list[Found]
) -> None:
    """In effect: a group counts only on the days of its period."""
    expect(
        linked("297", regional("pohjois-savo", "11", period=active)),
        DAY,
        RULE,
        expected,
        examined=1,
    )


@pytest.mark.parametrize("kind", ["reform_preparation", "national"])
def test_link_to_a_group_that_is_not_a_regional_group_fails(kind: str) -> None:
    """Row G13: the link must be to a regional group, not another kind of group of the region."""
    expect(linked("297", group("reg", kind, region="11")), DAY, RULE, [FAILED])


def test_link_between_two_municipal_groups_fails_for_both() -> None:
    """Row G13: a link to a neighbouring municipal group is no link to the regional group."""
    neighbour = group("reg", "municipal", municipality="749")
    expect(
        linked("297", neighbour), DAY, RULE, [FAILED, (RULE, "group", "reg", "failed", "warning")]
    )


def test_regional_groups_are_not_examined() -> None:
    """Row G13 is about municipal groups; a regional group with no link is not its subject."""
    expect(snapshot(groups=[regional("pohjois-savo", "11")]), DAY, RULE, [], examined=0)


def test_municipal_group_not_yet_in_effect_is_not_examined() -> None:
    """In effect: a group that starts the day after is left out."""
    later = group("mun", "municipal", municipality="297", period=period(DAY + dt.timedelta(1)))
    expect(snapshot(groups=[later]), DAY, RULE, [], examined=0)


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
    snap = snapshot(groups=[group("mun", "municipal", municipality="297")])
    report = expect(snap, day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
