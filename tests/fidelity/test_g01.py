"""LAPE-G01: a municipal group has a member from its municipality's own social and health sector.

Written from DOMAIN.md (revision 2): the catalogue row, "A municipality's own
sector", "In effect on the checked day" and the lead's reading of G01 (a
municipality or municipal body of the group's municipality with the sector;
for social and health also a joint municipal authority listing the
municipality until 2022; sectors not given on such a body: unknown).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, group, member, period, snapshot

RULE = "LAPE-G01"
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


def sote(id: str = "kuopio-sote", kind: str = "municipal_body", **fields: Any) -> dict[str, Any]:
    fields.setdefault("municipalities", ["297"])
    fields.setdefault("sectors", ["social_health"])
    return actor(id, kind, **fields)


def test_municipal_body_of_the_municipality_in_the_sector_conforms() -> None:
    """Row G01: a municipal body of the group's municipality in social and health fills the seat."""
    expect(kuopio_group(sote()), DAY, RULE, [], examined=1)


def test_the_municipality_itself_with_the_sector_conforms() -> None:
    """Definitions, own sector: a public body of the municipality (here the municipality) counts."""
    expect(kuopio_group(sote("kuopio", kind="municipality")), DAY, RULE, [], examined=1)


def test_group_without_the_sector_fails() -> None:
    """Row G01: a municipal group with no social and health member fails."""
    education = sote("kuopio-sivistys", sectors=["education_youth"])
    expect(kuopio_group(education), DAY, RULE, [FAILED])


@pytest.mark.parametrize("kind", ["organisation", "parish"])
def test_organisation_or_parish_tagged_with_the_sector_does_not_count(kind: str) -> None:
    """Definitions, own sector: an organisation or parish tagged with the sector does not count."""
    expect(kuopio_group(sote("kuopio-x", kind=kind)), DAY, RULE, [FAILED])


def test_body_of_another_municipality_does_not_count() -> None:
    """Definitions, own sector: the body must be of the group's municipality (not Siilinjärvi's)."""
    expect(kuopio_group(sote("siilinjarvi-sote", municipalities=["749"])), DAY, RULE, [FAILED])


def test_sectors_not_given_is_unknown() -> None:
    """Lead's reading of G01: a municipal body of the municipality without sectors is unknown."""
    body = actor("kuopio-x", "municipal_body", municipalities=["297"])
    expect(kuopio_group(body), DAY, RULE, [UNKNOWN])


def test_joint_authority_listing_the_municipality_counts_until_2022() -> None:
    """Definitions, own sector: a joint municipal authority the municipality belongs to counts."""
    jma = sote("ps-jma", kind="joint_municipal_authority", municipalities=["749", "297"])
    expect(kuopio_group(jma), DAY, RULE, [], examined=1)


def test_joint_authority_not_listing_the_municipality_does_not_count() -> None:
    """Definitions, own sector: a joint authority of other municipalities does not count."""
    jma = sote("other-jma", kind="joint_municipal_authority", municipalities=["749", "686"])
    expect(kuopio_group(jma), DAY, RULE, [FAILED])


def test_joint_authority_of_another_sector_does_not_count() -> None:
    """Definitions, own sector: the joint authority must be a body in that sector."""
    jma = sote("edu-jma", kind="joint_municipal_authority", sectors=["education_youth"])
    expect(kuopio_group(jma), DAY, RULE, [FAILED])


def test_actor_whose_period_ended_the_day_before_fills_no_seat() -> None:
    """In effect: an actor whose period has ended fills no seat, whatever the seat says."""
    ended = sote(period=period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)))
    expect(kuopio_group(ended), DAY, RULE, [FAILED])


def test_actor_whose_period_ends_on_the_checked_day_fills_the_seat() -> None:
    """In effect: both ends of a period are in effect (last day of the actor's period)."""
    last_day = sote(period=period(dt.date(2016, 1, 1), DAY))
    expect(kuopio_group(last_day), DAY, RULE, [], examined=1)


@pytest.mark.parametrize(
    ("seat", "expected"),
    [
        (period(DAY), []),
        (period(dt.date(2016, 1, 1), DAY), []),
        (period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)), [FAILED]),
        (period(DAY + dt.timedelta(days=1)), [FAILED]),
    ],
    ids=[
        "seat-starts-on-day",
        "seat-ends-on-day",
        "seat-ended-day-before",
        "seat-starts-day-after",
    ],
)
def test_seat_counts_only_in_its_period(seat: dict[str, Any], expected: list[Found]) -> None:
    """In effect: a seat's period counts, first and last day included."""
    snap = kuopio_group(sote(), members=[member("kuopio-sote", seat=seat)])
    expect(snap, DAY, RULE, expected, examined=1)


def test_group_not_in_effect_is_not_examined() -> None:
    """In effect: a group whose period ended the day before is left out of the group rules."""
    ended = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
    no_sector = sote("kuopio-sivistys", sectors=["education_youth"])
    expect(kuopio_group(no_sector, period=ended), DAY, RULE, [], examined=0)


def test_group_on_its_last_day_is_examined() -> None:
    """In effect: a group is in effect on the last day of its period."""
    last_day = period(dt.date(2016, 1, 1), DAY)
    no_sector = sote("kuopio-sivistys", sectors=["education_youth"])
    expect(kuopio_group(no_sector, period=last_day), DAY, RULE, [FAILED])


def test_regional_group_is_not_examined() -> None:
    """Row G01 is about municipal groups only."""
    snap = snapshot(
        actors=[actor("ps-org", "organisation", municipalities=["297"])],
        groups=[group("ps-lape", "regional", region="11", members=["ps-org"])],
    )
    expect(snap, DAY, RULE, [], examined=0)


def test_body_of_a_merged_municipality_counts_after_the_merger() -> None:
    """Lead: a merged municipality (Juankoski 174 into Kuopio 2017-01-01) counts as Kuopio after."""
    juankoski = sote("juankoski-sote", municipalities=["174"])
    expect(kuopio_group(juankoski), dt.date(2017, 1, 1), RULE, [], examined=1)


def test_body_of_a_merged_municipality_is_another_before_the_merger() -> None:
    """Lead: before the merger (2016-12-31) Juankoski is not Kuopio."""
    juankoski = sote("juankoski-sote", municipalities=["174"])
    expect(kuopio_group(juankoski), dt.date(2016, 12, 31), RULE, [FAILED])


def test_group_of_a_merged_municipality_is_the_successor_after_the_merger() -> None:
    """Lead: a Juankoski group counts as Kuopio's after the merger, so Kuopio's body fills it."""
    snap = snapshot(
        actors=[sote()],
        groups=[group("juankoski-lape", "municipal", municipality="174", members=["kuopio-sote"])],
    )
    expect(snap, dt.date(2017, 6, 1), RULE, [], examined=1)


def test_helsinki_group_with_its_own_body_conforms() -> None:
    """Row G01 for Helsinki (which organises its own services): its own municipal body counts."""
    body = sote("hki-sote", municipalities=["091"])
    snap = snapshot(
        actors=[body],
        groups=[group("hki-lape", "municipal", municipality="091", members=["hki-sote"])],
    )
    expect(snap, DAY, RULE, [], examined=1)


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
    no_sector = sote("kuopio-sivistys", sectors=["education_youth"])
    report = expect(kuopio_group(no_sector), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)
