"""LAPE-N01..N08 and LAPE-W01..W02: family centre networks and the wellbeing
services counties (in force from 2023-01-01).

Seed 004 (STM column, 1.9.2022) describes the family centre as a service
network led as a whole, part of the county's cross-sector social and health
centre, with organisations and parishes as partners, every actor's role
identified, overlapping processes reduced and the interfaces identified where
responsibility for one target group is split between municipality and county.
Seed 003 asks that clients take part in planning and evaluating services
(LAPE-N08).
LAPE-W01 rests on the act that divides Finland into wellbeing services
counties (614/2021, s. 1; their self-government: Act 611/2021).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lape._wording import Text
from lape.model import (
    CORE_SECTORS,
    HELSINKI,
    HELSINKI_COUNTY,
    MUNICIPAL_BODIES,
    Actor,
    ActorKind,
    Involvement,
    Level,
    MunicipalityCode,
    NetworkKind,
    Responsibility,
    Sector,
    Service,
    ServiceNetwork,
    Severity,
    TargetGroup,
)
from lape.rules._catalogue._common import (
    FROM_2023,
    SEED_002,
    SEED_003,
    SEED_004,
    joined,
    municipality_name,
    seed,
)
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, rule

__all__ = ["RULES"]

# -- sources ------------------------------------------------------------------

_LED_AS_A_WHOLE = seed(SEED_004, "Familjecentret leds som en helhet.")
_SECTORS = seed(
    SEED_002,
    "Därigenom stärks stödtjänsterna med låg tröskel samt tillgången till stöd och vård i ett "
    "tidigt skede i samband med småbarnspedagogiken och den grundläggande utbildningen.",
)
_CLIENTS = seed(
    SEED_003,
    "Utöver att familjerna deltar i planeringen av tjänsterna ska barnskyddets klienter också "
    "tas med i utvärderingen av de befintliga tjänsterna.",
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

_CORE_SECTORS = frozenset(CORE_SECTORS)
_PARTNER_KINDS = frozenset({ActorKind.ORGANISATION, ActorKind.PARISH})


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
    condition=Text(
        fi="Jokaisella tarkistuspäivänä toimivalla perhekeskusverkostolla on täsmälleen yksi "
        "johtava toimija: sitä johdetaan kokonaisuutena.",
        sv="Varje familjecenternätverk som är verksamt på kontrolldagen har exakt en ledande "
        "aktör: det leds som en helhet.",
        en="Every family centre network at work on the checked day has exactly one lead actor: "
        "it is led as a whole.",
    ),
)
def n01(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        leads = [lead for lead in dict.fromkeys(network.leads) if ctx.actor_in_effect(lead)]
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
    condition=Text(
        fi="Jokaisen perhekeskusverkoston toimijat ja palvelut kattavat sekä sosiaali- ja "
        "terveyspalvelut että sivistyspalvelut (varhaiskasvatus, koulu).",
        sv="Varje familjecenternätverks aktörer och tjänster omfattar både social- och hälsovård "
        "och bildningstjänster (småbarnspedagogik, skola).",
        en="Every family centre network's actors and services span both social and health "
        "services and education services (early childhood education, school).",
    ),
)
def n02(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        actors, dangling = _actors(ctx, network)
        services = ctx.network_on_day(network)[0].services
        observed = frozenset(s for a in actors for s in (a.sectors or ()))
        observed |= frozenset(svc.sector for svc in services if svc.sector is not None)
        evidence: dict[str, Any] = {
            "observed": observed,
            "required": _CORE_SECTORS,
            "lacking": _CORE_SECTORS - observed,
        }
        if observed >= _CORE_SECTORS:
            yield ctx.passed(network, **evidence)
            continue
        missing = [f"sectors of actor {a.id}" for a in actors if a.sectors is None]
        missing += [f"sector of service {s.id}" for s in services if s.sector is None]
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
    condition=Text(
        fi="Jokaisen perhekeskusverkoston toimijoissa on tarkistuspäivänä kumppaneina järjestö "
        "tai seurakunta.",
        sv="Varje familjecenternätverk har på kontrolldagen en organisation eller en församling "
        "bland sina aktörer som partner.",
        en="Every family centre network has, on the checked day, an organisation or a parish "
        "among its actors as a partner.",
    ),
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

_NO_COUNTY = Text(
    fi="verkostolle ei ole merkitty hyvinvointialuetta",
    sv="nätverket har inget välfärdsområde",
    en="the network names no wellbeing services county",
)
_NOT_IN_CENTRE = Text(
    fi="verkosto ei ole osa alueensa sote-keskusta (sote-keskus: {centre}, sen "
    "hyvinvointialue: {centre_county})",
    sv="nätverket är inte en del av en social- och hälsocentral i sitt område (centralen: "
    "{centre}, dess välfärdsområde: {centre_county})",
    en="the network is not part of a social and health centre of its county (centre: "
    "{centre}, its county: {centre_county})",
)
_SERVICES_ELSEWHERE = Text(
    fi="palvelut muiden hyvinvointialueiden kunnissa: {services}",
    sv="tjänster i kommuner i andra välfärdsområden: {services}",
    en="services in municipalities of other counties: {services}",
)
_ACTORS_ELSEWHERE = Text(
    fi="toimijat muilta hyvinvointialueilta: {actors}",
    sv="aktörer från andra välfärdsområden: {actors}",
    en="actors of other counties: {actors}",
)


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
        fi="{subject}: hyvinvointialue {county}: {problem}",
        sv="{subject}: välfärdsområde {county}: {problem}",
        en="{subject}: county {county}: {problem}",
    ),
    tags=("services", "family_centre", "counties"),
    condition=Text(
        fi="Jokaisella perhekeskusverkostolla on hyvinvointialue, se on osa saman alueen "
        "sote-keskusta, ja sen palvelut sekä jäsenet (valtakunnallisia lukuun ottamatta) ovat "
        "tällä alueella (Helsinki: kaupunki, koodi 90).",
        sv="Varje familjecenternätverk har ett välfärdsområde, är en del av en social- och "
        "hälsocentral i samma område, och dess tjänster och medlemmar (utom nationella) finns "
        "i det området (Helsingfors: staden, kod 90).",
        en="Every family centre network names a wellbeing services county, is part of a social "
        "and health centre of that county, and its services and its members (other than "
        "national ones) lie in that county (Helsinki: the city, code 90).",
    ),
)
def n04(ctx: Context) -> Iterator[Outcome]:
    """A family centre belongs to one county, is part of its centre, and lies in it.

    Seed 004: «familjecentrets servicenätverk är en del av den sektorsövergripande
    social- och hälsocentralens verksamhet» and «Varje välfärdsområde ansvarar för
    organiseringen ... av tjänsterna». A service lies in the county when its
    municipality (the one it merged into, if it has merged) belongs to it; a
    county-wide service (no municipality) does. A member actor in effect lies in the
    county when one of its municipalities (else its county's, else its region's) does;
    national actors are exempt; an actor that names no place makes the network
    *unknown*, unless it already fails.
    """
    geo = ctx.geography
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        county = network.county
        if county is None:
            yield ctx.failed(network, at=".county", county=None, problem=_NO_COUNTY)
            continue
        problems: list[Text] = []
        at = None
        centre = ctx.index.centre(network.centre) if network.centre is not None else None
        if centre is None or centre.county != county:
            problems.append(
                _NOT_IN_CENTRE.format(
                    centre=network.centre or "-",
                    centre_county="-" if centre is None else centre.county,
                )
            )
            at = ".centre"
        outside: list[str] = []
        for svc in ctx.network_on_day(network)[0].services:  # municipalities read on the day
            if svc.municipality is not None and geo.county_of(svc.municipality) != county:
                outside.append(svc.id)
        if outside:
            problems.append(_SERVICES_ELSEWHERE.format(services=", ".join(outside)))
            at = at or ".services"
        elsewhere: list[str] = []
        unplaced: list[str] = []
        for _, actor in ctx.network_actors(network):
            if actor is None or actor.working_level is Level.NATIONAL:
                continue
            places = ctx.places(actor)
            if places is None:
                unplaced.append(actor.id)
            elif not any(geo.county_of(code) == county for code in places):
                elsewhere.append(actor.id)
        if elsewhere:
            problems.append(_ACTORS_ELSEWHERE.format(actors=", ".join(elsewhere)))
            at = at or ".members"
        evidence: dict[str, Any] = {
            "county": county,
            "centre": network.centre,
            "services_elsewhere": outside,
            "actors_elsewhere": elsewhere,
        }
        if problems:
            yield ctx.failed(network, at=at, problem=joined(problems), **evidence)
        elif unplaced:
            missing = [f"municipalities, county or region of actor {a}" for a in unplaced]
            yield ctx.unknown(network, missing, **evidence)
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
    condition=Text(
        fi="Jokaisen verkoston jokaisella tarkistuspäivänä voimassa olevalla jäsenellä on "
        "tunnistettu rooli.",
        sv="Varje medlem i ett nätverk har på kontrolldagen en identifierad roll.",
        en="Every member of a network has, on the checked day, an identified role.",
    ),
)
def n05(ctx: Context) -> Iterator[Outcome]:
    for network in ctx.networks():
        without: list[tuple[int, str]] = [
            (i, m.actor)
            for i, m in enumerate(network.members)
            if ctx.active(m.period)
            and ctx.actor_in_effect(m.actor)
            and (m.role is None or not m.role.strip())
        ]
        if not without:
            yield ctx.passed(network)
            continue
        first = without[0][0]
        without_role = list(dict.fromkeys(actor_id for _, actor_id in without))
        yield ctx.failed(network, at=f".members[{first}].role", without_role=without_role)


# -- LAPE-N06 -------------------------------------------------------------------

_SHOWN = 10
"""How many services a message names before it says how many more there are."""


def _head(ids: list[str]) -> str:
    """At most :data:`_SHOWN` IDs comma-separated, and ``(+N)`` for the rest."""
    shown = ", ".join(ids[:_SHOWN])
    return shown if len(ids) <= _SHOWN else f"{shown} (+{len(ids) - _SHOWN})"


def _duplicate_clusters(network: ServiceNetwork) -> list[list[int]]:
    """The clusters of duplicate services of a network, as positions in its services.

    Services of one type for one target group in one municipality (or county-wide)
    whose providers are not all linked by a coordination link duplicate each other;
    services that duplicate a common service form one cluster (union-find). Linear in
    the services, their target groups and the links.
    """
    links: dict[str, set[str]] = {}
    for link in network.coordination:
        a, b = link.actors
        links.setdefault(a, set()).add(b)
        links.setdefault(b, set()).add(a)
    buckets: dict[tuple[str, str | None, TargetGroup], dict[str, list[int]]] = {}
    for j, svc in enumerate(network.services):
        for group in svc.target_groups:
            bucket = buckets.setdefault((svc.service_type, svc.municipality, group), {})
            bucket.setdefault(svc.provider, []).append(j)
    parent = list(range(len(network.services)))

    def root(j: int) -> int:
        while parent[j] != j:
            parent[j] = parent[parent[j]]
            j = parent[j]
        return j

    in_conflict: set[int] = set()
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        providers = set(bucket)
        clashing = [
            p
            for p in bucket
            if len(links.get(p, set()) & providers) < len(providers) - 1  # an unlinked peer
        ]
        if not clashing:
            continue
        members = [j for p in clashing for j in bucket[p]]
        for j in members[1:]:
            parent[root(j)] = root(members[0])
        in_conflict.update(members)
    clusters: dict[int, list[int]] = {}
    for j in sorted(in_conflict):
        clusters.setdefault(root(j), []).append(j)
    return list(clusters.values())


@rule(
    id="LAPE-N06",
    severity=Severity.WARNING,
    subjects="network",
    in_force=FROM_2023,
    source=_OVERLAP,
    title=Text(
        fi="Kaksi toimijaa ei tuota samaa palvelua samalle kohderyhmälle samassa kunnassa "
        "ilman yhteensovitusta",
        sv="Två aktörer driver inte samma tjänst för samma målgrupp i samma kommun utan samordning",
        en="No two actors run the same service for the same target group in the same "
        "municipality without a coordination link",
    ),
    message=Text(
        fi="{subject}: {count} palvelua ({services}) ovat samaa tyyppiä ({service_type}) "
        "samalle kohderyhmälle ({target_groups}) alueella {municipality}, mutta kaikkien "
        "niiden tuottajien ({providers}) välillä ei ole yhteensovituslinkkiä",
        sv="{subject}: {count} tjänster ({services}) är av samma typ ({service_type}) för "
        "samma målgrupp ({target_groups}) i {municipality}, men det finns inte "
        "samordningslänkar mellan alla deras producenter ({providers})",
        en="{subject}: {count} services ({services}) are of the same type ({service_type}) for "
        "the same target group ({target_groups}) in {municipality}, but not all their "
        "providers ({providers}) have coordination links",
    ),
    tags=("services",),
    condition=Text(
        fi="Missään verkostossa kaksi eri toimijaa ei tuota samantyyppistä palvelua samalle "
        "kohderyhmälle samassa kunnassa (tai molemmat koko hyvinvointialueelle) ilman "
        "yhteensovituslinkkiä; yksi havainto kutakin päällekkäisten palvelujen ryhmää kohden.",
        sv="I inget nätverk driver två olika aktörer en tjänst av samma typ för samma målgrupp "
        "i samma kommun (eller båda för hela välfärdsområdet) utan samordningslänk; en "
        "iakttagelse per grupp av överlappande tjänster.",
        en="In no network do two different actors run a service of the same type for the same "
        "target group in the same municipality (or both county-wide) without a coordination "
        "link; one finding per cluster of duplicate services.",
    ),
)
def n06(ctx: Context) -> Iterator[Outcome]:
    """No two actors run the same service for the same target group in one place unlinked.

    Seed 004: «antalet överlappande och fristående processer minskar». Services are
    the same when they have the same ``service_type``, share a target group and stand
    in the same municipality (or are both county-wide); their providers differ and no
    coordination link joins them. One finding per cluster of such services (see
    :func:`_duplicate_clusters`), at the cluster's first service; the message names at
    most ten services and says how many more.
    """
    for network in ctx.networks():
        on_day, positions = ctx.network_on_day(network)
        clusters = _duplicate_clusters(on_day)
        if not clusters:
            yield ctx.passed(network)
            continue
        for cluster in clusters:
            services = [on_day.services[j] for j in cluster]
            first = services[0]
            shared = frozenset.intersection(*(svc.target_groups for svc in services))
            municipalities = {svc.municipality for svc in services}
            ids = [svc.id for svc in services]
            yield ctx.failed(
                network,
                at=f".services[{positions[cluster[0]]}]",
                services=_head(ids),
                service_ids=ids,
                count=len(ids),
                service_type=first.service_type,
                target_groups=shared or frozenset(g for s in services for g in s.target_groups),
                municipality=_place(ctx, municipalities),
                providers=_head(list(dict.fromkeys(svc.provider for svc in services))),
            )


def _place(ctx: Context, municipalities: set[MunicipalityCode | None]) -> Text:
    """Where a cluster of services stands: its municipality, or the whole county."""
    codes = sorted(c for c in municipalities if c is not None)
    if not codes:
        return Text(fi="koko hyvinvointialue", sv="hela välfärdsområdet", en="the whole county")
    return joined([municipality_name(ctx.geography, c) for c in codes])


# -- LAPE-N07 -------------------------------------------------------------------


@rule(
    id="LAPE-N07",
    severity=Severity.ERROR,
    subjects="network",
    in_force=FROM_2023,
    source=_INTERFACES,
    title=Text(
        fi="Kun saman kohderyhmän palvelujen järjestäminen jakautuu kunnan ja "
        "hyvinvointialueen kesken, rajapinta on tunnistettu",
        sv="Där ansvaret för att ordna tjänster för samma målgrupp fördelas mellan kommunen "
        "och välfärdsområdet är kontaktytan identifierad",
        en="Where services for the same target group are organised partly by the municipality "
        "and partly by the county, the interface is identified",
    ),
    message=Text(
        fi="{subject}: kunnassa {municipality} kohderyhmän {target_group} palveluista osan "
        "järjestää kunta ({municipal_services}) ja osan hyvinvointialue ({county_services}), "
        "mutta {problem}",
        sv="{subject}: i kommunen {municipality} ordnas tjänsterna för målgruppen "
        "{target_group} delvis av kommunen ({municipal_services}) och delvis av "
        "välfärdsområdet ({county_services}), men {problem}",
        en="{subject}: in municipality {municipality}, services for {target_group} are "
        "organised partly by the municipality ({municipal_services}) and partly by the county "
        "({county_services}), but {problem}",
    ),
    tags=("services",),
    condition=Text(
        fi="Kun verkoston saman kohderyhmän palveluista yhdessä kunnassa osan järjestää kunta "
        "ja osan hyvinvointialue (myös eri palveluissa, esim. koulu ja oppilashuolto), "
        "verkostossa on tälle kohderyhmälle ja kunnalle kirjattu rajapinta, joka nimeää "
        "molempien puolten palvelut.",
        sv="När tjänsterna i ett nätverk för samma målgrupp i en kommun ordnas delvis av "
        "kommunen och delvis av välfärdsområdet (även i olika tjänster, t.ex. skola och "
        "elevvård), har nätverket en kontaktyta för den målgruppen och kommunen som namnger "
        "tjänsterna på båda sidor.",
        en="Where, in one municipality, a network's services for the same target group are "
        "organised partly by the municipality and partly by the county (across services, "
        "e.g. school and student welfare), the network records an interface for that target "
        "group and municipality naming the services on both sides.",
    ),
)
def n07(ctx: Context) -> Iterator[Outcome]:
    """Where responsibility for a target group is split, the interface is identified.

    Seed 004: «När ansvaret för att ordna tjänster för samma målgrupp fördelas mellan
    kommunen och välfärdsområdet måste kontaktytorna identifieras.» The splits and the
    interfaces that stand for them are those of
    :meth:`~lape.model.ServiceNetwork.responsibility_splits`: one outcome per split (one
    pass per network without any), failed when no interface stands for it or the
    interfaces leave a service of it unnamed.
    """
    for network in ctx.networks():
        splits = ctx.network_on_day(network)[0].responsibility_splits()
        if not splits:
            yield ctx.passed(network)
            continue
        for split in splits:
            evidence: dict[str, Any] = {
                "municipality": municipality_name(ctx.geography, split.municipality),
                "municipality_code": split.municipality,
                "target_group": split.target_group,
                "municipal_services": _head(list(split.municipal_services)),
                "county_services": _head(list(split.county_services)),
                "unnamed": list(split.unnamed),
            }
            if split.covered:
                yield ctx.passed(network, **evidence)
            elif not split.interfaces:
                yield ctx.failed(network, at=".interfaces", problem=_NO_INTERFACE, **evidence)
            else:
                problem = _UNNAMED.format(unnamed=_head(list(split.unnamed)))
                at = f".interfaces[{split.interfaces[0]}]"
                yield ctx.failed(network, at=at, problem=problem, **evidence)


_NO_INTERFACE = Text(
    fi="näille ei ole kirjattu rajapintaa",
    sv="ingen kontaktyta har registrerats för dem",
    en="no interface is recorded for them",
)
_UNNAMED = Text(
    fi="kirjatut rajapinnat eivät nimeä palveluja {unnamed}",
    sv="de registrerade kontaktytorna namnger inte tjänsterna {unnamed}",
    en="the recorded interfaces do not name the services {unnamed}",
)


# -- LAPE-N08 -------------------------------------------------------------------

_CLIENT_KINDS = frozenset(
    {
        ActorKind.EXPERIENCE_EXPERT,
        ActorKind.CLIENT_PANEL,
        ActorKind.YOUTH_COUNCIL,
        ActorKind.COUNTY_YOUTH_COUNCIL,
    }
)
"""Those who speak for the clients: experience experts, client panels, youth councils."""


@rule(
    id="LAPE-N08",
    severity=Severity.WARNING,
    subjects="network",
    in_force=FROM_2023,
    source=_CLIENTS,
    title=Text(
        fi="Perhekeskus ottaa asiakkaansa mukaan palvelujen suunnitteluun ja arviointiin",
        sv="Familjecentret tar med sina klienter i planeringen och utvärderingen av tjänsterna",
        en="A family centre involves its clients in planning and evaluating its services",
    ),
    message=Text(
        fi="{subject}: asiakkaat (kokemusasiantuntijat, asiakasraati tai nuorisovaltuusto) "
        "eivät ole mukana: {lacking} (asiakkaiden edustajat verkostossa: {clients})",
        sv="{subject}: klienterna (erfarenhetsexperter, klientråd eller ungdomsfullmäktige) "
        "deltar inte i: {lacking} (klienternas företrädare i nätverket: {clients})",
        en="{subject}: the clients (experience experts, a client panel or a youth council) "
        "take no part in: {lacking} (those speaking for the clients in the network: {clients})",
    ),
    tags=("services", "family_centre", "participation"),
    condition=Text(
        fi="Jokaisen perhekeskusverkoston jäsenissä on tarkistuspäivänä asiakkaiden edustajia "
        "(kokemusasiantuntijoita, asiakasraati tai nuorisovaltuusto), jotka osallistuvat sekä "
        "palvelujen suunnitteluun että arviointiin.",
        sv="Varje familjecenternätverk har på kontrolldagen bland sina medlemmar företrädare "
        "för klienterna (erfarenhetsexperter, ett klientråd eller ungdomsfullmäktige) som "
        "deltar i både planeringen och utvärderingen av tjänsterna.",
        en="Every family centre network has, on the checked day, members speaking for its "
        "clients (experience experts, a client panel or a youth council) who take part in "
        "both planning and evaluating its services.",
    ),
)
def n08(ctx: Context) -> Iterator[Outcome]:
    """A family centre involves its clients in planning and evaluating its services.

    Seed 003: «Utöver att familjerna deltar i planeringen av tjänsterna ska
    barnskyddets klienter också tas med i utvärderingen av de befintliga tjänsterna.»
    The network's members in effect that speak for the clients (experience experts,
    client panels, youth councils) must between them take part in planning and in
    evaluation (:attr:`~lape.model.NetworkMember.involvement`). No such member: failed.
    Such members whose involvement is not given, and the others not covering both:
    *unknown*.
    """
    wanted = frozenset(Involvement)
    for network in ctx.networks(NetworkKind.FAMILY_CENTRE):
        clients: list[str] = []
        covered: set[Involvement] = set()
        not_given: list[str] = []
        for member in network.members:
            actor = ctx.index.actor(member.actor)
            if not ctx.active(member.period) or actor is None or not ctx.active(actor.period):
                continue
            if actor.kind not in _CLIENT_KINDS:
                continue
            clients.append(actor.id)
            if member.involvement is None:
                not_given.append(actor.id)
            else:
                covered |= member.involvement
        lacking = wanted - covered
        evidence: dict[str, Any] = {"clients": clients, "lacking": lacking or None}
        if not lacking:
            yield ctx.passed(network, **evidence)
        elif not_given:
            missing = [f"involvement of member {a}" for a in not_given]
            yield ctx.unknown(network, missing, at=".members", **evidence)
        else:
            yield ctx.failed(network, at=".members", **evidence)


# -- LAPE-W01 -------------------------------------------------------------------


def _county_disagreements(ctx: Context, county: str, codes: list[str]) -> list[str]:
    """The municipalities of ``codes`` that do not belong to ``county`` (Helsinki: 90;
    Åland's: none)."""
    wrong = []
    for code in codes:
        now = ctx.municipality_now(code)
        if now is None:
            continue  # an unknown code: LAPE-S01
        if ctx.geography.county_of(now) != county:
            wrong.append(code)
    return wrong


@rule(
    id="LAPE-W01",
    severity=Severity.ERROR,
    subjects=("actor", "network"),
    in_force=FROM_2023,
    source=_COUNTIES_ACT,
    title=Text(
        fi="Hyvinvointialueet ja kunnat vastaavat aluejakoa",
        sv="Välfärdsområden och kommuner stämmer med områdesindelningen",
        en="Counties and municipalities agree with the county division",
    ),
    message=Text(
        fi="{subject}: hyvinvointialueeseen {county} ei kuulu: {municipalities} (Helsinki "
        "järjestää palvelunsa itse, koodi 90; Ahvenanmaan kunnat eivät kuulu mihinkään)",
        sv="{subject}: till välfärdsområdet {county} hör inte: {municipalities} (Helsingfors "
        "ordnar sina tjänster själv, kod 90; kommunerna på Åland hör inte till något)",
        en="{subject}: not in county {county}: {municipalities} (Helsinki organises its own "
        "services, code 90; the Åland municipalities belong to none)",
    ),
    tags=("counties",),
    condition=Text(
        fi="Toimija, joka nimeää hyvinvointialueen ja kuntia, ja hyvinvointialueelle kuuluvan "
        "verkoston rajapinnat ja palvelut nimeävät vain tämän hyvinvointialueen kuntia "
        "aluejaon (614/2021) mukaan (Helsinki: kaupunki, koodi 90; Ahvenanmaa ei kuulu "
        "mihinkään).",
        sv="En aktör som namnger ett välfärdsområde och kommuner, och kontaktytorna och "
        "tjänsterna i ett nätverk som hör till ett välfärdsområde, namnger bara kommuner i "
        "det välfärdsområdet enligt indelningen (614/2021) (Helsingfors: staden, kod 90; "
        "Åland hör inte till något).",
        en="An actor that names a county and municipalities, and the interfaces and services "
        "of a network that names a county, name only municipalities of that county by the "
        "county division (614/2021) (Helsinki: the city, code 90; Åland belongs to none).",
    ),
)
def w01(ctx: Context) -> Iterator[Outcome]:
    """What the snapshot says about counties agrees with the county division.

    Act 614/2021: «Suomi jakaantuu hyvinvointialueisiin.» Examined: every actor that
    names both a ``county`` and ``municipalities``; every network's interfaces that
    name a county and a municipality, and (through the network's ``county``) its
    interfaces' and its services' municipalities (a family centre's services lying
    outside its county break LAPE-N04 too: DOMAIN.md names both). Helsinki's county
    is 90; an Åland
    municipality belongs to no county. The reference data itself is tested by the test
    suite, not by this rule.
    """
    for actor in ctx.snapshot.actors:
        if actor.county is None or not actor.municipalities or not ctx.active(actor.period):
            continue
        wrong = _county_disagreements(ctx, actor.county, list(actor.municipalities))
        evidence: dict[str, Any] = {"county": actor.county, "municipalities": wrong}
        if wrong:
            yield ctx.failed(actor, at=".municipalities", **evidence)
        else:
            yield ctx.passed(actor, **evidence)
    for network in ctx.networks():
        places = list(_network_places(network))
        if not places:
            continue
        wrong_places = [
            (at, code) for at, county, code in places if _county_disagreements(ctx, county, [code])
        ]
        evidence = {
            "county": network.county,
            "municipalities": list(dict.fromkeys(code for _, code in wrong_places)),
        }
        if wrong_places:
            yield ctx.failed(network, at=wrong_places[0][0], **evidence)
        else:
            yield ctx.passed(network, **evidence)


def _network_places(network: ServiceNetwork) -> Iterator[tuple[str, str, str]]:
    """(path below the network, county, municipality) for every place a network puts in
    a county: its interfaces (their own county, else the network's) and its services
    (a family centre's ones are LAPE-N04's too: DOMAIN.md names both rules)."""
    for k, interface in enumerate(network.interfaces):
        county = interface.county or network.county
        if county is not None and interface.municipality is not None:
            yield f".interfaces[{k}].municipality", county, interface.municipality
    if network.county is not None:
        for j, svc in enumerate(network.services):
            if svc.municipality is not None:
                yield f".services[{j}].municipality", network.county, svc.municipality


# -- LAPE-W02 -------------------------------------------------------------------

_JOINT_KINDS = frozenset({ActorKind.JOINT_MUNICIPAL_AUTHORITY, ActorKind.HOSPITAL_DISTRICT})
_HUS = "HUS"
"""The hospital district that remains a joint authority for specialised care after 2022."""
_ORGANISED_BY_MUNICIPALITY = Text(
    fi="sen järjestää kunta",
    sv="den ordnas av kommunen",
    en="it is organised by the municipality",
)
_PROVIDED_BY_JOINT = Text(
    fi="sen tuottaa kuntayhtymä {provider} (kuntayhtymät purettiin 1.1.2023; HUS poikkeuksena)",
    sv="den produceras av samkommunen {provider} (samkommunerna upplöstes 1.1.2023; HUS "
    "undantaget)",
    en="it is provided by the joint municipal authority {provider} (dissolved on 1.1.2023; "
    "HUS excepted)",
)


def _organisers(
    svc_responsibility: frozenset[Responsibility], provider: Actor
) -> frozenset[Responsibility]:
    """Who organises a service: its ``responsibility``, or when that is not given, what
    the provider's kind tells (a municipality or one of its bodies: the municipality; a
    county: the county)."""
    if svc_responsibility:
        return svc_responsibility
    if provider.kind in MUNICIPAL_BODIES:
        return frozenset({Responsibility.MUNICIPALITY})
    if provider.kind is ActorKind.WELLBEING_SERVICES_COUNTY:
        return frozenset({Responsibility.COUNTY})
    return frozenset()


@rule(
    id="LAPE-W02",
    severity=Severity.WARNING,
    subjects="service",
    in_force=FROM_2023,
    source=_COUNTY_ORGANISES,
    title=Text(
        fi="Vuodesta 2023 perhekeskuksen sosiaali- ja terveyspalvelut järjestää "
        "hyvinvointialue, ei kunta eikä kuntayhtymä",
        sv="Från 2023 ordnas familjecentrets social- och hälsovårdstjänster av "
        "välfärdsområdet, inte av kommunen eller en samkommun",
        en="From 2023 the social and health services of a family centre are organised by the "
        "county, not by a municipality or a joint municipal authority",
    ),
    message=Text(
        fi="{subject}: sosiaali- ja terveyspalvelu, mutta {problem}; vuodesta 2023 sen "
        "järjestää hyvinvointialue ({county})",
        sv="{subject}: en social- och hälsovårdstjänst, men {problem}; från 2023 ordnas den av "
        "välfärdsområdet ({county})",
        en="{subject}: a social and health service, but {problem}; from 2023 the wellbeing "
        "services county ({county}) organises it",
    ),
    tags=("services", "family_centre", "counties"),
    condition=Text(
        fi="Perhekeskuksen sosiaali- ja terveyspalvelun järjestää hyvinvointialue (Helsingissä "
        "kaupunki), ei kunta, eikä sitä tuota kuntayhtymä tai sairaanhoitopiiri (HUS "
        "poikkeuksena); kun järjestäjää ei ole merkitty, sen kertoo tuottajan laji.",
        sv="En social- och hälsovårdstjänst i ett familjecenter ordnas av välfärdsområdet (i "
        "Helsingfors staden), inte av kommunen, och den produceras inte av en samkommun eller "
        "ett sjukvårdsdistrikt (HUS undantaget); när ingen organisatör anges avgör "
        "producentens typ.",
        en="A family centre's social and health service is organised by the county (Helsinki: "
        "the city), not by a municipality, and not provided by a joint municipal authority or "
        "hospital district (HUS excepted); where no organiser is given, the provider's kind "
        "tells it.",
    ),
)
def w02(ctx: Context) -> Iterator[Outcome]:
    """From 2023 a family centre's social and health services are the county's.

    Seed 004: «Varje välfärdsområde ansvarar för organiseringen ... av tjänsterna»;
    joint municipal authorities for social and health care were dissolved on 1.1.2023
    (HUS remains for specialised care). Examined: each social and health service
    (``sector``) of a family centre in effect; a service without a ``sector`` is
    *unknown* when it would otherwise fail.
    """
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
            if svc.sector is not None and svc.sector is not Sector.SOCIAL_HEALTH:
                yield ctx.passed(svc, **evidence)
                continue
            problems: list[Text] = []
            at = None
            organisers = _organisers(svc.responsibility, provider)
            if Responsibility.MUNICIPALITY in organisers and not _is_helsinki(
                network, svc, provider
            ):
                problems.append(_ORGANISED_BY_MUNICIPALITY)
                at = ".responsibility" if svc.responsibility else ".provider"
            if provider.kind in _JOINT_KINDS and provider.hospital_district != _HUS:
                problems.append(_PROVIDED_BY_JOINT.format(provider=provider.id))
                at = at or ".provider"
            if not problems:
                yield ctx.passed(svc, **evidence)
            elif svc.sector is None:
                yield ctx.unknown(svc, [f"sector of service {svc.id}"], **evidence)
            else:
                yield ctx.failed(svc, at=at, problem=joined(problems), **evidence)


def _is_helsinki(network: ServiceNetwork, svc: Service, provider: Actor) -> bool:
    """Helsinki organises its own social and health services: the city organises them."""
    if network.county == HELSINKI_COUNTY or svc.municipality == HELSINKI:
        return True
    return provider.municipalities == (HELSINKI,)


RULES: tuple[Rule, ...] = (n01, n02, n03, n04, n05, n06, n07, n08, w01, w02)
