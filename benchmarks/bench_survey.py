# ruff: noqa: N803, N806 - ``G`` for a graph, ``S`` for a survey graph, as in networkx
"""Benchmarks of collaboration surveys: the CSV reader and the measures, at growing sizes.

Run: ``python benchmarks/bench_survey.py`` (``--quick`` for fewer repeats and
scales 1 and 2 only). A synthetic survey of ``500 x scale`` actors of the
synthetic national snapshot (``lape.testing.national_snapshot``): 80 % answer,
each naming 15 partners (two thirds among its formal ties, the rest at
random), every answer rated. Every figure is the best CPU time of a few runs,
measured in the same run as its baseline: networkx building the survey's
directed graph (same nodes, arcs and attributes) from ready lists. The work
should grow linearly with the survey (time per answer flat across scales).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import random
import time
from collections.abc import Callable
from typing import Any

import networkx as nx

from lape.io import dumps_surveys, loads_surveys
from lape.model import (
    Answer,
    CollaborationLevel,
    Contribution,
    Frequency,
    Respondent,
    Snapshot,
    Survey,
)
from lape.network import (
    collaboration_graph,
    survey_changes,
    survey_graph,
    survey_measures,
    survey_scores,
    tie_gaps,
)
from lape.testing import national_snapshot

DAY = dt.date(2017, 6, 1)


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """The best of ``repeat`` CPU times of ``fn()`` in seconds, collected before each."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def synthetic_survey(
    G: nx.Graph[Any], actors: list[str], *, seed: int, survey_id: str, day: dt.date
) -> Survey:
    """A survey of ``actors``: 80 % answer, each naming 15 partners."""
    rng = random.Random(seed)
    inside = set(actors)
    respondents = []
    for actor in actors:
        if rng.random() >= 0.8:
            continue
        formal = [v for v in G[actor] if v in inside] if actor in G else []
        partners = dict.fromkeys(rng.sample(formal, min(len(formal), 10)))
        while len(partners) < 15:
            other = rng.choice(actors)
            if other != actor:
                partners[other] = None
        answers = tuple(
            Answer(
                partner=p,
                frequency=rng.choice(list(Frequency)),
                level=rng.choice(list(CollaborationLevel)),
                power=rng.randint(1, 4),
                involvement=rng.randint(1, 4),
                resources=rng.randint(1, 4),
                reliability=rng.randint(1, 4),
                mission=rng.randint(1, 4),
                openness=rng.randint(1, 4),
            )
            for p in partners
        )
        contributions = frozenset(rng.sample(list(Contribution), 3))
        respondents.append(Respondent(actor=actor, contributions=contributions, answers=answers))
    return Survey(id=survey_id, date=day, respondents=tuple(respondents))


def bench_scale(G: nx.Graph[Any], national: Snapshot, actors: list[str], repeat: int) -> float:
    """Time the reader and every measure on a survey of ``actors``; the microseconds
    per answer they take together."""
    wave1 = synthetic_survey(G, actors, seed=1, survey_id="w1", day=DAY)
    wave2 = synthetic_survey(G, actors, seed=2, survey_id="w2", day=DAY)
    answers = sum(len(r.answers) for r in wave1.respondents)
    text = dumps_surveys([wave1])
    S1, S2 = survey_graph(wave1, national), survey_graph(wave2, national)
    base = best_of(functools.partial(baseline, S1), repeat)
    timings = {
        "loads_surveys (CSV)": best_of(
            functools.partial(loads_surveys, text, survey="w", date=DAY), repeat
        ),
        "survey_graph": best_of(functools.partial(survey_graph, wave1, national), repeat),
        "survey_measures": best_of(functools.partial(survey_measures, S1), repeat),
        "survey_scores": best_of(functools.partial(survey_scores, S1), repeat),
        "tie_gaps": best_of(functools.partial(tie_gaps, G, S1), repeat),
        "survey_changes": best_of(functools.partial(survey_changes, S1, S2), repeat),
    }
    print(
        f"{len(actors)} members, {len(wave1.respondents)} respondents, {answers} answers, "
        f"CSV {len(text.encode()) // 1024} KB; baseline (networkx DiGraph from ready lists) "
        f"{base * 1000:.1f} ms"
    )
    for name, took in timings.items():
        print(f"  {name:<20} {took * 1000:8.1f} ms   {took / base:6.1f}x the baseline")
    total = sum(timings.values())
    return total / answers * 1e6


def baseline(S: nx.DiGraph[Any]) -> nx.DiGraph[Any]:
    """networkx building the same survey graph from ready node and arc lists."""
    H: nx.DiGraph[Any] = nx.DiGraph(**S.graph)
    H.add_nodes_from((n, dict(d)) for n, d in S.nodes(data=True))
    H.add_edges_from((u, v, dict(d)) for u, v, d in S.edges(data=True))
    return H


def bench(scales: tuple[int, ...], repeat: int) -> None:
    national = national_snapshot()
    G = collaboration_graph(national, as_of=DAY, change_agents=False)
    # actors in the order of their regions, so that a survey is a few regions' actors
    ordered = sorted(
        (a.id for a in national.actors if a.id in G), key=lambda n: str(G.nodes[n]["region"])
    )
    first = 0.0
    for scale in scales:
        print(f"scale {scale}: ", end="")
        per_answer = bench_scale(G, national, ordered[: 500 * scale], repeat)
        first = first or per_answer
        print(
            f"  all of them: {per_answer:.1f} us per answer ({per_answer / first:.2f}x scale 1's)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="scales 1 and 2, 2 repeats")
    args = parser.parse_args()
    if args.quick:
        bench((1, 2), repeat=2)
    else:
        bench((1, 2, 4), repeat=5)


if __name__ == "__main__":
    main()
