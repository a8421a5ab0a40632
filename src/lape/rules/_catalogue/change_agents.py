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

An agent's *project area* is its own ``project_area``, else its region's only
area (DOMAIN.md, "change agent's region"): an Uusimaa agent without one is
*unknown* where the area matters, and an agent in Åland, which was no project
area, belongs to none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import attrs

from lape._wording import Text
from lape.model import (
    Actor,
    ChangeAgent,
    GrantKind,
    Group,
    GroupKind,
    Level,
    MunicipalityCode,
    NationalBody,
    Period,
    Programme,
    ProjectArea,
    RegionCode,
    Severity,
)
from lape.rules._catalogue._common import FROM_2016, SEED_001, SEED_002, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, rule

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


def _project_area(ctx: Context, agent: ChangeAgent) -> ProjectArea | None:
    """The agent's project area: its own, or its region's only one (``None``: not known,
    e.g. Uusimaa, which had two, or Åland, which had none)."""
    geo = ctx.geography
    if agent.project_area is not None:
        return geo.project_areas.get(agent.project_area)
    areas = geo.project_areas_of_region(agent.region)
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
    """Whether municipality ``code`` is in ``listed``: itself, or, on the checked day, as
    the same municipality (one merged into another counts as the one it merged into, on
    either side)."""
    if code in listed:
        return True
    now = ctx.municipality_now(code)
    return now is not None and now in {ctx.municipality_now(c) for c in listed}


def _missing_salary_payer(ctx: Context, agent: ChangeAgent) -> Outcome:
    return ctx.unknown(agent, missing=["salary_payer"])


# -- LAPE-C01 ------------------------------------------------------------------


def _set_up_and_mandated(group: Group, region: RegionCode, start: dt.date) -> bool | None:
    """Whether a regional group was set up and mandated by its region no later than
    ``start`` (``None``: the mandate's grantor is not given)."""
    if group.period is not None and (group.period.is_inverted or group.period.start > start):
        return False
    mandate = group.mandate
    if mandate is None or (mandate.decided is not None and mandate.decided > start):
        return False
    if mandate.region is None and mandate.municipality is None:
        return None
    return mandate.region == region


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
        fi="Muutosagentti palkataan vain hankealueelle, jolla on valtuutettu maakunnallinen ryhmä",
        sv="En förändringsagent anställs bara för ett projektområde som har en befullmäktigad "
        "landskapsgrupp",
        en="A change agent is hired only for a project area that has a mandated regional group",
    ),
    message=Text(
        fi="{subject}: kun muutosagentti aloitti {start}, hankealueella {area_fi} ei ollut "
        "maakunnallista lape-ryhmää, jonka maakunta olisi valtuuttanut viimeistään sinä päivänä "
        "(alueen ryhmät: {groups})",
        sv="{subject}: när förändringsagenten började {start} hade projektområdet {area_sv} "
        "ingen landskapsgrupp som landskapet hade gett fullmakt senast den dagen "
        "(områdets grupper: {groups})",
        en="{subject}: when the change agent started on {start}, project area {area_en} had no "
        "regional group set up and mandated by the region by that day (the area's groups: "
        "{groups})",
    ),
    tags=(*_TAGS, "mandate"),
    condition=Text(
        fi="Jokaisen muutosagentin hankealueella on maakunnallinen lape-ryhmä, joka on "
        "perustettu ja jolle maakunta on antanut valtuutuksen viimeistään agentin "
        "aloituspäivänä. Ryhmän ei tarvitse enää toimia: vuoden 2019 kierros jatkoi niiden "
        "alueiden agentteja, joiden ryhmät toimivat 2016-2018.",
        sv="Varje förändringsagents projektområde har en landskapsgrupp som inrättats och fått "
        "fullmakt av landskapet senast den dag agenten började. Gruppen behöver inte längre "
        "vara verksam: 2019 års omgång förlängde agenterna i de områden vars grupper verkade "
        "2016-2018.",
        en="Every change agent's project area has a regional group set up and mandated by the "
        "region no later than the agent's first day. The group need not still be at work: the "
        "2019 round continued the agents of areas whose groups ran 2016-2018.",
    ),
)
def c01(ctx: Context) -> Iterator[Outcome]:
    """A change agent is hired only for a project area that has a mandated regional group.

    Seed 001: «De landskap som har inrättat grupper kan anställa en
    förändringsagent som stöd i arbetet» and «Kommunerna och landskapen ska ge
    grupperna fullmakt att styra utvecklingsarbetet i regionen». A regional
    group of the agent's project area (see :meth:`Context.group_project_area`;
    a region without project areas, Åland: a group of the region) must have been
    set up (its period, if any, starting) and mandated by the region (decided, if
    a date is given) no later than the agent's first day; whether it still works
    on that day does not matter.
    """
    geo = ctx.geography
    # the regional groups by project area and by region, once (an Uusimaa group without
    # its project area is undecided for an agent whose area is known)
    of_area: dict[str, list[Group]] = {}
    of_region: dict[str | None, list[Group]] = {}
    undecided_in: dict[str | None, list[Group]] = {}
    for g in ctx.snapshot.groups:  # every one: a group need not still be at work
        if g.kind is not GroupKind.REGIONAL:
            continue
        group_area = ctx.group_project_area(g)
        if group_area is None:
            undecided_in.setdefault(g.region, []).append(g)
        else:
            of_area.setdefault(group_area.id, []).append(g)
        of_region.setdefault(g.region, []).append(g)
    for agent in ctx.snapshot.change_agents:
        start = agent.employment.start
        area = _project_area(ctx, agent)
        several = len(geo.project_areas_of_region(agent.region)) > 1
        if area is None and (agent.project_area is not None or several):
            if agent.project_area is None:
                yield ctx.unknown(agent, missing=["project_area"])
            continue  # a project area that names none: LAPE-S01 reports it
        region = agent.region if area is None else area.region
        groups = of_area.get(area.id, []) if area else of_region.get(region, [])
        undecided = undecided_in.get(region, []) if area else []
        verdicts = [_set_up_and_mandated(g, region, start) for g in groups]
        if any(verdicts):
            yield ctx.passed(agent)
        elif undecided or None in verdicts:
            missing = [f"project_area of group {g.id}" for g in undecided]
            missing += [
                f"mandate region of group {g.id}"
                for g, v in zip(groups, verdicts, strict=True)
                if v is None
            ]
            yield ctx.unknown(agent, missing=missing)
        else:
            names = _area_names(ctx, area.id) if area is not None else _region_area(ctx, agent)
            yield ctx.failed(
                agent,
                at=".employment.start",
                region=agent.region,
                project_area=None if area is None else area.id,
                **names,
                start=start,
                groups=tuple(g.id for g in groups),
            )


def _region_area(ctx: Context, agent: ChangeAgent) -> dict[str, str]:
    """The agent's region as ``area_fi``, ``area_sv`` and ``area_en`` (for a region
    without project areas)."""
    names = _region_names(ctx, agent.region)
    return {
        "area_fi": names["region_fi"],
        "area_sv": names["region_sv"],
        "area_en": names["region_en"],
    }


# -- LAPE-C02 ------------------------------------------------------------------

_NO_AREA = Text(
    fi="STM:n rahoittaman muutosagentin maakunnassa ({region_fi}) ei ollut hankealuetta "
    "(Ahvenanmaa ei ollut yksi 19 hankealueesta)",
    sv="i landskapet {region_sv}, där den förändringsagent som SHM finansierar arbetar, fanns "
    "inget projektområde (Åland var inte ett av de 19 projektområdena)",
    en="the region of the STM-funded change agent ({region_en}) had no project area (Åland "
    "was not one of the 19 areas)",
)
_NOT_AN_AREA = Text(
    fi="{project_area} ei ole yksi 19 hankealueesta",
    sv="{project_area} är inte ett av de 19 projektområdena",
    en="{project_area} is not one of the 19 project areas",
)
_OUTSIDE_REGION = Text(
    fi="hankealue {area_fi} ei ole agentin maakunnassa {region_fi}",
    sv="projektområdet {area_sv} ligger inte i agentens landskap {region_sv}",
    en="project area {area_en} does not lie in the agent's region {region_en}",
)
_TWO_AGENTS = Text(
    fi="samalla hankealueella ({area_fi}) työskentelee samaan aikaan ({employment}) myös "
    "toinen STM:n rahoittama muutosagentti: {others}",
    sv="i projektområdet {area_sv} arbetar samtidigt ({employment}) också en annan "
    "förändringsagent som SHM finansierar: {others}",
    en="another STM-funded change agent works in project area {area_en} at the same time "
    "({employment}): {others}",
)


@rule(
    id="LAPE-C02",
    severity=Severity.ERROR,
    subjects="change_agent",
    in_force=FROM_2016,
    source=seed(
        f"{SEED_001}; STM press release 127/2018 (19 agents, one per project area)",
        "Varje landskap som inrättar grupper av ovannämnda slag kan som stöd i arbetet "
        "anställa en förändringsagent",
    ),
    title=Text(
        fi="STM:n rahoittama muutosagentti kuuluu yhteen 19 hankealueesta, ja alueella on "
        "kerrallaan enintään yksi",
        sv="En förändringsagent som SHM finansierar hör till ett av de 19 projektområdena, "
        "och ett område har högst en åt gången",
        en="An STM-funded change agent belongs to one of the 19 project areas, at most one "
        "per area at any one time",
    ),
    message=Text(
        fi="{subject}: {problem}",
        sv="{subject}: {problem}",
        en="{subject}: {problem}",
    ),
    tags=(*_TAGS, "stm_funding"),
    condition=Text(
        fi="Jokainen STM:n rahoittama muutosagentti kuuluu yhteen 19 hankealueesta, ja alue on "
        "agentin maakunnassa; hankealueella on kerrallaan enintään yksi STM:n rahoittama "
        "agentti. Pääkaupunkiseutu ja muu Uusimaa ovat eri alueita; Ahvenanmaan agentti on "
        "virhe.",
        sv="Varje förändringsagent som SHM finansierar hör till ett av de 19 projektområdena, "
        "som ligger i agentens landskap; ett projektområde har högst en sådan agent åt gången. "
        "Huvudstadsregionen och övriga Nyland är olika områden; en agent på Åland är ett fel.",
        en="Every STM-funded change agent belongs to one of the 19 project areas, lying in the "
        "agent's region, and an area has at most one such agent at any one time. The capital "
        "region and the rest of Uusimaa are two areas; an agent in Åland is an error.",
    ),
)
def c02(ctx: Context) -> Iterator[Outcome]:
    """An STM-funded change agent belongs to one of the 19 project areas, inside its
    region, and an area has at most one at any one time.

    Seed 001: «Varje landskap som inrättar grupper av ovannämnda slag kan som
    stöd i arbetet anställa en förändringsagent»; there were 19 agents, one per
    project area, the capital region applying separately from the rest of
    Uusimaa (STM press release 127/2018). An agent without ``project_area`` takes
    its region's only area: an Uusimaa agent without one is *unknown*, an agent in
    Åland (no area) fails, and so does an agent whose area lies in another region.
    Two STM-funded agents of one area whose employments share a day are each
    reported, naming the other. A ``project_area`` that names none of the 19 areas
    fails too (and LAPE-S01 reports the reference).
    """
    geo = ctx.geography
    agents = ctx.snapshot.change_agents
    funding = [_funding(ctx, a) for a in agents]
    areas = [_project_area(ctx, a) for a in agents]
    stm_agents_of_area: dict[str, list[int]] = {}
    for i, area in enumerate(areas):
        if funding[i].stm and area is not None:
            stm_agents_of_area.setdefault(area.id, []).append(i)
    for i, agent in enumerate(agents):
        if funding[i].stm is None:
            yield _missing_salary_payer(ctx, agent)
            continue
        if not funding[i].stm:
            yield ctx.passed(agent)
            continue
        area = areas[i]
        region = _region_names(ctx, agent.region)
        if area is None:
            if agent.region not in geo.regions:
                continue  # a region that names none: LAPE-S01
            if agent.project_area is not None:
                problem = _NOT_AN_AREA.format(project_area=agent.project_area)
                yield ctx.failed(
                    agent, at=".project_area", problem=problem, project_area=agent.project_area
                )
            elif geo.project_areas_of_region(agent.region):
                yield ctx.unknown(agent, missing=["project_area"])
            else:
                problem = _NO_AREA.format(**region)
                yield ctx.failed(agent, at=".region", problem=problem, region=agent.region)
            continue
        names = _area_names(ctx, area.id)
        if area.region != agent.region:
            problem = _OUTSIDE_REGION.format(**names, **region)
            yield ctx.failed(
                agent,
                at=".project_area",
                problem=problem,
                project_area=area.id,
                region=agent.region,
            )
            continue
        others = tuple(
            agents[j].id
            for j in stm_agents_of_area[area.id]
            if j != i
            and agents[j].id != agent.id  # the same ID twice is LAPE-S02's business
            and agent.employment.overlaps(agents[j].employment)
        )
        if not others:
            yield ctx.passed(agent)
        else:
            problem = _TWO_AGENTS.format(
                **names, employment=str(agent.employment), others=", ".join(others)
            )
            yield ctx.failed(
                agent,
                at=".employment",
                problem=problem,
                project_area=area.id,
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
        f"{SEED_001}; STM press release 127/2018 (the 2019 round: call 17.9.-24.10.2018, "
        "STM funded all 19 agents for 2019)",
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
    condition=Text(
        fi="STM:n rahoittaman muutosagentin työsuhde sijoittuu kokonaan vuosiin 2016-2019 "
        "(kausi 2016-2018 ja vuoden 2019 kierros); päättymätön työsuhde arvioidaan "
        "tarkistuspäivään asti.",
        sv="En förändringsagent som SHM finansierar är anställd helt inom åren 2016-2019 "
        "(perioden 2016-2018 och 2019 års omgång); en anställning utan slutdag bedöms fram "
        "till kontrolldagen.",
        en="An STM-funded change agent's employment lies wholly within 2016-2019 (the "
        "2016-2018 term and the 2019 round); an employment without an end is judged up to the "
        "checked day.",
    ),
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
    condition=Text(
        fi="STM:n rahoittama muutosagentti aloittaa aikaisintaan 1.9.2016 (ensimmäiset "
        "agentit aloittivat lokakuussa 2016).",
        sv="En förändringsagent som SHM finansierar börjar tidigast 1.9.2016 (de första "
        "agenterna började i oktober 2016).",
        en="An STM-funded change agent starts no earlier than 1 September 2016 (the first "
        "agents started in October 2016).",
    ),
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
    condition=Text(
        fi="Muutosagentin työnantajan valitsivat yhdessä kaikki agentin alueen kunnat "
        "(hankealueen, kun agentilla on sellainen, muuten maakunnan) agentin aloituspäivän "
        "kuntaluettelon mukaan; myöhemmin yhdistynyt kunta edustuu kunnan kautta, johon se "
        "yhdistyi.",
        sv="Förändringsagentens arbetsgivare valdes tillsammans av alla kommuner i agentens "
        "område (projektområdet, när agenten har ett, annars landskapet) enligt "
        "kommunförteckningen den dag agenten började; en kommun som senare gått samman "
        "företräds av den kommun den gick upp i.",
        en="The change agent's employer was chosen together by every municipality of the "
        "agent's area (its project area when it has one, else its region) by the municipality "
        "list of its first day; a municipality merged since is represented by the one it "
        "merged into.",
    ),
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

_STM_PAYS = Text(
    fi="palkan maksaa yhä STM ({payer})",
    sv="lönen betalas fortfarande av SHM ({payer})",
    en="the salary is still paid by STM ({payer})",
)
_PAYER_GONE = Text(
    fi="palkan maksaja {payer} ei ole toiminnassa tarkistuspäivänä (toimintakausi {period})",
    sv="lönebetalaren {payer} är inte verksam på kontrolldagen (period {period})",
    en="the salary payer {payer} is not in effect on the checked day (its period: {period})",
)
_NOT_OWN = Text(
    fi="palkan maksaja {payer} ei ole alueen ({area_fi}) oma organisaatio",
    sv="lönebetalaren {payer} är inte en av områdets ({area_sv}) egna organisationer",
    en="the salary payer {payer} is not one of the area's ({area_en}) own organisations",
)


def _agent_area(ctx: Context, agent: ChangeAgent) -> tuple[frozenset[str], dict[str, str]]:
    """The municipalities of the agent's area on the checked day (its project area, else
    its region) and the area's names."""
    geo = ctx.geography
    area = _project_area(ctx, agent)
    if area is not None:
        codes = geo.municipalities_of_project_area(area.id, ctx.as_of)
        return codes, _area_names(ctx, area.id)
    return geo.municipalities_of_region(agent.region, ctx.as_of), _region_area(ctx, agent)


def _own_organisation(ctx: Context, payer: Actor, area: frozenset[str]) -> bool | None:
    """Whether ``payer`` is one of the area's own organisations (``None``: it names no
    municipality, county or region)."""
    if payer.working_level is Level.NATIONAL:
        return False
    places = ctx.places(payer)
    return None if places is None else bool(places & area)


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
        fi="Vuodesta 2020 muutosagentin palkan maksaa alueen oma organisaatio, ei STM",
        sv="Från 2020 betalas förändringsagentens lön av en av områdets egna organisationer, "
        "inte av SHM",
        en="From 2020 a change agent's salary is paid by one of the area's own "
        "organisations, not by STM",
    ),
    message=Text(
        fi="{subject}: työsuhde {employment} jatkuu {stm_pays_until} jälkeen, mutta {problem}; "
        "vuodesta 2020 muutosagenttityötä jatketaan alueen omissa organisaatioissa",
        sv="{subject}: anställningen {employment} fortsätter efter {stm_pays_until}, men "
        "{problem}; från 2020 fortsätter förändringsagentsverksamheten i områdets egna "
        "organisationer",
        en="{subject}: the employment {employment} continues after {stm_pays_until}, but "
        "{problem}; from 2020 change-agent work continues in the area's own organisations",
    ),
    tags=(*_TAGS, "stm_funding"),
    parameters=("LAPE-C06.stm_pays_until",),
    condition=Text(
        fi="Muutosagentin, jonka työsuhde jatkuu vuoden 2019 jälkeen, palkan maksaa alueen "
        "(hankealueen tai maakunnan) oma organisaatio, ei STM eikä muu valtakunnallinen tai "
        "alueen ulkopuolinen toimija; sitä, miten organisaatio rahoittaa tehtävän, ei "
        "tarkisteta.",
        sv="En förändringsagent vars anställning fortsätter efter 2019 får sin lön av en av "
        "områdets (projektområdets eller landskapets) egna organisationer, inte av SHM eller "
        "någon annan nationell aktör eller aktör utanför området; hur organisationen "
        "finansierar tjänsten kontrolleras inte.",
        en="A change agent whose employment continues after 2019 is paid by one of the area's "
        "(project area's or region's) own organisations, not by STM nor any other national "
        "or outside actor; how that organisation finances the post is not checked.",
    ),
)
def c06(ctx: Context) -> Iterator[Outcome]:
    """From 2020 STM pays no change-agent salaries; the area's own organisations do.

    Seed 002: «Landskapen uppmuntras också att i sina egna organisationer
    fortsätta med den förändringsagentsverksamhet som tidigare inletts.» An
    agent whose employment has a day after ``LAPE-C06.stm_pays_until``
    (2019-12-31; an open employment does) must have a ``salary_payer`` that is one
    of its area's own organisations (it belongs to a municipality of the agent's
    project area, or region): not STM, not another national body, not an
    organisation of another area. How that organisation finances the post (its
    ``pool``) is not checked. An inverted employment is left to LAPE-S03.
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
        payer = None if agent.salary_payer is None else ctx.index.actor(agent.salary_payer)
        if payer is None:
            yield _missing_salary_payer(ctx, agent)
            continue
        area, names = _agent_area(ctx, agent)
        evidence = {"employment": employment, "stm_pays_until": until, "payer": payer.id}
        if payer.body is NationalBody.STM:
            problem = _STM_PAYS.format(payer=payer.id)
            yield ctx.failed(agent, at=".salary_payer", problem=problem, **evidence)
            continue
        if not ctx.active(payer.period):
            problem = _PAYER_GONE.format(payer=payer.id, period=str(payer.period))
            yield ctx.failed(agent, at=".salary_payer", problem=problem, **evidence)
            continue
        own = _own_organisation(ctx, payer, area)
        if own is None:
            missing = [f"municipalities or region of actor {payer.id}"]
            yield ctx.unknown(agent, missing=missing, at=".salary_payer")
        elif own:
            yield ctx.passed(agent, **evidence)
        else:
            problem = _NOT_OWN.format(payer=payer.id, **names)
            yield ctx.failed(agent, at=".salary_payer", problem=problem, **evidence)


RULES: tuple[Rule, ...] = (c01, c02, c03, c04, c05, c06)
