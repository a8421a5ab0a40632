"""Valid snapshots: built, not filtered, to satisfy every rule in force on a day.

The rules are those of DOMAIN.md revision 2 and its "Definitions the rules
share": a seat, an actor, a group or a mandate counts only on the days it is in
effect, a group's area is its municipality or its *project area*, and a
municipality's own sector is one of its public bodies. A valid snapshot covers
one or more of the 19 project areas of 2016-2019
(:func:`lape.reference.geography`; the capital region and the rest of Uusimaa
are two, drawn like any other). For each area it holds, on the day drawn:

- municipal groups for some of the area's municipalities (those existing on the
  day), each with the municipality's own public bodies for social and health
  (a municipal body, the municipality itself, or a joint municipal authority
  the municipality belongs to) and for education and youth (a municipal body or
  the municipality itself), an organisation, a parish and a youth
  representative (a youth council covering the municipality, its own or shared,
  or an experience expert), all of the municipality or national, a mandate from
  its own municipality decided by the day (or undated) and a link to the
  regional group of its own project area (LAPE-G01..G05, G12, G13, G15);
- a regional group of the project area with members from the area's
  municipalities, a hospital district with member municipalities in the area,
  an organisation, an educational institution, a competence centre, a parish
  and a youth representative (a youth council of the area or an experience
  expert), a mandate from the region decided by the day and by its change
  agent's first day, and links to the region's reform preparation and to the
  national leadership (LAPE-G05..G12, G14, G15);
- a youth council for every municipality in the snapshot's scope, which is set
  to the municipalities with a group (LAPE-Y01);
- perhaps a change agent whose employment, project area, salary payer, pool and
  employer choice satisfy LAPE-C01..C06: an STM-funded agent works within
  autumn 2016..2019, paid by STM or by one of its area's own organisations
  through the 2019 agents' pool; another agent, from any day on, is paid by one
  of its area's own organisations (the regional council, an organisation of
  the region, a municipality's social and health services).

Besides: grants that satisfy LAPE-F01..F10 (from the reference pools
``lape-regional-2016`` and ``fhsc-2021-lape`` or from one pool of the
snapshot's own); a grant of the 2016 round may name its area's development
project (one per project area, with a lead applicant and a consortium), a
2021 grant a project whose region and priorities it relies on. From 2023:
service networks (family centres, and perhaps a network of another kind)
whose members and services lie in their county, with one lead, both core
sectors, partners, clients (experience experts, a client panel, a youth
council) who together take part in planning and in evaluation, a role for
every member, duplicate services only where coordinated, social and health
services organised by the county, and an interface naming the services on
both sides wherever, in one municipality, services for one target group are
organised partly by the municipality and partly by the county (LAPE-N01..N08,
W01, W02); and perhaps a county youth council with a member from every
municipality of its county (LAPE-Y02). Every reference resolves, IDs are
unique within their kind, no period is inverted (LAPE-S01..S03).

IDs are built from the structure (``mg-297``, ``rg-pohjois-savo``,
``297-sote``), not drawn, so that drawing is fast and examples shrink to the
smallest area, fewest municipalities and fewest optional parts.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lape.model import (
    CHILDREN_YOUTH_FAMILIES,
    HELSINKI_COUNTY,
    MUNICIPAL_ACTORS,
    Actor,
    ActorKind,
    ChangeAgent,
    CoordinationLink,
    CountyCode,
    DevelopmentProject,
    FundingPool,
    Geography,
    Grant,
    GrantKind,
    Group,
    GroupKind,
    HealthSocialCentre,
    Interface,
    Involvement,
    Mandate,
    MemberRole,
    Membership,
    MunicipalityCode,
    NationalBody,
    NetworkKind,
    NetworkMember,
    Period,
    Priority,
    Programme,
    RegionCode,
    Responsibility,
    Scope,
    Sector,
    Service,
    ServiceNetwork,
    Snapshot,
    SnapshotInfo,
    TargetGroup,
)
from lape.testing._record import recorded

__all__ = ["Draws", "World", "valid_snapshots"]

T = TypeVar("T")

D = dt.date
ONE_DAY = dt.timedelta(days=1)

FROM_2023 = D(2023, 1, 1)
"""Service networks and county youth councils are built from this day."""
DEFAULT_FIRST_DAY = D(2016, 1, 1)
DEFAULT_LAST_DAY = D(2025, 12, 31)
"""The days drawn when ``as_of`` is not given."""
GROUPS_TERM = Period(start=D(2016, 1, 1), end=D(2018, 12, 31))
"""The days the group rules (LAPE-G01..G15) are in force."""

AGENT_EARLIEST = D(2016, 9, 1)
"""LAPE-C04: STM-funded agents start from autumn 2016."""
STM_LAST_DAY = D(2019, 12, 31)
"""LAPE-C03 and C06: STM paid change agents' salaries up to the end of 2019."""
F08_YEARS = Period(start=D(2020, 1, 1), end=D(2022, 12, 31))
START_UP_YEARS = Period(start=D(2016, 1, 1), end=D(2017, 12, 31))

STM = "stm"
NATIONAL_GROUP = "lape-national"
AGENT_POOL = "lape-agents-2019"
"""The reference pool of the 2019 change-agent round (kind change_agent_subsidy)."""
ROUND_POOL = "lape-regional-2016"
"""The reference pool of the 2016 round, which funded one project per area (LAPE-F10)."""
FHSC_POOL = "fhsc-2021-lape"
"""The reference pool of the 2021 round (LAPE-F08 examines its grants)."""
OWN_POOL = "own-pool"

YOUTH_COUNCIL_KINDS = frozenset({ActorKind.YOUTH_COUNCIL, ActorKind.COUNTY_YOUTH_COUNCIL})
YOUTH_KINDS = YOUTH_COUNCIL_KINDS | {ActorKind.EXPERIENCE_EXPERT}
"""Who may be a development group's youth representative (LAPE-G05)."""
CLIENT_KINDS = YOUTH_KINDS | {ActorKind.CLIENT_PANEL}
"""Who speaks for a family centre's clients (LAPE-N08)."""
MUNICIPAL_KINDS = MUNICIPAL_ACTORS
NON_CORE_SECTORS = (
    Sector.CULTURE_LEISURE,
    Sector.EMPLOYMENT,
    Sector.HOUSING,
    Sector.ADMINISTRATION,
)
"""Sectors that no rule asks for: extra sectors that never satisfy LAPE-G01, G02 or N02."""
ROLES = ("lead", "partner", "early support", "school social work", "open meeting place")
CLIENT_ROLES = ("client panel", "experience expert", "youth voice")


# -- what a valid snapshot is made of (the handles rule_breaks uses) -----------


@attrs.frozen(kw_only=True)
class AreaParts:
    """The IDs of one project area's part of a valid snapshot."""

    area: str
    region: RegionCode
    municipalities: tuple[MunicipalityCode, ...]
    """The municipalities with a municipal group (and the snapshot's scope)."""
    municipal_groups: tuple[str, ...]
    regional_group: str
    prep_group: str
    council: str
    """The regional council (an own organisation of the area; pays agents)."""
    agent: str | None
    stm_agent: bool
    """Whether the agent's salary is STM's (LAPE-C02..C04 examine it)."""
    actors: tuple[str, ...]
    """The area's regional actors and its municipalities' bodies (development projects'
    consortia are drawn from these)."""


@attrs.frozen(kw_only=True)
class World:
    """A valid snapshot with the IDs of its parts."""

    snapshot: Snapshot
    as_of: dt.date
    areas: tuple[AreaParts, ...]
    groups_active: bool
    """Whether the groups are in effect on ``as_of``."""
    group_period: Period | None
    networks: tuple[str, ...]
    """Every service network; the family centres are :attr:`family_centres`."""
    family_centres: tuple[str, ...]
    county_youth_councils: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Needs:
    """Parts a rule break needs the valid snapshot to have."""

    groups_active: bool = False
    agent: bool = False
    stm_agent: bool = False
    non_stm_agent: bool = False
    """An agent whose salary no STM actor nor STM pool pays (LAPE-C06)."""
    agent_started: bool = False
    """On a day of the groups' term, the agent started before the day (LAPE-C01 can
    then be broken by a late mandate that LAPE-G12 accepts)."""
    areas: tuple[str, ...] = ()
    """Project areas the snapshot must cover (e.g. both Uusimaa areas)."""
    min_areas: int = 1
    network: bool = False
    """A family centre."""
    network_outside_helsinki: bool = False
    county_youth_council: bool = False


NO_NEEDS = Needs()


# -- argument checks -------------------------------------------------------------


def check_day(name: str, value: dt.date | None) -> None:
    if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
        msg = f"{name}={value!r} must be a datetime.date (not a datetime) or None"
        raise InvalidArgument(msg)


def check_count(name: str, value: int, *, least: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name}={value!r} must be an integer"
        raise InvalidArgument(msg)
    if value < least:
        msg = f"{name}={value!r} must be at least {least}"
        raise InvalidArgument(msg)


# -- drawing: a few cached primitives ---------------------------------------------------
#
# Building strategies inside a composite costs more than drawing from them (each new
# strategy is validated on its first draw), so everything below draws integers and
# booleans only, from strategies built once. Integers shrink towards their lower
# bound: to the first of a sequence, the earliest day, the smallest amount, no
# optional part.


@functools.lru_cache(maxsize=4096)
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


_BOOLEANS = st.booleans()


class Draws:
    """Choices drawn from hypothesis' data, shrinking towards the simplest."""

    __slots__ = ("draw",)

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def flag(self) -> bool:
        """True or False (shrinks to False)."""
        return self.draw(_BOOLEANS)

    def integer(self, low: int, high: int) -> int:
        """An integer from ``low`` to ``high`` inclusive."""
        return low if low >= high else self.draw(_integers(low, high))

    def pick(self, items: Sequence[T]) -> T:
        """One of ``items`` (shrinks to the first)."""
        return items[self.integer(0, len(items) - 1)]

    def maybe(self, value: T) -> T | None:
        """``value`` or ``None`` (shrinks to ``None``)."""
        return value if self.flag() else None

    def day(self, first: dt.date, last: dt.date) -> dt.date:
        """A day from ``first`` to ``last`` inclusive (shrinks to ``first``)."""
        return first + dt.timedelta(days=self.integer(0, (last - first).days))

    def some(self, items: Sequence[T], min_size: int = 0, max_size: int | None = None) -> list[T]:
        """Distinct items of ``items``, between ``min_size`` and ``max_size`` of them."""
        most = len(items) if max_size is None else min(max_size, len(items))
        left = list(items)
        return [
            left.pop(self.integer(0, len(left) - 1)) for _ in range(self.integer(min_size, most))
        ]

    def shuffled(self, items: Sequence[T]) -> tuple[T, ...]:
        """``items`` in a drawn order (shrinks to the order given)."""
        left = list(items)
        return tuple(left.pop(self.integer(0, len(left) - 1)) for _ in range(len(left)))

    def euros(self, least: Decimal | int, most: Decimal | int) -> Decimal:
        """An amount from ``least`` to ``most`` euros, in cents."""
        return Decimal(self.integer(int(least * 100), int(most * 100))).scaleb(-2)


# -- the builder -------------------------------------------------------------------


class _Builder:
    """Collects the entities of one snapshot; every ``actor``/``group`` keeps IDs unique."""

    def __init__(self, d: Draws, geo: Geography, as_of: dt.date) -> None:
        self.d = d
        self.geo = geo
        self.as_of = as_of
        self.actors: dict[str, Actor] = {}
        self.groups: dict[str, Group] = {}
        self.agents: list[ChangeAgent] = []
        self.pools: list[FundingPool] = []
        self.grants: list[Grant] = []
        self.projects: dict[str, DevelopmentProject] = {}
        self.centres: dict[str, HealthSocialCentre] = {}
        self.networks: list[ServiceNetwork] = []
        self.councils: dict[MunicipalityCode, str] = {}
        """The youth council serving each municipality."""

    def actor(self, actor: Actor) -> str:
        assert actor.id not in self.actors, actor.id
        self.actors[actor.id] = actor
        return actor.id

    def group(self, group: Group) -> str:
        assert group.id not in self.groups, group.id
        self.groups[group.id] = group
        return group.id

    def link(self, a: str, b: str) -> None:
        """Make groups ``a`` and ``b`` cooperate, naming it on one side (drawn)."""
        first, second = (b, a) if self.d.flag() else (a, b)
        g = self.groups[first]
        self.groups[first] = attrs.evolve(g, cooperates_with=(*g.cooperates_with, second))

    def name(self, code: MunicipalityCode) -> str:
        m = self.geo.municipality(code)
        return code if m is None else m.name_fi

    def seat(self, actor: str, role: MemberRole) -> Membership:
        """An active seat: no period, or one that contains the day."""
        d, day = self.d, self.as_of
        period = None
        if d.flag():
            start = day - dt.timedelta(days=d.integer(0, 400))
            end = d.maybe(day + dt.timedelta(days=d.integer(0, 400)))
            period = Period(start=start, end=end)
        return Membership(actor=actor, role=role, period=period)

    def sectors(self, core: frozenset[Sector]) -> frozenset[Sector]:
        return core | frozenset(self.d.some(NON_CORE_SECTORS, max_size=1))

    def youth_council(self, code: MunicipalityCode) -> str:
        """The youth council serving ``code``, made when it has none yet."""
        council = self.councils.get(code)
        if council is None:
            council = self.actor(
                Actor(
                    id=f"{code}-nuva",
                    name=f"{self.name(code)} youth council",
                    kind=ActorKind.YOUTH_COUNCIL,
                    municipalities=(code,),
                )
            )
            self.councils[code] = council
        return council


def _decided(d: Draws, latest: dt.date) -> dt.date | None:
    """A decision date on or before ``latest`` (in 2016 when it can be), or none."""
    if not d.flag():
        return None
    return d.day(min(D(2016, 1, 1), latest), latest)


def _municipal_part(
    b: _Builder,
    code: MunicipalityCode,
    area_codes: Sequence[MunicipalityCode],
    region_group: str,
    shared_council: str | None,
) -> tuple[str, list[str]]:
    """The actors and the municipal group of one municipality: the ID of the actor for
    the social and health sector (a regional group member), and the IDs of the bodies
    of the municipality (candidates for a development project's consortium)."""
    d, here, name = b.d, (code,), b.name(code)
    seats: list[Membership] = []
    how = d.integer(0, 2)
    if how == 0:  # the municipality itself, for both sectors
        sote = b.actor(
            Actor(
                id=f"{code}-kunta",
                name=f"{name} municipality",
                kind=ActorKind.MUNICIPALITY,
                sectors=b.sectors(frozenset({Sector.SOCIAL_HEALTH, Sector.EDUCATION_YOUTH})),
                municipalities=here,
            )
        )
        seats.append(b.seat(sote, MemberRole.CHAIR))
        bodies = [sote]
    else:
        if how == 1:  # its own social and health services
            sote = b.actor(
                Actor(
                    id=f"{code}-sote",
                    name=f"{name} social and health services",
                    kind=ActorKind.MUNICIPAL_BODY,
                    sectors=b.sectors(frozenset({Sector.SOCIAL_HEALTH})),
                    municipalities=here,
                )
            )
        else:  # a joint municipal authority it belongs to (until 2022: G01 ends in 2018)
            partners = d.some([c for c in area_codes if c != code], max_size=2)
            sote = b.actor(
                Actor(
                    id=f"{code}-ky",
                    name=f"Joint municipal authority for social and health care ({name})",
                    kind=ActorKind.JOINT_MUNICIPAL_AUTHORITY,
                    sectors=b.sectors(frozenset({Sector.SOCIAL_HEALTH})),
                    municipalities=d.shuffled([code, *partners]),
                )
            )
        edu = b.actor(
            Actor(
                id=f"{code}-sivistys",
                name=f"{name} education and youth services",
                kind=ActorKind.MUNICIPAL_BODY,
                sectors=b.sectors(frozenset({Sector.EDUCATION_YOUTH})),
                municipalities=here,
            )
        )
        seats += [b.seat(sote, MemberRole.CHAIR), b.seat(edu, MemberRole.MEMBER)]
        bodies = [sote, edu]
    org = b.actor(
        Actor(
            id=f"{code}-jarjesto",
            name=f"{name} family association",
            kind=ActorKind.ORGANISATION,
            sectors=d.maybe(frozenset({Sector.CIVIL_SOCIETY})),
            municipalities=here,
        )
    )
    parish = b.actor(
        Actor(
            id=f"{code}-srk",
            name=f"{name} parish",
            kind=ActorKind.PARISH,
            sectors=d.maybe(frozenset({Sector.CHURCH})),
            municipalities=here,
        )
    )
    seats += [b.seat(org, MemberRole.MEMBER), b.seat(parish, MemberRole.MEMBER)]

    if shared_council is not None:
        b.councils[code] = shared_council
    council = b.youth_council(code)
    if d.flag():  # an experience expert as the youth representative
        expert = b.actor(
            Actor(
                id=f"{code}-kokemus",
                name=f"{name} experience expert",
                kind=ActorKind.EXPERIENCE_EXPERT,
                municipalities=here,
            )
        )
        seats.append(b.seat(expert, MemberRole.YOUTH_REPRESENTATIVE))
    else:
        role = d.pick((MemberRole.YOUTH_REPRESENTATIVE, MemberRole.MEMBER))
        seats.append(b.seat(council, role))
    if d.flag():  # a national expert belongs to any group (LAPE-G15)
        seats.append(b.seat(STM, MemberRole.EXPERT))
    if d.flag():
        culture = b.actor(
            Actor(
                id=f"{code}-kulttuuri",
                name=f"{name} culture and leisure services",
                kind=ActorKind.MUNICIPAL_BODY,
                sectors=frozenset({Sector.CULTURE_LEISURE}),
                municipalities=here,
            )
        )
        seats.append(b.seat(culture, MemberRole.MEMBER))

    group = b.group(
        Group(
            id=f"mg-{code}",
            name=f"{name} LAPE group",
            kind=GroupKind.MUNICIPAL,
            municipality=code,
            members=d.shuffled(seats),
            mandate=Mandate(
                municipality=code,
                decided=_decided(d, min(b.as_of, D(2016, 12, 31))),
                existing_group=d.flag(),
            ),
        )
    )
    b.link(group, region_group)
    return sote, bodies


@attrs.frozen
class _AgentPlan:
    stm: bool
    employment: Period


def _agent_plan(d: Draws, group_period: Period | None, needs: Needs, day: dt.date) -> _AgentPlan:
    """An employment inside the groups' period (LAPE-C01); STM-funded ones inside
    autumn 2016..2019 (LAPE-C03, C04). With ``needs.agent_started`` and a day of the
    groups' term, the employment starts before the day (if need be, in 2015)."""
    first = group_period.start if group_period is not None else DEFAULT_FIRST_DAY
    last = group_period.end if group_period is not None else None
    before = day - ONE_DAY if needs.agent_started and GROUPS_TERM.contains(day) else None
    stm_first = max(first, AGENT_EARLIEST)
    stm_last = min(last or STM_LAST_DAY, STM_LAST_DAY, before or STM_LAST_DAY)
    can_stm = stm_first <= stm_last
    if needs.stm_agent or (can_stm and not needs.non_stm_agent and d.flag()):
        start = d.day(stm_first, stm_last)
        return _AgentPlan(stm=True, employment=Period(start=start, end=d.day(start, STM_LAST_DAY)))
    latest = min(last or DEFAULT_LAST_DAY, before or DEFAULT_LAST_DAY)
    start = d.day(min(first, latest), latest)
    end = d.maybe(d.day(start, start + dt.timedelta(days=1500)))
    return _AgentPlan(stm=False, employment=Period(start=start, end=end))


def _area_part(
    b: _Builder,
    area_id: str,
    max_municipalities: int,
    group_period: Period | None,
    needs: Needs,
) -> AreaParts:
    d, geo, as_of = b.d, b.geo, b.as_of
    area = geo.project_areas[area_id]
    region = area.region
    codes = sorted(geo.municipalities_of_project_area(area_id, as_of))
    chosen = d.some(codes, min_size=1, max_size=max_municipalities)
    shares_region = len(geo.project_areas_of_region(region)) > 1
    agent_plan = None
    wants_agent = needs.agent or needs.stm_agent or needs.non_stm_agent or needs.agent_started
    if wants_agent or d.flag():
        agent_plan = _agent_plan(d, group_period, needs, as_of)

    # -- the region's own actors -------------------------------------------------
    def regional(suffix: str, kind: ActorKind, name: str, district: str | None = None) -> str:
        return b.actor(
            Actor(
                id=f"{area_id}-{suffix}",
                name=f"{name} ({area.name_en})",
                kind=kind,
                region=region,
                hospital_district=district,
            )
        )

    council = regional("liitto", ActorKind.REGIONAL_COUNCIL, "Regional council")
    district = d.pick(sorted(geo.hospital_districts_of(codes)))
    seats = [
        b.seat(council, MemberRole.CHAIR),
        b.seat(
            regional("shp", ActorKind.HOSPITAL_DISTRICT, f"Hospital district {district}", district),
            MemberRole.MEMBER,
        ),
    ]
    org = regional("jarjesto", ActorKind.ORGANISATION, "Child welfare association")
    others = [
        org,
        regional("oppilaitos", ActorKind.EDUCATIONAL_INSTITUTION, "University of applied sciences"),
        regional("osaamiskeskus", ActorKind.COMPETENCE_CENTRE, "Social welfare competence centre"),
        regional("srk", ActorKind.PARISH, "Parish union"),
    ]
    seats += [b.seat(actor, MemberRole.MEMBER) for actor in others]

    region_group = b.group(  # first, so that the municipal groups can link to it
        Group(
            id=f"rg-{area_id}",
            name=f"Regional LAPE group ({area.name_en})",
            kind=GroupKind.REGIONAL,
            region=region,
            project_area=area_id if shares_region or d.flag() else None,
            period=group_period,
        )
    )

    # -- municipalities -----------------------------------------------------------
    shared = None
    if len(chosen) > 1 and d.flag():  # one youth council for the first two
        pair = sorted(chosen[:2])
        shared = b.actor(
            Actor(
                id=f"nuva-{pair[0]}-{pair[1]}",
                name=f"Joint youth council of {b.name(pair[0])} and {b.name(pair[1])}",
                kind=ActorKind.YOUTH_COUNCIL,
                municipalities=tuple(pair),
            )
        )
    municipal_groups: list[str] = []
    sote_ids: list[str] = []
    bodies: list[str] = []
    for i, code in enumerate(chosen):
        sote, own = _municipal_part(b, code, codes, region_group, shared if i < 2 else None)
        sote_ids.append(sote)
        bodies += own
        municipal_groups.append(f"mg-{code}")
        mg = b.groups[f"mg-{code}"]
        b.groups[mg.id] = attrs.evolve(mg, period=group_period)

    seats += [b.seat(a, MemberRole.MEMBER) for a in d.some(sote_ids, min_size=1)]
    if d.flag():
        youth = regional("kokemus", ActorKind.EXPERIENCE_EXPERT, "Experience expert")
    else:
        youth = b.councils[chosen[0]]
    seats.append(b.seat(youth, d.pick((MemberRole.YOUTH_REPRESENTATIVE, MemberRole.MEMBER))))

    latest = as_of if agent_plan is None else min(as_of, agent_plan.employment.start)
    rg = b.groups[region_group]
    b.groups[region_group] = attrs.evolve(
        rg,
        members=d.shuffled(seats),
        mandate=Mandate(region=region, decided=_decided(d, min(latest, D(2016, 12, 31)))),
    )
    prep_group = b.group(
        Group(
            id=f"prep-{area_id}",
            name=f"Reform preparation ({area.name_en})",
            kind=GroupKind.REFORM_PREPARATION,
            region=d.maybe(region),
            period=group_period,
        )
    )
    b.link(region_group, prep_group)
    b.link(region_group, NATIONAL_GROUP)

    # -- the change agent ---------------------------------------------------------------
    agent_id = None
    if agent_plan is not None:
        start = agent_plan.employment.start
        named_area = area_id if shares_region or d.flag() else None
        chooser = (
            geo.municipalities_of_project_area(area_id, start)
            if named_area is not None
            else geo.municipalities_of_region(region, start)
        )
        payers = (council, org, *sote_ids)  # the area's own organisations (LAPE-C06)
        if agent_plan.stm:
            payer, pool = d.pick(((STM, None), (STM, AGENT_POOL), (d.pick(payers), AGENT_POOL)))
        else:
            payer, pool = d.pick(payers), None
        agent_id = f"agent-{area_id}"
        b.agents.append(
            ChangeAgent(
                id=agent_id,
                name=f"Change agent ({area.name_en})",
                region=region,
                project_area=named_area,
                employer=d.pick((council, org)),
                employer_chosen_by=tuple(sorted(chooser)),
                salary_payer=payer,
                pool=pool,
                employment=agent_plan.employment,
            )
        )
    return AreaParts(
        area=area_id,
        region=region,
        municipalities=tuple(chosen),
        municipal_groups=tuple(municipal_groups),
        regional_group=region_group,
        prep_group=prep_group,
        council=council,
        agent=agent_id,
        stm_agent=agent_plan is not None and agent_plan.stm,
        actors=(council, *others, *bodies),
    )


# -- funding -------------------------------------------------------------------------


def is_2020_2022_pool(pool: FundingPool) -> bool:
    """Whether LAPE-F08 examines the pool's grants (the rule's own test)."""
    return (
        pool.programme is Programme.LAPE
        and pool.kind is GrantKind.STATE_SUBSIDY
        and pool.costs is not None
        and pool.costs.overlaps(F08_YEARS)
    )


_OWN_KINDS = (GrantKind.STATE_SUBSIDY, GrantKind.START_UP_GRANT, GrantKind.OTHER)
_OWN_PROGRAMMES = (Programme.LAPE, Programme.OTHER, Programme.CHILD_STRATEGY)


def own_pool(
    d: Draws,
    *,
    pool_id: str,
    call_opens: dt.date | None = None,
    kind: GrantKind | None = None,
    programme: Programme | None = None,
    amount: Decimal | None = None,
    costs: Period | None = None,
) -> FundingPool:
    """A pool of the snapshot's own with every fact given (amount, call, costs)."""
    kind = kind if kind is not None else d.pick(_OWN_KINDS)
    programme = programme if programme is not None else d.pick(_OWN_PROGRAMMES)
    if call_opens is not None:
        opens = call_opens
    elif kind is GrantKind.START_UP_GRANT:
        opens = d.day(D(2016, 1, 1), D(2017, 6, 30))
    else:
        opens = d.day(D(2016, 1, 1), D(2024, 12, 31))
    if costs is None:
        if kind is GrantKind.START_UP_GRANT:
            costs = START_UP_YEARS  # LAPE-F04: a grant inside the pool's costs is inside these
        else:
            first = d.day(opens, opens + dt.timedelta(days=365))
            costs = Period(start=first, end=first + dt.timedelta(days=d.integer(30, 1500)))
    return FundingPool(
        id=pool_id,
        name=f"Own pool {pool_id}",
        kind=kind,
        programme=programme,
        amount=amount if amount is not None else d.euros(1000, 5_000_000),
        payer=d.maybe(STM),
        call=Period(start=opens, end=opens + dt.timedelta(days=d.integer(0, 90))),
        costs=costs,
    )


_CYF = tuple(sorted(CHILDREN_YOUTH_FAMILIES, key=lambda t: t.value))
_TARGET_GROUPS = tuple(TargetGroup)
_PRIORITIES = tuple(Priority)
_LAPE_PROGRAMMES = (Programme.LAPE, Programme.FUTURE_HEALTH_SOCIAL_CENTRES, Programme.OTHER)
_ALL_PROGRAMMES = tuple(Programme)


def valid_grant(
    d: Draws,
    *,
    grant_id: str,
    pool: FundingPool,
    actor_ids: Sequence[str],
    regions: Sequence[RegionCode],
    max_amount: Decimal,
    latest_decision: dt.date | None = None,
    project: DevelopmentProject | None = None,
) -> Grant:
    """A grant from ``pool`` that satisfies LAPE-F02..F09 (LAPE-F01 is the caller's sum,
    LAPE-F10 the project's).

    ``pool`` must have its call and closed costs given; ``actor_ids`` at least two
    IDs. ``latest_decision`` bounds the decision date (so that the grant counts
    on a day); it must not be before the call opens. A grant that funds ``project``
    goes to its lead applicant, and may leave its region and priorities to the
    project (LAPE-F03 and F08 read the project then).
    """
    assert pool.call is not None
    assert pool.costs is not None
    assert pool.costs.end is not None
    opens = pool.call.start
    decided = d.day(opens, latest_decision or opens + dt.timedelta(days=400))
    start = d.day(pool.costs.start, pool.costs.end)
    costs = Period(start=start, end=d.day(start, pool.costs.end))
    f08 = is_2020_2022_pool(pool)
    if project is not None and project.lead is not None:
        recipient = project.lead
        participants = d.some([a for a in project.consortium if a != recipient], max_size=2)
        # LAPE-F08: the project's region and priorities, when it names them, will do
        region_given = project.region is not None or project.project_area is not None
        need_region = f08 and not (region_given and d.flag())
        need_priority = f08 and not (project.priorities and d.flag())
    else:
        recipient = d.pick(actor_ids)
        participants = d.some([a for a in actor_ids if a != recipient], min_size=1, max_size=2)
        need_region = need_priority = f08
    targets = {*d.some(_TARGET_GROUPS, max_size=2), d.pick(_CYF)}
    lape = pool.programme is Programme.LAPE
    return Grant(
        id=grant_id,
        pool=pool.id,
        recipient=recipient,
        amount=d.euros(1, max_amount),
        participants=tuple(participants),
        target_groups=frozenset(targets),
        programme=d.pick(_LAPE_PROGRAMMES if lape else _ALL_PROGRAMMES),
        priorities=frozenset(d.some(_PRIORITIES, min_size=1 if need_priority else 0)),
        region=d.pick(regions) if need_region else d.maybe(d.pick(regions)),
        decided=decided,
        costs=costs,
        project=None if project is None else project.id,
    )


def development_project(
    d: Draws, *, project_id: str, part: AreaParts, pool: FundingPool
) -> DevelopmentProject:
    """A development project of ``part``'s area funded from ``pool``: a lead applicant
    and a consortium of the area's actors (at least two actors in all: LAPE-F03), its
    project area named (LAPE-F10 compares the 2016 round's projects by area), and for
    a 2020-2022 pool perhaps its region and priorities (LAPE-F08)."""
    lead = d.pick(part.actors)
    consortium = d.some([a for a in part.actors if a != lead], min_size=1, max_size=3)
    if d.flag():  # the lead is listed in the consortium too
        consortium.insert(d.integer(0, len(consortium)), lead)
    f08 = is_2020_2022_pool(pool)
    assert pool.costs is not None
    return DevelopmentProject(
        id=project_id,
        name=f"LAPE development project ({part.area}, {pool.id})",
        project_area=part.area if pool.id == ROUND_POOL or d.flag() else None,
        region=d.maybe(part.region),
        lead=lead,
        consortium=tuple(consortium),
        priorities=frozenset(d.some(_PRIORITIES, max_size=2)) if f08 else frozenset(),
        period=d.maybe(pool.costs),
    )


def _funding(b: _Builder, max_grants: int, parts: Sequence[AreaParts]) -> None:
    from lape.reference import funding_pools

    d = b.d
    n = d.integer(0, max_grants)
    if n == 0:
        return
    reference = {p.id: p for p in funding_pools()}
    chosen = [d.pick((ROUND_POOL, FHSC_POOL, OWN_POOL)) for _ in range(n)]
    own = own_pool(d, pool_id=OWN_POOL, amount=Decimal(1)) if OWN_POOL in chosen else None
    actor_ids = sorted(b.actors)
    regions = sorted({part.region for part in parts})
    own_total = Decimal(0)
    for i, pool_id in enumerate(chosen):
        pool = own if own is not None and pool_id == OWN_POOL else reference[pool_id]
        assert pool.amount is not None
        share = (pool.amount / max_grants).quantize(Decimal("0.01"))
        project = None
        if pool_id != OWN_POOL and d.flag():  # one project per area and round (LAPE-F10)
            part = d.pick(parts)
            project_id = f"project-{part.area}-{pool_id}"
            project = b.projects.get(project_id)
            if project is None:
                project = development_project(d, project_id=project_id, part=part, pool=pool)
                b.projects[project_id] = project
        grant = valid_grant(
            d,
            grant_id=f"grant-{i + 1}",
            pool=pool,
            actor_ids=actor_ids,
            regions=regions,
            max_amount=max(min(Decimal(1_000_000), share), Decimal(1)),
            project=project,
        )
        b.grants.append(grant)
        if pool_id == OWN_POOL:
            own_total += grant.amount
    if own is not None:  # LAPE-F01: the own pool holds its grants and perhaps more
        b.pools.append(attrs.evolve(own, amount=own_total + d.euros(0, 1_000_000)))


# -- 2023 on: service networks and county youth councils ------------------------------------------


def _counties(
    b: _Builder, chosen: Sequence[MunicipalityCode], *, helsinki: bool
) -> list[CountyCode]:
    found: set[CountyCode] = set()
    for code in chosen:
        m = b.geo.municipality(code)
        if m is not None and m.county is not None:
            found.add(m.county)
    if not helsinki:
        found.discard(CountyCode("90"))
    if not found:  # e.g. only Helsinki chosen: any other county will do
        found = {c.code for c in b.geo.counties.values() if c.code != "90"}
    return sorted(found)


_PARTNER_KINDS = (
    (ActorKind.ORGANISATION,),
    (ActorKind.PARISH,),
    (ActorKind.ORGANISATION, ActorKind.PARISH),
)
_PARTNER_RESPONSIBILITY = {
    ActorKind.ORGANISATION: Responsibility.ORGANISATION,
    ActorKind.PARISH: Responsibility.PARISH,
}
_CLIENTS = (
    (ActorKind.EXPERIENCE_EXPERT,),
    (ActorKind.CLIENT_PANEL,),
    (ActorKind.YOUTH_COUNCIL,),
    (ActorKind.CLIENT_PANEL, ActorKind.EXPERIENCE_EXPERT),
    (ActorKind.YOUTH_COUNCIL, ActorKind.CLIENT_PANEL),
)
_INVOLVEMENTS: tuple[frozenset[Involvement], ...] = (
    frozenset({Involvement.PLANNING, Involvement.EVALUATION}),
    frozenset({Involvement.PLANNING}),
    frozenset({Involvement.EVALUATION}),
    frozenset(),
)
_SERVICE_KINDS = ("municipal", "county", "split", "partner")


def _involve(d: Draws, count: int) -> list[frozenset[Involvement] | None]:
    """What each of ``count`` client members takes part in: between them planning and
    evaluation (LAPE-N08); one of them may leave it unsaid when the others cover both."""
    found: list[frozenset[Involvement] | None] = [d.pick(_INVOLVEMENTS) for _ in range(count)]
    covered = frozenset(i for x in found if x is not None for i in x)
    last = found[-1]
    assert last is not None
    found[-1] = last | (frozenset(Involvement) - covered)
    rest = frozenset(i for x in found[1:] if x is not None for i in x)
    if count > 1 and rest == frozenset(Involvement) and d.flag():
        found[0] = None
    return found


def _network(b: _Builder, county: CountyCode, index: int, kind: NetworkKind) -> str:
    d, geo, as_of = b.d, b.geo, b.as_of
    family_centre = kind is NetworkKind.FAMILY_CENTRE
    nid = f"{'fc' if family_centre else 'net'}-{county}-{index}"
    centre = f"centre-{county}"
    if centre not in b.centres:
        b.centres[centre] = HealthSocialCentre(
            id=centre, name=f"Social and health centre {county}", county=county
        )
    codes = sorted(
        c for c in geo.municipalities_of_county(county) if geo.municipality_exists(c, as_of)
    )
    code = d.pick(codes)
    helsinki = county == HELSINKI_COUNTY

    def placed(actor_id: str, kind: ActorKind, name: str) -> str:
        """An actor of the county: naming the county, the municipality or both
        (LAPE-N04 places it there; LAPE-W01 finds the two in agreement)."""
        where = d.integer(0, 2)
        return b.actor(
            Actor(
                id=actor_id,
                name=name,
                kind=kind,
                sectors=d.maybe(frozenset({Sector.CIVIL_SOCIETY})),
                county=county if where != 1 else None,
                municipalities=(code,) if where != 0 else (),
            )
        )

    lead = b.actor(
        Actor(
            id=f"{nid}-lead",
            name=f"Wellbeing services county {county}",
            kind=ActorKind.WELLBEING_SERVICES_COUNTY,
            county=county,
            sectors=frozenset({Sector.SOCIAL_HEALTH}),
        )
    )
    edu = b.actor(
        Actor(
            id=f"{nid}-sivistys",
            name=f"{b.name(code)} education services",
            kind=ActorKind.MUNICIPAL_BODY,
            sectors=b.sectors(frozenset({Sector.EDUCATION_YOUTH})),
            municipalities=(code,),
        )
    )
    partner_kinds = d.pick(_PARTNER_KINDS)
    partners = [
        placed(f"{nid}-{k.value}", k, f"Family centre partner ({k.value})") for k in partner_kinds
    ]
    clients = [
        b.youth_council(code)
        if k is ActorKind.YOUTH_COUNCIL
        else placed(f"{nid}-{k.value}", k, f"Speaks for the clients ({k.value})")
        for k in d.pick(_CLIENTS)
    ]
    seated = [edu, *partners, *([lead] if d.flag() else [])]
    members = [NetworkMember(actor=a, role=d.pick(ROLES)) for a in seated]
    for client, involvement in zip(clients, _involve(d, len(clients)), strict=True):
        members.append(
            NetworkMember(actor=client, role=d.pick(CLIENT_ROLES), involvement=involvement)
        )
    if d.flag():  # a former member: no role needed once it has left
        left = as_of - dt.timedelta(days=d.integer(1, 300))
        members.append(
            NetworkMember(
                actor=partners[0],
                period=Period(start=left - dt.timedelta(days=100), end=left),
            )
        )
    members = list(d.shuffled(members))

    # -- services: who provides each and who organises it -------------------------------------
    services: list[Service] = []

    def service(
        provider: str,
        sector: Sector,
        responsibility: frozenset[Responsibility],
        municipality: MunicipalityCode | None,
    ) -> Service:
        k = len(services)
        svc = Service(
            id=f"{nid}-svc-{k}",
            name=f"Service {k}",
            service_type=f"type-{k}",
            provider=provider,
            target_groups=frozenset({d.pick(_TARGET_GROUPS), *d.some(_TARGET_GROUPS, max_size=1)}),
            sector=sector,
            responsibility=responsibility,
            municipality=municipality,
        )
        services.append(svc)
        return svc

    municipal_sectors: tuple[Sector, ...] = (Sector.EDUCATION_YOUTH, Sector.CULTURE_LEISURE)
    if helsinki:  # Helsinki organises its own social and health services (LAPE-W02)
        municipal_sectors = (*municipal_sectors, Sector.SOCIAL_HEALTH)
    own = frozenset({Responsibility.MUNICIPALITY})
    theirs = frozenset({Responsibility.COUNTY})
    for what in (d.pick(_SERVICE_KINDS) for _ in range(d.integer(1, 4))):
        if what == "municipal":  # early childhood education, school...
            service(edu, d.pick(municipal_sectors), d.pick((own, frozenset())), d.maybe(code))
        elif what == "county":  # child health clinic, student welfare... (LAPE-W02)
            service(lead, Sector.SOCIAL_HEALTH, d.pick((theirs, frozenset())), d.maybe(code))
        elif what == "split":  # one service organised by both (the interface's older form)
            service(d.pick((lead, edu)), Sector.EDUCATION_YOUTH, own | theirs, code)
        else:  # an organisation's or a parish's own work, outside public duty
            k = d.integer(0, len(partners) - 1)
            organiser = frozenset({_PARTNER_RESPONSIBILITY[partner_kinds[k]]})
            sector = d.pick((Sector.CIVIL_SOCIETY, Sector.SOCIAL_HEALTH))
            service(partners[k], sector, d.pick((organiser, frozenset())), d.maybe(code))
    links: list[CoordinationLink] = []
    first = services[0]
    others = [p for p in (lead, *partners) if p != first.provider]
    if d.flag():  # the same service run twice, coordinated (LAPE-N06)
        second = d.pick(others)
        if second == lead:
            organiser = theirs
        else:
            organiser = frozenset({_PARTNER_RESPONSIBILITY[partner_kinds[partners.index(second)]]})
        services.append(
            attrs.evolve(first, id=f"{nid}-svc-twin", provider=second, responsibility=organiser)
        )
        links.append(CoordinationLink(actors=(first.provider, second), description="shared"))

    # -- interfaces: wherever organising is split between the municipality and the county --------
    interfaces: list[Interface] = []
    for svc in services:
        if svc.is_split and d.flag():  # the older form: one service split on its own
            where = d.maybe(svc.municipality) if svc.municipality is not None else None
            interfaces.append(
                Interface(service=svc.id, municipality=where, description="who does what")
            )
    provisional = ServiceNetwork(
        id=nid, name=nid, services=tuple(services), interfaces=tuple(interfaces)
    )
    for split in provisional.responsibility_splits():  # LAPE-N07
        if split.covered:
            continue
        unnamed = set(split.unnamed)
        interfaces.append(
            Interface(
                target_group=d.maybe(split.target_group),  # not given: it stands for every group
                municipality=d.maybe(split.municipality),
                county=d.maybe(county),
                municipal_services=tuple(x for x in split.municipal_services if x in unnamed),
                county_services=tuple(x for x in split.county_services if x in unnamed),
                description=d.maybe("the school and student welfare meet here"),
            )
        )
    b.networks.append(
        ServiceNetwork(
            id=nid,
            name=f"{'Family centre' if family_centre else 'Service'} network {county}/{index}",
            kind=kind,
            county=county,
            centre=centre,
            leads=(lead,),
            members=tuple(members),
            services=tuple(services),
            interfaces=d.shuffled(interfaces),
            coordination=tuple(links),
            period=d.maybe(Period(start=FROM_2023)),
        )
    )
    return nid


def _county_youth_council(b: _Builder, county: CountyCode) -> str:
    geo, as_of = b.geo, b.as_of
    composed: dict[str, None] = {}
    for code in sorted(geo.municipalities_of_county(county)):
        if geo.municipality_exists(code, as_of):
            composed[b.youth_council(code)] = None
    return b.actor(
        Actor(
            id=f"aluenuva-{county}",
            name=f"County youth council {county}",
            kind=ActorKind.COUNTY_YOUTH_COUNCIL,
            county=county,
            composed_of=b.d.shuffled(list(composed)),
            period=b.d.maybe(Period(start=FROM_2023)),
        )
    )


# -- the strategies ----------------------------------------------------------------------


def check_arguments(
    as_of: dt.date | None,
    max_areas: int,
    max_municipalities: int,
    max_grants: int,
    max_networks: int,
) -> None:
    check_day("as_of", as_of)
    check_count("max_areas", max_areas, least=1)
    check_count("max_municipalities", max_municipalities, least=1)
    check_count("max_grants", max_grants, least=0)
    check_count("max_networks", max_networks, least=0)


@st.composite
def worlds(
    draw: st.DrawFn,
    *,
    as_of: dt.date | None = None,
    max_areas: int = 1,
    max_municipalities: int = 3,
    max_grants: int = 3,
    max_networks: int = 1,
    needs: Needs = NO_NEEDS,
) -> World:
    """A valid snapshot with the IDs of its parts (what :func:`valid_snapshots` and
    :func:`~lape.testing.rule_breaks` draw)."""
    from lape.reference import geography

    check_arguments(as_of, max_areas, max_municipalities, max_grants, max_networks)
    d = Draws(draw)
    day = as_of if as_of is not None else d.day(DEFAULT_FIRST_DAY, DEFAULT_LAST_DAY)
    geo = geography()
    b = _Builder(d, geo, day)
    b.actor(
        Actor(
            id=STM,
            name="Ministry of Social Affairs and Health",
            kind=ActorKind.MINISTRY,
            body=NationalBody.STM,
        )
    )
    b.group(
        Group(
            id=NATIONAL_GROUP,
            name="LAPE national leadership",
            kind=GroupKind.NATIONAL,
            members=(Membership(actor=STM, role=MemberRole.CHAIR),),
        )
    )

    group_period = None
    if d.flag():  # the programme's term rather than "always"
        start = d.day(D(2016, 1, 1), AGENT_EARLIEST - ONE_DAY)
        group_period = Period(start=start, end=d.pick((D(2018, 12, 31), STM_LAST_DAY, None)))
        if needs.groups_active and not group_period.contains(day):
            group_period = None
        if (
            needs.agent_started
            and GROUPS_TERM.contains(day)
            and group_period is not None
            and group_period.start >= day
        ):
            group_period = None  # the agent starts before the day, the groups before it
    groups_active = group_period is None or group_period.contains(day)

    forced = [a for a in needs.areas if a in geo.project_areas]
    others = [a for a in sorted(geo.project_areas) if a not in forced]
    least = max(needs.min_areas - len(forced), 0 if forced else 1)
    area_ids = [
        *forced,
        *d.some(others, min_size=least, max_size=max(max_areas - len(forced), least)),
    ]
    parts = [
        _area_part(b, area_id, max_municipalities, group_period, needs)
        for area_id in d.shuffled(area_ids)
    ]
    chosen = [code for part in parts for code in part.municipalities]
    _funding(b, max_grants, parts)

    networks: list[str] = []
    centres: list[str] = []
    cycs: list[str] = []
    if day >= FROM_2023:
        least = 1 if needs.network or needs.network_outside_helsinki else 0
        counties = _counties(b, chosen, helsinki=not needs.network_outside_helsinki)
        for index in range(d.integer(least, max(max_networks, least))):
            kind = NetworkKind.FAMILY_CENTRE if index == 0 else d.pick(tuple(NetworkKind))
            networks.append(_network(b, d.pick(counties), index, kind))
            if kind is NetworkKind.FAMILY_CENTRE:
                centres.append(networks[-1])
        if needs.county_youth_council or d.flag():
            county = d.pick(_counties(b, chosen, helsinki=True))
            cycs.append(_county_youth_council(b, county))

    snapshot = Snapshot(
        info=SnapshotInfo(
            title="A valid snapshot (lape.testing)",
            description="Built to satisfy every rule in force on its as_of day.",
            as_of=day,
            illustrative=True,
        ),
        scope=Scope(municipalities=tuple(chosen)),
        actors=tuple(b.actors.values()),
        groups=tuple(b.groups.values()),
        change_agents=tuple(b.agents),
        pools=tuple(b.pools),
        grants=tuple(b.grants),
        projects=tuple(b.projects.values()),
        centres=tuple(b.centres.values()),
        networks=tuple(b.networks),
    )
    return World(
        snapshot=snapshot,
        as_of=day,
        areas=tuple(parts),
        groups_active=groups_active,
        group_period=group_period,
        networks=tuple(networks),
        family_centres=tuple(centres),
        county_youth_councils=tuple(cycs),
    )


def valid_snapshots(
    *,
    as_of: dt.date | None = None,
    max_areas: int = 1,
    max_municipalities: int = 3,
    max_grants: int = 3,
    max_networks: int = 1,
) -> st.SearchStrategy[Snapshot]:
    """Snapshots that satisfy every rule in force on ``as_of``: checked on that day
    they give no error and no warning, failed or unknown (``info`` details may come).

    ``as_of`` is also the snapshot's ``info.as_of``, so ``lape.check(snapshot)``
    checks that day; when not given, a day of 2016-2025 is drawn. The snapshot
    covers one to ``max_areas`` of the 19 project areas of 2016-2019, with one to
    ``max_municipalities`` municipal groups in each (its scope), up to
    ``max_grants`` grants and, from 2023, up to ``max_networks`` service networks
    (the first a family centre). Snapshots are built to be valid, not filtered,
    and shrink towards one area, one municipality and no optional parts.

    >>> import datetime as dt
    >>> from hypothesis import given, settings
    >>> from lape.rules import check
    >>> @settings(max_examples=5, deadline=None)
    ... @given(valid_snapshots(as_of=dt.date(2017, 6, 1)))
    ... def test_valid(snapshot):
    ...     counts = check(snapshot).counts()
    ...     assert counts["error"] == counts["warning"] == counts["unknown"] == 0
    >>> test_valid()
    """
    return _valid_snapshots(
        worlds(
            as_of=as_of,
            max_areas=max_areas,
            max_municipalities=max_municipalities,
            max_grants=max_grants,
            max_networks=max_networks,
        )
    )


@st.composite
def _valid_snapshots(draw: st.DrawFn, drawn: st.SearchStrategy[World]) -> Snapshot:
    # a composite, not ``.map``: hypothesis would print the example as the call that
    # made it, ``_snapshot_of(World(...))``, where a user wants a snapshot to paste
    return recorded(draw, draw(drawn).snapshot)
