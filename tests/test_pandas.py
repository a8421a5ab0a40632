"""Tables of plain rows and their DataFrames: findings, report diffs, a snapshot's
entities; pandas only behind the extra, through one helper."""

from __future__ import annotations

import ast
import datetime as dt
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import lape
from lape._pandas import Table
from lape.model import Snapshot
from lape.network import (
    BridgingTies,
    InterfaceMap,
    NetworkMeasures,
    collaboration_graph,
    network_measures,
)
from lape.rules import Report, ReportDiff, check
from lape.testing import snapshots

SRC = Path(lape.__file__).parent
EXTRA = r"pip install 'lape\[pandas\]'"

slow_to_draw = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)

# How many rows each table has, counted from the snapshot itself.
SIZES: dict[str, Callable[[Snapshot], int]] = {
    "actors": lambda s: len(s.actors),
    "groups": lambda s: len(s.groups),
    "memberships": lambda s: sum(len(g.members) for g in s.groups),
    "change_agents": lambda s: len(s.change_agents),
    "pools": lambda s: len(s.pools),
    "grants": lambda s: len(s.grants),
    "projects": lambda s: len(s.projects),
    "centres": lambda s: len(s.centres),
    "networks": lambda s: len(s.networks),
    "network_members": lambda s: sum(len(n.members) for n in s.networks),
    "services": lambda s: sum(len(n.services) for n in s.networks),
    "interfaces": lambda s: sum(len(n.interfaces) for n in s.networks),
    "coordination": lambda s: sum(len(n.coordination) for n in s.networks),
}


def plain(value: Any) -> bool:
    """Whether ``value`` is a plain value: text, number, day, money, None, or tuples of them."""
    if value is None or isinstance(value, str | bool | int | float | Decimal | dt.date):
        return True
    if isinstance(value, tuple | list):
        return all(plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and plain(v) for k, v in value.items())
    return False


@pytest.fixture(scope="module")
def example() -> Snapshot:
    return lape.example()


@pytest.fixture(scope="module")
def report(example: Snapshot) -> Report:
    return check(example)


# -- findings ------------------------------------------------------------------------------


def test_report_rows_one_per_finding(report: Report) -> None:
    rows = report.rows()
    assert len(rows) == len(report.findings)
    for row, f in zip(rows, report.findings, strict=True):
        assert list(row) == list(Report.columns)
        assert (row["rule"], row["severity"], row["status"]) == (
            f.rule,
            f.severity.value,
            f.status.value,
        )
        assert (row["subject_kind"], row["subject_id"], row["subject_name"]) == (
            f.subject.kind,
            f.subject.id,
            f.subject.name,
        )
        assert row["path"] == f.path
        assert row["message"] == f.message
        assert row["source_document"] == f.source.document
        assert row["source_quote"] == f.source.quote
        assert plain(row), row


def test_report_rows_are_in_the_reports_language(report: Report) -> None:
    fi = report.in_language("fi")
    assert [r["message"] for r in fi.rows()] == [f.messages.fi for f in report.findings]
    assert [r["title"] for r in fi.rows()] == [f.title.fi for f in report.findings]


def test_report_to_pandas(report: Report) -> None:
    pytest.importorskip("pandas")
    frame = report.to_pandas()
    assert frame.shape == (len(report.findings), len(Report.columns))
    assert list(frame.columns) == list(Report.columns)
    assert list(frame["rule"]) == [f.rule for f in report.findings]
    empty = Report(as_of=report.as_of).to_pandas()
    assert empty.shape == (0, len(Report.columns))


def test_report_diff_rows(report: Report, example: Snapshot) -> None:
    diff = report.diff(check(example, as_of=dt.date(2023, 6, 1)))
    rows = diff.rows()
    parts = {"fixed": diff.fixed, "new": diff.new, "changed": diff.changed}
    parts["unchanged"] = diff.unchanged
    assert [r["change"] for r in rows] == [c for c, fs in parts.items() for _ in fs]
    assert [r["rule"] for r in rows] == [f.rule for fs in parts.values() for f in fs]
    assert all(list(r) == list(ReportDiff.columns) for r in rows)
    pytest.importorskip("pandas")
    assert diff.to_pandas().shape == (len(rows), len(ReportDiff.columns))


# -- a snapshot's entities -------------------------------------------------------------------


def test_snapshot_tables_are_documented() -> None:
    assert Snapshot.tables == tuple(SIZES)


@pytest.mark.parametrize("kind", list(SIZES))
def test_snapshot_rows_of_the_example(example: Snapshot, kind: str) -> None:
    rows = example.rows(kind)
    assert len(rows) == SIZES[kind](example)
    assert all(plain(row) for row in rows)


def test_actor_rows(example: Snapshot) -> None:
    rows = example.rows()
    assert [r["id"] for r in rows] == [a.id for a in example.actors]
    stm = next(r for r in rows if r["id"] == "stm")
    actor = example.index.actor("stm")
    assert actor is not None
    assert stm["kind"] == actor.kind.value == "ministry"
    assert stm["body"] == "stm"
    assert stm["working_level"] == "national"
    for column in ("name", "sectors", "municipalities", "region", "county", "level"):
        assert column in stm
    kuopio = rows[0]
    assert kuopio["sectors"] == ("social_health",)
    assert kuopio["municipalities"] == ("297",)


def test_group_and_grant_rows_flatten_periods_mandates_and_money(example: Snapshot) -> None:
    group = example.rows("groups")[0]
    g = example.groups[0]
    assert g.period is not None
    assert g.mandate is not None
    assert (group["period_start"], group["period_end"]) == (g.period.start, g.period.end)
    assert group["mandate_region"] == g.mandate.region
    assert group["mandate_decided"] == g.mandate.decided
    assert group["members"] == tuple(m.actor for m in g.members)
    grant = example.rows("grants")[0]
    assert isinstance(grant["amount"], Decimal)
    assert grant["amount"] == example.grants[0].amount
    seats = example.rows("memberships")
    assert [(r["group"], r["actor"]) for r in seats] == [
        (g.id, m.actor) for g in example.groups for m in g.members
    ]


def test_unknown_table_suggests_a_name(example: Snapshot) -> None:
    with pytest.raises(ValueError, match=r"no table 'grant'; did you mean 'grants'\?"):
        example.rows("grant")
    with pytest.raises(ValueError, match=r"no table 'zzz' \(the tables: actors, groups"):
        example.to_pandas("zzz")


@slow_to_draw
@given(snapshots(max_actors=6))
def test_snapshot_rows_count_every_entity(snapshot: Snapshot) -> None:
    for kind, size in SIZES.items():
        rows = snapshot.rows(kind)
        assert len(rows) == size(snapshot)
        assert all(plain(row) for row in rows)
        if rows:
            assert len({tuple(row) for row in rows}) == 1  # every row has the same keys


@pytest.mark.parametrize("kind", list(SIZES))
def test_snapshot_to_pandas(example: Snapshot, kind: str) -> None:
    pytest.importorskip("pandas")
    frame = example.to_pandas(kind)
    assert len(frame) == SIZES[kind](example)
    empty = Snapshot().to_pandas(kind)
    assert empty.shape[0] == 0
    assert list(empty.columns) == list(frame.columns)
    if len(frame):
        assert list(frame.columns) == list(example.rows(kind)[0])


# -- days as datetime64 ---------------------------------------------------------------------------


def _day_columns(rows: list[dict[str, Any]]) -> set[str]:
    """The columns whose values, where given, are days."""
    return {
        c
        for r in rows
        for c, v in r.items()
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime)
    }


@slow_to_draw
@given(snapshots(max_actors=4))
def test_days_come_out_as_datetime64_in_every_table(snapshot: Snapshot) -> None:
    pd = pytest.importorskip("pandas")
    for kind in snapshot.tables:
        frame = snapshot.to_pandas(kind)
        rows = snapshot.rows(kind)
        for column in _day_columns(rows):
            assert frame[column].dtype.kind == "M", (kind, column, frame[column].dtype)
            days = [r[column] for r in rows]
            assert [None if pd.isna(x) else x.date() for x in frame[column]] == days


def test_an_empty_table_has_the_same_day_columns_as_a_full_one(example: Snapshot) -> None:
    pytest.importorskip("pandas")
    for kind in example.tables:
        full = example.to_pandas(kind)
        empty = Snapshot().to_pandas(kind)
        kinds = {c: full[c].dtype.kind for c in full.columns if full[c].dtype.kind == "M"}
        assert {c: empty[c].dtype.kind for c in kinds} == kinds
        assert kinds.keys() >= _day_columns(example.rows(kind))


def test_network_results_give_days_as_datetime64(example: Snapshot) -> None:
    pytest.importorskip("pandas")
    from lape.network import timeline

    t = timeline(example, start=dt.date(2016, 1, 1), end=dt.date(2020, 1, 1)).to_pandas()
    assert t["date"].dtype.kind == "M"
    assert t["date"].dt.year.tolist() == [2016, 2017, 2018, 2019, 2020]


# -- one helper, behind the extra --------------------------------------------------------------


def test_network_tables_use_the_shared_helper() -> None:
    for cls in (NetworkMeasures, BridgingTies, InterfaceMap):
        assert issubclass(cls, Table)
    assert issubclass(Report, Table)
    assert issubclass(ReportDiff, Table)
    pytest.importorskip("pandas")
    G = collaboration_graph(lape.example(), as_of=dt.date(2017, 10, 1))  # noqa: N806
    frame = network_measures(G).to_pandas()
    assert list(frame.columns) == list(NetworkMeasures.columns)


def _imports_pandas_at_run_time(path: Path) -> bool:
    """Whether a function in ``path`` imports pandas (the imports for type checking
    stand at the module's top, under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))
    return any(
        isinstance(node, ast.Import) and any(a.name.split(".")[0] == "pandas" for a in node.names)
        for function in functions
        for node in ast.walk(function)
    )


def test_only_the_helper_imports_pandas() -> None:
    importers = [
        str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if _imports_pandas_at_run_time(p)
    ]
    assert importers == ["_pandas.py"]


def test_without_pandas_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, report: Report, example: Snapshot
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    G = collaboration_graph(example, as_of=dt.date(2017, 10, 1))  # noqa: N806
    calls = {
        "Report.to_pandas()": report.to_pandas,
        "ReportDiff.to_pandas()": report.diff(report).to_pandas,
        "Snapshot.to_pandas()": example.to_pandas,
        "NetworkMeasures.to_pandas()": network_measures(G).to_pandas,
    }
    for what, call in calls.items():
        with pytest.raises(ImportError, match=rf"^{re.escape(what)} needs pandas: {EXTRA}$"):
            call()
    # the rows need no pandas
    assert len(report.rows()) == len(report.findings)
    assert len(example.rows()) == len(example.actors)


def test_rows_are_independent_of_the_report(report: Report) -> None:
    rows = report.rows()
    rows[0]["rule"] = "changed"
    assert report.rows()[0]["rule"] == report.findings[0].rule
    assert attrs.evolve(report).rows() == report.rows()
