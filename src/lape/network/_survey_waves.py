"""Two waves of a survey: ties gained and lost, ratings and scores that changed, measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from lape._html import HEAD_ROWS, HTMLRepr, cell, row, table
from lape._pandas import data_frame
from lape._words import count
from lape.model import RATINGS
from lape.network._survey import SurveyMeasures, survey_measures, survey_scores, surveyed_ties

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]

__all__ = [
    "MeasureChange",
    "RatingChange",
    "ScoreChange",
    "SurveyChanges",
    "TieChange",
    "survey_changes",
]

Table = Literal["ties", "ratings", "scores", "measures"]
"""The tables of :class:`SurveyChanges`."""


@attrs.frozen(kw_only=True)
class TieChange:
    """A tie one wave has and the other has not, where the other could have seen it."""

    u: str
    v: str
    u_name: str | None
    v_name: str | None
    change: Literal["gained", "lost"]
    reports: int
    """How many of the two reported the tie in the wave that has it (1 or 2)."""


@attrs.frozen(kw_only=True)
class RatingChange:
    """One respondent's rating of one partner, changed between the waves."""

    respondent: str
    partner: str
    rating: str
    """Which of the six ratings (``power``... ``openness``)."""
    before: int
    after: int


@attrs.frozen(kw_only=True)
class ScoreChange:
    """A member's value or trust score (as others rate it), changed between the waves."""

    node: str
    name: str | None
    score: Literal["value", "trust"]
    before: float
    after: float
    change: float


@attrs.frozen(kw_only=True)
class MeasureChange:
    """One network measure (:class:`~lape.network.SurveyMeasures`) in both waves."""

    measure: str
    before: float | int | None
    after: float | int | None
    change: float | int | None
    """``after - before`` (exact on the rounded values); ``None`` when either is."""


_COLUMNS: dict[str, tuple[str, ...]] = {
    "ties": tuple(f.name for f in attrs.fields(TieChange)),
    "ratings": tuple(f.name for f in attrs.fields(RatingChange)),
    "scores": tuple(f.name for f in attrs.fields(ScoreChange)),
    "measures": tuple(f.name for f in attrs.fields(MeasureChange)),
}


@attrs.frozen(kw_only=True, repr=False)
class SurveyChanges(HTMLRepr):
    """What changed from one wave of a survey to the next (see :func:`survey_changes`)."""

    before: str | None
    """The earlier survey's ID."""
    after: str | None
    before_date: dt.date | None
    after_date: dt.date | None
    gained: tuple[TieChange, ...]
    lost: tuple[TieChange, ...]
    unobserved: int
    """Ties of one wave whose pair the other wave could not see (neither answered)."""
    ratings: tuple[RatingChange, ...]
    scores: tuple[ScoreChange, ...]
    measures: tuple[MeasureChange, ...]

    tables: ClassVar[tuple[str, ...]] = tuple(_COLUMNS)
    """The names of the tables :meth:`rows` gives."""

    def __repr__(self) -> str:
        return (
            f"<SurveyChanges {self.before} -> {self.after}: {len(self.gained)} gained, "
            f"{len(self.lost)} lost, {count(len(self.ratings), 'rating')} changed>"
        )

    def _html(self) -> str:
        facts = [
            ("waves", f"{self.before} ({self.before_date}) -> {self.after} ({self.after_date})"),
            ("ties gained", len(self.gained)),
            ("ties lost", len(self.lost)),
            ("ties not observed in both", self.unobserved),
            ("ratings changed", len(self.ratings)),
            ("scores changed", len(self.scores)),
        ]
        rows = [row([cell(k), cell(v)]) for k, v in facts]
        rows += [
            row([cell(m.measure), cell(f"{m.before} -> {m.after}")])
            for m in self.measures[:HEAD_ROWS]
        ]
        foot = "rows(table) or to_pandas(table) give each table: " + ", ".join(self.tables)
        return table("SurveyChanges", rows, foot=foot, css_class="lape-survey-changes")

    def measure(self, name: str) -> MeasureChange:
        """The change of the measure ``name`` (e.g. ``"density"``)."""
        for m in self.measures:
            if m.measure == name:
                return m
        msg = f"no measure {name!r}; the measures: {', '.join(SurveyMeasures.numbers)}"
        raise KeyError(msg)

    def rows(self, table: Table = "ties") -> list[dict[str, Any]]:
        """One table as plain dicts: ``ties`` (gained, then lost), ``ratings``,
        ``scores`` or ``measures``."""
        if table not in _COLUMNS:
            msg = f"no table {table!r}; the tables: {', '.join(_COLUMNS)}"
            raise ValueError(msg)
        items: tuple[Any, ...] = (
            self.gained + self.lost if table == "ties" else getattr(self, table)
        )
        return [attrs.asdict(item) for item in items]

    def to_pandas(self, table: Table = "ties") -> pd.DataFrame:
        """The table :meth:`rows` gives, as a DataFrame (needs ``pip install 'lape[pandas]'``)."""
        return data_frame(self.rows(table), _COLUMNS[table], what="SurveyChanges.to_pandas()")


def _difference(before: float | int | None, after: float | int | None) -> float | int | None:
    if before is None or after is None:
        return None
    if isinstance(before, int) and isinstance(after, int):
        return after - before
    return float(Decimal(str(after)) - Decimal(str(before)))


def survey_changes(before: nx.DiGraph[Any], after: nx.DiGraph[Any]) -> SurveyChanges:
    """What changed between two waves of a survey, ``before`` and ``after`` (survey
    graphs, :func:`~lape.network.survey_graph`).

    - **Ties** (either side's report, :func:`~lape.network.surveyed_ties`):
      *gained* when ``after`` has a tie ``before`` has not, though ``before``
      could have seen it (one of the two answered then); *lost* the other way
      round. A tie whose pair the other wave could not see is not called gained
      or lost: :attr:`SurveyChanges.unobserved` counts them.
    - **Ratings**: each of the six ratings one respondent gave one partner in
      both waves, when it changed.
    - **Scores**: each member's value and trust (:func:`~lape.network.survey_scores`)
      when it changed; the change is exact on the rounded scores.
    - **Measures**: every measure of :func:`~lape.network.survey_measures`, in
      both waves and the change.

    >>> import networkx as nx
    >>> one = nx.DiGraph([("a", "b"), ("a", "c")], survey="w1")
    >>> two = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")], survey="w2")
    >>> for S in (one, two):
    ...     S.add_nodes_from(["a", "b"], responded=True)
    ...     S.add_nodes_from(["c"], responded=False)
    >>> c = survey_changes(one, two)
    >>> [(t.u, t.v) for t in c.gained], [(t.u, t.v) for t in c.lost], c.unobserved
    ([('b', 'c')], [('a', 'c')], 0)
    >>> c.measure("directed_density")
    MeasureChange(measure='directed_density', before=0.5, after=0.75, change=0.25)
    """
    ties = [surveyed_ties(before), surveyed_ties(after)]
    answered = [
        {n for n, r in before.nodes(data="responded") if r},
        {n for n, r in after.nodes(data="responded") if r},
    ]

    def name(node: Hashable) -> str | None:
        for wave in (after, before):
            if node in wave and wave.nodes[node].get("name") is not None:
                return str(wave.nodes[node]["name"])
        return None

    def seen(wave: int, u: Hashable, v: Hashable) -> bool:
        return u in answered[wave] or v in answered[wave]

    gained: list[TieChange] = []
    lost: list[TieChange] = []
    unobserved = 0
    for wave, other, found, change in ((1, 0, gained, "gained"), (0, 1, lost, "lost")):
        for u, v, data in ties[wave].edges(data=True):
            if ties[other].has_edge(u, v):
                continue
            if not seen(other, u, v):
                unobserved += 1
                continue
            found.append(
                TieChange(
                    u=str(u),
                    v=str(v),
                    u_name=name(u),
                    v_name=name(v),
                    change="gained" if change == "gained" else "lost",
                    reports=data["reports"],
                )
            )
    ratings = [
        RatingChange(respondent=str(u), partner=str(v), rating=key, before=old[key], after=new[key])
        for u, v, new in after.edges(data=True)
        if before.has_edge(u, v)
        for old in (before.edges[u, v],)
        for key in RATINGS
        if old.get(key) is not None and new.get(key) is not None and old[key] != new[key]
    ]
    then, now = survey_scores(before).actors, survey_scores(after).actors
    scores = []
    for node, mine in now.items():
        earlier = then.get(node)
        if earlier is None:
            continue
        for score in ("value", "trust"):
            old_score, new_score = getattr(earlier, score), getattr(mine, score)
            if old_score is not None and new_score is not None and old_score != new_score:
                scores.append(
                    ScoreChange(
                        node=node,
                        name=mine.name if mine.name is not None else earlier.name,
                        score="value" if score == "value" else "trust",
                        before=old_score,
                        after=new_score,
                        change=float(Decimal(str(new_score)) - Decimal(str(old_score))),
                    )
                )
    m1, m2 = survey_measures(before), survey_measures(after)
    measures = tuple(
        MeasureChange(
            measure=key,
            before=getattr(m1, key),
            after=getattr(m2, key),
            change=_difference(getattr(m1, key), getattr(m2, key)),
        )
        for key in SurveyMeasures.numbers
    )
    return SurveyChanges(
        before=before.graph.get("survey"),
        after=after.graph.get("survey"),
        before_date=before.graph.get("date"),
        after_date=after.graph.get("date"),
        gained=tuple(gained),
        lost=tuple(lost),
        unobserved=unobserved,
        ratings=tuple(ratings),
        scores=tuple(scores),
        measures=measures,
    )
