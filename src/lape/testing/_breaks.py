"""Rule breaks: a valid snapshot with one change that breaks exactly one rule.

:func:`rule_breaks` draws a snapshot from the valid ones (see
:mod:`lape.testing._valid`) and applies one mutation made for the chosen rule;
checked on the day, the snapshot's errors and warnings are exactly that rule
about one subject (:attr:`RuleBreak.expected`). Each mutation is chosen so that
no other rule notices it: e.g. LAPE-S03 inverts a change agent's employment,
which LAPE-C01..C06 leave to LAPE-S03, and LAPE-F rules get a fresh pool and
grant of their own.

Every catalogue rule can be broken except these (also in
:data:`~lape.testing.UNBREAKABLE`):

- LAPE-C06: an STM-funded employment that reaches into 2020 also lies outside
  the 2016-2019 term of LAPE-C03, so LAPE-C06 never fails alone; and for the
  same reason LAPE-C03 can be broken alone only up to 2019-12-31.
- LAPE-W01: it checks the reference geography that ships with ``lape``, not
  the snapshot.

LAPE-C02 always reports both agents of a clashing pair: its break names the
added agent as the subject and the first one in
:attr:`~lape.testing.RuleBreak.also_reported`.
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
    FundingPool,
    Grant,
    GrantKind,
    Group,
    GroupKind,
    HealthSocialCentre,
    Mandate,
    MemberRole,
    Membership,
    MunicipalityCode,
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
    DEFAULT_FIRST_DAY,
    DEFAULT_LAST_DAY,
    F08_YEARS,
    MUNICIPAL_KINDS,
    YOUTH_KINDS,
    Draws,
    Needs,
    World,
    check_arguments,
    own_pool,
    valid_grant,
    worlds,
)

__all__ = ["rule_breaks"]


@attrs.frozen
class _Broken:
    snapshot: Snapshot
    subject: tuple[str, str]
    description: str
    also: tuple[tuple[str, str], ...] = ()


Mutation = Callable[[Draws, World], _Broken]


@attrs.frozen
class _Recipe:
    needs: Needs
    mutate: Mutation


# -- editing a snapshot ---------------------------------------------------------------


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


def _active(m: Membership | NetworkMember, day: dt.date) -> bool:
    return m.period is None or m.period.contains(day)


def _without_seats(
    w: World, group_id: str, unwanted: Callable[[Membership, Actor | None], bool]
) -> Snapshot:
    """The snapshot with the group's active seats that are ``unwanted`` removed."""
    s = w.snapshot

    def edit(g: Group) -> Group:
        kept = tuple(
            m
            for m in g.members
            if not (_active(m, w.as_of) and unwanted(m, s.index.actor(m.actor)))
        )
        return attrs.evolve(g, members=kept)

    return _edit_group(s, group_id, edit)


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


# -- groups (LAPE-G01..G15) ---------------------------------------------------------------


def _sector_gone(sector: Sector) -> Mutation:
    def mutate(d: Draws, w: World) -> _Broken:
        s = w.snapshot
        group_id = d.pick(_municipal_groups(w))
        holders = {
            m.actor
            for m in _group(s, group_id).members
            if _active(m, w.as_of)
            and (a := s.index.actor(m.actor)) is not None
            and sector in (a.sectors or ())
        }
        for actor_id in sorted(holders):
            s = _edit_actor(
                s,
                actor_id,
                lambda a: attrs.evolve(a, sectors=(a.sectors or frozenset()) - {sector}),
            )
        return _Broken(
            s,
            ("group", group_id),
            f"the members of {group_id} from the {sector.value} sector "
            f"({', '.join(sorted(holders))}) no longer name that sector",
        )

    return mutate


def _kind_gone(kind: ActorKind, group_kind: GroupKind) -> Mutation:
    def mutate(d: Draws, w: World) -> _Broken:
        municipal = group_kind is GroupKind.MUNICIPAL
        group_id = d.pick(_municipal_groups(w) if municipal else _regional_groups(w))
        s = _without_seats(w, group_id, lambda _m, a: a is not None and a.kind is kind)
        return _Broken(s, ("group", group_id), f"{group_id} lost its seats of kind {kind.value}")

    return mutate


def _no_youth(d: Draws, w: World) -> _Broken:
    group_id = d.pick([*_municipal_groups(w), *_regional_groups(w)])
    s = _without_seats(
        w,
        group_id,
        lambda m, a: (
            m.role is MemberRole.YOUTH_REPRESENTATIVE or (a is not None and a.kind in YOUTH_KINDS)
        ),
    )
    return _Broken(s, ("group", group_id), f"{group_id} lost its youth representatives")


def _no_municipalities(d: Draws, w: World) -> _Broken:
    group_id = d.pick(_regional_groups(w))
    s = _without_seats(w, group_id, lambda _m, a: a is not None and a.kind in MUNICIPAL_KINDS)
    return _Broken(s, ("group", group_id), f"{group_id} lost its members from the municipalities")


def _no_mandate(d: Draws, w: World) -> _Broken:
    from lape.reference import geography

    geo = geography()
    # A regional group's mandate also makes its change agent's hiring lawful (LAPE-C01).
    choices = [*_municipal_groups(w), *(p.regional_group for p in w.areas if p.agent is None)]
    group_id = d.pick(choices)
    g = _group(w.snapshot, group_id)
    if g.kind is GroupKind.MUNICIPAL:
        others = [c for c in sorted(geo.municipalities) if c != g.municipality]
        wrong = d.pick(
            (
                None,
                Mandate(municipality=d.pick(others)),
                Mandate(region=w.areas[0].region),
            )
        )
    else:
        regions = [r for r in sorted(geo.regions) if r != g.region]
        wrong = d.pick(
            (
                None,
                Mandate(region=RegionCode(d.pick(regions))),
                Mandate(municipality=w.areas[0].municipalities[0]),
            )
        )
    s = _edit_group(w.snapshot, group_id, lambda grp: attrs.evolve(grp, mandate=wrong))
    return _Broken(s, ("group", group_id), f"{group_id} has the mandate {wrong!r}")


def _municipal_unlinked(d: Draws, w: World) -> _Broken:
    part = d.pick(w.areas)
    group_id = d.pick(part.municipal_groups)
    s = _unlink(w.snapshot, group_id, part.regional_group)
    return _Broken(
        s, ("group", group_id), f"{group_id} no longer cooperates with {part.regional_group}"
    )


def _regional_unlinked(d: Draws, w: World) -> _Broken:
    from lape.testing._valid import NATIONAL_GROUP

    part = d.pick(w.areas)
    other = d.pick((part.prep_group, NATIONAL_GROUP))
    s = _unlink(w.snapshot, part.regional_group, other)
    return _Broken(
        s,
        ("group", part.regional_group),
        f"{part.regional_group} no longer cooperates with {other}",
    )


def _outsider(d: Draws, w: World) -> _Broken:
    from lape.reference import geography

    geo = geography()
    group_id = d.pick([*_municipal_groups(w), *_regional_groups(w)])
    g = _group(w.snapshot, group_id)
    actor_id = f"{group_id}-outsider"
    if g.kind is GroupKind.MUNICIPAL:
        code = d.pick([c for c in sorted(geo.municipalities) if c != g.municipality])
        outsider = Actor(
            id=actor_id,
            name="An outside organisation",
            kind=ActorKind.ORGANISATION,
            municipalities=(code,),
        )
    else:
        region = d.pick([r for r in sorted(geo.regions) if r != g.region])
        outsider = Actor(
            id=actor_id, name="An outside organisation", kind=ActorKind.ORGANISATION, region=region
        )
    s = attrs.evolve(w.snapshot, actors=(*w.snapshot.actors, outsider))
    seat = Membership(actor=actor_id, role=d.pick((MemberRole.MEMBER, MemberRole.EXPERT)))
    s = _edit_group(s, group_id, lambda grp: attrs.evolve(grp, members=(*grp.members, seat)))
    return _Broken(s, ("group", group_id), f"{group_id} seats {actor_id}, from another area")


# -- change agents (LAPE-C01..C05) --------------------------------------------------------


def _agents(w: World, *, stm: bool) -> list[tuple[str, str]]:
    """(agent ID, regional group ID) of the areas with an agent (STM-funded, if asked)."""
    return [
        (p.agent, p.regional_group)
        for p in w.areas
        if p.agent is not None and (p.stm_agent or not stm)
    ]


def _mandate_too_late(d: Draws, w: World) -> _Broken:
    agent_id, group_id = d.pick(_agents(w, stm=False))
    start = _agent(w.snapshot, agent_id).employment.start
    late = start + dt.timedelta(days=d.integer(1, 200))

    def edit(g: Group) -> Group:
        assert g.mandate is not None
        return attrs.evolve(g, mandate=attrs.evolve(g.mandate, decided=late))

    s = _edit_group(w.snapshot, group_id, edit)
    return _Broken(
        s,
        ("change_agent", agent_id),
        f"the mandate of {group_id} is decided on {late}, after {agent_id} started on {start}",
    )


def _second_agent(d: Draws, w: World) -> _Broken:
    agent_id, _ = d.pick(_agents(w, stm=True))
    agent = _agent(w.snapshot, agent_id)
    twin = attrs.evolve(agent, id=f"{agent_id}-second", name=f"{agent.name} (second)")
    s = attrs.evolve(w.snapshot, change_agents=(*w.snapshot.change_agents, twin))
    return _Broken(
        s,
        ("change_agent", twin.id),
        f"{twin.id}, STM-funded, works in the project area of {agent_id} at the same time",
        also=(("change_agent", agent_id),),
    )


def _agent_after_2019(d: Draws, w: World) -> _Broken:
    agent_id, _ = d.pick(_agents(w, stm=True))
    end = d.day(dt.date(2020, 1, 1), dt.date(2021, 12, 31))

    def edit(a: ChangeAgent) -> ChangeAgent:
        return attrs.evolve(a, employment=Period(start=a.employment.start, end=end))

    s = _edit_agent(w.snapshot, agent_id, edit)
    return _Broken(s, ("change_agent", agent_id), f"{agent_id}, STM-funded, works until {end}")


def _chooser(agent: ChangeAgent, day: dt.date) -> frozenset[MunicipalityCode]:
    """The municipalities LAPE-C05 expects to have chosen the agent's employer."""
    from lape.reference import geography

    geo = geography()
    if agent.project_area is not None:
        return geo.municipalities_of_project_area(agent.project_area, day)
    return geo.municipalities_of_region(agent.region, day)


def _agent_too_early(d: Draws, w: World) -> _Broken:
    agent_id, group_id = d.pick(_agents(w, stm=True))
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

    s = _edit_group(_edit_agent(w.snapshot, agent_id, edit_agent), group_id, edit_group)
    return _Broken(s, ("change_agent", agent_id), f"{agent_id}, STM-funded, starts on {start}")


def _employer_chosen_by_few(d: Draws, w: World) -> _Broken:
    from lape.reference import geography

    geo = geography()
    agent_id, _ = d.pick(_agents(w, stm=False))
    agent = _agent(w.snapshot, agent_id)
    expected = sorted(_chooser(agent, agent.employment.start))

    def merged_by_then(code: str) -> bool:  # represented by its successor (LAPE-C05)
        m = geo.municipality(code)
        return m is not None and m.ceased is not None and m.ceased <= w.as_of

    left_out = d.pick([c for c in expected if not merged_by_then(c)])
    chosen = tuple(c for c in agent.employer_chosen_by or () if c != left_out)
    if d.flag():
        chosen = ()
    s = _edit_agent(w.snapshot, agent_id, lambda a: attrs.evolve(a, employer_chosen_by=chosen))
    return _Broken(
        s, ("change_agent", agent_id), f"the employer of {agent_id} was chosen by {chosen}"
    )


# -- funding (LAPE-F01..F09): a fresh pool and grant of their own ------------------------------


BREAK_POOL = "break-pool"
BREAK_GRANT = "break-grant"


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


def _with_funding(w: World, pool: FundingPool | None, grant: Grant | None) -> Snapshot:
    s = w.snapshot
    pools = s.pools if pool is None else (*s.pools, pool)
    grants = s.grants if grant is None else (*s.grants, grant)
    return attrs.evolve(s, pools=pools, grants=grants)


_ANY_KIND = (GrantKind.STATE_SUBSIDY, GrantKind.OTHER, GrantKind.CHANGE_AGENT_SUBSIDY)
_ANY_PROGRAMME = (Programme.LAPE, Programme.OTHER, Programme.FUTURE_HEALTH_SOCIAL_CENTRES)


def _overspent(d: Draws, w: World) -> _Broken:
    from lape.reference import funding_pools

    if w.as_of >= dt.date(2016, 9, 1) and d.flag():  # the real 2016-2018 pool
        pool = next(p for p in funding_pools() if p.id == "lape-regional-2016")
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
        pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=d.pick(_ANY_PROGRAMME))
        assert pool.amount is not None
        grant = attrs.evolve(grant, amount=pool.amount + d.euros(Decimal("0.01"), 1000))
        s = _with_funding(w, pool, grant)
    return _Broken(s, ("pool", pool.id), f"{grant.id} of {grant.amount} EUR overspends {pool.id}")


def _costs_outside(d: Draws, w: World) -> _Broken:
    pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=d.pick(_ANY_PROGRAMME))
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
    pool, grant = _fresh(d, w, kind=GrantKind.STATE_SUBSIDY, programme=Programme.LAPE)
    participants = d.pick(((), (grant.recipient,)))
    grant = attrs.evolve(grant, participants=participants)
    return _Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"{grant.id} funds one actor alone"
    )


def _late_start_up(d: Draws, w: World) -> _Broken:
    wide = Period(start=dt.date(2016, 1, 1), end=dt.date(2019, 12, 31))
    pool, grant = _fresh(
        d, w, kind=GrantKind.START_UP_GRANT, programme=d.pick(_ANY_PROGRAMME), costs=wide
    )
    start = d.day(dt.date(2018, 1, 1), dt.date(2019, 12, 31))
    costs = Period(start=start, end=d.day(start, dt.date(2019, 12, 31)))
    grant = attrs.evolve(grant, costs=costs)
    return _Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"start-up grant {grant.id} in {costs}"
    )


def _decided_before_call(d: Draws, w: World) -> _Broken:
    pool, grant = _fresh(
        d, w, kind=d.pick(_ANY_KIND), programme=d.pick(_ANY_PROGRAMME), decided_before_call=True
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


# -- youth (LAPE-Y01, Y02) -------------------------------------------------------------------


def _municipality_without_council(d: Draws, w: World) -> _Broken:
    from lape.reference import geography

    geo = geography()
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
    s = w.snapshot
    council_id = d.pick(w.county_youth_councils)
    council = s.index.actor(council_id)
    assert council is not None
    dropped = d.pick(council.composed_of)
    composed = tuple(a for a in council.composed_of if a != dropped)
    s = _edit_actor(s, council_id, lambda a: attrs.evolve(a, composed_of=composed))
    return _Broken(s, ("actor", council_id), f"{council_id} has no member from {dropped}")


# -- family centres (LAPE-N01..N07, W02) --------------------------------------------------------


def _network_actor_ids(n: ServiceNetwork, day: dt.date) -> list[str]:
    members = (m.actor for m in n.members if _active(m, day))
    return list(dict.fromkeys((*n.leads, *members)))


def _two_leads(d: Draws, w: World) -> _Broken:
    network_id = d.pick(w.networks)
    n = _network(w.snapshot, network_id)
    second = d.pick([a for a in _network_actor_ids(n, w.as_of) if a not in n.leads])
    s = _edit_network(w.snapshot, network_id, lambda x: attrs.evolve(x, leads=(*x.leads, second)))
    return _Broken(s, ("network", network_id), f"{network_id} is led by {second} too")


def _sector_missing(d: Draws, w: World) -> _Broken:
    network_id = d.pick(w.networks)
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
    network_id = d.pick(w.networks)
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


def _outside_centre(d: Draws, w: World) -> _Broken:
    from lape.reference import geography

    network_id = d.pick(w.networks)
    s = w.snapshot
    n = _network(s, network_id)
    how = d.integer(0, 2)
    if how == 0:
        s = _edit_network(s, network_id, lambda x: attrs.evolve(x, centre=None))
        said = "is part of no social and health centre"
    elif how == 1:
        s = _edit_network(s, network_id, lambda x: attrs.evolve(x, county=None))
        said = "belongs to no county"
    else:
        county = d.pick([c for c in sorted(geography().counties) if c != n.county])
        centre = HealthSocialCentre(
            id=f"centre-other-{county}", name="Another centre", county=county
        )
        s = attrs.evolve(s, centres=(*s.centres, centre))
        s = _edit_network(s, network_id, lambda x: attrs.evolve(x, centre=centre.id))
        said = f"is part of the centre of county {county}"
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
    s = attrs.evolve(w.snapshot, actors=(*w.snapshot.actors, rival))
    return _Broken(
        _add_service(s, network_id, copy),
        ("network", network_id),
        f"{rival.id} runs {original.service_type} beside {original.provider}, uncoordinated",
    )


def _split_without_interface(d: Draws, w: World) -> _Broken:
    network_id = d.pick(w.networks)
    n = _network(w.snapshot, network_id)
    split = [svc.id for svc in n.services if svc.is_split]
    if split and d.flag():
        service_id = d.pick(split)
        s = _edit_network(
            w.snapshot,
            network_id,
            lambda x: attrs.evolve(
                x, interfaces=tuple(i for i in x.interfaces if i.service != service_id)
            ),
        )
    else:
        service_id = f"{network_id}-svc-split"
        svc = Service(
            id=service_id,
            name="A service with split responsibility",
            service_type="split-service",
            provider=n.leads[0],
            target_groups=frozenset({TargetGroup.FAMILIES}),
            sector=Sector.SOCIAL_HEALTH,
            responsibility=frozenset({Responsibility.MUNICIPALITY, Responsibility.COUNTY}),
        )
        s = _add_service(w.snapshot, network_id, svc)
    return _Broken(s, ("service", service_id), f"{service_id} is split, no interface identified")


def _municipality_provides(d: Draws, w: World) -> _Broken:
    s = w.snapshot
    network_id = d.pick([n for n in w.networks if _network(s, n).county != "90"])
    n = _network(s, network_id)
    provider = next(
        a
        for a in _network_actor_ids(n, w.as_of)
        if (actor := s.index.actor(a)) is not None and actor.kind in MUNICIPAL_KINDS
    )
    service_id = f"{network_id}-svc-municipal"
    svc = Service(
        id=service_id,
        name="A social and health service of the municipality",
        service_type="municipal-health-service",
        provider=provider,
        target_groups=frozenset({TargetGroup.CHILDREN}),
        sector=Sector.SOCIAL_HEALTH,
        responsibility=frozenset({Responsibility.COUNTY}),
    )
    return _Broken(
        _add_service(s, network_id, svc),
        ("service", service_id),
        f"{service_id}, a social and health service, is provided by {provider}",
    )


# -- integrity (LAPE-S01..S03) ----------------------------------------------------------------


def _ordinary_actors(s: Snapshot) -> list[str]:
    """Actors whose period and composition no rule but LAPE-S01/S03 reads."""
    councils = {ActorKind.YOUTH_COUNCIL, ActorKind.COUNTY_YOUTH_COUNCIL}
    return [a.id for a in s.actors if a.kind not in councils]


def _seated(s: Snapshot) -> set[str]:
    """The actors that sit in a group or take part in a service network."""
    seated = {m.actor for g in s.groups for m in g.members}
    for n in s.networks:
        seated |= {*n.leads, *(m.actor for m in n.members), *(svc.provider for svc in n.services)}
        seated |= {a for link in n.coordination for a in link.actors}
    return seated


def _dangling(d: Draws, w: World) -> _Broken:
    s = w.snapshot
    missing = "no-such-entity"
    how = d.integer(0, 2 if s.grants else 1)
    if how == 0:
        actor_id = d.pick(_ordinary_actors(s))
        s = _edit_actor(
            s, actor_id, lambda a: attrs.evolve(a, composed_of=(*a.composed_of, missing))
        )
        subject = ("actor", actor_id)
    elif how == 1:
        group_id = d.pick([g.id for g in s.groups])
        s = _edit_group(
            s, group_id, lambda g: attrs.evolve(g, cooperates_with=(*g.cooperates_with, missing))
        )
        subject = ("group", group_id)
    else:
        grant_id = d.pick([g.id for g in s.grants])
        grants = tuple(
            attrs.evolve(g, participants=(*g.participants, missing)) if g.id == grant_id else g
            for g in s.grants
        )
        s = attrs.evolve(s, grants=grants)
        subject = ("grant", grant_id)
    return _Broken(s, subject, f"{subject[0]} {subject[1]} refers to {missing}, which is nowhere")


def _duplicate(d: Draws, w: World) -> _Broken:
    s = w.snapshot
    kinds = ["actor", "group"] + (["change_agent"] if s.change_agents else [])
    kinds += ["centre"] if s.centres else []
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
    else:
        c = d.pick(s.centres)
        s, entity_id = attrs.evolve(s, centres=(*s.centres, c)), c.id
    return _Broken(s, (kind, entity_id), f"{kind} {entity_id} appears twice")


def _inverted(d: Draws, w: World) -> _Broken:
    s = w.snapshot
    kinds = ["actor"] + (["change_agent"] if s.change_agents else [])
    kinds += ["grant"] if s.grants else []
    kind = d.pick(kinds)
    back = dt.timedelta(days=d.integer(1, 365))
    if kind == "actor":
        day = d.day(dt.date(2016, 1, 1), dt.date(2024, 12, 31))
        inverted = Period(start=day, end=day - back)
        # An actor no group or network seats: the rules do not read a member's own
        # period today, but a member whose period holds no day might well not count.
        unseated = sorted(set(_ordinary_actors(s)) - _seated(s))
        if unseated and d.flag():
            entity_id = d.pick(unseated)
            s = _edit_actor(s, entity_id, lambda a: attrs.evolve(a, period=inverted))
        else:
            entity_id = "inverted-actor"
            orphan = Actor(
                id=entity_id, name="An actor", kind=ActorKind.ORGANISATION, period=inverted
            )
            s = attrs.evolve(s, actors=(*s.actors, orphan))
    elif kind == "change_agent":
        entity_id = d.pick([a.id for a in s.change_agents])

        def edit(a: ChangeAgent) -> ChangeAgent:
            start = a.employment.start
            return attrs.evolve(a, employment=Period(start=start, end=start - back))

        s = _edit_agent(s, entity_id, edit)
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

RECIPES: dict[str, _Recipe] = {
    "LAPE-G01": _Recipe(_GROUPS, _sector_gone(Sector.SOCIAL_HEALTH)),
    "LAPE-G02": _Recipe(_GROUPS, _sector_gone(Sector.EDUCATION_YOUTH)),
    "LAPE-G03": _Recipe(_GROUPS, _kind_gone(ActorKind.ORGANISATION, GroupKind.MUNICIPAL)),
    "LAPE-G04": _Recipe(_GROUPS, _kind_gone(ActorKind.PARISH, GroupKind.MUNICIPAL)),
    "LAPE-G05": _Recipe(_GROUPS, _no_youth),
    "LAPE-G06": _Recipe(_GROUPS, _no_municipalities),
    "LAPE-G07": _Recipe(_GROUPS, _kind_gone(ActorKind.HOSPITAL_DISTRICT, GroupKind.REGIONAL)),
    "LAPE-G08": _Recipe(_GROUPS, _kind_gone(ActorKind.ORGANISATION, GroupKind.REGIONAL)),
    "LAPE-G09": _Recipe(_GROUPS, _kind_gone(ActorKind.EDUCATIONAL_INSTITUTION, GroupKind.REGIONAL)),
    "LAPE-G10": _Recipe(_GROUPS, _kind_gone(ActorKind.COMPETENCE_CENTRE, GroupKind.REGIONAL)),
    "LAPE-G11": _Recipe(_GROUPS, _kind_gone(ActorKind.PARISH, GroupKind.REGIONAL)),
    "LAPE-G12": _Recipe(_GROUPS, _no_mandate),
    "LAPE-G13": _Recipe(_GROUPS, _municipal_unlinked),
    "LAPE-G14": _Recipe(_GROUPS, _regional_unlinked),
    "LAPE-G15": _Recipe(_GROUPS, _outsider),
    "LAPE-C01": _Recipe(_AGENT, _mandate_too_late),
    "LAPE-C02": _Recipe(_STM_AGENT, _second_agent),
    "LAPE-C03": _Recipe(_STM_AGENT, _agent_after_2019),
    "LAPE-C04": _Recipe(_STM_AGENT, _agent_too_early),
    "LAPE-C05": _Recipe(_AGENT, _employer_chosen_by_few),
    "LAPE-F01": _Recipe(_NOTHING, _overspent),
    "LAPE-F02": _Recipe(_NOTHING, _costs_outside),
    "LAPE-F03": _Recipe(_NOTHING, _alone),
    "LAPE-F04": _Recipe(_NOTHING, _late_start_up),
    "LAPE-F05": _Recipe(_NOTHING, _decided_before_call),
    "LAPE-F06": _Recipe(_NOTHING, _wrong_target),
    "LAPE-F07": _Recipe(_NOTHING, _child_strategy),
    "LAPE-F08": _Recipe(_NOTHING, _no_priority),
    "LAPE-F09": _Recipe(_NOTHING, _bad_amount),
    "LAPE-Y01": _Recipe(_NOTHING, _municipality_without_council),
    "LAPE-Y02": _Recipe(Needs(county_youth_council=True), _county_council_short),
    "LAPE-N01": _Recipe(_NETWORK, _two_leads),
    "LAPE-N02": _Recipe(_NETWORK, _sector_missing),
    "LAPE-N03": _Recipe(_NETWORK, _no_partners),
    "LAPE-N04": _Recipe(_NETWORK, _outside_centre),
    "LAPE-N05": _Recipe(_NETWORK, _role_missing),
    "LAPE-N06": _Recipe(_NETWORK, _run_twice),
    "LAPE-N07": _Recipe(_NETWORK, _split_without_interface),
    "LAPE-W02": _Recipe(Needs(network_outside_helsinki=True), _municipality_provides),
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
    one change. Checked on ``as_of``, the snapshot's errors and warnings
    (:func:`~lape.testing.problems`) are exactly :attr:`RuleBreak.expected`.

    An unknown rule, one that cannot be broken alone (see
    :data:`~lape.testing.UNBREAKABLE`) or not on the day given, raises
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
            needs=recipe.needs,
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
