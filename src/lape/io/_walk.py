"""The one walker over parsed data: depth, sharing, and the paths of marked objects.

:func:`walk` goes through a document's lists and mappings level by level,
without recursion (no depth blows Python's stack), and finds:

- nesting deeper than :data:`~lape.io._yaml.MAX_DEPTH` levels (data that
  contains itself is nested without end);
- in Python data, lists and mappings shared so much (the same object in many
  places) that they repeat more values than the data holds, plus
  :data:`~lape.io._yaml.ALIAS_ALLOWANCE`: the YAML alias rule, for Python data;
- the paths of the objects asked for (JSON's objects with a key given twice).

Each level is walked once: the work is linear in the data (for shared data, in
the distinct objects times the levels, at most :data:`~lape.io._yaml.MAX_DEPTH`).
Paths are kept only when a problem needs them: the quick look of a sound
document keeps no bookkeeping.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from lape._paths import format_path
from lape.errors import MAX_PROBLEMS, Problem
from lape.io._yaml import ALIAS_ALLOWANCE, MAX_DEPTH

__all__ = ["DEPTH_MESSAGE", "walk"]

DEPTH_MESSAGE = f"lists and mappings are nested more than {MAX_DEPTH} levels deep"

_CONTAINERS = (dict, list, tuple)
_CONTAINER_TYPES = frozenset(_CONTAINERS)
_Parents = dict[int, tuple[Any, object]]  # id of an object -> (its parent, its key there)


def walk(
    data: Any, *, shared: bool = False, marked: Collection[int] = (), message: str = ""
) -> list[Problem]:
    """The problems of ``data``'s shape: too deep, shared too much, or ``marked``.

    ``shared``: the data may share objects (Python data; parsed JSON and YAML
    cannot). ``marked``: ids of objects each of which is a problem, reported at
    its path with ``message`` (``{key}`` filled from ``marked[id]`` when it is a
    mapping), at most :data:`~lape.errors.MAX_PROBLEMS` of them.
    """
    if not shared and not marked and not _too_deep(data):
        return []  # the quick look: a tree of plain dicts and lists, not too deep
    parents: _Parents = {}
    level: dict[int, tuple[Any, int]] = {id(data): (data, 1)}
    held = repeated = 0
    seen: set[int] = set()
    found: list[Problem] = []
    more = 0  # marked objects beyond the first MAX_PROBLEMS
    for depth in range(1, MAX_DEPTH + 2):
        if depth > MAX_DEPTH:
            deepest = next(iter(level.values()))[0]
            return [Problem(_path(deepest, parents), DEPTH_MESSAGE)]
        below: dict[int, tuple[Any, int]] = {}
        for value, count in level.values():
            items = value.items() if isinstance(value, dict) else enumerate(value)
            n = m = 0
            for key, item in items:
                n += 1
                if isinstance(item, _CONTAINERS):
                    m += 1
                    ident = id(item)
                    if ident not in parents and ident != id(data):
                        parents[ident] = (value, key)
                    before = below.get(ident)
                    below[ident] = (item, count if before is None else before[1] + count)
            repeated += (1 + n - m) * count  # the object and its plain values, each time
            if id(value) not in seen:
                seen.add(id(value))
                held += 1 + n
                if id(value) in marked:
                    more += 1
                    if len(found) < MAX_PROBLEMS:
                        more -= 1
                        key = marked[id(value)] if isinstance(marked, dict) else ""
                        found.append(Problem(_path(value, parents), message.format(key=key)))
        if not below:
            break
        level = below
    repeated -= held
    if shared and repeated > held + ALIAS_ALLOWANCE:
        msg = (
            f"shared lists and mappings repeat too much of the data: {repeated} values "
            f"repeated, more than the {held} it holds plus {ALIAS_ALLOWANCE}"
        )
        return [Problem("", msg)]
    if more:
        found.append(Problem("", f"and {more} more of the same kind"))
    return found


def _too_deep(data: Any) -> bool:
    """Whether a tree of plain dicts and lists nests deeper than :data:`MAX_DEPTH`:
    a quick look, level by level, in C-speed steps."""
    level: list[Any] = [data]
    no_container_in = _CONTAINER_TYPES.isdisjoint
    for _ in range(MAX_DEPTH):
        below: list[Any] = []
        for value in level:
            items = value.values() if type(value) is dict else value
            if not no_container_in(map(type, items)):
                below.extend([item for item in items if type(item) in _CONTAINER_TYPES])
        if not below:
            return False
        level = below
    return True


def _path(value: Any, parents: _Parents) -> str:
    """The document path of ``value`` (its first place, as the walk met it)."""
    keys: list[object] = []
    step = parents.get(id(value))
    while step is not None and len(keys) <= MAX_DEPTH:  # data that contains itself: no top
        parent, key = step
        keys.append(key)
        step = parents.get(id(parent))
    keys.reverse()
    return format_path(keys)
