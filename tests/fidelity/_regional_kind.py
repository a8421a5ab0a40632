"""The fidelity tests LAPE-G08..G11 share: a regional group has at least one actor of a
kind (an organisation, an educational institution, a competence centre, a parish).

Written from DOMAIN.md (revision 2): the catalogue rows, the seed fact ("Regional
group members: the region's municipalities, hospital district, organisations,
educational institutions, competence centres, parishes, and a youth representative")
and "In effect on the checked day" (an actor whose period has ended fills no seat).
Each rule's module subclasses :class:`RegionalGroupHasKind` with its rule, kind and
the kinds that must not count.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import pytest

from ._groups_helpers import Found, actor, expect, group, member, period, snapshot

DAY = dt.date(2017, 6, 1)
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


class RegionalGroupHasKind:
    """The cases of one rule "a regional group has at least one <kind>"."""

    rule: ClassVar[str]
    kind: ClassVar[str]
    """The actor kind the rule asks for."""
    not_counted: ClassVar[tuple[str, ...]]
    """Other kinds that must not count, though tagged with the kind's ``sector``."""
    sector: ClassVar[str]

    @property
    def failed(self) -> Found:
        return (self.rule, "group", "ps-lape", "failed", "error")

    def the_actor(self, **fields: Any) -> dict[str, Any]:
        fields.setdefault("municipalities", ["297"])
        return actor("the-one", self.kind, **fields)

    def test_group_with_the_kind_conforms(self) -> None:
        expect(regional_group(self.the_actor()), DAY, self.rule, [], examined=1)

    def test_group_without_the_kind_fails(self) -> None:
        expect(regional_group(), DAY, self.rule, [self.failed])

    def test_the_kind_from_another_region_still_counts(self) -> None:
        """The row asks for the kind only; where it belongs is G15's business."""
        one = self.the_actor(municipalities=["837"])
        expect(regional_group(one), DAY, self.rule, [], examined=1)

    def test_other_kinds_do_not_count(self) -> None:
        """Only the kind counts, not another kind of actor tagged with its sector."""
        for kind in self.not_counted:
            other = actor("the-other", kind, municipalities=["297"], sectors=[self.sector])
            expect(regional_group(other), DAY, self.rule, [self.failed])

    @pytest.mark.parametrize(
        ("active", "fails"),
        [
            (period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1)), True),
            (period(dt.date(2016, 1, 1), DAY), False),
            (period(DAY), False),
            (period(DAY + dt.timedelta(days=1)), True),
        ],
        ids=["ended-day-before", "ends-on-day", "starts-on-day", "starts-day-after"],
    )
    def test_the_actor_counts_only_in_its_own_period(
        self, active: dict[str, Any], fails: bool
    ) -> None:
        """In effect: an actor whose period has ended (or not begun) fills no seat."""
        expected = [self.failed] if fails else []
        expect(regional_group(self.the_actor(period=active)), DAY, self.rule, expected, examined=1)

    def test_seat_that_ended_the_day_before_does_not_count(self) -> None:
        """In effect: a seat counts only in its own period."""
        seat = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
        members = ["kuopio", "ps-shp", member("the-one", seat=seat)]
        expect(regional_group(self.the_actor(), members=members), DAY, self.rule, [self.failed])

    def test_group_that_ended_the_day_before_is_not_examined(self) -> None:
        """In effect: a group whose period has ended is left out of the group rules."""
        ended = period(dt.date(2016, 1, 1), DAY - dt.timedelta(days=1))
        expect(regional_group(period=ended), DAY, self.rule, [], examined=0)

    def test_municipal_group_is_not_examined(self) -> None:
        """The row is about regional groups only."""
        snap = snapshot(groups=[group("kuopio-lape", "municipal", municipality="297")])
        expect(snap, DAY, self.rule, [], examined=0)

    @pytest.mark.parametrize(
        ("day", "in_force"),
        [
            (dt.date(2015, 12, 31), False),
            (dt.date(2016, 1, 1), True),
            (dt.date(2018, 12, 31), True),
            (dt.date(2019, 1, 1), False),
        ],
    )
    def test_in_force_2016_to_2018(self, day: dt.date, in_force: bool) -> None:
        """Catalogue: the group rules are in force 2016-01-01 .. 2018-12-31 (first and
        last day)."""
        report = expect(regional_group(), day, self.rule, [self.failed] if in_force else [])
        result = report.result(self.rule)
        assert result is not None
        assert result.in_force is in_force
