"""Benchmarks of the rule engine and the loader on synthetic national snapshots.

Run: ``python benchmarks/bench_rules.py`` (add ``--quick`` for scales 1 and 2 only).
Every figure is measured in the same run as its baseline and printed with the
ratio; the goals are from the rule-engine issue:

- the engine on LAPE-G01..G11 within 3x of a hand-written check of the same rules;
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
from lape.model import ActorKind, GroupKind, Sector, Snapshot
from lape.reference import geography
from lape.rules import check
from lape.testing import national_snapshot

COMPOSITION = [f"LAPE-G{n:02d}" for n in range(1, 12)]


def best_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    """The best wall time of ``repeat`` runs, in seconds (gc collected before each)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def handwritten_composition(snapshot: Snapshot) -> list[tuple[str, str]]:
    """LAPE-G01..G11 as plain Python over plain dicts: the baseline."""
    geo = geography()
    day = snapshot.info.as_of
    assert day is not None
    actors = {a.id: a for a in snapshot.actors}
    found: list[tuple[str, str]] = []
    youth = {ActorKind.YOUTH_COUNCIL, ActorKind.COUNTY_YOUTH_COUNCIL, ActorKind.EXPERIENCE_EXPERT}
    for group in snapshot.groups:
        if group.kind not in (GroupKind.MUNICIPAL, GroupKind.REGIONAL):
            continue
        members = [actors[m.actor] for m in group.members if m.actor in actors]
        kinds = {a.kind for a in members}
        if group.kind is GroupKind.MUNICIPAL:
            sectors = {s for a in members for s in (a.sectors or ())}
            if Sector.SOCIAL_HEALTH not in sectors:
                found.append(("LAPE-G01", group.id))
            if Sector.EDUCATION_YOUTH not in sectors:
                found.append(("LAPE-G02", group.id))
            if ActorKind.ORGANISATION not in kinds:
                found.append(("LAPE-G03", group.id))
            if ActorKind.PARISH not in kinds:
                found.append(("LAPE-G04", group.id))
        else:
            area = geo.municipalities_of_region(group.region or "", day)
            if not any(c in area for a in members for c in a.municipalities):
                found.append(("LAPE-G06", group.id))
            districts = geo.hospital_districts_of(area)
            if not any(a.hospital_district in districts for a in members):
                found.append(("LAPE-G07", group.id))
            for rule_id, kind in (
                ("LAPE-G08", ActorKind.ORGANISATION),
                ("LAPE-G09", ActorKind.EDUCATIONAL_INSTITUTION),
                ("LAPE-G10", ActorKind.COMPETENCE_CENTRE),
                ("LAPE-G11", ActorKind.PARISH),
            ):
                if kind not in kinds:
                    found.append((rule_id, group.id))
        if not (kinds & youth) and not any(
            m.role.value == "youth_representative" for m in group.members
        ):
            found.append(("LAPE-G05", group.id))
    return found


def bench_composition(national: Snapshot, repeat: int) -> None:
    """The engine on G01..G11 next to the hand-written baseline (goal: within 3x)."""
    engine = best_of(lambda: check(national, select=COMPOSITION), repeat)
    baseline = best_of(lambda: handwritten_composition(national), repeat)
    engine_found = {
        (f.rule, f.subject.id)
        for f in check(national, select=COMPOSITION).findings
        if f.severity.value == "error" and f.status.value == "failed"
    }
    assert engine_found == set(handwritten_composition(national)), "engine and baseline disagree"
    print(
        f"G01..G11   engine {engine * 1000:8.1f} ms   hand-written {baseline * 1000:8.1f} ms"
        f"   ratio {engine / baseline:5.2f}x   (goal <= 3x)"
    )


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
    bench_composition(national, repeat)
    bench_scaling(national, scales, repeat)
    text = bench_io(national, "json", repeat)
    bench_io(national, "yaml", 1)
    bench_memory(text)


if __name__ == "__main__":
    main()
