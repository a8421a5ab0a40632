"""Timelines: dates, one build and one check per date, rows, tables, text and plots."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.model import Snapshot
from lape.network import (
    MAX_DATES,
    Timeline,
    TimelineError,
    TimelinePoint,
    collaboration_graph,
    network_measures,
    timeline,
    timeline_dates,
)
from lape.testing import snapshots

D = dt.date
# snapshots() draws many nested entities (slow on a busy machine), and each date is a
# whole build and check
slow = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@pytest.fixture(scope="module")
def yearly() -> Timeline:
    return timeline(lape.example(), start=D(2016, 10, 1), end=D(2023, 10, 1), step="1y")


# -- dates --------------------------------------------------------------------------------


MONTHLY = ["2016-01-31", "2016-02-29", "2016-03-31", "2016-04-30"]
LEAP = ["2016-02-29", "2017-02-28", "2018-02-28", "2019-02-28"]
EVERY_OTHER = ["2016-01-01", "2016-01-03", "2016-01-05"]


@pytest.mark.parametrize(
    ("start", "end", "step", "expected"),
    [
        (D(2016, 1, 31), D(2016, 5, 30), "1m", MONTHLY),
        (D(2016, 1, 1), D(2017, 1, 1), "6m", ["2016-01-01", "2016-07-01", "2017-01-01"]),
        (D(2016, 2, 29), D(2019, 3, 1), "1y", LEAP),
        (D(2016, 1, 1), D(2016, 1, 20), "1w", ["2016-01-01", "2016-01-08", "2016-01-15"]),
        (D(2016, 1, 1), D(2016, 1, 3), " 1 d ", ["2016-01-01", "2016-01-02", "2016-01-03"]),
        (D(2016, 1, 1), D(2016, 1, 5), dt.timedelta(days=2), EVERY_OTHER),
        (D(2016, 1, 1), D(2016, 1, 1), "1y", ["2016-01-01"]),
    ],
)  # fmt: skip
def test_timeline_dates(start: D, end: D, step: str | dt.timedelta, expected: list[str]) -> None:
    assert [d.isoformat() for d in timeline_dates(start, end, step)] == expected


@pytest.mark.parametrize(
    ("start", "end", "step", "message"),
    [
        (D(2017, 1, 1), D(2016, 1, 1), "1y", "the range ends (2016-01-01) before it starts"),
        (D(2016, 1, 1), D(2017, 1, 1), "1x", "not a step: '1x'"),
        (D(2016, 1, 1), D(2017, 1, 1), "0m", "not a step: '0m'"),
        (D(2016, 1, 1), D(2017, 1, 1), "-1d", "not a step: '-1d'"),
        (D(2016, 1, 1), D(2017, 1, 1), dt.timedelta(hours=12), "a step must be a whole number"),
        (D(2016, 1, 1), D(2018, 1, 1), "1d", f"732 dates from 2016-01-01 to 2018-01-01 every "
         f"1 day; a timeline takes at most {MAX_DATES}: choose a longer step"),
    ],
)  # fmt: skip
def test_bad_ranges(start: D, end: D, step: str | dt.timedelta, message: str) -> None:
    with pytest.raises(TimelineError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        timeline_dates(start, end, step)


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 1, 1)),
    st.integers(min_value=0, max_value=4000),
    st.integers(min_value=1, max_value=30),
    st.sampled_from("dwmy"),
)
def test_a_range_is_increasing_inside_its_bounds_and_stepped(
    start: D, days: int, count: int, unit: str
) -> None:
    end = start + dt.timedelta(days=days)
    step = f"{count}{unit}"
    if days // (count * {"d": 1, "w": 7, "m": 28, "y": 365}[unit]) + 1 > MAX_DATES:
        with pytest.raises(TimelineError, match="choose a longer step"):
            timeline_dates(start, end, step)
        return
    found = timeline_dates(start, end, step)
    assert found[0] == start
    assert all(a < b for a, b in itertools.pairwise(found))
    assert found[-1] <= end
    if unit in "dw":
        every = dt.timedelta(days=count * (7 if unit == "w" else 1))
        assert found[-1] + every > end
        assert all(b - a == every for a, b in itertools.pairwise(found))


def test_dates_or_a_range() -> None:
    snapshot = lape.example()
    with pytest.raises(TimelineError, match="either dates or a range"):
        timeline(snapshot, [D(2017, 1, 1)], start=D(2016, 1, 1))
    with pytest.raises(TimelineError, match="give the dates, or a range"):
        timeline(snapshot, start=D(2016, 1, 1))
    with pytest.raises(TimelineError, match="no dates to examine"):
        timeline(snapshot, [])
    too_many = [D(2000, 1, 1) + dt.timedelta(days=i) for i in range(MAX_DATES + 1)]
    with pytest.raises(TimelineError, match=f"{MAX_DATES + 1} dates; a timeline takes at most"):
        timeline(snapshot, too_many)
    assert isinstance(TimelineError("x"), (lape.LapeError, ValueError))


def test_given_dates_are_sorted_and_kept_once() -> None:
    found = timeline(lape.example(), [D(2023, 6, 1), D(2017, 10, 1), D(2023, 6, 1)])
    assert found.dates == (D(2017, 10, 1), D(2023, 6, 1))


# -- the example ------------------------------------------------------------------------------


def test_the_example_year_by_year(yearly: Timeline) -> None:
    assert len(yearly) == 8
    assert yearly.title == "Pohjois-Savo 2017 (illustrative)"
    assert [(p.date.year, p.measures.edges, p.errors, p.warnings) for p in yearly] == [
        (2016, 147, 6, 0),
        (2017, 171, 3, 0),
        (2018, 171, 3, 0),
        (2019, 38, 1, 0),
        (2020, 38, 1, 0),
        (2021, 38, 1, 0),
        (2022, 38, 1, 0),
        (2023, 74, 2, 1),
    ]
    in_2017, in_2023 = yearly[1], yearly[-1]
    assert (in_2017.change_agents, in_2023.change_agents) == (1, 0)
    assert (in_2023.splits, in_2023.missing_interfaces) == (3, 1)
    assert {r.rule for r in in_2023.rules if r.findings} == {"LAPE-F02", "LAPE-N05", "LAPE-N07"}
    g06 = next(r for r in in_2017.rules if r.rule == "LAPE-G06")
    # an error rule that reports info: counted where the finding is
    assert (g06.severity, g06.errors, g06.info, g06.examined) == ("error", 0, 1, 1)
    assert repr(yearly) == (
        "<Timeline 'Pohjois-Savo 2017 (illustrative)': 8 dates, 2016-10-01..2023-10-01>"
    )


def test_rows_tables_and_json(yearly: Timeline) -> None:
    rows = yearly.rows()
    assert [list(r) for r in rows] == [list(TimelinePoint.columns)] * 8
    assert rows[1]["date"] == D(2017, 10, 1)
    assert rows[1]["nodes"] == 42
    assert rows[1]["conforms"] is False
    frame = yearly.to_pandas()
    assert list(frame.columns) == list(Timeline.columns)
    assert frame["edges"].tolist() == [147, 171, 171, 38, 38, 38, 38, 74]
    by_rule = yearly.by_rule()
    assert len(by_rule.rows()) == sum(len(p.rules) for p in yearly)
    n07 = [r for r in by_rule.rows() if r["rule"] == "LAPE-N07"]
    assert [(r["date"].year, r["in_force"], r["errors"]) for r in n07][-2:] == [
        (2022, False, 0),
        (2023, True, 1),
    ]
    assert list(by_rule.to_pandas().columns) == list(by_rule.columns)
    data = json.loads(json.dumps(yearly.as_dict()))
    assert data["dates"][0] == "2016-10-01"
    assert data["rows"][-1]["missing_interfaces"] == 1
    assert all(r["in_force"] or r["errors"] + r["warnings"] + r["info"] for r in data["rules"])


def test_text(yearly: Timeline) -> None:
    text = yearly.to_text(limit=2)
    lines = text.splitlines()
    assert lines[0] == "Timeline: Pohjois-Savo 2017 (illustrative) (8 dates)"
    assert lines[3].split()[:3] == ["2017-10-01", "42", "171"]
    assert "  2019-10-01  LAPE-F02 (1 error)" in lines
    assert "  2017-10-01  LAPE-G04 (1 error), LAPE-G05 (1 error), and 2 more rules" in lines


# -- properties ------------------------------------------------------------------------------

days = st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))


@slow
@given(snapshots(max_actors=6), st.lists(days, min_size=1, max_size=3))
def test_the_last_date_is_one_check_and_one_build_on_that_date(
    snapshot: Snapshot, dates: list[D]
) -> None:
    last = max(dates)
    try:
        report = lape.check(snapshot, as_of=last)
    except lape.LapeError as exc:  # e.g. the file's checks name a rule that does not exist
        with pytest.raises(type(exc), match=re.escape(str(exc))):
            timeline(snapshot, dates)
        return
    found = timeline(snapshot, dates)
    point = found[-1]
    assert point.date == last
    assert point.counts() == report.counts()
    assert point.conforms == report.conforms
    assert point.measures == network_measures(collaboration_graph(snapshot, as_of=last))
    assert [r.rule for r in point.rules][: len(report.results)] == [r.rule for r in report.results]
    for column, total in point.counts().items():
        name = {"error": "errors", "warning": "warnings"}.get(column, column)
        assert sum(getattr(r, name) for r in point.rules) == total


@slow
@given(snapshots(max_actors=6), days)
def test_a_date_means_the_same_in_any_timeline(snapshot: Snapshot, day: D) -> None:
    try:
        alone = timeline(snapshot, [day])[0]
    except lape.LapeError:
        return  # the property above: the same error as one check

    among = timeline(snapshot, [day - dt.timedelta(days=400), day])[-1]
    assert alone == among


def test_check_options_reach_every_date() -> None:
    found = timeline(lape.example(), [D(2017, 10, 1), D(2023, 6, 1)], select=["LAPE-G*"])
    assert {r.rule[:6] for p in found for r in p.rules} == {"LAPE-G"}
    assert [p.errors for p in found] == [2, 0]
    regraded = timeline(lape.example(), [D(2017, 10, 1)], severity={"LAPE-G04": "warning"})
    assert (regraded[0].errors, regraded[0].warnings) == (2, 1)


def test_hubs_are_counted() -> None:
    members = [f"m{i:03}" for i in range(300)]
    snapshot = Snapshot(
        actors=tuple(
            lape.model.Actor(id=m, name=m, kind=lape.model.ActorKind.ORGANISATION) for m in members
        ),
        groups=(
            lape.model.Group(
                id="big",
                name="Big",
                kind=lape.model.GroupKind.OTHER,
                members=tuple(lape.model.Membership(actor=m) for m in members),
            ),
        ),
    )
    point = timeline(snapshot, [D(2017, 1, 1)])[0]
    assert (point.hubs, point.measures.nodes, point.measures.edges) == (1, 301, 300)


# -- plot --------------------------------------------------------------------------------------


def test_plot(yearly: Timeline) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    figure = yearly.plot()
    assert isinstance(figure, Figure)
    assert len(figure.axes) == 4
    assert [ax.get_ylabel() for ax in figure.axes] == ["edges", "density", "errors", "warnings"]
    line = figure.axes[0].get_lines()[0]
    import numpy as np

    assert np.asarray(line.get_ydata()).tolist() == [147, 171, 171, 38, 38, 38, 38, 74]
    figure.savefig(io.BytesIO(), format="png")

    own = Figure()
    ax = own.add_subplot()
    assert yearly.plot(["errors", "warnings"], ax=ax) is own
    assert [x.get_label() for x in ax.get_lines()] == ["errors", "warnings"]
    with pytest.raises(ValueError, match="cannot plot \\['date'\\]; choose from nodes, edges"):
        yearly.plot(["date"])


def test_plot_without_matplotlib(yearly: Timeline, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"pip install 'lape\[plot\]'"):
        yearly.plot()


def test_a_point_is_frozen(yearly: Timeline) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        yearly[0].errors = 0  # type: ignore[misc]
