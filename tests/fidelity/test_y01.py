"""LAPE-Y01: from 2017-06-01 every mainland municipality has a youth council, its own or one
shared with other municipalities (Act 410/2015 s. 26).

Written from DOMAIN.md (revision 2): the catalogue row, the glossary ("one
council may serve several municipalities"; the county youth council is another
body, Act 611/2021 s. 32), "In effect on the checked day" (a youth council's
period), the fact that municipalities merge and change region (the list valid on
the day), and the lead's choices: the subject is the municipality (its code); a
merged municipality counts as the one it merged into. Which municipalities are
asked about is the snapshot's `scope` (docs/file-format.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ._groups_helpers import Found, actor, expect, period, snapshot

RULE = "LAPE-Y01"
DAY = dt.date(2017, 6, 1)
KAINUU = ["105", "205", "290", "578", "620", "697", "765", "777"]
POHJOIS_SAVO_2017 = [
    *("140", "204", "239", "263", "297", "402", "420", "595", "686"),
    *("687", "749", "762", "778", "844", "857", "915", "921", "925"),
]


def missing(code: str) -> Found:
    return (RULE, "municipality", code, "failed", "warning")


def council(id: str, *municipalities: str, kind: str = "youth_council", **fields: Any) -> Any:
    return actor(id, kind, municipalities=municipalities, **fields)


def scoped(scope: dict[str, Any], *actors: dict[str, Any]) -> Any:
    return snapshot(actors=actors, scope=scope)


def test_own_youth_council_conforms_on_the_first_day() -> None:
    """Row Y01: from 2017-06-01 a municipality with its own youth council conforms."""
    snap = scoped({"municipalities": ["297"]}, council("kuopio-nuva", "297"))
    expect(snap, DAY, RULE, [], examined=1)


def test_municipality_without_youth_council_is_reported() -> None:
    """Row Y01: a municipality with no youth council, reported on the municipality."""
    expect(scoped({"municipalities": ["297"]}), DAY, RULE, [missing("297")])


def test_helsinki_without_youth_council_is_reported() -> None:
    """Row Y01: Helsinki is a mainland municipality like any other here."""
    expect(scoped({"municipalities": ["091"]}), DAY, RULE, [missing("091")])
    expect(scoped({"municipalities": ["091"]}, council("hki", "091")), DAY, RULE, [], examined=1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2017, 5, 31), []), (dt.date(2017, 6, 1), [missing("297")])],
    ids=["day-before", "first-day"],
)
def test_in_force_from_2017_06_01(day: dt.date, expected: list[Found]) -> None:
    """Row Y01: in force from 2017-06-01 (the day the Act's s. 26 applied)."""
    report = expect(scoped({"municipalities": ["297"]}), day, RULE, expected)
    result = report.result(RULE)
    assert result is not None
    assert result.in_force is bool(expected)


def test_every_municipality_of_a_region_with_a_shared_council() -> None:
    """Row Y01 and glossary: a shared council serves each municipality it lists (Kainuu)."""
    councils = [council("shared", "105", "205"), *(council(f"n-{c}", c) for c in KAINUU[2:])]
    expect(scoped({"regions": ["18"]}, *councils), DAY, RULE, [], examined=len(KAINUU))


def test_shared_council_covers_only_the_municipalities_it_lists() -> None:
    """Row Y01: a council shared by Kajaani and Kuhmo does not serve Paltamo."""
    snap = scoped({"municipalities": ["205", "290", "578"]}, council("shared", "205", "290"))
    expect(snap, DAY, RULE, [missing("578")])


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        (period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)), [missing("297")]),
        (period(dt.date(2016, 1, 1), DAY), []),
        (period(DAY), []),
        (period(DAY + dt.timedelta(days=1)), [missing("297")]),
    ],
    ids=["ended-day-before", "ends-on-day", "starts-on-day", "starts-day-after"],
)
def test_youth_council_counts_only_in_its_period(
    active: dict[str, Any], expected: list[Found]
) -> None:
    """In effect: a youth council counts only on the days of its period."""
    snap = scoped({"municipalities": ["297"]}, council("nuva", "297", period=active))
    expect(snap, DAY, RULE, expected, examined=1)


@pytest.mark.parametrize("kind", ["municipal_body", "organisation", "county_youth_council"])
def test_other_bodies_are_not_a_youth_council(kind: str) -> None:
    """Row Y01 (Act 410/2015 s. 26): only a municipal youth council counts, not other bodies."""
    snap = scoped({"municipalities": ["297"]}, council("x", "297", kind=kind))
    expect(snap, dt.date(2023, 6, 1), RULE, [missing("297")])


@pytest.mark.parametrize("scope", [{"regions": ["21"]}, {"municipalities": ["478"]}])
def test_aland_is_not_examined(scope: dict[str, Any]) -> None:
    """Row Y01: every *mainland* municipality; Åland's (e.g. Mariehamn) are not asked about."""
    expect(scoped(scope), DAY, RULE, [], examined=0)


@pytest.mark.parametrize(
    ("day", "expected", "examined"),
    [(dt.date(2020, 12, 31), [], 18), (dt.date(2021, 1, 1), [missing("171")], 19)],
    ids=["before-move", "move-day"],
)
def test_the_regions_municipalities_on_the_day(
    day: dt.date, expected: list[Found], examined: int
) -> None:
    """Municipalities change region: Joroinen (171) is Pohjois-Savo's from 2021-01-01."""
    councils = [council(f"n-{c}", c) for c in POHJOIS_SAVO_2017]
    expect(scoped({"regions": ["11"]}, *councils), day, RULE, expected, examined=examined)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2024, 12, 31), [missing("507")]), (dt.date(2025, 1, 1), [])],
    ids=["day-before-merger", "merger-day"],
)
def test_council_of_a_merged_municipality(day: dt.date, expected: list[Found]) -> None:
    """Lead: Pertunmaa (588) counts as Mäntyharju (507) from the merger on 2025-01-01."""
    snap = scoped({"municipalities": ["507"]}, council("pertunmaa-nuva", "588"))
    expect(snap, day, RULE, expected, examined=1)
