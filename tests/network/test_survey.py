# ruff: noqa: N806 - ``G`` for a graph, ``S`` and ``T`` for survey graphs, as in networkx
"""Survey measures on a tiny hand-computed survey, and their properties."""

from __future__ import annotations

import datetime as dt
import math
import random
from fractions import Fraction

import attrs
import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.model import (
    Answer,
    CollaborationLevel,
    Contribution,
    Frequency,
    Respondent,
    Snapshot,
    Survey,
)
from lape.network import (
    collaboration_graph,
    survey_changes,
    survey_graph,
    survey_measures,
    survey_report,
    survey_scores,
    surveyed_ties,
    tie_gaps,
)
from lape.network._survey import rounded
from lape.testing import snapshots, surveys

D = dt.date(2017, 9, 15)

# snapshots() draws many nested entities: slow to draw on a busy machine
slow_to_draw = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)

# Members e (asked, silent, unnamed), a, b, c (answered), d (named only).
# a -> b (all six rated), a -> c (no rating), a -/-> d; b -> a (two ratings), b -> d (all 1).
TINY = Survey(
    id="tiny",
    date=D,
    members=("e",),
    respondents=(
        Respondent(
            actor="a",
            answers=(
                Answer(
                    partner="b",
                    frequency=Frequency.WEEKLY,
                    level=CollaborationLevel.INTEGRATED,
                    power=4,
                    involvement=4,
                    resources=2,
                    reliability=3,
                    mission=4,
                    openness=4,
                ),
                Answer(partner="c"),
                Answer(partner="d", works_with=False),
            ),
        ),
        Respondent(
            actor="b",
            answers=(
                Answer(partner="a", power=3, reliability=3),
                Answer(
                    partner="d",
                    power=1,
                    involvement=1,
                    resources=1,
                    reliability=1,
                    mission=1,
                    openness=1,
                ),
            ),
        ),
        Respondent(actor="c", contributions=frozenset({Contribution.FUNDING})),
    ),
)


def test_the_graph_of_the_tiny_survey() -> None:
    S = survey_graph(TINY)
    assert list(S) == ["e", "a", "b", "c", "d"]
    assert sorted(S.edges()) == [("a", "b"), ("a", "c"), ("b", "a"), ("b", "d")]
    assert [S.nodes[n]["responded"] for n in "eabcd"] == [False, True, True, True, False]
    assert S.nodes["c"]["contributions"] == ("funding",)
    assert S.nodes["d"]["contributions"] is None
    assert S.edges["a", "b"]["level"] == "integrated"
    assert S.edges["a", "c"]["power"] is None
    assert S.graph == {"survey": "tiny", "date": D, "name": ""}


def test_network_measures_of_the_tiny_survey() -> None:
    m = survey_measures(survey_graph(TINY))
    assert (m.members, m.respondents, m.response_rate) == (5, 3, 0.6)  # 3/5
    assert (m.ties, m.reported, m.reciprocated) == (3, 4, 1)
    assert m.density == 0.3  # 3 / (5*4/2)
    assert m.directed_density == 0.3333  # 4 / (3*4)
    assert m.reciprocated_density == 0.3333  # 1 / (3*2/2)
    assert m.reciprocity == 0.6667  # 2*1 / 3 arcs between respondents (a->b, a->c, b->a)
    assert m.centralization == 0.3333  # degrees 0,2,2,1,1: (2+0+0+1+1) / (4*3)
    assert (m.value, m.value_pct) == (2.29, 57.1)  # (4+4+2 + 3 + 1+1+1) / 7 = 16/7
    assert (m.trust, m.trust_pct) == (2.43, 60.7)  # (3+4+4 + 3 + 1+1+1) / 7 = 17/7
    assert m.levels == {"None": 3, "integrated": 1}
    assert m.frequencies == {"None": 3, "weekly": 1}
    assert m.contributions == {"funding": 1}
    assert m.rows()[0]["density"] == 0.3
    assert set(m.as_dict()) == {*m.columns, "levels", "frequencies", "contributions"}


def test_member_scores_of_the_tiny_survey() -> None:
    scores = survey_scores(survey_graph(TINY))
    assert list(scores.actors) == ["e", "a", "b", "c", "d"]
    a, b, c, d, e = (scores.actors[n] for n in "abcde")
    # b as rated by a: value (4+4+2)/3, trust (3+4+4)/3
    assert (b.raters, b.power, b.resources) == (1, 4.0, 2.0)
    assert (b.value, b.value_pct, b.trust, b.trust_pct) == (3.33, 83.3, 3.67, 91.7)
    assert (a.value, a.trust, a.power, a.involvement) == (3.0, 3.0, 3.0, None)
    assert (d.value, d.value_pct, d.trust_pct) == (1.0, 25.0, 25.0)
    assert (c.raters, c.value, c.value_pct, c.trust) == (0, None, None, None)
    # degrees and non-redundant ties: no triangles, so as many as ties
    assert [(x.degree, x.in_degree, x.out_degree) for x in (a, b, c, d, e)] == [
        (2, 1, 2), (2, 1, 2), (1, 1, 0), (1, 1, 0), (0, 0, 0),
    ]  # fmt: skip
    assert [x.non_redundant for x in (a, b, c, d, e)] == [2.0, 2.0, 1.0, 1.0, None]
    # connectivity: q(a,b) = 27/8 / 4, q(a,c) = 1/4 (unrated), q(b,d) = 1/4;
    # C(a) = C(b) = 35/32, C(c) = C(d) = 8/32
    assert [x.connectivity for x in (a, b, c, d, e)] == [100.0, 100.0, 22.9, 22.9, 0.0]
    assert (c.contributions, d.contributions) == (("funding",), None)
    assert [x.node for x in scores.top("value", 2)] == ["b", "a"]
    assert scores.top("non_redundant")[-1].node == "e"  # no value: last
    assert [row["node"] for row in scores.rows()] == ["e", "a", "b", "c", "d"]


def test_top_refuses_a_column_that_is_not_a_number() -> None:
    with pytest.raises(ValueError, match="numeric column"):
        survey_scores(survey_graph(TINY)).top("name")


def test_non_redundant_ties_with_a_triangle() -> None:
    s = Survey(
        id="t",
        date=D,
        respondents=(
            Respondent(actor="a", answers=(Answer(partner="b"), Answer(partner="c"))),
            Respondent(actor="b", answers=(Answer(partner="c"), Answer(partner="d"))),
        ),
    )
    scores = survey_scores(survey_graph(s)).actors
    # b: ties a, c, d; one tie among them (a-c): 3 - 2*1/3
    assert scores["b"].non_redundant == 2.33
    assert scores["a"].non_redundant == 1.0  # 2 - 2*1/2


def test_an_empty_survey_and_a_silent_one() -> None:
    m = survey_measures(survey_graph(Survey(id="x", date=D)))
    assert (m.members, m.response_rate, m.density, m.reciprocity, m.value) == (
        0,
        0.0,
        0.0,
        None,
        None,
    )
    s = survey_graph(Survey(id="x", date=D, members=("a", "b", "c")))
    m = survey_measures(s)
    assert (m.members, m.respondents, m.directed_density, m.centralization) == (3, 0, 0.0, 0.0)
    assert {a.connectivity for a in survey_scores(s).actors.values()} == {0.0}


def test_names_come_from_the_snapshot() -> None:
    snapshot = lape.example()
    first, _ = lape.io.example_surveys()
    S = survey_graph(first, snapshot)
    assert S.nodes["ps-shp"]["kind"] == "hospital_district"
    assert S.nodes["kuopio-srk"]["sectors"] == ("church",)
    assert (
        survey_scores(S).actors["kuopio-sote"].name == "City of Kuopio, social and health services"
    )


def test_rounding_is_half_up_from_the_exact_value() -> None:
    assert rounded(Fraction(2675, 1000), 2) == 2.68  # the float 2.675 would round to 2.67
    assert rounded(Fraction(1, 3), 4) == 0.3333
    assert rounded(Fraction(2, 3), 4) == 0.6667
    assert rounded(Fraction(-5, 100), 1) == -0.1
    assert rounded(0, 1) == 0.0


# -- the bundled example -----------------------------------------------------------------


def test_the_example_waves() -> None:
    snapshot = lape.example()
    first, second = (survey_graph(w, snapshot) for w in lape.io.example_surveys())
    m1, m2 = survey_measures(first), survey_measures(second)
    assert (m1.respondents, m1.ties, m1.density) == (8, 15, 0.3333)
    assert (m2.respondents, m2.ties, m2.density) == (9, 17, 0.3778)
    G = collaboration_graph(snapshot, as_of=second.graph["date"], change_agents=False)
    gaps = tie_gaps(G, second)
    assert (gaps.totals.formal, gaps.totals.both, gaps.totals.formal_only) == (31, 15, 16)
    assert [(p.u, p.v, p.reported_by) for p in gaps.surveyed_only()] == [
        ("kuopio-sivistys", "suonenjoki-sivistys", ("kuopio-sivistys",)),
        ("lapsiperheet-ps", "kuopio-perheyhdistys", ("lapsiperheet-ps", "kuopio-perheyhdistys")),
    ]
    assert gaps.by_county["13"].surveyed_only == 1
    assert gaps.by_sectors[("civil_society", "civil_society")].surveyed_only == 1
    changes = survey_changes(first, second)
    assert [(t.u, t.v, t.change) for t in changes.gained + changes.lost] == [
        ("kuopio-sote", "kuopio-srk", "gained"),
        ("kuopio-sivistys", "iisalmi-sote", "gained"),
        ("iisalmi-sivistys", "lapsiperheet-ps", "gained"),
        ("ps-shp", "lapsiperheet-ps", "lost"),
    ]
    assert changes.measure("density").change == 0.0445
    with pytest.raises(KeyError, match="no measure 'dens'"):
        changes.measure("dens")
    with pytest.raises(ValueError, match="no table 'tie'"):
        changes.rows("tie")  # type: ignore[arg-type]


def test_tables_as_data_frames() -> None:
    pytest.importorskip("pandas")
    snapshot = lape.example()
    first, second = (survey_graph(w, snapshot) for w in lape.io.example_surveys())
    assert list(survey_scores(second).to_pandas().columns)[:3] == ["node", "name", "responded"]
    assert len(survey_measures(second).to_pandas()) == 1
    frame = survey_changes(first, second).to_pandas("measures")
    assert list(frame.columns) == ["measure", "before", "after", "change"]
    G = collaboration_graph(snapshot, as_of=dt.date(2018, 9, 14))
    assert len(tie_gaps(G, second).to_pandas()) == 33


def test_the_report_of_both_waves_orders_them_by_date() -> None:
    snapshot = lape.example()
    first, second = lape.io.example_surveys()
    one = survey_report(snapshot, second, compare=first)
    other = survey_report(snapshot, first, compare=second)
    assert one.changes is not None
    assert other.changes is not None
    assert (one.changes.before, one.changes.after) == ("ps-survey-2017", "ps-survey-2018")
    assert (other.changes.before, other.changes.after) == ("ps-survey-2017", "ps-survey-2018")
    assert other.survey == "ps-survey-2017"


def test_the_report_names_members_that_are_not_actors() -> None:
    wave = Survey(
        id="w",
        date=D,
        respondents=(Respondent(actor="kuopio-sote", answers=(Answer(partner="ghost"),)),),
    )
    report = survey_report(lape.example(), wave)
    assert report.unknown_members == ("ghost",)
    assert "not actors of the snapshot (LAPE-S01): ghost" in report.to_text()


def test_the_report_caps_its_lists() -> None:
    first, second = lape.io.example_surveys()
    text = survey_report(lape.example(), second, compare=first).to_text(most=2)
    assert "    ... and 14 more\n" in text  # 16 formal ties nobody reports
    assert "  ... and 8 more\n" in text  # 10 members
    assert "    ... and 10 more\n" in text  # 12 changed scores


# -- properties ---------------------------------------------------------------------------


def _relabelled(survey: Survey, new: dict[str, str]) -> Survey:
    return attrs.evolve(
        survey,
        members=tuple(new[m] for m in survey.members),
        respondents=tuple(
            attrs.evolve(
                r,
                actor=new[r.actor],
                answers=tuple(attrs.evolve(a, partner=new[a.partner]) for a in r.answers),
            )
            for r in survey.respondents
        ),
    )


@given(surveys(max_respondents=6), st.randoms(use_true_random=False))
def test_measures_are_invariant_under_relabelling(survey: Survey, rnd: random.Random) -> None:
    roster = list(survey.roster())
    shuffled = roster[:]
    rnd.shuffle(shuffled)
    new = {old: f"x{i}-{s}" for i, (old, s) in enumerate(zip(roster, shuffled, strict=True))}
    other = _relabelled(survey, new)
    S, T = survey_graph(survey), survey_graph(other)
    assert survey_measures(S) == survey_measures(T)
    before, after = survey_scores(S).actors, survey_scores(T).actors
    for old, actor in before.items():
        assert attrs.evolve(after[new[old]], node=old) == actor
    G = nx.gnp_random_graph(len(roster), 0.4, seed=rnd.randint(0, 1000))
    G = nx.relabel_nodes(G, dict(enumerate(roster)))
    H = nx.relabel_nodes(G, new)
    mine, theirs = tie_gaps(G, S), tie_gaps(H, T)
    assert mine.totals == theirs.totals
    assert [(new[p.u], new[p.v], p.status) for p in mine.pairs] == [
        (p.u, p.v, p.status) for p in theirs.pairs
    ]


@slow_to_draw
@given(
    snapshots(min_actors=1, max_actors=7, max_change_agents=0),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)) | st.none(),
)
def test_a_survey_equal_to_the_formal_ties_has_no_gaps(s: Snapshot, day: dt.date | None) -> None:
    G = collaboration_graph(s, as_of=day, change_agents=False)
    wave = Survey(
        id="w",
        date=day or D,
        respondents=tuple(
            Respondent(actor=a.id, answers=tuple(Answer(partner=p) for p in G[a.id]))
            for a in s.actors
        ),
    )
    gaps = tie_gaps(G, survey_graph(wave, s))
    assert gaps.formal_only() == ()
    assert gaps.surveyed_only() == ()
    assert gaps.totals.unobserved == 0
    assert gaps.totals.both == gaps.totals.formal == G.number_of_edges()
    assert sum(c.both for c in gaps.by_county.values()) == G.number_of_edges()


@given(surveys(max_respondents=5))
def test_a_wave_against_itself_changes_nothing(survey: Survey) -> None:
    S = survey_graph(survey)
    c = survey_changes(S, S)
    assert (c.gained, c.lost, c.unobserved, c.ratings, c.scores) == ((), (), 0, (), ())
    assert all(m.change in (0, 0.0, None) for m in c.measures)


@given(surveys(actor_ids=list("abcdef")), surveys(actor_ids=list("abcdef")))
def test_swapping_the_waves_swaps_gains_and_losses(one: Survey, two: Survey) -> None:
    S, T = survey_graph(one), survey_graph(two)
    forward, backward = survey_changes(S, T), survey_changes(T, S)
    assert {frozenset((t.u, t.v)) for t in forward.gained} == {
        frozenset((t.u, t.v)) for t in backward.lost
    }
    assert forward.unobserved == backward.unobserved
    assert len(forward.ratings) == len(backward.ratings)


@given(surveys(max_respondents=6))
def test_non_redundant_ties_are_networkx_effective_size(survey: Survey) -> None:
    S = survey_graph(survey)
    U = surveyed_ties(S)
    theirs = nx.effective_size(U, nodes=list(U))  # Borgatti's form, node by node
    for node, actor in survey_scores(S).actors.items():
        if actor.non_redundant is None:
            assert math.isnan(theirs[node])
        else:
            assert abs(actor.non_redundant - theirs[node]) <= 0.005 + 1e-9


@given(surveys(max_respondents=6))
def test_shares_and_scores_stay_in_their_ranges(survey: Survey) -> None:
    S = survey_graph(survey)
    m = survey_measures(S)
    for share in (m.response_rate, m.density, m.directed_density, m.reciprocated_density):
        assert 0 <= share <= 1
    assert 0 <= m.centralization <= 1
    assert m.reciprocity is None or 0 <= m.reciprocity <= 1
    actors = survey_scores(S).actors.values()
    connectivity = [a.connectivity for a in actors]
    assert all(0 <= c <= 100 for c in connectivity)
    assert max(connectivity, default=0) in (0.0, 100.0)
    for a in actors:
        for score in (a.value, a.trust):
            assert score is None or 1 <= score <= 4
        assert a.non_redundant is None or 1 <= a.non_redundant <= a.degree
