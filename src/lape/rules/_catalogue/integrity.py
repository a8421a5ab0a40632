"""LAPE-S01..S03: integrity of the snapshot itself (always in force)."""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping

from lape._paths import format_path
from lape._wording import Text
from lape.model import EntityKind, Period, Severity, Snapshot
from lape.rules._catalogue._common import ALWAYS, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, Subject, rule

__all__ = ["RULES"]

_REFERENCES = seed(
    "docs/file-format.md (lape file format, References between entities)",
    "Entities refer to each other by ID.",
)
_UNIQUE = seed(
    "docs/file-format.md (lape file format, IDs)",
    "IDs must be unique **within their kind**: an actor and a group may share an ID, two "
    "actors may not.",
)
_PERIODS = seed(
    "docs/file-format.md (lape file format, Periods)",
    "A period ends on or after the day it starts.",
)


def _area_references(s: Snapshot) -> Iterator[tuple[str, EntityKind, str, str, str]]:
    """(path, owner kind, owner ID, area kind, code) for every area code in the snapshot."""
    a, g, c, n = EntityKind.ACTOR, EntityKind.GROUP, EntityKind.CHANGE_AGENT, EntityKind.NETWORK
    for i, actor in enumerate(s.actors):
        for j, code in enumerate(actor.municipalities):
            yield f"actors[{i}].municipalities[{j}]", a, actor.id, "municipality", code
        if actor.region is not None:
            yield f"actors[{i}].region", a, actor.id, "region", actor.region
        if actor.county is not None:
            yield f"actors[{i}].county", a, actor.id, "county", actor.county
        if actor.hospital_district is not None:
            yield (
                f"actors[{i}].hospital_district",
                a,
                actor.id,
                "hospital_district",
                (actor.hospital_district),
            )
    for i, group in enumerate(s.groups):
        if group.municipality is not None:
            yield f"groups[{i}].municipality", g, group.id, "municipality", group.municipality
        if group.region is not None:
            yield f"groups[{i}].region", g, group.id, "region", group.region
        if group.project_area is not None:
            yield f"groups[{i}].project_area", g, group.id, "project_area", group.project_area
        if group.mandate is not None and group.mandate.municipality is not None:
            code = group.mandate.municipality
            yield f"groups[{i}].mandate.municipality", g, group.id, "municipality", code
        if group.mandate is not None and group.mandate.region is not None:
            yield f"groups[{i}].mandate.region", g, group.id, "region", group.mandate.region
    for i, agent in enumerate(s.change_agents):
        yield f"change_agents[{i}].region", c, agent.id, "region", agent.region
        if agent.project_area is not None:
            yield (
                f"change_agents[{i}].project_area",
                c,
                agent.id,
                "project_area",
                agent.project_area,
            )
        for j, code in enumerate(agent.employer_chosen_by or ()):
            yield f"change_agents[{i}].employer_chosen_by[{j}]", c, agent.id, "municipality", code
    for i, grant in enumerate(s.grants):
        if grant.region is not None:
            yield f"grants[{i}].region", EntityKind.GRANT, grant.id, "region", grant.region
    for i, project in enumerate(s.projects):
        p = EntityKind.PROJECT
        if project.region is not None:
            yield f"projects[{i}].region", p, project.id, "region", project.region
        if project.project_area is not None:
            area = project.project_area
            yield f"projects[{i}].project_area", p, project.id, "project_area", area
    for i, centre in enumerate(s.centres):
        yield f"centres[{i}].county", EntityKind.CENTRE, centre.id, "county", centre.county
    for i, network in enumerate(s.networks):
        if network.county is not None:
            yield f"networks[{i}].county", n, network.id, "county", network.county
        for j, svc in enumerate(network.services):
            if svc.municipality is not None:
                path = f"networks[{i}].services[{j}].municipality"
                yield path, EntityKind.SERVICE, svc.id, "municipality", svc.municipality
        for j, interface in enumerate(network.interfaces):
            if interface.municipality is not None:
                path = f"networks[{i}].interfaces[{j}].municipality"
                yield path, n, network.id, "municipality", interface.municipality
            if interface.county is not None:
                path = f"networks[{i}].interfaces[{j}].county"
                yield path, n, network.id, "county", interface.county


@rule(
    id="LAPE-S01",
    severity=Severity.ERROR,
    subjects=tuple(EntityKind),  # the entity that refers
    in_force=ALWAYS,
    source=_REFERENCES,
    title=Text(
        fi="Jokainen viittaus osoittaa olemassa olevaan kohteeseen",
        sv="Varje hänvisning pekar på något som finns",
        en="Every reference points to an existing entity",
    ),
    message=Text(
        fi="{subject}: viittaus kohteeseen {target_kind} '{target}' ei osoita mihinkään",
        sv="{subject}: hänvisningen till {target_kind} '{target}' pekar inte på något",
        en="{subject}: the reference to {target_kind} '{target}' points to nothing",
    ),
    tags=("integrity",),
    condition=Text(
        fi="Jokainen tilannekuvan viittaus (tunniste tai aluekoodi) osoittaa olemassa olevaan "
        "kohteeseen: tilannekuvan toimijaan, ryhmään, määrärahaan tai palveluun, tai "
        "viitetietojen kuntaan, maakuntaan, hyvinvointialueeseen tai hankealueeseen.",
        sv="Varje hänvisning i ögonblicksbilden (identifierare eller områdeskod) pekar på något "
        "som finns: en aktör, grupp, pott eller tjänst i ögonblicksbilden, eller en kommun, "
        "ett landskap, ett välfärdsområde eller ett projektområde i referensdata.",
        en="Every reference in the snapshot (an ID or an area code) points to something that "
        "exists: an actor, group, pool or service of the snapshot, or a municipality, region, "
        "county or project area of the reference data.",
    ),
)
def s01(ctx: Context) -> Iterator[Outcome]:
    """Every entity that refers to another (or to an area) is examined; one failure
    per reference that points to nothing."""
    index, geo = ctx.index, ctx.geography
    targets: dict[EntityKind, Mapping[str, object]] = {
        kind: index.by_id(kind) for kind in EntityKind
    }
    targets[EntityKind.POOL] = ctx.pools()  # the snapshot's pools and the reference data's
    areas: dict[str, Container[str]] = {
        "municipality": geo.municipalities,
        "region": geo.regions,
        "county": geo.counties,
        "project_area": geo.project_areas,
        "hospital_district": geo.hospital_districts,
    }
    referring: dict[tuple[EntityKind, str], None] = {}  # in input order, each once
    broken: list[tuple[EntityKind, str, str, str, str]] = []
    for parts, source, source_id, target_kind, target in index.raw_references():
        referring[source, source_id] = None
        if target not in targets[target_kind]:  # the path written for a broken one only
            broken.append((source, source_id, format_path(parts), target_kind.value, target))
    for path, source, source_id, area_kind, code in _area_references(ctx.snapshot):
        referring[source, source_id] = None
        if code not in areas[area_kind]:
            broken.append((source, source_id, path, area_kind, code))
    kinds = {kind: kind.value for kind in EntityKind}
    ctx.examine(Subject(kinds[kind], entity_id) for kind, entity_id in referring)
    for kind, entity_id, path, target_name, target in broken:
        subject = ctx.subject_of(kinds[kind], entity_id)
        yield ctx.failed(subject, at=path, target_kind=target_name, target=target)


@rule(
    id="LAPE-S02",
    severity=Severity.ERROR,
    subjects=tuple(EntityKind),
    in_force=ALWAYS,
    source=_UNIQUE,
    title=Text(
        fi="Tunnisteet ovat yksikäsitteisiä lajinsa sisällä",
        sv="Identifierarna är unika inom sin typ",
        en="IDs are unique within their kind",
    ),
    message=Text(
        fi="{subject}: tunnistetta käytetään {count} kertaa ({kind}): {paths}",
        sv="{subject}: identifieraren används {count} gånger ({kind}): {paths}",
        en="{subject}: the ID is used {count} times ({kind}): {paths}",
    ),
    tags=("integrity",),
    condition=Text(
        fi="Tunnisteet ovat yksikäsitteisiä lajinsa sisällä (palvelujen tunnisteet kaikkien "
        "verkostojen kesken).",
        sv="Identifierarna är unika inom sin typ (tjänsternas i alla nätverk tillsammans).",
        en="IDs are unique within their kind (services' across all networks).",
    ),
)
def s02(ctx: Context) -> Iterator[Outcome]:
    duplicates = ctx.index.duplicate_paths()
    for kind in EntityKind:
        dups = duplicates.get(kind, {})
        for entity_id in ctx.index.ids(kind):
            subject = Subject(kind.value, entity_id)
            paths = dups.get(entity_id)
            if paths is None:
                yield ctx.passed(subject)
                continue
            yield ctx.failed(
                subject,
                at=paths[1],
                id=entity_id,
                kind=kind.value,
                count=len(paths),
                paths=list(paths),
            )


def _periods(s: Snapshot) -> Iterator[tuple[str, EntityKind, str, Period]]:
    """(path, owner kind, owner ID, period) for every period in the snapshot."""
    for i, actor in enumerate(s.actors):
        if actor.period is not None:
            yield f"actors[{i}].period", EntityKind.ACTOR, actor.id, actor.period
    for i, group in enumerate(s.groups):
        if group.period is not None:
            yield f"groups[{i}].period", EntityKind.GROUP, group.id, group.period
        for j, m in enumerate(group.members):
            if m.period is not None:
                yield f"groups[{i}].members[{j}].period", EntityKind.GROUP, group.id, m.period
    for i, agent in enumerate(s.change_agents):
        path = f"change_agents[{i}].employment"
        yield path, EntityKind.CHANGE_AGENT, agent.id, agent.employment
    for i, pool in enumerate(s.pools):
        for name in ("call", "costs"):
            period = getattr(pool, name)
            if period is not None:
                yield f"pools[{i}].{name}", EntityKind.POOL, pool.id, period
    for i, grant in enumerate(s.grants):
        if grant.costs is not None:
            yield f"grants[{i}].costs", EntityKind.GRANT, grant.id, grant.costs
    for i, project in enumerate(s.projects):
        if project.period is not None:
            yield f"projects[{i}].period", EntityKind.PROJECT, project.id, project.period
    for i, network in enumerate(s.networks):
        if network.period is not None:
            yield f"networks[{i}].period", EntityKind.NETWORK, network.id, network.period
        for j, nm in enumerate(network.members):
            if nm.period is not None:
                path = f"networks[{i}].members[{j}].period"
                yield path, EntityKind.NETWORK, network.id, nm.period


@rule(
    id="LAPE-S03",
    severity=Severity.ERROR,
    subjects=tuple(EntityKind),  # the entity whose period it is
    in_force=ALWAYS,
    source=_PERIODS,
    title=Text(
        fi="Jokainen ajanjakso päättyy aikaisintaan alkupäivänään",
        sv="Varje period slutar tidigast den dag den börjar",
        en="Every period ends on or after its start",
    ),
    message=Text(
        fi="{subject}: ajanjakso päättyy {end} ennen kuin se alkaa {start}",
        sv="{subject}: perioden slutar {end} innan den börjar {start}",
        en="{subject}: the period ends on {end}, before it starts on {start}",
    ),
    tags=("integrity",),
    condition=Text(
        fi="Jokainen ajanjakso päättyy aikaisintaan alkupäivänään.",
        sv="Varje period slutar tidigast den dag den börjar.",
        en="Every period ends on or after the day it starts.",
    ),
)
def s03(ctx: Context) -> Iterator[Outcome]:
    for path, kind, owner_id, period in _periods(ctx.snapshot):
        subject = Subject(kind.value, owner_id)
        if period.is_inverted:
            yield ctx.failed(subject, at=path, start=period.start, end=period.end)
        else:
            yield ctx.passed(subject)


RULES: tuple[Rule, ...] = (s01, s02, s03)
