"""Actors: every organisation, body or person that takes part in the programme."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
from attrs.validators import optional

from lape.model._fields import (
    done_by_loader,
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
    RegionCode,
    county_code,
    entity_id,
    municipality_code,
    region_code,
    to_municipalities,
    to_optional_county,
    to_optional_region,
)
from lape.model._period import Period
from lape.model._vocabulary import Level, Sector, Vocabulary

__all__ = ["MUNICIPAL_ACTORS", "MUNICIPAL_BODIES", "Actor", "ActorKind", "NationalBody"]


class ActorKind(Vocabulary):
    """What kind of actor this is (the glossary of DOMAIN.md, en / fi / sv)."""

    MUNICIPALITY = "municipality"
    """A municipality as a whole (kunta / kommun)."""
    MUNICIPAL_BODY = "municipal_body"
    """One sector's department, board or service of a municipality (toimiala / förvaltning)."""
    JOINT_MUNICIPAL_AUTHORITY = "joint_municipal_authority"
    """Body owned by several municipalities (kuntayhtymä / samkommun)."""
    HOSPITAL_DISTRICT = "hospital_district"
    """Joint authority for specialised care until 2022 (sairaanhoitopiiri / sjukvårdsdistrikt)."""
    REGIONAL_COUNCIL = "regional_council"
    """The region's joint authority (maakunnan liitto / landskapsförbund)."""
    WELLBEING_SERVICES_COUNTY = "wellbeing_services_county"
    """From 2023 organises social, health and rescue services (hyvinvointialue / välfärdsområde)."""
    ORGANISATION = "organisation"
    """Civil-society organisation, NGO (järjestö / organisation)."""
    PARISH = "parish"
    """Church parish (seurakunta / församling)."""
    EDUCATIONAL_INSTITUTION = "educational_institution"
    """School, university, university of applied sciences (oppilaitos / läroinrättning)."""
    COMPETENCE_CENTRE = "competence_centre"
    """Regional social-welfare competence centre (sosiaalialan osaamiskeskus / kompetenscentrum)."""
    YOUTH_COUNCIL = "youth_council"
    """Municipal youth council, possibly shared by several municipalities (nuorisovaltuusto)."""
    COUNTY_YOUTH_COUNCIL = "county_youth_council"
    """Youth council of a wellbeing services county, from 2023 (aluenuorisovaltuusto)."""
    EXPERIENCE_EXPERT = "experience_expert"
    """Person representing clients from lived experience (kokemusasiantuntija)."""
    CLIENT_PANEL = "client_panel"
    """A panel of clients, children, young people or parents, that a service network
    consults (asiakasraati / klientråd; seed 003)."""
    MINISTRY = "ministry"
    """A ministry (ministeriö / ministerium), e.g. STM, OKM, TEM."""
    GOVERNMENT_AGENCY = "government_agency"
    """A national or regional state agency (virasto / ämbetsverk), e.g. THL, OPH."""
    ASSOCIATION_OF_MUNICIPALITIES = "association_of_municipalities"
    """The Association of Finnish Municipalities (Kuntaliitto / Kommunförbundet)."""
    COMPANY = "company"
    """A private company (yritys / företag)."""
    OTHER = "other"
    """Any other actor."""


MUNICIPAL_BODIES = frozenset({ActorKind.MUNICIPALITY, ActorKind.MUNICIPAL_BODY})
"""A municipality's own public bodies: the municipality itself and its departments,
boards and services (LAPE-G01/G02's "own sector", a provider organised by the
municipality for LAPE-W02)."""
MUNICIPAL_ACTORS = MUNICIPAL_BODIES | {ActorKind.JOINT_MUNICIPAL_AUTHORITY}
"""Actors that stand for municipalities: their own bodies and the joint authorities they
own (a regional group's members "from the area's municipalities", LAPE-G06)."""


class NationalBody(Vocabulary):
    """The named national bodies that the rules need to recognise."""

    STM = "stm"
    """Ministry of Social Affairs and Health (sosiaali- ja terveysministeriö)."""
    OKM = "okm"
    """Ministry of Education and Culture (opetus- ja kulttuuriministeriö)."""
    TEM = "tem"
    """Ministry of Economic Affairs and Employment (työ- ja elinkeinoministeriö)."""
    VM = "vm"
    """Ministry of Finance (valtiovarainministeriö)."""
    SM = "sm"
    """Ministry of the Interior (sisäministeriö)."""
    OM = "om"
    """Ministry of Justice (oikeusministeriö)."""
    THL = "thl"
    """Finnish Institute for Health and Welfare (Terveyden ja hyvinvoinnin laitos)."""
    OPH = "oph"
    """Finnish National Agency for Education (Opetushallitus)."""
    KELA = "kela"
    """Social Insurance Institution (Kansaneläkelaitos)."""
    STEA = "stea"
    """Funding Centre for Social Welfare and Health Organisations."""
    KUNTALIITTO = "kuntaliitto"
    """Association of Finnish Municipalities (Suomen Kuntaliitto)."""


_NATIONAL_KINDS = frozenset(
    {ActorKind.MINISTRY, ActorKind.GOVERNMENT_AGENCY, ActorKind.ASSOCIATION_OF_MUNICIPALITIES}
)
_REGIONAL_KINDS = frozenset(
    {
        ActorKind.HOSPITAL_DISTRICT,
        ActorKind.REGIONAL_COUNCIL,
        ActorKind.WELLBEING_SERVICES_COUNTY,
        ActorKind.COMPETENCE_CENTRE,
        ActorKind.COUNTY_YOUTH_COUNCIL,
    }
)


def _sectors(value: Iterable[Sector | str] | None) -> frozenset[Sector] | None:
    """Converter: any collection of sectors (a list, a set; each a member or its value),
    or ``None``."""
    found: Any = members(Sector, value)
    return found  # type: ignore[no-any-return]


def _actor_kind(value: ActorKind | str) -> ActorKind:
    """Converter: an actor kind, or its value (``"parish"``) as a file gives it."""
    found: Any = member(ActorKind, value)
    return found  # type: ignore[no-any-return]


def _body(value: NationalBody | str | None) -> NationalBody | None:
    """Converter: a national body, or its value, or ``None``."""
    found: Any = member(NationalBody, value)
    return found  # type: ignore[no-any-return]


def _level(value: Level | str | None) -> Level | None:
    """Converter: a level, or its value, or ``None``."""
    found: Any = member(Level, value)
    return found  # type: ignore[no-any-return]


done_by_loader(_sectors, _actor_kind, _body, _level)


@attrs.frozen(kw_only=True)
class Actor:
    """An organisation, body or person taking part in the programme.

    Only ``id``, ``name`` and ``kind`` are required; every other fact is
    optional, and a rule that needs a missing fact reports it as *unknown*
    rather than passing or failing. ``sectors=None`` means "not given", which
    differs from ``frozenset()`` ("belongs to no sector").

    Lists are taken where tuples and sets are wanted, and municipalities, regions
    and counties by code or by name, as in a file:

    >>> a = Actor(id="tre-sote", name="Tampere social and health services",
    ...           kind=ActorKind.MUNICIPAL_BODY, sectors=[Sector.SOCIAL_HEALTH],
    ...           municipalities=["Tampere"])
    >>> a.municipalities, a.sectors, a.working_level
    (('837',), frozenset({<Sector.SOCIAL_HEALTH: 'social_health'>}), <Level.LOCAL: 'local'>)
    """

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    kind: ActorKind = attrs.field(converter=_actor_kind, validator=instance_of(ActorKind))
    sectors: frozenset[Sector] | None = attrs.field(
        default=None, converter=_sectors, validator=optional(frozenset_of(Sector))
    )
    """The administrative sectors the actor works in; ``None`` when not given."""
    municipalities: tuple[MunicipalityCode, ...] = attrs.field(
        default=(), converter=to_municipalities, validator=tuple_of(municipality_code())
    )
    """The municipalities the actor belongs to or serves (one for a municipal body,
    several for a joint municipal authority or a shared youth council)."""
    region: RegionCode | None = attrs.field(
        default=None, converter=to_optional_region, validator=optional(region_code())
    )
    """The region (maakunta / landskap) of a regional actor."""
    county: CountyCode | None = attrs.field(
        default=None, converter=to_optional_county, validator=optional(county_code())
    )
    """The wellbeing services county of a county-level actor or a county's own body."""
    hospital_district: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The district's ID in the reference data, for a hospital district
    (:attr:`ActorKind.HOSPITAL_DISTRICT`), e.g. ``"PS"`` for Pohjois-Savo."""
    body: NationalBody | None = attrs.field(
        default=None, converter=_body, validator=optional(instance_of(NationalBody))
    )
    """Which named national body this is (STM, OKM, THL...), if any."""
    level: Level | None = attrs.field(
        default=None, converter=_level, validator=optional(instance_of(Level))
    )
    """The level the actor works at; when not given it is derived (see :attr:`working_level`)."""
    composed_of: tuple[str, ...] = attrs.field(
        default=(), converter=to_ids, validator=tuple_of(entity_id())
    )
    """Actors that send members to this one (e.g. the municipal youth councils
    represented in a county youth council)."""
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    """When the actor existed or worked; ``None`` when always or unknown."""

    @property
    def working_level(self) -> Level:
        """The level given, or one derived from the kind and the areas."""
        if self.level is not None:
            return self.level
        if self.kind in _NATIONAL_KINDS or self.body is not None:
            return Level.NATIONAL
        if self.kind in _REGIONAL_KINDS or (
            not self.municipalities and (self.region is not None or self.county is not None)
        ):
            return Level.REGIONAL
        return Level.LOCAL
