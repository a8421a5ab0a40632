"""LAPE-F01..F09: funding pools and the grants made from them.

Every rule is in force from 2016-01-01; the catalogue says "each pool in
force for its own period", so inside each check only what is relevant on the
checked day is examined: a grant once it is decided (``decided`` not given,
or on or before the day), a pool once it has such grants (LAPE-F01) or when
the snapshot defines it (LAPE-F09).

Pools come from :meth:`Context.pools` (the reference pools, the snapshot's own
ones, and ``pool.<id>.amount`` parameter overrides). A grant whose pool is not
known is not examined by LAPE-F01..F08: LAPE-S01 reports the dangling
reference. A period that ends before it starts is not examined either:
LAPE-S03 reports it. LAPE-F03 (actors together), F06 (target groups) and F08
(2020-2022) are about the programme's own money: they examine only grants from
pools of programme ``lape``; a user's pool of another programme may fund other work.

Facts a rule needs but the snapshot lacks make the outcome unknown; the
``missing`` entries name them by their path in the input (``grants[2].costs``,
``pools[0].amount``), or, for a reference pool, as ``pool.<id>.<field>``
(for the amount that is also the parameter that can supply it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal, localcontext

from lape.model import (
    CHILDREN_YOUTH_FAMILIES,
    FundingPool,
    Grant,
    GrantKind,
    Period,
    Priority,
    Programme,
    Severity,
)
from lape.rules._catalogue._common import FROM_2016, SEED_000, SEED_001, SEED_002, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, rule
from lape.rules._text import Text

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
)
def f01(ctx: Context) -> Iterator[Outcome]:
    positions = {id(g): i for i, g in enumerate(ctx.snapshot.grants)}
    for pool in ctx.pools().values():
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
    source=seed(SEED_002, "har det reserverats sammanlagt 23,6 miljoner euro för 2020–2022"),
    title=Text(
        fi="Avustuksen kustannuskausi on määrärahan tukikelpoisella kaudella",
        sv="Bidragets kostnadsperiod ligger inom pottens period för stödberättigande kostnader",
        en="A grant's cost period lies inside its pool's eligible cost period",
    ),
    message=Text(
        fi=(
            "{subject}: avustus kattaa kustannuksia ajalta {costs}, joka ei mahdu määrärahan "
            "{pool} tukikelpoiseen kauteen {eligible}"
        ),
        sv=(
            "{subject}: bidraget täcker kostnader för {costs}, utanför den stödberättigande "
            "perioden {eligible} för potten {pool}"
        ),
        en=(
            "{subject}: the grant covers costs for {costs}, outside the eligible cost period "
            "{eligible} of pool {pool}"
        ),
    ),
    tags=_TAGS,
)
def f02(ctx: Context) -> Iterator[Outcome]:
    for i, grant, pool in _grants_with_pool(ctx):
        costs, eligible = grant.costs, pool.costs
        if costs is None or eligible is None:
            missing = [f"grants[{i}].costs"] if costs is None else []
            if eligible is None:
                missing.append(_pool_fact(ctx, pool, "costs"))
            yield ctx.unknown(grant, missing, at=f"grants[{i}]", pool=pool.id)
            continue
        if costs.is_inverted or eligible.is_inverted:
            continue  # LAPE-S03
        evidence = {"costs": costs, "eligible": eligible, "pool": pool.id}
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
)
def f03(ctx: Context) -> Iterator[Outcome]:
    min_actors = int(ctx.value("LAPE-F03.min_actors"))
    for i, grant, pool in _grants_with_pool(ctx):
        if pool.kind is not GrantKind.STATE_SUBSIDY or not _is_lape(pool):
            continue
        actors = grant.actors
        evidence = {"count": len(actors), "actors": actors, "min_actors": min_actors}
        if len(actors) >= min_actors:
            yield ctx.passed(grant, **evidence)
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
        fi="Käynnistysavustukset kohdistuvat vuosiin 2016–2017",
        sv="Startbidragen hänför sig till åren 2016–2017",
        en="Start-up grants fall in 2016-2017",
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
)
def f04(ctx: Context) -> Iterator[Outcome]:
    period: Period = ctx.value("LAPE-F04.period")
    for i, grant, pool in _grants_with_pool(ctx):
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
)
def f05(ctx: Context) -> Iterator[Outcome]:
    for i, grant, pool in _grants_with_pool(ctx):
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
)
def f06(ctx: Context) -> Iterator[Outcome]:
    for i, grant, pool in _grants_with_pool(ctx):
        if not _is_lape(pool):
            continue  # other programmes' pools may fund other services
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
)
def f07(ctx: Context) -> Iterator[Outcome]:
    for i, grant, pool in _grants_with_pool(ctx):
        evidence = {
            "programme": grant.programme,
            "pool": pool.id,
            "pool_programme": pool.programme,
        }
        if grant.programme is Programme.CHILD_STRATEGY and _is_lape(pool):
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
)
def f08(ctx: Context) -> Iterator[Outcome]:
    expected = frozenset(Priority)
    for i, grant, pool in _grants_with_pool(ctx):
        if not _is_2020_2022_pool(pool):
            continue
        lacking = []
        if grant.region is None:
            lacking.append("region")
        if not grant.priorities:
            lacking.append("priorities")
        evidence = {
            "pool": pool.id,
            "region": grant.region,
            "priorities": grant.priorities,
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


RULES: tuple[Rule, ...] = (f01, f02, f03, f04, f05, f06, f07, f08, f09)
