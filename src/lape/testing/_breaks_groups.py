"""Rule breaks for LAPE-G01..G15: development groups, their composition, mandate and links
(see :mod:`lape.testing._breaks`)."""

from __future__ import annotations

import datetime as dt

import attrs

from lape.model import (
    CORE_SECTORS,
    MUNICIPAL_BODIES,
    Actor,
    ActorKind,
    GroupKind,
    Mandate,
    MemberRole,
    Membership,
    MunicipalityCode,
    RegionCode,
    Sector,
    Snapshot,
)
from lape.testing._edits import (
    GROUPS_ACTIVE,
    UUSIMAA_AREAS,
    Broken,
    Mutation,
    Recipe,
    actor_of,
    add_actor,
    area_now,
    ended_before,
    evolve_actor,
    evolve_group,
    evolve_seats,
    group_of,
    in_effect,
    lose_seats,
    municipal_groups,
    municipality_now,
    outside_of,
    reference_geography,
    regional_groups,
    unlink,
    with_uusimaa,
)
from lape.testing._valid import (
    MUNICIPAL_KINDS,
    NATIONAL_GROUP,
    YOUTH_KINDS,
    Draws,
    Needs,
    World,
)

__all__ = ["RECIPES"]

# -- groups (LAPE-G01..G15) ---------------------------------------------------------------

_CORE = CORE_SECTORS
_OWN_BODY_KINDS = MUNICIPAL_BODIES


def _own_sector_gone(sector: Sector) -> Mutation:
    """LAPE-G01 / G02: the municipal group has no public body of its own municipality in
    ``sector`` any more (DOMAIN.md, "a municipality's own sector")."""
    other = next(x for x in _CORE if x is not sector)

    def mutate(d: Draws, w: World) -> Broken:
        s, day = w.snapshot, w.as_of
        group_id = d.pick(municipal_groups(w))
        g = group_of(s, group_id)
        assert g.municipality is not None
        code = g.municipality
        holders = sorted(
            {
                m.actor
                for m in g.members
                if in_effect(m, day)
                and (a := s.index.actor(m.actor)) is not None
                and sector in (a.sectors or ())
            }
        )
        both = [a for a in holders if other in (actor_of(s, a).sectors or ())]
        how = d.integer(0, 2)

        def strip(s: Snapshot, actor_id: str) -> Snapshot:
            return evolve_actor(
                s,
                actor_id,
                lambda a: attrs.evolve(a, sectors=(a.sectors or frozenset()) - {sector}),
            )

        # The municipality itself holds both sectors: it keeps the other one.
        for actor_id in both if how else holders:
            s = strip(s, actor_id)
        rest = [a for a in holders if a not in both]
        if how == 0:
            said = "no longer name that sector"
        elif how == 1:  # replaced by an actor that is not the municipality's own body
            w = attrs.evolve(w, snapshot=s)
            s = evolve_seats(w, group_id, lambda m, _a: m.actor in rest, lambda _m: None)
            geo = reference_geography()
            kinds = [ActorKind.ORGANISATION, ActorKind.PARISH]
            kinds.append(
                ActorKind.EDUCATIONAL_INSTITUTION
                if sector is Sector.EDUCATION_YOUTH
                else ActorKind.WELLBEING_SERVICES_COUNTY
            )
            kind = d.pick(kinds)
            county = geo.county_of(code) if kind is ActorKind.WELLBEING_SERVICES_COUNTY else None
            if kind is ActorKind.WELLBEING_SERVICES_COUNTY and county is None:
                kind = ActorKind.ORGANISATION  # a municipality merged before 2023 had none
            tagged = Actor(
                id=f"{group_id}-tagged",
                name=f"Not {code}'s own body, tagged {sector.value}",
                kind=kind,
                sectors=frozenset({sector}),
                municipalities=() if county is not None else (code,),
                county=county,
            )
            s = add_actor(s, tagged)
            seat = Membership(actor=tagged.id, role=d.pick((MemberRole.MEMBER, MemberRole.CHAIR)))
            s = evolve_group(
                s, group_id, lambda grp: attrs.evolve(grp, members=(*grp.members, seat))
            )
            said = f"lost their seats to {tagged.id}, a {kind.value} tagged with the sector"
        else:  # their seats ended before the day
            ended = ended_before(d, day)
            w = attrs.evolve(w, snapshot=s)
            s = evolve_seats(
                w, group_id, lambda m, _a: m.actor in rest, lambda m: attrs.evolve(m, period=ended)
            )
            said = f"sit in the group until {ended.end} only"
        return Broken(
            s,
            ("group", group_id),
            f"the own bodies of {code} for {sector.value} in {group_id} "
            f"({', '.join(holders)}) {said}",
        )

    return mutate


def _kind_gone(kind: ActorKind, group_kind: GroupKind) -> Mutation:
    def mutate(d: Draws, w: World) -> Broken:
        municipal = group_kind is GroupKind.MUNICIPAL
        group_id = d.pick(municipal_groups(w) if municipal else regional_groups(w))
        s, how = lose_seats(d, w, group_id, lambda _m, a: a is not None and a.kind is kind)
        return Broken(s, ("group", group_id), f"{group_id}'s members of kind {kind.value}: {how}")

    return mutate


def _district_elsewhere(d: Draws, w: World) -> Broken:
    """LAPE-G07: no hospital district with member municipalities in the area: the group's
    district is gone, or is one of another area."""
    part = d.pick(w.areas)
    group_id = part.regional_group
    s = w.snapshot
    if d.flag():
        geo = reference_geography()
        expected = geo.hospital_districts_of(area_now(part, w.as_of))
        district = d.pick(sorted(set(geo.hospital_districts) - expected))
        districts = [
            m.actor
            for m in group_of(s, group_id).members
            if actor_of(s, m.actor).kind is ActorKind.HOSPITAL_DISTRICT
        ]
        for actor_id in districts:
            s = evolve_actor(s, actor_id, lambda a: attrs.evolve(a, hospital_district=district))
        return Broken(
            s, ("group", group_id), f"{group_id}'s hospital district is {district}, of another area"
        )
    return _kind_gone(ActorKind.HOSPITAL_DISTRICT, GroupKind.REGIONAL)(d, w)


def _no_youth(d: Draws, w: World) -> Broken:
    """LAPE-G05: no youth representative (DOMAIN.md, "youth representative")."""
    group_id = d.pick([*municipal_groups(w), *regional_groups(w)])

    def youth(_m: Membership, a: Actor | None) -> bool:
        return a is not None and a.kind in YOUTH_KINDS

    if d.flag():  # only the label is left: an adult's seat says youth_representative
        s = evolve_seats(w, group_id, youth, lambda _m: None)
        adults = [m for m in group_of(s, group_id).members if in_effect(m, w.as_of)]
        label = d.pick(adults)
        relabelled = attrs.evolve(label, role=MemberRole.YOUTH_REPRESENTATIVE)
        s = evolve_group(
            s,
            group_id,
            lambda g: attrs.evolve(
                g, members=tuple(relabelled if m is label else m for m in g.members)
            ),
        )
        return Broken(
            s,
            ("group", group_id),
            f"{group_id} lost its youth representatives; {label.actor} is seated as one",
        )
    # A youth council serves its municipalities (LAPE-Y01) beside the group: its seat
    # ends, never the council itself.
    s, how = lose_seats(d, w, group_id, youth, end_actors=False)
    return Broken(s, ("group", group_id), f"{group_id}'s youth representatives: {how}")


def _no_municipalities(d: Draws, w: World) -> Broken:
    group_id = d.pick(regional_groups(w))
    s, how = lose_seats(d, w, group_id, lambda _m, a: a is not None and a.kind in MUNICIPAL_KINDS)
    return Broken(s, ("group", group_id), f"{group_id}'s members from the municipalities: {how}")


def _no_mandate(d: Draws, w: World) -> Broken:
    """LAPE-G12: no mandate, one from another grantor, or one decided after the day."""
    geo = reference_geography()
    day = w.as_of
    # A regional group's mandate also makes its change agent's hiring lawful (LAPE-C01).
    choices = [*municipal_groups(w), *(p.regional_group for p in w.areas if p.agent is None)]
    group_id = d.pick(choices)
    g = group_of(w.snapshot, group_id)
    later = day + dt.timedelta(days=d.integer(1, 300))
    if g.kind is GroupKind.MUNICIPAL:
        assert g.municipality is not None
        own = municipality_now(g.municipality, day)
        others = [m.code for m in geo.municipalities_on(day) if m.code != own]
        wrong = d.pick(
            (
                None,
                Mandate(municipality=d.pick(others)),
                Mandate(region=w.areas[0].region),
                Mandate(municipality=g.municipality, decided=later),
            )
        )
    else:
        regions = [r for r in sorted(geo.regions) if r != g.region]
        wrong = d.pick(
            (
                None,
                Mandate(region=RegionCode(d.pick(regions))),
                Mandate(municipality=w.areas[0].municipalities[0]),
                Mandate(region=g.region, decided=later),
            )
        )
    s = evolve_group(w.snapshot, group_id, lambda grp: attrs.evolve(grp, mandate=wrong))
    return Broken(s, ("group", group_id), f"{group_id} has the mandate {wrong!r}")


def _municipal_unlinked(d: Draws, w: World) -> Broken:
    """LAPE-G13: the municipal group is not linked to its own area's regional group, or
    is linked to another area's instead (a capital-region municipality to the rest of
    Uusimaa's group)."""
    part = d.pick(w.areas)
    group_id = d.pick(part.municipal_groups)
    s = unlink(w.snapshot, group_id, part.regional_group)
    others = [p for p in w.areas if p.area != part.area]
    close = [p for p in others if p.region == part.region]
    if others and d.flag():
        other = d.pick(close or others)
        s = evolve_group(
            s,
            group_id,
            lambda g: attrs.evolve(g, cooperates_with=(*g.cooperates_with, other.regional_group)),
        )
        said = f"cooperates with {other.regional_group} (of {other.area}) instead"
    else:
        said = "is linked to no regional group of its area"
    return Broken(
        s,
        ("group", group_id),
        f"{group_id} no longer cooperates with {part.regional_group}; {said}",
    )


def _regional_unlinked(d: Draws, w: World) -> Broken:
    part = d.pick(w.areas)
    other = d.pick((part.prep_group, NATIONAL_GROUP))
    s = unlink(w.snapshot, part.regional_group, other)
    return Broken(
        s,
        ("group", part.regional_group),
        f"{part.regional_group} no longer cooperates with {other}",
    )


def _outsider(d: Draws, w: World) -> Broken:
    """LAPE-G15: a member of another municipality, or of another project area (a Porvoo
    organisation in the capital region's group)."""
    part = d.pick(w.areas)
    group_id = d.pick([*part.municipal_groups, part.regional_group])
    g = group_of(w.snapshot, group_id)
    actor_id = f"{group_id}-outsider"
    if g.kind is GroupKind.MUNICIPAL:
        assert g.municipality is not None
        own = municipality_now(g.municipality, w.as_of)
        assert own is not None
        home = frozenset({MunicipalityCode(own)})
    else:
        home = area_now(part, w.as_of)
    code = outside_of(d, home, w.as_of, near=part.region)
    outsider = Actor(
        id=actor_id,
        name="An outside organisation",
        kind=ActorKind.ORGANISATION,
        municipalities=(code,),
    )
    s = add_actor(w.snapshot, outsider)
    seat = Membership(actor=actor_id, role=d.pick((MemberRole.MEMBER, MemberRole.EXPERT)))
    s = evolve_group(s, group_id, lambda grp: attrs.evolve(grp, members=(*grp.members, seat)))
    return Broken(s, ("group", group_id), f"{group_id} seats {actor_id}, of municipality {code}")


def _groups_across_areas(d: Draws, day: dt.date) -> Needs:
    """Groups in effect, and now and then two areas (both Uusimaa ones, or any two)."""
    if d.flag():
        return Needs(groups_active=True, areas=UUSIMAA_AREAS)
    return Needs(groups_active=True, min_areas=d.integer(1, 2))


def _uusimaa_groups(d: Draws, day: dt.date) -> Needs:
    return with_uusimaa(d, day, GROUPS_ACTIVE)


RECIPES: dict[str, Recipe] = {
    "LAPE-G01": Recipe(GROUPS_ACTIVE, _own_sector_gone(Sector.SOCIAL_HEALTH)),
    "LAPE-G02": Recipe(GROUPS_ACTIVE, _own_sector_gone(Sector.EDUCATION_YOUTH)),
    "LAPE-G03": Recipe(GROUPS_ACTIVE, _kind_gone(ActorKind.ORGANISATION, GroupKind.MUNICIPAL)),
    "LAPE-G04": Recipe(GROUPS_ACTIVE, _kind_gone(ActorKind.PARISH, GroupKind.MUNICIPAL)),
    "LAPE-G05": Recipe(GROUPS_ACTIVE, _no_youth),
    "LAPE-G06": Recipe(GROUPS_ACTIVE, _no_municipalities),
    "LAPE-G07": Recipe(_uusimaa_groups, _district_elsewhere),
    "LAPE-G08": Recipe(GROUPS_ACTIVE, _kind_gone(ActorKind.ORGANISATION, GroupKind.REGIONAL)),
    "LAPE-G09": Recipe(
        GROUPS_ACTIVE, _kind_gone(ActorKind.EDUCATIONAL_INSTITUTION, GroupKind.REGIONAL)
    ),
    "LAPE-G10": Recipe(GROUPS_ACTIVE, _kind_gone(ActorKind.COMPETENCE_CENTRE, GroupKind.REGIONAL)),
    "LAPE-G11": Recipe(GROUPS_ACTIVE, _kind_gone(ActorKind.PARISH, GroupKind.REGIONAL)),
    "LAPE-G12": Recipe(GROUPS_ACTIVE, _no_mandate),
    "LAPE-G13": Recipe(_groups_across_areas, _municipal_unlinked),
    "LAPE-G14": Recipe(GROUPS_ACTIVE, _regional_unlinked),
    "LAPE-G15": Recipe(_uusimaa_groups, _outsider),
}
