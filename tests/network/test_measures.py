# ruff: noqa: N803, N806 - ``G`` for a graph, as in networkx
"""The analyses: density and centralisation, brokers, cross-sector ties, periphery,
components, the links of municipal groups, and their tables."""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from typing import Any

import attrs
import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.model import GroupKind, Snapshot
from lape.network import (
    CORE_SECTORS,
    ActorList,
    area_measures,
    bridging_ties,
    brokers,
    collaboration_graph,
    components,
    isolated_actors,
    network_measures,
    peripheral_actors,
    regional_links,
    siloed_actors,
    summarize,
)
from lape.rules import Status, check
from lape.testing import snapshots

# snapshots() draws many nested entities: slow to draw on a busy machine
slow_to_draw = settings(suppress_health_check=[HealthCheck.too_slow])

D = dt.date
OCT_2017 = D(2017, 10, 1)
SECTORS = (*CORE_SECTORS, "civil_society", "church")


@st.composite
def graphs(draw: st.DrawFn, *, max_nodes: int = 12) -> nx.Graph[str]:
    """Small graphs whose nodes carry ``sectors`` (sometimes not given), ``region``
    and ``county`` attributes, like a collaboration graph's."""
    n = draw(st.integers(min_value=0, max_value=max_nodes))
    G: nx.Graph[str] = nx.Graph()
    for i in range(n):
        G.add_node(
            f"n{i}",
            name=f"Node {i}",
            kind="organisation",
            sectors=draw(st.none() | st.lists(st.sampled_from(SECTORS), max_size=3).map(tuple)),
            region=draw(st.none() | st.sampled_from(("11", "12"))),
            county=draw(st.none() | st.sampled_from(("13", "14"))),
        )
    if n > 1:
        pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
            lambda p: p[0] != p[1]
        )
        for a, b in draw(st.lists(pairs, max_size=3 * n)):
            G.add_edge(f"n{a}", f"n{b}", weight=draw(st.integers(1, 4)), kinds=("group",))
    return G


@pytest.fixture(scope="module")
def example_2017() -> nx.Graph[str]:
    return collaboration_graph(lape.example(), as_of=OCT_2017)


# -- density and centralisation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("G", "density", "centralization"),
    [
        (nx.star_graph(5), 1 / 3, 1.0),
        (nx.complete_graph(5), 1.0, 0.0),
        (nx.cycle_graph(6), 0.4, 0.0),
        (nx.path_graph(3), 2 / 3, 1.0),
        (nx.empty_graph(0), 0.0, 0.0),
        (nx.empty_graph(1), 0.0, 0.0),
        (nx.empty_graph(4), 0.0, 0.0),
    ],
)
def test_density_and_centralization_of_known_graphs(
    G: nx.Graph[int], density: float, centralization: float
) -> None:
    m = network_measures(G)
    assert m.density == pytest.approx(density)
    assert m.centralization == pytest.approx(centralization)
    assert isinstance(m.density, float)


@given(graphs())
def test_measures_agree_with_networkx(G: nx.Graph[str]) -> None:
    m = network_measures(G)
    n = G.number_of_nodes()
    assert (m.nodes, m.edges) == (n, G.number_of_edges())
    assert m.density == pytest.approx(nx.density(G))
    assert m.isolates == nx.number_of_isolates(G)
    assert m.components == (nx.number_connected_components(G) if n else 0)
    if n > 2:
        degrees = dict(G.degree())
        top = max(degrees.values())
        freeman = sum(top - d for d in degrees.values()) / ((n - 1) * (n - 2))
        assert m.centralization == pytest.approx(freeman)
        assert 0.0 <= m.centralization <= 1.0


@given(graphs(), st.sampled_from(("region", "county")))
def test_area_measures_are_the_measures_of_each_areas_subgraph(G: nx.Graph[str], by: Any) -> None:
    found = area_measures(G, by)
    assert sum(m.nodes for m in found.areas.values()) + found.outside == G.number_of_nodes()
    for code, m in found.areas.items():
        part = G.subgraph([n for n, data in G.nodes(data=True) if data[by] == code])
        assert attrs.evolve(m, area=None, name=None) == network_measures(part)
        assert m.area == code


def test_area_measures_of_the_example(example_2017: nx.Graph[str]) -> None:
    regions = area_measures(example_2017, "region")
    assert list(regions.areas) == ["10", "11"]
    assert regions.areas["11"].name == "North Savo"
    counties = area_measures(example_2017, "county")
    assert counties.areas["13"].name == "North Savo wellbeing services county"
    assert [r["area"] for r in counties.rows()] == ["13"]
    with pytest.raises(ValueError, match="by must be 'region' or 'county'"):
        area_measures(example_2017, "municipality")  # type: ignore[arg-type]


# -- brokers ----------------------------------------------------------------------------------


def test_exact_brokers_are_networkx_betweenness(example_2017: nx.Graph[str]) -> None:
    found = brokers(example_2017, top=5)
    assert found.betweenness == nx.betweenness_centrality(example_2017)
    assert [b.rank for b in found.top] == [1, 2, 3, 4, 5]
    values = [b.betweenness for b in found.top]
    assert values == sorted(values, reverse=True)
    assert found.top[0].node == "change_agent#ps-change-agent"
    assert found.k is None


def test_sampled_brokers_average_two_halves_of_the_sample(example_2017: nx.Graph[str]) -> None:
    one = brokers(example_2017, k=11, seed=3, top=5)
    assert one.betweenness == brokers(example_2017, k=11, seed=3, top=5).betweenness
    rng = random.Random(3)  # networkx takes a random.Random too; its stubs say int | RandomState
    first = nx.betweenness_centrality(example_2017, k=5, seed=rng)  # type: ignore[call-overload]
    second = nx.betweenness_centrality(example_2017, k=6, seed=rng)  # type: ignore[call-overload]
    assert one.betweenness == pytest.approx({n: (first[n] * 5 + second[n] * 6) / 11 for n in first})
    assert (one.exact, one.sources, one.nodes, one.k, one.seed) == (False, 11, 42, 11, 3)

    def top5(scores: dict[str, float]) -> set[str]:
        return {n for n, _ in sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:5]}

    assert one.agreement == len(top5(first) & top5(second)) / 5
    assert "estimated over the whole graph from 11 of 42 sources, seed 3" in one.how()


def test_a_sample_as_large_as_the_graph_is_exact(example_2017: nx.Graph[str]) -> None:
    whole = brokers(example_2017, k=1000)
    assert whole.betweenness == brokers(example_2017).betweenness
    assert (whole.exact, whole.sources, whole.agreement) == (True, 42, None)
    assert whole.how() == "exact over the whole graph"
    with pytest.raises(ValueError, match="k must be at least 2"):
        brokers(example_2017, k=1)


def test_brokers_go_through_networkx_dispatch(example_2017: nx.Graph[str]) -> None:
    named = brokers(example_2017, backend="networkx")
    assert named.betweenness == brokers(example_2017).betweenness
    assert named.backend == "networkx"
    assert named.how() == "exact over the whole graph, backend 'networkx'"
    with pytest.raises(ImportError, match=r"'no-such-backend'.* pip install 'lape\[parallel\]'"):
        brokers(example_2017, backend="no-such-backend")


def test_the_parallel_backend_gives_the_same_scores(example_2017: nx.Graph[str]) -> None:
    pytest.importorskip("nx_parallel", reason="nx-parallel needs Python 3.12 or newer")
    for k in (None, 10):
        parallel = brokers(example_2017, k=k, seed=1, backend="parallel")
        plain = brokers(example_2017, k=k, seed=1)
        assert parallel.betweenness == pytest.approx(plain.betweenness)
        assert parallel.backend == "parallel"


def test_brokers_by_area_measure_each_part_alone(example_2017: nx.Graph[str]) -> None:
    found = brokers(example_2017, by="region", top=3)
    part = example_2017.subgraph(
        n for n, data in example_2017.nodes(data=True) if data["region"] == "11"
    )
    expected = nx.betweenness_centrality(part.copy())
    assert {n: found.betweenness[n] for n in part} == expected
    assert {b.area for b in found.top} == {"10", "11"}
    assert [b.rank for b in found.top if b.area == "11"] == [1, 2, 3]
    assert found.scope == "each region"
    assert found.how() == "exact within each region"
    sampled = brokers(example_2017, by="region", k=20, seed=0, top=3)
    # South Savo's part has one node: exact there; North Savo's 37 are sampled
    assert (sampled.exact, sampled.sources, sampled.nodes) == (False, 21, 38)
    assert sampled.agreement is not None
    with pytest.raises(ValueError, match="top must not be negative"):
        brokers(example_2017, top=-1)


# -- sectors -----------------------------------------------------------------------------------


def _sectors(G: nx.Graph[str], n: str) -> tuple[str, ...]:
    return tuple(G.nodes[n].get("sectors") or ())


@given(graphs())
def test_bridging_ties_join_the_two_sectors(G: nx.Graph[str]) -> None:
    a, b = CORE_SECTORS
    found = bridging_ties(G)
    expected = {
        frozenset((u, v))
        for u, v in G.edges
        if (a in _sectors(G, u) and b in _sectors(G, v))
        or (b in _sectors(G, u) and a in _sectors(G, v))
    }
    assert {frozenset((t.u, t.v)) for t in found.ties} == expected
    assert len(found.ties) == len(expected)
    for tie in found.ties:
        assert tie.weight == G.edges[tie.u, tie.v]["weight"]
    for node, count in found.by_node.items():
        assert count == sum(1 for t in found.ties if node in (t.u, t.v))
    either = {n for n in G if a in _sectors(G, n) or b in _sectors(G, n)}
    assert {x.node for x in found.unbridged} == either - set(found.by_node)


@given(graphs())
def test_siloed_actors_have_no_tie_outside_their_sectors(G: nx.Graph[str]) -> None:
    found = set(siloed_actors(G).nodes)
    for node in G:
        own = set(_sectors(G, node))
        if not own:
            assert node not in found
            continue
        crosses = any(set(_sectors(G, other)) - own for other in G[node])
        assert (node in found) == (not crosses)


def test_bridging_ties_of_other_sectors(example_2017: nx.Graph[str]) -> None:
    found = bridging_ties(example_2017, sectors=("civil_society", "church"))
    assert ("kuopio-perheyhdistys", "kuopio-srk") in {(t.u, t.v) for t in found.ties} | {
        (t.v, t.u) for t in found.ties
    }
    with pytest.raises(ValueError, match="two different sectors"):
        bridging_ties(example_2017, sectors=("church", "church"))


# -- periphery and components ------------------------------------------------------------------


@given(graphs(), st.integers(min_value=1, max_value=3))
def test_isolated_and_peripheral_actors_by_degree(G: nx.Graph[str], max_degree: int) -> None:
    assert set(isolated_actors(G).nodes) == {n for n, d in G.degree() if d == 0}
    found = peripheral_actors(G, max_degree=max_degree)
    assert set(found.nodes) == {n for n, d in G.degree() if 0 < d <= max_degree}
    assert all(0 < a.degree <= max_degree for a in found.actors)


def test_peripheral_actors_need_a_positive_bound() -> None:
    with pytest.raises(ValueError, match="max_degree must be at least 1"):
        peripheral_actors(nx.Graph(), max_degree=0)


@given(graphs())
def test_components_partition_the_nodes(G: nx.Graph[str]) -> None:
    found = components(G)
    assert sorted(found.sizes, reverse=True) == list(found.sizes)
    assert sum(found.sizes) == G.number_of_nodes()
    assert set(found.of) == set(G)
    for c in nx.connected_components(G):
        assert len({found.of[n] for n in c}) == 1
        assert found.sizes[found.of[next(iter(c))]] == len(c)
    for i, regions in enumerate(found.regions):
        members = [n for n, j in found.of.items() if j == i]
        assert set(regions) == {r for n in members if (r := G.nodes[str(n)]["region"])}


# -- municipal and regional groups ----------------------------------------------------------------


def test_regional_links_of_the_example(example_2017: nx.Graph[str]) -> None:
    found = regional_links(example_2017, lape.example())
    assert found.as_of == OCT_2017
    assert [x.group for x in found.links] == [
        "kuopio-lape",
        "iisalmi-lape",
        "varkaus-lape",
        "siilinjarvi-lape",
    ]
    assert all(x.declared and x.connected and x.reachable for x in found.links)
    assert all(x.regional_groups == ("ps-lape",) and x.region == "11" for x in found.links)
    assert found.unlinked() == ()


def test_an_undeclared_link_still_shows_in_the_network() -> None:
    snapshot = lape.example()
    groups = tuple(
        attrs.evolve(g, cooperates_with=()) if g.id in ("varkaus-lape", "ps-lape") else g
        for g in snapshot.groups
    )
    changed = attrs.evolve(snapshot, groups=groups)
    found = {x.group: x for x in regional_links(collaboration_graph(changed), changed).links}
    varkaus = found["varkaus-lape"]
    assert not varkaus.declared
    assert varkaus.shared_members == ("varkaus-sote",)
    assert varkaus.connected
    report = check(changed, select=["LAPE-G13"])
    assert [f.subject.id for f in report.findings] == ["varkaus-lape"]


@slow_to_draw
@given(snapshots(max_actors=6), st.dates(min_value=D(2016, 1, 1), max_value=D(2018, 12, 31)))
def test_declared_links_are_what_g13_checks(snapshot: Snapshot, day: D) -> None:
    links = regional_links(collaboration_graph(snapshot, as_of=day), snapshot)
    report = check(snapshot, as_of=day, select=["LAPE-G13"], file_settings=False)
    failed = {f.subject.id for f in report.findings if f.status is Status.FAILED}
    unknown = {f.subject.id for f in report.findings if f.status is Status.UNKNOWN}
    for link in links.links:
        if link.project_area is None or link.group in unknown:
            continue  # G13 cannot tell (Åland; a linked Uusimaa group without its area)
        assert link.declared == (link.group not in failed)
    municipal = {
        g.id
        for g in snapshot.groups
        if g.kind is GroupKind.MUNICIPAL and (g.period is None or g.period.contains(day))
    }
    assert {x.group for x in links.links} == municipal


@slow_to_draw
@given(snapshots(max_actors=6), st.dates(min_value=D(2016, 1, 1), max_value=D(2018, 12, 31)))
def test_shared_members_and_direct_ties_are_in_the_graph(snapshot: Snapshot, day: D) -> None:
    G = collaboration_graph(snapshot, as_of=day)
    for link in regional_links(G, snapshot).links:
        if link.shared_members or link.direct_ties:
            assert link.connected
            assert link.reachable
        for member in link.shared_members:
            assert member in G


# -- tables ---------------------------------------------------------------------------------


def _results(G: nx.Graph[str]) -> list[Any]:
    snapshot = lape.example()
    return [
        network_measures(G),
        area_measures(G),
        brokers(G),
        bridging_ties(G),
        siloed_actors(G),
        isolated_actors(G),
        peripheral_actors(G, max_degree=10),
        components(G),
        regional_links(G, snapshot),
        lape.network.interface_map(snapshot),
    ]


def test_rows_have_the_columns(example_2017: nx.Graph[str]) -> None:
    for result in _results(example_2017):
        rows = result.rows()
        assert rows, type(result).__name__
        for row in rows:
            assert tuple(row) == result.columns, type(result).__name__


def test_to_pandas(example_2017: nx.Graph[str]) -> None:
    pd = pytest.importorskip("pandas")
    for result in _results(example_2017):
        frame = result.to_pandas()
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.columns) == list(result.columns)
        assert len(frame) == len(result.rows())
    empty = ActorList(what="nothing", actors=()).to_pandas()
    assert list(empty.columns) == list(ActorList.columns)
    assert len(empty) == 0


def test_to_pandas_without_pandas_names_the_extra(
    example_2017: nx.Graph[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'lape\[pandas\]'"):
        isolated_actors(example_2017).to_pandas()


def test_summary(example_2017: nx.Graph[str]) -> None:
    summary = summarize(example_2017, lape.example())
    data = summary.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["as_of"] == "2017-10-01"
    assert data["measures"]["nodes"] == 42
    assert data["brokers"]["top"][0]["node"] == "change_agent#ps-change-agent"
    text = summary.to_text()
    assert "42 nodes (41 actors, 1 change agent), 171 ties" in text
    assert "Municipal groups linked to their region's regional group: 4 of 4" in text
    later = summarize(collaboration_graph(lape.example(), as_of=D(2023, 6, 1)), lape.example())
    assert "none for: children in Iisalmi (140) (network ps-family-centre)" in later.to_text()


def test_brokers_by_area_with_a_distance() -> None:
    G: nx.Graph[str] = nx.Graph()
    G.add_nodes_from("abcd", region="11")
    G.add_edge("a", "b", distance=1)
    G.add_edge("b", "c", distance=1)
    G.add_edge("a", "d", distance=5)
    G.add_edge("d", "c", distance=1)
    found = brokers(G, by="region", weight="distance")
    assert found.betweenness == nx.betweenness_centrality(G, weight="distance")
    assert found.betweenness["b"] > found.betweenness["d"]


def test_a_capital_region_group_linked_to_the_rest_of_uusimaa_is_not_declared_linked() -> None:
    s = lape.loads(
        """
info: {title: Uusimaa, as_of: 2017-06-01}
actors:
  - {id: hki, name: Helsinki, kind: municipality, municipalities: [Helsinki]}
  - {id: prv, name: Porvoo, kind: municipality, municipalities: [Porvoo]}
groups:
  - {id: hki-lape, name: H, kind: municipal, municipality: Helsinki,
     members: [{actor: hki}], cooperates_with: [rest]}
  - {id: rest, name: R, kind: regional, region: "01", project_area: uusimaa,
     members: [{actor: prv}]}
  - {id: capital, name: C, kind: regional, region: "01", project_area: capital-region,
     members: [{actor: hki}]}
"""
    )
    day = D(2017, 6, 1)
    (link,) = regional_links(collaboration_graph(s, as_of=day), s).links
    assert (link.group, link.project_area, link.regional_groups) == (
        "hki-lape",
        "capital-region",
        ("capital",),
    )
    assert not link.declared  # it names the rest of Uusimaa's group, not its own area's
    assert link.shared_members == ("hki",)
    failed = check(s, as_of=day, select=["LAPE-G13"]).failures
    assert [f.subject.id for f in failed] == ["hki-lape"]
