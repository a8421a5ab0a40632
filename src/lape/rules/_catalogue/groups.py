"""LAPE-G01..G15: development groups, their composition and mandate (2016-2018).

Seed 001 (STM, 23.6.2016) says who sits in the municipal and the regional
groups, that municipalities and regions give them a mandate, and whom they
work with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lape.model import Actor, ActorKind, Group, GroupKind, Level, MemberRole, Sector, Severity
from lape.rules._catalogue._common import GROUPS_TERM, SEED_001, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, rule
from lape.rules._text import Text

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
_SAME_AREA = seed(
    SEED_001,
    "Grupperna inrättas både på kommunnivå och på landskapsnivå.",
)

_MUNICIPAL_KINDS = frozenset(
    {ActorKind.MUNICIPALITY, ActorKind.MUNICIPAL_BODY, ActorKind.JOINT_MUNICIPAL_AUTHORITY}
)


# -- composition: a member of a required sector or kind ----------------------


def _sector_rule(rule_id: str, sector_fi: str, sector_sv: str, sector_en: str) -> Rule:
    parameter = f"{rule_id}.sectors"

    def check(ctx: Context) -> Iterator[Outcome]:
        required: frozenset[Sector] = ctx.value(parameter)
        for group in ctx.groups(GroupKind.MUNICIPAL):
            observed = ctx.member_sectors(group)
            if required <= observed:
                yield ctx.passed(group)
                continue
            # An organisation or a parish is not a sector of the municipality; only the
            # municipality's own bodies leave the question open when their sector is not given.
            not_given = [
                a.id
                for a in ctx.member_actors(group)
                if a.sectors is None and a.kind in _MUNICIPAL_KINDS
            ]
            if not_given:
                missing = [f"sectors of actor {actor_id}" for actor_id in not_given]
                yield ctx.unknown(group, missing, observed=observed, required=required)
            else:
                yield ctx.failed(group, observed=observed, required=required)

    return rule(
        id=rule_id,
        severity=Severity.ERROR,
        subjects="group",
        in_force=GROUPS_TERM,
        source=_MUNICIPAL_MEMBERS,
        title=Text(
            fi=f"Kunnan lape-ryhmässä on jäsen {sector_fi}",
            sv=f"Kommunens grupp har en medlem från {sector_sv}",
            en=f"A municipal group has a member from the {sector_en}",
        ),
        message=Text(
            fi=f"{{subject}}: ryhmässä ei ole jäsentä {sector_fi} "
            "(jäsenten toimialat: {observed}; vaaditaan: {required})",
            sv=f"{{subject}}: gruppen har ingen medlem från {sector_sv} "
            "(medlemmarnas sektorer: {observed}; krävs: {required})",
            en=f"{{subject}}: the group has no member from the {sector_en} "
            "(members' sectors: {observed}; required: {required})",
        ),
        tags=("groups", "composition", "municipal_group"),
        parameters=(parameter,),
    )(check)


g01 = _sector_rule(
    "LAPE-G01",
    "sosiaali- ja terveystoimesta",
    "social- och hälsovårdsväsendet",
    "social and health sector",
)
g02 = _sector_rule(
    "LAPE-G02",
    "sivistys- ja nuorisotoimesta",
    "bildnings- och ungdomsväsendet",
    "education and youth sector",
)


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
        for group in ctx.groups(group_kind):
            kinds = ctx.member_kinds(group)
            if actor_kind in kinds:
                yield ctx.passed(group)
            else:
                yield ctx.failed(group, observed=kinds, required=actor_kind)

    group_fi, group_sv, group_en = (
        ("Kunnan lape-ryhmässä", "Kommunens grupp", "A municipal group")
        if municipal
        else ("Maakunnan lape-ryhmässä", "Landskapets grupp", "A regional group")
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
    )(check)


g03 = _kind_rule(
    "LAPE-G03",
    GroupKind.MUNICIPAL,
    ActorKind.ORGANISATION,
    ("järjestö", "organisation", "organisation"),
)
g04 = _kind_rule(
    "LAPE-G04", GroupKind.MUNICIPAL, ActorKind.PARISH, ("seurakunta", "församling", "parish")
)


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
        fi="{subject}: ryhmässä ei ole nuorten edustajaa (nuorisovaltuuston jäsentä tai "
        "kokemusasiantuntijaa)",
        sv="{subject}: gruppen har ingen representant för de unga (medlem i ungdomsfullmäktige "
        "eller erfarenhetsexpert)",
        en="{subject}: the group has no youth representative (a youth council member or an "
        "experience expert)",
    ),
    tags=("groups", "composition", "youth", "municipal_group", "regional_group"),
    parameters=("LAPE-G05.youth_kinds",),
)
def g05(ctx: Context) -> Iterator[Outcome]:
    youth_kinds: frozenset[ActorKind] = ctx.value("LAPE-G05.youth_kinds")
    for group in ctx.groups(GroupKind.MUNICIPAL, GroupKind.REGIONAL):
        seats = list(ctx.members(group))
        found = any(
            m.role is MemberRole.YOUTH_REPRESENTATIVE or (a is not None and a.kind in youth_kinds)
            for _, m, a in seats
        )
        if found:
            yield ctx.passed(group)
        else:
            kinds = frozenset(a.kind for _, _, a in seats if a is not None)
            yield ctx.failed(group, observed=kinds, required=youth_kinds)


# -- regional groups: the area's municipalities and hospital districts ---------


def _area(ctx: Context, group: Group) -> frozenset[str]:
    return ctx.municipalities_of_area(group.region, group.project_area)


def _municipality_names(ctx: Context, codes: frozenset[str]) -> list[str]:
    names = []
    for code in sorted(codes):
        m = ctx.geography.municipality(code)
        names.append(m.name_fi if m is not None else code)
    return names


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
        fi="{subject}: ryhmässä ei ole jäsentä alueen kunnista ({area_size} kuntaa)",
        sv="{subject}: gruppen har ingen medlem från regionens kommuner ({area_size} kommuner)",
        en="{subject}: the group has no member from its area's municipalities "
        "({area_size} municipalities)",
    ),
    note=Text(
        fi="{subject}: alueen kunnat, joilla ei ole edustajaa ryhmässä: {not_represented}",
        sv="{subject}: regionens kommuner som inte är företrädda i gruppen: {not_represented}",
        en="{subject}: the area's municipalities not represented in the group: {not_represented}",
    ),
    tags=("groups", "composition", "regional_group"),
)
def g06(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.REGIONAL):
        area = _area(ctx, group)
        if not area:
            yield ctx.unknown(group, ["region or project_area"])
            continue
        represented = frozenset(
            code
            for a in ctx.member_actors(group)
            if a.kind in _MUNICIPAL_KINDS
            for code in a.municipalities
            if code in area
        )
        if not represented:
            yield ctx.failed(group, area_size=len(area), represented=represented)
            continue
        yield ctx.passed(group, represented=represented)
        missing = area - represented
        if missing:
            names = _municipality_names(ctx, missing)
            yield ctx.noted(group, not_represented=names, codes=sorted(missing))


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
        sv="{subject}: gruppen har inget sjukvårdsdistrikt med medlemskommuner i regionen "
        "(regionens distrikt: {expected})",
        en="{subject}: the group has no hospital district with member municipalities in its "
        "area (the area's districts: {expected})",
    ),
    note=Text(
        fi="{subject}: alueen muut sairaanhoitopiirit, jotka eivät ole ryhmässä: {others}",
        sv="{subject}: regionens övriga sjukvårdsdistrikt som inte finns i gruppen: {others}",
        en="{subject}: the area's other hospital districts not in the group: {others}",
    ),
    tags=("groups", "composition", "regional_group"),
)
def g07(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.REGIONAL):
        area = _area(ctx, group)
        if not area:
            yield ctx.unknown(group, ["region or project_area"])
            continue
        expected = ctx.geography.hospital_districts_of(area)
        districts = [a for a in ctx.member_actors(group) if a.kind is ActorKind.HOSPITAL_DISTRICT]
        present = frozenset(a.hospital_district for a in districts if a.hospital_district)
        if present & expected:
            yield ctx.passed(group, present=present)
            others = expected - present
            if others:
                yield ctx.noted(group, others=others)
        elif any(a.hospital_district is None for a in districts):
            missing = [f"hospital_district of actor {a.id}" for a in districts]
            yield ctx.unknown(group, missing, expected=expected)
        else:
            yield ctx.failed(group, present=present, expected=expected)


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
        fi="{subject}: ryhmällä ei ole valtuutusta omalta alueeltaan {expected} "
        "(valtuutuksen antaja: {observed})",
        sv="{subject}: gruppen har ingen fullmakt från sitt eget område {expected} "
        "(fullmakt given av: {observed})",
        en="{subject}: the group holds no mandate from its own area {expected} "
        "(mandate given by: {observed})",
    ),
    tags=("groups", "mandate", "municipal_group", "regional_group"),
)
def g12(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.MUNICIPAL, GroupKind.REGIONAL):
        municipal = group.kind is GroupKind.MUNICIPAL
        own = group.municipality if municipal else group.region
        if own is None:
            yield ctx.unknown(group, ["municipality" if municipal else "region"])
            continue
        mandate = group.mandate
        given_by = None
        if mandate is not None:
            given_by = mandate.municipality if municipal else mandate.region
        if given_by == own:
            yield ctx.passed(group)
        else:
            observed = (mandate.municipality or mandate.region) if mandate else None
            yield ctx.failed(group, at=".mandate", expected=own, observed=observed)


@rule(
    id="LAPE-G13",
    severity=Severity.WARNING,
    subjects="group",
    in_force=GROUPS_TERM,
    source=_MUNICIPAL_LINK,
    title=Text(
        fi="Kunnan lape-ryhmä toimii yhdessä maakunnan lape-ryhmän kanssa",
        sv="Kommunens grupp samverkar med landskapets grupp",
        en="A municipal group is linked to its region's regional group",
    ),
    message=Text(
        fi="{subject}: ryhmä ei ole yhteydessä maakuntansa ({region}) lape-ryhmään "
        "(maakunnan ryhmät: {regional_groups})",
        sv="{subject}: gruppen är inte kopplad till landskapets ({region}) grupp "
        "(landskapets grupper: {regional_groups})",
        en="{subject}: the group is not linked to its region's ({region}) regional group "
        "(the region's groups: {regional_groups})",
    ),
    tags=("groups", "links", "municipal_group"),
)
def g13(ctx: Context) -> Iterator[Outcome]:
    regional_of: dict[str, list[str]] = {}
    for g in ctx.groups(GroupKind.REGIONAL):
        if g.region is not None:
            regional_of.setdefault(g.region, []).append(g.id)
    for group in ctx.groups(GroupKind.MUNICIPAL):
        if group.municipality is None:
            yield ctx.unknown(group, ["municipality"])
            continue
        region = ctx.geography.region_of(group.municipality, ctx.as_of)
        if region is None:
            yield ctx.unknown(group, [f"region of municipality {group.municipality}"])
            continue
        candidates = regional_of.get(region, [])
        if ctx.index.cooperation_of(group.id) & set(candidates):
            yield ctx.passed(group)
        else:
            yield ctx.failed(group, region=region, regional_groups=candidates)


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
)
def g14(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.REGIONAL):
        linked = [ctx.index.group(gid) for gid in ctx.index.cooperation_of(group.id)]
        kinds_linked = {
            g.kind
            for g in linked
            if g is not None and (g.kind is GroupKind.NATIONAL or g.region in (None, group.region))
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
    source=_SAME_AREA,
    title=Text(
        fi="Jäsen kuuluu ryhmän omaan kuntaan tai maakuntaan (tai on valtakunnallinen)",
        sv="Medlemmen hör till gruppens egen kommun eller eget landskap (eller är nationell)",
        en="A member belongs to the group's own municipality or region (or is national)",
    ),
    message=Text(
        fi="{subject}: jäsen {actor} ei kuulu ryhmän alueeseen {area} (jäsenen alueet: {observed})",
        sv="{subject}: medlemmen {actor} hör inte till gruppens område {area} "
        "(medlemmens områden: {observed})",
        en="{subject}: member {actor} does not belong to the group's area {area} "
        "(the member's areas: {observed})",
    ),
    tags=("groups", "composition", "municipal_group", "regional_group"),
)
def g15(ctx: Context) -> Iterator[Outcome]:
    for group in ctx.groups(GroupKind.MUNICIPAL, GroupKind.REGIONAL):
        belongs = _belongs_to(ctx, group)
        if belongs is None:
            missing = "municipality" if group.kind is GroupKind.MUNICIPAL else "region"
            yield ctx.unknown(group, [missing])
            continue
        area = group.municipality if group.kind is GroupKind.MUNICIPAL else group.region
        for i, _, actor in ctx.members(group):
            if actor is None:
                continue  # LAPE-S01 reports it
            at = f".members[{i}]"
            if actor.working_level is Level.NATIONAL or belongs(actor):
                yield ctx.passed(group)
            elif not (actor.municipalities or actor.region or actor.county):
                yield ctx.unknown(group, [f"municipalities or region of actor {actor.id}"], at=at)
            else:
                observed = sorted({*actor.municipalities, *ctx.actor_regions(actor)})
                yield ctx.failed(group, at=at, actor=actor.id, area=area, observed=observed)


def _belongs_to(ctx: Context, group: Group) -> Callable[[Actor], bool] | None:
    if group.kind is GroupKind.MUNICIPAL:
        if group.municipality is None:
            return None
        code = group.municipality
        region = ctx.geography.region_of(code, ctx.as_of)
        return lambda a: (
            code in a.municipalities
            or (region is not None and not a.municipalities and region in ctx.actor_regions(a))
        )
    if group.region is None:
        return None
    region_code = group.region
    return lambda a: region_code in ctx.actor_regions(a)


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
