"""Rule breaks for LAPE-F01..F10: funding pools, grants and development projects (see
:mod:`lape.testing._breaks`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from lape.model import (
    DevelopmentProject,
    FundingPool,
    Grant,
    GrantKind,
    Period,
    Programme,
    Snapshot,
    TargetGroup,
)
from lape.testing._edits import (
    NOTHING,
    Broken,
    Recipe,
    reference_geography,
)
from lape.testing._valid import (
    F08_YEARS,
    ROUND_POOL,
    Draws,
    World,
    development_project,
    own_pool,
    valid_grant,
)

__all__ = ["RECIPES"]

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


def _overspent(d: Draws, w: World) -> Broken:
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
    return Broken(s, ("pool", pool.id), f"{grant.id} of {grant.amount} EUR overspends {pool.id}")


def _costs_outside(d: Draws, w: World) -> Broken:
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
    return Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"{grant.id} covers costs {costs}"
    )


def _alone(d: Draws, w: World) -> Broken:
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
        return Broken(
            _with_funding(w, pool, grant, project),
            ("grant", grant.id),
            f"{grant.id} funds {project.id}, whose consortium is {project.lead} alone",
        )
    participants = d.pick(((), (grant.recipient,)))
    grant = attrs.evolve(grant, participants=participants)
    return Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"{grant.id} funds one actor alone"
    )


def _late_start_up(d: Draws, w: World) -> Broken:
    wide = Period(start=dt.date(2016, 1, 1), end=dt.date(2019, 12, 31))
    pool, grant = _fresh(d, w, kind=GrantKind.START_UP_GRANT, programme=Programme.LAPE, costs=wide)
    start = d.day(dt.date(2018, 1, 1), dt.date(2019, 12, 31))
    costs = Period(start=start, end=d.day(start, dt.date(2019, 12, 31)))
    grant = attrs.evolve(grant, costs=costs)
    return Broken(
        _with_funding(w, pool, grant), ("grant", grant.id), f"start-up grant {grant.id} in {costs}"
    )


def _decided_before_call(d: Draws, w: World) -> Broken:
    pool, grant = _fresh(
        d, w, kind=d.pick(_ANY_KIND), programme=Programme.LAPE, decided_before_call=True
    )
    assert pool.call is not None
    decided = pool.call.start - dt.timedelta(days=d.integer(1, 60))
    grant = attrs.evolve(grant, decided=decided)
    return Broken(
        _with_funding(w, pool, grant),
        ("grant", grant.id),
        f"{grant.id} decided on {decided}, before the call opened on {pool.call.start}",
    )


_NOT_CYF = (TargetGroup.ADULTS, TargetGroup.OLDER_PEOPLE, TargetGroup.EVERYONE)


def _wrong_target(d: Draws, w: World) -> Broken:
    pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=Programme.LAPE)
    targets = frozenset(d.some(_NOT_CYF))
    grant = attrs.evolve(grant, target_groups=targets)
    return Broken(
        _with_funding(w, pool, grant),
        ("grant", grant.id),
        f"{grant.id} is for {sorted(t.value for t in targets)}",
    )


def _child_strategy(d: Draws, w: World) -> Broken:
    pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=Programme.LAPE)
    grant = attrs.evolve(grant, programme=Programme.CHILD_STRATEGY)
    return Broken(
        _with_funding(w, pool, grant),
        ("grant", grant.id),
        f"{grant.id} pays child-strategy work from LAPE pool {pool.id}",
    )


def _no_priority(d: Draws, w: World) -> Broken:
    start = d.day(dt.date(2019, 1, 1), dt.date(2022, 12, 31))
    end = max(start, F08_YEARS.start) + dt.timedelta(days=d.integer(30, 1000))
    costs = Period(start=start, end=end)  # overlaps 2020-2022: LAPE-F08 examines its grants
    pool, grant = _fresh(d, w, kind=GrantKind.STATE_SUBSIDY, programme=Programme.LAPE, costs=costs)
    region, priorities = d.pick(
        ((None, grant.priorities), (grant.region, frozenset()), (None, frozenset()))
    )
    grant = attrs.evolve(grant, region=region, priorities=priorities)
    return Broken(
        _with_funding(w, pool, grant),
        ("grant", grant.id),
        f"2020-2022 grant {grant.id}: region {region}, "
        f"priorities {sorted(p.value for p in priorities)}",
    )


def _bad_amount(d: Draws, w: World) -> Broken:
    pool, grant = _fresh(d, w, kind=d.pick(_ANY_KIND), programme=d.pick(_ANY_PROGRAMME))
    amount = -d.euros(0, 1000)
    if d.flag():  # the pool's own amount, and no grant from it
        pool = attrs.evolve(pool, amount=amount)
        return Broken(
            _with_funding(w, pool, None), ("pool", pool.id), f"{pool.id} holds {amount} EUR"
        )
    grant = attrs.evolve(grant, amount=amount)
    return Broken(
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


def _one_project_per_area(d: Draws, w: World) -> Broken:
    """LAPE-F10: the 2016 round funds a project without a lead applicant, or a second
    project of an area."""
    from lape.reference import funding_pools

    pool = next(p for p in funding_pools() if p.id == ROUND_POOL)
    part = d.pick(w.areas)
    funded = _round_projects(w)
    free = [a for a in sorted(reference_geography().project_areas) if a not in funded]
    new = development_project(d, project_id=BREAK_PROJECT, part=part, pool=pool)
    s = w.snapshot
    if d.flag():  # no lead applicant (the consortium still has two actors: LAPE-F03)
        assert new.lead is not None
        consortium = tuple(dict.fromkeys((*new.consortium, new.lead)))
        area = part.area if part.area in free else d.pick(free)
        new = attrs.evolve(new, lead=None, consortium=consortium, project_area=area)
        grant = _round_grant(d, w, new, BREAK_GRANT)
        return Broken(
            _with_funding(w, None, grant, new),
            ("project", new.id),
            f"{new.id}, funded by {grant.id} of the 2016 round, names no lead applicant",
        )
    if part.area in funded and d.flag():  # beside the area's own project
        (first, *_) = funded[part.area]
        new = attrs.evolve(new, project_area=part.area)
        grant = _round_grant(d, w, new, BREAK_GRANT)
        return Broken(
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
    return Broken(
        _with_funding(w, None, grant, new),
        ("project", new.id),
        f"the 2016 round funds {first_project.id} and {new.id}, both of {area}",
        also=(("project", first_project.id),),
    )


RECIPES: dict[str, Recipe] = {
    "LAPE-F01": Recipe(NOTHING, _overspent),
    "LAPE-F02": Recipe(NOTHING, _costs_outside),
    "LAPE-F03": Recipe(NOTHING, _alone),
    "LAPE-F04": Recipe(NOTHING, _late_start_up),
    "LAPE-F05": Recipe(NOTHING, _decided_before_call),
    "LAPE-F06": Recipe(NOTHING, _wrong_target),
    "LAPE-F07": Recipe(NOTHING, _child_strategy),
    "LAPE-F08": Recipe(NOTHING, _no_priority),
    "LAPE-F09": Recipe(NOTHING, _bad_amount),
    "LAPE-F10": Recipe(NOTHING, _one_project_per_area),
}
