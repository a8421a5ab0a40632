"""LAPE-G12: a group holds a mandate, decided on or before the checked day, from its own
municipality (municipal group) or region (regional group).

Written from DOMAIN.md (revision 2): the catalogue row, "In effect on the
checked day" (a mandate counts from its decision date on), the seed fact (an
existing group of suitable composition may be given the mandate instead of a
new one) and the lead's readings (a mandate without `decided` is in effect every
day; a merged municipality counts as the municipality it merged into).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, expect, group, period, snapshot

RULE = "LAPE-G12"
DAY = dt.date(2017, 6, 1)
FAILED: Found = (RULE, "group", "g", "failed", "error")
UNKNOWN: Found = (RULE, "group", "g", "unknown", "error")


def municipal(mandate: dict[str, Any] | None, municipality: str = "297", **fields: Any) -> Any:
    if mandate is not None:
        fields["mandate"] = mandate
    return snapshot(groups=[group("g", "municipal", municipality=municipality, **fields)])


def regional(mandate: dict[str, Any] | None, region: str, area: str | None) -> Any:
    fields: dict[str, Any] = {"region": region}
    if area is not None:
        fields["project_area"] = area
    if mandate is not None:
        fields["mandate"] = mandate
    return snapshot(groups=[group("g", "regional", **fields)])


def test_mandate_decided_on_the_checked_day_conforms() -> None:
    """Row G12: a mandate decided on the checked day is held on that day."""
    expect(municipal({"municipality": "297", "decided": DAY}), DAY, RULE, [], examined=1)


def test_mandate_decided_the_day_after_fails() -> None:
    """Row G12 and In effect: a mandate counts from its decision date on, not before."""
    mandate = {"municipality": "297", "decided": DAY + dt.timedelta(days=1)}
    expect(municipal(mandate), DAY, RULE, [FAILED])


def test_group_without_mandate_fails() -> None:
    """Row G12: a group with no mandate fails."""
    expect(municipal(None), DAY, RULE, [FAILED])


def test_mandate_from_another_municipality_fails() -> None:
    """Row G12: the mandate must come from the group's own municipality (not Siilinjärvi)."""
    expect(municipal({"municipality": "749", "decided": DAY}), DAY, RULE, [FAILED])


def test_municipal_group_mandated_by_a_region_fails() -> None:
    """Row G12: a municipal group's mandate comes from its municipality, not its region."""
    expect(municipal({"region": "11", "decided": DAY}), DAY, RULE, [FAILED])


def test_mandate_without_decision_date_is_in_effect() -> None:
    """Lead: anything without a date counts as in effect every day (a mandate without decided)."""
    expect(municipal({"municipality": "297"}), DAY, RULE, [], examined=1)


def test_mandate_without_grantor_is_unknown() -> None:
    """Model: a mandate names its grantor when known; none given is a missing fact, unknown."""
    expect(municipal({"decided": DAY}), DAY, RULE, [UNKNOWN])


def test_mandate_given_to_an_existing_group_counts() -> None:
    """Seed fact: an existing group of suitable composition may be given the mandate."""
    mandate = {"municipality": "297", "decided": DAY, "existing_group": True}
    expect(municipal(mandate), DAY, RULE, [], examined=1)


@pytest.mark.parametrize(
    ("mandate", "expected"),
    [
        ({"region": "11", "decided": DAY}, []),
        ({"region": "10", "decided": DAY}, [FAILED]),
        ({"municipality": "297", "decided": DAY}, [FAILED]),
        ({"region": "11", "decided": DAY + dt.timedelta(days=1)}, [FAILED]),
    ],
    ids=["own-region", "other-region", "a-municipality", "decided-day-after"],
)
def test_regional_group_needs_its_own_regions_mandate(
    mandate: dict[str, Any], expected: list[Found]
) -> None:
    """Row G12: a regional group's mandate comes from its own region, decided by the day."""
    expect(regional(mandate, "11", "pohjois-savo"), DAY, RULE, expected, examined=1)


@pytest.mark.parametrize("area", ["capital-region", "uusimaa"])
def test_both_uusimaa_areas_take_the_mandate_from_uusimaa(area: str) -> None:
    """Row G12: a regional group's mandate is its region's; both Uusimaa areas lie in region 01."""
    expect(regional({"region": "01", "decided": DAY}, "01", area), DAY, RULE, [], examined=1)


def test_merged_municipalitys_group_and_mandate_after_the_merger() -> None:
    """Lead: a Juankoski group mandated by Juankoski in 2016 holds it after the merger."""
    mandate = {"municipality": "174", "decided": dt.date(2016, 5, 2)}
    expect(municipal(mandate, municipality="174"), DAY, RULE, [], examined=1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2016, 12, 31), [FAILED]), (dt.date(2017, 1, 1), [FAILED])],
    ids=["day-before-merger", "merger-day"],
)
def test_mandate_of_a_merged_municipality(day: dt.date, expected: list[Found]) -> None:
    """Row G12 ("from its own municipality"): a mandate Juankoski decided in 2016 was not
    Kuopio's, before the merger or after it (the grantor is read on the decision day)."""
    mandate = {"municipality": "174", "decided": dt.date(2016, 5, 2)}
    expect(municipal(mandate), day, RULE, expected, examined=1)


def test_group_that_ended_the_day_before_is_not_examined() -> None:
    """In effect: a group whose period has ended is left out."""
    ended = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    expect(municipal(None, period=ended), DAY, RULE, [], examined=0)


def test_other_group_kinds_are_not_examined() -> None:
    """Row G12 is about the development groups (municipal and regional)."""
    snap = snapshot(groups=[group("n", "national"), group("p", "reform_preparation", region="11")])
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
    report = expect(municipal(None), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
