"""What the model's constructors and the file loader share (a neutral module: the
model and :mod:`lape.io` both import it, neither reaches into the other's private
modules).

- The registry of the model's converters whose work the loader's hooks do as they
  read (each value once, where its path is known), so that the loader skips them
  when it builds an instance: the model registers them with :func:`done_by_loader`,
  the loader reads :data:`DONE_BY_LOADER`.
- The complaint about text that is neither a code nor the name of an area
  (:func:`unknown_area`), the same in Python and in a file.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any, Protocol

from lape._describe import shown

__all__ = [
    "AREA_CODE_WIDTHS",
    "DONE_BY_LOADER",
    "AreaNames",
    "area_names",
    "done_by_loader",
    "unknown_area",
]

DONE_BY_LOADER: set[Callable[[Any], Any]] = set()
"""The converters whose work the file loader's hooks do (the loader skips them)."""


def done_by_loader(*converters: Callable[[Any], Any]) -> None:
    """Say that the file loader's hooks do the work of ``converters``."""
    DONE_BY_LOADER.update(converters)


AREA_CODE_WIDTHS = {"municipality": 3, "region": 2, "county": 2}
"""The digits of each kind of area's code."""

_MAX_GUESSED = 100
"""Longer text gets no "did you mean" (difflib's work grows with the length)."""


class AreaNames(Protocol):
    """What the complaint reads from the geography (:class:`lape.model.Geography`)."""

    def municipality_names(self) -> tuple[str, ...]: ...
    def region_names(self) -> tuple[str, ...]: ...
    def county_names(self) -> tuple[str, ...]: ...


def area_names(area: str, geo: AreaNames) -> tuple[str, ...]:
    """Every name an area of kind ``area`` may be called by (for suggestions)."""
    if area == "municipality":
        return geo.municipality_names()
    if area == "region":
        return geo.region_names()
    return geo.county_names()


def unknown_area(area: str, value: str, geo: AreaNames) -> str:
    """The complaint about ``value``, neither a code nor the name of an ``area``:
    ``unknown municipality 'Kajani' (give a 3-digit code or a name); did you
    mean 'Kajaani'?``."""
    hint = ""
    if len(value) <= _MAX_GUESSED:
        names = area_names(area, geo)
        close = difflib.get_close_matches(value, names, n=1)
        if not close and value.strip():  # a short form of a long name: "Kainuu"
            start = " ".join(value.split()).casefold()
            close = sorted((n for n in names if n.casefold().startswith(start)), key=len)[:1]
        hint = f"; did you mean {close[0]!r}?" if close else ""
    width = AREA_CODE_WIDTHS[area]
    return f"unknown {area} {shown(value)} (give a {width}-digit code or a name){hint}"
