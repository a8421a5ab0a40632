"""Read the package's CSV files into model objects, once."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from importlib import resources

import attrs

from lape.model import (
    CountyCode,
    Document,
    DocumentKind,
    FundingPool,
    Geography,
    GrantKind,
    HospitalDistrict,
    Municipality,
    MunicipalityCode,
    Period,
    Programme,
    ProjectArea,
    Region,
    RegionCode,
    Text,
    WellbeingServicesCounty,
)

__all__ = ["documents", "documents_cited", "funding_pools", "geography", "sources"]


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = (
        resources.files("lape.reference")
        .joinpath("data")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    yield from csv.DictReader(io.StringIO(text))


def _codes(cell: str) -> frozenset[MunicipalityCode]:
    return frozenset(MunicipalityCode(c) for c in cell.split(";") if c)


def _date(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


@functools.cache
def geography() -> Geography:
    """Finland's regions, counties, hospital districts, municipalities (2016 on) and
    the 19 project areas of 2016-2019, from the package's reference data."""
    regions = {
        RegionCode(r["code"]): Region(
            code=RegionCode(r["code"]),
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            name_en=r["name_en"],
        )
        for r in _rows("regions.csv")
    }
    counties = {
        CountyCode(r["code"]): WellbeingServicesCounty(
            code=CountyCode(r["code"]),
            short_id=r["short_id"],
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            name_en=r["name_en"],
            region=RegionCode(r["region_code"]),
        )
        for r in _rows("wellbeing_services_counties.csv")
    }
    districts = {
        r["id"]: HospitalDistrict(
            id=r["id"],
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            special_district=r["special_district"],
            official_code=r["official_code"] or None,
        )
        for r in _rows("hospital_districts_2020.csv")
    }
    municipalities = {
        MunicipalityCode(r["code"]): Municipality(
            code=MunicipalityCode(r["code"]),
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            region=RegionCode(r["region_code"]),
            county=CountyCode(r["county_code"]) if r["county_code"] else None,
            hospital_district=r["hospital_district_2020"] or None,
            population_2020=int(r["population_2020"]) if r["population_2020"] else None,
        )
        for r in _rows("municipalities.csv")
    }
    for change in _rows("municipality_changes.csv"):
        code = MunicipalityCode(change["code"])
        day = dt.date.fromisoformat(change["date"])
        known = municipalities.get(code)
        if change["change"] == "merger":
            if known is None:
                known = Municipality(
                    code=code,
                    name_fi=change["name_fi"],
                    name_sv=change["name_sv"],
                    region=RegionCode(change["region_before"]),
                    county=None,
                    hospital_district=change["hospital_district"] or None,
                )
            municipalities[code] = attrs.evolve(
                known, ceased=day, successor=MunicipalityCode(change["successor_code"])
            )
        elif change["change"] == "region_transfer" and known is not None:
            municipalities[code] = attrs.evolve(
                known, region_before=RegionCode(change["region_before"]), region_since=day
            )
        else:  # pragma: no cover - guards the shipped data, checked by the tests
            msg = f"municipality_changes.csv: cannot apply {change['change']} of {code}"
            raise ValueError(msg)
    areas = {
        r["id"]: ProjectArea(
            id=r["id"],
            name_fi=r["name_fi"],
            name_sv=r["name_sv"],
            name_en=r["name_en"],
            region=RegionCode(r["region_code"]),
            municipalities=_codes(r["municipalities"]),
            excluded=_codes(r["excluded"]),
        )
        for r in _rows("project_areas.csv")
    }
    return Geography(
        regions=regions,
        counties=counties,
        hospital_districts=districts,
        municipalities=dict(sorted(municipalities.items())),
        project_areas=areas,
    )


@functools.cache
def funding_pools() -> tuple[FundingPool, ...]:
    """The programme's known funding pools (amounts, calls, eligible costs, sources).

    An amount or date that no public source gave is ``None``, not zero.
    """
    pools = []
    for r in _rows("funding_pools.csv"):
        opens, closes = _date(r["call_opens"]), _date(r["call_closes"])
        costs_from, costs_to = _date(r["costs_from"]), _date(r["costs_to"])
        pools.append(
            FundingPool(
                id=r["id"],
                name=r["name_en"],
                kind=GrantKind(r["kind"]),
                programme=Programme(r["programme"]),
                amount=Decimal(r["amount_eur"]) if r["amount_eur"] else None,
                call=Period(start=opens, end=closes) if opens is not None else None,
                costs=Period(start=costs_from, end=costs_to) if costs_from is not None else None,
                self_financing={"none": False, "": None}.get(r["self_financing"], True),
                source=r["source"] or None,
            )
        )
    return tuple(pools)


def sources() -> str:
    """The text of ``SOURCES.md``: where each reference file comes from, its date and licence."""
    return resources.files("lape.reference").joinpath("SOURCES.md").read_text(encoding="utf-8")


@functools.cache
def documents() -> Mapping[str, Document]:
    """The documents the rule catalogue cites, by ID: the five seed texts
    (``seed_sources.csv``) and the press releases, acts and pages of these docs
    the rules name beside them (``cited_documents.csv``).

    >>> d = documents()["seeds/001_fcf0a286dac43d18.txt"]
    >>> d.kind.value, d.date.isoformat(), d.publisher.en
    ('news', '2016-06-23', 'Ministry of Social Affairs and Health (STM)')
    >>> documents()["Act 614/2021"].url
    'https://finlex.fi/fi/laki/alkup/2021/20210614'
    """
    found: dict[str, Document] = {}
    for r in _rows("seed_sources.csv"):
        doc = Document(
            id=f"seeds/{r['file']}",
            kind=DocumentKind(r["kind"].replace(" ", "_")),
            publisher=Text(fi=r["publisher_fi"], sv=r["publisher_sv"], en=r["publisher_en"]),
            title=r["title_sv"] or None,
            title_language="sv" if r["title_sv"] and not r["title_sv"].startswith("(") else "en",
            date=_date(r["date"]),
            author=r["author"] or None,
            url=r["url"] or None,
        )
        found[doc.id] = doc
    for r in _rows("cited_documents.csv"):
        language = r["title_language"]
        doc = Document(
            id=r["id"],
            kind=DocumentKind(r["kind"]),
            number=r["number"] or None,
            publisher=Text(fi=r["publisher_fi"], sv=r["publisher_sv"], en=r["publisher_en"]),
            title=r["title"] or None,
            title_language="fi" if language == "fi" else "sv" if language == "sv" else "en",
            date=_date(r["date"]),
            url=r["url"] or None,
            note=r["note"] or None,
        )
        found[doc.id] = doc
    return found


_CITED = re.compile(
    r"seeds/\d{3}_[0-9a-f]{16}\.txt|docs/[\w/.-]+?\.md|src/lape/[\w/.-]+?\.md"
    r"|(?<![\w/])\d{1,4}/(?:19|20)\d\d(?![\w/])"
)


@functools.lru_cache(maxsize=256)
def documents_cited(text: str) -> tuple[Document, ...]:
    """The shipped documents that ``text`` (a rule's :attr:`~lape.rules.Source.document`)
    names, in the order it names them: seed files and pages by path, acts and press
    releases by number (``614/2021``). Names of documents not shipped are skipped.

    >>> cited = documents_cited("seeds/001_fcf0a286dac43d18.txt; STM press release 127/2018")
    >>> [d.id for d in cited]
    ['seeds/001_fcf0a286dac43d18.txt', 'STM 127/2018']
    """
    by_name: dict[str, Document] = {}
    for doc in documents().values():
        by_name[doc.id] = doc
        if doc.number:
            by_name.setdefault(doc.number, doc)
    found: dict[str, Document] = {}
    for name in _CITED.findall(text):
        named = by_name.get(name)
        if named is not None:
            found.setdefault(named.id, named)
    return tuple(found.values())
