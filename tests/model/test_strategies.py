"""The lape.testing strategies for the model's classes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lape.model import (
    CountyCode,
    Grant,
    Mandate,
    MunicipalityCode,
    Period,
    RegionCode,
    ServiceNetwork,
    Snapshot,
    TargetGroup,
)
from lape.model._ids import ID_PATTERN
from lape.testing import (
    actors,
    change_agents,
    funding_pools,
    grants,
    groups,
    health_social_centres,
    mandates,
    memberships,
    money,
    periods,
    service_networks,
    services,
    snapshots,
)

D = dt.date
M = MunicipalityCode
R = RegionCode
C = CountyCode
KIDS = frozenset({TargetGroup.CHILDREN})


# -- the lape.testing strategies -----------------------------------------------------


@given(periods(min_value=D(2016, 1, 1), max_value=D(2018, 12, 31), allow_open=False))
def test_periods_respect_bounds(p: Period) -> None:
    assert p.end is not None
    assert D(2016, 1, 1) <= p.start <= p.end <= D(2018, 12, 31)
    assert not p.is_inverted


@given(periods())
def test_periods_are_not_inverted_by_default(p: Period) -> None:
    assert not p.is_inverted


@given(
    st.one_of(
        actors(),
        memberships(),
        mandates(),
        groups(),
        change_agents(),
        funding_pools(),
        grants(),
        health_social_centres(),
        services(),
        service_networks(),
    )
)
def test_entity_strategies_build_valid_entities(entity: Any) -> None:
    # attrs runs the validators on construction; validating again must not fail
    attrs.validate(entity)
    for name in ("id", "actor", "pool", "recipient", "provider"):
        value = getattr(entity, name, None)
        if value is not None:
            assert ID_PATTERN.fullmatch(value)


@given(mandates())
def test_mandates_name_at_most_one_grantor(m: Mandate) -> None:
    assert m.municipality is None or m.region is None


@given(grants(pool_ids=["p"], actor_ids=["a", "b"]))
def test_grants_refer_to_the_given_ids(g: Grant) -> None:
    assert g.pool == "p"
    assert set(g.actors) <= {"a", "b"}


@given(service_networks(actor_ids=[]))
def test_networks_without_actors_have_no_services(n: ServiceNetwork) -> None:
    assert n.services == ()
    assert n.leads == ()
    assert n.members == ()
    assert n.coordination == ()


@given(snapshots(min_actors=2, max_actors=2, max_groups=0, max_networks=0))
def test_snapshot_sizes(s: Snapshot) -> None:
    assert len(s.actors) == 2
    assert s.groups == ()
    assert s.networks == ()


@pytest.mark.parametrize(
    "strategy",
    [
        pytest.param(
            lambda: money(min_value=0.5),  # type: ignore[arg-type]
            id="money-float-bound",
        ),
        pytest.param(lambda: money(min_value="1.001"), id="money-sub-cent-bound"),
        pytest.param(lambda: money(min_value=5, max_value=1), id="money-min-above-max"),
        pytest.param(
            lambda: periods(min_value=D(2020, 1, 1), max_value=D(2019, 1, 1)), id="periods-order"
        ),
        pytest.param(
            lambda: periods(min_value=dt.datetime(2020, 1, 1)),
            id="periods-datetime",
        ),
        pytest.param(
            lambda: periods(allow_open=1),  # type: ignore[arg-type]
            id="periods-flag",
        ),
        pytest.param(lambda: snapshots(min_actors=5, max_actors=2), id="snapshots-min-above-max"),
        pytest.param(lambda: snapshots(max_groups=-1), id="snapshots-negative"),
        pytest.param(
            lambda: snapshots(max_pools=1.5),  # type: ignore[arg-type]
            id="snapshots-float-size",
        ),
        pytest.param(lambda: grants(actor_ids=[]), id="grants-no-actors"),
        pytest.param(lambda: services(actor_ids=[]), id="services-no-actors"),
        pytest.param(lambda: memberships(actor_ids=[]), id="memberships-no-actors"),
        pytest.param(lambda: actors(actor_ids="abc"), id="actors-ids-as-str"),
        pytest.param(lambda: actors(actor_ids=["-bad"]), id="actors-bad-id"),
        pytest.param(
            lambda: actors(ids="x"),  # type: ignore[arg-type]
            id="actors-ids-not-strategy",
        ),
        pytest.param(lambda: groups(max_members=-1), id="groups-negative"),
        pytest.param(lambda: service_networks(service_ids=["a", "a"]), id="networks-repeat"),
        pytest.param(
            lambda: service_networks(actor_ids=[], service_ids=["s"]), id="networks-no-provider"
        ),
    ],
)
def test_strategies_refuse_bad_arguments(strategy: Callable[[], st.SearchStrategy[Any]]) -> None:
    built = strategy()  # no error until drawn from, as in hypothesis' own strategies

    @given(built)
    def draw(_: object) -> None:
        pass

    with pytest.raises(InvalidArgument):
        draw()


def test_setup_hook_registers_types() -> None:
    from lape.testing import _hypothesis_setup_hook

    _hypothesis_setup_hook()

    @given(st.from_type(Snapshot), st.from_type(MunicipalityCode), st.from_type(RegionCode))
    def check(s: Snapshot, code: str, region: str) -> None:
        assert list(s.index.dangling_references()) == []
        assert len(code) == 3
        assert len(region) == 2

    check()


def test_import_lape_does_not_import_hypothesis() -> None:
    import subprocess
    import sys

    code = "import sys, lape; lape.Snapshot; assert 'hypothesis' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
