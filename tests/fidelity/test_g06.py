"""LAPE-G06: a regional group has members from its area's municipalities.

Written from DOMAIN.md (revision 2): the catalogue row ("the list valid on the
checked date; info lists the area's municipalities not represented"), "The
group's area" (project areas: the capital region and the rest of Uusimaa are
two), "In effect on the checked day", the seed fact ("Regional group members:
the region's municipalities, ...") and the lead's readings (an Uusimaa group
without project_area has no known area; a merged municipality counts as the
municipality it merged into).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, group, period, run, snapshot

RULE = "LAPE-G06"
DAY = dt.date(2017, 6, 1)
FAILED: Found = (RULE, "group", "reg", "failed", "error")
UNKNOWN: Found = (RULE, "group", "reg", "unknown", "error")
INFO: Found = (RULE, "group", "reg", "failed", "info")
CAPITAL = {"091": "Helsinki", "049": "Espoo", "092": "Vantaa", "235": "Kauniainen"}
# Pohjois-Savo's 18 municipalities from 2017-01-01 (Juankoski, 174, merged into Kuopio).
POHJOIS_SAVO_2017 = [
    *("140", "204", "239", "263", "297", "402", "420", "595", "686"),
    *("687", "749", "762", "778", "844", "857", "915", "921", "925"),
]


def body(code: str, **fields: Any) -> dict[str, Any]:
    return actor(f"body-{code}", "municipal_body", municipalities=[code], **fields)


def regional(codes: list[str], *, area: str | None, region: str = "01", **fields: Any) -> Any:
    """A regional group with one municipal body of each of ``codes``."""
    actors = [body(c) for c in codes]
    place: dict[str, Any] = {"region": region}
    if area is not None:
        place["project_area"] = area
    return snapshot(
        actors=actors,
        groups=[group("reg", "regional", members=[a["id"] for a in actors], **place, **fields)],
    )


def info_message(snap: Any, day: dt.date) -> str:
    report = run(snap, day, RULE)
    (message,) = [f.message for f in report.findings if f.severity.value == "info"]
    return message


def test_group_with_every_municipality_of_its_area_conforms() -> None:
    """Row G06: the capital region's group with Helsinki, Espoo, Vantaa and Kauniainen."""
    expect(regional(list(CAPITAL), area="capital-region"), DAY, RULE, [], examined=1)


def test_the_municipality_itself_counts_as_a_member_from_it() -> None:
    """Seed fact: the region's municipalities are members (as municipalities or their bodies)."""
    actors = [actor(f"m-{c}", "municipality", municipalities=[c]) for c in CAPITAL]
    snap = snapshot(
        actors=actors,
        groups=[
            group(
                "reg",
                "regional",
                region="01",
                project_area="capital-region",
                members=[a["id"] for a in actors],
            )
        ],
    )
    expect(snap, DAY, RULE, [], examined=1)


def test_group_missing_some_municipalities_gets_info_listing_them() -> None:
    """Row G06: info lists the area's municipalities not represented (not an error)."""
    snap = regional(["091"], area="capital-region")
    expect(snap, DAY, RULE, [INFO])
    message = info_message(snap, DAY)
    assert all(name in message for name in ("Espoo", "Vantaa", "Kauniainen"))
    assert "Helsinki" not in message


def test_capital_region_group_with_only_a_rest_of_uusimaa_member_fails() -> None:
    """Row G06: Porvoo is not in the capital region: error, and info listing all four."""
    expect(regional(["638"], area="capital-region"), DAY, RULE, [FAILED, INFO])


def test_capital_region_member_of_the_rest_of_uusimaa_group_does_not_count() -> None:
    """The group's area: Helsinki is not in the rest of Uusimaa, nor in its info list."""
    snap = regional(["091", "638"], area="uusimaa")
    expect(snap, DAY, RULE, [INFO])
    message = info_message(snap, DAY)
    assert "Sipoo" in message
    assert "Helsinki" not in message
    assert "Porvoo" not in message


def test_rest_of_uusimaa_member_of_the_capital_region_group_is_not_listed() -> None:
    """The group's area: the capital region's info lists its own missing municipalities only."""
    snap = regional(["049", "638"], area="capital-region")
    expect(snap, DAY, RULE, [INFO])
    message = info_message(snap, DAY)
    assert all(name in message for name in ("Helsinki", "Vantaa", "Kauniainen"))
    assert "Porvoo" not in message


def test_group_with_no_members_fails() -> None:
    """Row G06: no member from the area is an error, and the info lists every municipality."""
    expect(regional([], area="kainuu", region="18"), DAY, RULE, [FAILED, INFO])


def test_member_whose_period_ended_the_day_before_does_not_represent() -> None:
    """In effect: Helsinki's body, ended the day before, fills no seat; info lists Helsinki."""
    actors = [body(c) for c in CAPITAL if c != "091"]
    actors.append(body("091", period=period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))))
    snap = snapshot(
        actors=actors,
        groups=[
            group(
                "reg",
                "regional",
                region="01",
                project_area="capital-region",
                members=[a["id"] for a in actors],
            )
        ],
    )
    expect(snap, DAY, RULE, [INFO])
    assert "Helsinki" in info_message(snap, DAY)


def test_the_list_valid_on_the_checked_day_after_a_merger() -> None:
    """Row G06: the list valid on 2017-01-01 no longer has Juankoski (merged into Kuopio)."""
    snap = regional(POHJOIS_SAVO_2017, area="pohjois-savo", region="11")
    expect(snap, dt.date(2017, 1, 1), RULE, [], examined=1)


def test_the_list_valid_on_the_day_before_a_merger() -> None:
    """Row G06: the list valid on 2016-12-31 still has Juankoski, so info lists it."""
    snap = regional(POHJOIS_SAVO_2017, area="pohjois-savo", region="11")
    day = dt.date(2016, 12, 31)
    expect(snap, day, RULE, [INFO])
    assert "Juankoski" in info_message(snap, day)


def test_a_merged_municipalitys_body_represents_its_successor() -> None:
    """Lead: after the merger a Juankoski body counts as Kuopio's."""
    codes = [c if c != "297" else "174" for c in POHJOIS_SAVO_2017]
    expect(regional(codes, area="pohjois-savo", region="11"), DAY, RULE, [], examined=1)


def test_regional_group_without_project_area_takes_its_regions_only_area() -> None:
    """Lead: a regional group's area is its region's only area when it names none."""
    expect(regional(POHJOIS_SAVO_2017, area=None, region="11"), DAY, RULE, [], examined=1)


def test_uusimaa_group_without_project_area_is_unknown() -> None:
    """Lead: an Uusimaa group without project_area has no known area (unknown)."""
    expect(regional(list(CAPITAL), area=None), DAY, RULE, [UNKNOWN])


def test_municipal_group_is_not_examined() -> None:
    """Row G06 is about regional groups only."""
    snap = snapshot(groups=[group("kuopio-lape", "municipal", municipality="297")])
    expect(snap, DAY, RULE, [], examined=0)


def test_group_that_ended_the_day_before_is_not_examined() -> None:
    """In effect: a group whose period has ended is left out."""
    ended = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    expect(regional([], area="kainuu", region="18", period=ended), DAY, RULE, [], examined=0)


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
    report = expect(regional(["091"], area="capital-region"), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
