"""Evidence values as a person reads them (messages) and as a program reads them (JSON)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from lape._wording import Lang, Text
from lape.model import Municipality, ProjectArea, Region, WellbeingServicesCounty, label

__all__ = ["as_data", "as_text"]


def as_text(value: Any, lang: Lang = "en") -> str:
    """A short readable rendering in ``lang``: vocabulary by its name in that language,
    sets sorted and comma-separated, euros with cents.

    >>> as_text(frozenset({"b", "a"})), as_text(Decimal("20000000.01")), as_text(None)
    ('a, b', '20,000,000.01', '-')
    >>> from lape.model import ActorKind
    >>> as_text(frozenset({ActorKind.PARISH, ActorKind.ORGANISATION}), "fi")
    'järjestö, seurakunta'
    """
    if value is None:
        return "-"
    if isinstance(value, Text):  # a phrase given in the three languages
        return value.get(lang)
    if isinstance(value, (Municipality, Region, WellbeingServicesCounty, ProjectArea)):
        return _area_name(value, lang)
    if isinstance(value, enum.Enum):
        return label(value, lang)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(as_text(v, lang) for v in value)) or "-"
    if isinstance(value, (list, tuple)):
        return ", ".join(as_text(v, lang) for v in value) or "-"
    if isinstance(value, Mapping):
        shown = (f"{as_text(k, lang)}: {as_text(v, lang)}" for k, v in value.items())
        return ", ".join(shown) or "-"
    return str(value)


def _area_name(
    area: Municipality | Region | WellbeingServicesCounty | ProjectArea, lang: Lang
) -> str:
    """An area's name in ``lang`` (a municipality has none in English: its Finnish one)."""
    if lang == "sv":
        return area.name_sv
    if lang == "en" and not isinstance(area, Municipality):
        return area.name_en
    return area.name_fi


def as_data(value: Any) -> Any:
    """A JSON-ready rendering: sets as sorted lists, enums by value, Decimal and dates as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Text):
        return value.as_dict()
    if isinstance(value, (Municipality, Region, WellbeingServicesCounty)):
        return value.code
    if isinstance(value, ProjectArea):
        return value.id
    if isinstance(value, (Decimal, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted((as_data(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [as_data(v) for v in value]
    if isinstance(value, Mapping):
        return {str(as_data(k)): as_data(v) for k, v in value.items()}
    if attrs.has(type(value)):
        return str(value)
    return str(value)
