"""LAPE-G01..G15: development groups, their composition and mandate (2016-2018).

Seed 001 (STM, 23.6.2016) says who sits in the municipal and the regional
groups, that municipalities and regions give them a mandate, and whom they
work with.

The rules share the definitions of DOMAIN.md (revision 2): a member counts
only when its seat, its actor and its group are in effect on the checked day;
a municipal group's area is its municipality and a regional group's area its
*project area* (the capital region and the rest of Uusimaa are two areas),
with the municipality list valid on that day (a merged municipality is the one
it merged into); see :class:`~lape.rules.Context`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from lape._wording import Text
from lape.model import (
    MUNICIPAL_ACTORS,
    MUNICIPAL_BODIES,
    Actor,
    ActorKind,
    Group,
    GroupKind,
    Level,
    Municipality,
    MunicipalityCode,
    ProjectArea,
    Sector,
    Severity,
)
from lape.rules._catalogue._common import FROM_2023, GROUPS_TERM, SEED_001, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, rule

__all__ = ["RULES"]

_MUNICIPAL_MEMBERS = seed(
    SEED_001,
    "I den grupp för utveckling av barn- och familjetjänster som inrättas i kommunen ska "
    "finnas representanter för bl.a. social- och hälsovårdsväsendet, bildnings- och "
    "ungdomsväsendet, representanter för centrala organisationer och församlingar och en "
    "representant för de unga",
)
_REGIONAL_MEMBERS = seed(
    SEED_001,
    "I landskapets grupp för utveckling av barn- och familjetjänster ska bl.a. finnas "
    "representanter för regionens kommuner, sjukvårdsdistrikt, organisationer, läroinrättningar, "
    "kompetenscentrum och församlingar samt en representant för de unga",
)
_YOUTH = seed(
    SEED_001,
    "en representant för de unga, t.ex. en medlem i ungdomsfullmäktige eller en erfarenhetsexpert",
)
_MANDATE = seed(
    SEED_001,
    "Kommunerna och landskapen ska ge grupperna fullmakt att styra utvecklingsarbetet i regionen.",
)
_MUNICIPAL_LINK = seed(
    SEED_001,
    "Kommunens grupp för utveckling av barn- och familjetjänster ska samverka med den grupp "
    "som inrättats på landskapsnivå.",
)
_REGIONAL_LINK = seed(
    SEED_001,
    "Den grupp som företräder landskapet ska i sin tur samarbeta med dem som för landskapets "
    "del bereder vårdreformen och med den nationella ledningen för utvecklingsprogrammet.",
)

_YOUTH_COUNCILS = frozenset({ActorKind.YOUTH_COUNCIL, ActorKind.COUNTY_YOUTH_COUNCIL})
_JOINT_AUTHORITIES_UNTIL = dt.date(2022, 12, 31)
"""Joint municipal authorities for social and health care were dissolved on 1.1.2023."""


def _area_missing(group: Group) -> list[str]:
    """The facts that would tell a group's area (see :meth:`Context.group_area`)."""
    if group.kind is GroupKind.MUNICIPAL:
        return ["municipality"]
    return ["project_area" if group.region is not None else "region or project_area"]


def _names(ctx: Context, codes: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The Finnish and the Swedish names of municipalities, each sorted, for messages."""
    fi: list[str] = []
    sv: list[str] = []
    for code in codes:
        m = ctx.geography.municipality(code)
        fi.append(code if m is None else m.name_fi)
        sv.append(code if m is None else m.name_sv)
    return tuple(sorted(fi)), tuple(sorted(sv))


def _area(ctx: Context, group: Group) -> Municipality | ProjectArea | str:
    """The group's area for a message: its municipality or project area from the
    reference data (a message names it in its own language), else the code given."""
    if group.kind is GroupKind.MUNICIPAL and group.municipality is not None:
        return ctx.geography.municipality(group.municipality) or group.municipality
    area = ctx.group_project_area(group)
    if area is not None:
        return area
    return group.project_area or group.region or "-"


# -- composition: the municipality's own sectors -------------------------------


def _own_body(
    ctx: Context, municipality: MunicipalityCode, actor: Actor, sector: Sector
) -> bool | None:
    """Whether ``actor`` is a public body of ``municipality`` in ``sector`` on the checked
    day (DOMAIN.md, "a municipality's own sector"); ``None`` when the snapshot does not tell.

    A municipal body (or the municipality itself) of that municipality with the sector;
    for social and health also a joint municipal authority the municipality belongs to
    (until 2022) or, from 2023, its wellbeing services county.
    """
    social = sector is Sector.SOCIAL_HEALTH
    if actor.kind is ActorKind.WELLBEING_SERVICES_COUNTY:
        if not social or not FROM_2023.contains(ctx.as_of):
            return False
        if actor.county is None:
            return None
        return actor.county == ctx.geography.county_of(municipality)
    joint = (
        social
        and actor.kind is ActorKind.JOINT_MUNICIPAL_AUTHORITY
        and ctx.as_of <= _JOINT_AUTHORITIES_UNTIL
    )
    if actor.kind not in MUNICIPAL_BODIES and not joint:
        return False
    in_sector = None if actor.sectors is None else sector in actor.sectors
    if not actor.municipalities:
        return False if in_sector is False else None
    if municipality not in {ctx.municipality_now(code) for code in actor.municipalities}:
        return False
    return in_sector


def _settled_codes(ctx: Context) -> frozenset[str] | None:
    """The municipality codes of the groups, when none of the groups and their members
    names a municipality merged into another on the checked day (``None`` otherwise):
    a group whose code is among them can be judged by the look-ups of
    :class:`~lape.model.GroupMembers`; the others are read member by member."""

    def compute() -> frozenset[str] | None:
        group_codes = {g.municipality for g in ctx.snapshot.groups if g.municipality is not None}
        now = ctx.municipality_now
        if any(now(c) not in (c, None) for c in (*ctx.group_members().codes, *group_codes)):
            return None
        return frozenset(c for c in group_codes if now(c) == c)

    return ctx._memo("settled codes", compute)


def _sector_verdict(ctx: Context, group: Group, sector: Sector, bodies: Text) -> Iterator[Outcome]:
    """LAPE-G01/G02 for one group, member by member (see :func:`_own_body`)."""
    municipality = None if group.municipality is None else ctx.municipality_now(group.municipality)
    if municipality is None:
        yield ctx.unknown(group, ["municipality"])
        return
    members = ctx.member_actors(group)
    verdicts = [(a, _own_body(ctx, municipality, a, sector)) for a in members]
    if any(ok for _, ok in verdicts):
        return  # passed: the rule declared its groups
    undecided = [a for a, ok in verdicts if ok is None]
    if undecided:
        missing = [
            f"{fact} of actor {a.id}"
            for a in undecided
            for fact, lacking in (
                ("sectors", a.sectors is None),
                ("municipalities", not a.municipalities),
                ("county", a.kind is ActorKind.WELLBEING_SERVICES_COUNTY and a.county is None),
            )
            if lacking
        ]
        yield ctx.unknown(group, missing)
        return
    yield ctx.failed(
        group,
        municipality=municipality,
        area=_area(ctx, group),
        observed=ctx.member_kinds(group),
        bodies=bodies,
    )


def _sector_rule(
    rule_id: str, sector: Sector, names: tuple[str, str, str], bodies: Text, condition: Text
) -> Rule:
    fi, sv, en = names

    def check(ctx: Context) -> Iterator[Outcome]:
        groups = ctx.groups(GroupKind.MUNICIPAL)
        ctx.examine(groups)
        members = ctx.group_members()
        holding = members.holding
        settled = _settled_codes(ctx) or frozenset()
        joint = sector is Sector.SOCIAL_HEALTH and ctx.as_of <= _JOINT_AUTHORITIES_UNTIL
        county = sector is Sector.SOCIAL_HEALTH and FROM_2023.contains(ctx.as_of)
        kinds = tuple(
            k.value
            for k in (*MUNICIPAL_BODIES, *((ActorKind.JOINT_MUNICIPAL_AUTHORITY,) if joint else ()))
        )
        s = sector.value
        # Set operations answer exactly what _own_body does for the groups of a settled
        # municipality: a group passes when a body of its municipality has the sector;
        # it fails when no body could still be one (facts missing, or a county from 2023);
        # the rest are read member by member.
        unsure: set[int] = set()
        for k in kinds:
            unsure |= holding((k, s, None)) | holding((k, None, None))
        if county:
            unsure |= holding((ActorKind.WELLBEING_SERVICES_COUNTY.value,))
        passing: dict[str, set[int]] = {}
        unsure_here: dict[str, set[int]] = {}
        areas: dict[str, Municipality | ProjectArea | str] = {}  # a message's area, by code
        for group in groups:
            code = group.municipality
            key = id(group)
            if code in settled:
                found = passing.get(code)
                if found is None:
                    found = passing[code] = set().union(*(holding((k, s, code)) for k in kinds))
                    unsure_here[code] = set().union(*(holding((k, None, code)) for k in kinds))
                if key in found:
                    continue
                if key not in unsure and key not in unsure_here[code]:
                    area = areas.get(code)
                    if area is None:
                        area = areas[code] = _area(ctx, group)
                    observed = members.kinds(group)
                    yield ctx.failed(
                        group, municipality=code, area=area, observed=observed, bodies=bodies
                    )
                    continue
            yield from _sector_verdict(ctx, group, sector, bodies)

    return rule(
        id=rule_id,
        severity=Severity.ERROR,
        subjects="group",
        in_force=GROUPS_TERM,
        source=_MUNICIPAL_MEMBERS,
        title=Text(
            fi=f"Kunnan lape-ryhmässä on jäsen kunnan omasta {fi}",
            sv=f"Kommunens grupp har en medlem från kommunens eget {sv}",
            en=f"A municipal group has a member from its municipality's own {en}",
        ),
        message=Text(
            fi=f"{{subject}}: ryhmässä ei ole jäsentä kunnan {{area}} omasta {fi} "
            "({bodies}); jäsenten lajit: {observed}",
            sv=f"{{subject}}: gruppen har ingen medlem från {{area}} kommuns eget {sv} "
            "({bodies}); medlemmarnas typer: {observed}",
            en=f"{{subject}}: the group has no member from the {en} of {{area}} itself "
            "({bodies}); members' kinds: {observed}",
        ),
        tags=("groups", "composition", "municipal_group"),
        condition=condition,
    )(check)


g01 = _sector_rule(
    "LAPE-G01",
    Sector.SOCIAL_HEALTH,
    (
        "sosiaali- ja terveystoimesta",
        "social- och hälsovårdsväsende",
        "social and health sector",
    ),
    bodies=Text(
        fi="kunnan toimiala, kuntayhtymä johon kunta kuuluu (vuoteen 2022) tai kunnan "
        "hyvinvointialue (vuodesta 2023)",
        sv="en kommunal förvaltning, en samkommun som kommunen hör till (till 2022) eller "
        "kommunens välfärdsområde (från 2023)",
        en="a municipal body, a joint municipal authority the municipality belongs to "
        "(until 2022) or its wellbeing services county (from 2023)",
    ),
    condition=Text(
        fi="Jokaisessa kunnan lape-ryhmässä on tarkistuspäivänä jäsen, joka on ryhmän kunnan "
        "oma julkinen sosiaali- ja terveystoimen toimija: kunnan toimiala, kuntayhtymä, johon "
        "kunta kuuluu (vuoteen 2022), tai kunnan hyvinvointialue (vuodesta 2023). Järjestö tai "
        "seurakunta ei täytä vaatimusta, vaikka sille olisi merkitty tämä toimiala.",
        sv="Varje kommunal grupp har på kontrolldagen en medlem som är ett offentligt organ "
        "inom kommunens eget social- och hälsovårdsväsende: en kommunal förvaltning, en "
        "samkommun som kommunen hör till (till 2022) eller kommunens välfärdsområde (från "
        "2023). En organisation eller församling räknas inte, även om den är märkt med sektorn.",
        en="Every municipal group has, on the checked day, a member that is a public body of "
        "its own municipality in the social and health sector: a municipal body, a joint "
        "municipal authority the municipality belongs to (until 2022) or its wellbeing "
        "services county (from 2023). An organisation or parish tagged with the sector does "
        "not count.",
    ),
)
g02 = _sector_rule(
    "LAPE-G02",
    Sector.EDUCATION_YOUTH,
    (
        "sivistys- ja nuorisotoimesta",
        "bildnings- och ungdomsväsende",
        "education and youth sector",
    ),
    bodies=Text(fi="kunnan toimiala", sv="en kommunal förvaltning", en="a municipal body"),
    condition=Text(
        fi="Jokaisessa kunnan lape-ryhmässä on tarkistuspäivänä jäsen, joka on ryhmän kunnan "
        "oma sivistys- ja nuorisotoimen toimiala. Järjestö, seurakunta tai oppilaitos ei täytä "
        "vaatimusta, vaikka sille olisi merkitty tämä toimiala.",
        sv="Varje kommunal grupp har på kontrolldagen en medlem som är en förvaltning inom "
        "kommunens eget bildnings- och ungdomsväsende. En organisation, församling eller "
        "läroinrättning räknas inte, även om den är märkt med sektorn.",
        en="Every municipal group has, on the checked day, a member that is a municipal body "
        "of its own municipality in the education and youth sector. An organisation, parish "
        "or educational institution tagged with the sector does not count.",
    ),
)


# -- composition: a member of a required kind ------------------------------------


def _kind_rule(
    rule_id: str,
    group_kind: GroupKind,
    actor_kind: ActorKind,
    names: tuple[str, str, str],
) -> Rule:
    """A group of ``group_kind`` has at least one member of ``actor_kind``."""
    fi, sv, en = names
    municipal = group_kind is GroupKind.MUNICIPAL

    def check(ctx: Context) -> Iterator[Outcome]:
        groups = ctx.groups(group_kind)
        ctx.examine(groups)
        members = ctx.group_members()
        having = members.holding((actor_kind.value,))  # the groups that have one
        for group in groups:
            if id(group) not in having:
                yield ctx.failed(group, observed=members.kinds(group), required=actor_kind)

    group_fi, group_sv, group_en = (
        ("Kunnan lape-ryhmässä", "Kommunens grupp", "A municipal group")
        if municipal
        else ("Maakunnan lape-ryhmässä", "Landskapets grupp", "A regional group")
    )
    every_fi, every_sv, every_en = (
        ("Jokaisessa kunnan lape-ryhmässä", "Varje kommunal grupp", "Every municipal group")
        if municipal
        else ("Jokaisessa maakunnan lape-ryhmässä", "Varje landskapsgrupp", "Every regional group")
    )
    return rule(
        id=rule_id,
        severity=Severity.ERROR,
        subjects="group",
        in_force=GROUPS_TERM,
        source=_MUNICIPAL_MEMBERS if municipal else _REGIONAL_MEMBERS,
        title=Text(
            fi=f"{group_fi} on vähintään yksi {fi}",
            sv=f"{group_sv} har minst en {sv}",
            en=f"{group_en} has at least one {en}",
        ),
        message=Text(
            fi=f"{{subject}}: ryhmässä ei ole yhtään jäsentä, joka on {fi} "
            "(jäsenten lajit: {observed})",
            sv=f"{{subject}}: gruppen har ingen medlem som är {sv} "
            "(medlemmarnas typer: {observed})",
            en=f"{{subject}}: the group has no {en} among its members "
            "(members' kinds: {observed})",
        ),
        tags=("groups", "composition", "municipal_group" if municipal else "regional_group"),
        condition=Text(
            fi=f"{every_fi} on tarkistuspäivänä vähintään yksi jäsen, joka on {fi}; toimija, "
            "jonka oma toimintakausi ei ole voimassa, ei täytä paikkaa.",
            sv=f"{every_sv} har på kontrolldagen minst en medlem som är {sv}; en aktör vars "
            "egen period inte gäller den dagen fyller ingen plats.",
            en=f"{every_en} has, on the checked day, at least one member that is {_a(en)}; an "
            "actor whose own period does not hold that day fills no seat.",
        ),
    )(check)


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


g03 = _kind_rule(
    "LAPE-G03",
    GroupKind.MUNICIPAL,
    ActorKind.ORGANISATION,
    ("järjestö", "organisation", "organisation"),
)
g04 = _kind_rule(
    "LAPE-G04", GroupKind.MUNICIPAL, ActorKind.PARISH, ("seurakunta", "församling", "parish")
)


# -- composition: a youth representative -------------------------------------------


def _youth_representative(ctx: Context, group: Group, actor: Actor) -> bool | None:
    """Whether a member in effect represents the young (DOMAIN.md, "youth
    representative"): an experience expert, or a youth council covering the group's
    municipality (a regional group: one in its area); ``None`` when the snapshot
    does not tell where the council or the group is."""
    if actor.kind is ActorKind.EXPERIENCE_EXPERT:
        return True
    if actor.kind not in _YOUTH_COUNCILS:
        return False
    area, places = ctx.group_area(group), ctx.places(actor)
    if area is None or places is None:
        return None
    return bool(area & places)


@rule(
    id="LAPE-G05",
    severity=Severity.ERROR,
    subjects="group",
    in_force=GROUPS_TERM,
    source=_YOUTH,
    title=Text(
        fi="Jokaisessa lape-ryhmässä on nuorten edustaja",
        sv="Varje grupp har en representant för de unga",
        en="Every development group has a youth representative",
    ),
    message=Text(
        fi="{subject}: ryhmässä ei ole nuorten edustajaa: kokemusasiantuntijaa tai alueen "
        "{area} nuorisovaltuustoa (jäsenten lajit: {observed}; muiden alueiden "
        "nuorisovaltuustot: {other_councils})",
        sv="{subject}: gruppen har ingen representant för de unga: en erfarenhetsexpert eller "
        "ett ungdomsfullmäktige i området {area} (medlemmarnas typer: {observed}; "
        "ungdomsfullmäktige i andra områden: {other_councils})",
        en="{subject}: the group has no youth representative: an experience expert or a youth "
        "council of {area} (members' kinds: {observed}; youth councils of other areas: "
        "{other_councils})",
    ),
    tags=("groups", "composition", "youth", "municipal_group", "regional_group"),
    condition=Text(
        fi="Jokaisessa kunnan ja maakunnan lape-ryhmässä on tarkistuspäivänä nuorten edustaja: "
        "kokemusasiantuntija tai nuorisovaltuusto (oma tai useamman kunnan yhteinen), jonka "
        "alueeseen ryhmän kunta kuuluu (maakunnan ryhmässä: joka toimii ryhmän hankealueella). "
        "Nuorten edustajaksi merkitty muu toimija ei riitä.",
        sv="Varje kommunal grupp och landskapsgrupp har på kontrolldagen en representant för de "
        "unga: en erfarenhetsexpert eller ett ungdomsfullmäktige (eget eller delat) som omfattar "
        "gruppens kommun (landskapsgruppen: som verkar i dess projektområde). En annan aktör "
        "med rollen representant för de unga räcker inte.",
        en="Every municipal and regional group has, on the checked day, a youth representative: "
        "an experience expert, or a youth council (own or shared) that covers the group's "
        "municipality (for a regional group, one in its project area). Another kind of actor "
        "seated as youth representative does not count.",
    ),
)
def g05(ctx: Context) -> Iterator[Outcome]:
    groups = ctx.groups(GroupKind.MUNICIPAL, GroupKind.REGIONAL)
    ctx.examine(groups)
    seated = ctx.group_members()
    holding = seated.holding
    settled = _settled_codes(ctx) or frozenset()
    councils = tuple(k.value for k in _YOUTH_COUNCILS)
    experts = holding((ActorKind.EXPERIENCE_EXPERT.value,))  # represent the young anywhere
    with_council = set().union(*(holding((k,)) for k in councils))
    covering: dict[str, set[int]] = {}
    areas: dict[str, Municipality | ProjectArea | str] = {}  # a message's area, by code
    municipal = GroupKind.MUNICIPAL  # read once: an enum member costs a call in Python 3.11
    for group in groups:
        key = id(group)
        if key in experts:
            continue
        code = group.municipality
        if group.kind is municipal and code in settled:
            # set operations answer what _youth_representative does for councils that
            # list municipalities; one placed by its county or region needs reading
            found = covering.get(code)
            if found is None:
                found = covering[code] = set().union(*(holding((k, code)) for k in councils))
            if key in found:
                continue
            if key not in with_council:
                area = areas.get(code)
                if area is None:
                    area = areas[code] = _area(ctx, group)
                yield ctx.failed(group, observed=seated.kinds(group), other_councils=[], area=area)
                continue
        yield from _youth_verdict(ctx, group)


def _youth_verdict(ctx: Context, group: Group) -> Iterator[Outcome]:
    """LAPE-G05 for one group, member by member (see :func:`_youth_representative`)."""
    members = ctx.member_actors(group)
    verdicts = [(a, _youth_representative(ctx, group, a)) for a in members]
    if any(ok for _, ok in verdicts):
        return  # passed: the rule declared its groups
    undecided = [a for a, ok in verdicts if ok is None]
    if undecided:
        missing = _area_missing(group) if ctx.group_area(group) is None else []
        missing += [f"municipalities of actor {a.id}" for a in undecided if ctx.places(a) is None]
        yield ctx.unknown(group, missing)
        return
    yield ctx.failed(
        group,
        observed=ctx.member_kinds(group),
        other_councils=[a.id for a in members if a.kind in _YOUTH_COUNCILS],
        area=_area(ctx, group),
    )


# -- regional groups: the area's municipalities and hospital districts ---------


@rule(
    id="LAPE-G06",
    severity=Severity.ERROR,
    subjects="group",
    in_force=GROUPS_TERM,
    source=_REGIONAL_MEMBERS,
    title=Text(
        fi="Maakunnan lape-ryhmässä on jäseniä alueen kunnista",
        sv="Landskapets grupp har medlemmar från regionens kommuner",
        en="A regional group has members from its area's municipalities",
    ),
    message=Text(
        fi="{subject}: ryhmässä ei ole jäsentä alueen {area} kunnista ({area_size} kuntaa)",
        sv="{subject}: gruppen har ingen medlem från kommunerna i {area} ({area_size} kommuner)",
        en="{subject}: the group has no member from the municipalities of {area} "
        "({area_size} municipalities)",
    ),
    note=Text(
        fi="{subject}: alueen kunnat, joilla ei ole edustajaa ryhmässä: {names_fi}",
        sv="{subject}: områdets kommuner som inte är företrädda i gruppen: {names_sv}",
        en="{subject}: the area's municipalities not represented in the group: {names_fi}",
    ),
    tags=("groups", "composition", "regional_group"),
    condition=Text(
        fi="Jokaisessa maakunnan lape-ryhmässä on tarkistuspäivänä jäsen (kunta, kunnan "
        "toimiala tai kuntayhtymä) ryhmän hankealueen kunnista sinä päivänä voimassa olevan "
        "kuntaluettelon mukaan; huomio luettelee alueen kunnat, joilla ei ole edustajaa.",
        sv="Varje landskapsgrupp har på kontrolldagen en medlem (kommun, kommunal förvaltning "
        "eller samkommun) från kommunerna i gruppens projektområde enligt den dagens "
        "kommunförteckning; en anmärkning räknar upp områdets kommuner som saknar företrädare.",
        en="Every regional group has, on the checked day, a member (a municipality, a municipal "
        "body or a joint municipal authority) from the municipalities of its project area, "
        "by the municipality list of that day; an info lists the area's municipalities not "
        "represented.",
    ),
)
def g06(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.REGIONAL):
        area = ctx.group_area(group)
        if area is None:
            yield ctx.unknown(group, _area_missing(group))
            continue
        represented = frozenset(
            code
            for a in ctx.member_actors(group)
            if a.kind in MUNICIPAL_ACTORS
            for listed in a.municipalities
            if (code := ctx.municipality_now(listed)) is not None and code in area
        )
        if represented:
            yield ctx.passed(group, represented=represented)
        else:
            yield ctx.failed(
                group, area_size=len(area), represented=represented, area=_area(ctx, group)
            )
        missing = area - represented
        if missing:
            names_fi, names_sv = _names(ctx, missing)
            yield ctx.noted(group, codes=sorted(missing), names_fi=names_fi, names_sv=names_sv)


@rule(
    id="LAPE-G07",
    severity=Severity.ERROR,
    subjects="group",
    in_force=GROUPS_TERM,
    source=_REGIONAL_MEMBERS,
    title=Text(
        fi="Maakunnan lape-ryhmässä on alueen sairaanhoitopiiri",
        sv="Landskapets grupp har ett sjukvårdsdistrikt från regionen",
        en="A regional group includes a hospital district of its area",
    ),
    message=Text(
        fi="{subject}: ryhmässä ei ole sairaanhoitopiiriä, jonka jäsenkuntia alueella on "
        "(alueen piirit: {expected})",
        sv="{subject}: gruppen har inget sjukvårdsdistrikt med medlemskommuner i området "
        "(områdets distrikt: {expected})",
        en="{subject}: the group has no hospital district with member municipalities in its "
        "area (the area's districts: {expected})",
    ),
    note=Text(
        fi="{subject}: alueen muut sairaanhoitopiirit, jotka eivät ole ryhmässä: {others}",
        sv="{subject}: områdets övriga sjukvårdsdistrikt som inte finns i gruppen: {others}",
        en="{subject}: the area's other hospital districts not in the group: {others}",
    ),
    tags=("groups", "composition", "regional_group"),
    condition=Text(
        fi="Jokaisessa maakunnan lape-ryhmässä on tarkistuspäivänä sairaanhoitopiiri, jonka "
        "jäsenkuntia on ryhmän hankealueella; huomio luettelee alueen muut piirit.",
        sv="Varje landskapsgrupp har på kontrolldagen ett sjukvårdsdistrikt med "
        "medlemskommuner i gruppens projektområde; en anmärkning räknar upp områdets övriga "
        "distrikt.",
        en="Every regional group includes, on the checked day, a hospital district with member "
        "municipalities in its project area; an info lists the area's other districts.",
    ),
)
def g07(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.REGIONAL):
        area = ctx.group_area(group)
        if area is None:
            yield ctx.unknown(group, _area_missing(group))
            continue
        expected = ctx.geography.hospital_districts_of(area)
        districts = [a for a in ctx.member_actors(group) if a.kind is ActorKind.HOSPITAL_DISTRICT]
        present = frozenset(a.hospital_district for a in districts if a.hospital_district)
        if present & expected:
            yield ctx.passed(group, present=present)
        elif any(a.hospital_district is None for a in districts):
            missing = [f"hospital_district of actor {a.id}" for a in districts]
            yield ctx.unknown(group, missing, expected=expected)
            continue
        else:
            yield ctx.failed(group, present=present, expected=expected)
        others = expected - present
        if others:
            yield ctx.noted(group, others=others)


g08 = _kind_rule(
    "LAPE-G08",
    GroupKind.REGIONAL,
    ActorKind.ORGANISATION,
    ("järjestö", "organisation", "organisation"),
)
g09 = _kind_rule(
    "LAPE-G09",
    GroupKind.REGIONAL,
    ActorKind.EDUCATIONAL_INSTITUTION,
    ("oppilaitos", "läroinrättning", "educational institution"),
)
g10 = _kind_rule(
    "LAPE-G10",
    GroupKind.REGIONAL,
    ActorKind.COMPETENCE_CENTRE,
    ("sosiaalialan osaamiskeskus", "kompetenscentrum", "competence centre"),
)
g11 = _kind_rule(
    "LAPE-G11", GroupKind.REGIONAL, ActorKind.PARISH, ("seurakunta", "församling", "parish")
)


# -- mandate and links ---------------------------------------------------------

_NO_MANDATE = Text(
    fi="ryhmällä ei ole valtuutusta",
    sv="gruppen har ingen fullmakt",
    en="the group holds no mandate",
)
_OTHER_GRANTOR = Text(
    fi="valtuutuksen on antanut muu kuin ryhmän oma kunta tai maakunta",
    sv="fullmakten är given av någon annan än gruppens egen kommun eller eget landskap",
    en="the mandate was given by another than the group's own municipality or region",
)
_DECIDED_LATER = Text(
    fi="valtuutuksesta päätettiin vasta tarkistuspäivän jälkeen",
    sv="fullmakten beslutades först efter kontrolldagen",
    en="the mandate was decided only after the checked day",
)


@rule(
    id="LAPE-G12",
    severity=Severity.ERROR,
    subjects="group",
    in_force=GROUPS_TERM,
    source=_MANDATE,
    title=Text(
        fi="Ryhmällä on valtuutus omalta kunnaltaan tai maakunnaltaan",
        sv="Gruppen har fullmakt från sin egen kommun eller sitt eget landskap",
        en="A group holds a mandate from its own municipality or region",
    ),
    message=Text(
        fi="{subject}: {problem} (oma alue: {expected}; valtuutuksen antaja: {observed}; "
        "päätetty: {decided})",
        sv="{subject}: {problem} (eget område: {expected}; fullmakt given av: {observed}; "
        "beslutad: {decided})",
        en="{subject}: {problem} (own area: {expected}; mandate given by: {observed}; "
        "decided: {decided})",
    ),
    tags=("groups", "mandate", "municipal_group", "regional_group"),
    condition=Text(
        fi="Jokaisella kunnan ja maakunnan lape-ryhmällä on tarkistuspäivänä valtuutus, jonka "
        "on antanut sen oma kunta (kunnan ryhmä) tai oma maakunta (maakunnan ryhmä) ja josta "
        "on päätetty viimeistään tarkistuspäivänä.",
        sv="Varje kommunal grupp och landskapsgrupp har på kontrolldagen en fullmakt som dess "
        "egen kommun (den kommunala gruppen) eller eget landskap (landskapsgruppen) har gett "
        "och som beslutades senast på kontrolldagen.",
        en="Every municipal and regional group holds, on the checked day, a mandate given by "
        "its own municipality (a municipal group) or region (a regional group) and decided on "
        "or before that day.",
    ),
)
def g12(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.MUNICIPAL, GroupKind.REGIONAL):
        municipal = group.kind is GroupKind.MUNICIPAL
        own = group.municipality if municipal else group.region
        if own is None:
            yield ctx.unknown(group, ["municipality" if municipal else "region"])
            continue
        mandate = group.mandate
        evidence: dict[str, Any] = {"expected": own, "observed": None, "decided": None}
        if mandate is None:
            yield ctx.failed(group, at=".mandate", problem=_NO_MANDATE, **evidence)
            continue
        given_by = mandate.municipality if municipal else mandate.region
        evidence["observed"] = mandate.municipality or mandate.region
        evidence["decided"] = mandate.decided
        if mandate.municipality is None and mandate.region is None:
            yield ctx.unknown(group, ["mandate.municipality" if municipal else "mandate.region"])
            continue
        if municipal and given_by is not None:
            # the grantor is compared as the municipalities were when the mandate was
            # decided: a merged municipality's own mandate is not its successor's
            day = mandate.decided or ctx.as_of
            geo = ctx.geography
            same = geo.municipality_on(given_by, day) == geo.municipality_on(own, day)
        else:
            same = given_by == own
        if not same:
            yield ctx.failed(group, at=".mandate", problem=_OTHER_GRANTOR, **evidence)
            continue
        if ctx.mandate_in_effect(mandate):
            yield ctx.passed(group, **evidence)
        else:
            yield ctx.failed(group, at=".mandate.decided", problem=_DECIDED_LATER, **evidence)


@rule(
    id="LAPE-G13",
    severity=Severity.WARNING,
    subjects="group",
    in_force=GROUPS_TERM,
    source=_MUNICIPAL_LINK,
    title=Text(
        fi="Kunnan lape-ryhmä toimii yhdessä oman hankealueensa maakunnallisen ryhmän kanssa",
        sv="Kommunens grupp samverkar med landskapsgruppen i sitt eget projektområde",
        en="A municipal group is linked to the regional group of its own project area",
    ),
    message=Text(
        fi="{subject}: ryhmä ei ole yhteydessä hankealueensa {area} maakunnalliseen ryhmään "
        "(alueen ryhmät: {regional_groups}; yhteydet muiden alueiden ryhmiin: {linked})",
        sv="{subject}: gruppen är inte kopplad till landskapsgruppen i sitt projektområde "
        "{area} (områdets grupper: {regional_groups}; kopplingar till andra områdens "
        "grupper: {linked})",
        en="{subject}: the group is not linked to the regional group of its project area "
        "{area} (the area's groups: {regional_groups}; links to other areas' groups: "
        "{linked})",
    ),
    tags=("groups", "links", "municipal_group"),
    condition=Text(
        fi="Jokainen kunnan lape-ryhmä on tarkistuspäivänä yhteydessä sen hankealueen "
        "maakunnalliseen ryhmään, johon kunta kuuluu (pääkaupunkiseudun kunta "
        "pääkaupunkiseudun ryhmään, muu Uudenmaan kunta muun Uudenmaan ryhmään).",
        sv="Varje kommunal grupp är på kontrolldagen kopplad till landskapsgruppen i det "
        "projektområde kommunen hör till (en kommun i huvudstadsregionen till "
        "huvudstadsregionens grupp, en annan nyländsk kommun till övriga Nylands grupp).",
        en="Every municipal group is linked, on the checked day, to the regional group of the "
        "project area its municipality belongs to (a capital-region municipality to the "
        "capital region's group, another Uusimaa municipality to the rest of Uusimaa's).",
    ),
)
def g13(ctx: Context) -> Iterator[Outcome]:
    regional = {g.id: g for g in ctx.groups(GroupKind.REGIONAL)}
    area_of = {gid: ctx.group_project_area(g) for gid, g in regional.items()}
    groups_of_area: dict[str, list[str]] = {}
    for gid, area in area_of.items():
        if area is not None:
            groups_of_area.setdefault(area.id, []).append(gid)
    for group in ctx.groups(GroupKind.MUNICIPAL):
        if group.municipality is None:
            yield ctx.unknown(group, ["municipality"])
            continue
        area = ctx.group_project_area(group)
        if area is None:
            yield ctx.unknown(group, [f"project area of municipality {group.municipality}"])
            continue
        linked = [gid for gid in sorted(ctx.index.cooperation_of(group.id)) if gid in regional]
        if any(_same_area(area_of[gid], area) for gid in linked):
            yield ctx.passed(group)
            continue
        undecided = [
            gid for gid in linked if area_of[gid] is None and regional[gid].region == area.region
        ]
        if undecided:
            yield ctx.unknown(group, [f"project_area of group {gid}" for gid in undecided])
            continue
        yield ctx.failed(
            group,
            project_area=area.id,
            area=area,
            regional_groups=groups_of_area.get(area.id, []),
            linked=linked,
        )


def _same_area(a: ProjectArea | None, b: ProjectArea) -> bool:
    return a is not None and a.id == b.id


@rule(
    id="LAPE-G14",
    severity=Severity.WARNING,
    subjects="group",
    in_force=GROUPS_TERM,
    source=_REGIONAL_LINK,
    title=Text(
        fi="Maakunnan lape-ryhmä toimii yhdessä sote-valmistelun ja ohjelman kansallisen "
        "johdon kanssa",
        sv="Landskapets grupp samarbetar med beredningen av vårdreformen och programmets "
        "nationella ledning",
        en="A regional group is linked to the region's reform preparation and to the national "
        "programme leadership",
    ),
    message=Text(
        fi="{subject}: ryhmältä puuttuu yhteys: {missing_links}",
        sv="{subject}: gruppen saknar koppling till: {missing_links}",
        en="{subject}: the group has no link to: {missing_links}",
    ),
    tags=("groups", "links", "regional_group"),
    condition=Text(
        fi="Jokainen maakunnan lape-ryhmä on tarkistuspäivänä yhteydessä maakuntansa sote-"
        "uudistuksen valmisteluun ja ohjelman kansalliseen johtoon (ryhmiin, jotka ovat sinä "
        "päivänä toiminnassa).",
        sv="Varje landskapsgrupp är på kontrolldagen kopplad till beredningen av vårdreformen "
        "i sitt landskap och till programmets nationella ledning (grupper som är verksamma "
        "den dagen).",
        en="Every regional group is linked, on the checked day, to its region's reform "
        "preparation and to the programme's national leadership (groups at work on that day).",
    ),
)
def g14(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.REGIONAL):
        linked = [ctx.index.group(gid) for gid in ctx.index.cooperation_of(group.id)]
        kinds_linked = {
            g.kind
            for g in linked
            if g is not None
            and ctx.active(g.period)
            and (g.kind is GroupKind.NATIONAL or g.region in (None, group.region))
        }
        missing = [
            kind
            for kind in (GroupKind.REFORM_PREPARATION, GroupKind.NATIONAL)
            if kind not in kinds_linked
        ]
        if missing:
            yield ctx.failed(group, missing_links=missing)
        else:
            yield ctx.passed(group)


@rule(
    id="LAPE-G15",
    severity=Severity.WARNING,
    subjects="group",
    in_force=GROUPS_TERM,
    source=_REGIONAL_MEMBERS,
    title=Text(
        fi="Jäsen kuuluu ryhmän omaan kuntaan tai hankealueeseen (tai on valtakunnallinen)",
        sv="Medlemmen hör till gruppens egen kommun eller eget projektområde (eller är nationell)",
        en="A member belongs to the group's own municipality or project area (or is national)",
    ),
    message=Text(
        fi="{subject}: jäsen {actor} ei kuulu ryhmän alueeseen {area} (jäsenen alueet: {observed})",
        sv="{subject}: medlemmen {actor} hör inte till gruppens område {area} "
        "(medlemmens områden: {observed})",
        en="{subject}: member {actor} does not belong to the group's area {area} "
        "(the member's areas: {observed})",
    ),
    tags=("groups", "composition", "municipal_group", "regional_group"),
    condition=Text(
        fi="Jokainen kunnan tai maakunnan lape-ryhmän jäsen kuuluu tarkistuspäivänä ryhmän "
        "alueeseen: kunnan ryhmässä sen kuntaan, maakunnan ryhmässä sen hankealueeseen "
        "(pääkaupunkiseutu ja muu Uusimaa ovat eri alueita); valtakunnalliset toimijat käyvät "
        "kaikkiin ryhmiin.",
        sv="Varje medlem i en kommunal grupp eller landskapsgrupp hör på kontrolldagen till "
        "gruppens område: den kommunala gruppens kommun, landskapsgruppens projektområde "
        "(huvudstadsregionen och övriga Nyland är olika områden); nationella aktörer passar "
        "i alla grupper.",
        en="Every member of a municipal or regional group belongs, on the checked day, to the "
        "group's area: a municipal group's municipality, a regional group's project area (the "
        "capital region and the rest of Uusimaa are two areas); national actors fit any group.",
    ),
)
def g15(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.MUNICIPAL, GroupKind.REGIONAL):
        area = ctx.group_area(group)
        if area is None:
            yield ctx.unknown(group, _area_missing(group))
            continue
        shown = _area(ctx, group)
        for i, _, actor in ctx.members(group):
            if actor is None or not ctx.active(actor.period):
                continue  # LAPE-S01 reports a dangling ID; an actor not in effect has no seat
            at = f".members[{i}]"
            places = ctx.places(actor)
            if actor.working_level is Level.NATIONAL or (places is not None and places & area):
                yield ctx.passed(group)
            elif places is None:
                yield ctx.unknown(group, [f"municipalities or region of actor {actor.id}"], at=at)
            else:
                county = () if actor.county is None else (actor.county,)
                observed = sorted({*actor.municipalities, *ctx.actor_regions(actor), *county})
                yield ctx.failed(group, at=at, actor=actor.id, observed=observed, area=shown)


RULES: tuple[Rule, ...] = (
    g01,
    g02,
    g03,
    g04,
    g05,
    g06,
    g07,
    g08,
    g09,
    g10,
    g11,
    g12,
    g13,
    g14,
    g15,
)
