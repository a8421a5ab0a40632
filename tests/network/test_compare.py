# ruff: noqa: N806 - ``G`` (and ``H``) for a graph, as in networkx
"""Two waves: ties gained, lost and changed, measures, and the findings' diff."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.model import Snapshot
from lape.network import (
    SnapshotComparison,
    TimelinePoint,
    collaboration_graph,
    compare_snapshots,
    timeline,
)
from lape.testing import snapshots

D = dt.date
OCT_2017, JUN_2023 = D(2017, 10, 1), D(2023, 6, 1)
slow = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=30)


@pytest.fixture(scope="module")
def waves() -> SnapshotComparison:
    s = lape.example()
    return compare_snapshots(s, s, before_as_of=OCT_2017, after_as_of=JUN_2023)


def test_the_example_from_2017_to_2023(waves: SnapshotComparison) -> None:
    assert (waves.before.date, waves.after.date) == (OCT_2017, JUN_2023)
    assert waves.nodes_lost == ("change_agent#ps-change-agent",)
    assert waves.nodes_gained == ()
    gained = {(t.u, t.v): t for t in waves.of("gained")}
    assert gained["iisalmi-sivistys", "ps-hva"].gained == (("network", "ps-family-centre"),)
    lost = {(t.u, t.v): t for t in waves.of("lost")}
    tie = lost["change_agent#ps-change-agent", "iisalmi-sote"]
    assert (tie.lost, tie.before_weight, tie.after_weight) == ((("agent_region", "ps-lape"),), 1, 0)
    changed = {(t.u, t.v): t for t in waves.of("changed")}
    assert changed["iisalmi-sivistys", "kuopio-sivistys"].gained == (
        ("network", "ps-family-centre"),
    )
    assert ("group", "ps-lape") in changed["iisalmi-sivistys", "kuopio-sivistys"].lost
    assert [t.change for t in waves.ties] == sorted(
        (t.change for t in waves.ties), key=["gained", "lost", "changed"].index
    )
    assert repr(waves) == (
        "<SnapshotComparison 2017-10-01..2023-06-01: 26 pairs gained, 123 lost, 24 changed; "
        "findings 3 fixed, 2 new>"
    )


def test_the_findings_are_the_reports_diff(waves: SnapshotComparison) -> None:
    s = lape.example()
    expected = lape.check(s, as_of=OCT_2017).diff(lape.check(s, as_of=JUN_2023))
    assert waves.findings == expected
    assert [f.rule for f in waves.findings.fixed] == ["LAPE-G04", "LAPE-G05", "LAPE-G06"]


def test_measures_are_each_waves_timeline_point(waves: SnapshotComparison) -> None:
    both = timeline(lape.example(), [OCT_2017, JUN_2023])
    assert (waves.before, waves.after) == (both[0], both[1])
    rows = {r["measure"]: r for r in waves.measure_rows()}
    assert list(rows) == list(TimelinePoint.columns[1:])
    assert rows["edges"] == {"measure": "edges", "before": 171, "after": 74, "change": -97}
    assert rows["conforms"]["change"] == 0


def test_tables_json_and_text(waves: SnapshotComparison) -> None:
    assert list(waves.rows()[0]) == list(waves.columns)
    assert len(waves.to_pandas()) == len(waves.ties)
    data = json.loads(json.dumps(waves.as_dict()))
    assert data["before"] == {"title": "Pohjois-Savo 2017 (illustrative)", "as_of": "2017-10-01"}
    assert data["ties"]["counts"] == {"gained": 26, "lost": 123, "changed": 24}
    assert data["findings"]["counts"] == {"fixed": 3, "new": 2, "changed": 0, "unchanged": 1}
    assert [f["rule"] for f in data["findings"]["new"]] == ["LAPE-N07", "LAPE-N05"]
    assert data["ties"]["changes"][0]["gained"] == [["network", "ps-family-centre"]]
    text = waves.to_text(limit=2)
    assert text.startswith(
        "From Pohjois-Savo 2017 (illustrative) (2017-10-01) "
        "to Pohjois-Savo 2017 (illustrative) (2023-06-01)\n"
    )
    assert "  edges                    171         74        -97" in text
    assert "Ties: 26 pairs gained, 123 lost, 24 changed." in text
    assert "    and 121 more" in text
    assert "    LAPE-N07 error network ps-family-centre" in text


def test_two_files_one_group_dissolved() -> None:
    older = lape.example()
    newer = attrs.evolve(older, groups=tuple(g for g in older.groups if g.id != "kuopio-lape"))
    found = compare_snapshots(older, newer)
    assert found.before.date == found.after.date == OCT_2017  # each file's own as_of
    G = collaboration_graph(older, as_of=OCT_2017, sources=True)
    expected = {
        frozenset((u, v)) for u, v, d in G.edges(data=True) if ("group", "kuopio-lape") in d["ties"]
    }
    assert {frozenset((t.u, t.v)) for t in found.ties} == expected
    assert all(t.lost == (("group", "kuopio-lape"),) and not t.gained for t in found.ties)
    assert {t.change for t in found.ties} <= {"lost", "changed"}
    assert found.nodes_gained == found.nodes_lost == ()


@slow
@given(snapshots(max_actors=6), st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 1, 1)))
def test_a_snapshot_compared_with_itself_changes_nothing(snapshot: Snapshot, day: D) -> None:
    try:
        found = compare_snapshots(snapshot, snapshot, before_as_of=day, after_as_of=day)
    except lape.LapeError:
        return  # the file's checks name a rule that does not exist: check() refuses it too
    assert found.ties == ()
    assert found.nodes_gained == found.nodes_lost == ()
    assert found.findings.fixed == found.findings.new == found.findings.changed == ()
    assert all(m.change == 0 for m in found.measures())


@slow
@given(
    snapshots(max_actors=6),
    st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 1, 1)),
    st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 1, 1)),
)
def test_ties_gained_and_lost_are_the_graphs_difference(
    snapshot: Snapshot, first: D, second: D
) -> None:
    try:
        found = compare_snapshots(snapshot, snapshot, before_as_of=first, after_as_of=second)
    except lape.LapeError:
        return
    G = collaboration_graph(snapshot, as_of=first, sources=True)
    H = collaboration_graph(snapshot, as_of=second, sources=True)
    pairs = {frozenset(e) for e in G.edges} ^ {frozenset(e) for e in H.edges}
    assert {frozenset((t.u, t.v)) for t in found.ties if t.change != "changed"} == pairs
    for t in found.ties:
        before = set(G.edges[t.u, t.v]["ties"]) if G.has_edge(t.u, t.v) else set()
        after = set(H.edges[t.u, t.v]["ties"]) if H.has_edge(t.u, t.v) else set()
        assert set(t.gained) == after - before
        assert set(t.lost) == before - after
        assert (t.before_weight, t.after_weight) == (len(before), len(after))
