# ruff: noqa: N803, N806 - ``G`` (and ``H``) for a graph, as in networkx
"""Two waves: what changed in the collaboration network from one snapshot to another
(ties gained and lost, measures), beside what changed in the findings
(:meth:`lape.rules.Report.diff`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from lape._html import TableRepr
from lape._pandas import Table as _Table
from lape._words import count
from lape.model import Geography, Lang, Severity, Snapshot
from lape.network._measures import _geography
from lape.network._summary import _plain
from lape.network._survey_waves import MeasureChange
from lape.network._timeline import TimelinePoint, _check_options, _point
from lape.rules import Finding, Parameters, ReportDiff, Rule, RuleSet

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["PairChange", "SnapshotComparison", "compare_snapshots"]

Change = Literal["gained", "lost", "changed"]
_Tie = tuple[str, str]


@attrs.frozen(kw_only=True)
class PairChange:
    """A node pair whose ties differ between the two waves.

    ``gained``: the pair has ties only in the later wave (``after``); ``lost``:
    only in the earlier (``before``); ``changed``: in both, but not the same
    ties (a tie is its ``(kind, source)``).
    """

    u: str
    v: str
    u_name: str | None
    v_name: str | None
    change: Change
    before_weight: int
    """The number of ties in the earlier wave (0 when it had none)."""
    after_weight: int
    gained: tuple[_Tie, ...]
    """The ``(kind, source)`` of each tie only the later wave has."""
    lost: tuple[_Tie, ...]
    """The ``(kind, source)`` of each tie only the earlier wave has."""


@attrs.frozen(kw_only=True, repr=False)
class SnapshotComparison(_Table, TableRepr):
    """What changed from one wave to a later one (:func:`compare_snapshots`).

    :meth:`rows` gives one flat dict per tie change (the columns of
    :class:`PairChange`); :meth:`measure_rows` the measures; :attr:`findings`
    is the :class:`~lape.rules.ReportDiff` of the two checks.
    """

    before_title: str
    after_title: str
    before: TimelinePoint
    """The earlier wave's measures and counts (on its day)."""
    after: TimelinePoint
    nodes_gained: tuple[str, ...]
    """Nodes only the later graph has (sorted)."""
    nodes_lost: tuple[str, ...]
    ties: tuple[PairChange, ...]
    """The pairs whose ties changed: gained, then lost, then changed, each sorted."""
    findings: ReportDiff
    """The findings fixed, new, changed and unchanged (:meth:`lape.rules.Report.diff`)."""

    columns: ClassVar[tuple[str, ...]] = (
        "u",
        "v",
        "u_name",
        "v_name",
        "change",
        "before_weight",
        "after_weight",
        "gained",
        "lost",
    )

    def of(self, change: Change) -> tuple[PairChange, ...]:
        """The tie changes of one kind: ``gained``, ``lost`` or ``changed``."""
        return tuple(t for t in self.ties if t.change == change)

    def rows(self) -> list[dict[str, Any]]:
        return [attrs.asdict(t, recurse=False) for t in self.ties]

    def measures(self) -> tuple[MeasureChange, ...]:
        """Every measure and count of :class:`TimelinePoint` in both waves."""
        old, new = self.before.row(), self.after.row()
        found = []
        for column in TimelinePoint.columns[1:]:
            a, b = old[column], new[column]
            found.append(MeasureChange(measure=column, before=a, after=b, change=b - a))
        return tuple(found)

    def measure_rows(self) -> list[dict[str, Any]]:
        """The measures as rows: measure, before, after, change."""
        return [attrs.asdict(m) for m in self.measures()]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data: the two days, the measures, the nodes and ties gained,
        lost and changed, and the findings' changes (each finding as in
        ``lape check --format json``)."""
        diff = self.findings
        data = {
            "before": {"title": self.before_title, "as_of": self.before.date},
            "after": {"title": self.after_title, "as_of": self.after.date},
            "measures": self.measure_rows(),
            "nodes": {"gained": self.nodes_gained, "lost": self.nodes_lost},
            "ties": {
                "counts": {c: len(self.of(c)) for c in ("gained", "lost", "changed")},
                "changes": self.rows(),
            },
            "findings": {
                "counts": {name: len(part) for name, part in _finding_parts(diff)},
                **{name: [f.to_dict() for f in part] for name, part in _finding_parts(diff)[:3]},
            },
        }
        return dict(_plain(data))

    def to_text(self, *, limit: int = 10, lang: Lang = "en") -> str:
        """The comparison as text for a terminal, in ``lang`` (Finnish, Swedish or
        English); each list cut at ``limit`` items with a count of the rest."""
        from lape.network._text import comparison_text

        return comparison_text(self, limit=limit, lang=lang)

    def __repr__(self) -> str:
        return (
            f"<SnapshotComparison {self.before.date}..{self.after.date}: "
            f"{count(len(self.of('gained')), 'pair')} gained, {len(self.of('lost'))} lost, "
            f"{len(self.of('changed'))} changed; findings {len(self.findings.fixed)} fixed, "
            f"{len(self.findings.new)} new>"
        )


def _finding_parts(diff: ReportDiff) -> tuple[tuple[str, tuple[Finding, ...]], ...]:
    return (
        ("fixed", diff.fixed),
        ("new", diff.new),
        ("changed", diff.changed),
        ("unchanged", diff.unchanged),
    )


def _ties(G: nx.Graph[str]) -> dict[tuple[str, str], frozenset[_Tie]]:
    return {
        (u, v) if u < v else (v, u): frozenset(data["ties"]) for u, v, data in G.edges(data=True)
    }


def _tie_changes(old: nx.Graph[str], new: nx.Graph[str]) -> tuple[PairChange, ...]:
    before, after = _ties(old), _ties(new)
    found: dict[Change, list[PairChange]] = {"gained": [], "lost": [], "changed": []}
    for pair in sorted(before.keys() | after.keys()):
        a, b = before.get(pair, frozenset()), after.get(pair, frozenset())
        if a == b:
            continue
        change: Change = "gained" if not a else "lost" if not b else "changed"
        u, v = pair
        names = new if b else old
        found[change].append(
            PairChange(
                u=u,
                v=v,
                u_name=names.nodes[u].get("name"),
                v_name=names.nodes[v].get("name"),
                change=change,
                before_weight=len(a),
                after_weight=len(b),
                gained=tuple(sorted(b - a)),
                lost=tuple(sorted(a - b)),
            )
        )
    return (*found["gained"], *found["lost"], *found["changed"])


def compare_snapshots(
    before: Snapshot,
    after: Snapshot,
    *,
    before_as_of: dt.date | None = None,
    after_as_of: dt.date | None = None,
    rules: RuleSet | Iterable[Rule] | None = None,
    parameters: Parameters | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    severity: Mapping[str, Severity | str] | None = None,
    geography: Geography | None = None,
) -> SnapshotComparison:
    """What changed from ``before`` to ``after``: two waves of one programme's files
    (or one file on two days: pass it twice with two days).

    Each wave is examined on its day: ``before_as_of`` (``after_as_of``), else the
    snapshot's own ``info.as_of``, else today, as :func:`lape.check` does. The
    result holds both waves' measures and counts (as a
    :class:`~lape.network.TimelinePoint`), the nodes and the ties gained, lost and
    changed (a tie is its ``(kind, source)``: a pair whose groups changed has
    changed ties), and the :class:`~lape.rules.ReportDiff` of the two checks.
    Time: two builds (with sources) and two checks; linear in the two graphs.

    >>> import datetime as dt, lape
    >>> s = lape.example()
    >>> c = compare_snapshots(
    ...     s, s, before_as_of=dt.date(2017, 10, 1), after_as_of=dt.date(2023, 6, 1)
    ... )
    >>> len(c.of("gained")), len(c.of("lost")), len(c.of("changed"))
    (26, 123, 24)
    >>> [f.rule for f in c.findings.new]
    ['LAPE-N07', 'LAPE-N05']
    """
    geo = _geography(geography)
    options = _check_options(rules, parameters, select, ignore, severity)
    today = dt.date.today()
    points = []
    for snapshot, day in ((before, before_as_of), (after, after_as_of)):
        on = day or snapshot.info.as_of or today
        points.append(_point(snapshot, on, geography=geo, sources=True, check_options=options))
    (old, old_report, G), (new, new_report, H) = points
    return SnapshotComparison(
        before_title=before.info.title,
        after_title=after.info.title,
        before=old,
        after=new,
        nodes_gained=tuple(sorted(set(H) - set(G))),
        nodes_lost=tuple(sorted(set(G) - set(H))),
        ties=_tie_changes(G, H),
        findings=old_report.diff(new_report),
    )
