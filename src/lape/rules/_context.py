"""What a rule's check sees: the snapshot, its indexes, the geography, the day, the parameters."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from lape.model import (
    ENTITY_TYPES,
    Actor,
    ActorKind,
    Entity,
    EntityKind,
    FundingPool,
    Geography,
    Group,
    GroupKind,
    GroupMembers,
    Mandate,
    Membership,
    MunicipalityCode,
    NetworkKind,
    Period,
    ProjectArea,
    Sector,
    Service,
    ServiceNetwork,
    Severity,
    Snapshot,
    SnapshotIndex,
    entity_type,
    euros,
    network_on_day,
)
from lape.rules._parameters import ParameterError, Parameters
from lape.rules._rule import Outcome, Status, Subject

__all__ = ["Context"]


class _Dated(Protocol):
    """An entity with a kind and an optional period (a group, a service network)."""

    @property
    def kind(self) -> enum.Enum: ...
    @property
    def period(self) -> Period | None: ...


_ENTITY_KINDS: dict[type, EntityKind] = {
    t.cls: t.kind for t in ENTITY_TYPES if t.cls is not None and isinstance(t.kind, EntityKind)
}
"""The entity classes by kind (from the registry), for the outcomes' hot path."""

_new = tuple.__new__
"""Makes a named tuple from its fields in order, skipping the generated ``__new__``."""

_PASSED, _FAILED, _UNKNOWN = Status.PASSED, Status.FAILED, Status.UNKNOWN
"""Kept at hand: in Python 3.11 reading an enum's member from its class costs as much
as building a small tuple, and a check reports thousands of outcomes."""

_D = TypeVar("_D", bound=_Dated)
_T = TypeVar("_T")


class Context:
    """Everything a check needs, with the look-ups rules share computed once.

    Checks call :meth:`passed`, :meth:`failed` and :meth:`unknown` to build
    their outcomes; entity arguments become :class:`~lape.rules.Subject` with
    their path in the input.
    """

    def __init__(
        self,
        snapshot: Snapshot,
        *,
        as_of: dt.date,
        parameters: Parameters,
        geography: Geography,
        reference_pools: Iterable[FundingPool] = (),
    ) -> None:
        self.snapshot = snapshot
        self.index: SnapshotIndex = snapshot.index
        self.as_of = as_of
        self.parameters = parameters
        self.geography = geography
        self._reference_pools = {p.id: p for p in reference_pools}
        self._cache: dict[Hashable, Any] = {}
        self._subjects: dict[int, Subject] = {}
        self._population: list[object] | None = None

    def _memo(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """The value cached under ``key`` for this check, computed on first use.

        The rule: a value derived from the snapshot, the day or the parameters is
        computed once per check, however many rules ask; entities are keyed by their
        ``id()`` (two entities sharing an ID, LAPE-S02, keep apart), which is safe
        because the context holds the snapshot, and with it every entity, alive.
        """
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            found = self._cache[key] = compute()
            return found

    # -- outcomes ---------------------------------------------------------

    def subject(self, entity: Entity | Service | Subject) -> Subject:
        """The subject for an entity of the snapshot (or a ready subject), made once
        per entity and check."""
        if isinstance(entity, Subject):
            return entity
        found = self._subjects.get(id(entity))
        if found is None:
            found = self._subjects[id(entity)] = Subject.of(entity)
        return found

    def examine(self, entities: Iterable[object]) -> None:
        """Declare the subjects the running rule examines (entities of the snapshot or
        :class:`~lape.rules.Subject`): each counts as examined, and those the rule does
        not report failed or unknown have passed. A rule that declares its subjects
        this way yields only its failures, unknowns and info details, and no pass
        objects are made; a rule may instead yield :meth:`passed` for each pass."""
        if self._population is None:
            msg = "examine() is for a rule's check while the engine runs it"
            raise RuntimeError(msg)
        self._population.extend(entities)

    def _begin_rule(self) -> None:
        self._population = []

    def _end_rule(self) -> list[object]:
        found, self._population = self._population or [], None
        return found

    def subject_of(self, kind: str, entity_id: str) -> Subject:
        """The subject for an entity given by kind and ID, named when the snapshot has it."""
        try:
            entity_kind = EntityKind(kind)
        except ValueError:
            return Subject(kind, entity_id)
        found = self.index.entity(entity_kind, entity_id)
        return Subject(kind, entity_id, getattr(found, "name", None))

    def path(self, entity: Entity | Service | Subject) -> str | None:
        """The entity's path in the input (``groups[3]``), if it is in the snapshot."""
        if isinstance(entity, Subject):
            try:
                kind = EntityKind(entity.kind)
            except ValueError:
                return None
            return self.index.path(kind, entity.id)
        of = entity_type(type(entity)).kind
        assert isinstance(of, EntityKind)
        return self.index.path(of, entity.id)

    def passed(self, entity: Entity | Service | Subject, **evidence: Any) -> Outcome:
        """The subject satisfies the rule."""
        return self._outcome(entity, _PASSED, evidence, (), None)

    def failed(
        self, entity: Entity | Service | Subject, *, at: str | None = None, **evidence: Any
    ) -> Outcome:
        """The subject breaks the rule; ``at`` is a path below the subject's own
        (e.g. ``".members[2]"``) or a whole path when it starts with a letter."""
        if at is None and type(entity) in _ENTITY_KINDS:  # the common case, kept short
            subject, path = self.index.reference(entity)  # type: ignore[arg-type]
            return _new(Outcome, (subject, _FAILED, path, evidence, (), None))
        return self._outcome(entity, _FAILED, evidence, (), at)

    def noted(
        self, entity: Entity | Service | Subject, *, at: str | None = None, **evidence: Any
    ) -> Outcome:
        """An ``info`` detail about the subject beside the rule's own verdict
        (e.g. the municipalities a regional group does not yet represent)."""
        return self._outcome(entity, Status.FAILED, evidence, (), at)._replace(
            severity=Severity.INFO
        )

    def unknown(
        self,
        entity: Entity | Service | Subject,
        missing: Iterable[str],
        *,
        at: str | None = None,
        **evidence: Any,
    ) -> Outcome:
        """The snapshot lacks the facts named in ``missing`` to decide."""
        return self._outcome(entity, _UNKNOWN, evidence, tuple(missing), at)

    def _outcome(
        self,
        entity: Entity | Service | Subject,
        status: Status,
        evidence: dict[str, Any],
        missing: tuple[str, ...],
        at: str | None,
    ) -> Outcome:
        if status is _PASSED:  # the engine only counts passes: skip the path look-up
            return Outcome(self.subject(entity), status, None, evidence)
        if type(entity) in _ENTITY_KINDS:  # worked out once per snapshot by its index
            found = self.index.reference(entity)  # type: ignore[arg-type]
        else:  # a Subject, or an entity of a kind outside the registry
            found = (self.subject(entity), self.path(entity))
        subject, path = found
        if at is not None:
            path = f"{path or ''}{at}" if at.startswith((".", "[")) else at
        # the named tuple made from its fields, in order (thousands are made per check)
        return _new(Outcome, (subject, status, path, evidence, missing, None))

    # -- parameters and pools -----------------------------------------------

    def value(self, name: str) -> Any:
        """The parameter ``name`` as of the checked day."""
        return self.parameters.value(name, self.as_of)

    def pools(self) -> Mapping[str, FundingPool]:
        """Every known pool by ID: the reference data's, then the snapshot's own
        (which win), with ``pool.<id>.amount`` parameter overrides applied."""
        return self._memo("pools", self._pools)

    def _pools(self) -> dict[str, FundingPool]:
        found = dict(self._reference_pools)
        for pool in self.snapshot.pools:
            found[pool.id] = self.index.pool(pool.id) or pool  # the first of duplicates
        for pool_id, pool in list(found.items()):
            name = f"pool.{pool_id}.amount"
            if name in self.parameters:
                value = self.parameters.value(name, self.as_of)
                try:
                    amount = euros(value)
                except (TypeError, ValueError) as exc:
                    msg = f"parameter {name}: {exc}"
                    raise ParameterError(msg) from None
                found[pool_id] = attrs.evolve(pool, amount=amount)
        return found

    def pool(self, pool_id: str) -> FundingPool | None:
        """The pool with ``pool_id`` (see :meth:`pools`)."""
        return self.pools().get(pool_id)

    # -- time ---------------------------------------------------------------

    def active(self, period: Period | None) -> bool:
        """Whether something with ``period`` (``None``: always) is in effect on the checked day."""
        return period is None or period.contains(self.as_of)

    # -- groups and members ---------------------------------------------------

    def groups(self, *kinds: GroupKind) -> Sequence[Group]:
        """The groups of the given kinds (all when none) in effect on the checked day."""
        return self._in_effect("groups", self.snapshot.groups, kinds)

    def members(self, group: Group) -> Sequence[tuple[int, Membership, Actor | None]]:
        """The group's seats in effect on the checked day: position, membership and
        the actor (``None`` when the ID names no actor; LAPE-S01 reports that).

        Computed once per group and check, however many rules ask.
        """
        actor, day = self.index.actor, self.as_of
        return self._memo(
            ("seats", id(group)),
            lambda: tuple(
                (i, m, actor(m.actor))
                for i, m in enumerate(group.members)
                if m.period is None or m.period.contains(day)
            ),
        )

    def group_members(self) -> GroupMembers:
        """Who sits in each group on the checked day (see :class:`~lape.model.GroupMembers`),
        worked out once per check for every group and rule."""
        return self._memo("group_members", lambda: self.index.group_members(self.as_of))

    def member_actors(self, group: Group) -> Sequence[Actor]:
        """The actors seated in the group on the checked day that exist on that day
        (an actor whose own ``period`` has ended, or not begun, fills no seat)."""
        return self.group_members().actors(group)

    def member_kinds(self, group: Group) -> frozenset[ActorKind]:
        """The kinds of the :meth:`member_actors`."""
        return self.group_members().kinds(group)

    def member_sectors(self, group: Group) -> frozenset[Sector]:
        """The sectors given for the :meth:`member_actors`."""
        return self._memo(("sectors", id(group)), lambda: self.group_members().sectors(group))

    # -- service networks -------------------------------------------------------

    def networks(self, *kinds: NetworkKind) -> Sequence[ServiceNetwork]:
        """The service networks of the given kinds (all when none) in effect on the
        checked day."""
        return self._in_effect("networks", self.snapshot.networks, kinds)

    def _in_effect(
        self, name: str, entities: Sequence[_D], kinds: tuple[enum.Enum, ...]
    ) -> tuple[_D, ...]:
        """The ``entities`` of the given kinds (all when none) whose period holds the
        checked day, computed once per check."""
        day = self.as_of

        def compute() -> tuple[_D, ...]:
            of_kind = [e for e in entities if e.kind in kinds] if kinds else entities
            return tuple([e for e in of_kind if e.period is None or e.period.contains(day)])

        return self._memo((name, kinds), compute)

    def network_actors(self, network: ServiceNetwork) -> Sequence[tuple[str, Actor | None]]:
        """The network's leads, then its members in effect on the checked day, each
        once: the ID and the actor (``None`` when the ID names no actor; LAPE-S01
        reports that). An actor whose own ``period`` does not hold the day is left out."""
        return self._memo(("network_actors", id(network)), lambda: self._network_actors(network))

    def _network_actors(self, network: ServiceNetwork) -> tuple[tuple[str, Actor | None], ...]:
        members = (m.actor for m in network.members if self.active(m.period))
        ids = dict.fromkeys((*network.leads, *members))
        return tuple(
            (actor_id, actor)
            for actor_id in ids
            if (actor := self.index.actor(actor_id)) is None or self.active(actor.period)
        )

    # -- the definitions the rules share (DOMAIN.md, revision 2) -----------------

    def mandate_in_effect(self, mandate: Mandate) -> bool:
        """Whether a mandate holds on the checked day: from its decision date on (a
        mandate without one holds always, as far as the snapshot tells, like an
        entity without a period)."""
        return mandate.decided is None or mandate.decided <= self.as_of

    def municipality_now(self, code: str) -> MunicipalityCode | None:
        """The municipality ``code`` is on the checked day: itself while it exists,
        else the one it merged into; ``None`` for a code that names none."""
        return self._memo(("now", code), lambda: self.geography.municipality_on(code, self.as_of))

    def places(self, actor: Actor) -> frozenset[MunicipalityCode] | None:
        """The municipalities an actor belongs to on the checked day: those it lists
        (merged ones as the municipality they merged into), else those of its county,
        else those of its region; ``None`` when it names none of these."""
        return self._memo(("places", id(actor)), lambda: self._places(actor))

    def _places(self, actor: Actor) -> frozenset[MunicipalityCode] | None:
        geo, day = self.geography, self.as_of
        if actor.municipalities:
            codes = (self.municipality_now(code) for code in actor.municipalities)
            return frozenset(c for c in codes if c is not None)
        if actor.county is not None:
            return frozenset(
                c
                for c in geo.municipalities_of_county(actor.county)
                if geo.municipality_exists(c, day)
            )
        if actor.region is not None:
            return geo.municipalities_of_region(actor.region, day)
        return None

    def group_project_area(self, group: Group) -> ProjectArea | None:
        """The project area of a group: its own ``project_area``; for a regional group
        without one, its region's only area; for a municipal group, the area its
        municipality belongs to on the checked day (``None``: cannot be told, e.g. an
        Uusimaa group without ``project_area``, or Åland, which was no area)."""
        geo = self.geography
        if group.project_area is not None:
            return geo.project_areas.get(group.project_area)
        if group.kind is GroupKind.MUNICIPAL:
            if group.municipality is None:
                return None
            code = self.municipality_now(group.municipality)
            return None if code is None else geo.project_area_of(code, self.as_of)
        if group.region is not None:
            areas = geo.project_areas_of_region(group.region)
            return areas[0] if len(areas) == 1 else None
        return None

    def group_area(self, group: Group) -> frozenset[MunicipalityCode] | None:
        """The municipalities of a group's area on the checked day: a municipal
        group's municipality; a regional group's project area (a region with no
        project area, Åland: the region). ``None`` when it cannot be told."""
        return self._memo(("area", id(group)), lambda: self._group_area(group))

    def _group_area(self, group: Group) -> frozenset[MunicipalityCode] | None:
        geo, day = self.geography, self.as_of
        if group.kind is GroupKind.MUNICIPAL:
            if group.municipality is None:
                return None
            code = self.municipality_now(group.municipality)
            return None if code is None else frozenset({code})
        area = self.group_project_area(group)
        if area is not None:
            return geo.municipalities_of_project_area(area.id, day) or None
        if (
            group.project_area is None
            and group.region is not None
            and not geo.project_areas_of_region(group.region)
        ):
            return geo.municipalities_of_region(group.region, day) or None
        return None

    def actor_in_effect(self, actor_id: str) -> bool:
        """Whether actor ``actor_id`` is in effect on the checked day (an ID that names no
        actor counts as in effect here: LAPE-S01 reports it)."""
        actor = self.index.actor(actor_id)
        return actor is None or self.active(actor.period)

    def network_on_day(self, network: ServiceNetwork) -> tuple[ServiceNetwork, tuple[int, ...]]:
        """The network as it stands on the checked day, and the position in ``network.services``
        of each service it keeps: the services whose provider is in effect (a service whose
        provider has ended is not run), with the municipalities of its services and
        interfaces read on the day (a merged municipality as the one it merged into)."""
        return self._memo(
            ("network_on_day", id(network)),
            lambda: network_on_day(
                network, index=self.index, geography=self.geography, day=self.as_of
            ),
        )

    # -- areas ----------------------------------------------------------------

    def municipalities_of_area(
        self, region: str | None, project_area: str | None = None
    ) -> frozenset[MunicipalityCode]:
        """The municipalities of a project area (when given) or a region, on the checked day."""
        if project_area is not None:
            return self.geography.municipalities_of_project_area(project_area, self.as_of)
        if region is not None:
            return self.geography.municipalities_of_region(region, self.as_of)
        return frozenset()

    def actor_regions(self, actor: Actor) -> frozenset[str]:
        """The regions an actor belongs to on the checked day (own or via municipalities)."""
        regions = {actor.region} if actor.region is not None else set()
        for code in actor.municipalities:
            region = self.geography.region_of(code, self.as_of)
            if region is not None:
                regions.add(region)
        if actor.county is not None:
            county = self.geography.counties.get(actor.county)
            if county is not None:
                regions.add(county.region)
        return frozenset(regions)

    def scope_municipalities(self) -> frozenset[MunicipalityCode]:
        """The municipalities the snapshot covers on the checked day: those of its
        ``scope``, or else those its groups, actors and networks are about."""
        return self._memo("scope", self._scope)

    def _scope(self) -> frozenset[MunicipalityCode]:
        geo, day, scope = self.geography, self.as_of, self.snapshot.scope
        codes: set[MunicipalityCode] = set()
        if scope.regions or scope.counties or scope.municipalities:
            for region in scope.regions:
                codes |= geo.municipalities_of_region(region, day)
            for county in scope.counties:
                codes |= geo.municipalities_of_county(county)
            codes |= set(scope.municipalities)
        else:
            for group in self.snapshot.groups:
                if group.municipality is not None:
                    codes.add(group.municipality)
                elif group.region is not None:
                    codes |= self.municipalities_of_area(group.region, group.project_area)
            for actor in self.snapshot.actors:
                codes |= set(actor.municipalities)
            for network in self.snapshot.networks:
                if network.county is not None:
                    codes |= geo.municipalities_of_county(network.county)
        return frozenset(c for c in codes if geo.municipality_exists(c, day))
