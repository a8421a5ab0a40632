"""Service networks: family centres inside the wellbeing services counties (seed 004)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
from attrs.validators import optional

from lape.model._fields import (
    as_tuple,
    done_by_loader,
    field_error,
    frozenset_of,
    instance_of,
    member,
    members,
    to_ids,
    tuple_of,
)
from lape.model._ids import (
    CountyCode,
    MunicipalityCode,
    county_code,
    entity_id,
    municipality_code,
    to_county,
    to_optional_county,
    to_optional_municipality,
)
from lape.model._period import Period
from lape.model._vocabulary import Sector, TargetGroup, Vocabulary

__all__ = [
    "CoordinationLink",
    "HealthSocialCentre",
    "Interface",
    "Involvement",
    "NetworkKind",
    "NetworkMember",
    "Responsibility",
    "ResponsibilitySplit",
    "Service",
    "ServiceNetwork",
]


class NetworkKind(Vocabulary):
    """What kind of service network this is."""

    FAMILY_CENTRE = "family_centre"
    """Family centre (perhekeskus / familjecenter), led as a whole (seed 004)."""
    OTHER = "other"


class Responsibility(Vocabulary):
    """Who organises a service: whose responsibility it is (seed 004).

    The organiser differs from the provider, who does the work: from 2023 a
    county organises child health clinics and student welfare, a municipality
    early childhood education and schools; an organisation or a parish
    organises what it does outside public duty.
    """

    MUNICIPALITY = "municipality"
    COUNTY = "county"
    STATE = "state"
    ORGANISATION = "organisation"
    PARISH = "parish"


@attrs.frozen(kw_only=True)
class HealthSocialCentre:
    """A county's cross-sector social and health centre (tulevaisuuden sote-keskus)."""

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    county: CountyCode = attrs.field(converter=to_county, validator=county_code())


class Involvement(Vocabulary):
    """What a network's clients (or those who speak for them) take part in (seed 003)."""

    PLANNING = "planning"
    """Planning the services (palveluiden suunnittelu / planeringen av tjänsterna)."""
    EVALUATION = "evaluation"
    """Evaluating the services (palveluiden arviointi / utvärderingen av tjänsterna)."""


def _involvement(value: Iterable[Involvement | str] | None) -> frozenset[Involvement] | None:
    """Converter: any collection of Involvement (a list, a set; each a member or its
    value), or ``None``."""
    found: Any = members(Involvement, value)
    return found  # type: ignore[no-any-return]


def _target_groups(value: Iterable[TargetGroup | str]) -> frozenset[TargetGroup]:
    """Converter: any collection of TargetGroup (a list, a set; each a member or its
    value)."""
    found: Any = members(TargetGroup, value)
    return found  # type: ignore[no-any-return]


def _responsibility(value: Iterable[Responsibility | str]) -> frozenset[Responsibility]:
    """Converter: any collection of Responsibility (a list, a set; each a member or its
    value)."""
    found: Any = members(Responsibility, value)
    return found  # type: ignore[no-any-return]


def _sector(value: Sector | str | None) -> Sector | None:
    """Converter: a Sector, or its value as a file gives it, or ``None``."""
    found: Any = member(Sector, value)
    return found  # type: ignore[no-any-return]


def _target_group(value: TargetGroup | str | None) -> TargetGroup | None:
    """Converter: a TargetGroup, or its value as a file gives it, or ``None``."""
    found: Any = member(TargetGroup, value)
    return found  # type: ignore[no-any-return]


def _network_kind(value: NetworkKind | str) -> NetworkKind:
    """Converter: a NetworkKind, or its value as a file gives it."""
    found: Any = member(NetworkKind, value)
    return found  # type: ignore[no-any-return]


done_by_loader(_involvement, _target_groups, _responsibility, _sector, _target_group, _network_kind)


@attrs.frozen(kw_only=True)
class NetworkMember:
    """An actor in a service network, with its role there (``None``: not identified)."""

    actor: str = attrs.field(validator=entity_id())
    role: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    involvement: frozenset[Involvement] | None = attrs.field(
        default=None, converter=_involvement, validator=optional(frozenset_of(Involvement))
    )
    """For a member that speaks for the clients (an experience expert, a client panel,
    a youth council): whether it takes part in planning and in evaluating the network's
    services (LAPE-N08); ``None`` when not given."""


@attrs.frozen(kw_only=True)
class Service:
    """A service offered in a network.

    ``service_type`` names the kind of service in the user's own vocabulary
    (``maternity_clinic``, ``family_counselling``...): two services of one type
    for one target group in one municipality are the same service run twice.
    ``provider`` does the work; ``responsibility`` lists who organises the
    service (:class:`Responsibility`). Where, in one municipality, services for
    one target group are organised partly by the municipality and partly by the
    county, an :class:`Interface` must be recorded (seed 004, LAPE-N07).
    """

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    service_type: str = attrs.field(validator=entity_id())
    provider: str = attrs.field(validator=entity_id())
    """The ID of the actor that runs the service."""
    target_groups: frozenset[TargetGroup] = attrs.field(
        converter=_target_groups, validator=frozenset_of(TargetGroup)
    )
    sector: Sector | None = attrs.field(
        default=None, converter=_sector, validator=optional(instance_of(Sector))
    )
    responsibility: frozenset[Responsibility] = attrs.field(  # who organises it
        default=frozenset(), converter=_responsibility, validator=frozenset_of(Responsibility)
    )
    municipality: MunicipalityCode | None = attrs.field(
        default=None, converter=to_optional_municipality, validator=optional(municipality_code())
    )
    """The municipality whose residents the service is for; ``None``: the whole
    county (a county-wide service)."""

    @property
    def is_split(self) -> bool:
        """True when this one service is organised by both a municipality and the county."""
        return {Responsibility.MUNICIPALITY, Responsibility.COUNTY} <= self.responsibility


@attrs.frozen(kw_only=True)
class Interface:
    """An identified interface (rajapinta / kontaktyta): where, in one municipality,
    services for one target group are organised partly by the municipality and
    partly by the county, the meeting point of the two sides (seed 004).

    It records the target group, the municipality, the county and the services on
    each side (one or more each), with a description. An older form names one
    service whose own responsibility is split (``service``); it stays valid and
    stands for that service on both sides, for each of its target groups.

    >>> i = Interface(target_group=TargetGroup.CHILDREN, municipality=MunicipalityCode("297"),
    ...               municipal_services=("kuopio-school",),
    ...               county_services=("ps-student-welfare",))
    >>> i.services
    ('kuopio-school', 'ps-student-welfare')
    """

    target_group: TargetGroup | None = attrs.field(
        default=None, converter=_target_group, validator=optional(instance_of(TargetGroup))
    )
    """The target group whose services meet here; ``None``: not given (the older form:
    every target group of :attr:`service`)."""
    municipality: MunicipalityCode | None = attrs.field(
        default=None, converter=to_optional_municipality, validator=optional(municipality_code())
    )
    """The municipality; ``None``: not given (then the interface stands for every
    municipality of its services)."""
    county: CountyCode | None = attrs.field(
        default=None, converter=to_optional_county, validator=optional(county_code())
    )
    """The wellbeing services county (Helsinki: ``"90"``)."""
    municipal_services: tuple[str, ...] = attrs.field(
        default=(), converter=to_ids, validator=tuple_of(entity_id())
    )
    """The IDs of the services the municipality organises (e.g. a school)."""
    county_services: tuple[str, ...] = attrs.field(
        default=(), converter=to_ids, validator=tuple_of(entity_id())
    )
    """The IDs of the services the county organises (e.g. student welfare)."""
    service: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The older form: one service whose own responsibility is split between the
    municipality and the county."""
    description: str | None = attrs.field(default=None, validator=optional(instance_of(str)))

    @property
    def services(self) -> tuple[str, ...]:
        """Every service the interface names, each once: municipal side, county side,
        then :attr:`service`."""
        named = (*self.municipal_services, *self.county_services)
        if self.service is not None:
            named = (*named, self.service)
        return tuple(dict.fromkeys(named))


def _pair(value: Iterable[str]) -> tuple[str, str]:
    """Converter: the two actors' IDs as a tuple (a list is taken too)."""
    found: tuple[str, str] = as_tuple(value)  # type: ignore[assignment]
    return found


done_by_loader(_pair)


@attrs.frozen(kw_only=True)
class CoordinationLink:
    """Two actors that coordinate their work in the network (symmetric)."""

    actors: tuple[str, str] = attrs.field(converter=_pair, validator=tuple_of(entity_id()))
    description: str | None = attrs.field(default=None, validator=optional(instance_of(str)))

    @actors.validator
    def _two_actors(
        self, attribute: attrs.Attribute[tuple[str, str]], value: tuple[str, str]
    ) -> None:
        if len(value) != 2:
            message = f"a coordination link joins exactly two actors, not {len(value)}"
            raise field_error(self, attribute, message)


def _members(value: Iterable[NetworkMember]) -> tuple[NetworkMember, ...]:
    """Converter: the members as a tuple (a list is taken too)."""
    return as_tuple(value)


def _services(value: Iterable[Service]) -> tuple[Service, ...]:
    """Converter: the services as a tuple (a list is taken too)."""
    return as_tuple(value)


def _interfaces(value: Iterable[Interface]) -> tuple[Interface, ...]:
    """Converter: the interfaces as a tuple (a list is taken too)."""
    return as_tuple(value)


def _coordination(value: Iterable[CoordinationLink]) -> tuple[CoordinationLink, ...]:
    """Converter: the coordination links as a tuple (a list is taken too)."""
    return as_tuple(value)


done_by_loader(_members, _services, _interfaces, _coordination)


@attrs.frozen(kw_only=True)
class ServiceNetwork:
    """A service network for children, young people and families, led as a whole (seed 004)."""

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    kind: NetworkKind = attrs.field(
        default=NetworkKind.FAMILY_CENTRE,
        converter=_network_kind,
        validator=instance_of(NetworkKind),
    )
    county: CountyCode | None = attrs.field(
        default=None, converter=to_optional_county, validator=optional(county_code())
    )
    centre: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The ID of the county's social and health centre the network is part of."""
    leads: tuple[str, ...] = attrs.field(
        default=(), converter=to_ids, validator=tuple_of(entity_id())
    )
    """The IDs of the lead actors (a network led as a whole has exactly one)."""
    members: tuple[NetworkMember, ...] = attrs.field(
        default=(), converter=_members, validator=tuple_of(NetworkMember)
    )
    services: tuple[Service, ...] = attrs.field(
        default=(), converter=_services, validator=tuple_of(Service)
    )
    interfaces: tuple[Interface, ...] = attrs.field(
        default=(), converter=_interfaces, validator=tuple_of(Interface)
    )
    coordination: tuple[CoordinationLink, ...] = attrs.field(
        default=(), converter=_coordination, validator=tuple_of(CoordinationLink)
    )
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))

    def responsibility_splits(self) -> tuple[ResponsibilitySplit, ...]:
        """Where, in one municipality, the network's services for one target group are
        organised partly by the municipality and partly by the county (seed 004), with
        the interfaces recorded for each (see :class:`ResponsibilitySplit`).

        A county-wide service (no ``municipality``) of the county meets the municipal
        services of every municipality; a municipal service must name its municipality
        to be placed. Helsinki (``"091"``) organises both sides itself: no split there.
        Linear in the services and interfaces (and the splits found).

        >>> school = Service(id="school", name="School", service_type="school",
        ...     provider="kuopio", target_groups=frozenset({TargetGroup.CHILDREN}),
        ...     responsibility=frozenset({Responsibility.MUNICIPALITY}),
        ...     municipality=MunicipalityCode("297"))
        >>> welfare = Service(id="welfare", name="Student welfare", service_type="welfare",
        ...     provider="ps-county", target_groups=frozenset({TargetGroup.CHILDREN}),
        ...     responsibility=frozenset({Responsibility.COUNTY}))
        >>> n = ServiceNetwork(id="fc", name="Family centre", services=(school, welfare))
        >>> [(x.municipality, x.target_group.value, x.covered) for x in n.responsibility_splits()]
        [('297', 'children', False)]
        """
        return _splits(self)


_HELSINKI = "091"
"""Helsinki organises its own social, health and rescue services (see lape.model.HELSINKI)."""


@attrs.frozen(kw_only=True)
class ResponsibilitySplit:
    """Services for one target group in one municipality organised partly by the
    municipality and partly by the county (seed 004), and the interfaces recorded for it.

    The split is covered when at least one interface stands for it (same municipality
    and target group, or not given) and those interfaces together name every service of
    the split on its own side (:attr:`unnamed` is empty).
    """

    municipality: MunicipalityCode
    target_group: TargetGroup
    municipal_services: tuple[str, ...]
    """The IDs of the services the municipality organises there, in the network's order."""
    county_services: tuple[str, ...]
    """The IDs of the services the county organises there (its own or county-wide)."""
    interfaces: tuple[int, ...]
    """The positions (in the network's ``interfaces``) of the interfaces that stand for it."""
    unnamed: tuple[str, ...]
    """The services of the split that those interfaces do not name on their side."""

    @property
    def covered(self) -> bool:
        """True when an interface stands for the split and the split's services are named."""
        return bool(self.interfaces) and not self.unnamed


class _Named:
    """The interfaces that stand for one (municipality, target group) key, and the
    services they name on each side (the older one-service form on both)."""

    __slots__ = ("county", "municipal", "positions")

    def __init__(self) -> None:
        self.positions: list[int] = []
        self.municipal: set[str] = set()
        self.county: set[str] = set()

    def add(self, position: int, interface: Interface) -> None:
        self.positions.append(position)
        self.municipal.update(interface.municipal_services)
        self.county.update(interface.county_services)
        if interface.service is not None:
            self.municipal.add(interface.service)
            self.county.add(interface.service)


def _splits(network: ServiceNetwork) -> tuple[ResponsibilitySplit, ...]:
    municipal: dict[tuple[str, TargetGroup], list[str]] = {}
    county: dict[tuple[str, TargetGroup], list[str]] = {}
    county_wide: dict[TargetGroup, list[str]] = {}
    for svc in network.services:
        for group in sorted(svc.target_groups, key=lambda g: g.value):
            if Responsibility.MUNICIPALITY in svc.responsibility and svc.municipality is not None:
                municipal.setdefault((svc.municipality, group), []).append(svc.id)
            if Responsibility.COUNTY in svc.responsibility:
                if svc.municipality is None:
                    county_wide.setdefault(group, []).append(svc.id)
                else:
                    county.setdefault((svc.municipality, group), []).append(svc.id)
    # Interfaces by what they stand for; ``None`` (not given) stands for any.
    standing: dict[tuple[str | None, TargetGroup | None], _Named] = {}
    for k, interface in enumerate(network.interfaces):
        named = standing.setdefault((interface.municipality, interface.target_group), _Named())
        named.add(k, interface)
    found = []
    for (code, group), own in municipal.items():
        if code == _HELSINKI:
            continue
        other = [*county.get((code, group), ()), *county_wide.get(group, ())]
        if not other:
            continue
        keys = ((code, group), (code, None), (None, group), (None, None))
        named_by = [standing[key] for key in keys if key in standing]
        positions = tuple(sorted(k for named in named_by for k in named.positions))
        unnamed = [x for x in own if not any(x in n.municipal for n in named_by)]
        unnamed += [x for x in other if not any(x in n.county for n in named_by)]
        found.append(
            ResponsibilitySplit(
                municipality=MunicipalityCode(code),
                target_group=group,
                municipal_services=tuple(own),
                county_services=tuple(dict.fromkeys(other)),
                interfaces=positions,
                unnamed=tuple(dict.fromkeys(unnamed)),
            )
        )
    return tuple(found)
