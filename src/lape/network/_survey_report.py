"""A survey's measures, its members' scores, its gaps against the formal ties and its
changes since another wave, at once (what ``lape survey`` prints)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs

from lape._html import HTMLRepr, counted
from lape.model import Geography, Snapshot, Survey
from lape.network._build import collaboration_graph
from lape.network._survey import (
    SurveyMeasures,
    SurveyScores,
    survey_graph,
    survey_measures,
    survey_scores,
)
from lape.network._survey_gaps import GapCount, TieGap, TieGaps, tie_gaps
from lape.network._survey_waves import SurveyChanges, survey_changes

__all__ = ["SurveyReport", "survey_report"]

DEFAULT_MOST = 10
"""How many items of each list :meth:`SurveyReport.to_text` shows before saying how
many more there are."""


@attrs.frozen(kw_only=True, repr=False)
class SurveyReport(HTMLRepr):
    """Everything about one survey wave, as :func:`survey_report` gathers it."""

    title: str
    """The snapshot's title."""
    survey: str
    date: dt.date
    name: str
    measures: SurveyMeasures
    scores: SurveyScores
    gaps: TieGaps
    changes: SurveyChanges | None
    """The changes since the other wave, when one was given."""
    unknown_members: tuple[str, ...]
    """Survey members that are not actors of the snapshot (LAPE-S01 reports them)."""

    def __repr__(self) -> str:
        since = f", changes since {self.changes.before}" if self.changes else ""
        return (
            f"<SurveyReport {self.survey!r} {self.date.isoformat()}: "
            f"{counted(self.measures.respondents, 'respondent')}, "
            f"{counted(len(self.gaps.pairs), 'pair')} compared{since}>"
        )

    def _html(self) -> str:
        parts = [self.measures._repr_html_() or "", self.scores._repr_html_() or ""]
        parts.append(self.gaps._repr_html_() or "")
        if self.changes is not None:
            parts.append(self.changes._repr_html_() or "")
        return "\n".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: dates as ISO text, tables as lists of rows."""
        gaps = self.gaps
        data: dict[str, Any] = {
            "title": self.title,
            "survey": self.survey,
            "date": self.date,
            "name": self.name,
            "measures": self.measures.as_dict(),
            "scores": self.scores.rows(),
            "unknown_members": list(self.unknown_members),
            "formal": {
                "as_of": gaps.as_of,
                "totals": gaps.totals.as_dict(),
                "formal_only": [p.as_dict() for p in gaps.formal_only()],
                "surveyed_only": [p.as_dict() for p in gaps.surveyed_only()],
                "by_county": [
                    {"county": county, **count.as_dict()}
                    for county, count in gaps.by_county.items()
                ],
                "by_sectors": [
                    {"sectors": list(pair), **count.as_dict()}
                    for pair, count in gaps.by_sectors.items()
                ],
            },
            "changes": None,
        }
        if self.changes is not None:
            c = self.changes
            data["changes"] = {
                "before": c.before,
                "after": c.after,
                "before_date": c.before_date,
                "after_date": c.after_date,
                "unobserved": c.unobserved,
                **{table: c.rows(table) for table in ("ties", "ratings", "scores", "measures")},
            }
        plain: dict[str, Any] = _plain(data)
        return plain

    def to_text(self, *, most: int = DEFAULT_MOST) -> str:
        """The report as text; each list shows at most ``most`` items, then how many more."""
        m, gaps = self.measures, self.gaps
        name = f" ({self.name})" if self.name else ""
        lines = [
            f"Collaboration survey {self.survey}, {self.date.isoformat()}{name}",
            f"  {m.members} members, {m.respondents} answered "
            f"(response rate {_percent(m.response_rate)})",
            f"  {_n(m.ties, 'tie')} ({_n(m.reported, 'report')}, {m.reciprocated} reciprocated)",
            f"  density {m.density} (directed {m.directed_density}, "
            f"reciprocated {m.reciprocated_density}), reciprocity {_text(m.reciprocity)}",
            f"  degree centralisation {m.centralization}",
            f"  value {_score(m.value, m.value_pct)}, trust {_score(m.trust, m.trust_pct)}",
        ]
        if self.unknown_members:
            lines.append(
                "  not actors of the snapshot (LAPE-S01): " + _listed(self.unknown_members, most)
            )
        lines.append("")
        lines.append("Members, by relative connectivity:")
        lines.append(
            f"  {'member':<28} {'ties':>4} {'value':>5} {'trust':>5} "
            f"{'non-redundant':>13} {'connectivity':>12}"
        )
        ranked = self.scores.top("connectivity", len(self.scores.actors))
        for actor in ranked[:most]:
            lines.append(
                f"  {_short(actor.node, 28):<28} {actor.degree:>4} {_text(actor.value):>5} "
                f"{_text(actor.trust):>5} {_text(actor.non_redundant):>13} "
                f"{actor.connectivity:>12}"
            )
        if len(ranked) > most:
            lines.append(f"  ... and {len(ranked) - most} more")
        lines.append("")
        day = "every period" if gaps.as_of is None else gaps.as_of.isoformat()
        t = gaps.totals
        lines.append(f"Formal ties against surveyed ({day}):")
        lines.append(
            f"  {t.formal} formal, {t.surveyed} surveyed, {t.both} both; "
            f"{t.unobserved} formal ties between members who did not answer"
        )
        lines.append(f"  formal, nobody reports working on it: {t.formal_only}")
        lines.extend(_pairs(gaps.formal_only(), most, formal=True))
        lines.append(f"  working ties with no formal tie: {t.surveyed_only}")
        lines.extend(_pairs(gaps.surveyed_only(), most, formal=False))
        lines.append("  by county (formal / surveyed / both / formal only / surveyed only):")
        counties = [(c or "none", n) for c, n in gaps.by_county.items()]
        lines.extend(_counts(counties, most))
        lines.append("  by sector pair:")
        sectors = [(f"{a} + {b}", n) for (a, b), n in gaps.by_sectors.items()]
        lines.extend(_counts(sectors, most))
        if self.changes is not None:
            lines.append("")
            lines.extend(_changes(self.changes, most))
        return "\n".join(lines) + "\n"


def survey_report(
    snapshot: Snapshot,
    survey: Survey,
    *,
    compare: Survey | None = None,
    geography: Geography | None = None,
) -> SurveyReport:
    """The measures of ``survey`` (:func:`~lape.network.survey_measures`), its
    members' scores (:func:`~lape.network.survey_scores`), its ties against the
    formal ties of ``snapshot`` on the survey's date
    (:func:`~lape.network.tie_gaps`) and, given another wave ``compare``, the
    changes from the earlier of the two to the later
    (:func:`~lape.network.survey_changes`).

    >>> import lape
    >>> first, second = lape.io.example_surveys()
    >>> report = survey_report(lape.example(), second, compare=first)
    >>> report.measures.density, report.gaps.totals.surveyed_only, len(report.changes.gained)
    (0.3778, 2, 3)
    """
    S = survey_graph(survey, snapshot)  # noqa: N806 - a graph, as in networkx
    G = collaboration_graph(  # noqa: N806
        snapshot, as_of=survey.date, change_agents=False, geography=geography
    )
    changes = None
    if compare is not None:
        other = survey_graph(compare, snapshot)
        later_first = compare.date > survey.date
        changes = survey_changes(S, other) if later_first else survey_changes(other, S)
    index = snapshot.index
    return SurveyReport(
        title=snapshot.info.title,
        survey=survey.id,
        date=survey.date,
        name=survey.name,
        measures=survey_measures(S),
        scores=survey_scores(S),
        gaps=tie_gaps(G, S),
        changes=changes,
        unknown_members=tuple(n for n in survey.roster() if index.actor(n) is None),
    )


# -- text ------------------------------------------------------------------------------


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %"


def _text(value: float | None) -> str:
    return "-" if value is None else str(value)


def _score(score: float | None, pct: float | None) -> str:
    return "-" if score is None else f"{score} / 4 ({pct} %)"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _listed(items: Sequence[str], most: int) -> str:
    shown = ", ".join(items[:most])
    return shown if len(items) <= most else f"{shown} and {len(items) - most} more"


def _pairs(pairs: Sequence[TieGap], most: int, *, formal: bool) -> list[str]:
    lines = []
    for p in pairs[:most]:
        how = ", ".join(p.formal) if formal else "reported by " + ", ".join(p.reported_by)
        lines.append(f"    {p.u} - {p.v} ({how})")
    if len(pairs) > most:
        lines.append(f"    ... and {len(pairs) - most} more")
    return lines


def _counts(counts: Sequence[tuple[str, GapCount]], most: int) -> list[str]:
    lines = [
        f"    {key:<36} {n.formal:>3} / {n.surveyed:>3} / {n.both:>3} / "
        f"{n.formal_only:>3} / {n.surveyed_only:>3}"
        for key, n in counts[:most]
    ]
    if len(counts) > most:
        lines.append(f"    ... and {len(counts) - most} more")
    return lines


def _changes(c: SurveyChanges, most: int) -> list[str]:
    before = f"{c.before} ({_day(c.before_date)})"
    after = f"{c.after} ({_day(c.after_date)})"
    lines = [f"Changes from {before} to {after}:"]
    lines.append(
        f"  ties gained {len(c.gained)}, lost {len(c.lost)}"
        + (f" ({c.unobserved} not comparable: neither member answered)" if c.unobserved else "")
    )
    for t in (c.gained + c.lost)[:most]:
        lines.append(f"    {'+' if t.change == 'gained' else '-'} {t.u} - {t.v}")
    if len(c.gained) + len(c.lost) > most:
        lines.append(f"    ... and {len(c.gained) + len(c.lost) - most} more")
    lines.append(f"  ratings changed: {len(c.ratings)}")
    lines.append(f"  value and trust scores changed: {len(c.scores)}")
    for s in c.scores[:most]:
        lines.append(f"    {s.node} {s.score} {s.before} -> {s.after} ({s.change:+})")
    if len(c.scores) > most:
        lines.append(f"    ... and {len(c.scores) - most} more")
    lines.append("  measures:")
    for m in c.measures:
        change = "" if m.change is None else f" ({m.change:+})"
        lines.append(f"    {m.measure:<21} {_text(m.before)} -> {_text(m.after)}{change}")
    return lines


def _day(day: dt.date | None) -> str:
    return "no date" if day is None else day.isoformat()


def _plain(value: Any) -> Any:
    """JSON-ready: dates as ISO text, tuples as lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
