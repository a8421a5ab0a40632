"""How the ties of a collaboration graph are accumulated into one edge per node pair.

:mod:`lape.network._build` decides which ties exist (which sources, which seats,
during which periods) and hands them here as a tie's data plus the nodes it
joins: every two of a clique's nodes, or the pairs of a star. :class:`PairTable`
merges the ties of each pair and gives networkx the edges.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, repeat
from typing import Any, Final, TypeAlias

from lape.model import Period

__all__ = ["UNLIMITED", "Data", "Key", "PairTable", "combine", "sorted_kinds"]

Data: TypeAlias = dict[str, Any]
"""The attributes of one edge: ``weight``, ``kinds``, ``periods`` (and ``ties``)."""
Key: TypeAlias = tuple[str, str]
"""A node pair ``(u, v)`` with ``u < v``."""

# Shared tuples for the attribute values, made once. Besides saving memory this keeps
# the edge dicts whose ties have no period untracked by the cyclic garbage collector:
# a dict whose values are all untracked (strings, ints, None, tuples of these once the
# collector has seen them) is never traversed, which keeps a large graph cheap to
# hold. (A Period is tracked, and so are the dicts that hold one.)
_KINDS: dict[frozenset[str], tuple[str, ...]] = {}


def sorted_kinds(kinds: frozenset[str]) -> tuple[str, ...]:
    """The sorted tuple of ``kinds``, one shared tuple per set (at most 255 sets)."""
    found = _KINDS.get(kinds)
    if found is None:
        found = _KINDS[kinds] = tuple(sorted(kinds))
    return found


UNLIMITED: Final[tuple[None]] = (None,)
"""The ``periods`` of a tie that holds on every day."""


class PairTable:
    """The data of each node pair, accumulated tie by tie, then the edges.

    A tie comes as its data (:meth:`tie`) and the pairs it joins: every two of
    a clique (:meth:`add_clique`) or given pairs (:meth:`add_pairs`). A pair's
    data is the tie's data when it is the pair's first tie, else the merge of
    its data so far with the tie's (:func:`combine`).

    **Sharing.** Data dicts are shared, never copied: networkx copies each into
    its edge. A tie's data is shared by every pair it makes, and without
    sources by every tie of the same kind and periods; the merge of two data
    is made once and shared by every pair that has both.

    **Caches keyed by identity.** The caches of shared data are keyed by
    ``id(x)``, quicker to hash than a Period or a dict. An identity is unique
    only while its object lives, so every such cache keeps ``x`` alive for as
    long as the table lives: the key's objects are held in the cached value (a
    tie's data holds its periods; a merge entry holds the two data merged) or
    in :attr:`keep`.
    """

    def __init__(self, *, sources: bool) -> None:
        self.sources = sources
        self.rows: dict[str, dict[str, Data]] = {}
        """The data of each pair ``(u, v)``, ``u < v``, as ``rows[u][v]``: small dicts,
        which keep the look-ups quick and need no tuple per pair."""
        self.ties: dict[tuple[str | int, ...], Data] = {}
        """Tie data (without sources) by kind and the identities of its periods."""
        self.merged: dict[tuple[int, int], tuple[Data, Data, Data]] = {}
        """Merged data by the identities of the two data merged, with those two."""
        self.merged_with: dict[int, dict[int, Data]] = {}
        """The merges with one data (by its identity) made so far, by the other's identity."""
        self.keep: list[Data] = []
        """The data whose identities key :attr:`merged_with`."""

    def tie(self, kind: str, source: str, periods: tuple[Period | None, ...]) -> Data:
        """The data of one tie of ``kind`` (a ``TieKind`` value) from ``source``, which
        holds during ``periods`` (``None``: no limit)."""
        if self.sources:
            return {
                "weight": 1,
                "kinds": sorted_kinds(frozenset((kind,))),
                "periods": periods,
                "ties": ((kind, source),),
            }
        key: tuple[str | int, ...] = (kind, *map(id, periods))  # quicker to hash than periods
        data = self.ties.get(key)
        if data is None:
            if periods == UNLIMITED:
                periods = UNLIMITED
            kinds = sorted_kinds(frozenset((kind,)))
            data = self.ties[key] = {"weight": 1, "kinds": kinds, "periods": periods}
        return data

    def add_clique(self, nodes: list[str], data: Data) -> None:
        """A tie with ``data`` between every two of ``nodes`` (sorted, distinct).

        ``later`` holds the nodes after the current one, made once by ``dict.fromkeys``
        and shrunk by one node a step: a node's first row is a copy of it (a quick
        clone of the table); a row seen before takes the later nodes one by one
        (one look-up each), and pairs seen before get merged data (the last merge is
        kept at hand: consecutive pairs seen before mostly hold the same data).
        """
        rows = self.rows
        get = rows.get
        later = dict.fromkeys(nodes, data)
        last = nodes[-1]
        merged: dict[int, Data] | None = None
        seen: Data | None = None
        both: Data = data
        for u in nodes:
            if u is last:
                break
            del later[u]
            row = get(u)
            if row is None:
                rows[u] = later.copy()
                continue
            for v in later:
                if v in row:  # a pair seen before: its data merged with this tie's
                    old = row[v]
                    if old is not seen:
                        if merged is None:
                            merged = self._merges_with(data)
                        combined = merged.get(id(old))
                        if combined is None:
                            combined = merged[id(old)] = self._merge(old, data)
                        seen, both = old, combined
                    row[v] = both
                else:
                    row[v] = data

    def add_pairs(self, pairs: dict[Key, Data]) -> None:
        """Add ``pairs``, each with its own data."""
        rows = self.rows
        for (u, v), data in pairs.items():
            row = rows.setdefault(u, {})
            old = row.get(v)
            row[v] = data if old is None else self._merge(old, data)

    def _merges_with(self, new: Data) -> dict[int, Data]:
        found = self.merged_with.get(id(new))
        if found is None:
            found = self.merged_with[id(new)] = {}
            self.keep.append(new)
        return found

    def _merge(self, old: Data, new: Data) -> Data:
        signature = (id(old), id(new))
        found = self.merged.get(signature)
        if found is None:
            found = self.merged[signature] = (old, new, combine(old, new))
        return found[2]

    def edges(self) -> Iterator[tuple[str, str, Data]]:
        """Every pair with its data, emptying the table a part of the rows at a time:
        each part is three flat streams (each row's node repeated, the later nodes,
        their data) zipped inside C iterators, and is let go once networkx has taken
        it, so that networkx's edges reuse its memory (a build that touches fewer
        fresh pages is quicker)."""
        return chain.from_iterable(self._parts())

    def _parts(self, size: int = 1024) -> Iterator[Iterator[tuple[str, str, Data]]]:
        rows = self.rows
        nodes = list(rows)
        for start in range(0, len(nodes), size):
            heads = nodes[start : start + size]
            part = list(map(rows.pop, heads))
            yield zip(
                chain.from_iterable(map(repeat, heads, map(len, part))),
                chain.from_iterable(part),
                chain.from_iterable(map(dict.values, part)),
                strict=True,
            )


def combine(old: Data, new: Data) -> Data:
    """The data of a pair that shares the ties of ``old`` and of ``new`` (distinct ties)."""
    pa, pb = old["periods"], new["periods"]
    ka, kb = old["kinds"], new["kinds"]
    data = {
        "weight": old["weight"] + new["weight"],
        "kinds": ka if ka == kb else sorted_kinds(frozenset((*ka, *kb))),
        "periods": pa if pa == pb else tuple(dict.fromkeys((*pa, *pb))),
    }
    if "ties" in old:
        data["ties"] = (*old["ties"], *new["ties"])
    return data
