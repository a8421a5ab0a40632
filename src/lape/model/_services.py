"""Service networks: family centres inside the wellbeing services counties (seed 004)."""

from __future__ import annotations

import enum

import attrs
from attrs.validators import deep_iterable, instance_of, optional

from lape.model._ids import CountyCode, MunicipalityCode, county_code, entity_id, municipality_code
from lape.model._period import Period
from lape.model._vocabulary import Sector, TargetGroup

__all__ = [
    "CoordinationLink",
    "HealthSocialCentre",
    "Interface",
    "NetworkKind",
    "NetworkMember",
    "Responsibility",
    "Service",
    "ServiceNetwork",
]


class NetworkKind(enum.Enum):
    """What kind of service network this is."""

    FAMILY_CENTRE = "family_centre"
    """Family centre (perhekeskus / familjecenter), led as a whole (seed 004)."""
    OTHER = "other"


class Responsibility(enum.Enum):
    """Who is responsible for organising a service."""

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
    county: CountyCode = attrs.field(validator=county_code())


@attrs.frozen(kw_only=True)
class NetworkMember:
    """An actor in a service network, with its role there (``None``: not identified)."""

    actor: str = attrs.field(validator=entity_id())
    role: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))


@attrs.frozen(kw_only=True)
class Service:
    """A service offered in a network.

    ``service_type`` names the kind of service in the user's own vocabulary
    (``maternity_clinic``, ``family_counselling``...): two services of one type
    for one target group are the same service run twice. ``responsibility``
    lists who is responsible; a service with both ``municipality`` and
    ``county`` there has its responsibility split, and needs an
    :class:`Interface` (seed 004).
    """

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    service_type: str = attrs.field(validator=entity_id())
    provider: str = attrs.field(validator=entity_id())
    """The ID of the actor that runs the service."""
    target_groups: frozenset[TargetGroup] = attrs.field(
        validator=deep_iterable(
            member_validator=instance_of(TargetGroup), iterable_validator=instance_of(frozenset)
        ),
    )
    sector: Sector | None = attrs.field(default=None, validator=optional(instance_of(Sector)))
    responsibility: frozenset[Responsibility] = attrs.field(
        default=frozenset(),
        validator=deep_iterable(
            member_validator=instance_of(Responsibility),
            iterable_validator=instance_of(frozenset),
        ),
    )
    municipality: MunicipalityCode | None = attrs.field(
        default=None, validator=optional(municipality_code())
    )
    """The municipality whose residents the service is for, when it is one."""

    @property
    def is_split(self) -> bool:
        """True when responsibility is split between a municipality and the county."""
        return {Responsibility.MUNICIPALITY, Responsibility.COUNTY} <= self.responsibility


@attrs.frozen(kw_only=True)
class Interface:
    """An identified interface (rajapinta / kontaktyta) for a service whose
    responsibility is split between a municipality and the county (seed 004)."""

    service: str = attrs.field(validator=entity_id())
    municipality: MunicipalityCode | None = attrs.field(
        default=None, validator=optional(municipality_code())
    )
    description: str | None = attrs.field(default=None, validator=optional(instance_of(str)))


@attrs.frozen(kw_only=True)
class CoordinationLink:
    """Two actors that coordinate their work in the network (symmetric)."""

    actors: tuple[str, str] = attrs.field(
        validator=deep_iterable(member_validator=entity_id(), iterable_validator=instance_of(tuple))
    )
    description: str | None = attrs.field(default=None, validator=optional(instance_of(str)))

    @actors.validator
    def _two_actors(
        self, attribute: attrs.Attribute[tuple[str, str]], value: tuple[str, str]
    ) -> None:
        if len(value) != 2:
            msg = f"a coordination link joins exactly two actors, not {len(value)}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class ServiceNetwork:
    """A service network for children, young people and families, led as a whole (seed 004)."""

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    kind: NetworkKind = attrs.field(
        default=NetworkKind.FAMILY_CENTRE, validator=instance_of(NetworkKind)
    )
    county: CountyCode | None = attrs.field(default=None, validator=optional(county_code()))
    centre: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The ID of the county's social and health centre the network is part of."""
    leads: tuple[str, ...] = attrs.field(
        default=(),
        validator=deep_iterable(
            member_validator=entity_id(), iterable_validator=instance_of(tuple)
        ),
    )
    """The IDs of the lead actors (a network led as a whole has exactly one)."""
    members: tuple[NetworkMember, ...] = attrs.field(
        default=(),
        validator=deep_iterable(
            member_validator=instance_of(NetworkMember), iterable_validator=instance_of(tuple)
        ),
    )
    services: tuple[Service, ...] = attrs.field(
        default=(),
        validator=deep_iterable(
            member_validator=instance_of(Service), iterable_validator=instance_of(tuple)
        ),
    )
    interfaces: tuple[Interface, ...] = attrs.field(
        default=(),
        validator=deep_iterable(
            member_validator=instance_of(Interface), iterable_validator=instance_of(tuple)
        ),
    )
    coordination: tuple[CoordinationLink, ...] = attrs.field(
        default=(),
        validator=deep_iterable(
            member_validator=instance_of(CoordinationLink), iterable_validator=instance_of(tuple)
        ),
    )
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
