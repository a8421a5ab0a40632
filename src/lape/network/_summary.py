# ruff: noqa: N803 - ``G`` for a graph, as in networkx
"""All the key measures of a collaboration graph at once (what ``lape network`` prints)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs

from lape._html import HEAD_ROWS, HTMLRepr, cell, row, shorten, table
from lape._words import count
from lape.model import Geography, Lang, Snapshot
from lape.network._build import AGENT_KIND
from lape.network._interfaces import InterfaceMap, interface_map
from lape.network._measures import (
    ActorList,
    AreaMeasures,
    BridgingTies,
    Brokers,
    Components,
    NetworkMeasures,
    RegionalLinks,
    _geography,
    area_measures,
    bridging_ties,
    brokers,
    components,
    isolated_actors,
    network_measures,
    peripheral_actors,
    regional_links,
    siloed_actors,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["NetworkSummary", "summarize"]


@attrs.frozen(kw_only=True, repr=False)
class NetworkSummary(HTMLRepr):
    """The key measures of a collaboration graph, as :func:`summarize` gathers them
    (and ``lape network`` prints them). Its ``repr`` is one line; in Jupyter it shows
    the measures and the head of each list, each with a count."""

    title: str
    as_of: dt.date | None
    agents: int
    """The number of change-agent nodes."""
    measures: NetworkMeasures
    regions: AreaMeasures
    counties: AreaMeasures
    brokers: Brokers
    bridging: BridgingTies
    siloed: ActorList
    isolated: ActorList
    peripheral: ActorList
    components: Components
    regional_links: RegionalLinks
    interfaces: InterfaceMap

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (lists of rows as ``rows()`` gives them)."""
        data = _plain(
            {
                "title": self.title,
                "as_of": self.as_of,
                "change_agents": self.agents,
                "measures": self.measures.rows()[0],
                "regions": self.regions.rows(),
                "counties": self.counties.rows(),
                "brokers": {
                    "scope": self.brokers.scope,
                    "exact": self.brokers.exact,
                    "k": self.brokers.k,
                    "seed": self.brokers.seed,
                    "sources": self.brokers.sources,
                    "nodes": self.brokers.nodes,
                    "agreement": self.brokers.agreement,
                    "backend": self.brokers.backend,
                    "top": self.brokers.rows(),
                },
                "bridging_ties": {
                    "sectors": self.bridging.sectors,
                    "count": len(self.bridging.ties),
                    "unbridged": [a.node for a in self.bridging.unbridged],
                },
                "siloed": self.siloed.nodes,
                "isolated": self.isolated.nodes,
                "peripheral": self.peripheral.nodes,
                "components": {
                    "count": len(self.components.sizes),
                    "sizes": self.components.sizes,
                    "largest_share": self.components.largest_share,
                },
                "regional_links": self.regional_links.rows(),
                "interfaces": self.interfaces.rows(),
            }
        )
        return cast("dict[str, Any]", data)

    def to_text(self, *, limit: int = 10, lang: Lang = "en") -> str:
        """The summary as text for a terminal, in ``lang`` (Finnish, Swedish or English);
        lists cut at ``limit`` items with a count of the rest."""
        from lape.network._text import summary_text

        return summary_text(self, limit=limit, lang=lang)

    def __repr__(self) -> str:
        m = self.measures
        day = self.as_of.isoformat() if self.as_of else "every period"
        return (
            f"<NetworkSummary {shorten(repr(self.title), 60)} {day}: {count(m.nodes, 'node')}, "
            f"{count(m.edges, 'tie')}, {count(m.components, 'component')}>"
        )

    def _html(self) -> str:
        m = self.measures
        facts: list[tuple[str, object]] = [
            ("nodes", m.nodes),
            ("change agents", self.agents),
            ("ties", m.edges),
            ("density", f"{m.density:.4f}"),
            ("degree centralisation", f"{m.centralization:.3f}"),
            ("components", m.components),
            ("the largest component", f"{self.components.largest_share:.0%} of the nodes"),
        ]
        lists: list[tuple[str, int, Sequence[str]]] = [
            ("top brokers", len(self.brokers.top), [b.node for b in self.brokers.top]),
            (
                "bridging ties",
                len(self.bridging.ties),
                [f"{t.u} - {t.v}" for t in self.bridging.ties[:HEAD_ROWS]],
            ),
            ("actors without a cross-sector tie", len(self.siloed), self.siloed.nodes),
            ("isolated actors", len(self.isolated), self.isolated.nodes),
            ("peripheral actors", len(self.peripheral), self.peripheral.nodes),
            (
                "municipal groups not linked to their region",
                len(self.regional_links.unlinked()),
                [x.group for x in self.regional_links.unlinked()],
            ),
            (
                "splits without an interface",
                len(self.interfaces.missing()),
                [s.network for s in self.interfaces.missing()],
            ),
        ]
        rows = [row([cell(k), cell(v)]) for k, v in facts]
        for name, total, items in lists:
            shown = ", ".join(items[:HEAD_ROWS])
            more = f", … and {total - HEAD_ROWS} more" if total > HEAD_ROWS else ""
            rows.append(row([cell(f"{name} ({total})"), cell(shorten(shown, 300) + more)]))
        day = self.as_of.isoformat() if self.as_of else "every period"
        caption = [f"NetworkSummary: {self.title or 'untitled'}", day]
        return table(caption, rows, css_class="lape-summary")


def _plain(value: Any) -> Any:
    """``value`` with dates as ISO text and tuples as lists, for JSON."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def summarize(
    G: nx.Graph[Any],
    snapshot: Snapshot,
    *,
    k: int | None = None,
    seed: int | None = 0,
    top: int = 10,
    geography: Geography | None = None,
    backend: str | None = None,
) -> NetworkSummary:
    """The key measures of ``G``, the collaboration graph of ``snapshot``, at once:
    :func:`network_measures`, :func:`area_measures` per region and county,
    :func:`brokers` over the whole graph (``k``, ``seed``, ``top`` and
    ``backend`` as there), :func:`bridging_ties`,
    :func:`siloed_actors`, :func:`isolated_actors`, :func:`peripheral_actors`,
    :func:`components`, :func:`regional_links` and the interface map of every
    county on the graph's day.

    >>> import datetime as dt, lape
    >>> from lape.network import collaboration_graph
    >>> s = lape.example()
    >>> summary = summarize(collaboration_graph(s, as_of=dt.date(2017, 10, 1)), s)
    >>> print(summary.to_text(limit=3))  # doctest: +ELLIPSIS
    Collaboration network: Pohjois-Savo 2017 (illustrative) (2017-10-01)
      42 nodes (41 actors, 1 change agent), 171 ties
    ...
    """
    geo = _geography(geography)
    day = G.graph.get("as_of")
    return NetworkSummary(
        title=str(G.graph.get("title") or snapshot.info.title),
        as_of=day,
        agents=sum(1 for _, data in G.nodes(data=True) if data.get("kind") == AGENT_KIND),
        measures=network_measures(G),
        regions=area_measures(G, "region", geography=geo),
        counties=area_measures(G, "county", geography=geo),
        brokers=brokers(G, k=k, seed=seed, top=top, backend=backend),
        bridging=bridging_ties(G),
        siloed=siloed_actors(G),
        isolated=isolated_actors(G),
        peripheral=peripheral_actors(G),
        components=components(G),
        regional_links=regional_links(G, snapshot, geography=geo),
        interfaces=interface_map(snapshot, as_of=day, geography=geo),
    )
