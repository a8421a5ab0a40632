"""LAPE-G07: a regional group includes a hospital district with member municipalities in its area.

Written from DOMAIN.md (revision 2): the catalogue row ("info lists the area's
other districts not in the group"), "The group's area" (project areas), the
fact that a region can have more than one hospital district and that some
municipalities belonged to a district centred in another region
(`hospital_district_2020`), and "In effect on the checked day".

Districts of the areas used here (2020 data): the capital region: HUS; the rest
of Uusimaa: HUS and PH (Myrskylä, Pukkila); Etelä-Savo: ES, IS and PK
(Heinävesi); Pohjois-Savo: PS.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, group, period, snapshot

RULE = "LAPE-G07"
DAY = dt.date(2017, 6, 1)
FAILED: Found = (RULE, "group", "reg", "failed", "error")
INFO: Found = (RULE, "group", "reg", "failed", "info")


def district(code: str, **fields: Any) -> dict[str, Any]:
    return actor(f"shp-{code}", "hospital_district", hospital_district=code, **fields)


def regional(area: str, region: str, *actors: dict[str, Any], **fields: Any) -> Any:
    return snapshot(
        actors=actors,
        groups=[
            group(
                "reg",
                "regional",
                region=region,
                project_area=area,
                members=[a["id"] for a in actors],
                **fields,
            )
        ],
    )


def test_capital_region_group_with_hus_conforms() -> None:
    """Row G07: HUS has member municipalities in the capital region (its only district)."""
    expect(regional("capital-region", "01", district("HUS")), DAY, RULE, [], examined=1)


def test_pohjois_savo_group_with_its_district_conforms() -> None:
    """Row G07: Pohjois-Savo's group with the Pohjois-Savo district (the area's only one)."""
    expect(regional("pohjois-savo", "11", district("PS")), DAY, RULE, [], examined=1)


def test_district_without_member_municipalities_in_the_area_fails() -> None:
    """Row G07: Pohjois-Savo's district has no member in the capital region: error, info HUS."""
    expect(regional("capital-region", "01", district("PS")), DAY, RULE, [FAILED, INFO])


def test_group_without_hospital_district_fails() -> None:
    """Row G07: a regional group with no hospital district fails (and the info lists HUS)."""
    other = actor("hus-like", "joint_municipal_authority", municipalities=["091"])
    expect(regional("capital-region", "01", other), DAY, RULE, [FAILED, INFO])


def test_rest_of_uusimaa_with_hus_gets_info_about_ph() -> None:
    """Districts fact: the rest of Uusimaa also has PH's municipalities; the info lists PH."""
    expect(regional("uusimaa", "01", district("HUS")), DAY, RULE, [INFO])


def test_district_centred_in_another_region_counts() -> None:
    """Districts fact: PH (of Päijät-Häme) has members in the rest of Uusimaa, so it counts."""
    expect(regional("uusimaa", "01", district("PH")), DAY, RULE, [INFO])


def test_rest_of_uusimaa_with_both_districts_conforms() -> None:
    """Row G07: with every district of the area there is nothing to list."""
    expect(regional("uusimaa", "01", district("HUS"), district("PH")), DAY, RULE, [], examined=1)


def test_region_with_several_districts_lists_the_others() -> None:
    """Districts fact: Etelä-Savo has ES, IS and PK: ES alone passes with info; all three clean."""
    expect(regional("etela-savo", "10", district("ES")), DAY, RULE, [INFO])
    all_three = regional("etela-savo", "10", district("ES"), district("IS"), district("PK"))
    expect(all_three, DAY, RULE, [], examined=1)


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        (period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)), [INFO]),
        (period(dt.date(2016, 1, 1), DAY), []),
    ],
    ids=["ended-day-before", "ends-on-day"],
)
def test_district_counts_only_in_its_own_period(
    active: dict[str, Any], expected: list[Found]
) -> None:
    """In effect: HUS ended the day before, so the group has PH only (and the info lists HUS)."""
    snap = regional("uusimaa", "01", district("HUS", period=active), district("PH"))
    expect(snap, DAY, RULE, expected, examined=1)


def test_municipal_group_is_not_examined() -> None:
    """Row G07 is about regional groups only."""
    snap = snapshot(groups=[group("kuopio-lape", "municipal", municipality="297")])
    expect(snap, DAY, RULE, [], examined=0)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2015, 12, 31), []),
        (dt.date(2016, 1, 1), [INFO]),
        (dt.date(2018, 12, 31), [INFO]),
        (dt.date(2019, 1, 1), []),
    ],
)
def test_in_force_2016_to_2018(day: dt.date, expected: list[Found]) -> None:
    """Catalogue: the group rules are in force 2016-01-01 .. 2018-12-31 (first and last day)."""
    report = expect(regional("uusimaa", "01", district("HUS")), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
