# ruff: noqa: N803 - ``G`` for a graph, as in networkx
"""The network picture as inline SVG: one mark per actor for a graph small enough to
draw, else one circle per region with the ties between regions.

Colour is never the only signal: each sector has a shape as well as a colour, the
isolated and siloed actors carry rings, every mark has a tooltip (``<title>``) in
words, and a table beside the picture says the same.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any, Final

from lape.model import Sector, label
from lape.network import SECTOR_COLOURS, sector_category
from lape.report._layout import circle, spring
from lape.report._text import esc
from lape.rules import Lang

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["MAX_PICTURE_NODES", "area_picture", "category_name", "legend", "node_picture"]

MAX_PICTURE_NODES: Final = 250
"""The most nodes drawn one by one; a larger graph is drawn as its regions."""

_SIZE: Final = 640.0
_MARGIN: Final = 24.0
_R: Final = 6.0
_OUTLINE: Final = "#222222"

_SHAPES: Final[Mapping[str, str]] = {
    "social_health": "circle",
    "education_youth": "square",
    "both core sectors": "diamond",
    "change agent": "star",
    "no sector given": "ring",
}
"""The shape of each category; every other sector is a triangle."""

_SPECIAL_NAMES: Final = {
    "both core sectors": {
        "fi": "sekä sote- että sivistystoimi",
        "sv": "både social- och hälsovården och bildningsväsendet",
        "en": "both core sectors",
    },
    "change agent": {"fi": "muutosagentti", "sv": "förändringsagent", "en": "change agent"},
    "no sector given": {"fi": "sektori ei tiedossa", "sv": "sektor okänd", "en": "no sector given"},
}


def category_name(category: str, lang: Lang) -> str:
    """The name of a colour category (:func:`lape.network.sector_category`) in ``lang``."""
    special = _SPECIAL_NAMES.get(category)
    if special is not None:
        return special[lang]
    try:
        return label(Sector(category), lang)
    except ValueError:
        return category


def _shape(category: str, x: float, y: float, r: float, fill: str) -> str:
    shape = _SHAPES.get(category, "triangle")
    style = f'fill="{fill}" stroke="{_OUTLINE}" stroke-width="1"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {style}/>'
    if shape == "ring":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r * 0.8:.1f}" {style}/>'
    if shape == "square":
        s = r * 0.9
        size = f'width="{2 * s:.1f}" height="{2 * s:.1f}"'
        return f'<rect x="{x - s:.1f}" y="{y - s:.1f}" {size} {style}/>'
    if shape == "diamond":
        s = r * 1.25
        points = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
    elif shape == "star":
        points = []
        for i in range(10):
            radius = r * 1.3 if i % 2 == 0 else r * 0.55
            angle = math.pi / 5 * i - math.pi / 2
            points.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
    else:
        s = r * 1.2
        points = [(x, y - s), (x + s, y + s * 0.8), (x - s, y + s * 0.8)]
    pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    return f'<polygon points="{pts}" {style}/>'


def legend(categories: list[str], lang: Lang, *, isolated: str, siloed: str) -> str:
    """The legend as an HTML list: each category's shape and colour, and the two rings."""
    items = []
    for c in categories:
        mark = _shape(c, 9, 9, _R, SECTOR_COLOURS[c])
        items.append(
            f'<li><svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">{mark}'
            f"</svg> {esc(category_name(c, lang))}</li>"
        )
    items.append(
        '<li><svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
        f'<circle cx="9" cy="9" r="7" fill="none" stroke="#000" stroke-width="2.5"/></svg> '
        f"{esc(isolated)}</li>"
    )
    items.append(
        '<li><svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
        '<circle cx="9" cy="9" r="7" fill="none" stroke="#000" stroke-width="1.5" '
        f'stroke-dasharray="3 2"/></svg> {esc(siloed)}</li>'
    )
    return f'<ul class="legend">{"".join(items)}</ul>'


def _scale(pos: tuple[float, float]) -> tuple[float, float]:
    inner = _SIZE - 2 * _MARGIN
    return _MARGIN + pos[0] * inner, _MARGIN + pos[1] * inner


def node_picture(
    G: nx.Graph[Any],
    *,
    lang: Lang,
    isolated: set[Hashable],
    siloed: set[Hashable],
    describe: Mapping[str, str],
    title: str,
) -> str:
    """One mark per node of ``G`` (laid out by :func:`~lape.report._layout.spring`, seed
    0), its ties as lines; ``describe`` gives the words of the marks' tooltips."""
    nodes = sorted(G, key=str)
    pos = {n: _scale(p) for n, p in _positions(G, nodes).items()}
    top = max((d for _, d in G.degree()), default=0) or 1
    lines = []
    for u, v, weight in sorted(
        G.edges(data="weight", default=1), key=lambda e: (str(e[0]), str(e[1]))
    ):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        width = min(0.6 + 0.4 * math.log2(weight or 1) if weight else 0.6, 3.0)
        lines.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{width:.1f}"/>'
        )
    marks = []
    for n in nodes:
        data = G.nodes[n]
        category = sector_category(data)
        x, y = pos[n]
        r = _R + 4.0 * G.degree(n) / top
        parts = [f"<title>{esc(describe.get(str(n), str(n)))}</title>"]
        parts.append(_shape(category, x, y, r, SECTOR_COLOURS[category]))
        if n in isolated:
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r + 4:.1f}" fill="none" '
                'stroke="#000" stroke-width="2.5" class="isolated"/>'
            )
        if n in siloed:
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r + 7.5:.1f}" fill="none" stroke="#000" '
                'stroke-width="1.5" stroke-dasharray="3 2" class="siloed"/>'
            )
        marks.append(
            f'<g class="node" data-node="{esc(n)}" data-category="{esc(category)}">'
            f"{''.join(parts)}</g>"
        )
    return _svg(title, "".join(lines), "".join(marks), "network")


def _positions(G: nx.Graph[Any], nodes: list[Hashable]) -> dict[Hashable, tuple[float, float]]:
    """The connected nodes by :func:`spring` in the upper part of the square, the nodes
    without a tie in rows along its bottom."""
    alone = [n for n in nodes if G.degree(n) == 0]
    tied = [n for n in nodes if G.degree(n) > 0]
    rows = math.ceil(len(alone) / _PER_ROW)
    # beside tied nodes the rows take at most the lower half of the square; alone, all of it
    step = min(0.08, 0.5 / max(rows, 1)) if tied else min(0.08, 1.0 / max(rows - 1, 1))
    height = 1.0 - step * rows
    pos = {n: (x, y * height) for n, (x, y) in spring(tied, G.edges(), seed=0).items()}
    for i, n in enumerate(alone):
        row, col = divmod(i, _PER_ROW)
        pos[n] = ((col + 0.5) / _PER_ROW, 1.0 - step * (rows - 1 - row) if tied else row * step)
    return pos


_PER_ROW: Final = 16
"""Nodes without a tie in one row of the picture."""


def _svg(title: str, lines: str, marks: str, css_class: str) -> str:
    return (
        f'<svg class="{css_class}" viewBox="0 0 {_SIZE:.0f} {_SIZE:.0f}" role="img" '
        f'aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{esc(title)}</title>"
        f'<g class="ties" stroke="#8c8c8c" stroke-opacity="0.55">{lines}</g>{marks}</svg>'
    )


def area_picture(
    G: nx.Graph[Any],
    *,
    lang: Lang,
    names: Mapping[str, str],
    isolated: set[Hashable],
    siloed: set[Hashable],
    title: str,
    describe: Callable[[str, Mapping[str, int]], str],
) -> tuple[str, list[str], dict[str, dict[str, int]]]:
    """One circle per region of ``G``'s nodes (``names`` their names; nodes without a
    region under ``""``), sliced by sector, joined by the ties between regions;
    ``describe(area, counts)`` gives a circle's tooltip.

    Returns the SVG, the categories drawn, and for each region its counts
    (``actors``, ``within``, ``across``, ``isolated``, ``siloed``). One pass over the
    nodes and one over the edges.
    """
    area_of: dict[Hashable, str] = {}
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    counts: dict[str, dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(("actors", "within", "across", "isolated", "siloed"), 0)
    )
    for n, data in G.nodes(data=True):
        area = data.get("region") or ""
        area_of[n] = area
        kinds[area][sector_category(data)] += 1
        c = counts[area]
        c["actors"] += 1
        c["isolated"] += n in isolated
        c["siloed"] += n in siloed
    between: Counter[tuple[str, str]] = Counter()
    for u, v in G.edges():
        a, b = area_of[u], area_of[v]
        if a == b:
            counts[a]["within"] += 1
        else:
            counts[a]["across"] += 1
            counts[b]["across"] += 1
            between[(a, b) if a < b else (b, a)] += 1
    areas = sorted(counts, key=lambda a: (a == "", a))
    half = (_SIZE - 2 * _MARGIN) / 2
    max_r = min(half * math.sin(math.pi / max(len(areas), 2)) * 0.8, 48.0)
    ring = half - max_r - 14  # room for the biggest circle and its name
    middle = _SIZE / 2
    pos = {
        a: (middle + (x - 0.5) * 2 * ring, middle + (y - 0.5) * 2 * ring)
        for a, (x, y) in circle(areas).items()
    }
    biggest = max(c["actors"] for c in counts.values())
    most = max(between.values(), default=1)
    lines = []
    for (a, b), n in sorted(between.items()):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        width = 0.5 + 5.0 * n / most
        lines.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{width:.1f}"><title>{esc(names.get(a, a))} – '
            f"{esc(names.get(b, b))}: {n}</title></line>"
        )
    marks = []
    categories: list[str] = []
    for a in areas:
        x, y = pos[a]
        c = counts[a]
        r = max(6.0, max_r * math.sqrt(c["actors"] / biggest))
        slices = []
        start = -math.pi / 2
        for category in SECTOR_COLOURS:
            share = kinds[a].get(category, 0) / c["actors"]
            if not share:
                continue
            if category not in categories:
                categories.append(category)
            end = start + share * 2 * math.pi
            slices.append(_slice(x, y, r, start, end, SECTOR_COLOURS[category]))
            start = end
        marks.append(
            f'<g class="area" data-area="{esc(a)}"><title>{esc(describe(a, c))}</title>'
            f"{''.join(slices)}"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="none" stroke="{_OUTLINE}"/>'
            f'<text x="{x:.1f}" y="{y + r + 12:.1f}" text-anchor="middle">'
            f"{esc(names.get(a, a))}</text></g>"
        )
    ordered = [c for c in SECTOR_COLOURS if c in categories]
    return _svg(title, "".join(lines), "".join(marks), "network areas"), ordered, dict(counts)


def _slice(x: float, y: float, r: float, start: float, end: float, fill: str) -> str:
    if end - start >= 2 * math.pi - 1e-9:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}"/>'
    x1, y1 = x + r * math.cos(start), y + r * math.sin(start)
    x2, y2 = x + r * math.cos(end), y + r * math.sin(end)
    large = 1 if end - start > math.pi else 0
    return (
        f'<path d="M{x:.1f},{y:.1f} L{x1:.1f},{y1:.1f} A{r:.1f},{r:.1f} 0 {large} 1 '
        f'{x2:.1f},{y2:.1f} Z" fill="{fill}"/>'
    )
