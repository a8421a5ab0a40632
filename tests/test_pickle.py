"""Every public object pickles and deep-copies to an equal one (issue 16: process pools,
caches, Dask need it).

A property test over the strategies (snapshots, valid snapshots and the reports of
checking them), example tests for the rest: rule sets, parameters, check settings,
the geography, the collaboration graph and its results, errors.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape import network, rules, testing
from lape.errors import ArgumentError, LoadError
from lape.model import CheckSettings, Severity, Snapshot
from lape.reference import funding_pools, geography
from lape.testing import snapshots, valid_snapshots

DAY = dt.date(2017, 10, 1)


def _pickled(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


ROUND_TRIPS: list[Callable[[Any], Any]] = [_pickled, copy.deepcopy, copy.copy]


def _same(value: Any) -> None:
    for round_trip in ROUND_TRIPS:
        assert round_trip(value) == value, round_trip


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(snapshots(max_actors=6, max_groups=3), valid_snapshots(as_of=DAY)))
def test_snapshots_and_their_reports_pickle_and_deep_copy(snapshot: Snapshot) -> None:
    _same(snapshot)
    report = lape.check(snapshot, as_of=DAY, file_settings=False)
    _same(report)
    for finding in report.findings[:5]:
        _same(finding)
    assert _pickled(report).findings == report.findings


EVERY_STRATEGY: dict[str, st.SearchStrategy[Any]] = {
    "actors": testing.actors(),
    "answers": testing.answers(),
    "change_agents": testing.change_agents(),
    "check_settings": testing.check_settings(),
    "coordination_links": testing.coordination_links(),
    "development_projects": testing.development_projects(),
    "funding_pools": testing.funding_pools(),
    "grants": testing.grants(),
    "groups": testing.groups(),
    "health_social_centres": testing.health_social_centres(),
    "interfaces": testing.interfaces(),
    "mandates": testing.mandates(),
    "memberships": testing.memberships(),
    "money": testing.money(),
    "network_members": testing.network_members(),
    "periods": testing.periods(allow_inverted=True),
    "respondents": testing.respondents(),
    "scopes": testing.scopes(),
    "service_networks": testing.service_networks(),
    "services": testing.services(),
    "snapshot_infos": testing.snapshot_infos(),
    "surveys": testing.surveys(max_respondents=3),
    "rule_breaks": testing.rule_breaks(),
}


def test_every_public_strategy_is_listed() -> None:
    with_a_report = {"snapshots", "valid_snapshots"}  # drawn above, and checked
    not_strategies = {"breakable_rules", "breakable_window", "national_snapshot", "problems"}
    functions = {name for name in testing.__all__ if name[0].islower()}
    assert functions - with_a_report - not_strategies == set(EVERY_STRATEGY)


@pytest.mark.parametrize("name", sorted(EVERY_STRATEGY))
def test_what_every_public_strategy_draws_pickles_and_deep_copies(name: str) -> None:
    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(EVERY_STRATEGY[name])
    def round_trips(value: Any) -> None:
        _same(value)

    round_trips()


def test_a_snapshot_pickles_after_its_index_was_built() -> None:
    """The index is a cache: not pickled, rebuilt on use."""
    s = lape.example()
    assert s.index.actor("kuopio-sote") is not None
    back = _pickled(s)
    assert back == s
    assert back.index.actor("kuopio-sote") == s.index.actor("kuopio-sote")
    assert len(pickle.dumps(s)) == len(pickle.dumps(lape.example()))


def test_check_settings_pickle_with_their_severities() -> None:
    settings = CheckSettings(ignore=("LAPE-G05",), severity={"LAPE-G01": Severity.WARNING})
    for round_trip in ROUND_TRIPS:
        back = round_trip(settings)
        assert back == settings
        assert dict(back.severity) == {"LAPE-G01": Severity.WARNING}
    with pytest.raises(TypeError):
        settings.severity["LAPE-G02"] = Severity.INFO  # type: ignore[index]


def test_rule_sets_pickle_and_still_check_the_same() -> None:
    """A catalogue rule's check is made by a factory: it travels by the rule's ID."""
    s = lape.example()
    catalogue = rules.catalogue()
    configured = catalogue.select("LAPE-G*").with_severity({"LAPE-G05": "info"})
    for ruleset in (catalogue, configured):
        for round_trip in ROUND_TRIPS:
            back = round_trip(ruleset)
            assert back == ruleset
            assert [r.check for r in back] == [r.check for r in ruleset]
            assert lape.check(s, rules=back) == lape.check(s, rules=ruleset)


def _module_level_check(ctx: rules.Context) -> list[rules.Outcome]:
    return []


def test_a_users_own_rule_pickles_when_its_check_is_a_module_level_function() -> None:
    mine = rules.rule(
        id="MY-X01",
        severity=Severity.WARNING,
        subjects="actor",
        in_force=lape.model.Period(start=dt.date(2016, 1, 1)),
        source=rules.Source("my notes", "every actor"),
        title=rules.Text("x", "x", "x"),
        message=rules.Text("x", "x", "x"),
    )(_module_level_check)
    back = _pickled(mine)
    assert back == mine
    assert back.check is _module_level_check


@rules.rule(
    id="MY-X02",
    severity=Severity.WARNING,
    subjects="actor",
    in_force=lape.model.Period(start=dt.date(2016, 1, 1)),
    source=rules.Source("my notes", "every actor"),
    title=rules.Text("x", "x", "x"),
    message=rules.Text("x", "x", "x"),
)
def my_decorated_rule(ctx: rules.Context) -> list[rules.Outcome]:
    return []


def test_a_rule_made_with_the_decorator_pickles_by_its_name() -> None:
    """``@rule`` binds the function's name to the rule, so the check is found through it."""
    back = _pickled(my_decorated_rule)
    assert back == my_decorated_rule
    assert back.check is my_decorated_rule.check
    _same(rules.RuleSet((my_decorated_rule,)))


def test_parameters_and_overrides_pickle() -> None:
    p = rules.default_parameters().override("LAPE-F03.min_actors", 3)
    _same(p)
    assert _pickled(p).value("LAPE-F03.min_actors", DAY) == 3


def test_reference_data_pickles() -> None:
    geo = geography()
    back = _pickled(geo)
    assert back.municipality_code("Kajaani") == "205"
    assert back.municipalities == geo.municipalities
    assert copy.deepcopy(geo).regions == geo.regions
    _same(funding_pools())


def test_the_collaboration_graph_and_its_results_pickle() -> None:
    s = lape.example()
    graph = network.collaboration_graph(s, as_of=DAY)
    for round_trip in (_pickled, copy.deepcopy):
        assert nx.utils.graphs_equal(round_trip(graph), graph)
    results: list[Any] = [
        network.network_measures(graph),
        network.area_measures(graph),
        network.brokers(graph, top=3),
        network.bridging_ties(graph),
        network.siloed_actors(graph),
        network.isolated_actors(graph),
        network.peripheral_actors(graph),
        network.components(graph),
        network.regional_links(graph, s),
        network.interface_map(s, as_of=dt.date(2023, 6, 1)),
        network.summarize(graph, s),
        network.timeline(s, dates=[dt.date(2017, 1, 1), dt.date(2018, 1, 1)]),
        network.compare_snapshots(s, s, before_as_of=DAY, after_as_of=dt.date(2023, 6, 1)),
    ]
    first, second = lape.io.example_surveys()[:2]
    surveyed = network.survey_graph(first, s)
    results += [
        network.survey_measures(surveyed),
        network.survey_scores(surveyed),
        network.tie_gaps(graph, surveyed),
        network.survey_changes(surveyed, network.survey_graph(second, s)),
        network.survey_report(s, first, compare=second),
    ]
    for result in results:
        _same(result)


def test_reports_diffs_pickle() -> None:
    s = lape.example()
    report = lape.check(s)
    _same(report.diff(lape.check(s, as_of=dt.date(2023, 6, 1))))
    _same(report.results[0])


def test_errors_pickle_with_their_data() -> None:
    with pytest.raises(LoadError) as load_error:
        lape.loads("actors: [{id: a, name: 42, kind: parish}]", source="mine.yaml")
    with pytest.raises(ArgumentError) as argument_error:
        lape.check(lape.example(), lang="de")  # type: ignore[arg-type]
    with pytest.raises(rules.RuleSelectionError) as selection_error:
        lape.check(lape.example(), select=["NOPE-X99"])
    for error in (load_error.value, argument_error.value, selection_error.value):
        back = _pickled(error)
        assert type(back) is type(error)
        assert str(back) == str(error)
    assert _pickled(load_error.value).problems == load_error.value.problems
