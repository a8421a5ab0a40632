# ruff: noqa: N803 - ``G`` (and ``H``) for a graph, as in networkx
"""Drawing with matplotlib (the optional ``plot`` extra): a collaboration graph, a timeline."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from lape.network._build import AGENT_KIND
from lape.network._measures import CORE_SECTORS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from lape.network._timeline import Timeline

__all__ = ["SECTOR_COLOURS", "draw", "plot_timeline", "sector_category"]

SECTOR_COLOURS: Mapping[str, str] = {
    "social_health": "#d62728",
    "education_youth": "#1f77b4",
    "both core sectors": "#9467bd",
    "culture_leisure": "#ff7f0e",
    "employment": "#8c564b",
    "police_justice": "#7f7f7f",
    "housing": "#bcbd22",
    "administration": "#17becf",
    "church": "#e377c2",
    "civil_society": "#2ca02c",
    "change agent": "#000000",
    "no sector given": "#c7c7c7",
}
"""The colour of each category :func:`sector_category` gives (matplotlib colours)."""

_CORE = CORE_SECTORS
_ORDER = tuple(SECTOR_COLOURS)


def sector_category(data: Mapping[str, Any]) -> str:
    """The colour category of a node's attributes: its sector (the core sectors
    first, ``"both core sectors"`` when it works in both), ``"change agent"``,
    or ``"no sector given"``.

    >>> sector_category({"sectors": ("civil_society", "education_youth")})
    'education_youth'
    >>> sector_category({"sectors": ("education_youth", "social_health")})
    'both core sectors'
    """
    if data.get("kind") == AGENT_KIND:
        return "change agent"
    sectors = data.get("sectors") or ()
    if all(s in sectors for s in _CORE):
        return "both core sectors"
    for sector in _ORDER:
        if sector in sectors:
            return sector
    return "no sector given"


def draw(
    G: nx.Graph[Any],
    *,
    ax: Axes | None = None,
    pos: Mapping[Any, Any] | None = None,
    layout: Callable[..., Mapping[Any, Any]] | None = None,
    seed: int | None = None,
    node_size: tuple[float, float] = (20.0, 400.0),
    with_labels: bool = False,
    title: str | None = None,
) -> Figure:
    """Draw ``G`` with nodes coloured by sector (:data:`SECTOR_COLOURS`) and sized
    by degree (from ``node_size[0]`` to ``node_size[1]``), with a legend.

    ``pos`` gives the positions; else ``layout(G, seed=seed)`` computes them
    (default :func:`networkx.spring_layout`; large graphs want a subgraph, or
    ``pip install scipy`` for networkx's sparse layout). Draws on ``ax`` when
    given, else on a new figure; returns the figure and never calls ``show()``
    (in a notebook the figure shows itself; elsewhere ``fig.savefig(...)``).
    Needs matplotlib: ``pip install 'lape[plot]'``.

    >>> import lape
    >>> from lape.network import collaboration_graph
    >>> fig = draw(collaboration_graph(lape.example()), seed=1)  # doctest: +SKIP
    >>> fig.savefig("pohjois-savo.png")                          # doctest: +SKIP
    """
    try:
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
    except ImportError as exc:
        msg = "lape.network.draw() needs matplotlib: pip install 'lape[plot]'"
        raise ImportError(msg) from exc

    if ax is None:
        figure = Figure(figsize=(10, 8), layout="constrained")
        ax = figure.add_subplot()
    else:
        parent = ax.figure
        while not isinstance(parent, Figure):  # an Axes of a subfigure: up to the figure
            parent = parent.figure
        figure = parent
    if pos is None:
        pos = (layout or nx.spring_layout)(G, seed=seed)
    nodes = list(G)
    categories = [sector_category(G.nodes[n]) for n in nodes]
    degrees = [G.degree(n) for n in nodes]
    top = max(degrees, default=0) or 1
    low, high = node_size
    nx.draw_networkx_edges(G, pos, ax=ax, alpha=0.25, width=0.5)
    nx.draw_networkx_nodes(
        G,
        pos,
        nodelist=nodes,
        ax=ax,
        node_color=[SECTOR_COLOURS[c] for c in categories],
        node_size=[low + (high - low) * d / top for d in degrees],
        linewidths=0.3,
        edgecolors="white",
    )
    if with_labels:
        labels = {n: G.nodes[n].get("name") or str(n) for n in nodes}
        nx.draw_networkx_labels(G, pos, labels=labels, ax=ax, font_size=6)
    shown = [c for c in SECTOR_COLOURS if c in set(categories)]
    handles = [
        Line2D([], [], marker="o", linestyle="", color=SECTOR_COLOURS[c], label=c) for c in shown
    ]
    if handles:
        ax.legend(handles=handles, loc="best", fontsize="small", title="sector")
    ax.set_title(title if title is not None else str(G.graph.get("title") or ""))
    ax.set_axis_off()
    return figure


def plot_timeline(timeline: Timeline, columns: Sequence[str], *, ax: Axes | None = None) -> Figure:
    """Draw ``columns`` of ``timeline`` over its dates (:meth:`Timeline.plot`)."""
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:
        msg = "Timeline.plot() needs matplotlib: pip install 'lape[plot]'"
        raise ImportError(msg) from exc

    allowed = [c for c in timeline.columns if c not in ("date", "conforms")]
    unknown = [c for c in columns if c not in allowed]
    if unknown or not columns:
        msg = f"cannot plot {unknown or 'no columns'}; choose from {', '.join(allowed)}"
        raise ValueError(msg)
    dates = list(timeline.dates)
    rows = timeline.rows()
    if ax is None:
        figure = Figure(figsize=(8, 1.8 * len(columns) + 0.8), layout="constrained")
        axes = list(figure.subplots(len(columns), 1, sharex=True, squeeze=False)[:, 0])
    else:
        parent = ax.figure
        while not isinstance(parent, Figure):  # an Axes of a subfigure: up to the figure
            parent = parent.figure
        figure, axes = parent, [ax] * len(columns)
    for column, where in zip(columns, axes, strict=True):
        where.plot(dates, [row[column] for row in rows], marker="o", label=column)
        if ax is None:
            where.set_ylabel(column.replace("_", " "))
            where.grid(visible=True, alpha=0.3)
    if ax is not None:
        ax.legend(loc="best", fontsize="small")
    axes[0].set_title(timeline.title)
    figure.autofmt_xdate()
    return figure
