"""Finland's areas: regions, wellbeing services counties, hospital districts and
municipalities, and how the municipality list and their regions change over time.

The real data ships with the package (:func:`lape.reference.geography`); this
module holds the types and the date-aware look-ups on them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from lape._frozen import FrozenMap
from lape._html import HTMLRepr, cell, row, table
from lape.errors import NotFoundError
from lape.model._groups import GroupKind
from lape.model._ids import CountyCode, MunicipalityCode, RegionCode

if TYPE_CHECKING:
    from lape.model._groups import Group

__all__ = [
    "HELSINKI",
    "HELSINKI_COUNTY",
    "ÅLAND_REGION",
    "Geography",
    "HospitalDistrict",
    "Municipality",
    "ProjectArea",
    "Region",
    "WellbeingServicesCounty",
]


@attrs.frozen(kw_only=True)
class Region:
    """A region (maakunta / landskap): 18 mainland regions and Åland (code ``"21"``)."""

    code: RegionCode
    name_fi: str
    name_sv: str
    name_en: str

    @property
    def is_mainland(self) -> bool:
        """False for the Åland Islands, which are outside the wellbeing services reform."""
        return self.code != ÅLAND_REGION


@attrs.frozen(kw_only=True)
class WellbeingServicesCounty:
    """A wellbeing services county (hyvinvointialue / välfärdsområde), or the City of
    Helsinki (code ``"90"``), which organises these services itself."""

    code: CountyCode
    short_id: str
    name_fi: str
    name_sv: str
    name_en: str
    region: RegionCode


@attrs.frozen(kw_only=True)
class HospitalDistrict:
    """A hospital district (sairaanhoitopiiri / sjukvårdsdistrikt), as in 2020."""

    id: str
    name_fi: str
    name_sv: str
    special_district: str
    """The university-hospital catchment area (erva): HYKS, TYKS, TAYS, KYS or OYS."""
    official_code: str | None


@attrs.frozen(kw_only=True)
class Municipality:
    """A municipality (kunta / kommun), including those merged since 2016.

    ``region`` is the region it belonged to last (from 2021 for those that
    exist then); ``region_before`` and ``region_since`` record a move between
    regions. ``ceased`` is the first day it no longer existed, ``successor``
    the municipality it merged into.
    """

    code: MunicipalityCode
    name_fi: str
    name_sv: str
    region: RegionCode
    county: CountyCode | None
    """``None`` for the Åland Islands and for municipalities that ceased before 2023."""
    hospital_district: str | None
    """The hospital district in 2020 (or, for those merged earlier, before the merger)."""
    population_2020: int | None = None
    ceased: dt.date | None = None
    successor: MunicipalityCode | None = None
    region_before: RegionCode | None = None
    region_since: dt.date | None = None

    def exists_on(self, day: dt.date) -> bool:
        """Whether the municipality existed on ``day`` (data from 2016-01-01 on)."""
        return self.ceased is None or day < self.ceased

    def region_on(self, day: dt.date) -> RegionCode:
        """The region the municipality belonged to on ``day``."""
        if (
            self.region_before is not None
            and self.region_since is not None
            and day < self.region_since
        ):
            return self.region_before
        return self.region


@attrs.frozen(kw_only=True)
class ProjectArea:
    """One of the 19 project areas of the 2016-2019 regional projects: the 18
    mainland regions, with Uusimaa split into the capital region and the rest.

    ``municipalities`` lists the area's municipalities when it is not a whole
    region; ``excluded`` those of the region that belong to another area.
    """

    id: str
    name_fi: str
    name_sv: str
    name_en: str
    region: RegionCode
    municipalities: frozenset[MunicipalityCode] = frozenset()
    excluded: frozenset[MunicipalityCode] = frozenset()


ÅLAND_REGION = RegionCode("21")
"""The region code of the Åland Islands: no wellbeing services county, no project area
(not to be confused with county ``"21"``, Lapland)."""
HELSINKI = MunicipalityCode("091")
"""Helsinki, which organises its own social, health and rescue services."""
HELSINKI_COUNTY = CountyCode("90")
"""The code Helsinki has among the wellbeing services counties."""


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


_T = TypeVar("_T")
_MAX_GUESSED = 100
"""Longer text gets no "did you mean" (difflib's work grows with the length)."""


def _found(what: str, key: str, value: _T | None, known: Iterable[str], strict: bool) -> _T | None:
    """``value``; when it is ``None`` and ``strict``, a :class:`NotFoundError` naming the
    closest of ``known``."""
    if value is not None or not strict:
        return value
    names = list(known)
    close = difflib.get_close_matches(key, names, n=1) if len(key) <= _MAX_GUESSED else []
    if not close and key.strip():  # a short form of a long name: "Kainuu" for its county
        start = _fold(key)
        close = sorted((n for n in names if _fold(n).startswith(start)), key=len)[:1]
    raise NotFoundError(what, key, close[0] if close else None)


def _read_only(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """Converter: a table of areas as a read-only mapping that can still be copied."""
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


@attrs.frozen(kw_only=True, repr=False)
class Geography(HTMLRepr):
    """Finland's areas with date-aware look-ups, indexed once.

    >>> from lape.reference import geography
    >>> geo = geography()
    >>> len(geo.municipalities_on(dt.date(2016, 6, 1)))
    313
    >>> len(geo.municipalities_on(dt.date(2025, 1, 1)))
    308
    >>> geo.municipality_code("Tammerfors")
    '837'
    >>> geo.region_of("291", dt.date(2020, 12, 31)), geo.region_of("291", dt.date(2021, 1, 1))
    ('13', '06')

    The look-ups by code or name return ``None`` for what is not there, for callers
    that branch on it; with ``strict=True`` they raise a
    :class:`~lape.errors.NotFoundError` naming the closest one instead, and the
    type checker knows the result is not ``None``:

    >>> geo.municipality_code("Kajani") is None
    True
    >>> geo.municipality_code("Kajani", strict=True)
    Traceback (most recent call last):
    ...
    lape.errors.NotFoundError: no municipality 'Kajani'; did you mean 'Kajaani'?
    >>> geo.municipality("205", strict=True).name_fi
    'Kajaani'
    """

    # read-only: the reference geography is one instance that every check shares
    regions: Mapping[str, Region] = attrs.field(eq=False, converter=_read_only)
    counties: Mapping[str, WellbeingServicesCounty] = attrs.field(eq=False, converter=_read_only)
    hospital_districts: Mapping[str, HospitalDistrict] = attrs.field(eq=False, converter=_read_only)
    municipalities: Mapping[str, Municipality] = attrs.field(eq=False, converter=_read_only)
    project_areas: Mapping[str, ProjectArea] = attrs.field(eq=False, converter=_read_only)

    # -- municipalities -------------------------------------------------

    def _counts(self) -> list[tuple[str, int]]:
        return [
            ("regions", len(self.regions)),
            ("wellbeing services counties", len(self.counties)),
            ("hospital districts", len(self.hospital_districts)),
            ("municipalities (all years)", len(self.municipalities)),
            ("project areas", len(self.project_areas)),
        ]

    def __repr__(self) -> str:
        return "<Geography: " + ", ".join(f"{n} {what}" for what, n in self._counts()) + ">"

    def _html(self) -> str:
        body = (row([cell(what), cell(n)]) for what, n in self._counts())
        return table("Geography", body, head=("areas", "count"), css_class="lape-geography")

    @overload
    def municipality(self, code: str, *, strict: Literal[False] = False) -> Municipality | None: ...
    @overload
    def municipality(self, code: str, *, strict: Literal[True]) -> Municipality: ...
    @overload
    def municipality(self, code: str, *, strict: bool) -> Municipality | None: ...

    def municipality(self, code: str, *, strict: bool = False) -> Municipality | None:
        """The municipality with official ``code``, or ``None`` (``strict``: a
        :class:`~lape.errors.NotFoundError` naming the closest code or name)."""
        found = self.municipalities.get(MunicipalityCode(code))
        if found is None and strict:
            named = self.municipality_code(code)  # a name given for a code
            if named is not None:
                raise NotFoundError("municipality", code, named)
            return _found("municipality", code, found, self.municipalities, strict)
        return found

    def municipalities_on(self, day: dt.date) -> tuple[Municipality, ...]:
        """The municipalities that existed on ``day``, sorted by code."""
        return tuple(m for m in self.municipalities.values() if m.exists_on(day))

    def region_of(self, code: str, day: dt.date) -> RegionCode | None:
        """The region of municipality ``code`` on ``day``; ``None`` if unknown or not existing."""
        m = self.municipality(code)
        if m is None or not m.exists_on(day):
            return None
        return m.region_on(day)

    def municipalities_of_region(self, region: str, day: dt.date) -> frozenset[MunicipalityCode]:
        """The codes of the municipalities of ``region`` on ``day``."""
        return self._region_members(day).get(RegionCode(region), frozenset())

    def municipalities_of_county(self, county: str) -> frozenset[MunicipalityCode]:
        """The codes of the municipalities of a wellbeing services county (from 2023)."""
        return self._county_members.get(CountyCode(county), frozenset())

    def municipalities_of_project_area(
        self, area_id: str, day: dt.date
    ) -> frozenset[MunicipalityCode]:
        """The codes of the municipalities of project area ``area_id`` on ``day``."""
        area = self.project_areas.get(area_id)
        if area is None:
            return frozenset()
        if area.municipalities:
            return frozenset(c for c in area.municipalities if self.municipality_exists(c, day))
        return self.municipalities_of_region(area.region, day) - area.excluded

    @overload
    def project_area_of(
        self, code: str, day: dt.date, *, strict: Literal[False] = False
    ) -> ProjectArea | None: ...
    @overload
    def project_area_of(self, code: str, day: dt.date, *, strict: Literal[True]) -> ProjectArea: ...
    @overload
    def project_area_of(self, code: str, day: dt.date, *, strict: bool) -> ProjectArea | None: ...

    def project_area_of(
        self, code: str, day: dt.date, *, strict: bool = False
    ) -> ProjectArea | None:
        """The project area municipality ``code`` belonged to on ``day`` (``None``
        for a municipality in none, e.g. on Åland, or unknown on that day; with
        ``strict=True`` a :class:`~lape.errors.NotFoundError` instead)."""
        found = self._project_area_of(code, day)
        if found is None and strict:
            raise NotFoundError(f"project area on {day.isoformat()} for municipality", code)
        return found

    def _project_area_of(self, code: str, day: dt.date) -> ProjectArea | None:
        region = self.region_of(code, day)
        if region is None:
            return None
        for area in self._areas_of_region.get(region, ()):
            if area.municipalities and code in area.municipalities:
                return area
            if not area.municipalities and code not in area.excluded:
                return area
        return None

    def municipality_on(self, code: str, day: dt.date) -> MunicipalityCode | None:
        """The municipality that ``code`` is on ``day``: itself while it exists, else
        the one it merged into (followed through later mergers); ``None`` for an
        unknown code.

        >>> from lape.reference import geography
        >>> geography().municipality_on("174", dt.date(2017, 6, 1))  # Juankoski, into Kuopio
        '297'
        """
        m = self.municipality(code)
        seen: set[str] = set()
        while m is not None and not m.exists_on(day) and m.successor is not None:
            if m.code in seen:
                return None
            seen.add(m.code)
            m = self.municipality(m.successor)
        return None if m is None else m.code

    def county_of(self, code: str) -> CountyCode | None:
        """The wellbeing services county of municipality ``code`` (Helsinki: ``"90"``;
        ``None`` on Åland, or for a municipality that ceased before 2023)."""
        m = self.municipality(code)
        return None if m is None else m.county

    def counties_of_region(self, region: str) -> frozenset[CountyCode]:
        """The wellbeing services counties of ``region`` (Uusimaa: four and Helsinki)."""
        return frozenset(c.code for c in self.counties.values() if c.region == region)

    def project_area_of_group(self, group: Group, day: dt.date) -> ProjectArea | None:
        """The project area of a development group on ``day``: its own ``project_area``;
        for a municipal group without one, the area its municipality (or the one it
        merged into) belonged to; for a regional group, its region's only area
        (``None``: cannot be told, e.g. an Uusimaa regional group without
        ``project_area``, or Åland, which was no area). LAPE-G13 and the network's
        regional links read groups' areas this way (DOMAIN.md, "the group's area").

        >>> from lape.reference import geography
        >>> from lape.model import Group, GroupKind
        >>> espoo = Group(id="e", name="Espoo", kind=GroupKind.MUNICIPAL, municipality="049")
        >>> geography().project_area_of_group(espoo, dt.date(2017, 6, 1)).id
        'capital-region'
        """
        if group.project_area is not None:
            return self.project_areas.get(group.project_area)
        if group.kind is GroupKind.MUNICIPAL:
            if group.municipality is None:
                return None
            code = self.municipality_on(group.municipality, day)
            return None if code is None else self.project_area_of(code, day)
        if group.region is not None:
            areas = self.project_areas_of_region(group.region)
            return areas[0] if len(areas) == 1 else None
        return None

    def project_areas_of_region(self, region: str) -> tuple[ProjectArea, ...]:
        """The project areas of ``region``: one, two for Uusimaa, none for Åland."""
        return self._areas_of_region.get(RegionCode(region), ())

    def hospital_districts_of(self, municipalities: Iterable[str]) -> frozenset[str]:
        """The hospital districts that the given municipalities belonged to."""
        found = set()
        for code in municipalities:
            m = self.municipality(code)
            if m is not None and m.hospital_district is not None:
                found.add(m.hospital_district)
        return frozenset(found)

    def municipality_exists(self, code: str, day: dt.date) -> bool:
        """Whether municipality ``code`` existed on ``day``."""
        m = self.municipality(code)
        return m is not None and m.exists_on(day)

    # -- names to codes -------------------------------------------------

    @overload
    def municipality_code(
        self, name_or_code: str, *, strict: Literal[False] = False
    ) -> MunicipalityCode | None: ...
    @overload
    def municipality_code(
        self, name_or_code: str, *, strict: Literal[True]
    ) -> MunicipalityCode: ...
    @overload
    def municipality_code(self, name_or_code: str, *, strict: bool) -> MunicipalityCode | None: ...

    def municipality_code(
        self, name_or_code: str, *, strict: bool = False
    ) -> MunicipalityCode | None:
        """The code of a municipality named in Finnish or Swedish (any case), or given by
        code; ``None`` when there is none (``strict``: a :class:`~lape.errors.NotFoundError`
        naming the closest name)."""
        if name_or_code in self.municipalities:
            return MunicipalityCode(name_or_code)
        found = self._municipality_names.get(_fold(name_or_code))
        return _found("municipality", name_or_code, found, self.municipality_names(), strict)

    @overload
    def region_code(
        self, name_or_code: str, *, strict: Literal[False] = False
    ) -> RegionCode | None: ...
    @overload
    def region_code(self, name_or_code: str, *, strict: Literal[True]) -> RegionCode: ...
    @overload
    def region_code(self, name_or_code: str, *, strict: bool) -> RegionCode | None: ...

    def region_code(self, name_or_code: str, *, strict: bool = False) -> RegionCode | None:
        """The code of a region named in Finnish, Swedish or English, or given by code;
        ``None`` when there is none (``strict``: a :class:`~lape.errors.NotFoundError`)."""
        if name_or_code in self.regions:
            return RegionCode(name_or_code)
        found = self._region_names.get(_fold(name_or_code))
        return _found("region", name_or_code, found, self.region_names(), strict)

    @overload
    def county_code(
        self, name_or_code: str, *, strict: Literal[False] = False
    ) -> CountyCode | None: ...
    @overload
    def county_code(self, name_or_code: str, *, strict: Literal[True]) -> CountyCode: ...
    @overload
    def county_code(self, name_or_code: str, *, strict: bool) -> CountyCode | None: ...

    def county_code(self, name_or_code: str, *, strict: bool = False) -> CountyCode | None:
        """The code of a county given by code, short ID (``"PI"``) or name in fi, sv or en;
        ``None`` when there is none (``strict``: a :class:`~lape.errors.NotFoundError`)."""
        if name_or_code in self.counties:
            return CountyCode(name_or_code)
        found = self._county_names.get(_fold(name_or_code))
        return _found("county", name_or_code, found, self.county_names(), strict)

    def municipality_names(self) -> tuple[str, ...]:
        """Every name a municipality may be referred to by (for suggestions)."""
        return self._names_of_municipalities

    def region_names(self) -> tuple[str, ...]:
        """Every name a region may be referred to by, fi, sv and en (for suggestions)."""
        return tuple(
            sorted({n for r in self.regions.values() for n in (r.name_fi, r.name_sv, r.name_en)})
        )

    def county_names(self) -> tuple[str, ...]:
        """Every name a county may be referred to by: short ID and fi, sv and en names."""
        return tuple(
            sorted(
                {
                    n
                    for c in self.counties.values()
                    for n in (c.short_id, c.name_fi, c.name_sv, c.name_en)
                }
            )
        )

    # -- indexes built once ---------------------------------------------

    @functools.cached_property
    def _names_of_municipalities(self) -> tuple[str, ...]:
        return tuple(
            sorted({n for m in self.municipalities.values() for n in (m.name_fi, m.name_sv)})
        )

    @functools.cached_property
    def _municipality_names(self) -> dict[str, MunicipalityCode]:
        names: dict[str, set[MunicipalityCode]] = defaultdict(set)
        for m in self.municipalities.values():
            names[_fold(m.name_fi)].add(m.code)
            names[_fold(m.name_sv)].add(m.code)
        return {name: next(iter(codes)) for name, codes in names.items() if len(codes) == 1}

    @functools.cached_property
    def _region_names(self) -> dict[str, RegionCode]:
        return {
            _fold(name): r.code
            for r in self.regions.values()
            for name in (r.name_fi, r.name_sv, r.name_en)
        }

    @functools.cached_property
    def _county_names(self) -> dict[str, CountyCode]:
        return {
            _fold(name): c.code
            for c in self.counties.values()
            for name in (c.short_id, c.name_fi, c.name_sv, c.name_en)
        }

    @functools.cached_property
    def _county_members(self) -> dict[CountyCode, frozenset[MunicipalityCode]]:
        members: dict[CountyCode, set[MunicipalityCode]] = defaultdict(set)
        for m in self.municipalities.values():
            if m.county is not None:
                members[m.county].add(m.code)
        return {county: frozenset(codes) for county, codes in members.items()}

    @functools.cached_property
    def _areas_of_region(self) -> dict[RegionCode, tuple[ProjectArea, ...]]:
        areas: dict[RegionCode, list[ProjectArea]] = defaultdict(list)
        for area in self.project_areas.values():
            areas[area.region].append(area)
        return {region: tuple(a) for region, a in areas.items()}

    @functools.cached_property
    def _changes(self) -> list[dt.date]:
        """The days the municipalities or their regions changed (a merger, a move to
        another region), sorted: between two of them every day looks the same."""
        days = {m.ceased for m in self.municipalities.values() if m.ceased is not None}
        days |= {m.region_since for m in self.municipalities.values() if m.region_since}
        return sorted(days)

    @functools.cached_property
    def _region_members_by_era(
        self,
    ) -> dict[int, dict[RegionCode, frozenset[MunicipalityCode]]]:
        return {}  # at most one entry per change and one more: bounded by the data

    def _region_members(self, day: dt.date) -> dict[RegionCode, frozenset[MunicipalityCode]]:
        era = bisect.bisect_right(self._changes, day)
        cached = self._region_members_by_era.get(era)
        if cached is None:
            found: dict[RegionCode, set[MunicipalityCode]] = defaultdict(set)
            for m in self.municipalities_on(day):
                found[m.region_on(day)].add(m.code)
            cached = {region: frozenset(codes) for region, codes in found.items()}
            self._region_members_by_era[era] = cached
        return cached
