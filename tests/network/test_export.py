# ruff: noqa: N803, N806 - ``G`` for a graph, as in networkx
"""Exports to GraphML, GEXF and node-link JSON, read back with networkx's own readers."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.errors import LapeError
from lape.model import Snapshot
from lape.network import (
    ExportError,
    collaboration_graph,
    export,
    export_format,
    node_link_data,
    period_text,
    write_gexf,
    write_graphml,
    write_node_link,
)
from lape.testing import snapshots

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# snapshots() draws many nested entities: slow to draw on a busy machine
slow_to_draw = settings(suppress_health_check=[HealthCheck.too_slow])

NODE_TEXT = ("kind", "municipality", "region", "county", "level")


def _split(text: str) -> list[str]:
    return text.split(";") if text else []


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def check_xml_read_back(G: nx.Graph[str], back: nx.Graph[Any], *, crlf: bool) -> None:
    """``back`` (read from GraphML or GEXF) holds ``G``, lists as ``;``-joined text."""
    assert set(back) == set(G)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in G.edges}
    for node, data in G.nodes(data=True):
        got = back.nodes[node]
        for key in NODE_TEXT:
            assert got.get(key) == data[key], key
        if data["sectors"] is None:
            assert "sectors" not in got
        else:
            assert _split(got.get("sectors") or "") == list(data["sectors"])
        name = _xml_text(data["name"])
        if crlf:  # XML turns line ends in element text into "\n"
            name = name.replace("\r\n", "\n").replace("\r", "\n")
        assert got["label"] == name
    for u, v, data in G.edges(data=True):
        got = back.edges[u, v]
        assert got["weight"] == data["weight"]
        assert _split(got["kinds"]) == list(data["kinds"])
        assert _split(got["periods"]) == [period_text(p) for p in data["periods"]]
        if "ties" in data:
            ties = [tuple(t.split(":", 1)) for t in _split(got["ties"])]
            assert ties == list(data["ties"])


def check_json_read_back(G: nx.Graph[str], back: nx.Graph[Any]) -> None:
    assert set(back) == set(G)
    for node, data in G.nodes(data=True):
        got = back.nodes[node]
        assert got["name"] == got["label"] == data["name"]
        assert got["sectors"] == (None if data["sectors"] is None else list(data["sectors"]))
        assert got["municipalities"] == list(data["municipalities"])
        for key in NODE_TEXT:
            assert got[key] == data[key]
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in G.edges}
    for u, v, data in G.edges(data=True):
        got = back.edges[u, v]
        assert got["weight"] == data["weight"]
        assert got["kinds"] == list(data["kinds"])
        assert got["periods"] == [period_text(p) for p in data["periods"]]
        if "ties" in data:
            assert got["ties"] == [list(t) for t in data["ties"]]


def _graphml(G: nx.Graph[str], path: Path) -> nx.Graph[Any]:
    write_graphml(G, path)
    return nx.read_graphml(path)


def _gexf(G: nx.Graph[str], path: Path) -> nx.Graph[Any]:
    write_gexf(G, path)
    return nx.read_gexf(path)


def _json(G: nx.Graph[str], path: Path) -> nx.Graph[Any]:
    write_node_link(G, path)
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


READERS: list[tuple[str, Callable[[nx.Graph[str], Path], nx.Graph[Any]]]] = [
    ("graphml", _graphml),
    ("gexf", _gexf),
    ("json", _json),
]


@pytest.mark.parametrize(("suffix", "write_and_read"), READERS)
@pytest.mark.parametrize("as_of", [None, dt.date(2017, 10, 1), dt.date(2023, 6, 1)])
def test_the_example_reads_back(
    tmp_path: Path,
    suffix: str,
    write_and_read: Callable[[nx.Graph[str], Path], nx.Graph[Any]],
    as_of: dt.date | None,
) -> None:
    G = collaboration_graph(lape.example(), as_of=as_of, sources=True)
    back = write_and_read(G, tmp_path / f"example.{suffix}")
    if suffix == "json":
        check_json_read_back(G, back)
        assert back.graph["as_of"] == (as_of.isoformat() if as_of else None)
    else:
        check_xml_read_back(G, back, crlf=suffix == "graphml")


@slow_to_draw
@given(snapshots(max_actors=5), st.none() | st.dates(), st.booleans())
def test_any_snapshot_reads_back(snapshot: Snapshot, as_of: dt.date | None, sources: bool) -> None:
    G = collaboration_graph(snapshot, as_of=as_of, sources=sources)
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, write_and_read in READERS:
            back = write_and_read(G, Path(tmp, f"graph.{suffix}"))
            if suffix == "json":
                check_json_read_back(G, back)
            else:
                check_xml_read_back(G, back, crlf=suffix == "graphml")


def test_graphml_carries_the_graph_attributes(tmp_path: Path) -> None:
    G = collaboration_graph(lape.example(), as_of=dt.date(2017, 10, 1))
    back = _graphml(G, tmp_path / "g.graphml")
    assert back.graph["as_of"] == "2017-10-01"
    assert back.graph["title"] == "Pohjois-Savo 2017 (illustrative)"
    assert _split(back.graph["tie_kinds"]) == list(G.graph["tie_kinds"])


def test_node_link_data_is_json() -> None:
    data = node_link_data(collaboration_graph(lape.example(), sources=True))
    back = json.loads(json.dumps(data))
    assert set(back) == set(data)
    assert "edges" in data
    assert "links" not in data
    edge = next(e for e in back["edges"] if {e["source"], e["target"]} == {"kuopio-sote", "ps-shp"})
    assert sorted(edge["ties"]) == [
        ["grant", "ps-lape-2017"],
        ["group", "ps-lape"],
        ["group", "ps-sote-valmistelu"],
    ]
    assert edge["kinds"] == ["grant", "group"]


def test_export_by_suffix_or_format(tmp_path: Path) -> None:
    G = collaboration_graph(lape.example())
    assert export(G, tmp_path / "a.GEXF") == "gexf"
    assert nx.read_gexf(tmp_path / "a.GEXF").number_of_nodes() == G.number_of_nodes()
    assert export(G, tmp_path / "b.xml", "graphml") == "graphml"
    assert nx.read_graphml(tmp_path / "b.xml").number_of_edges() == G.number_of_edges()
    assert export(G, str(tmp_path / "c.json")) == "json"
    assert export_format("x.graphml") == "graphml"


def test_export_errors(tmp_path: Path) -> None:
    G = collaboration_graph(lape.example())
    with pytest.raises(ExportError, match=r"cannot tell the format of .*a\.txt"):
        export(G, tmp_path / "a.txt")
    with pytest.raises(ExportError, match="unknown format 'dot'"):
        export(G, tmp_path / "a.dot", "dot")  # type: ignore[arg-type]
    assert issubclass(ExportError, LapeError)
    assert issubclass(ExportError, ValueError)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_an_attribute_the_format_cannot_hold_is_an_export_error(
    tmp_path: Path, suffix: str
) -> None:
    G = collaboration_graph(lape.example())
    G.nodes["kuopio-sote"]["extra"] = {"a": 1} if suffix != ".json" else object()
    path = tmp_path / f"g{suffix}"
    with pytest.raises(ExportError, match="extra" if suffix != ".json" else "cannot be written"):
        export(G, path)
    assert not list(tmp_path.iterdir())  # nothing written


def test_gexf_writes_a_nodes_viz_as_its_own_visual_data(tmp_path: Path) -> None:
    G = collaboration_graph(lape.example())
    G.nodes["kuopio-sote"]["viz"] = {"color": {"r": 214, "g": 39, "b": 40, "a": 1.0}}
    export(G, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.nodes["kuopio-sote"]["viz"]["color"]["r"] == 214
    with pytest.raises(ExportError, match="'viz' holds a dict"):
        export(G, tmp_path / "g.graphml")


def test_hubs_export_with_their_own_attributes(tmp_path: Path) -> None:
    members = [f"m{i}" for i in range(5)]
    snapshot = Snapshot(
        actors=tuple(
            lape.model.Actor(id=m, name=m, kind=lape.model.ActorKind.ORGANISATION) for m in members
        ),
        groups=(
            lape.model.Group(
                id="g",
                name="G",
                kind=lape.model.GroupKind.OTHER,
                members=tuple(lape.model.Membership(actor=m) for m in members),
            ),
        ),
    )
    G = collaboration_graph(snapshot, max_clique=3)
    for suffix, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{suffix}"
        export(G, path)
        back = read(path)
        assert (back.nodes["group#g"]["kind"], back.nodes["group#g"]["seats"]) == ("hub", 5)
        assert back.number_of_edges() == 5
    path = tmp_path / "g.json"
    export(G, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["graph"]["hubs"] == ["group#g"]
    assert data["graph"]["max_clique"] == 3
