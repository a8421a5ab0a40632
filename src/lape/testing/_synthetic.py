"""Synthetic national-scale snapshots for benchmarks and load tests (no hypothesis needed).

Every real municipality of the checked day and every wellbeing services
county appears; the actors, groups, grants and networks are invented, made by
a seeded random generator so that the same arguments give the same snapshot.
At ``scale=1`` a snapshot has about 20,000 actors, 2,000 groups of 10-20
members, 5,000 grants and a family-centre network in every county; every
count grows linearly with ``scale``.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    CoordinationLink,
    CountyCode,
    Grant,
    Group,
    GroupKind,
    HealthSocialCentre,
    Interface,
    Mandate,
    MemberRole,
    Membership,
    MunicipalityCode,
    NationalBody,
    NetworkMember,
    Period,
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
from lape.reference import geography

__all__ = ["national_snapshot"]

_DAY = dt.date(2017, 6, 1)
_TERM = Period(start=dt.date(2017, 1, 1), end=dt.date(2018, 12, 31))
_SECTORS = (
    Sector.SOCIAL_HEALTH,
    Sector.EDUCATION_YOUTH,
    Sector.CULTURE_LEISURE,
    Sector.EMPLOYMENT,
    Sector.HOUSING,
)
_LOCAL_KINDS = (
    ActorKind.ORGANISATION,
    ActorKind.ORGANISATION,
    ActorKind.ORGANISATION,
    ActorKind.PARISH,
    ActorKind.EDUCATIONAL_INSTITUTION,
    ActorKind.COMPANY,
    ActorKind.EXPERIENCE_EXPERT,
)
_ACTORS_PER_MUNICIPALITY = 62
_WORKING_GROUPS_PER_MUNICIPALITY = 5
_GRANTS_PER_MUNICIPALITY = 16


def national_snapshot(*, scale: int = 1, seed: int = 0, as_of: dt.date = _DAY) -> Snapshot:
    """A synthetic snapshot of the whole country on ``as_of`` (default 2017-06-01).

    ``scale`` multiplies every count (actors, groups, grants, networks);
    ``seed`` fixes the random choices.

    >>> s = national_snapshot(scale=1)
    >>> 19_000 < len(s.actors) < 21_000, 1_900 < len(s.groups) < 2_200, len(s.grants) > 4_900
    (True, True, True)
    """
    if scale < 1:
        msg = f"scale must be a positive whole number, not {scale!r}"
        raise ValueError(msg)
    rng = random.Random(seed)
    geo = geography()
    municipalities = geo.municipalities_on(as_of)
    actors: list[Actor] = []
    groups: list[Group] = []
    grants: list[Grant] = []
    stm = Actor(
        id="stm",
        name="Ministry of Social Affairs and Health",
        kind=ActorKind.MINISTRY,
        body=NationalBody.STM,
    )
    actors.append(stm)
    national = Group(
        id="lape-national",
        name="LAPE national leadership",
        kind=GroupKind.NATIONAL,
        members=(Membership(actor="stm", role=MemberRole.CHAIR),),
    )
    groups.append(national)
    by_region: dict[RegionCode, list[MunicipalityCode]] = {}
    for m in municipalities:
        by_region.setdefault(m.region_on(as_of), []).append(m.code)

    for copy in range(scale):
        tag = f"{copy}" if scale > 1 else ""
        regional_members: dict[RegionCode, list[str]] = {r: [] for r in by_region}
        for m in municipalities:
            region = m.region_on(as_of)
            local = _municipality_actors(rng, m.code, m.name_fi, tag)
            actors.extend(local)
            ids = [a.id for a in local]
            regional_members[region].extend(ids[:2])
            groups.append(_municipal_group(rng, m.code, m.name_fi, region, ids, tag))
            for k in range(_WORKING_GROUPS_PER_MUNICIPALITY):
                members = rng.sample(ids, rng.randint(10, 20))
                groups.append(
                    Group(
                        id=f"wg{tag}-{m.code}-{k}",
                        name=f"{m.name_fi} working group {k}",
                        kind=GroupKind.OTHER,
                        municipality=m.code,
                        members=tuple(Membership(actor=a) for a in members),
                    )
                )
            for k in range(_GRANTS_PER_MUNICIPALITY):
                participants = rng.sample(ids, rng.randint(1, 4))
                grants.append(
                    Grant(
                        id=f"grant{tag}-{m.code}-{k}",
                        pool="lape-regional-2016",
                        recipient=ids[0],
                        participants=tuple(participants),
                        amount=Decimal(rng.randint(100_000, 350_000)) / 100,
                        target_groups=frozenset({TargetGroup.CHILDREN, TargetGroup.FAMILIES}),
                        region=region,
                        decided=dt.date(2016, 12, 22),
                        costs=_TERM,
                    )
                )
        for region, members in regional_members.items():
            regional = _regional_actors(region, tag)
            actors.extend(regional)
            seats = [*members[:30], *(a.id for a in regional)]
            groups.append(
                Group(
                    id=f"rg{tag}-{region}",
                    name=f"Regional LAPE group {region}",
                    kind=GroupKind.REGIONAL,
                    region=region,
                    mandate=Mandate(region=region, decided=dt.date(2016, 9, 1)),
                    members=tuple(Membership(actor=a) for a in seats),
                    cooperates_with=(f"prep{tag}-{region}", "lape-national"),
                )
            )
            groups.append(
                Group(
                    id=f"prep{tag}-{region}",
                    name=f"Reform preparation {region}",
                    kind=GroupKind.REFORM_PREPARATION,
                    region=region,
                )
            )

    agents = tuple(
        ChangeAgent(
            id=f"agent-{area.id}",
            name=f"Change agent of {area.name_en}",
            region=area.region,
            project_area=area.id,
            salary_payer="stm",
            employer_chosen_by=tuple(sorted(geo.municipalities_of_project_area(area.id, as_of))),
            employment=Period(start=dt.date(2016, 10, 1), end=dt.date(2018, 12, 31)),
        )
        for area in geo.project_areas.values()
    )
    centres, networks, county_actors = _networks(rng, scale)
    actors.extend(county_actors)
    return Snapshot(
        info=SnapshotInfo(
            title=f"Synthetic national snapshot (scale {scale}, seed {seed})",
            description="Invented actors, groups and grants over Finland's real areas.",
            as_of=as_of,
            illustrative=True,
        ),
        scope=Scope(regions=tuple(sorted(by_region))),
        actors=tuple(actors),
        groups=tuple(groups),
        change_agents=agents,
        grants=tuple(grants),
        centres=centres,
        networks=networks,
    )


def _municipality_actors(
    rng: random.Random, code: MunicipalityCode, name: str, tag: str
) -> list[Actor]:
    here = (code,)
    actors = [
        Actor(
            id=f"m{tag}-{code}-sote",
            name=f"{name} social and health services",
            kind=ActorKind.MUNICIPAL_BODY,
            sectors=frozenset({Sector.SOCIAL_HEALTH}),
            municipalities=here,
        ),
        Actor(
            id=f"m{tag}-{code}-sivistys",
            name=f"{name} education and youth services",
            kind=ActorKind.MUNICIPAL_BODY,
            sectors=frozenset({Sector.EDUCATION_YOUTH}),
            municipalities=here,
        ),
        Actor(
            id=f"m{tag}-{code}-nuva",
            name=f"{name} youth council",
            kind=ActorKind.YOUTH_COUNCIL,
            municipalities=here,
        ),
    ]
    for k in range(_ACTORS_PER_MUNICIPALITY - len(actors)):
        kind = rng.choice(_LOCAL_KINDS)
        actors.append(
            Actor(
                id=f"a{tag}-{code}-{k}",
                name=f"{name} {kind.value.replace('_', ' ')} {k}",
                kind=kind,
                sectors=frozenset(rng.sample(_SECTORS, rng.randint(0, 2))),
                municipalities=here,
            )
        )
    return actors


def _municipal_group(
    rng: random.Random,
    code: MunicipalityCode,
    name: str,
    region: RegionCode,
    ids: list[str],
    tag: str,
) -> Group:
    required = ids[:3]  # social and health, education and youth, youth council
    others = rng.sample(ids[3:], rng.randint(7, 17))
    seats = [*required, *others]
    return Group(
        id=f"mg{tag}-{code}",
        name=f"{name} LAPE group",
        kind=GroupKind.MUNICIPAL,
        municipality=code,
        mandate=Mandate(municipality=code, decided=dt.date(2016, 10, 1)),
        members=tuple(
            Membership(
                actor=a,
                role=MemberRole.YOUTH_REPRESENTATIVE if a.endswith("nuva") else MemberRole.MEMBER,
            )
            for a in seats
        ),
        cooperates_with=(f"rg{tag}-{region}",),
    )


def _regional_actors(region: RegionCode, tag: str) -> list[Actor]:
    kinds = (
        ActorKind.ORGANISATION,
        ActorKind.EDUCATIONAL_INSTITUTION,
        ActorKind.COMPETENCE_CENTRE,
        ActorKind.PARISH,
        ActorKind.REGIONAL_COUNCIL,
    )
    actors = [
        Actor(
            id=f"r{tag}-{region}-{kind.value}",
            name=f"{kind.value} of region {region}",
            kind=kind,
            region=region,
        )
        for kind in kinds
    ]
    geo = geography()
    districts = sorted(geo.hospital_districts_of(geo.municipalities_of_region(region, _DAY)))
    actors.extend(
        Actor(
            id=f"r{tag}-{region}-shp-{district}",
            name=f"Hospital district {district}",
            kind=ActorKind.HOSPITAL_DISTRICT,
            hospital_district=district,
            region=region,
        )
        for district in districts
    )
    return actors


def _networks(
    rng: random.Random, scale: int
) -> tuple[tuple[HealthSocialCentre, ...], tuple[ServiceNetwork, ...], list[Actor]]:
    geo = geography()
    centres: list[HealthSocialCentre] = []
    networks: list[ServiceNetwork] = []
    actors: list[Actor] = []
    for county in geo.counties.values():
        code = CountyCode(county.code)
        centre = HealthSocialCentre(
            id=f"centre-{code}", name=f"{county.name_en} centre", county=code
        )
        centres.append(centre)
        for copy in range(scale):
            lead = Actor(
                id=f"county{copy}-{code}",
                name=county.name_en,
                kind=ActorKind.WELLBEING_SERVICES_COUNTY,
                county=code,
                sectors=frozenset({Sector.SOCIAL_HEALTH}),
            )
            partners = [
                Actor(
                    id=f"fc{copy}-{code}-{k}",
                    name=f"Family centre partner {k} of {county.short_id}",
                    kind=(ActorKind.ORGANISATION, ActorKind.PARISH, ActorKind.MUNICIPAL_BODY)[
                        k % 3
                    ],
                    sectors=frozenset(
                        {Sector.EDUCATION_YOUTH if k % 3 == 2 else Sector.CIVIL_SOCIETY}
                    ),
                    county=code,
                )
                for k in range(30)
            ]
            actors.extend([lead, *partners])
            services = tuple(
                Service(
                    id=f"svc{copy}-{code}-{k}",
                    name=f"Service {k}",
                    service_type=f"type-{k % 25}",
                    provider=(lead, *partners)[k % 31].id,
                    target_groups=frozenset({TargetGroup.CHILDREN, TargetGroup.FAMILIES}),
                    sector=Sector.SOCIAL_HEALTH if k % 2 else Sector.EDUCATION_YOUTH,
                    responsibility=frozenset({Responsibility.COUNTY}),
                )
                for k in range(50)
            )
            links = tuple(
                CoordinationLink(actors=(a.id, b.id))
                for a, b in zip(partners, rng.sample(partners, len(partners)), strict=True)
                if a.id != b.id
            )
            networks.append(
                ServiceNetwork(
                    id=f"fc{copy}-{code}",
                    name=f"Family centre network of {county.name_en}",
                    county=code,
                    centre=centre.id,
                    leads=(lead.id,),
                    members=tuple(
                        NetworkMember(actor=a.id, role="partner") for a in (lead, *partners)
                    ),
                    services=services,
                    interfaces=tuple(Interface(service=s.id) for s in services if s.is_split),
                    coordination=links,
                    period=Period(start=dt.date(2023, 1, 1)),
                )
            )
    return tuple(centres), tuple(networks), actors
