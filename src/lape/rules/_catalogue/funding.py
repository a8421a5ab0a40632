"""LAPE-F01..F10: funding pools, the grants made from them and the projects they fund.

Every rule is in force from 2016-01-01; the catalogue says "each pool in
force for its own period", so inside each check only what is relevant on the
checked day is examined: a grant once it is decided (``decided`` not given,
or on or before the day), a pool once it has such grants (LAPE-F01) or when
the snapshot defines it (LAPE-F09).

Pools come from :meth:`Context.pools` (the reference pools, the snapshot's own
ones, and ``pool.<id>.amount`` parameter overrides). A grant whose pool is not
known is not examined by LAPE-F01..F08: LAPE-S01 reports the dangling
reference. A period that ends before it starts is not examined either:
LAPE-S03 reports it. The rules about the programme's money (LAPE-F03, F04, F06,
F07's pools, F08, F10) examine only the pools whose programme is ``lape`` (DOMAIN.md,
"LAPE pools"): the bundled pools and users' own pools that say so; a user's pool of
another programme may fund other work. Where a grant names the development project it
funds (:attr:`~lape.model.Grant.project`), LAPE-F03 and F08 read the project: its
consortium, its area and its priorities.

Facts a rule needs but the snapshot lacks make the outcome unknown; the
``missing`` entries name them by their path in the input (``grants[2].costs``,
``pools[0].amount``), or, for a reference pool, as ``pool.<id>.<field>``
(for the amount that is also the parameter that can supply it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal, localcontext

from lape._wording import Text
from lape.model import (
    CHILDREN_YOUTH_FAMILIES,
    DevelopmentProject,
    FundingPool,
    Grant,
    GrantKind,
    Period,
    Priority,
    Programme,
    Severity,
)
from lape.rules._catalogue._common import FROM_2016, SEED_000, SEED_001, SEED_002, joined, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, rule

__all__ = ["RULES"]

_TAGS = ("funding",)
_POOL_AMOUNT = "pool.<id>.amount"
"""The parameters (one per pool) that override a pool's amount (see :meth:`Context.pools`)."""

F08_PERIOD = Period(start=dt.date(2020, 1, 1), end=dt.date(2022, 12, 31))
"""The 2020-2022 continuation (seed 002): a LAPE state-subsidy pool whose eligible
cost period overlaps it hands out 2020-2022 grants (``lape-2020-2022``, ``fhsc-2021-lape``)."""

_PRECISION = 100
"""Decimal digits for adding up amounts: far beyond any real sum, so no rounding."""


# -- what the checks share ----------------------------------------------------


def _relevant(ctx: Context, grant: Grant) -> bool:
    """Whether the grant counts on the checked day: decided by then, or no date given."""
    return grant.decided is None or grant.decided <= ctx.as_of


def _grants(ctx: Context) -> Iterator[tuple[int, Grant]]:
    """The grants relevant on the checked day, with their position in ``grants``."""
    for i, grant in enumerate(ctx.snapshot.grants):
        if _relevant(ctx, grant):
            yield i, grant


def _grants_with_pool(ctx: Context) -> Iterator[tuple[int, Grant, FundingPool]]:
    """The relevant grants whose pool is known, with the pool (LAPE-S01 reports the others)."""
    for i, grant in _grants(ctx):
        pool = ctx.pool(grant.pool)
        if pool is not None:
            yield i, grant, pool


def _lape_grants(ctx: Context) -> Iterator[tuple[int, Grant, FundingPool]]:
    """The relevant grants from the programme's own pools (DOMAIN.md, "LAPE pools"):
    what LAPE-F01..F08 and F10 examine."""
    for i, grant, pool in _grants_with_pool(ctx):
        if _is_lape(pool):
            yield i, grant, pool


def _pool_fact(ctx: Context, pool: FundingPool, field: str) -> str:
    """Where a pool's fact belongs: ``pools[3].amount`` for a pool of the snapshot,
    ``pool.<id>.amount`` for a reference pool."""
    path = ctx.path(pool)
    return f"{path}.{field}" if path is not None else f"pool.{pool.id}.{field}"


def _addable(amount: object) -> bool:
    """Whether an amount can be added up exactly: a finite Decimal (or an int)."""
    if isinstance(amount, Decimal):
        return amount.is_finite()
    return isinstance(amount, int) and not isinstance(amount, bool)


def _is_lape(pool: FundingPool) -> bool:
    return pool.programme is Programme.LAPE


def _project(ctx: Context, grant: Grant) -> DevelopmentProject | None:
    """The development project the grant funds, if it names one that exists."""
    return None if grant.project is None else ctx.index.project(grant.project)


# -- LAPE-F01 -------------------------------------------------------------------


@rule(
    id="LAPE-F01",
    severity=Severity.ERROR,
    subjects="pool",
    in_force=FROM_2016,
    source=seed(SEED_001, "Det har reserverats 20 miljoner euro i statsunderstöd"),
    title=Text(
        fi="Määrärahasta myönnetyt avustukset eivät ylitä määrärahaa",
        sv="Bidragen ur en pott överstiger inte pottens belopp",
        en="Grants from a pool never add up to more than the pool",
    ),
    message=Text(
        fi=(
            "{subject}: avustuksia on myönnetty yhteensä {total} euroa, enemmän kuin "
            "määrärahan {amount} euroa ({excess} euroa liikaa)"
        ),
        sv=(
            "{subject}: bidragen uppgår till sammanlagt {total} euro, mer än pottens "
            "{amount} euro ({excess} euro för mycket)"
        ),
        en=(
            "{subject}: grants add up to {total} EUR, more than the pool's {amount} EUR "
            "(by {excess} EUR)"
        ),
    ),
    tags=_TAGS,
    parameters=(_POOL_AMOUNT,),
    condition=Text(
        fi="Määrärahasta tarkistuspäivään mennessä myönnetyt avustukset eivät yhteensä ylitä "
        "määrärahaa (määrä määrärahan tiedoista, esim. 20 milj. euroa 2016-2018 ja 23,6 milj. "
        "euroa 2020-2022).",
        sv="Bidragen ur en pott, beviljade senast på kontrolldagen, överstiger inte sammanlagt "
        "pottens belopp (beloppet ur pottens uppgifter, t.ex. 20 miljoner euro 2016-2018 och "
        "23,6 miljoner euro 2020-2022).",
        en="The grants from a pool decided by the checked day never add up to more than the pool "
        "(its amount from the pool data: 20 MEUR for 2016-2018, 23.6 MEUR for 2020-2022).",
    ),
)
def f01(ctx: Context) -> Iterator[Outcome]:
    positions = {id(g): i for i, g in enumerate(ctx.snapshot.grants)}
    for pool in ctx.pools().values():
        if not _is_lape(pool):
            continue  # another programme's pool: not the programme's money
        grants = [g for g in ctx.index.grants_of_pool(pool.id) if _relevant(ctx, g)]
        if not grants:
            continue
        ids = tuple(g.id for g in grants)
        # An amount that cannot be added up (a float, NaN: LAPE-F09 reports it) leaves
        # the total unknown.
        missing = [f"grants[{positions[id(g)]}].amount" for g in grants if not _addable(g.amount)]
        amount = pool.amount
        if amount is None or not _addable(amount):
            missing.append(_pool_fact(ctx, pool, "amount"))
        if missing or amount is None:
            yield ctx.unknown(pool, missing, grants=ids)
            continue
        with localcontext() as exact:
            exact.prec = _PRECISION  # adding up never rounds
            total = sum((g.amount for g in grants), Decimal(0))
            excess = total - amount
        if excess > 0:
            yield ctx.failed(pool, total=total, amount=amount, excess=excess, grants=ids)
        else:
            yield ctx.passed(pool, total=total, amount=amount, grants=ids)


# -- LAPE-F02 -------------------------------------------------------------------


@rule(
    id="LAPE-F02",
    severity=Severity.ERROR,
    subjects="grant",
    in_force=FROM_2016,
    source=seed(
        "src/lape/reference/SOURCES.md (funding_pools.csv: each pool's eligible cost period, "
        "with the pool's own source: STM press releases 251/2016, 127/2018 and 406/2021)",
        "STM press release 251/2016: 19 MEUR granted 22.12.2016 to 19 projects, work from "
        "1.1.2017.",
    ),
    title=Text(
        fi="Avustuksen kustannuskausi on määrärahan tukikelpoisella kaudella",
        sv="Bidragets kostnadsperiod ligger inom pottens period för stödberättigande kostnader",
        en="A grant's cost period lies inside its pool's eligible cost period",
    ),
    message=Text(
        fi=(
            "{subject}: avustus kattaa kustannuksia ajalta {costs}, joka ei mahdu määrärahan "
            "{pool} tukikelpoiseen kauteen {eligible} (lähde: {pool_source})"
        ),
        sv=(
            "{subject}: bidraget täcker kostnader för {costs}, utanför den stödberättigande "
            "perioden {eligible} för potten {pool} (källa: {pool_source})"
        ),
        en=(
            "{subject}: the grant covers costs for {costs}, outside the eligible cost period "
            "{eligible} of pool {pool} (source: {pool_source})"
        ),
    ),
    tags=_TAGS,
    condition=Text(
        fi="Jokaisen avustuksen kustannuskausi on kokonaan sen määrärahan tukikelpoisella "
        "kaudella (määrärahan tiedoista ja niiden lähteestä).",
        sv="Varje bidrags kostnadsperiod ligger helt inom pottens period för stödberättigande "
        "kostnader (ur pottens uppgifter och deras källa).",
        en="Every grant's cost period lies wholly inside its pool's eligible cost period (from "
        "the pool data and its source).",
    ),
)
def f02(ctx: Context) -> Iterator[Outcome]:
    for i, grant, pool in _lape_grants(ctx):
        costs, eligible = grant.costs, pool.costs
        if costs is None or eligible is None:
            missing = [f"grants[{i}].costs"] if costs is None else []
            if eligible is None:
                missing.append(_pool_fact(ctx, pool, "costs"))
            yield ctx.unknown(grant, missing, at=f"grants[{i}]", pool=pool.id)
            continue
        if costs.is_inverted or eligible.is_inverted:
            continue  # LAPE-S03
        evidence = {
            "costs": costs,
            "eligible": eligible,
            "pool": pool.id,
            "pool_source": pool.source,
        }
        if eligible.covers(costs):
            yield ctx.passed(grant, **evidence)
        else:
            yield ctx.failed(grant, at=f"grants[{i}].costs", **evidence)


# -- LAPE-F03 -------------------------------------------------------------------


@rule(
    id="LAPE-F03",
    severity=Severity.ERROR,
    subjects="grant",
    in_force=FROM_2016,
    source=seed(
        SEED_001,
        "Statsunderstöd kan beviljas för regionalt utvecklingsarbete där olika aktörer "
        "tillsammans förbättrar barnens och föräldrarnas välbefinnande",
    ),
    title=Text(
        fi="Valtionavustetussa työssä on mukana vähintään kaksi toimijaa yhdessä",
        sv="I statsunderstött arbete deltar minst två aktörer tillsammans",
        en="State-subsidised work has at least two actors taking part together",
    ),
    message=Text(
        fi=(
            "{subject}: rahoitettuun työhön osallistuu {count} toimijaa ({actors}); "
            "vähintään {min_actors} toimijan on tehtävä työtä yhdessä"
        ),
        sv=(
            "{subject}: {count} aktör(er) deltar i det finansierade arbetet ({actors}); "
            "minst {min_actors} ska arbeta tillsammans"
        ),
        en=(
            "{subject}: {count} actor(s) take part in the funded work ({actors}); "
            "at least {min_actors} must work together"
        ),
    ),
    tags=_TAGS,
    parameters=("LAPE-F03.min_actors",),
    condition=Text(
        fi="Ohjelman valtionavustuksella rahoitettavaan työhön osallistuu vähintään kaksi "
        "toimijaa yhdessä: hankkeen konsortio, kun avustus nimeää hankkeen, muuten saaja ja "
        "osallistujat.",
        sv="I arbete som finansieras med programmets statsunderstöd deltar minst två aktörer "
        "tillsammans: projektets konsortium när bidraget namnger ett projekt, annars "
        "mottagaren och deltagarna.",
        en="Work funded by a state subsidy of the programme has at least two actors taking part "
        "together: the project's consortium when the grant names a project, else the "
        "recipient and the participants.",
    ),
)
def f03(ctx: Context) -> Iterator[Outcome]:
    min_actors = int(ctx.value("LAPE-F03.min_actors"))
    for i, grant, pool in _lape_grants(ctx):
        if pool.kind is not GrantKind.STATE_SUBSIDY:
            continue
        project = _project(ctx, grant)
        actors = grant.actors if project is None else project.actors
        evidence = {"count": len(actors), "actors": actors, "min_actors": min_actors}
        if len(actors) >= min_actors:
            yield ctx.passed(grant, **evidence)
        elif project is not None:
            yield ctx.failed(grant, at=f"{ctx.path(project)}.consortium", **evidence)
        else:
            yield ctx.failed(grant, at=f"grants[{i}].participants", **evidence)


# -- LAPE-F04 -------------------------------------------------------------------


@rule(
    id="LAPE-F04",
    severity=Severity.ERROR,
    subjects="grant",
    in_force=FROM_2016,
    source=seed(SEED_000, "Införandet av nya servicehelheter stöds med startbidrag åren 2016–2017"),
    title=Text(
        fi="Ohjelman käynnistysavustukset kohdistuvat vuosiin 2016–2017",
        sv="Programmets startbidrag hänför sig till åren 2016–2017",
        en="The programme's start-up grants fall in 2016-2017",
    ),
    message=Text(
        fi=(
            "{subject}: käynnistysavustus kohdistuu ajalle {observed}, käynnistysavustusten "
            "kauden {period} ulkopuolelle"
        ),
        sv=(
            "{subject}: startbidraget hänför sig till {observed}, utanför startbidragens "
            "period {period}"
        ),
        en=(
            "{subject}: the start-up grant falls on {observed}, outside the start-up grant "
            "period {period}"
        ),
    ),
    tags=_TAGS,
    parameters=("LAPE-F04.period",),
    condition=Text(
        fi="Ohjelman (LAPE) käynnistysavustusmäärärahoista myönnetyt avustukset kohdistuvat "
        "vuosiin 2016-2017 (kustannuskausi tai, sen puuttuessa, päätöspäivä); muiden "
        "ohjelmien käynnistysavustuksia ei tarkisteta.",
        sv="Bidrag ur programmets (LAPE) startbidragspotter hänför sig till åren 2016-2017 "
        "(kostnadsperioden eller, om den saknas, beslutsdagen); andra programs startbidrag "
        "kontrolleras inte.",
        en="Grants from the programme's (LAPE) start-up pools fall in 2016-2017 (their cost "
        "period, or else their decision date); other programmes' start-up pools are not "
        "examined.",
    ),
)
def f04(ctx: Context) -> Iterator[Outcome]:
    period: Period = ctx.value("LAPE-F04.period")
    for i, grant, pool in _lape_grants(ctx):
        if pool.kind is not GrantKind.START_UP_GRANT:
            continue
        if grant.costs is not None:
            if grant.costs.is_inverted:
                continue  # LAPE-S03
            ok = period.covers(grant.costs)
            observed: Period | dt.date = grant.costs
            at = f"grants[{i}].costs"
        elif grant.decided is not None:
            ok = period.contains(grant.decided)
            observed = grant.decided
            at = f"grants[{i}].decided"
        else:
            missing = [f"grants[{i}].costs", f"grants[{i}].decided"]
            yield ctx.unknown(grant, missing, at=f"grants[{i}]", period=period)
            continue
        if ok:
            yield ctx.passed(grant, observed=observed, period=period)
        else:
            yield ctx.failed(grant, at=at, observed=observed, period=period)


# -- LAPE-F05 -------------------------------------------------------------------


@rule(
    id="LAPE-F05",
    severity=Severity.ERROR,
    subjects="grant",
    in_force=FROM_2016,
    source=seed(SEED_001, "Ansökningsomgången öppnas på hösten"),
    title=Text(
        fi="Avustuspäätöstä ei tehdä ennen määrärahan hakukierroksen alkua",
        sv="Inget bidragsbeslut fattas innan pottens ansökningsomgång har öppnats",
        en="No grant decision before the pool's application round opened",
    ),
    message=Text(
        fi=(
            "{subject}: avustuksesta päätettiin {decided}, ennen kuin määrärahan {pool} "
            "hakukierros avautui {opens}"
        ),
        sv=(
            "{subject}: bidraget beviljades {decided}, innan ansökningsomgången för potten "
            "{pool} öppnades {opens}"
        ),
        en=(
            "{subject}: the grant was decided on {decided}, before the application round of "
            "pool {pool} opened on {opens}"
        ),
    ),
    tags=_TAGS,
    condition=Text(
        fi="Avustuksesta ei ole päätetty ennen kuin sen määrärahan hakukierros avautui "
        "(2016-2018 valtionavustus: syyskuu 2016).",
        sv="Inget bidrag beviljades innan ansökningsomgången för dess pott öppnades "
        "(statsunderstödet 2016-2018: september 2016).",
        en="No grant was decided before its pool's application round opened (the 2016-2018 state "
        "subsidy: September 2016).",
    ),
)
def f05(ctx: Context) -> Iterator[Outcome]:
    for i, grant, pool in _lape_grants(ctx):
        decided, call = grant.decided, pool.call
        if decided is None or call is None:
            missing = [f"grants[{i}].decided"] if decided is None else []
            if call is None:
                missing.append(_pool_fact(ctx, pool, "call"))
            yield ctx.unknown(grant, missing, at=f"grants[{i}]", pool=pool.id)
            continue
        evidence = {"decided": decided, "opens": call.start, "pool": pool.id}
        if decided >= call.start:
            yield ctx.passed(grant, **evidence)
        else:
            yield ctx.failed(grant, at=f"grants[{i}].decided", **evidence)


# -- LAPE-F06 -------------------------------------------------------------------


@rule(
    id="LAPE-F06",
    severity=Severity.ERROR,
    subjects="grant",
    in_force=FROM_2016,
    source=seed(
        SEED_001,
        "Utvecklingen är inte begränsad till social- och hälsotjänster, "
        "utan täcker alla tjänster för barn och familjer",
    ),
    title=Text(
        fi="Avustus kohdistuu lasten, nuorten tai perheiden palveluun",
        sv="Bidraget gäller en tjänst för barn, unga eller familjer",
        en="A grant's purpose is a service for children, young people or families",
    ),
    message=Text(
        fi=(
            "{subject}: avustuksen kohderyhmä on {target_groups}, ei lapset, nuoret tai "
            "perheet ({expected})"
        ),
        sv=(
            "{subject}: bidraget riktar sig till {target_groups}, inte till barn, unga eller "
            "familjer ({expected})"
        ),
        en=(
            "{subject}: the grant is for {target_groups}, not for children, young people or "
            "families ({expected})"
        ),
    ),
    tags=_TAGS,
    condition=Text(
        fi="Ohjelman määrärahoista myönnetyn avustuksen kohderyhmä on lapset, nuoret, perheet "
        "tai vanhemmat (millä tahansa toimialalla, ei vain sosiaali- ja terveyspalveluissa).",
        sv="Ett bidrag ur programmets potter riktar sig till barn, unga, familjer eller "
        "föräldrar (inom vilken sektor som helst, inte bara social- och hälsovård).",
        en="A grant from the programme's pools is for children, young people, families or "
        "parents (in any sector, not only social and health services).",
    ),
)
def f06(ctx: Context) -> Iterator[Outcome]:
    for i, grant, _ in _lape_grants(ctx):
        if grant.target_groups is None:
            yield ctx.unknown(grant, [f"grants[{i}].target_groups"], at=f"grants[{i}]")
            continue
        evidence = {"target_groups": grant.target_groups, "expected": CHILDREN_YOUTH_FAMILIES}
        if grant.target_groups & CHILDREN_YOUTH_FAMILIES:
            yield ctx.passed(grant, **evidence)
        else:
            yield ctx.failed(grant, at=f"grants[{i}].target_groups", **evidence)


# -- LAPE-F07 -------------------------------------------------------------------


@rule(
    id="LAPE-F07",
    severity=Severity.ERROR,
    subjects="grant",
    in_force=FROM_2016,
    source=seed(SEED_002, "För barnstrategin har det reserverats ett eget anslag"),
    title=Text(
        fi="Lapsistrategian työtä ei rahoiteta ohjelman määrärahoista",
        sv="Arbetet med barnstrategin betalas inte ur programmets anslag",
        en="Child-strategy work is not paid from the programme's pools",
    ),
    message=Text(
        fi=(
            "{subject}: lapsistrategian työ rahoitetaan LAPE-ohjelman määrärahasta {pool}, "
            "vaikka lapsistrategialla on oma määrärahansa"
        ),
        sv=(
            "{subject}: arbete med barnstrategin betalas ur LAPE-programmets pott {pool}, "
            "fast barnstrategin har ett eget anslag"
        ),
        en=(
            "{subject}: child-strategy work is paid from pool {pool} of the LAPE programme, "
            "though the child strategy has its own appropriation"
        ),
    ),
    tags=_TAGS,
    condition=Text(
        fi="Lapsistrategian työtä ei rahoiteta ohjelman (LAPE) määrärahoista: lapsistrategialla "
        "on oma määrärahansa.",
        sv="Arbete med barnstrategin betalas inte ur programmets (LAPE) potter: barnstrategin "
        "har ett eget anslag.",
        en="Child-strategy work is not paid from the programme's (LAPE) pools: the child "
        "strategy has its own appropriation.",
    ),
)
def f07(ctx: Context) -> Iterator[Outcome]:
    for i, grant, pool in _lape_grants(ctx):
        evidence = {
            "programme": grant.programme,
            "pool": pool.id,
            "pool_programme": pool.programme,
        }
        if grant.programme is Programme.CHILD_STRATEGY:
            yield ctx.failed(grant, at=f"grants[{i}].programme", **evidence)
        else:
            yield ctx.passed(grant, **evidence)


# -- LAPE-F08 -------------------------------------------------------------------


def _is_2020_2022_pool(pool: FundingPool) -> bool:
    return (
        _is_lape(pool)
        and pool.kind is GrantKind.STATE_SUBSIDY
        and pool.costs is not None
        and pool.costs.overlaps(F08_PERIOD)
    )


def _area_region(ctx: Context, project_area: str | None) -> str | None:
    """The region of a project area, if it names a known one."""
    area = None if project_area is None else ctx.geography.project_areas.get(project_area)
    return None if area is None else area.region


@rule(
    id="LAPE-F08",
    severity=Severity.ERROR,
    subjects="grant",
    in_force=FROM_2016,
    source=seed(
        SEED_002,
        "Huvudprioriteringarna i utvecklandet är familjecenter och tidigt stöd i vardagen, "
        "mentalvårds- och missbrukartjänster med låg tröskel samt utveckling av barnskyddet",
    ),
    title=Text(
        fi="Vuosien 2020–2022 avustus rahoittaa alueellista kehittämistä ja nimeää painopisteen",
        sv=(
            "Ett bidrag för 2020–2022 finansierar regionalt utvecklingsarbete och anger "
            "en prioritering"
        ),
        en="A 2020-2022 grant funds regional development and names a priority",
    ),
    message=Text(
        fi=(
            "{subject}: määrärahan {pool} avustuksen vuosille 2020–2022 on nimettävä "
            "kehitettävä maakunta ja vähintään yksi kolmesta painopisteestä ({expected}); "
            "maakunta: {region}, painopisteet: {priorities}"
        ),
        sv=(
            "{subject}: ett bidrag för 2020–2022 ur potten {pool} ska ange det landskap som "
            "utvecklas och minst en av de tre prioriteringarna ({expected}); "
            "landskap: {region}, prioriteringar: {priorities}"
        ),
        en=(
            "{subject}: a 2020-2022 grant from pool {pool} must name the region it develops "
            "and at least one of the three priorities ({expected}); "
            "region: {region}, priorities: {priorities}"
        ),
    ),
    tags=_TAGS,
    condition=Text(
        fi="Vuosien 2020-2022 LAPE-valtionavustus nimeää kehitettävän maakunnan ja vähintään "
        "yhden kolmesta painopisteestä (perhekeskukset ja varhainen tuki, matalan kynnyksen "
        "mielenterveys- ja päihdepalvelut, lastensuojelu), itse tai rahoittamansa hankkeen "
        "kautta.",
        sv="Ett LAPE-statsunderstöd för 2020-2022 namnger det landskap som utvecklas och minst "
        "en av de tre prioriteringarna (familjecenter och tidigt stöd, mentalvårds- och "
        "missbrukartjänster med låg tröskel, barnskydd), självt eller genom projektet det "
        "finansierar.",
        en="A 2020-2022 LAPE state-subsidy grant names the region it develops and at least one "
        "of the three priorities (family centres and early support, low-threshold mental "
        "health and substance abuse services, child protection), itself or through the "
        "project it funds.",
    ),
)
def f08(ctx: Context) -> Iterator[Outcome]:
    expected = frozenset(Priority)
    for i, grant, pool in _lape_grants(ctx):
        if not _is_2020_2022_pool(pool):
            continue
        project = _project(ctx, grant)
        region: str | None = grant.region or _area_region(ctx, grant.project_area)
        priorities = grant.priorities
        if project is not None:
            region = region or project.region or _area_region(ctx, project.project_area)
            priorities = priorities | project.priorities
        lacking = []
        if region is None:
            lacking.append("region")
        if not priorities:
            lacking.append("priorities")
        evidence = {
            "pool": pool.id,
            "region": region,
            "priorities": priorities,
            "expected": expected,
            "lacking": tuple(lacking),
        }
        if lacking:
            yield ctx.failed(grant, at=f"grants[{i}].{lacking[0]}", **evidence)
        else:
            yield ctx.passed(grant, **evidence)


# -- LAPE-F09 -------------------------------------------------------------------


def _money_problems(value: object) -> tuple[str, ...]:
    """What keeps ``value`` from being a positive amount of euros with at most cents.

    Codes: ``not_decimal`` (e.g. a ``float``), ``not_finite``, ``not_positive``,
    ``sub_cent``. Exact: no arithmetic that could round or overflow.

    >>> _money_problems(Decimal("0.01")), _money_problems(Decimal("1.000"))
    ((), ())
    >>> _money_problems(Decimal("-1.005")), _money_problems(0.5)
    (('not_positive', 'sub_cent'), ('not_decimal',))
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        return ("not_decimal",)
    if isinstance(value, int):
        return () if value > 0 else ("not_positive",)
    if not value.is_finite():
        return ("not_finite",)
    problems = [] if value > 0 else ["not_positive"]
    _, digits, exponent = value.as_tuple()
    if isinstance(exponent, int) and exponent < -2:
        below_cent = digits[max(0, len(digits) - (-2 - exponent)) :]
        if any(below_cent):
            problems.append("sub_cent")
    return tuple(problems)


@rule(
    id="LAPE-F09",
    severity=Severity.ERROR,
    subjects="grant",
    in_force=FROM_2016,
    source=seed(
        "docs/file-format.md (lape file format, Money)",
        "Euro amounts, at most two decimals (cents).",
    ),
    title=Text(
        fi="Rahamäärät ovat positiivisia euromääriä enintään sentin tarkkuudella",
        sv="Beloppen är positiva eurobelopp med högst två decimaler (cent)",
        en="Amounts are positive euros with at most cents",
    ),
    message=Text(
        fi=(
            "{subject}: rahamäärä {amount} euroa ei ole positiivinen euromäärä enintään "
            "kahdella desimaalilla (sentit)"
        ),
        sv=(
            "{subject}: beloppet {amount} euro är inte ett positivt eurobelopp med högst "
            "två decimaler (cent)"
        ),
        en=(
            "{subject}: the amount {amount} EUR is not a positive amount of euros with at most "
            "two decimals (cents)"
        ),
    ),
    tags=_TAGS,
    parameters=(_POOL_AMOUNT,),
    condition=Text(
        fi="Jokainen avustuksen ja määrärahan rahamäärä on positiivinen euromäärä enintään "
        "sentin tarkkuudella, tarkkana desimaalilukuna (ei liukulukuna).",
        sv="Varje belopp för ett bidrag eller en pott är ett positivt eurobelopp med högst cent, "
        "som ett exakt decimaltal (inte ett flyttal).",
        en="Every amount of a grant or a pool is a positive number of euros with at most cents, "
        "as an exact decimal (never a float).",
    ),
)
def f09(ctx: Context) -> Iterator[Outcome]:
    """Grants' amounts (every relevant grant, known pool or not) and the amounts of the
    pools the snapshot defines or draws on (pool subjects; reference pools unused by
    the snapshot are not examined)."""
    pool_ids: dict[str, None] = {}
    for i, grant in _grants(ctx):
        problems = _money_problems(grant.amount)
        # str(): the message shows the exact amount, not one rounded to cents
        evidence = {"amount": str(grant.amount), "problems": problems}
        if problems:
            yield ctx.failed(grant, at=f"grants[{i}].amount", **evidence)
        else:
            yield ctx.passed(grant, **evidence)
        pool_ids[grant.pool] = None
    for own in ctx.snapshot.pools:
        pool_ids[own.id] = None
    for pool_id in pool_ids:
        pool = ctx.pool(pool_id)
        if pool is None or pool.amount is None:
            continue
        problems = _money_problems(pool.amount)
        evidence = {"amount": str(pool.amount), "problems": problems}
        if problems:
            path = ctx.path(pool)
            at = f"{path}.amount" if path is not None else None
            yield ctx.failed(pool, at=at, **evidence)
        else:
            yield ctx.passed(pool, **evidence)


# -- LAPE-F10 -------------------------------------------------------------------

_NO_LEAD = Text(
    fi="hankkeelle ei ole nimetty päähakijaa",
    sv="projektet har ingen huvudsökande",
    en="the project names no lead applicant",
)
_SMALL_CONSORTIUM = Text(
    fi="hankkeen konsortiossa on vain {count} toimija(a) ({actors}); vaaditaan vähintään kaksi",
    sv="projektets konsortium har bara {count} aktör(er) ({actors}); minst två krävs",
    en="the project's consortium has only {count} actor(s) ({actors}); at least two are needed",
)
_SECOND_PROJECT = Text(
    fi="samalla hankealueella ({project_area}) rahoitettiin samalla kierroksella myös hanke "
    "{others}",
    sv="samma omgång finansierade också projektet {others} i samma projektområde ({project_area})",
    en="the same round also funded project {others} in the same project area ({project_area})",
)


@rule(
    id="LAPE-F10",
    severity=Severity.ERROR,
    subjects="project",
    in_force=FROM_2016,
    source=seed(
        "src/lape/reference/SOURCES.md (STM press releases 126/2016 and 251/2016)",
        '"about 20 MEUR", one multi-actor consortium per area. STM press release 251/2016: '
        "19 MEUR granted 22.12.2016 to 19 projects, work from 1.1.2017.",
    ),
    title=Text(
        fi="Vuoden 2016 kierros rahoitti yhden kehittämishankkeen hankealuetta kohden, "
        "päähakijana yksi toimija",
        sv="2016 års omgång finansierade ett utvecklingsprojekt per projektområde, med en "
        "huvudsökande",
        en="The 2016 round funded one development project per project area, with one lead "
        "applicant",
    ),
    message=Text(
        fi="{subject}: {problem}",
        sv="{subject}: {problem}",
        en="{subject}: {problem}",
    ),
    tags=_TAGS,
    parameters=("LAPE-F10.round_pools",),
    condition=Text(
        fi="Jokainen kehittämishanke, jota vuoden 2016 valtionavustuskierroksen avustus "
        "rahoittaa (päätetty viimeistään tarkistuspäivänä), on vähintään kahden toimijan "
        "konsortio, jolla on päähakija, eikä samalla kierroksella rahoitettu toista hanketta "
        "samalle hankealueelle.",
        sv="Varje utvecklingsprojekt som ett bidrag ur 2016 års omgång av statsunderstöd "
        "finansierar (beslutat senast på kontrolldagen) är ett konsortium av minst två aktörer "
        "med en huvudsökande, och omgången finansierade inget annat projekt i samma "
        "projektområde.",
        en="Every development project funded by a grant of the 2016 state-subsidy round "
        "(decided by the checked day) is a consortium of at least two actors with a lead "
        "applicant, and the round funded no other project in the same project area.",
    ),
)
def f10(ctx: Context) -> Iterator[Outcome]:
    """The 2016 round funded one development project per project area, each a consortium
    with one lead applicant (STM press releases 126/2016 and 251/2016).

    The round's pools are the parameter ``LAPE-F10.round_pools`` (``lape-regional-2016``),
    LAPE pools only. A project fails without a lead applicant, with fewer than two actors
    (lead and consortium), or beside another project of its area funded by the round.
    The projects examined are those that the round's grants, decided by
    the checked day, name (:attr:`~lape.model.Grant.project`); grants that name no project
    are not examined here. A project without ``project_area`` cannot be compared with the
    others and is *unknown* unless it already fails for want of a lead applicant.
    """
    round_pools = frozenset(ctx.value("LAPE-F10.round_pools"))
    projects: dict[str, DevelopmentProject] = {}
    for _, grant, pool in _lape_grants(ctx):
        if pool.id in round_pools and _is_lape(pool):
            project = _project(ctx, grant)
            if project is not None:
                projects.setdefault(project.id, project)
    of_area: dict[str, list[str]] = {}
    for project in projects.values():
        if project.project_area is not None:
            of_area.setdefault(project.project_area, []).append(project.id)
    for project in projects.values():
        problems: list[Text] = []
        path = ctx.path(project)
        at = None
        if project.lead is None:
            problems.append(_NO_LEAD)
            at = f"{path}.lead"
        if len(project.actors) < 2:
            actors = ", ".join(project.actors) or "-"
            problems.append(_SMALL_CONSORTIUM.format(count=len(project.actors), actors=actors))
            at = at or f"{path}.consortium"
        others = [p for p in of_area.get(project.project_area or "", ()) if p != project.id]
        if others:
            problems.append(
                _SECOND_PROJECT.format(project_area=project.project_area, others=", ".join(others))
            )
            at = at or f"{path}.project_area"
        evidence = {"lead": project.lead, "project_area": project.project_area, "others": others}
        if problems:
            yield ctx.failed(project, at=at, problem=joined(problems), **evidence)
        elif project.project_area is None:
            yield ctx.unknown(project, [f"{path}.project_area"])
        else:
            yield ctx.passed(project, **evidence)


RULES: tuple[Rule, ...] = (f01, f02, f03, f04, f05, f06, f07, f08, f09, f10)
