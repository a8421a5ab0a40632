# ruff: noqa: N803 - ``G`` (and ``H``) for a graph, as in networkx
"""Drawing with matplotlib (the optional ``plot`` extra): a collaboration graph, a timeline."""

from __future__ import annotations

import inspect
import io
import math
import sys
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from lape.network._build import AGENT_KIND
from lape.network._measures import CORE_SECTORS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from lape.network._timeline import Timeline

__all__ = ["SECTOR_COLOURS", "draw", "packed_layout", "plot_timeline", "sector_category"]

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


_GAP = 1.0
"""Space between packed components, in node spacings (a component of ``n`` nodes is
laid out in a box of side ``sqrt(n)``, about one spacing between neighbours)."""


def _takes_seed(layout: Callable[..., Any]) -> bool:
    """Whether ``layout`` takes a ``seed`` argument (networkx's random layouts do)."""
    try:
        parameters = inspect.signature(layout).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return True
    return "seed" in parameters or any(p.kind is p.VAR_KEYWORD for p in parameters.values())


def packed_layout(
    G: nx.Graph[Any],
    *,
    layout: Callable[..., Mapping[Any, Any]] | None = None,
    seed: int | None = None,
) -> dict[Hashable, tuple[float, float]]:
    """Positions for drawing ``G``: each connected component laid out on its own and
    the components packed in rows, largest first, each in a box whose area grows with
    its number of nodes; the isolated nodes (a loop aside) in a grid below them.
    Positions lie in the unit square (the whole picture scaled to it, its aspect kept).

    ``layout(component, seed=seed)`` lays out each component (default
    :func:`networkx.spring_layout`, reproducible with ``seed``; a layout that takes
    no seed, such as :func:`networkx.circular_layout`, is called without one). A layout of the whole
    graph at once puts the main component in the middle, squeezed by the small
    components and isolated nodes pushed out to the edges; here every component
    gets room in proportion to its size. Directions of a directed graph are ignored.

    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (2, 3), (4, 5)])
    >>> G.add_nodes_from([6, 7])
    >>> pos = packed_layout(G, seed=1)
    >>> sorted(pos) == sorted(G)
    True
    >>> max(pos[6][1], pos[7][1]) < min(pos[n][1] for n in (1, 2, 3, 4, 5))
    True
    """
    lay = layout or nx.spring_layout
    if seed is not None and not _takes_seed(lay):
        seed_free = lay

        def lay(graph: Any, seed: int | None = None) -> Mapping[Any, Any]:
            return seed_free(graph)

    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    every = list(nx.connected_components(undirected))
    components = sorted((c for c in every if len(c) > 1), key=lambda c: (-len(c), min(map(str, c))))
    alone = {n for c in every if len(c) == 1 for n in c}
    isolated = [n for n in G if n in alone]  # a node with only a loop counts as isolated
    boxes = [_unit_box(lay(G.subgraph(c), seed=seed), math.sqrt(len(c))) for c in components]
    total = sum((max(w, 1.0) + _GAP) * (max(h, 1.0) + _GAP) for _, w, h in boxes)
    width = max([math.sqrt(total), math.sqrt(len(isolated)), *(w for _, w, _ in boxes)])

    pos: dict[Hashable, tuple[float, float]] = {}
    x = y = row = 0.0  # the current row's left edge, top and height (rows go down)
    for box, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y - row - _GAP, 0.0
        for n, (bx, by) in box.items():
            pos[n] = (x + bx, y - h + by)
        x, row = x + w + _GAP, max(row, h)
    if isolated:
        top = y - row - _GAP if boxes else 0.0
        columns = max(1, math.floor(width) + 1)
        for i, n in enumerate(isolated):
            pos[n] = (float(i % columns), top - float(i // columns))
    return _fitted(pos)


def _unit_box(
    pos: Mapping[Any, Any], side: float
) -> tuple[dict[Hashable, tuple[float, float]], float, float]:
    """``pos`` moved to start at (0, 0) and scaled so that its longer side is ``side``;
    with its width and height."""
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    x0, y0 = min(xs), min(ys)
    extent = max(max(xs) - x0, max(ys) - y0)
    k = side / extent if extent > 0 else 0.0
    box = {n: ((float(p[0]) - x0) * k, (float(p[1]) - y0) * k) for n, p in pos.items()}
    return box, (max(xs) - x0) * k, (max(ys) - y0) * k


def _fitted(pos: dict[Hashable, tuple[float, float]]) -> dict[Hashable, tuple[float, float]]:
    """``pos`` moved and scaled into the unit square, its aspect kept."""
    if not pos:
        return pos
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, y0 = min(xs), min(ys)
    extent = max(max(xs) - x0, max(ys) - y0) or 1.0
    return {n: ((x - x0) / extent, (y - y0) / extent) for n, (x, y) in pos.items()}


def _show_in_notebooks() -> None:
    """In an IPython kernel, show a figure returned to a cell as a picture.

    A figure made without pyplot (as :func:`draw` makes it, so that scripts never
    open a window) is shown by IPython as ``<Figure size 1000x800 with 1 Axes>``
    until some import of pyplot has set up the inline backend. This registers
    IPython's PNG formatter for matplotlib figures, as ``%matplotlib inline`` does,
    unless a picture format is registered already.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return
    from matplotlib.figure import Figure

    formatters = shell.display_formatter.formatters
    for mime in ("image/png", "image/svg+xml", "image/jpeg", "application/pdf"):
        formatter = formatters.get(mime)
        if formatter is None:
            continue
        try:
            formatter.lookup_by_type(Figure)
        except KeyError:
            continue
        return
    formatters["image/png"].for_type(Figure, _png)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


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

    ``pos`` gives the positions; else ``layout(G, seed=seed)`` computes them, and
    by default :func:`packed_layout` (each component laid out on its own, the
    components packed, isolated nodes in a grid; large graphs want a subgraph, or
    ``pip install scipy`` for networkx's sparse layout). Draws on ``ax`` when
    given, else on a new figure; returns the figure and never calls ``show()``.
    In a Jupyter notebook the figure shows as a picture when a cell ends with it
    (also in a fresh kernel, without importing pyplot); elsewhere
    ``fig.savefig(...)``. Needs matplotlib: ``pip install 'lape[plot]'``.

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
    _show_in_notebooks()
    if pos is None:
        pos = packed_layout(G, seed=seed) if layout is None else layout(G, seed=seed)
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
    _show_in_notebooks()

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
