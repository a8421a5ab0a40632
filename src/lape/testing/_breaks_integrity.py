"""Rule breaks for LAPE-S01..S03: the integrity of the snapshot (see
:mod:`lape.testing._breaks`)."""

from __future__ import annotations

import datetime as dt

import attrs

from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    Grant,
    Period,
    ServiceNetwork,
    Snapshot,
)
from lape.testing._edits import (
    NOTHING,
    Broken,
    Recipe,
    add_actor,
    evolve_actor,
    evolve_agent,
    evolve_group,
    evolve_network,
)
from lape.testing._valid import (
    Draws,
    World,
)

__all__ = ["RECIPES"]

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


def _dangling(d: Draws, w: World) -> Broken:
    s = w.snapshot
    missing = "no-such-entity"
    ways = ["actor", "group"]
    ways += ["grant"] if s.grants else []
    ways += ["project"] if s.projects else []
    ways += ["interface"] if any(n.interfaces for n in s.networks) else []
    how = d.pick(ways)
    if how == "actor":
        actor_id = d.pick(_ordinary_actors(s))
        s = evolve_actor(
            s, actor_id, lambda a: attrs.evolve(a, composed_of=(*a.composed_of, missing))
        )
        subject = ("actor", actor_id)
    elif how == "group":
        group_id = d.pick([g.id for g in s.groups])
        s = evolve_group(
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

        s = evolve_network(s, network_id, edit)
        subject = ("network", network_id)
    return Broken(s, subject, f"{subject[0]} {subject[1]} refers to {missing}, which is nowhere")


def _duplicate(d: Draws, w: World) -> Broken:
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
    return Broken(s, (kind, entity_id), f"{kind} {entity_id} appears twice")


def _inverted(d: Draws, w: World) -> Broken:
    s = w.snapshot
    kinds = ["actor"] + (["change_agent"] if s.change_agents else [])
    kinds += ["grant"] if s.grants else []
    kinds += ["project"] if s.projects else []
    kind = d.pick(kinds)
    back = dt.timedelta(days=d.integer(1, 365))
    if kind == "actor":
        day = d.day(dt.date(2016, 1, 1), dt.date(2024, 12, 31))
        inverted = Period.as_given(start=day, end=day - back)
        # An actor no group or network seats: a member whose period holds no day does
        # not count (DOMAIN.md, "in effect on the checked day").
        unseated = sorted(set(_ordinary_actors(s)) - _seated(s))
        if unseated and d.flag():
            entity_id = d.pick(unseated)
            s = evolve_actor(s, entity_id, lambda a: attrs.evolve(a, period=inverted))
        else:
            entity_id = "inverted-actor"
            orphan = Actor(
                id=entity_id, name="An actor", kind=ActorKind.ORGANISATION, period=inverted
            )
            s = add_actor(s, orphan)
    elif kind == "change_agent":
        entity_id = d.pick([a.id for a in s.change_agents])

        def edit(a: ChangeAgent) -> ChangeAgent:
            start = a.employment.start
            return attrs.evolve(a, employment=Period.as_given(start=start, end=start - back))

        s = evolve_agent(s, entity_id, edit)
    elif kind == "project":
        entity_id = d.pick([p.id for p in s.projects])
        start = d.day(dt.date(2016, 1, 1), dt.date(2024, 12, 31))
        projects = tuple(
            attrs.evolve(p, period=Period.as_given(start=start, end=start - back))
            if p.id == entity_id
            else p
            for p in s.projects
        )
        s = attrs.evolve(s, projects=projects)
    else:
        entity_id = d.pick([g.id for g in s.grants])

        def edit_grant(g: Grant) -> Grant:
            assert g.costs is not None
            return attrs.evolve(
                g, costs=Period.as_given(start=g.costs.start, end=g.costs.start - back)
            )

        s = attrs.evolve(
            s, grants=tuple(edit_grant(g) if g.id == entity_id else g for g in s.grants)
        )
    return Broken(s, (kind, entity_id), f"a period of {kind} {entity_id} ends before it starts")


RECIPES: dict[str, Recipe] = {
    "LAPE-S01": Recipe(NOTHING, _dangling),
    "LAPE-S02": Recipe(NOTHING, _duplicate),
    "LAPE-S03": Recipe(NOTHING, _inverted),
}
