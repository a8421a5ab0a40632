"""The one registry of what a snapshot holds and what a finding can be about.

Each kind of entity (actors, groups...) and each kind of area (municipalities,
regions...) is described once here: its class, the snapshot's list that holds
it, where it stands in a file, and its name in Finnish, Swedish and English.
Counts, displays, tables, the snapshot index, the rules' subjects and the
reports' words all read this registry instead of keeping tables of their own.

>>> entity_type(EntityKind.CHANGE_AGENT).list_name
'change_agents'
>>> entity_type("service").path(3, network=1)
'networks[1].services[3]'
>>> entity_type(AreaKind.COUNTY).name.sv
'välfärdsområde'
"""

from __future__ import annotations

from typing import Any, NamedTuple, TypeAlias

import attrs

from lape.model._actors import Actor
from lape.model._change_agents import ChangeAgent
from lape.model._funding import DevelopmentProject, FundingPool, Grant
from lape.model._groups import Group
from lape.model._services import HealthSocialCentre, Service, ServiceNetwork
from lape.model._survey import Survey
from lape.model._text import Text
from lape.model._vocabulary import Vocabulary

__all__ = [
    "ENTITY_TYPES",
    "AreaKind",
    "Entity",
    "EntityKind",
    "EntityType",
    "Subject",
    "SubjectKind",
    "TopLevelEntity",
    "entity_type",
]


class EntityKind(Vocabulary):
    """The kinds of entity a snapshot holds; IDs are unique within a kind."""

    ACTOR = "actor"
    GROUP = "group"
    CHANGE_AGENT = "change_agent"
    POOL = "pool"
    GRANT = "grant"
    PROJECT = "project"
    CENTRE = "centre"
    NETWORK = "network"
    SERVICE = "service"
    SURVEY = "survey"


class AreaKind(Vocabulary):
    """The kinds of area a finding can be about (from the reference data, not the snapshot)."""

    MUNICIPALITY = "municipality"
    REGION = "region"
    COUNTY = "county"
    PROJECT_AREA = "project_area"
    HOSPITAL_DISTRICT = "hospital_district"


SubjectKind: TypeAlias = EntityKind | AreaKind
"""What a rule examines and a finding is about: an entity of the snapshot or an area."""


@attrs.frozen(kw_only=True)
class EntityType:
    """One kind of entity or area: its class, its list in the snapshot, its names."""

    kind: SubjectKind
    name: Text
    """Its name in the three languages (singular), e.g. for a report's headings."""
    plural: Text
    cls: type | None = None
    """The model class of an entity kind; ``None`` for an area."""
    list_name: str | None = None
    """The list that holds it: the snapshot's (``actors``), or its owner's for a nested
    kind (a network's ``services``); ``None`` for an area."""
    nested_in: EntityKind | None = None
    """The kind whose entities hold this kind's lists (services: networks)."""

    @property
    def top_level(self) -> bool:
        """True for the kinds the snapshot lists itself (not nested, not an area)."""
        return self.list_name is not None and self.nested_in is None

    def path(self, position: int, *, network: int | None = None) -> str:
        """The path of the entity at ``position`` of its list (a nested kind needs its
        owner's position too): ``actors[3]``, ``networks[1].services[0]``."""
        if self.list_name is None:
            msg = f"a {self.kind.value} has no place in a snapshot file"
            raise ValueError(msg)
        if self.nested_in is None:
            return f"{self.list_name}[{position}]"
        owner = entity_type(self.nested_in)
        return f"{owner.path(network or 0)}.{self.list_name}[{position}]"


def _type(
    kind: SubjectKind,
    names: tuple[str, str, str],
    plurals: tuple[str, str, str],
    cls: type | None = None,
    list_name: str | None = None,
    nested_in: EntityKind | None = None,
) -> EntityType:
    return EntityType(
        kind=kind,
        name=Text(*names),
        plural=Text(*plurals),
        cls=cls,
        list_name=list_name,
        nested_in=nested_in,
    )


ENTITY_TYPES: tuple[EntityType, ...] = (
    _type(
        EntityKind.ACTOR,
        ("toimija", "aktör", "actor"),
        ("toimijat", "aktörer", "actors"),
        Actor,
        "actors",
    ),
    _type(
        EntityKind.GROUP,
        ("ryhmä", "grupp", "group"),
        ("ryhmät", "grupper", "groups"),
        Group,
        "groups",
    ),
    _type(
        EntityKind.CHANGE_AGENT,
        ("muutosagentti", "förändringsagent", "change agent"),
        ("muutosagentit", "förändringsagenter", "change agents"),
        ChangeAgent,
        "change_agents",
    ),
    _type(
        EntityKind.POOL,
        ("määräraha", "pott", "pool"),
        ("määrärahat", "potter", "pools"),
        FundingPool,
        "pools",
    ),
    _type(
        EntityKind.GRANT,
        ("avustus", "bidrag", "grant"),
        ("avustukset", "bidrag", "grants"),
        Grant,
        "grants",
    ),
    _type(
        EntityKind.PROJECT,
        ("kehittämishanke", "utvecklingsprojekt", "development project"),
        ("kehittämishankkeet", "utvecklingsprojekt", "development projects"),
        DevelopmentProject,
        "projects",
    ),
    _type(
        EntityKind.CENTRE,
        ("sote-keskus", "social- och hälsocentral", "centre"),
        ("sote-keskukset", "social- och hälsocentraler", "centres"),
        HealthSocialCentre,
        "centres",
    ),
    _type(
        EntityKind.NETWORK,
        ("verkosto", "nätverk", "network"),
        ("verkostot", "nätverk", "networks"),
        ServiceNetwork,
        "networks",
    ),
    _type(
        EntityKind.SERVICE,
        ("palvelu", "tjänst", "service"),
        ("palvelut", "tjänster", "services"),
        Service,
        "services",
        EntityKind.NETWORK,
    ),
    _type(
        EntityKind.SURVEY,
        ("kysely", "enkät", "survey"),
        ("kyselyt", "enkäter", "surveys"),
        Survey,
        "surveys",
    ),
    _type(
        AreaKind.MUNICIPALITY,
        ("kunta", "kommun", "municipality"),
        ("kunnat", "kommuner", "municipalities"),
    ),
    _type(
        AreaKind.REGION, ("maakunta", "landskap", "region"), ("maakunnat", "landskap", "regions")
    ),
    _type(
        AreaKind.COUNTY,
        ("hyvinvointialue", "välfärdsområde", "county"),
        ("hyvinvointialueet", "välfärdsområden", "counties"),
    ),
    _type(
        AreaKind.PROJECT_AREA,
        ("hankealue", "projektområde", "project area"),
        ("hankealueet", "projektområden", "project areas"),
    ),
    _type(
        AreaKind.HOSPITAL_DISTRICT,
        ("sairaanhoitopiiri", "sjukvårdsdistrikt", "hospital district"),
        ("sairaanhoitopiirit", "sjukvårdsdistrikt", "hospital districts"),
    ),
)
"""Every kind of entity (in the file format's order) and area."""

_BY_KEY: dict[object, EntityType] = {
    **{t.kind: t for t in ENTITY_TYPES},
    **{t.kind.value: t for t in ENTITY_TYPES},
    **{t.cls: t for t in ENTITY_TYPES if t.cls is not None},
}


def entity_type(key: SubjectKind | str | type) -> EntityType:
    """The registry's entry for a kind, its value (``"change_agent"``) or an entity class."""
    found = _BY_KEY.get(key)
    if found is None:
        msg = f"no kind of entity or area {key!r}"
        raise KeyError(msg)
    return found


TopLevelEntity: TypeAlias = (
    Actor
    | Group
    | ChangeAgent
    | FundingPool
    | Grant
    | DevelopmentProject
    | HealthSocialCentre
    | ServiceNetwork
    | Survey
)
"""An entity that a snapshot lists itself (every kind but a network's services)."""

Entity: TypeAlias = TopLevelEntity | Service
"""An entity of a snapshot: an instance of one of the registry's classes."""


class Subject(NamedTuple):
    """What a finding is about: an entity of the snapshot or an area, by kind and ID.

    A light record (a named tuple): a check makes one per subject it reports.
    :meth:`SnapshotIndex.reference <lape.model.SnapshotIndex.reference>` gives the
    subject of an entity of the snapshot, made once per snapshot.

    >>> import lape
    >>> Subject.of(lape.example().groups[0])
    Subject(kind='group', id='ps-lape', name='Pohjois-Savo regional LAPE group')
    >>> str(Subject("municipality", "297", "Kuopio"))
    'Kuopio (297)'
    """

    kind: str
    """``actor``, ``group``, ``change_agent``, ``pool``, ``grant``, ``network``,
    ``service``, ``municipality``, ``region``, ``county``... (the registry's values)"""
    id: str
    name: str | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.id})" if self.name and self.name != self.id else self.id

    @classmethod
    def of(cls, entity: Any) -> Subject:
        """The subject for an entity of the snapshot (its kind from the registry), or a
        subject given as it is."""
        if isinstance(entity, Subject):
            return entity
        kind = entity_type(type(entity)).kind
        return cls(kind.value, entity.id, getattr(entity, "name", None))
