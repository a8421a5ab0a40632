"""Benchmarks of the rule engine and the loader on synthetic national snapshots.

Run: ``python benchmarks/bench_rules.py`` (add ``--quick`` for scales 1 and 2 only).
Every figure is measured in the same run as its baseline and printed with the
ratio; the goals are from the rule-engine issue:

- (the composition rules next to a hand-written check: ``bench_composition.py``, on
  the shared data the issue's comparison used);
- the full catalogue linear in the snapshot's size (scale 8 within 9x of scale 1),
  national scale well under a second;
- load and dump of the national snapshot next to ``json.loads`` / ``yaml.load``
  (C loader) of the same text; peak memory of loading and checking it.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import yaml

import lape
from lape.io import Format
from lape.model import Snapshot
from lape.rules import check
from lape.testing import national_snapshot


def best_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    """The best CPU time of this process over ``repeat`` runs, in seconds (gc collected
    before each; CPU time, not wall time, because the machines are shared)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def bench_scaling(national: Snapshot, scales: tuple[int, ...], repeat: int) -> None:
    """The full catalogue at growing scales (goal: scale 8 within 9x of scale 1)."""
    times: dict[int, float] = {}
    for scale in scales:
        snapshot = national if scale == 1 else national_snapshot(scale=scale)
        snapshot.index  # noqa: B018 - built once, as a user's first look-up would
        times[scale] = best_of(functools.partial(check, snapshot), repeat if scale <= 2 else 2)
        goal = "   (goal <= 9x)" if scale == 8 else ""
        print(
            f"catalogue  scale {scale}: {len(snapshot.actors):7d} actors  "
            f"{times[scale] * 1000:8.1f} ms   ratio to scale 1 {times[scale] / times[1]:5.2f}x"
            f"{goal}"
        )


def bench_io(national: Snapshot, fmt: Format, repeat: int) -> str:
    """Load and dump next to parsing the same text alone; returns the text."""
    text = lape.dumps(national, format=fmt)
    if fmt == "json":

        def parse() -> Any:
            return json.loads(text)
    else:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        def parse() -> Any:
            return yaml.load(text, Loader=loader)

    load = best_of(lambda: lape.loads(text, format=fmt), repeat)
    raw = best_of(parse, repeat)
    dump = best_of(lambda: lape.dumps(national, format=fmt), repeat)
    assert lape.loads(text, format=fmt) == national
    print(
        f"{fmt:<5} {len(text) / 1e6:5.1f} MB   load {load * 1000:8.1f} ms   "
        f"parse only {raw * 1000:8.1f} ms   ratio {load / raw:5.2f}x   dump {dump * 1000:8.1f} ms"
    )
    return text


def bench_memory(text: str) -> None:
    """Peak memory of loading (JSON) and checking the national snapshot."""
    gc.collect()
    tracemalloc.start()
    loaded = lape.loads(text, format="json")
    check(loaded)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory, load + check (JSON, scale 1): {peak / 2**20:7.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmarks of the rule engine and the loader.")
    parser.add_argument("--quick", action="store_true", help="scales 1 and 2 only, fewer repeats")
    args = parser.parse_args()
    repeat = 3 if args.quick else 5
    scales = (1, 2) if args.quick else (1, 2, 4, 8)

    national = national_snapshot(scale=1)
    print(f"national snapshot: {national!r}")
    national.index  # noqa: B018 - built once, as a user's first look-up would
    bench_scaling(national, scales, repeat)
    text = bench_io(national, "json", repeat)
    bench_io(national, "yaml", 1)
    bench_memory(text)


if __name__ == "__main__":
    main()
