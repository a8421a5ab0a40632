"""Identifiers: the readable IDs of a snapshot's entities and the official area codes.

IDs of the user's own entities (actors, groups, grants...) are short readable
strings such as ``tampere-sote``. Areas are referred to by official code:
municipalities by their three-digit code (``"837"``), regions (maakunta /
landskap) and wellbeing services counties by two digits (``"06"``). The file
loader also accepts Finnish or Swedish names and turns them into codes.
"""

from __future__ import annotations

import re
from typing import Any, NewType

import attrs

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
    """attrs validator: a string that matches ``pattern`` from start to end."""

    pattern: re.Pattern[str]
    what: str
    _seen: set[str] = attrs.field(factory=set, eq=False, repr=False)
    """Strings already found to match: IDs repeat (every reference names one)."""

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str):
            msg = f"'{attr.name}' must be a string ({self.what}), not {type(value).__name__}"
            raise TypeError(msg)
        if value in self._seen:
            return
        if self.pattern.fullmatch(value) is None:
            msg = f"'{attr.name}' must be {self.what}, not {value!r}"
            raise ValueError(msg)
        if len(self._seen) >= _SEEN_MAX:
            self._seen.clear()
        self._seen.add(value)

    def __repr__(self) -> str:
        return f"<{self.what} validator>"


_ENTITY_ID = _FullMatch(
    ID_PATTERN, "an ID: letters, digits and . _ : / - , starting with a letter or digit"
)
_MUNICIPALITY = _FullMatch(MUNICIPALITY_CODE_PATTERN, "a three-digit municipality code")
_REGION = _FullMatch(REGION_CODE_PATTERN, "a two-digit region code")
_COUNTY = _FullMatch(COUNTY_CODE_PATTERN, "a two-digit wellbeing services county code")


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
