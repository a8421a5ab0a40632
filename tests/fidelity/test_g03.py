"""LAPE-G03: a municipal group has at least one organisation.

Written from DOMAIN.md (revision 2): the catalogue row, the seed fact
("Municipal group members: ... central organisations and parishes") and
"In effect on the checked day" (an actor whose period has ended fills no seat).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, group, member, period, snapshot

RULE = "LAPE-G03"
DAY = dt.date(2017, 6, 1)
FAILED: Found = (RULE, "group", "kuopio-lape", "failed", "error")
OTHERS = [
    actor("kuopio-sote", "municipal_body", municipalities=["297"], sectors=["social_health"]),
    actor("kuopio-srk", "parish", municipalities=["297"]),
]


def kuopio_group(*actors: dict[str, Any], members: Any = None, **fields: Any) -> Any:
    """A Kuopio municipal group of a municipal body, a parish and ``actors``."""
    everyone = [*OTHERS, *actors]
    seats = [a["id"] for a in everyone] if members is None else members
    return snapshot(
        actors=everyone,
        groups=[group("kuopio-lape", "municipal", municipality="297", members=seats, **fields)],
    )


def org(**fields: Any) -> dict[str, Any]:
    fields.setdefault("municipalities", ["297"])
    return actor("kuopio-ry", "organisation", **fields)


def test_group_with_an_organisation_conforms() -> None:
    """Row G03: a municipal group with one organisation conforms."""
    expect(kuopio_group(org()), DAY, RULE, [], examined=1)


def test_group_without_an_organisation_fails() -> None:
    """Row G03: a municipal group with no organisation fails."""
    expect(kuopio_group(), DAY, RULE, [FAILED])


def test_organisation_from_elsewhere_still_counts() -> None:
    """Row G03 asks for an organisation only; where it belongs is G15's business."""
    expect(kuopio_group(org(municipalities=["837"])), DAY, RULE, [], examined=1)


@pytest.mark.parametrize("kind", ["parish", "company", "municipal_body"])
def test_other_kinds_are_not_organisations(kind: str) -> None:
    """Row G03: only an organisation (NGO) counts, even one tagged civil society."""
    other = actor("kuopio-x", kind, municipalities=["297"], sectors=["civil_society"])
    expect(kuopio_group(other), DAY, RULE, [FAILED])


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
    expect(kuopio_group(org(period=active)), DAY, RULE, expected, examined=1)


def test_seat_that_ended_the_day_before_does_not_count() -> None:
    """In effect: a seat counts only in its own period."""
    seat = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    members = ["kuopio-sote", "kuopio-srk", member("kuopio-ry", seat=seat)]
    expect(kuopio_group(org(), members=members), DAY, RULE, [FAILED])


def test_group_that_ended_the_day_before_is_not_examined() -> None:
    """In effect: a group whose period has ended is left out of the group rules."""
    ended = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    expect(kuopio_group(period=ended), DAY, RULE, [], examined=0)


def test_regional_group_is_not_examined() -> None:
    """Row G03 is about municipal groups only (G08 asks the same of regional groups)."""
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
    report = expect(kuopio_group(), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
