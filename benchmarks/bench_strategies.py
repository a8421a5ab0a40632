"""Benchmarks of the public hypothesis strategies: drawing speed and shrinking.

Run: ``python benchmarks/bench_strategies.py`` (``--quick`` for fewer examples and
only the first planted failure).

1. Examples per second (CPU time) of every public strategy of ``lape.testing``,
   each as the ratio to a baseline drawn in the same run: hypothesis' own
   ``st.builds(Period, ...)`` of two dates, the smallest object of the model.
2. Planted failures: properties that fail on some snapshots, run with hypothesis'
   generate and shrink phases (no example database, a fixed seed). For each: the
   entities of the shrunk counterexample (what a user reads), the number of test
   calls and the CPU time to get there, and the length of the falsifying example
   as printed. The smallest counterexample is given beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import lape
from lape.model import Period, Snapshot
from lape.testing import (
    actors,
    answers,
    change_agents,
    check_settings,
    coordination_links,
    development_projects,
    funding_pools,
    grants,
    groups,
    health_social_centres,
    interfaces,
    mandates,
    memberships,
    money,
    network_members,
    periods,
    respondents,
    rule_breaks,
    scopes,
    service_networks,
    services,
    snapshot_infos,
    snapshots,
    surveys,
    valid_snapshots,
)

DAY = dt.date(2017, 6, 1)
KINDS = ("actors", "groups", "change_agents", "pools", "grants", "projects", "centres", "networks")


def examples_per_second(strategy: st.SearchStrategy[Any], count: int) -> float:
    """Examples drawn per CPU second, through ``@given`` as a test suite draws them."""

    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(value: Any) -> None:
        pass

    gc.collect()
    start = time.process_time()
    draw()
    return count / (time.process_time() - start)


STRATEGIES: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "periods()": periods,
    "money()": money,
    "actors()": actors,
    "memberships()": memberships,
    "mandates()": mandates,
    "groups()": groups,
    "change_agents()": change_agents,
    "funding_pools()": funding_pools,
    "grants()": grants,
    "development_projects()": development_projects,
    "health_social_centres()": health_social_centres,
    "services()": services,
    "interfaces()": interfaces,
    "coordination_links()": coordination_links,
    "network_members()": network_members,
    "service_networks()": service_networks,
    "scopes()": scopes,
    "snapshot_infos()": snapshot_infos,
    "check_settings()": check_settings,
    "snapshots()": snapshots,
    "st.from_type(Snapshot)": lambda: st.from_type(Snapshot),
    "answers()": answers,
    "respondents()": respondents,
    "surveys()": surveys,
    f"valid_snapshots(as_of={DAY})": lambda: valid_snapshots(as_of=DAY),
    "valid_snapshots()": valid_snapshots,
    f"rule_breaks(as_of={DAY})": lambda: rule_breaks(as_of=DAY),
}


def sizes(s: Snapshot) -> str:
    found = [f"{len(getattr(s, k))} {k}" for k in KINDS if getattr(s, k)]
    return ", ".join(found) or "empty"


def planted(
    name: str,
    strategy: st.SearchStrategy[Snapshot],
    fails: Callable[[Snapshot], bool],
    smallest: str,
    examples: int,
    at: int,
) -> None:
    """Run a property that fails when ``fails(snapshot)``; print what it shrank to."""
    seen: list[Snapshot] = []
    calls = 0

    @seed(at)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def prop(s: Snapshot) -> None:
        nonlocal calls
        calls += 1
        if fails(s):
            seen.append(s)
            raise AssertionError

    gc.collect()
    start = time.process_time()
    try:
        prop()
    except AssertionError as exc:
        took = time.process_time() - start
        printed = "\n".join(getattr(exc, "__notes__", []))
        print(f"  {name}")
        print(f"    shrunk to   {sizes(seen[-1])}   (smallest: {smallest})")
        print(f"    {calls} calls, {took:.1f} s CPU; printed as {len(printed)} characters")
    else:
        print(f"  {name}: no failure found in {examples} examples")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer examples, one failure")
    parser.add_argument("--seed", type=int, default=16, help="hypothesis' seed for the failures")
    parser.add_argument("--failures-only", action="store_true", help="skip the drawing speeds")
    args = parser.parse_args()
    count = 20 if args.quick else 100

    base = examples_per_second(
        st.builds(Period, start=st.dates(), end=st.none() | st.dates()), count * 5
    )
    print(f"lape {lape.__version__}: examples per CPU second (baseline st.builds(Period))")
    print(f"  {'baseline':<34} {base:9.0f} /s")
    for name, make in {} if args.failures_only else STRATEGIES.items():
        rate = examples_per_second(make(), count)
        print(f"  {name:<34} {rate:9.0f} /s   {base / rate:6.1f}x the baseline's time")

    print(f"planted failures (seed {args.seed}): what a counterexample shrinks to")
    failures: list[tuple[str, st.SearchStrategy[Snapshot], Callable[[Snapshot], bool], str]] = [
        (
            "snapshots(): every grant under 10 euros",
            snapshots(),
            lambda s: any(g.amount >= 10 for g in s.grants),
            "1 actors, 1 pools, 1 grants",
        ),
        (
            "snapshots(): no group has two members",
            snapshots(),
            lambda s: any(len(g.members) >= 2 for g in s.groups),
            "1 actors, 1 groups",
        ),
        (
            "snapshots(): fewer than three actors",
            snapshots(),
            lambda s: len(s.actors) >= 3,
            "3 actors",
        ),
        (
            "st.from_type(Snapshot): no change agent paid by a pool's payer",
            st.from_type(Snapshot),
            lambda s: any(
                a.salary_payer is not None and a.salary_payer in {p.payer for p in s.pools}
                for a in s.change_agents
            ),
            "1 actors, 1 change_agents, 1 pools",
        ),
        (
            f"valid_snapshots(as_of={DAY}): no grant",
            valid_snapshots(as_of=DAY),
            lambda s: bool(s.grants),
            "the smallest valid snapshot with one grant",
        ),
    ]
    for name, strategy, fails, smallest in failures[: 1 if args.quick else None]:
        planted(name, strategy, fails, smallest, count * 3, args.seed)


if __name__ == "__main__":
    main()
