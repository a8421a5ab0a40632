"""Rule breaks: a valid snapshot with one change that breaks exactly one rule.

:func:`rule_breaks` draws a snapshot from the valid ones (see
:mod:`lape.testing._valid`) and applies one mutation made for the chosen rule;
checked on the day, the snapshot's errors and warnings are exactly that rule
about one subject (:attr:`RuleBreak.expected`). Each mutation is chosen so that
no other rule notices it: e.g. LAPE-S03 inverts a change agent's employment,
which LAPE-C01..C06 leave to LAPE-S03, and LAPE-F rules get a fresh pool and
grant of their own.

The mutations use the definitions the rules share (DOMAIN.md revision 2) to
break a rule exactly where it bites, among other ways: LAPE-G01 seats an
organisation tagged ``social_health`` (or a wellbeing services county before
2023) in place of the municipality's own body, or the own body's seat ends
before the day; LAPE-G05 relabels an adult's seat ``youth_representative``;
LAPE-G12 dates the mandate after the day; LAPE-G13 links a municipal group to
the regional group of another project area (a capital-region municipality to
the rest of Uusimaa's); LAPE-G15 seats a member of the other Uusimaa area;
LAPE-C01 names the other Uusimaa area for an agent; LAPE-C02 puts an agent's
project area outside its region; LAPE-C06 has a 2020 agent paid by a national
body or an organisation of another area; LAPE-F10 funds a second project of an
area in the 2016 round, or one without a lead applicant; LAPE-N04 places a
service or a member in another county; LAPE-N07 leaves a service of a
responsibility split unnamed; LAPE-N08 involves the clients in planning only;
LAPE-W01 has an actor or an interface name a municipality of another county;
LAPE-W02 has a joint municipal authority provide a social and health service.

Every catalogue rule can be broken alone on some day;
:func:`~lape.testing.breakable_window` says on which (LAPE-F10 from the day the
2016 round's call opened, 2016-09-01: a grant of the round must be decided by
the day to count, and no earlier than the call). :data:`~lape.testing.UNBREAKABLE`
is empty.

LAPE-C02 always reports both agents of a clashing pair, and LAPE-F10 both
projects of one area: the break names the added one as the subject and the
other in :attr:`~lape.testing.RuleBreak.also_reported`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
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
    Programme,
    RegionCode,
    Responsibility,
    Scope,
    Sector,
    Service,
    ServiceNetwork,
    Snapshot,
    TargetGroup,
)
from lape.testing._rulebreak import UNBREAKABLE, RuleBreak, breakable_window
from lape.testing._valid import (
    AGENT_POOL,
    CLIENT_KINDS,
    DEFAULT_FIRST_DAY,
    DEFAULT_LAST_DAY,
    F08_YEARS,
    GROUPS_TERM,
    MUNICIPAL_KINDS,
    NATIONAL_GROUP,
    ROUND_POOL,
    STM,
    STM_LAST_DAY,
    YOUTH_KINDS,
    AreaParts,
    Draws,
    Needs,
    World,
    check_arguments,
    development_project,
    own_pool,
    valid_grant,
    worlds,
)

__all__ = ["rule_breaks"]

CAPITAL_REGION = "capital-region"
REST_OF_UUSIMAA = "uusimaa"
UUSIMAA_AREAS = (CAPITAL_REGION, REST_OF_UUSIMAA)
"""The two project areas of Uusimaa (LAPE-G13, G15 and C01 break across them)."""


@attrs.frozen
class _Broken:
    snapshot: Snapshot
    subject: tuple[str, str]
    description: str
    also: tuple[tuple[str, str], ...] = ()


Mutation = Callable[[Draws, World], _Broken]
NeedsOf = Callable[[Draws, dt.date], Needs]
"""The parts a break needs, drawn (e.g. both Uusimaa areas now and then)."""


@attrs.frozen
class _Recipe:
    needs: Needs | NeedsOf
    mutate: Mutation

    def needs_on(self, d: Draws, day: dt.date) -> Needs:
        return self.needs if isinstance(self.needs, Needs) else self.needs(d, day)


# -- editing a snapshot ---------------------------------------------------------------


def _geo() -> Geography:
    from lape.reference import geography

    return geography()


def _edit_actor(s: Snapshot, actor_id: str, edit: Callable[[Actor], Actor]) -> Snapshot:
    return attrs.evolve(s, actors=tuple(edit(a) if a.id == actor_id else a for a in s.actors))


def _edit_group(s: Snapshot, group_id: str, edit: Callable[[Group], Group]) -> Snapshot:
    return attrs.evolve(s, groups=tuple(edit(g) if g.id == group_id else g for g in s.groups))


def _edit_agent(s: Snapshot, agent_id: str, edit: Callable[[ChangeAgent], ChangeAgent]) -> Snapshot:
    agents = tuple(edit(a) if a.id == agent_id else a for a in s.change_agents)
    return attrs.evolve(s, change_agents=agents)


def _edit_network(
    s: Snapshot, network_id: str, edit: Callable[[ServiceNetwork], ServiceNetwork]
) -> Snapshot:
    networks = tuple(edit(n) if n.id == network_id else n for n in s.networks)
    return attrs.evolve(s, networks=networks)


def _add_actor(s: Snapshot, actor: Actor) -> Snapshot:
    assert s.index.actor(actor.id) is None, actor.id
    return attrs.evolve(s, actors=(*s.actors, actor))


def _group(s: Snapshot, group_id: str) -> Group:
    found = s.index.group(group_id)
    assert found is not None, group_id
    return found


def _network(s: Snapshot, network_id: str) -> ServiceNetwork:
    found = s.index.network(network_id)
    assert found is not None, network_id
    return found


def _agent(s: Snapshot, agent_id: str) -> ChangeAgent:
    found = s.index.change_agent(agent_id)
    assert found is not None, agent_id
    return found


def _actor(s: Snapshot, actor_id: str) -> Actor:
    found = s.index.actor(actor_id)
    assert found is not None, actor_id
    return found


def _active(m: Membership | NetworkMember, day: dt.date) -> bool:
    return m.period is None or m.period.contains(day)


def _ended(d: Draws, day: dt.date) -> Period:
    """A period that ended before ``day``."""
    end = day - dt.timedelta(days=d.integer(1, 300))
    return Period(start=end - dt.timedelta(days=d.integer(0, 400)), end=end)


def _edit_seats(
    w: World,
    group_id: str,
    chosen: Callable[[Membership, Actor | None], bool],
    edit: Callable[[Membership], Membership | None],
) -> Snapshot:
    """The snapshot with the group's active seats that are ``chosen`` edited (``None``:
    the seat removed)."""
    s = w.snapshot

    def edit_group(g: Group) -> Group:
        kept = []
        for m in g.members:
            if _active(m, w.as_of) and chosen(m, s.index.actor(m.actor)):
                changed = edit(m)
                if changed is not None:
                    kept.append(changed)
            else:
                kept.append(m)
        return attrs.evolve(g, members=tuple(kept))

    return _edit_group(s, group_id, edit_group)


def _lose_seats(
    d: Draws,
    w: World,
    group_id: str,
    chosen: Callable[[Membership, Actor | None], bool],
    *,
    end_actors: bool = True,
) -> tuple[Snapshot, str]:
    """The snapshot with the ``chosen`` active seats of the group gone: removed, or their
    seats (or, with ``end_actors``, for actors that sit nowhere else, the actors
    themselves) ended before the day. Returns how, in words."""
    s = w.snapshot
    holders = [
        m.actor
        for m in _group(s, group_id).members
        if _active(m, w.as_of) and chosen(m, s.index.actor(m.actor))
    ]
    how = d.integer(0, 2 if end_actors else 1)
    if how == 2 and all(_seated_in(s, a) == {group_id} for a in holders):
        ended = _ended(d, w.as_of)
        for actor_id in holders:
            s = _edit_actor(s, actor_id, lambda a: attrs.evolve(a, period=ended))
        return s, f"ended on {ended.end}"
    if how >= 1:
        ended = _ended(d, w.as_of)
        s = _edit_seats(w, group_id, chosen, lambda m: attrs.evolve(m, period=ended))
        return s, f"seated until {ended.end}"
    return _edit_seats(w, group_id, chosen, lambda _m: None), "removed"


def _seated_in(s: Snapshot, actor_id: str) -> set[str]:
    """The groups and networks that seat ``actor_id``."""
    found = {g.id for g in s.groups if any(m.actor == actor_id for m in g.members)}
    for n in s.networks:
        if actor_id in n.leads or any(m.actor == actor_id for m in n.members):
            found.add(n.id)
    return found


def _unlink(s: Snapshot, a: str, b: str) -> Snapshot:
    """The snapshot without the cooperation of groups ``a`` and ``b`` (named on either side)."""

    def edit(g: Group) -> Group:
        other = b if g.id == a else a if g.id == b else None
        if other is None:
            return g
        return attrs.evolve(g, cooperates_with=tuple(x for x in g.cooperates_with if x != other))

    return attrs.evolve(s, groups=tuple(edit(g) for g in s.groups))


def _municipal_groups(w: World) -> list[str]:
    return [g for part in w.areas for g in part.municipal_groups]


def _regional_groups(w: World) -> list[str]:
    return [part.regional_group for part in w.areas]


def _now(code: str, day: dt.date) -> str | None:
    """The municipality ``code`` is on ``day`` (the one it merged into, if it has)."""
    return _geo().municipality_on(code, day)


def _area_now(part: AreaParts, day: dt.date) -> frozenset[MunicipalityCode]:
    return _geo().municipalities_of_project_area(part.area, day)


def _outside(
    d: Draws, area: frozenset[MunicipalityCode], day: dt.date, *, near: str | None = None
) -> MunicipalityCode:
    """A municipality existing on ``day`` outside ``area``; of region ``near`` when there
    is one (the other Uusimaa area's, for an Uusimaa area)."""
    geo = _geo()
    candidates = [m for m in geo.municipalities_on(day) if m.code not in area]
    close = [m for m in candidates if near is not None and m.region_on(day) == near]
    return d.pick(close or candidates).code


def _uusimaa(d: Draws, day: dt.date, base: Needs) -> Needs:
    """``base``, and now and then both Uusimaa areas (breaks across the two)."""
    if d.flag():
        return attrs.evolve(base, areas=UUSIMAA_AREAS)
    return base


# -- groups (LAPE-G01..G15) ---------------------------------------------------------------

_CORE = (Sector.SOCIAL_HEALTH, Sector.EDUCATION_YOUTH)
_OWN_BODY_KINDS = frozenset({ActorKind.MUNICIPALITY, ActorKind.MUNICIPAL_BODY})


def _own_sector_gone(sector: Sector) -> Mutation:
    """LAPE-G01 / G02: the municipal group has no public body of its own municipality in
    ``sector`` any more (DOMAIN.md, "a municipality's own sector")."""
    other = next(x for x in _CORE if x is not sector)

    def mutate(d: Draws, w: World) -> _Broken:
        s, day = w.snapshot, w.as_of
        group_id = d.pick(_municipal_groups(w))
        g = _group(s, group_id)
        assert g.municipality is not None
        code = g.municipality
        holders = sorted(
            {
                m.actor
                for m in g.members
                if _active(m, day)
                and (a := s.index.actor(m.actor)) is not None
                and sector in (a.sectors or ())
            }
        )
        both = [a for a in holders if other in (_actor(s, a).sectors or ())]
        how = d.integer(0, 2)

        def strip(s: Snapshot, actor_id: str) -> Snapshot:
            return _edit_actor(
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
            s = _edit_seats(w, group_id, lambda m, _a: m.actor in rest, lambda _m: None)
            geo = _geo()
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
            s = _add_actor(s, tagged)
            seat = Membership(actor=tagged.id, role=d.pick((MemberRole.MEMBER, MemberRole.CHAIR)))
            s = _edit_group(
                s, group_id, lambda grp: attrs.evolve(grp, members=(*grp.members, seat))
            )
            said = f"lost their seats to {tagged.id}, a {kind.value} tagged with the sector"
        else:  # their seats ended before the day
            ended = _ended(d, day)
            w = attrs.evolve(w, snapshot=s)
            s = _edit_seats(
                w, group_id, lambda m, _a: m.actor in rest, lambda m: attrs.evolve(m, period=ended)
            )
            said = f"sit in the group until {ended.end} only"
        return _Broken(
            s,
            ("group", group_id),
            f"the own bodies of {code} for {sector.value} in {group_id} "
            f"({', '.join(holders)}) {said}",
        )

    return mutate


def _kind_gone(kind: ActorKind, group_kind: GroupKind) -> Mutation:
    def mutate(d: Draws, w: World) -> _Broken:
        municipal = group_kind is GroupKind.MUNICIPAL
        group_id = d.pick(_municipal_groups(w) if municipal else _regional_groups(w))
        s, how = _lose_seats(d, w, group_id, lambda _m, a: a is not None and a.kind is kind)
        return _Broken(s, ("group", group_id), f"{group_id}'s members of kind {kind.value}: {how}")

    return mutate


def _district_elsewhere(d: Draws, w: World) -> _Broken:
    """LAPE-G07: no hospital district with member municipalities in the area: the group's
    district is gone, or is one of another area."""
    part = d.pick(w.areas)
    group_id = part.regional_group
    s = w.snapshot
    if d.flag():
        geo = _geo()
        expected = geo.hospital_districts_of(_area_now(part, w.as_of))
        district = d.pick(sorted(set(geo.hospital_districts) - expected))
        districts = [
            m.actor
            for m in _group(s, group_id).members
            if _actor(s, m.actor).kind is ActorKind.HOSPITAL_DISTRICT
        ]
        for actor_id in districts:
            s = _edit_actor(s, actor_id, lambda a: attrs.evolve(a, hospital_district=district))
        return _Broken(
            s, ("group", group_id), f"{group_id}'s hospital district is {district}, of another area"
        )
    return _kind_gone(ActorKind.HOSPITAL_DISTRICT, GroupKind.REGIONAL)(d, w)


def _no_youth(d: Draws, w: World) -> _Broken:
    """LAPE-G05: no youth representative (DOMAIN.md, "youth representative")."""
    group_id = d.pick([*_municipal_groups(w), *_regional_groups(w)])

    def youth(_m: Membership, a: Actor | None) -> bool:
        return a is not None and a.kind in YOUTH_KINDS

    if d.flag():  # only the label is left: an adult's seat says youth_representative
        s = _edit_seats(w, group_id, youth, lambda _m: None)
        adults = [m for m in _group(s, group_id).members if _active(m, w.as_of)]
        label = d.pick(adults)
        relabelled = attrs.evolve(label, role=MemberRole.YOUTH_REPRESENTATIVE)
        s = _edit_group(
            s,
            group_id,
            lambda g: attrs.evolve(
                g, members=tuple(relabelled if m is label else m for m in g.members)
            ),
        )
        return _Broken(
            s,
            ("group", group_id),
            f"{group_id} lost its youth representatives; {label.actor} is seated as one",
        )
    # A youth council serves its municipalities (LAPE-Y01) beside the group: its seat
    # ends, never the council itself.
    s, how = _lose_seats(d, w, group_id, youth, end_actors=False)
    return _Broken(s, ("group", group_id), f"{group_id}'s youth representatives: {how}")


def _no_municipalities(d: Draws, w: World) -> _Broken:
    group_id = d.pick(_regional_groups(w))
    s, how = _lose_seats(d, w, group_id, lambda _m, a: a is not None and a.kind in MUNICIPAL_KINDS)
    return _Broken(s, ("group", group_id), f"{group_id}'s members from the municipalities: {how}")


def _no_mandate(d: Draws, w: World) -> _Broken:
    """LAPE-G12: no mandate, one from another grantor, or one decided after the day."""
    geo = _geo()
    day = w.as_of
    # A regional group's mandate also makes its change agent's hiring lawful (LAPE-C01).
    choices = [*_municipal_groups(w), *(p.regional_group for p in w.areas if p.agent is None)]
    group_id = d.pick(choices)
    g = _group(w.snapshot, group_id)
    later = day + dt.timedelta(days=d.integer(1, 300))
    if g.kind is GroupKind.MUNICIPAL:
        assert g.municipality is not None
        own = _now(g.municipality, day)
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
    s = _edit_group(w.snapshot, group_id, lambda grp: attrs.evolve(grp, mandate=wrong))
    return _Broken(s, ("group", group_id), f"{group_id} has the mandate {wrong!r}")


def _municipal_unlinked(d: Draws, w: World) -> _Broken:
    """LAPE-G13: the municipal group is not linked to its own area's regional group, or
    is linked to another area's instead (a capital-region municipality to the rest of
    Uusimaa's group)."""
    part = d.pick(w.areas)
    group_id = d.pick(part.municipal_groups)
    s = _unlink(w.snapshot, group_id, part.regional_group)
    others = [p for p in w.areas if p.area != part.area]
    close = [p for p in others if p.region == part.region]
    if others and d.flag():
        other = d.pick(close or others)
        s = _edit_group(
            s,
            group_id,
            lambda g: attrs.evolve(g, cooperates_with=(*g.cooperates_with, other.regional_group)),
        )
        said = f"cooperates with {other.regional_group} (of {other.area}) instead"
    else:
        said = "is linked to no regional group of its area"
    return _Broken(
        s,
        ("group", group_id),
        f"{group_id} no longer cooperates with {part.regional_group}; {said}",
    )


def _regional_unlinked(d: Draws, w: World) -> _Broken:
    part = d.pick(w.areas)
    other = d.pick((part.prep_group, NATIONAL_GROUP))
    s = _unlink(w.snapshot, part.regional_group, other)
    return _Broken(
        s,
        ("group", part.regional_group),
        f"{part.regional_group} no longer cooperates with {other}",
    )


def _outsider(d: Draws, w: World) -> _Broken:
    """LAPE-G15: a member of another municipality, or of another project area (a Porvoo
    organisation in the capital region's group)."""
    part = d.pick(w.areas)
    group_id = d.pick([*part.municipal_groups, part.regional_group])
    g = _group(w.snapshot, group_id)
    actor_id = f"{group_id}-outsider"
    if g.kind is GroupKind.MUNICIPAL:
        assert g.municipality is not None
        own = _now(g.municipality, w.as_of)
        assert own is not None
        home = frozenset({MunicipalityCode(own)})
    else:
        home = _area_now(part, w.as_of)
    code = _outside(d, home, w.as_of, near=part.region)
    outsider = Actor(
        id=actor_id,
        name="An outside organisation",
        kind=ActorKind.ORGANISATION,
        municipalities=(code,),
    )
    s = _add_actor(w.snapshot, outsider)
    seat = Membership(actor=actor_id, role=d.pick((MemberRole.MEMBER, MemberRole.EXPERT)))
    s = _edit_group(s, group_id, lambda grp: attrs.evolve(grp, members=(*grp.members, seat)))
    return _Broken(s, ("group", group_id), f"{group_id} seats {actor_id}, of municipality {code}")


# -- change agents (LAPE-C01..C06) --------------------------------------------------------


def _agents(w: World, *, stm: bool | None = None) -> list[tuple[str, AreaParts]]:
    """(agent ID, area) of the areas with an agent (STM-funded or not, if asked)."""
    return [
        (p.agent, p) for p in w.areas if p.agent is not None and (stm is None or p.stm_agent is stm)
    ]


def _c01_needs(d: Draws, day: dt.date) -> Needs:
    if d.flag():  # an Uusimaa agent that may name the other Uusimaa area
        return Needs(agent=True, agent_started=True, areas=(d.pick(UUSIMAA_AREAS),))
    return Needs(agent=True, agent_started=True)


def _mandate_too_late(d: Draws, w: World) -> _Broken:
    """LAPE-C01: the agent's project area had no regional group set up and mandated by
    its first day: the mandate came later (by the day, when LAPE-G12 watches it), the
    group was set up later, or the agent names the other Uusimaa area, which has none."""
    agent_id, part = d.pick(_agents(w))
    s, day = w.snapshot, w.as_of
    agent = _agent(s, agent_id)
    start = agent.employment.start
    areas = {p.area for p in w.areas}
    if part.area in UUSIMAA_AREAS and not set(UUSIMAA_AREAS) <= areas and d.flag():
        other = next(a for a in UUSIMAA_AREAS if a != part.area)
        geo = _geo()
        chosen_by = tuple(sorted(geo.municipalities_of_project_area(other, start)))
        payer = agent.salary_payer
        if payer is not None and payer != STM:
            payer = part.council  # LAPE-C06: an own organisation of the other area too

        def edit(a: ChangeAgent) -> ChangeAgent:
            return attrs.evolve(
                a, project_area=other, employer_chosen_by=chosen_by, salary_payer=payer
            )

        return _Broken(
            _edit_agent(s, agent_id, edit),
            ("change_agent", agent_id),
            f"{agent_id} works for project area {other}, which has no regional group",
        )
    watched = GROUPS_TERM.contains(day) and w.groups_active  # LAPE-G12 reads the mandate
    last = min(day, start + dt.timedelta(days=200)) if watched else start + dt.timedelta(days=200)
    assert last > start, (start, day)
    late = d.day(start + dt.timedelta(days=1), last)
    group_id = part.regional_group
    g = _group(s, group_id)
    end = None if g.period is None else g.period.end
    if (end is None or late <= end) and d.flag():

        def set_up(grp: Group) -> Group:
            return attrs.evolve(grp, period=Period(start=late, end=end))

        return _Broken(
            _edit_group(s, group_id, set_up),
            ("change_agent", agent_id),
            f"{group_id} is set up on {late}, after {agent_id} started on {start}",
        )

    def mandate(grp: Group) -> Group:
        assert grp.mandate is not None
        return attrs.evolve(grp, mandate=attrs.evolve(grp.mandate, decided=late))

    return _Broken(
        _edit_group(s, group_id, mandate),
        ("change_agent", agent_id),
        f"the mandate of {group_id} is decided on {late}, after {agent_id} started on {start}",
    )


def _second_agent(d: Draws, w: World) -> _Broken:
    """LAPE-C02: two STM-funded agents in one area at once, or an agent whose project
    area lies outside its region."""
    agent_id, part = d.pick(_agents(w, stm=True))
    agent = _agent(w.snapshot, agent_id)
    if d.flag():
        geo = _geo()
        region = d.pick([r for r in sorted(geo.regions) if r != part.region])
        s = _edit_agent(
            w.snapshot,
            agent_id,
            lambda a: attrs.evolve(a, region=RegionCode(region), project_area=part.area),
        )
        return _Broken(
            s,
            ("change_agent", agent_id),
            f"{agent_id} is of region {region}, its project area {part.area} of {part.region}",
        )
    twin = attrs.evolve(agent, id=f"{agent_id}-second", name=f"{agent.name} (second)")
    s = attrs.evolve(w.snapshot, change_agents=(*w.snapshot.change_agents, twin))
    return _Broken(
        s,
        ("change_agent", twin.id),
        f"{twin.id}, STM-funded, works in the project area of {agent_id} at the same time",
        also=(("change_agent", agent_id),),
    )


def _agent_after_2019(d: Draws, w: World) -> _Broken:
    """LAPE-C03: an STM-funded employment past 2019. From 2020 (LAPE-C06 in force) the
    salary comes through the 2019 agents' pool and is paid by the area's own council,
    so that only the term is wrong."""
    agent_id, part = d.pick(_agents(w, stm=True))
    open_ended = w.as_of > STM_LAST_DAY and d.flag()  # judged up to the day
    end = None if open_ended else d.day(dt.date(2020, 1, 1), dt.date(2021, 12, 31))
    own = w.as_of > STM_LAST_DAY

    def edit(a: ChangeAgent) -> ChangeAgent:
        a = attrs.evolve(a, employment=Period(start=a.employment.start, end=end))
        if own:
            a = attrs.evolve(a, salary_payer=part.council, pool=AGENT_POOL)
        return a

    s = _edit_agent(w.snapshot, agent_id, edit)
    paid = f", paid by {part.council} from {AGENT_POOL}" if own else ""
    return _Broken(
        s, ("change_agent", agent_id), f"{agent_id}, STM-funded, works until {end}{paid}"
    )


def _chooser(agent: ChangeAgent, day: dt.date) -> frozenset[MunicipalityCode]:
    """The municipalities LAPE-C05 expects to have chosen the agent's employer."""
    geo = _geo()
    if agent.project_area is not None:
        return geo.municipalities_of_project_area(agent.project_area, day)
    return geo.municipalities_of_region(agent.region, day)


def _agent_too_early(d: Draws, w: World) -> _Broken:
    agent_id, part = d.pick(_agents(w, stm=True))
    first = dt.date(2016, 1, 1)
    if w.group_period is not None:
        first = max(first, w.group_period.start)
    start = d.day(first, dt.date(2016, 8, 31))

    def edit_agent(a: ChangeAgent) -> ChangeAgent:
        chosen = {*(a.employer_chosen_by or ()), *_chooser(a, start)}  # LAPE-C05 on the new day
        return attrs.evolve(
            a,
            employment=Period(start=start, end=a.employment.end),
            employer_chosen_by=tuple(sorted(chosen)),
        )

    def edit_group(g: Group) -> Group:  # LAPE-C01: mandated by the new first day
        assert g.mandate is not None
        if g.mandate.decided is None or g.mandate.decided <= start:
            return g
        return attrs.evolve(g, mandate=attrs.evolve(g.mandate, decided=start))

    s = _edit_group(_edit_agent(w.snapshot, agent_id, edit_agent), part.regional_group, edit_group)
    return _Broken(s, ("change_agent", agent_id), f"{agent_id}, STM-funded, starts on {start}")


def _employer_chosen_by_few(d: Draws, w: World) -> _Broken:
    geo = _geo()
    agent_id, _ = d.pick(_agents(w))
    agent = _agent(w.snapshot, agent_id)
    expected = sorted(_chooser(agent, agent.employment.start))

    listed = agent.employer_chosen_by or ()

    def still_represented(code: str) -> bool:
        # LAPE-C05 reads merged municipalities as the ones they merged into, on both
        # sides: leaving Kuopio out while Juankoski, merged into it, is listed leaves
        # Kuopio represented.
        now = geo.municipality_on(code, w.as_of)
        return now in {geo.municipality_on(c, w.as_of) for c in listed if c != code}

    left_out = d.pick([c for c in expected if not still_represented(c)])
    now = geo.municipality_on(left_out, w.as_of)
    chosen = tuple(c for c in listed if geo.municipality_on(c, w.as_of) != now)
    if d.flag():
        chosen = ()
    s = _edit_agent(w.snapshot, agent_id, lambda a: attrs.evolve(a, employer_chosen_by=chosen))
    return _Broken(
        s, ("change_agent", agent_id), f"the employer of {agent_id} was chosen by {chosen}"
    )


_NATIONAL_PAYERS = (
    (ActorKind.MINISTRY, NationalBody.OKM),
    (ActorKind.GOVERNMENT_AGENCY, NationalBody.THL),
    (ActorKind.ASSOCIATION_OF_MUNICIPALITIES, NationalBody.KUNTALIITTO),
)


def _paid_from_outside(d: Draws, w: World) -> _Broken:
    """LAPE-C06: an agent working after 2019, not STM-funded, whose salary a national body
    or an organisation of another area pays (the capital region's agent paid from the
    rest of Uusimaa, when it is there)."""
    agent_id, part = d.pick(_agents(w, stm=False))
    agent = _agent(w.snapshot, agent_id)
    employment = agent.employment
    if employment.end is not None and employment.end <= STM_LAST_DAY:
        end = d.maybe(d.day(dt.date(2020, 1, 1), dt.date(2022, 12, 31)))
        employment = Period(start=employment.start, end=end)
    payer_id = f"{agent_id}-payer"
    if d.flag():
        kind, body = d.pick(_NATIONAL_PAYERS)
        payer = Actor(id=payer_id, name=f"National body {body.value}", kind=kind, body=body)
    else:
        area = _area_now(part, w.as_of)
        code = _outside(d, area, w.as_of, near=part.region)
        payer = Actor(
            id=payer_id,
            name="An organisation of another area",
            kind=d.pick((ActorKind.ORGANISATION, ActorKind.MUNICIPAL_BODY)),
            municipalities=(code,),
        )
    s = _add_actor(w.snapshot, payer)

    def edit(a: ChangeAgent) -> ChangeAgent:
        return attrs.evolve(a, employment=employment, salary_payer=payer_id, pool=None)

    return _Broken(
        _edit_agent(s, agent_id, edit),
        ("change_agent", agent_id),
        f"{agent_id}, employed {employment}, is paid by {payer_id} ({payer.kind.value})",
    )


# -- funding (LAPE-F01..F10): a fresh pool and grant of their own ------------------------------


BREAK_POOL = "break-pool"
BREAK_GRANT = "break-grant"
BREAK_PROJECT = "break-project"


def _fresh(
    d: Draws,
    w: World,
    *,
    kind: GrantKind,
    programme: Programme,
    costs: Period | None = None,
    decided_before_call: bool = False,
) -> tuple[FundingPool, Grant]:
    """A pool of the snapshot's own whose call opened by the day, and a valid grant
    from it decided by the day (so that it counts)."""
    opens = d.day(w.as_of - dt.timedelta(days=700), w.as_of)
    if decided_before_call:
        opens = w.as_of - dt.timedelta(days=d.integer(0, 100))
    pool = own_pool(
        d, pool_id=BREAK_POOL, call_opens=opens, kind=kind, programme=programme, costs=costs
    )
    assert pool.amount is not None
    grant = valid_grant(
        d,
        grant_id=BREAK_GRANT,
        pool=pool,
        actor_ids=sorted(a.id for a in w.snapshot.actors),
        regions=sorted({p.region for p in w.areas}),
        max_amount=min(pool.amount, Decimal(1000)),
        latest_decision=w.as_of,
    )
    return pool, grant


def _with_funding(
    w: World,
    pool: FundingPool | None,
    grant: Grant | None,
    project: DevelopmentProject | None = None,
) -> Snapshot:
    s = w.snapshot
    pools = s.pools if pool is None else (*s.pools, pool)
    grants = s.grants if grant is None else (*s.grants, grant)
    projects = s.projects if project is None else (*s.projects, project)
    return attrs.evolve(s, pools=pools, grants=grants, projects=projects)


_ANY_KIND = (GrantKind.STATE_SUBSIDY, GrantKind.OTHER, GrantKind.CHANGE_AGENT_SUBSIDY)
_ANY_PROGRAMME = (Programme.LAPE, Programme.OTHER, Programme.FUTURE_HEALTH_SOCIAL_CENTRES)
"""LAPE-F09 examines every grant's amount; LAPE-F01..F08 and F10 only the programme's
own (``lape``) pools (DOMAIN.md, "LAPE pools")."""


def _overspent(d: Draws, w: World) -> _Broken:
    from lape.reference import funding_pools

    if w.as_of >= dt.date(2016, 9, 1) and d.flag():  # the real 2016-2018 pool
        pool = next(p for p in funding_pools() if p.id == ROUND_POOL)
        assert pool.amount is not None
        grant = valid_grant(
            d,
            grant_id=BREAK_GRANT,
            pool=pool,
            actor_ids=sorted(a.id for a in w.snapshot.actors),
            regions=sorted({p.region for p in w.areas}),
            max_amount=Decimal(1000),
            latest_decision=w.as_of,
        )
        grant = attrs.evolve(grant, amount=pool.amount + d.euros(Decimal("0.01"), 1000))
        s = _with_funding(w, None, grant)
    else:
        pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=Programme.LAPE)
        assert pool.amount is not None
        grant = attrs.evolve(grant, amount=pool.amount + d.euros(Decimal("0.01"), 1000))
        s = _with_funding(w, pool, grant)
    return _Broken(s, ("pool", pool.id), f"{grant.id} of {grant.amount} EUR overspends {pool.id}")


def _costs_outside(d: Draws, w: World) -> _Broken:
    pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=Programme.LAPE)
    assert pool.costs is not None
    assert pool.costs.end is not None
    if d.flag():
        costs = Period(
            start=pool.costs.start, end=pool.costs.end + dt.timedelta(days=d.integer(1, 300))
        )
    else:
        costs = Period(
            start=pool.costs.start - dt.timedelta(days=d.integer(1, 300)), end=pool.costs.end
        )
    grant = attrs.evolve(grant, costs=costs)
    return _Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"{grant.id} covers costs {costs}"
    )


def _alone(d: Draws, w: World) -> _Broken:
    """LAPE-F03: one actor alone: the grant's own recipient, or the project it funds."""
    pool, grant = _fresh(d, w, kind=GrantKind.STATE_SUBSIDY, programme=Programme.LAPE)
    if d.flag():  # the grant funds a project whose consortium is its lead alone
        project = development_project(d, project_id=BREAK_PROJECT, part=d.pick(w.areas), pool=pool)
        assert project.lead is not None
        project = attrs.evolve(project, consortium=d.pick(((), (project.lead,))))
        assert pool.amount is not None
        grant = valid_grant(
            d,
            grant_id=BREAK_GRANT,
            pool=pool,
            actor_ids=sorted(a.id for a in w.snapshot.actors),
            regions=sorted({p.region for p in w.areas}),
            max_amount=min(pool.amount, Decimal(1000)),
            latest_decision=w.as_of,
            project=project,
        )
        return _Broken(
            _with_funding(w, pool, grant, project),
            ("grant", grant.id),
            f"{grant.id} funds {project.id}, whose consortium is {project.lead} alone",
        )
    participants = d.pick(((), (grant.recipient,)))
    grant = attrs.evolve(grant, participants=participants)
    return _Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"{grant.id} funds one actor alone"
    )


def _late_start_up(d: Draws, w: World) -> _Broken:
    wide = Period(start=dt.date(2016, 1, 1), end=dt.date(2019, 12, 31))
    pool, grant = _fresh(d, w, kind=GrantKind.START_UP_GRANT, programme=Programme.LAPE, costs=wide)
    start = d.day(dt.date(2018, 1, 1), dt.date(2019, 12, 31))
    costs = Period(start=start, end=d.day(start, dt.date(2019, 12, 31)))
    grant = attrs.evolve(grant, costs=costs)
    return _Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"start-up grant {grant.id} in {costs}"
    )


def _decided_before_call(d: Draws, w: World) -> _Broken:
    pool, grant = _fresh(
        d, w, kind=d.pick(_ANY_KIND), programme=Programme.LAPE, decided_before_call=True
    )
    assert pool.call is not None
    decided = pool.call.start - dt.timedelta(days=d.integer(1, 60))
    grant = attrs.evolve(grant, decided=decided)
    return _Broken(
        _with_funding(w, pool, grant),
        ("grant", grant.id),
        f"{grant.id} decided on {decided}, before the call opened on {pool.call.start}",
    )


_NOT_CYF = (TargetGroup.ADULTS, TargetGroup.OLDER_PEOPLE, TargetGroup.EVERYONE)


def _wrong_target(d: Draws, w: World) -> _Broken:
    pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=Programme.LAPE)
    targets = frozenset(d.some(_NOT_CYF))
    grant = attrs.evolve(grant, target_groups=targets)
    return _Broken(
        _with_funding(w, pool, grant),
        ("grant", grant.id),
        f"{grant.id} is for {sorted(t.value for t in targets)}",
    )


def _child_strategy(d: Draws, w: World) -> _Broken:
    pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=Programme.LAPE)
    grant = attrs.evolve(grant, programme=Programme.CHILD_STRATEGY)
    return _Broken(
        _with_funding(w, pool, grant),
        ("grant", grant.id),
        f"{grant.id} pays child-strategy work from LAPE pool {pool.id}",
    )


def _no_priority(d: Draws, w: World) -> _Broken:
    start = d.day(dt.date(2019, 1, 1), dt.date(2022, 12, 31))
    end = max(start, F08_YEARS.start) + dt.timedelta(days=d.integer(30, 1000))
    costs = Period(start=start, end=end)  # overlaps 2020-2022: LAPE-F08 examines its grants
    pool, grant = _fresh(d, w, kind=GrantKind.STATE_SUBSIDY, programme=Programme.LAPE, costs=costs)
    region, priorities = d.pick(
        ((None, grant.priorities), (grant.region, frozenset()), (None, frozenset()))
    )
    grant = attrs.evolve(grant, region=region, priorities=priorities)
    return _Broken(
        _with_funding(w, pool, grant),
        ("grant", grant.id),
        f"2020-2022 grant {grant.id}: region {region}, "
        f"priorities {sorted(p.value for p in priorities)}",
    )


def _bad_amount(d: Draws, w: World) -> _Broken:
    pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=d.pick(_ANY_PROGRAMME))
    amount = -d.euros(0, 1000)
    if d.flag():  # the pool's own amount, and no grant from it
        pool = attrs.evolve(pool, amount=amount)
        return _Broken(
            _with_funding(w, pool, None), ("pool", pool.id), f"{pool.id} holds {amount} EUR"
        )
    grant = attrs.evolve(grant, amount=amount)
    return _Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"{grant.id} is of {amount} EUR"
    )


def _round_projects(w: World) -> dict[str, list[str]]:
    """The development projects that the 2016 round's grants counted on the day fund,
    by project area (what LAPE-F10 compares)."""
    s = w.snapshot
    found: dict[str, list[str]] = {}
    for grant in s.grants:
        counts = grant.decided is None or grant.decided <= w.as_of
        if grant.pool != ROUND_POOL or grant.project is None or not counts:
            continue
        project = s.index.project(grant.project)
        if project is not None and project.project_area is not None:
            ids = found.setdefault(project.project_area, [])
            if project.id not in ids:
                ids.append(project.id)
    return found


def _round_grant(d: Draws, w: World, project: DevelopmentProject, grant_id: str) -> Grant:
    from lape.reference import funding_pools

    pool = next(p for p in funding_pools() if p.id == ROUND_POOL)
    return valid_grant(
        d,
        grant_id=grant_id,
        pool=pool,
        actor_ids=sorted(a.id for a in w.snapshot.actors),
        regions=sorted({p.region for p in w.areas}),
        max_amount=Decimal(1000),
        latest_decision=w.as_of,
        project=project,
    )


def _one_project_per_area(d: Draws, w: World) -> _Broken:
    """LAPE-F10: the 2016 round funds a project without a lead applicant, or a second
    project of an area."""
    from lape.reference import funding_pools

    pool = next(p for p in funding_pools() if p.id == ROUND_POOL)
    part = d.pick(w.areas)
    funded = _round_projects(w)
    free = [a for a in sorted(_geo().project_areas) if a not in funded]
    new = development_project(d, project_id=BREAK_PROJECT, part=part, pool=pool)
    s = w.snapshot
    if d.flag():  # no lead applicant (the consortium still has two actors: LAPE-F03)
        assert new.lead is not None
        consortium = tuple(dict.fromkeys((*new.consortium, new.lead)))
        area = part.area if part.area in free else d.pick(free)
        new = attrs.evolve(new, lead=None, consortium=consortium, project_area=area)
        grant = _round_grant(d, w, new, BREAK_GRANT)
        return _Broken(
            _with_funding(w, None, grant, new),
            ("project", new.id),
            f"{new.id}, funded by {grant.id} of the 2016 round, names no lead applicant",
        )
    if part.area in funded and d.flag():  # beside the area's own project
        (first, *_) = funded[part.area]
        new = attrs.evolve(new, project_area=part.area)
        grant = _round_grant(d, w, new, BREAK_GRANT)
        return _Broken(
            _with_funding(w, None, grant, new),
            ("project", new.id),
            f"{new.id} is a second project of {part.area} in the 2016 round, beside {first}",
            also=(("project", first),),
        )
    area = part.area if part.area in free else d.pick(free)
    first_project = attrs.evolve(
        development_project(d, project_id=f"{BREAK_PROJECT}-first", part=part, pool=pool),
        project_area=area,
    )
    new = attrs.evolve(new, project_area=area)
    s = _with_funding(
        w, None, _round_grant(d, w, first_project, f"{BREAK_GRANT}-first"), first_project
    )
    w = attrs.evolve(w, snapshot=s)
    grant = _round_grant(d, w, new, BREAK_GRANT)
    return _Broken(
        _with_funding(w, None, grant, new),
        ("project", new.id),
        f"the 2016 round funds {first_project.id} and {new.id}, both of {area}",
        also=(("project", first_project.id),),
    )


# -- youth (LAPE-Y01, Y02) -------------------------------------------------------------------


def _municipality_without_council(d: Draws, w: World) -> _Broken:
    geo = _geo()
    s = w.snapshot
    served = {
        code for a in s.actors if a.kind is ActorKind.YOUTH_COUNCIL for code in a.municipalities
    }
    candidates = [
        m.code
        for m in geo.municipalities_on(w.as_of)
        if geo.regions[m.region_on(w.as_of)].is_mainland and m.code not in served
    ]
    code = d.pick(candidates)
    scope = Scope(municipalities=(*s.scope.municipalities, code))
    return _Broken(
        attrs.evolve(s, scope=scope),
        ("municipality", code),
        f"the scope takes in municipality {code}, which has no youth council",
    )


def _county_council_short(d: Draws, w: World) -> _Broken:
    """LAPE-Y02: a municipality's youth council sends no member; where it was the only one
    (Helsinki's county), a youth council of another county's municipality stands in, so
    that ``composed_of`` is still given."""
    s = w.snapshot
    council_id = d.pick(w.county_youth_councils)
    council = _actor(s, council_id)
    dropped = d.pick(council.composed_of)
    composed = tuple(a for a in council.composed_of if a != dropped)
    if not composed:
        code = _other_county_code(d, council.county, w.as_of)
        stranger = Actor(
            id=f"{council_id}-stranger",
            name="A youth council of another county",
            kind=ActorKind.YOUTH_COUNCIL,
            municipalities=(code,),
        )
        s = _add_actor(s, stranger)
        composed = (stranger.id,)
    s = _edit_actor(s, council_id, lambda a: attrs.evolve(a, composed_of=composed))
    return _Broken(s, ("actor", council_id), f"{council_id} has no member from {dropped}")


# -- service networks (LAPE-N01..N08, W01, W02) --------------------------------------------------


def _network_actor_ids(n: ServiceNetwork, day: dt.date) -> list[str]:
    members = (m.actor for m in n.members if _active(m, day))
    return list(dict.fromkeys((*n.leads, *members)))


def _two_leads(d: Draws, w: World) -> _Broken:
    network_id = d.pick(w.family_centres)
    n = _network(w.snapshot, network_id)
    second = d.pick([a for a in _network_actor_ids(n, w.as_of) if a not in n.leads])
    s = _edit_network(w.snapshot, network_id, lambda x: attrs.evolve(x, leads=(*x.leads, second)))
    return _Broken(s, ("network", network_id), f"{network_id} is led by {second} too")


def _sector_missing(d: Draws, w: World) -> _Broken:
    network_id = d.pick(w.family_centres)
    gone = d.pick((Sector.EDUCATION_YOUTH, Sector.SOCIAL_HEALTH))
    s = w.snapshot
    n = _network(s, network_id)
    for actor_id in _network_actor_ids(n, w.as_of):
        s = _edit_actor(
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

    s = _edit_network(s, network_id, edit)
    return _Broken(
        s, ("network", network_id), f"nothing in {network_id} is of the {gone.value} sector"
    )


def _no_partners(d: Draws, w: World) -> _Broken:
    network_id = d.pick(w.family_centres)
    s = w.snapshot
    partners = {ActorKind.ORGANISATION, ActorKind.PARISH}

    def edit(x: ServiceNetwork) -> ServiceNetwork:
        kept = tuple(
            m for m in x.members if (a := s.index.actor(m.actor)) is None or a.kind not in partners
        )
        return attrs.evolve(x, members=kept)

    return _Broken(
        _edit_network(s, network_id, edit),
        ("network", network_id),
        f"{network_id} has no organisation or parish any more",
    )


def _other_county_code(d: Draws, county: str | None, day: dt.date) -> MunicipalityCode:
    """A municipality existing on ``day`` in a county other than ``county``."""
    geo = _geo()
    codes = [
        m.code for m in geo.municipalities_on(day) if m.county is not None and m.county != county
    ]
    return d.pick(codes)


def _outside_county(d: Draws, w: World) -> _Broken:
    """LAPE-N04: no county, no centre of its county, or a service or a member in another
    county."""
    network_id = d.pick(w.family_centres)
    s = w.snapshot
    n = _network(s, network_id)
    how = d.integer(0, 4)
    if how == 0:
        s = _edit_network(s, network_id, lambda x: attrs.evolve(x, centre=None))
        said = "is part of no social and health centre"
    elif how == 1:
        s = _edit_network(s, network_id, lambda x: attrs.evolve(x, county=None))
        said = "belongs to no county"
    elif how == 2:
        county = d.pick([c for c in sorted(_geo().counties) if c != n.county])
        centre = HealthSocialCentre(
            id=f"centre-other-{county}", name="Another centre", county=county
        )
        s = attrs.evolve(s, centres=(*s.centres, centre))
        s = _edit_network(s, network_id, lambda x: attrs.evolve(x, centre=centre.id))
        said = f"is part of the centre of county {county}"
    elif how == 3:  # a service for the residents of another county's municipality
        code = _other_county_code(d, n.county, w.as_of)
        partner = d.pick(
            [
                a
                for a in _network_actor_ids(n, w.as_of)
                if _actor(s, a).kind in (ActorKind.ORGANISATION, ActorKind.PARISH)
            ]
        )
        svc = Service(
            id=f"{network_id}-svc-elsewhere",
            name="A service in another county",
            service_type="elsewhere",
            provider=partner,
            target_groups=frozenset({TargetGroup.FAMILIES}),
            sector=Sector.CIVIL_SOCIETY,
            responsibility=frozenset({Responsibility.ORGANISATION}),
            municipality=code,
        )
        s = _add_service(s, network_id, svc)
        said = f"runs {svc.id} in municipality {code}, of another county"
    else:  # a member of another county
        code = _other_county_code(d, n.county, w.as_of)
        actor = Actor(
            id=f"{network_id}-elsewhere",
            name="An organisation of another county",
            kind=ActorKind.ORGANISATION,
            municipalities=(code,),
        )
        member = NetworkMember(actor=actor.id, role="partner")
        s = _edit_network(
            _add_actor(s, actor),
            network_id,
            lambda x: attrs.evolve(x, members=(*x.members, member)),
        )
        said = f"has a member of municipality {code}, of another county"
    return _Broken(s, ("network", network_id), f"{network_id} {said}")


def _role_missing(d: Draws, w: World) -> _Broken:
    network_id = d.pick(w.networks)
    n = _network(w.snapshot, network_id)
    index = d.pick([i for i, m in enumerate(n.members) if _active(m, w.as_of)])
    role = d.pick((None, "", "  "))

    def edit(x: ServiceNetwork) -> ServiceNetwork:
        members = tuple(
            attrs.evolve(m, role=role) if i == index else m for i, m in enumerate(x.members)
        )
        return attrs.evolve(x, members=members)

    actor_id = n.members[index].actor
    return _Broken(
        _edit_network(w.snapshot, network_id, edit),
        ("network", network_id),
        f"the role of {actor_id} in {network_id} is {role!r}",
    )


def _add_service(s: Snapshot, network_id: str, svc: Service) -> Snapshot:
    return _edit_network(s, network_id, lambda x: attrs.evolve(x, services=(*x.services, svc)))


def _run_twice(d: Draws, w: World) -> _Broken:
    network_id = d.pick(w.networks)
    n = _network(w.snapshot, network_id)
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
    s = _add_actor(w.snapshot, rival)
    return _Broken(
        _add_service(s, network_id, copy),
        ("network", network_id),
        f"{rival.id} runs {original.service_type} beside {original.provider}, uncoordinated",
    )


def _outside_helsinki(w: World, networks: tuple[str, ...]) -> list[str]:
    return [n for n in networks if _network(w.snapshot, n).county != "90"]


def _split_not_identified(d: Draws, w: World) -> _Broken:
    """LAPE-N07: a responsibility split with no interface, or one whose interfaces leave a
    service of it unnamed, or two new services (a school of the municipality, student
    welfare of the county, for the same children) that no interface names."""
    network_id = d.pick(_outside_helsinki(w, w.networks))
    s = w.snapshot
    n = _network(s, network_id)
    splits = n.responsibility_splits()
    how = d.integer(0, 2) if splits else 2
    if how == 0:  # the interfaces that stand for one split are gone
        split = d.pick(splits)
        gone = set(split.interfaces)
        s = _edit_network(
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

        s = _edit_network(s, network_id, edit)
        said = f"names {unnamed} in no interface"
    else:  # a school and student welfare for the same children, no interface
        geo = _geo()
        edu = _actor(s, f"{network_id}-sivistys")
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
        s = _add_service(_add_service(s, network_id, school), network_id, welfare)
        said = f"adds {school.id} and {welfare.id} for {group.value} in {code}, no interface"
    return _Broken(s, ("network", network_id), f"{network_id} {said}")


def _clients_left_out(d: Draws, w: World) -> _Broken:
    """LAPE-N08: no one speaks for the clients in planning and evaluation: the client
    members are gone, their seats ended, or they take part in one of the two only."""
    network_id = d.pick(w.family_centres)
    s, day = w.snapshot, w.as_of

    def client(m: NetworkMember) -> bool:
        a = s.index.actor(m.actor)
        return _active(m, day) and a is not None and a.kind in CLIENT_KINDS

    how = d.integer(0, 2)
    ended = _ended(d, day)
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

    return _Broken(
        _edit_network(s, network_id, edit_network), ("network", network_id), f"{network_id} {said}"
    )


def _county_disagrees(d: Draws, w: World) -> _Broken:
    """LAPE-W01: an actor names a county and a municipality of another county, or a
    network's interface (or a service of a network other than a family centre) names a
    municipality outside the network's county."""
    geo, s, day = _geo(), w.snapshot, w.as_of
    how = d.integer(0, 2)
    if how == 2:
        others = [n for n in w.networks if _network(s, n).kind is not NetworkKind.FAMILY_CENTRE]
        if not others:
            how = 1
    if how == 0:  # an actor of a municipal group names the wrong county
        part = d.pick(w.areas)
        code = d.pick(part.municipalities)
        actor_id = f"{code}-jarjesto"
        now = _now(code, day)
        assert now is not None
        county = d.pick([c for c in sorted(geo.counties) if c != geo.county_of(now)])
        s = _edit_actor(s, actor_id, lambda a: attrs.evolve(a, county=county))
        return _Broken(
            s, ("actor", actor_id), f"{actor_id} names county {county} and municipality {code}"
        )
    if how == 1:  # an interface in a municipality of another county
        network_id = d.pick(w.networks)
        n = _network(s, network_id)
        code = _other_county_code(d, n.county, day)
        interface = Interface(
            target_group=d.maybe(d.pick(tuple(TargetGroup))),
            municipality=code,
            county=d.maybe(n.county),
            description="in another county",
        )
        s = _edit_network(
            s, network_id, lambda x: attrs.evolve(x, interfaces=(*x.interfaces, interface))
        )
        return _Broken(s, ("network", network_id), f"{network_id} records an interface in {code}")
    network_id = d.pick(others)
    n = _network(s, network_id)
    code = _other_county_code(d, n.county, day)
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
    return _Broken(
        _add_service(s, network_id, svc),
        ("network", network_id),
        f"{network_id} (not a family centre) runs {svc.id} in {code}, of another county",
    )


def _not_the_county(d: Draws, w: World) -> _Broken:
    """LAPE-W02: a family centre's social and health service organised by the
    municipality (outside Helsinki), or provided by a joint municipal authority or a
    hospital district other than HUS."""
    s = w.snapshot
    how = d.integer(0, 2)
    choices = _outside_helsinki(w, w.family_centres) if how < 2 else list(w.family_centres)
    network_id = d.pick(choices)
    n = _network(s, network_id)
    edu = _actor(s, f"{network_id}-sivistys")
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
        geo = _geo()
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
        s = _add_actor(s, provider)
        # No organiser given: one named (the county) would meet the municipality's
        # services for children, a responsibility split that LAPE-N07 asks an interface for.
        svc = attrs.evolve(
            clinic, provider=provider.id, municipality=d.maybe(edu.municipalities[0])
        )
        said = f"is provided by {provider.id}, a {kind.value}"
    return _Broken(
        _add_service(s, network_id, svc),
        ("service", service_id),
        f"{service_id}, a social and health service, {said}",
    )


# -- integrity (LAPE-S01..S03) ----------------------------------------------------------------


def _ordinary_actors(s: Snapshot) -> list[str]:
    """Actors whose period and composition no rule but LAPE-S01/S03 reads."""
    councils = {ActorKind.YOUTH_COUNCIL, ActorKind.COUNTY_YOUTH_COUNCIL}
    return [a.id for a in s.actors if a.kind not in councils]


def _seated(s: Snapshot) -> set[str]:
    """The actors that sit in a group or take part in a service network, or pay an agent."""
    seated = {m.actor for g in s.groups for m in g.members}
    for n in s.networks:
        seated |= {*n.leads, *(m.actor for m in n.members), *(svc.provider for svc in n.services)}
        seated |= {a for link in n.coordination for a in link.actors}
    seated |= {a.salary_payer for a in s.change_agents if a.salary_payer is not None}
    return seated


def _dangling(d: Draws, w: World) -> _Broken:
    s = w.snapshot
    missing = "no-such-entity"
    ways = ["actor", "group"]
    ways += ["grant"] if s.grants else []
    ways += ["project"] if s.projects else []
    ways += ["interface"] if any(n.interfaces for n in s.networks) else []
    how = d.pick(ways)
    if how == "actor":
        actor_id = d.pick(_ordinary_actors(s))
        s = _edit_actor(
            s, actor_id, lambda a: attrs.evolve(a, composed_of=(*a.composed_of, missing))
        )
        subject = ("actor", actor_id)
    elif how == "group":
        group_id = d.pick([g.id for g in s.groups])
        s = _edit_group(
            s, group_id, lambda g: attrs.evolve(g, cooperates_with=(*g.cooperates_with, missing))
        )
        subject = ("group", group_id)
    elif how == "grant":
        grant_id = d.pick([g.id for g in s.grants])
        grants = tuple(
            attrs.evolve(g, participants=(*g.participants, missing)) if g.id == grant_id else g
            for g in s.grants
        )
        s = attrs.evolve(s, grants=grants)
        subject = ("grant", grant_id)
    elif how == "project":
        project_id = d.pick([p.id for p in s.projects])
        projects = tuple(
            attrs.evolve(p, consortium=(*p.consortium, missing)) if p.id == project_id else p
            for p in s.projects
        )
        s = attrs.evolve(s, projects=projects)
        subject = ("project", project_id)
    else:
        network_id = d.pick([n.id for n in s.networks if n.interfaces])

        def edit(x: ServiceNetwork) -> ServiceNetwork:
            first, *rest = x.interfaces
            first = attrs.evolve(first, county_services=(*first.county_services, missing))
            return attrs.evolve(x, interfaces=(first, *rest))

        s = _edit_network(s, network_id, edit)
        subject = ("network", network_id)
    return _Broken(s, subject, f"{subject[0]} {subject[1]} refers to {missing}, which is nowhere")


def _duplicate(d: Draws, w: World) -> _Broken:
    s = w.snapshot
    kinds = ["actor", "group"] + (["change_agent"] if s.change_agents else [])
    kinds += ["centre"] if s.centres else []
    kinds += ["project"] if s.projects else []
    kind = d.pick(kinds)
    if kind == "actor":
        a = d.pick(s.actors)
        s, entity_id = attrs.evolve(s, actors=(*s.actors, a)), a.id
    elif kind == "group":
        g = d.pick(s.groups)
        s, entity_id = attrs.evolve(s, groups=(*s.groups, g)), g.id
    elif kind == "change_agent":
        agent = d.pick(s.change_agents)
        s, entity_id = attrs.evolve(s, change_agents=(*s.change_agents, agent)), agent.id
    elif kind == "project":
        p = d.pick(s.projects)
        s, entity_id = attrs.evolve(s, projects=(*s.projects, p)), p.id
    else:
        c = d.pick(s.centres)
        s, entity_id = attrs.evolve(s, centres=(*s.centres, c)), c.id
    return _Broken(s, (kind, entity_id), f"{kind} {entity_id} appears twice")


def _inverted(d: Draws, w: World) -> _Broken:
    s = w.snapshot
    kinds = ["actor"] + (["change_agent"] if s.change_agents else [])
    kinds += ["grant"] if s.grants else []
    kinds += ["project"] if s.projects else []
    kind = d.pick(kinds)
    back = dt.timedelta(days=d.integer(1, 365))
    if kind == "actor":
        day = d.day(dt.date(2016, 1, 1), dt.date(2024, 12, 31))
        inverted = Period(start=day, end=day - back)
        # An actor no group or network seats: a member whose period holds no day does
        # not count (DOMAIN.md, "in effect on the checked day").
        unseated = sorted(set(_ordinary_actors(s)) - _seated(s))
        if unseated and d.flag():
            entity_id = d.pick(unseated)
            s = _edit_actor(s, entity_id, lambda a: attrs.evolve(a, period=inverted))
        else:
            entity_id = "inverted-actor"
            orphan = Actor(
                id=entity_id, name="An actor", kind=ActorKind.ORGANISATION, period=inverted
            )
            s = _add_actor(s, orphan)
    elif kind == "change_agent":
        entity_id = d.pick([a.id for a in s.change_agents])

        def edit(a: ChangeAgent) -> ChangeAgent:
            start = a.employment.start
            return attrs.evolve(a, employment=Period(start=start, end=start - back))

        s = _edit_agent(s, entity_id, edit)
    elif kind == "project":
        entity_id = d.pick([p.id for p in s.projects])
        start = d.day(dt.date(2016, 1, 1), dt.date(2024, 12, 31))
        projects = tuple(
            attrs.evolve(p, period=Period(start=start, end=start - back))
            if p.id == entity_id
            else p
            for p in s.projects
        )
        s = attrs.evolve(s, projects=projects)
    else:
        entity_id = d.pick([g.id for g in s.grants])

        def edit_grant(g: Grant) -> Grant:
            assert g.costs is not None
            return attrs.evolve(g, costs=Period(start=g.costs.start, end=g.costs.start - back))

        s = attrs.evolve(
            s, grants=tuple(edit_grant(g) if g.id == entity_id else g for g in s.grants)
        )
    return _Broken(s, (kind, entity_id), f"a period of {kind} {entity_id} ends before it starts")


# -- the recipes ---------------------------------------------------------------------------

_GROUPS = Needs(groups_active=True)
_AGENT = Needs(agent=True)
_STM_AGENT = Needs(stm_agent=True)
_NETWORK = Needs(network=True)
_NOTHING = Needs()


def _groups_across_areas(d: Draws, day: dt.date) -> Needs:
    """Groups in effect, and now and then two areas (both Uusimaa ones, or any two)."""
    if d.flag():
        return Needs(groups_active=True, areas=UUSIMAA_AREAS)
    return Needs(groups_active=True, min_areas=d.integer(1, 2))


def _uusimaa_groups(d: Draws, day: dt.date) -> Needs:
    return _uusimaa(d, day, _GROUPS)


RECIPES: dict[str, _Recipe] = {
    "LAPE-G01": _Recipe(_GROUPS, _own_sector_gone(Sector.SOCIAL_HEALTH)),
    "LAPE-G02": _Recipe(_GROUPS, _own_sector_gone(Sector.EDUCATION_YOUTH)),
    "LAPE-G03": _Recipe(_GROUPS, _kind_gone(ActorKind.ORGANISATION, GroupKind.MUNICIPAL)),
    "LAPE-G04": _Recipe(_GROUPS, _kind_gone(ActorKind.PARISH, GroupKind.MUNICIPAL)),
    "LAPE-G05": _Recipe(_GROUPS, _no_youth),
    "LAPE-G06": _Recipe(_GROUPS, _no_municipalities),
    "LAPE-G07": _Recipe(_uusimaa_groups, _district_elsewhere),
    "LAPE-G08": _Recipe(_GROUPS, _kind_gone(ActorKind.ORGANISATION, GroupKind.REGIONAL)),
    "LAPE-G09": _Recipe(_GROUPS, _kind_gone(ActorKind.EDUCATIONAL_INSTITUTION, GroupKind.REGIONAL)),
    "LAPE-G10": _Recipe(_GROUPS, _kind_gone(ActorKind.COMPETENCE_CENTRE, GroupKind.REGIONAL)),
    "LAPE-G11": _Recipe(_GROUPS, _kind_gone(ActorKind.PARISH, GroupKind.REGIONAL)),
    "LAPE-G12": _Recipe(_GROUPS, _no_mandate),
    "LAPE-G13": _Recipe(_groups_across_areas, _municipal_unlinked),
    "LAPE-G14": _Recipe(_GROUPS, _regional_unlinked),
    "LAPE-G15": _Recipe(_uusimaa_groups, _outsider),
    "LAPE-C01": _Recipe(_c01_needs, _mandate_too_late),
    "LAPE-C02": _Recipe(_STM_AGENT, _second_agent),
    "LAPE-C03": _Recipe(_STM_AGENT, _agent_after_2019),
    "LAPE-C04": _Recipe(_STM_AGENT, _agent_too_early),
    "LAPE-C05": _Recipe(_AGENT, _employer_chosen_by_few),
    "LAPE-C06": _Recipe(
        lambda d, day: _uusimaa(d, day, Needs(non_stm_agent=True)), _paid_from_outside
    ),
    "LAPE-F01": _Recipe(_NOTHING, _overspent),
    "LAPE-F02": _Recipe(_NOTHING, _costs_outside),
    "LAPE-F03": _Recipe(_NOTHING, _alone),
    "LAPE-F04": _Recipe(_NOTHING, _late_start_up),
    "LAPE-F05": _Recipe(_NOTHING, _decided_before_call),
    "LAPE-F06": _Recipe(_NOTHING, _wrong_target),
    "LAPE-F07": _Recipe(_NOTHING, _child_strategy),
    "LAPE-F08": _Recipe(_NOTHING, _no_priority),
    "LAPE-F09": _Recipe(_NOTHING, _bad_amount),
    "LAPE-F10": _Recipe(_NOTHING, _one_project_per_area),
    "LAPE-Y01": _Recipe(_NOTHING, _municipality_without_council),
    "LAPE-Y02": _Recipe(Needs(county_youth_council=True), _county_council_short),
    "LAPE-N01": _Recipe(_NETWORK, _two_leads),
    "LAPE-N02": _Recipe(_NETWORK, _sector_missing),
    "LAPE-N03": _Recipe(_NETWORK, _no_partners),
    "LAPE-N04": _Recipe(_NETWORK, _outside_county),
    "LAPE-N05": _Recipe(_NETWORK, _role_missing),
    "LAPE-N06": _Recipe(_NETWORK, _run_twice),
    "LAPE-N07": _Recipe(Needs(network_outside_helsinki=True), _split_not_identified),
    "LAPE-N08": _Recipe(_NETWORK, _clients_left_out),
    "LAPE-W01": _Recipe(_NETWORK, _county_disagrees),
    "LAPE-W02": _Recipe(Needs(network_outside_helsinki=True), _not_the_county),
    "LAPE-S01": _Recipe(_NOTHING, _dangling),
    "LAPE-S02": _Recipe(_NOTHING, _duplicate),
    "LAPE-S03": _Recipe(_NOTHING, _inverted),
}


def _check_rule(rule: str | None, as_of: dt.date | None) -> None:
    from lape.rules import catalogue

    if rule is None:
        return
    if not isinstance(rule, str):
        msg = f"rule={rule!r} must be a rule ID such as 'LAPE-G05', or None"
        raise InvalidArgument(msg)
    if rule in UNBREAKABLE:
        msg = f"rule={rule!r} cannot be broken alone: {UNBREAKABLE[rule]}"
        raise InvalidArgument(msg)
    if rule not in RECIPES:
        known = any(r.id == rule for r in catalogue())
        msg = (
            f"rule={rule!r} has no breaking strategy"
            if known
            else f"rule={rule!r} is not a rule of the catalogue (see `lape rules`)"
        )
        raise InvalidArgument(msg)
    window = breakable_window(rule)
    assert window is not None
    if as_of is not None and not window.contains(as_of):
        msg = f"rule={rule!r} can be broken alone only on days in {window}, not on {as_of}"
        raise InvalidArgument(msg)


def _days(window: Period) -> tuple[dt.date, dt.date]:
    first = max(window.start, DEFAULT_FIRST_DAY)
    last = DEFAULT_LAST_DAY if window.end is None else min(window.end, DEFAULT_LAST_DAY)
    return first, last


@st.composite
def rule_breaks(
    draw: st.DrawFn,
    *,
    as_of: dt.date | None = None,
    rule: str | None = None,
    max_areas: int = 1,
    max_municipalities: int = 3,
    max_grants: int = 3,
    max_networks: int = 1,
) -> RuleBreak:
    """Snapshots that break exactly one rule on ``as_of``, as :class:`~lape.testing.RuleBreak`.

    ``rule`` chooses the rule (a catalogue ID such as ``"LAPE-G05"``); when not
    given, one is drawn among :func:`~lape.testing.breakable_rules` of the day.
    ``as_of`` is the day (also the snapshot's ``info.as_of``); when not given,
    one is drawn on which the rule can be broken. The size arguments are those
    of :func:`~lape.testing.valid_snapshots`, of which the snapshot is a copy with
    one change (a break may need a second project area, which it adds even when
    ``max_areas=1``). Checked on ``as_of``, the snapshot's errors and warnings
    (:func:`~lape.testing.problems`) are exactly :attr:`RuleBreak.expected`.

    An unknown rule, or one that cannot be broken alone on the day given (see
    :func:`~lape.testing.breakable_window`), raises
    :class:`~hypothesis.errors.InvalidArgument` when drawn from.

    >>> import datetime as dt
    >>> from hypothesis import given, settings
    >>> from lape.testing import problems
    >>> @settings(max_examples=5, deadline=None)
    ... @given(rule_breaks(as_of=dt.date(2023, 6, 1)))
    ... def test_exactly_one_problem(b):
    ...     assert problems(b.check()) == b.expected
    >>> test_exactly_one_problem()
    """
    from lape.testing._rulebreak import breakable_rules

    check_arguments(as_of, max_areas, max_municipalities, max_grants, max_networks)
    _check_rule(rule, as_of)
    d = Draws(draw)
    if rule is None:
        day = as_of if as_of is not None else d.day(DEFAULT_FIRST_DAY, DEFAULT_LAST_DAY)
        chosen = d.pick([r for r in breakable_rules(day) if r in RECIPES])
    else:
        window = breakable_window(rule)
        assert window is not None
        day = as_of if as_of is not None else d.day(*_days(window))
        chosen = rule
    recipe = RECIPES[chosen]
    world = draw(
        worlds(
            as_of=day,
            max_areas=max_areas,
            max_municipalities=max_municipalities,
            max_grants=max_grants,
            max_networks=max_networks,
            needs=recipe.needs_on(d, day),
        )
    )
    broken = recipe.mutate(d, world)
    return RuleBreak(
        snapshot=broken.snapshot,
        as_of=day,
        rule=chosen,
        subject_kind=broken.subject[0],
        subject_id=broken.subject[1],
        also_reported=broken.also,
        description=broken.description,
    )
