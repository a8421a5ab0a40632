# ruff: noqa: N803, N806 - ``S`` for a survey graph, ``U`` for its undirected ties
"""Measures of a collaboration survey (:class:`~lape.model.Survey`): PARTNER's network
scores, each with its formula and its rounding.

:func:`survey_graph` turns a survey into a directed graph (an arc ``u -> v``
when respondent ``u`` says it works with ``v``); the measures take that graph
first, in networkx's style. Every value is computed exactly (ratings are whole
numbers, so every mean and share is a fraction) and rounded once, *half up*:
shares to 4 decimals, scores on the 1-4 scale to 2, percentages to 1.
``docs/survey-formulas.md`` lists every formula.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from fractions import Fraction
from typing import Any, ClassVar, Final, cast

import attrs
import networkx as nx

from lape._html import TableRepr
from lape._pandas import Table as _Table
from lape.model import RATINGS, TRUST_RATINGS, VALUE_RATINGS, Snapshot, Survey

__all__ = [
    "SurveyActor",
    "SurveyMeasures",
    "SurveyScores",
    "survey_graph",
    "survey_measures",
    "survey_scores",
    "surveyed_ties",
]

SHARE_PLACES: Final = 4
"""Decimals of a share (response rate, densities, reciprocity, centralisation)."""
SCORE_PLACES: Final = 2
"""Decimals of a score on the 1-4 scale, and of non-redundant ties."""
PERCENT_PLACES: Final = 1
"""Decimals of a percentage."""


def rounded(value: Fraction | int, places: int) -> float:
    """``value`` rounded half up (away from zero on a tie) to ``places`` decimals,
    from its exact value, as the nearest float.

    >>> rounded(Fraction(1, 8), 2), rounded(Fraction(2675, 1000), 2), rounded(Fraction(-1, 8), 2)
    (0.13, 2.68, -0.13)
    """
    return _ratio(value.numerator, value.denominator, places)


def _ratio(p: int, q: int, places: int) -> float:
    """*p / q* (``q > 0``) rounded half up to ``places`` decimals, in whole numbers only:
    *floor(|p| 10^places / q + 1/2)*, with the sign of *p*."""
    scale: int = 10**places
    whole = (2 * abs(p) * scale + q) // (2 * q)
    return (-whole if p < 0 else whole) / scale


def _score(total: int, count: int) -> float | None:
    """The mean of ``count`` ratings summing to ``total``, to 2 decimals."""
    return _ratio(total, count, SCORE_PLACES) if count else None


def _percent(total: int, count: int) -> float | None:
    """That mean as a percentage of the maximum, 4: *total / count x 25*, to 1 decimal."""
    return _ratio(total * 25, count, PERCENT_PLACES) if count else None


def _share(p: int, q: int) -> float:
    """The share *p / q* to 4 decimals; 0 when ``q`` is 0."""
    return _ratio(p, q, SHARE_PLACES) if q else 0.0


_TIE_SCALE: Final = 4 * math.lcm(*range(1, 2 * len(RATINGS) + 1))
"""A denominator for every tie's quality *q = sum / (4 count)*: a tie carries at most
twelve ratings (six each way), so *q* times this is a whole number."""


# -- the graph -------------------------------------------------------------------------


def survey_graph(survey: Survey, snapshot: Snapshot | None = None) -> nx.DiGraph[str]:
    """The survey as a directed graph: who says it works with whom.

    **Nodes** are the survey's members (:meth:`~lape.model.Survey.roster`), with
    ``responded`` (whether the member answered) and ``contributions`` (a sorted
    tuple of the contributions it named; ``None`` when it did not answer);
    given the ``snapshot``, also the actor's ``name``, ``kind`` and ``sectors``
    (a sorted tuple, ``None`` when not given) when the snapshot has it.

    **Arcs** ``u -> v`` stand for every answer of ``u`` that says it works with
    ``v``, with the answer's ``frequency`` and ``level`` (their values, or
    ``None``) and the six ratings (``power``, ``involvement``, ``resources``,
    ``reliability``, ``mission``, ``openness``: 1-4, or ``None`` when not
    given). The graph attributes ``survey``, ``date`` and ``name`` say which
    survey it is.

    >>> import lape
    >>> S = survey_graph(lape.io.example_surveys()[0], lape.example())
    >>> S.number_of_nodes(), S.number_of_edges(), S.nodes["ps-liitto"]["responded"]
    (10, 27, False)
    >>> S.edges["kuopio-sote", "ps-shp"]["level"], S.edges["kuopio-sote", "ps-shp"]["power"]
    ('integrated', 4)
    """
    S: nx.DiGraph[str] = nx.DiGraph(survey=survey.id, date=survey.date, name=survey.name)
    index = None if snapshot is None else snapshot.index
    for node in survey.roster():
        S.add_node(node, responded=False, contributions=None)
        actor = None if index is None else index.actor(node)
        if actor is not None:
            sectors = actor.sectors
            S.nodes[node].update(
                name=actor.name,
                kind=actor.kind.value,
                sectors=None if sectors is None else tuple(sorted(s.value for s in sectors)),
            )
    for respondent in survey.respondents:
        data = S.nodes[respondent.actor]
        data["responded"] = True
        data["contributions"] = tuple(sorted(c.value for c in respondent.contributions))
    for u, v, answer in survey.reported():
        S.add_edge(
            u,
            v,
            frequency=None if answer.frequency is None else answer.frequency.value,
            level=None if answer.level is None else answer.level.value,
            **{name: getattr(answer, name) for name in RATINGS},
        )
    return S


def surveyed_ties(S: nx.DiGraph[Any]) -> nx.Graph[Any]:
    """The surveyed ties as an undirected graph: ``u`` and ``v`` are tied when either
    says it works with the other. Edge attribute ``reports``: 1 when one of them
    says so, 2 when both do.

    >>> S = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    >>> sorted(surveyed_ties(S).edges(data="reports"))
    [('a', 'b', 2), ('a', 'c', 1)]
    """
    U: nx.Graph[Any] = nx.Graph()
    U.add_nodes_from(S)
    for u, v in S.edges():
        if U.has_edge(u, v):
            U.edges[u, v]["reports"] = 2
        else:
            U.add_edge(u, v, reports=1)
    return U


def _respondents(S: nx.DiGraph[Any]) -> list[Hashable]:
    return [n for n, responded in S.nodes(data="responded") if responded]


# -- network measures ------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class SurveyMeasures(_Table, TableRepr):
    """The network scores of one survey (see :func:`survey_measures` for the formulas)."""

    survey: str | None
    date: dt.date | None
    members: int
    """*n*: the survey's members (nodes)."""
    respondents: int
    """*r*: the members who answered."""
    response_rate: float
    """*r / n* (0 without members); 4 decimals."""
    ties: int
    """*E*: pairs of members tied, by either one's report."""
    reported: int
    """*A*: answers that say "works with" (arcs)."""
    reciprocated: int
    """*M*: pairs where each says it works with the other."""
    density: float
    """*E / (n(n-1)/2)*: the share of all pairs that are tied; 4 decimals."""
    directed_density: float
    """*A / (r(n-1))*: the share of the answers respondents could give that say
    "works with"; 4 decimals."""
    reciprocated_density: float
    """*M / (r(r-1)/2)*: the share of pairs of respondents where both report the tie;
    4 decimals."""
    reciprocity: float | None
    """*2M / A_r*, with *A_r* the arcs between two respondents: the share of those
    reports that the partner returns (``None`` when there are none); 4 decimals."""
    centralization: float
    """Freeman's degree centralisation of the ties: *sum(max_deg - deg) / ((n-1)(n-2))*
    (0 for fewer than three members); 4 decimals."""
    value: float | None
    """The mean of every value rating given (power, involvement, resources), 1-4;
    2 decimals (``None`` without ratings)."""
    value_pct: float | None
    """:attr:`value` as a percentage of the maximum: *value / 4 x 100*, from the exact
    mean; 1 decimal."""
    trust: float | None
    """The mean of every trust rating given (reliability, mission, openness); 2 decimals."""
    trust_pct: float | None
    """:attr:`trust` as a percentage of the maximum; 1 decimal."""
    levels: Mapping[str, int]
    """How many reported ties are at each level (``cooperative``, ``coordinated``,
    ``integrated``; ``None``: not given)."""
    frequencies: Mapping[str, int]
    """How many reported ties are at each frequency (``None``: not given)."""
    contributions: Mapping[str, int]
    """How many respondents named each contribution."""

    columns: ClassVar[tuple[str, ...]] = (
        "survey",
        "date",
        "members",
        "respondents",
        "response_rate",
        "ties",
        "reported",
        "reciprocated",
        "density",
        "directed_density",
        "reciprocated_density",
        "reciprocity",
        "centralization",
        "value",
        "value_pct",
        "trust",
        "trust_pct",
    )
    numbers: ClassVar[tuple[str, ...]] = columns[2:]
    """The numeric measures (what two waves compare)."""

    def rows(self) -> list[dict[str, Any]]:
        return [{c: getattr(self, c) for c in self.columns}]

    def as_dict(self) -> dict[str, Any]:
        """Every measure, with the counts of levels, frequencies and contributions."""
        return {
            **self.rows()[0],
            "levels": dict(self.levels),
            "frequencies": dict(self.frequencies),
            "contributions": dict(self.contributions),
        }


def survey_measures(S: nx.DiGraph[Any]) -> SurveyMeasures:
    """The network scores of survey graph ``S`` (:func:`survey_graph`).

    With *n* members, *r* respondents, *A* arcs (answers saying "works with"),
    *E* ties (pairs where either reports the other, :func:`surveyed_ties`), *M*
    reciprocated pairs and *A_r* arcs between two respondents:

    - response rate *r / n*;
    - density *E / (n(n-1)/2)*; directed density *A / (r(n-1))*; reciprocated
      density *M / (r(r-1)/2)*; reciprocity *2M / A_r*;
    - degree centralisation (Freeman) of the ties, *sum over members of
      (max_deg - deg), divided by (n-1)(n-2)*: 1 for a star, 0 when all have
      the same number of ties;
    - value: the mean of every value rating in the survey (each rating counts
      once); trust likewise; each also as a percentage of the maximum 4.

    A share whose denominator is 0 is 0 (reciprocity: ``None``). Shares are
    rounded half up to 4 decimals, scores to 2, percentages to 1, each from
    the exact value.

    >>> S = nx.DiGraph()
    >>> S.add_nodes_from(["a", "b", "c"], responded=True)
    >>> S.add_node("d", responded=False)
    >>> S.add_edge("a", "b", power=4, reliability=3)
    >>> S.add_edge("b", "a", power=2)
    >>> S.add_edge("c", "d")
    >>> m = survey_measures(S)
    >>> m.response_rate, m.ties, m.density, m.directed_density, m.reciprocity
    (0.75, 2, 0.3333, 0.3333, 1.0)
    >>> m.value, m.value_pct, m.trust, m.trust_pct
    (3.0, 75.0, 3.0, 75.0)
    """
    n = S.number_of_nodes()
    responded = _respondents(S)
    r = len(responded)
    arcs = S.number_of_edges()
    U = surveyed_ties(S)
    ties = U.number_of_edges()
    mutual = sum(1 for _, _, data in U.edges(data=True) if data["reports"] == 2)
    answered = set(responded)
    between = sum(1 for u, v in S.edges() if u in answered and v in answered)
    degrees = [d for _, d in U.degree()]
    top = max(degrees, default=0)
    spread = sum(top - d for d in degrees)
    value = _given(S, VALUE_RATINGS)
    trust = _given(S, TRUST_RATINGS)
    contributions: Counter[str] = Counter()
    for node in responded:
        contributions.update(S.nodes[node].get("contributions") or ())
    return SurveyMeasures(
        survey=S.graph.get("survey"),
        date=S.graph.get("date"),
        members=n,
        respondents=r,
        response_rate=_share(r, n),
        ties=ties,
        reported=arcs,
        reciprocated=mutual,
        density=_share(ties * 2, n * (n - 1)),
        directed_density=_share(arcs, r * (n - 1)),
        reciprocated_density=_share(mutual * 2, r * (r - 1)),
        reciprocity=_share(mutual * 2, between) if between else None,
        centralization=_share(spread, (n - 1) * (n - 2)) if n > 2 else 0.0,
        value=_score(*value),
        value_pct=_percent(*value),
        trust=_score(*trust),
        trust_pct=_percent(*trust),
        levels=_counts(d.get("level") for _, _, d in S.edges(data=True)),
        frequencies=_counts(d.get("frequency") for _, _, d in S.edges(data=True)),
        contributions=dict(sorted(contributions.items())),
    )


def _given(S: nx.DiGraph[Any], names: Iterable[str]) -> tuple[int, int]:
    """The sum and the number of the ratings of ``names`` given on the arcs of ``S``."""
    keys = tuple(names)
    total = count = 0
    for _, _, data in S.edges(data=True):
        for key in keys:
            rating = data.get(key)
            if rating is not None:
                total += rating
                count += 1
    return total, count


def _counts(values: Iterable[str | None]) -> dict[str, int]:
    found = Counter("None" if v is None else v for v in values)
    return dict(sorted(found.items()))


# -- per member ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SurveyActor:
    """One member's scores (see :func:`survey_scores` for the formulas)."""

    node: str
    name: str | None
    responded: bool
    degree: int
    """Ties, by either side's report."""
    in_degree: int
    """Respondents who say they work with it."""
    out_degree: int
    """Members it says it works with."""
    raters: int
    """Respondents who rated it (at least one rating)."""
    power: float | None
    involvement: float | None
    resources: float | None
    reliability: float | None
    mission: float | None
    openness: float | None
    value: float | None
    """The mean of the value ratings others gave it, 1-4; 2 decimals."""
    value_pct: float | None
    trust: float | None
    """The mean of the trust ratings others gave it, 1-4; 2 decimals."""
    trust_pct: float | None
    non_redundant: float | None
    """Its non-redundant ties: Burt's effective size of its ties (``None``
    without ties); 2 decimals."""
    connectivity: float
    """Relative connectivity, 0-100; 1 decimal."""
    contributions: tuple[str, ...] | None

    def as_dict(self) -> dict[str, Any]:
        """The scores as a plain dict, keys as the fields."""
        return attrs.asdict(self, recurse=False)


@attrs.frozen(kw_only=True, repr=False)
class SurveyScores(_Table, TableRepr):
    """Each member's scores, keyed by node, in the survey's roster order."""

    survey: str | None
    date: dt.date | None
    actors: Mapping[str, SurveyActor]

    columns: ClassVar[tuple[str, ...]] = tuple(f.name for f in attrs.fields(SurveyActor))

    def rows(self) -> list[dict[str, Any]]:
        return [a.as_dict() for a in self.actors.values()]

    def top(self, by: str = "connectivity", n: int = 10) -> tuple[SurveyActor, ...]:
        """The ``n`` members with the highest ``by`` (a numeric column; members
        without a value last), ties in roster order."""
        if by not in self.columns or by in ("node", "name", "responded", "contributions"):
            msg = f"by must name a numeric column of SurveyActor, not {by!r}"
            raise ValueError(msg)
        ranked = sorted(
            self.actors.values(),
            key=lambda a: (getattr(a, by) is None, -(getattr(a, by) or 0)),
        )
        return tuple(ranked[:n])


def survey_scores(S: nx.DiGraph[Any]) -> SurveyScores:
    """Each member's scores in survey graph ``S`` (:func:`survey_graph`).

    - **Ratings** of member *v* are those on the arcs *u -> v*: what the
      respondents who work with *v* say of it. Each of the six is their mean;
      *value* is the mean of every value rating *v* received (power,
      involvement, resources: each rating counts once), *trust* likewise; both
      also as a percentage of the maximum, *score / 4 x 100*.
    - **Non-redundant ties** are Burt's *effective size* of *v*'s ties
      (:func:`networkx.effective_size`, Borgatti's form for an undirected
      graph): *deg(v) - 2 t(v) / deg(v)*, with *t(v)* the ties among *v*'s
      partners (:func:`networkx.triangles`). A member whose partners are not
      tied to each other has as many non-redundant ties as ties.
    - **Relative connectivity** (lape's own definition, after PARTNER's
      description: "based on measures of value, trust, and number of
      connections ... in relation to the member with the highest level of
      benefit (100 %)", McCullough et al., BMC Public Health 2016,
      doi:10.1186/s12889-016-3194-7, whose exact formula is not published):
      *C(v) = sum over v's ties {u, v} of q(u, v)*, where *q* is the mean of
      every rating given on the tie, by either side, divided by 4 (a tie
      without a rating counts 1/4, the scale's minimum); then *100 x C(v) /
      max C*. 0 for everyone when no one has a tie.

    Ties are those of :func:`surveyed_ties` (either side's report). Scores on
    the 1-4 scale and non-redundant ties are rounded half up to 2 decimals,
    percentages to 1, each from the exact value.

    >>> S = nx.DiGraph()
    >>> S.add_nodes_from(["a", "b", "c"], responded=True)
    >>> S.add_edge("a", "b", power=4, involvement=3, reliability=2)
    >>> S.add_edge("c", "b", power=3)
    >>> S.add_edge("a", "c")
    >>> b = survey_scores(S).actors["b"]
    >>> b.raters, b.power, b.value, b.value_pct, b.trust, b.non_redundant, b.connectivity
    (2, 3.5, 3.33, 83.3, 2.0, 1.0, 100.0)
    """
    U = surveyed_ties(S)
    triangles = cast("dict[Hashable, int]", nx.triangles(U))
    # sums and counts of the ratings each node received, by rating; and on each tie
    received: dict[Hashable, dict[str, list[int]]] = {n: {k: [0, 0] for k in RATINGS} for n in S}
    raters: Counter[Hashable] = Counter()
    on_tie: dict[frozenset[Hashable], list[int]] = {}
    for u, v, data in S.edges(data=True):
        mine = received[v]
        tie = on_tie.setdefault(frozenset((u, v)), [0, 0])
        rated = False
        for k in RATINGS:
            rating = data.get(k)
            if rating is not None:
                rated = True
                mine[k][0] += rating
                mine[k][1] += 1
                tie[0] += rating
                tie[1] += 1
        if rated:
            raters[v] += 1
    # C(v) in units of 1 / _TIE_SCALE: whole numbers, exact
    connectivity: dict[Hashable, int] = dict.fromkeys(S, 0)
    for u, v in U.edges():
        total, count = on_tie.get(frozenset((u, v)), (0, 0))
        q = total * _TIE_SCALE // (4 * count) if count else _TIE_SCALE // 4
        connectivity[u] += q
        connectivity[v] += q
    best = max(connectivity.values(), default=0)
    actors = {}
    for node, data in S.nodes(data=True):
        mine = received[node]
        value = [sum(mine[k][i] for k in VALUE_RATINGS) for i in (0, 1)]
        trust = [sum(mine[k][i] for k in TRUST_RATINGS) for i in (0, 1)]
        degree = U.degree(node)
        contributions = data.get("contributions")
        actors[str(node)] = SurveyActor(
            node=str(node),
            name=data.get("name"),
            responded=bool(data.get("responded")),
            degree=degree,
            in_degree=S.in_degree(node),
            out_degree=S.out_degree(node),
            raters=raters[node],
            **{k: _score(*mine[k]) for k in RATINGS},
            value=_score(*value),
            value_pct=_percent(*value),
            trust=_score(*trust),
            trust_pct=_percent(*trust),
            non_redundant=(
                _ratio(degree * degree - 2 * triangles[node], degree, SCORE_PLACES)
                if degree
                else None
            ),
            connectivity=_ratio(connectivity[node] * 100, best, PERCENT_PLACES) if best else 0.0,
            contributions=None if contributions is None else tuple(contributions),
        )
    return SurveyScores(survey=S.graph.get("survey"), date=S.graph.get("date"), actors=actors)
