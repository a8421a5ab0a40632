"""The snapshot: every entity of one programme situation, cross-referenced by ID."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, TypeAlias, TypeVar

import attrs
from attrs.validators import optional

from lape._gc import gc_paused
from lape._html import HTMLRepr, cell, quoted, row, shorten, table
from lape._pandas import data_frame
from lape._paths import format_path
from lape.model._actors import Actor
from lape.model._change_agents import ChangeAgent
from lape.model._checks import CheckSettings
from lape.model._entities import ENTITY_TYPES, Entity, EntityKind, Subject, entity_type
from lape.model._fields import as_tuple, done_by_loader, instance_of, tuple_of
from lape.model._funding import DevelopmentProject, FundingPool, Grant
from lape.model._groups import Group
from lape.model._ids import (
    CountyCode,
    MunicipalityCode,
    RegionCode,
    county_code,
    municipality_code,
    region_code,
    to_counties,
    to_municipalities,
    to_regions,
)
from lape.model._members import GroupMembers, GroupSeats
from lape.model._period import is_day, to_optional_day
from lape.model._services import HealthSocialCentre, Service, ServiceNetwork
from lape.model._survey import Survey
from lape.model._tables import TABLES, columns, rows

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]

__all__ = [
    "EntityKind",
    "RawReference",
    "Reference",
    "Scope",
    "Snapshot",
    "SnapshotIndex",
    "SnapshotInfo",
]


def _actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return as_tuple(value)


def _groups(value: Iterable[Group]) -> tuple[Group, ...]:
    return as_tuple(value)


def _change_agents(value: Iterable[ChangeAgent]) -> tuple[ChangeAgent, ...]:
    return as_tuple(value)


def _pools(value: Iterable[FundingPool]) -> tuple[FundingPool, ...]:
    return as_tuple(value)


def _grants(value: Iterable[Grant]) -> tuple[Grant, ...]:
    return as_tuple(value)


def _projects(value: Iterable[DevelopmentProject]) -> tuple[DevelopmentProject, ...]:
    return as_tuple(value)


def _centres(value: Iterable[HealthSocialCentre]) -> tuple[HealthSocialCentre, ...]:
    return as_tuple(value)


def _networks(value: Iterable[ServiceNetwork]) -> tuple[ServiceNetwork, ...]:
    return as_tuple(value)


def _surveys(value: Iterable[Survey]) -> tuple[Survey, ...]:
    return as_tuple(value)


done_by_loader(
    _actors, _groups, _change_agents, _pools, _grants, _projects, _centres, _networks, _surveys
)


@attrs.frozen(kw_only=True)
class SnapshotInfo:
    """What the snapshot is: its title, the day it describes, whether it is illustrative."""

    title: str = attrs.field(default="", validator=instance_of(str))
    description: str = attrs.field(default="", validator=instance_of(str))
    as_of: dt.date | None = attrs.field(
        default=None, converter=to_optional_day, validator=optional(is_day())
    )
    """The day the snapshot describes; checks use it when no other date is given."""
    illustrative: bool = attrs.field(default=False, validator=instance_of(bool))
    """True when the content is invented for illustration, not real records."""


@attrs.frozen(kw_only=True)
class Scope:
    """The areas a snapshot covers, so that rules about "every municipality" ask
    only about these. Empty everywhere: the areas its entities name."""

    regions: tuple[RegionCode, ...] = attrs.field(
        default=(), converter=to_regions, validator=tuple_of(region_code())
    )
    counties: tuple[CountyCode, ...] = attrs.field(
        default=(), converter=to_counties, validator=tuple_of(county_code())
    )
    municipalities: tuple[MunicipalityCode, ...] = attrs.field(
        default=(), converter=to_municipalities, validator=tuple_of(municipality_code())
    )


@attrs.frozen(kw_only=True, repr=False)
class Snapshot(HTMLRepr):
    """A whole programme situation: actors, groups, change agents, funding and
    service networks, each referring to the others by ID.

    The snapshot can hold mistakes (a member pointing at a missing actor, two
    actors with one ID, a period that ends before it starts) so that checking
    reports them as findings; :attr:`index` finds them and answers look-ups
    without scanning.

    >>> from lape.model import Actor, ActorKind, Group, GroupKind, Membership
    >>> s = Snapshot(
    ...     actors=(Actor(id="a", name="A", kind=ActorKind.PARISH),),
    ...     groups=(Group(id="g", name="G", kind=GroupKind.MUNICIPAL,
    ...                   members=(Membership(actor="a"), Membership(actor="x"))),),
    ... )
    >>> s
    <Snapshot: 1 actor, 1 group>
    >>> [g.id for g in s.index.groups_of_actor("a")]
    ['g']
    >>> [(r.path, r.target) for r in s.index.dangling_references()]
    [('groups[0].members[1].actor', 'x')]

    In Jupyter a snapshot shows as a short summary (title, day, areas, how
    many entities of each kind); :meth:`rows` and :meth:`to_pandas` give its
    entities as tables.
    """

    info: SnapshotInfo = attrs.field(factory=SnapshotInfo, validator=instance_of(SnapshotInfo))
    scope: Scope = attrs.field(factory=Scope, validator=instance_of(Scope))
    actors: tuple[Actor, ...] = attrs.field(
        default=(), converter=_actors, validator=tuple_of(Actor)
    )
    groups: tuple[Group, ...] = attrs.field(
        default=(), converter=_groups, validator=tuple_of(Group)
    )
    change_agents: tuple[ChangeAgent, ...] = attrs.field(
        default=(), converter=_change_agents, validator=tuple_of(ChangeAgent)
    )
    pools: tuple[FundingPool, ...] = attrs.field(
        default=(), converter=_pools, validator=tuple_of(FundingPool)
    )
    """The snapshot's own funding pools; the known ones ship in :mod:`lape.reference`."""
    grants: tuple[Grant, ...] = attrs.field(
        default=(), converter=_grants, validator=tuple_of(Grant)
    )
    projects: tuple[DevelopmentProject, ...] = attrs.field(
        default=(), converter=_projects, validator=tuple_of(DevelopmentProject)
    )
    """The development projects that grants fund (consortia with a lead applicant)."""
    centres: tuple[HealthSocialCentre, ...] = attrs.field(
        default=(), converter=_centres, validator=tuple_of(HealthSocialCentre)
    )
    networks: tuple[ServiceNetwork, ...] = attrs.field(
        default=(), converter=_networks, validator=tuple_of(ServiceNetwork)
    )
    checks: CheckSettings = attrs.field(factory=CheckSettings, validator=instance_of(CheckSettings))
    """Which rules to check and at which severity (the file's ``checks:`` section)."""
    surveys: tuple[Survey, ...] = attrs.field(
        default=(), converter=_surveys, validator=tuple_of(Survey)
    )
    """Collaboration surveys (:class:`~lape.model.Survey`), one per wave."""

    @functools.cached_property
    def index(self) -> SnapshotIndex:
        """Look-ups by ID and by relation, built once on first use."""
        with gc_paused():  # see lape._gc
            return SnapshotIndex(self)

    def counts(self) -> dict[str, int]:
        """How many entities of each kind the snapshot holds (kinds with none left out)."""
        sizes = {
            t.kind.value: len(getattr(self, t.list_name or "")) for t in ENTITY_TYPES if t.top_level
        }
        return {kind: n for kind, n in sizes.items() if n}

    tables: ClassVar[tuple[str, ...]] = TABLES
    """The names of the tables :meth:`rows` gives."""

    def rows(self, kind: str = "actors") -> list[dict[str, Any]]:
        """The entities of one kind as a table: one dict of plain values per entity,
        in input order.

        ``kind`` names the table (see :attr:`tables`): ``actors``, ``groups``,
        ``memberships`` (one row per seat, the group's ID first),
        ``change_agents``, ``pools``, ``grants``, ``projects``, ``centres``, ``networks``,
        ``network_members``, ``services``, ``interfaces`` and ``coordination``
        (each row of the last four with its network's ID first).

        The keys are the file format's field names, with enums as their
        values, sets as sorted tuples, a period ``p`` as ``p_start`` and
        ``p_end``, a group's mandate as ``mandate_<field>``, a group's or a
        network's ``members`` as the actors' IDs; actors also get their
        ``working_level``. Money stays ``Decimal`` and days ``date``.

        >>> import lape
        >>> s = lape.example()
        >>> actor = s.rows("actors")[0]
        >>> actor["id"], actor["kind"], actor["sectors"], actor["municipalities"]
        ('kuopio-sote', 'municipal_body', ('social_health',), ('297',))
        >>> actor["working_level"], actor["period_start"]
        ('local', None)
        >>> seat = s.rows("memberships")[0]
        >>> list(seat)
        ['group', 'actor', 'role', 'period_start', 'period_end']
        >>> seat["group"], seat["actor"], seat["role"]
        ('ps-lape', 'kuopio-sote', 'chair')
        >>> len(s.rows("memberships")) == sum(len(g.members) for g in s.groups)
        True
        >>> s.rows("actor")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: no table 'actor'; did you mean 'actors'? (the tables: actors, groups, ...)
        """
        return rows(self, kind)

    def to_pandas(self, kind: str = "actors") -> pd.DataFrame:
        """The table :meth:`rows` gives, as a :class:`pandas.DataFrame` with its
        columns in the same order even when empty (needs ``pip install 'lape[pandas]'``)."""
        found = rows(self, kind)
        return data_frame(found, columns(kind), what="Snapshot.to_pandas()")

    def __repr__(self) -> str:
        parts = [
            f"{n} {kind.replace('_', ' ')}{'' if n == 1 else 's'}"
            for kind, n in self.counts().items()
        ]
        title = f" {quoted(self.info.title, 60)}" if self.info.title else ""
        return f"<Snapshot{title}: {', '.join(parts) or 'empty'}>"

    def _html(self) -> str:
        info, scope = self.info, self.scope
        lines: list[tuple[str, str]] = []
        if info.as_of is not None:
            lines.append(("as of", info.as_of.isoformat()))
        if info.illustrative:
            lines.append(("illustrative", "yes: invented for illustration"))
        regions = scope.regions or sorted(
            {
                *(a.region for a in self.actors if a.region is not None),
                *(g.region for g in self.groups if g.region is not None),
                *(c.region for c in self.change_agents),
            }
        )
        counties = scope.counties or sorted(
            {
                *(a.county for a in self.actors if a.county is not None),
                *(n.county for n in self.networks if n.county is not None),
                *(c.county for c in self.centres),
            }
        )
        if regions:
            named = "" if scope.regions else " (named)"
            lines.append((f"regions{named}", _codes(regions)))
        if counties:
            named = "" if scope.counties else " (named)"
            lines.append((f"counties{named}", _codes(counties)))
        if scope.municipalities:
            lines.append(("municipalities", _codes(scope.municipalities)))
        counts = self.counts()
        sizes: dict[str, int] = {}
        for t in ENTITY_TYPES:
            if t.top_level:
                sizes[t.plural.en] = counts.get(t.kind.value, 0)
            if t.kind is EntityKind.GROUP:
                sizes["seats in groups"] = sum(len(g.members) for g in self.groups)
            if t.kind is EntityKind.NETWORK:
                sizes["services"] = sum(len(n.services) for n in self.networks)
        lines.extend((kind, str(n)) for kind, n in sizes.items() if n)
        caption = [shorten(info.title or "Snapshot", 200)]
        if info.description:
            caption.append(shorten(info.description, 200))
        body = [row([cell(key, header=True), cell(value)]) for key, value in lines]
        return table(caption, body, css_class="lape-snapshot")


def _codes(codes: Sequence[str], most: int = 20) -> str:
    """Area codes comma-separated, at most ``most`` of them and how many more."""
    shown = ", ".join(codes[:most])
    return shown if len(codes) <= most else f"{shown} … (+{len(codes) - most})"


class Reference(NamedTuple):
    """One reference from an entity to another by ID, with its path in the input (a
    light record: a snapshot has tens of thousands)."""

    path: str
    """Where the reference stands, e.g. ``groups[3].members[1].actor``."""
    source: EntityKind
    source_id: str
    target_kind: EntityKind
    target: str


RawReference: TypeAlias = tuple[tuple[str | int, ...], EntityKind, str, EntityKind, str]
"""A reference as :meth:`SnapshotIndex.raw_references` gives it: the path's parts, the
source's kind and ID, the target's kind and ID."""


E = TypeVar("E")


class _Table(Generic[E]):
    """Entities of one kind by ID (first one wins) with their positions and duplicates."""

    __slots__ = ("by_id", "duplicates", "position")

    def __init__(self, entities: Iterable[tuple[str, E]]) -> None:
        self.by_id: dict[str, E] = {}
        self.position: dict[str, int] = {}
        by_id, position = self.by_id, self.position
        repeated: dict[str, list[int]] = {}
        for i, (key, entity) in enumerate(entities):
            first = position.setdefault(key, i)
            if first == i:
                by_id[key] = entity
            else:
                repeated.setdefault(key, [first]).append(i)
        self.duplicates: dict[str, tuple[int, ...]] = {key: tuple(p) for key, p in repeated.items()}


_new = tuple.__new__
"""Makes a named tuple from its fields in order, skipping the generated ``__new__``."""


class SnapshotIndex:
    """Look-ups over one :class:`Snapshot`, built in one pass over it.

    Entities are found by ID in O(1); the relations ("groups of an actor",
    "grants of a pool", "networks of a county"...) in O(k) for k results.
    When two entities of a kind share an ID, look-ups return the first and
    :meth:`duplicates` lists them all.
    """

    __slots__ = (
        "_actors",
        "_actors_of_municipality",
        "_agents",
        "_agents_of_region",
        "_centres",
        "_cooperation",
        "_grants",
        "_grants_of_actor",
        "_grants_of_pool",
        "_group_members",
        "_group_seats",
        "_groups",
        "_groups_of_actor",
        "_groups_of_municipality",
        "_groups_of_region",
        "_networks",
        "_networks_of_actor",
        "_networks_of_county",
        "_paths",
        "_pools",
        "_projects",
        "_references",
        "_service_places",
        "_services",
        "_surveys",
        "_tables",
        "snapshot",
    )

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        s = snapshot
        self._paths: dict[EntityKind, dict[str, str]] = {}
        self._references: dict[int, tuple[object, Subject, str | None]] = {}
        self._group_seats: GroupSeats | None = None
        self._group_members: dict[dt.date, GroupMembers] = {}
        self._tables: dict[EntityKind, _Table[Any]] = {
            t.kind: _Table((e.id, e) for e in getattr(s, t.list_name or ""))
            for t in ENTITY_TYPES
            if t.top_level and isinstance(t.kind, EntityKind)
        }
        self._service_places = [
            (i, j, svc)
            for i, network in enumerate(s.networks)
            for j, svc in enumerate(network.services)
        ]
        self._services = _Table((place[2].id, place) for place in self._service_places)
        self._tables[EntityKind.SERVICE] = self._services
        self._actors = self._tables[EntityKind.ACTOR]
        self._groups = self._tables[EntityKind.GROUP]
        self._agents = self._tables[EntityKind.CHANGE_AGENT]
        self._pools = self._tables[EntityKind.POOL]
        self._grants = self._tables[EntityKind.GRANT]
        self._projects = self._tables[EntityKind.PROJECT]
        self._centres = self._tables[EntityKind.CENTRE]
        self._networks = self._tables[EntityKind.NETWORK]
        self._surveys = self._tables[EntityKind.SURVEY]

        actors_of_municipality: dict[str, list[Actor]] = defaultdict(list)
        for actor in s.actors:
            for code in actor.municipalities:
                actors_of_municipality[code].append(actor)
        self._actors_of_municipality = _freeze(actors_of_municipality)

        groups_of_actor: dict[str, list[Group]] = defaultdict(list)
        groups_of_region: dict[str, list[Group]] = defaultdict(list)
        groups_of_municipality: dict[str, list[Group]] = defaultdict(list)
        cooperation: dict[str, set[str]] = defaultdict(set)
        for group in s.groups:
            for actor_id in dict.fromkeys(m.actor for m in group.members):
                groups_of_actor[actor_id].append(group)
            if group.region is not None:
                groups_of_region[group.region].append(group)
            if group.municipality is not None:
                groups_of_municipality[group.municipality].append(group)
            for other in group.cooperates_with:
                if other != group.id:
                    cooperation[group.id].add(other)
                    cooperation[other].add(group.id)
        self._groups_of_actor = _freeze(groups_of_actor)
        self._groups_of_region = _freeze(groups_of_region)
        self._groups_of_municipality = _freeze(groups_of_municipality)
        self._cooperation = {g: frozenset(o) for g, o in cooperation.items()}

        agents_of_region: dict[str, list[ChangeAgent]] = defaultdict(list)
        for agent in s.change_agents:
            agents_of_region[agent.region].append(agent)
        self._agents_of_region = _freeze(agents_of_region)

        grants_of_pool: dict[str, list[Grant]] = defaultdict(list)
        grants_of_actor: dict[str, list[Grant]] = defaultdict(list)
        for grant in s.grants:
            grants_of_pool[grant.pool].append(grant)
            for actor_id in grant.actors:
                grants_of_actor[actor_id].append(grant)
        self._grants_of_pool = _freeze(grants_of_pool)
        self._grants_of_actor = _freeze(grants_of_actor)

        networks_of_county: dict[str, list[ServiceNetwork]] = defaultdict(list)
        networks_of_actor: dict[str, list[ServiceNetwork]] = defaultdict(list)
        for network in s.networks:
            if network.county is not None:
                networks_of_county[network.county].append(network)
            involved = (*network.leads, *(m.actor for m in network.members))
            for actor_id in dict.fromkeys(involved):
                networks_of_actor[actor_id].append(network)
        self._networks_of_county = _freeze(networks_of_county)
        self._networks_of_actor = _freeze(networks_of_actor)

    # -- by ID ------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with ``actor_id``, or ``None``."""
        return self._actors.by_id.get(actor_id)

    def group(self, group_id: str) -> Group | None:
        """The group with ``group_id``, or ``None``."""
        return self._groups.by_id.get(group_id)

    def change_agent(self, agent_id: str) -> ChangeAgent | None:
        """The change agent with ``agent_id``, or ``None``."""
        return self._agents.by_id.get(agent_id)

    def pool(self, pool_id: str) -> FundingPool | None:
        """The snapshot's own funding pool with ``pool_id``, or ``None``."""
        return self._pools.by_id.get(pool_id)

    def grant(self, grant_id: str) -> Grant | None:
        """The grant with ``grant_id``, or ``None``."""
        return self._grants.by_id.get(grant_id)

    def project(self, project_id: str) -> DevelopmentProject | None:
        """The development project with ``project_id``, or ``None``."""
        return self._projects.by_id.get(project_id)

    def centre(self, centre_id: str) -> HealthSocialCentre | None:
        """The social and health centre with ``centre_id``, or ``None``."""
        return self._centres.by_id.get(centre_id)

    def network(self, network_id: str) -> ServiceNetwork | None:
        """The service network with ``network_id``, or ``None``."""
        return self._networks.by_id.get(network_id)

    def survey(self, survey_id: str) -> Survey | None:
        """The survey with ``survey_id``, or ``None``."""
        return self._surveys.by_id.get(survey_id)

    def service(self, service_id: str) -> Service | None:
        """The service with ``service_id`` in any network, or ``None``."""
        found = self._services.by_id.get(service_id)
        return None if found is None else found[2]

    def entity(self, kind: EntityKind, entity_id: str) -> object | None:
        """The (first) entity of ``kind`` with ``entity_id``, or ``None``."""
        if kind is EntityKind.SERVICE:
            return self.service(entity_id)
        return self._tables[kind].by_id.get(entity_id)

    def has(self, kind: EntityKind, entity_id: str) -> bool:
        """Whether the snapshot holds an entity of ``kind`` with ``entity_id``."""
        return entity_id in self._tables[kind].by_id

    def position(self, kind: EntityKind, entity_id: str) -> int | None:
        """The position of the (first) entity of ``kind`` with ``entity_id`` in its list."""
        return self._table(kind).position.get(entity_id)

    def path(self, kind: EntityKind, entity_id: str) -> str | None:
        """The path of an entity (the first with ``entity_id``) in the input, e.g. ``groups[3]``."""
        paths = self._paths.get(kind)
        if paths is None:  # the paths of a kind, written once when first asked
            table = self._tables[kind]
            paths = self._paths[kind] = {
                key: self._path_at(kind, position) for key, position in table.position.items()
            }
        return paths.get(entity_id)

    def reference(self, entity: Entity) -> tuple[Subject, str | None]:
        """What a finding about ``entity`` names: its :class:`Subject` and its path in the
        input (``None`` when the snapshot has no entity of its kind with its ID), worked
        out once per entity of a snapshot however many checks report it.

        >>> import lape
        >>> s = lape.example()
        >>> s.index.reference(s.groups[3])
        (Subject(kind='group', id='varkaus-lape', name='Varkaus LAPE group'), 'groups[3]')
        """
        found = self._references.get(id(entity))
        if found is None or found[0] is not entity:
            kind = entity_type(type(entity)).kind
            assert isinstance(kind, EntityKind)
            subject = _new(Subject, (kind.value, entity.id, getattr(entity, "name", None)))
            # the entity is kept with its subject, so that its id() is never reused
            found = self._references[id(entity)] = (entity, subject, self.path(kind, entity.id))
        return found[1], found[2]

    def _path_at(self, kind: EntityKind, position: int) -> str:
        """The path of the entity at ``position`` of its kind (services counted across
        networks)."""
        if kind is EntityKind.SERVICE:
            i, j, _ = self._service_places[position]
            return entity_type(kind).path(j, network=i)
        return f"{_LIST_NAMES[kind]}[{position}]"

    def by_id(self, kind: EntityKind) -> Mapping[str, Any]:
        """The (first) entity of ``kind`` with each ID, in input order (services:
        across all networks), as a read-only view."""
        if kind is EntityKind.SERVICE:
            return MappingProxyType({key: place[2] for key, place in self._services.by_id.items()})
        return MappingProxyType(self._tables[kind].by_id)

    def ids(self, kind: EntityKind) -> Sequence[str]:
        """The distinct IDs of the entities of ``kind``, in input order."""
        return tuple(self._tables[kind].by_id)

    # -- relations --------------------------------------------------------

    def actors_of_municipality(self, code: str) -> Sequence[Actor]:
        """The actors that belong to or serve municipality ``code``."""
        return self._actors_of_municipality.get(code, ())

    def groups_of_actor(self, actor_id: str) -> Sequence[Group]:
        """The groups in which the actor holds a seat."""
        return self._groups_of_actor.get(actor_id, ())

    def groups_of_region(self, region: str) -> Sequence[Group]:
        """The groups whose home is ``region`` (regional groups and others)."""
        return self._groups_of_region.get(region, ())

    def groups_of_municipality(self, code: str) -> Sequence[Group]:
        """The groups whose home is municipality ``code``."""
        return self._groups_of_municipality.get(code, ())

    def group_members(self, day: dt.date) -> GroupMembers:
        """Who sits in each group on ``day``: the members whose seat and own period hold
        the day, their kinds and sectors (see :class:`~lape.model.GroupMembers`). The
        seats are resolved once per snapshot; the last few days asked are kept."""
        if self._group_seats is None:
            self._group_seats = GroupSeats(self.snapshot.groups, self._actors.by_id)
        found = self._group_members.get(day)
        if found is None:
            found = GroupMembers(self._group_seats, day)
            if len(self._group_members) >= _DAYS_KEPT:
                self._group_members.pop(next(iter(self._group_members)))
            self._group_members[day] = found
        return found

    def cooperation_of(self, group_id: str) -> frozenset[str]:
        """The IDs of the groups that ``group_id`` cooperates with (named on either side)."""
        return self._cooperation.get(group_id, frozenset())

    def change_agents_of_region(self, region: str) -> Sequence[ChangeAgent]:
        """The change agents hired in ``region``."""
        return self._agents_of_region.get(region, ())

    def grants_of_pool(self, pool_id: str) -> Sequence[Grant]:
        """The grants made from ``pool_id``."""
        return self._grants_of_pool.get(pool_id, ())

    def grants_of_actor(self, actor_id: str) -> Sequence[Grant]:
        """The grants the actor receives or takes part in."""
        return self._grants_of_actor.get(actor_id, ())

    def networks_of_county(self, county: str) -> Sequence[ServiceNetwork]:
        """The service networks of wellbeing services county ``county``."""
        return self._networks_of_county.get(county, ())

    def networks_of_actor(self, actor_id: str) -> Sequence[ServiceNetwork]:
        """The service networks the actor leads or is a member of."""
        return self._networks_of_actor.get(actor_id, ())

    # -- integrity --------------------------------------------------------

    def duplicates(self) -> dict[EntityKind, dict[str, tuple[int, ...]]]:
        """IDs used more than once within a kind, with the positions that use them.

        Services are numbered across all networks, in network order.
        """
        found = {kind: self._table(kind).duplicates for kind in EntityKind}
        return {kind: dups for kind, dups in found.items() if dups}

    def duplicate_paths(self) -> dict[EntityKind, dict[str, tuple[str, ...]]]:
        """:meth:`duplicates` with the paths in the input instead of the positions,
        e.g. ``{EntityKind.ACTOR: {"a": ("actors[0]", "actors[1]")}}``."""
        return {
            kind: {
                entity_id: tuple(self._path_at(kind, p) for p in positions)
                for entity_id, positions in dups.items()
            }
            for kind, dups in self.duplicates().items()
        }

    def references(self) -> Iterable[Reference]:
        """Every reference by ID between the snapshot's entities, in input order."""
        for parts, source, source_id, target_kind, target in self.raw_references():
            yield Reference(format_path(parts), source, source_id, target_kind, target)

    def raw_references(self) -> Iterator[RawReference]:
        """Every reference as :meth:`references` gives it, but with its path as the
        parts :func:`format_path` joins (``("groups", 3, "members", 1, "actor")``):
        the cheap form, for a pass that needs the path of a few references only."""
        s = self.snapshot
        A, G, P, C, S = _ACTOR, _GROUP, _POOL, _CENTRE, _SERVICE  # noqa: N806 - short on purpose
        for i, actor in enumerate(s.actors):
            for j, other in enumerate(actor.composed_of):
                yield ("actors", i, "composed_of", j), A, actor.id, A, other
        for i, group in enumerate(s.groups):
            gk, gid = EntityKind.GROUP, group.id
            for j, m in enumerate(group.members):
                yield ("groups", i, "members", j, "actor"), gk, gid, A, m.actor
            for j, other in enumerate(group.cooperates_with):
                yield ("groups", i, "cooperates_with", j), gk, gid, G, other
        for i, agent in enumerate(s.change_agents):
            ck = EntityKind.CHANGE_AGENT
            for field in ("employer", "salary_payer"):
                target = getattr(agent, field)
                if target is not None:
                    yield ("change_agents", i, field), ck, agent.id, A, target
            if agent.pool is not None:
                yield ("change_agents", i, "pool"), ck, agent.id, P, agent.pool
        for i, pool in enumerate(s.pools):
            if pool.payer is not None:
                yield ("pools", i, "payer"), P, pool.id, A, pool.payer
        for i, grant in enumerate(s.grants):
            gr, grid = EntityKind.GRANT, grant.id
            yield ("grants", i, "pool"), gr, grid, P, grant.pool
            yield ("grants", i, "recipient"), gr, grid, A, grant.recipient
            for j, actor_id in enumerate(grant.participants):
                yield ("grants", i, "participants", j), gr, grid, A, actor_id
            if grant.project is not None:
                yield ("grants", i, "project"), gr, grid, _PROJECT, grant.project
        for i, project in enumerate(s.projects):
            pk = EntityKind.PROJECT
            if project.lead is not None:
                yield ("projects", i, "lead"), pk, project.id, A, project.lead
            for j, actor_id in enumerate(project.consortium):
                yield ("projects", i, "consortium", j), pk, project.id, A, actor_id
        for i, network in enumerate(s.networks):
            nk, nid = EntityKind.NETWORK, network.id
            if network.centre is not None:
                yield ("networks", i, "centre"), nk, nid, C, network.centre
            for j, lead in enumerate(network.leads):
                yield ("networks", i, "leads", j), nk, nid, A, lead
            for j, member in enumerate(network.members):
                yield ("networks", i, "members", j, "actor"), nk, nid, A, member.actor
            for j, svc in enumerate(network.services):
                yield ("networks", i, "services", j, "provider"), S, svc.id, A, svc.provider
            for j, interface in enumerate(network.interfaces):
                for side in ("municipal_services", "county_services"):
                    for k, service_id in enumerate(getattr(interface, side)):
                        yield ("networks", i, "interfaces", j, side, k), nk, nid, S, service_id
                if interface.service is not None:
                    yield ("networks", i, "interfaces", j, "service"), nk, nid, S, interface.service
            for j, link in enumerate(network.coordination):
                for k, actor_id in enumerate(link.actors):
                    yield ("networks", i, "coordination", j, "actors", k), nk, nid, A, actor_id
        for i, survey in enumerate(s.surveys):
            vk, vid = EntityKind.SURVEY, survey.id
            for j, actor_id in enumerate(survey.members):
                yield ("surveys", i, "members", j), vk, vid, A, actor_id
            for j, respondent in enumerate(survey.respondents):
                yield ("surveys", i, "respondents", j, "actor"), vk, vid, A, respondent.actor
                for k, answer in enumerate(respondent.answers):
                    partner = ("surveys", i, "respondents", j, "answers", k, "partner")
                    yield partner, vk, vid, A, answer.partner

    def dangling_references(self, known_pools: Iterable[str] = ()) -> Iterable[Reference]:
        """The references whose target does not exist in the snapshot.

        ``known_pools`` names pools that exist outside it (e.g. the reference
        data's), so that grants from them are not dangling.
        """
        outside_pools = frozenset(known_pools)
        for ref in self.references():
            if ref.target in self._table(ref.target_kind).by_id:
                continue
            if ref.target_kind is EntityKind.POOL and ref.target in outside_pools:
                continue
            yield ref

    def _table(self, kind: EntityKind) -> _Table[Any]:
        return self._tables[kind]


_ACTOR, _GROUP, _POOL, _CENTRE, _SERVICE, _PROJECT = (
    EntityKind.ACTOR,
    EntityKind.GROUP,
    EntityKind.POOL,
    EntityKind.CENTRE,
    EntityKind.SERVICE,
    EntityKind.PROJECT,
)


_LIST_NAMES = {t.kind: t.list_name for t in ENTITY_TYPES if t.top_level}
"""The snapshot's list of each top-level kind (from the registry), for the paths' hot path."""

_DAYS_KEPT = 4
"""How many days' :class:`GroupMembers` an index keeps (a timeline asks for many days)."""


def _freeze(found: Mapping[str, list[E]]) -> dict[str, tuple[E, ...]]:
    return {key: tuple(values) for key, values in found.items()}
