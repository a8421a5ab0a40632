"""A read-only mapping that can be copied and sent to other processes, for the fields
of frozen classes.

:class:`types.MappingProxyType` is read-only too, but it cannot be serialised or
deep-copied, and a frozen class holding one could not be sent to another
process (``concurrent.futures``, ``multiprocessing``, Dask) or cached.
Shared by :mod:`lape.model` and :mod:`lape.rules`; it imports nothing from ``lape``.
``tests/test_pickle.py`` sends one (in a snapshot) through the standard serialiser.

>>> import copy
>>> m = FrozenMap({"LAPE-G01": "warning"})
>>> m
FrozenMap({'LAPE-G01': 'warning'})
>>> copy.deepcopy(m) == m == {"LAPE-G01": "warning"}
True
>>> m["x"] = "error"
Traceback (most recent call last):
...
TypeError: 'FrozenMap' object does not support item assignment
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["FrozenMap"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A mapping that cannot be changed once made; equal to any mapping with the
    same items, hashable when its values are."""

    __slots__ = ("_data",)

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(items)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: K, default: Any = None) -> Any:  # the dict's own, not Mapping's
        return self._data.get(key, default)

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._data,))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"
