"""Deterministic layouts for the report's pictures, in plain Python.

networkx's :func:`~networkx.spring_layout` needs NumPy, which is not a dependency of
``lape``; the report draws at most :data:`~lape.report.MAX_PICTURE_NODES` nodes, for
which a plain Fruchterman-Reingold layout takes well under a second.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable, Sequence

__all__ = ["circle", "spring"]

Point = tuple[float, float]


def spring(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    seed: int = 0,
    iterations: int = 80,
) -> dict[Hashable, Point]:
    """Positions in the unit square for ``nodes`` joined by ``edges`` (Fruchterman and
    Reingold's force model, with a little gravity so that separate parts stay near):
    the same nodes, edges and seed always give the same positions.

    >>> pos = spring(["a", "b", "c"], [("a", "b")], seed=1)
    >>> sorted(pos) == ["a", "b", "c"] and all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pos.values())
    True
    >>> pos == spring(["a", "b", "c"], [("a", "b")], seed=1)
    True
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    rng = random.Random(seed)
    index = {node: i for i, node in enumerate(nodes)}
    xs = [rng.random() for _ in range(n)]
    ys = [rng.random() for _ in range(n)]
    pairs = [(index[u], index[v]) for u, v in edges if u != v and u in index and v in index]
    k = math.sqrt(1.0 / n)
    k2 = k * k
    gravity = 0.1 * k * math.sqrt(n)
    step = 0.1
    cool = step / (iterations + 1)
    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for j in range(n):
                if i == j:
                    continue
                ddx = xi - xs[j]
                ddy = yi - ys[j]
                d2 = ddx * ddx + ddy * ddy or 1e-9
                f = k2 / d2  # repulsion k^2 / d, along the unit vector (ddx, ddy) / d
                fx += ddx * f
                fy += ddy * f
            fx -= (xi - 0.5) * gravity  # towards the middle
            fy -= (yi - 0.5) * gravity
            dx[i] = fx
            dy[i] = fy
        for i, j in pairs:
            ddx = xs[i] - xs[j]
            ddy = ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy) or 1e-9
            f = d / k  # attraction d^2 / k, along the unit vector
            dx[i] -= ddx * f
            dy[i] -= ddy * f
            dx[j] += ddx * f
            dy[j] += ddy * f
        for i in range(n):
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) or 1e-9
            move = min(length, step) / length
            xs[i] += dx[i] * move
            ys[i] += dy[i] * move
        step -= cool
    return _fit(nodes, xs, ys)


def _fit(nodes: Sequence[Hashable], xs: list[float], ys: list[float]) -> dict[Hashable, Point]:
    """The positions scaled into the unit square, keeping their proportions."""
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    span = max(high_x - low_x, high_y - low_y) or 1.0
    off_x = (1 - (high_x - low_x) / span) / 2
    off_y = (1 - (high_y - low_y) / span) / 2
    return {
        node: (off_x + (x - low_x) / span, off_y + (y - low_y) / span)
        for node, x, y in zip(nodes, xs, ys, strict=True)
    }


def circle(nodes: Sequence[Hashable]) -> dict[Hashable, Point]:
    """``nodes`` evenly on a circle in the unit square, the first at the top, clockwise.

    >>> circle(["a", "b"])
    {'a': (0.5, 0.0), 'b': (0.5, 1.0)}
    """
    n = len(nodes)
    return {
        node: (
            round(0.5 + 0.5 * math.sin(2 * math.pi * i / n), 9),
            round(0.5 - 0.5 * math.cos(2 * math.pi * i / n), 9),
        )
        for i, node in enumerate(nodes)
    }
