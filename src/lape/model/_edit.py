"""Edits of a snapshot by entity ID, for what-ifs: each returns a new snapshot.

A snapshot and its entities are frozen; changing one group means a new group,
a new tuple of groups and a new snapshot. These helpers do the three steps in
one call and find the entity by its class and ID:

>>> import lape
>>> from lape.model import Group, evolve_entity, get_entity
>>> snapshot = lape.example()
>>> renamed = evolve_entity(snapshot, Group, "varkaus-lape", name="Varkauden lape-ryhmä")
>>> get_entity(renamed, Group, "varkaus-lape").name
'Varkauden lape-ryhmä'
>>> get_entity(snapshot, Group, "varkaus-lape").name  # the original is unchanged
'Varkaus LAPE group'

An ID that is not there raises a :class:`~lape.errors.NotFoundError` naming the
closest one:

>>> get_entity(snapshot, Group, "varkaus-lap")
Traceback (most recent call last):
...
lape.errors.NotFoundError: no group 'varkaus-lap'; did you mean 'varkaus-lape'?

They edit the entities the snapshot lists itself (actors, groups, change agents,
pools, grants, projects, centres, networks, surveys); a network's services
change with their network (``evolve_entity(s, ServiceNetwork, id, services=...)``).
References are left as they are: removing an actor that a group seats leaves a
dangling reference, which LAPE-S02 reports.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

import attrs

from lape.errors import ArgumentError, NotFoundError
from lape.model._entities import TopLevelEntity, entity_type
from lape.model._snapshot import Snapshot

__all__ = [
    "TopLevelEntity",
    "add_entity",
    "evolve_entity",
    "get_entity",
    "remove_entity",
    "replace_entity",
]


E = TypeVar("E", bound=TopLevelEntity)

_MAX_GUESSED = 100
"""A longer ID gets no "did you mean" (difflib's work grows with the length)."""


def _list_name(cls: type) -> str:
    """The snapshot's list that holds entities of class ``cls``."""
    try:
        found = entity_type(cls)
    except (KeyError, TypeError):
        found = None
    if found is None or not found.top_level or found.list_name is None:
        name = getattr(cls, "__name__", repr(cls))
        msg = f"expected a class of entity a snapshot lists (Actor, Group...), not {name}"
        if found is not None and found.nested_in is not None:
            owner = entity_type(found.nested_in).cls
            owner_name = owner.__name__ if owner is not None else "its owner"
            msg += f" (a {found.kind.value} changes with its {owner_name})"
        raise ArgumentError("cls", msg)
    return found.list_name


def _not_found(cls: type, entity_id: str, held: tuple[Any, ...]) -> NotFoundError:
    what = entity_type(cls).name.en
    known = [e.id for e in held]
    close = (
        difflib.get_close_matches(entity_id, known, n=1)
        if isinstance(entity_id, str) and len(entity_id) <= _MAX_GUESSED
        else []
    )
    return NotFoundError(what, entity_id, close[0] if close else None)


def _held(snapshot: Snapshot, cls: type) -> tuple[str, tuple[Any, ...]]:
    if not isinstance(snapshot, Snapshot):
        msg = f"expected a Snapshot, not {type(snapshot).__name__}"
        raise ArgumentError("snapshot", msg)
    name = _list_name(cls)
    held: tuple[Any, ...] = getattr(snapshot, name)
    return name, held


def _with(snapshot: Snapshot, name: str, entities: tuple[Any, ...]) -> Snapshot:
    changes: dict[str, Any] = {name: entities}
    return attrs.evolve(snapshot, **changes)


def get_entity(snapshot: Snapshot, cls: type[E], entity_id: str) -> E:
    """The entity of class ``cls`` with ID ``entity_id`` (the first, when a faulty
    snapshot holds two); :class:`~lape.errors.NotFoundError` when there is none.

    >>> import lape
    >>> from lape.model import Actor, get_entity
    >>> get_entity(lape.example(), Actor, "varkaus-sote").name
    'City of Varkaus, social and health services'
    """
    _, held = _held(snapshot, cls)
    for entity in held:
        if entity.id == entity_id:
            return entity  # type: ignore[no-any-return]
    raise _not_found(cls, entity_id, held)


def add_entity(snapshot: Snapshot, entity: TopLevelEntity) -> Snapshot:
    """``snapshot`` with ``entity`` added at the end of its list; an
    :class:`~lape.errors.ArgumentError` when the snapshot already holds an entity
    of that kind with that ID (replace it with :func:`replace_entity`).

    >>> import lape
    >>> from lape.model import Actor, ActorKind, add_entity
    >>> parish = Actor(id="varkaus-srk", name="Varkauden seurakunta",
    ...                kind=ActorKind.PARISH, municipalities=["Varkaus"])
    >>> added = add_entity(lape.example(), parish)
    >>> added.actors[-1].municipalities, len(added.actors) - len(lape.example().actors)
    (('915',), 1)
    """
    name, held = _held(snapshot, type(entity))
    if any(e.id == entity.id for e in held):
        what = entity_type(type(entity)).name.en
        article = "an" if what[:1] in "aeiou" else "a"
        msg = f"the snapshot already has {article} {what} {entity.id!r}"
        msg += " (use replace_entity to change it)"
        raise ArgumentError("entity", msg)
    return _with(snapshot, name, (*held, entity))


def replace_entity(snapshot: Snapshot, entity: TopLevelEntity) -> Snapshot:
    """``snapshot`` with ``entity`` in place of the entity of its class that has its
    ID (of each, when a faulty snapshot holds two); a
    :class:`~lape.errors.NotFoundError` when there is none.

    >>> import attrs, lape
    >>> from lape.model import Group, get_entity, replace_entity
    >>> snapshot = lape.example()
    >>> group = get_entity(snapshot, Group, "varkaus-lape")
    >>> smaller = replace_entity(snapshot, attrs.evolve(group, members=group.members[:2]))
    >>> len(get_entity(smaller, Group, "varkaus-lape").members)
    2
    """
    name, held = _held(snapshot, type(entity))
    if not any(e.id == entity.id for e in held):
        raise _not_found(type(entity), entity.id, held)
    return _with(snapshot, name, tuple(entity if e.id == entity.id else e for e in held))


def remove_entity(snapshot: Snapshot, cls: type[TopLevelEntity], entity_id: str) -> Snapshot:
    """``snapshot`` without the entity of class ``cls`` with ID ``entity_id`` (without
    each, when a faulty snapshot holds two); a :class:`~lape.errors.NotFoundError`
    when there is none. References to it stay (LAPE-S02 reports them).

    >>> import lape
    >>> from lape.model import ChangeAgent, remove_entity
    >>> remove_entity(lape.example(), ChangeAgent, "ps-change-agent").change_agents
    ()
    """
    name, held = _held(snapshot, cls)
    kept = tuple(e for e in held if e.id != entity_id)
    if len(kept) == len(held):
        raise _not_found(cls, entity_id, held)
    return _with(snapshot, name, kept)


def evolve_entity(snapshot: Snapshot, cls: type[E], entity_id: str, /, **changes: Any) -> Snapshot:
    """``snapshot`` with the entity of class ``cls`` and ID ``entity_id`` changed as
    :func:`attrs.evolve` changes it (each, when a faulty snapshot holds two); a
    :class:`~lape.errors.NotFoundError` when there is none. The changes go through
    the class's converters and checks: lists, names of areas and ISO dates are
    taken as in the constructor.

    >>> import lape
    >>> from lape.model import Group, evolve_entity, get_entity
    >>> moved = evolve_entity(lape.example(), Group, "varkaus-lape", municipality="Kuopio")
    >>> get_entity(moved, Group, "varkaus-lape").municipality
    '297'
    """
    name, held = _held(snapshot, cls)
    if not any(e.id == entity_id for e in held):
        raise _not_found(cls, entity_id, held)
    changed = tuple(attrs.evolve(e, **changes) if e.id == entity_id else e for e in held)
    return _with(snapshot, name, changed)
