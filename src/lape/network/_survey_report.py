"""A survey's measures, its members' scores, its gaps against the formal ties and its
changes since another wave, at once (what ``lape survey`` prints)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from lape._html import HTMLRepr
from lape._words import count
from lape.model import Geography, Snapshot, Survey
from lape.network._build import collaboration_graph
from lape.network._survey import (
    SurveyMeasures,
    SurveyScores,
    survey_graph,
    survey_measures,
    survey_scores,
)
from lape.network._survey_gaps import TieGaps, tie_gaps
from lape.network._survey_waves import SurveyChanges, survey_changes
from lape.rules import Lang

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
            f"{count(self.measures.respondents, 'respondent')}, "
            f"{count(len(self.gaps.pairs), 'pair')} compared{since}>"
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

    def to_text(self, *, most: int = DEFAULT_MOST, lang: Lang = "en") -> str:
        """The report as text in ``lang`` (Finnish, Swedish or English); each list shows
        at most ``most`` items, then how many more."""
        from lape.network._survey_text import survey_text

        return survey_text(self, most=most, lang=lang)


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


def _plain(value: Any) -> Any:
    """JSON-ready: dates as ISO text, tuples as lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
