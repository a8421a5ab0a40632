# ruff: noqa: N803, N806 - ``G`` for the formal graph, ``S`` for a survey graph
"""Formal ties against surveyed ones: what the structure requires and what members report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from lape._html import TableRepr
from lape._pandas import Table as _Table
from lape.network._survey import surveyed_ties

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["GapCount", "TieGap", "TieGaps", "tie_gaps"]

TieStatus = Literal["both", "formal_only", "surveyed_only", "unobserved"]
"""How a pair of members stands: tied formally and reported (``both``); tied
formally, at least one of the two answered and neither reports working with the
other (``formal_only``); reported with no formal tie (``surveyed_only``); tied
formally, and neither answered (``unobserved``)."""

UNKNOWN_SECTOR = "unknown"
"""The sector of a member whose sectors are not given."""
NO_SECTOR = "none"
"""The sector of a member that belongs to no sector (``sectors: []``)."""


@attrs.frozen(kw_only=True)
class TieGap:
    """A pair of survey members tied formally, by the survey, or both (``u`` is the
    one the survey names first)."""

    u: str
    v: str
    u_name: str | None
    v_name: str | None
    status: TieStatus
    formal: tuple[str, ...]
    """The kinds of the formal ties (``group``, ``grant``...); ``()`` for none."""
    reported_by: tuple[str, ...]
    """Which of the two say they work with the other."""
    county: str | None
    """The county both lie in (``None`` when they differ or one is not known)."""
    sectors: tuple[tuple[str, str], ...]
    """The sector pairs the two make (one per sector of each; sorted)."""

    def as_dict(self) -> dict[str, Any]:
        """The pair as a plain dict, keys as the fields."""
        return attrs.asdict(self, recurse=False)


@attrs.frozen(kw_only=True)
class GapCount:
    """How the pairs of one county (or one sector pair) stand."""

    formal: int
    """Pairs tied formally."""
    surveyed: int
    """Pairs tied by the survey."""
    both: int
    formal_only: int
    surveyed_only: int
    unobserved: int

    def as_dict(self) -> dict[str, int]:
        """The counts as a plain dict."""
        return attrs.asdict(self)


_STATUSES: tuple[TieStatus, ...] = ("both", "formal_only", "surveyed_only", "unobserved")


def _count(pairs: list[TieGap]) -> GapCount:
    by = {status: sum(1 for p in pairs if p.status == status) for status in _STATUSES}
    return GapCount(
        formal=by["both"] + by["formal_only"] + by["unobserved"],
        surveyed=by["both"] + by["surveyed_only"],
        **by,
    )


@attrs.frozen(kw_only=True, repr=False)
class TieGaps(_Table, TableRepr):
    """Formal ties against surveyed ties among a survey's members (see :func:`tie_gaps`)."""

    survey: str | None
    date: dt.date | None
    as_of: dt.date | None
    """The day of the formal graph (``None``: every period)."""
    pairs: tuple[TieGap, ...]
    """Every pair of members tied formally or by the survey, in the survey's member order."""
    totals: GapCount
    by_county: Mapping[str | None, GapCount]
    """Counts per county the pair lies in (``None``: no one county), sorted, ``None`` last."""
    by_sectors: Mapping[tuple[str, str], GapCount]
    """Counts per sector pair (a pair counts once in each sector pair it makes), sorted."""

    columns: ClassVar[tuple[str, ...]] = tuple(f.name for f in attrs.fields(TieGap))

    def formal_only(self) -> tuple[TieGap, ...]:
        """Formal ties that neither member reports working on (one of them answered)."""
        return tuple(p for p in self.pairs if p.status == "formal_only")

    def surveyed_only(self) -> tuple[TieGap, ...]:
        """Reported working ties with no formal tie."""
        return tuple(p for p in self.pairs if p.status == "surveyed_only")

    def rows(self) -> list[dict[str, Any]]:
        return [p.as_dict() for p in self.pairs]


def _sectors(data: Mapping[str, Any]) -> tuple[str, ...]:
    sectors = data.get("sectors")
    if sectors is None:
        return (UNKNOWN_SECTOR,)
    return tuple(sectors) or (NO_SECTOR,)


def tie_gaps(G: nx.Graph[Any], S: nx.DiGraph[Any]) -> TieGaps:
    """Compare the formal ties of collaboration graph ``G``
    (:func:`~lape.network.collaboration_graph`, best built on the survey's date)
    with the ties survey graph ``S`` reports (:func:`~lape.network.survey_graph`).

    Only pairs of the survey's members count. A pair is ``both`` (tied formally
    and reported by either), ``formal_only`` (tied formally, at least one of the
    two answered and neither reports working with the other: a tie the
    structure requires that no one works on), ``surveyed_only`` (reported, no
    formal tie: work the structure does not show), or ``unobserved`` (tied
    formally, neither answered). The counts come in total, per county (the
    ``county`` node attribute of ``G`` both share) and per sector pair (from
    ``G``'s ``sectors``; ``unknown`` when not given, ``none`` for no sector).
    To ask only about some formal ties, build ``G`` with ``ties=``. A member
    that is not a node of ``G`` has no formal tie.

    Time is linear in the members' formal ties and the survey's answers.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> S = nx.DiGraph([("a", "b"), ("a", "c")])
    >>> S.add_nodes_from(["a"], responded=True)
    >>> S.add_nodes_from(["b", "c"], responded=False)
    >>> [(p.u, p.v, p.status) for p in tie_gaps(G, S).pairs]
    [('a', 'b', 'both'), ('a', 'c', 'surveyed_only'), ('b', 'c', 'unobserved')]
    """
    U = surveyed_ties(S)
    order = {node: i for i, node in enumerate(S)}
    answered = {n for n, responded in S.nodes(data="responded") if responded}
    pairs: dict[tuple[Hashable, Hashable], None] = {}
    for u in S:
        if u in G:
            for v in G[u]:
                if v in order and order[u] < order[v]:
                    pairs[(u, v)] = None
        for v in U[u]:
            if order[u] < order[v]:
                pairs[(u, v)] = None
    found: list[TieGap] = []
    for u, v in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]])):
        formal_data = G.edges[u, v] if G.has_edge(u, v) else None
        reported_by = tuple(str(x) for x, y in ((u, v), (v, u)) if S.has_edge(x, y))
        status: TieStatus
        if formal_data is None:
            status = "surveyed_only"
        elif reported_by:
            status = "both"
        elif u in answered or v in answered:
            status = "formal_only"
        else:
            status = "unobserved"
        du = G.nodes[u] if u in G else S.nodes[u]
        dv = G.nodes[v] if v in G else S.nodes[v]
        county = du.get("county") if du.get("county") == dv.get("county") else None
        sector_pairs = {(a, b) if a <= b else (b, a) for a in _sectors(du) for b in _sectors(dv)}
        found.append(
            TieGap(
                u=str(u),
                v=str(v),
                u_name=du.get("name", S.nodes[u].get("name")),
                v_name=dv.get("name", S.nodes[v].get("name")),
                status=status,
                formal=() if formal_data is None else tuple(formal_data.get("kinds") or ()),
                reported_by=reported_by,
                county=county,
                sectors=tuple(sorted(sector_pairs)),
            )
        )
    counties: dict[str | None, list[TieGap]] = {}
    sectors: dict[tuple[str, str], list[TieGap]] = {}
    for pair in found:
        counties.setdefault(pair.county, []).append(pair)
        for sector_pair in pair.sectors:
            sectors.setdefault(sector_pair, []).append(pair)
    return TieGaps(
        survey=S.graph.get("survey"),
        date=S.graph.get("date"),
        as_of=G.graph.get("as_of"),
        pairs=tuple(found),
        totals=_count(found),
        by_county={
            c: _count(counties[c]) for c in sorted(counties, key=lambda c: (c is None, c or ""))
        },
        by_sectors={s: _count(sectors[s]) for s in sorted(sectors)},
    )
