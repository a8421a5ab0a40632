# ruff: noqa: N803, N806 - ``G`` (and ``H``) for a graph, as in networkx
"""Measures of a collaboration graph: the ones evaluators of inter-organisational
collaboration run (the PARTNER tool's network measures, the collective-impact view).

Every function takes the graph first, in networkx's style, calls networkx's
public algorithms (so that its backends dispatch) and returns a small frozen
result with ``rows()`` (plain dicts) and ``to_pandas()``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from typing import Any, ClassVar, Literal, cast

import attrs
import networkx as nx

from lape._html import TableRepr
from lape._pandas import Table as _Table
from lape.model import CORE_SECTORS as _CORE
from lape.model import CountyCode, Geography, GroupKind, RegionCode, Snapshot

__all__ = [
    "ActorList",
    "ActorRow",
    "AreaMeasures",
    "BridgingTie",
    "BridgingTies",
    "Broker",
    "Brokers",
    "Components",
    "NetworkMeasures",
    "RegionalLink",
    "RegionalLinks",
    "area_measures",
    "bridging_ties",
    "brokers",
    "components",
    "isolated_actors",
    "network_measures",
    "peripheral_actors",
    "regional_links",
    "siloed_actors",
]

Area = Literal["region", "county"]
"""The node attribute that places an actor in an area."""

CORE_SECTORS: tuple[str, str] = (_CORE[0].value, _CORE[1].value)
"""The two sectors the programme sets out to join up (seed 001), as the graph's node
attributes name them (:data:`lape.model.CORE_SECTORS`' values)."""


def _geography(geography: Geography | None) -> Geography:
    if geography is None:
        from lape.reference import geography as reference_geography

        return reference_geography()
    return geography


def _area_name(by: str, code: str, geography: Geography) -> str | None:
    if by == "region":
        region = geography.regions.get(RegionCode(code))
        return None if region is None else str(region.name_en)
    county = geography.counties.get(CountyCode(code))
    return None if county is None else str(county.name_en)


def _check_area(by: str) -> None:
    if by not in ("region", "county"):
        msg = f"by must be 'region' or 'county', not {by!r}"
        raise ValueError(msg)


def _induced(G: nx.Graph[Any], nodes: list[Any], *, data: bool = False) -> nx.Graph[Any]:
    """The subgraph of ``G`` on ``nodes`` as a new graph, without node attributes
    and with edge attributes only if ``data``: quicker for the measures than a
    subgraph view, which filters every look-up."""
    inside = set(nodes)
    H: nx.Graph[Any] = nx.Graph()
    H.add_nodes_from(nodes)
    if data:
        H.add_edges_from(
            (u, v, d) for u, v, d in G.edges(nodes, data=True) if u in inside and v in inside
        )
    else:
        H.add_edges_from((u, v) for u, v in G.edges(nodes) if u in inside and v in inside)
    return H


def _by_area(G: nx.Graph[Any], by: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        area = data.get(by)
        if area is not None:
            found[area].append(node)
    return dict(sorted(found.items()))


# -- density and centralisation --------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class NetworkMeasures(_Table, TableRepr):
    """Size, density and degree centralisation of a network (or of one area's part)."""

    area: str | None = None
    """The area's code, ``None`` for the whole network."""
    name: str | None = None
    """The area's name (English), ``None`` for the whole network."""
    nodes: int
    edges: int
    density: float
    """Ties present / ties possible: ``2m / (n (n - 1))`` (:func:`networkx.density`)."""
    centralization: float
    """Freeman's degree centralisation: ``sum(max_deg - deg) / ((n - 1)(n - 2))``; 1 for
    a star, 0 when every node has the same degree (and for fewer than three nodes)."""
    mean_degree: float
    components: int
    isolates: int

    columns: ClassVar[tuple[str, ...]] = (
        "area",
        "name",
        "nodes",
        "edges",
        "density",
        "centralization",
        "mean_degree",
        "components",
        "isolates",
    )

    def rows(self) -> list[dict[str, Any]]:
        return [{c: getattr(self, c) for c in self.columns}]

    def _facts(self) -> str:
        where = f"{self.area} {self.name or ''}".strip() if self.area else "whole network"
        return f"{where}, {self.nodes} nodes, {self.edges} edges, density {self.density:.4g}"


def network_measures(
    G: nx.Graph[Any], *, area: str | None = None, name: str | None = None
) -> NetworkMeasures:
    """The size, density and degree centralisation of ``G``.

    ``area`` and ``name`` only label the result.

    >>> G = nx.star_graph(4)
    >>> m = network_measures(G)
    >>> m.nodes, m.edges, m.density, m.centralization
    (5, 4, 0.4, 1.0)
    >>> network_measures(nx.cycle_graph(5)).centralization
    0.0
    """
    n = G.number_of_nodes()
    degrees = [d for _, d in G.degree()]
    top = max(degrees, default=0)
    centralization = sum(top - d for d in degrees) / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return NetworkMeasures(
        area=area,
        name=name,
        nodes=n,
        edges=G.number_of_edges(),
        density=float(nx.density(G)),
        centralization=centralization,
        mean_degree=sum(degrees) / n if n else 0.0,
        components=nx.number_connected_components(G) if n else 0,
        isolates=nx.number_of_isolates(G),
    )


@attrs.frozen(kw_only=True, repr=False)
class AreaMeasures(_Table, TableRepr):
    """:class:`NetworkMeasures` of each area's part of the network, keyed by area code."""

    by: str
    """``"region"`` or ``"county"``: the node attribute the areas come from."""
    areas: Mapping[str, NetworkMeasures]
    outside: int
    """The number of nodes with no area (not counted in any)."""

    columns: ClassVar[tuple[str, ...]] = NetworkMeasures.columns

    def rows(self) -> list[dict[str, Any]]:
        return [row for m in self.areas.values() for row in m.rows()]

    row_noun: ClassVar[str] = "area"

    def _facts(self) -> str:
        return f"by {self.by}, {self.outside} nodes outside any"

    def _count(self) -> int:
        return len(self.areas)


def area_measures(
    G: nx.Graph[Any], by: Area = "region", *, geography: Geography | None = None
) -> AreaMeasures:
    """:func:`network_measures` of each region's (or county's) part of ``G``: the
    subgraph of the nodes whose ``by`` attribute names the area, with the ties
    among them (ties that cross the area's border are left out).

    >>> import datetime as dt, lape
    >>> from lape.network import collaboration_graph
    >>> G = collaboration_graph(lape.example(), as_of=dt.date(2017, 10, 1))
    >>> m = area_measures(G, "region")
    >>> list(m.areas), m.areas["11"].name, m.areas["11"].nodes, m.outside
    (['10', '11'], 'North Savo', 37, 4)
    """
    _check_area(by)
    geo = _geography(geography)
    groups = _by_area(G, by)
    areas = {
        code: network_measures(_induced(G, nodes), area=code, name=_area_name(by, code, geo))
        for code, nodes in groups.items()
    }
    inside = sum(len(nodes) for nodes in groups.values())
    return AreaMeasures(by=by, areas=areas, outside=G.number_of_nodes() - inside)


# -- actors: a common row -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ActorRow:
    """One node of the graph with the facts the analyses show."""

    node: str
    name: str | None
    kind: str | None
    sectors: tuple[str, ...] | None
    region: str | None
    county: str | None
    degree: int

    @classmethod
    def of(cls, G: nx.Graph[Any], node: Hashable) -> ActorRow:
        data = G.nodes[node]
        sectors = data.get("sectors")
        return cls(
            node=str(node),
            name=data.get("name"),
            kind=data.get("kind"),
            sectors=None if sectors is None else tuple(sectors),
            region=data.get("region"),
            county=data.get("county"),
            degree=G.degree(node),
        )

    def as_dict(self) -> dict[str, Any]:
        return attrs.asdict(self, recurse=False)


_ACTOR_COLUMNS = ("node", "name", "kind", "sectors", "region", "county", "degree")


@attrs.frozen(kw_only=True, repr=False)
class ActorList(_Table, TableRepr):
    """Actors found by an analysis (``what`` says which), in node order."""

    what: str
    actors: tuple[ActorRow, ...]

    columns: ClassVar[tuple[str, ...]] = _ACTOR_COLUMNS

    def __len__(self) -> int:
        return len(self.actors)

    @property
    def nodes(self) -> tuple[str, ...]:
        """The nodes found."""
        return tuple(a.node for a in self.actors)

    def rows(self) -> list[dict[str, Any]]:
        return [a.as_dict() for a in self.actors]

    row_noun: ClassVar[str] = "actor"

    def _facts(self) -> str:
        return self.what

    def _count(self) -> int:
        return len(self.actors)


def isolated_actors(G: nx.Graph[Any]) -> ActorList:
    """The nodes with no tie at all (:func:`networkx.isolates`).

    >>> G = nx.Graph([("a", "b")]); G.add_node("c")
    >>> isolated_actors(G).nodes
    ('c',)
    """
    return ActorList(what="isolated", actors=tuple(ActorRow.of(G, n) for n in nx.isolates(G)))


def peripheral_actors(G: nx.Graph[Any], *, max_degree: int = 1) -> ActorList:
    """The nodes hanging on by a thread: at least one tie, at most ``max_degree``.

    >>> peripheral_actors(nx.path_graph(4)).nodes
    ('0', '3')
    """
    if max_degree < 1:
        msg = f"max_degree must be at least 1, not {max_degree!r}"
        raise ValueError(msg)
    found = tuple(ActorRow.of(G, n) for n, d in G.degree() if 0 < d <= max_degree)
    return ActorList(what=f"peripheral (1..{max_degree} ties)", actors=found)


def siloed_actors(G: nx.Graph[Any]) -> ActorList:
    """The actors with no cross-sector tie: their sectors are given and none of
    their neighbours works in a sector outside them. Actors whose sectors are
    not given (``None``) or empty are left out, and so are neighbours' unknown
    sectors; an isolated actor with sectors is siloed too (its ``degree`` is 0).

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": ("social_health",), "b": ("social_health",),
    ...                            "c": ("social_health", "education_youth")}, "sectors")
    >>> siloed_actors(G).nodes
    ('a', 'c')
    """
    sectors_of = dict(G.nodes(data="sectors"))
    found = []
    for node, own in sectors_of.items():
        if not own:
            continue
        mine = set(own)
        if not any(
            (theirs := sectors_of.get(other)) and not mine.issuperset(theirs) for other in G[node]
        ):
            found.append(ActorRow.of(G, node))
    return ActorList(what="without a cross-sector tie", actors=tuple(found))


# -- brokers -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Broker:
    """A node ranked by its betweenness (within its area when ranked by area)."""

    rank: int
    node: str
    name: str | None
    kind: str | None
    area: str | None
    """The area it was ranked in (``None`` when ranked in the whole network)."""
    betweenness: float
    degree: int


@attrs.frozen(kw_only=True, repr=False)
class Brokers(_Table, TableRepr):
    """Betweenness of every node (keyed by node) and the top brokers, with how it
    was computed.

    ``by`` is ``None`` when the whole graph was measured at once (:attr:`top`
    is then one list: for the national graph, the national top), else the area
    attribute (``"region"`` or ``"county"``): each area's part was measured on
    its own and :attr:`top` holds each area's top list (:attr:`Broker.area`).
    """

    betweenness: Mapping[Hashable, float]
    top: tuple[Broker, ...]
    k: int | None
    """The sources asked for (``None``: every node, exact)."""
    seed: int | None
    by: str | None
    exact: bool = True
    """Whether every part was measured from all its nodes (``k`` ``None``, or at
    least the part's size): exact scores, not estimates."""
    sources: int = 0
    """The sources actually used, over all parts (at most ``nodes``)."""
    nodes: int = 0
    """The nodes measured, over all parts."""
    agreement: float | None = None
    """How good the sample is: the share of the top lists that two independent
    halves of the sample agree on (``None`` when exact, or nothing was ranked).
    Each part's sample is drawn as two halves, the estimate is their weighted
    mean, and each half ranks its own top ``top``; 1.0 means both halves found
    the same brokers. A half is half as large, so the whole sample agrees with
    the exact ranking about as well or better (on the synthetic national graph,
    within 2 of the 50: ``docs/network.md``)."""
    backend: str | None = None
    """The networkx backend asked for (``None``: networkx's own dispatch, which
    uses ``networkx.config.backend_priority``, networkx itself by default)."""

    columns: ClassVar[tuple[str, ...]] = (
        "rank",
        "node",
        "name",
        "kind",
        "area",
        "betweenness",
        "degree",
    )

    @property
    def scope(self) -> str:
        """Which top list this is: ``"whole graph"``, or ``"each region"`` or
        ``"each county"`` (a top list per area)."""
        return "whole graph" if self.by is None else f"each {self.by}"

    def how(self) -> str:
        """How the scores were computed, in words (what ``lape network`` prints)."""
        where = "over the whole graph" if self.by is None else f"within each {self.by}"
        via = f", backend {self.backend!r}" if self.backend else ""
        if self.exact:
            return f"exact {where}{via}"
        agreed = "" if self.agreement is None else f", halves agree on {self.agreement:.0%}"
        return (
            f"estimated {where} from {self.sources} of {self.nodes} sources, seed "
            f"{self.seed}{agreed} of the top lists{via}"
        )

    def rows(self) -> list[dict[str, Any]]:
        return [attrs.asdict(b) for b in self.top]

    row_noun: ClassVar[str] = "top broker"

    def _facts(self) -> str:
        return self.how()

    def _count(self) -> int:
        return len(self.top)


def _betweenness(
    G: nx.Graph[Any],
    k: int | None,
    seed: random.Random | None,
    *,
    weight: str | None,
    normalized: bool,
    backend: str | None,
) -> dict[Hashable, float]:
    """:func:`networkx.betweenness_centrality` through networkx's dispatch.

    A backend converts ``G`` once and caches the conversion on it; networkx warns
    each time the cached one is used, in case ``G`` was changed meanwhile. The
    second half of a sample uses it right after the first, so that warning is
    silenced here (networkx 3.4 and later have ``warnings_to_ignore``).
    """
    options: dict[str, Any] = {} if backend is None else {"backend": backend}
    config = getattr(nx, "config", None)
    quiet: contextlib.AbstractContextManager[Any] = contextlib.nullcontext()
    if config is not None and hasattr(config, "warnings_to_ignore"):
        quiet = config(warnings_to_ignore={*config.warnings_to_ignore, "cache"})
    try:
        with quiet:
            found = nx.betweenness_centrality(
                G, k=k, normalized=normalized, weight=weight, seed=seed, **options
            )
    except ImportError as exc:
        if backend is None:
            raise
        msg = (
            f"brokers(backend={backend!r}) cannot use that networkx backend ({exc}); "
            "for 'parallel': pip install 'lape[parallel]' (Python 3.12 or newer)"
        )
        raise ImportError(msg) from exc
    return cast("dict[Hashable, float]", found)


def _ranked(scores: Mapping[Hashable, float], top: int) -> list[tuple[Hashable, float]]:
    return sorted(scores.items(), key=lambda item: (-item[1], str(item[0])))[:top]


def brokers(
    G: nx.Graph[Any],
    *,
    k: int | None = None,
    seed: int | None = None,
    by: Area | None = None,
    top: int = 10,
    weight: str | None = None,
    normalized: bool = True,
    backend: str | None = None,
) -> Brokers:
    """The brokers of ``G``: the nodes with the highest betweenness centrality
    (:func:`networkx.betweenness_centrality`), the share of shortest paths
    between others that run through them.

    Exact betweenness takes time ``O(nm)``: minutes at national scale. ``k``
    samples that many source nodes (at least 2), reproducibly with ``seed``:
    drawn as two independent halves whose estimates are averaged (weighted by
    their sizes), so that the result can say how well the halves' top ``top``
    lists agree (:attr:`Brokers.agreement`). ``by="region"`` or ``"county"``
    measures each area's part separately (on its induced subgraph), ``k`` then
    applying to each, and ranks ``top`` per area. ``weight`` names an edge
    attribute to read as a *distance*; the default ``None`` counts steps (the
    graph's ``weight`` is a strength, not a distance).

    ``backend`` names a networkx backend to run the betweenness (e.g.
    ``"parallel"``: ``pip install 'lape[parallel]'``, which spreads the sources
    over processes; configure it with ``networkx.config.backends.parallel``);
    ``None`` leaves the choice to networkx's dispatch. A backend gets the same
    sources and computes the same scores.

    >>> b = brokers(nx.path_graph(5), top=2)
    >>> [(x.node, x.betweenness) for x in b.top], b.exact, b.how()
    ([('2', 0.6666666666666666), ('1', 0.5)], True, 'exact over the whole graph')
    """
    if top < 0:
        msg = f"top must not be negative, not {top!r}"
        raise ValueError(msg)
    if k is not None and k < 2:
        msg = f"k must be at least 2 (a sample is drawn as two halves), not {k!r}"
        raise ValueError(msg)
    parts: dict[str | None, nx.Graph[Any]]
    if by is None:
        parts = {None: G}
    else:
        _check_area(by)
        parts = {
            code: _induced(G, nodes, data=weight is not None)
            for code, nodes in _by_area(G, by).items()
        }
    options: dict[str, Any] = {"weight": weight, "normalized": normalized, "backend": backend}
    scores: dict[Hashable, float] = {}
    ranked: list[Broker] = []
    exact, sources, nodes, agreed, compared = True, 0, 0, 0, 0
    rng = random.Random(seed)
    for area, part in parts.items():
        n = part.number_of_nodes()
        nodes += n
        if k is None or k >= n:
            found = _betweenness(part, None, None, **options)
            sources += n
        else:
            exact = False
            sources += k
            half = k // 2
            first = _betweenness(part, half, rng, **options)
            second = _betweenness(part, k - half, rng, **options)
            found = {node: (first[node] * half + second[node] * (k - half)) / k for node in first}
            if top:
                one = {node for node, _ in _ranked(first, top)}
                other = {node for node, _ in _ranked(second, top)}
                agreed += len(one & other)
                compared += min(top, n)
        scores.update(found)
        for rank, (node, value) in enumerate(_ranked(found, top), start=1):
            data = G.nodes[node]
            ranked.append(
                Broker(
                    rank=rank,
                    node=str(node),
                    name=data.get("name"),
                    kind=data.get("kind"),
                    area=area,
                    betweenness=value,
                    degree=G.degree(node),
                )
            )
    return Brokers(
        betweenness=scores,
        top=tuple(ranked),
        k=k,
        seed=seed,
        by=by,
        exact=exact,
        sources=sources,
        nodes=nodes,
        agreement=agreed / compared if compared else None,
        backend=backend,
    )


# -- cross-sector ties ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BridgingTie:
    """A tie between an actor of one sector and an actor of the other."""

    u: str
    v: str
    u_name: str | None
    v_name: str | None
    u_sectors: tuple[str, ...]
    v_sectors: tuple[str, ...]
    weight: int
    kinds: tuple[str, ...]


@attrs.frozen(kw_only=True, repr=False)
class BridgingTies(_Table, TableRepr):
    """The ties that join two sectors (by default the programme's core pair), with
    each actor's count of them and the actors of either sector left without one."""

    sectors: tuple[str, str]
    ties: tuple[BridgingTie, ...]
    by_node: Mapping[Hashable, int]
    """How many bridging ties each node has (nodes with none left out)."""
    unbridged: tuple[ActorRow, ...]
    """Actors of either sector with no tie to the other."""

    columns: ClassVar[tuple[str, ...]] = (
        "u",
        "v",
        "u_name",
        "v_name",
        "u_sectors",
        "v_sectors",
        "weight",
        "kinds",
    )

    def rows(self) -> list[dict[str, Any]]:
        return [attrs.asdict(t) for t in self.ties]

    row_noun: ClassVar[str] = "tie"

    def _facts(self) -> str:
        return f"{' - '.join(self.sectors)}, {len(self.unbridged)} actors unbridged"

    def _count(self) -> int:
        return len(self.ties)


def bridging_ties(
    G: nx.Graph[Any], *, sectors: Sequence[str] = CORE_SECTORS, weight: str = "weight"
) -> BridgingTies:
    """The ties that bridge two sectors: one end works in the first, the other in
    the second (an actor working in both bridges to anyone of either). The
    default pair is the social and health sector and the education and youth
    sector, which the programme sets out to join up (seed 001).

    >>> G = nx.Graph([("sote", "school"), ("sote", "ngo")], weight=1)
    >>> nx.set_node_attributes(G, {"sote": ("social_health",), "school": ("education_youth",),
    ...                            "ngo": ("civil_society",)}, "sectors")
    >>> b = bridging_ties(G)
    >>> [(t.u, t.v) for t in b.ties], dict(b.by_node), [a.node for a in b.unbridged]
    ([('sote', 'school')], {'sote': 1, 'school': 1}, [])
    """
    if len(sectors) != 2 or sectors[0] == sectors[1]:
        msg = f"sectors must name two different sectors, not {sectors!r}"
        raise ValueError(msg)
    a, b = sectors
    sectors_of = dict(G.nodes(data="sectors"))
    in_a = {n for n, s in sectors_of.items() if s and a in s}
    in_b = {n for n, s in sectors_of.items() if s and b in s}
    either = in_a | in_b
    found: list[BridgingTie] = []
    by_node: dict[Hashable, int] = defaultdict(int)
    for u, v, data in G.edges(data=True):
        if (u in in_a and v in in_b) or (u in in_b and v in in_a):
            found.append(_bridging(G, u, v, data, weight))
            by_node[u] += 1
            by_node[v] += 1
    unbridged = tuple(ActorRow.of(G, n) for n in G if n in either and n not in by_node)
    return BridgingTies(
        sectors=(a, b), ties=tuple(found), by_node=dict(by_node), unbridged=unbridged
    )


def _bridging(
    G: nx.Graph[Any], u: Hashable, v: Hashable, data: Mapping[str, Any], weight: str
) -> BridgingTie:
    nu, nv = G.nodes[u], G.nodes[v]
    return BridgingTie(
        u=str(u),
        v=str(v),
        u_name=nu.get("name"),
        v_name=nv.get("name"),
        u_sectors=tuple(nu.get("sectors") or ()),
        v_sectors=tuple(nv.get("sectors") or ()),
        weight=data.get(weight, 1),
        kinds=tuple(data.get("kinds") or ()),
    )


# -- components -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class Components(_Table, TableRepr):
    """The connected components, largest first; ``of`` gives each node's component."""

    sizes: tuple[int, ...]
    of: Mapping[Hashable, int]
    """Each node's component: its index in :attr:`sizes` (0 is the largest)."""
    regions: tuple[tuple[str, ...], ...]
    """The regions the nodes of each component belong to."""

    columns: ClassVar[tuple[str, ...]] = ("component", "size", "regions")

    @property
    def largest_share(self) -> float:
        """The share of nodes in the largest component (0 for an empty graph)."""
        total = sum(self.sizes)
        return self.sizes[0] / total if total else 0.0

    def rows(self) -> list[dict[str, Any]]:
        return [
            {"component": i, "size": size, "regions": regions}
            for i, (size, regions) in enumerate(zip(self.sizes, self.regions, strict=True))
        ]

    row_noun: ClassVar[str] = "component"

    def _facts(self) -> str:
        largest = self.sizes[0] if self.sizes else 0
        return f"the largest {largest} nodes ({self.largest_share:.0%})"

    def _count(self) -> int:
        return len(self.sizes)


def components(G: nx.Graph[Any]) -> Components:
    """The connected components of ``G`` (:func:`networkx.connected_components`),
    largest first (ties broken by their smallest node).

    >>> c = components(nx.Graph([(1, 2), (2, 3), (4, 5)]))
    >>> c.sizes, c.of[5], round(c.largest_share, 2)
    ((3, 2), 1, 0.6)
    """
    found = sorted(
        (sorted(c, key=str) for c in nx.connected_components(G)),
        key=lambda c: (-len(c), str(c[0])),
    )
    of = {node: i for i, c in enumerate(found) for node in c}
    region_of = dict(G.nodes(data="region"))
    regions = tuple(
        tuple(sorted({r for n in c if (r := region_of.get(n)) is not None})) for c in found
    )
    return Components(sizes=tuple(len(c) for c in found), of=of, regions=regions)


# -- municipal and regional groups --------------------------------------------------------


@attrs.frozen(kw_only=True)
class RegionalLink:
    """How a municipal group is connected to the regional group(s) of its project area.

    ``project_area``: the municipal group's project area (the capital region and the
    rest of Uusimaa apart; ``None`` when it cannot be told, e.g. on Åland), and
    ``regional_groups`` the regional groups of that area; ``declared``: the group
    names one of them in ``cooperates_with`` (what LAPE-G13 checks);
    ``shared_members``: actors seated in both; ``direct_ties``: ties in the graph
    between a member of the municipal group and a member of a regional group who
    does not sit in the municipal group;
    ``reachable``: some member of each lies in one component.
    """

    group: str
    name: str
    municipality: str | None
    region: str | None
    regional_groups: tuple[str, ...]
    declared: bool
    shared_members: tuple[str, ...]
    direct_ties: int
    reachable: bool
    project_area: str | None = None

    @property
    def connected(self) -> bool:
        """Whether the network joins the two: a shared member or a direct tie."""
        return bool(self.shared_members) or self.direct_ties > 0


@attrs.frozen(kw_only=True, repr=False)
class RegionalLinks(_Table, TableRepr):
    """One :class:`RegionalLink` per municipal group in effect."""

    as_of: dt.date | None
    links: tuple[RegionalLink, ...]

    columns: ClassVar[tuple[str, ...]] = (
        "group",
        "name",
        "municipality",
        "region",
        "project_area",
        "regional_groups",
        "declared",
        "shared_members",
        "direct_ties",
        "reachable",
        "connected",
    )

    row_noun: ClassVar[str] = "municipal group"

    def _facts(self) -> str:
        day = self.as_of.isoformat() if self.as_of else "every period"
        return f"{day}, {len(self.unlinked())} unlinked"

    def _count(self) -> int:
        return len(self.links)

    def unlinked(self) -> tuple[RegionalLink, ...]:
        """The municipal groups that are neither declared linked nor connected."""
        return tuple(x for x in self.links if not x.declared and not x.connected)

    def rows(self) -> list[dict[str, Any]]:
        return [{column: getattr(x, column) for column in self.columns} for x in self.links]


def regional_links(
    G: nx.Graph[Any], snapshot: Snapshot, *, geography: Geography | None = None
) -> RegionalLinks:
    """Whether each municipal group of ``snapshot`` is connected to the regional group
    of its project area, in the declarations (``cooperates_with``) and in ``G``.

    The day is the graph's ``as_of`` (else the snapshot's, else today); groups and
    seats not in effect on it are left out. A group's project area and region are
    its municipality's on that day (a merged municipality's successor's), as for
    rule LAPE-G13 (see :meth:`lape.model.Geography.project_area_of_group`).

    >>> import datetime as dt, lape
    >>> from lape.network import collaboration_graph
    >>> s = lape.example()
    >>> links = regional_links(collaboration_graph(s, as_of=dt.date(2017, 10, 1)), s)
    >>> for x in links.links:
    ...     print(x.group, x.declared, x.shared_members, x.direct_ties, x.connected)
    kuopio-lape True ('kuopio-nuva', 'kuopio-sivistys', 'kuopio-sote', 'kuopio-srk') 48 True
    iisalmi-lape True ('iisalmi-sivistys', 'iisalmi-sote') 28 True
    varkaus-lape True ('varkaus-sote',) 15 True
    siilinjarvi-lape True ('siilinjarvi-sivistys',) 15 True
    """
    geo = _geography(geography)
    day: dt.date | None = G.graph.get("as_of") or snapshot.info.as_of
    on = day or dt.date.today()
    index = snapshot.index

    def active(period: Any) -> bool:
        return period is None or day is None or period.contains(day)

    groups = [g for g in snapshot.groups if index.group(g.id) is g and active(g.period)]
    regional: dict[str, list[Any]] = defaultdict(list)  # by project area
    for g in groups:
        if g.kind is GroupKind.REGIONAL:
            area = geo.project_area_of_group(g, on)
            if area is not None:
                regional[area.id].append(g)
    component_of = {n: i for i, c in enumerate(nx.connected_components(G)) for n in c}

    def seated(group: Any) -> set[str]:
        return {m.actor for m in group.members if active(m.period) and m.actor in G}

    links = []
    for group in groups:
        if group.kind is not GroupKind.MUNICIPAL:
            continue
        area = geo.project_area_of_group(group, on)
        now = None if group.municipality is None else geo.municipality_on(group.municipality, on)
        region = None if now is None else geo.region_of(now, on)
        partners = regional.get(area.id, []) if area is not None else []
        mine = seated(group)
        theirs: set[str] = set().union(*(seated(p) for p in partners)) if partners else set()
        others = theirs - mine
        direct = sum(1 for u in mine for v in G[u] if v in others)
        comps = {component_of[n] for n in mine}
        links.append(
            RegionalLink(
                group=group.id,
                name=group.name,
                municipality=group.municipality,
                region=region,
                project_area=None if area is None else area.id,
                regional_groups=tuple(p.id for p in partners),
                declared=bool(index.cooperation_of(group.id) & {p.id for p in partners}),
                shared_members=tuple(sorted(mine & theirs)),
                direct_ties=direct,
                reachable=any(component_of[n] in comps for n in theirs),
            )
        )
    return RegionalLinks(as_of=day, links=tuple(links))
