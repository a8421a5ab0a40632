"""What a rule's check sees: the snapshot, its indexes, the geography, the day, the parameters."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    DevelopmentProject,
    EntityKind,
    FundingPool,
    Geography,
    Grant,
    Group,
    GroupKind,
    HealthSocialCentre,
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
    euros,
    network_on_day,
)
from lape.rules._parameters import ParameterError, Parameters
from lape.rules._rule import Outcome, Status, Subject

__all__ = ["Context"]

Entity = (
    Actor
    | Group
    | ChangeAgent
    | FundingPool
    | Grant
    | DevelopmentProject
    | HealthSocialCentre
    | ServiceNetwork
)

_KINDS: dict[type, EntityKind] = {
    Actor: EntityKind.ACTOR,
    Group: EntityKind.GROUP,
    ChangeAgent: EntityKind.CHANGE_AGENT,
    FundingPool: EntityKind.POOL,
    Grant: EntityKind.GRANT,
    DevelopmentProject: EntityKind.PROJECT,
    HealthSocialCentre: EntityKind.CENTRE,
    ServiceNetwork: EntityKind.NETWORK,
    Service: EntityKind.SERVICE,
}


class _Dated(Protocol):
    """An entity with a kind and an optional period (a group, a service network)."""

    @property
    def kind(self) -> enum.Enum: ...
    @property
    def period(self) -> Period | None: ...


_D = TypeVar("_D", bound=_Dated)


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
        self._cache: dict[Any, Any] = {}

    # -- outcomes ---------------------------------------------------------

    def subject(self, entity: Entity | Service | Subject) -> Subject:
        """The subject for an entity of the snapshot (or a ready subject)."""
        if isinstance(entity, Subject):
            return entity
        kind = _KINDS[type(entity)]
        return Subject(kind.value, entity.id, getattr(entity, "name", None))

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
        return self.index.path(_KINDS[type(entity)], entity.id)

    def passed(self, entity: Entity | Service | Subject, **evidence: Any) -> Outcome:
        """The subject satisfies the rule."""
        return self._outcome(entity, Status.PASSED, evidence, (), None)

    def failed(
        self, entity: Entity | Service | Subject, *, at: str | None = None, **evidence: Any
    ) -> Outcome:
        """The subject breaks the rule; ``at`` is a path below the subject's own
        (e.g. ``".members[2]"``) or a whole path when it starts with a letter."""
        return self._outcome(entity, Status.FAILED, evidence, (), at)

    def noted(
        self, entity: Entity | Service | Subject, *, at: str | None = None, **evidence: Any
    ) -> Outcome:
        """An ``info`` detail about the subject beside the rule's own verdict
        (e.g. the municipalities a regional group does not yet represent)."""
        return attrs.evolve(
            self._outcome(entity, Status.FAILED, evidence, (), at), severity=Severity.INFO
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
        return self._outcome(entity, Status.UNKNOWN, evidence, tuple(missing), at)

    def _outcome(
        self,
        entity: Entity | Service | Subject,
        status: Status,
        evidence: dict[str, Any],
        missing: tuple[str, ...],
        at: str | None,
    ) -> Outcome:
        if status is Status.PASSED:  # the engine only counts passes: skip the path look-up
            return Outcome(subject=self.subject(entity), status=status, evidence=evidence)
        path = self.path(entity)
        if at is not None:
            path = f"{path or ''}{at}" if at.startswith((".", "[")) else at
        return Outcome(
            subject=self.subject(entity),
            status=status,
            path=path,
            evidence=evidence,
            missing=missing,
        )

    # -- parameters and pools -----------------------------------------------

    def value(self, name: str) -> Any:
        """The parameter ``name`` as of the checked day."""
        return self.parameters.value(name, self.as_of)

    def pools(self) -> Mapping[str, FundingPool]:
        """Every known pool by ID: the reference data's, then the snapshot's own
        (which win), with ``pool.<id>.amount`` parameter overrides applied."""
        found = self._cache.get("pools")
        if found is None:
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
            self._cache["pools"] = found
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
        key = ("seats", id(group))
        seats = self._cache.get(key)
        if seats is None:
            actor = self.index.actor
            day = self.as_of
            seats = tuple(
                (i, m, actor(m.actor))
                for i, m in enumerate(group.members)
                if m.period is None or m.period.contains(day)
            )
            self._cache[key] = seats
        return seats

    def member_actors(self, group: Group) -> Sequence[Actor]:
        """The actors seated in the group on the checked day that exist on that day
        (an actor whose own ``period`` has ended, or not begun, fills no seat)."""
        key = ("actors", id(group))
        actors = self._cache.get(key)
        if actors is None:
            actors = tuple(
                a for _, _, a in self.members(group) if a is not None and self.active(a.period)
            )
            self._cache[key] = actors
        return actors

    def member_kinds(self, group: Group) -> frozenset[ActorKind]:
        """The kinds of the :meth:`member_actors`."""
        key = ("kinds", id(group))
        kinds = self._cache.get(key)
        if kinds is None:
            kinds = frozenset(a.kind for a in self.member_actors(group))
            self._cache[key] = kinds
        return kinds

    def member_sectors(self, group: Group) -> frozenset[Sector]:
        """The sectors given for the :meth:`member_actors`."""
        key = ("sectors", id(group))
        sectors = self._cache.get(key)
        if sectors is None:
            sectors = frozenset(s for a in self.member_actors(group) for s in (a.sectors or ()))
            self._cache[key] = sectors
        return sectors

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
        key = (name, kinds)
        found: tuple[_D, ...] | None = self._cache.get(key)
        if found is None:
            found = tuple(
                e for e in entities if (not kinds or e.kind in kinds) and self.active(e.period)
            )
            self._cache[key] = found
        return found

    def network_actors(self, network: ServiceNetwork) -> Sequence[tuple[str, Actor | None]]:
        """The network's leads, then its members in effect on the checked day, each
        once: the ID and the actor (``None`` when the ID names no actor; LAPE-S01
        reports that). An actor whose own ``period`` does not hold the day is left out."""
        key = ("network_actors", id(network))
        found = self._cache.get(key)
        if found is None:
            members = (m.actor for m in network.members if self.active(m.period))
            ids = dict.fromkeys((*network.leads, *members))
            found = tuple(
                (actor_id, actor)
                for actor_id in ids
                if (actor := self.index.actor(actor_id)) is None or self.active(actor.period)
            )
            self._cache[key] = found
        return found

    # -- the definitions the rules share (DOMAIN.md, revision 2) -----------------

    def mandate_in_effect(self, mandate: Mandate) -> bool:
        """Whether a mandate holds on the checked day: from its decision date on (a
        mandate without one holds always, as far as the snapshot tells, like an
        entity without a period)."""
        return mandate.decided is None or mandate.decided <= self.as_of

    def municipality_now(self, code: str) -> MunicipalityCode | None:
        """The municipality ``code`` is on the checked day: itself while it exists,
        else the one it merged into; ``None`` for a code that names none."""
        return self.geography.municipality_on(code, self.as_of)

    def places(self, actor: Actor) -> frozenset[MunicipalityCode] | None:
        """The municipalities an actor belongs to on the checked day: those it lists
        (merged ones as the municipality they merged into), else those of its county,
        else those of its region; ``None`` when it names none of these."""
        key = ("places", id(actor))
        found = self._cache.get(key, False)
        if found is False:
            found = self._places(actor)
            self._cache[key] = found
        return found  # type: ignore[no-any-return]

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
        key = ("area", id(group))
        found = self._cache.get(key, False)
        if found is False:
            found = self._group_area(group)
            self._cache[key] = found
        return found  # type: ignore[no-any-return]

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
        key = ("network_on_day", id(network))
        found = self._cache.get(key)
        if found is None:
            found = self._network_on_day(network)
            self._cache[key] = found
        return found

    def _network_on_day(self, network: ServiceNetwork) -> tuple[ServiceNetwork, tuple[int, ...]]:
        return network_on_day(network, index=self.index, geography=self.geography, day=self.as_of)

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
        found = self._cache.get("scope")
        if found is None:
            found = self._scope()
            self._cache["scope"] = found
        return found

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
