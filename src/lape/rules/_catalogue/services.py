"""LAPE-N01..N07 and LAPE-W01..W02: family centre networks and the wellbeing
services counties (in force from 2023-01-01).

Seed 004 (STM column, 1.9.2022) describes the family centre as a service
network led as a whole, part of the county's cross-sector social and health
centre, with organisations and parishes as partners, every actor's role
identified, overlapping processes reduced and the interfaces identified where
responsibility for one target group is split between municipality and county.
LAPE-W01 rests on the act that divides Finland into wellbeing services
counties (614/2021, s. 1; their self-government: Act 611/2021).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lape.model import (
    Actor,
    ActorKind,
    Municipality,
    NetworkKind,
    Sector,
    ServiceNetwork,
    Severity,
)
from lape.rules._catalogue._common import FROM_2023, SEED_004, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, Subject, rule
from lape.rules._text import Text

__all__ = ["RULES"]

# -- sources ------------------------------------------------------------------

_LED_AS_A_WHOLE = seed(SEED_004, "Familjecentret leds som en helhet.")
_SECTORS = seed(
    SEED_004,
    "aktörer inom social- och hälsovården, organisationer, församlingar och bildningstjänster",
)
_PARTNERS = seed(
    SEED_004,
    "Som en del av samordningen bör man också beakta partnerskap med organisationer "
    "och församlingar.",
)
_CENTRE = seed(
    SEED_004,
    "familjecentrets servicenätverk är en del av den sektorsövergripande social- och "
    "hälsocentralens verksamhet",
)
_ROLES = seed(SEED_004, "förutsätter att åtminstone varje aktörs roll identifieras")
_OVERLAP = seed(SEED_004, "antalet överlappande och fristående processer minskar")
_INTERFACES = seed(
    SEED_004,
    "När ansvaret för att ordna tjänster för samma målgrupp fördelas mellan kommunen och "
    "välfärdsområdet måste kontaktytorna identifieras.",
)
_COUNTY_ORGANISES = seed(
    SEED_004,
    "Varje välfärdsområde ansvarar för organiseringen av välfärdsområdena och "
    "organiseringen av tjänsterna.",
)
_COUNTIES_ACT = seed(
    "Hyvinvointialue- ja maakuntajakolaki 614/2021, 1 § (the division into wellbeing "
    "services counties; their self-government: Laki hyvinvointialueista / Act on "
    "wellbeing services counties 611/2021)",
    "Suomi jakaantuu hyvinvointialueisiin. Niiden itsehallinnosta säädetään "
    "hyvinvointialueesta annetussa laissa (611/2021).",
)

# -- shared ---------------------------------------------------------------------

_CORE_SECTORS = frozenset({Sector.SOCIAL_HEALTH, Sector.EDUCATION_YOUTH})
_PARTNER_KINDS = frozenset({ActorKind.ORGANISATION, ActorKind.PARISH})
_MUNICIPAL_KINDS = frozenset({ActorKind.MUNICIPALITY, ActorKind.MUNICIPAL_BODY})
_ÅLAND = "21"
"""The region code of the Åland Islands (not to be confused with county 21, Lapland)."""
_HELSINKI = "091"
_HELSINKI_COUNTY = "90"
"""Helsinki organises its own social, health and rescue services: its "county" is 90."""


def _actors(ctx: Context, network: ServiceNetwork) -> tuple[list[Actor], list[str]]:
    """The network's actors that exist, and the IDs that name no actor (LAPE-S01)."""
    actors = ctx.network_actors(network)
    return [a for _, a in actors if a is not None], [i for i, a in actors if a is None]


# -- LAPE-N01 -------------------------------------------------------------------


@rule(
    id="LAPE-N01",
    severity=Severity.ERROR,
    subjects="network",
    in_force=FROM_2023,
    source=_LED_AS_A_WHOLE,
    title=Text(
        fi="Perhekeskusta johdetaan kokonaisuutena: sillä on täsmälleen yksi johtava toimija",
        sv="Familjecentret leds som en helhet: det har exakt en ledande aktör",
        en="A family centre is led as a whole: exactly one lead actor",
    ),
    message=Text(
        fi="{subject}: perhekeskusverkostolla on {count} johtavaa toimijaa ({leads}); "
        "kokonaisuutena johdetulla verkostolla on täsmälleen yksi",
        sv="{subject}: familjecenternätverket har {count} ledande aktörer ({leads}); "
        "ett nätverk som leds som en helhet har exakt en",
        en="{subject}: the family centre network has {count} lead actors ({leads}); "
        "a network led as a whole has exactly one",
    ),
    tags=("services", "family_centre"),
)
def n01(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        leads = list(dict.fromkeys(network.leads))
        if len(leads) == 1:
            yield ctx.passed(network, leads=leads, count=1)
        else:
            yield ctx.failed(network, at=".leads", leads=leads, count=len(leads), expected=1)


# -- LAPE-N02 -------------------------------------------------------------------


@rule(
    id="LAPE-N02",
    severity=Severity.ERROR,
    subjects="network",
    in_force=FROM_2023,
    source=_SECTORS,
    title=Text(
        fi="Perhekeskus kattaa sekä sosiaali- ja terveyspalvelut että sivistyspalvelut",
        sv="Familjecentret omfattar både social- och hälsovård och bildningstjänster",
        en="A family centre spans social and health services and education services",
    ),
    message=Text(
        fi="{subject}: verkoston toimijat ja palvelut kattavat toimialat {observed}, "
        "mutta niistä puuttuu {lacking} (vaaditaan: {required})",
        sv="{subject}: nätverkets aktörer och tjänster omfattar sektorerna {observed}, "
        "men {lacking} saknas (krävs: {required})",
        en="{subject}: the network's actors and services cover the sectors {observed}, "
        "but not {lacking} (required: {required})",
    ),
    tags=("services", "family_centre"),
)
def n02(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        actors, dangling = _actors(ctx, network)
        observed = frozenset(s for a in actors for s in (a.sectors or ()))
        observed |= frozenset(svc.sector for svc in network.services if svc.sector is not None)
        evidence: dict[str, Any] = {
            "observed": observed,
            "required": _CORE_SECTORS,
            "lacking": _CORE_SECTORS - observed,
        }
        if observed >= _CORE_SECTORS:
            yield ctx.passed(network, **evidence)
            continue
        missing = [f"sectors of actor {a.id}" for a in actors if a.sectors is None]
        missing += [f"sector of service {s.id}" for s in network.services if s.sector is None]
        missing += [f"actor {actor_id}" for actor_id in dangling]
        if missing:
            yield ctx.unknown(network, missing, **evidence)
        else:
            yield ctx.failed(network, **evidence)


# -- LAPE-N03 -------------------------------------------------------------------


@rule(
    id="LAPE-N03",
    severity=Severity.WARNING,
    subjects="network",
    in_force=FROM_2023,
    source=_PARTNERS,
    title=Text(
        fi="Perhekeskuksella on kumppaneina järjestöjä ja seurakuntia",
        sv="Familjecentret har organisationer och församlingar som partner",
        en="A family centre has partners among organisations and parishes",
    ),
    message=Text(
        fi="{subject}: verkostossa ei ole järjestöä eikä seurakuntaa "
        "(toimijoiden lajit: {observed}; odotetaan jotakin lajeista: {required})",
        sv="{subject}: nätverket har ingen organisation och ingen församling "
        "(aktörernas typer: {observed}; väntat: någon av {required})",
        en="{subject}: the network has no organisation and no parish "
        "(kinds of its actors: {observed}; expected one of: {required})",
    ),
    tags=("services", "family_centre"),
)
def n03(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        actors, dangling = _actors(ctx, network)
        partners = [a.id for a in actors if a.kind in _PARTNER_KINDS]
        kinds = frozenset(a.kind for a in actors)
        if partners:
            yield ctx.passed(network, partners=partners)
        elif dangling:
            missing = [f"actor {actor_id}" for actor_id in dangling]
            yield ctx.unknown(network, missing, observed=kinds, required=_PARTNER_KINDS)
        else:
            yield ctx.failed(network, at=".members", observed=kinds, required=_PARTNER_KINDS)


# -- LAPE-N04 -------------------------------------------------------------------


@rule(
    id="LAPE-N04",
    severity=Severity.ERROR,
    subjects="network",
    in_force=FROM_2023,
    source=_CENTRE,
    title=Text(
        fi="Perhekeskus kuuluu yhteen hyvinvointialueeseen ja on osa sen sote-keskusta",
        sv="Familjecentret hör till ett välfärdsområde och är en del av dess "
        "social- och hälsocentral",
        en="A family centre belongs to one wellbeing services county and is part of "
        "its social and health centre",
    ),
    message=Text(
        fi="{subject}: hyvinvointialue {county}, sote-keskus {centre} (sen hyvinvointialue: "
        "{centre_county}); odotetaan hyvinvointialuetta ja saman alueen sote-keskusta",
        sv="{subject}: välfärdsområde {county}, social- och hälsocentral {centre} "
        "(dess välfärdsområde: {centre_county}); väntat: ett välfärdsområde och en social- "
        "och hälsocentral i samma område",
        en="{subject}: wellbeing services county {county}, social and health centre {centre} "
        "(its county: {centre_county}); expected a county and a social and health centre "
        "of that same county",
    ),
    tags=("services", "family_centre", "counties"),
)
def n04(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        centre = ctx.index.centre(network.centre) if network.centre is not None else None
        evidence: dict[str, Any] = {
            "county": network.county,
            "centre": network.centre,
            "centre_exists": centre is not None,
            "centre_county": centre.county if centre is not None else None,
        }
        if network.county is None:
            yield ctx.failed(network, at=".county", **evidence)
        elif centre is None or centre.county != network.county:
            yield ctx.failed(network, at=".centre", **evidence)
        else:
            yield ctx.passed(network, **evidence)


# -- LAPE-N05 -------------------------------------------------------------------


@rule(
    id="LAPE-N05",
    severity=Severity.WARNING,
    subjects="network",
    in_force=FROM_2023,
    source=_ROLES,
    title=Text(
        fi="Jokaisen verkoston toimijan rooli on tunnistettu",
        sv="Varje aktörs roll i nätverket är identifierad",
        en="Every actor in a network has an identified role",
    ),
    message=Text(
        fi="{subject}: näiden toimijoiden roolia verkostossa ei ole tunnistettu: {without_role}",
        sv="{subject}: rollen i nätverket är inte identifierad för: {without_role}",
        en="{subject}: no role in the network is identified for: {without_role}",
    ),
    tags=("services",),
)
def n05(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks():
        without: list[tuple[int, str]] = [
            (i, m.actor)
            for i, m in enumerate(network.members)
            if ctx.active(m.period) and (m.role is None or not m.role.strip())
        ]
        if not without:
            yield ctx.passed(network)
            continue
        first = without[0][0]
        without_role = list(dict.fromkeys(actor_id for _, actor_id in without))
        yield ctx.failed(network, at=f".members[{first}].role", without_role=without_role)


# -- LAPE-N06 -------------------------------------------------------------------


@rule(
    id="LAPE-N06",
    severity=Severity.WARNING,
    subjects="network",
    in_force=FROM_2023,
    source=_OVERLAP,
    title=Text(
        fi="Kaksi toimijaa ei tuota samaa palvelua samalle kohderyhmälle ilman yhteensovitusta",
        sv="Två aktörer driver inte samma tjänst för samma målgrupp utan samordning",
        en="No two actors run the same service for the same target group without "
        "a coordination link",
    ),
    message=Text(
        fi="{subject}: palvelut {services} ovat samaa tyyppiä ({service_type}) samalle "
        "kohderyhmälle ({target_groups}), mutta niiden tuottajien {providers} välillä ei ole "
        "yhteensovituslinkkiä",
        sv="{subject}: tjänsterna {services} är av samma typ ({service_type}) för samma "
        "målgrupp ({target_groups}), men det finns ingen samordningslänk mellan deras "
        "producenter {providers}",
        en="{subject}: the services {services} are of the same type ({service_type}) for the "
        "same target group ({target_groups}), but their providers {providers} have no "
        "coordination link",
    ),
    tags=("services",),
)
def n06(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks():
        linked = {frozenset(link.actors) for link in network.coordination}
        services = network.services
        overlaps = 0
        for j, second in enumerate(services):
            for first in services[:j]:
                if first.service_type != second.service_type:
                    continue
                shared = first.target_groups & second.target_groups
                if not shared or first.provider == second.provider:
                    continue
                if frozenset((first.provider, second.provider)) in linked:
                    continue
                overlaps += 1
                yield ctx.failed(
                    network,
                    at=f".services[{j}]",
                    services=[first.id, second.id],
                    service_type=first.service_type,
                    target_groups=shared,
                    providers=[first.provider, second.provider],
                )
        if not overlaps:
            yield ctx.passed(network)


# -- LAPE-N07 -------------------------------------------------------------------


@rule(
    id="LAPE-N07",
    severity=Severity.ERROR,
    subjects="service",
    in_force=FROM_2023,
    source=_INTERFACES,
    title=Text(
        fi="Kun vastuu kohderyhmästä jakautuu kunnan ja hyvinvointialueen kesken, "
        "rajapinta on tunnistettu",
        sv="Där ansvaret för en målgrupp fördelas mellan kommunen och välfärdsområdet "
        "är kontaktytan identifierad",
        en="Where responsibility for a target group is split between a municipality and "
        "its county, the interface is identified",
    ),
    message=Text(
        fi="{subject}: vastuu jakautuu ({responsibility}), mutta verkostossa {network} ei ole "
        "tunnistettu rajapintaa tälle palvelulle kunnassa {municipality} "
        "(rajapintojen kunnat: {interface_municipalities})",
        sv="{subject}: ansvaret är fördelat ({responsibility}), men nätverket {network} har "
        "ingen identifierad kontaktyta för tjänsten i kommunen {municipality} "
        "(kontaktytornas kommuner: {interface_municipalities})",
        en="{subject}: responsibility is split ({responsibility}), but network {network} "
        "identifies no interface for this service in municipality {municipality} "
        "(municipalities of its interfaces: {interface_municipalities})",
    ),
    tags=("services",),
)
def n07(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks():
        for svc in network.services:
            if not svc.is_split:
                continue
            interfaces = [i for i in network.interfaces if i.service == svc.id]
            evidence: dict[str, Any] = {
                "network": network.id,
                "responsibility": svc.responsibility,
                "municipality": svc.municipality,
                "interface_municipalities": [i.municipality for i in interfaces],
            }
            matching = [
                i
                for i in interfaces
                if svc.municipality is None
                or i.municipality is None
                or i.municipality == svc.municipality
            ]
            if matching:
                yield ctx.passed(svc, **evidence)
            else:
                yield ctx.failed(svc, **evidence)


# -- LAPE-W01 -------------------------------------------------------------------


@rule(
    id="LAPE-W01",
    severity=Severity.ERROR,
    subjects="municipality",
    in_force=FROM_2023,
    source=_COUNTIES_ACT,
    title=Text(
        fi="Jokainen manner-Suomen kunta kuuluu täsmälleen yhteen hyvinvointialueeseen",
        sv="Varje kommun på fastlandet hör till exakt ett välfärdsområde",
        en="Every mainland municipality belongs to exactly one wellbeing services county",
    ),
    message=Text(
        fi="{subject} (maakunta {region}): hyvinvointialue {county}, odotettiin {expected}; "
        "manner-Suomen kunta kuuluu yhteen maakuntansa hyvinvointialueeseen, Helsinki "
        "järjestää palvelunsa itse (90) ja Ahvenanmaan kunnat eivät kuulu mihinkään",
        sv="{subject} (landskap {region}): välfärdsområde {county}, väntat {expected}; "
        "en kommun på fastlandet hör till ett välfärdsområde i sitt landskap, Helsingfors "
        "ordnar sina tjänster själv (90) och kommunerna på Åland hör inte till något",
        en="{subject} (region {region}): wellbeing services county {county}, expected "
        "{expected}; a mainland municipality belongs to one county of its region, Helsinki "
        "organises its own services (90) and the Åland municipalities belong to none",
    ),
    tags=("counties",),
)
def w01(ctx: Context) -> Iterator[Outcome]:
    geo, day = ctx.geography, ctx.as_of
    for m in ctx.geography.municipalities_on(day):
        region = m.region_on(day)
        expected = _expected_counties(ctx, m, region)
        subject = Subject("municipality", m.code, m.name_fi)
        evidence: dict[str, Any] = {"region": region, "county": m.county, "expected": expected}
        if region == _ÅLAND:
            ok = m.county is None
        elif m.code == _HELSINKI:
            ok = m.county == _HELSINKI_COUNTY
        else:
            ok = m.county in geo.counties and m.county != _HELSINKI_COUNTY
        if ok:
            yield ctx.passed(subject, **evidence)
        else:
            yield ctx.failed(subject, **evidence)


def _expected_counties(ctx: Context, m: Municipality, region: str) -> list[str]:
    """The counties a municipality may belong to: none on Åland, 90 for Helsinki,
    otherwise the counties of its region (for the message)."""
    if region == _ÅLAND:
        return []
    if m.code == _HELSINKI:
        return [_HELSINKI_COUNTY]
    return sorted(
        c.code
        for c in ctx.geography.counties.values()
        if c.region == region and c.code != _HELSINKI_COUNTY
    )


# -- LAPE-W02 -------------------------------------------------------------------


@rule(
    id="LAPE-W02",
    severity=Severity.WARNING,
    subjects="service",
    in_force=FROM_2023,
    source=_COUNTY_ORGANISES,
    title=Text(
        fi="Vuodesta 2023 perhekeskuksen sosiaali- ja terveyspalvelut tuottaa "
        "hyvinvointialue, ei kunta",
        sv="Från 2023 tillhandahåller välfärdsområdet, inte kommunen, familjecentrets "
        "social- och hälsovårdstjänster",
        en="From 2023 the social and health services of a family centre are provided by "
        "the county, not the municipality",
    ),
    message=Text(
        fi="{subject}: sosiaali- ja terveyspalvelun tuottaja on {provider} ({provider_kind}); "
        "vuodesta 2023 sen tuottaa hyvinvointialue ({county})",
        sv="{subject}: social- och hälsovårdstjänsten produceras av {provider} "
        "({provider_kind}); från 2023 produceras den av välfärdsområdet ({county})",
        en="{subject}: the social and health service is provided by {provider} "
        "({provider_kind}); from 2023 the wellbeing services county ({county}) provides it",
    ),
    tags=("services", "family_centre", "counties"),
)
def w02(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        for svc in network.services:
            provider = ctx.index.actor(svc.provider)
            if provider is None:
                continue  # a dangling provider: LAPE-S01 reports it
            evidence: dict[str, Any] = {
                "provider": provider.id,
                "provider_kind": provider.kind,
                "sector": svc.sector,
                "county": network.county,
            }
            if provider.kind not in _MUNICIPAL_KINDS or _is_helsinki(network, provider):
                yield ctx.passed(svc, **evidence)
            elif svc.sector is None:
                yield ctx.unknown(svc, [f"sector of service {svc.id}"], **evidence)
            elif svc.sector is Sector.SOCIAL_HEALTH:
                yield ctx.failed(svc, at=".provider", **evidence)
            else:
                yield ctx.passed(svc, **evidence)


def _is_helsinki(network: ServiceNetwork, provider: Actor) -> bool:
    """Helsinki organises its own social and health services: the city provides them."""
    if network.county == _HELSINKI_COUNTY:
        return True
    return provider.municipalities == (_HELSINKI,)


RULES: tuple[Rule, ...] = (n01, n02, n03, n04, n05, n06, n07, w01, w02)
