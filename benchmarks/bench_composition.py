"""LAPE-G01..G05 on the shared synthetic groups: lape against a hand-written set check.

Run: ``python benchmarks/bench_composition.py [N] [--rounds R]`` (N groups, default 5000).

The data are the groups of ``../shared/bench/compdata.py`` (6-10 members each, kinds
drawn uniformly; about four in five groups lack a required kind), the data the
comparison with pySHACL and rule-engine used. Each group becomes a municipal group of
one municipality (Kuopio), each member an actor of that municipality: ``social_health``
a municipal body of the social and health sector, ``education_youth`` one of the
education and youth sector, ``organisation`` an organisation, ``parish`` a parish,
``youth_rep`` the municipality's youth council, ``other`` an actor of kind ``other``.

Three engines, in alternating rounds, medians printed with the spread:

- ``plain``: the shared hand-written baseline (``plain_python_composition.py``): set
  operations over each group's member kinds, on the generated tuples;
- ``per-object``: a rule-engine-style evaluation, one rule object per required kind
  evaluated against each group, on the same tuples;
- ``lape``: ``lape.check(snapshot, as_of=..., select=LAPE-G01..G05)``, the report
  with its findings in order (each message written when asked for); the snapshot's
  index, which a snapshot builds once on its first look-up and keeps, is built
  before the rounds;
- ``lape, cold``: the same check of a fresh copy of the snapshot each round, so that
  its index (entities by ID, each group's seats resolved to actors) is built inside
  the round too.

The goal (issue 17): lape within 3x of ``plain``. The engines report the same
(group, rule) failures, which the script asserts before timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import lape
from lape.model import (
    Actor,
    ActorKind,
    Group,
    GroupKind,
    Membership,
    MunicipalityCode,
    Sector,
    Snapshot,
)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"
sys.path.insert(0, str(SHARED))
from compdata import DEFAULT_SEED, REQUIRED, generate  # noqa: E402

DAY = dt.date(2017, 6, 1)
KUOPIO = MunicipalityCode("297")
RULES = {
    "social_health": "LAPE-G01",
    "education_youth": "LAPE-G02",
    "organisation": "LAPE-G03",
    "parish": "LAPE-G04",
    "youth_rep": "LAPE-G05",
}
SELECT = sorted(RULES.values())


def _actor(member_id: str, kind: str) -> Actor:
    here = (KUOPIO,)
    if kind == "social_health":
        return Actor(
            id=member_id,
            name=member_id,
            kind=ActorKind.MUNICIPAL_BODY,
            municipalities=here,
            sectors=frozenset({Sector.SOCIAL_HEALTH}),
        )
    if kind == "education_youth":
        return Actor(
            id=member_id,
            name=member_id,
            kind=ActorKind.MUNICIPAL_BODY,
            municipalities=here,
            sectors=frozenset({Sector.EDUCATION_YOUTH}),
        )
    kinds = {
        "organisation": ActorKind.ORGANISATION,
        "parish": ActorKind.PARISH,
        "youth_rep": ActorKind.YOUTH_COUNCIL,
        "other": ActorKind.OTHER,
    }
    return Actor(
        id=member_id,
        name=member_id,
        kind=kinds[kind],
        municipalities=here,
        sectors=frozenset(),
    )


def snapshot_of(groups: list[Any]) -> Snapshot:
    """The generated groups as a snapshot (see the module's docstring)."""
    actors = [_actor(m.id, m.kind) for g in groups for m in g.members]
    lape_groups = [
        Group(
            id=g.id,
            name=g.id,
            kind=GroupKind.MUNICIPAL,
            municipality=KUOPIO,
            members=tuple(Membership(actor=m.id) for m in g.members),
        )
        for g in groups
    ]
    return Snapshot(actors=tuple(actors), groups=tuple(lape_groups))


def plain(groups: list[Any]) -> set[tuple[str, str]]:
    """The shared baseline's set operations, returning the (group, rule) failures."""
    required = frozenset(REQUIRED)
    kinds_by_group = {g.id: {m.kind for m in g.members} for g in groups}
    return {
        (gid, RULES[kind]) for gid, kinds in kinds_by_group.items() for kind in required - kinds
    }


class _HasKind:
    """One rule object in the style of a rule engine: evaluated against each group."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.rule = RULES[kind]

    def evaluate(self, group: Any) -> bool:
        return any(m.kind == self.kind for m in group.members)


def per_object(groups: list[Any]) -> set[tuple[str, str]]:
    rules = [_HasKind(kind) for kind in REQUIRED]
    return {(g.id, r.rule) for g in groups for r in rules if not r.evaluate(g)}


def with_lape(snapshot: Snapshot) -> lape.Report:
    return lape.check(snapshot, as_of=DAY, select=SELECT)


def failures(report: lape.Report) -> set[tuple[str, str]]:
    """The report's (group, rule) failures, as the other engines give them."""
    return {(f.subject.id, f.rule) for f in report.failures}


def cold(snapshot: Snapshot) -> lape.Report:
    """The check of a fresh copy of ``snapshot``, whose index is built in the check."""
    return with_lape(attrs.evolve(snapshot))


def rounds(engines: dict[str, Callable[[], object]], n: int) -> dict[str, list[float]]:
    """CPU seconds of each engine over ``n`` rounds, alternating which goes first."""
    times: dict[str, list[float]] = {name: [] for name in engines}
    names = list(engines)
    for i in range(n):
        order = names if i % 2 == 0 else names[::-1]
        for name in order:
            gc.collect()
            start = time.process_time()
            engines[name]()
            times[name].append(time.process_time() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()

    groups = generate(args.n, args.seed)
    snapshot = snapshot_of(groups)
    snapshot.index  # noqa: B018 - built once, as a user's first look-up would
    expected = plain(groups)
    assert per_object(groups) == expected, "per-object and plain disagree"
    assert failures(with_lape(snapshot)) == expected, "lape and plain disagree"
    assert failures(cold(snapshot)) == expected, "lape (cold) and plain disagree"
    print(f"{args.n} groups, {len(expected)} (group, rule) failures, all three engines agree")

    times = rounds(
        {
            "plain": lambda: plain(groups),
            "per-object": lambda: per_object(groups),
            "lape": lambda: with_lape(snapshot),
            "lape, cold": lambda: cold(snapshot),
        },
        args.rounds,
    )
    base = statistics.median(times["plain"])
    for name, found in times.items():
        median = statistics.median(found)
        ratios = sorted(t / b for t, b in zip(found, times["plain"], strict=True))
        print(
            f"{name:<12} median {median * 1000:8.1f} ms  (min {min(found) * 1000:7.1f}, "
            f"max {max(found) * 1000:7.1f})  ratio to plain {median / base:6.2f}x  "
            f"(median of the rounds' own ratios {statistics.median(ratios):6.2f}x)"
        )
    print("goal: lape within 3x of plain")


if __name__ == "__main__":
    main()
