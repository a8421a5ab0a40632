"""Identifiers: the readable IDs of a snapshot's entities and the official area codes.

IDs of the user's own entities (actors, groups, grants...) are short readable
strings such as ``tampere-sote``. Areas are referred to by official code:
municipalities by their three-digit code (``"837"``), regions (maakunta /
landskap) and wellbeing services counties by two digits (``"06"``).

The codes are plain ``str`` at run time (``MunicipalityCode`` and the others are
:class:`typing.NewType` markers for the type checker), and every field that takes
one takes plain text too: a code, or a name in Finnish or Swedish (regions and
counties also in English, counties by short ID), which becomes the code, in
Python as in a file:

>>> from lape.model import Actor, ActorKind
>>> Actor(id="k", name="Kajaani", kind=ActorKind.MUNICIPALITY,
...       municipalities=["Kajaani", "Tammerfors"], region="Kainuu").municipalities
('205', '837')
>>> from lape.errors import ArgumentError
>>> try:
...     Actor(id="k", name="Kajaani", kind=ActorKind.MUNICIPALITY, municipalities=["Kajani"])
... except ArgumentError as error:
...     print(error.argument)
...     print(error.message)
Actor.municipalities[0]
unknown municipality 'Kajani' (give a 3-digit code or a name); did you mean 'Kajaani'?

A well-formed code that names no area (``"999"``) is kept: checking reports it
(LAPE-S01), as for a file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NewType

import attrs

from lape._construction import AREA_CODE_WIDTHS, done_by_loader, unknown_area
from lape._describe import describe, shown
from lape.model._fields import as_tuple, field_error

if TYPE_CHECKING:
    from lape.model._geography import Geography

__all__ = [
    "COUNTY_CODE_PATTERN",
    "ID_PATTERN",
    "MUNICIPALITY_CODE_PATTERN",
    "REGION_CODE_PATTERN",
    "CountyCode",
    "MunicipalityCode",
    "RegionCode",
    "county_code",
    "entity_id",
    "municipality_code",
    "region_code",
    "to_counties",
    "to_county",
    "to_municipalities",
    "to_municipality",
    "to_optional_county",
    "to_optional_municipalities",
    "to_optional_municipality",
    "to_optional_region",
    "to_region",
    "to_regions",
]

MunicipalityCode = NewType("MunicipalityCode", str)
"""Official three-digit municipality code (kuntanumero / kommunnummer), e.g. ``"837"``."""

RegionCode = NewType("RegionCode", str)
"""Official two-digit region code (maakuntakoodi / landskapskod), e.g. ``"06"``."""

CountyCode = NewType("CountyCode", str)
"""Two-digit wellbeing services county code, ``"01"``..``"21"``, ``"90"`` for Helsinki."""

ID_PATTERN = re.compile(r"[^\W_][\w.:/-]*")
"""An entity ID: letters, digits and ``. _ : / -``, starting with a letter or a digit."""
MUNICIPALITY_CODE_PATTERN = re.compile(r"[0-9]{3}")
REGION_CODE_PATTERN = re.compile(r"[0-9]{2}")
COUNTY_CODE_PATTERN = re.compile(r"[0-9]{2}")


_SEEN_MAX = 200_000


@attrs.frozen
class _FullMatch:
    """attrs validator: a string that matches ``pattern`` from start to end.

    ``area`` (``municipality``, ``region``, ``county``) makes the complaint about a
    value that is not a code say so, with the closest name of such an area.
    """

    pattern: re.Pattern[str]
    what: str
    short: str
    """What the value is, in two words (``an ID``), for a value that is not text."""
    area: str | None = None
    _seen: set[str] = attrs.field(factory=set, eq=False, repr=False)
    """Strings already found to match: IDs repeat (every reference names one)."""

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is str and value in self._seen:  # (a list is unhashable: not asked)
            return
        if not isinstance(value, str):
            message = f"expected text ({self.short}), not {describe(value)}"
            raise field_error(inst, attr, message)
        if self.pattern.fullmatch(value) is None:
            if self.area is not None:
                raise field_error(inst, attr, unknown_area(self.area, value, _geography()))
            raise field_error(inst, attr, f"expected {self.what}, not {shown(value)}")
        if len(self._seen) >= _SEEN_MAX:
            self._seen.clear()
        self._seen.add(value)

    def __repr__(self) -> str:
        return f"<{self.what} validator>"

    @property
    def seen(self) -> set[str]:
        """The strings already found to match (a quick pass over a tuple of them)."""
        return self._seen


_ENTITY_ID = _FullMatch(
    ID_PATTERN,
    "an ID: letters, digits and . _ : / - , starting with a letter or digit",
    "an ID",
)
_MUNICIPALITY = _FullMatch(
    MUNICIPALITY_CODE_PATTERN, "a three-digit municipality code", "a municipality", "municipality"
)
_REGION = _FullMatch(REGION_CODE_PATTERN, "a two-digit region code", "a region", "region")
_COUNTY = _FullMatch(
    COUNTY_CODE_PATTERN, "a two-digit wellbeing services county code", "a county", "county"
)


def entity_id() -> _FullMatch:
    """attrs validator for an entity ID (``tampere-sote``, ``grant:2017/12``)."""
    return _ENTITY_ID


def municipality_code() -> _FullMatch:
    """attrs validator for a three-digit municipality code."""
    return _MUNICIPALITY


def region_code() -> _FullMatch:
    """attrs validator for a two-digit region code."""
    return _REGION


def county_code() -> _FullMatch:
    """attrs validator for a two-digit wellbeing services county code."""
    return _COUNTY


# -- names to codes ---------------------------------------------------------------------


def _geography() -> Geography:
    # The model's types hold the reference data; the data is read on first use
    # (only for a name, never for a code), as the file loader does.
    from lape.reference import geography

    return geography()


def _resolve(area: str, geo: Geography, name: str) -> str | None:
    if area == "municipality":
        return geo.municipality_code(name)
    if area == "region":
        return geo.region_code(name)
    return geo.county_code(name)


def _code(area: str, value: Any) -> Any:
    """``value`` as a code of ``area`` when it is one or names one; else as it is,
    for the validator to refuse."""
    if type(value) is str:
        if value in _VALIDATORS[area].seen or _PATTERNS[area].fullmatch(value):
            return value
        name = unicodedata.normalize("NFC", value)
        found = _resolve(area, _geography(), name)
        return value if found is None else found
    if isinstance(value, int) and not isinstance(value, bool):
        width = AREA_CODE_WIDTHS[area]
        return str(value).zfill(width) if 0 <= value < 10**width else value
    return value


def to_municipality(value: str) -> MunicipalityCode:
    """Converter: a municipality's code, given its code or its Finnish or Swedish name."""
    found: Any = _code("municipality", value)
    return found  # type: ignore[no-any-return]


def to_region(value: str) -> RegionCode:
    """Converter: a region's code, given its code or its name (fi, sv or en)."""
    found: Any = _code("region", value)
    return found  # type: ignore[no-any-return]


def to_county(value: str) -> CountyCode:
    """Converter: a county's code, given its code, short ID (``PI``) or name (fi, sv or en)."""
    found: Any = _code("county", value)
    return found  # type: ignore[no-any-return]


def to_optional_municipality(value: str | None) -> MunicipalityCode | None:
    """Converter: :func:`to_municipality`, or ``None``."""
    found: Any = None if value is None else _code("municipality", value)
    return found  # type: ignore[no-any-return]


def to_optional_region(value: str | None) -> RegionCode | None:
    """Converter: :func:`to_region`, or ``None``."""
    found: Any = None if value is None else _code("region", value)
    return found  # type: ignore[no-any-return]


def to_optional_county(value: str | None) -> CountyCode | None:
    """Converter: :func:`to_county`, or ``None``."""
    found: Any = None if value is None else _code("county", value)
    return found  # type: ignore[no-any-return]


def _codes(area: str, value: Any) -> Any:
    if type(value) is tuple:
        if not value:
            return value
        try:
            if _VALIDATORS[area].seen.issuperset(value):  # codes seen before
                return value
        except TypeError:
            pass  # an unhashable item: the validator names it
    found = as_tuple(value)
    if type(found) is not tuple:
        return found
    pattern = _PATTERNS[area]
    if all(type(c) is str and pattern.fullmatch(c) for c in found):
        return found
    return tuple(_code(area, c) for c in found)


def to_municipalities(value: Iterable[str]) -> tuple[MunicipalityCode, ...]:
    """Converter: a tuple of municipality codes, given a list or tuple of codes or names."""
    found: Any = _codes("municipality", value)
    return found  # type: ignore[no-any-return]


def to_optional_municipalities(value: Iterable[str] | None) -> tuple[MunicipalityCode, ...] | None:
    """Converter: :func:`to_municipalities`, or ``None``."""
    return None if value is None else to_municipalities(value)


def to_regions(value: Iterable[str]) -> tuple[RegionCode, ...]:
    """Converter: a tuple of region codes, given a list or tuple of codes or names."""
    found: Any = _codes("region", value)
    return found  # type: ignore[no-any-return]


def to_counties(value: Iterable[str]) -> tuple[CountyCode, ...]:
    """Converter: a tuple of county codes, given a list or tuple of codes or names."""
    found: Any = _codes("county", value)
    return found  # type: ignore[no-any-return]


_VALIDATORS = {"municipality": _MUNICIPALITY, "region": _REGION, "county": _COUNTY}
_PATTERNS = {
    "municipality": MUNICIPALITY_CODE_PATTERN,
    "region": REGION_CODE_PATTERN,
    "county": COUNTY_CODE_PATTERN,
}


done_by_loader(
    to_municipality,
    to_region,
    to_county,
    to_optional_municipality,
    to_optional_region,
    to_optional_county,
    to_municipalities,
    to_optional_municipalities,
    to_regions,
    to_counties,
)
