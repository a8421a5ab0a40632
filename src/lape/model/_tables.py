"""A snapshot's entities as flat tables: one dict of plain values per entity.

The columns are the file format's field names, in the class's order, with
these flattenings:

- an enum is its value (``"municipal_body"``), a set of them a sorted tuple of
  values, a tuple of IDs or codes a tuple;
- a period ``p`` is two columns, ``p_start`` and ``p_end`` (dates or ``None``);
- a record ``r`` (a group's mandate) is one column per field, ``r_<field>``;
- lists of records inside an entity (a group's members, a network's services)
  are tables of their own, whose rows start with the owner's ID; the owner's
  row keeps the IDs (``members``: the member actors' IDs).

Money stays :class:`~decimal.Decimal` and days :class:`datetime.date`.
"""

from __future__ import annotations

import difflib
import enum
import functools
import typing
from collections.abc import Callable, Iterable, Iterator
from types import UnionType
from typing import TYPE_CHECKING, Any

import attrs

from lape.model._actors import Actor
from lape.model._change_agents import ChangeAgent
from lape.model._funding import DevelopmentProject, FundingPool, Grant
from lape.model._groups import Group, Membership
from lape.model._period import Period
from lape.model._services import (
    CoordinationLink,
    HealthSocialCentre,
    Interface,
    NetworkMember,
    Service,
    ServiceNetwork,
)

if TYPE_CHECKING:
    from lape.model._snapshot import Snapshot

__all__ = ["TABLES", "columns", "rows"]


@attrs.frozen(kw_only=True)
class _Spec:
    """How to make one table: the entity class, where its entities come from, the
    owner's column put first, fields left out or replaced, and derived columns."""

    cls: type
    items: Callable[[Snapshot], Iterable[tuple[str | None, Any]]]
    """``(owner ID, entity)`` pairs; the owner is ``None`` for a top-level table."""
    owner: str | None = None
    skip: frozenset[str] = frozenset()
    replace: dict[str, Callable[[Any], Any]] = attrs.field(factory=dict)
    extra: dict[str, Callable[[Any], Any]] = attrs.field(factory=dict)


def _top(name: str) -> Callable[[Snapshot], Iterator[tuple[None, Any]]]:
    def items(snapshot: Snapshot) -> Iterator[tuple[None, Any]]:
        for entity in getattr(snapshot, name):
            yield None, entity

    return items


def _inner(outer: str, name: str) -> Callable[[Snapshot], Iterator[tuple[str, Any]]]:
    def items(snapshot: Snapshot) -> Iterator[tuple[str, Any]]:
        for owner in getattr(snapshot, outer):
            for entity in getattr(owner, name):
                yield owner.id, entity

    return items


_SPECS: dict[str, _Spec] = {
    "actors": _Spec(
        cls=Actor,
        items=_top("actors"),
        extra={"working_level": lambda a: a.working_level.value},
    ),
    "groups": _Spec(
        cls=Group,
        items=_top("groups"),
        replace={"members": lambda g: tuple(m.actor for m in g.members)},
    ),
    "memberships": _Spec(cls=Membership, items=_inner("groups", "members"), owner="group"),
    "change_agents": _Spec(cls=ChangeAgent, items=_top("change_agents")),
    "pools": _Spec(cls=FundingPool, items=_top("pools")),
    "grants": _Spec(cls=Grant, items=_top("grants")),
    "projects": _Spec(cls=DevelopmentProject, items=_top("projects")),
    "centres": _Spec(cls=HealthSocialCentre, items=_top("centres")),
    "networks": _Spec(
        cls=ServiceNetwork,
        items=_top("networks"),
        skip=frozenset({"interfaces", "coordination"}),
        replace={
            "members": lambda n: tuple(m.actor for m in n.members),
            "services": lambda n: tuple(s.id for s in n.services),
        },
    ),
    "network_members": _Spec(
        cls=NetworkMember, items=_inner("networks", "members"), owner="network"
    ),
    "services": _Spec(cls=Service, items=_inner("networks", "services"), owner="network"),
    "interfaces": _Spec(cls=Interface, items=_inner("networks", "interfaces"), owner="network"),
    "coordination": _Spec(
        cls=CoordinationLink, items=_inner("networks", "coordination"), owner="network"
    ),
}

TABLES: tuple[str, ...] = tuple(_SPECS)
"""The tables a snapshot gives (:meth:`Snapshot.rows`), in the file format's order."""


def _plain(value: Any) -> Any:
    """A field's value as a plain value: enums by value, sets sorted into tuples."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, frozenset):
        return tuple(sorted(_plain(v) for v in value))
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


def _kinds(hint: Any) -> set[Any]:
    """The types a type hint allows (the members of a union, ``None`` left out)."""
    if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
        return {t for t in typing.get_args(hint) if t is not type(None)}
    return {hint}


# Each column: its name and how to read it from an entity.
_Column = tuple[str, Callable[[Any], Any]]


def _field_columns(
    cls: type,
    prefix: str = "",
    *,
    skip: frozenset[str] = frozenset(),
    replace: dict[str, Callable[[Any], Any]] | None = None,
) -> list[_Column]:
    """The columns of the fields of ``cls``, flattened (see the module's docstring)."""
    replace = replace or {}
    hints = typing.get_type_hints(cls)
    found: list[_Column] = []
    for field in attrs.fields(cls):
        name = field.name
        if name in skip:
            continue
        if name in replace:
            found.append((f"{prefix}{name}", replace[name]))
            continue
        get = _getter(name)
        kinds = _kinds(hints[name])
        if Period in kinds:
            found.append((f"{prefix}{name}_start", _then(get, _start)))
            found.append((f"{prefix}{name}_end", _then(get, _end)))
        elif len(kinds) == 1 and attrs.has(record := next(iter(kinds))):
            found.extend(
                (column, _then(get, read))
                for column, read in _field_columns(record, f"{prefix}{name}_")
            )
        else:
            found.append((f"{prefix}{name}", _then(get, _plain)))
    return found


def _start(period: Period) -> Any:
    return period.start


def _end(period: Period) -> Any:
    return period.end


def _getter(name: str) -> Callable[[Any], Any]:
    return lambda entity: getattr(entity, name)


def _then(first: Callable[[Any], Any], then: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``then(first(x))``, or ``None`` when ``first(x)`` is ``None``."""

    def read(entity: Any) -> Any:
        value = first(entity)
        return None if value is None else then(value)

    return read


@functools.cache
def _columns(kind: str) -> tuple[_Column, ...]:
    spec = _SPECS[kind]
    found = _field_columns(spec.cls, skip=spec.skip, replace=spec.replace)
    found.extend(spec.extra.items())
    return tuple(found)


def _spec(kind: str) -> _Spec:
    spec = _SPECS.get(kind)
    if spec is None:
        close = difflib.get_close_matches(kind, TABLES, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        msg = f"no table {kind!r}{hint} (the tables: {', '.join(TABLES)})"
        raise ValueError(msg)
    return spec


def columns(kind: str) -> tuple[str, ...]:
    """The columns of table ``kind``, in order."""
    spec = _spec(kind)
    own = tuple(name for name, _ in _columns(kind))
    return own if spec.owner is None else (spec.owner, *own)


def rows(snapshot: Snapshot, kind: str) -> list[dict[str, Any]]:
    """The rows of table ``kind`` of ``snapshot``: one dict per entity, in input order."""
    spec = _spec(kind)
    readers = _columns(kind)
    found = []
    for owner, entity in spec.items(snapshot):
        row = {} if spec.owner is None else {spec.owner: owner}
        row.update((name, read(entity)) for name, read in readers)
        found.append(row)
    return found
