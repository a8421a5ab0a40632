"""LAPE-Y02: from 2023-01-01 a county youth council has at least one member from the youth
council of each of the county's municipalities (Act 611/2021 s. 32).

Written from DOMAIN.md (revision 2): the catalogue row, the glossary (one youth
council may serve several municipalities; from 2023 each county also has a
county youth council), "In effect on the checked day" (a youth council's
period), and the lead's choices: the subject is the county youth council actor;
a merged municipality counts as the one it merged into. The municipal councils
that send members are the county youth council's `composed_of`
(docs/file-format.md).

Counties used: Vantaa-Kerava (04: Vantaa 092, Kerava 245), the smallest, half
in the capital region and half in the rest of Uusimaa; Etelä-Savo (12), where
Pertunmaa (588) merged into Mäntyharju (507) on 2025-01-01.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, period, snapshot

RULE = "LAPE-Y02"
DAY = dt.date(2023, 1, 1)
FAILED: Found = (RULE, "actor", "anv", "failed", "error")
ETELA_SAVO = ["046", "097", "178", "213", "491", "507", "588", "593", "623", "681", "740", "768"]


def council(id: str, *municipalities: str, kind: str = "youth_council", **fields: Any) -> Any:
    return actor(id, kind, municipalities=municipalities, **fields)


def county_council(county: str | None, *councils: dict[str, Any], **fields: Any) -> Any:
    """The county youth council ``anv`` composed of ``councils``."""
    if county is not None:
        fields["county"] = county
    anv = actor("anv", "county_youth_council", composed_of=[c["id"] for c in councils], **fields)
    return snapshot(actors=[anv, *councils])


VANTAA = council("vantaa-nuva", "092")
KERAVA = council("kerava-nuva", "245")


def test_member_from_each_municipalitys_council_conforms_on_the_first_day() -> None:
    """Row Y02: from 2023-01-01, Vantaa's and Kerava's councils both send members."""
    expect(county_council("04", VANTAA, KERAVA), DAY, RULE, [], examined=1)


def test_county_given_by_short_id_is_the_same_county() -> None:
    """File format: a county may be given by its short ID (VK)."""
    expect(county_council("VK", VANTAA, KERAVA), DAY, RULE, [], examined=1)


def test_municipality_without_a_member_fails() -> None:
    """Row Y02: Kerava's council sends no member, so the county youth council fails."""
    expect(county_council("04", VANTAA), DAY, RULE, [FAILED])


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2022, 12, 31), []), (dt.date(2023, 1, 1), [FAILED])],
    ids=["day-before", "first-day"],
)
def test_in_force_from_2023(day: dt.date, expected: list[Found]) -> None:
    """Row Y02: in force from 2023-01-01."""
    report = expect(county_council("04", VANTAA), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)


def test_shared_council_serves_each_municipality_it_lists() -> None:
    """Glossary: one council may serve several municipalities (here both of the county's)."""
    shared = council("shared", "092", "245")
    expect(county_council("04", shared), DAY, RULE, [], examined=1)


def test_members_from_other_counties_do_not_count_but_do_no_harm() -> None:
    """Row Y02: a Helsinki council (Helsinki is no part of Vantaa-Kerava) fills neither seat."""
    helsinki = council("hki-nuva", "091")
    expect(county_council("04", VANTAA, helsinki), DAY, RULE, [FAILED])
    expect(county_council("04", VANTAA, KERAVA, helsinki), DAY, RULE, [], examined=1)


@pytest.mark.parametrize("kind", ["municipal_body", "organisation"])
def test_member_from_another_body_is_not_from_the_youth_council(kind: str) -> None:
    """Row Y02: the member comes from the municipality's youth council, not another body."""
    other = council("kerava-x", "245", kind=kind)
    expect(county_council("04", VANTAA, other), DAY, RULE, [FAILED])


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        (period(dt.date(2021, 1, 1), DAY - dt.timedelta(days=1)), [FAILED]),
        (period(dt.date(2021, 1, 1), DAY), []),
        (period(DAY), []),
        (period(DAY + dt.timedelta(days=1)), [FAILED]),
    ],
    ids=["ended-day-before", "ends-on-day", "starts-on-day", "starts-day-after"],
)
def test_municipal_council_counts_only_in_its_period(
    active: dict[str, Any], expected: list[Found]
) -> None:
    """In effect: a youth council counts only on the days of its period."""
    kerava = council("kerava-nuva", "245", period=active)
    expect(county_council("04", VANTAA, kerava), DAY, RULE, expected, examined=1)


def test_county_youth_council_not_in_effect_is_not_examined() -> None:
    """In effect: a county youth council that starts the day after is left out."""
    snap = county_council("04", VANTAA, period=period(DAY + dt.timedelta(days=1)))
    expect(snap, DAY, RULE, [], examined=0)


def test_county_youth_council_without_county_is_unknown() -> None:
    """File format: a rule needing a fact not given (the county) reports it as unknown."""
    expect(county_council(None, VANTAA, KERAVA), DAY, RULE, [(*FAILED[:3], "unknown", "error")])


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2024, 12, 31), [FAILED]), (dt.date(2025, 1, 1), [])],
    ids=["day-before-merger", "merger-day"],
)
def test_the_countys_municipalities_on_the_day(day: dt.date, expected: list[Found]) -> None:
    """The list valid on the day: Pertunmaa is Etelä-Savo's until 2024-12-31, gone in 2025."""
    councils = [council(f"n-{c}", c) for c in ETELA_SAVO if c != "588"]
    expect(county_council("12", *councils), day, RULE, expected, examined=1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2024, 12, 31), [FAILED]), (dt.date(2025, 1, 1), [])],
    ids=["day-before-merger", "merger-day"],
)
def test_council_of_a_merged_municipality(day: dt.date, expected: list[Found]) -> None:
    """Lead: Pertunmaa's council serves Mäntyharju from the merger (2025-01-01), not before."""
    councils = [council(f"n-{c}", c) for c in ETELA_SAVO if c != "507"]
    expect(county_council("12", *councils), day, RULE, expected, examined=1)
