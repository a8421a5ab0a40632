"""LAPE-Y01..Y02: youth participation bodies (nuorisovaltuustot / ungdomsfullmäktige).

Every municipality has a youth council from 1 June 2017, its own or one
shared by several municipalities (Local Government Act 410/2015 s. 26), and
from 2023 every wellbeing services county has a county youth council whose
members come from the youth councils of the county's municipalities, at
least one from each (Act on Wellbeing Services Counties 611/2021 s. 32).
The Åland Islands have their own local government law and are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from lape._wording import Text
from lape.model import Actor, ActorKind, MunicipalityCode, Period, Severity
from lape.rules._catalogue._common import FROM_2023, seed
from lape.rules._context import Context
from lape.rules._rule import Outcome, Rule, Subject, rule

__all__ = ["RULES"]

FROM_JUNE_2017 = Period(start=dt.date(2017, 6, 1))
"""The youth council section of the Local Government Act applies from 1 June 2017."""

_TAGS = ("youth",)


def _active_councils(ctx: Context) -> list[Actor]:
    """The municipal youth councils at work on the checked day."""
    return [
        a for a in ctx.snapshot.actors if a.kind is ActorKind.YOUTH_COUNCIL and ctx.active(a.period)
    ]


def _names(
    ctx: Context, codes: Iterable[MunicipalityCode]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[MunicipalityCode, ...]]:
    """The Finnish names, the Swedish names and the codes of municipalities, by code."""
    ordered = sorted(codes)
    fi: list[str] = []
    sv: list[str] = []
    for code in ordered:
        m = ctx.geography.municipality(code)
        fi.append(code if m is None else m.name_fi)
        sv.append(code if m is None else m.name_sv)
    return tuple(sorted(fi)), tuple(sorted(sv)), tuple(ordered)


# -- LAPE-Y01 ------------------------------------------------------------------


@rule(
    id="LAPE-Y01",
    severity=Severity.WARNING,
    subjects="municipality",
    in_force=FROM_JUNE_2017,
    source=seed(
        "Local Government Act 410/2015 s. 26",
        "ett ungdomsfullmäktige eller en motsvarande påverkansgrupp för unga (ungdomsfullmäktige)",
    ),
    title=Text(
        fi="Jokaisella manner-Suomen kunnalla on oma tai useamman kunnan yhteinen nuorisovaltuusto",
        sv="Varje kommun på fastlandet har ett eget ungdomsfullmäktige eller ett som den "
        "delar med andra kommuner",
        en="Every mainland municipality has a youth council, its own or one shared with other "
        "municipalities",
    ),
    message=Text(
        fi="{subject}: kunnalla ei ole omaa eikä muiden kuntien kanssa yhteistä "
        "nuorisovaltuustoa (tilanne {as_of})",
        sv="{subject}: kommunen har varken ett eget ungdomsfullmäktige eller ett som den "
        "delar med andra kommuner (läget {as_of})",
        en="{subject}: on {as_of} the municipality has no youth council, neither its own nor "
        "one shared with other municipalities",
    ),
    tags=_TAGS,
    condition=Text(
        fi="Jokaisella manner-Suomen kunnalla, jota tilannekuva koskee, on 1.6.2017 alkaen "
        "tarkistuspäivänä toiminnassa oma tai muiden kuntien kanssa yhteinen nuorisovaltuusto "
        "(kuntalaki 410/2015, 26 §).",
        sv="Varje kommun på fastlandet som ögonblicksbilden gäller har från 1.6.2017 på "
        "kontrolldagen ett verksamt ungdomsfullmäktige, eget eller delat med andra kommuner "
        "(kommunallagen 410/2015, 26 §).",
        en="Every mainland municipality the snapshot covers has, from 1 June 2017 on the checked "
        "day, a youth council at work, its own or one shared with other municipalities (Local "
        "Government Act 410/2015 s. 26).",
    ),
)
def y01(ctx: Context) -> Iterator[Outcome]:
    """Every mainland municipality has a youth council, its own or a shared one.

    Local Government Act 410/2015 s. 26 (applied from 1.6.2017): the municipal
    board sets up «ett ungdomsfullmäktige eller en motsvarande påverkansgrupp
    för unga (ungdomsfullmäktige)»; one council may serve several
    municipalities. The municipalities examined are the snapshot's scope on
    the checked day, without Åland. A youth council at work on the day whose
    ``municipalities`` are not given (and whose region, if any, is the
    municipality's) might be the one: the municipality is then *unknown*.
    """
    geo, day = ctx.geography, ctx.as_of
    councils = _active_councils(ctx)
    served: dict[str, list[Actor]] = {}
    unplaced: list[Actor] = []
    for council in councils:
        if not council.municipalities:
            unplaced.append(council)
        for listed in council.municipalities:  # a merged municipality as its successor
            code = ctx.municipality_now(listed) or listed
            served.setdefault(code, []).append(council)
    for code in sorted(ctx.scope_municipalities()):
        region = geo.region_of(code, day)
        if region is None or not geo.regions[region].is_mainland:
            continue
        m = geo.municipality(code)
        subject = Subject("municipality", code, None if m is None else m.name_fi)
        if code in served:
            yield ctx.passed(subject, youth_councils=tuple(a.id for a in served[code]))
            continue
        maybe = [a for a in unplaced if not ctx.actor_regions(a) or region in ctx.actor_regions(a)]
        if maybe:
            missing = [f"municipalities of actor {a.id}" for a in maybe]
            yield ctx.unknown(subject, missing=missing, as_of=day)
        else:
            yield ctx.failed(subject, as_of=day)


# -- LAPE-Y02 ------------------------------------------------------------------


@rule(
    id="LAPE-Y02",
    severity=Severity.ERROR,
    subjects="actor",
    in_force=FROM_2023,
    source=seed(
        "Act 611/2021 s. 32",
        "från varje sådant kommunalt organ väljs minst en representant",
    ),
    title=Text(
        fi="Hyvinvointialueen nuorisovaltuustossa on jäsen alueen jokaisen kunnan "
        "nuorisovaltuustosta",
        sv="Välfärdsområdets ungdomsfullmäktige har en medlem från ungdomsfullmäktige i var "
        "och en av områdets kommuner",
        en="A county youth council has a member from the youth council of each of the "
        "county's municipalities",
    ),
    message=Text(
        fi="{subject}: aluenuorisovaltuustossa ({county_fi}) ei ole jäsentä näiden kuntien "
        "nuorisovaltuustoista: {uncovered}",
        sv="{subject}: ungdomsfullmäktige i {county_sv} har ingen medlem från "
        "ungdomsfullmäktige i dessa kommuner: {uncovered_sv}",
        en="{subject}: the youth council of {county_en} has no member from the youth councils "
        "of these municipalities: {uncovered}",
    ),
    tags=_TAGS,
    condition=Text(
        fi="Vuodesta 2023 jokaisessa hyvinvointialueen nuorisovaltuustossa on jäsen alueen "
        "jokaisen kunnan nuorisovaltuustosta (laki hyvinvointialueesta 611/2021, 32 §).",
        sv="Från 2023 har varje välfärdsområdes ungdomsfullmäktige en medlem från "
        "ungdomsfullmäktige i var och en av områdets kommuner (lagen om välfärdsområden "
        "611/2021, 32 §).",
        en="From 2023 every county youth council has a member from the youth council of each of "
        "the county's municipalities (Act on Wellbeing Services Counties 611/2021 s. 32).",
    ),
)
def y02(ctx: Context) -> Iterator[Outcome]:
    """A county youth council has a member from each municipality's youth council.

    Act on Wellbeing Services Counties 611/2021 s. 32: the members of the
    county's youth council are chosen from the youth councils of the county's
    municipalities so that «från varje sådant kommunalt organ väljs minst en
    representant». The youth councils at work on the checked day that the
    county youth council's ``composed_of`` lists must, between them, serve
    every municipality of its ``county`` that exists on that day. When
    ``county`` or ``composed_of`` is not given, or a listed council's
    ``municipalities`` are not, the council is *unknown*.
    """
    geo, day = ctx.geography, ctx.as_of
    for actor in ctx.snapshot.actors:
        if actor.kind is not ActorKind.COUNTY_YOUTH_COUNCIL or not ctx.active(actor.period):
            continue
        if actor.county is None or actor.county not in geo.counties:
            yield ctx.unknown(actor, missing=["county"])
            continue
        if not actor.composed_of:
            yield ctx.unknown(actor, missing=["composed_of"])
            continue
        county = geo.counties[actor.county]
        expected = {
            c for c in geo.municipalities_of_county(county.code) if geo.municipality_exists(c, day)
        }
        members = [ctx.index.actor(member_id) for member_id in actor.composed_of]
        councils = [
            a
            for a in members
            if a is not None and a.kind is ActorKind.YOUTH_COUNCIL and ctx.active(a.period)
        ]
        covered = {
            ctx.municipality_now(code) or code
            for council in councils
            for code in council.municipalities
        }
        uncovered = expected - covered
        if not uncovered:
            yield ctx.passed(actor)
            continue
        unplaced = [f"municipalities of actor {a.id}" for a in councils if not a.municipalities]
        if unplaced:
            yield ctx.unknown(actor, missing=unplaced)
            continue
        fi, sv, codes = _names(ctx, uncovered)
        yield ctx.failed(
            actor,
            at=".composed_of",
            county=county.code,
            county_fi=county.name_fi,
            county_sv=county.name_sv,
            county_en=county.name_en,
            uncovered=fi,
            uncovered_sv=sv,
            uncovered_codes=codes,
            composed_of=tuple(a.id for a in councils),
        )


RULES: tuple[Rule, ...] = (y01, y02)
