# ruff: noqa: N806 - ``G`` for a graph, as in networkx
"""Change over time: the network's measures and the findings' counts on a series of dates.

A snapshot already says, for each tie, group and grant, when it holds; a
timeline asks the same snapshot the same questions on each of a list of days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs

from lape._html import TableRepr
from lape._pandas import Table as _Table
from lape.errors import LapeError
from lape.model import Geography, Severity, Snapshot
from lape.network._build import AGENT_KIND, collaboration_graph
from lape.network._interfaces import interface_map
from lape.network._measures import (
    NetworkMeasures,
    _geography,
    bridging_ties,
    components,
    network_measures,
    peripheral_actors,
    regional_links,
    siloed_actors,
)
from lape.network._summary import _plain
from lape.rules import Lang, Parameters, Report, Rule, RuleSet, Status, check

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "MAX_DATES",
    "TIMELINE_PLOT_COLUMNS",
    "RuleCount",
    "RuleTimeline",
    "Timeline",
    "TimelineError",
    "TimelinePoint",
    "timeline",
    "timeline_dates",
]

MAX_DATES: Final = 500
"""The most dates one timeline examines: each date is a whole build and check, so a
daily range over years is refused (choose a longer step) rather than run for long."""

TIMELINE_PLOT_COLUMNS: Final = ("edges", "density", "errors", "warnings")
"""The columns :meth:`Timeline.plot` draws by default."""

_STEP = re.compile(r"\s*([1-9][0-9]{0,3})\s*([dwmy])\s*")
_STEP_WORDS: Final = {"d": "day", "w": "week", "m": "month", "y": "year"}


class TimelineError(LapeError, ValueError):
    """Dates a timeline cannot use: none, too many, a bad step or range."""


# -- dates ---------------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months``, on the same day of the month or the month's last."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def timeline_dates(
    start: dt.date, end: dt.date, step: str | dt.timedelta = "1y"
) -> tuple[dt.date, ...]:
    """The dates from ``start`` to ``end`` (both included when on a step) every ``step``.

    ``step`` is a :class:`datetime.timedelta` or text: a whole number and a unit,
    ``d`` (days), ``w`` (weeks), ``m`` (months) or ``y`` (years): ``"6m"``,
    ``"1y"``. Months and years count from ``start``: from 31 January every month
    gives 28 (or 29) February, then 31 March. At most :data:`MAX_DATES` dates.

    >>> [str(d) for d in timeline_dates(dt.date(2016, 1, 31), dt.date(2016, 4, 30), "1m")]
    ['2016-01-31', '2016-02-29', '2016-03-31', '2016-04-30']
    >>> len(timeline_dates(dt.date(2016, 1, 1), dt.date(2022, 12, 31), "6m"))
    14
    >>> timeline_dates(dt.date(2016, 1, 1), dt.date(2026, 1, 1), "1d")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lape.network._timeline.TimelineError: 3654 dates from 2016-01-01 to 2026-01-01 every 1 day; ...
    """
    if end < start:
        msg = f"the range ends ({end}) before it starts ({start})"
        raise TimelineError(msg)
    if isinstance(step, dt.timedelta):
        if step < dt.timedelta(days=1) or step % dt.timedelta(days=1):
            msg = f"a step must be a whole number of days, at least one, not {step!r}"
            raise TimelineError(msg)
        count, unit = step.days, "d"
    else:
        match = _STEP.fullmatch(step) if isinstance(step, str) else None
        if match is None:
            msg = (
                f"not a step: {step!r}; expected a whole number and d, w, m or y "
                "(days, weeks, months, years), e.g. 6m or 1y"
            )
            raise TimelineError(msg)
        count, unit = int(match[1]), match[2]
    if unit in "dw":
        days = count * (7 if unit == "w" else 1)
        total = (end - start).days // days + 1
        found: Iterator[dt.date] = (start + dt.timedelta(days=i * days) for i in range(total))
    else:
        months = count * (12 if unit == "y" else 1)
        span = (end.year - start.year) * 12 + end.month - start.month
        total = span // months + 1
        if _add_months(start, (total - 1) * months) > end:
            total -= 1
        found = (_add_months(start, i * months) for i in range(total))
    if total > MAX_DATES:
        word = _STEP_WORDS[unit] + ("" if count == 1 else "s")
        msg = (
            f"{total} dates from {start} to {end} every {count} {word}; a timeline takes "
            f"at most {MAX_DATES}: choose a longer step"
        )
        raise TimelineError(msg)
    return tuple(found)


_MEASURES: Final = tuple(c for c in NetworkMeasures.columns if c not in ("area", "name"))
"""The whole-graph measures of :class:`NetworkMeasures` (nodes ... isolates)."""


@attrs.frozen(kw_only=True)
class RuleCount:
    """One rule's findings on one day, by severity (failed) and unknown, beside what
    its :class:`~lape.rules.RuleResult` says (in force, subjects examined). A rule
    may report at another severity than its own (LAPE-G06 lists the municipalities
    not represented as info)."""

    rule: str
    severity: str
    """The rule's own severity."""
    in_force: bool
    examined: int
    errors: int
    warnings: int
    info: int
    unknown: int

    @property
    def findings(self) -> int:
        """All its findings: failed at any severity, and unknown."""
        return self.errors + self.warnings + self.info + self.unknown


def _rule_counts(report: Report) -> tuple[RuleCount, ...]:
    """Each rule's counts: the rules run, in the report's order, then any other rule
    that has findings."""
    found: dict[str, dict[str, int]] = {}
    for f in report.findings:
        counts = found.setdefault(f.rule, dict.fromkeys(_SEVERITY_COLUMNS.values(), 0))
        column = "unknown" if f.status is Status.UNKNOWN else _SEVERITY_COLUMNS[f.severity.value]
        counts[column] += 1
    zero = dict.fromkeys(_SEVERITY_COLUMNS.values(), 0)
    rows = [
        RuleCount(
            rule=r.rule,
            severity=r.severity.value,
            in_force=r.in_force,
            examined=r.examined,
            **found.pop(r.rule, zero),
        )
        for r in report.results
    ]
    by_rule = {f.rule: f for f in report.findings}
    rows += [
        RuleCount(
            rule=rule,
            severity=by_rule[rule].severity.value,
            in_force=True,
            examined=0,
            **counts,
        )
        for rule, counts in found.items()
    ]
    return tuple(rows)


_SEVERITY_COLUMNS: Final = {
    "error": "errors",
    "warning": "warnings",
    "info": "info",
    "unknown": "unknown",
}


# -- one day --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TimelinePoint:
    """The network's measures and the findings' counts on one day.

    The measures are those of the whole collaboration graph on the day
    (:func:`~lape.network.collaboration_graph` with ``as_of``): :attr:`measures`
    as :func:`~lape.network.network_measures` gives them, and the sizes of the
    other whole-graph analyses. The counts are those of
    :func:`lape.check` on the day: :meth:`Report.counts <lape.rules.Report.counts>`,
    and each rule's :class:`RuleCount`.
    """

    date: dt.date
    measures: NetworkMeasures
    largest_share: float
    """The share of nodes in the largest component (:attr:`Components.largest_share`)."""
    change_agents: int
    """Change-agent nodes (agents employed on the day)."""
    hubs: int
    """Hub nodes: sources larger than the clique cap (``G.graph["hubs"]``)."""
    bridging_ties: int
    """Ties between the two core sectors (:func:`~lape.network.bridging_ties`)."""
    unbridged: int
    """Actors of either core sector without such a tie."""
    siloed: int
    """Actors without any cross-sector tie (:func:`~lape.network.siloed_actors`)."""
    peripheral: int
    """Actors with exactly one tie (:func:`~lape.network.peripheral_actors`)."""
    municipal_groups: int
    """Municipal groups in effect (:func:`~lape.network.regional_links`)."""
    unlinked_groups: int
    """Of those, the ones neither declared linked nor connected to their regional group."""
    splits: int
    """Responsibility splits: where, in one municipality, a network's services for one
    target group are organised partly by the municipality and partly by the county
    (:func:`~lape.network.interface_map`)."""
    missing_interfaces: int
    """Of those, the ones without an identified interface."""
    errors: int
    warnings: int
    info: int
    unknown: int
    """Findings whose rule could not decide (any severity); the other three count
    failed findings by severity, as :meth:`lape.rules.Report.counts`."""
    conforms: bool
    """No error-severity rule failed (:attr:`lape.rules.Report.conforms`)."""
    rules: tuple[RuleCount, ...] = attrs.field(repr=False)
    """Each rule's findings on the day (their sums are the four counts above)."""

    columns: ClassVar[tuple[str, ...]] = (
        "date",
        *_MEASURES,
        "largest_share",
        "change_agents",
        "hubs",
        "bridging_ties",
        "unbridged",
        "siloed",
        "peripheral",
        "municipal_groups",
        "unlinked_groups",
        "splits",
        "missing_interfaces",
        "errors",
        "warnings",
        "info",
        "unknown",
        "conforms",
    )
    """The keys of :meth:`row`: the date, the measures, then the counts."""

    def row(self) -> dict[str, Any]:
        """The day as one flat dict, keys as in :attr:`columns`."""
        m = self.measures
        return {c: getattr(m if c in _MEASURES else self, c) for c in self.columns}

    def counts(self) -> dict[str, int]:
        """The findings' counts as :meth:`lape.rules.Report.counts` gives them."""
        return {
            "error": self.errors,
            "warning": self.warnings,
            "info": self.info,
            "unknown": self.unknown,
        }


def _point(
    snapshot: Snapshot,
    day: dt.date,
    *,
    geography: Geography,
    sources: bool = False,
    check_options: Mapping[str, Any],
) -> tuple[TimelinePoint, Report, nx.Graph[str]]:
    """One day's point, with the report and the graph it was made from."""
    G = collaboration_graph(snapshot, as_of=day, sources=sources, geography=geography)
    report = check(snapshot, as_of=day, geography=geography, **check_options)
    counts = report.counts()
    bridging = bridging_ties(G)
    links = regional_links(G, snapshot, geography=geography)
    split = interface_map(snapshot, as_of=day, geography=geography)
    point = TimelinePoint(
        date=day,
        measures=network_measures(G),
        largest_share=components(G).largest_share,
        change_agents=sum(1 for _, data in G.nodes(data=True) if data["kind"] == AGENT_KIND),
        hubs=len(G.graph["hubs"]),
        bridging_ties=len(bridging.ties),
        unbridged=len(bridging.unbridged),
        siloed=len(siloed_actors(G)),
        peripheral=len(peripheral_actors(G)),
        municipal_groups=len(links.links),
        unlinked_groups=len(links.unlinked()),
        splits=len(split.splits),
        missing_interfaces=len(split.missing()),
        errors=counts["error"],
        warnings=counts["warning"],
        info=counts["info"],
        unknown=counts["unknown"],
        conforms=report.conforms,
        rules=_rule_counts(report),
    )
    return point, report, G


def _check_options(
    rules: RuleSet | Iterable[Rule] | None,
    parameters: Parameters | None,
    select: Iterable[str],
    ignore: Iterable[str],
    severity: Mapping[str, Severity | str] | None,
) -> dict[str, Any]:
    if rules is not None and not isinstance(rules, RuleSet):
        rules = tuple(rules)
    return {
        "rules": rules,
        "parameters": parameters,
        "select": tuple(select),
        "ignore": tuple(ignore),
        "severity": dict(severity or {}),
    }


# -- the timeline ----------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class RuleTimeline(_Table, TableRepr):
    """Each rule's result on each date of a timeline: one row per date and rule."""

    points: tuple[TimelinePoint, ...]

    columns: ClassVar[tuple[str, ...]] = (
        "date",
        "rule",
        "severity",
        "in_force",
        "examined",
        "errors",
        "warnings",
        "info",
        "unknown",
    )

    def rows(self) -> list[dict[str, Any]]:
        return [{"date": p.date, **attrs.asdict(r)} for p in self.points for r in p.rules]


@attrs.frozen(kw_only=True, repr=False)
class Timeline(_Table, TableRepr):
    """The network's measures and the findings' counts on each of a series of dates,
    in date order (:func:`timeline`).

    :meth:`rows` gives one flat dict per date (the columns of
    :attr:`TimelinePoint.columns`), :meth:`to_pandas` a DataFrame of them;
    :meth:`by_rule` the same per rule, and :meth:`plot` draws chosen columns.
    """

    title: str
    points: tuple[TimelinePoint, ...]

    columns: ClassVar[tuple[str, ...]] = TimelinePoint.columns

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The dates, in order."""
        return tuple(p.date for p in self.points)

    def __len__(self) -> int:
        return len(self.points)

    def __iter__(self) -> Iterator[TimelinePoint]:
        return iter(self.points)

    def __getitem__(self, index: int) -> TimelinePoint:
        return self.points[index]

    def rows(self) -> list[dict[str, Any]]:
        return [p.row() for p in self.points]

    def by_rule(self) -> RuleTimeline:
        """Each rule's counts on each date (rows: date, rule, its severity, in force,
        examined, errors, warnings, info, unknown)."""
        return RuleTimeline(points=self.points)

    def as_dict(self) -> dict[str, Any]:
        """The timeline as JSON-ready data: ``title``, ``dates``, ``rows`` (as
        :meth:`rows`) and ``rules`` (as :meth:`by_rule`, the rules in force or
        with findings)."""
        rules = [
            r
            for r in self.by_rule().rows()
            if r["in_force"] or r["errors"] or r["warnings"] or r["info"] or r["unknown"]
        ]
        data = {"title": self.title, "dates": self.dates, "rows": self.rows(), "rules": rules}
        return dict(_plain(data))

    def to_text(self, *, limit: int = 8, lang: Lang = "en") -> str:
        """The timeline as text for a terminal, in ``lang`` (Finnish, Swedish or
        English): a table of the main measures and counts, then each date's rules
        with findings (at most ``limit`` a date)."""
        from lape.network._text import timeline_text

        return timeline_text(self, limit=limit, lang=lang)

    def plot(
        self, columns: Sequence[str] = TIMELINE_PLOT_COLUMNS, *, ax: Axes | None = None
    ) -> Figure:
        """Draw ``columns`` (any of :attr:`columns` but ``date`` and ``conforms``)
        over the dates: one panel each on a new figure, or all on ``ax`` when
        given. Returns the figure; needs matplotlib (``pip install 'lape[plot]'``).
        """
        from lape.network._plot import plot_timeline

        return plot_timeline(self, columns, ax=ax)

    def __repr__(self) -> str:
        span = f"{self.dates[0]}..{self.dates[-1]}" if self.points else "no dates"
        return f"<Timeline {self.title[:60]!r}: {_count(len(self.points), 'date')}, {span}>"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def timeline(
    snapshot: Snapshot,
    dates: Iterable[dt.date] | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    step: str | dt.timedelta = "1y",
    rules: RuleSet | Iterable[Rule] | None = None,
    parameters: Parameters | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    severity: Mapping[str, Severity | str] | None = None,
    geography: Geography | None = None,
) -> Timeline:
    """The network's measures and the findings' counts of ``snapshot`` on each date.

    The dates are ``dates`` (sorted, each once), or the range from ``start`` to
    ``end`` every ``step`` (:func:`timeline_dates`); at most :data:`MAX_DATES`.
    Each date's point is exactly what one build and one check on that date give:
    ``collaboration_graph(snapshot, as_of=date)`` with its measures, and
    ``lape.check(snapshot, as_of=date, ...)`` with ``rules``, ``parameters``,
    ``select``, ``ignore`` and ``severity`` as there. Time: one build and one
    check per date.

    >>> import lape
    >>> t = timeline(lape.example(), start=dt.date(2016, 10, 1), end=dt.date(2023, 10, 1))
    >>> len(t), t[0].date, t[-1].date
    (8, datetime.date(2016, 10, 1), datetime.date(2023, 10, 1))
    >>> [(p.date.year, p.measures.edges, p.errors) for p in t][1:4]
    [(2017, 171, 3), (2018, 171, 3), (2019, 38, 1)]
    """
    if dates is not None and (start is not None or end is not None):
        msg = "give either dates or a range (start and end), not both"
        raise TimelineError(msg)
    if dates is not None:
        days = tuple(sorted(set(dates)))
        if len(days) > MAX_DATES:
            msg = f"{len(days)} dates; a timeline takes at most {MAX_DATES}"
            raise TimelineError(msg)
    elif start is not None and end is not None:
        days = timeline_dates(start, end, step)
    else:
        msg = "give the dates, or a range: start and end (and a step)"
        raise TimelineError(msg)
    if not days:
        msg = "no dates to examine"
        raise TimelineError(msg)
    geo = _geography(geography)
    options = _check_options(rules, parameters, select, ignore, severity)
    points = tuple(_point(snapshot, day, geography=geo, check_options=options)[0] for day in days)
    return Timeline(title=snapshot.info.title, points=points)
