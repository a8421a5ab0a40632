"""LAPE-C01..C06: change agents (muutosagentit / förändringsagenter), in force from 2016.

A region that has set up its development groups may hire one change agent;
the region's municipalities together choose the employer organisation and
STM pays the salary, for the 2016-2018 term and, through a separate grant
round, for 2019 (seed 001; STM press release 127/2018). From 2020 the regions
continue the work in their own organisations (seed 002).

"STM-funded" means that the agent's ``salary_payer`` is an actor whose
``body`` is :attr:`~lape.model.NationalBody.STM`, or that the agent's
``pool`` is a LAPE pool of kind
:attr:`~lape.model.GrantKind.CHANGE_AGENT_SUBSIDY`. When neither names a
known actor or pool, a rule that must know who pays reports the agent as
*unknown* (missing ``salary_payer``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import attrs

from lape.model import (
    ChangeAgent,
    GrantKind,
    Group,
    GroupKind,
    MunicipalityCode,
    NationalBody,
    Period,
    Programme,
    RegionCode,
    Severity,
)
from lape.rules._catalogue._common import FROM_2016, SEED_001, SEED_002, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, rule
from lape.rules._text import Text

__all__ = ["RULES"]

FROM_2020 = Period(start=dt.date(2020, 1, 1))
"""From 2020 STM pays no change-agent salaries (seed 002)."""

_TAGS = ("change_agents",)


# -- shared look-ups ---------------------------------------------------------


@attrs.frozen
class _Funding:
    """Whether STM pays an agent's salary: ``stm`` is ``None`` when the snapshot
    does not tell; ``via`` names the actor or pool that shows STM pays."""

    stm: bool | None
    via: tuple[str, ...] = ()


def _funding(ctx: Context, agent: ChangeAgent) -> _Funding:
    """Whether ``agent`` is STM-funded, from its salary payer and its pool."""
    known = False
    via: list[str] = []
    if agent.salary_payer is not None:
        payer = ctx.index.actor(agent.salary_payer)
        if payer is not None:
            known = True
            if payer.body is NationalBody.STM:
                via.append(payer.id)
    if agent.pool is not None:
        pool = ctx.pool(agent.pool)
        if pool is not None:
            known = True
            if pool.programme is Programme.LAPE and pool.kind is GrantKind.CHANGE_AGENT_SUBSIDY:
                via.append(pool.id)
    if via:
        return _Funding(True, tuple(via))
    return _Funding(False if known else None)


def _project_area(ctx: Context, agent: ChangeAgent) -> str | None:
    """The agent's project area: its own, or its region's only one (``None``: not known,
    e.g. Uusimaa, which had two, or Åland, which had none)."""
    if agent.project_area is not None:
        return agent.project_area
    areas = [a.id for a in ctx.geography.project_areas.values() if a.region == agent.region]
    return areas[0] if len(areas) == 1 else None


def _region_names(ctx: Context, code: RegionCode) -> dict[str, str]:
    """``region_fi``, ``region_sv`` and ``region_en`` for messages (the code when unknown)."""
    region = ctx.geography.regions.get(code)
    if region is None:
        return {"region_fi": code, "region_sv": code, "region_en": code}
    return {"region_fi": region.name_fi, "region_sv": region.name_sv, "region_en": region.name_en}


def _area_names(ctx: Context, area_id: str) -> dict[str, str]:
    """``area_fi``, ``area_sv`` and ``area_en`` of a project area (the ID when unknown)."""
    area = ctx.geography.project_areas.get(area_id)
    if area is None:
        return {"area_fi": area_id, "area_sv": area_id, "area_en": area_id}
    return {"area_fi": area.name_fi, "area_sv": area.name_sv, "area_en": area.name_en}


def _municipality_names(
    ctx: Context, codes: Sequence[MunicipalityCode]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The Finnish and the Swedish names of municipalities, in the order given."""
    fi: list[str] = []
    sv: list[str] = []
    for code in codes:
        m = ctx.geography.municipality(code)
        fi.append(code if m is None else m.name_fi)
        sv.append(code if m is None else m.name_sv)
    return tuple(fi), tuple(sv)


def _represented(ctx: Context, code: MunicipalityCode, listed: set[MunicipalityCode]) -> bool:
    """Whether municipality ``code`` is in ``listed``, itself or, when it has merged into
    another by the checked day, through the municipality it merged into."""
    seen: set[str] = set()
    while code not in listed:
        m = ctx.geography.municipality(code)
        if m is None or m.successor is None or m.ceased is None or m.ceased > ctx.as_of:
            return False
        if code in seen:
            return False
        seen.add(code)
        code = m.successor
    return True


def _missing_salary_payer(ctx: Context, agent: ChangeAgent) -> Outcome:
    return ctx.unknown(agent, missing=["salary_payer"])


# -- LAPE-C01 ------------------------------------------------------------------


def _regional_groups(ctx: Context, agent: ChangeAgent) -> list[Group]:
    """The regional groups of the agent's region (and project area, when it has one),
    whatever their period: the check compares them with the agent's start."""
    return [
        g
        for g in ctx.snapshot.groups
        if g.kind is GroupKind.REGIONAL
        and g.region == agent.region
        and (agent.project_area is None or g.project_area in (None, agent.project_area))
    ]


@rule(
    id="LAPE-C01",
    severity=Severity.ERROR,
    subjects="change_agent",
    in_force=FROM_2016,
    source=seed(
        SEED_001,
        "De landskap som har inrättat grupper kan anställa en förändringsagent som stöd i arbetet",
    ),
    title=Text(
        fi="Muutosagentin voi palkata vain maakunta, jolla on valtuutettu maakunnallinen ryhmä",
        sv="Endast ett landskap som har en befullmäktigad landskapsgrupp kan anställa "
        "en förändringsagent",
        en="A change agent is hired only by a region that has a mandated regional group",
    ),
    message=Text(
        fi="{subject}: kun muutosagentti aloitti {start}, maakunnalla ei ollut maakunnallista "
        "lapsi- ja perhepalveluiden kehittämisryhmää, jolle maakunta olisi antanut valtuutuksen "
        "(maakunta: {region_fi} ({region}); maakunnan ryhmät: {groups})",
        sv="{subject}: när förändringsagenten började {start} hade landskapet {region_sv} "
        "({region}) ingen landskapsgrupp för utveckling av barn- och familjetjänster med "
        "fullmakt från landskapet (landskapets grupper: {groups})",
        en="{subject}: when the change agent started on {start}, region {region_en} ({region}) "
        "had no regional development group with a mandate from the region "
        "(the region's groups: {groups})",
    ),
    tags=(*_TAGS, "mandate"),
)
def c01(ctx: Context) -> Iterator[Outcome]:
    """A change agent is hired only by a region that has a mandated regional group.

    Seed 001: «De landskap som har inrättat grupper kan anställa en
    förändringsagent som stöd i arbetet» and «Kommunerna och landskapen ska ge
    grupperna fullmakt att styra utvecklingsarbetet i regionen». A regional
    group of the agent's region (of its project area, or of no particular
    area) must have been at work on the agent's first day (its period, if
    any, contains it) and hold a mandate from the region decided no later
    than that day (when the decision date is given).
    """
    for agent in ctx.snapshot.change_agents:
        start = agent.employment.start
        groups = _regional_groups(ctx, agent)
        unknown_grantor: list[str] = []
        mandated = False
        for g in groups:
            mandate = g.mandate
            if g.period is not None and not g.period.contains(start):
                continue
            if mandate is None or (mandate.decided is not None and mandate.decided > start):
                continue
            if mandate.region == agent.region:
                mandated = True
                break
            if mandate.region is None and mandate.municipality is None:
                unknown_grantor.append(f"mandate region of group {g.id}")
        if mandated:
            yield ctx.passed(agent)
        elif unknown_grantor:
            yield ctx.unknown(agent, missing=unknown_grantor)
        else:
            yield ctx.failed(
                agent,
                at=".employment.start",
                region=agent.region,
                **_region_names(ctx, agent.region),
                project_area=agent.project_area,
                start=start,
                groups=tuple(g.id for g in groups),
            )


# -- LAPE-C02 ------------------------------------------------------------------


@rule(
    id="LAPE-C02",
    severity=Severity.ERROR,
    subjects="change_agent",
    in_force=FROM_2016,
    source=seed(
        SEED_001,
        "Varje landskap som inrättar grupper av ovannämnda slag kan som stöd i arbetet "
        "anställa en förändringsagent",
    ),
    title=Text(
        fi="Hankealueella on kerrallaan enintään yksi STM:n rahoittama muutosagentti",
        sv="Ett projektområde har högst en förändringsagent åt gången som SHM finansierar",
        en="At most one STM-funded change agent per project area at any one time",
    ),
    message=Text(
        fi="{subject}: samalla hankealueella ({area_fi}) työskentelee samaan aikaan "
        "({employment}) myös toinen STM:n rahoittama muutosagentti: {others}",
        sv="{subject}: i projektområdet {area_sv} arbetar samtidigt ({employment}) också en "
        "annan förändringsagent som SHM finansierar: {others}",
        en="{subject}: another STM-funded change agent works in project area {area_en} at the "
        "same time ({employment}): {others}",
    ),
    tags=(*_TAGS, "stm_funding"),
)
def c02(ctx: Context) -> Iterator[Outcome]:
    """At most one STM-funded change agent per project area at any one time.

    Seed 001: «Varje landskap som inrättar grupper av ovannämnda slag kan som
    stöd i arbetet anställa en förändringsagent»; there were 19 agents, one per
    project area, the capital region applying separately from the rest of
    Uusimaa (STM press release 127/2018). An agent's project area is its own
    ``project_area`` or, when not given, its region's only area (Uusimaa has
    two, so an Uusimaa agent without ``project_area`` is *unknown*). Two
    STM-funded agents of one area whose employments share a day are each
    reported, naming the other.
    """
    agents = ctx.snapshot.change_agents
    funding = [_funding(ctx, a) for a in agents]
    areas = [_project_area(ctx, a) for a in agents]
    for i, agent in enumerate(agents):
        if funding[i].stm is None:
            yield _missing_salary_payer(ctx, agent)
            continue
        if not funding[i].stm:
            yield ctx.passed(agent)
            continue
        area = areas[i]
        if area is None:
            yield ctx.unknown(agent, missing=["project_area"])
            continue
        others = tuple(
            other.id
            for j, other in enumerate(agents)
            if j != i
            and other.id != agent.id  # the same ID twice is LAPE-S02's business
            and funding[j].stm
            and areas[j] == area
            and agent.employment.overlaps(other.employment)
        )
        if not others:
            yield ctx.passed(agent)
        else:
            yield ctx.failed(
                agent,
                at=".employment",
                project_area=area,
                **_area_names(ctx, area),
                employment=agent.employment,
                others=others,
            )


# -- LAPE-C03 ------------------------------------------------------------------


@rule(
    id="LAPE-C03",
    severity=Severity.ERROR,
    subjects="change_agent",
    in_force=FROM_2016,
    source=seed(
        SEED_001,
        "anställa en förändringsagent för spetsprojektets mandatperiod 2016–2018",
    ),
    title=Text(
        fi="STM:n rahoittaman muutosagentin työsuhde sijoittuu vuosiin 2016–2019",
        sv="En förändringsagent som SHM finansierar är anställd inom åren 2016–2019",
        en="An STM-funded change agent's employment lies within 2016-2019",
    ),
    message=Text(
        fi="{subject}: STM:n rahoittama työsuhde {employment} ei sijoitu kaudelle {term}, jolta "
        "STM maksoi muutosagenttien palkat",
        sv="{subject}: anställningen {employment}, som SHM finansierar, ligger inte inom "
        "perioden {term} då SHM betalade förändringsagenternas löner",
        en="{subject}: the STM-funded employment {employment} does not lie within {term}, the "
        "period in which STM paid change agents' salaries",
    ),
    tags=(*_TAGS, "stm_funding"),
    parameters=("LAPE-C03.stm_term",),
)
def c03(ctx: Context) -> Iterator[Outcome]:
    """An STM-funded change agent's employment lies within 2016-2019.

    Seed 001: «anställa en förändringsagent för spetsprojektets mandatperiod
    2016–2018»; STM funded all 19 agents for 2019 too (STM press release
    127/2018). The term is the parameter ``LAPE-C03.stm_term``. An employment
    without an end date is judged up to the checked day; an inverted one is
    left to LAPE-S03.
    """
    term: Period = ctx.value("LAPE-C03.stm_term")
    for agent in ctx.snapshot.change_agents:
        employment = agent.employment
        if employment.is_inverted:
            continue
        funding = _funding(ctx, agent)
        if funding.stm is None:
            yield _missing_salary_payer(ctx, agent)
            continue
        if not funding.stm:
            yield ctx.passed(agent)
            continue
        known = employment
        if employment.end is None:
            known = Period(start=employment.start, end=max(ctx.as_of, employment.start))
        if term.covers(known):
            yield ctx.passed(agent)
        else:
            yield ctx.failed(
                agent, at=".employment", employment=employment, term=term, paid_by=funding.via
            )


# -- LAPE-C04 ------------------------------------------------------------------


@rule(
    id="LAPE-C04",
    severity=Severity.WARNING,
    subjects="change_agent",
    in_force=FROM_2016,
    source=seed(
        SEED_001,
        "Målet är att de första förändringsagenterna ska kunna påbörja arbetet i oktober 2016.",
    ),
    title=Text(
        fi="STM:n rahoittama muutosagentti aloittaa aikaisintaan syksyllä 2016",
        sv="En förändringsagent som SHM finansierar börjar tidigast hösten 2016",
        en="An STM-funded change agent starts no earlier than autumn 2016",
    ),
    message=Text(
        fi="{subject}: STM:n rahoittama muutosagentti aloitti {start}, ennen aikaisinta "
        "aloituspäivää {earliest} (ensimmäiset agentit aloittivat lokakuussa 2016)",
        sv="{subject}: förändringsagenten, som SHM finansierar, började {start}, före den "
        "tidigaste startdagen {earliest} (de första agenterna började i oktober 2016)",
        en="{subject}: the STM-funded change agent started on {start}, before the earliest "
        "start {earliest} (the first agents started in October 2016)",
    ),
    tags=(*_TAGS, "stm_funding"),
    parameters=("LAPE-C04.earliest_start",),
)
def c04(ctx: Context) -> Iterator[Outcome]:
    """An STM-funded change agent starts no earlier than autumn 2016.

    Seed 001: «Social- och hälsovårdsministeriet betalar förändringsagentens
    lön och förbereder förändringsagenterna i deras uppgift under hösten
    2016. Målet är att de första förändringsagenterna ska kunna påbörja
    arbetet i oktober 2016.» The earliest start is the parameter
    ``LAPE-C04.earliest_start`` (2016-09-01).
    """
    earliest: dt.date = ctx.value("LAPE-C04.earliest_start")
    for agent in ctx.snapshot.change_agents:
        funding = _funding(ctx, agent)
        if funding.stm is None:
            yield _missing_salary_payer(ctx, agent)
        elif not funding.stm or agent.employment.start >= earliest:
            yield ctx.passed(agent)
        else:
            yield ctx.failed(
                agent, at=".employment.start", start=agent.employment.start, earliest=earliest
            )


# -- LAPE-C05 ------------------------------------------------------------------


@rule(
    id="LAPE-C05",
    severity=Severity.ERROR,
    subjects="change_agent",
    in_force=FROM_2016,
    source=seed(
        SEED_001,
        "Kommunerna i landskapet utser tillsammans den organisation som är "
        "förändringsagentens arbetsgivare.",
    ),
    title=Text(
        fi="Maakunnan kunnat valitsivat muutosagentin työnantajan yhdessä",
        sv="Kommunerna i landskapet valde tillsammans förändringsagentens arbetsgivare",
        en="The region's municipalities together chose the change agent's employer",
    ),
    message=Text(
        fi="{subject}: kaikki alueen kunnat ({area_fi}) eivät olleet mukana valitsemassa "
        "muutosagentin työnantajaa; pois jäivät: {missing_municipalities}",
        sv="{subject}: alla kommuner i {area_sv} var inte med och valde förändringsagentens "
        "arbetsgivare; dessa saknades: {missing_municipalities_sv}",
        en="{subject}: not all municipalities of {area_en} took part in choosing the change "
        "agent's employer; not involved: {missing_municipalities}",
    ),
    tags=(*_TAGS, "municipalities"),
)
def c05(ctx: Context) -> Iterator[Outcome]:
    """The employer organisation was chosen by the region's municipalities together.

    Seed 001: «Kommunerna i landskapet utser tillsammans den organisation som
    är förändringsagentens arbetsgivare.» ``employer_chosen_by`` must include
    every municipality of the agent's area on its first day: the project
    area's when the agent names one (the capital region and the rest of
    Uusimaa each chose their own), else the region's. A municipality that has
    merged into another by the checked day counts as listed when the one it
    merged into is (Juankoski, merged into Kuopio on 2017-01-01, is
    represented by Kuopio in a snapshot of 2017).
    """
    geo = ctx.geography
    for agent in ctx.snapshot.change_agents:
        if agent.employer_chosen_by is None:
            yield ctx.unknown(agent, missing=["employer_chosen_by"])
            continue
        start = agent.employment.start
        if agent.project_area is not None and agent.project_area in geo.project_areas:
            expected = geo.municipalities_of_project_area(agent.project_area, start)
            names = _area_names(ctx, agent.project_area)
        else:
            expected = geo.municipalities_of_region(agent.region, start)
            region = _region_names(ctx, agent.region)
            names = {
                "area_fi": region["region_fi"],
                "area_sv": region["region_sv"],
                "area_en": region["region_en"],
            }
        if not expected:
            yield ctx.unknown(agent, missing=["region"])
            continue
        chosen_by = set(agent.employer_chosen_by)
        absent = sorted(c for c in expected if not _represented(ctx, c, chosen_by))
        if not absent:
            yield ctx.passed(agent)
            continue
        fi, sv = _municipality_names(ctx, absent)
        yield ctx.failed(
            agent,
            at=".employer_chosen_by",
            **names,
            missing_municipalities=tuple(sorted(fi)),
            missing_municipalities_sv=tuple(sorted(sv)),
            missing_codes=tuple(absent),
            start=start,
        )


# -- LAPE-C06 ------------------------------------------------------------------


@rule(
    id="LAPE-C06",
    severity=Severity.ERROR,
    subjects="change_agent",
    in_force=FROM_2020,
    source=seed(
        SEED_002,
        "Landskapen uppmuntras också att i sina egna organisationer fortsätta med den "
        "förändringsagentsverksamhet som tidigare inletts.",
    ),
    title=Text(
        fi="Vuodesta 2020 STM ei maksa muutosagenttien palkkoja",
        sv="Från 2020 betalar SHM inte förändringsagenternas löner",
        en="From 2020 STM pays no change-agent salaries",
    ),
    message=Text(
        fi="{subject}: työsuhde {employment} jatkuu {stm_pays_until} jälkeen, mutta palkka "
        "maksetaan yhä STM:n varoista (maksaja tai rahoitus: {paid_by}); vuodesta 2020 "
        "muutosagenttityö rahoitetaan alueen omista organisaatioista",
        sv="{subject}: anställningen {employment} fortsätter efter {stm_pays_until}, men lönen "
        "betalas fortfarande med SHM:s medel (betalare eller finansiering: {paid_by}); från "
        "2020 finansieras förändringsagentsverksamheten av områdets egna organisationer",
        en="{subject}: the employment {employment} continues after {stm_pays_until}, but the "
        "salary is still paid from STM's funds (payer or funding: {paid_by}); from 2020 "
        "change-agent work is funded by the area's own organisations",
    ),
    tags=(*_TAGS, "stm_funding"),
    parameters=("LAPE-C06.stm_pays_until",),
)
def c06(ctx: Context) -> Iterator[Outcome]:
    """From 2020 STM pays no change-agent salaries.

    Seed 002: «Landskapen uppmuntras också att i sina egna organisationer
    fortsätta med den förändringsagentsverksamhet som tidigare inletts.» An
    agent whose employment has a day after ``LAPE-C06.stm_pays_until``
    (2019-12-31; an open employment does) must not be STM-funded. An
    inverted employment is left to LAPE-S03.
    """
    until: dt.date = ctx.value("LAPE-C06.stm_pays_until")
    after = Period(start=until + dt.timedelta(days=1))
    for agent in ctx.snapshot.change_agents:
        employment = agent.employment
        if employment.is_inverted:
            continue
        if not employment.overlaps(after):
            yield ctx.passed(agent)
            continue
        funding = _funding(ctx, agent)
        if funding.stm is None:
            yield _missing_salary_payer(ctx, agent)
        elif not funding.stm:
            yield ctx.passed(agent)
        else:
            yield ctx.failed(
                agent,
                at=".employment",
                employment=employment,
                stm_pays_until=until,
                paid_by=funding.via,
                salary_payer=agent.salary_payer,
                pool=agent.pool,
            )


RULES: tuple[Rule, ...] = (c01, c02, c03, c04, c05, c06)
