# ruff: noqa: N806 - ``G`` for a graph, as in networkx
"""Every public result prints as one short line and shows a bounded HTML display,
whatever its size: measured on the synthetic national snapshot."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import networkx as nx
import pytest

import lape
import lape.network
from lape._html import HEAD_ROWS, TableRepr
from lape.io import example_surveys
from lape.reference import geography
from lape.rules import catalogue, check, default_parameters
from lape.testing import national_snapshot

DAY = dt.date(2017, 6, 1)
MAX_REPR = 200
MAX_HTML = 20_000


class Results:
    """The snapshots, graphs and surveys the results are made from, made once."""

    def __init__(self) -> None:
        self.example = lape.example()
        self.national = national_snapshot()
        self.G = lape.network.collaboration_graph(self.national, as_of=DAY)
        self.G_example = lape.network.collaboration_graph(self.example, as_of=dt.date(2017, 10, 1))
        self.surveys = example_surveys()
        self.S = [n.survey_graph(s, self.example) for s in self.surveys]


@pytest.fixture(scope="module")
def made() -> Results:
    return Results()


n = lape.network
RESULTS: dict[str, Callable[[Results], Any]] = {
    "snapshot": lambda r: r.national,
    "report": lambda r: check(r.national),
    "report diff": lambda r: check(r.example).diff(check(r.example, as_of=dt.date(2023, 6, 1))),
    "finding": lambda r: check(r.national).findings[0],
    "rule result": lambda r: check(r.example).results[0],
    "group": lambda r: r.national.groups[0],
    "geography()": lambda r: geography(),
    "catalogue()": lambda r: catalogue(),
    "a rule": lambda r: catalogue().rules[0],
    "default_parameters()": lambda r: default_parameters(),
    "network_measures": lambda r: n.network_measures(r.G),
    "area_measures": lambda r: n.area_measures(r.G, "county"),
    "isolated_actors": lambda r: n.isolated_actors(r.G),
    "siloed_actors": lambda r: n.siloed_actors(r.G),
    "peripheral_actors": lambda r: n.peripheral_actors(r.G),
    "components": lambda r: n.components(r.G),
    "bridging_ties": lambda r: n.bridging_ties(r.G),
    "brokers(k=50)": lambda r: n.brokers(r.G, k=50, seed=1),
    "regional_links": lambda r: n.regional_links(r.G, r.national),
    "interface_map": lambda r: n.interface_map(r.national, as_of=dt.date(2023, 6, 1)),
    "summarize": lambda r: n.summarize(r.G, r.national, k=50, seed=1),
    "timeline": lambda r: n.timeline(r.example, start=dt.date(2016, 1, 1), end=dt.date(2025, 1, 1)),
    "timeline.by_rule": lambda r: n.timeline(
        r.example, start=dt.date(2016, 1, 1), end=dt.date(2025, 1, 1)
    ).by_rule(),
    "compare_snapshots": lambda r: n.compare_snapshots(r.example, r.national),
    "survey_measures": lambda r: n.survey_measures(r.S[0]),
    "survey_scores": lambda r: n.survey_scores(r.S[0]),
    "tie_gaps": lambda r: n.tie_gaps(r.G_example, r.S[0]),
    "survey_changes": lambda r: n.survey_changes(r.S[0], r.S[1]),
    "survey_report": lambda r: n.survey_report(r.example, r.surveys[1], compare=r.surveys[0]),
}


class Tags(HTMLParser):
    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.body_rows = 0
        self._in_body = False
        self.feed(fragment)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_body = self._in_body or tag == "tbody"
        self.body_rows += tag == "tr" and self._in_body

    def handle_endtag(self, tag: str) -> None:
        self._in_body = self._in_body and tag != "tbody"


@pytest.mark.parametrize("name", RESULTS)
def test_a_short_repr_and_a_bounded_html_display(made: Results, name: str) -> None:
    result = RESULTS[name](made)
    shown = repr(result)
    assert "\n" not in shown
    assert len(shown) <= MAX_REPR, shown
    html = result._repr_html_()
    assert isinstance(html, str)
    if not isinstance(result, lape.Report):  # a report shows up to 200 findings: jupyter.md
        assert len(html) <= MAX_HTML, len(html)
    if not isinstance(result, TableRepr):
        return
    rows = result.rows()
    assert Tags(html).body_rows == min(len(rows), HEAD_ROWS)
    if len(rows) > HEAD_ROWS:
        assert f"{len(rows) - HEAD_ROWS} more" in html


def test_every_table_of_the_network_is_covered(made: Results) -> None:
    covered = {type(RESULTS[name](made)) for name in RESULTS if name not in ("snapshot", "group")}
    tables = {
        cls
        for cls in (getattr(n, name) for name in n.__all__)
        if inspect.isclass(cls) and hasattr(cls, "rows") and hasattr(cls, "to_pandas")
    }
    assert tables <= covered, tables - covered


def test_brokers_show_the_top_asked_for(made: Results) -> None:
    b = n.brokers(made.G, k=50, seed=1, top=5)
    assert repr(b).endswith(": 5 top brokers>")
    assert Tags(b._repr_html_() or "").body_rows == 5
    assert len(b.betweenness) == made.G.number_of_nodes()  # every score is still there


def test_a_small_result_shows_every_row() -> None:
    G = nx.Graph([("a", "b")])
    G.add_node("c")
    isolated = n.isolated_actors(G)
    assert repr(isolated) == "<ActorList isolated: 1 actor>"
    assert Tags(isolated._repr_html_() or "").body_rows == 1
