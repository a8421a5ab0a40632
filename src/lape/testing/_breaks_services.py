"""Rule breaks for LAPE-N01..N08, W01, W02: service networks and the wellbeing services
counties (see :mod:`lape.testing._breaks`)."""

from __future__ import annotations

import attrs

from lape.model import (
    Actor,
    ActorKind,
    HealthSocialCentre,
    Interface,
    Involvement,
    NetworkKind,
    NetworkMember,
    Responsibility,
    Sector,
    Service,
    ServiceNetwork,
    TargetGroup,
)
from lape.testing._edits import (
    A_FAMILY_CENTRE,
    Broken,
    Recipe,
    actor_of,
    add_actor,
    add_service,
    ended_before,
    evolve_actor,
    evolve_network,
    in_effect,
    municipality_now,
    network_actor_ids,
    network_of,
    other_county_code,
    reference_geography,
)
from lape.testing._valid import (
    CLIENT_KINDS,
    Draws,
    Needs,
    World,
)

__all__ = ["RECIPES"]

# -- service networks (LAPE-N01..N08, W01, W02) --------------------------------------------------


def _two_leads(d: Draws, w: World) -> Broken:
    network_id = d.pick(w.family_centres)
    n = network_of(w.snapshot, network_id)
    second = d.pick([a for a in network_actor_ids(n, w.as_of) if a not in n.leads])
    s = evolve_network(w.snapshot, network_id, lambda x: attrs.evolve(x, leads=(*x.leads, second)))
    return Broken(s, ("network", network_id), f"{network_id} is led by {second} too")


def _sector_missing(d: Draws, w: World) -> Broken:
    network_id = d.pick(w.family_centres)
    gone = d.pick((Sector.EDUCATION_YOUTH, Sector.SOCIAL_HEALTH))
    s = w.snapshot
    n = network_of(s, network_id)
    for actor_id in network_actor_ids(n, w.as_of):
        s = evolve_actor(
            s, actor_id, lambda a: attrs.evolve(a, sectors=(a.sectors or frozenset()) - {gone})
        )

    def edit(x: ServiceNetwork) -> ServiceNetwork:
        services = tuple(
            svc
            if svc.sector is not None and svc.sector is not gone
            else attrs.evolve(svc, sector=Sector.CULTURE_LEISURE)
            for svc in x.services
        )
        return attrs.evolve(x, services=services)

    s = evolve_network(s, network_id, edit)
    return Broken(
        s, ("network", network_id), f"nothing in {network_id} is of the {gone.value} sector"
    )


def _no_partners(d: Draws, w: World) -> Broken:
    network_id = d.pick(w.family_centres)
    s = w.snapshot
    partners = {ActorKind.ORGANISATION, ActorKind.PARISH}

    def edit(x: ServiceNetwork) -> ServiceNetwork:
        kept = tuple(
            m for m in x.members if (a := s.index.actor(m.actor)) is None or a.kind not in partners
        )
        return attrs.evolve(x, members=kept)

    return Broken(
        evolve_network(s, network_id, edit),
        ("network", network_id),
        f"{network_id} has no organisation or parish any more",
    )


def _outside_county(d: Draws, w: World) -> Broken:
    """LAPE-N04: no county, no centre of its county, or a member of another county (a
    service in another county breaks LAPE-W01 too: DOMAIN.md names both rules)."""
    network_id = d.pick(w.family_centres)
    s = w.snapshot
    n = network_of(s, network_id)
    how = d.integer(0, 3)
    if how == 0:
        s = evolve_network(s, network_id, lambda x: attrs.evolve(x, centre=None))
        said = "is part of no social and health centre"
    elif how == 1:
        s = evolve_network(s, network_id, lambda x: attrs.evolve(x, county=None))
        said = "belongs to no county"
    elif how == 2:
        county = d.pick([c for c in sorted(reference_geography().counties) if c != n.county])
        centre = HealthSocialCentre(
            id=f"centre-other-{county}", name="Another centre", county=county
        )
        s = attrs.evolve(s, centres=(*s.centres, centre))
        s = evolve_network(s, network_id, lambda x: attrs.evolve(x, centre=centre.id))
        said = f"is part of the centre of county {county}"
    else:  # a member of another county
        code = other_county_code(d, n.county, w.as_of)
        actor = Actor(
            id=f"{network_id}-elsewhere",
            name="An organisation of another county",
            kind=ActorKind.ORGANISATION,
            municipalities=(code,),
        )
        member = NetworkMember(actor=actor.id, role="partner")
        s = evolve_network(
            add_actor(s, actor),
            network_id,
            lambda x: attrs.evolve(x, members=(*x.members, member)),
        )
        said = f"has a member of municipality {code}, of another county"
    return Broken(s, ("network", network_id), f"{network_id} {said}")


def _role_missing(d: Draws, w: World) -> Broken:
    network_id = d.pick(w.networks)
    n = network_of(w.snapshot, network_id)
    index = d.pick([i for i, m in enumerate(n.members) if in_effect(m, w.as_of)])
    role = d.pick((None, "", "  "))

    def edit(x: ServiceNetwork) -> ServiceNetwork:
        members = tuple(
            attrs.evolve(m, role=role) if i == index else m for i, m in enumerate(x.members)
        )
        return attrs.evolve(x, members=members)

    actor_id = n.members[index].actor
    return Broken(
        evolve_network(w.snapshot, network_id, edit),
        ("network", network_id),
        f"the role of {actor_id} in {network_id} is {role!r}",
    )


def _run_twice(d: Draws, w: World) -> Broken:
    network_id = d.pick(w.networks)
    n = network_of(w.snapshot, network_id)
    original = d.pick(n.services)
    rival = Actor(
        id=f"{network_id}-rival",
        name="An organisation running the same service",
        kind=ActorKind.ORGANISATION,
    )
    copy = attrs.evolve(
        original,
        id=f"{network_id}-svc-copy",
        provider=rival.id,
        responsibility=frozenset({Responsibility.ORGANISATION}),
    )
    s = add_actor(w.snapshot, rival)
    return Broken(
        add_service(s, network_id, copy),
        ("network", network_id),
        f"{rival.id} runs {original.service_type} beside {original.provider}, uncoordinated",
    )


def _outside_helsinki(w: World, networks: tuple[str, ...]) -> list[str]:
    return [n for n in networks if network_of(w.snapshot, n).county != "90"]


def _split_not_identified(d: Draws, w: World) -> Broken:
    """LAPE-N07: a responsibility split with no interface, or one whose interfaces leave a
    service of it unnamed, or two new services (a school of the municipality, student
    welfare of the county, for the same children) that no interface names."""
    network_id = d.pick(_outside_helsinki(w, w.networks))
    s = w.snapshot
    n = network_of(s, network_id)
    splits = n.responsibility_splits()
    how = d.integer(0, 2) if splits else 2
    if how == 0:  # the interfaces that stand for one split are gone
        split = d.pick(splits)
        gone = set(split.interfaces)
        s = evolve_network(
            s,
            network_id,
            lambda x: attrs.evolve(
                x, interfaces=tuple(i for k, i in enumerate(x.interfaces) if k not in gone)
            ),
        )
        said = (
            f"records no interface for {split.target_group.value} in {split.municipality} any more"
        )
    elif how == 1:  # a service of a split is named by no interface
        split = d.pick(splits)
        unnamed = d.pick((*split.municipal_services, *split.county_services))

        def unname(i: Interface) -> Interface | None:
            if i.service == unnamed:
                return None
            return attrs.evolve(
                i,
                municipal_services=tuple(x for x in i.municipal_services if x != unnamed),
                county_services=tuple(x for x in i.county_services if x != unnamed),
            )

        def edit(x: ServiceNetwork) -> ServiceNetwork:
            kept = (unname(i) for i in x.interfaces)
            return attrs.evolve(x, interfaces=tuple(i for i in kept if i is not None))

        s = evolve_network(s, network_id, edit)
        said = f"names {unnamed} in no interface"
    else:  # a school and student welfare for the same children, no interface
        geo = reference_geography()
        edu = actor_of(s, f"{network_id}-sivistys")
        (code,) = edu.municipalities
        assert geo.county_of(code) == n.county
        group = d.pick((TargetGroup.CHILDREN, TargetGroup.YOUNG_PEOPLE))
        school = Service(
            id=f"{network_id}-svc-school",
            name="School",
            service_type="school",
            provider=edu.id,
            target_groups=frozenset({group}),
            sector=Sector.EDUCATION_YOUTH,
            responsibility=frozenset({Responsibility.MUNICIPALITY}),
            municipality=code,
        )
        welfare = Service(
            id=f"{network_id}-svc-welfare",
            name="Student welfare",
            service_type="student-welfare",
            provider=n.leads[0],
            target_groups=frozenset({group}),
            sector=Sector.SOCIAL_HEALTH,
            responsibility=frozenset({Responsibility.COUNTY}),
            municipality=d.maybe(code),
        )
        s = add_service(add_service(s, network_id, school), network_id, welfare)
        said = f"adds {school.id} and {welfare.id} for {group.value} in {code}, no interface"
    return Broken(s, ("network", network_id), f"{network_id} {said}")


def _clients_left_out(d: Draws, w: World) -> Broken:
    """LAPE-N08: no one speaks for the clients in planning and evaluation: the client
    members are gone, their seats ended, or they take part in one of the two only."""
    network_id = d.pick(w.family_centres)
    s, day = w.snapshot, w.as_of

    def client(m: NetworkMember) -> bool:
        a = s.index.actor(m.actor)
        return in_effect(m, day) and a is not None and a.kind in CLIENT_KINDS

    how = d.integer(0, 2)
    ended = ended_before(d, day)
    only = d.pick((frozenset({Involvement.PLANNING}), frozenset({Involvement.EVALUATION})))

    def edit(m: NetworkMember) -> NetworkMember | None:
        if how == 0:
            return None
        if how == 1:
            return attrs.evolve(m, period=ended)
        return attrs.evolve(m, involvement=only)

    said = (
        "has no member speaking for its clients",
        f"had its client members until {ended.end} only",
        f"involves its clients in {', '.join(sorted(i.value for i in only))} only",
    )[how]

    def edit_network(x: ServiceNetwork) -> ServiceNetwork:
        members = (edit(m) if client(m) else m for m in x.members)
        return attrs.evolve(x, members=tuple(m for m in members if m is not None))

    return Broken(
        evolve_network(s, network_id, edit_network), ("network", network_id), f"{network_id} {said}"
    )


def _county_disagrees(d: Draws, w: World) -> Broken:
    """LAPE-W01: an actor names a county and a municipality of another county, or a
    network's interface names a municipality outside the network's county, or a network
    other than a family centre runs a service there (a family centre's service there
    breaks LAPE-N04 too)."""
    geo, s, day = reference_geography(), w.snapshot, w.as_of
    others = [n for n in w.networks if network_of(s, n).kind is not NetworkKind.FAMILY_CENTRE]
    how = d.integer(0, 2 if others else 1)
    if how == 0:  # an actor of a municipal group names the wrong county
        part = d.pick(w.areas)
        code = d.pick(part.municipalities)
        actor_id = f"{code}-jarjesto"
        now = municipality_now(code, day)
        assert now is not None
        county = d.pick([c for c in sorted(geo.counties) if c != geo.county_of(now)])
        s = evolve_actor(s, actor_id, lambda a: attrs.evolve(a, county=county))
        return Broken(
            s, ("actor", actor_id), f"{actor_id} names county {county} and municipality {code}"
        )
    if how == 1:  # an interface in a municipality of another county
        network_id = d.pick(w.networks)
        n = network_of(s, network_id)
        code = other_county_code(d, n.county, day)
        interface = Interface(
            target_group=d.maybe(d.pick(tuple(TargetGroup))),
            municipality=code,
            county=d.maybe(n.county),
            description="in another county",
        )
        s = evolve_network(
            s, network_id, lambda x: attrs.evolve(x, interfaces=(*x.interfaces, interface))
        )
        return Broken(s, ("network", network_id), f"{network_id} records an interface in {code}")
    network_id = d.pick(others)
    n = network_of(s, network_id)
    code = other_county_code(d, n.county, day)
    svc = Service(
        id=f"{network_id}-svc-elsewhere",
        name="A service in another county",
        service_type="elsewhere",
        provider=n.leads[0],
        target_groups=frozenset({TargetGroup.FAMILIES}),
        sector=Sector.CIVIL_SOCIETY,
        responsibility=frozenset({Responsibility.ORGANISATION}),
        municipality=code,
    )
    return Broken(
        add_service(s, network_id, svc),
        ("network", network_id),
        f"{network_id} (not a family centre) runs {svc.id} in {code}, of another county",
    )


def _not_the_county(d: Draws, w: World) -> Broken:
    """LAPE-W02: a family centre's social and health service organised by the
    municipality (outside Helsinki), or provided by a joint municipal authority or a
    hospital district other than HUS."""
    s = w.snapshot
    how = d.integer(0, 2)
    choices = _outside_helsinki(w, w.family_centres) if how < 2 else list(w.family_centres)
    network_id = d.pick(choices)
    n = network_of(s, network_id)
    edu = actor_of(s, f"{network_id}-sivistys")
    service_id = f"{network_id}-svc-not-county"
    clinic = Service(
        id=service_id,
        name="Child health clinic",
        service_type="child-health-clinic",
        provider=edu.id,
        target_groups=frozenset({TargetGroup.CHILDREN}),
        sector=Sector.SOCIAL_HEALTH,
    )
    if how == 0:  # organised by the municipality (a county-wide one: no new split, N07)
        svc = attrs.evolve(
            clinic,
            provider=d.pick((edu.id, n.leads[0])),
            responsibility=frozenset({Responsibility.MUNICIPALITY}),
        )
        said = "is organised by the municipality"
    elif how == 1:  # no organiser given: the municipal provider tells it
        svc = attrs.evolve(clinic, municipality=d.maybe(edu.municipalities[0]))
        said = f"is provided by {edu.id}, a municipal body, with no organiser given"
    else:
        geo = reference_geography()
        if d.flag():
            kind, district = ActorKind.JOINT_MUNICIPAL_AUTHORITY, None
        else:
            others = sorted(h for h in geo.hospital_districts if h != "HUS")
            kind, district = ActorKind.HOSPITAL_DISTRICT, d.pick(others)
        provider = Actor(
            id=f"{network_id}-joint",
            name="A joint municipal authority",
            kind=kind,
            hospital_district=district,
            municipalities=edu.municipalities,
        )
        s = add_actor(s, provider)
        # No organiser given: one named (the county) would meet the municipality's
        # services for children, a responsibility split that LAPE-N07 asks an interface for.
        svc = attrs.evolve(
            clinic, provider=provider.id, municipality=d.maybe(edu.municipalities[0])
        )
        said = f"is provided by {provider.id}, a {kind.value}"
    return Broken(
        add_service(s, network_id, svc),
        ("service", service_id),
        f"{service_id}, a social and health service, {said}",
    )


RECIPES: dict[str, Recipe] = {
    "LAPE-N01": Recipe(A_FAMILY_CENTRE, _two_leads),
    "LAPE-N02": Recipe(A_FAMILY_CENTRE, _sector_missing),
    "LAPE-N03": Recipe(A_FAMILY_CENTRE, _no_partners),
    "LAPE-N04": Recipe(A_FAMILY_CENTRE, _outside_county),
    "LAPE-N05": Recipe(A_FAMILY_CENTRE, _role_missing),
    "LAPE-N06": Recipe(A_FAMILY_CENTRE, _run_twice),
    "LAPE-N07": Recipe(Needs(network_outside_helsinki=True), _split_not_identified),
    "LAPE-N08": Recipe(A_FAMILY_CENTRE, _clients_left_out),
    "LAPE-W01": Recipe(A_FAMILY_CENTRE, _county_disagrees),
    "LAPE-W02": Recipe(Needs(network_outside_helsinki=True), _not_the_county),
}
