"""Drawn objects print as the constructor calls that make them.

Hypothesis prints a falsifying example with its own pretty-printer, which shows
an object made by :func:`~hypothesis.strategies.builds` as the call that made it
(``Actor(id='0', name='', kind=ActorKind.PARISH)``) and any other attrs object
with every field, defaults included. :func:`recorded` makes a drawn value again
through ``st.builds`` of the public classes, passing only the fields that differ
from their defaults, so that a counterexample prints as a short constructor call
a user can paste (after ``import datetime``, ``from decimal import Decimal`` and
``from lape.model import *``).

It draws no choices (every argument is ``st.just``), so it neither changes what
is drawn nor how it shrinks. Building a strategy per object costs about as much as
drawing the object, so it does so only when hypothesis will print what is drawn:
on the final run of a failing example (hypothesis runs it again to report it), or
at verbosity ``verbose`` and above, when every example is printed.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs
from hypothesis import Verbosity, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lape.model import Period

__all__ = ["recorded"]

T = TypeVar("T")

_REQUIRED = object()


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, str, Any], ...]:
    """``(attribute name, init argument name, default)`` of each init field of ``cls``."""
    found = []
    for a in attrs.fields(cls):
        if not a.init:
            continue
        default = a.default
        if default is attrs.NOTHING:
            default = _REQUIRED
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = _REQUIRED if default.takes_self else default.factory()
        found.append((a.name, a.alias or a.name, default))
    return tuple(found)


def _same(value: Any, default: Any) -> bool:
    if default is _REQUIRED:
        return False
    if isinstance(value, Mapping) and isinstance(default, Mapping):
        return dict(value) == dict(default)
    return type(value) is type(default) and bool(value == default)


def _plain(draw: st.DrawFn, value: Any) -> Any:
    if attrs.has(type(value)):
        return _recorded(draw, value)
    if isinstance(value, tuple):
        return tuple(_plain(draw, v) for v in value)
    if isinstance(value, list):
        return [_plain(draw, v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(draw, v) for k, v in value.items()}
    return value


def _printing() -> bool:
    """Whether hypothesis will print the example being drawn.

    ``is_final`` is the attribute hypothesis' own ``note()`` reads (through the
    build context, which is not public API): should it go, every example is recorded.
    """
    from hypothesis.control import current_build_context

    try:
        final = bool(getattr(current_build_context(), "is_final", True))
    except InvalidArgument:  # outside a test: nothing is printed
        return False
    return final or settings().verbosity >= Verbosity.verbose


def recorded(draw: st.DrawFn, value: T) -> T:
    """``value`` (an attrs object), made again by ``st.builds`` of its class with the
    fields that differ from their defaults (its attrs fields made again alike) when
    hypothesis will print it; else ``value`` itself."""
    if not _printing():
        return value
    return _recorded(draw, value)


def _recorded(draw: st.DrawFn, value: T) -> T:
    cls: type = type(value)
    if isinstance(value, Period) and value.is_inverted:
        return value  # Period() refuses it; it prints as Period.as_given(...) itself
    kwargs = {
        alias: st.just(_plain(draw, getattr(value, name)))
        for name, alias, default in _defaults(cls)
        if not _same(getattr(value, name), default)
    }
    made: T = draw(st.builds(cls, **kwargs))
    return made
