"""LAPE-G14: a regional group is linked to the region's reform preparation and to the national
programme leadership.

Written from DOMAIN.md (revision 2): the catalogue row, the seed fact ("the
regional group works with those preparing the health and social services reform
for the region and with the programme's national leadership"), "In effect on the
checked day" (a group's period) and the file format (`cooperates_with` is
symmetric).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, expect, group, period, snapshot

RULE = "LAPE-G14"
DAY = dt.date(2017, 6, 1)
FAILED: Found = (RULE, "group", "reg", "failed", "warning")


def prep(region: str = "11", **fields: Any) -> dict[str, Any]:
    return group("prep", "reform_preparation", region=region, **fields)


def national(**fields: Any) -> dict[str, Any]:
    return group("lead", "national", **fields)


def regional_linked(
    *others: dict[str, Any], region: str = "11", area: str = "pohjois-savo", **fields: Any
) -> Any:
    """A regional group ``reg`` naming every group of ``others`` in ``cooperates_with``."""
    reg = group(
        "reg",
        "regional",
        region=region,
        project_area=area,
        cooperates_with=[o["id"] for o in others],
        **fields,
    )
    return snapshot(groups=[reg, *others])


def test_regional_group_linked_to_both_conforms() -> None:
    """Row G14: linked to its region's reform preparation and to the national leadership."""
    expect(regional_linked(prep(), national()), DAY, RULE, [], examined=1)


def test_links_named_on_the_other_side_count() -> None:
    """File format: cooperates_with is symmetric."""
    reg = group("reg", "regional", region="11", project_area="pohjois-savo")
    others = [prep(cooperates_with=["reg"]), national(cooperates_with=["reg"])]
    expect(snapshot(groups=[reg, *others]), DAY, RULE, [], examined=1)


@pytest.mark.parametrize(
    "others",
    [[], [national()], [prep()], [prep(region="10"), national()]],
    ids=["no-links", "national-only", "preparation-only", "other-regions-preparation"],
)
def test_missing_either_link_fails(others: list[dict[str, Any]]) -> None:
    """Row G14: both links are needed, the preparation of the group's own region."""
    expect(regional_linked(*others), DAY, RULE, [FAILED])


@pytest.mark.parametrize("area", ["capital-region", "uusimaa"])
def test_both_uusimaa_areas_link_to_uusimaas_preparation(area: str) -> None:
    """Row G14: the reform preparation is the region's; both Uusimaa areas lie in region 01."""
    snap = regional_linked(prep(region="01"), national(), region="01", area=area)
    expect(snap, DAY, RULE, [], examined=1)


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        (period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)), [FAILED]),
        (period(dt.date(2016, 1, 1), DAY), []),
        (period(DAY), []),
        (period(DAY + dt.timedelta(days=1)), [FAILED]),
    ],
    ids=["ended-day-before", "ends-on-day", "starts-on-day", "starts-day-after"],
)
def test_linked_groups_count_only_in_their_period(
    active: dict[str, Any], expected: list[Found]
) -> None:
    """In effect: a linked group counts only on the days of its period."""
    expect(regional_linked(prep(), national(period=active)), DAY, RULE, expected, examined=1)
    expect(regional_linked(prep(period=active), national()), DAY, RULE, expected)


def test_municipal_group_is_not_examined() -> None:
    """Row G14 is about regional groups only."""
    snap = snapshot(groups=[group("mun", "municipal", municipality="297")])
    expect(snap, DAY, RULE, [], examined=0)


def test_regional_group_that_ended_the_day_before_is_not_examined() -> None:
    """In effect: a group whose period has ended is left out."""
    ended = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    expect(regional_linked(period=ended), DAY, RULE, [], examined=0)


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
    report = expect(regional_linked(national()), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
