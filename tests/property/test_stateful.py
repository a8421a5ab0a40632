"""Edit a snapshot step by step and check after each step.

The machine starts from a valid snapshot of 2016-2018 and adds and removes
group members, dates actors, adds and removes grants, moves grant decisions and
changes the checked day. After every step the report must agree with a
brute-force recomputation of LAPE-G03, G04, G05 (group composition, as DOMAIN.md
revision 2 defines it), F01 (pool totals) and F05 (decision dates), written here
as plainly as possible, and be equal to the report of a fresh, structurally
equal copy (no state carried across snapshots).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import count

import attrs
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from lape.model import (
    Actor,
    ActorKind,
    FundingPool,
    Group,
    GroupKind,
    MemberRole,
    Membership,
    Period,
    Programme,
    Snapshot,
)
from lape.reference import funding_pools, geography
from lape.rules import Report, check
from lape.testing import grants, periods, valid_snapshots

GROUPS_IN_FORCE = Period(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31))
FUNDING_IN_FORCE = Period(start=dt.date(2016, 1, 1))
YOUTH_COUNCILS = {ActorKind.YOUTH_COUNCIL, ActorKind.COUNTY_YOUTH_COUNCIL}

Verdicts = set[tuple[str, str]]
"""(subject ID, "failed" or "unknown") for each problem of one rule."""


def _on(period: Period | None, day: dt.date) -> bool:
    return period is None or period.contains(day)


# -- the rules, by hand --------------------------------------------------------------------------


def _places(actor: Actor, day: dt.date) -> set[str] | None:
    """The municipalities an actor belongs to on ``day`` (DOMAIN.md: those it lists, as
    the municipalities they have merged into; else its county's; else its region's)."""
    geo = geography()
    if actor.municipalities:
        return {c for code in actor.municipalities if (c := geo.municipality_on(code, day))}
    if actor.county is not None:
        return {
            c for c in geo.municipalities_of_county(actor.county) if geo.municipality_exists(c, day)
        }
    if actor.region is not None:
        return set(geo.municipalities_of_region(actor.region, day))
    return None


def _area(group: Group, day: dt.date) -> set[str] | None:
    """A group's area on ``day``: a municipal group's municipality, a regional group's
    project area (its own, or its region's only one; Åland, which had none: the region)."""
    geo = geography()
    if group.kind is GroupKind.MUNICIPAL:
        code = None if group.municipality is None else geo.municipality_on(group.municipality, day)
        return None if code is None else {code}
    area = group.project_area
    if area is None and group.region is not None:
        areas = geo.project_areas_of_region(group.region)
        if not areas:
            return set(geo.municipalities_of_region(group.region, day)) or None
        area = areas[0].id if len(areas) == 1 else None
    if area is None or area not in geo.project_areas:
        return None
    return set(geo.municipalities_of_project_area(area, day)) or None


def brute_force_groups(s: Snapshot, day: dt.date) -> dict[str, Verdicts]:
    """LAPE-G03 (organisation), G04 (parish), G05 (youth representative), as DOMAIN.md
    revision 2 defines them: only seats, actors and groups in effect on the day count; a
    youth representative is an experience expert or a youth council covering the group's
    area, whatever the seat's role says."""
    found: dict[str, Verdicts] = {"LAPE-G03": set(), "LAPE-G04": set(), "LAPE-G05": set()}
    if not GROUPS_IN_FORCE.contains(day):
        return found
    actors = {a.id: a for a in reversed(s.actors)}  # the first of duplicates wins
    for group in s.groups:
        if group.kind not in (GroupKind.MUNICIPAL, GroupKind.REGIONAL) or not _on(
            group.period, day
        ):
            continue
        members = [
            actors[m.actor]
            for m in group.members
            if _on(m.period, day) and m.actor in actors and _on(actors[m.actor].period, day)
        ]
        kinds = {a.kind for a in members}
        if group.kind is GroupKind.MUNICIPAL:
            if ActorKind.ORGANISATION not in kinds:
                found["LAPE-G03"].add((group.id, "failed"))
            if ActorKind.PARISH not in kinds:
                found["LAPE-G04"].add((group.id, "failed"))
        area = _area(group, day)
        youth, undecided = False, False
        for a in members:
            if a.kind is ActorKind.EXPERIENCE_EXPERT:
                youth = True
            elif a.kind in YOUTH_COUNCILS:
                places = _places(a, day)
                if area is None or places is None:
                    undecided = True
                elif area & places:
                    youth = True
        if not youth:
            found["LAPE-G05"].add((group.id, "unknown" if undecided else "failed"))
    return found


def _pools(s: Snapshot) -> dict[str, FundingPool]:
    pools = {p.id: p for p in funding_pools()}
    pools.update({p.id: p for p in reversed(s.pools)})  # the snapshot's own win
    return pools


def brute_force_funding(s: Snapshot, day: dt.date) -> dict[str, Verdicts]:
    """LAPE-F01 (grants within the pool) and F05 (no decision before the call), for the
    programme's own pools only (DOMAIN.md, "LAPE pools")."""
    found: dict[str, Verdicts] = {"LAPE-F01": set(), "LAPE-F05": set()}
    if not FUNDING_IN_FORCE.contains(day):
        return found
    pools = {i: p for i, p in _pools(s).items() if p.programme is Programme.LAPE}
    counted = [g for g in s.grants if g.decided is None or g.decided <= day]
    for pool in pools.values():
        mine = [g for g in counted if g.pool == pool.id]
        if not mine:
            continue
        if pool.amount is None:
            found["LAPE-F01"].add((pool.id, "unknown"))
        elif sum(g.amount for g in mine) > pool.amount:
            found["LAPE-F01"].add((pool.id, "failed"))
    for g in counted:
        own = pools.get(g.pool)
        if own is None:
            continue
        if g.decided is None or own.call is None:
            found["LAPE-F05"].add((g.id, "unknown"))
        elif g.decided < own.call.start:
            found["LAPE-F05"].add((g.id, "failed"))
    return found


def verdicts(report: Report, rule_id: str) -> Verdicts:
    return {
        (f.subject.id, f.status.value)
        for f in report.findings
        if f.rule == rule_id and f.severity.value != "info"
    }


# -- the machine -----------------------------------------------------------------------------------

DAYS = st.dates(min_value=dt.date(2015, 6, 1), max_value=dt.date(2024, 12, 31))
ROLES = st.sampled_from(list(MemberRole))


class EditingSnapshots(RuleBasedStateMachine):
    """A snapshot under edit, and the day it is checked on."""

    def __init__(self) -> None:
        super().__init__()
        self.snapshot = Snapshot()
        self.day = dt.date(2017, 1, 1)
        self.ids = count()

    @initialize(
        s=st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2018, 12, 31)).flatmap(
            lambda day: valid_snapshots(as_of=day, max_areas=2, max_grants=3)
        )
    )
    def start(self, s: Snapshot) -> None:
        assert s.info.as_of is not None
        self.snapshot, self.day = s, s.info.as_of

    # -- members ---------------------------------------------------------------------------

    @rule(data=st.data(), role=ROLES, period=st.none() | periods())
    def add_member(self, data: st.DataObject, role: MemberRole, period: Period | None) -> None:
        s = self.snapshot
        group = data.draw(st.sampled_from(s.groups))
        actor = data.draw(st.sampled_from([a.id for a in s.actors]))
        seat = Membership(actor=actor, role=role, period=period)
        self._edit_group(group.id, (*group.members, seat))

    @precondition(lambda self: any(g.members for g in self.snapshot.groups))
    @rule(data=st.data())
    def remove_member(self, data: st.DataObject) -> None:
        group = data.draw(st.sampled_from([g for g in self.snapshot.groups if g.members]))
        i = data.draw(st.integers(0, len(group.members) - 1))
        self._edit_group(group.id, group.members[:i] + group.members[i + 1 :])

    @rule(data=st.data(), period=st.none() | periods())
    def date_actor(self, data: st.DataObject, period: Period | None) -> None:
        # An actor whose own period does not hold the day fills no seat (DOMAIN.md).
        s = self.snapshot
        i = data.draw(st.integers(0, len(s.actors) - 1))
        dated = attrs.evolve(s.actors[i], period=period)
        self.snapshot = attrs.evolve(s, actors=(*s.actors[:i], dated, *s.actors[i + 1 :]))

    def _edit_group(self, group_id: str, members: tuple[Membership, ...]) -> None:
        s = self.snapshot
        groups = tuple(
            attrs.evolve(g, members=members) if g.id == group_id else g for g in s.groups
        )
        self.snapshot = attrs.evolve(s, groups=groups)

    # -- grants --------------------------------------------------------------------------------

    @rule(data=st.data())
    def add_grant(self, data: st.DataObject) -> None:
        s = self.snapshot
        pool_ids = sorted(_pools(s))
        grant = data.draw(
            grants(
                ids=st.just(f"grant-added-{next(self.ids)}"),
                pool_ids=pool_ids,
                actor_ids=[a.id for a in s.actors],
                project_ids=[p.id for p in s.projects],
            )
        )
        if data.draw(st.booleans()):  # big enough to overspend a pool now and then
            grant = attrs.evolve(grant, amount=grant.amount * 1000 + Decimal("15000000"))
        self.snapshot = attrs.evolve(s, grants=(*s.grants, grant))

    @precondition(lambda self: bool(self.snapshot.grants))
    @rule(data=st.data())
    def remove_grant(self, data: st.DataObject) -> None:
        s = self.snapshot
        i = data.draw(st.integers(0, len(s.grants) - 1))
        self.snapshot = attrs.evolve(s, grants=s.grants[:i] + s.grants[i + 1 :])

    @precondition(lambda self: bool(self.snapshot.grants))
    @rule(data=st.data(), decided=st.none() | DAYS)
    def move_grant_decision(self, data: st.DataObject, decided: dt.date | None) -> None:
        s = self.snapshot
        i = data.draw(st.integers(0, len(s.grants) - 1))
        moved = attrs.evolve(s.grants[i], decided=decided)
        self.snapshot = attrs.evolve(s, grants=(*s.grants[:i], moved, *s.grants[i + 1 :]))

    # -- the day ---------------------------------------------------------------------------------

    @rule(day=DAYS)
    def change_day(self, day: dt.date) -> None:
        self.day = day

    # -- after every step --------------------------------------------------------------------------

    @invariant()
    def report_agrees_with_brute_force(self) -> None:
        report = check(self.snapshot, as_of=self.day)
        expected = {
            **brute_force_groups(self.snapshot, self.day),
            **brute_force_funding(self.snapshot, self.day),
        }
        for rule_id, want in expected.items():
            assert verdicts(report, rule_id) == want, rule_id
        # The same report for an equal snapshot that is a different object.
        assert check(attrs.evolve(self.snapshot), as_of=self.day) == report


TestEditingSnapshots = EditingSnapshots.TestCase
# Each run starts from a drawn valid snapshot and checks twice per step (about 15 ms):
# a fifth of the profile's examples (6 in dev, 20 in CI) of 20 steps each, and no
# deadline, which a whole run of steps would exceed.
TestEditingSnapshots.settings = settings(
    max_examples=max(5, settings().max_examples // 5),
    stateful_step_count=20,
    deadline=None,
)
