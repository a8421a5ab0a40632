"""What the rule breaks share: a break and its recipe, and edits of a valid snapshot.

A :class:`Recipe` names the parts a break needs the valid snapshot to have
(:class:`~lape.testing._valid.Needs`, fixed or drawn) and the mutation that breaks
the rule (:data:`Mutation`); the mutations of each catalogue module's rules live in
the ``_breaks_*`` module of the same name, and :mod:`lape.testing._breaks` puts
their recipes together. The edits here return a new snapshot (the model is
frozen) and read the reference geography the rules read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from lape.model import (
    Actor,
    ChangeAgent,
    Geography,
    Group,
    Membership,
    MunicipalityCode,
    NetworkMember,
    Period,
    Service,
    ServiceNetwork,
    Snapshot,
)
from lape.testing._valid import (
    AreaParts,
    Draws,
    Needs,
    World,
)

__all__ = [
    "AN_AGENT",
    "AN_STM_AGENT",
    "A_FAMILY_CENTRE",
    "CAPITAL_REGION",
    "GROUPS_ACTIVE",
    "NOTHING",
    "REST_OF_UUSIMAA",
    "UUSIMAA_AREAS",
    "Broken",
    "Mutation",
    "NeedsOf",
    "Recipe",
    "actor_of",
    "add_actor",
    "add_service",
    "agent_of",
    "area_now",
    "ended_before",
    "evolve_actor",
    "evolve_agent",
    "evolve_group",
    "evolve_network",
    "evolve_seats",
    "group_of",
    "in_effect",
    "lose_seats",
    "municipal_groups",
    "municipality_now",
    "network_actor_ids",
    "network_of",
    "other_county_code",
    "outside_of",
    "reference_geography",
    "regional_groups",
    "seated_in",
    "unlink",
    "with_uusimaa",
]

CAPITAL_REGION = "capital-region"
REST_OF_UUSIMAA = "uusimaa"
UUSIMAA_AREAS = (CAPITAL_REGION, REST_OF_UUSIMAA)
"""The two project areas of Uusimaa (LAPE-G13, G15 and C01 break across them)."""


@attrs.frozen
class Broken:
    """A broken snapshot, the subject the rule must report, and what was changed."""

    snapshot: Snapshot
    subject: tuple[str, str]
    description: str
    also: tuple[tuple[str, str], ...] = ()


Mutation = Callable[[Draws, World], Broken]
NeedsOf = Callable[[Draws, dt.date], Needs]
"""The parts a break needs, drawn (e.g. both Uusimaa areas now and then)."""


@attrs.frozen
class Recipe:
    """How to break one rule: the parts the valid snapshot needs, and the mutation."""

    needs: Needs | NeedsOf
    mutate: Mutation

    def needs_on(self, d: Draws, day: dt.date) -> Needs:
        return self.needs if isinstance(self.needs, Needs) else self.needs(d, day)


# -- editing a snapshot ---------------------------------------------------------------


def reference_geography() -> Geography:
    """The geography the rules read (loaded on first use, then cached)."""
    from lape.reference import geography

    return geography()


def evolve_actor(s: Snapshot, actor_id: str, edit: Callable[[Actor], Actor]) -> Snapshot:
    return attrs.evolve(s, actors=tuple(edit(a) if a.id == actor_id else a for a in s.actors))


def evolve_group(s: Snapshot, group_id: str, edit: Callable[[Group], Group]) -> Snapshot:
    return attrs.evolve(s, groups=tuple(edit(g) if g.id == group_id else g for g in s.groups))


def evolve_agent(
    s: Snapshot, agent_id: str, edit: Callable[[ChangeAgent], ChangeAgent]
) -> Snapshot:
    agents = tuple(edit(a) if a.id == agent_id else a for a in s.change_agents)
    return attrs.evolve(s, change_agents=agents)


def evolve_network(
    s: Snapshot, network_id: str, edit: Callable[[ServiceNetwork], ServiceNetwork]
) -> Snapshot:
    networks = tuple(edit(n) if n.id == network_id else n for n in s.networks)
    return attrs.evolve(s, networks=networks)


def add_actor(s: Snapshot, actor: Actor) -> Snapshot:
    assert s.index.actor(actor.id) is None, actor.id
    return attrs.evolve(s, actors=(*s.actors, actor))


def group_of(s: Snapshot, group_id: str) -> Group:
    found = s.index.group(group_id)
    assert found is not None, group_id
    return found


def network_of(s: Snapshot, network_id: str) -> ServiceNetwork:
    found = s.index.network(network_id)
    assert found is not None, network_id
    return found


def agent_of(s: Snapshot, agent_id: str) -> ChangeAgent:
    found = s.index.change_agent(agent_id)
    assert found is not None, agent_id
    return found


def actor_of(s: Snapshot, actor_id: str) -> Actor:
    found = s.index.actor(actor_id)
    assert found is not None, actor_id
    return found


def in_effect(m: Membership | NetworkMember, day: dt.date) -> bool:
    return m.period is None or m.period.contains(day)


def ended_before(d: Draws, day: dt.date) -> Period:
    """A period that ended before ``day``."""
    end = day - dt.timedelta(days=d.integer(1, 300))
    return Period(start=end - dt.timedelta(days=d.integer(0, 400)), end=end)


def evolve_seats(
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
            if in_effect(m, w.as_of) and chosen(m, s.index.actor(m.actor)):
                changed = edit(m)
                if changed is not None:
                    kept.append(changed)
            else:
                kept.append(m)
        return attrs.evolve(g, members=tuple(kept))

    return evolve_group(s, group_id, edit_group)


def lose_seats(
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
        for m in group_of(s, group_id).members
        if in_effect(m, w.as_of) and chosen(m, s.index.actor(m.actor))
    ]
    how = d.integer(0, 2 if end_actors else 1)
    if how == 2 and all(seated_in(s, a) == {group_id} for a in holders):
        ended = ended_before(d, w.as_of)
        for actor_id in holders:
            s = evolve_actor(s, actor_id, lambda a: attrs.evolve(a, period=ended))
        return s, f"ended on {ended.end}"
    if how >= 1:
        ended = ended_before(d, w.as_of)
        s = evolve_seats(w, group_id, chosen, lambda m: attrs.evolve(m, period=ended))
        return s, f"seated until {ended.end}"
    return evolve_seats(w, group_id, chosen, lambda _m: None), "removed"


def seated_in(s: Snapshot, actor_id: str) -> set[str]:
    """The groups and networks that seat ``actor_id``."""
    found = {g.id for g in s.groups if any(m.actor == actor_id for m in g.members)}
    for n in s.networks:
        if actor_id in n.leads or any(m.actor == actor_id for m in n.members):
            found.add(n.id)
    return found


def unlink(s: Snapshot, a: str, b: str) -> Snapshot:
    """The snapshot without the cooperation of groups ``a`` and ``b`` (named on either side)."""

    def edit(g: Group) -> Group:
        other = b if g.id == a else a if g.id == b else None
        if other is None:
            return g
        return attrs.evolve(g, cooperates_with=tuple(x for x in g.cooperates_with if x != other))

    return attrs.evolve(s, groups=tuple(edit(g) for g in s.groups))


def municipal_groups(w: World) -> list[str]:
    return [g for part in w.areas for g in part.municipal_groups]


def regional_groups(w: World) -> list[str]:
    return [part.regional_group for part in w.areas]


def municipality_now(code: str, day: dt.date) -> str | None:
    """The municipality ``code`` is on ``day`` (the one it merged into, if it has)."""
    return reference_geography().municipality_on(code, day)


def area_now(part: AreaParts, day: dt.date) -> frozenset[MunicipalityCode]:
    return reference_geography().municipalities_of_project_area(part.area, day)


def outside_of(
    d: Draws, area: frozenset[MunicipalityCode], day: dt.date, *, near: str | None = None
) -> MunicipalityCode:
    """A municipality existing on ``day`` outside ``area``; of region ``near`` when there
    is one (the other Uusimaa area's, for an Uusimaa area)."""
    geo = reference_geography()
    candidates = [m for m in geo.municipalities_on(day) if m.code not in area]
    close = [m for m in candidates if near is not None and m.region_on(day) == near]
    return d.pick(close or candidates).code


def with_uusimaa(d: Draws, day: dt.date, base: Needs) -> Needs:
    """``base``, and now and then both Uusimaa areas (breaks across the two)."""
    if d.flag():
        return attrs.evolve(base, areas=UUSIMAA_AREAS)
    return base


def network_actor_ids(n: ServiceNetwork, day: dt.date) -> list[str]:
    members = (m.actor for m in n.members if in_effect(m, day))
    return list(dict.fromkeys((*n.leads, *members)))


def add_service(s: Snapshot, network_id: str, svc: Service) -> Snapshot:
    return evolve_network(s, network_id, lambda x: attrs.evolve(x, services=(*x.services, svc)))


def other_county_code(d: Draws, county: str | None, day: dt.date) -> MunicipalityCode:
    """A municipality existing on ``day`` in a county other than ``county``."""
    geo = reference_geography()
    codes = [
        m.code for m in geo.municipalities_on(day) if m.county is not None and m.county != county
    ]
    return d.pick(codes)


GROUPS_ACTIVE = Needs(groups_active=True)
AN_AGENT = Needs(agent=True)
AN_STM_AGENT = Needs(stm_agent=True)
A_FAMILY_CENTRE = Needs(network=True)
NOTHING = Needs()
