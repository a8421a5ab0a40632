# ruff: noqa: N803, N806 - ``G`` for a graph, as in networkx
"""The drawing helper: a figure, coloured by sector, sized by degree, never shown."""

from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lape
from lape.network import (
    SECTOR_COLOURS,
    collaboration_graph,
    draw,
    packed_layout,
    sector_category,
)

matplotlib = pytest.importorskip("matplotlib")

from matplotlib.collections import PathCollection  # noqa: E402 - after the skip
from matplotlib.figure import Figure  # noqa: E402 - after the skip


def test_draw_returns_a_figure_and_never_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matplotlib.pyplot as plt

    def no_show(*args: object, **kwargs: object) -> None:
        raise AssertionError("draw() must not call show()")

    monkeypatch.setattr(plt, "show", no_show)
    G = collaboration_graph(lape.example())
    figure = draw(G, seed=1)
    assert isinstance(figure, Figure)
    ax = figure.axes[0]
    nodes = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(nodes) == 1
    colours = nodes[0].get_facecolor()
    assert len(colours) == G.number_of_nodes()
    sizes = list(nodes[0].get_sizes())
    order = list(G)
    biggest = max(order, key=G.degree)
    assert sizes[order.index(biggest)] == max(sizes) == 400.0
    legend = ax.get_legend()
    assert legend is not None
    labels = {t.get_text() for t in legend.get_texts()}
    assert {"social_health", "education_youth", "change agent"} <= labels
    assert ax.get_title() == "Pohjois-Savo 2017 (illustrative)"
    figure.savefig(tmp_path / "example.png")
    assert (tmp_path / "example.png").stat().st_size > 0


def test_draw_on_given_axes_with_positions_and_labels() -> None:
    G = collaboration_graph(lape.example())
    figure = Figure()
    sub = figure.add_subfigure(figure.add_gridspec(1, 2)[0, 1])
    ax = sub.add_subplot()
    pos = nx.circular_layout(G)
    assert draw(G, ax=ax, pos=pos, with_labels=True, title="Circle") is figure
    assert ax.get_title() == "Circle"
    assert any(t.get_text() == "Kuopio youth council" for t in ax.texts)
    assert draw(nx.Graph()).axes[0].get_legend() is None


def test_sector_categories() -> None:
    assert sector_category({"kind": "change_agent"}) == "change agent"
    assert sector_category({"sectors": None}) == "no sector given"
    assert sector_category({"sectors": ()}) == "no sector given"
    assert sector_category({"sectors": ("church", "social_health")}) == "social_health"
    assert sector_category({"sectors": ("church", "civil_society")}) == "church"
    assert set(SECTOR_COLOURS) >= {"both core sectors", "no sector given"}


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"pip install 'lape\[plot\]'"):
        draw(nx.path_graph(3))


# -- in a notebook ------------------------------------------------------------------------------


def test_a_fresh_kernel_shows_the_drawing_as_a_picture() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    cells = [
        "import lape\nfrom lape.network import collaboration_graph, draw",
        "G = collaboration_graph(lape.example())\ndraw(G, seed=1)",
        "collaboration_graph(lape.example(), as_of=lape.example().info.as_of).number_of_nodes()",
        "import datetime as dt\nfrom lape.network import timeline\n"
        "timeline(lape.example(), start=dt.date(2016, 1, 1), end=dt.date(2019, 1, 1)).plot()",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    outputs = notebook.cells[1].outputs
    assert [o["output_type"] for o in outputs] == ["execute_result"]
    assert "image/png" in outputs[0]["data"]
    assert notebook.cells[2].outputs[0]["data"]["text/plain"].isdigit()
    assert "image/png" in notebook.cells[3].outputs[0]["data"]  # Timeline.plot() too


# -- the packed layout ----------------------------------------------------------------------------


@st.composite
def graphs(draw: st.DrawFn) -> nx.Graph[int]:
    nodes = draw(st.integers(min_value=0, max_value=40))
    G: nx.Graph[int] = nx.Graph()
    G.add_nodes_from(range(nodes))
    if nodes:
        ends = st.integers(min_value=0, max_value=nodes - 1)
        G.add_edges_from(draw(st.lists(st.tuples(ends, ends), max_size=2 * nodes)))
    return G


def _box(pos: dict[Any, tuple[float, float]], nodes: set[Any]) -> tuple[float, ...]:
    xs = [pos[n][0] for n in nodes]
    ys = [pos[n][1] for n in nodes]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@settings(deadline=None)
@given(graphs(), st.integers(min_value=0, max_value=3))
def test_components_are_packed_apart_and_isolated_nodes_below_in_a_grid(
    G: nx.Graph[int], seed: int
) -> None:
    pos = packed_layout(G, seed=seed)
    assert set(pos) == set(G)
    assert all(0.0 <= c <= 1.0 for p in pos.values() for c in p)
    parts = [c for c in nx.connected_components(G) if len(c) > 1]
    boxes = [_box(pos, c) for c in parts]
    for i, a in enumerate(boxes):  # no component's box reaches into another's
        assert not any(_overlap(a, b) for b in boxes[i + 1 :])
    lone = [n for c in nx.connected_components(G) if len(c) == 1 for n in c]
    if parts and lone:
        assert max(pos[n][1] for n in lone) < min(b[1] for b in boxes)
    if len(lone) > 1:  # a grid: rows and columns at one spacing
        xs = sorted({round(pos[n][0], 6) for n in lone})
        ys = sorted({round(pos[n][1], 6) for n in lone})
        steps = [b - a for a, b in [*itertools.pairwise(xs), *itertools.pairwise(ys)]]
        assert all(math.isclose(s, steps[0], abs_tol=1e-5) for s in steps)
    assert packed_layout(G, seed=seed) == pos


def test_the_main_component_gets_the_most_room() -> None:
    G = nx.barabasi_albert_graph(60, 2, seed=1)
    G.add_edges_from([(100, 101), (102, 103), (103, 104)])
    G.add_nodes_from(range(200, 230))
    pos = packed_layout(G, seed=1)
    parts = sorted(nx.connected_components(G), key=len, reverse=True)
    areas = [(b[2] - b[0]) * (b[3] - b[1]) for b in (_box(pos, c) for c in parts if len(c) > 1)]
    assert areas[0] > 10 * max(areas[1:])
    main = _box(pos, parts[0])
    assert main[2] - main[0] > 0.4  # not crammed into the middle


@pytest.mark.parametrize("layout", [nx.circular_layout, nx.shell_layout, nx.spring_layout])
def test_packed_layout_takes_layouts_with_and_without_a_seed(layout: Any) -> None:
    G = nx.Graph([(1, 2), (2, 3), (4, 5)])
    G.add_node(6)
    pos = packed_layout(G, layout=layout, seed=1)
    assert set(pos) == {1, 2, 3, 4, 5, 6}
