# ruff: noqa: N806 - ``G`` for a graph, as in networkx
"""The drawing helper: a figure, coloured by sector, sized by degree, never shown."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest

import lape
from lape.network import SECTOR_COLOURS, collaboration_graph, draw, sector_category

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
