"""LAPE-G08: a regional group has at least one organisation.

Written from DOMAIN.md (revision 2): the catalogue row, the seed fact
("Regional group members: the region's municipalities, hospital district,
organisations, educational institutions, competence centres, parishes, and a
youth representative") and "In effect on the checked day" (an actor whose
period has ended fills no seat).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, group, member, period, snapshot

RULE = "LAPE-G08"
DAY = dt.date(2017, 6, 1)
FAILED: Found = (RULE, "group", "ps-lape", "failed", "error")
OTHERS = [
    actor("kuopio", "municipality", municipalities=["297"]),
    actor("ps-shp", "hospital_district", hospital_district="PS"),
]


def regional_group(*actors: dict[str, Any], members: Any = None, **fields: Any) -> Any:
    """Pohjois-Savo's regional group of a municipality, a hospital district and ``actors``."""
    everyone = [*OTHERS, *actors]
    seats = [a["id"] for a in everyone] if members is None else members
    return snapshot(
        actors=everyone,
        groups=[
            group(
                "ps-lape",
                "regional",
                region="11",
                project_area="pohjois-savo",
                members=seats,
                **fields,
            )
        ],
    )


def organisation(**fields: Any) -> dict[str, Any]:
    fields.setdefault("municipalities", ["297"])
    return actor("the-organisation", "organisation", **fields)


def test_group_with_organisation_conforms() -> None:
    """Row G08: a regional group with one organisation conforms."""
    expect(regional_group(organisation()), DAY, RULE, [], examined=1)


def test_group_without_organisation_fails() -> None:
    """Row G08: a regional group with no organisation fails."""
    expect(regional_group(), DAY, RULE, [FAILED])


def test_organisation_from_another_region_still_counts() -> None:
    """Row G08 asks for an organisation only; where it belongs is G15's business."""
    expect(regional_group(organisation(municipalities=["837"])), DAY, RULE, [], examined=1)


@pytest.mark.parametrize("kind", ["parish", "company"])
def test_other_kinds_do_not_count(kind: str) -> None:
    """Row G08: only an organisation counts, not another kind of actor tagged civil society."""
    other = actor("the-other", kind, municipalities=["297"], sectors=["civil_society"])
    expect(regional_group(other), DAY, RULE, [FAILED])


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
def test_organisation_counts_only_in_its_own_period(
    active: dict[str, Any], expected: list[Found]
) -> None:
    """In effect: an actor whose period has ended (or not begun) fills no seat."""
    expect(regional_group(organisation(period=active)), DAY, RULE, expected, examined=1)


def test_seat_that_ended_the_day_before_does_not_count() -> None:
    """In effect: a seat counts only in its own period."""
    seat = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    members = ["kuopio", "ps-shp", member("the-organisation", seat=seat)]
    expect(regional_group(organisation(), members=members), DAY, RULE, [FAILED])


def test_group_that_ended_the_day_before_is_not_examined() -> None:
    """In effect: a group whose period has ended is left out of the group rules."""
    ended = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    expect(regional_group(period=ended), DAY, RULE, [], examined=0)


def test_municipal_group_is_not_examined() -> None:
    """Row G08 is about regional groups only (G03 asks the same of municipal groups)."""
    snap = snapshot(groups=[group("kuopio-lape", "municipal", municipality="297")])
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
    report = expect(regional_group(), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
