"""Controlled vocabularies shared across the model: sectors, target groups, levels."""

from __future__ import annotations

import enum

__all__ = [
    "CHILDREN_YOUTH_FAMILIES",
    "CORE_SECTORS",
    "Level",
    "Sector",
    "TargetGroup",
    "Vocabulary",
]


class Vocabulary(enum.Enum):
    """A closed list of the model's terms (kinds of actors and groups, sectors,
    severities...): an :class:`enum.Enum` whose members hash by identity.

    An enum's members are singletons, equal only to themselves, so a hash by
    identity agrees with equality; :class:`enum.Enum` itself hashes a member by its
    name in Python code, which every set and dictionary of members (a group's
    kinds, the facets of its members, a report's statuses) pays at each step.

    >>> issubclass(Sector, Vocabulary), Sector.SOCIAL_HEALTH in {Sector.SOCIAL_HEALTH}
    (True, True)
    """

    __hash__ = object.__hash__


class Sector(Vocabulary):
    """Administrative sector an actor or a service belongs to.

    The programme's core aim is to join up :attr:`SOCIAL_HEALTH` and
    :attr:`EDUCATION_YOUTH` (seed 001).
    """

    SOCIAL_HEALTH = "social_health"
    """Social and health sector (sosiaali- ja terveystoimi / social- och hälsovårdsväsendet)."""
    EDUCATION_YOUTH = "education_youth"
    """Education and youth sector, incl. early childhood education (sivistys- ja nuorisotoimi)."""
    CULTURE_LEISURE = "culture_leisure"
    """Culture, sports and leisure (kulttuuri- ja vapaa-aikatoimi)."""
    EMPLOYMENT = "employment"
    """Employment and economic development (työllisyys- ja elinkeinotoimi)."""
    POLICE_JUSTICE = "police_justice"
    """Police and justice (poliisi ja oikeustoimi)."""
    HOUSING = "housing"
    """Housing (asuntotoimi)."""
    ADMINISTRATION = "administration"
    """General administration and governance (yleishallinto)."""
    CHURCH = "church"
    """Church and parish work (seurakuntatyö)."""
    CIVIL_SOCIETY = "civil_society"
    """Organisations and voluntary work (järjestötyö)."""


CORE_SECTORS: tuple[Sector, Sector] = (Sector.SOCIAL_HEALTH, Sector.EDUCATION_YOUTH)
"""The two sectors the programme sets out to join up (seed 001), in this order."""


class TargetGroup(Vocabulary):
    """Whom a service or a grant is for."""

    CHILDREN = "children"
    YOUNG_PEOPLE = "young_people"
    FAMILIES = "families"
    PARENTS = "parents"
    ADULTS = "adults"
    OLDER_PEOPLE = "older_people"
    EVERYONE = "everyone"


CHILDREN_YOUTH_FAMILIES = frozenset(
    {TargetGroup.CHILDREN, TargetGroup.YOUNG_PEOPLE, TargetGroup.FAMILIES, TargetGroup.PARENTS}
)
"""The target groups of the programme: children, young people and families (parents)."""


class Level(Vocabulary):
    """The level at which an actor works."""

    LOCAL = "local"
    """One municipality (or a few, e.g. a joint municipal authority)."""
    REGIONAL = "regional"
    """A region, a project area or a wellbeing services county."""
    NATIONAL = "national"
    """The whole country: ministries, national agencies, national organisations."""
