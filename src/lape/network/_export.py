# ruff: noqa: N803, N806 - ``G`` (and ``H``) for a graph, as in networkx
"""Writing a collaboration graph for other tools: GraphML (Cytoscape, Gephi,
yEd), GEXF (Gephi) and node-link JSON (networkx, d3).

GraphML and GEXF take only scalar attribute values, so lists are written as
text joined by ``;`` (``sectors="education_youth;social_health"``,
``kinds="grant;group"``), periods as ``start..end`` with an empty side when
open (``2017-01-01..``, ``..`` for an unlimited one), and ``None`` values are
left out. Node-link JSON keeps lists as arrays (periods as the same strings,
a tie as a ``[kind, source]`` pair) and ``None`` as ``null``. Every node also
gets a ``label``: its name.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from lape.errors import LapeError
from lape.io import write_atomically
from lape.model import Period

__all__ = [
    "ExportError",
    "ExportFormat",
    "export",
    "export_format",
    "node_link_data",
    "write_gexf",
    "write_graphml",
    "write_node_link",
]

ExportFormat = Literal["graphml", "gexf", "json"]
"""An export format: GraphML, GEXF or node-link JSON (by default from the file's suffix)."""

_SUFFIXES: dict[str, ExportFormat] = {".graphml": "graphml", ".gexf": "gexf", ".json": "json"}
_SEPARATOR = ";"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold (most control characters): replaced by U+FFFD in
GraphML and GEXF."""


class ExportError(LapeError, ValueError):
    """A graph cannot be written as asked (e.g. an unknown format)."""


def period_text(period: Period | None) -> str:
    """A period as ``start..end``, an open side empty; ``..`` for ``None`` (unlimited).

    >>> period_text(None), period_text(Period(start=dt.date(2017, 1, 1)))
    ('..', '2017-01-01..')
    """
    return ".." if period is None else str(period)


def _value(value: Any, *, lists: bool) -> Any:
    """One attribute value in a form the format holds (``None`` is dropped by the
    caller); lists become tuples (JSON arrays) or ``;``-joined text."""
    if isinstance(value, str):
        return value if lists else _NOT_XML.sub("\ufffd", value)
    if isinstance(value, Period):
        return period_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list, set, frozenset)):
        items = tuple(_item(v, lists=lists) for v in value)
        if lists:
            return items
        return _NOT_XML.sub("\ufffd", _SEPARATOR.join(str(item) for item in items))
    return value


def _item(value: Any, *, lists: bool) -> Any:
    """One item of a list value: a period (``None`` in a list of periods is unlimited)
    as text, a tie ``(kind, source)`` as a pair or as ``kind:source``."""
    if value is None or isinstance(value, Period):
        return period_text(value)
    if isinstance(value, (tuple, list)):
        return tuple(str(v) for v in value) if lists else ":".join(str(v) for v in value)
    return value


_GEXF_OWN = frozenset({"viz"})
"""Attributes networkx's GEXF writer reads itself: ``viz`` (colour, size, position)."""
_SCALARS = (str, int, float, bool)
"""What GraphML and GEXF attribute values can be (after lists become text)."""


class _Converter:
    """Converts attribute values for one format, into immutable values (text,
    tuples), so that converted dicts can be shared. A graph's list values are
    mostly shared tuples (an edge's kinds and periods, a node's sectors), and
    many edges have the same ones: each distinct value, and each distinct edge
    dict, is converted once, by identity (the graph keeps them alive meanwhile)."""

    def __init__(self, *, lists: bool, keep: frozenset[str] = frozenset()) -> None:
        self.lists = lists
        self.keep = keep
        self.values: dict[int, Any] = {}
        self.dicts: dict[tuple[Any, ...], dict[str, Any]] = {}

    def value(self, value: Any) -> Any:
        if isinstance(value, (tuple, list, set, frozenset)):
            found = self.values.get(id(value))
            if found is None:
                found = self.values[id(value)] = _value(value, lists=self.lists)
            return found
        return _value(value, lists=self.lists)

    def attributes(self, data: Mapping[str, Any]) -> dict[str, Any]:
        if self.lists:
            return {key: None if v is None else self.value(v) for key, v in data.items()}
        found = {
            key: v if key in self.keep else self.value(v)
            for key, v in data.items()
            if v is not None
        }
        for key, value in found.items():
            if not isinstance(value, _SCALARS) and key not in self.keep:
                msg = (
                    f"the attribute {key!r} holds a {type(value).__name__}, which GraphML and "
                    "GEXF cannot hold: make it text, a number or a list, or leave it out"
                )
                raise ExportError(msg)
        return found

    def shared(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """:meth:`attributes`, one dict for all data with the same keys and values
        (networkx copies it into each edge)."""
        key = (*data, *map(id, data.values()))
        found = self.dicts.get(key)
        if found is None:
            found = self.dicts[key] = self.attributes(data)
        return found


def _exportable(
    G: nx.Graph[Any], *, lists: bool, keep: frozenset[str] = frozenset()
) -> nx.Graph[Any]:
    """A copy of ``G`` whose attribute values the format can hold, with node labels;
    the attributes named in ``keep`` pass as they are (GEXF's ``viz``)."""
    converter = _Converter(lists=lists, keep=keep)
    H: nx.Graph[Any] = nx.Graph()
    H.graph.update(converter.attributes(G.graph))
    nodes = []
    for node, data in G.nodes(data=True):
        attributes = converter.attributes(data)
        if "label" not in attributes and "name" in attributes:
            attributes["label"] = attributes["name"]
        nodes.append((node, attributes))
    H.add_nodes_from(nodes)
    shared = converter.shared
    H.add_edges_from((u, v, shared(data)) for u, v, data in G.edges(data=True))
    return H


def write_graphml(G: nx.Graph[Any], path: str | os.PathLike[str]) -> None:
    """Write ``G`` as GraphML (:func:`networkx.write_graphml`), lists as ``;``-joined text.

    >>> import lape, tempfile, pathlib
    >>> from lape.network import collaboration_graph
    >>> G = collaboration_graph(lape.example())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp, "ps.graphml")
    ...     write_graphml(G, path)
    ...     back = nx.read_graphml(path)
    >>> back.number_of_edges() == G.number_of_edges(), back.nodes["kuopio-sote"]["sectors"]
    (True, 'social_health')
    """
    text = "\n".join(nx.generate_graphml(_exportable(G, lists=False)))
    write_atomically(Path(path), text + "\n")


def write_gexf(G: nx.Graph[Any], path: str | os.PathLike[str]) -> None:
    """Write ``G`` as GEXF for Gephi (:func:`networkx.write_gexf`), lists as ``;``-joined text.

    A node's ``viz`` attribute (``{"color": {"r": ..., "g": ..., "b": ...}}``...)
    is written as GEXF's own visual data, as networkx does.

    >>> import lape, tempfile, pathlib
    >>> from lape.network import collaboration_graph
    >>> G = collaboration_graph(lape.example())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp, "ps.gexf")
    ...     write_gexf(G, path)
    ...     back = nx.read_gexf(path)
    >>> back.nodes["kuopio-sote"]["label"]
    'City of Kuopio, social and health services'
    """
    text = "\n".join(nx.generate_gexf(_exportable(G, lists=False, keep=_GEXF_OWN)))
    write_atomically(Path(path), text + "\n")


def node_link_data(G: nx.Graph[Any]) -> dict[str, Any]:
    """``G`` as JSON-ready node-link data (:func:`networkx.node_link_data` with
    ``edges="edges"``), list values as tuples (JSON arrays);
    :func:`networkx.node_link_graph` with ``edges="edges"`` reads it back.

    >>> import lape, json
    >>> from lape.network import collaboration_graph
    >>> data = node_link_data(collaboration_graph(lape.example()))
    >>> back = nx.node_link_graph(json.loads(json.dumps(data)), edges="edges")
    >>> back.edges["kuopio-sote", "ps-shp"]["kinds"]
    ['grant', 'group']
    """
    return nx.node_link_data(_exportable(G, lists=True), edges="edges")


def write_node_link(G: nx.Graph[Any], path: str | os.PathLike[str]) -> None:
    """Write ``G`` as node-link JSON (UTF-8, see :func:`node_link_data`)."""
    try:
        text = json.dumps(node_link_data(G), ensure_ascii=False)  # no indent: the C encoder
    except (TypeError, ValueError) as exc:
        msg = f"the graph cannot be written as JSON: {exc}"
        raise ExportError(msg) from None
    write_atomically(Path(path), text + "\n")


def export_format(path: str | os.PathLike[str]) -> ExportFormat:
    """The format a file name's suffix names: ``.graphml``, ``.gexf`` or ``.json``.

    >>> export_format("ps.GraphML"), export_format("ps.json")
    ('graphml', 'json')
    >>> export_format("graph.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lape.network._export.ExportError: cannot tell the format of graph.txt: use a .graphml, ...
    """
    found = _SUFFIXES.get(Path(path).suffix.lower())
    if found is None:
        msg = f"cannot tell the format of {os.fspath(path)}: use a .graphml, .gexf or .json file"
        raise ExportError(msg)
    return found


def export(
    G: nx.Graph[Any], path: str | os.PathLike[str], format: ExportFormat | None = None
) -> ExportFormat:
    """Write ``G`` to ``path`` in ``format``, or the one its suffix names
    (:func:`export_format`); returns the format written.

    >>> import lape, tempfile, pathlib
    >>> from lape.network import collaboration_graph
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     export(collaboration_graph(lape.example()), pathlib.Path(tmp, "ps.gexf"))
    'gexf'
    """
    if format is None:
        format = export_format(path)
    writers = {"graphml": write_graphml, "gexf": write_gexf, "json": write_node_link}
    writer = writers.get(format)
    if writer is None:
        msg = f"unknown format {format!r}; expected one of 'graphml', 'gexf', 'json'"
        raise ExportError(msg)
    writer(G, path)
    return format
