# ruff: noqa: N803, N806 - ``G`` (and ``H``) for a graph, as in networkx
"""Benchmarks of the collaboration graph on synthetic national snapshots.

Run: ``python benchmarks/bench_network.py`` (``--quick`` for fewer repeats and
scales 1 and 2 only; ``--build`` for the build next to its baseline only, and
``--repeat N`` to choose how many runs). Every figure is CPU time, measured in
the same run as its baseline; the goals are from the network issue:

- building the graph of the national snapshot within 1.5x of networkx building
  the same graph (same nodes, edges and attributes) from a ready node and edge
  list (``add_nodes_from`` + ``add_edges_from``). Both are timed alternately
  (which goes first swaps every run), each after a full collection, with the
  cyclic garbage collector on, as users run it, and again paused during both
  (CPU work only); the ratio is of the two medians, with the spread and the
  median of the single runs' own ratios beside it (on a shared machine single
  runs vary a lot: read the medians);
- the build linear in the snapshot's size (scales 1, 2, 4);
- the build bounded beyond the cap on cliques (``--cap``): files of one ever
  larger group, and of ever more groups of ``MAX_CLIQUE`` members (the most
  edges a seat can make), with the file's size, the build's CPU time and its
  peak memory (tracemalloc, in a separate run) per kilobyte of file;
- the time of each analysis at national scale;
- brokers at national scale (``--brokers``): sampled betweenness with growing
  samples, each with its halves' agreement and, when igraph is installed
  (``pip install igraph``: a reference only, not a dependency), the overlap of
  its national top 50 with the exact national top 50; and exact betweenness
  within each county, through networkx and, when installed, the ``parallel``
  backend.
"""

from __future__ import annotations

import argparse
import functools
import gc
import random
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from lape.io import dumps, loads
from lape.model import Actor, ActorKind, Group, GroupKind, Membership, Snapshot
from lape.network import (
    MAX_CLIQUE,
    area_measures,
    bridging_ties,
    brokers,
    collaboration_graph,
    components,
    export,
    interface_map,
    isolated_actors,
    network_measures,
    peripheral_actors,
    regional_links,
    siloed_actors,
    summarize,
)
from lape.reference import geography
from lape.testing import national_snapshot


def timed(fn: Callable[[], Any], *, collect: bool = True) -> float:
    """The CPU time of one run of ``fn()`` in seconds (steadier than wall time on a
    shared machine; everything here runs in one thread), garbage collected
    before; with ``collect=False`` the cyclic collector is paused while it runs."""
    gc.collect()
    if not collect:
        gc.disable()
    try:
        start = time.process_time()
        fn()
        return time.process_time() - start
    finally:
        gc.enable()


def best_of(fn: Callable[[], Any], repeat: int, *, collect: bool = True) -> float:
    """The best of ``repeat`` CPU times of ``fn()``, in seconds."""
    return min(timed(fn, collect=collect) for _ in range(repeat))


def same_graph(G: nx.Graph[Any], H: nx.Graph[Any]) -> bool:
    """Whether ``G`` and ``H`` have the same nodes, edges and attributes."""
    return (
        dict(G.nodes(data=True)) == dict(H.nodes(data=True))
        and G.number_of_edges() == H.number_of_edges()
        and all(H.has_edge(u, v) and H.edges[u, v] == d for u, v, d in G.edges(data=True))
    )


def bench_build(national: Snapshot, repeat: int, **options: Any) -> None:
    """The build next to networkx building the same graph from ready lists (goal <= 1.5x)."""
    day = national.info.as_of if "as_of" not in options else options.pop("as_of")
    G = collaboration_graph(national, as_of=day, **options)
    nodes = [(n, dict(d)) for n, d in G.nodes(data=True)]
    edges = [(u, v, dict(d)) for u, v, d in G.edges(data=True)]

    def baseline() -> nx.Graph[Any]:
        H: nx.Graph[Any] = nx.Graph(**G.graph)
        H.add_nodes_from(nodes)
        H.add_edges_from(edges)
        return H

    def ours() -> nx.Graph[Any]:
        return collaboration_graph(national, as_of=day, **options)

    assert same_graph(ours(), baseline()), "the build and the baseline differ"
    label = ", ".join([f"as_of={day}", *(f"{k}={v}" for k, v in options.items())])
    print(f"build ({label}): {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    for collect, how in ((True, "gc on    "), (False, "gc paused")):
        mine: list[float] = []
        theirs: list[float] = []
        for run in range(repeat):  # alternately first, so that both see the same machine
            if run % 2:
                mine.append(timed(ours, collect=collect))
                theirs.append(timed(baseline, collect=collect))
            else:
                theirs.append(timed(baseline, collect=collect))
                mine.append(timed(ours, collect=collect))
        ratio = statistics.median(mine) / statistics.median(theirs)
        ratios = sorted(m / t for m, t in zip(mine, theirs, strict=True))
        print(
            f"  {how}  collaboration_graph {statistics.median(mine) * 1000:6.1f} ms   "
            f"networkx from lists {statistics.median(theirs) * 1000:6.1f} ms   "
            f"ratio {ratio:4.2f}x (goal <= 1.5x; medians of {repeat} runs; the runs' own "
            f"ratios {ratios[0]:4.2f}-{ratios[-1]:4.2f}x, median {statistics.median(ratios):4.2f}x)"
        )


def bench_scaling(scales: tuple[int, ...], repeat: int) -> None:
    """The build at growing scales: time per edge should stay flat."""
    first = 0.0
    for scale in scales:
        snapshot = national_snapshot(scale=scale)
        snapshot.index  # noqa: B018 - built once, as a user's first look-up would
        day = snapshot.info.as_of
        G = collaboration_graph(snapshot, as_of=day)
        took = best_of(functools.partial(collaboration_graph, snapshot, as_of=day), repeat)
        first = first or took
        print(
            f"scale {scale}: {G.number_of_nodes():7d} nodes {G.number_of_edges():8d} edges   "
            f"build {took * 1000:8.1f} ms   {took / G.number_of_edges() * 1e6:5.2f} us/edge   "
            f"ratio to scale 1 {took / first:5.2f}x"
        )


def _groups_snapshot(sizes: list[int], actors: int, seed: int = 0) -> Snapshot:
    """Groups of ``sizes`` members drawn from ``actors`` organisations."""
    rng = random.Random(seed)
    ids = [f"org-{i:05}" for i in range(actors)]
    return Snapshot(
        actors=tuple(
            Actor(id=i, name=f"Organisation {i}", kind=ActorKind.ORGANISATION) for i in ids
        ),
        groups=tuple(
            Group(
                id=f"group-{g}",
                name=f"Group {g}",
                kind=GroupKind.OTHER,
                members=tuple(Membership(actor=a) for a in rng.sample(ids, size)),
            )
            for g, size in enumerate(sizes)
        ),
    )


def _peak_memory(fn: Callable[[], Any]) -> int:
    """The peak memory (bytes) that ``fn()`` allocates, by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def bench_cap(repeat: int) -> None:
    """Time and memory of the build against the file's size, beyond the clique cap:
    per kilobyte of file they should stay flat (or fall). The groups of ``MAX_CLIQUE``
    members are drawn from as many organisations as they have seats, so that the
    file grows with them; each seat makes at most ``(MAX_CLIQUE - 1) / 2`` edges."""
    print(f"the build beyond the cap (max_clique={MAX_CLIQUE}), files as YAML:")
    cases = [
        *((f"one group of {n}", [n], n) for n in (1_000, 2_000, 4_000, 8_000)),
        *(
            (f"{g} groups of {MAX_CLIQUE}", [MAX_CLIQUE] * g, MAX_CLIQUE * g)
            for g in (4, 8, 16, 32)
        ),
    ]
    for case, sizes, actors in cases:
        snapshot = _groups_snapshot(sizes, actors)
        text = dumps(snapshot)
        loaded = loads(text)
        loaded.index  # noqa: B018 - built once, as a user's first look-up would
        build = functools.partial(collaboration_graph, loaded)
        G = build()
        took = best_of(build, repeat)
        peak = _peak_memory(build)
        kb = len(text.encode()) / 1000
        print(
            f"  {case:<22} {kb:7.0f} KB  {G.number_of_nodes():6d} nodes {G.number_of_edges():8d} "
            f"edges   build {took * 1000:7.1f} ms ({took * 1e6 / kb:6.1f} us/KB)   "
            f"peak {peak / 1e6:7.1f} MB ({peak / 1e3 / kb:6.1f} KB/KB)"
        )


def _exact_by_igraph(G: nx.Graph[Any]) -> dict[Any, float] | None:
    """Exact normalised betweenness of ``G`` by igraph (``None`` when not installed)."""
    try:
        import igraph  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()])
    n = len(nodes)
    scale = 2 / ((n - 1) * (n - 2))  # networkx's normalisation of an undirected graph
    return {nodes[i]: value * scale for i, value in enumerate(graph.betweenness(directed=False))}


def _top(scores: dict[Any, float], n: int = 50) -> set[Any]:
    return {node for node, _ in sorted(scores.items(), key=lambda x: (-x[1], str(x[0])))[:n]}


def bench_brokers(national: Snapshot, samples: tuple[int, ...]) -> None:
    """Sampled national betweenness against the exact one; exact within each county."""
    from importlib.metadata import entry_points

    G = collaboration_graph(national, as_of=national.info.as_of)
    check = nx.les_miserables_graph()
    reference = _exact_by_igraph(check)
    if reference is not None:  # the reference scales as networkx does
        expected = nx.betweenness_centrality(check)
        assert all(abs(reference[n] - expected[n]) < 1e-9 for n in check)
    took = time.process_time()
    exact = _exact_by_igraph(G)
    took = time.process_time() - took
    print(
        f"brokers of the national graph ({G.number_of_nodes()} nodes), top 50 over the whole graph:"
    )
    if exact is None:
        print("  exact national betweenness: skipped (pip install igraph for the reference)")
    else:
        print(f"  exact national betweenness by igraph (the reference): {took:6.1f} s")
    for k in samples:
        start = time.process_time()
        found = brokers(G, k=k, seed=0, top=50)
        took = time.process_time() - start
        overlap = "-" if exact is None else f"{len(_top(dict(found.betweenness)) & _top(exact))}"
        print(
            f"  k={k:<4} seed 0: {took:6.1f} s   halves agree on "
            f"{found.agreement or 0:4.0%} of the top 50   overlap with the exact top 50: "
            f"{overlap} of 50"
        )
    backends: list[str | None] = [None]
    if "parallel" in {e.name for e in entry_points(group="networkx.backends")}:
        backends.append("parallel")
    for backend in backends:
        wall, cpu = time.perf_counter(), time.process_time()
        if backend is None:
            found = brokers(G, by="county", top=50)
        else:
            with getattr(nx.config.backends, backend)(active=True, n_jobs=-1):
                found = brokers(G, by="county", top=50, backend=backend)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"  exact within each county ({len({b.area for b in found.top})} counties, "
            f"{found.nodes} nodes), backend {backend or 'networkx'}: {wall:6.1f} s wall, "
            f"{cpu:6.1f} s CPU in this process"
        )


def bench_analyses(national: Snapshot, repeat: int, k: int) -> None:
    """Each analysis of the national graph, best of ``repeat`` (betweenness: one run)."""
    G = collaboration_graph(national, as_of=national.info.as_of)
    geo = geography()
    region = "18"
    part = G.subgraph(n for n, d in G.nodes(data=True) if d["region"] == region).copy()
    analyses: list[tuple[str, Callable[[], Any], int]] = [
        ("network_measures", lambda: network_measures(G), repeat),
        ("area_measures by region", lambda: area_measures(G, "region", geography=geo), repeat),
        ("area_measures by county", lambda: area_measures(G, "county", geography=geo), repeat),
        (f"brokers k={k} seed=0", lambda: brokers(G, k=k, seed=0), 1),
        (f"brokers by region k={k}", lambda: brokers(G, k=k, seed=0, by="region"), 1),
        (
            f"brokers exact, region {region} ({part.number_of_nodes()} nodes)",
            lambda: brokers(part),
            1,
        ),
        ("bridging_ties", lambda: bridging_ties(G), repeat),
        ("siloed_actors", lambda: siloed_actors(G), repeat),
        ("isolated_actors", lambda: isolated_actors(G), repeat),
        ("peripheral_actors", lambda: peripheral_actors(G), repeat),
        ("components", lambda: components(G), repeat),
        ("regional_links", lambda: regional_links(G, national, geography=geo), repeat),
        ("interface_map (every county)", lambda: interface_map(national, geography=geo), repeat),
        (f"summarize (brokers k={k})", lambda: summarize(G, national, k=k, geography=geo), 1),
    ]
    print(f"analyses of the national graph ({G.number_of_nodes()} nodes, {G.number_of_edges()})")
    for name, fn, times in analyses:
        print(f"  {name:<44} {best_of(fn, times) * 1000:9.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("graphml", "gexf", "json"):
            path = Path(tmp, f"national.{suffix}")
            took = best_of(functools.partial(export, G, path), 1)
            size = path.stat().st_size / 1e6
            print(f"  {'export ' + suffix:<44} {took * 1000:9.1f} ms   {size:6.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmarks of the collaboration graph.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, scales 1 and 2")
    parser.add_argument("--build", action="store_true", help="the build next to its baseline only")
    parser.add_argument("--cap", action="store_true", help="the build beyond the clique cap only")
    parser.add_argument("--brokers", action="store_true", help="sampled and exact brokers only")
    parser.add_argument("--repeat", type=int, help="runs of the build and its baseline")
    parser.add_argument("--k", type=int, default=50, help="betweenness sources to sample")
    args = parser.parse_args()
    repeat = 5 if args.quick else 15
    if args.cap:
        bench_cap(max(2, repeat // 3))
        return
    if args.brokers:
        bench_brokers(national_snapshot(scale=1), (20, 50) if args.quick else (20, 50, 100, 200))
        return
    national = national_snapshot(scale=1)
    national.index  # noqa: B018 - built once, as a user's first look-up would
    geography()
    print(f"national snapshot: {national!r}")
    runs = args.repeat or repeat
    bench_build(national, runs)
    bench_build(national, runs, as_of=None)
    bench_build(national, runs, sources=True)
    if args.build:
        return
    bench_scaling((1, 2) if args.quick else (1, 2, 4), max(2, repeat // 3))
    bench_cap(max(2, repeat // 3))
    bench_analyses(national, max(2, repeat // 3), args.k)


if __name__ == "__main__":
    main()
