"""Rule breaks for LAPE-C01..C06: change agents (see :mod:`lape.testing._breaks`)."""

from __future__ import annotations

import datetime as dt

import attrs

from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    Group,
    MunicipalityCode,
    NationalBody,
    Period,
    RegionCode,
)
from lape.testing._edits import (
    AN_AGENT,
    AN_STM_AGENT,
    UUSIMAA_AREAS,
    Broken,
    Recipe,
    add_actor,
    agent_of,
    area_now,
    evolve_agent,
    evolve_group,
    group_of,
    outside_of,
    reference_geography,
    with_uusimaa,
)
from lape.testing._valid import (
    AGENT_POOL,
    GROUPS_TERM,
    STM,
    STM_LAST_DAY,
    AreaParts,
    Draws,
    Needs,
    World,
)

__all__ = ["RECIPES"]

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


def _mandate_too_late(d: Draws, w: World) -> Broken:
    """LAPE-C01: the agent's project area had no regional group set up and mandated by
    its first day: the mandate came later (by the day, when LAPE-G12 watches it), the
    group was set up later, or the agent names the other Uusimaa area, which has none."""
    agent_id, part = d.pick(_agents(w))
    s, day = w.snapshot, w.as_of
    agent = agent_of(s, agent_id)
    start = agent.employment.start
    areas = {p.area for p in w.areas}
    if part.area in UUSIMAA_AREAS and not set(UUSIMAA_AREAS) <= areas and d.flag():
        other = next(a for a in UUSIMAA_AREAS if a != part.area)
        geo = reference_geography()
        chosen_by = tuple(sorted(geo.municipalities_of_project_area(other, start)))
        payer = agent.salary_payer
        if payer is not None and payer != STM:
            payer = part.council  # LAPE-C06: an own organisation of the other area too

        def edit(a: ChangeAgent) -> ChangeAgent:
            return attrs.evolve(
                a, project_area=other, employer_chosen_by=chosen_by, salary_payer=payer
            )

        return Broken(
            evolve_agent(s, agent_id, edit),
            ("change_agent", agent_id),
            f"{agent_id} works for project area {other}, which has no regional group",
        )
    watched = GROUPS_TERM.contains(day) and w.groups_active  # LAPE-G12 reads the mandate
    last = min(day, start + dt.timedelta(days=200)) if watched else start + dt.timedelta(days=200)
    assert last > start, (start, day)
    late = d.day(start + dt.timedelta(days=1), last)
    group_id = part.regional_group
    g = group_of(s, group_id)
    end = None if g.period is None else g.period.end
    if (end is None or late <= end) and d.flag():

        def set_up(grp: Group) -> Group:
            return attrs.evolve(grp, period=Period(start=late, end=end))

        return Broken(
            evolve_group(s, group_id, set_up),
            ("change_agent", agent_id),
            f"{group_id} is set up on {late}, after {agent_id} started on {start}",
        )

    def mandate(grp: Group) -> Group:
        assert grp.mandate is not None
        return attrs.evolve(grp, mandate=attrs.evolve(grp.mandate, decided=late))

    return Broken(
        evolve_group(s, group_id, mandate),
        ("change_agent", agent_id),
        f"the mandate of {group_id} is decided on {late}, after {agent_id} started on {start}",
    )


def _second_agent(d: Draws, w: World) -> Broken:
    """LAPE-C02: two STM-funded agents in one area at once, or an agent whose project
    area lies outside its region."""
    agent_id, part = d.pick(_agents(w, stm=True))
    agent = agent_of(w.snapshot, agent_id)
    if d.flag():
        geo = reference_geography()
        region = d.pick([r for r in sorted(geo.regions) if r != part.region])
        s = evolve_agent(
            w.snapshot,
            agent_id,
            lambda a: attrs.evolve(a, region=RegionCode(region), project_area=part.area),
        )
        return Broken(
            s,
            ("change_agent", agent_id),
            f"{agent_id} is of region {region}, its project area {part.area} of {part.region}",
        )
    twin = attrs.evolve(agent, id=f"{agent_id}-second", name=f"{agent.name} (second)")
    s = attrs.evolve(w.snapshot, change_agents=(*w.snapshot.change_agents, twin))
    return Broken(
        s,
        ("change_agent", twin.id),
        f"{twin.id}, STM-funded, works in the project area of {agent_id} at the same time",
        also=(("change_agent", agent_id),),
    )


def _agent_after_2019(d: Draws, w: World) -> Broken:
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

    s = evolve_agent(w.snapshot, agent_id, edit)
    paid = f", paid by {part.council} from {AGENT_POOL}" if own else ""
    return Broken(s, ("change_agent", agent_id), f"{agent_id}, STM-funded, works until {end}{paid}")


def _chooser(agent: ChangeAgent, day: dt.date) -> frozenset[MunicipalityCode]:
    """The municipalities LAPE-C05 expects to have chosen the agent's employer."""
    geo = reference_geography()
    if agent.project_area is not None:
        return geo.municipalities_of_project_area(agent.project_area, day)
    return geo.municipalities_of_region(agent.region, day)


def _agent_too_early(d: Draws, w: World) -> Broken:
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

    s = evolve_group(
        evolve_agent(w.snapshot, agent_id, edit_agent), part.regional_group, edit_group
    )
    return Broken(s, ("change_agent", agent_id), f"{agent_id}, STM-funded, starts on {start}")


def _employer_chosen_by_few(d: Draws, w: World) -> Broken:
    geo = reference_geography()
    agent_id, _ = d.pick(_agents(w))
    agent = agent_of(w.snapshot, agent_id)
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
    s = evolve_agent(w.snapshot, agent_id, lambda a: attrs.evolve(a, employer_chosen_by=chosen))
    return Broken(
        s, ("change_agent", agent_id), f"the employer of {agent_id} was chosen by {chosen}"
    )


_NATIONAL_PAYERS = (
    (ActorKind.MINISTRY, NationalBody.OKM),
    (ActorKind.GOVERNMENT_AGENCY, NationalBody.THL),
    (ActorKind.ASSOCIATION_OF_MUNICIPALITIES, NationalBody.KUNTALIITTO),
)


def _paid_from_outside(d: Draws, w: World) -> Broken:
    """LAPE-C06: an agent working after 2019, not STM-funded, whose salary a national body
    or an organisation of another area pays (the capital region's agent paid from the
    rest of Uusimaa, when it is there)."""
    agent_id, part = d.pick(_agents(w, stm=False))
    agent = agent_of(w.snapshot, agent_id)
    employment = agent.employment
    if employment.end is not None and employment.end <= STM_LAST_DAY:
        end = d.maybe(d.day(dt.date(2020, 1, 1), dt.date(2022, 12, 31)))
        employment = Period(start=employment.start, end=end)
    payer_id = f"{agent_id}-payer"
    if d.flag():
        kind, body = d.pick(_NATIONAL_PAYERS)
        payer = Actor(id=payer_id, name=f"National body {body.value}", kind=kind, body=body)
    else:
        area = area_now(part, w.as_of)
        code = outside_of(d, area, w.as_of, near=part.region)
        payer = Actor(
            id=payer_id,
            name="An organisation of another area",
            kind=d.pick((ActorKind.ORGANISATION, ActorKind.MUNICIPAL_BODY)),
            municipalities=(code,),
        )
    s = add_actor(w.snapshot, payer)

    def edit(a: ChangeAgent) -> ChangeAgent:
        return attrs.evolve(a, employment=employment, salary_payer=payer_id, pool=None)

    return Broken(
        evolve_agent(s, agent_id, edit),
        ("change_agent", agent_id),
        f"{agent_id}, employed {employment}, is paid by {payer_id} ({payer.kind.value})",
    )


RECIPES: dict[str, Recipe] = {
    "LAPE-C01": Recipe(_c01_needs, _mandate_too_late),
    "LAPE-C02": Recipe(AN_STM_AGENT, _second_agent),
    "LAPE-C03": Recipe(AN_STM_AGENT, _agent_after_2019),
    "LAPE-C04": Recipe(AN_STM_AGENT, _agent_too_early),
    "LAPE-C05": Recipe(AN_AGENT, _employer_chosen_by_few),
    "LAPE-C06": Recipe(
        lambda d, day: with_uusimaa(d, day, Needs(non_stm_agent=True)), _paid_from_outside
    ),
}
